/*
 * Config-mode merge (cmdmerge.h): the lines of a config become a tree of
 * modes, each line applied to it in order with its row's semantics
 * (cmdsem.h); the live tree, written depth first, is the merged config.
 *
 * Lookups go through hash maps keyed by (mode, words), so a config of
 * 100,000 lines costs one map insert per line; only "no" lines that remove
 * by prefix, IOS sequence numbers and ASA "line N" walk one mode's lines.
 */
#include "cmdmerge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "lex.h"

#define GROUP_MAX_WORDS 8 /* longest kind prefix a pasted line is placed by */

struct mnode {
        const struct text_line *l;
        const char *s; /* the text written (the input's, or without "line N") */
        size_t len;
        const struct cmd_rec *rec;
        struct mnode *parent, *first, *last, *prev, *next;
        /* A mode re-entered in the input stays where it was written (so a
         * running config that prints an object twice, as the ASA does for
         * object NAT, reads unchanged); it shares the slots of the first
         * block (canon), and the blocks of one canon are chained by alias. */
        struct mnode *canon, *alias;
        uint32_t idx; /* input line */
        uint32_t seq; /* IOS sequence number in a SEM_SEQ mode */
        uint32_t maxseq;
        bool dead, neg, cfg, seq_explicit;
};

struct merge {
        const struct text *t;
        const struct cmd_log *log;
        size_t first_change;
        struct arena tmp;  /* nodes, keys, maps: freed when the merge is done */
        struct arena *out; /* texts the merged config shows */
        struct mnode root;
        struct mnode **of; /* per input line: the node of the mode it opened */
        struct mnode *prev_ctx, *end;
        struct strmap slots, groups;
        struct ptrvec negs;
        bool groups_built;
        char *kb; /* key buffer */
        size_t kcap;
};

/* ---- words and keys ----------------------------------------------------- */

struct lw {
        struct words *w;
        const char *const *v; /* words after "no" */
        size_t n;
        bool neg;
};

static int split(const char *s, size_t len, struct lw *o)
{
        o->w = words_split(s, len);
        if (!o->w)
                return -1;
        words_merge_placeholders(o->w);
        o->neg = o->w->n > 1 && kw(o->w->w[0], "no");
        o->v = o->w->w + o->neg;
        o->n = o->w->n - o->neg;
        return 0;
}

/* A leading IOS sequence number is not part of what an entry says. */
static size_t seq_skip(const struct mnode *n, const struct lw *w, uint32_t *seq)
{
        uint32_t v;
        if (n->rec && (n->rec->sem.flags & SEM_SEQ) && w->n &&
            lex_u32(w->v[0], 1, 2147483647u, &v)) {
                if (seq)
                        *seq = v;
                return 1;
        }
        return 0;
}

static int kput(struct merge *m, size_t *len, const char *s)
{
        size_t n = strlen(s);
        if (*len + n + 2 > m->kcap) {
                size_t cap = (*len + n + 2) * 2;
                char *b = realloc(m->kb, cap);
                if (!b)
                        return -1;
                m->kb = b, m->kcap = cap;
        }
        memcpy(m->kb + *len, s, n);
        *len += n;
        m->kb[(*len)++] = ' ';
        m->kb[*len] = '\0';
        return 0;
}

/* "<mode>|<tag>|w w w": the words [from, from+n) of v, or the masked ones. */
static const char *make_key(struct merge *m, const struct mnode *ctx, char tag,
                            const char *const *v, size_t from, size_t n, uint32_t mask, size_t off)
{
        char head[40];
        size_t len = 0;
        snprintf(head, sizeof(head), "%p|%c|", (const void *)(ctx->canon ? ctx->canon : ctx), tag);
        if (kput(m, &len, head))
                return NULL;
        if (mask) {
                for (size_t i = 0; i < off; i++)
                        if (kput(m, &len, v[i]))
                                return NULL;
                for (size_t j = 0; j < 32; j++)
                        if ((mask >> j) & 1u && (off + j >= n || kput(m, &len, v[off + j])))
                                return NULL;
        } else {
                for (size_t i = from; i < from + n; i++)
                        if (kput(m, &len, v[i]))
                                return NULL;
        }
        return m->kb;
}

