/* libFuzzer: arbitrary bytes through the input layer and the IOS reader. */
#include <stddef.h>
#include <stdint.h>

#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct device *dev = NULL;
        struct diag err;
        if (config_read_buffer("fuzz", (const char *)data, size, PLAT_IOS, &dev, &err) == 0)
                model_free(dev);
        return 0;
}
