/* Shared by the log fuzz targets: split the input into lines (each copied
 * into its own buffer of exactly its length, with no terminator, as explain
 * hands over the lines of a mapped file, so ASan sees any read past the
 * line) and feed them to the readers, correlating the events as explain
 * does. */
#ifndef IPSD_FUZZ_LOGS_COMMON_H
#define IPSD_FUZZ_LOGS_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "correlate/correlate.h"
#include "logs/logs.h"

static void fuzz_on_event(void *arg, const struct log_event *ev)
{
        corr_event(arg, "fuzz", ev);
}

static void fuzz_on_config(void *arg, const char *buf, size_t len, uint32_t first)
{
        (void)arg;
        (void)buf;
        (void)len;
        (void)first;
}

static void fuzz_feed(const char *prefix, const uint8_t *data, size_t size)
{
        struct correlator *c = corr_new();
        if (!c)
                return;
        struct log_reader r;
        logs_init(&r, fuzz_on_event, fuzz_on_config, c);
        uint32_t line = 0;
        if (prefix)
                logs_line(&r, prefix, strlen(prefix), ++line);
        const char *p = (const char *)data, *end = p + size;
        while (p < end) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                size_t n = (size_t)((nl ? nl : end) - p);
                char *copy = malloc(n ? n : 1);
                if (!copy)
                        break;
                memcpy(copy, p, n);
                logs_line(&r, copy, n, ++line);
                free(copy);
                p += n + 1;
        }
        logs_finish(&r);
        logs_free(&r);
        corr_finish(c);
        corr_free(c);
}

#endif
