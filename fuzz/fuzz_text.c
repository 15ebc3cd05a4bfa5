/* libFuzzer target for the input layer: any bytes through text_from_buffer
 * (normalising, splitting, scrubbing) and platform detection. */
#include <stddef.h>
#include <stdint.h>

#include "input/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct arena a;
        arena_init(&a, (size_t)64 << 20);
        struct text t;
        struct diag err;
        if (text_from_buffer("fuzz", (const char *)data, size, &a, &t, &err) == 0) {
                enum platform p;
                struct version v;
                text_detect_platform(&t, &p, &v);
                /* every shown line must be a string of its own */
                for (size_t i = 0; i < t.n; i++)
                        if (!t.lines[i].shown || t.lines[i].s[t.lines[i].len] != '\0')
                                __builtin_trap();
        }
        arena_free(&a);
        return 0;
}
