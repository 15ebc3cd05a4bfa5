/* libFuzzer target: packet/frame_decode on one captured frame. Byte 0 picks
 * the link type among those read, byte 1 whether the capture was cut by a
 * snap length; the rest, copied to an exact-size heap buffer, is the frame.
 * An IKE payload found is decoded too (wire/ike_msg_decode), and every view
 * handed back must lie inside the frame. A fragment's data is also decoded
 * as a reassembled datagram (frame_reassembled). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "packet/frame.h"
#include "wire_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const int links[] = {LINK_NULL,    LINK_ETHERNET, LINK_RAW,
                                    LINK_RAW_101, LINK_LOOP,     LINK_LINUX_SLL,
                                    LINK_IPV4,    LINK_IPV6,     LINK_LINUX_SLL2};
        if (size < 2)
                return 0;
        int link = links[data[0] % (sizeof(links) / sizeof(links[0]))];
        size_t n = size - 2;
        size_t wire = (data[1] & 1) ? n + 100 : n;
        uint8_t *buf = malloc(n ? n : 1);
        if (!buf)
                return 0;
        memcpy(buf, data + 2, n);
        struct frame f;
        struct wire_err e;
        if (frame_decode(link, buf, n, wire, &f, &e) == 0) {
                struct wire_view all = {buf, n};
                inside(all, f.payload);
                inside(all, f.frag_data);
                if (f.fragment) { /* its data decoded as a whole datagram would be */
                        struct frame w;
                        if (frame_reassembled(&f, f.frag_data.p, f.frag_data.len, &w, &e) == 0) {
                                inside(f.frag_data, w.payload);
                                if (w.fragment || !w.reassembled)
                                        abort();
                        }
                }
                (void)frame_kind_name(f.kind);
                if (f.kind == FK_IKE) {
                        struct ike_msg m;
                        if (ike_msg_decode(f.payload.p, f.payload.len, &m, &e) == 0)
                                for (size_t i = 0; i < m.npl; i++)
                                        walk_payload(m.version, m.pl[i].type, m.pl[i].body);
                }
        } else if (!e.what[0]) {
                abort();
        }
        free(buf);
        return 0;
}
