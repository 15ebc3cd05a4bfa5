/*
 * Syslog in its common framings, all recognised by the message tag:
 *   %ASA-3-713902: ...                       bare, or after RFC 3164 "<PRI>Mmm dd hh:mm:ss host"
 *   Mar 24 2010 10:21:50 asa : %ASA-...      show logging buffer / EMBLEM / timestamps
 *   4|Mar 24 2010 10:21:50|713903: ...        ASDM log viewer
 *   %PIX-, %FTD-, %FWSM- (ASA family), %CRYPTO-, %CERM-, %VPN_HW-, %FW-, %IPSEC- ... (IOS)
 * The prefix fields "Group = ", "Username = ", "IP = " (and the IKEv2 and
 * SVC forms) give the peer.
 */
#include "logs.h"
#include "marks.h"

#include "../util/key_hash.h"

#include <string.h>

#define BODY_MAX 2048 /* message text looked at (and copied for IOS patterns) */

/* The ASA family's facilities, each with the '-' that follows it in a tag
 * (the gate's literals: an ASA tag holds one). */
static const struct {
        char s[6];
        size_t len; /* without the '-' */
} asa_fac[] = {{"ASA-", 3}, {"PIX-", 3}, {"FTD-", 3}, {"FWSM-", 4}};

static bool is_asa_facility(const char *f, size_t n)
{
        for (size_t i = 0; i < sizeof(asa_fac) / sizeof(asa_fac[0]); i++)
                if (asa_fac[i].len == n && logs_eq(f, asa_fac[i].s, n))
                        return true;
        return false;
}

/* What a line without an ASDM or CSV start must hold for this reader to
 * know it: an ASA family tag, a catalogued IOS tag (with or without its
 * '%', message_find matches the whole key), or an ASA body's fixed text. */
void syslog_literals(message_lit_fn fn, void *ctx)
{
        for (size_t i = 0; i < sizeof(asa_fac) / sizeof(asa_fac[0]); i++)
                fn(ctx, asa_fac[i].s, asa_fac[i].len + 1);
        message_each_literal(MSG_IOS_SYSLOG, true, fn, ctx);
        message_each_body_literal(fn, ctx);
}

/* "Mmm dd [yyyy] hh:mm:ss" at p: seconds within a year (months as 31
 * days: only differences between nearby lines matter). */
static int64_t parse_time(const char *p, const char *end)
{
        /* the three letters as one number, compared with each month's */
#define MON(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))
        static const uint32_t months[12] = {
            MON('J', 'a', 'n'), MON('F', 'e', 'b'), MON('M', 'a', 'r'), MON('A', 'p', 'r'),
            MON('M', 'a', 'y'), MON('J', 'u', 'n'), MON('J', 'u', 'l'), MON('A', 'u', 'g'),
            MON('S', 'e', 'p'), MON('O', 'c', 't'), MON('N', 'o', 'v'), MON('D', 'e', 'c')};
        if (end - p < 15 || p[3] != ' ')
                return -1;
        uint32_t key = MON((unsigned char)p[0], (unsigned char)p[1], (unsigned char)p[2]);
#undef MON
        int mon = -1;
        for (int i = 0; i < 12 && mon < 0; i++)
                if (months[i] == key)
                        mon = i;
        if (mon < 0)
                return -1;
        const char *q = p + 4;
        while (q < end && *q == ' ')
                q++;
        long long day, h, m, s;
        size_t n;
        /* one or two digits of day, then an optional four-digit year: the
         * number loops only for what devices do not print */
        if (end - q >= 3 && logs_digit(q[0]) && !logs_digit(q[1])) {
                day = q[0] - '0';
                n = 1;
        } else if (end - q >= 3 && logs_digit(q[0]) && logs_digit(q[1]) && !logs_digit(q[2])) {
                day = (q[0] - '0') * 10 + (q[1] - '0');
                n = 2;
        } else {
                return -1; /* no day, or three digits or more */
        }
        q += n + 1;
        if (end - q >= 5 && logs_digit(q[0]) && logs_digit(q[1]) && logs_digit(q[2]) &&
            logs_digit(q[3]) && q[4] == ' ') /* "Mar 24 2010 10:21:50" */
                q += 5;
        /* "hh:mm:ss" (two digits each, as devices print them) without the
         * number loops; anything else goes the general way below. */
        if (end - q >= 8 && logs_digit(q[0]) && logs_digit(q[1]) && q[2] == ':' &&
            logs_digit(q[3]) && logs_digit(q[4]) && q[5] == ':' && logs_digit(q[6]) &&
            logs_digit(q[7]) && (end - q == 8 || !logs_digit(q[8]))) {
                h = (q[0] - '0') * 10 + (q[1] - '0');
                m = (q[3] - '0') * 10 + (q[4] - '0');
                s = (q[6] - '0') * 10 + (q[7] - '0');
                if (h > 23 || m > 59 || s > 60)
                        return -1;
                return (((int64_t)mon * 31 + day) * 24 + h) * 3600 + m * 60 + s;
        }
        if (!(n = logs_u64(q, end, &h)) || q + n >= end || q[n] != ':')
                return -1;
        q += n + 1;
        if (!(n = logs_u64(q, end, &m)) || q + n >= end || q[n] != ':')
                return -1;
        q += n + 1;
        if (!logs_u64(q, end, &s) || h > 23 || m > 59 || s > 60)
                return -1;
        return (((int64_t)mon * 31 + day) * 24 + h) * 3600 + m * 60 + s;
}

