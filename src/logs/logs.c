/*
 * The dispatcher of the log readers: prompts and the show command they run
 * decide the block; otherwise each reader tries the line in turn, cheapest
 * and most specific first (syslog framings carry a '%' or an ASDM '|').
 */
#include "logs.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void logs_init(struct log_reader *r, log_event_fn on_event, log_config_fn on_config, void *arg)
{
        memset(r, 0, sizeof(*r));
        r->on_event = on_event;
        r->on_config = on_config;
        r->arg = arg;
        r->time = -1;
}

void logs_free(struct log_reader *r)
{
        free(r->cfg);
        r->cfg = NULL;
        r->cfg_len = r->cfg_cap = 0;
}

const char *logs_find(const char *s, size_t len, const char *pat)
{
        return logs_find_n(s, len, pat, strlen(pat));
}

const char *logs_find_n(const char *s, size_t len, const char *pat, size_t pl)
{
        if (pl == 0 || pl > len)
                return pl == 0 ? s : NULL;
        const char *end = s + len - pl;
        for (const char *p = s; p <= end; p++) {
                p = memchr(p, pat[0], (size_t)(end - p) + 1);
                if (!p)
                        return NULL;
                if (logs_eq(p, pat, pl))
                        return p;
        }
        return NULL;
}

size_t logs_ipv4(const char *p, const char *end, char out[LOG_FIELD_MAX])
{
        size_t n = logs_ipv4_span(p, end);
        if (n) {
                memcpy(out, p, n);
                out[n] = '\0';
        }
        return n;
}

size_t logs_field_span(const char *p, const char *end, const char **start)
{
        /* the bytes that end a value, one lookup a byte (asked of the
         * group, user and peer fields of most lines) */
        static const bool ends[256] = {[','] = true, [';'] = true, ['>'] = true, ['\0'] = true};
        while (p < end && *p == ' ')
                p++;
        const char *q = p,
                   *stop = (size_t)(end - p) < LOG_FIELD_MAX - 1 ? end : p + LOG_FIELD_MAX - 1;
        while (q < stop && !ends[(unsigned char)*q])
                q++;
        while (q > p && q[-1] == ' ')
                q--;
        *start = p;
        return (size_t)(q - p);
}

bool logs_field_at(const char *p, const char *end, char out[LOG_FIELD_MAX])
{
        const char *v;
        size_t n = logs_field_span(p, end, &v);
        if (n == 0)
                return false;
        memcpy(out, v, n);
        out[n] = '\0';
        return true;
}

bool logs_field(const char *s, size_t len, const char *name, char out[LOG_FIELD_MAX])
{
        const char *p = logs_find(s, len, name);
        return p && logs_field_at(p + strlen(name), s + len, out);
}

void logs_emit(struct log_reader *r, const struct message *m, const char *s, size_t len,
               uint32_t lineno, const char *peer, long long value)
{
        if (peer && peer[0])
                memcpy(r->last_peer, peer, strnlen(peer, LOG_FIELD_MAX - 1) + 1);
        else if (m->family == MSG_DEBUG && !strncmp(m->key, "detail-", 7))
                peer = r->last_peer; /* a detail line belongs to the message above it */
        struct ev_record ev = {m,        lineno,  s,           len,   peer ? peer : "",
                               r->group, r->user, r->platform, value, r->time};
        if (r->block != BLK_NONE && r->block != BLK_CONFIG)
                ev.source = EV_SRC_SHOW; /* a line of show output */
        r->on_event(r->arg, &ev);
}

void logs_emit_hashed(struct log_reader *r, const struct message *m, const char *s, size_t len,
                      uint32_t lineno, const char *peer, uint8_t key_len, uint32_t key_hash)
{
        if (!peer[0] && m->family == MSG_DEBUG) {
                logs_emit(r, m, s, len, lineno, peer, 0); /* a detail line's peer */
                return;
        }
        struct ev_record ev = {m,           lineno, s,       len,  peer,    r->group, r->user,
                               r->platform, 0,      r->time, true, key_len, key_hash};
        r->on_event(r->arg, &ev);
}

