/*
 * Algorithm names in key files, as Wireshark's decryption tables write them
 * (packet-isakmp.c's ikev2 UAT choices, packet-esp.c's esp_sa choices,
 * Wireshark 4.0), to IANA numbers (src/ike/vocab.h). A name Wireshark has
 * but this program cannot decrypt with (Camellia, CAST, Blowfish, DES,
 * AES-XCBC, RIPEMD) is KALG_UNSUPPORTED, not an error.
 */
#include <stdio.h>
#include <string.h>

#include "../ike/vocab.h"
#include "keys_int.h"

/* The name without its " [RFC...]" note. */
static size_t base_len(const char *n, size_t len)
{
        const char *b = memchr(n, '[', len);
        size_t k = b ? (size_t)(b - n) : len;
        while (k && n[k - 1] == ' ')
                k--;
        return k;
}

static bool is(const char *n, size_t len, const char *lit)
{
        return strlen(lit) == len && !strncmp(n, lit, len);
}

static bool starts(const char *n, size_t len, const char *lit)
{
        size_t l = strlen(lit);
        return len >= l && !strncmp(n, lit, l);
}

static bool unsupported(const char *n, size_t len)
{
        static const char *const fam[] = {
            "CAMELLIA",        "CAST",     "BLOWFISH", "DES-",       "DES ",
            "TWOFISH",         "AES_XCBC", "AES-XCBC", "MAC-RIPEMD", "HMAC-SHA-256-96",
            "NULL encryption", "AES-GMAC", "AES-CCM"}; /* ESP's AES-CCM has no key length */
        for (size_t i = 0; i < sizeof(fam) / sizeof(fam[0]); i++)
                if (starts(n, len, fam[i]))
                        return true;
        return is(n, len, "DES");
}

/* "AES-CBC-128", "AES-GCM-256 with 16 octet ICV", "AES-CTR-192" */
static bool aes_mode(const char *n, size_t len, struct key_entry *e)
{
        static const struct {
                const char *mode;
                unsigned id8, id12, id16; /* the ICV variants; id8 alone without */
        } modes[] = {
            {"AES-CBC-", IKEV2_ENCR_AES_CBC, 0, 0},
            {"AES-CTR-", IKEV2_ENCR_AES_CTR, 0, 0},
            {"AES-GCM-", IKEV2_ENCR_AES_GCM_8, IKEV2_ENCR_AES_GCM_12, IKEV2_ENCR_AES_GCM_16},
            {"AES-CCM-", IKEV2_ENCR_AES_CCM_8, IKEV2_ENCR_AES_CCM_12, IKEV2_ENCR_AES_CCM_16},
        };
        for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
                size_t ml = strlen(modes[i].mode);
                if (!starts(n, len, modes[i].mode) || len < ml + 3)
                        continue;
                unsigned bits = 0;
                if (starts(n + ml, len - ml, "128"))
                        bits = 128;
                else if (starts(n + ml, len - ml, "192"))
                        bits = 192;
                else if (starts(n + ml, len - ml, "256"))
                        bits = 256;
                else
                        return false;
                const char *rest = n + ml + 3;
                size_t rl = len - ml - 3;
                unsigned id = modes[i].id8;
                if (modes[i].id12) {
                        if (is(rest, rl, " with 8 octet ICV"))
                                id = modes[i].id8;
                        else if (is(rest, rl, " with 12 octet ICV"))
                                id = modes[i].id12;
                        else if (is(rest, rl, " with 16 octet ICV"))
                                id = modes[i].id16;
                        else
                                return false;
                } else if (rl) {
                        return false;
                }
                e->encr_state = KALG_KNOWN, e->encr = id, e->encr_bits = bits;
                return true;
        }
        return false;
}

bool ws_ikev2_encr(const char *n, size_t len, struct key_entry *e)
{
        len = base_len(n, len);
        if (is(n, len, "3DES")) {
                e->encr_state = KALG_KNOWN, e->encr = IKEV2_ENCR_3DES, e->encr_bits = 192;
                return true;
        }
        if (is(n, len, "NULL")) { /* no encryption: nothing to decrypt with it */
                e->encr_state = KALG_UNSUPPORTED;
                return true;
        }
        if (aes_mode(n, len, e))
                return true;
        if (unsupported(n, len)) {
                e->encr_state = KALG_UNSUPPORTED;
                return true;
        }
        return false;
}