static int64_t find_time(const char *s, const char *end)
{
        int64_t t = -1;
        for (const char *p = s; p + 15 <= end && p < s + 64; p++)
                if (logs_upper(*p) && (p == s || !logs_alpha(p[-1]))) {
                        t = parse_time(p, end);
                        if (t >= 0)
                                return t;
                }
        return t;
}

/* The peer: the address after the first of these tags (in this order)
 * whose first occurrence in the text is followed by one. */
static const struct peer_tag {
        const char *s;
        size_t len;
        char last; /* the byte an address follows: tried before anything else */
} peer_tags[] = {
#define T(s)                                                                                       \
        {                                                                                          \
                (s), sizeof(s) - 1, (s)[sizeof(s) - 2]                                             \
        }
    T("IP = "), T("Remote:"), T("IP <"),      T("peer at "),  T("srcaddr="),  T("remote="),
    T("Peer "), T("from "),   T("src_addr "), T("server = "), T("IKE Peer "),
#undef T
};
#define NPEER_TAGS (sizeof(peer_tags) / sizeof(peer_tags[0]))
_Static_assert(NPEER_TAGS <= 16, "tag_last and tag_prev hold a tag per bit of 16");

/* The tags that may end at a, by the last two bytes before it: bit i
 * for peer_tags[i] when both bytes are that tag's (each table keeps, per
 * byte, the tags whose last, or next to last, byte it is). An address
 * after any other pair of bytes has no tag (most of a line's: "(10...",
 * "/10...", "SPI= 0x..."), and the tags need not be tried one by one. The
 * unit tests read an address after each tag: a bit missing here fails
 * them. */
static const uint16_t tag_last[256] = {
    [' '] = 1u << 0 | 1u << 3 | 1u << 6 | 1u << 7 | 1u << 8 | 1u << 9 | 1u << 10,
    [':'] = 1u << 1,
    ['<'] = 1u << 2,
    ['='] = 1u << 4 | 1u << 5,
};
static const uint16_t tag_prev[256] = {
    ['='] = 1u << 0 | 1u << 9,
    ['e'] = 1u << 1 | 1u << 5,
    [' '] = 1u << 2,
    ['t'] = 1u << 3,
    ['r'] = 1u << 4 | 1u << 6 | 1u << 8 | 1u << 10,
    ['m'] = 1u << 7,
};

/* The best (lowest) peer tag below best that ends at a, where an address
 * may start, and whose first occurrence it is; best itself when none. */
static size_t tag_before(const char *s, const char *a, size_t best)
{
        size_t before = (size_t)(a - s);
        if (before < 2)
                return best; /* every tag has two bytes or more */
        unsigned m =
            tag_last[(unsigned char)a[-1]] & tag_prev[(unsigned char)a[-2]] & ((1u << best) - 1);
        for (; m; m &= m - 1) {
                const struct peer_tag *t = &peer_tags[__builtin_ctz(m)];
                if (before >= t->len && logs_eq(a - t->len, t->s, t->len) &&
                    !logs_find_n(s, before - 1, t->s, t->len))
                        return (size_t)__builtin_ctz(m);
        }
        return best;
}

