/*
 * `ip xfrm state` output (iproute2's ip-xfrm(8); keys are shown unless
 * `nokeys` is given): one block per SA, "src A dst B" at the start of a
 * line, then indented lines. Read: "proto esp spi 0xN", "enc ALG 0xKEY",
 * "auth ALG 0xKEY", "auth-trunc ALG 0xKEY BITS", "aead ALG 0xKEY ICVBITS".
 * The kernel's keys of rfc3686/rfc4106/rfc4309 carry the salt after the
 * key, as this program's keying material does (crypto/cipher.h). Blocks of
 * AH or IPComp are skipped; other lines are not ours and are skipped.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "../ike/vocab.h"
#include "keys_int.h"

#define MAX_TOK 8

struct tok {
        const char *p;
        size_t len;
};

static size_t tokens(const struct kline *l, struct tok *t)
{
        size_t n = 0, i = 0;
        while (i < l->len && n < MAX_TOK) {
                while (i < l->len && (l->p[i] == ' ' || l->p[i] == '\t'))
                        i++;
                if (i == l->len)
                        break;
                size_t s = i;
                while (i < l->len && l->p[i] != ' ' && l->p[i] != '\t')
                        i++;
                t[n++] = (struct tok){l->p + s, i - s};
        }
        return n;
}

static bool eq(const struct tok *t, const char *lit)
{
        return t->len == strlen(lit) && !strncmp(t->p, lit, t->len);
}

bool xfrm_detect(const struct kline *l)
{
        struct tok t[MAX_TOK];
        if (!l->len || l->p[0] == ' ' || l->p[0] == '\t')
                return false;
        size_t n = tokens(l, t);
        return n >= 4 && eq(&t[0], "src") && eq(&t[2], "dst");
}

static int bad(struct key_store *ks, struct diag *d, const struct kline *l, const char *what)
{
        diag_set(d, ks->file, l->no, "%s", what);
        return -1;
}

static bool addr(const struct tok *t, int *af, uint8_t out[16])
{
        char buf[64];
        if (t->len >= sizeof(buf))
                return false;
        memcpy(buf, t->p, t->len);
        buf[t->len] = '\0';
        if (inet_pton(AF_INET, buf, out) == 1) {
                *af = 4;
                return true;
        }
        if (inet_pton(AF_INET6, buf, out) == 1) {
                *af = 6;
                return true;
        }
        return false;
}

/* Kernel algorithm names (crypto API) to IANA numbers; key length from
 * the key (minus the salt). */
static bool enc_alg(const struct tok *t, struct key_entry *e)
{
        static const struct {
                const char *name;
                unsigned id, salt;
        } v[] = {
            {"cbc(aes)", IKEV2_ENCR_AES_CBC, 0},
            {"cbc(des3_ede)", IKEV2_ENCR_3DES, 0},
            {"ecb(cipher_null)", IKEV2_ENCR_NULL, 0},
            {"rfc3686(ctr(aes))", IKEV2_ENCR_AES_CTR, 4},
        };
        for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
                if (eq(t, v[i].name)) {
                        e->encr_state = KALG_KNOWN, e->encr = v[i].id;
                        return true;
                }
        e->encr_state = KALG_UNSUPPORTED;
        return true;
}

static bool auth_alg(const struct tok *t, unsigned bits, struct key_entry *e)
{
        static const struct {
                const char *name;
                unsigned bits, id;
        } v[] = {
            {"hmac(md5)", 96, IKEV2_INTEG_HMAC_MD5_96},
            {"hmac(sha1)", 96, IKEV2_INTEG_HMAC_SHA1_96},
            {"hmac(sha1)", 160, IKEV2_INTEG_HMAC_SHA1_160},
            {"hmac(md5)", 128, IKEV2_INTEG_HMAC_MD5_128},
            {"hmac(sha256)", 128, IKEV2_INTEG_HMAC_SHA2_256_128},
            {"hmac(sha384)", 192, IKEV2_INTEG_HMAC_SHA2_384_192},
            {"hmac(sha512)", 256, IKEV2_INTEG_HMAC_SHA2_512_256},
        };
        for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
                if (eq(t, v[i].name) && v[i].bits == bits) {
                        e->integ_state = KALG_KNOWN, e->integ = v[i].id;
                        return true;
                }
        e->integ_state = KALG_UNSUPPORTED;
        return true;
}

