/*
 * IKEv2 key derivation (RFC 7296 2.13, 2.14, 2.17), HMAC PRFs only:
 *   prf+(K, S)    = T1 | T2 | ...,  T1 = prf(K, S | 0x01),
 *                   Tn = prf(K, Tn-1 | S | n)                        (2.13)
 *   SKEYSEED      = prf(Ni | Nr, g^ir)                               (2.14)
 *   SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr
 *                 = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr)            (2.14)
 *   KEYMAT        = prf+(SK_d, [g^ir (new) |] Ni | Nr)               (2.17)
 * with SK_e* and child encryption keys carrying their salt (RFC 5282 7.1).
 */
#ifndef IPSD_CRYPTO_KDF_V2_H
#define IPSD_CRYPTO_KDF_V2_H

#include <stddef.h>
#include <stdint.h>

#include "cipher.h"
#include "hash.h"
#include "integ.h"

/* prf+ can make at most 255 blocks (RFC 7296 2.13). -1 past that. */
int ikev2_prf_plus(enum crypto_hash prf, const uint8_t *key, size_t klen, const struct cspan *seed,
                   size_t nseed, uint8_t *out, size_t outlen);

/* SKEYSEED: crypto_hash_len(prf) bytes. */
int ikev2_skeyseed(enum crypto_hash prf, struct cspan ni, struct cspan nr, struct cspan gir,
                   uint8_t *out);

#define IKEV2_MAX_SK 64 /* the largest SK_x: SHA2-512 SK_a / SK_p */

struct ikev2_sa_keys {
        size_t d_len, a_len, e_len, p_len;
        uint8_t d[IKEV2_MAX_SK], ai[IKEV2_MAX_SK], ar[IKEV2_MAX_SK];
        uint8_t ei[IKEV2_MAX_SK], er[IKEV2_MAX_SK], pi[IKEV2_MAX_SK], pr[IKEV2_MAX_SK];
};
/* The seven SK_x of an IKE SA (integ may have hash CH_NONE, for AEAD). */
int ikev2_sa_keys(enum crypto_hash prf, const uint8_t *skeyseed, struct cspan ni, struct cspan nr,
                  const uint8_t spii[8], const uint8_t spir[8], const struct cipher_spec *encr,
                  const struct integ_spec *integ, struct ikev2_sa_keys *k);

struct child_keys {
        size_t e_len, a_len; /* keymat of the cipher (with salt), integrity key */
        uint8_t ei[IKEV2_MAX_SK], ai[IKEV2_MAX_SK], er[IKEV2_MAX_SK], ar[IKEV2_MAX_SK];
};
/* A child SA's keys, initiator-to-responder first (2.17); gir may be
 * empty (no PFS). */
int ikev2_child_keys(enum crypto_hash prf, const uint8_t *sk_d, size_t dlen, struct cspan gir,
                     struct cspan ni, struct cspan nr, const struct cipher_spec *encr,
                     const struct integ_spec *integ, struct child_keys *k);

#endif