/* Keeps the address the best tag announces: the same answer as trying
 * each tag in order (its first occurrence, and an address right after
 * it), in one pass over the places where a digit follows a tag's last
 * byte (marks.h), each place asked first which tags end there. */
static void find_peer(const char *s, size_t len, struct syslog_parse *f)
{
        const char *end = s + len;
        /* The first tag cannot be beaten: when its first occurrence is
         * followed by an address, that is the answer without the pass.
         * Looked for where the IKE messages' prefix puts it: at the start
         * ("IP = x, ..."), or after the group and user ("Group = g, IP =
         * x, ..."); a search of a text without it would cost a pass. */
        const struct peer_tag *t0 = &peer_tags[0];
        const char *at = len >= t0->len && logs_eq(s, t0->s, t0->len) ? s
                         : len && (s[0] == 'G' || s[0] == 'U') ? logs_find_n(s, len, t0->s, t0->len)
                                                               : NULL;
        size_t n0 = at ? logs_ipv4_span(at + t0->len, end) : 0;
        if (n0) {
                memcpy(f->peer_text, at + t0->len, n0); /* zeroed by syslog_parse */
                f->peer = at + t0->len;
                f->peer_len = (uint8_t)n0;
                return;
        }
        size_t best = NPEER_TAGS;
        for (size_t b = 0; b + 1 < len && best > 0; b += 16) {
                for (unsigned m = addr_marks(s, len, b); m && best > 0; m &= m - 1) {
                        const char *a = s + b + (size_t)__builtin_ctz(m) + 1;
                        size_t t = tag_before(s, a, best);
                        size_t n = t < best ? logs_ipv4_span(a, end) : 0;
                        if (n) {
                                best = t;
                                f->peer = a;
                                memset(f->peer_text, 0, sizeof(f->peer_text));
                                memcpy(f->peer_text, a, n);
                                f->peer_len = (uint8_t)n; /* at most 15 */
                        }
                }
        }
}

/* Two tags for one field, the full form first. */
static const struct field_tags {
        const char *tag[2];
        size_t len[2]; /* strlen of each tag, known at compile time */
} group_tags = {{"Group = ", "Group <"}, {8, 7}}, user_tags = {{"Username = ", "User <"}, {11, 6}};

/* The value after the first occurrence of the first tag that has one:
 * one pass over the occurrences of the tags' common first letter (a rare
 * capital), which stops as soon as the full form gives a value (most IKE
 * messages start with "Group = "). */
static void field2(const char *s, size_t len, const struct field_tags *t, const char **out,
                   uint8_t *out_len)
{
        const char *end = s + len, *at1 = NULL;
        bool full = false; /* the full form's first occurrence was seen */
        for (const char *p = s; (p = memchr(p, t->tag[0][0], (size_t)(end - p))) != NULL; p++) {
                if (!full && (size_t)(end - p) >= t->len[0] && logs_eq(p, t->tag[0], t->len[0])) {
                        full = true;
                        size_t n = logs_field_span(p + t->len[0], end, out);
                        if (n) {
                                *out_len = (uint8_t)n; /* below LOG_FIELD_MAX */
                                return;
                        }
                }
                if (!at1 && (size_t)(end - p) >= t->len[1] && logs_eq(p, t->tag[1], t->len[1]))
                        at1 = p + t->len[1];
                if (full && at1)
                        break;
        }
        size_t n = at1 ? logs_field_span(at1, end, out) : 0;
        if (n)
                *out_len = (uint8_t)n;
}

static void fields(const char *s, size_t len, struct syslog_parse *f)
{
        field2(s, len, &group_tags, &f->group, &f->group_len);
        if (f->group_len && f->group_len < sizeof(f->group_text))
                memcpy(f->group_text, f->group, f->group_len); /* zeroed by syslog_parse */
        field2(s, len, &user_tags, &f->user, &f->user_len);
}

/* "FAC-N-MNEMONIC:" at fac (the byte after a '%', or a bare tag): the
 * facility's length and the tag's, from fac up to the ':'. */
