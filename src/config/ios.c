/*
 * The IOS / IOS-XE config reader: the line loop, the mode stack and the
 * keyword dispatch. What each command means lives in the ios_*.c files
 * (see ios_int.h); this file only decides which table a line goes to.
 *
 * Modes: a mode-opening command (interface, crypto map, ...) pushes a frame
 * at its indent. In a running config, an indented line belongs to the
 * innermost frame opened at a smaller indent; "exit" / "end" / a new
 * top-level command close frames. In a transcript without indentation, a
 * line that is not a top-level command but is a known sub-command of an
 * open mode belongs to that mode.
 */
#include "config.h"
#include "ios_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct ios_cmdtab *const top_tabs[] = {
    &ios_top_isakmp, &ios_top_profile, &ios_top_ipsec, &ios_top_ikev2, &ios_top_acl,
    &ios_top_objgrp, &ios_top_iface,   &ios_top_nat,   &ios_top_skip,
};

static const struct ios_cmdtab *mode_tab(enum ios_mode m)
{
        static const struct ios_cmdtab *const tabs[IM_COUNT] = {
            [IM_IFACE] = &ios_sub_iface,
            [IM_ACL] = &ios_sub_acl,
            [IM_OBJ_NET] = &ios_sub_objnet,
            [IM_OBJ_SVC] = &ios_sub_objsvc,
            [IM_ISAKMP_POLICY] = &ios_sub_isakmp_policy,
            [IM_KEYRING] = &ios_sub_keyring,
            [IM_ISAKMP_PROFILE] = &ios_sub_isakmp_profile,
            [IM_CLIENT_GROUP] = &ios_sub_client_group,
            [IM_TSET] = &ios_sub_tset,
            [IM_CMAP] = &ios_sub_cmap,
            [IM_IPSEC_PROFILE] = &ios_sub_ipsec_profile,
            [IM_IKEV2_PROPOSAL] = &ios_sub_ikev2_proposal,
            [IM_IKEV2_KEYRING] = &ios_sub_ikev2_keyring,
            [IM_IKEV2_PEER] = &ios_sub_ikev2_peer,
            [IM_IKEV2_PROFILE] = &ios_sub_ikev2_profile,
            [IM_ROUTE_MAP] = &ios_sub_route_map,
            [IM_IKEV2_AUTHZ] = &ios_sub_ikev2_authz,
        };
        return (unsigned)m < IM_COUNT ? tabs[m] : NULL;
}

/* ---- helpers ---------------------------------------------------------- */

const char *ios_word(const struct ios_ctx *c, size_t i)
{
        return i < c->w->n ? c->w->w[i] : NULL;
}

const char *ios_arg(const struct ios_ctx *c, size_t i)
{
        return i < c->w->n - c->a ? c->w->w[c->a + i] : NULL;
}

size_t ios_nargs(const struct ios_ctx *c)
{
        return c->w->n - c->a;
}

char *ios_str(struct ios_ctx *c, const char *s)
{
        return model_strdup(c->dev, s);
}

char *ios_rest(struct ios_ctx *c, size_t i)
{
        size_t len = 0;
        for (size_t k = c->a + i; k < c->w->n; k++)
                len += strlen(c->w->w[k]) + 1;
        char *s = arena_alloc(&c->dev->arena, len + 1);
        if (!s)
                return NULL;
        char *p = s;
        for (size_t k = c->a + i; k < c->w->n; k++) {
                size_t n = strlen(c->w->w[k]);
                if (p != s)
                        *p++ = ' ';
                memcpy(p, c->w->w[k], n);
                p += n;
        }
        *p = '\0';
        return s;
}

static unsigned line_indent(const struct text_line *l);

/* The name an opener line gives, or NULL with *rc set. */
static const char *opener_name(const struct ios_ctx *c, int *rc)
{
        const char *name = ios_arg(c, 0);
        *rc = !name ? IOS_UNKNOWN : c->neg ? IOS_OK : IOS_OOM;
        return name && !c->neg ? name : NULL;
}

struct isakmp_profile *ios_named_profile(struct ios_ctx *c, int *rc)
{
        const char *name = opener_name(c, rc);
        return name ? model_obtain_profile(c->dev, name, &c->loc) : NULL;
}

struct keyring *ios_named_keyring(struct ios_ctx *c, int *rc)
{
        const char *name = opener_name(c, rc);
        return name ? model_obtain_keyring(c->dev, name, &c->loc) : NULL;
}

