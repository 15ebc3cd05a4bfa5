/*
 * debug crypto isakmp / ipsec / ikev2 output (IOS) and debug crypto ikev1 /
 * ikev2 output (ASA), CLI responses, and the detail lines a message prints
 * under itself. A line is tried only in the family whose literal it
 * contains ("ISAKMP", "IPSEC", "IKEv2", the ASA's "[IKEv1" ...), so a line
 * that holds none costs a scan for those few literals. Detail lines
 * (payload dumps, proxies, FSM histories, the rest of a wrapped message)
 * carry no literal: they are tried only right under a recognised line.
 * The entries are data: src/catalog/messages_debug.c (new families) and the
 * debug rows of messages_ios.c (read first, their keys are older).
 */
#include "logs.h"

#include <string.h>

static void fields(struct log_reader *r, const char *s, size_t len, char peer[LOG_FIELD_MAX])
{
        static const char *const tags[] = {"IP = ", "peer ", "with ", "from ", "remote ", "for "};
        peer[0] = '\0';
        logs_field(s, len, "Group = ", r->group);
        logs_field(s, len, "Username = ", r->user);
        for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
                const char *p = logs_find(s, len, tags[i]);
                if (p && logs_ipv4(p + strlen(tags[i]), s + len, peer))
                        return;
        }
}

/* The first entry of table[0..n) of family MSG_DEBUG whose key starts
 * with prefix and whose pattern occurs in s. */
static const struct message *scan(const struct message *table, size_t n, const char *prefix,
                                  const char *s, size_t len)
{
        size_t pl = strlen(prefix);
        for (size_t i = 0; i < n; i++) {
                const struct message *m = &table[i];
                if (m->family == MSG_DEBUG && m->pattern && !strncmp(m->key, prefix, pl) &&
                    logs_find(s, len, m->pattern))
                        return m;
        }
        return NULL;
}

enum fam { F_NONE, F_ISAKMP, F_IPSEC, F_IKEV2, F_ASA, F_PEER };

/* Each family's literals: a line holding none belongs to no family (and
 * costs the gate's scan for them, gate.c). */
static const struct {
        const char *lit;
        enum fam f;
} family_lits[] = {
    {"[IKEv", F_ASA},
    {"IKEv2-PROTO-", F_ASA},
    {"IKEv2-PLAT-", F_ASA},
    {"IKE_DECODE", F_ASA},
    {"ISAKMP", F_ISAKMP},
    {"IPSEC", F_IPSEC},
    {"Crypto mapdb", F_IPSEC},
    {"map_db_", F_IPSEC},
    {"IKEv2", F_IKEV2},
    {"Crypto IPSEC", F_IPSEC},
    /* the peer's daemons: strongSwan charon's thread and group
     * ("09[IKE]"), Libreswan's connection ('"conn" #5:') and states */
    {"charon", F_PEER},
    {"pluto", F_PEER},
    {"[IKE]", F_PEER},
    {"[CFG]", F_PEER},
    {"[NET]", F_PEER},
    {"[ENC]", F_PEER},
    {"[CHD]", F_PEER},
    {"[KNL]", F_PEER},
    {"\" #", F_PEER},
    {"STATE_", F_PEER},
    {"IKE_SA", F_PEER},
    {"pending Phase 2", F_PEER},
    /* pluto's lines about a packet before any connection has it */
    {"packet from ", F_PEER},
};

/* Libreswan pluto names the connection first ('"conn" #5: text', '"conn":
 * text', '"conn"[2] 192.0.2.7 #5: text', after pluto's timestamp or a
 * syslog header ending in ": "): the opening quote, or NULL. Texts:
 * Libreswan 3.x/4.x logs (../shared/corpus/logs 15, 19; tests/peer). */
static const char *pluto_conn(const char *s, size_t len, size_t *name_len)
{
        const char *end = s + len, *q = s;
        for (;;) {
                q = memchr(q, '"', (size_t)(end - q));
                if (!q || q - s > 96)
                        return NULL;
                if (q == s || (q - s >= 2 && q[-1] == ' ' && q[-2] == ':'))
                        break;
                q++;
        }
        const char *c = memchr(q + 1, '"', (size_t)(end - q - 1));
        if (!c || c == q + 1 || end - c < 3)
                return NULL;
        if (c[1] == ':' && c[2] == ' ') {
                /* '"conn": text' starts its text with a word; a JSON member
                 * ('"a": "b"', '"a": 1', '"a": true') is not pluto's */
                const char *t = c + 3;
                size_t n = (size_t)(end - t);
                if (!n || !logs_alpha(*t) ||
                    (n >= 4 && (logs_eq(t, "true", 4) || logs_eq(t, "null", 4))) ||
                    (n >= 5 && logs_eq(t, "false", 5)))
                        return NULL;
        } else if (!((c[1] == ' ' && c[2] == '#') || c[1] == '[')) {
                return NULL;
        }
        *name_len = (size_t)(c - q - 1);
        return q;
}

void debug_literals(message_lit_fn fn, void *ctx)
{
        /* pluto_conn's lines: the closing quote of the name and what follows */
        fn(ctx, "\": ", 3);
        fn(ctx, "\"[", 2);
        for (size_t i = 0; i < sizeof(family_lits) / sizeof(family_lits[0]); i++)
                fn(ctx, family_lits[i].lit, strlen(family_lits[i].lit));
        /* debug_line: the CLI responses, found by their patterns */
        message_each_literal(MSG_CLI, false, fn, ctx);
}

