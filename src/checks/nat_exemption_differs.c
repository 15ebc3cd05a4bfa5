/*
 * nat-exemption-differs: exempted traffic that no crypto ACL encrypts.
 *
 * Decision on the direction: a crypto ACL flow that is not exempt and gets
 * translated is nat-exemption-missing's error. This warning is the other
 * direction: an exemption wider than the crypto ACLs, whose traffic leaves
 * the crypto interface untranslated and unencrypted, with private addresses
 * (catalog: "flows exempted but not encrypted leave in clear"). Counted:
 * exemption entries (nat 0 ACL permits, IOS NAT ACL denies, ASA 8.3+ twice
 * NAT identity rules with a destination) whose destination routes out an
 * interface that carries a crypto map; entries towards a remote-access pool
 * are left out (no crypto ACL names a pool). The part of the exemption that
 * no crypto ACL of that interface covers is reported.
 *
 * Cost: exemption and crypto boxes meet in one overlap-finder run; each
 * exemption box is then reduced by its candidates only.
 */
#include <stdlib.h>
#include <string.h>

#include "../model/in_use.h"
#include "../model/query.h"
#include "aclnat_util.h"
#include "checks_list.h"

struct ex {
        struct flowbox box;
        const struct nat_rule *rule;
        const struct loc *loc; /* the ACE or the twice NAT line */
        const char *acl;       /* NULL for twice NAT */
        const char *out;       /* crypto interface the destination routes to */
};

struct exs {
        struct ex *v;
        size_t n, cap;
        bool oom;
};

static void ex_push(struct exs *s, const struct ex *e)
{
        if (s->n == s->cap) {
                size_t cap = s->cap ? s->cap * 2 : 32;
                struct ex *v = realloc(s->v, cap * sizeof(*v));
                if (!v) {
                        s->oom = true;
                        return;
                }
                s->v = v, s->cap = cap;
        }
        s->v[s->n++] = *e;
}

/* The crypto interface the box's destination leaves by, or NULL. */
static const char *crypto_out(const struct device *d, const struct flowbox *b)
{
        bool specific;
        const struct iface *f = route_range(d, b->dst, &specific);
        /* towards a remote-access pool: the dynamic entries carry it (model/in_use.c) */
        if (!f || iu_pool_holding(d, b->dst.lo, b->dst.hi, false))
                return NULL;
        return cmap_bound_to(d, iface_id(f))          ? iface_id(f)
               : f->name && cmap_bound_to(d, f->name) ? f->name
                                                      : NULL;
}

static void add_box(const struct device *d, struct exs *s, struct ex e)
{
        if ((e.out = crypto_out(d, &e.box)) != NULL)
                ex_push(s, &e);
}

static int acl_visit_fn(struct check_ctx *c, const struct nat_rule *r, const struct acl *acl,
                        enum acl_action act, void *ctx)
{
        for (size_t i = 0; i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (a->remark || a->inactive || a->inexact || a->action != act)
                        continue;
                for (size_t b = 0; b < a->nboxes; b++)
                        add_box(c->dev, ctx, (struct ex){a->boxes[b], r, &a->loc, acl->name, NULL});
        }
        return 0;
}

static void twice_boxes(const struct device *d, const struct nat_rule *r, struct exs *s)
{
        if (r->kind != NAT_TWICE || r->inactive || !r->has_dst || r->real_src.inexact ||
            r->real_dst.inexact || r->src_xlate != NAT_XLATE_IDENTITY || !r->dst_identity)
                return;
        for (size_t i = 0; i < r->real_src.n; i++)
                for (size_t j = 0; j < r->real_dst.n; j++) {
                        struct flowbox b = fb_any();
                        b.src = r->real_src.r[i], b.dst = r->real_dst.r[j];
                        add_box(d, s, (struct ex){b, r, &r->loc, NULL, NULL});
                }
}

/* ---- coverage by the crypto boxes ------------------------------------ */

struct cands {
        size_t *ex, *cb; /* pairs: exemption index, crypto box index */
        size_t n, cap;
        size_t nex; /* labelled boxes [0, nex) are exemptions */
        bool oom;
};

static int on_pair(void *ctx, size_t a, size_t b)
{
        struct cands *p = ctx;
        if (a >= p->nex) {
                size_t t = a;
                a = b, b = t;
        }
        if (p->n == p->cap) {
                size_t cap = p->cap ? p->cap * 2 : 64;
                size_t *x = realloc(p->ex, cap * sizeof(*x)), *y;
                if (x)
                        p->ex = x;
                y = x ? realloc(p->cb, cap * sizeof(*y)) : NULL;
                if (!y) {
                        p->oom = true;
                        return 1;
                }
                p->cb = y, p->cap = cap;
        }
        p->ex[p->n] = a, p->cb[p->n] = b - p->nex, p->n++;
        return 0;
}

