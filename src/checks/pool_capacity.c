/*
 * pool-too-small: the pools of the remote-access groups hold fewer
 * addresses than vpn-sessiondb max-session-limit allows sessions;
 * pool-overridden: a tunnel-group's address-pool that its group-policy's
 * address-pools hides; session-limit: a session limit below one session
 * per configured tunnel.
 */
#include <inttypes.h>
#include <string.h>

#include "../util/strmap.h"
#include "checks_list.h"
#include "ra_common.h"

struct pool_sum {
        uint64_t addrs;
        const struct local_pool *first;
        const struct tunnel_group *first_tg;
        bool unknown; /* a group gets addresses from elsewhere (DHCP, RADIUS) */
};

/* Adds the pools of one RA group, each pool once however many groups use it. */
static int add_pools(const struct device *d, const struct ra_tg *r, struct arena *a,
                     struct strmap *seen, struct pool_sum *s)
{
        const struct ptrvec *names = ra_pools(r);
        if (!names->n)
                s->unknown = true;
        if (!s->first_tg)
                s->first_tg = r->tg;
        for (size_t k = 0; k < names->n; k++) {
                const struct local_pool *p = model_get_pool(d, names->v[k]);
                if (!p || strmap_get(seen, p->name))
                        continue;
                if (strmap_put(a, seen, p->name, (void *)p))
                        return -1;
                s->addrs += ra_pool_size(p);
                if (!s->first)
                        s->first = p;
        }
        return 0;
}

static int sum_pools(const struct device *d, struct pool_sum *s)
{
        struct arena a;
        struct strmap seen = {0};
        int rc = 0;
        arena_init(&a, 0);
        for (size_t i = 0; !rc && i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                struct ra_tg r;
                if (!ra_tg_is_ra(tg))
                        continue;
                ra_tg_load(d, tg, 0, &r);
                rc = add_pools(d, &r, &a, &seen, s);
        }
        arena_free(&a);
        return rc;
}

/* Only with an explicit limit: the platform's own limit depends on the
 * model and licence, which a running config does not say. */
int check_pool_too_small(struct check_ctx *c)
{
        const struct device *d = c->dev;
        struct pool_sum s = {0};
        if (d->max_sessions <= 0 || sum_pools(d, &s))
                return d->max_sessions <= 0 ? 0 : -1;
        if (s.unknown || !s.first || s.addrs >= (uint64_t)d->max_sessions)
                return 0;
        struct finding *f = check_report(c, &d->max_sessions_loc);
        if (!f ||
            finding_title(c->fs, f,
                          "the remote-access pools hold %" PRIu64
                          " addresses, fewer than vpn-sessiondb max-session-limit %d",
                          s.addrs, d->max_sessions) ||
            finding_evidence(c->fs, f, &s.first->loc))
                return -1;
        const char *vars[] = {"tg", s.first_tg->name, NULL};
        return check_fix(c, f, vars);
}

/* ---- pool-overridden ----------------------------------------------------- */

int check_pool_overridden(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                struct ra_tg r;
                if (!ra_tg_is_ra(tg) || !tg->address_pools.n)
                        continue;
                ra_tg_load(d, tg, 0, &r);
                if (!r.eff.pools_set || !r.eff.address_pools.n)
                        continue;
                const char *owner = RA_OWNER(d, r.gp, pools_set);
                struct finding *f = check_report(c, &tg->pools_loc);
                if (!f ||
                    finding_title(c->fs, f,
                                  "tunnel-group '%s' address-pool is never used: group-policy '%s' "
                                  "sets address-pools %s",
                                  tg->name, owner ? owner : r.gp_name,
                                  (const char *)r.eff.address_pools.v[0]) ||
                    finding_evidence(c->fs, f, &r.eff.pools_loc))
                        return -1;
                /* "address-pools none" in the tunnel-group's own policy stops the
                 * inheritance, whichever policy set the pools */
                const char *vars[] = {"gp", r.gp_name, "tg", tg->name, NULL};
                if (check_fix(c, f, vars))
                        return -1;
        }
        return 0;
}

/* ---- session-limit ------------------------------------------------------- */

/*
 * Every LAN-to-LAN peer holds a session while its tunnel is up, and every
 * remote-access group exists for at least one user: a limit below their
 * count refuses a configured tunnel for certain. (A limit below the pool
 * sizes is normal: licences are often smaller than a /24 pool.)
 */
int check_session_limit(struct check_ctx *c)
{
        const struct device *d = c->dev;
        size_t l2l = 0, ra = 0;
        if (d->max_sessions <= 0)
                return 0;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                l2l += tg->type == TG_L2L && tg->name_is_addr;
                ra += ra_tg_is_ra(tg) && strcmp(tg->name, "DefaultRAGroup") != 0;
        }
        if ((uint64_t)d->max_sessions >= (uint64_t)l2l + ra)
                return 0;
        struct finding *f = check_report(c, &d->max_sessions_loc);
        if (!f || finding_title(c->fs, f,
                                "vpn-sessiondb max-session-limit %d is lower than the %zu tunnels "
                                "configured (%zu LAN-to-LAN peers, %zu remote-access groups)",
                                d->max_sessions, l2l + ra, l2l, ra))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}
