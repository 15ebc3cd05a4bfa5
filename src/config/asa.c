/*
 * ASA 7.x-9.x and PIX 6.x config reader: the line loop, modes and the
 * helpers every area file uses. The commands themselves live in the area
 * files (asa_acl.c, asa_nat.c, asa_crypto.c, ...), one table each.
 */
#include "asa.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Top-level tables in lookup order; the first matching entry wins. */
static const struct asa_cmd *const top_tables[] = {
    asa_crypto_cmds, asa_tg_cmds,    asa_gp_cmds,   asa_object_cmds, asa_acl_cmds,
    asa_nat_cmds,    asa_iface_cmds, asa_misc_cmds, pix_cmds,        asa_known_cmds,
};

static bool entry_matches(const struct asa_ctx *c, const struct asa_cmd *e, size_t *next)
{
        size_t k = 0;
        while (k < 4 && e->kw[k]) {
                if (!kw(asa_w(c, k), e->kw[k]))
                        return false;
                k++;
        }
        *next = k;
        return true;
}

int asa_dispatch_scan(struct asa_ctx *c, const struct asa_cmd *t)
{
        size_t next;
        for (; t->fn; t++)
                if (entry_matches(c, t, &next)) {
                        int rc = t->fn(c, next);
                        if (rc != ASA_UNKNOWN)
                                asa_log_hit(c, t, next);
                        return rc;
                }
        return ASA_UNKNOWN;
}

int asa_dispatch_at(struct asa_ctx *c, size_t i, const struct asa_cmd *t, void *obj)
{
        if (i > c->n)
                return ASA_UNKNOWN;
        struct asa_ctx v = *c;
        v.a += i;
        v.n -= i;
        v.obj = obj;
        return asa_dispatch(&v, t);
}

void asa_open(struct asa_ctx *c, const struct asa_cmd *sub, void *obj, const char *name)
{
        c->sub = sub;
        c->obj = obj;
        c->obj_name = name;
        c->sub_line = c->idx;
        if (c->rec)
                c->rec->kind = CK_OPEN;
}

void asa_skip_block(struct asa_ctx *c)
{
        c->skip_indent = (unsigned)c->line->indent + 1;
        c->skip_line = c->idx;
        if (c->rec)
                c->rec->kind = CK_OPEN;
}

static void set_parent(struct asa_ctx *c, uint32_t parent, enum cmd_kind kind)
{
        if (c->rec) {
                c->rec->parent = parent;
                c->rec->kind = kind;
        }
}

int asa_known(struct asa_ctx *c, size_t i)
{
        (void)c;
        (void)i;
        return ASA_OK;
}

int asa_known_block(struct asa_ctx *c, size_t i)
{
        (void)i;
        asa_skip_block(c);
        return ASA_OK;
}

char *asa_dup(struct asa_ctx *c, const char *s)
{
        return model_strdup(c->dev, s);
}

void *asa_new(struct asa_ctx *c, size_t size)
{
        struct loc *l = model_alloc(c->dev, size);
        if (l)
                *l = c->loc; /* every model element starts with its loc */
        return l;
}

int asa_push_ifref(struct asa_ctx *c, struct ptrvec *v, const char *ifname)
{
        struct iface_ref *r = asa_new(c, sizeof(*r));
        if (!r || !(r->ifname = asa_dup(c, ifname)))
                return ASA_OOM;
        return ptrvec_push(&c->dev->arena, v, r) ? ASA_OOM : ASA_OK;
}

int asa_push_words(struct asa_ctx *c, struct ptrvec *v, size_t i)
{
        for (; i < c->n; i++) {
                char *s = asa_dup(c, c->a[i]);
                if (!s || ptrvec_push(&c->dev->arena, v, s))
                        return ASA_OOM;
        }
        return ASA_OK;
}

bool asa_addr(const struct asa_ctx *c, const char *s, uint32_t *out)
{
        if (!s)
                return false;
        if (lex_ipv4(s, out) || asa_mask(s, out)) /* PIX writes "0 0" for any */
                return true;
        const struct name_alias *n = model_get_name_alias(c->dev, s);
        if (!n)
                return false;
        *out = n->addr;
        return true;
}

bool asa_mask(const char *s, uint32_t *out)
{
        if (s && !strcmp(s, "0")) {
                *out = 0;
                return true;
        }
        return s && lex_ipv4(s, out);
}

bool asa_paren_ifs(struct asa_ctx *c, const char *s, const char **real, const char **mapped)
{
        size_t len = s ? strlen(s) : 0;
        if (len < 3 || s[0] != '(' || s[len - 1] != ')')
                return false;
        const char *comma = memchr(s, ',', len);
        size_t rl = comma ? (size_t)(comma - s) - 1 : len - 2;
        *real = arena_strndup(&c->dev->arena, s + 1, rl);
        *mapped = NULL;
        if (comma)
                *mapped =
                    arena_strndup(&c->dev->arena, comma + 1, (size_t)(s + len - 1 - comma - 1));
        return *real && (!comma || *mapped);
}

void asa_secret(struct secret *sec, const char *s, bool encrypted)
{
        if (!s || !*s)
                secret_set_unknown(sec, SECRET_MASKED);
        else if (encrypted)
                secret_set_unknown(sec, SECRET_ENCRYPTED);
        else if (secret_text_is_masked(s, strlen(s)) || lex_is_placeholder(s))
                secret_set_unknown(sec, SECRET_MASKED); /* or a fix's "<pre-shared-key>" */
        else
                secret_set(sec, s, strlen(s));
}

