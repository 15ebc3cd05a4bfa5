/* libFuzzer target: wire/ike_msg_decode on one UDP payload, then every
 * payload it kept through its own decoder (wire_walk.h). The input is copied
 * to an exact-size heap buffer so that ASan catches a read past its end. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        uint8_t *buf = malloc(size ? size : 1);
        if (!buf)
                return 0;
        memcpy(buf, data, size);
        struct ike_msg m;
        struct wire_err e;
        if (ike_msg_decode(buf, size, &m, &e) == 0) {
                struct wire_view all = {buf, size};
                if (m.npl > IKE_MAX_PAYLOADS || m.npl > m.npl_seen)
                        abort();
                if (m.hdr.length + m.extra != size)
                        abort();
                for (size_t i = 0; i < m.npl; i++) {
                        inside(all, m.pl[i].body);
                        walk_payload(m.version, m.pl[i].type, m.pl[i].body);
                }
                inside(all, m.ciphertext);
                (void)ike_exchange_name(m.hdr.exchange);
        } else if (!e.what[0]) {
                abort(); /* an error always says what */
        }
        free(buf);
        return 0;
}
