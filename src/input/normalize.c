/*
 * One cleaned physical line -> logical lines. A line may hold several
 * commands behind prompts ("R2(config)#crypto isakmp policy 10
 * R2(config-isakmp)#lifetime 86400"), or several config commands glued
 * without prompts; each becomes a logical line with the same line number.
 *
 * State across lines: the hostnames of prompts seen (mid-line "host#" only
 * cuts on those), whether the lines after an exec command are its output,
 * and whether we are inside a multi-line IOS banner, whose text is taken
 * as it is.
 */
#include "input_int.h"

#include <string.h>

struct seg {
        const char *s;
        size_t len;
        uint32_t lineno;
        uint16_t indent;
        const char *mode;
        bool output, comment;
};

static int grow(struct norm *nm)
{
        size_t cap = nm->cap ? nm->cap * 2 : 256;
        struct text_line *nl = arena_calloc(nm->a, cap, sizeof(*nl));
        if (!nl)
                return -1;
        if (nm->out->n)
                memcpy(nl, nm->out->lines, nm->out->n * sizeof(*nl));
        nm->out->lines = nl;
        nm->cap = cap;
        return 0;
}

static int push(struct norm *nm, const struct seg *g, int *why)
{
        *why = 2;
        if (nm->out->n >= nm->maxlines) {
                *why = 1;
                return -1;
        }
        if (nm->out->n == nm->cap && grow(nm))
                return -1;
        struct text_line *l = &nm->out->lines[nm->out->n];
        l->s = arena_strndup(nm->a, g->s, g->len);
        l->shown = l->s && scrub_needed(g->s, g->len) ? text_scrub(nm->a, g->s, g->len) : l->s;
        if (!l->s || !l->shown)
                return -1;
        l->len = g->len;
        l->lineno = g->lineno;
        l->indent = g->indent;
        l->mode = g->mode;
        l->output = g->output;
        l->comment = g->comment;
        nm->out->n++;
        return 0;
}

static const char *intern_mode(struct norm *nm, struct span m)
{
        const char *c = nm->mode_cache;
        if (c && strlen(c) == m.len && !memcmp(c, m.s, m.len))
                return c;
        nm->mode_cache = arena_strndup(nm->a, m.s, m.len);
        return nm->mode_cache;
}

/* IOS "banner motd ^C" opens a banner when the delimiter does not close it
 * on the same line. Only non-alphanumeric delimiters: the ASA's one-line
 * "banner motd Text" must not swallow the config. */
static void banner_open(struct norm *nm, const char *s, size_t len)
{
        struct span w[3];
        if (tw_split(s, len, w, 3) < 3 || !tw_eq(w[0], "banner"))
                return;
        const char *d = w[2].s;
        size_t dl = w[2].len >= 2 && d[0] == '^' && (d[1] == 'C' || d[1] == 'c') ? 2 : 1;
        unsigned char c = (unsigned char)d[0];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                return;
        if (c >= '0' && c <= '9')
                return;
        const char *rest = d + dl, *end = s + len;
        for (const char *p = rest; p + dl <= end; p++)
                if (!memcmp(p, d, dl))
                        return;
        memcpy(nm->banner_delim, d, dl);
        nm->banner_delim[dl] = '\0';
}

static void banner_close(struct norm *nm, const char *s, size_t len)
{
        size_t dl = strlen(nm->banner_delim);
        for (size_t i = 0; i + dl <= len; i++)
                if (!memcmp(s + i, nm->banner_delim, dl)) {
                        nm->banner_delim[0] = '\0';
                        return;
                }
}

static void note_hostname(struct norm *nm, const char *s, size_t len)
{
        struct span w[3];
        if (nm->hostname_from_cmd || tw_split(s, len, w, 3) != 2 || !tw_eq(w[0], "hostname"))
                return;
        char *h = arena_strndup(nm->a, w[1].s, w[1].len);
        if (h) {
                nm->out->hostname = h;
                nm->hostname_from_cmd = true;
        }
}

/* A config command: cut off "!--- notes", cut glued commands apart. */
static int push_command(struct norm *nm, struct seg *g, int *why)
{
        g->len = header_cut_inline(g->s, g->len);
        bool top = !g->output && g->indent == 0 && (!g->mode || !strcmp(g->mode, "config"));
        size_t ncuts = top ? glue_split(g->s, g->len, nm->words, nm->nwords, nm->cuts) : 0;
        const char *s = g->s;
        size_t len = g->len, from = 0;
        for (size_t k = 0; k <= ncuts; k++) {
                size_t to = k < ncuts ? nm->cuts[k] : len;
                g->s = s + from;
                g->len = to - from;
                while (g->len && g->s[g->len - 1] == ' ')
                        g->len--;
                if (k > 0)
                        g->indent = 0;
                if (push(nm, g, why))
                        return -1;
                if (!g->output && g->indent == 0)
                        note_hostname(nm, g->s, g->len);
                from = to;
        }
        if (!g->output)
                banner_open(nm, g->s, g->len);
        return 0;
}

