/*
 * show crypto ipsec sa (ASA and IOS): per peer, the encaps/decaps counters
 * (one-way traffic when one side stays at zero) and the failure counters
 * IOS prints (verify, replay, invalid SA, invalid identity, send/recv
 * errors). A peer's block ends at the next peer, the next crypto map tag,
 * or the end of the output.
 */
#include "logs.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const struct {
        const char *label; /* text before the number */
        const char *key;   /* counter key in the catalog */
} failures[] = {
    {"#pkts verify failed:", "ipsec:verify-failed"},
    {"#pkts replay failed (rcv):", "ipsec:replay-failed"},
    {"#pkts invalid sa (rcv)", "ipsec:invalid-sa"},
    {"#pkts no sa (send)", "ipsec:no-sa"},
    {"#pkts invalid identity (recv)", "ipsec:invalid-identity"},
    {"#send errors:", "ipsec:send-errors"},
    {"#recv errors:", "ipsec:recv-errors"},
};

static bool counter(const char *s, size_t len, const char *label, long long *v)
{
        const char *p = logs_find(s, len, label);
        if (!p)
                return false;
        const char *end = s + len;
        p += strlen(label);
        while (p < end && *p == ' ')
                p++;
        return logs_u64(p, end, v) > 0;
}

void show_ipsec_close(struct log_reader *r)
{
        if (r->have_encaps && r->have_decaps) {
                const char *key = NULL;
                if (r->encaps == 0 && r->decaps > 0)
                        key = "ipsec:one-way-decaps";
                else if (r->decaps == 0 && r->encaps > 0)
                        key = "ipsec:one-way-encaps";
                const struct message *m = key ? message_find(MSG_COUNTER, key, NULL) : NULL;
                char text[96];
                int n = snprintf(text, sizeof(text), "#pkts encaps: %lld, #pkts decaps: %lld",
                                 r->encaps, r->decaps);
                if (m && n > 0)
                        logs_emit(r, m, text, (size_t)n, r->encaps_line, r->peer,
                                  r->encaps ? r->encaps : r->decaps);
        }
        r->have_encaps = r->have_decaps = false;
        r->encaps = r->decaps = 0;
}

/* What `show crypto ipsec sa` prints at the start of a line once
 * indentation is lost (parsers' test data strip it): the block goes on. */
static const char *const vocabulary[] = {
    "#",
    "interface:",
    "Crypto map",
    "protected vrf",
    "local ident",
    "remote ident",
    "current_peer",
    "PERMIT",
    "DENY",
    "local crypto",
    "plaintext mtu",
    "path mtu",
    "current outbound",
    "PFS",
    "inbound",
    "outbound",
    "spi:",
    "transform:",
    "in use",
    "conn id",
    "sa timing",
    "IV size",
    "replay",
    "Status:",
    "access-list",
    "peer address",
    "ah sas",
    "esp sas",
    "pcp sas",
    "Kilobyte",
    "Anti",
    "sh" /* the command line itself, output glued on */,
    "dh group",
    "slot",
    "sibling",
    "SA State",
    "remaining",
};

static bool in_vocabulary(const char *s, size_t len)
{
        for (size_t i = 0; i < sizeof(vocabulary) / sizeof(vocabulary[0]); i++) {
                size_t n = strlen(vocabulary[i]);
                if (len >= n && !memcmp(s, vocabulary[i], n))
                        return true;
        }
        return false;
}

/* Lines only a `show crypto ipsec sa` block prints, pasted without the
 * "interface:" / "Crypto map tag:" lines above them: they open the block
 * themselves (counters, identities and SPIs mean the same wherever they
 * are pasted). Leading blanks are skipped. */
static const char *const bare_starts[] = {
    "#pkts encaps:",
    "#pkts decaps:",
    "local ident (addr/mask/prot/port):",
    "remote ident (addr/mask/prot/port):",
    "current outbound spi:",
    "current_peer ",
    "current_peer: ",
};

