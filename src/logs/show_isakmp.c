/*
 * show crypto isakmp sa (and ikev1/ikev2 sa): the IOS table
 * (dst src state conn-id [slot] status), the ASA IKEv1 blocks
 * ("1   IKE Peer: x" ... "State   : MM_WAIT_MSG6") and the IKEv2 tables
 * (Tunnel-id Local Remote ... Status). Every state token is looked up in
 * the catalog; the peer is the block's "IKE Peer", the IOS row's dst, or the
 * IKEv2 row's remote address.
 */
#include "logs.h"

#include <ctype.h>
#include <string.h>

static const char *const heads[] = {
    "IPv4 Crypto ISAKMP SA",
    "IPv6 Crypto ISAKMP SA",
    "IPv4 Crypto IKEv2 SA",
    "IPv6 Crypto IKEv2 SA",
    "Tunnel-id Local",
    "IKEv1 SAs:",
    "IKEv2 SAs:",
    "dst             src",
    "There are no IKEv",
};

/* A table's headers, and the '_' of every SA state outside a table (the
 * gate's literals). */
void show_isakmp_literals(message_lit_fn fn, void *ctx)
{
        for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
                fn(ctx, heads[i], strlen(heads[i]));
        fn(ctx, "_", 1);
}

static bool header(const char *s, size_t len)
{
        for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
                if (logs_find(s, len < 64 ? len : 64, heads[i]))
                        return true;
        return false;
}

/* MM_WAIT_MSG_6 (as the seed writes it) -> MM_WAIT_MSG6; case folded. */
static void state_key(const char *t, size_t n, char *out, size_t size)
{
        size_t o = 0;
        for (size_t i = 0; i < n && o + 1 < size; i++) {
                if (t[i] == '_' && i + 1 < n && isdigit((unsigned char)t[i + 1]) && i > 0 &&
                    isalpha((unsigned char)t[i - 1]))
                        continue;
                out[o++] = (char)toupper((unsigned char)t[i]);
        }
        out[o] = '\0';
}

/* Reads every token; addresses are peer candidates, states emit. A row's
 * addresses start afresh after each state (the seed glues rows). */
static bool tokens(struct log_reader *r, const char *s, size_t len, uint32_t lineno, bool inblock)
{
        const char *end = s + len, *p = logs_find(s, len, "IKE Peer:");
        if (p) {
                p += 9;
                while (p < end && *p == ' ')
                        p++;
                if (!logs_ipv4(p, end, r->peer))
                        r->peer[0] = '\0';
        }
        p = s;
        char ips[2][LOG_FIELD_MAX] = {"", ""};
        int nip = 0;
        bool slash_form = false, any = false;
        while (p < end) {
                while (p < end && (*p == ' ' || *p == '\t'))
                        p++;
                const char *t = p;
                while (p < end && *p != ' ' && *p != '\t')
                        p++;
                size_t n = (size_t)(p - t);
                char ip[LOG_FIELD_MAX];
                size_t il = n ? logs_ipv4(t, end, ip) : 0;
                if (il) {
                        slash_form |= t + il < end && t[il] == '/';
                        if (nip < 2 && strcmp(ip, r->peer))
                                memcpy(ips[nip++], ip, LOG_FIELD_MAX);
                        continue;
                }
                if (n < 4 || n > 24 ||
                    !(inblock || t[2] == '_' || t[3] == '_' || (n > 4 && t[4] == '_')))
                        continue;
                char key[32];
                state_key(t, n, key, sizeof(key));
                const struct message *m = message_find(MSG_IKE_STATE, key, NULL);
                if (!m)
                        continue;
                const char *peer = r->peer;
                /* ASA prints IKEv1 SAs as "IKE Peer:" blocks, IOS as rows */
                r->platform = r->peer[0] ? PLAT_ASA : PLAT_UNKNOWN;
                if (nip) {
                        peer = (slash_form && nip == 2) ? ips[1] : ips[0];
                        r->platform = slash_form ? PLAT_UNKNOWN : PLAT_IOS;
                }
                logs_emit(r, m, s, len, lineno, peer, 0);
                any = true;
                nip = 0;
                slash_form = false;
        }
        return any;
}

/* Line starts that continue the block once indentation is lost. */
static const char *const vocabulary[] = {
    "Active SA",
    "Rekey",
    "Total IKE",
    "IKE Peer",
    "Type",
    "Session-id",
    "Tunnel-id",
    "Encr",
    "Life/Active",
    "CE id",
    "Local spi",
    "Remote spi",
    "Local id",
    "Remote id",
    "Local req",
    "Remote req",
    "Fragmentation",
    "Dynamic Route",
    "Cisco Trust",
    "Initiator of",
    "Child sa",
    "ESP spi",
    "IVRF",
    "Status",
    "NAT-T",
    "DPD",
    "Extended",
    "Local:",
    "Remote:",
    "Role",
    "remote selector",
    "local selector",
    "There are",
    "dst",
    "IPv",
    "Pushed",
    "sh" /* the command line itself, output glued on */,
};

static bool continues(const char *s, size_t len)
{
        if (!len || isspace((unsigned char)s[0]) || isdigit((unsigned char)s[0]) || header(s, len))
                return true;
        for (size_t i = 0; i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++) {
                size_t n = strlen(vocabulary[i]);
                if (len >= n && !memcmp(s, vocabulary[i], n))
                        return true;
        }
        return false;
}

bool show_isakmp_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (r->block != BLK_ISAKMP) {
                if (header(s, len)) {
                        r->block = BLK_ISAKMP;
                        r->peer[0] = '\0';
                        return true;
                }
                /* States outside a block: debug lines, glued pastes. */
                return logs_find(s, len, "_") && tokens(r, s, len, lineno, false);
        }
        if (!continues(s, len)) {
                r->block = BLK_NONE; /* something else begins */
                return false;
        }
        tokens(r, s, len, lineno, true);
        return true;
}
