/*
 * split-tunnel-acl-any: a split-tunnel ACL that tunnels everything (source
 * 'any') or that does not exist; split-tunnel-exclude-ezvpn: the
 * excludespecified policy on a group Easy VPN hardware clients may use.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks_list.h"
#include "ra_common.h"

/*
 * The first permit entry whose protected-network side is every address.
 * That side is the source of IOS entries (standard and extended) and of
 * ASA extended entries, and the only address of ASA standard entries,
 * which the reader keeps as the destination.
 */
static const struct ace *any_entry(const struct device *dev, const struct acl *acl)
{
        bool dst_side = dev->platform != PLAT_IOS && acl->kind == ACL_STANDARD;
        for (size_t i = 0; i < acl->aces.n; i++) {
                const struct ace *e = acl->aces.v[i];
                if (e->remark || e->inactive || e->inexact || e->action != ACL_PERMIT)
                        continue;
                for (size_t k = 0; k < e->nboxes; k++) {
                        const struct range32 *r = dst_side ? &e->boxes[k].dst : &e->boxes[k].src;
                        if (r->lo == 0 && r->hi == UINT32_MAX)
                                return e;
                }
        }
        return NULL;
}

static int report_ios(struct check_ctx *c, const struct client_group *g)
{
        const struct acl *acl = model_get_acl(c->dev, g->split_acl);
        const struct ace *e = acl ? any_entry(c->dev, acl) : NULL;
        if (acl && !e)
                return 0;
        struct finding *f = check_report(c, &g->loc);
        if (!f)
                return -1;
        int rc =
            e ? finding_title(c->fs, f,
                              "split-tunnel ACL '%s' of client group '%s' permits source 'any': "
                              "every packet is tunnelled",
                              g->split_acl, g->name)
              : finding_title(c->fs, f,
                              "client group '%s' names split-tunnel ACL '%s', which does not exist",
                              g->name, g->split_acl);
        if (rc || (e && finding_evidence(c->fs, f, &e->loc)))
                return -1;
        const char *vars[] = {"acl", g->split_acl, "group", g->name, NULL};
        return check_fix(c, f, vars);
}

/* What is wrong with an effective tunnelspecified policy; NULL when nothing. */
static const char *asa_problem(const struct device *dev, const struct gp_attrs *eff,
                               const struct ace **e)
{
        *e = NULL;
        if (!eff->split_acl_set || !eff->split_acl)
                return "has no split-tunnel-network-list";
        const struct acl *acl = model_get_acl(dev, eff->split_acl);
        if (!acl)
                return "names a split-tunnel ACL that does not exist";
        *e = any_entry(dev, acl);
        return *e ? "uses a split-tunnel ACL that permits 'any'" : NULL;
}

static int report_asa(struct check_ctx *c, const struct group_policy *gp)
{
        struct gp_attrs eff;
        const struct ace *e;
        if (!gp->a.split_policy_set && !gp->a.split_acl_set)
                return 0; /* inherited: reported on the group-policy that sets it */
        group_policy_effective(c->dev, gp, &eff);
        const char *why =
            eff.split_policy == SPLIT_TUNNELSPECIFIED ? asa_problem(c->dev, &eff, &e) : NULL;
        if (!why)
                return 0;
        const struct loc *at = eff.split_acl_set && eff.split_acl_loc.line ? &eff.split_acl_loc
                                                                           : &eff.split_policy_loc;
        struct finding *f = check_report(c, ra_loc_or(at, &gp->loc));
        if (!f ||
            finding_title(c->fs, f, "group-policy '%s' is tunnelspecified but %s%s%s%s", gp->name,
                          why, eff.split_acl ? " ('" : "", eff.split_acl ? eff.split_acl : "",
                          eff.split_acl ? "')" : "") ||
            (eff.split_policy_loc.line && finding_evidence(c->fs, f, &eff.split_policy_loc)) ||
            (e && finding_evidence(c->fs, f, &e->loc)))
                return -1;
        const char *vars[] = {"acl", eff.split_acl ? eff.split_acl : "SPLIT-TUNNEL", "gp", gp->name,
                              NULL};
        /* the entry that permits 'any' goes, the protected network comes in */
        if (e && e->loc.text && !strncmp(e->loc.text, "access-list ", 12))
                return check_fix_replacing(c, f, &e->loc, vars);
        return check_fix(c, f, vars);
}

int check_split_tunnel_acl_any(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->client_groups.n; i++) {
                const struct client_group *g = d->client_groups.v[i];
                if (g->split_acl && report_ios(c, g))
                        return -1;
        }
        for (size_t i = 0; i < d->group_policies.n; i++)
                if (report_asa(c, d->group_policies.v[i]))
                        return -1;
        return 0;
}

/* ---- split-tunnel-exclude-ezvpn ------------------------------------------ */

static int report_exclude(struct check_ctx *c, const struct ra_tg *r)
{
        const char *owner = RA_OWNER(c->dev, r->gp, split_policy_set);
        struct finding *f = check_report(c, &r->eff.split_policy_loc);
        if (!f ||
            finding_title(
                c->fs, f,
                "group-policy '%s' (used by remote-access tunnel-group '%s') sets "
                "split-tunnel-policy excludespecified, which Easy VPN clients do not support",
                owner ? owner : r->gp_name, r->tg->name) ||
            finding_evidence(c->fs, f, &r->tg->loc))
                return -1;
        const char *vars[] = {"gp", owner ? owner : r->gp_name, "acl",
                              r->eff.split_acl ? r->eff.split_acl : "SPLIT-TUNNEL", NULL};
        return check_fix(c, f, vars);
}

/* One finding per group-policy line: several tunnel-groups often share one. */
int check_split_tunnel_exclude_ezvpn(struct check_ctx *c)
{
        const struct device *d = c->dev;
        uint32_t *seen = calloc(d->tunnel_groups.n + 1, sizeof(*seen));
        size_t nseen = 0;
        int rc = seen ? 0 : -1;
        for (size_t i = 0; !rc && i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                struct ra_tg r;
                if (!ra_tg_is_ra(tg))
                        continue;
                ra_tg_load(d, tg, 0, &r);
                if (r.eff.split_policy != SPLIT_EXCLUDESPECIFIED)
                        continue;
                if (ra_seen_line(seen, &nseen, r.eff.split_policy_loc.line))
                        continue;
                rc = report_exclude(c, &r);
        }
        free(seen);
        return rc;
}