static bool tag_at(const char *fac, const char *end, size_t *fac_len, size_t *tag_len)
{
        const char *q = fac;
        while (q < end && (logs_upper(*q) || logs_digit(*q) || *q == '_'))
                q++;
        *fac_len = (size_t)(q - fac);
        if (*fac_len == 0 || *fac_len > 16 || end - q < 4 || q[0] != '-' || !logs_digit(q[1]) ||
            q[2] != '-')
                return false;
        q += 3;
        const char *m = q;
        while (q < end && (logs_upper(*q) || logs_digit(*q) || *q == '_'))
                q++;
        if (q == m || q - m > 48 || q >= end || *q != ':')
                return false;
        *tag_len = (size_t)(q - fac);
        return true;
}

/* The message text ends at the line's end, a NUL, or after BODY_MAX - 1
 * bytes. Returns the text's length. */
static size_t body_len(const struct syslog_parse *f, const char *body, const char *end)
{
        size_t n = (size_t)(end - body) < BODY_MAX - 1 ? (size_t)(end - body) : BODY_MAX - 1;
        const char *nul = f->nul_free ? NULL : memchr(body, '\0', n);
        return nul ? (size_t)(nul - body) : n;
}

/* A catalogued message: its fields and peer (body: n bytes, no NUL). */
static bool found(struct syslog_parse *f, const struct message *m, const char *body, size_t n)
{
        if (!m)
                return false;
        f->msg = m;
        fields(body, n, f);
        find_peer(body, n, f);
        const char *key;
        size_t kn = syslog_parse_key(f, &key);
        f->key_hash = key_hash(key, kn);
        return true;
}

/* The six digits at id as a number; -1 when they are not six digits.
 * The bytes as one word (the first lowest): each is a digit when its high
 * nibble is 3 and adding 6 keeps it there; then pairs of digits, then the
 * three pairs, by multiplying (no loop, no branch per byte). */
static long six_digits(const char *id, const char *end)
{
        if (end - id < 6)
                return -1;
        uint64_t w = 0;
        for (int i = 0; i < 6; i++)
                w |= (uint64_t)(unsigned char)id[i] << (8 * i);
        const uint64_t nib = 0xF0F0F0F0F0F0ull, threes = 0x303030303030ull;
        if ((w & nib) != threes || ((w + 0x060606060606ull) & nib) != threes)
                return -1;
        uint64_t d = w - threes;                            /* each byte 0..9 */
        uint64_t p = (d * 10 + (d >> 8)) & 0xFF00FF00FFull; /* bytes 0, 2, 4: two digits */
        return (long)((p & 0xFF) * 10000 + (p >> 16 & 0xFF) * 100 + (p >> 32 & 0xFF));
}

/* "%ASA-N-NNNNNN:" (or PIX, FTD) at p, the tag of nearly every line of an
 * ASA log: what tag_at, the facility test and six_digits would conclude,
 * in a few compares instead of a loop per byte. The ID, or -1. */
static long asa_tag_at(const char *p, const char *end)
{
        if (end - p < 14 || p[4] != '-' || !logs_digit(p[5]) || p[6] != '-' || p[13] != ':' ||
            !is_asa_facility(p + 1, 3))
                return -1;
        return six_digits(p + 7, end);
}

/* The message after a tag at fac (fl: the facility's length, tl: the
 * tag's up to its ':'); v: the ASA ID when the caller read it, else -1. */
static bool tagged_message(const char *s, const char *end, const char *fac, size_t fl, size_t tl,
                           long v, struct syslog_parse *f)
{
        f->tagged = true;
        const char *body = fac + tl + 1;
        while (body < end && *body == ' ')
                body++;
        size_t n;
        const struct message *m;
        if (v >= 0 || is_asa_facility(fac, fl)) {
                const char *id = fac + fl + 3; /* "ASA-3-" */
                if (v < 0)
                        v = fac + tl - id == 6 ? six_digits(id, end) : -1;
                /* Unknown IDs (most of a busy log) stop here, before any parsing. */
                if (v < 0 || !message_asa_listed((unsigned long)v))
                        return false;
                n = body_len(f, body, end);
                if (!(m = message_find_asa((unsigned long)v, body, n)))
                        return false;
                f->platform = fac[1] == 'I' ? PLAT_PIX : PLAT_ASA;
        } else {
                char key[64];
                memcpy(key, fac, tl);
                key[tl] = '\0';
                char text[BODY_MAX];
                n = body_len(f, body, end);
                memcpy(text, body, n);
                text[n] = '\0';
                if (!(m = message_find(MSG_IOS_SYSLOG, key, text)))
                        return false;
                f->platform = PLAT_IOS;
        }
        f->time = find_time(s, fac);
        return found(f, m, body, n);
}

