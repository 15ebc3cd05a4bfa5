/* libFuzzer target: wire/ike_chain_decode, the entry decrypted plaintext
 * goes through (IKEv1 after CBC, IKEv2 inside SK), strict and not, then
 * every payload through its decoder (wire_walk.h) and through the capture's
 * filing of payloads (cap_msg_payloads). Byte 0: the version (bit 0) and
 * strictness (bit 1); byte 1: the first payload type; the rest, copied to
 * an exact-size heap buffer, is the plaintext. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "capture/sessions.h"
#include "wire_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size < 2)
                return 0;
        int version = (data[0] & 1) ? 2 : 1;
        unsigned flags = (data[0] & 2) ? IKE_CHAIN_STRICT : 0;
        size_t len = size - 2;
        uint8_t *buf = malloc(len ? len : 1);
        if (!buf)
                return 0;
        memcpy(buf, data + 2, len);
        struct ike_msg m;
        struct wire_err e;
        memset(&m, 0, sizeof(m));
        if (ike_chain_decode(buf, len, version, data[1], flags, &m, &e) == 0) {
                struct wire_view all = {buf, len};
                if (m.npl > IKE_MAX_PAYLOADS || m.npl > m.npl_seen || m.trailing > len)
                        abort();
                for (size_t i = 0; i < m.npl; i++) {
                        inside(all, m.pl[i].body);
                        walk_payload(version, m.pl[i].type, m.pl[i].body);
                        if (flags && !ike_payload_name(version, m.pl[i].type))
                                abort(); /* strict: known types only */
                }
                struct cap_msg cm;
                memset(&cm, 0, sizeof(cm));
                cap_msg_payloads(&cm, version, m.pl, m.npl);
                if (cm.npl > CAP_MAX_PL || cm.nnotify > CAP_MAX_NOTIFY)
                        abort();
        } else if (!e.what[0]) {
                abort();
        }
        free(buf);
        return 0;
}