/* The slot a keyed row's line sets (a temporary string), or NULL. */
static const char *slot_key(struct merge *m, const struct mnode *ctx, const struct cmd_rec *r,
                            const struct lw *w, size_t skip)
{
        const char *const *v = w->v + skip;
        size_t n = w->n - skip;
        if (r->sem.flags & SEM_KEY_ADDR) {
                size_t end = (size_t)r->off + r->nkw;
                for (size_t i = end; i + 1 < n; i++)
                        if (kw(v[i], "address") || kw(v[i], "hostname")) {
                                const char *k = make_key(m, ctx, 'K', v, 0, end, 0, 0);
                                size_t len = k ? strlen(k) : 0;
                                return k && !kput(m, &len, v[i]) && !kput(m, &len, v[i + 1]) ? m->kb
                                                                                             : NULL;
                        }
                return NULL;
        }
        if (r->sem.flags & SEM_KEY_DIR) {
                size_t end = (size_t)r->off + r->nkw;
                bool dir = end < n && (kw(v[end], "local") || kw(v[end], "remote"));
                return make_key(m, ctx, 'K', v, 0, end + dir, 0, 0);
        }
        if (r->sem.flags & SEM_KEY_NUMBERED) {
                size_t end = (size_t)r->off + r->nkw;
                uint32_t seq;
                if (end + 1 >= n || !lex_u32(v[end + 1], 0, UINT32_MAX, &seq))
                        return NULL;
                return make_key(m, ctx, 'K', v, 0, end + 2, 0, 0);
        }
        if (!r->sem.key)
                return NULL;
        return make_key(m, ctx, 'K', v, 0, n, r->sem.key, r->off);
}

static const char *full_key(struct merge *m, const struct mnode *ctx, const struct lw *w,
                            size_t skip)
{
        return make_key(m, ctx, w->neg ? 'N' : '=', w->v + skip, 0, w->n - skip, 0, 0);
}

static int map_put(struct merge *m, struct strmap *map, const char *key, struct mnode *n)
{
        char *k = key ? arena_strdup(&m->tmp, key) : NULL;
        return k ? strmap_put(&m->tmp, map, k, n) : -1;
}

static struct mnode *map_live(const struct strmap *map, const char *key)
{
        struct mnode *n = key ? strmap_get(map, key) : NULL;
        return n && !n->dead ? n : NULL;
}

/* ---- the tree ----------------------------------------------------------- */

static void link_after(struct mnode *ctx, struct mnode *after, struct mnode *n)
{
        n->parent = ctx;
        n->prev = after;
        n->next = after ? after->next : ctx->first;
        if (n->next)
                n->next->prev = n;
        else
                ctx->last = n;
        if (after)
                after->next = n;
        else
                ctx->first = n;
}

static struct mnode *new_node(struct merge *m, size_t i, const char *s, size_t len)
{
        struct mnode *n = arena_alloc(&m->tmp, sizeof(*n));
        if (!n)
                return NULL;
        n->l = &m->t->lines[i];
        n->s = s;
        n->len = len;
        n->rec = &m->log->v[i];
        n->idx = (uint32_t)i;
        return n;
}

/* The last command of a mode (comments after it stay after it). */
static struct mnode *last_cfg(const struct mnode *ctx)
{
        struct mnode *n = ctx->last;
        while (n && !n->cfg)
                n = n->prev;
        return n;
}

static bool words_prefix(const struct lw *a, size_t askip, const struct lw *p, size_t pskip,
                         size_t np)
{
        if (a->n - askip < np)
                return false;
        /* exact: names are case-sensitive on the devices ("out" is not "OUT") */
        for (size_t i = 0; i < np; i++)
                if (strcmp(a->v[askip + i], p->v[pskip + i]))
                        return false;
        return true;
}

static void kill(struct mnode *n)
{
        for (; n; n = n->alias)
                n->dead = true;
}

/* "no W...": every live positive line of ctx starting with the first np
 * words of w (after its sequence number). Returns the number removed. */
