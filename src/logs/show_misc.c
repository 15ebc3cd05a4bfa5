/*
 * The other show outputs: show asp drop ("Desc (name)   count"), show
 * vpn-sessiondb (summary, l2l, detail: the load and the peers),
 * show platform cerm-information (the securityk9 caps), and
 * show running-config all sysopt ("no sysopt connection permit-vpn").
 * The sysopt lines are recognised anywhere: they are unambiguous.
 */
#include "logs.h"

#include <ctype.h>
#include <string.h>

static const struct {
        const char *line;
        const char *key;
} sysopts[] = {
    {"no sysopt connection permit-vpn", "sysopt:no-permit-vpn"},
    {"no sysopt connection permit-ipsec", "sysopt:no-permit-vpn"},
    {"no sysopt connection preserve-vpn-flows", "sysopt:no-preserve-vpn-flows"},
    {"sysopt connection tcpmss 0", "sysopt:tcpmss-off"},
};

static bool emit_key(struct log_reader *r, const char *key, const char *s, size_t len,
                     uint32_t lineno, long long v)
{
        const struct message *m = message_find(MSG_COUNTER, key, NULL);
        /* cerm-information exists on IOS only; asp drop, sysopt and
         * vpn-sessiondb on the ASA only */
        r->platform = strncmp(key, "cerm:", 5) ? PLAT_ASA : PLAT_IOS;
        if (m)
                logs_emit(r, m, s, len, lineno, r->peer, v);
        return m != NULL;
}

static bool sysopt(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        bool any = false;
        for (size_t i = 0; i < sizeof(sysopts) / sizeof(sysopts[0]); i++) {
                const char *p = logs_find(s, len, sysopts[i].line);
                size_t n = strlen(sysopts[i].line);
                /* "tcpmss 0" must not match "tcpmss 0..." of a longer number or "minimum 0" */
                if (p && (p + n == s + len || !isdigit((unsigned char)p[n])))
                        any |= emit_key(r, sysopts[i].key, s, len, lineno, 0);
        }
        return any || (r->block == BLK_SYSOPT && logs_find(s, len, "sysopt"));
}

/* "  Expired VPN context (vpn-context-expired)     12": key from the name
 * in parentheses, the count at the end. */
static bool asp_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        const char *end = s + len;
        const char *open = memchr(s, '(', len);
        const char *close = open ? memchr(open, ')', (size_t)(end - open)) : NULL;
        if (!close || close - open > 48)
                return logs_find(s, len, "drop") != NULL || len == 0;
        char key[64] = "asp:";
        size_t n = (size_t)(close - open - 1);
        memcpy(key + 4, open + 1, n);
        key[4 + n] = '\0';
        const char *p = close + 1;
        while (p < end && (*p == ' ' || *p == '\t'))
                p++;
        long long v = 0;
        if (!logs_u64(p, end, &v))
                return true;
        if (logs_find(s, (size_t)(open - s), "Expired VPN context"))
                memcpy(key, "asp:vpn-context-expired", sizeof("asp:vpn-context-expired"));
        if (v > 0)
                emit_key(r, key, s, len, lineno, v);
        return true;
}

static bool sessiondb(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        char v[LOG_FIELD_MAX];
        if (logs_field(s, len, "Connection   :", v) || logs_field(s, len, "Connection :", v)) {
                char ip[LOG_FIELD_MAX];
                if (logs_ipv4(v, v + strlen(v), ip))
                        memcpy(r->peer, ip, sizeof(ip));
        }
        const char *p = logs_find(s, len, "Device Load");
        if (p) {
                p = memchr(p, ':', (size_t)(s + len - p));
                long long load = 0;
                while (p && p < s + len && !isdigit((unsigned char)*p))
                        p++;
                if (p && logs_u64(p, s + len, &load) && load >= 95)
                        emit_key(r, "sessiondb:load-full", s, len, lineno, load);
        }
        return true;
}

static bool cerm(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (logs_find(s, len, "85000") && logs_find(s, len, "andwidth"))
                emit_key(r, "cerm:securityk9-limit", s, len, lineno, 85000);
        return true;
}

/* What opens each block when a line shows it without the command. */
static const struct {
        const char *lit;
        enum show_block block;
} openers[] = {
    {"Frame drop:", BLK_ASP_DROP},
    {"Flow drop:", BLK_ASP_DROP},
    {"VPN Session Summary", BLK_SESSIONDB},
    {"Session Type:", BLK_SESSIONDB},
    {"CERM", BLK_CERM},
    {"Crypto Export Restrictions", BLK_CERM},
};

static enum show_block detect(const char *s, size_t len)
{
        for (size_t i = 0; i < sizeof(openers) / sizeof(openers[0]); i++)
                if (logs_find(s, len, openers[i].lit))
                        return openers[i].block;
        return BLK_NONE;
}

/* Outside a block a line is read only when it holds one of these. */
void show_misc_literals(message_lit_fn fn, void *ctx)
{
        for (size_t i = 0; i < sizeof(openers) / sizeof(openers[0]); i++)
                fn(ctx, openers[i].lit, strlen(openers[i].lit));
        for (size_t i = 0; i < sizeof(sysopts) / sizeof(sysopts[0]); i++)
                fn(ctx, sysopts[i].line, strlen(sysopts[i].line));
}

bool show_misc_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (sysopt(r, s, len, lineno))
                return true;
        enum show_block b = detect(s, len);
        if (b != BLK_NONE && b != r->block) {
                r->block = b;
                r->peer[0] = '\0';
                return true;
        }
        switch (r->block) {
        case BLK_ASP_DROP:
                return asp_line(r, s, len, lineno);
        case BLK_SESSIONDB:
                return sessiondb(r, s, len, lineno);
        case BLK_CERM:
                return cerm(r, s, len, lineno);
        case BLK_SYSOPT:
                return true;
        default:
                return false;
        }
}
