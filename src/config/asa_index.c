/*
 * First-word index of the ASA command tables. A linear dispatch compares
 * every line's first word with every entry of every top-level table (about
 * 150 strcasecmp calls for an "access-list" line, which is most of a large
 * config). The index holds the entries sorted by first keyword, ties in
 * table order, so a binary search finds the candidates and trying them in
 * that order gives the same first match as the linear scan.
 *
 * Indexes are built on first use into fixed static storage (the tables are
 * static const, so the index never changes after that); when the storage is
 * full, dispatch falls back to the linear scan, which is always correct.
 */
#include "asa.h"

#include <stdlib.h>
#include <strings.h>

struct ix_ent {
        const char *kw0;
        const struct asa_cmd *e;
        unsigned table; /* position in the table list: lower wins */
        unsigned pos;   /* position in its table: lower wins */
};

struct ix {
        const struct asa_cmd *const *tables; /* the key: identity of the list */
        const struct asa_cmd *one;           /* storage when the list is one table */
        size_t ntables;
        struct ix_ent *ents;
        size_t n;
};

enum { IX_SLOTS = 64, IX_POOL = 4096 };
static struct ix slots[IX_SLOTS];
static size_t nslots;
static struct ix_ent pool[IX_POOL];
static size_t pool_used;

static int ent_cmp(const void *pa, const void *pb)
{
        const struct ix_ent *a = pa, *b = pb;
        int d = strcasecmp(a->kw0, b->kw0);
        if (d)
                return d;
        if (a->table != b->table)
                return a->table < b->table ? -1 : 1;
        return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static size_t count_entries(const struct asa_cmd *const *tables, size_t ntables)
{
        size_t n = 0;
        for (size_t k = 0; k < ntables; k++)
                for (const struct asa_cmd *t = tables[k]; t->fn; t++)
                        n++;
        return n;
}

/* Builds slot x over tables; false when the pool has no room. */
static bool build(struct ix *x, const struct asa_cmd *const *tables, size_t ntables)
{
        size_t n = count_entries(tables, ntables);
        if (n > IX_POOL - pool_used)
                return false;
        x->ents = pool + pool_used;
        x->n = 0;
        for (size_t k = 0; k < ntables; k++)
                for (const struct asa_cmd *t = tables[k]; t->fn; t++) {
                        if (!t->kw[0]) /* matches any line: only the scan keeps its order */
                                return false;
                        x->ents[x->n++] = (struct ix_ent){.kw0 = t->kw[0],
                                                          .e = t,
                                                          .table = (unsigned)k,
                                                          .pos = (unsigned)(t - tables[k])};
                }
        qsort(x->ents, x->n, sizeof(*x->ents), ent_cmp);
        pool_used += n;
        x->tables = tables;
        x->ntables = ntables;
        return true;
}

/* The index of a list of tables (or of one table, tables == NULL), or NULL. */
static const struct ix *index_for(const struct asa_cmd *const *tables, size_t ntables,
                                  const struct asa_cmd *one)
{
        for (size_t s = 0; s < nslots; s++)
                if (tables ? slots[s].tables == tables : slots[s].one == one)
                        return slots[s].ents ? &slots[s] : NULL;
        if (nslots == IX_SLOTS)
                return NULL;
        struct ix *x = &slots[nslots++];
        x->one = one;
        if (!build(x, tables ? tables : &x->one, tables ? ntables : 1))
                x->ents = NULL; /* remembered as unindexable: scan */
        x->tables = tables;
        return x->ents ? x : NULL;
}

/* First entry whose keyword is not below w (case-insensitively). */
static size_t lower_bound(const struct ix *x, const char *w)
{
        size_t lo = 0, hi = x->n;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (strcasecmp(x->ents[mid].kw0, w) < 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

static bool rest_matches(const struct asa_ctx *c, const struct asa_cmd *e, size_t *next)
{
        size_t k = 1;
        while (k < 4 && e->kw[k]) {
                if (!kw(asa_w(c, k), e->kw[k]))
                        return false;
                k++;
        }
        *next = k;
        return true;
}

/* Dispatch through an index: each table's first matching entry runs, as in
 * the scan; the next table is tried only when that entry says ASA_UNKNOWN. */
static int ix_dispatch(struct asa_ctx *c, const struct ix *x)
{
        const char *w = asa_w(c, 0);
        if (!w)
                return ASA_UNKNOWN;
        unsigned done = (unsigned)-1; /* the table whose entry ran */
        for (size_t i = lower_bound(x, w); i < x->n && !strcasecmp(x->ents[i].kw0, w); i++) {
                const struct ix_ent *en = &x->ents[i];
                size_t next;
                if (en->table == done || !rest_matches(c, en->e, &next))
                        continue;
                int rc = en->e->fn(c, next);
                if (rc != ASA_UNKNOWN) {
                        asa_log_hit(c, en->e, next);
                        return rc;
                }
                done = en->table;
        }
        return ASA_UNKNOWN;
}

int asa_dispatch_list(struct asa_ctx *c, const struct asa_cmd *const *tables, size_t ntables)
{
        const struct ix *x = index_for(tables, ntables, NULL);
        if (x)
                return ix_dispatch(c, x);
        for (size_t k = 0; k < ntables; k++) {
                int rc = asa_dispatch_scan(c, tables[k]);
                if (rc != ASA_UNKNOWN)
                        return rc;
        }
        return ASA_UNKNOWN;
}

int asa_dispatch(struct asa_ctx *c, const struct asa_cmd *t)
{
        const struct ix *x = index_for(NULL, 0, t);
        return x ? ix_dispatch(c, x) : asa_dispatch_scan(c, t);
}