int ios_open(struct ios_ctx *c, enum ios_mode mode, void *obj)
{
        if (c->depth == IOS_MAX_DEPTH)
                return IOS_UNKNOWN; /* deeper than any real IOS mode tree */
        c->st[c->depth++] = (struct ios_frame){mode, line_indent(c->l), obj, c->idx};
        if (c->rec)
                c->rec->kind = CK_OPEN;
        return IOS_OK;
}

void *ios_obj(const struct ios_ctx *c)
{
        return c->depth ? c->st[c->depth - 1].obj : NULL;
}

bool ios_is_placeholder(const char *s)
{
        return lex_is_placeholder(s);
}

size_t ios_secret(struct ios_ctx *c, size_t i, struct secret *s)
{
        const char *k = ios_word(c, i);
        if (!k)
                return 0;
        /* "key 0 K" clear; "key 6 K" / "7 K" are encrypted renderings. */
        if ((kw(k, "6") || kw(k, "7") || kw(k, "5") || kw(k, "8") || kw(k, "9")) &&
            ios_word(c, i + 1)) {
                secret_set_unknown(s, SECRET_ENCRYPTED);
                return 2;
        }
        size_t used = 1;
        if (kw(k, "0") && ios_word(c, i + 1)) {
                k = ios_word(c, i + 1);
                used = 2;
        }
        if (secret_text_is_masked(k, strlen(k)) || ios_is_placeholder(k))
                secret_set_unknown(s, SECRET_MASKED);
        else
                secret_set(s, k, strlen(k));
        return used;
}

int ios_pfs_group(const char *s, int *group)
{
        uint32_t g;
        if (!s || strncasecmp(s, "group", 5) || !lex_u32(s + 5, 1, 32, &g))
                return -1;
        *group = (int)g;
        return 0;
}

/* ---- matching and dispatch ------------------------------------------- */

/* Number of words of w from start that cmd's keywords match; 0 = no match. */
static size_t match(const struct ios_cmd *cmd, const struct words *w, size_t start, bool abbrev)
{
        size_t k = 0;
        for (; k < IOS_MAX_KW && cmd->kw[k]; k++) {
                const char *word = start + k < w->n ? w->w[start + k] : NULL;
                if (!word)
                        return 0;
                if (!strcmp(cmd->kw[k], "*"))
                        continue;
                if (!kw(word, cmd->kw[k]) && !(abbrev && kw_abbrev(word, cmd->kw[k], 3)))
                        return 0;
        }
        return k;
}

static const struct ios_cmd *find(const struct ios_cmdtab *const *tabs, size_t ntabs,
                                  const struct words *w, size_t start, bool abbrev, size_t *nkw)
{
        for (size_t t = 0; t < ntabs; t++)
                for (size_t i = 0; i < tabs[t]->n; i++) {
                        size_t k = match(&tabs[t]->v[i], w, start, abbrev);
                        if (k) {
                                *nkw = k;
                                return &tabs[t]->v[i];
                        }
                }
        return NULL;
}

static int run_row(struct ios_ctx *c, const struct ios_cmd *cmd)
{
        if (cmd->fn)
                return cmd->fn(c);
        return cmd->block ? ios_open(c, IM_SKIP, NULL) : IOS_OK;
}

static int run(struct ios_ctx *c, const struct ios_cmd *cmd, size_t start, size_t nkw)
{
        c->k0 = start;
        c->a = start + nkw;
        int rc = run_row(c, cmd);
        if (rc != IOS_UNKNOWN) {
                bool no = c->neg && start > 0 && kw(c->w->w[0], "no");
                cmd_log_hit(c->rec, &cmd->sem, start - no, nkw);
        }
        return rc;
}

static void set_parent(struct ios_ctx *c, size_t d, enum cmd_kind kind)
{
        if (c->rec) {
                c->rec->parent = d ? c->st[d - 1].line : CMD_TOP;
                c->rec->kind = kind;
        }
}

int ios_sub_dispatch(struct ios_ctx *c, enum ios_mode mode, void *obj, size_t start)
{
        const struct ios_cmdtab *tab = mode_tab(mode);
        size_t nkw = 0;
        if (kw(ios_word(c, start), "no")) {
                c->neg = true;
                start++;
        }
        const struct ios_cmd *cmd = tab ? find(&tab, 1, c->w, start, false, &nkw) : NULL;
        if (!cmd || c->depth == IOS_MAX_DEPTH)
                return IOS_UNKNOWN;
        /* a temporary frame so that the handler finds obj where it always does */
        size_t depth = c->depth;
        c->st[c->depth++] = (struct ios_frame){mode, c->l->indent, obj, c->idx};
        int rc = run(c, cmd, start, nkw);
        c->depth = depth;
        return rc;
}

