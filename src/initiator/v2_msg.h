/*
 * IKEv2 messages for the initiator (pure: no I/O, no state), RFC 7296:
 *   - the IKE SA's algorithms and keys once IKE_SA_INIT is answered
 *     (SKEYSEED and SK_x, 2.14, through src/crypto/kdf_v2);
 *   - sealing a plain message into an SK payload (3.14; AES-GCM per RFC 5282
 *     5) and opening the responder's: the ICV or tag is checked first;
 *   - reading any answer (v2_reply_read): untrusted bytes, decoded through
 *     src/wire/ and fuzzed (fuzz/fuzz_initiator_reply.c);
 *   - the PSK AUTH value (2.15) and traffic selectors (3.13).
 */
#ifndef IPSD_INITIATOR_V2_MSG_H
#define IPSD_INITIATOR_V2_MSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../crypto/kdf_v2.h"
#include "../model/model.h"
#include "../wire/ike.h"

/* The IKE SA: SPIs, the chosen transforms (wire numbers) and the keys. */
struct v2_sa {
        uint8_t spi_i[8], spi_r[8];
        uint16_t encr, encr_bits, integ, prf_id, group;
        struct cipher_spec cs;
        struct integ_spec is;
        enum crypto_hash prf;
        struct ikev2_sa_keys k;
};
/* Fills sa->cs / is / prf from the wire numbers: false when one is not
 * supported here (the message says which). */
bool v2_sa_algs(struct v2_sa *sa, char *why, size_t n);
/* SKEYSEED and the seven SK_x (RFC 7296 2.14). 0 or -1. */
int v2_sa_derive(struct v2_sa *sa, const uint8_t *gir, size_t glen, const uint8_t *ni, size_t nilen,
                 const uint8_t *nr, size_t nrlen);
void v2_sa_wipe(struct v2_sa *sa);

/*
 * Seals plain/plen (a whole message made with src/wire/build.h: header and
 * payload chain) into out: the same header with SK (46) first, the SK
 * payload carrying the chain, padding and ICV. iv: cs.iv_len random bytes
 * of the caller's. Returns the length, or 0 when it does not fit.
 */
size_t v2_seal(const struct v2_sa *sa, const uint8_t *plain, size_t plen, const uint8_t *iv,
               uint8_t *out, size_t cap);

#define V2R_MAX_NOTIFY 12
#define V2R_MAX_TS     4

struct v2_notify_seen {
        uint16_t type;
        uint8_t proto;
        struct wire_view spi, data;
};

/* What an answer holds; views point into the datagram or the caller's
 * plaintext buffer. */
struct v2_reply {
        uint8_t exchange, flags;
        uint32_t msgid;
        uint8_t rspi[8];
        bool encrypted; /* it had an SK payload (decrypted: the rest is from inside) */
        struct v2_notify_seen n[V2R_MAX_NOTIFY];
        size_t nn;
        /* the chosen proposal: exactly one, one transform per type */
        bool has_sa;
        unsigned sa_proposals, sa_transforms;
        uint8_t sa_proto;
        uint8_t sa_spi[8];
        size_t sa_spi_len;
        uint16_t xf[6]; /* by transform type 1..5 */
        uint16_t xf_keylen;
        bool xf_has[6];
        bool xf_dup; /* two transforms of one type: not a choice */
        bool has_ke, has_nonce, has_idr, has_auth, has_delete;
        uint16_t ke_group;
        struct wire_view ke, nonce, idr_body;
        struct ike_id idr;
        struct ike_auth_pl auth;
        struct ike_ts tsi[V2R_MAX_TS], tsr[V2R_MAX_TS];
        size_t ntsi, ntsr;
};

/*
 * Reads datagram p/len as the answer to our request (exchange, msgid) of
 * the IKE SA whose initiator SPI is ispi. sa: NULL before keys exist (an
 * IKE_SA_INIT answer); else the responder SPI must be sa's and an SK
 * payload is checked (ICV / tag) and decrypted into plain (cap bytes,
 * LIVE_MAX_DGRAM is enough). Returns 0 (r filled), 1 when it is not the
 * answer (another SPI, version, exchange or message ID, or a request), -1
 * when it is but cannot be used (why: malformed, ICV wrong, ...).
 */
int v2_reply_read(const uint8_t *p, size_t len, const uint8_t ispi[8], uint8_t exchange,
                  uint32_t msgid, const struct v2_sa *sa, uint8_t *plain, size_t cap,
                  struct v2_reply *r, char *why, size_t whylen);
/* Index of notify type t in r, or -1. */
int v2_reply_notify(const struct v2_reply *r, uint16_t t);
/* The first error notify (1..16383, RFC 7296 3.10.1), or 0. */
uint16_t v2_reply_error(const struct v2_reply *r);

/*
 * The PSK AUTH value (RFC 7296 2.15):
 *   prf(prf(PSK, "Key Pad for IKEv2"), Message | Nonce | prf(SK_p, ID body))
 * message: the signer's IKE_SA_INIT message as sent; nonce: the other's;
 * sk_p: the signer's SK_pi / SK_pr; idbody: its ID payload's body. out:
 * crypto_hash_len(prf) bytes. 0 or -1.
 */
int v2_psk_auth(enum crypto_hash prf, const uint8_t *psk, size_t psklen, const uint8_t *message,
                size_t mlen, const uint8_t *nonce, size_t nlen, const uint8_t *sk_p, size_t plen,
                const uint8_t *idbody, size_t idlen, uint8_t *out);

/* A flowbox's side as one TS_IPV4_ADDR_RANGE (RFC 7296 3.13.1): src = true
 * for the source half (our TSi), false for the destination (TSr). */
struct ike_wb;
void v2_wb_ts(struct ike_wb *w, uint8_t type, const struct flowbox *f, bool src);
/* A selector as a flowbox half; false for a type that is not IPv4. */
bool v2_ts_box(const struct ike_ts *ts, struct range32 *addr, struct range16 *proto,
               struct range16 *port);

#endif