/* A line of a certificate dump: hex words only (transcripts lose the indent). */
static bool hex_line(const struct asa_ctx *c)
{
        for (size_t i = 0; i < c->n; i++)
                for (const char *p = c->a[i]; *p; p++)
                        if (!strchr("0123456789abcdefABCDEF", *p))
                                return false;
        return c->n > 0;
}

/* Does this line belong to the open mode? Indented lines and lines whose
 * prompt shows a sub-mode always do; unindented ones only when the mode's
 * table knows them (transcripts without indentation). */
static bool in_sub_mode(const struct asa_ctx *c)
{
        const struct text_line *l = c->line;
        if (l->indent > 0)
                return true;
        return l->mode && !kw(l->mode, "config");
}

static int dispatch_top(struct asa_ctx *c)
{
        c->sub = NULL;
        c->obj = NULL;
        set_parent(c, CMD_TOP, CK_LINE);
        if (c->rec)
                c->rec->hit = false;
        int rc = asa_dispatch_list(c, top_tables, sizeof(top_tables) / sizeof(top_tables[0]));
        if (rc != ASA_UNKNOWN)
                return rc;
        /* the checksum trailer of a running config, glued to its value */
        if (!strncasecmp(c->a[0], "Cryptochecksum:", 15))
                return ASA_OK;
        return ASA_UNKNOWN;
}

static int dispatch_line(struct asa_ctx *c)
{
        bool sub = in_sub_mode(c);
        if (c->skip_indent) {
                if (c->line->indent >= c->skip_indent || (sub && !c->line->indent) ||
                    kw(asa_w(c, 0), "quit") || hex_line(c)) {
                        set_parent(c, c->skip_line, CK_BODY);
                        return ASA_OK;
                }
                c->skip_indent = 0;
        }
        if (kw(asa_w(c, 0), "exit") && c->n == 1) {
                c->sub = NULL;
                return ASA_OK;
        }
        if (c->sub) {
                set_parent(c, c->sub_line, CK_LINE);
                int rc = asa_dispatch(c, c->sub);
                /* An indented line belongs to its block. Behind a sub-mode prompt
                 * a global command leaves the mode, as on the CLI
                 * ("(config-aaa-server-group)#aaa-server G host A"). */
                if (rc != ASA_UNKNOWN || c->line->indent > 0)
                        return rc;
        } else if (sub) {
                return ASA_UNKNOWN;
        }
        return dispatch_top(c);
}

/*
 * A line behind an exec prompt ("host#show ...") is skipped, unless it is a
 * config command the reader knows: the seed types "hostname#vpn-sessiondb
 * max-session-limit 450" at the exec prompt (a real ASA would refuse it),
 * and what it means is clear. Exec verbs (show, clear, ping, debug, ...) are
 * in no config table, so they stay skipped. Either way the mode ends.
 */
static int read_exec(struct asa_ctx *c)
{
        int rc = dispatch_top(c);
        c->sub = NULL;
        c->obj = NULL;
        if (rc == ASA_UNKNOWN) {
                set_parent(c, CMD_TOP, CK_NONE);
                c->dev->nskipped++;
                return ASA_OK;
        }
        return rc;
}

static int read_line(struct asa_ctx *c, const struct text_line *l)
{
        if (l->comment)
                return ASA_OK;
        if (l->output) {
                c->dev->nskipped++;
                if (c->last_cmap_entry && l->len >= 36 &&
                    !strncasecmp(l->s, "WARNING: crypto map entry incomplete", 36))
                        c->last_cmap_entry->incomplete_warned = true;
                return ASA_OK;
        }
        c->last_cmap_entry = NULL;
        struct words *w = words_split(l->s, l->len);
        if (!w)
                return ASA_OOM;
        int rc = ASA_OK;
        words_merge_placeholders(w);
        if (w->n > 0) {
                c->line = l;
                c->loc = (struct loc){
                    .file = l->file ? l->file : c->dev->file, .line = l->lineno, .text = l->shown};
                c->no = kw(w->w[0], "no");
                c->a = w->w + (c->no ? 1 : 0);
                c->base = c->a;
                c->n = w->n - (c->no ? 1 : 0);
                bool exec = l->mode && kw(l->mode, "exec");
                rc = !c->n ? ASA_UNKNOWN : exec ? read_exec(c) : dispatch_line(c);
                if (rc == ASA_UNKNOWN && c->rec)
                        c->rec->hit = false;
                if (rc == ASA_UNKNOWN)
                        rc = model_add_unknown(c->dev, &c->loc) ? ASA_OOM : ASA_OK;
        }
        free(w);
        return rc;
}

int asa_read(struct device *dev, const struct text *t, struct diag *err)
{
        return asa_read_logged(dev, t, NULL, err);
}

int asa_read_logged(struct device *dev, const struct text *t, struct cmd_log *log, struct diag *err)
{
        struct asa_ctx c = {.dev = dev};
        for (size_t i = 0; i < t->n; i++) {
                c.idx = (uint32_t)i;
                c.rec = log && i < log->n ? &log->v[i] : NULL;
                if (read_line(&c, &t->lines[i]) == ASA_OOM)
                        goto oom;
        }
        if (asa_resolve_pending(&c) == ASA_OOM)
                goto oom;
        return 0;
oom:
        diag_set(err, t->file, 0, "input too large: model memory limit reached");
        return -1;
}