/* ---- prompts and the show command they run ---- */

/* Each word of cmd abbreviates the word of want at the same place
 * ("sh cry isa sa" = "show crypto isakmp sa"). */
static bool cmd_is(const char *cmd, const char *end, const char *want)
{
        const char *p = cmd;
        while (*want) {
                while (p < end && *p == ' ')
                        p++;
                size_t wl = strcspn(want, " ");
                const char *q = p;
                while (q < end && *q != ' ')
                        q++;
                size_t n = (size_t)(q - p);
                if (n == 0 || n > wl || strncmp(p, want, n) || (n < 2 && wl > 1))
                        return false;
                p = q;
                want += wl;
                while (*want == ' ')
                        want++;
        }
        return true;
}

static const struct {
        const char *cmd;
        enum show_block block;
} show_cmds[] = {
    {"show crypto isakmp sa", BLK_ISAKMP},
    {"show crypto ikev1 sa", BLK_ISAKMP},
    {"show crypto ikev2 sa", BLK_ISAKMP},
    {"show crypto ipsec sa", BLK_IPSEC},
    {"show vpn-sessiondb", BLK_SESSIONDB},
    {"show asp drop", BLK_ASP_DROP},
    {"show platform cerm-information", BLK_CERM},
    {"show running-config all sysopt", BLK_SYSOPT},
    {"show running-config", BLK_CONFIG},
    {"show startup-config", BLK_CONFIG},
    {"write terminal", BLK_CONFIG},
    {"more system:running-config", BLK_CONFIG},
};

/* "host#cmd", "host> cmd", "host(config)#": the command after the prompt,
 * or NULL when the line has no prompt. */
static bool host_char(char c)
{
        /* a switch, not strchr: asked of at least one byte of every line */
        switch (c) {
        case '\0': /* strchr matched its own terminator: a NUL stays a host byte */
        case '.':
        case '_':
        case '-':
        case '(':
        case ')':
        case '/':
                return true;
        default:
                return logs_alpha(c) || logs_digit(c);
        }
}

static const char *prompt_cmd(const char *s, size_t len)
{
        size_t i = 0, lead = 0;
        /* a prompt pasted indented (quoted in a post or in notes) */
        while (lead < len && lead < 8 && (s[lead] == ' ' || s[lead] == '\t'))
                lead++;
        if (lead && lead < len && (s[lead] == ' ' || s[lead] == '\t'))
                return NULL;
        s += lead;
        len -= lead;
        while (i < len && i < 64 && host_char(s[i]))
                i++;
        if (i == 0 || i >= len || i >= 64 || (s[i] != '#' && s[i] != '>'))
                return NULL;
        if (i + 1 < len && s[i + 1] != ' ' && !logs_alpha(s[i + 1]))
                return NULL;
        return s + i + 1;
}

static void config_flush(struct log_reader *r)
{
        if (r->cfg_len && r->on_config)
                r->on_config(r->arg, r->cfg, r->cfg_len, r->cfg_first);
        r->cfg_len = 0;
        r->cfg_overflow = false;
}

static void block_close(struct log_reader *r)
{
        if (r->block == BLK_IPSEC)
                show_ipsec_close(r);
        if (r->block == BLK_CONFIG)
                config_flush(r);
        r->block = BLK_NONE;
        r->peer[0] = '\0';
}

static void config_append(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (r->cfg_len == 0)
                r->cfg_first = lineno;
        if (r->cfg_overflow || len + 1 > LOG_CONFIG_MAX - r->cfg_len) {
                r->cfg_overflow = true; /* the block is cut here: the rest is not config */
                return;
        }
        if (r->cfg_len + len + 1 > r->cfg_cap) {
                size_t cap = r->cfg_cap ? r->cfg_cap * 2 : 65536;
                while (cap < r->cfg_len + len + 1)
                        cap *= 2;
                if (cap > LOG_CONFIG_MAX)
                        cap = LOG_CONFIG_MAX;
                char *n = realloc(r->cfg, cap);
                if (!n) {
                        r->cfg_overflow = true;
                        return;
                }
                r->cfg = n;
                r->cfg_cap = cap;
        }
        memcpy(r->cfg + r->cfg_len, s, len);
        r->cfg_len += len;
        r->cfg[r->cfg_len++] = '\n';
}

