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

#include <string.h>

#define BODY_MAX 2048 /* message text copied for pattern matching */

static bool is_asa_facility(const char *f, size_t n)
{
        static const struct {
                char s[5];
                size_t len;
        } fac[] = {{"ASA", 3}, {"PIX", 3}, {"FTD", 3}, {"FWSM", 4}};
        for (size_t i = 0; i < sizeof(fac) / sizeof(fac[0]); i++)
                if (fac[i].len == n && !memcmp(f, fac[i].s, n))
                        return true;
        return false;
}

/* "Mmm dd [yyyy] hh:mm:ss" at p: seconds within a year (months as 31
 * days: only differences between nearby lines matter). */
static int64_t parse_time(const char *p, const char *end)
{
        static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
        if (end - p < 15 || p[3] != ' ')
                return -1;
        int mon = -1;
        for (int i = 0; i < 12 && mon < 0; i++)
                if (p[0] == months[3 * i] && p[1] == months[3 * i + 1] && p[2] == months[3 * i + 2])
                        mon = i;
        if (mon < 0)
                return -1;
        const char *q = p + 4;
        while (q < end && *q == ' ')
                q++;
        long long day, year, h, m, s;
        size_t n = logs_u64(q, end, &day);
        if (!n || n > 2)
                return -1;
        q += n + 1;
        n = logs_u64(q, end, &year);
        if (n == 4 && q + n < end && q[n] == ' ') /* "Mar 24 2010 10:21:50" */
                q += n + 1;
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

static void find_time(struct log_reader *r, const char *s, const char *end)
{
        for (const char *p = s; p + 15 <= end && p < s + 64; p++)
                if (logs_upper(*p) && (p == s || !logs_alpha(p[-1]))) {
                        r->time = parse_time(p, end);
                        if (r->time >= 0)
                                return;
                }
}

/* The peer: the address after the first of these tags (in this order)
 * whose first occurrence in the text is followed by one. */
static const struct peer_tag {
        const char *s;
        size_t len;
} peer_tags[] = {
#define T(s)                                                                                       \
        {                                                                                          \
                s, sizeof(s) - 1                                                                   \
        }
    T("IP = "), T("Remote:"), T("IP <"),      T("peer at "),  T("srcaddr="),  T("remote="),
    T("Peer "), T("from "),   T("src_addr "), T("server = "), T("IKE Peer "),
#undef T
};
#define NPEER_TAGS (sizeof(peer_tags) / sizeof(peer_tags[0]))

/* The best (lowest) peer tag that ends at a, an address, and whose first
 * occurrence it is; NPEER_TAGS when none. */
static size_t tag_before(const char *s, const char *a, size_t best)
{
        for (size_t i = 0; i < best; i++) {
                const struct peer_tag *t = &peer_tags[i];
                /* last and first byte before memcmp: most tags end in ' ' */
                if ((size_t)(a - s) >= t->len && a[-1] == t->s[t->len - 1] &&
                    *(a - t->len) == t->s[0] && !memcmp(a - t->len, t->s, t->len) &&
                    !logs_find(s, (size_t)(a - s) - 1, t->s))
                        return i;
        }
        return best;
}

/* Walks the addresses (anchored on their dots, which are rare, so the scan
 * is memchr's and not a loop per byte per tag) and keeps the one the best
 * tag announces: the same answer as trying each tag in order, in one pass. */
static void find_peer(const char *s, size_t len, char peer[LOG_FIELD_MAX])
{
        const char *end = s + len, *p = s, *best_at = NULL;
        size_t best = NPEER_TAGS;
        char addr[LOG_FIELD_MAX];
        while (best > 0 && (p = memchr(p, '.', (size_t)(end - p))) != NULL) {
                const char *a = p;
                while (a > s && logs_digit(a[-1]) && p - a < 4)
                        a--;
                size_t n = a < p && !(a > s && logs_digit(a[-1])) ? logs_ipv4(a, end, addr) : 0;
                if (n) {
                        size_t t = tag_before(s, a, best);
                        if (t < best) {
                                best = t;
                                best_at = a;
                                memcpy(peer, addr, n + 1);
                        }
                        p = a + n;
                } else {
                        p++;
                }
        }
        if (!best_at)
                peer[0] = '\0';
}

/* Two tags for one field (full form first), both starting with c, rare
 * in a message, so one memchr walk finds both first occurrences. */
static const struct field_tags {
        char c;
        const char *tag[2];
        size_t len[2]; /* strlen of each tag, known at compile time */
} group_tags = {'G', {"Group = ", "Group <"}, {8, 7}},
  user_tags = {'U', {"Username = ", "User <"}, {11, 6}};

/* The value after the first occurrence of either tag that has one. */
static void field2(const char *s, size_t len, const struct field_tags *t, char out[LOG_FIELD_MAX])
{
        const char *end = s + len, *p = s, *at[2] = {NULL, NULL};
        while ((!at[0] || !at[1]) && (p = memchr(p, t->c, (size_t)(end - p))) != NULL) {
                for (int i = 0; i < 2; i++)
                        if (!at[i] && (size_t)(end - p) >= t->len[i] &&
                            !memcmp(p, t->tag[i], t->len[i]))
                                at[i] = p + t->len[i];
                p++;
        }
        for (int i = 0; i < 2; i++)
                if (at[i] && logs_field_at(at[i], end, out))
                        return;
}

static void prefix_fields(struct log_reader *r, const char *s, size_t len)
{
        field2(s, len, &group_tags, r->group);
        field2(s, len, &user_tags, r->user);
}

/* "%FAC-N-MNEMONIC:" at p. */
static bool tag_at(const char *p, const char *end, size_t *fac_len, size_t *tag_len)
{
        const char *q = p + 1;
        while (q < end && (logs_upper(*q) || logs_digit(*q) || *q == '_'))
                q++;
        *fac_len = (size_t)(q - p - 1);
        if (*fac_len == 0 || *fac_len > 16 || end - q < 4 || q[0] != '-' || !logs_digit(q[1]) ||
            q[2] != '-')
                return false;
        q += 3;
        const char *m = q;
        while (q < end && (logs_upper(*q) || logs_digit(*q) || *q == '_'))
                q++;
        if (q == m || q - m > 48 || q >= end || *q != ':')
                return false;
        *tag_len = (size_t)(q - p);
        return true;
}

/* The message text ends at the line's end, a NUL, or after BODY_MAX bytes. */
static size_t body_len(const char *body, const char *end)
{
        size_t n = (size_t)(end - body) < BODY_MAX - 1 ? (size_t)(end - body) : BODY_MAX - 1;
        const char *nul = memchr(body, '\0', n);
        return nul ? (size_t)(nul - body) : n;
}

/* A catalogued message: its time, fields and peer, then the event. */
static bool emit(struct log_reader *r, const struct message *m, const char *body, size_t n,
                 uint32_t lineno, const char *s, size_t len)
{
        if (!m)
                return false;
        char peer[LOG_FIELD_MAX];
        prefix_fields(r, body, n);
        find_peer(body, n, peer);
        logs_emit(r, m, s, len, lineno, peer, 0);
        return true;
}

/* The six digits at id as a number; -1 when they are not six digits. */
static long six_digits(const char *id, const char *end)
{
        if (end - id < 6)
                return -1;
        long v = 0;
        for (int i = 0; i < 6; i++) {
                if (!logs_digit(id[i]))
                        return -1;
                v = v * 10 + (id[i] - '0');
        }
        return v;
}

static bool percent_form(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const char *end = s + len, *p = s;
        size_t fl, tl;
        for (;;) {
                p = memchr(p, '%', (size_t)(end - p));
                if (!p)
                        return false;
                if (tag_at(p, end, &fl, &tl))
                        break;
                p++;
        }
        r->tagged = true;
        const char *body = p + tl + 1;
        while (body < end && *body == ' ')
                body++;
        size_t n = body_len(body, end);
        const struct message *m;
        if (is_asa_facility(p + 1, fl)) {
                const char *id = p + fl + 4; /* "%ASA-3-" */
                long v = p + tl - id == 6 ? six_digits(id, end) : -1;
                /* Unknown IDs (most of a busy log) stop here, before any parsing. */
                if (v < 0 || !(m = message_find_asa((unsigned long)v, body, n)))
                        return false;
                r->platform = p[2] == 'I' ? PLAT_PIX : PLAT_ASA;
        } else {
                char key[64];
                memcpy(key, p + 1, tl - 1);
                key[tl - 1] = '\0';
                char text[BODY_MAX];
                memcpy(text, body, n);
                text[n] = '\0';
                if (!(m = message_find(MSG_IOS_SYSLOG, key, text)))
                        return false;
                r->platform = PLAT_IOS;
        }
        find_time(r, s, p);
        return emit(r, m, body, n, lineno, s, len);
}

/* ASDM: "4|Mar 24 2010 10:21:50|713903: IP = ..." */
static bool asdm_form(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const char *end = s + len;
        if (len < 10 || !logs_digit(s[0]) || s[1] != '|')
                return false;
        const char *t = s + 2;
        const char *bar = memchr(t, '|', (size_t)(end - t));
        if (!bar || end - bar < 9)
                return false;
        r->time = parse_time(t, bar);
        const char *id = bar + 1;
        for (int i = 0; i < 6; i++)
                if (!logs_digit(id[i]))
                        return false;
        if (id[6] != ':')
                return false;
        const char *body = id + 8 <= end ? id + 8 : end;
        size_t n = body_len(body, end);
        r->platform = PLAT_ASA;
        return emit(r, message_find_asa((unsigned long)six_digits(id, end), body, n), body, n,
                    lineno, s, len);
}

bool syslog_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        return asdm_form(r, s, len, lineno) || percent_form(r, s, len, lineno);
}
