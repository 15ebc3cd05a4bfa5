/*
 * libFuzzer: arbitrary bytes through the whole config path as `dump` and
 * `check` take it: input layer, platform detection, the reader it picks,
 * finalize, then every registered check over the model.
 */
#include <stddef.h>
#include <stdint.h>

#include "checks/check.h"
#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct device *dev = NULL;
        struct diag err;
        if (config_read_buffer("fuzz", (const char *)data, size, PLAT_UNKNOWN, &dev, &err))
                return 0;
        struct findings fs;
        findings_init(&fs);
        for (size_t i = 0; i < check_count(); i++) {
                struct check_ctx c = {dev, &fs, check_at(i)->id};
                if (check_at(i)->fn(&c))
                        break;
        }
        findings_free(&fs);
        model_free(dev);
        return 0;
}
