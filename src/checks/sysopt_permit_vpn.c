/*
 * sysopt-permit-vpn-off: the ASA/PIX checks decrypted traffic against the
 * crypto interface's inbound ACL, and that ACL does not permit it.
 *
 * Effective setting: the model holds the explicit value, or the platform
 * default filled by finalize (defaults.c: PIX 6.x off, ASA 7.0(1)+ on;
 * catalog note: "off by default on PIX 6.x and on by default from ASA/PIX
 * 7.0(1)"). The catalog is followed where it differs from the task brief
 * (which said ASA 7.0 defaults off). A PIX 7.x whose value was defaulted
 * (line 0) is treated as on, since 7.0(1) runs the ASA code.
 *
 * Decrypted traffic arrives on the crypto interface as the mirror of the
 * crypto ACL (remote -> local). With an inbound ACL (interface, else
 * global), every mirrored box must be permitted in full (acl_eval.h). With
 * none, the security-level rule decides: traffic from a lower to a higher
 * security level is dropped (ASA configuration guide, "Security Levels").
 *
 * Severity (docs/severity.md): an ACL that permits none of the decrypted
 * traffic breaks the tunnel now (error); one whose permits name the remote
 * network and cover part of its traffic filters VPN traffic on purpose
 * (Cisco: with permit-vpn off "the interface ACL applies to VPN traffic"),
 * so the finding is a warning that names what is dropped.
 */
#include <stdio.h>
#include <string.h>

#include "../model/acl_eval.h"
#include "aclnat_util.h"
#include "checks_list.h"

static bool permit_off(const struct device *d, const struct loc **where)
{
        const struct sysopt *o = &d->sysopt;
        if (d->platform == PLAT_ASA) {
                *where = o->permit_vpn == TRI_OFF ? &o->permit_vpn_loc : &o->permit_ipsec_loc;
                return o->permit_vpn == TRI_OFF || o->permit_ipsec == TRI_OFF;
        }
        if (d->platform != PLAT_PIX)
                return false;
        *where = &o->permit_ipsec_loc;
        if (o->permit_ipsec == TRI_ON || o->permit_vpn == TRI_ON)
                return false;
        if (o->permit_ipsec_loc.line == 0 && version_at_least(&d->version, 7, 0, 1))
                return false;
        return true;
}

static const struct acl *inbound_acl(const struct device *d, const char *ifname,
                                     const struct access_group **g)
{
        const struct access_group *global = NULL;
        for (size_t i = 0; i < d->access_groups.n; i++) {
                const struct access_group *a = d->access_groups.v[i];
                if (a->global && !global)
                        global = a;
                if (a->in && !a->global && a->ifname && !strcmp(a->ifname, ifname)) {
                        *g = a;
                        return model_get_acl(d, a->acl);
                }
        }
        *g = global;
        return global ? model_get_acl(d, global->acl) : NULL;
}

/* Does the security-level rule drop b's mirror without an ACL? */
static bool level_drops(const struct device *d, const struct cbox *b)
{
        const struct iface *out = model_get_nameif(d, b->ifname);
        bool specific;
        const struct iface *in = route_range(d, b->box.src, &specific);
        return out && in && !iface_is(in, b->ifname) && out->security_level >= 0 &&
               in->security_level > out->security_level;
}

/* A deliberate VPN filter: a permit whose source is the remote network (or
 * part of it), not "any". A partial cover by unrelated permits (a web server
 * open to any source) filters nothing on purpose. */
static bool filters_vpn(const struct acl *acl, const struct flowbox *m)
{
        for (size_t i = 0; i < acl->aces.n; i++) {
                const struct ace *e = acl->aces.v[i];
                if (e->remark || e->inactive || e->action != ACL_PERMIT)
                        continue;
                for (size_t k = 0; k < e->nboxes; k++) {
                        const struct range32 *s = &e->boxes[k].src;
                        if ((s->lo != 0 || s->hi != UINT32_MAX) && s->lo >= m->src.lo &&
                            s->hi <= m->src.hi)
                                return true;
                }
        }
        return false;
}

static int report(struct check_ctx *c, const struct cbox *b, const struct flowbox *m,
                  const struct loc *where, const struct access_group *g, const struct acl *acl,
                  bool partial)
{
        char flow[160];
        const char *opt = c->dev->platform == PLAT_PIX ? "sysopt connection permit-ipsec"
                                                       : "sysopt connection permit-vpn";
        box_text(m, flow, sizeof(flow));
        struct finding *f = check_report(c, where->line ? where : &b->entry->loc);
        if (f && partial)
                f->severity = SEV_WARNING;
        if (!f ||
            (acl ? finding_title(c->fs, f,
                                 "%s is off and ACL '%s' on '%s' does not permit %sdecrypted "
                                 "traffic %s (crypto map '%s' %d)%s",
                                 opt, acl->name, b->ifname, partial ? "all of the " : "", flow,
                                 b->entry->map, b->entry->seq,
                                 partial ? ": the flows it does not permit are dropped" : "")
                 : finding_title(c->fs, f,
                                 "%s is off and '%s' has no inbound ACL: decrypted traffic "
                                 "%s (crypto map '%s' %d) goes to a higher security level",
                                 opt, b->ifname, flow, b->entry->map, b->entry->seq)) ||
            finding_evidence(c->fs, f, &b->ace->loc) ||
            (g && finding_evidence(c->fs, f, &g->loc)) ||
            finding_set_peer(c->fs, f, entry_peer(b->entry)))
                return -1;
        if (where->line == 0 &&
            finding_explain(c->fs, f,
                            "%s No sysopt line is configured: the platform default "
                            "(off on PIX 6.x) was assumed.",
                            f->diag->explanation))
                return -1;
        const char *vars[] = {"if", b->ifname, NULL};
        return check_fix(c, f, vars);
}

int check_sysopt_permit_vpn_off(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const struct loc *where = NULL;
        if (!permit_off(d, &where))
                return 0;
        struct cboxes s;
        int rc = cboxes_collect(d, &s);
        size_t done_map = SIZE_MAX; /* one finding per bound map */
        for (size_t i = 0; rc == 0 && i < s.n; i++) {
                const struct cbox *b = &s.v[i];
                if (b->map_idx == done_map)
                        continue;
                const struct access_group *g = NULL;
                const struct acl *acl = inbound_acl(d, b->ifname, &g);
                struct flowbox m = fb_mirror(&b->box);
                bool denied, partial = false;
                if (acl) {
                        struct acl_cover cv = acl_cover_box(acl, &m, 4096);
                        denied =
                            !cv.inexact && (cv.cover == COVER_NONE || cv.cover == COVER_PARTIAL);
                        partial = cv.cover == COVER_PARTIAL && filters_vpn(acl, &m);
                } else {
                        denied = !g && level_drops(d, b);
                }
                if (!denied)
                        continue;
                done_map = b->map_idx;
                rc = report(c, b, &m, where, g, acl, partial);
        }
        cboxes_free(&s);
        return rc;
}
