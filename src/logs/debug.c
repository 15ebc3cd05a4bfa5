/*
 * debug crypto isakmp / ipsec output and CLI responses. ASA debug lines
 * ("[IKEv1]: Group = x, IP = y, ...") carry the texts of the 7139xx
 * containers, so they are looked up there; IOS debug lines
 * ("ISAKMP:(1001): ...", "IPSEC(validate_proposal_request): ...") and CLI
 * responses by their own patterns.
 */
#include "logs.h"

#include <string.h>

static void fields(struct log_reader *r, const char *s, size_t len, char peer[LOG_FIELD_MAX])
{
        static const char *const tags[] = {"IP = ", "peer ", "with ", "from ", "remote "};
        peer[0] = '\0';
        logs_field(s, len, "Group = ", r->group);
        logs_field(s, len, "Username = ", r->user);
        for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
                const char *p = logs_find(s, len, tags[i]);
                if (p && logs_ipv4(p + strlen(tags[i]), s + len, peer))
                        return;
        }
}

bool debug_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const struct message *m = NULL;
        if (logs_find(s, len < 24 ? len : 24, "[IKEv")) {
                m = message_scan(MSG_ASA_SYSLOG, "7139", s, len);
                r->platform = PLAT_ASA;
        } else if (logs_find(s, len, "ISAKMP") || logs_find(s, len, "IPSEC(")) {
                m = message_scan(MSG_DEBUG, NULL, s, len);
                r->platform = PLAT_IOS;
        }
        if (!m)
                m = message_scan(MSG_CLI, NULL, s, len);
        if (!m)
                return false;
        char peer[LOG_FIELD_MAX];
        fields(r, s, len, peer);
        logs_emit(r, m, s, len, lineno, peer, 0);
        return true;
}
