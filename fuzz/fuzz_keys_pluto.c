/* libFuzzer target: the pluto log recogniser (src/keys/pluto.c), then the
 * reader chosen by keys_parse, on the same bytes (fuzz_keys.h). */
#include "fuzz_keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        return keys_fuzz_one(data, size, pluto_parse);
}
