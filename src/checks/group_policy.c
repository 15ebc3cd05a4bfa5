/*
 * Group-policy settings every remote-access session gets: simultaneous-logins
 * (vpn-simultaneous-logins 0 refuses every login) and ra-dns-missing (no DNS
 * server for the clients).
 */
#include <stdlib.h>
#include <string.h>

#include "checks_list.h"
#include "ra_common.h"
#include "excerpt.h"

static int report_logins(struct check_ctx *c, const struct ra_tg *r)
{
        const char *owner = RA_OWNER(c->dev, r->gp, logins_set);
        const char *gp = owner ? owner : r->gp_name;
        struct finding *f = check_report(c, ra_loc_or(&r->eff.logins_loc, &r->tg->loc));
        if (!f ||
            finding_title(c->fs, f,
                          "group-policy '%s' sets vpn-simultaneous-logins 0: every login to "
                          "remote-access tunnel-group '%s' is refused",
                          gp, r->tg->name) ||
            finding_evidence(c->fs, f, &r->tg->loc))
                return -1;
        const char *vars[] = {"gp", gp, "tg", r->tg->name, NULL};
        return check_fix(c, f, vars);
}

/*
 * Only 0 is certain to fail: any other value, the default 3 included, fails
 * only when more people share one account than it allows, which a config
 * does not show. Usernames with 0 are not reported: that is how one
 * account is barred from VPN on purpose.
 */
int check_simultaneous_logins(struct check_ctx *c)
{
        const struct device *d = c->dev;
        uint32_t *seen = calloc(d->tunnel_groups.n + 1, sizeof(*seen));
        size_t nseen = 0;
        int rc = seen ? 0 : -1;
        for (size_t i = 0; !rc && i < d->tunnel_groups.n; i++) {
                struct ra_tg r;
                if (!ra_tg_is_ra(d->tunnel_groups.v[i]))
                        continue;
                ra_tg_load(d, d->tunnel_groups.v[i], 0, &r);
                if (r.eff.simultaneous_logins != 0 || (r.gp && r.gp->external) ||
                    ra_seen_line(seen, &nseen, r.eff.logins_loc.line))
                        continue;
                rc = report_logins(c, &r);
        }
        free(seen);
        return rc;
}

/* ---- ra-dns-missing ------------------------------------------------------ */

static bool radius_group(const struct device *d, const char *name)
{
        for (size_t i = 0; name && i < d->aaa_groups.n; i++) {
                const struct aaa_group *g = d->aaa_groups.v[i];
                if (!strcmp(g->name, name) && g->protocol && !strcmp(g->protocol, "radius"))
                        return true;
        }
        return false;
}

/* A group-policy with DNS servers of its own, to point at when the
 * tunnel-group is not bound to it. */
static const struct group_policy *gp_with_dns(const struct device *d)
{
        for (size_t i = 0; i < d->group_policies.n; i++) {
                const struct group_policy *g = d->group_policies.v[i];
                if (g->a.dns_set && g->a.dns_servers.n && strcmp(g->name, "DfltGrpPolicy"))
                        return g;
        }
        return NULL;
}

static int report_dns(struct check_ctx *c, const struct ra_tg *r, const struct group_policy *other)
{
        const struct tunnel_group *tg = r->tg;
        bool unbound = !tg->default_group_policy && other;
        struct finding *f = check_report(c, tg->dgp_loc.line ? &tg->dgp_loc : &tg->loc);
        if (!f)
                return -1;
        int e =
            unbound
                ? finding_title(c->fs, f,
                                "remote-access tunnel-group '%s' has no default-group-policy: "
                                "its clients get no DNS server (group-policy '%s' has one)",
                                tg->name, other->name)
                : finding_title(c->fs, f,
                                "remote-access tunnel-group '%s' gives its clients no DNS "
                                "server: group-policy '%s' (and DfltGrpPolicy) set no dns-server",
                                tg->name, r->gp_name);
        if (e || (unbound && finding_evidence(c->fs, f, &other->loc)) ||
            (r->eff.dns_set && finding_evidence(c->fs, f, &r->eff.dns_loc)))
                return -1;
        if (radius_group(c->dev, tg->auth_server_group) &&
            finding_explain(c->fs, f,
                            "%s Its users authenticate against RADIUS group '%s': if that server "
                            "returns the DNS servers as attributes, clients do get them.",
                            f->explanation, tg->auth_server_group))
                return -1;
        const char *gp = unbound ? other->name : r->gp_name;
        const char *vars[] = {"gp", gp, "tg", tg->name, NULL};
        return check_fix(c, f, vars);
}

int check_ra_dns_missing(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const struct group_policy *other = gp_with_dns(d);
        /* An excerpt of tunnel-groups alone does not show their group-policies. */
        if (excerpt_unseen(d, d->group_policies.n))
                return 0;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                struct ra_tg r;
                if (!ra_tg_is_ra(d->tunnel_groups.v[i]))
                        continue;
                ra_tg_load(d, d->tunnel_groups.v[i], 0, &r);
                if ((r.eff.dns_set && r.eff.dns_servers.n) || (r.gp && r.gp->external))
                        continue;
                if (report_dns(c, &r, other))
                        return -1;
        }
        return 0;
}
