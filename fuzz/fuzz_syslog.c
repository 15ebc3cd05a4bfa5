/* libFuzzer target: the syslog, VPN Client, debug and CLI readers and the
 * correlator, on raw lines (no block context). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_logs_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_feed(NULL, data, size);
        return 0;
}
