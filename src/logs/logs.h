/*
 * Log readers: one pass over mixed text (syslog in every framing, VPN
 * Client logs, AnyConnect lines, show outputs, debug output, CLI responses,
 * pasted configs), one line at a time, in bounded memory. Each reader
 * recognises its own lines and blocks; every recognised line becomes one
 * evidence record (evidence/record.h: source log, or show inside a show
 * block) handed to the caller's callback, with what the line says about
 * its peer. Nothing here allocates per line.
 */
#ifndef IPSD_LOGS_H
#define IPSD_LOGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../catalog/messages.h"
#include "../evidence/record.h"
#include "../model/model.h"

#define LOG_FIELD_MAX   64         /* peer / group / user copied from a line */
#define LOG_CONFIG_MAX  (4u << 20) /* a pasted config block */
#define LOG_PLUTO_CONN  48         /* a pluto connection name kept (longer: not kept) */
#define LOG_PLUTO_CONNS 16

typedef void (*log_event_fn)(void *arg, const struct ev_record *ev);
/* A pasted configuration: buf[0..len) starting at input line first. */
typedef void (*log_config_fn)(void *arg, const char *buf, size_t len, uint32_t first);

enum show_block {
        BLK_NONE = 0,
        BLK_ISAKMP, /* show crypto isakmp sa (IOS table, ASA IKEv1 blocks, IKEv2 table) */
        BLK_IPSEC,  /* show crypto ipsec sa */
        BLK_SESSIONDB,
        BLK_ASP_DROP,
        BLK_CERM,
        BLK_SYSOPT,
        BLK_CONFIG,
};

struct log_reader {
        log_event_fn on_event;
        log_config_fn on_config;
        void *arg;
        enum show_block block;
        char peer[LOG_FIELD_MAX]; /* the current show block's peer */
        /* show crypto ipsec sa: counters of the current peer's block */
        long long encaps, decaps;
        bool have_encaps, have_decaps;
        uint32_t encaps_line;
        /* VPN Client: a numbered entry continues on the next lines */
        const struct message *client_pending;
        /* pasted config */
        char *cfg;
        size_t cfg_len, cfg_cap;
        uint32_t cfg_first;
        bool cfg_overflow;
        /* fields of the line being read, set by the reader before it emits */
        char group[LOG_FIELD_MAX], user[LOG_FIELD_MAX];
        enum platform platform;
        int64_t time;
        bool tagged; /* the line is a syslog message (known or not): no other reader tries it */
        /* the previous non-blank line was recognised: detail lines (payload
         * dumps, the rest of a wrapped message) are read under it */
        bool after_known;
        char last_peer[LOG_FIELD_MAX]; /* the last event's peer, for its detail lines */
        /* Libreswan pluto: each connection's peer, from the lines that name
         * it, for the many that do not (debug.c; oldest replaced first) */
        struct {
                char conn[LOG_PLUTO_CONN];
                char peer[LOG_FIELD_MAX];
        } pluto[LOG_PLUTO_CONNS];
        unsigned pluto_next;
        /* counts */
        uint64_t lines, recognised;
};

void logs_init(struct log_reader *r, log_event_fn on_event, log_config_fn on_config, void *arg);
/* One physical line (no '\n'; a trailing '\r' is ignored). True when it
 * was recognised (an event was emitted or it belongs to a known block). */
bool logs_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);
struct syslog_parse;
/* logs_line with the syslog reader's answer for this line already known
 * (syslog_parse of the same bytes, without the '\r'); NULL: ask it here. */
bool logs_line_pre(struct log_reader *r, const char *s, size_t len, uint32_t lineno,
                   const struct syslog_parse *pre);
/* End of input: closes the open block (counters, pasted config). */
void logs_finish(struct log_reader *r);
void logs_free(struct log_reader *r);

/* ---- the readers (each returns true when it took the line) ---- */
bool syslog_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);

/* The syslog reader in two halves. syslog_parse reads one line (without
 * its '\r') in place, with no reader state and no copy, so lines can be
 * parsed on any thread; syslog_apply hands the result to the reader in
 * line order (the fields it sets, the event). syslog_line = both. */