/* One segment of a line: after a prompt (p != NULL) or without one. */
static int segment(struct norm *nm, struct seg *g, const struct prompt *p, int *why)
{
        /* "show ..." / "do show ..." typed at a config prompt runs as exec: its
         * output ("management-access inside") looks like config and is not */
        bool shown = p && !p->exec &&
                     (tw_prefix(g->s, g->len, "show ") || tw_prefix(g->s, g->len, "do show "));
        if ((p && p->exec) || shown)
                nm->exec = g->len == 0                        ? EX_NONE
                           : exec_prints_config(g->s, g->len) ? EX_CONFIG
                                                              : EX_OUTPUT;
        else if (p)
                nm->exec = EX_NONE;
        if (shown) {
                g->output = true;
                return push(nm, g, why);
        }
        g->output = !p && nm->exec == EX_OUTPUT;
        g->comment = false;
        if (g->len == 0)
                return 0;
        switch (header_kind(g->s, g->len)) {
        case LK_DROP:
                return 0;
        case LK_COMMENT:
                g->comment = true;
                return push(nm, g, why);
        case LK_CONTENT:
                break;
        }
        if (p && p->exec) {
                g->len = header_cut_inline(g->s, g->len);
                return push(nm, g, why);
        }
        /* a device message after the command is output, like exec output */
        size_t m = header_cut_message(g->s, g->len);
        if (m == g->len)
                return push_command(nm, g, why);
        struct seg msg = *g;
        msg.s += m;
        msg.len -= m;
        msg.output = true;
        g->len = m;
        while (g->len && g->s[g->len - 1] == ' ')
                g->len--;
        if (g->len && push_command(nm, g, why))
                return -1;
        return push(nm, &msg, why);
}

int norm_line(struct norm *nm, const char *s, size_t len, uint32_t lineno, int *why)
{
        size_t indent = 0;
        while (indent < len && s[indent] == ' ')
                indent++;
        if (indent == len)
                return 0;
        struct seg g = {.lineno = lineno, .indent = indent > 65535 ? 65535 : (uint16_t)indent};
        if (nm->banner_delim[0]) {
                g.s = s + indent;
                g.len = len - indent;
                banner_close(nm, g.s, g.len);
                return push(nm, &g, why);
        }
        const char *cur = s + indent, *end = s + len;
        /* A session's exec lines are skipped like any exec command; its
         * commands are indented from the session's top level on. */
        if (session_exec_line(cur, (size_t)(end - cur))) {
                if (session_opener(cur, (size_t)(end - cur)))
                        nm->sess = SESS_OPENED;
                g.s = cur;
                g.len = (size_t)(end - cur);
                g.mode = "exec";
                return push(nm, &g, why);
        }
        if (nm->sess == SESS_OPENED) {
                nm->sess_base = indent;
                nm->sess = SESS_ACTIVE;
        }
        if (nm->sess == SESS_ACTIVE) {
                if (indent >= nm->sess_base)
                        g.indent = (uint16_t)(indent - nm->sess_base);
                else
                        nm->sess = SESS_NONE; /* back out of the session's block */
        }
        while (cur < end) {
                struct prompt p;
                bool prompted = prompt_at(cur, (size_t)(end - cur), &p);
                g.mode = NULL;
                if (prompted) {
                        prompt_hosts_add(&nm->hosts, p.name);
                        if (!nm->out->hostname && p.name.len)
                                nm->out->hostname = arena_strndup(nm->a, p.name.s, p.name.len);
                        g.mode = p.exec ? "exec" : intern_mode(nm, p.mode);
                        if (!g.mode)
                                return *why = 2, -1;
                        cur += p.len;
                        g.indent = 0;
                        while (cur < end && *cur == ' ')
                                cur++;
                }
                size_t n = prompt_next(cur, (size_t)(end - cur), &nm->hosts);
                g.s = cur;
                g.len = n;
                while (g.len && g.s[g.len - 1] == ' ')
                        g.len--;
                if (segment(nm, &g, prompted ? &p : NULL, why))
                        return -1;
                cur += n;
                g.indent = 0;
        }
        return 0;
}