static bool bare_start(const char *s, size_t len)
{
        size_t i = 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
        if (i == len || (s[i] != '#' && s[i] != 'l' && s[i] != 'r' && s[i] != 'c'))
                return false; /* the first byte rules out nearly every line */
        for (size_t k = 0; k < sizeof(bare_starts) / sizeof(bare_starts[0]); k++) {
                size_t n = strlen(bare_starts[k]);
                if (len - i >= n && !memcmp(s + i, bare_starts[k], n))
                        return true;
        }
        return false;
}

/* The lines that open a block outside one, as literals for the gate. */
void show_ipsec_literals(message_lit_fn fn, void *ctx)
{
        fn(ctx, "interface: ", 11);
        fn(ctx, "Crypto map tag:", 15);
        for (size_t k = 0; k < sizeof(bare_starts) / sizeof(bare_starts[0]); k++)
                fn(ctx, bare_starts[k], strlen(bare_starts[k]));
}

static bool header(const char *s, size_t len)
{
        return (len > 10 && !memcmp(s, "interface: ", 11)) ||
               logs_find(s, len, "Crypto map tag:") || bare_start(s, len);
}

static void new_peer(struct log_reader *r, const char *s, size_t len)
{
        static const char *const tags[] = {"current_peer: ", "current_peer ", "peer address: "};
        for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
                const char *p = logs_find(s, len, tags[i]);
                char ip[LOG_FIELD_MAX];
                if (p && logs_ipv4(p + strlen(tags[i]), s + len, ip)) {
                        if (strcmp(ip, r->peer))
                                show_ipsec_close(r);
                        memcpy(r->peer, ip, sizeof(ip));
                        return;
                }
        }
}

static void counters(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        long long v;
        if (counter(s, len, "#pkts encaps:", &v)) {
                r->encaps = v;
                r->have_encaps = true;
                r->encaps_line = lineno;
        }
        if (counter(s, len, "#pkts decaps:", &v)) {
                r->decaps = v;
                r->have_decaps = true;
        }
        /* "current outbound spi: 0x0(0)": no outbound SA to this peer */
        const char *o = logs_find(s, len, "current outbound spi: 0x0(0)");
        if (o) {
                const struct message *m =
                    message_find(MSG_COUNTER, "ipsec:outbound-spi-zero", NULL);
                if (m)
                        logs_emit(r, m, s, len, lineno, r->peer, 0);
        }
        for (size_t i = 0; i < sizeof(failures) / sizeof(failures[0]); i++)
                if (counter(s, len, failures[i].label, &v) && v > 0) {
                        const struct message *m = message_find(MSG_COUNTER, failures[i].key, NULL);
                        if (m)
                                logs_emit(r, m, s, len, lineno, r->peer, v);
                }
}

bool show_ipsec_line(struct log_reader *r, const char *s, size_t len, uint32_t lineno)
{
        if (r->block != BLK_IPSEC) {
                if (!header(s, len))
                        return false;
                r->block = BLK_IPSEC;
                r->peer[0] = '\0';
        } else if (len && !isspace((unsigned char)s[0]) && !in_vocabulary(s, len)) {
                show_ipsec_close(r);
                r->block = BLK_NONE;
                return false;
        }
        if (logs_find(s, len, "Crypto map tag:"))
                show_ipsec_close(r);
        new_peer(r, s, len);
        /* The seed glues a whole output onto one line: split at each peer. */
        const char *p = s, *end = s + len;
        const char *next;
        while (p + 1 < end &&
               (next = logs_find(p + 1, (size_t)(end - p - 1), "current_peer")) != NULL) {
                counters(r, p, (size_t)(next - p), lineno);
                new_peer(r, next, (size_t)(end - next));
                p = next;
        }
        counters(r, p, (size_t)(end - p), lineno);
        return true;
}
