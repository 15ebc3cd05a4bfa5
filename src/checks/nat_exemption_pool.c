/*
 * nat-exemption-missing for remote access: replies from the inside networks
 * to the VPN clients' pool addresses must not be translated either
 * (diagnoses.md: "for every crypto ACL (and RA pool) flow"). Remote access
 * is taken to be configured when a pool is handed out (model/in_use.c: a
 * tunnel-group, group-policy or IOS client configuration group names it)
 * and a bound crypto map has a dynamic entry (its interface is the egress).
 * An inside network that the pool's split-tunnel lists leave out needs no
 * exemption: the clients never send to it through the tunnel.
 */
#include <string.h>

#include "../model/in_use.h"
#include "../model/nat_eval.h"
#include "aclnat_util.h"
#include "checks_list.h"

/* The interface whose bound map has a dynamic entry. */
static const char *ra_iface(const struct device *d)
{
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                const struct crypto_map *m = b->map ? model_get_cmap(d, b->map) : NULL;
                for (size_t e = 0; m && b->ifname && e < m->entries.n; e++)
                        if (((const struct crypto_map_entry *)m->entries.v[e])->is_dynamic_ref)
                                return b->ifname;
        }
        return NULL;
}

/* An inside network: a connected network of an interface that NAT treats
 * as inside (IOS "ip nat inside"; ASA any named interface but the crypto one). */
static bool inside_iface(const struct device *d, const struct iface *f, const char *out)
{
        if (!f->has_addr || f->shutdown || iface_is(f, out))
                return false;
        return d->platform == PLAT_IOS ? f->nat_inside : f->nameif != NULL;
}

static int report(struct check_ctx *c, const struct local_pool *p, const struct iface *in,
                  const char *out, const struct flowbox *flow, const struct nat_result *r)
{
        char txt[160];
        box_text(flow, txt, sizeof(txt));
        struct finding *f = check_report(c, &p->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "replies from '%s' to VPN pool '%s' (%s) are translated by the NAT rule "
                          "at line %u",
                          iface_id(in), p->name, txt, r->rule->loc.line) ||
            finding_evidence(c->fs, f, &r->rule->loc) || finding_evidence(c->fs, f, &in->loc) ||
            finding_explain(c->fs, f, "%s Here %s, from '%s' to '%s', is translated by line %u.",
                            f->diag->explanation, txt, iface_id(in), out, r->rule->loc.line))
                return -1;
        struct netvars l, rv;
        net_vars(flow->src, &l);
        net_vars(flow->dst, &rv);
        const char *acl = c->dev->platform == PLAT_IOS ? r->rule->match_acl : "NONAT";
        const char *vars[] = {
            "nat_if",      iface_id(in), "if",         out,    "acl",         acl ? acl : "<acl>",
            "pool",        p->name,      "local_net",  l.net,  "local_mask",  l.mask,
            "local_wild",  l.wild,       "remote_net", rv.net, "remote_mask", rv.mask,
            "remote_wild", rv.wild,      NULL};
        return check_fix(c, f, vars);
}

static int check_pool(struct check_ctx *c, const struct local_pool *p, const char *out)
{
        const struct device *d = c->dev;
        const struct iface *o =
            model_get_nameif(d, out) ? model_get_nameif(d, out) : model_get_iface(d, out);
        if (d->platform == PLAT_IOS && (!o || !o->nat_outside))
                return 0;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                if (!inside_iface(d, f, out))
                        continue;
                struct flowbox flow = fb_any();
                flow.src = range_from_mask(f->addr, f->mask);
                flow.dst = (struct range32){p->lo, p->hi};
                /* clients whose split list leaves this network out never
                 * send to it through the tunnel (model/in_use.c) */
                if (!iu_pool_reaches(d, p->name, flow.src.lo, flow.src.hi))
                        continue;
                struct nat_result r = nat_eval(d, &flow, iface_id(f), out);
                if (r.verdict == NATV_TRANSLATE)
                        return report(c, p, f, out, &flow, &r); /* one finding per pool */
        }
        return 0;
}

int nat_exemption_pools(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const char *out = ra_iface(d);
        for (size_t i = 0; out && i < d->pools.n; i++) {
                const struct local_pool *p = d->pools.v[i];
                if (p->ipv6 || p->hi < p->lo || !iu_pool_handed_out(d, p->name))
                        continue;
                if (check_pool(c, p, out))
                        return -1;
        }
        return 0;
}
