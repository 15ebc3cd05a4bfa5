/* libFuzzer target: probe's reply path (src/probe/reply.c and what probe
 * does with an answer: the chosen transform looked up among the offered
 * candidates, vendor IDs named, notifies named). Byte 0: bit 0 picks the
 * version, bit 1 a request SPI other than the datagram's (a stranger's
 * answer). The rest, copied to an exact-size heap buffer, is the datagram. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "probe/offer.h"
#include "probe/reply.h"
#include "wire/ike.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct v1_cand cand[V1_MAX_CAND];
static size_t ncand, idx[255];
static uint8_t am1[2048]; /* an AM1 of ours, for the psk-crack line */
static size_t am1_len;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        char nb[32];
        if (size < 1)
                return 0;
        if (!ncand) {
                static const uint16_t auth[] = {1, 3};
                ncand = v1_candidates(auth, 2, cand, V1_MAX_CAND);
                for (size_t i = 0; i < 255; i++)
                        idx[i] = i * 3 % (ncand + 5); /* some out of range: v1_find skips them */
                static const uint8_t ke[128] = {1}, ni[20] = {2}, cky[8] = {3};
                size_t off, len;
                am1_len = v1_build_am1(cky, &cand[0].x, 4, ke, sizeof(ke), ni, sizeof(ni), 2,
                                       "probe", 5, am1, sizeof(am1), &off, &len);
        }
        int version = (data[0] & 1) ? 2 : 1;
        size_t n = size - 1;
        uint8_t *buf = malloc(n ? n : 1);
        if (!buf)
                return 0;
        memcpy(buf, data + 1, n);
        uint8_t spi[8] = {0};
        if (n >= 8 && !(data[0] & 2))
                memcpy(spi, buf, 8);
        struct probe_reply r;
        struct wire_err e;
        if (probe_reply_read(buf, n, version, spi, &r, &e) == 0) {
                volatile size_t sink = 0;
                if (r.has_sa && version == 1)
                        sink += (size_t)(v1_find(cand, ncand, idx, 255, &r.v1) + 1);
                for (size_t i = 0; i < r.nvid; i++) {
                        struct ike_vid_info vi;
                        if (ike_vid_lookup(r.vid[i], &vi))
                                sink += strlen(vi.name) + vi.tail.len;
                }
                for (size_t i = 0; i < r.nnotify; i++)
                        sink += strlen(probe_notify_name(version, r.notify[i], nb)) +
                                r.notify_data[i].len;
                sink += probe_reply_error(&r);
                char line[1024]; /* small: the too-long path is exercised too */
                if (am1_len && !probe_psk_crack(am1, am1_len, &r, line, sizeof(line)))
                        sink += strlen(line);
                if (r.has_id)
                        for (size_t i = 0; i < r.id.data.len; i++)
                                sink += r.id.data.p[i];
                (void)sink;
        }
        free(buf);
        return 0;
}
