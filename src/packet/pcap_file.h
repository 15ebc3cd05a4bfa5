/*
 * Reads a capture file (pcap or pcapng: libpcap tells them apart) frame by
 * frame and hands each one, decoded by frame_decode(), to a callback.
 * libpcap's offline reader bounds a record by the file's snap length, so
 * no input-driven allocation happens here either.
 */
#ifndef IPSD_PACKET_PCAP_FILE_H
#define IPSD_PACKET_PCAP_FILE_H

#include <stdint.h>

#include "../util/diag.h"
#include "frame.h"

struct pcap_frame {
        uint64_t number; /* 1-based, as Wireshark counts */
        int64_t sec;     /* capture time */
        int32_t usec;
        int link;
        const struct frame *f;      /* NULL when the frame could not be decoded */
        const struct wire_err *err; /* why, when f is NULL */
};

/* Return 0 to go on, anything else to stop (pcap_read_file returns it). */
typedef int (*pcap_frame_fn)(void *ctx, const struct pcap_frame *pf);

/* 0 after the last frame (or the callback's non-zero value), -1 with d set
 * ("FILE: ..." in one line) when the file cannot be opened or read. */
int pcap_read_file(const char *path, pcap_frame_fn fn, void *ctx, struct diag *d);

#endif
