/*
 * crypto-acl-overlap: two entries of one crypto map whose crypto ACLs share
 * traffic. Entries are matched in sequence order and a deny (or no match)
 * in an entry's ACL passes the packet to the next entry, so the overlap
 * that matters is what the earlier entry's ACL really permits and the later
 * entry's ACL also permits: that traffic goes to the earlier entry's peer
 * only (diagnoses.md, crypto-acl-overlap).
 *
 * Decision: an overlap between entries whose peer lists are the same is
 * not reported. The catalog's harm is "packets go to the first (lowest
 * sequence) entry's peer only"; with the same peers the traffic still
 * reaches the peer it was meant for.
 *
 * Cost: the candidate pairs come from the sweep/treap overlap finder
 * (flowset.h), run once per bound map; only candidate pairs walk ACLs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/acl_eval.h"
#include "aclnat_util.h"
#include "checks_list.h"

#define OVERLAP_MAX_PAIRS 200000 /* candidate pairs examined per map */

struct pair {
        size_t e1, e2; /* entry numbers, for grouping by pair of entries */
        size_t lo, hi; /* cbox indexes: lo's entry comes first in seq order */
};

struct pairs {
        const struct cbox *cb;
        struct pair *v;
        size_t n, cap;
        bool oom;
};

static int on_pair(void *ctx, size_t a, size_t b)
{
        struct pairs *p = ctx;
        if (p->n == p->cap) {
                size_t cap = p->cap ? p->cap * 2 : 64;
                struct pair *v = realloc(p->v, cap * sizeof(*v));
                if (!v) {
                        p->oom = true;
                        return 1;
                }
                p->v = v, p->cap = cap;
        }
        if (p->cb[b].entry->seq < p->cb[a].entry->seq) {
                size_t t = a;
                a = b, b = t;
        }
        p->v[p->n++] = (struct pair){p->cb[a].entry_idx, p->cb[b].entry_idx, a, b};
        return 0;
}

static int pair_cmp(const void *x, const void *y)
{
        const struct pair *a = x, *b = y;
        if (a->e1 != b->e1)
                return a->e1 < b->e1 ? -1 : 1;
        if (a->e2 != b->e2)
                return a->e2 < b->e2 ? -1 : 1;
        if (a->lo != b->lo)
                return a->lo < b->lo ? -1 : 1;
        return a->hi < b->hi ? -1 : a->hi > b->hi;
}

static bool same_peers(const struct crypto_map_entry *a, const struct crypto_map_entry *b)
{
        if (a->peers.n == 0 || a->peers.n != b->peers.n)
                return false;
        for (size_t i = 0; i < a->peers.n; i++) {
                const struct cm_peer *x = a->peers.v[i], *y = b->peers.v[i];
                if (x->is_addr != y->is_addr ||
                    (x->is_addr ? x->addr != y->addr : strcmp(x->text, y->text) != 0))
                        return false;
        }
        return true;
}

/* The part of the candidate overlap that the first entry's ACL really sends
 * to it and the second's would also take; false when there is none. */
static bool real_overlap(const struct device *dev, const struct cbox *first,
                         const struct cbox *second, struct flowbox *out)
{
        struct flowbox in;
        if (!fb_intersect(&first->box, &second->box, &in))
                return false;
        struct fbset permitted;
        fbset_init(&permitted, 4096);
        const struct acl *a1 = model_get_acl(dev, first->entry->match_acl);
        const struct acl *a2 = model_get_acl(dev, second->entry->match_acl);
        bool found = false;
        if (acl_split(a1, &in, &permitted, NULL) == 0) {
                for (size_t i = 0; i < permitted.n && !found; i++) {
                        struct acl_cover c = acl_cover_box(a2, &permitted.v[i], 4096);
                        if (c.cover == COVER_FULL || c.cover == COVER_PARTIAL) {
                                *out = permitted.v[i];
                                found = true;
                        }
                }
        }
        fbset_free(&permitted);
        return found;
}

static int deny_overlap(struct check_ctx *c, struct finding *f, const char *acl,
                        const struct netvars *l, const struct netvars *r)
{
        char a[320], b[320];
        const char *lines[2] = {a, b};
        size_t n = 1;
        if (c->dev->platform == PLAT_IOS) {
                snprintf(a, sizeof(a), "ip access-list extended %s", acl);
                snprintf(b, sizeof(b), " 1 deny ip %s %s %s %s", l->net, l->wild, r->net, r->wild);
                n = 2;
        } else {
                snprintf(a, sizeof(a), "access-list %s line 1 %sdeny ip %s %s %s %s", acl,
                         c->dev->platform == PLAT_PIX ? "" : "extended ", l->net, l->mask, r->net,
                         r->mask);
        }
        return finding_fix_lines(c->fs, f, c->dev, lines, n, NULL);
}