static bool aead_alg(const struct tok *t, unsigned icv_bits, struct key_entry *e)
{
        unsigned base;
        if (eq(t, "rfc4106(gcm(aes))"))
                base = IKEV2_ENCR_AES_GCM_8;
        else if (eq(t, "rfc4309(ccm(aes))"))
                base = IKEV2_ENCR_AES_CCM_8;
        else {
                e->encr_state = KALG_UNSUPPORTED;
                return true;
        }
        if (icv_bits != 64 && icv_bits != 96 && icv_bits != 128)
                return false;
        e->encr_state = KALG_KNOWN;
        e->encr = base + (icv_bits - 64) / 32;
        e->integ_state = KALG_KNOWN, e->integ = IKEV2_INTEG_NONE;
        return true;
}

static bool number(const struct tok *t, unsigned *v)
{
        char buf[16];
        if (!t->len || t->len >= sizeof(buf))
                return false;
        memcpy(buf, t->p, t->len);
        buf[t->len] = '\0';
        char extra;
        return sscanf(buf, "%u%c", v, &extra) == 1;
}

/* The key length in bits, from the key less the salt of its mode. */
static void key_bits(struct key_entry *e)
{
        unsigned salt = 0;
        if (e->encr == IKEV2_ENCR_AES_CTR ||
            (e->encr >= IKEV2_ENCR_AES_GCM_8 && e->encr <= IKEV2_ENCR_AES_GCM_16))
                salt = 4;
        else if (e->encr >= IKEV2_ENCR_AES_CCM_8 && e->encr <= IKEV2_ENCR_AES_CCM_16)
                salt = 3;
        e->encr_bits = e->ek.len > salt ? (e->ek.len - salt) * 8 : 0;
}

int xfrm_parse(struct key_store *ks, const char *text, size_t len, struct diag *d)
{
        struct klines it = {text, text + len, 0};
        struct kline l;
        struct key_entry cur;
        bool open = false, esp = false;
        ks->format = "ip xfrm state output";
        memset(&cur, 0, sizeof(cur));
        for (bool more = true; more;) {
                more = klines_next(&it, &l);
                struct tok t[MAX_TOK];
                size_t n = more ? tokens(&l, t) : 0;
                bool head = more && xfrm_detect(&l);
                if ((head || !more) && open && esp) {
                        if (cur.encr_state == KALG_KNOWN)
                                key_bits(&cur);
                        struct key_entry *e = keys_add(ks, KEY_ESP, cur.line);
                        if (!e)
                                return bad(ks, d, &l, "too many keys (or out of memory)");
                        *e = cur;
                        e->kind = KEY_ESP;
                        e->file = ks->file;
                        e->bound = true;
                }
                if (!more)
                        break;
                if (head) {
                        memset(&cur, 0, sizeof(cur));
                        open = true, esp = false;
                        cur.line = l.no;
                        int af2 = 0;
                        if (!addr(&t[1], &cur.af, cur.src) || !addr(&t[3], &af2, cur.dst) ||
                            af2 != cur.af)
                                return bad(ks, d, &l,
                                           "src and dst are not two addresses of "
                                           "one family");
                        continue;
                }
                if (!open || !n)
                        continue;
                if (eq(&t[0], "proto") && n >= 4 && eq(&t[2], "spi")) {
                        esp = eq(&t[1], "esp");
                        struct key_bytes spi;
                        if (!key_hex(t[3].p, t[3].len, &spi) || spi.len != 4)
                                return bad(ks, d, &l, "spi is not 0x and 8 hex digits");
                        cur.spi = (uint32_t)spi.b[0] << 24 | (uint32_t)spi.b[1] << 16 |
                                  (uint32_t)spi.b[2] << 8 | spi.b[3];
                } else if (eq(&t[0], "enc") && n >= 3) {
                        if (!enc_alg(&t[1], &cur) || !key_hex(t[2].p, t[2].len, &cur.ek))
                                return bad(ks, d, &l, "enc: the key is not 0x and hex digits");
                } else if ((eq(&t[0], "auth") || eq(&t[0], "auth-trunc")) && n >= 3) {
                        unsigned bits = 96; /* "auth": the kernel's default truncation */
                        if (eq(&t[0], "auth-trunc") && (n < 4 || !number(&t[3], &bits)))
                                return bad(ks, d, &l, "auth-trunc: no truncation length");
                        if (!auth_alg(&t[1], bits, &cur) || !key_hex(t[2].p, t[2].len, &cur.ak))
                                return bad(ks, d, &l, "auth: the key is not 0x and hex digits");
                } else if (eq(&t[0], "aead") && n >= 4) {
                        unsigned icv;
                        if (!number(&t[3], &icv) || !aead_alg(&t[1], icv, &cur))
                                return bad(ks, d, &l, "aead: the ICV length is not 64, 96 or 128");
                        if (!key_hex(t[2].p, t[2].len, &cur.ek))
                                return bad(ks, d, &l, "aead: the key is not 0x and hex digits");
                }
        }
        return 0;
}
