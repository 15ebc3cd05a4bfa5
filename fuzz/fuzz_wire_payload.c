/* libFuzzer target: each payload decoder of wire/ on a body of its own
 * (not only what a valid message chain hands it). Byte 0 picks the version
 * (low bit) and byte 1 the payload type; the rest, copied to an exact-size
 * heap buffer, is the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire_walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size < 2)
                return 0;
        int version = (data[0] & 1) ? 2 : 1;
        unsigned type = data[1];
        size_t n = size - 2;
        uint8_t *buf = malloc(n ? n : 1);
        if (!buf)
                return 0;
        memcpy(buf, data + 2, n);
        struct wire_view body = {buf, n};
        walk_payload(version, type, body);
        free(buf);
        return 0;
}
