/*
 * hairpin-not-permitted: traffic that must leave by the interface it came
 * in on (spoke-to-spoke through a hub, remote-access clients reaching the
 * internet) while "same-security-traffic permit intra-interface" is off.
 */
#include <stdlib.h>
#include <string.h>

#include "../model/in_use.h"
#include "checks_list.h"
#include "plat_common.h"

#define MAX_EXTRA_EVIDENCE 8

/* One side of a crypto ACL box: a range, the entry it belongs to, its ACE. */
struct side {
        struct range32 r;
        struct range32 other; /* the box's other side (local: its destination) */
        size_t entry;
        const struct ace *ace;
};

/* Over the remotes sorted by lo, prefix maxima of hi for the two best
 * distinct entries: the query "does a remote of another entry overlap
 * [lo,hi]" is then a binary search and two comparisons. */
struct top2 {
        struct side best, second;
        bool has_second;
};

static int by_lo(const void *a, const void *b)
{
        const struct side *x = a, *y = b;
        return x->r.lo < y->r.lo ? -1 : x->r.lo > y->r.lo;
}

static bool is_any(const struct range32 *r)
{
        return r->lo == 0 && r->hi == UINT32_MAX;
}

struct sides {
        struct side *local, *remote;
        size_t nl, nr, cap;
};

static int push(struct sides *s, const struct flowbox *b, size_t entry, const struct ace *a)
{
        if (s->nl == s->cap) {
                size_t nc = s->cap ? s->cap * 2 : 64;
                struct side *l = realloc(s->local, nc * sizeof(*l));
                if (!l)
                        return -1;
                s->local = l;
                struct side *r = realloc(s->remote, nc * sizeof(*r));
                if (!r)
                        return -1;
                s->remote = r;
                s->cap = nc;
        }
        s->local[s->nl++] = (struct side){b->src, b->dst, entry, a};
        s->remote[s->nr++] = (struct side){b->dst, b->src, entry, a};
        return 0;
}

/* The exact, permitting, non-"any" boxes of the static L2L entries of m. */
static int collect(const struct device *d, const struct crypto_map *m, struct sides *s)
{
        for (size_t e = 0; e < m->entries.n; e++) {
                const struct crypto_map_entry *en = m->entries.v[e];
                const struct acl *acl = en->match_acl ? model_get_acl(d, en->match_acl) : NULL;
                if (!acl || en->is_dynamic_ref || en->peers.n == 0)
                        continue;
                for (size_t i = 0; i < acl->aces.n; i++) {
                        const struct ace *a = acl->aces.v[i];
                        if (a->remark || a->inactive || a->inexact || a->action != ACL_PERMIT)
                                continue;
                        for (size_t k = 0; k < a->nboxes; k++) {
                                const struct flowbox *b = &a->boxes[k];
                                if (!is_any(&b->src) && !is_any(&b->dst) && push(s, b, e, a))
                                        return -1;
                        }
                }
        }
        return 0;
}

static void build_top2(const struct sides *s, struct top2 *t)
{
        for (size_t i = 0; i < s->nr; i++) {
                struct top2 cur = i ? t[i - 1] : (struct top2){s->remote[0], s->remote[0], false};
                const struct side *x = &s->remote[i];
                if (x->entry == cur.best.entry) {
                        if (x->r.hi > cur.best.r.hi)
                                cur.best = *x;
                } else if (x->r.hi > cur.best.r.hi) {
                        cur.second = cur.best;
                        cur.has_second = true;
                        cur.best = *x;
                } else if (!cur.has_second || x->r.hi > cur.second.r.hi) {
                        cur.second = *x;
                        cur.has_second = true;
                }
                t[i] = cur;
        }
}

/* A remote range of an entry other than l's that overlaps l's range, or NULL. */
static const struct side *partner(const struct sides *s, const struct top2 *t, const struct side *l)
{
        size_t lo = 0, hi = s->nr; /* first remote with r.lo > l->r.hi */
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (s->remote[mid].r.lo <= l->r.hi)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        if (lo == 0)
                return NULL;
        const struct top2 *p = &t[lo - 1];
        if (p->best.entry != l->entry && p->best.r.hi >= l->r.lo)
                return &p->best;
        if (p->has_second && p->second.entry != l->entry && p->second.r.hi >= l->r.lo)
                return &p->second;
        return NULL;
}

static const struct crypto_map_entry *entry_at(const struct crypto_map *m, size_t i)
{
        return m->entries.v[i];
}

/* Traffic from the partner's remote network to l's remote network arrives
 * decrypted on the crypto interface; it hairpins only if the route to l's
 * remote network leaves by that same interface. */
static bool leaves_same_if(const struct device *d, const struct crypto_map_binding *b,
                           const struct side *l)
{
        const struct iface *f = model_route_lookup(d, l->other.lo, NULL);
        const char *n = f ? (f->nameif ? f->nameif : f->name) : NULL;
        return n && b->ifname && !strcmp(n, b->ifname);
}

