/* libFuzzer target: the debug readers (IOS debug crypto isakmp/ipsec/ikev2,
 * ASA debug crypto ikev1/ikev2, charon and pluto lines) and the detail
 * lines read under a recognised line: the first line is a debug line, so
 * what follows is tried as its details too. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_logs_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_feed("ISAKMP:(1001):Checking IPSec proposal 1", data, size);
        return 0;
}
