/*
 * CLI prompts in pasted transcripts: "router(config)#", "asa(config-tunnel-
 * ipsec)#", "(config)#", "Router#", "Router>". A prompt starts a line; web
 * pages that lost their newlines also glue several prompts on one line,
 * which prompt_next() finds again.
 */
#include "input_int.h"

#include <string.h>
#include <strings.h>

static bool is_alpha(int c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(int c)
{
        return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
               c == '/';
}

static bool is_mode_char(int c)
{
        return is_alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool config_mode(const char *s, size_t len)
{
        static const char *const modes[] = {"config", "cfg-", "conf-", "ipsec-", "ca-"};
        for (size_t k = 0; k < sizeof(modes) / sizeof(modes[0]); k++)
                if (tw_prefix(s, len, modes[k]))
                        return true;
        return false;
}

bool prompt_at(const char *s, size_t len, struct prompt *p)
{
        size_t i = 0;
        while (i < len && i <= PROMPT_MAX_NAME && is_name_char((unsigned char)s[i]))
                i++;
        /* hostnames start with a letter and do not end with '-' or '.': this
         * keeps "a->b" and "10>" out */
        if (i > PROMPT_MAX_NAME ||
            (i > 0 && (!is_alpha((unsigned char)s[0]) || s[i - 1] == '-' || s[i - 1] == '.')))
                return false;
        memset(p, 0, sizeof(*p));
        p->name.s = s;
        p->name.len = i;
        if (i < len && s[i] == '(') {
                size_t m = i + 1;
                while (m < len && m - i <= PROMPT_MAX_MODE && is_mode_char((unsigned char)s[m]))
                        m++;
                /* only configuration modes: "(config)", "(config-if)", and the
                 * IOS sub-modes whose names do not start with "config":
                 * "(cfg-crypto-trans)" (transform set), "(ipsec-profile)",
                 * "(conf-isa-prof)" (isakmp profile), "(conf-keyring)",
                 * "(ca-trustpoint)" (IOS Security Command Reference, the
                 * prompts each crypto command enters) */
                if (m + 1 >= len || s[m] != ')' || s[m + 1] != '#' ||
                    !config_mode(s + i + 1, m - i - 1))
                        return false;
                p->mode.s = s + i + 1;
                p->mode.len = m - i - 1;
                p->len = m + 2;
                return true;
        }
        if (i == 0 || i >= len || (s[i] != '#' && s[i] != '>'))
                return false;
        p->exec = true;
        p->len = i + 1;
        return true;
}

void prompt_hosts_add(struct prompt_hosts *h, struct span name)
{
        if (name.len == 0 || name.len > PROMPT_MAX_NAME)
                return;
        for (size_t i = 0; i < h->n; i++)
                if (tw_eq(name, h->name[i]))
                        return;
        /* a full table keeps the first names: transcripts rarely show more */
        if (h->n >= PROMPT_MAX_HOSTS)
                return;
        memcpy(h->name[h->n], name.s, name.len);
        h->name[h->n][name.len] = '\0';
        h->n++;
}

static bool known_host(const struct prompt_hosts *h, struct span name)
{
        for (size_t i = 0; i < h->n; i++)
                if (tw_eq(name, h->name[i]))
                        return true;
        return false;
}

/* Start of the prompt whose '#' or '>' is at s[end], or len when none. */
static size_t prompt_start(const char *s, size_t end, const struct prompt_hosts *h)
{
        size_t b = end;
        bool paren = end > 0 && s[end - 1] == ')' && s[end] == '#';
        if (paren) {
                b = end - 1;
                while (b > 0 && end - b <= PROMPT_MAX_MODE + 2 && s[b - 1] != '(')
                        b--;
                if (b == 0 || s[b - 1] != '(')
                        return (size_t)-1;
                b--;
        }
        size_t nend = b;
        while (b > 0 && nend - b <= PROMPT_MAX_NAME && is_name_char((unsigned char)s[b - 1]))
                b--;
        if (b == 0 || s[b - 1] != ' ')
                return (size_t)-1;
        struct prompt p;
        if (!prompt_at(s + b, end + 1 - b, &p) || p.len != end + 1 - b)
                return (size_t)-1;
        if (!paren && !known_host(h, p.name))
                return (size_t)-1;
        return b;
}

size_t prompt_next(const char *s, size_t len, const struct prompt_hosts *h)
{
        for (size_t i = 1; i < len; i++) {
                if (s[i] != '#' && s[i] != '>')
                        continue;
                size_t b = prompt_start(s, i, h);
                if (b != (size_t)-1)
                        return b;
        }
        return len;
}

/* Exec commands after which the lines are configuration: those that print
 * it, and "configure terminal" followed by a pasted block. The CLI accepts
 * any unambiguous abbreviation of at least min characters. */
static const struct {
        const char *verb;
        size_t vmin;
        const char *what;
        size_t wmin;
} config_cmds[] = {
    {"show", 2, "running-config", 3},        {"show", 2, "startup-config", 4},
    {"show", 2, "configuration", 4},         {"write", 2, "terminal", 1},
    {"configure", 4, "terminal", 1},         {"more", 4, "system:running-config", 21},
    {"more", 4, "nvram:startup-config", 20}, {"more", 4, "disk0:/.private/startup-config", 30},
};

static bool abbrev(struct span w, const char *kw, size_t min)
{
        return w.len >= min && w.len <= strlen(kw) && !strncasecmp(w.s, kw, w.len);
}

bool exec_prints_config(const char *s, size_t len)
{
        struct span w[2];
        if (tw_split(s, len, w, 2) < 2)
                return false;
        for (size_t i = 0; i < sizeof(config_cmds) / sizeof(*config_cmds); i++)
                if (abbrev(w[0], config_cmds[i].verb, config_cmds[i].vmin) &&
                    abbrev(w[1], config_cmds[i].what, config_cmds[i].wmin))
                        return true;
        return false;
}
