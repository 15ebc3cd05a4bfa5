/*
 * mode-config-pool-missing: a remote-access group with no way to give its
 * clients an address during mode configuration.
 */
#include <string.h>

#include "checks_list.h"
#include "ra_common.h"

/* Protocols that need a client address (clientless SSL does not). */
#define ADDR_PROTOS (VPN_PROTO_IPSEC | VPN_PROTO_IKEV2 | VPN_PROTO_L2TP | VPN_PROTO_SSL_CLIENT)

static bool radius(const struct device *d, const char *group)
{
        for (size_t i = 0; group && i < d->aaa_groups.n; i++) {
                const struct aaa_group *g = d->aaa_groups.v[i];
                if (!strcmp(g->name, group))
                        return g->protocol && !strcmp(g->protocol, "radius");
        }
        return false;
}

/* The first pool name that exists, or NULL; *named: the first name given. */
static const struct local_pool *first_pool(const struct device *d, const struct ptrvec *names,
                                           const char **named)
{
        *named = names->n ? names->v[0] : NULL;
        for (size_t k = 0; k < names->n; k++) {
                const struct local_pool *p = model_get_pool(d, names->v[k]);
                if (p)
                        return p;
        }
        return NULL;
}

static int report_asa(struct check_ctx *c, const struct ra_tg *r, const char *named)
{
        const struct tunnel_group *tg = r->tg;
        struct finding *f = check_report(c, tg->pools_loc.line ? &tg->pools_loc : &tg->loc);
        if (!f)
                return -1;
        int e = named ? finding_title(c->fs, f,
                                      "remote-access tunnel-group '%s' draws addresses from pool "
                                      "'%s', which does not exist",
                                      tg->name, named)
                      : finding_title(c->fs, f,
                                      "remote-access tunnel-group '%s' has no address pool (own or "
                                      "group-policy '%s'), no dhcp-server and no RADIUS server",
                                      tg->name, r->gp_name);
        if (e || (r->eff.pools_loc.line && finding_evidence(c->fs, f, &r->eff.pools_loc)))
                return -1;
        const char *vars[] = {"tg", tg->name, "pool", named, NULL};
        return check_fix(c, f, vars);
}

/* ASA: RADIUS can return Framed-IP-Address, so a RADIUS authentication
 * group counts as a source of addresses. */
static int check_asa(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                struct ra_tg r;
                const char *named;
                if (!ra_tg_is_ra(tg))
                        continue;
                ra_tg_load(d, tg, 0, &r);
                if ((r.gp && r.gp->external) || !(r.eff.tunnel_protocols & ADDR_PROTOS) ||
                    tg->dhcp_servers.n || radius(d, tg->auth_server_group))
                        continue;
                if (!first_pool(d, ra_pools(&r), &named) && report_asa(c, &r, named))
                        return -1;
        }
        return 0;
}

/* IOS: a client configuration group hands out addresses only from its
 * "pool". */
static int check_ios(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->client_groups.n; i++) {
                const struct client_group *g = d->client_groups.v[i];
                if (g->pool && model_get_pool(d, g->pool))
                        continue;
                struct finding *f = check_report(c, &g->loc);
                if (!f)
                        return -1;
                int e = g->pool
                            ? finding_title(c->fs, f,
                                            "client configuration group '%s' names pool '%s', "
                                            "which does not exist",
                                            g->name, g->pool)
                            : finding_title(c->fs, f,
                                            "client configuration group '%s' has no address pool",
                                            g->name);
                const char *vars[] = {"group", g->name, "pool", g->pool, NULL};
                if (e || check_fix(c, f, vars))
                        return -1;
        }
        return 0;
}

int check_mode_config_pool_missing(struct check_ctx *c)
{
        return c->dev->platform == PLAT_IOS ? check_ios(c) : check_asa(c);
}
