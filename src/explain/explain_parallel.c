/*
 * explain over a regular file, on every core: the file is cut into chunks
 * of CHUNK bytes, and the expensive, stateless part of reading a line
 * (framing it and parsing it as a syslog message: tag, ID, catalogue entry,
 * time, fields, peer) is done for a whole chunk by whichever thread is
 * free, while the stateful part (the readers' blocks, the correlator) runs
 * on this thread in line order. The result is the same as reading the
 * lines one by one: a chunk's lines are handed over in order with their
 * parses, and each line still goes through logs_line's dispatch (a prompt,
 * a pasted config or a show block decide as before; only the syslog
 * reader's answer is taken ready-made).
 *
 * A line belongs to the chunk its first byte is in. Each thread reads its
 * chunk with pread, from the byte before the chunk (to know whether the
 * chunk starts a line) to a little past its end (to finish its last line),
 * and reads on when that line is longer, up to EXPLAIN_LINE_MAX bytes of
 * it. The size is taken once, at the start: a log that grows meanwhile is
 * read to that size, one that shrinks (rotated, truncated) ends where it
 * now ends. The file is read, not mapped, for that reason: a mapping of a
 * file cut short faults.
 *
 * Memory stays bounded: RING chunks, each with its buffer and at most
 * CHUNK_LINES parsed lines, are in flight whatever the file's size.
 */
#include <errno.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "explain_int.h"

#define CHUNK_LINES 4096 /* parsed lines per chunk; more are parsed as they are handed over */
#define RING        8    /* chunks in flight */
#define READ_PAST   4096 /* read past a chunk's end: its last line usually ends there */
/* Lines between a correlator prefetch stage and the event it is for. */
#define AHEAD_BUCKET 12
#define AHEAD_PEER   8
#define AHEAD_CANDS  4

/* 128 bytes on a cache line's start: the line-order thread reads the
 * first 64 of most records only (the parse's layout, logs.h). */
struct pre_line {
        _Alignas(64) const char *s;
        uint32_t len; /* cut to EXPLAIN_LINE_MAX; of a run: its bytes, each line's '\n' too */
        /* 0: one line, parsed into f; else a run of this many lines, f.msg
         * NULL: when !f.tagged, lines that no reader can take
         * (logs_gate_run), not parsed; when f.tagged, syslog messages the
         * catalogue does not list (logs_tagged_unknown), each parsed */
        uint32_t run;
        struct syslog_parse f;
};

enum chunk_state { CHUNK_FREE, CHUNK_PARSING, CHUNK_READY };

struct chunk {
        enum chunk_state state;
        uint64_t index;
        uint64_t off;  /* file offset of buf[0]: the byte before the chunk, or 0 */
        char *buf;     /* capacity: struct parallel's cap */
        size_t have;   /* bytes in buf */
        bool eof;      /* buf ends where the file does */
        size_t own;    /* lines starting before buf[own] are this chunk's */
        size_t next;   /* where the next line to read starts */
        int err;       /* errno of a failed read; 0 */
        bool nul_free; /* buf[0..have) holds no NUL: no line needs a search for one */
        size_t n;      /* parsed lines in v[] */
        struct pre_line v[CHUNK_LINES];
};

struct parallel {
        pthread_mutex_t mu;
        pthread_cond_t cv;
        int fd;
        uint64_t start;     /* the file offset reading began at (stdin need not be at 0) */
        uint64_t size;      /* bytes from start to the file's end when reading began */
        size_t chunk_bytes; /* CHUNK */
        size_t cap;         /* a chunk buffer's size */
        uint64_t nchunks;   /* ceil(size / CHUNK) */
        uint64_t claimed, handed;
        struct chunk *ring;
};

/* Reads bytes [c->off + c->have, c->off + want) (offsets from p->start)
 * into c->buf, up to the size the file had. Short reads are retried; a
 * read of 0 ends the file. */
static void fill(const struct parallel *p, struct chunk *c, size_t want)
{
        if (want > p->cap)
                want = p->cap;
        if (c->off + want > p->size)
                want = (size_t)(p->size - c->off);
        while (c->have < want && !c->err) {
                ssize_t n = pread(p->fd, c->buf + c->have, want - c->have,
                                  (off_t)(p->start + c->off + c->have));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        c->err = errno;
                if (n <= 0)
                        break;
                c->nul_free &= !memchr(c->buf + c->have, '\0', (size_t)n);
                c->have += (size_t)n;
        }
        c->eof = c->off + c->have >= p->size || c->have < want;
}

/* Reads the chunk's bytes and finds its first line. */
static void load(const struct parallel *p, struct chunk *c)
{
        uint64_t start = c->index * p->chunk_bytes;
        size_t before = start > 0;
        c->off = start - before;
        c->have = 0;
        c->err = 0;
        c->n = 0;
        c->own = before + p->chunk_bytes;
        c->nul_free = true;
        fill(p, c, c->own + READ_PAST);
        c->next = 0;
        if (before) {
                /* The chunk's first line starts after the first line end from
                 * the byte before it; none there: a line from an earlier
                 * chunk covers it. */
                const char *nl = memchr(c->buf, '\n', c->have);
                c->next = nl ? (size_t)(nl - c->buf) + 1 : c->have;
                if (!nl && !c->eof)
                        c->next = c->own; /* no line starts in the chunk */
        }
}

