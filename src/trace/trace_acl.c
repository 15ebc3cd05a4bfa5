/* Phase 5: the interface access lists (and, on ASA/PIX, security levels
 * and 'sysopt connection permit-vpn' for traffic out of a tunnel). */
#include <stdio.h>
#include <string.h>

#include "../model/acl_eval.h"
#include "trace_int.h"

static bool appliance(const struct device *dev)
{
        return dev->platform == PLAT_ASA || dev->platform == PLAT_PIX;
}

/* ASA/PIX: the access-group applied to nameif in direction in, else the
 * global one (8.3+, inbound only). */
static const struct access_group *access_group(const struct device *dev, const char *nameif,
                                               bool in)
{
        const struct access_group *global = NULL;
        for (size_t i = 0; i < dev->access_groups.n; i++) {
                const struct access_group *g = dev->access_groups.v[i];
                if (g->global && in)
                        global = g;
                else if (!g->global && g->ifname && g->in == in && !strcmp(g->ifname, nameif))
                        return g;
        }
        return global;
}

/* One ACL on the packet: TP_NEXT when it permits, TP_STOP when it drops. */
static int eval_acl(struct trace_phase *p, const struct trace *t, const char *name,
                    const char *where, const struct flowbox *flow, const struct loc **deciding)
{
        const struct acl *acl = model_get_acl(t->dev, name);
        if (!acl && !appliance(t->dev)) {
                /* IOS: an access-group naming an undefined ACL filters nothing. */
                tp_say(p, "'ip access-group %s' %s names an undefined ACL, which permits all. ",
                       name, where);
                return TP_NEXT;
        }
        struct acl_match m = acl_first_match(acl, flow);
        if (m.ace) {
                tp_line(p, &m.ace->loc);
                *deciding = &m.ace->loc;
        }
        if (m.res == ACL_RES_PERMIT) {
                tp_say(p, "Access-list %s %s permits it (line %u). ", name, where,
                       (unsigned)m.ace->loc.line);
                return TP_NEXT;
        }
        p->verdict = TV_DROP;
        if (m.res == ACL_RES_DENY)
                tp_say(p, "Access-list %s %s denies it (line %u). ", name, where,
                       (unsigned)m.ace->loc.line);
        else
                tp_say(p,
                       "Access-list %s %s has no entry for it: the implicit deny at its end drops "
                       "it. ",
                       name, where);
        return TP_STOP;
}

static int level(const struct iface *f)
{
        return f->security_level < 0 ? 0 : f->security_level;
}

/* ASA/PIX without an inbound ACL: the security-level rule. */
static int by_levels(struct trace_phase *p, const struct trace *t)
{
        int a = level(t->in), b = level(t->out);
        const struct device *d = t->dev;
        bool same = t->in == t->out;
        enum tristate permit = same ? d->same_sec_intra : d->same_sec_inter;
        if (a > b || (a == b && permit == TRI_ON)) {
                tp_say(p, "No access-group on %s: security-level %d to %d is allowed%s. ",
                       t->in->nameif ? t->in->nameif : t->in->name, a, b,
                       a > b  ? " (higher to lower)"
                       : same ? " by same-security-traffic permit intra-interface"
                              : " by same-security-traffic permit inter-interface");
                if (a == b)
                        tp_line(p, &d->same_sec_intra_loc);
                return TP_NEXT;
        }
        p->verdict = TV_DROP;
        if (a < b)
                tp_say(p,
                       "No access-group on %s: security-level %d to %d (lower to higher) needs an "
                       "ACL that permits it. ",
                       t->in->nameif ? t->in->nameif : t->in->name, a, b);
        else
                tp_say(p,
                       "Security-level %d to %d (equal) needs 'same-security-traffic permit "
                       "%s-interface'. ",
                       a, b, same ? "intra" : "inter");
        return TP_STOP;
}

/* The command's name on this platform (PIX 6 / ASA 7.0: permit-ipsec). */
static const char *sysopt_name(const struct device *dev)
{
        /* an unknown version counts as current software, as defaults.h does */
        return dev->platform == PLAT_PIX ||
                       (dev->version.major >= 0 && !version_at_least(&dev->version, 7, 1, 0))
                   ? "permit-ipsec"
                   : "permit-vpn";
}