/* "ANY 96-bits of Authentication [No Checking]" / ESP's "ANY 96 bit
 * authentication [no checking]" */
static bool any_bits(const char *n, size_t len, struct key_entry *e)
{
        unsigned bits = 0;
        int used = 0;
        char buf[64];
        if (len >= sizeof(buf) || !starts(n, len, "ANY "))
                return false;
        memcpy(buf, n, len);
        buf[len] = '\0';
        if (sscanf(buf, "ANY %u%n", &bits, &used) != 1 || bits % 8 || bits > 512 || !bits)
                return false;
        e->integ_state = KALG_KNOWN, e->integ = IKEV2_INTEG_NONE;
        e->integ_unchecked = true, e->unchecked_icv = bits / 8;
        return true;
}

bool ws_ikev2_integ(const char *n, size_t len, struct key_entry *e)
{
        static const struct {
                const char *name;
                unsigned id;
        } t[] = {
            {"NONE", IKEV2_INTEG_NONE},
            {"HMAC_MD5_96", IKEV2_INTEG_HMAC_MD5_96},
            {"HMAC_SHA1_96", IKEV2_INTEG_HMAC_SHA1_96},
            {"HMAC_MD5_128", IKEV2_INTEG_HMAC_MD5_128},
            {"HMAC_SHA1_160", IKEV2_INTEG_HMAC_SHA1_160},
            {"HMAC_SHA2_256_128", IKEV2_INTEG_HMAC_SHA2_256_128},
            {"HMAC_SHA2_384_192", IKEV2_INTEG_HMAC_SHA2_384_192},
            {"HMAC_SHA2_512_256", IKEV2_INTEG_HMAC_SHA2_512_256},
        };
        if (any_bits(n, len, e))
                return true;
        len = base_len(n, len);
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (is(n, len, t[i].name)) {
                        e->integ_state = KALG_KNOWN, e->integ = t[i].id;
                        return true;
                }
        if (unsupported(n, len)) {
                e->integ_state = KALG_UNSUPPORTED;
                return true;
        }
        return false;
}

/* ESP names carry no key length: it comes from the key (set by the
 * caller once the key is read; encr_bits 0 here). */
bool ws_esp_encr(const char *n, size_t len, struct key_entry *e)
{
        len = base_len(n, len);
        static const struct {
                const char *name;
                unsigned id;
        } t[] = {
            {"NULL", IKEV2_ENCR_NULL},
            {"TripleDES-CBC", IKEV2_ENCR_3DES},
            {"AES-CBC", IKEV2_ENCR_AES_CBC},
            {"AES-CTR", IKEV2_ENCR_AES_CTR},
            {"AES-GCM with 8 octet ICV", IKEV2_ENCR_AES_GCM_8},
            {"AES-GCM with 12 octet ICV", IKEV2_ENCR_AES_GCM_12},
            {"AES-GCM with 16 octet ICV", IKEV2_ENCR_AES_GCM_16},
        };
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (is(n, len, t[i].name)) {
                        e->encr_state = KALG_KNOWN, e->encr = t[i].id;
                        return true;
                }
        if (unsupported(n, len)) {
                e->encr_state = KALG_UNSUPPORTED;
                return true;
        }
        return false;
}

bool ws_esp_auth(const char *n, size_t len, struct key_entry *e)
{
        static const struct {
                const char *name;
                unsigned id;
        } t[] = {
            {"NULL", IKEV2_INTEG_NONE},
            {"HMAC-SHA-1-96", IKEV2_INTEG_HMAC_SHA1_96},
            {"HMAC-MD5-96", IKEV2_INTEG_HMAC_MD5_96},
            {"HMAC-SHA-256-128", IKEV2_INTEG_HMAC_SHA2_256_128},
            {"HMAC-SHA-384-192", IKEV2_INTEG_HMAC_SHA2_384_192},
            {"HMAC-SHA-512-256", IKEV2_INTEG_HMAC_SHA2_512_256},
        };
        if (any_bits(n, len, e))
                return true;
        len = base_len(n, len);
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (is(n, len, t[i].name)) {
                        e->integ_state = KALG_KNOWN, e->integ = t[i].id;
                        return true;
                }
        if (unsupported(n, len)) {
                e->integ_state = KALG_UNSUPPORTED;
                return true;
        }
        return false;
}
