/* libFuzzer target: the show-output readers. The first byte picks the show
 * command whose prompt line opens the block; the rest is its output. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_logs_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const char *const prompts[] = {
            "asa# show crypto isakmp sa",         "rtr#sh cry isa sa",
            "asa# show crypto ikev2 sa",          "asa# show crypto ipsec sa",
            "asa# show vpn-sessiondb detail l2l", "asa# show asp drop",
            "rtr#show platform cerm-information", "asa# show running-config all sysopt",
            "asa# show running-config",
        };
        if (size < 1)
                return 0;
        fuzz_feed(prompts[data[0] % (sizeof(prompts) / sizeof(prompts[0]))], data + 1, size - 1);
        return 0;
}
