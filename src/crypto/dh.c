/* Diffie-Hellman over libcrypto (dh.h). No arithmetic is written here. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "dh.h"

typedef BIGNUM *(*prime_fn)(BIGNUM *);

static const struct {
        unsigned group;
        size_t len;
        prime_fn prime;    /* MODP */
        const char *curve; /* ECP, X25519 */
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

struct dh_key {
        int gi;            /* index in groups[] */
        BIGNUM *p, *x, *y; /* MODP */
        EVP_PKEY *k;       /* ECP, X25519 */
};

static int find(unsigned group)
{
        for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
                if (groups[i].group == group)
                        return (int)i;
        return -1;
}

size_t dh_pub_len(unsigned group)
{
        int i = find(group);
        return i < 0 ? 0 : groups[i].len;
}

unsigned dh_group(const struct dh_key *d)
{
        return groups[d->gi].group;
}

void dh_free(struct dh_key *d)
{
        if (!d)
                return;
        BN_clear_free(d->x);
        BN_free(d->y);
        BN_free(d->p);
        EVP_PKEY_free(d->k);
        free(d);
}

struct dh_key *dh_new(unsigned group)
{
        int i = find(group);
        if (i < 0)
                return NULL;
        struct dh_key *d = calloc(1, sizeof(*d));
        if (!d)
                return NULL;
        d->gi = i;
        if (groups[i].prime) {
                BN_CTX *ctx = BN_CTX_new();
                BIGNUM *g = BN_new();
                d->p = groups[i].prime(NULL);
                d->x = BN_secure_new();
                d->y = BN_new();
                /* a 256-bit exponent at least, the prime's size for the
                 * small groups (RFC 3526 8: 2x the strength) */
                int bits = groups[i].len * 8 < 512 ? (int)groups[i].len * 8 - 2 : 512;
                bool ok = ctx && g && d->p && d->x && d->y && BN_set_word(g, 2) &&
                          BN_priv_rand(d->x, bits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
                          BN_mod_exp(d->y, g, d->x, d->p, ctx);
                BN_free(g);
                BN_CTX_free(ctx);
                if (!ok) {
                        dh_free(d);
                        return NULL;
                }
                return d;
        }
        d->k = !strcmp(groups[i].curve, "X25519")
                   ? EVP_PKEY_Q_keygen(NULL, NULL, "X25519")
                   : EVP_PKEY_Q_keygen(NULL, NULL, "EC", groups[i].curve);
        if (!d->k) {
                dh_free(d);
                return NULL;
        }
        return d;
}

size_t dh_public(const struct dh_key *d, uint8_t *out, size_t cap)
{
        size_t len = groups[d->gi].len;
        if (cap < len)
                return 0;
        if (d->y)
                return BN_bn2binpad(d->y, out, (int)len) == (int)len ? len : 0;
        uint8_t pub[200];
        size_t n = 0;
        if (!EVP_PKEY_get_octet_string_param(d->k, OSSL_PKEY_PARAM_PUB_KEY, pub, sizeof(pub), &n))
                return 0;
        if (!strcmp(groups[d->gi].curve, "X25519") && n == len) {
                memcpy(out, pub, len);
                return len;
        }
        if (n == len + 1 && pub[0] == 0x04) { /* uncompressed point: IKE drops the 04 */
                memcpy(out, pub + 1, len);
                return len;
        }
        return 0;
}

static int modp_shared(const struct dh_key *d, const uint8_t *peer, size_t len, uint8_t *out)
{
        BN_CTX *ctx = BN_CTX_new();
        BIGNUM *y = BN_bin2bn(peer, (int)len, NULL), *pm1 = BN_dup(d->p), *z = BN_secure_new();
        int rc = -1;
        /* RFC 2631 2.1.5: 1 < y < p-1 */
        if (ctx && y && pm1 && z && BN_sub_word(pm1, 1) && BN_cmp(y, BN_value_one()) > 0 &&
            BN_cmp(y, pm1) < 0 && BN_mod_exp(z, y, d->x, d->p, ctx) &&
            BN_bn2binpad(z, out, (int)len) == (int)len)
                rc = 0;
        BN_free(y);
        BN_free(pm1);
        BN_clear_free(z);
        BN_CTX_free(ctx);
        return rc;
}

static int ec_shared(const struct dh_key *d, const uint8_t *peer, size_t len, uint8_t *out,
                     size_t cap, size_t *outlen)
{
        const char *curve = groups[d->gi].curve;
        bool x25519 = !strcmp(curve, "X25519");
        uint8_t pt[200];
        size_t ptlen = 0;
        if (x25519) {
                memcpy(pt, peer, len);
                ptlen = len;
        } else {
                pt[0] = 0x04;
                memcpy(pt + 1, peer, len);
                ptlen = len + 1;
        }
        EVP_PKEY *pk = NULL;
        EVP_PKEY_CTX *pc = EVP_PKEY_CTX_new_from_name(NULL, x25519 ? "X25519" : "EC", NULL);
        OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
        OSSL_PARAM *params = NULL;
        int rc = -1;
        if (!pc || !bld)
                goto out;
        if (!x25519 && !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, curve, 0))
                goto out;
        if (!OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pt, ptlen))
                goto out;
        params = OSSL_PARAM_BLD_to_param(bld);
        if (!params || EVP_PKEY_fromdata_init(pc) <= 0 ||
            EVP_PKEY_fromdata(pc, &pk, EVP_PKEY_PUBLIC_KEY, params) <= 0)
                goto out;
        EVP_PKEY_CTX *dc = EVP_PKEY_CTX_new(d->k, NULL);
        size_t n = cap;
        /* EVP_PKEY_derive_set_peer checks the point is on the curve */
        if (dc && EVP_PKEY_derive_init(dc) > 0 && EVP_PKEY_derive_set_peer(dc, pk) > 0 &&
            EVP_PKEY_derive(dc, NULL, &n) > 0 && n <= cap && EVP_PKEY_derive(dc, out, &n) > 0) {
                *outlen = n;
                rc = 0;
        }
        EVP_PKEY_CTX_free(dc);
out:
        OSSL_PARAM_free(params);
        OSSL_PARAM_BLD_free(bld);
        EVP_PKEY_free(pk);
        EVP_PKEY_CTX_free(pc);
        return rc;
}

int dh_shared(struct dh_key *d, const uint8_t *peer, size_t len, uint8_t *out, size_t cap,
              size_t *outlen)
{
        size_t want = groups[d->gi].len;
        if (len != want)
                return -1;
        if (d->x) {
                if (cap < len || modp_shared(d, peer, len, out))
                        return -1;
                *outlen = len;
                return 0;
        }
        return ec_shared(d, peer, len, out, cap, outlen);
}
