/*
 * What an IKEv1 responder's answer says (pure: no I/O, no state), the
 * reply path of `test`'s IKEv1 initiator, fed untrusted datagrams, with its
 * fuzz target (fuzz/fuzz_initiator_v1.c). The clear part goes through
 * src/wire/'s decoder; an encrypted body is decrypted with the keys and
 * IV given and must then be a well-formed payload chain (IKE_CHAIN_STRICT,
 * under 256 bytes of padding), as capture/decrypt_v1.c judges a key.
 * Views point into the datagram or into the caller's plaintext buffer.
 * Hashes are checked by the caller, who knows the exchange's values.
 */
#ifndef IPSD_INITIATOR_V1_REPLY_H
#define IPSD_INITIATOR_V1_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../wire/build.h"
#include "../wire/ike.h"
#include "v1_keys.h"

#define V1R_MAX_NOTIFY 8
#define V1R_MAX_VID    16
#define V1R_MAX_DELETE 4

struct v1r_notify {
        uint16_t type;
        uint8_t proto;
        struct wire_view spi, data;
};
struct v1r_delete {
        uint8_t proto, spi_size;
        uint16_t nspi;
};

struct v1_reply {
        struct ike_hdr hdr;
        bool encrypted; /* E flag */
        bool decrypted; /* decrypted with the keys given to a well-formed chain */
        uint8_t next_iv[CIPHER_MAX_BLOCK];
        const uint8_t *base; /* the bytes payload offsets refer to */
        size_t chain_end;    /* where the last payload ends in base (padding after) */
        /* the first SA: its proposals and transforms, and the choice */
        bool has_sa;
        unsigned sa_proposals, sa_transforms;
        uint8_t sa_proto; /* 1 ISAKMP, 3 ESP */
        struct ike_v1_xform p1;
        uint8_t spi[4]; /* ESP: the responder's SPI (our outbound) */
        uint16_t esp_id, esp_keylen, esp_auth, esp_group, esp_encap;
        uint32_t esp_life_s, esp_life_kb;
        /* the other payloads */
        struct wire_view ke, nonce, hash;
        bool has_ke, has_nonce, has_hash;
        size_t hash_end;        /* offset in base where the HASH payload ends */
        bool hash_first;        /* HASH is the first payload (RFC 2409 5.5, 5.7) */
        struct wire_view id[2]; /* the ID payloads' bodies, in order */
        size_t nid;
        struct wire_view natd[4];
        size_t nnatd;
        struct wire_view attr; /* the first Mode-Config / XAUTH attribute payload */
        bool has_attr;
        struct wire_view vid[V1R_MAX_VID];
        size_t nvid;
        struct v1r_notify notify[V1R_MAX_NOTIFY];
        size_t nnotify;
        struct v1r_delete del[V1R_MAX_DELETE];
        size_t ndel;
};

/*
 * Reads datagram p/len as an answer in the IKE SA of cookie ckyi. When it
 * is encrypted and k is not NULL, decrypts it with iv into plain (cap
 * bytes, at least len) and reads the plaintext; r->decrypted says whether
 * that gave a well-formed chain (a wrong key does not). Returns 0 (r
 * filled), 1 when it is not ours (another cookie, not IKEv1), -1 when
 * malformed (e says where).
 */
int v1_reply_read(const uint8_t *p, size_t len, const uint8_t ckyi[8], const struct v1_keys *k,
                  const uint8_t *iv, uint8_t *plain, size_t cap, struct v1_reply *r,
                  struct wire_err *e);

/* The first error notify (1-16383, RFC 2408 3.14.1), or 0. */
uint16_t v1_reply_error(const struct v1_reply *r);
/* The notify of this type, or NULL. */
const struct v1r_notify *v1_reply_notify(const struct v1_reply *r, uint16_t type);
/* The bytes after the HASH payload up to the chain's end (HASH(1)/(2)). */
struct cspan v1_reply_after_hash(const struct v1_reply *r);

#endif