static int remove_prefix(struct merge *m, struct mnode *ctx, const struct lw *w, size_t wskip,
                         size_t np, size_t *removed)
{
        if (ctx->canon)
                ctx = ctx->canon;
        for (struct mnode *b = ctx; b; b = b->alias)
                for (struct mnode *c = b->first; c; c = c->next) {
                        if (c->dead || c->neg || !c->cfg || !c->rec->hit)
                                continue;
                        struct lw cw;
                        if (split(c->s, c->len, &cw))
                                return -1;
                        if (!cw.neg && words_prefix(&cw, seq_skip(c, &cw, NULL), w, wskip, np)) {
                                kill(c);
                                (*removed)++;
                        }
                        free(cw.w);
                }
        (void)m;
        return 0;
}

/* ---- placing a pasted line ---------------------------------------------- */

static int register_groups(struct merge *m, struct mnode *n)
{
        struct lw w;
        if (!n->rec->hit || split(n->s, n->len, &w))
                return n->rec->hit ? -1 : 0;
        int rc = 0;
        size_t max = (size_t)n->rec->off + n->rec->nkw + 1;
        for (size_t k = 1; k <= max && k <= w.n && k <= GROUP_MAX_WORDS && !rc; k++)
                rc = map_put(m, &m->groups, make_key(m, &m->root, (char)('0' + k), w.v, 0, k, 0, 0),
                             n);
        free(w.w);
        return rc;
}

static int build_groups(struct merge *m)
{
        m->groups_built = true;
        for (struct mnode *n = m->root.first; n; n = n->next)
                if (!n->dead && !n->neg && n->cfg && register_groups(m, n))
                        return -1;
        return 0;
}

/* Where a pasted top-level line goes: after the last line of its kind. */
static struct mnode *group_pos(struct merge *m, const struct cmd_rec *r, const struct lw *w)
{
        size_t kwn = (size_t)r->off + r->nkw, min = kwn > 1 ? 2 : 1;
        size_t k = kwn + 1 < w->n ? kwn + 1 : w->n;
        for (k = k < GROUP_MAX_WORDS ? k : GROUP_MAX_WORDS; r->hit && k >= min; k--) {
                struct mnode *g =
                    map_live(&m->groups, make_key(m, &m->root, (char)('0' + k), w->v, 0, k, 0, 0));
                if (g)
                        return g;
        }
        if (m->end && !m->end->dead)
                return m->end->prev;
        return m->root.last;
}

/* ASA "access-list A line N ...": before A's N-th line. */
static struct mnode *asa_line_pos(struct merge *m, const struct lw *w, uint32_t line, int *rc)
{
        struct mnode *last = NULL;
        uint32_t k = 0;
        for (struct mnode *c = m->root.first; c; c = c->next) {
                if (c->dead || c->neg || !c->cfg)
                        continue;
                struct lw cw;
                if (split(c->s, c->len, &cw)) {
                        *rc = -1;
                        return NULL;
                }
                bool same = !cw.neg && words_prefix(&cw, 0, w, 0, 2);
                free(cw.w);
                if (same) {
                        if (++k == line)
                                return c->prev;
                        last = c;
                }
        }
        return last ? last : group_pos(m, &(struct cmd_rec){0}, w);
}

/* IOS "N permit ...": in number order; a number in use is refused. */
static struct mnode *seq_pos(struct mnode *ctx, uint32_t seq, bool *refused)
{
        struct mnode *after = NULL;
        for (struct mnode *c = ctx->first; c; c = c->next) {
                if (c->dead || !c->cfg || c->neg)
                        continue;
                if (c->seq == seq)
                        *refused = true;
                if (c->seq > seq)
                        return c->prev;
                after = c;
        }
        return after ? after : NULL;
}

/* ---- one line ----------------------------------------------------------- */

/* "clear configure X...": every top-level line (and block) starting with X. */
static int clear_configure(struct merge *m, const struct lw *w)
{
        struct lw p = {.w = NULL, .v = w->v + 2, .n = w->n - 2};
        size_t removed = 0;
        return remove_prefix(m, &m->root, &p, 0, p.n, &removed);
}

