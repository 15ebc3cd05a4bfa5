/*
 * Hashes and HMAC over OpenSSL libcrypto (no primitive is written here):
 * the hashes IKE negotiates as its PRF / integrity base (RFC 2409 App. A
 * hash algorithms, RFC 7296 3.3.2 PRFs and integrity transforms). Inputs
 * are lists of spans so that a PRF over "Ni | Nr | SPIi | SPIr" needs no
 * concatenation buffer.
 */
#ifndef IPSD_CRYPTO_HASH_H
#define IPSD_CRYPTO_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_MAX_MD 64 /* SHA-512 */

enum crypto_hash { CH_NONE, CH_MD5, CH_SHA1, CH_SHA256, CH_SHA384, CH_SHA512 };

struct cspan {
        const uint8_t *p;
        size_t len;
};

/* Output size in bytes (0 for CH_NONE). */
size_t crypto_hash_len(enum crypto_hash h);
const char *crypto_hash_name(enum crypto_hash h);
/* out = H(in[0] | in[1] | ...); 0 or -1. */
int crypto_hash(enum crypto_hash h, const struct cspan *in, size_t n, uint8_t *out);
/* out = HMAC-H(key, in[0] | ...) (RFC 2104), crypto_hash_len(h) bytes. */
int crypto_hmac(enum crypto_hash h, const uint8_t *key, size_t klen, const struct cspan *in,
                size_t n, uint8_t *out);

#endif
