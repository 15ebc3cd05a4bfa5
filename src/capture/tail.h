/*
 * The tail of each IKE SA: its last CAP_TAIL_MSGS messages past the first
 * CAP_HEAD_MSGS (sessions.h), kept as bytes, decoded once the capture has
 * ended. A long capture files millions of these (DPD every few seconds for
 * hours) and keeps sixteen per SA, so filing one must cost next to nothing:
 * each message is appended to one log, a ring of CAP_TAIL_LOG bytes
 * written in order (sequential stores, which the caches stream, where one
 * ring per SA cost a cache miss per message: perf, the IKE-only benchmark),
 * and the SA's slot for it (a dense array: 64 bytes per SA) says where it
 * is. When the log comes round to an entry still among its SA's last
 * sixteen (an SA that went quiet), the entry is first copied out, within
 * CAP_TAIL_BYTES in all; past that bound it is counted as dropped.
 */
#ifndef IPSD_CAPTURE_TAIL_H
#define IPSD_CAPTURE_TAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CAP_TAIL_LOG ((size_t)8 << 20)

struct cap_tail_log {
        uint8_t *b;     /* CAP_TAIL_LOG bytes, allocated on the first message */
        size_t head;    /* where the next entry goes */
        size_t reclaim; /* the oldest entry of the last lap not yet looked at */
        size_t lap_end; /* where the last lap's entries end */
        bool lapped;    /* the log has come round at least once */
        uint32_t *slot; /* CAP_MAX_SAS * CAP_TAIL_MSGS: offset + 1, 0 none, or ~0u copied out */
        struct tail_ent **copied; /* the copies of the ~0u slots */
        size_t copied_bytes;      /* within CAP_TAIL_BYTES */
};

/* One message of a tail, as filed. */
struct cap_tail_msg {
        uint64_t frame;
        int64_t sec;
        int32_t usec;
        uint32_t len;
        uint16_t sport, dport;
        bool ini;
        uint8_t nfrags;
        const uint8_t *bytes;
};

struct cap_set;
struct cap_sa;
struct pcap_frame;

/* Files message bytes[0..len) of SA sa_index as its next tail message.
 * 0, or -1 when memory runs out. */
int cap_tail_add(struct cap_set *cs, size_t sa_index, const struct pcap_frame *pf,
                 const uint8_t *bytes, uint32_t len, bool ini, uint8_t nfrags);
/* The SA's tail, oldest first, into out (valid until cap_tail_free); how
 * many. A message whose copy did not fit CAP_TAIL_BYTES is left out (it is
 * counted in the SA's msgs_dropped). */
size_t cap_tail_get(const struct cap_set *cs, size_t sa_index, struct cap_tail_msg *out);
void cap_tail_free(struct cap_tail_log *t);

#endif
