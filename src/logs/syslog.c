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

#include <ctype.h>
#include <string.h>

#define BODY_MAX 2048 /* message text copied for pattern matching */

static bool is_asa_facility(const char *f, size_t n)
{
        static const char *const fac[] = {"ASA", "PIX", "FTD", "FWSM"};
        for (size_t i = 0; i < sizeof(fac) / sizeof(fac[0]); i++)
                if (strlen(fac[i]) == n && !memcmp(f, fac[i], n))
                        return true;
        return false;
}

/* "Mmm dd [yyyy] hh:mm:ss" at p: seconds within a year (months as 31
 * days: only differences between nearby lines matter). */
static int64_t parse_time(const char *p, const char *end)
{
        static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
        if (end - p < 15)
                return -1;
        int mon = -1;
        for (int i = 0; i < 12; i++)
                if (!memcmp(p, months + 3 * i, 3))
                        mon = i;
        if (mon < 0 || p[3] != ' ')
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
                if (isupper((unsigned char)*p) && (p == s || !isalpha((unsigned char)p[-1]))) {
                        r->time = parse_time(p, end);
                        if (r->time >= 0)
                                return;
                }
}

/* The peer: "IP = a.b.c.d", "Remote:a.b.c.d", "IP <a.b.c.d>", else the
 * first address after "from ", "peer at ", "srcaddr=", "remote=", "Peer ". */
static void find_peer(const char *s, size_t len, char peer[LOG_FIELD_MAX])
{
        static const char *const tags[] = {"IP = ",     "Remote:",   "IP <",     "peer at ",
                                           "srcaddr=",  "remote=",   "Peer ",    "from ",
                                           "src_addr ", "server = ", "IKE Peer "};
        const char *end = s + len;
        peer[0] = '\0';
        for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
                const char *p = logs_find(s, len, tags[i]);
                if (p && logs_ipv4(p + strlen(tags[i]), end, peer))
                        return;
        }
}

static void prefix_fields(struct log_reader *r, const char *s, size_t len)
{
        if (!logs_field(s, len, "Group = ", r->group))
                logs_field(s, len, "Group <", r->group);
        if (!logs_field(s, len, "Username = ", r->user))
                logs_field(s, len, "User <", r->user);
}

/* "%FAC-N-MNEMONIC:" at p. */
static bool tag_at(const char *p, const char *end, size_t *fac_len, size_t *tag_len)
{
        const char *q = p + 1;
        while (q < end && (isupper((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_'))
                q++;
        *fac_len = (size_t)(q - p - 1);
        if (*fac_len == 0 || *fac_len > 16 || end - q < 4 || q[0] != '-' ||
            !isdigit((unsigned char)q[1]) || q[2] != '-')
                return false;
        q += 3;
        const char *m = q;
        while (q < end && (isupper((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_'))
                q++;
        if (q == m || q - m > 48 || q >= end || *q != ':')
                return false;
        *tag_len = (size_t)(q - p);
        return true;
}

static bool lookup_emit(struct log_reader *r, enum msg_family fam, const char *key,
                        const char *body, const char *end, uint32_t lineno, const char *s,
                        size_t len)
{
        char text[BODY_MAX];
        size_t n =
            (size_t)(end - body) < sizeof(text) - 1 ? (size_t)(end - body) : sizeof(text) - 1;
        memcpy(text, body, n);
        text[n] = '\0';
        const struct message *m = message_find(fam, key, text);
        if (!m)
                return false;
        char peer[LOG_FIELD_MAX];
        prefix_fields(r, text, n);
        find_peer(text, n, peer);
        logs_emit(r, m, s, len, lineno, peer, 0);
        return true;
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
        char key[64];
        const char *body = p + tl + 1;
        while (body < end && *body == ' ')
                body++;
        find_time(r, s, p);
        if (is_asa_facility(p + 1, fl)) {
                const char *id = p + fl + 4; /* "%ASA-3-" */
                size_t idl = (size_t)(p + tl - id);
                if (idl != 6)
                        return false;
                memcpy(key, id, idl);
                key[idl] = '\0';
                r->platform = p[2] == 'I' ? PLAT_PIX : PLAT_ASA;
                return lookup_emit(r, MSG_ASA_SYSLOG, key, body, end, lineno, s, len);
        }
        memcpy(key, p + 1, tl - 1);
        key[tl - 1] = '\0';
        r->platform = PLAT_IOS;
        return lookup_emit(r, MSG_IOS_SYSLOG, key, body, end, lineno, s, len);
}

/* ASDM: "4|Mar 24 2010 10:21:50|713903: IP = ..." */
static bool asdm_form(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const char *end = s + len;
        if (len < 10 || !isdigit((unsigned char)s[0]) || s[1] != '|')
                return false;
        const char *t = s + 2;
        const char *bar = memchr(t, '|', (size_t)(end - t));
        if (!bar || end - bar < 9)
                return false;
        r->time = parse_time(t, bar);
        const char *id = bar + 1;
        for (int i = 0; i < 6; i++)
                if (!isdigit((unsigned char)id[i]))
                        return false;
        if (id[6] != ':')
                return false;
        char key[7];
        memcpy(key, id, 6);
        key[6] = '\0';
        r->platform = PLAT_ASA;
        return lookup_emit(r, MSG_ASA_SYSLOG, key, id + 8 <= end ? id + 8 : end, end, lineno, s,
                           len);
}

bool syslog_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        return asdm_form(r, s, len, lineno) || percent_form(r, s, len, lineno);
}
