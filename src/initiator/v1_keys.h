/*
 * An IKEv1 initiator's keys and its CBC chains (RFC 2409), pure: no I/O.
 * Derivation over src/crypto/kdf_v1 (SKEYID from the pre-shared key, 5;
 * SKEYID_d/a/e; Ka expanded, App. B; the phase-1 IV), the hashes an
 * initiator computes and checks:
 *   HASH_I  = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b)  (5)
 *   HASH_R  = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)  (5)
 *   HASH(1) = prf(SKEYID_a, M-ID | the payloads after HASH)              (5.5, 5.7)
 *   HASH(2) = prf(SKEYID_a, M-ID | Ni_b | the payloads after HASH)       (5.5)
 *   HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b)                      (5.5)
 * and encryption (RFC 2408 3.1 E flag, RFC 2409 App. B): the body after
 * the header is CBC under Ka, zero-padded to the block (the header's
 * length covers the padding; IKEv1 has no pad-length byte); each
 * message's last ciphertext block is the next one's IV, phase 2 (each
 * message ID) starting from hash(last phase-1 block | M-ID).
 *
 * Secrets live here only: nothing in this module prints, and
 * v1_keys_wipe clears them.
 */
#ifndef IPSD_INITIATOR_V1_KEYS_H
#define IPSD_INITIATOR_V1_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../crypto/cipher.h"
#include "../crypto/hash.h"

struct v1_keys {
        enum crypto_hash prf; /* the negotiated hash: HMAC for prf, plain for the IVs */
        struct cipher_spec cs;
        size_t hl; /* crypto_hash_len(prf) */
        uint8_t skeyid[CRYPTO_MAX_MD], d[CRYPTO_MAX_MD], a[CRYPTO_MAX_MD], e[CRYPTO_MAX_MD];
        uint8_t ka[CIPHER_MAX_KEY];
        uint8_t iv[CIPHER_MAX_BLOCK]; /* the phase-1 chain: the next message's IV */
};

/* Everything from the exchange's values. 0, or -1 (an unsupported hash or
 * cipher, or libcrypto failed). */
int v1_keys_derive(struct v1_keys *k, enum crypto_hash prf, const struct cipher_spec *cs,
                   const uint8_t *psk, size_t psklen, struct cspan ni, struct cspan nr,
                   struct cspan gxy, const uint8_t ckyi[8], const uint8_t ckyr[8], struct cspan gxi,
                   struct cspan gxr);
void v1_keys_wipe(struct v1_keys *k);

/* HASH_I (initiator true) or HASH_R, hl bytes. id_b: the ID payload's
 * body (after its generic header), sai_b the initiator's SA body. */
int v1_hash_p1(const struct v1_keys *k, bool initiator, struct cspan gxi, struct cspan gxr,
               const uint8_t ckyi[8], const uint8_t ckyr[8], struct cspan sai_b, struct cspan id_b,
               uint8_t *out);
/* HASH(1) of Quick Mode and of an Informational (ni_b empty), HASH(2)
 * (ni_b the initiator's nonce body): rest is the bytes after the HASH
 * payload up to the end of the chain, without padding. */
int v1_hash_12(const struct v1_keys *k, uint32_t msgid, struct cspan ni_b, struct cspan rest,
               uint8_t *out);
int v1_hash_3(const struct v1_keys *k, uint32_t msgid, struct cspan ni_b, struct cspan nr_b,
              uint8_t *out);

/* The IV of a phase-2 exchange (message ID msgid), from the phase-1
 * chain's IV once phase 1 completed. */
int v1_iv_p2(const struct v1_keys *k, uint32_t msgid, uint8_t *iv);

/* Encrypts the plaintext body (len bytes, padded with zeros to the block
 * here: out must hold len + block) under iv; *olen the ciphertext length;
 * iv becomes the last ciphertext block. 0 or -1. */
int v1_encrypt(const struct v1_keys *k, uint8_t *iv, const uint8_t *in, size_t len, uint8_t *out,
               size_t cap, size_t *olen);
/* Decrypts len bytes (whole blocks) under iv into out; next_iv (block
 * bytes) receives the last ciphertext block, which the caller makes the
 * chain's IV only once the message verified (an unverified message must
 * not move it: strongSwan's keymat_v1 does the same). 0 or -1. */
int v1_decrypt(const struct v1_keys *k, const uint8_t *iv, const uint8_t *in, size_t len,
               uint8_t *out, uint8_t *next_iv);

#endif