static bool percent_form(const char *s, size_t len, struct syslog_parse *f)
{
        const char *end = s + len, *p = s;
        size_t fl, tl;
        long v = -1; /* the ASA family's message ID */
        for (;;) {
                p = memchr(p, '%', (size_t)(end - p));
                if (!p)
                        return false;
                if ((v = asa_tag_at(p, end)) >= 0) {
                        fl = 3;
                        tl = 12;
                        break;
                }
                if (tag_at(p + 1, end, &fl, &tl))
                        break;
                p++;
        }
        return tagged_message(s, end, p + 1, fl, tl, v, f);
}

/* A tag without its '%': "CRYPTO-4-IKMP_BAD_MESSAGE: ..." as forum posts
 * and notes paste it, or after stray bytes ("%>CRYPTO-..."). The facility
 * must start the line or follow a blank, '>', ':' or '%' and the message
 * must be catalogued for the line to count as one (a word with dashes is
 * no tag). */
static bool bare_form(const char *s, size_t len, struct syslog_parse *f)
{
        const char *end = s + len;
        for (const char *q = s; (q = memchr(q, '-', (size_t)(end - q))) != NULL; q++) {
                if (end - q < 4 || !logs_digit(q[1]) || q[2] != '-' || q == s)
                        continue;
                const char *fac = q;
                while (fac > s && (logs_upper(fac[-1]) || logs_digit(fac[-1]) || fac[-1] == '_'))
                        fac--;
                if (fac == q || !logs_upper(*fac))
                        continue;
                if (fac > s && fac[-1] != ' ' && fac[-1] != '>' && fac[-1] != ':' &&
                    fac[-1] != '%' && fac[-1] != '\t')
                        continue;
                size_t fl, tl;
                if (!tag_at(fac, end, &fl, &tl))
                        continue;
                struct syslog_parse g = *f;
                if (tagged_message(s, end, fac, fl, tl, -1, &g)) {
                        *f = g;
                        return true;
                }
                return false;
        }
        return false;
}

/* An ASA message body with no tag at all ("Group = x, IP = y, PHASE 1
 * COMPLETED", "IPSEC: Received an ESP packet ..."): found by the fixed text
 * of its catalogue entry. */
static bool body_form(const char *s, size_t len, struct syslog_parse *f)
{
        const struct message *m = message_scan_asa_body(s, len);
        if (!m)
                return false;
        size_t n = body_len(f, s, s + len);
        f->platform = PLAT_ASA;
        f->time = find_time(s, s + len);
        return found(f, m, s, n);
}

/* ASDM's log viewer exported or copied as fields ("Save As" CSV, or the
 * table copied with tabs): Severity, Date, Time, Syslog ID, Source IP,
 * Source Port, Destination IP, Destination Port, Description (ASDM user
 * guide, "Real-Time Log Viewer"), any column possibly quoted or empty. The
 * ID is the first field of six digits; the description is what follows the
 * address and port fields after it. */
static char export_sep(const char *s, size_t len)
{
        if (len < 12 || !(logs_digit(s[0]) || (s[0] == '"' && logs_digit(s[1]))))
                return 0;
        for (const char *q = s; q < s + 4; q++)
                if (*q == ',' || *q == '\t')
                        return *q;
        return 0;
}

static bool export_form(const char *s, size_t len, struct syslog_parse *f)
{
        const char *end = s + len;
        char sep = export_sep(s, len);
        if (!sep)
                return false;
        const char *p = s;
        long id = -1;
        for (int field = 0; p < end && field < 12; field++) {
                const char *q = memchr(p, sep, (size_t)(end - p));
                const char *fe = q ? q : end;
                const char *a = p, *b = fe;
                if (b - a >= 2 && *a == '"' && b[-1] == '"') {
                        a++;
                        b--;
                }
                if (id < 0) {
                        if (b - a == 6 && field >= 1)
                                id = six_digits(a, b);
                } else {
                        /* address and port columns, or empty ones */
                        bool addr = a == b || logs_ipv4_span(a, b) == (size_t)(b - a);
                        for (const char *c = a; c < b && !addr; c++)
                                if (!logs_digit(*c))
                                        break;
                                else if (c + 1 == b)
                                        addr = true;
                        if (!addr) {
                                const char *body = a;
                                if (body > s && body[-1] == '"')
                                        body--;
                                body += *body == '"';
                                const char *bend = end;
                                if (bend > body && bend[-1] == '"')
                                        bend--;
                                if (id < 0 || !message_asa_listed((unsigned long)id))
                                        return false;
                                size_t n = body_len(f, body, bend);
                                f->platform = PLAT_ASA;
                                f->time = find_time(s, body);
                                f->tagged = true;
                                return found(f, message_find_asa((unsigned long)id, body, n), body,
                                             n);
                        }
                }
                if (!q)
                        break;
                p = q + 1;
        }
        return false;
}

