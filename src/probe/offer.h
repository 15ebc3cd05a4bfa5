/*
 * What probe offers (data) and the requests it builds from it. The
 * candidate lists are the broad modern proposal of issue 16 plus the legacy
 * values, strongest first; each list names its registry's numbers
 * (src/ike/vocab.h). Building is pure: the caller gives the random bytes.
 */
#ifndef IPSD_PROBE_OFFER_H
#define IPSD_PROBE_OFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../wire/build.h"

/* ---- IKEv1 phase 1 ------------------------------------------------------ */

#define V1_MAX_CAND 1024

struct v1_cand {
        struct ike_v1_xform x;
        enum { V1_OPEN, V1_ACCEPTED, V1_REFUSED } state;
};

/* The candidates: every (cipher, hash, group) of the tables for each of
 * the auth methods given (IKEv1 class 3 numbers). Returns how many. */
size_t v1_candidates(const uint16_t *auth, size_t nauth, struct v1_cand *c, size_t cap);

/* The VIDs an MM1/AM1 carries, so the responder shows what it supports
 * (NAT-T: RFC 3947 and draft 02; DPD: RFC 3706; IKE fragmentation). */
struct probe_vid {
        const char *what;
        const uint8_t *p;
        size_t len;
};
extern const struct probe_vid probe_vids[];
extern const size_t probe_nvids;

/* Builds an MM1 offering open candidates from index *from on, as many as
 * fit in max_len bytes (ike message); idx[] receives the indices offered.
 * Returns the message length (0 when not even one fits or none is open). */
size_t v1_build_mm1(const uint8_t cky[8], struct v1_cand *c, size_t nc, size_t from, size_t max_len,
                    uint8_t *buf, size_t cap, size_t *idx, size_t *nidx);
/* The candidate equal to x (cipher, key length, hash, auth, group; the
 * lifetime is not compared: a responder may answer with its own), or -1. */
int v1_find(const struct v1_cand *c, size_t nc, const size_t *idx, size_t nidx,
            const struct ike_v1_xform *x);

/* AM1: SA of the given transforms (one group, that of the KE), KE, nonce,
 * ID. Returns the length and, in sa_body, where the SA payload's body is
 * (psk-crack needs it). 0 when it does not fit. */
size_t v1_build_am1(const uint8_t cky[8], const struct ike_v1_xform *x, size_t nx,
                    const uint8_t *ke, size_t kelen, const uint8_t *nonce, size_t nlen,
                    uint8_t id_type, const void *id, size_t idlen, uint8_t *buf, size_t cap,
                    size_t *sa_off, size_t *sa_len);

/* ---- IKEv2 IKE_SA_INIT ------------------------------------------------- */

/* One transform value and whether it is still offered. */
struct v2_val {
        uint16_t id, keylen;
        bool aead; /* ENCR: a combined mode (no INTEG in its proposal) */
        bool off;  /* removed from the offer */
};
struct v2_offer {
        struct v2_val v[6][24]; /* per transform type 1..4 */
        size_t n[6];
        bool no_aead, no_plain; /* leave a whole proposal out */
};
void v2_offer_default(struct v2_offer *o);
bool v2_offer_has(const struct v2_offer *o, int type, uint16_t id, uint16_t keylen);
/* Marks the value off: false when it was not offered. */
bool v2_offer_remove(struct v2_offer *o, int type, uint16_t id, uint16_t keylen);

struct v2_init_extra {
        const uint8_t *cookie; /* N(COOKIE) data to echo first, or NULL */
        size_t cookie_len;
        const uint8_t *natd_src, *natd_dst; /* 20-byte SHA-1 hashes, or NULL */
};
/* IKE_SA_INIT: SA (an AEAD proposal and a plain one, each when it has
 * values of every type it needs), KE (group, pub), Ni, the NAT-D notifies,
 * IKEV2_FRAGMENTATION_SUPPORTED. 0 when it cannot be built. */
size_t v2_build_init(const uint8_t spi[8], const struct v2_offer *o, uint16_t group,
                     const uint8_t *pub, size_t publen, const uint8_t *nonce, size_t nlen,
                     const struct v2_init_extra *x, uint8_t *buf, size_t cap);

#endif
