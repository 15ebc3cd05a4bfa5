/*
 * dmz-not-reachable: remote-access clients are told (split tunnel) to send
 * a DMZ network into the tunnel, but the ASA translates the DMZ's replies
 * to the pool, so they never match the client's SA.
 */
#include <string.h>
#include <strings.h>

#include "../util/ipv4.h"
#include "../model/acl_eval.h"
#include "../model/nat_eval.h"
#include "checks_list.h"
#include "plat_common.h"

/* A network behind neither the inside nor the crypto interface. */
static bool is_dmz(const struct device *d, const struct iface *f)
{
        return f->nameif && f->has_addr && !f->shutdown && f->security_level != 100 &&
               strcasecmp(f->nameif, "inside") && strcasecmp(f->nameif, "management") &&
               !plat_is_crypto_if(d, f->nameif);
}

/* Split-tunnel ACLs list protected networks: as the destination of a
 * standard ACL, as the source of an extended one. */
static const struct ace *split_includes(const struct acl *acl, struct range32 net)
{
        struct flowbox x = fb_any();
        if (acl->kind == ACL_STANDARD)
                x.dst = net;
        else
                x.src = net;
        struct acl_cover cv = acl_cover_box(acl, &x, FBSET_DEFAULT_MAX);
        if (cv.inexact || cv.cover == COVER_NONE || cv.cover == COVER_UNKNOWN)
                return NULL;
        return cv.first_permit;
}

/* The smallest prefix holding the pool, for the fix's network/mask. */
static void pool_net(const struct local_pool *p, uint32_t *net, uint32_t *mask)
{
        uint32_t m = p->has_mask ? p->mask : 0xffffffffu;
        while (!p->has_mask && m && (p->lo & m) != (p->hi & m))
                m <<= 1;
        *mask = m;
        *net = p->lo & m;
}

/* The legacy "nat (dmz) 0 access-list X" ACL, so the fix extends it. */
static const char *exempt_acl(const struct device *d, const char *ifname)
{
        for (size_t i = 0; i < d->nat_rules.n; i++) {
                const struct nat_rule *r = d->nat_rules.v[i];
                if (r->kind == NAT_LEGACY_EXEMPT && r->real_if && !strcmp(r->real_if, ifname))
                        return r->match_acl;
        }
        return NULL;
}

struct ra_ctx {
        const struct tunnel_group *tg;
        const struct local_pool *pool;
        const struct acl *split;
        const char *crypto_if;
};

static int report(struct check_ctx *c, const struct ra_ctx *r, const struct iface *z,
                  const struct ace *inc, const struct nat_result *nr)
{
        char net[16], mask[16], pnet[16], pmask[16], a[16], b[16], pl[16], ph[16];
        uint32_t pn, pm;
        pool_net(r->pool, &pn, &pm);
        ipv4_str(z->addr & z->mask, net);
        ipv4_str(z->mask, mask);
        ipv4_str(pn, pnet);
        ipv4_str(pm, pmask);
        struct finding *f = check_report(c, &nr->rule->loc);
        if (!f ||
            finding_title(
                c->fs, f,
                "DMZ '%s' (%s/%s) is in the split-tunnel list of '%s', but NAT translates "
                "its traffic to pool '%s'",
                z->nameif, net, mask, r->tg->name, r->pool->name) ||
            finding_evidence(c->fs, f, &inc->loc) || finding_evidence(c->fs, f, &r->pool->loc) ||
            finding_evidence(c->fs, f, &z->loc) ||
            finding_explain(c->fs, f,
                            "%s Here the rule at line %u translates %s traffic from %s-%s to %s-%s "
                            "(leaving '%s' for '%s'), so replies never match the client's SA.",
                            f->explanation, (unsigned)nr->rule->loc.line,
                            nr->whole ? "all" : "part of the", ipv4_str(nr->sample.src.lo, a),
                            ipv4_str(nr->sample.src.hi, b), ipv4_str(r->pool->lo, pl),
                            ipv4_str(r->pool->hi, ph), z->nameif, r->crypto_if))
                return -1;
        const char *acl = exempt_acl(c->dev, z->nameif);
        const char *vars[] = {
            "acl", acl ? acl : "dmz_nat0", "nat_if", z->nameif,    "if", r->crypto_if,  "local_net",
            net,   "local_mask",           mask,     "remote_net", pnet, "remote_mask", pmask,
            NULL};
        return check_fix(c, f, vars);
}

static int check_group(struct check_ctx *c, const struct ra_ctx *r)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *z = d->ifaces.v[i];
                if (!is_dmz(d, z))
                        continue;
                struct range32 net = range_from_mask(z->addr & z->mask, z->mask);
                const struct ace *inc = split_includes(r->split, net);
                if (!inc)
                        continue;
                struct flowbox fl = fb_any();
                fl.src = net;
                fl.dst = (struct range32){r->pool->lo, r->pool->hi};
                struct nat_result nr = nat_eval(d, &fl, z->nameif, r->crypto_if);
                if (nr.verdict == NATV_TRANSLATE && !nr.inexact && nr.rule &&
                    report(c, r, z, inc, &nr))
                        return -1;
        }
        return 0;
}

int check_dmz_not_reachable(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const struct crypto_map_binding *b = plat_dynamic_binding(d);
        if (d->platform != PLAT_ASA || !b || !b->ifname)
                return 0;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (tg->type != TG_RA)
                        continue;
                struct gp_attrs a;
                const char *gpn =
                    tg->default_group_policy ? tg->default_group_policy : "DfltGrpPolicy";
                group_policy_effective(d, model_get_gp(d, gpn), &a);
                const struct ptrvec *pools = a.pools_set ? &a.address_pools : &tg->address_pools;
                const struct local_pool *p = pools->n ? model_get_pool(d, pools->v[0]) : NULL;
                const struct acl *split = a.split_acl ? model_get_acl(d, a.split_acl) : NULL;
                if (a.split_policy != SPLIT_TUNNELSPECIFIED || !p || p->ipv6 || !split)
                        continue;
                struct ra_ctx r = {tg, p, split, b->ifname};
                if (check_group(c, &r))
                        return -1;
        }
        return 0;
}
