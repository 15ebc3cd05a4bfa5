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

/* The family literal that occurs first in the line. */
static enum fam family(const char *s, size_t len)
{
        static const struct {
                const char *lit;
                enum fam f;
        } lits[] = {
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
        };
        const char *best = NULL;
        enum fam f = F_NONE;
        for (size_t i = 0; i < sizeof(lits) / sizeof(lits[0]); i++) {
                const char *p = logs_find(s, best ? (size_t)(best - s) : len, lits[i].lit);
                if (p && (!best || p < best)) {
                        best = p;
                        f = lits[i].f;
                }
        }
        return f;
}

static const struct message *legacy(const char *s, size_t len)
{
        return scan(messages_ios, messages_ios_count, "", s, len);
}

static bool emit(struct log_reader *r, const struct message *m, const char *s, size_t len,
                 uint32_t lineno)
{
        if (!m)
                return false;
        char peer[LOG_FIELD_MAX];
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
        switch (family(s, len)) {
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
        return emit(r, m, s, len, lineno);
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
        return emit(r, m, s, len, lineno);
}