static int place(struct merge *m, struct mnode *ctx, struct mnode *n, const struct lw *w,
                 size_t skip, uint32_t asa_line)
{
        bool pasted = n->idx >= m->first_change;
        const struct cmd_rec *r = n->rec;
        if (r->sem.flags & SEM_SEQ) {
                uint32_t seq;
                n->seq_explicit = skip > 0 && seq_skip(n, w, &seq);
                if (n->seq_explicit && seq > ctx->maxseq) {
                        n->seq = seq; /* in number order already: no walk */
                        link_after(ctx, last_cfg(ctx), n);
                } else if (n->seq_explicit) {
                        bool refused = false;
                        struct mnode *after = seq_pos(ctx, seq, &refused);
                        if (refused)
                                return 1; /* "% Duplicate sequence number": nothing changes */
                        n->seq = seq;
                        link_after(ctx, after, n);
                } else if (w->n > skip && kw(w->v[skip], "remark")) {
                        n->seq = 0; /* a remark takes no number (it goes with the next entry) */
                        link_after(ctx, last_cfg(ctx), n);
                        return 0;
                } else {
                        n->seq = ctx->maxseq + 10;
                        link_after(ctx, last_cfg(ctx), n);
                }
                ctx->maxseq = n->seq > ctx->maxseq ? n->seq : ctx->maxseq;
                return 0;
        }
        struct mnode *after;
        int rc = 0;
        if (asa_line)
                after = asa_line_pos(m, w, asa_line, &rc);
        else if (!pasted)
                after = ctx->last;
        else if (ctx != &m->root)
                after = last_cfg(ctx);
        else if (!m->groups_built && build_groups(m))
                return -1;
        else
                after = group_pos(m, r, w);
        if (rc)
                return rc;
        link_after(ctx, after, n);
        return pasted && ctx == &m->root && register_groups(m, n) ? -1 : 0;
}

/* A "no" line: removes what it names; kept when it removed nothing (or
 * the "no" form is a setting of its own). Returns 1 when it is kept. */
static int apply_neg(struct merge *m, struct mnode *ctx, const struct cmd_rec *r,
                     const struct lw *w, size_t skip, int *rc)
{
        size_t removed = 0;
        uint32_t seq;
        if ((r->sem.flags & SEM_SEQ) && w->n == 1 && seq_skip(&(struct mnode){.rec = r}, w, &seq)) {
                for (struct mnode *c = ctx->first; c; c = c->next)
                        if (!c->dead && c->cfg && !c->neg && c->seq == seq)
                                kill(c), removed++;
                return 0; /* "no 10" is never a line of the config */
        }
        struct mnode *v = map_live(&m->slots, slot_key(m, ctx, r, w, skip));
        if (v && v->neg)
                v = NULL;
        if (v)
                kill(v), removed++;
        else if (r->sem.negwords && w->n - skip >= r->sem.negwords)
                *rc = remove_prefix(m, ctx, w, skip, r->sem.negwords, &removed);
        else
                *rc = remove_prefix(m, ctx, w, skip, w->n - skip, &removed);
        if (removed && !(r->sem.flags & SEM_NEG_KEPT))
                return 0;
        /* the same "no" line twice is one */
        return !map_live(&m->slots, full_key(m, ctx, w, skip));
}

/* A positive line: the earlier line of its slot, an equal line, or the
 * "no" form it turns back on. Returns the node it re-enters / replaces. */
static struct mnode *find_same(struct merge *m, struct mnode *ctx, const struct cmd_rec *r,
                               const struct lw *w, size_t skip)
{
        struct mnode *x = map_live(&m->slots, slot_key(m, ctx, r, w, skip));
        if (!x && !(r->sem.flags & SEM_MULTI))
                x = map_live(&m->slots, full_key(m, ctx, w, skip));
        return x && !x->neg ? x : NULL;
}

static int drop_negs_of(struct merge *m, struct mnode *ctx, const struct lw *w, size_t skip)
{
        for (size_t i = 0; i < m->negs.n; i++) {
                struct mnode *g = m->negs.v[i];
                if (g->dead || g->parent != ctx)
                        continue;
                struct lw gw;
                if (split(g->s, g->len, &gw))
                        return -1;
                if (words_prefix(w, skip, &gw, 0, gw.n))
                        kill(g);
                free(gw.w);
        }
        return 0;
}