static const struct loc *vpn_bypass(const struct device *dev, bool *on)
{
        /* PIX 6 and ASA 7.0 call it permit-ipsec, 7.1+ permit-vpn (either may be set). */
        *on = dev->sysopt.permit_vpn == TRI_ON || dev->sysopt.permit_ipsec == TRI_ON;
        if (dev->sysopt.permit_vpn != TRI_UNSET)
                return &dev->sysopt.permit_vpn_loc;
        return &dev->sysopt.permit_ipsec_loc;
}

static int appliance_in(struct trace_phase *p, struct trace *t, struct findings *fs)
{
        const struct loc *deciding = NULL;
        bool on;
        const struct loc *sys = vpn_bypass(t->dev, &on);
        struct flowbox flow = tp_flow(t);
        if (t->decrypted && on) {
                tp_line(p, sys);
                tp_say(p,
                       "Decrypted traffic bypasses the interface ACL: 'sysopt connection %s' is "
                       "%s. ",
                       sysopt_name(t->dev), sys->line ? "configured" : "on by default");
                return TP_NEXT;
        }
        const struct access_group *g = access_group(t->dev, trace_if_key(t->in), true);
        int rc;
        if (g) {
                tp_line(p, &g->loc);
                rc = eval_acl(p, t, g->acl, g->global ? "(global)" : "inbound", &flow, &deciding);
        } else {
                rc = by_levels(p, t);
        }
        if (rc == TP_STOP && t->decrypted) {
                char why[TRACE_DETAIL];
                snprintf(why, sizeof(why), "%s", p->detail);
                tp_line(p, sys);
                tp_say(p,
                       "It arrived decrypted, and 'sysopt connection %s' is off, so the "
                       "interface rules apply: see sysopt-permit-vpn-off. ",
                       sysopt_name(t->dev));
                if (tf_sysopt_permit_vpn_off(t, fs, deciding ? deciding : g ? &g->loc : NULL, why))
                        return TP_OOM;
        }
        return rc;
}

static int appliance_acl(struct trace_phase *p, struct trace *t, struct findings *fs)
{
        int rc = appliance_in(p, t, fs);
        if (rc != TP_NEXT)
                return rc;
        const struct access_group *g = access_group(t->dev, trace_if_key(t->out), false);
        if (!g)
                return TP_NEXT;
        const struct loc *deciding = NULL;
        struct flowbox flow = tp_flow(t);
        tp_line(p, &g->loc);
        return eval_acl(p, t, g->acl, "outbound", &flow, &deciding);
}

static int ios_acl(struct trace_phase *p, struct trace *t)
{
        const struct loc *deciding = NULL;
        struct flowbox flow = tp_flow(t), post = tp_flow_post_nat(t);
        if (!t->in->acl_in && !t->out->acl_out) {
                tp_say(p, "No 'ip access-group' on %s or %s: nothing filters it. ", t->in->name,
                       t->out->name);
                return TP_NEXT;
        }
        /* IOS 12.3(8)T+ checks decrypted packets against the inbound ACL of
         * the crypto interface too (there is no sysopt to skip it). */
        if (t->decrypted && t->in->acl_in)
                tp_say(p, "Decrypted packets are checked against the inbound ACL. ");
        if (t->in->acl_in && eval_acl(p, t, t->in->acl_in, "inbound", &flow, &deciding) == TP_STOP)
                return TP_STOP;
        /* Inside to outside, IOS translates before the outbound ACL. */
        if (t->out->acl_out)
                return eval_acl(p, t, t->out->acl_out, "outbound", &post, &deciding);
        return TP_NEXT;
}

int trace_acl(struct trace *t, struct findings *fs)
{
        struct trace_phase *p = tp_begin(t, TT_ACL, TV_ALLOW);
        if (t->from_box) {
                p->verdict = TV_INFO;
                tp_say(p, "Generated by the device itself: interface ACLs do not filter it.");
                return TP_NEXT;
        }
        int rc = appliance(t->dev) ? appliance_acl(p, t, fs) : ios_acl(p, t);
        size_t n = strlen(p->detail);
        if (n && p->detail[n - 1] == ' ')
                p->detail[n - 1] = '\0';
        return rc;
}