static int report(struct check_ctx *c, const struct ex *e, const struct flowbox *left)
{
        char whole[160], part[160];
        box_text(&e->box, whole, sizeof(whole));
        box_text(left, part, sizeof(part));
        struct finding *f = check_report(c, e->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "NAT exemption %s%s%s exempts %s, but no crypto ACL on '%s' encrypts %s",
                          e->acl ? "ACL '" : "at line ", e->acl ? e->acl : "", e->acl ? "'" : "",
                          whole, e->out, part) ||
            (e->acl && finding_evidence(c->fs, f, &e->rule->loc)))
                return -1;
        if (!e->acl && finding_title(c->fs, f,
                                     "twice NAT exemption at line %u exempts %s, but no crypto ACL "
                                     "on '%s' encrypts %s",
                                     e->loc->line, whole, e->out, part))
                return -1;
        if (!e->acl && e->loc->text &&
            finding_explain(c->fs, f, "%s Remove or narrow line %u: 'no %s'.", f->diag->explanation,
                            e->loc->line, e->loc->text))
                return -1;
        struct netvars l, r;
        net_vars(left->src, &l);
        net_vars(left->dst, &r);
        const char *vars[] = {"acl",         e->acl ? e->acl : "<acl>",
                              "nat_if",      e->rule->real_if ? e->rule->real_if : "<nat_if>",
                              "if",          e->out,
                              "local_net",   l.net,
                              "local_mask",  l.mask,
                              "local_wild",  l.wild,
                              "remote_net",  r.net,
                              "remote_mask", r.mask,
                              "remote_wild", r.wild,
                              NULL};
        return check_fix(c, f, vars);
}

/* What of exemption e no candidate crypto box of its interface covers. */
static int uncovered(const struct ex *e, const struct cbox *cb, const size_t *cand, size_t n,
                     struct fbset *left)
{
        left->n = 0;
        if (fbset_push(left, &e->box))
                return -1;
        for (size_t k = 0; k < n && left->n; k++)
                if (!strcmp(cb[cand[k]].ifname, e->out) &&
                    fbset_subtract_box(left, &cb[cand[k]].box))
                        return -1;
        return 0;
}

static int by_ex(const void *a, const void *b)
{
        const size_t *x = a, *y = b;
        return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1];
}

static int judge(struct check_ctx *c, const struct exs *s, const struct cboxes *cb, struct cands *p)
{
        /* group candidate crypto boxes by exemption: pairs sorted as (ex, cb) */
        size_t *pairs = malloc((p->n ? p->n : 1) * 2 * sizeof(*pairs));
        size_t *cand = malloc((p->n ? p->n : 1) * sizeof(*cand));
        struct fbset left;
        fbset_init(&left, 4096);
        int rc = -1;
        if (!pairs || !cand)
                goto out;
        for (size_t i = 0; i < p->n; i++)
                pairs[2 * i] = p->ex[i], pairs[2 * i + 1] = p->cb[i];
        qsort(pairs, p->n, 2 * sizeof(*pairs), by_ex);
        size_t k = 0;
        for (size_t i = 0; i < s->n; i++) {
                size_t nc = 0;
                for (; k < p->n && pairs[2 * k] == i; k++)
                        cand[nc++] = pairs[2 * k + 1];
                if (uncovered(&s->v[i], cb->v, cand, nc, &left))
                        continue; /* piece bound hit: no verdict, no finding */
                if (left.n && report(c, &s->v[i], &left.v[0]))
                        goto out;
        }
        rc = 0;
out:
        free(pairs);
        free(cand);
        fbset_free(&left);
        return rc;
}

static int run(struct check_ctx *c, const struct exs *s, const struct cboxes *cb)
{
        size_t n = s->n + cb->n;
        struct labelled_box *lb = malloc((n ? n : 1) * sizeof(*lb));
        struct cands p = {.nex = s->n};
        int rc = -1;
        bool truncated = false;
        if (!lb)
                return -1;
        for (size_t i = 0; i < s->n; i++)
                lb[i] = (struct labelled_box){s->v[i].box, 0};
        for (size_t i = 0; i < cb->n; i++)
                lb[s->n + i] = (struct labelled_box){cb->v[i].box, 1};
        if (fb_find_overlaps(lb, n, 0, on_pair, &p, &truncated) >= 0 && !p.oom)
                rc = judge(c, s, cb, &p);
        free(lb);
        free(p.ex);
        free(p.cb);
        return rc;
}

int check_nat_exemption_differs(struct check_ctx *c)
{
        const struct device *d = c->dev;
        struct exs s = {0};
        for (size_t i = 0; i < d->nat_rules.n; i++) {
                const struct nat_rule *r = d->nat_rules.v[i];
                twice_boxes(d, r, &s);
                if (nat_exempt_acls(c, r, acl_visit_fn, &s))
                        s.oom = true;
        }
        struct cboxes cb;
        /* a dynamic entry encrypts for its peers too (ASA VPN CLI guide,
         * "Using Dynamic Crypto Maps": its ACL's permits, or any proxies) */
        int rc = s.oom ? -1 : cboxes_collect(d, &cb);
        if (rc == 0 && !s.oom)
                rc = cboxes_add_dynamic(d, &cb);
        if (rc == 0 && s.n)
                rc = run(c, &s, &cb);
        if (!s.oom)
                cboxes_free(&cb);
        free(s.v);
        return rc;
}
