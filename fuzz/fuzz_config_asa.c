/* libFuzzer target: the ASA / PIX config reader. The first byte picks the
 * dialect (even: ASA, odd: PIX); the rest is the config text. */
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size < 1)
                return 0;
        enum platform p = (data[0] & 1) ? PLAT_PIX : PLAT_ASA;
        struct device *dev = NULL;
        struct diag err;
        if (config_read_buffer("fuzz", (const char *)data + 1, size - 1, p, &dev, &err) == 0)
                model_free(dev);
        return 0;
}
