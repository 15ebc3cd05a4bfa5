/*
 * Integrity (truncated HMAC, RFC 2404 / RFC 4868 / RFC 4595) and the PRFs
 * IKE derives keys with (RFC 7296 3.3.2, RFC 2409 App. A: IKEv1's PRF is
 * the HMAC of the negotiated hash), as hash.h's HMAC with a key length and
 * an output length.
 */
#ifndef IPSD_CRYPTO_INTEG_H
#define IPSD_CRYPTO_INTEG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct integ_spec {
        enum crypto_hash hash; /* CH_NONE: no integrity (AEAD, or none) */
        size_t key_len;        /* bytes of SK_a / the ESP auth key */
        size_t icv_len;        /* bytes of the truncated output */
};

/* false when the algorithm is not supported (AES-XCBC, GMAC, ...). */
bool integ_from_ikev2(unsigned integ_id, struct integ_spec *s);
/* IPsec DOI Authentication Algorithm attribute (RFC 2407 4.5, RFC 4868). */
bool integ_from_ipsec(unsigned auth_alg, struct integ_spec *s);
const char *integ_name(const struct integ_spec *s); /* "HMAC-SHA2-256-128" */
/* icv_len bytes of HMAC(key, in...). */
int integ_compute(const struct integ_spec *s, const uint8_t *key, const struct cspan *in, size_t n,
                  uint8_t *out);
/* true when icv (icv_len bytes) is the ICV of in..., in constant time. */
bool integ_verify(const struct integ_spec *s, const uint8_t *key, const struct cspan *in, size_t n,
                  const uint8_t *icv);

/* PRF hashes: IKEv2 PRF transform IDs (HMAC ones only) and IKEv1 Hash
 * Algorithm attribute values. CH_NONE when unsupported. */
enum crypto_hash prf_from_ikev2(unsigned prf_id);
enum crypto_hash hash_from_ikev1(unsigned hash_id);

#endif
