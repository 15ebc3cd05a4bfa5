/*
 * DH public values with libcrypto (ke.h). MODP: the primes of RFC 2409 6
 * (groups 1, 2) and RFC 3526 (5, 14-18) as libcrypto ships them, generator
 * 2, g^x mod p with a 256-bit random x. ECP (RFC 5903: 19-21) and
 * Curve25519 (RFC 8031: 31) with EVP key generation.
 */
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "ke.h"

typedef BIGNUM *(*prime_fn)(BIGNUM *);

static const struct {
        unsigned group;
        size_t len;
        prime_fn prime;    /* MODP */
        const char *curve; /* ECP */
} groups[] = {
    {1, 96, BN_get_rfc2409_prime_768, NULL},
    {2, 128, BN_get_rfc2409_prime_1024, NULL},
    {5, 192, BN_get_rfc3526_prime_1536, NULL},
    {14, 256, BN_get_rfc3526_prime_2048, NULL},
    {15, 384, BN_get_rfc3526_prime_3072, NULL},
    {16, 512, BN_get_rfc3526_prime_4096, NULL},
    {17, 768, BN_get_rfc3526_prime_6144, NULL},
    {18, 1024, BN_get_rfc3526_prime_8192, NULL},
    {19, 64, NULL, "P-256"},
    {20, 96, NULL, "P-384"},
    {21, 132, NULL, "P-521"},
    {31, 32, NULL, "X25519"},
};

static int find(unsigned group)
{
        for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
                if (groups[i].group == group)
                        return (int)i;
        return -1;
}

size_t probe_ke_len(unsigned group)
{
        int i = find(group);
        return i < 0 ? 0 : groups[i].len;
}

int probe_random(uint8_t *out, size_t n)
{
        return RAND_bytes(out, (int)n) == 1 ? 0 : -1;
}

static size_t modp(prime_fn prime, size_t len, uint8_t *out)
{
        BN_CTX *ctx = BN_CTX_new();
        BIGNUM *p = prime(NULL), *g = BN_new(), *x = BN_new(), *y = BN_new();
        size_t rc = 0;
        if (ctx && p && g && x && y && BN_set_word(g, 2) &&
            BN_priv_rand(x, 256, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
            BN_mod_exp(y, g, x, p, ctx) && BN_bn2binpad(y, out, (int)len) == (int)len)
                rc = len;
        BN_clear_free(x);
        BN_free(y);
        BN_free(g);
        BN_free(p);
        BN_CTX_free(ctx);
        return rc;
}

static size_t ecp(const char *curve, size_t len, uint8_t *out)
{
        EVP_PKEY *k = !strcmp(curve, "X25519") ? EVP_PKEY_Q_keygen(NULL, NULL, "X25519")
                                               : EVP_PKEY_Q_keygen(NULL, NULL, "EC", curve);
        size_t rc = 0;
        if (!k)
                return 0;
        uint8_t pub[160];
        size_t n = 0;
        if (EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, pub, sizeof(pub), &n)) {
                if (!strcmp(curve, "X25519") && n == len) {
                        memcpy(out, pub, len);
                        rc = len;
                } else if (n == len + 1 && pub[0] == 0x04) {
                        /* uncompressed point: IKE carries x || y without the 04 */
                        memcpy(out, pub + 1, len);
                        rc = len;
                }
        }
        EVP_PKEY_free(k);
        return rc;
}

size_t probe_ke_make(unsigned group, uint8_t *out, size_t cap)
{
        int i = find(group);
        if (i < 0 || cap < groups[i].len)
                return 0;
        if (groups[i].prime)
                return modp(groups[i].prime, groups[i].len, out);
        return ecp(groups[i].curve, groups[i].len, out);
}