static int register_node(struct merge *m, struct mnode *ctx, struct mnode *n, const struct lw *w,
                         size_t skip)
{
        const char *k = slot_key(m, ctx, n->rec, w, skip);
        if (k && map_put(m, &m->slots, k, n))
                return -1;
        if (n->neg && ptrvec_push(&m->tmp, &m->negs, n))
                return -1;
        return map_put(m, &m->slots, full_key(m, ctx, w, skip), n);
}

/* ASA "line N": the text without it, and N. */
static const char *strip_line_n(struct merge *m, const struct lw *w, uint32_t *line)
{
        if (w->neg || w->n < 5 || !kw(w->v[2], "line") || !lex_u32(w->v[3], 1, UINT32_MAX, line))
                return NULL;
        size_t len = 0;
        for (size_t i = 0; i < w->n; i++)
                if ((i < 2 || i > 3) && kput(m, &len, w->v[i]))
                        return NULL;
        return arena_strndup(m->out, m->kb, len - 1);
}

/* The text after the first two words ("access-list 110 permit ..."). */
static const char *after_two_words(const char *s, size_t *len)
{
        const char *p = s, *end = s + *len;
        for (int k = 0; k < 2; k++) {
                while (p < end && *p != ' ')
                        p++;
                while (p < end && *p == ' ')
                        p++;
        }
        *len = (size_t)(end - p);
        return p;
}

/* SEM_ACL_BLOCK: the block of "ip access-list extended N" takes the live
 * top-level "access-list N" lines as its entries, in their order. */
static int absorb_numbered(struct merge *m, struct mnode *blk, const struct lw *w)
{
        static const struct cmd_rec entry = {
            .parent = CMD_TOP, .kind = CK_LINE, .hit = true, .sem = {0, 0, SEM_SEQ | SEM_MULTI}};
        if (w->n < 4)
                return 0;
        for (struct mnode *c = m->root.first; c; c = c->next) {
                if (c->dead || c->neg || !c->cfg || c == blk)
                        continue;
                struct lw cw;
                if (split(c->s, c->len, &cw))
                        return -1;
                bool same =
                    !cw.neg && cw.n > 2 && kw(cw.v[0], "access-list") && kw(cw.v[1], w->v[3]);
                free(cw.w);
                if (!same)
                        continue;
                struct mnode *e = new_node(m, c->idx, c->s, c->len);
                if (!e)
                        return -1;
                e->s = after_two_words(c->s, &e->len);
                e->rec = &entry;
                e->cfg = true;
                if (strncmp(e->s, "remark", 6)) {
                        e->seq = blk->maxseq + 10;
                        blk->maxseq = e->seq;
                }
                link_after(blk, blk->last, e);
                kill(c);
        }
        return 0;
}

/* Exec commands a pasted fix may carry (the config CLI runs them too). */
static bool is_exec(const struct lw *w)
{
        static const char *const verbs[] = {"clear", "ping", "show",   "debug",     "undebug",
                                            "write", "copy", "reload", "traceroute"};
        if (w->neg || !w->n || (kw(w->v[0], "clear") && w->n > 1 && kw(w->v[1], "configure")))
                return false;
        for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
                if (kw(w->v[0], verbs[i]))
                        return true;
        return false;
}