/* Tries the open modes d = from-1 down to `to` (innermost first); on a match,
 * closes the modes inside the one that took the line. */
static int try_frames(struct ios_ctx *c, size_t from, size_t to, size_t start, bool abbrev, int *rc)
{
        for (size_t d = from; d-- > to;) {
                const struct ios_cmdtab *tab = mode_tab(c->st[d].mode);
                size_t nkw;
                const struct ios_cmd *cmd = tab ? find(&tab, 1, c->w, start, abbrev, &nkw) : NULL;
                if (cmd) {
                        c->depth = d + 1;
                        set_parent(c, d + 1, CK_LINE);
                        *rc = run(c, cmd, start, nkw);
                        return 1;
                }
        }
        return 0;
}

/* A top-level command. One whose handler refuses the arguments gives way to
 * the open modes at the line's level: in a session typed without indentation
 * "crypto map NAME" under "interface X" is the interface's sub-command, not
 * a crypto map entry without its sequence number. */
static int try_top(struct ios_ctx *c, size_t start, bool abbrev, size_t k, int *rc)
{
        size_t nkw, depth = c->depth;
        const struct ios_cmd *cmd =
            find(top_tabs, sizeof(top_tabs) / sizeof(top_tabs[0]), c->w, start, abbrev, &nkw);
        if (!cmd)
                return 0;
        c->depth = 0;
        set_parent(c, 0, CK_LINE);
        *rc = run(c, cmd, start, nkw);
        if (*rc == IOS_UNKNOWN && depth > k) {
                c->depth = depth;
                return 0;
        }
        return 1;
}

/* exit / end / quit close modes; true when the line was one of them. */
static bool mode_close(struct ios_ctx *c, size_t k)
{
        if (c->w->n != 1 || c->neg)
                return false;
        const char *s = c->w->w[0];
        if (kw(s, "end")) {
                c->depth = 0;
                return true;
        }
        if (kw(s, "exit") || kw(s, "quit")) {
                c->depth = k > 0 ? k - 1 : (c->depth ? c->depth - 1 : 0);
                return true;
        }
        return false;
}

/* Certificate and key dumps: lines of hex words only. */
static bool hex_line(const struct words *w)
{
        for (size_t i = 0; i < w->n; i++)
                for (const char *p = w->w[i]; *p; p++)
                        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
                              (*p >= 'A' && *p <= 'F')))
                                return false;
        return w->n > 0;
}

/* Leading spaces (from the input layer) plus tabs left in the text. */
static unsigned line_indent(const struct text_line *l)
{
        unsigned n = l->indent;
        for (const char *p = l->s; *p == '\t' || *p == ' '; p++)
                n++;
        return n;
}

/*
 * Frames 0..k-1 were opened at a smaller indent than this line: the line is
 * their child. Frames k..depth-1 sit at this line's level: a uniformly
 * indented file or a transcript without indentation, where a known
 * sub-command still belongs to them when it is not a top-level command.
 */
static int dispatch(struct ios_ctx *c)
{
        const struct text_line *l = c->l;
        size_t start = c->neg ? 1 : 0, k = 0;
        unsigned ind = line_indent(l);
        bool prompt_sub = l->mode && strcmp(l->mode, "config");
        while (k < c->depth && (prompt_sub || c->st[k].indent < ind))
                k++;
        if (mode_close(c, k))
                return IOS_OK;
        if (k && c->st[k - 1].mode == IM_SKIP) {
                c->depth = k;
                set_parent(c, k, CK_BODY);
                return IOS_OK;
        }
        int rc = IOS_UNKNOWN;
        /* exact keywords first everywhere; CLI abbreviations ("int tu 1") only
         * when nothing matched exactly, so that "mode" never becomes "modem" */
        for (int abbrev = 0; abbrev < 2; abbrev++) {
                if (try_frames(c, k, 0, start, abbrev, &rc) || try_top(c, start, abbrev, k, &rc) ||
                    try_frames(c, c->depth, k, start, abbrev, &rc))
                        return rc;
                for (size_t d = c->depth; !abbrev && d-- > k;) {
                        if (c->st[d].mode == IM_SKIP && (c->st[d].indent > 0 || hex_line(c->w))) {
                                c->depth = d + 1; /* a block's body written at its level */
                                set_parent(c, d + 1, CK_BODY);
                                return IOS_OK;
                        }
                }
        }
        c->depth = k; /* an unknown command ends the modes at its level */
        set_parent(c, k, CK_LINE);
        return IOS_UNKNOWN;
}