/* The chunk's next line, cut to EXPLAIN_LINE_MAX; false when the chunk has
 * no more. May read on (a last line longer than READ_PAST). */
static bool next_line(const struct parallel *p, struct chunk *c, const char **s, size_t *len)
{
        if (c->next >= c->own || c->next >= c->have)
                return false;
        size_t at = c->next;
        const char *nl = memchr(c->buf + at, '\n', c->have - at);
        if (!nl && !c->eof && c->have - at < EXPLAIN_LINE_MAX) {
                fill(p, c, at + EXPLAIN_LINE_MAX + 1);
                nl = memchr(c->buf + at, '\n', c->have - at);
        }
        size_t n = nl ? (size_t)(nl - (c->buf + at)) : c->have - at;
        /* A line without its end here is longer than EXPLAIN_LINE_MAX (or
         * the file's last): the next line, if any, starts in a later chunk. */
        c->next = nl ? at + n + 1 : c->own;
        *s = c->buf + at;
        *len = n < EXPLAIN_LINE_MAX ? n : EXPLAIN_LINE_MAX;
        return true;
}

static void parse_chunk(const struct parallel *p, struct chunk *c)
{
        load(p, c);
        const char *s;
        size_t len;
        bool try_run = true;
        while (c->n < CHUNK_LINES) {
                /* First the lines no reader can take, found in one scan
                 * (gate_run.c), up to the first line that ends past the
                 * chunk: one record for them all. Asked again only after
                 * a line that no reader took either: in a device's log,
                 * where nearly every line is a message, the scan would
                 * stop at each line's tag. */
                size_t lines, end = c->own < c->have ? c->own : c->have;
                size_t bytes = try_run && c->next < end
                                   ? logs_gate_run(c->buf + c->next, end - c->next, &lines)
                                   : 0;
                if (bytes) {
                        struct pre_line *pl = &c->v[c->n++];
                        pl->s = c->buf + c->next;
                        pl->len = (uint32_t)bytes;
                        pl->run = (uint32_t)lines;
                        pl->f.msg = NULL;
                        pl->f.tagged = false;
                        c->next += bytes;
                        continue;
                }
                if (!next_line(p, c, &s, &len))
                        break;
                struct pre_line *pl = &c->v[c->n++];
                pl->s = s;
                pl->len = (uint32_t)len;
                pl->run = 0;
                /* logs_line drops one '\r' before its readers look. */
                syslog_parse_nul_free(s, len && s[len - 1] == '\r' ? len - 1 : len, c->nul_free,
                                      &pl->f);
                logs_line_facts(s, len, &pl->f);
                try_run = !pl->f.msg && !pl->f.tagged && !pl->f.maybe;
                /* A message the catalogue does not list (most of a busy
                 * ASA's log: connections built and torn down) joins the
                 * run of such lines before it: one record, counted at
                 * once (explain_tagged_run). Only a whole line, ended by
                 * its '\n' here, so that the run's bytes give it back. */
                if (logs_tagged_unknown(&pl->f) && s + len < c->buf + c->have && s[len] == '\n') {
                        struct pre_line *prev = c->n > 1 ? pl - 1 : NULL;
                        if (prev && prev->run && prev->f.tagged && prev->s + prev->len == s) {
                                prev->len += (uint32_t)len + 1;
                                prev->run++;
                                c->n--;
                        } else {
                                pl->len = (uint32_t)len + 1;
                                pl->run = 1;
                        }
                }
        }
}

/* Under the lock: the next chunk when one is left and the ring has room. */
static struct chunk *claim(struct parallel *p)
{
        if (p->claimed >= p->nchunks || p->claimed - p->handed >= RING)
                return NULL;
        struct chunk *c = &p->ring[p->claimed % RING];
        c->index = p->claimed++;
        c->state = CHUNK_PARSING;
        return c;
}

/* Under the lock: parses the next chunk (outside the lock), or waits for
 * something to change when there is none to claim. */
static void parse_or_wait(struct parallel *p)
{
        struct chunk *c = claim(p);
        if (!c) {
                pthread_cond_wait(&p->cv, &p->mu);
                return;
        }
        pthread_mutex_unlock(&p->mu);
        parse_chunk(p, c);
        pthread_mutex_lock(&p->mu);
        c->state = CHUNK_READY;
        pthread_cond_broadcast(&p->cv);
}

static void *worker(void *arg)
{
        struct parallel *p = arg;
        pthread_mutex_lock(&p->mu);
        while (p->claimed < p->nchunks)
                parse_or_wait(p);
        pthread_mutex_unlock(&p->mu);
        return NULL;
}

/* A ready chunk's lines to the readers, in order: the parsed ones, then any
 * beyond CHUNK_LINES. */
