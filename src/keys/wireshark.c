/*
 * Wireshark's decryption tables, unchanged (its UAT files, one record a
 * line; '#' comments; hex fields bare, strings in double quotes):
 *   ikev1_decryption_table  icookie,Ka                          (2 fields)
 *   ikev2_decryption_table  ispi,rspi,SK_ei,SK_er,"encr",SK_ai,SK_ar,"integ"
 *   esp_sa                  "IPv4","src","dst","0xSPI","encr","0xkey","auth","0xkey"
 * A file may hold lines of all three (the tables concatenated).
 */
#include <string.h>

#include <arpa/inet.h>
#include "keys_int.h"

#define MAX_FIELDS 12

struct field {
        const char *p;
        size_t len;
        bool quoted;
};

static bool is_hex16(const char *p, size_t n)
{
        if (n < 17)
                return false;
        for (size_t i = 0; i < 16; i++)
                if (!strchr("0123456789abcdefABCDEF", p[i]))
                        return false;
        return p[16] == ',';
}

bool ws_detect(const struct kline *l)
{
        static const char *const esp[] = {"\"IPv4\",", "\"IPv6\",", "\"*\",", "\"Any IP\","};
        for (size_t i = 0; i < sizeof(esp) / sizeof(esp[0]); i++)
                if (l->len >= strlen(esp[i]) && !strncmp(l->p, esp[i], strlen(esp[i])))
                        return true;
        return is_hex16(l->p, l->len);
}

/* Splits a record; -1 when a quote is not closed or there are too many. */
static int split(const struct kline *l, struct field *f, size_t *n)
{
        size_t i = 0;
        *n = 0;
        for (;;) {
                if (*n == MAX_FIELDS)
                        return -1;
                struct field *x = &f[(*n)++];
                if (i < l->len && l->p[i] == '"') {
                        const char *q = memchr(l->p + i + 1, '"', l->len - i - 1);
                        if (!q)
                                return -1;
                        x->p = l->p + i + 1;
                        x->len = (size_t)(q - x->p);
                        x->quoted = true;
                        i = (size_t)(q - l->p) + 1;
                        if (i < l->len && l->p[i] != ',')
                                return -1;
                } else {
                        const char *c = memchr(l->p + i, ',', l->len - i);
                        size_t end = c ? (size_t)(c - l->p) : l->len;
                        x->p = l->p + i;
                        x->len = end - i;
                        x->quoted = false;
                        i = end;
                }
                if (i >= l->len)
                        return 0;
                i++; /* the comma */
        }
}

static int bad(struct key_store *ks, struct diag *d, const struct kline *l, const char *what)
{
        diag_set(d, ks->file, l->no, "%s", what);
        return -1;
}

static int ikev1(struct key_store *ks, const struct kline *l, const struct field *f, struct diag *d)
{
        struct key_entry *e = keys_add(ks, KEY_IKEV1, l->no);
        if (!e)
                return bad(ks, d, l, "too many keys (or out of memory)");
        if (!spi8_hex(f[0].p, f[0].len, e->ispi))
                return bad(ks, d, l, "field 1 (initiator cookie) is not 16 hex digits");
        if (!key_hex(f[1].p, f[1].len, &e->ka) || !e->ka.len)
                return bad(ks, d, l, "field 2 (encryption key) is not a hex key");
        e->bound = true;
        return 0;
}

static int ikev2(struct key_store *ks, const struct kline *l, const struct field *f, struct diag *d)
{
        struct key_entry *e = keys_add(ks, KEY_IKEV2, l->no);
        if (!e)
                return bad(ks, d, l, "too many keys (or out of memory)");
        if (!spi8_hex(f[0].p, f[0].len, e->ispi))
                return bad(ks, d, l, "field 1 (initiator SPI) is not 16 hex digits");
        if (!spi8_hex(f[1].p, f[1].len, e->rspi))
                return bad(ks, d, l, "field 2 (responder SPI) is not 16 hex digits");
        static const char *const what[] = {
            "field 3 (SK_ei) is not a hex key", "field 4 (SK_er) is not a hex key",
            "field 6 (SK_ai) is not a hex key", "field 7 (SK_ar) is not a hex key"};
        struct key_bytes *k[] = {&e->sk_ei, &e->sk_er, &e->sk_ai, &e->sk_ar};
        const size_t at[] = {2, 3, 5, 6};
        for (size_t i = 0; i < 4; i++)
                if (!key_hex(f[at[i]].p, f[at[i]].len, k[i]))
                        return bad(ks, d, l, what[i]);
        if (!f[4].quoted || !ws_ikev2_encr(f[4].p, f[4].len, e))
                return bad(ks, d, l, "field 5 is not an encryption algorithm Wireshark names");
        if (!f[7].quoted || !ws_ikev2_integ(f[7].p, f[7].len, e))
                return bad(ks, d, l, "field 8 is not an integrity algorithm Wireshark names");
        e->bound = true;
        return 0;
}