/* ---- banners ---------------------------------------------------------- */

static const char *const banner_kinds[] = {"motd",           "login",    "exec",       "incoming",
                                           "prompt-timeout", "slip-ppp", "config-save"};

/* True when the line is a banner opener (and sets the delimiter when the
 * banner continues on later lines). */
static bool banner_start(struct ios_ctx *c)
{
        if (!kw(c->w->w[0], "banner") || c->w->n < 2)
                return false;
        size_t i = 1;
        for (size_t k = 0; k < sizeof(banner_kinds) / sizeof(banner_kinds[0]); k++)
                if (kw(c->w->w[1], banner_kinds[k]))
                        i = 2;
        const char *d = ios_word(c, i);
        if (!d)
                return true;
        /* the running config prints the ETX delimiter as the two characters ^C */
        size_t dl = !strncmp(d, "^C", 2) ? 2 : 1;
        char delim[3] = {d[0], dl == 2 ? d[1] : '\0', '\0'};
        const char *p = strstr(c->l->s, delim);
        if (p && strstr(p + dl, delim))
                return true; /* opened and closed on one line */
        memcpy(c->banner_delim, delim, sizeof(delim));
        return true;
}

static void banner_line(struct ios_ctx *c)
{
        c->dev->nskipped++;
        if (c->rec) {
                c->rec->kind = CK_BODY;
                c->rec->parent = c->banner_line;
        }
        if (strstr(c->l->s, c->banner_delim))
                c->banner_delim[0] = '\0';
}

/* ---- the loop --------------------------------------------------------- */

/* "crypto map M 10 ipsec-isakmp !note": IOS has no trailing comments, but
 * hand-edited configs do; text after a word starting with '!' is dropped
 * unless the command takes free text (description, remark). */
static void drop_inline_comment(struct words *w)
{
        for (size_t i = 1; i < w->n; i++) {
                if (kw(w->w[i - 1], "description") || kw(w->w[i - 1], "remark"))
                        return;
                if (w->w[i][0] == '!') {
                        w->n = i;
                        return;
                }
        }
}

static int one_line(struct ios_ctx *c, const struct text_line *l)
{
        c->l = l;
        if (c->banner_delim[0]) {
                banner_line(c);
                return 0;
        }
        if (l->comment)
                return 0;
        if (l->output || (l->mode && !strcmp(l->mode, "exec"))) {
                c->dev->nskipped++;
                return 0;
        }
        c->w = words_split(l->s, l->len);
        if (!c->w)
                return -1;
        int rc = IOS_OK;
        c->loc = (struct loc){l->file ? l->file : c->dev->file, l->lineno, l->shown};
        c->neg = false;
        if (c->w->n && c->w->w[0][0] == '!') {
                /* a comment indented with tabs, which the input layer did not mark */
        } else if (c->w->n) {
                words_merge_placeholders(c->w);
                drop_inline_comment(c->w);
                if (banner_start(c)) {
                        c->depth = 0;
                        c->banner_line = c->idx;
                        set_parent(c, 0, CK_OPEN);
                } else {
                        c->neg = kw(c->w->w[0], "no") && c->w->n > 1;
                        rc = c->w->truncated ? IOS_UNKNOWN : dispatch(c);
                }
        }
        free(c->w);
        c->w = NULL;
        if (rc == IOS_UNKNOWN) {
                if (c->rec)
                        c->rec->hit = false;
                return model_add_unknown(c->dev, &c->loc);
        }
        return rc;
}

int ios_read(struct device *dev, const struct text *t, struct diag *err)
{
        return ios_read_logged(dev, t, NULL, err);
}

int ios_read_logged(struct device *dev, const struct text *t, struct cmd_log *log, struct diag *err)
{
        struct ios_ctx c;
        memset(&c, 0, sizeof(c));
        c.dev = dev;
        for (size_t i = 0; i < t->n; i++) {
                c.idx = (uint32_t)i;
                c.rec = log && i < log->n ? &log->v[i] : NULL;
                if (one_line(&c, &t->lines[i])) {
                        diag_set(err, t->file, t->lines[i].lineno,
                                 "input too large: model memory limit reached");
                        return -1;
                }
        }
        return 0;
}
