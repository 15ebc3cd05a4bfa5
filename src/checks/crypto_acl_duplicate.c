/*
 * crypto-acl-duplicate: the same permit ACE in the crypto ACLs of several
 * entries of one crypto map, or twice in one ACL. The boxes of each map
 * are sorted and equal neighbours compared, so the cost is O(n log n).
 *
 * Scope decisions:
 * - Per map: the same ACE in maps on two interfaces is the usual design for
 *   a backup uplink, not a duplicate.
 * - Two entries naming the same ACL are crypto-acl-overlap's case; here
 *   each distinct ACL of a map is counted once.
 * - Only single-box ACEs are compared: an object-group ACE that shares one
 *   member with another ACE is not "the same ACE".
 */
#include <stdlib.h>
#include <string.h>

#include "aclnat_util.h"
#include "checks_list.h"

struct dup {
        const struct cbox *cb;
        size_t pos; /* collection order: ACL order within an entry */
};

static int cmp_range(uint32_t a, uint32_t b)
{
        return a < b ? -1 : a > b;
}

static int box_cmp(const struct flowbox *a, const struct flowbox *b)
{
        const uint32_t x[] = {a->src.lo,   a->src.hi,   a->dst.lo,   a->dst.hi,   a->proto.lo,
                              a->proto.hi, a->sport.lo, a->sport.hi, a->dport.lo, a->dport.hi};
        const uint32_t y[] = {b->src.lo,   b->src.hi,   b->dst.lo,   b->dst.hi,   b->proto.lo,
                              b->proto.hi, b->sport.lo, b->sport.hi, b->dport.lo, b->dport.hi};
        for (size_t i = 0; i < sizeof(x) / sizeof(x[0]); i++)
                if (x[i] != y[i])
                        return cmp_range(x[i], y[i]);
        return 0;
}

static int dup_cmp(const void *pa, const void *pb)
{
        const struct dup *a = pa, *b = pb;
        int c = box_cmp(&a->cb->box, &b->cb->box);
        return c ? c : a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int report(struct check_ctx *c, const struct cbox *first, const struct cbox *again)
{
        char flow[160];
        box_text(&again->box, flow, sizeof(flow));
        struct finding *f = check_report(c, &again->ace->loc);
        bool same_acl = !strcmp(first->entry->match_acl, again->entry->match_acl);
        if (!f ||
            (same_acl
                 ? finding_title(c->fs, f, "crypto ACL '%s' permits %s twice (lines %u and %u)",
                                 again->entry->match_acl, flow, first->ace->loc.line,
                                 again->ace->loc.line)
                 : finding_title(c->fs, f,
                                 "crypto map '%s' entries %d and %d both have the entry "
                                 "'permit %s' (ACLs '%s' and '%s')",
                                 again->entry->map, first->entry->seq, again->entry->seq, flow,
                                 first->entry->match_acl, again->entry->match_acl)) ||
            finding_evidence(c->fs, f, &first->ace->loc))
                return -1;
        struct netvars l, r;
        net_vars(again->box.src, &l);
        net_vars(again->box.dst, &r);
        return check_fix_acl_flow(c, f, again->entry->match_acl, &l, &r);
}

/* Entries that name the same ACL repeat all of its boxes: that is
 * crypto-acl-overlap's finding, not a duplicate ACE. */
static bool same_acl_other_entry(const struct cbox *a, const struct cbox *b)
{
        return a->entry != b->entry && !strcmp(a->entry->match_acl, b->entry->match_acl);
}

/* A run of equal boxes, in collection order: every member after the first
 * is a repeat of the first (single-box ACEs occur once per entry). */
static int check_run(struct check_ctx *c, const struct dup *d, size_t n)
{
        for (size_t i = 1; i < n; i++) {
                const struct cbox *first = d[0].cb, *again = d[i].cb;
                if (first->ace == again->ace || same_acl_other_entry(first, again))
                        continue;
                if (report(c, first, again))
                        return -1;
        }
        return 0;
}

static int check_map(struct check_ctx *c, const struct cbox *cb, size_t n)
{
        struct dup *d = malloc((n ? n : 1) * sizeof(*d));
        size_t m = 0;
        if (!d)
                return -1;
        for (size_t i = 0; i < n; i++)
                if (cb[i].ace->nboxes == 1)
                        d[m] = (struct dup){&cb[i], m}, m++;
        qsort(d, m, sizeof(*d), dup_cmp);
        int rc = 0;
        for (size_t i = 0; rc == 0 && i < m;) {
                size_t j = i + 1;
                while (j < m && box_cmp(&d[i].cb->box, &d[j].cb->box) == 0)
                        j++;
                if (j - i > 1)
                        rc = check_run(c, d + i, j - i);
                i = j;
        }
        free(d);
        return rc;
}

int check_crypto_acl_duplicate(struct check_ctx *c)
{
        struct cboxes s;
        int rc = cboxes_collect(c->dev, &s);
        for (size_t i = 0; rc == 0 && i < s.n;) {
                size_t j = cboxes_binding_end(&s, i);
                rc = check_map(c, s.v + i, j - i);
                i = j;
        }
        cboxes_free(&s);
        return rc;
}
