/*
 * The messages an IKEv1 initiator sends (RFC 2409 5 Main Mode with a
 * pre-shared key, 5.5 Quick Mode, 5.7 Informational with its HASH(1);
 * RFC 3947 NAT-T), built with src/wire/build into a caller's buffer.
 * Pure: the caller gives cookies, nonces, KE values and keys; the
 * encrypted ones move the caller's IV (v1_keys.h).
 */
#ifndef IPSD_INITIATOR_V1_MSG_H
#define IPSD_INITIATOR_V1_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../wire/build.h"
#include "v1_keys.h"

/* RFC 3947 5's vendor ID: MD5("RFC 3947"). */
extern const uint8_t v1_vid_rfc3947[16];

/* MM1: SA (one ISAKMP proposal of n transforms), the RFC 3947 VID when
 * natt. Returns the length (0: does not fit); *sa_off / *sa_len say where
 * the SA payload's body is (SAi_b, RFC 2409 5). */
size_t v1m_mm1(const uint8_t ckyi[8], const struct ike_v1_xform *x, size_t n, bool natt,
               uint8_t *buf, size_t cap, size_t *sa_off, size_t *sa_len);
/* MM3: KE, Ni, and when natd_len > 0 the two NAT-D payloads (RFC 3947
 * 3.2: first the hash of the peer's address and port, then ours). */
size_t v1m_mm3(const uint8_t ckyi[8], const uint8_t ckyr[8], const uint8_t *ke, size_t kelen,
               const uint8_t *ni, size_t nilen, const uint8_t *natd_peer, const uint8_t *natd_me,
               size_t natd_len, uint8_t *buf, size_t cap);

/* An IKEv1 identification payload's body (RFC 2407 4.6.2). */
struct v1_id {
        uint8_t type, proto;
        uint16_t port;
        uint8_t data[32];
        size_t len;
};
/* Its body as HASH_I and the QM hashes take it: 4 + len bytes into out. */
size_t v1m_id_body(const struct v1_id *id, uint8_t *out, size_t cap);

/* MM5: ID, HASH_I, encrypted under k with the phase-1 chain (k->iv moves). */
size_t v1m_mm5(struct v1_keys *k, const uint8_t ckyi[8], const uint8_t ckyr[8],
               const struct v1_id *id, const uint8_t *hash_i, uint8_t *buf, size_t cap);

/* One ESP transform of a Quick Mode offer: IPsec DOI numbers (RFC 2407
 * 4.4.4 transform ID, 4.5 attributes). */
struct v1_esp_xf {
        uint16_t esp_id, keylen, auth; /* keylen 0: none sent; auth 0: none (AEAD) */
};
struct v1_qm_offer {
        uint8_t spi[4]; /* our inbound SPI */
        const struct v1_esp_xf *xf;
        size_t n;
        uint16_t group;           /* PFS: Group Description in every transform; 0 none */
        uint32_t life_s, life_kb; /* 0: not sent */
        uint16_t encap;           /* 1 Tunnel, 3 UDP-Encapsulated-Tunnel (RFC 3947 5.1) */
};
/* QM1: HASH(1), SA, Ni, [KE], IDci, IDcr under the phase-2 IV iv (moves).
 * *ni_off gives where the nonce body is in the plaintext (HASH(2) needs
 * Ni_b), which the caller keeps itself. */
size_t v1m_qm1(struct v1_keys *k, uint8_t *iv, const uint8_t ckyi[8], const uint8_t ckyr[8],
               uint32_t msgid, const struct v1_qm_offer *o, const uint8_t *ni, size_t nilen,
               const uint8_t *ke, size_t kelen, const struct v1_id *idci, const struct v1_id *idcr,
               uint8_t *buf, size_t cap);
/* QM3: HASH(3). */
size_t v1m_qm3(struct v1_keys *k, uint8_t *iv, const uint8_t ckyi[8], const uint8_t ckyr[8],
               uint32_t msgid, const uint8_t *ni, size_t nilen, const uint8_t *nr, size_t nrlen,
               uint8_t *buf, size_t cap);
/* An Informational with HASH(1) and one Delete payload (RFC 2408 3.15):
 * protocol 1 (ISAKMP, the SPI being CKY-I | CKY-R) or 3 (ESP, 4 bytes). */
size_t v1m_delete(struct v1_keys *k, const uint8_t ckyi[8], const uint8_t ckyr[8], uint32_t msgid,
                  uint8_t proto, const uint8_t *spi, uint8_t spi_size, uint8_t *buf, size_t cap);

/* NAT-D hash (RFC 3947 3.2): HASH(CKY-I | CKY-R | IP | Port), the
 * negotiated hash; addr 4 or 16 bytes, port in host order. */
int v1_natd(enum crypto_hash h, const uint8_t ckyi[8], const uint8_t ckyr[8], const uint8_t *addr,
            size_t alen, uint16_t port, uint8_t *out);

#endif