struct syslog_parse {
        /* Laid out by what the line-order thread reads (explain_parallel.c
         * keeps a record of the line's position and length, 16 bytes, and
         * this parse after it): a message line without a group or user
         * needs only the record's first cache line; the spans of the line
         * and the group's bytes are in the second. */
        const struct message *msg; /* NULL: not a catalogued message */
        int64_t time;
        uint32_t key_hash; /* of the correlator's key (syslog_parse_key), when msg */
        uint8_t peer_len, group_len, user_len;
        bool tagged; /* a syslog message tag, known or not */
        /* Not a syslog message, but the line passed the gate (gate.c): it
         * holds a literal some other reader needs. False: no reader can
         * take it unless a block or the line above says otherwise. */
        bool maybe;
        /* Set by logs_line_facts (the parsing threads), false otherwise:
         * cr: the line ends with a '\r' (the parse is of the line without
         * it); plain: the line is no prompt, no config's first line, not
         * blank and no elision, so the dispatcher need not look at it. */
        bool cr, plain;
        bool nul_free; /* syslog_parse_nul_free was told the line holds no NUL */
        enum platform platform;
        /* the peer's bytes again, NUL-padded (an address is at most 15),
         * and the group's when it is as short: the correlator's thread
         * takes them from here, not from the line (perf: its copy of the
         * group from the line, another core's cache, was the thread's
         * longest wait after the correlator's own) */
        char peer_text[16], group_text[16];
        const char *peer, *group, *user; /* spans of the line */
};
bool syslog_parse(const char *s, size_t len, struct syslog_parse *f);
/* The same, told that s[0..len) holds no NUL (a caller that checked its
 * whole buffer at once): the message text is not searched for one. */
bool syslog_parse_nul_free(const char *s, size_t len, bool nul_free, struct syslog_parse *f);
/* The line-level facts of f (cr, plain) for the whole line s[0..len). */
void logs_line_facts(const char *s, size_t len, struct syslog_parse *f);
/* The span its event will be correlated by (correlate.h: the peer, else
 * the group); its length, 0 when neither. */
static inline size_t syslog_parse_key(const struct syslog_parse *f, const char **key)
{
        *key = f->peer_len ? f->peer : f->group;
        return f->peer_len ? f->peer_len : f->group_len;
}

bool syslog_apply(struct log_reader *r, const char *s, size_t len, uint32_t lineno,
                  const struct syslog_parse *f);
bool vpnclient_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);
bool show_isakmp_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);
bool show_ipsec_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);
void show_ipsec_close(struct log_reader *r);
bool show_misc_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);
bool debug_family_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);
bool debug_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno);

/* ---- the gate (gate.c) ---- */
/* Whether s[0..len) holds any literal of the readers' tables below. */
bool logs_gate(const char *s, size_t len);
/* Tests and fuzz targets: true lets every line through, to compare. */
void logs_gate_disable(bool off);
/* The gate is in use (not disabled, its tables complete). */
bool logs_gate_on(void);
/* gate_run.c: from s (a line's start), the lines of s[0..n) that no reader
 * can take whatever the lines above (no literal of the readers or of the
 * dispatcher, no syslog tag, prompt, blank, elision or export start), up
 * to the first other line or the first not ended by '\n' within n: their
 * bytes (each line with its '\n') and, in *lines, their count. 0 when the
 * gate is off. */
size_t logs_gate_run(const char *s, size_t n, size_t *lines);
/* Tests and fuzz targets: false scans byte by byte, as a CPU without the
 * vector instructions does, to compare. */
void logs_gate_run_simd(bool on);
/* Such lines, counted as logs_line would count them, may be skipped only
 * while no block, client entry or recognised line above can claim a line. */
bool logs_quiet(const struct log_reader *r);
void logs_skip_unknown(struct log_reader *r, uint64_t n);
/* A line whose parse f (with logs_line_facts) is a syslog message that
 * the catalogue does not list, and nothing else: no prompt, no config's
 * first line, no time or platform it would leave to the reader. The
 * dispatcher gives such a line to no reader (a syslog tag keeps it from
 * the others) unless a pasted config is open, so it leaves the reader as
 * logs_skip_unknown does, whatever the lines above. */
