/* libFuzzer target: explain's chunked reader of regular files
 * (src/explain/explain_parallel.c) against a plain line loop with the
 * readers' gate off (every line to every reader). The first input byte
 * picks the chunk size, the second the thread count and whether the runs of
 * unknown lines are found with vector instructions (logs/gate_run.c); the
 * rest is the file. Both readings must give the same lines, and the same
 * events with the same fields, in the same order; any difference aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "explain/explain_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An order-sensitive digest of every event. */
struct digest {
        uint64_t h, n;
};

static void mix(struct digest *d, const void *p, size_t n)
{
        const unsigned char *b = p;
        for (size_t i = 0; i < n; i++)
                d->h = (d->h ^ b[i]) * 0x100000001B3ull;
}

static void sink(void *arg, const struct ev_record *ev)
{
        struct digest *d = arg;
        d->n++;
        mix(d, &ev->msg, sizeof(ev->msg));
        mix(d, &ev->line, sizeof(ev->line));
        mix(d, ev->text, ev->len);
        mix(d, ev->peer, strlen(ev->peer) + 1);
        mix(d, ev->group, strlen(ev->group) + 1);
        mix(d, ev->user, strlen(ev->user) + 1);
        mix(d, &ev->time, sizeof(ev->time));
        mix(d, &ev->platform, sizeof(ev->platform));
        mix(d, &ev->value, sizeof(ev->value));
}

static void sink_config(void *arg, const char *buf, size_t len, uint32_t first)
{
        struct digest *d = arg;
        mix(d, buf, len);
        mix(d, &first, sizeof(first));
}

static void start(struct explain *x, struct digest *d)
{
        memset(x, 0, sizeof(*x));
        memset(d, 0, sizeof(*d));
        logs_init(&x->rd, sink, sink_config, d);
        x->file = "fuzz";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size < 2)
                return 0;
        size_t chunk = (size_t)data[0] * 13 + 1;
        unsigned threads = data[1] % 4 + 1;
        bool simd = data[1] & 4;
        const char *text = (const char *)data + 2;
        size_t n = size - 2;

        static struct explain x;
        struct digest want, got;

        /* the reference: split on '\n', cut to EXPLAIN_LINE_MAX, no gate */
        logs_gate_disable(true);
        start(&x, &want);
        uint32_t lineno = 0;
        for (const char *p = text, *end = text + n; p < end;) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                size_t len = (size_t)((nl ? nl : end) - p);
                explain_line(&x, &lineno, p, len < EXPLAIN_LINE_MAX ? len : EXPLAIN_LINE_MAX, NULL);
                p = nl ? nl + 1 : end;
        }
        logs_finish(&x.rd);
        logs_free(&x.rd);
        logs_gate_disable(false);
        uint64_t lines = x.lines, recognised = x.recognised;

        FILE *f = tmpfile();
        if (!f)
                return 0;
        if (n && fwrite(text, 1, n, f) != n) {
                fclose(f);
                return 0;
        }
        fflush(f);
        rewind(f); /* the reader starts where the file offset is */
        start(&x, &got);
        x.threads = threads;
        x.chunk_bytes = chunk;
        /* the hand-over asks the correlator's memory for events ahead */
        x.corr = corr_new();
        if (!x.corr) {
                fclose(f);
                return 0;
        }
        logs_gate_run_simd(simd);
        int rc = explain_read_parallel(&x, fileno(f));
        corr_free(x.corr);
        logs_finish(&x.rd);
        logs_free(&x.rd);
        fclose(f);
        if (rc == 0 && n == 0)
                return 0; /* an empty file is left to the buffered reader */
        if (rc != 1 || x.lines != lines || x.recognised != recognised || got.n != want.n ||
            got.h != want.h) {
                fprintf(stderr,
                        "chunked reader differs: rc %d, lines %llu/%llu, events %llu/%llu\n", rc,
                        (unsigned long long)x.lines, (unsigned long long)lines,
                        (unsigned long long)got.n, (unsigned long long)want.n);
                abort();
        }
        return 0;
}
