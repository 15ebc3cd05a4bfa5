/* libFuzzer target: the capture analysis (capture/sessions.c, ladder.c) on
 * a sequence of frames. The input is frames of raw IP, each a 2-byte length
 * and its bytes (each copied to an exact-size heap buffer); they are filed,
 * their steps named and the exchanges rebuilt into tunnel results, which
 * must each have a status and a step per kept message at most, and the
 * patterns they prove diagnosed (capture/diagnose.c: only IDs found from
 * captures, located at a frame); their facts
 * (capture/facts.c: offers, notifies, NAT-D) are written as JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "capture/diagnose.h"
#include "capture/facts_json.h"
#include "capture/ladder.h"
#include "capture/sessions.h"
#include "findings/tunnel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct cap_set cs;
        cap_set_init(&cs);
        uint64_t n = 0;
        size_t off = 0;
        while (off + 2 <= size) {
                size_t len = (size_t)data[off] << 8 | data[off + 1];
                off += 2;
                if (len > size - off)
                        len = size - off;
                uint8_t *buf = malloc(len ? len : 1);
                if (!buf)
                        break;
                memcpy(buf, data + off, len);
                off += len;
                struct frame f;
                struct wire_err e;
                n++;
                struct pcap_frame pf = {n, (int64_t)n, 0, LINK_RAW, NULL, &e};
                if (frame_decode(LINK_RAW, buf, len, len, &f, &e) == 0) {
                        pf.f = &f;
                        pf.err = NULL;
                }
                if (cap_add_frame(&cs, &pf) < 0)
                        abort();
                free(buf);
        }
        cap_name_steps(&cs);
        struct findings fs;
        findings_init(&fs);
        struct cap_evs evs = {0};
        if (cap_collect(&cs, "fuzz", &fs, &evs) < 0 || cap_diagnose(&evs, NULL, 0, &fs) < 0)
                abort();
        cap_evs_free(&evs);
        for (size_t i = 0; i < fs.list.n; i++) { /* only IDs a capture can prove */
                const struct finding *f = fs.list.v[i];
                if (!(f->diag->found_from & FROM_CAPTURE) || f->line == 0)
                        abort();
        }
        for (size_t i = 0; i < fs.tunnels.n; i++) {
                const struct tunnel_result *t = fs.tunnels.v[i];
                if (!tunnel_status_name(t->status) || t->nsteps > CAP_MAX_MSGS + 2)
                        abort();
        }
        json_t *j = cap_facts_json(&cs); /* every fact, named, as JSON */
        if (!j)
                abort();
        char *txt = json_dumps(j, 0);
        free(txt);
        json_decref(j);
        findings_free(&fs);
        cap_set_free(&cs);
        return 0;
}
