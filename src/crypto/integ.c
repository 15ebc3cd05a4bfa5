/* Truncated-HMAC integrity and the PRF hashes by wire number (integ.h). */
#include <openssl/crypto.h>

#include "../ike/vocab.h"
#include "integ.h"

bool integ_from_ikev2(unsigned id, struct integ_spec *s)
{
        switch (id) {
        case IKEV2_INTEG_NONE:
                *s = (struct integ_spec){CH_NONE, 0, 0};
                return true;
        case IKEV2_INTEG_HMAC_MD5_96: /* RFC 2403 */
                *s = (struct integ_spec){CH_MD5, 16, 12};
                return true;
        case IKEV2_INTEG_HMAC_SHA1_96: /* RFC 2404 */
                *s = (struct integ_spec){CH_SHA1, 20, 12};
                return true;
        case IKEV2_INTEG_HMAC_MD5_128: /* RFC 4595 */
                *s = (struct integ_spec){CH_MD5, 16, 16};
                return true;
        case IKEV2_INTEG_HMAC_SHA1_160:
                *s = (struct integ_spec){CH_SHA1, 20, 20};
                return true;
        case IKEV2_INTEG_HMAC_SHA2_256_128: /* RFC 4868 */
                *s = (struct integ_spec){CH_SHA256, 32, 16};
                return true;
        case IKEV2_INTEG_HMAC_SHA2_384_192:
                *s = (struct integ_spec){CH_SHA384, 48, 24};
                return true;
        case IKEV2_INTEG_HMAC_SHA2_512_256:
                *s = (struct integ_spec){CH_SHA512, 64, 32};
                return true;
        }
        *s = (struct integ_spec){CH_NONE, 0, 0};
        return false;
}

bool integ_from_ipsec(unsigned alg, struct integ_spec *s)
{
        switch (alg) {
        case IPSEC_AUTH_HMAC_MD5:
                return integ_from_ikev2(IKEV2_INTEG_HMAC_MD5_96, s);
        case IPSEC_AUTH_HMAC_SHA:
                return integ_from_ikev2(IKEV2_INTEG_HMAC_SHA1_96, s);
        case IPSEC_AUTH_HMAC_SHA2_256:
                return integ_from_ikev2(IKEV2_INTEG_HMAC_SHA2_256_128, s);
        case IPSEC_AUTH_HMAC_SHA2_384:
                return integ_from_ikev2(IKEV2_INTEG_HMAC_SHA2_384_192, s);
        case IPSEC_AUTH_HMAC_SHA2_512:
                return integ_from_ikev2(IKEV2_INTEG_HMAC_SHA2_512_256, s);
        }
        *s = (struct integ_spec){CH_NONE, 0, 0};
        return false;
}

const char *integ_name(const struct integ_spec *s)
{
        switch (s->hash) {
        case CH_MD5:
                return s->icv_len == 12 ? "HMAC-MD5-96" : "HMAC-MD5-128";
        case CH_SHA1:
                return s->icv_len == 12 ? "HMAC-SHA1-96" : "HMAC-SHA1-160";
        case CH_SHA256:
                return "HMAC-SHA2-256-128";
        case CH_SHA384:
                return "HMAC-SHA2-384-192";
        case CH_SHA512:
                return "HMAC-SHA2-512-256";
        case CH_NONE:
                break;
        }
        return "none";
}

int integ_compute(const struct integ_spec *s, const uint8_t *key, const struct cspan *in, size_t n,
                  uint8_t *out)
{
        uint8_t full[CRYPTO_MAX_MD];
        if (s->hash == CH_NONE || s->icv_len > crypto_hash_len(s->hash) ||
            crypto_hmac(s->hash, key, s->key_len, in, n, full))
                return -1;
        for (size_t i = 0; i < s->icv_len; i++)
                out[i] = full[i];
        OPENSSL_cleanse(full, sizeof(full));
        return 0;
}

bool integ_verify(const struct integ_spec *s, const uint8_t *key, const struct cspan *in, size_t n,
                  const uint8_t *icv)
{
        uint8_t got[CRYPTO_MAX_MD];
        if (integ_compute(s, key, in, n, got))
                return false;
        return CRYPTO_memcmp(got, icv, s->icv_len) == 0;
}

enum crypto_hash prf_from_ikev2(unsigned id)
{
        switch (id) {
        case IKEV2_PRF_HMAC_MD5:
                return CH_MD5;
        case IKEV2_PRF_HMAC_SHA1:
                return CH_SHA1;
        case IKEV2_PRF_HMAC_SHA2_256:
                return CH_SHA256;
        case IKEV2_PRF_HMAC_SHA2_384:
                return CH_SHA384;
        case IKEV2_PRF_HMAC_SHA2_512:
                return CH_SHA512;
        }
        return CH_NONE;
}

enum crypto_hash hash_from_ikev1(unsigned id)
{
        switch (id) {
        case IKEV1_HASH_MD5:
                return CH_MD5;
        case IKEV1_HASH_SHA:
                return CH_SHA1;
        case IKEV1_HASH_SHA2_256:
                return CH_SHA256;
        case IKEV1_HASH_SHA2_384:
                return CH_SHA384;
        case IKEV1_HASH_SHA2_512:
                return CH_SHA512;
        }
        return CH_NONE;
}
