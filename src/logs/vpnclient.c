/*
 * Cisco VPN Client logs: numbered entries whose header carries the event
 * code ("1  12:41:51.900  02/18/06  Sev=Warning/3  IKE/0xE3000056") and
 * whose text follows on the same or the next line; the connection's end,
 * "Secure VPN Connection terminated ... Reason 412: ..."; and AnyConnect
 * error lines named in the catalog.
 */
#include "logs.h"

#include <ctype.h>
#include <string.h>

#define TEXT_MAX 1024

static const struct message *client_find(const char *key, const char *s, size_t len)
{
        char text[TEXT_MAX];
        size_t n = len < sizeof(text) - 1 ? len : sizeof(text) - 1;
        memcpy(text, s, n);
        text[n] = '\0';
        return message_find(MSG_VPN_CLIENT, key, text);
}

/* Every "IKE/0x........" event of the line (the seed glues several). */
static bool events(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const char *end = s + len, *p = s;
        bool any = false;
        while ((p = logs_find(p, (size_t)(end - p), "/0x")) != NULL) {
                const char *hex = p + 1;
                size_t n = 2;
                while (hex + n < end && isxdigit((unsigned char)hex[n]) && n < 10)
                        n++;
                if (n != 10) {
                        p += 3;
                        continue;
                }
                char key[11];
                memcpy(key, hex, n);
                key[n] = '\0';
                const char *text = hex + n;
                const char *next = logs_find(text, (size_t)(end - text), "Sev=");
                size_t tl = (size_t)((next ? next : end) - text);
                while (tl && (text[tl - 1] == ' ' || text[tl - 1] == '\t'))
                        tl--;
                const struct message *m = NULL;
                if (tl > 1)
                        m = client_find(key, text, tl);
                else
                        r->client_pending = client_find(key, "", 0);
                if (m) {
                        r->platform = PLAT_UNKNOWN;
                        logs_emit(r, m, s, len, lineno, NULL, 0);
                        any = true;
                }
                p = text;
        }
        return any || (r->client_pending && logs_find(s, len, "Sev="));
}

static bool reason(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const char *p = logs_find(s, len, "Reason ");
        if (!p || !logs_find(s, len, "terminated"))
                return false;
        p += 7;
        const char *end = s + len;
        long long code;
        size_t n = logs_u64(p, end, &code);
        if (n != 3)
                return false;
        char key[4];
        memcpy(key, p, 3);
        key[3] = '\0';
        const struct message *m = message_find(MSG_VPN_CLIENT, key, NULL);
        if (!m)
                return false;
        logs_emit(r, m, s, len, lineno, NULL, 0);
        return true;
}

static bool anyconnect(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (!logs_find(s, len, "AnyConnect") && !logs_find(s, len, "CVAInstaller") &&
            !logs_find(s, len, "vpnagent"))
                return false;
        const struct message *m = message_scan(MSG_ANYCONNECT, NULL, s, len);
        if (m)
                logs_emit(r, m, s, len, lineno, NULL, 0);
        return m != NULL;
}

/* What a client line holds before any of the above reads it (a pending
 * entry's text aside: the gate lets every line through while one is). */
void vpnclient_literals(message_lit_fn fn, void *ctx)
{
        static const char *const lits[] = {"PEER_DELETE", "/0x",          "Reason ",
                                           "AnyConnect",  "CVAInstaller", "vpnagent"};
        for (size_t i = 0; i < sizeof(lits) / sizeof(lits[0]); i++)
                fn(ctx, lits[i], strlen(lits[i]));
}

bool vpnclient_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (r->client_pending && !logs_find(s, len, "Sev=")) {
                /* The text of the entry whose header was the previous line. */
                const struct message *m = client_find(r->client_pending->key, s, len);
                r->client_pending = NULL;
                if (m) {
                        logs_emit(r, m, s, len, lineno, NULL, 0);
                        return true;
                }
        }
        if (logs_find(s, len, "PEER_DELETE")) {
                const struct message *m = message_scan(MSG_VPN_CLIENT, NULL, s, len);
                if (m) {
                        logs_emit(r, m, s, len, lineno, NULL, 0);
                        return true;
                }
        }
        return events(r, s, len, lineno) || reason(r, s, len, lineno) ||
               anyconnect(r, s, len, lineno);
}
