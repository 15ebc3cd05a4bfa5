/*
 * The ciphers IKE and ESP use, over OpenSSL libcrypto (no primitive is
 * written here): 3DES-CBC (RFC 2451), AES-CBC (RFC 3602), AES-CTR (RFC 3686,
 * RFC 5930), AES-GCM (RFC 4106, RFC 5282) and AES-CCM (RFC 4309, RFC 5282).
 *
 * Keying material for CTR, GCM and CCM carries a salt after the key (4, 4
 * and 3 bytes: RFC 3686 4, RFC 4106 8.1, RFC 4309 7.1); a cipher_spec says
 * how long each part is, so that callers split keying material without
 * knowing the algorithm. Both directions are here (issue 16's `test`
 * encrypts what `capture` decrypts).
 */
#ifndef IPSD_CRYPTO_CIPHER_H
#define IPSD_CRYPTO_CIPHER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CIPHER_MAX_KEY   32 /* AES-256 */
#define CIPHER_MAX_BLOCK 16

enum crypto_cipher {
        CC_NONE, /* unknown or unsupported */
        CC_NULL, /* ENCR_NULL (RFC 2410): ESP only */
        CC_3DES_CBC,
        CC_AES_CBC,
        CC_AES_CTR,
        CC_AES_GCM,
        CC_AES_CCM,
};

struct cipher_spec {
        enum crypto_cipher alg;
        size_t key_len;  /* the cipher key, bytes */
        size_t salt_len; /* bytes after the key in the keying material */
        size_t iv_len;   /* explicit IV on the wire */
        size_t block;    /* CBC block (padding unit); 1 for the stream modes */
        size_t icv_len;  /* AEAD tag, 0 for the others */
};

/* Keying material length: key_len + salt_len. */
static inline size_t cipher_keymat_len(const struct cipher_spec *s)
{
        return s->key_len + s->salt_len;
}
static inline bool cipher_is_aead(const struct cipher_spec *s)
{
        return s->alg == CC_AES_GCM || s->alg == CC_AES_CCM;
}

/* Specs from the wire. key_bits is the Key Length attribute (0 when the
 * transform had none: only valid for 3DES). false when unsupported. */
bool cipher_from_ikev2(unsigned encr_id, unsigned key_bits, struct cipher_spec *s);
bool cipher_from_ikev1(unsigned encr_id, unsigned key_bits, struct cipher_spec *s);
/* ESP transform IDs of the IPsec DOI (RFC 2407 4.4.4) equal IKEv2's ENCR
 * numbers for the ciphers here (IANA "Transform Type 1"). */
bool cipher_from_esp(unsigned esp_id, unsigned key_bits, struct cipher_spec *s);
const char *cipher_name(const struct cipher_spec *s); /* "AES-CBC-256", static */

/* CBC without padding: len is a multiple of the block. key: key_len bytes,
 * iv: block bytes. out may equal in. 0 or -1. */
int cipher_cbc(const struct cipher_spec *s, const uint8_t *key, const uint8_t *iv,
               const uint8_t *in, size_t len, uint8_t *out, bool encrypt);
/* CTR with the counter block salt(4) | iv(8) | 1 (RFC 3686 4, RFC 5930);
 * keymat is key | salt. The same call encrypts and decrypts. */
int cipher_ctr(const struct cipher_spec *s, const uint8_t *keymat, const uint8_t *iv,
               const uint8_t *in, size_t len, uint8_t *out);
/* GCM / CCM: nonce = salt | iv(8) (RFC 4106 4, RFC 4309 4); keymat is key |
 * salt; tag is icv_len bytes (read when decrypting, written when
 * encrypting). Returns 0, -1 on error, 1 when the tag does not verify. */
int cipher_aead(const struct cipher_spec *s, const uint8_t *keymat, const uint8_t *iv,
                const uint8_t *aad, size_t aadlen, const uint8_t *in, size_t len, uint8_t *tag,
                uint8_t *out, bool encrypt);

#endif
