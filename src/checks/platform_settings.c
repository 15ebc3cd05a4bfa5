/*
 * ASA/PIX global settings that quietly hurt VPNs: IDS signatures that drop
 * large pings, an unbounded logging queue, flows lost on renegotiation, and
 * no management access through the tunnel.
 */
#include <stdlib.h>
#include <string.h>

#include "checks_list.h"
#include "excerpt.h"
#include "plat_common.h"

static bool appliance(const struct device *d)
{
        return d->platform == PLAT_ASA || d->platform == PLAT_PIX;
}

static bool sig_disabled(const struct device *d, unsigned sig)
{
        for (size_t i = 0; i < d->audit_sig_disabled.n; i++) {
                const struct iface_ref *r = d->audit_sig_disabled.v[i];
                char *end;
                if (r->ifname && strtoul(r->ifname, &end, 10) == sig && *end == '\0')
                        return true;
        }
        return false;
}

/* The model keeps only "ip audit signature N disable" lines: a config that
 * disables some signatures but not 2150/2151 shows ip audit is in use with
 * those two still active. Without any such line we cannot tell whether an
 * audit policy is applied, so we stay silent. */
int check_ids_large_icmp(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (!appliance(d) || d->audit_sig_disabled.n == 0 || !plat_any_binding(d))
                return 0;
        bool off2150 = sig_disabled(d, 2150), off2151 = sig_disabled(d, 2151);
        if (off2150 && off2151)
                return 0;
        const struct iface_ref *first = d->audit_sig_disabled.v[0];
        struct finding *f = check_report(c, &first->loc);
        if (!f)
                return -1;
        const char *which = !off2150 && !off2151 ? "2150 and 2151 are"
                            : !off2150           ? "2150 is"
                                                 : "2151 is";
        if (finding_title(c->fs, f, "ip audit is in use but IDS signature %s still enabled",
                          which) ||
            finding_explain(
                c->fs, f,
                "%s The config disables other ip audit signatures (line %u), so an audit "
                "policy is in use; signature %s not disabled. Whether the policy drops on "
                "the tunnel's interface was not checked (ip audit interface/name lines are "
                "not modelled).",
                f->explanation, (unsigned)first->loc.line, which))
                return -1;
        if (off2150 || off2151) {
                /* Only the one still enabled: the catalog's fix would repeat a line
                 * the config already has. */
                const char *line =
                    off2150 ? "ip audit signature 2151 disable" : "ip audit signature 2150 disable";
                return finding_fix_lines(c->fs, f, d, &line, 1, NULL);
        }
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

static bool crypto_enabled(const struct device *d)
{
        return d->ike.ikev1_enabled.n > 0 || d->ike.ikev2_enabled.n > 0;
}

/* "logging queue 0" means an unbounded queue (ASA command reference,
 * logging queue: 0 = unlimited), which competes with crypto for memory. */
int check_low_memory_crypto(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA || d->logging_queue != 0 || !crypto_enabled(d))
                return 0;
        struct finding *f = check_report(c, &d->logging_queue_loc);
        if (!f)
                return -1;
        const struct iface_ref *en =
            d->ike.ikev1_enabled.n ? d->ike.ikev1_enabled.v[0] : d->ike.ikev2_enabled.v[0];
        if (finding_title(c->fs, f,
                          "'logging queue 0' (unlimited) on an ASA with crypto enabled on '%s'",
                          en->ifname ? en->ifname : "?") ||
            finding_evidence(c->fs, f, &en->loc))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

/* Persistent IPsec tunneled flows ("sysopt connection preserve-vpn-flows")
 * appeared in ASA 8.0(4) (Cisco ASA new features by release); it is off by
 * default. Older releases cannot be fixed by a command, so they are skipped. */
/* How many sysopt lines the input shows: an excerpt without any ("show
 * running-config crypto map") says nothing of the device's sysopt settings. */
static size_t sysopt_lines(const struct sysopt *s)
{
        return (s->permit_vpn_loc.line != 0) + (s->permit_ipsec_loc.line != 0) +
               (s->tcpmss_loc.line != 0) + (s->preserve_loc.line != 0);
}

int check_preserve_vpn_flows(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA || d->sysopt.preserve_vpn_flows == TRI_ON ||
            excerpt_unseen(d, sysopt_lines(&d->sysopt)))
                return 0;
        if (d->version.major >= 0 && !version_at_least(&d->version, 8, 0, 4))
                return 0;
        const struct crypto_map_binding *b = plat_l2l_binding(d);
        if (!b)
                return 0;
        bool explicit_off = d->sysopt.preserve_vpn_flows == TRI_OFF && d->sysopt.preserve_loc.line;
        struct finding *f = check_report(c, explicit_off ? &d->sysopt.preserve_loc : &b->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "LAN-to-LAN crypto map '%s' on '%s' without 'sysopt connection "
                          "preserve-vpn-flows'",
                          b->map, b->ifname ? b->ifname : "?") ||
            (explicit_off && finding_evidence(c->fs, f, &b->loc)))
                return -1;
        if (d->version.major < 0 &&
            finding_explain(c->fs, f,
                            "%s The version is unknown: assumed 8.0(4) or later, where the command "
                            "exists.",
                            f->explanation))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

/* Advisory: with VPN configured and no "management-access", the inside
 * interface does not answer through the tunnel, which misleads tests. */
int check_management_access_missing(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (!appliance(d) || d->management_access)
                return 0;
        const struct crypto_map_binding *b = plat_any_binding(d);
        const struct iface *in = plat_inside_if(d);
        if (!b || !in)
                return 0;
        struct finding *f = check_report(c, &b->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "No 'management-access': interface '%s' cannot be reached through the "
                          "tunnels of crypto map '%s'",
                          in->nameif, b->map) ||
            finding_evidence(c->fs, f, &in->loc))
                return -1;
        const char *vars[] = {"nat_if", in->nameif, NULL};
        return check_fix(c, f, vars);
}