static int report_map(struct check_ctx *c, const struct crypto_map_binding *b,
                      const struct crypto_map *m, const struct sides *s, const struct top2 *t)
{
        struct finding *f = NULL;
        size_t extra = 0;
        for (size_t i = 0; i < s->nl && extra < MAX_EXTRA_EVIDENCE; i++) {
                const struct side *l = &s->local[i], *p = partner(s, t, l);
                if (!p || !leaves_same_if(c->dev, b, l))
                        continue;
                if (f) {
                        if (finding_evidence(c->fs, f, &l->ace->loc))
                                return -1;
                        extra++;
                        continue;
                }
                const struct crypto_map_entry *a = entry_at(m, l->entry),
                                              *pb = entry_at(m, p->entry);
                if (!(f = check_report(c, &l->ace->loc)) ||
                    finding_title(
                        c->fs, f,
                        "Crypto map '%s' %d encrypts traffic from the network behind entry %d "
                        "('%s'): it must come in and go out '%s', which is not permitted",
                        m->name, a->seq, pb->seq, p->ace->dst_text ? p->ace->dst_text : "?",
                        b->ifname) ||
                    finding_evidence(c->fs, f, &p->ace->loc) || finding_evidence(c->fs, f, &b->loc))
                        return -1;
                const struct cm_peer *peer = a->peers.n ? a->peers.v[0] : NULL;
                if (peer && peer->text && finding_set_peer(c->fs, f, peer->text))
                        return -1;
                const char *vars[] = {"if", b->ifname, NULL};
                if (check_fix(c, f, vars))
                        return -1;
        }
        return 0;
}

static int spoke_to_spoke(struct check_ctx *c, const struct crypto_map_binding *b)
{
        const struct crypto_map *m = model_get_cmap(c->dev, b->map);
        struct sides s = {0};
        struct top2 *t = NULL;
        int rc = -1;
        /* a binding no peer reaches carries no spoke's traffic (model/in_use.c) */
        if (!m || m->dynamic || !iu_binding_reached(c->dev, b))
                return 0;
        if (collect(c->dev, m, &s))
                goto out;
        rc = 0;
        if (s.nr < 2)
                goto out;
        rc = -1;
        if (!(t = malloc(s.nr * sizeof(*t))))
                goto out;
        qsort(s.remote, s.nr, sizeof(*s.remote), by_lo);
        build_top2(&s, t);
        rc = report_map(c, b, m, &s, t);
out:
        free(t);
        free(s.local);
        free(s.remote);
        return rc;
}

/* The pools a remote-access tunnel-group hands out: the group-policy's
 * address-pools override the tunnel-group's. */
static const struct local_pool *first_pool(const struct device *d, const struct tunnel_group *tg,
                                           const struct gp_attrs *a)
{
        const struct ptrvec *names = a->pools_set ? &a->address_pools : &tg->address_pools;
        for (size_t i = 0; i < names->n; i++) {
                const struct local_pool *p = model_get_pool(d, names->v[i]);
                if (p && !p->ipv6)
                        return p;
        }
        return NULL;
}

/* With tunnelall every client packet, internet-bound too, arrives on the
 * crypto interface and must leave by it again. */
static int ra_tunnelall(struct check_ctx *c, const struct crypto_map_binding *b)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (!iu_ra_group_used(tg)) /* also: not remote access */
                        continue;
                const char *gpn =
                    tg->default_group_policy ? tg->default_group_policy : "DfltGrpPolicy";
                struct gp_attrs a;
                group_policy_effective(d, model_get_gp(d, gpn), &a);
                const struct local_pool *p = first_pool(d, tg, &a);
                if (a.split_policy != SPLIT_TUNNELALL || !p)
                        continue;
                bool expl = a.split_policy_loc.line != 0;
                struct finding *f = check_report(c, expl ? &a.split_policy_loc : &tg->loc);
                if (!f ||
                    finding_title(
                        c->fs, f,
                        "Remote-access group '%s' tunnels all traffic (pool '%s'), but traffic "
                        "may not leave '%s' by the interface it arrived on",
                        tg->name, p->name, b->ifname) ||
                    (expl && finding_evidence(c->fs, f, &tg->loc)) ||
                    finding_evidence(c->fs, f, &p->loc) || finding_evidence(c->fs, f, &b->loc) ||
                    (!expl &&
                     finding_explain(c->fs, f,
                                     "%s Group-policy '%s' does not set split-tunnel-policy: "
                                     "the default is tunnelall.",
                                     f->explanation, gpn)))
                        return -1;
                const char *vars[] = {"if", b->ifname, "tg", tg->name, "gp", gpn, NULL};
                if (check_fix(c, f, vars))
                        return -1;
        }
        return 0;
}

/* ASA only: IOS routes hairpinned traffic natively, and PIX 6 cannot send
 * traffic back out its ingress interface at all (the command arrived in
 * ASA 7.2(1)). */
int check_hairpin_not_permitted(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA || d->same_sec_intra == TRI_ON)
                return 0;
        for (size_t i = 0; i < d->cmap_bindings.n; i++)
                if (spoke_to_spoke(c, d->cmap_bindings.v[i]))
                        return -1;
        const struct crypto_map_binding *b = plat_dynamic_binding(d);
        return b ? ra_tunnelall(c, b) : 0;
}