static void hand_over(struct explain *x, const struct parallel *p, struct chunk *c,
                      uint32_t *lineno)
{
        struct correlator *corr = x->corr;
        for (size_t i = 0; i < c->n; i++) {
                /* The correlator's memory for the events a few lines on
                 * (correlate.h: corr_prefetch_*), one stage at a time. */
                const struct syslog_parse *f;
                if (i + AHEAD_BUCKET < c->n && (f = &c->v[i + AHEAD_BUCKET].f)->msg)
                        corr_prefetch_bucket(corr, f->key_hash);
                if (i + AHEAD_PEER < c->n && (f = &c->v[i + AHEAD_PEER].f)->msg)
                        corr_prefetch_peer(corr, f->key_hash);
                if (i + AHEAD_CANDS < c->n && (f = &c->v[i + AHEAD_CANDS].f)->msg)
                        corr_prefetch_cands(corr, f->key_hash, f->msg);
                if (c->v[i].run && c->v[i].f.tagged)
                        explain_tagged_run(x, lineno, c->v[i].s, c->v[i].len, c->v[i].run);
                else if (c->v[i].run)
                        explain_unknown_run(x, lineno, c->v[i].s, c->v[i].len, c->v[i].run);
                else
                        explain_line(x, lineno, c->v[i].s, c->v[i].len, &c->v[i].f);
        }
        const char *s;
        size_t len;
        while (next_line(p, c, &s, &len))
                explain_line(x, lineno, s, len, NULL);
}

/* Threads besides this one. */
static unsigned worker_count(const struct explain *x)
{
        long n = x->threads ? (long)x->threads : sysconf(_SC_NPROCESSORS_ONLN);
        if (n < 1)
                n = 1;
        return (unsigned)(n - 1 < EXPLAIN_MAX_THREADS - 1 ? n - 1 : EXPLAIN_MAX_THREADS - 1);
}

/* This thread parses too whenever the next chunk to hand over is not
 * ready. The first read error ends the input (errno returned). */
static int run(struct explain *x, struct parallel *p)
{
        uint32_t lineno = 0;
        int err = 0;
        pthread_mutex_lock(&p->mu);
        while (p->handed < p->nchunks && !err) {
                struct chunk *c = &p->ring[p->handed % RING];
                if (p->handed < p->claimed && c->state == CHUNK_READY) {
                        pthread_mutex_unlock(&p->mu);
                        hand_over(x, p, c, &lineno);
                        err = c->err;
                        pthread_mutex_lock(&p->mu);
                        c->state = CHUNK_FREE;
                        p->handed++;
                        pthread_cond_broadcast(&p->cv);
                        continue;
                }
                parse_or_wait(p);
        }
        /* After an error the workers stop claiming. */
        p->nchunks = p->claimed;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        return err;
}

int explain_read_parallel(struct explain *x, int fd)
{
        struct stat st;
        off_t at = lseek(fd, 0, SEEK_CUR);
        if (fstat(fd, &st) || !S_ISREG(st.st_mode) || at < 0 || st.st_size <= at)
                return 0;
        struct parallel p = {
            .fd = fd,
            .start = (uint64_t)at,
            .size = (uint64_t)(st.st_size - at),
            /* Smaller chunks than the default only spread a short input
             * over many chunks (tests). */
            .chunk_bytes = x->chunk_bytes ? x->chunk_bytes : EXPLAIN_CHUNK_BYTES,
        };
        p.cap = p.chunk_bytes + 1 + EXPLAIN_LINE_MAX + 1;
        p.nchunks = (p.size + p.chunk_bytes - 1) / p.chunk_bytes;
        /* aligned as its records are (a chunk's size is a multiple of 64);
         * only the fields before the records zeroed: the records are
         * written before they are read, and their pages touched as used */
        p.ring = aligned_alloc(_Alignof(struct chunk), RING * sizeof(struct chunk));
        for (size_t i = 0; p.ring && i < RING; i++)
                memset(&p.ring[i], 0, offsetof(struct chunk, v));
        bool ok = p.ring != NULL;
        for (size_t i = 0; ok && i < RING; i++)
                ok = (p.ring[i].buf = malloc(p.cap)) != NULL;
        int rc = 0;
        if (ok) {
                pthread_mutex_init(&p.mu, NULL);
                pthread_cond_init(&p.cv, NULL);
                pthread_t tid[EXPLAIN_MAX_THREADS - 1];
                unsigned nw = 0, want = worker_count(x);
                /* A file of one chunk gives no other thread work. */
                if (p.nchunks > 1)
                        while (nw < want && !pthread_create(&tid[nw], NULL, worker, &p))
                                nw++;
                int err = run(x, &p);
                for (unsigned i = 0; i < nw; i++)
                        pthread_join(tid[i], NULL);
                pthread_cond_destroy(&p.cv);
                pthread_mutex_destroy(&p.mu);
                /* what was read is consumed, as read() would have it */
                lseek(fd, (off_t)(p.start + p.size), SEEK_SET);
                errno = err;
                rc = err ? -1 : 1;
        }
        for (size_t i = 0; p.ring && i < RING; i++)
                free(p.ring[i].buf);
        free(p.ring);
        return rc; /* 0 on no memory: the buffered reader takes over */
}
