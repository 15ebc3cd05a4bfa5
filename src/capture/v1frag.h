/*
 * IKEv1 fragmentation put back together: Cisco's (IOS `crypto isakmp
 * fragmentation`, ASA `crypto isakmp fragmentation`) and strongSwan's
 * (fragmentation = yes/force) payload 132. The message is cut into pieces
 * of a fragment payload each (a fragment ID, a number from 1, bit 0x01 of
 * the flags on the last: strongSwan's fragment_payload.c, racoon's
 * isakmp_frag.c); each piece travels as an ISAKMP message of its own. Once
 * the pieces 1..last of one ID from one side are all there, in any order,
 * the whole message (header included, as its sender built it) is filed as
 * if it had come in one datagram, on the frame of the piece that completed
 * it. The pieces stay in the ladder (step FRAG) and in the facts
 * (facts.h: cap_frag_set), so that a piece that never came is named.
 *
 * Bounded: CAP_V1FRAG_MAX pieces of at most 64 KB together per message,
 * one message per side of an SA at a time (a new ID replaces an unfinished
 * one), CAP_V1FRAG_BYTES held in all.
 */
#ifndef IPSD_CAPTURE_V1FRAG_H
#define IPSD_CAPTURE_V1FRAG_H

#include "sessions.h"

#define CAP_V1FRAG_MAX   32
#define CAP_V1FRAG_BYTES ((size_t)8 << 20)

struct v1frag_msg {
        bool used;
        uint16_t id;
        uint8_t last; /* the last piece's number, 0 not seen yet */
        uint32_t seen;
        size_t bytes;
        uint8_t *part[CAP_V1FRAG_MAX];
        uint16_t len[CAP_V1FRAG_MAX];
};

struct v1frag_sa {
        struct v1frag_msg side[2]; /* [0] the initiator's, [1] the responder's */
};

typedef int (*cap_file_fn)(struct cap_set *cs, const struct pcap_frame *pf, uint8_t nfrags,
                           bool whole);

/* The fragment payload fp of message msg of sa (frame pf): kept, and when
 * it completes its message, the message filed through file. 0, -1 out of
 * memory. */
int cap_v1frag_add(struct cap_set *cs, struct cap_sa *sa, size_t msg, const struct ike_payload *fp,
                   const struct pcap_frame *pf, cap_file_fn file);
void cap_v1frag_free(struct cap_set *cs, struct cap_sa *sa);

#endif