/* The family literal that occurs first in the line; a line in pluto's
 * shape is the peer's whatever words it holds ("ISAKMP SA", "IKEv2"). */
static enum fam family(const char *s, size_t len)
{
        size_t n;
        if (pluto_conn(s, len, &n))
                return F_PEER;
        const char *best = NULL;
        enum fam f = F_NONE;
        for (size_t i = 0; i < sizeof(family_lits) / sizeof(family_lits[0]); i++) {
                const char *p = logs_find(s, best ? (size_t)(best - s) : len, family_lits[i].lit);
                if (p && (!best || p < best)) {
                        best = p;
                        f = family_lits[i].f;
                }
        }
        return f;
}

static const struct message *legacy(const char *s, size_t len)
{
        return scan(messages_ios, messages_ios_count, "", s, len);
}

/* A pluto line's peer: the address after the instance ('"conn"[2]
 * 192.0.2.7 #5:'), or after "from "/"to " ("sent IKE_SA_INIT request to
 * 192.0.2.7:500") or its address identity; else the one this
 * connection's lines named before. False: not a pluto line.
 * What is found is remembered for the connection. */
static bool pluto_peer(struct log_reader *r, const char *s, size_t len, char peer[LOG_FIELD_MAX])
{
        size_t nl;
        const char *q = pluto_conn(s, len, &nl);
        if (!q)
                return false;
        peer[0] = '\0';
        const char *end = s + len, *name = q + 1, *after = name + nl + 1;
        if (after < end && *after == '[') {
                const char *b = memchr(after, ']', (size_t)(end - after));
                if (b && end - b > 2 && b[1] == ' ')
                        logs_ipv4(b + 2, end, peer);
        }
        /* "sending notification X to 192.0.2.7:500", and the peer's
         * identity when it is its address ("Peer ID is ID_IPV4_ADDR:
         * '192.0.2.7'", IKEv1; "... from peer ID_IPV4_ADDR '192.0.2.7'") */
        static const char *const tags[] = {"from ", " to ", "ID_IPV4_ADDR: '", "ID_IPV4_ADDR '"};
        for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]) && !peer[0]; i++) {
                const char *t = logs_find(after, (size_t)(end - after), tags[i]);
                if (t)
                        logs_ipv4(t + strlen(tags[i]), end, peer);
        }
        if (nl >= LOG_PLUTO_CONN)
                return true; /* a name too long to keep */
        unsigned k = 0;
        while (k < LOG_PLUTO_CONNS &&
               !(logs_eq(r->pluto[k].conn, name, nl) && r->pluto[k].conn[nl] == '\0'))
                k++;
        if (peer[0]) {
                if (k == LOG_PLUTO_CONNS) {
                        k = r->pluto_next++ % LOG_PLUTO_CONNS;
                        memcpy(r->pluto[k].conn, name, nl);
                        r->pluto[k].conn[nl] = '\0';
                }
                memcpy(r->pluto[k].peer, peer, LOG_FIELD_MAX);
        } else if (k < LOG_PLUTO_CONNS) {
                memcpy(peer, r->pluto[k].peer, LOG_FIELD_MAX);
        }
        return true;
}

static bool emit(struct log_reader *r, const struct message *m, const char *s, size_t len,
                 uint32_t lineno, bool peer_daemon)
{
        if (!m)
                return false;
        char peer[LOG_FIELD_MAX];
        /* pluto's texts say "for" and "with" of other things than the peer */
        if (!peer_daemon || !pluto_peer(r, s, len, peer))
                fields(r, s, len, peer);
        logs_emit(r, m, s, len, lineno, peer, 0);
        return true;
}

/* Lines of a debug family, tried before the show readers: a debug line
 * names SA states ("(R) MM_KEY_EXCH") that are progress there, not the
 * state of an SA table. */
bool debug_family_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const struct message *m = NULL;
        const struct message *d = messages_debug;
        size_t dn = messages_debug_count;
        enum fam f = family(s, len);
        switch (f) {
        case F_ASA:
                m = message_scan(MSG_ASA_SYSLOG, "7139", s, len);
                if (!m)
                        m = message_scan_asa_body(s, len);
                if (!m)
                        m = scan(d, dn, "asa-", s, len);
                r->platform = PLAT_ASA;
                break;
        case F_ISAKMP:
                if (!(m = legacy(s, len)))
                        m = scan(d, dn, "ios-isakmp-", s, len);
                r->platform = PLAT_IOS;
                break;
        case F_IPSEC:
                if (!(m = legacy(s, len)))
                        m = scan(d, dn, "ios-ipsec-", s, len);
                r->platform = PLAT_IOS;
                break;
        case F_IKEV2:
                m = scan(d, dn, "ios-ikev2-", s, len);
                r->platform = PLAT_IOS;
                break;
        case F_PEER:
                m = scan(d, dn, "peer-", s, len);
                break;
        case F_NONE:
                return false;
        }
        return emit(r, m, s, len, lineno, f == F_PEER);
}

/* The rest, after the show readers: detail lines under a recognised line,
 * and CLI responses. */
bool debug_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const struct message *m = NULL;
        if (r->after_known && family(s, len) == F_NONE)
                m = scan(messages_debug, messages_debug_count, "detail-", s, len);
        if (!m)
                m = message_scan(MSG_CLI, NULL, s, len);
        return emit(r, m, s, len, lineno, false);
}
