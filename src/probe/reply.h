/*
 * What a responder's answer to a probe says (pure: no I/O, no state): the
 * reply path of `probe`, fed untrusted datagrams, with its own fuzz target
 * (fuzz/fuzz_probe_reply.c). Everything is checked by src/wire/'s decoder
 * first; views point into the caller's datagram.
 */
#ifndef IPSD_PROBE_REPLY_H
#define IPSD_PROBE_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../wire/build.h"
#include "../wire/ike.h"

#define PR_MAX_NOTIFY 8
#define PR_MAX_VID    16

struct probe_reply {
        int version;
        uint8_t exchange, flags;
        uint8_t rspi[8];
        bool encrypted; /* IKEv1 E flag or an IKEv2 SK payload: nothing more in clear */
        /* the chosen proposal, when the answer has an SA with one transform
         * (IKEv1) or one transform per type (IKEv2) */
        bool has_sa;
        struct ike_v1_xform v1;
        uint16_t v2[6], v2_keylen; /* indexed by IKEv2 transform type 1..5 (0 unused) */
        bool v2_has[6];
        /* the SA's count of proposals and transforms: an answer must hold one */
        unsigned sa_proposals, sa_transforms;
        uint16_t notify[PR_MAX_NOTIFY];
        struct wire_view notify_data[PR_MAX_NOTIFY];
        size_t nnotify;
        struct wire_view vid[PR_MAX_VID];
        size_t nvid;
        bool has_ke, has_nonce, has_id, has_hash, has_natd, has_certreq;
        uint16_t ke_group; /* IKEv2 */
        struct wire_view ke, nonce, hash;
        struct wire_view id_body; /* the ID payload's body (psk-crack's IDir_b) */
        struct ike_id id;
};

/*
 * Reads datagram p/len as the answer to a request of version with initiator
 * SPI (cookie) ispi. 0: it is one (r filled); 1: not ours (another SPI,
 * another version, an IKEv2 request); -1: ours but malformed (why in e).
 */
int probe_reply_read(const uint8_t *p, size_t len, int version, const uint8_t ispi[8],
                     struct probe_reply *r, struct wire_err *e);

/* The notify of type t in r, or -1. */
int probe_reply_notify(const struct probe_reply *r, uint16_t t);
/* The notify's registry name, or "notify N" for a number no registry names
 * (a hostile or newer responder), written into buf. Never NULL. */
const char *probe_notify_name(int version, uint16_t type, char buf[32]);
/* The first error notify (IKEv1 1-16383, IKEv2 1-16383), or 0. */
uint16_t probe_reply_error(const struct probe_reply *r);

/*
 * psk-crack's input line (ike-scan --pskcrack): for an Aggressive Mode AM1
 * (ours, am1/am1_len) and the AM2 read from it, every field in hex:
 * g_xr:g_xi:cky_r:cky_i:sai_b:idir_b:ni_b:nr_b:hash_r. 0, or -1 when AM1 or
 * AM2 lacks a field or out (cap bytes) is too small.
 */
int probe_psk_crack(const uint8_t *am1, size_t am1_len, const struct probe_reply *am2, char *out,
                    size_t cap);

#endif
