/*
 * One piece of evidence, whatever it was read from: a log line, a line of
 * show output, a frame (or a pattern of frames) of a packet capture, a step
 * of a live negotiation. Every source hands the same record to the same
 * path (correlate -> verdict -> findings, src/explain/), so a diagnosis is
 * ranked, confirmed against configs and given its fix in one place.
 *
 * What a record says is the catalog message it matched (catalog/messages.h:
 * a log message, an IKE state, a counter, a capture pattern), with its
 * weighted diagnosis IDs; where it is (file and line, or file and frame),
 * when (time), and about which peer.
 *
 * The readers fill the record on the stack and hand it to a callback; it
 * holds views into the caller's bytes, valid only during the call.
 */
#ifndef IPSD_EVIDENCE_RECORD_H
#define IPSD_EVIDENCE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../catalog/messages.h"
#include "../model/model.h"

/* What kind of input a record comes from (0 is a log line: the log
 * readers' records leave it zero). */
enum ev_source {
        EV_SRC_LOG = 0, /* syslog, debug, VPN client, daemon logs */
        EV_SRC_SHOW,    /* show crypto isakmp|ipsec sa, show asp drop, ... */
        EV_SRC_CAPTURE, /* a pcap / pcapng frame, or a pattern of frames */
        EV_SRC_LIVE,    /* a step of probe / test against a gateway */
};

const char *ev_source_name(enum ev_source s); /* "log", "show", "capture", "live" */

struct ev_record {
        const struct message *msg;
        /* where in its file: the input line (log, show), the frame number
         * (capture: the frame the pattern is seen at), the step (live) */
        uint32_t line;
        const char *text; /* the line as read, or the pattern described (not NUL-terminated) */
        size_t len;
        const char *peer;  /* "" when unknown */
        const char *group; /* "" when unknown */
        const char *user;  /* "" when unknown */
        enum platform platform;
        long long value; /* a counter's value; 0 otherwise */
        int64_t time;    /* seconds from the line's timestamp (any epoch); -1 unknown */
        /* hashed: the correlator's key (the peer, else the group) is
         * key_len bytes and key_hash (util/key_hash.h) is its hash, as the
         * parsing thread found them; false: the correlator works them out */
        bool hashed;
        uint8_t key_len;
        uint32_t key_hash;
        /* Zero for what the log readers emit (they leave these out). */
        enum ev_source source;
        const char *file; /* NULL: the input being read (the sink knows it) */
        int32_t usec;     /* capture: microseconds past time */
};

#endif