static bool starts(const char *s, size_t len, const char *p)
{
        size_t n = strlen(p);
        return len >= n && !memcmp(s, p, n);
}

/* A config pasted without the command that printed it. Asked of every
 * line: the first byte rules out nearly all before any compare. */
static const char *const config_heads[] = {"ASA Version ", "PIX Version ",
                                           "Building configuration...", "Current configuration : "};

static bool config_start(const char *s, size_t len)
{
        const char *const *heads = config_heads;
        for (size_t i = 0; i < sizeof(config_heads) / sizeof(config_heads[0]); i++)
                if (len && s[0] == heads[i][0] && starts(s, len, heads[i]))
                        return true;
        return false;
}

static bool on_prompt(struct log_reader *r, const char *cmd, const char *end, uint32_t lineno)
{
        block_close(r);
        while (cmd < end && *cmd == ' ')
                cmd++;
        for (size_t i = 0; i < sizeof(show_cmds) / sizeof(show_cmds[0]); i++)
                if (cmd_is(cmd, end, show_cmds[i].cmd)) {
                        r->block = show_cmds[i].block;
                        break;
                }
        /* The seed glues the output onto the command line: read the rest. */
        if (r->block == BLK_ISAKMP)
                show_isakmp_line(r, cmd, (size_t)(end - cmd), lineno);
        else if (r->block == BLK_IPSEC)
                show_ipsec_line(r, cmd, (size_t)(end - cmd), lineno);
        else if (r->block == BLK_SYSOPT || r->block == BLK_ASP_DROP)
                show_misc_line(r, cmd, (size_t)(end - cmd), lineno);
        return true;
}

static bool config_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        config_append(r, s, len, lineno);
        if ((len == 3 && !memcmp(s, "end", 3)) || (len == 5 && !memcmp(s, ": end", 5)))
                block_close(r);
        return true;
}

/* A line with nothing to read: blank, or an elision a post or a note put
 * where lines were left out ("...", "[...]", "…"). */
static bool empty_or_elision(const char *s, size_t len)
{
        size_t i = 0, dots = 0, other = 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
        size_t j = len;
        while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
                j--;
        if (i == j)
                return true;
        if (s[i] == '[' && s[j - 1] == ']') {
                i++;
                j--;
        }
        for (size_t k = i; k < j; k++) {
                if (s[k] == '.')
                        dots++;
                else if (k + 2 < j && (unsigned char)s[k] == 0xE2 &&
                         (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] == 0xA6) {
                        dots += 3; /* U+2026 HORIZONTAL ELLIPSIS */
                        k += 2;
                } else
                        other++;
        }
        return other == 0 && dots >= 3;
}

/* A first byte that starts no prompt (no blank before it, no host name
 * byte: host_char), no config's first line (config_heads: letters) and no
 * blank or elided line (empty_or_elision): '<' of a syslog priority, '%'
 * of a bare tag, most punctuation. Such a line is plain at once. */
static bool plain_first(unsigned char c)
{
        return c != ' ' && c != '\t' && c != '[' && c != 0xE2 && !host_char((char)c);
}

void logs_line_facts(const char *s, size_t len, struct syslog_parse *f)
{
        f->cr = len && s[len - 1] == '\r';
        len -= f->cr;
        if (len && plain_first((unsigned char)s[0])) {
                f->plain = true;
                return;
        }
        /* What logs_line_pre asks of every line before its readers, asked
         * here on the parsing thread: the dispatcher then reads neither
         * the line's first bytes nor its last. */
        f->plain = len && !prompt_cmd(s, len) && !config_start(s, len) &&
                   !((s[0] == ' ' || s[0] == '.' || s[0] == '[' || s[0] == '\t' ||
                      (unsigned char)s[0] == 0xE2) &&
                     empty_or_elision(s, len));
}

