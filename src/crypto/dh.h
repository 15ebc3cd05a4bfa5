/*
 * Diffie-Hellman for `test` (issue 16), over libcrypto: a key pair of one
 * IKE group, its public value as the KE payload carries it, and the shared
 * secret g^xy as the key derivations take it.
 *   MODP (RFC 2409 6: 1, 2; RFC 3526: 5, 14-18): public and shared values
 *     are padded with zeros to the prime's length (RFC 7296 3.4, RFC 2409 5).
 *   ECP (RFC 5903: 19-21): the public value is x | y without the 04 octet
 *     (RFC 5903 7); the shared secret is the x coordinate only (RFC 5903 9).
 *   Curve25519 (RFC 8031: 31): 32 bytes each way.
 * The private value never leaves the struct; dh_free wipes it.
 */
#ifndef IPSD_CRYPTO_DH_H
#define IPSD_CRYPTO_DH_H

#include <stddef.h>
#include <stdint.h>

#define DH_MAX_LEN 1024 /* group 18's 8192-bit prime */

struct dh_key;

/* A fresh key pair of group, or NULL (a group we cannot do, or libcrypto). */
struct dh_key *dh_new(unsigned group);
unsigned dh_group(const struct dh_key *k);
/* The public value's length for group (0: unsupported). */
size_t dh_pub_len(unsigned group);
/* Writes the public value: its length, or 0 when cap is too small. */
size_t dh_public(const struct dh_key *k, uint8_t *out, size_t cap);
/* The shared secret with the peer's public value peer/len (as the KE
 * payload carries it) into out, *outlen bytes: 0, or -1 when the value is
 * invalid (wrong length, a point off the curve, 0/1/p-1) or cap is too
 * small. */
int dh_shared(struct dh_key *k, const uint8_t *peer, size_t len, uint8_t *out, size_t cap,
              size_t *outlen);
void dh_free(struct dh_key *k);

#endif
