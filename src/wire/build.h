/*
 * The inverse of the decoder: IKE messages written into a caller's buffer
 * (probe and test, the live commands). Every write checks the room left
 * first; a write that does not fit writes nothing and marks the builder
 * failed, so a caller checks once, at ike_wb_finish. Nothing is allocated.
 *
 * The generic payload header's "next payload" field is filled in when the
 * next payload begins (the chain of RFC 2408 3.2 / RFC 7296 3.2), the
 * payload's length when it ends, the header's length at finish.
 */
#ifndef IPSD_WIRE_BUILD_H
#define IPSD_WIRE_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ike_wb {
        uint8_t *p;
        size_t cap, len;
        bool failed;    /* a write did not fit (or a misuse): the message is void */
        size_t next_at; /* offset of the "next payload" byte to fill at the next begin */
};

void ike_wb_init(struct ike_wb *w, uint8_t *buf, size_t cap);
void ike_wb_u8(struct ike_wb *w, uint8_t v);
void ike_wb_u16(struct ike_wb *w, uint16_t v);
void ike_wb_u32(struct ike_wb *w, uint32_t v);
void ike_wb_bytes(struct ike_wb *w, const void *p, size_t n);

/* The 28-byte header (RFC 2408 3.1, RFC 7296 3.1); version 1 or 2. */
void ike_wb_header(struct ike_wb *w, int version, const uint8_t ispi[8], const uint8_t rspi[8],
                   uint8_t exchange, uint8_t flags, uint32_t msgid);
/* A payload of the chain: writes its generic header and returns where it
 * starts, for ike_wb_end. critical: IKEv2's critical bit. */
size_t ike_wb_begin(struct ike_wb *w, uint8_t type, bool critical);
void ike_wb_end(struct ike_wb *w, size_t at);
/* Patches the header's length: 0 and *len, or -1 when a write failed. */
int ike_wb_finish(struct ike_wb *w, size_t *len);

/* Data attributes (RFC 2408 3.3, RFC 7296 3.3.5): TV (AF bit set) and TLV. */
void ike_wb_attr_tv(struct ike_wb *w, uint16_t type, uint16_t value);
void ike_wb_attr_tlv(struct ike_wb *w, uint16_t type, const void *p, uint16_t n);

/* ---- payloads ---------------------------------------------------------- */

/* An IKEv1 phase-1 transform (RFC 2409 Appendix A): 0 leaves an attribute
 * out (keylen for ciphers with a fixed key, life for none). The attributes
 * are written in ike-scan's order: encryption, key length, hash,
 * authentication, group, life type (seconds), life duration (4-byte TLV). */
struct ike_v1_xform {
        uint16_t encr, keylen, hash, auth, group;
        uint32_t life;
};
/* SA (DOI IPsec, SIT_IDENTITY_ONLY) with one ISAKMP proposal of n
 * transforms numbered from 1 (KEY_IKE). n is 1..255. */
void ike_wb_v1_sa(struct ike_wb *w, const struct ike_v1_xform *x, size_t n);

/* IKEv2 transforms (RFC 7296 3.3.2): keylen 0 leaves the attribute out. */
struct ike_v2_xf {
        uint8_t type;
        uint16_t id;
        uint16_t keylen;
};
struct ike_v2_prop {
        uint8_t proto; /* 1 IKE, 3 ESP */
        const struct ike_v2_xf *xf;
        size_t n;
        const uint8_t *spi; /* NULL: no SPI (IKE_SA_INIT); ESP: 4 bytes (RFC 7296 3.3.1) */
        uint8_t spi_size;
};
/* SA with n proposals numbered from 1, each with its SPI if any. */
void ike_wb_v2_sa(struct ike_wb *w, const struct ike_v2_prop *p, size_t n);

/* KE: IKEv2 writes the group and 2 reserved bytes first (RFC 7296 3.4). */
void ike_wb_ke(struct ike_wb *w, int version, uint16_t group, const uint8_t *pub, size_t n);
/* A payload whose body is the bytes: nonce, VID, NAT-D, HASH. */
void ike_wb_raw(struct ike_wb *w, uint8_t type, const void *p, size_t n);
/* Notify (RFC 2408 3.14 with DOI IPsec; RFC 7296 3.10). */
void ike_wb_notify(struct ike_wb *w, int version, uint8_t proto, uint16_t type, const void *spi,
                   uint8_t spi_size, const void *data, size_t n);
/* IKEv1 ID (RFC 2407 4.6.2: in phase 1 the protocol and port are 0/0 or
 * UDP/500; ike-scan and most initiators send 17/500). */
void ike_wb_v1_id(struct ike_wb *w, uint8_t id_type, uint8_t proto, uint16_t port, const void *p,
                  size_t n);

#endif