void logs_dispatch_literals(message_lit_fn fn, void *ctx)
{
        for (size_t i = 0; i < sizeof(config_heads) / sizeof(config_heads[0]); i++)
                fn(ctx, config_heads[i], strlen(config_heads[i]));
}

bool logs_quiet(const struct log_reader *r)
{
        return r->block == BLK_NONE && !r->after_known && !r->client_pending;
}

bool logs_tagged_skippable(const struct log_reader *r)
{
        return r->block != BLK_CONFIG;
}

void logs_skip_unknown(struct log_reader *r, uint64_t n)
{
        /* what logs_line_pre does with such a line, n times over */
        r->lines += n;
        r->group[0] = r->user[0] = '\0';
        r->platform = PLAT_UNKNOWN;
        r->time = -1;
        r->tagged = false;
        r->after_known = false;
}

bool logs_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        return logs_line_pre(r, s, len, lineno, NULL);
}

bool logs_line_pre(struct log_reader *r, const char *s, size_t len, uint32_t lineno,
                   const struct syslog_parse *pre)
{
        /* A catalogued syslog message that is nothing else (plain: no
         * prompt, blank, elision or config's first line): outside a pasted
         * config, the dispatch below comes to syslog_apply, which sets
         * every field it resets. */
        if (pre && pre->msg && pre->plain && r->block != BLK_CONFIG) {
                r->lines++;
                bool ok = syslog_apply(r, s, len - pre->cr, lineno, pre);
                r->recognised += ok;
                r->after_known = ok;
                return ok;
        }
        bool plain = pre && pre->plain;
        if (pre ? pre->cr : len && s[len - 1] == '\r')
                len--;
        r->lines++;
        r->group[0] = r->user[0] = '\0';
        r->platform = PLAT_UNKNOWN;
        r->time = -1;
        r->tagged = false;
        bool ok = false;
        /* plain: no prompt, not blank, no elision, no config's first line */
        const char *cmd = plain ? NULL : prompt_cmd(s, len);
        /* Asked of every line: its first byte rules nearly all out. */
        if (!plain && !cmd && r->block == BLK_NONE && len &&
            (s[0] == ' ' || s[0] == '.' || s[0] == '[' || s[0] == '\t' ||
             (unsigned char)s[0] == 0xE2) &&
            empty_or_elision(s, len)) {
                r->recognised++;
                return true;
        }
        if (!cmd && len == 0 && r->block == BLK_NONE) {
                r->recognised++;
                return true;
        }
        if (cmd)
                ok = on_prompt(r, cmd, s + len, lineno);
        else if (r->block == BLK_CONFIG)
                ok = config_line(r, s, len, lineno);
        else if (!plain && config_start(s, len)) {
                block_close(r);
                r->block = BLK_CONFIG;
                ok = config_line(r, s, len, lineno);
        } else {
                struct syslog_parse own;
                if (!pre) {
                        syslog_parse(s, len, &own);
                        pre = &own;
                }
                ok = syslog_apply(r, s, len, lineno, pre);
                /* The other readers: for a line that is no syslog message
                 * and passed the gate (gate.c), or one that a block, a
                 * client entry or the recognised line above may claim. */
                if (!ok && !r->tagged &&
                    (pre->maybe || r->block != BLK_NONE || r->after_known || r->client_pending)) {
                        /* show_ipsec first: outside its block it takes only the
                         * lines that open one, also under an isakmp table */
                        ok = debug_family_line(r, s, len, lineno) ||
                             show_ipsec_line(r, s, len, lineno) ||
                             show_isakmp_line(r, s, len, lineno) ||
                             show_misc_line(r, s, len, lineno) ||
                             vpnclient_line(r, s, len, lineno) || debug_line(r, s, len, lineno);
                }
        }
        r->recognised += ok;
        r->after_known = ok;
        return ok;
}

void logs_finish(struct log_reader *r)
{
        block_close(r);
}