static int command(struct merge *m, size_t i, struct mnode *ctx)
{
        const struct cmd_rec *r = &m->log->v[i];
        const struct text_line *l = &m->t->lines[i];
        struct lw w;
        if (split(l->s, l->len, &w))
                return -1;
        int rc = 0;
        const char *s = l->s;
        size_t len = l->len;
        uint32_t asa_line = 0;
        if ((r->sem.flags & SEM_ASA_LINE) && r->hit && (s = strip_line_n(m, &w, &asa_line))) {
                len = strlen(s);
                free(w.w);
                if (split(s, len, &w))
                        return -1;
        } else {
                s = l->s;
        }
        struct mnode probe = {.rec = r};
        size_t skip = seq_skip(&probe, &w, NULL);
        if (ctx == &m->root && w.n >= 3 && !w.neg && kw(w.v[0], "clear") &&
            kw(w.v[1], "configure")) {
                rc = clear_configure(m, &w);
                goto out;
        }
        if (i >= m->first_change && ctx == &m->root && is_exec(&w))
                goto out; /* "clear xlate", "ping ...": run, not stored in the config */
        if (!r->hit) {
                struct mnode *n = new_node(m, i, s, len);
                if (!n)
                        goto oom;
                n->cfg = true;
                rc = place(m, ctx, n, &w, skip, 0);
                goto out;
        }
        if (w.neg) {
                if (!apply_neg(m, ctx, r, &w, skip, &rc) || rc)
                        goto out;
        } else {
                struct mnode *x = find_same(m, ctx, r, &w, skip);
                if (x && r->kind == CK_OPEN && i >= m->first_change) {
                        m->of[i] = x; /* a mode entered again: its block grows */
                        if (r->sem.key && !(x->len == len && !memcmp(x->s, s, len)))
                                x->s = s, x->len = len; /* "crypto ipsec transform-set T" anew */
                        goto out;
                }
                if (x && r->kind == CK_OPEN) {
                        struct mnode *n = new_node(m, i, s, len);
                        if (!n)
                                goto oom;
                        n->cfg = true;
                        n->canon = x->canon ? x->canon : x;
                        n->alias = n->canon->alias;
                        n->canon->alias = n;
                        link_after(ctx, ctx->last, n);
                        m->of[i] = n;
                        goto out;
                }
                if (x) {
                        struct lw xw;
                        if (split(x->s, x->len, &xw))
                                goto oom;
                        bool same = xw.n - seq_skip(x, &xw, NULL) == w.n - skip &&
                                    words_prefix(&xw, seq_skip(x, &xw, NULL), &w, skip, w.n - skip);
                        free(xw.w);
                        if (same)
                                goto out; /* the same line again changes nothing */
                        struct mnode *n = new_node(m, i, s, len);
                        if (!n)
                                goto oom;
                        n->cfg = true;
                        n->seq = x->seq;
                        link_after(x->parent, x, n); /* replaced where it was */
                        kill(x);
                        rc = register_node(m, ctx, n, &w, skip);
                        goto out;
                }
                if (drop_negs_of(m, ctx, &w, skip))
                        goto oom;
        }
        struct mnode *n = new_node(m, i, s, len);
        if (!n)
                goto oom;
        n->cfg = true;
        n->neg = w.neg;
        rc = place(m, ctx, n, &w, skip, asa_line);
        if (rc == 0 && r->kind == CK_OPEN && !w.neg && (r->sem.flags & SEM_ACL_BLOCK))
                rc = absorb_numbered(m, n, &w);
        if (rc == 0) {
                if (r->kind == CK_OPEN && !w.neg)
                        m->of[i] = n;
                rc = register_node(m, ctx, n, &w, skip);
        } else if (rc == 1) {
                rc = 0;
        }
out:
        free(w.w);
        return rc;
oom:
        free(w.w);
        return -1;
}

static bool is_end(const struct text_line *l)
{
        return !l->comment && !l->output && l->len == 3 && kw(l->s, "end");
}

static int one_line(struct merge *m, size_t i)
{
        const struct cmd_rec *r = &m->log->v[i];
        const struct text_line *l = &m->t->lines[i];
        if (r->kind == CK_NONE) {
                if (i >= m->first_change)
                        return 0; /* exit, end, comments of pasted changes */
                struct mnode *n = new_node(m, i, l->s, l->len);
                if (!n)
                        return -1;
                struct mnode *ctx = is_end(l) || !m->prev_ctx ? &m->root : m->prev_ctx;
                link_after(ctx, ctx->last, n);
                if (is_end(l))
                        m->end = n;
                return 0;
        }
        struct mnode *ctx = r->parent == CMD_TOP ? &m->root : m->of[r->parent];
        if (!ctx)
                ctx = &m->root;
        if (ctx->canon && (i >= m->first_change || (r->sem.flags & SEM_SEQ)))
                ctx = ctx->canon; /* pasted into a mode: joins its first block */
        for (struct mnode *p = ctx; p; p = p->parent)
                if (p->dead)
                        return 0; /* its mode was removed: so is the line */
        if (r->kind == CK_BODY) {
                struct mnode *n = new_node(m, i, l->s, l->len);
                if (!n)
                        return -1;
                n->cfg = true;
                link_after(ctx, ctx->last, n);
                m->prev_ctx = ctx;
                return 0;
        }
        m->prev_ctx = ctx;
        int rc = command(m, i, ctx);
        if (m->of[i])
                m->prev_ctx = m->of[i];
        return rc;
}

