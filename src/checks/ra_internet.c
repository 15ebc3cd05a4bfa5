/*
 * ra-no-internet: tunnel-all clients reach the internet only when the head
 * end sends their traffic back out the interface it came in on
 * (same-security-traffic permit intra-interface) translated (a NAT for the
 * pool from the outside interface to itself).
 */
#include <stdlib.h>

#include "../util/ipv4.h"
#include "../model/nat_eval.h"
#include "checks_list.h"
#include "ra_common.h"
#include "excerpt.h"

/* True when every pool of r is translated from the VPN interface to itself. */
static bool pools_natted(const struct device *d, const struct ra_tg *r, const char *vpnif)
{
        const struct ptrvec *names = ra_pools(r);
        size_t known = 0;
        for (size_t k = 0; k < names->n; k++) {
                const struct local_pool *p = model_get_pool(d, names->v[k]);
                if (!p || p->ipv6)
                        continue;
                struct flowbox fb = fb_any();
                fb.src.lo = p->lo;
                fb.src.hi = p->hi;
                struct nat_result nr = nat_eval(d, &fb, vpnif, vpnif);
                if (nr.verdict != NATV_TRANSLATE && nr.verdict != NATV_UNKNOWN)
                        return false;
                known++;
        }
        return known > 0;
}

static int report(struct check_ctx *c, const struct ra_tg *r, const char *vpnif, bool hairpin)
{
        char n[16], m[16];
        const char *owner = RA_OWNER(c->dev, r->gp, split_policy_set);
        const struct ptrvec *names = ra_pools(r);
        const struct local_pool *p = names->n ? model_get_pool(c->dev, names->v[0]) : NULL;
        uint32_t net = 0, mask = 0;
        if (p)
                ra_pool_net(p, &net, &mask);
        struct finding *f = check_report(c, ra_loc_or(&r->eff.split_policy_loc, &r->tg->loc));
        if (!f ||
            finding_title(
                c->fs, f,
                "remote-access tunnel-group '%s' tunnels all traffic (group-policy '%s'%s) "
                "and %s",
                r->tg->name, owner ? owner : r->gp_name, owner ? "" : ", by default",
                hairpin ? "the pool is not translated back out on the VPN interface"
                        : "same-security-traffic permit intra-interface is not set") ||
            finding_evidence(c->fs, f, &r->tg->loc) || (p && finding_evidence(c->fs, f, &p->loc)))
                return -1;
        const char *vars[] = {"if",          vpnif,
                              "remote_net",  p ? ipv4_str(net, n) : NULL,
                              "remote_mask", p ? ipv4_str(mask, m) : NULL,
                              NULL};
        return check_fix(c, f, vars); /* without a pool the list ends after "if" */
}

/* One finding per line that sets tunnel-all (or per default): groups
 * sharing a policy share the answer. */
int check_ra_no_internet(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const char *vpnif = ra_vpn_ifname(d);
        uint32_t *seen = calloc(d->tunnel_groups.n + 1, sizeof(*seen));
        size_t nseen = 0;
        int rc = seen ? 0 : -1;
        if (d->platform == PLAT_IOS)
                d = NULL; /* IOS Easy VPN has no tunnel-group: nothing to check */
        else if (excerpt_unseen(d, d->group_policies.n))
                d = NULL; /* tunnel-groups pasted without their group-policies */
        for (size_t i = 0; !rc && d && i < d->tunnel_groups.n; i++) {
                struct ra_tg r;
                if (!ra_tg_is_ra(d->tunnel_groups.v[i]))
                        continue;
                ra_tg_load(d, d->tunnel_groups.v[i], 0, &r);
                if (r.eff.split_policy != SPLIT_TUNNELALL || (r.gp && r.gp->external))
                        continue;
                bool intra = d->same_sec_intra == TRI_ON;
                if (intra && pools_natted(d, &r, vpnif))
                        continue;
                if (ra_seen_line(seen, &nseen, r.eff.split_policy_loc.line))
                        continue;
                rc = report(c, &r, vpnif, intra);
        }
        free(seen);
        return rc;
}
