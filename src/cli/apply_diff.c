/*
 * Unified diff of a config before and after `apply` (apply_diff.h). Both
 * sides come from cmd_merge over the same input lines: a line of b whose
 * origin is an input line that a also shows is the same line; a line of b
 * without one is new; a line of a that b lacks was removed. Origins are
 * increasing on both sides, so one merge-like walk pairs them.
 */
#include "apply_diff.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3

struct vline {
        const struct text_line *l;
        uint32_t origin;
};

struct side {
        struct vline *v;
        size_t n;
};

/* The lines cmd_merged_write prints (not command output, not exec lines). */
static int visible(const struct cmd_merged *m, struct side *s)
{
        s->v = calloc(m->text.n ? m->text.n : 1, sizeof(*s->v));
        s->n = 0;
        if (!s->v)
                return -1;
        for (size_t i = 0; i < m->text.n; i++) {
                const struct text_line *l = &m->text.lines[i];
                if (l->output || (l->mode && !strcmp(l->mode, "exec")))
                        continue;
                s->v[s->n++] = (struct vline){l, m->origin[i]};
        }
        return 0;
}

static bool same(const struct vline *a, const struct vline *b)
{
        return a->origin != CMD_NEW && a->origin == b->origin && a->l->indent == b->l->indent;
}

enum op { OP_SAME, OP_DEL, OP_ADD };

struct edit {
        enum op op;
        size_t ai, bi; /* line index in a / b (the one the op is about) */
};

/* Is a's line (an input line) still in b, at or after b's line j? */
static bool kept(const struct side *b, size_t j, uint32_t origin)
{
        for (; j < b->n; j++)
                if (b->v[j].origin != CMD_NEW)
                        return b->v[j].origin == origin;
        return false;
}

/* The edit script: a walk over both sides by origin; a removed line is
 * written before the lines added in its place. */
static struct edit *script(const struct side *a, const struct side *b, size_t *n)
{
        struct edit *e = calloc(a->n + b->n + 1, sizeof(*e));
        size_t i = 0, j = 0, k = 0;
        if (!e)
                return NULL;
        while (i < a->n || j < b->n) {
                if (i < a->n && j < b->n && same(&a->v[i], &b->v[j])) {
                        e[k++] = (struct edit){OP_SAME, i++, j++};
                } else if (i < a->n && (a->v[i].origin == CMD_NEW || !kept(b, j, a->v[i].origin))) {
                        e[k++] = (struct edit){OP_DEL, i++, j};
                } else if (j < b->n) {
                        e[k++] = (struct edit){OP_ADD, i, j++};
                } else {
                        e[k++] = (struct edit){OP_DEL, i++, j};
                }
        }
        *n = k;
        return e;
}

static void put(FILE *f, char c, const struct text_line *l)
{
        /* the scrubbed copy: a diff is read in terminals and tickets */
        fprintf(f, "%c%*s%s\n", c, (int)l->indent, "", l->shown);
}

/* One hunk: edits [from, to) of the script. */
static void hunk(FILE *f, const struct edit *e, size_t from, size_t to, const struct side *a,
                 const struct side *b)
{
        size_t na = 0, nb = 0;
        for (size_t k = from; k < to; k++) {
                na += e[k].op != OP_ADD;
                nb += e[k].op != OP_DEL;
        }
        size_t a0 = e[from].ai + (na ? 1 : 0), b0 = e[from].bi + (nb ? 1 : 0);
        fprintf(f, "@@ -%zu,%zu +%zu,%zu @@\n", a0, na, b0, nb);
        for (size_t k = from; k < to; k++) {
                if (e[k].op == OP_SAME)
                        put(f, ' ', a->v[e[k].ai].l);
                else if (e[k].op == OP_DEL)
                        put(f, '-', a->v[e[k].ai].l);
                else
                        put(f, '+', b->v[e[k].bi].l);
        }
}

static void hunks(FILE *f, const struct edit *e, size_t n, const struct side *a,
                  const struct side *b)
{
        size_t k = 0;
        while (k < n) {
                while (k < n && e[k].op == OP_SAME)
                        k++;
                if (k == n)
                        return;
                size_t from = k > CONTEXT ? k - CONTEXT : 0, to = k;
                /* extend while the next change is within 2 * CONTEXT lines */
                for (;;) {
                        while (to < n && e[to].op != OP_SAME)
                                to++;
                        size_t same_run = 0;
                        while (to + same_run < n && e[to + same_run].op == OP_SAME)
                                same_run++;
                        if (to + same_run < n && same_run <= 2 * CONTEXT) {
                                to += same_run;
                                continue;
                        }
                        to += same_run < CONTEXT ? same_run : CONTEXT;
                        break;
                }
                hunk(f, e, from, to, a, b);
                k = to;
        }
}

int apply_diff_write(FILE *f, const char *name, const struct cmd_merged *ma,
                     const struct cmd_merged *mb)
{
        struct side a = {0}, b = {0};
        struct edit *e = NULL;
        size_t n = 0;
        int rc = -1;
        if (visible(ma, &a) || visible(mb, &b) || !(e = script(&a, &b, &n))) {
                fprintf(stderr, "ipsec-doctor: out of memory\n");
                goto out;
        }
        bool any = false;
        for (size_t k = 0; k < n && !any; k++)
                any = e[k].op != OP_SAME;
        if (any) {
                fprintf(f, "--- %s\n+++ %s (with the changes applied)\n", name, name);
                hunks(f, e, n, &a, &b);
        }
        rc = 0;
out:
        free(a.v);
        free(b.v);
        free(e);
        return rc;
}