/* An address field of esp_sa: an address of the record's family or "*". */
static bool esp_addr(const struct field *f, int af, bool *any, uint8_t out[16])
{
        char buf[64];
        *any = false;
        if ((f->len == 1 && f->p[0] == '*') || f->len == 0) {
                *any = true;
                return true;
        }
        if (f->len >= sizeof(buf))
                return false;
        memcpy(buf, f->p, f->len);
        buf[f->len] = '\0';
        return inet_pton(af == 4 ? AF_INET : AF_INET6, buf, out) == 1;
}

static int esp(struct key_store *ks, const struct kline *l, const struct field *f, size_t n,
               struct diag *d)
{
        if (n < 8)
                return bad(ks, d, l, "an esp_sa record has 8 fields");
        struct key_entry *e = keys_add(ks, KEY_ESP, l->no);
        if (!e)
                return bad(ks, d, l, "too many keys (or out of memory)");
        if (f[0].len == 4 && !strncmp(f[0].p, "IPv4", 4))
                e->af = 4;
        else if (f[0].len == 4 && !strncmp(f[0].p, "IPv6", 4))
                e->af = 6;
        else
                e->af = 0;
        if (e->af && !esp_addr(&f[1], e->af, &e->any_src, e->src))
                return bad(ks, d, l, "field 2 (source) is not an address of field 1's family");
        if (e->af && !esp_addr(&f[2], e->af, &e->any_dst, e->dst))
                return bad(ks, d, l, "field 3 (destination) is not an address of field 1's family");
        if (!e->af)
                e->any_src = e->any_dst = true;
        struct key_bytes spi;
        if (f[3].len == 1 && f[3].p[0] == '*') {
                e->any_spi = true;
        } else if (!key_hex(f[3].p, f[3].len, &spi) || spi.len != 4) {
                return bad(ks, d, l, "field 4 (SPI) is not 0x and 8 hex digits");
        } else {
                e->spi = (uint32_t)spi.b[0] << 24 | (uint32_t)spi.b[1] << 16 |
                         (uint32_t)spi.b[2] << 8 | spi.b[3];
        }
        if (!ws_esp_encr(f[4].p, f[4].len, e))
                return bad(ks, d, l, "field 5 is not an ESP encryption algorithm Wireshark names");
        if (!key_hex(f[5].p, f[5].len, &e->ek))
                return bad(ks, d, l, "field 6 (encryption key) is not a hex key");
        if (!ws_esp_auth(f[6].p, f[6].len, e))
                return bad(ks, d, l,
                           "field 7 is not an ESP authentication algorithm Wireshark names");
        if (!key_hex(f[7].p, f[7].len, &e->ak))
                return bad(ks, d, l, "field 8 (authentication key) is not a hex key");
        e->bound = true;
        return 0;
}

int ws_parse(struct key_store *ks, const char *text, size_t len, struct diag *d)
{
        struct klines it = {text, text + len, 0};
        struct kline l;
        ks->format = "Wireshark decryption table";
        while (klines_next(&it, &l)) {
                while (l.len && (l.p[0] == ' ' || l.p[0] == '\t'))
                        l.p++, l.len--;
                while (l.len && (l.p[l.len - 1] == ' ' || l.p[l.len - 1] == '\t'))
                        l.len--;
                if (!l.len || l.p[0] == '#')
                        continue;
                struct field f[MAX_FIELDS];
                size_t n;
                if (split(&l, f, &n))
                        return bad(ks, d, &l,
                                   "not a record of a Wireshark decryption table "
                                   "(a quote not closed, or too many fields)");
                int r;
                if (f[0].quoted)
                        r = esp(ks, &l, f, n, d);
                else if (n == 2)
                        r = ikev1(ks, &l, f, d);
                else if (n == 8)
                        r = ikev2(ks, &l, f, d);
                else
                        return bad(ks, d, &l,
                                   "expected 2 fields (ikev1_decryption_table) or 8 "
                                   "(ikev2_decryption_table)");
                if (r)
                        return -1;
        }
        return 0;
}
