/*
 * A Diffie-Hellman public value for a KE payload (IKEv1 Aggressive Mode,
 * IKEv2 IKE_SA_INIT), made with libcrypto. probe never completes the
 * exchange, so the private value is thrown away at once; a real value
 * (not random bytes) is needed because responders check it: a point off
 * the curve is refused (RFC 7296 3.4, RFC 5903 9 / strongSwan's openssl
 * plugin), a MODP value must lie in 2..p-2 (RFC 2631 2.1.5).
 */
#ifndef IPSD_PROBE_KE_H
#define IPSD_PROBE_KE_H

#include <stddef.h>
#include <stdint.h>

/* The length of the group's public value (RFC 7296 3.4: MODP values
 * padded to the prime's length; ECP x||y, RFC 5903 7; Curve25519 32 bytes,
 * RFC 8031 2), or 0 for a group we cannot make. */
size_t probe_ke_len(unsigned group);
/* Writes the public value into out (cap bytes): its length, or 0. */
size_t probe_ke_make(unsigned group, uint8_t *out, size_t cap);
/* Random bytes (nonces, cookies): 0, or -1 when libcrypto cannot. */
int probe_random(uint8_t *out, size_t n);

#endif