static int report(struct check_ctx *c, const struct cbox *first, const struct cbox *second,
                  const struct flowbox *ov)
{
        char flow[160], peer1[64], peer2[64];
        box_text(ov, flow, sizeof(flow));
        snprintf(peer1, sizeof(peer1), "%s",
                 entry_peer(first->entry) ? entry_peer(first->entry) : "?");
        snprintf(peer2, sizeof(peer2), "%s",
                 entry_peer(second->entry) ? entry_peer(second->entry) : "?");
        struct finding *f = check_report(c, &second->ace->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto map '%s' entries %d (peer %s) and %d (peer %s) both match %s: "
                          "it goes to entry %d's peer only",
                          first->entry->map, first->entry->seq, peer1, second->entry->seq, peer2,
                          flow, first->entry->seq) ||
            finding_evidence(c->fs, f, &first->ace->loc) ||
            finding_evidence(c->fs, f, &first->entry->loc) ||
            finding_evidence(c->fs, f, &second->entry->loc) ||
            finding_explain(c->fs, f, "%s Overlap: %s (entry %d's ACL '%s', entry %d's ACL '%s').",
                            f->diag->explanation, flow, first->entry->seq, first->entry->match_acl,
                            second->entry->seq, second->entry->match_acl) ||
            finding_set_peer(c->fs, f, entry_peer(second->entry)))
                return -1;
        /* The fix removes the later ACE when it lies wholly in the overlap;
         * otherwise the overlap is denied at the top of the later entry's ACL
         * (a deny in a crypto ACL keeps that traffic out of the entry: ASA
         * configuration guide, "crypto ACLs"; IOS "IPsec crypto access lists") */
        const struct flowbox *rm = fb_equal(&second->box, ov) ? &second->box : ov;
        struct netvars l, r;
        net_vars(rm->src, &l);
        net_vars(rm->dst, &r);
        const struct acl *acl = model_get_acl(c->dev, second->entry->match_acl);
        size_t naces = 0;
        for (size_t i = 0; acl && i < acl->aces.n; i++)
                naces += !((const struct ace *)acl->aces.v[i])->remark;
        /* removing the only entry would leave the map entry an empty ACL */
        if ((rm == ov || naces <= 1) && ov->proto.lo == 0 && ov->proto.hi == 255)
                return deny_overlap(c, f, second->entry->match_acl, &l, &r);
        return check_fix_acl_flow(c, f, second->entry->match_acl, &l, &r);
}

/* One finding per pair of entries: the first overlapping ACE pair. */
static int report_pairs(struct check_ctx *c, const struct cbox *cb, struct pairs *p)
{
        if (p->n == 0)
                return 0;
        qsort(p->v, p->n, sizeof(*p->v), pair_cmp);
        size_t last_e1 = SIZE_MAX, last_e2 = SIZE_MAX;
        for (size_t i = 0; i < p->n; i++) {
                const struct cbox *a = &cb[p->v[i].lo], *b = &cb[p->v[i].hi];
                if (a->entry_idx == last_e1 && b->entry_idx == last_e2)
                        continue;
                if (same_peers(a->entry, b->entry))
                        continue;
                struct flowbox ov;
                if (!real_overlap(c->dev, a, b, &ov))
                        continue;
                last_e1 = a->entry_idx, last_e2 = b->entry_idx;
                if (report(c, a, b, &ov))
                        return -1;
        }
        return 0;
}

/* The boxes of one map are contiguous in cboxes (binding order). */
static int check_map(struct check_ctx *c, const struct cbox *cb, size_t n)
{
        struct labelled_box *lb = malloc((n ? n : 1) * sizeof(*lb));
        struct pairs p = {.cb = cb};
        int rc = -1;
        if (!lb)
                return -1;
        for (size_t i = 0; i < n; i++)
                lb[i] = (struct labelled_box){cb[i].box, cb[i].entry_idx};
        bool truncated = false;
        if (fb_find_overlaps(lb, n, OVERLAP_MAX_PAIRS, on_pair, &p, &truncated) >= 0 && !p.oom)
                rc = report_pairs(c, cb, &p);
        free(lb);
        free(p.v);
        return rc;
}

/* Was the map of the boxes starting at i already checked through an earlier
 * binding? A map applied to two interfaces has the same entries twice. */
static bool map_seen(const struct cboxes *s, size_t i)
{
        for (size_t k = 0; k < i;) {
                if (strcmp(s->v[k].entry->map, s->v[i].entry->map) == 0)
                        return true;
                k = cboxes_binding_end(s, k); /* on to the next binding's boxes */
        }
        return false;
}

int check_crypto_acl_overlap(struct check_ctx *c)
{
        struct cboxes s;
        int rc = cboxes_collect(c->dev, &s);
        for (size_t i = 0; rc == 0 && i < s.n;) {
                size_t j = cboxes_binding_end(&s, i);
                if (!map_seen(&s, i))
                        rc = check_map(c, s.v + i, j - i);
                i = j;
        }
        cboxes_free(&s);
        return rc;
}