/* ---- writing ------------------------------------------------------------ */

struct out {
        struct arena *a;
        struct text_line *v;
        uint32_t *origin;
        size_t n;
        size_t first_change;
};

static uint16_t node_indent(const struct mnode *n, unsigned depth)
{
        if (n->rec->kind == CK_NONE)
                return n->l->indent;
        if (n->rec->kind == CK_BODY) {
                const struct mnode *p = n->parent;
                if (!p->rec->hit)
                        return n->l->indent; /* a banner's text as it was */
                unsigned rel = n->l->indent > p->l->indent ? n->l->indent - p->l->indent : 1;
                return (uint16_t)(depth - 1 + rel > 0xffff ? 0xffff : depth - 1 + rel);
        }
        return (uint16_t)(depth > 0xffff ? 0xffff : depth);
}

static int emit(struct out *o, const struct mnode *n, unsigned depth)
{
        struct text_line *d = &o->v[o->n];
        *d = *n->l;
        d->indent = node_indent(n, depth);
        bool same = n->s == n->l->s;
        if (n->rec->kind != CK_NONE)
                d->mode = NULL;
        if (!same) {
                d->s = n->s;
                d->len = n->len;
                if (!(d->shown = text_scrub(o->a, n->s, n->len)))
                        return -1;
        }
        o->origin[o->n++] = same && n->idx < o->first_change ? n->idx : CMD_NEW;
        return 0;
}

static int walk(struct out *o, const struct mnode *ctx, unsigned depth)
{
        for (const struct mnode *n = ctx->first; n; n = n->next) {
                if (n->dead)
                        continue;
                if (emit(o, n, depth) || walk(o, n, depth + 1))
                        return -1;
        }
        return 0;
}

static int render(struct merge *m, struct arena *a, struct cmd_merged *out)
{
        const struct text *t = m->t;
        struct out o = {.a = a, .first_change = m->first_change};
        o.v = arena_calloc(a, t->n ? t->n : 1, sizeof(*o.v));
        o.origin = arena_calloc(a, t->n ? t->n : 1, sizeof(*o.origin));
        if (!o.v || !o.origin || walk(&o, &m->root, 0))
                return -1;
        out->text = *t;
        out->text.lines = o.v;
        out->text.n = o.n;
        out->origin = o.origin;
        /* indentation alone is no change: the readers read both alike */
        out->changed = o.n != t->n;
        for (size_t i = 0; i < o.n && !out->changed; i++)
                out->changed = o.origin[i] != i;
        return 0;
}

int cmd_merge(const struct text *t, const struct cmd_log *log, size_t first_change, struct arena *a,
              struct cmd_merged *out)
{
        memset(out, 0, sizeof(*out));
        struct merge m = {.t = t, .log = log, .first_change = first_change, .out = a};
        static const struct cmd_rec root_rec = {.parent = CMD_TOP, .kind = CK_OPEN};
        m.root.rec = &root_rec;
        m.slots.nocase = m.groups.nocase = false; /* names are case-sensitive */
        arena_init(&m.tmp, 0);
        int rc = -1;
        if (log->n != t->n || !(m.of = arena_calloc(&m.tmp, t->n ? t->n : 1, sizeof(*m.of))))
                goto out;
        for (size_t i = 0; i < t->n; i++)
                if (one_line(&m, i))
                        goto out;
        rc = render(&m, a, out);
out:
        free(m.kb);
        arena_free(&m.tmp);
        return rc;
}

int cmd_merged_write(FILE *f, const struct cmd_merged *m, bool secrets)
{
        for (size_t i = 0; i < m->text.n; i++) {
                const struct text_line *l = &m->text.lines[i];
                if (l->output || (l->mode && !strcmp(l->mode, "exec")))
                        continue;
                int rc = secrets ? fprintf(f, "%*s%.*s\n", (int)l->indent, "", (int)l->len, l->s)
                                 : fprintf(f, "%*s%s\n", (int)l->indent, "", l->shown);
                if (rc < 0)
                        return -1;
        }
        return 0;
}