/* ASDM: "4|Mar 24 2010 10:21:50|713903: IP = ..." */
static bool asdm_form(const char *s, size_t len, struct syslog_parse *f)
{
        const char *end = s + len;
        if (len < 10 || !logs_digit(s[0]) || s[1] != '|')
                return false;
        const char *t = s + 2;
        const char *bar = memchr(t, '|', (size_t)(end - t));
        if (!bar || end - bar < 9)
                return false;
        f->time = parse_time(t, bar);
        const char *id = bar + 1;
        for (int i = 0; i < 6; i++)
                if (!logs_digit(id[i]))
                        return false;
        if (id[6] != ':')
                return false;
        const char *body = id + 8 <= end ? id + 8 : end;
        size_t n = body_len(f, body, end);
        f->platform = PLAT_ASA;
        return found(f, message_find_asa((unsigned long)six_digits(id, end), body, n), body, n);
}

bool syslog_parse(const char *s, size_t len, struct syslog_parse *f)
{
        return syslog_parse_nul_free(s, len, false, f);
}

bool syslog_parse_nul_free(const char *s, size_t len, bool nul_free, struct syslog_parse *f)
{
        static const struct syslog_parse none = {.time = -1};
        *f = none;
        f->nul_free = nul_free;
        /* An ASDM-looking line that is not one may leave its time and
         * platform: the line goes on to the other readers with them. */
        if (asdm_form(s, len, f) || percent_form(s, len, f))
                return true;
        /* Below: lines with no '%' tag (or a broken one), never the lines
         * of a device log that is framed as it should be. */
        if (f->tagged)
                return false;
        /* A CSV export starts its line; the rest holds one of the gate's
         * literals, as anything else a reader might take does. */
        if (!export_sep(s, len) && !logs_gate(s, len))
                return false;
        f->maybe = true;
        return bare_form(s, len, f) || export_form(s, len, f) || body_form(s, len, f);
}

static void copy_span(char dst[LOG_FIELD_MAX], const char *s, size_t n)
{
        if (n)
                memcpy(dst, s, n);
        dst[n] = '\0';
}

bool syslog_apply(struct log_reader *r, const char *s, size_t len, uint32_t lineno,
                  const struct syslog_parse *f)
{
        r->tagged = f->tagged;
        r->platform = f->platform;
        r->time = f->time;
        if (!f->msg)
                return false;
        /* the peer from the parse's copy, fixed size: not a read of the line */
        if (f->peer_len)
                memcpy(r->last_peer, f->peer_text, sizeof(f->peer_text));
        const char *peer = f->peer_len ? r->last_peer : "";
        /* neither read when empty: the group's bytes and the spans are in
         * the parse record's second cache line (logs.h) */
        if (!f->group_len)
                r->group[0] = '\0';
        else if (f->group_len < sizeof(f->group_text))
                memcpy(r->group, f->group_text, sizeof(f->group_text));
        else
                copy_span(r->group, f->group, f->group_len);
        if (f->user_len)
                copy_span(r->user, f->user, f->user_len);
        else
                r->user[0] = '\0';
        /* A syslog message is never a debug detail line: its peer is its
         * own. The key's length as syslog_parse_key gives it, without the
         * spans (the record's second line). */
        size_t n = f->peer_len ? f->peer_len : f->group_len;
        logs_emit_hashed(r, f->msg, s, len, lineno, peer, (uint8_t)n, f->key_hash);
        return true;
}

bool syslog_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        struct syslog_parse f;
        syslog_parse(s, len, &f);
        return syslog_apply(r, s, len, lineno, &f);
}