static inline bool logs_tagged_unknown(const struct syslog_parse *f)
{
        return f->tagged && !f->msg && f->plain && f->time < 0 && f->platform == PLAT_UNKNOWN;
}
bool logs_tagged_skippable(const struct log_reader *r);
/* The dispatcher's own literals: the first lines of a pasted config. */
void logs_dispatch_literals(message_lit_fn fn, void *ctx);
/* Each reader's necessary literals (outside a block, no line above). */
void syslog_literals(message_lit_fn fn, void *ctx);
void debug_literals(message_lit_fn fn, void *ctx);
void show_ipsec_literals(message_lit_fn fn, void *ctx);
void show_isakmp_literals(message_lit_fn fn, void *ctx);
void show_misc_literals(message_lit_fn fn, void *ctx);
void vpnclient_literals(message_lit_fn fn, void *ctx);

/* ---- shared helpers (logs.c) ---- */
/* ASCII classes without the locale table's call per byte (hot path). */
static inline bool logs_digit(char c)
{
        return c >= '0' && c <= '9';
}
static inline bool logs_upper(char c)
{
        return c >= 'A' && c <= 'Z';
}
static inline bool logs_alpha(char c)
{
        return logs_upper(c) || (c >= 'a' && c <= 'z');
}

void logs_emit(struct log_reader *r, const struct message *m, const char *s, size_t len,
               uint32_t lineno, const char *peer, long long value);
/* logs_emit for a syslog message whose key and hash its parse gave; peer
 * is r->last_peer (the caller copied it there) or "". */
void logs_emit_hashed(struct log_reader *r, const struct message *m, const char *s, size_t len,
                      uint32_t lineno, const char *peer, uint8_t key_len, uint32_t key_hash);
/* Position of pat in s[0..len), or NULL. */
const char *logs_find(const char *s, size_t len, const char *pat);
/* The same with pat's length known (pl = strlen(pat)). */
const char *logs_find_n(const char *s, size_t len, const char *pat, size_t pl);
/* Copies the dotted IPv4 address at p (bounded by end) into out; length
 * consumed, 0 when p holds none. */
size_t logs_ipv4(const char *p, const char *end, char out[LOG_FIELD_MAX]);
/* The value after "name" up to a delimiter in ",;>" or end, trimmed. */
bool logs_field(const char *s, size_t len, const char *name, char out[LOG_FIELD_MAX]);
/* The same value at p, the text just after the name. */
bool logs_field_at(const char *p, const char *end, char out[LOG_FIELD_MAX]);
/* The same value in place: its start in *start and its length (0: none). */
size_t logs_field_span(const char *p, const char *end, const char **start);

/* Inline, the three below: asked of most lines by the syslog reader. */

/* Decimal at p (digits only, saturating); digits consumed. */
static inline size_t logs_u64(const char *p, const char *end, long long *out)
{
        const char *q = p;
        long long v = 0;
        /* Saturates at 18 nines: v * 10 + d stays in range while v has 17 digits. */
        while (q < end && logs_digit(*q)) {
                int d = *q++ - '0';
                v = v > 99999999999999999LL ? 999999999999999999LL : v * 10 + d;
        }
        *out = v;
        return (size_t)(q - p);
}

/* logs_ipv4 without the copy: the address's length at p, 0 when none.
 * Each part is one to three digits, at most 255 (a fourth digit makes it
 * no address); the address must not go on with a digit or ".digit". */
static inline size_t logs_ipv4_span(const char *p, const char *end)
{
        const char *q = p;
        for (int part = 0; part < 4; part++) {
                if (q >= end || !logs_digit(*q))
                        return 0;
                unsigned v = (unsigned)(*q++ - '0');
                if (q < end && logs_digit(*q)) {
                        v = v * 10 + (unsigned)(*q++ - '0');
                        if (q < end && logs_digit(*q)) {
                                v = v * 10 + (unsigned)(*q++ - '0');
                                if (v > 255 || (q < end && logs_digit(*q)))
                                        return 0;
                        }
                }
                if (part < 3 && (q >= end || *q++ != '.'))
                        return 0;
        }
        if (q < end && (logs_digit(*q) || (*q == '.' && q + 1 < end && logs_digit(q[1]))))
                return 0;
        return (size_t)(q - p);
}

/* memcmp(a, b, n) == 0 for the short compares of the hot path (tags,
 * keys): a loop the compiler keeps inline, not a call per compare. */
static inline bool logs_eq(const char *a, const char *b, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (a[i] != b[i])
                        return false;
        return true;
}

#endif
