/*
 * IKEv1 key derivation (RFC 2409), the PRF being the HMAC of the
 * negotiated hash (RFC 2409 App. A):
 *   SKEYID   = prf(pre-shared-key, Ni_b | Nr_b)          PSK          (5)
 *            = prf(Ni_b | Nr_b, g^xy)                    signatures
 *   SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
 *   SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
 *   SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
 *   Ka       = SKEYID_e cut to the key, or K1 | K2 | ... with
 *              K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e, Kn-1)    (App. B)
 *   IV, phase 1  = hash(g^xi | g^xr) cut to the block               (App. B)
 *   IV, phase 2  = hash(last phase-1 CBC block | M-ID)              (App. B)
 *   KEYMAT   = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b),
 *              expanded as K1 | K2 ..., Kn = prf(SKEYID_d, Kn-1 | ...)  (5.5)
 */
#ifndef IPSD_CRYPTO_KDF_V1_H
#define IPSD_CRYPTO_KDF_V1_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

int ikev1_skeyid_psk(enum crypto_hash prf, const uint8_t *psk, size_t psklen, struct cspan ni,
                     struct cspan nr, uint8_t *out);
int ikev1_skeyid_sig(enum crypto_hash prf, struct cspan ni, struct cspan nr, struct cspan gxy,
                     uint8_t *out);
/* d, a and e: crypto_hash_len(prf) bytes each. */
int ikev1_skeyid_dae(enum crypto_hash prf, const uint8_t *skeyid, struct cspan gxy,
                     const uint8_t cky_i[8], const uint8_t cky_r[8], uint8_t *d, uint8_t *a,
                     uint8_t *e);
/* Ka of outlen bytes from SKEYID_e (App. B). */
int ikev1_key_expand(enum crypto_hash prf, const uint8_t *skeyid_e, size_t elen, uint8_t *out,
                     size_t outlen);
/* IVs: block bytes (at most the hash's length). */
int ikev1_iv_phase1(enum crypto_hash hash, struct cspan gxi, struct cspan gxr, size_t block,
                    uint8_t *out);
int ikev1_iv_phase2(enum crypto_hash hash, const uint8_t *last_block, size_t block, uint32_t msgid,
                    uint8_t *out);
/* Quick Mode KEYMAT for one SA: protocol (3 ESP), its 4-byte SPI (the
 * receiver's), the QM nonces; gqm empty without PFS. At most 1024 bytes. */
int ikev1_qm_keymat(enum crypto_hash prf, const uint8_t *skeyid_d, size_t dlen, struct cspan gqm,
                    uint8_t protocol, const uint8_t spi[4], struct cspan ni, struct cspan nr,
                    uint8_t *out, size_t outlen);

#endif
