/* Shared by the log fuzz targets: split the input into lines (each copied
 * into its own buffer of exactly its length, with no terminator, as explain
 * hands over the lines of a mapped file, so ASan sees any read past the
 * line) and feed them to the readers, correlating the events as explain
 * does. Each input is read twice, with the readers' gate (logs/gate.c) and
 * without it: the gate may change the cost only, so the recognised lines
 * and the events (message and line, in order) must be the same. */
#ifndef IPSD_FUZZ_LOGS_COMMON_H
#define IPSD_FUZZ_LOGS_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "correlate/correlate.h"
#include "logs/logs.h"

struct fuzz_run {
        struct correlator *c;
        uint64_t events, digest, recognised;
};

static void fuzz_on_event(void *arg, const struct ev_record *ev)
{
        struct fuzz_run *run = arg;
        corr_event(run->c, "fuzz", ev);
        run->events++;
        run->digest =
            (run->digest ^ (uintptr_t)ev->msg ^ ((uint64_t)ev->line << 40)) * 0x100000001B3ull;
}

static void fuzz_on_config(void *arg, const char *buf, size_t len, uint32_t first)
{
        (void)arg;
        (void)buf;
        (void)len;
        (void)first;
}

/* Each line of data to the reader on an exact-size heap copy, so that
 * ASan sees any read past a line's end. */
static void fuzz_lines(struct log_reader *r, const uint8_t *data, size_t size, uint32_t *line)
{
        const char *p = (const char *)data, *end = p + size;
        while (p < end) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                size_t n = (size_t)((nl ? nl : end) - p);
                char *copy = malloc(n ? n : 1);
                if (!copy)
                        break;
                memcpy(copy, p, n);
                logs_line(r, copy, n, ++*line);
                free(copy);
                p += n + 1;
        }
}

static void fuzz_feed_once(const char *prefix, const uint8_t *data, size_t size,
                           struct fuzz_run *run)
{
        struct correlator *c = corr_new();
        if (!c)
                return;
        run->c = c;
        struct log_reader r;
        logs_init(&r, fuzz_on_event, fuzz_on_config, run);
        uint32_t line = 0;
        if (prefix)
                logs_line(&r, prefix, strlen(prefix), ++line);
        fuzz_lines(&r, data, size, &line);
        logs_finish(&r);
        run->recognised = r.recognised;
        logs_free(&r);
        corr_finish(c);
        corr_free(c);
}

/* The lines logs_gate_run passes as a run (logs/gate_run.c), with and
 * without its vector code: each, parsed alone, must be no message, no
 * tagged line, no gate's candidate and plain for the dispatcher. */
static void fuzz_check_runs(const uint8_t *data, size_t size)
{
        for (int simd = 0; simd < 2; simd++) {
                logs_gate_run_simd(simd);
                const char *p = (const char *)data, *end = p + size;
                while (p < end) {
                        size_t lines;
                        size_t bytes = logs_gate_run(p, (size_t)(end - p), &lines);
                        for (const char *q = p; lines--;) {
                                const char *nl = memchr(q, '\n', (size_t)(p + bytes - q));
                                if (!nl)
                                        abort(); /* a run is whole lines */
                                size_t n = (size_t)(nl - q);
                                struct syslog_parse f;
                                syslog_parse(q, n && q[n - 1] == '\r' ? n - 1 : n, &f);
                                logs_line_facts(q, n, &f);
                                if (f.msg || f.tagged || f.maybe || !f.plain) {
                                        fprintf(stderr, "a run holds a line a reader wants: %.*s\n",
                                                (int)n, q);
                                        abort();
                                }
                                q = nl + 1;
                        }
                        p += bytes;
                        const char *nl = memchr(p, '\n', (size_t)(end - p));
                        p = nl ? nl + 1 : end;
                }
        }
        logs_gate_run_simd(true);
}

static void fuzz_feed(const char *prefix, const uint8_t *data, size_t size)
{
        fuzz_check_runs(data, size);
        struct fuzz_run gated = {0}, open = {0};
        logs_gate_disable(false);
        fuzz_feed_once(prefix, data, size, &gated);
        logs_gate_disable(true);
        fuzz_feed_once(prefix, data, size, &open);
        logs_gate_disable(false);
        if (gated.events != open.events || gated.digest != open.digest ||
            gated.recognised != open.recognised) {
                fprintf(stderr, "gate changed the answer: %llu/%llu events, %llu/%llu lines\n",
                        (unsigned long long)gated.events, (unsigned long long)open.events,
                        (unsigned long long)gated.recognised, (unsigned long long)open.recognised);
                abort();
        }
}

#endif
