/*
 * explain over a regular file: the file is mapped and read in place, and
 * the expensive, stateless part of reading a line (framing it and parsing
 * it as a syslog message: tag, ID, catalogue entry, time, fields, peer) is
 * done on every core, a chunk of lines at a time, while the stateful part
 * (the readers' blocks, the correlator) runs on this thread in line order.
 * The result is the same as reading the lines one by one: a chunk's lines
 * are handed over in order with their parses, and each line still goes
 * through logs_line's dispatch (a prompt, a pasted config or a show block
 * decide as before; only the syslog reader's answer is taken ready-made).
 *
 * Memory stays bounded: RING chunks of at most CHUNK_LINES parsed lines are
 * in flight, and the pages of the file already handed over are released
 * every EXPLAIN_RELEASE bytes, so the mapping never counts for more than
 * that in the resident set.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "explain_int.h"

#define CHUNK_BYTES     (256u << 10) /* a chunk ends at the first line end after this */
#define CHUNK_LINES     4096         /* parsed lines per chunk; the rest are parsed in order */
#define RING            8            /* chunks in flight */
#define MAX_WORKERS     7
#define EXPLAIN_RELEASE (16u << 20)

struct pre_line {
        const char *s;
        uint32_t len; /* cut to EXPLAIN_LINE_MAX */
        struct syslog_parse f;
};

enum chunk_state { CHUNK_FREE, CHUNK_PARSING, CHUNK_READY };

struct chunk {
        enum chunk_state state;
        const char *begin, *end; /* whole lines: end is past a '\n' or the file's end */
        const char *parsed_end;  /* the lines before it have records */
        size_t n;
        struct pre_line v[CHUNK_LINES];
};

struct mapped {
        pthread_mutex_t mu;
        pthread_cond_t cv;
        const char *next, *end; /* the file's bytes not yet claimed */
        size_t chunk_bytes;
        uint64_t claimed, handed; /* chunk sequence numbers */
        struct chunk *ring;       /* RING chunks */
};

/* The next line of [p, end): its length and where the following one starts. */
static size_t next_line(const char *p, const char *end, const char **after)
{
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        *after = nl ? nl + 1 : end;
        return (size_t)((nl ? nl : end) - p);
}

/* A line as the buffered reader would pass it: cut to EXPLAIN_LINE_MAX. */
static size_t cut(size_t len)
{
        return len < EXPLAIN_LINE_MAX ? len : EXPLAIN_LINE_MAX;
}

static void parse_chunk(struct chunk *c)
{
        const char *p = c->begin;
        c->n = 0;
        while (p < c->end && c->n < CHUNK_LINES) {
                const char *after;
                size_t len = cut(next_line(p, c->end, &after));
                struct pre_line *pl = &c->v[c->n++];
                pl->s = p;
                pl->len = (uint32_t)len;
                /* logs_line drops one '\r' before its readers look. */
                syslog_parse(p, len && p[len - 1] == '\r' ? len - 1 : len, &pl->f);
                p = after;
        }
        c->parsed_end = p;
}

/* Under the lock: claims the next chunk when one is left and the ring has
 * room; NULL otherwise. */
static struct chunk *claim(struct mapped *m)
{
        if (m->next >= m->end || m->claimed - m->handed >= RING)
                return NULL;
        struct chunk *c = &m->ring[m->claimed++ % RING];
        c->begin = m->next;
        const char *stop =
            (size_t)(m->end - m->next) > m->chunk_bytes ? m->next + m->chunk_bytes : m->end;
        const char *nl = stop < m->end ? memchr(stop, '\n', (size_t)(m->end - stop)) : NULL;
        c->end = nl ? nl + 1 : m->end;
        c->state = CHUNK_PARSING;
        m->next = c->end;
        return c;
}

/* Parses a claimed chunk outside the lock and marks it ready. */
static void parse_claimed(struct mapped *m, struct chunk *c)
{
        pthread_mutex_unlock(&m->mu);
        parse_chunk(c);
        pthread_mutex_lock(&m->mu);
        c->state = CHUNK_READY;
        pthread_cond_broadcast(&m->cv);
}

static void *worker(void *arg)
{
        struct mapped *m = arg;
        pthread_mutex_lock(&m->mu);
        while (m->next < m->end) {
                struct chunk *c = claim(m);
                if (c)
                        parse_claimed(m, c);
                else
                        pthread_cond_wait(&m->cv, &m->mu);
        }
        pthread_mutex_unlock(&m->mu);
        return NULL;
}

/* A ready chunk's lines to the readers, in order. */
static void hand_over(struct explain *x, const struct chunk *c, uint32_t *lineno)
{
        for (size_t i = 0; i < c->n; i++)
                explain_line(x, lineno, c->v[i].s, c->v[i].len, &c->v[i].f);
        for (const char *p = c->parsed_end, *after; p < c->end; p = after) {
                size_t len = cut(next_line(p, c->end, &after));
                explain_line(x, lineno, p, len, NULL);
        }
}

static unsigned worker_count(void)
{
        const char *env = getenv("IPSEC_DOCTOR_THREADS");
        long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
        if (n < 1)
                n = 1;
        return (unsigned)(n - 1 < MAX_WORKERS ? n - 1 : MAX_WORKERS);
}

static size_t chunk_bytes(void)
{
        /* Smaller chunks exercise the hand-over on small inputs (tests). */
        const char *env = getenv("IPSEC_DOCTOR_CHUNK_BYTES");
        long n = env && *env ? strtol(env, NULL, 10) : 0;
        return n > 0 && (unsigned long)n < CHUNK_BYTES ? (size_t)n : CHUNK_BYTES;
}

/* This thread parses too whenever the next chunk to hand over is not ready. */
static void run(struct explain *x, struct mapped *m, const char *base)
{
        uint32_t lineno = 0;
        const char *released = base;
        long page = sysconf(_SC_PAGESIZE);
        size_t pg = page > 0 ? (size_t)page : 4096;
        pthread_mutex_lock(&m->mu);
        while (m->handed < m->claimed || m->next < m->end) {
                struct chunk *c = &m->ring[m->handed % RING];
                if (m->handed < m->claimed && c->state == CHUNK_READY) {
                        pthread_mutex_unlock(&m->mu);
                        hand_over(x, c, &lineno);
                        if ((size_t)(c->end - released) >= EXPLAIN_RELEASE) {
                                /* Nothing before c->end is looked at again:
                                 * events are handled (their evidence copied)
                                 * as they come. */
                                size_t n = (size_t)(c->end - released) / pg * pg;
                                madvise((void *)(uintptr_t)released, n, MADV_DONTNEED);
                                released += n;
                        }
                        pthread_mutex_lock(&m->mu);
                        c->state = CHUNK_FREE;
                        m->handed++;
                        pthread_cond_broadcast(&m->cv);
                        continue;
                }
                struct chunk *mine = claim(m);
                if (mine)
                        parse_claimed(m, mine);
                else
                        pthread_cond_wait(&m->cv, &m->mu);
        }
        pthread_mutex_unlock(&m->mu);
}

bool explain_read_mapped(struct explain *x, int fd)
{
        struct stat st;
        if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
            (unsigned long long)st.st_size > SIZE_MAX)
                return false;
        size_t size = (size_t)st.st_size;
        void *base = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (base == MAP_FAILED)
                return false;
        madvise(base, size, MADV_SEQUENTIAL);
        struct mapped m = {
            .next = base, .end = (const char *)base + size, .chunk_bytes = chunk_bytes()};
        m.ring = calloc(RING, sizeof(struct chunk));
        if (!m.ring) {
                munmap(base, size);
                return false;
        }
        pthread_mutex_init(&m.mu, NULL);
        pthread_cond_init(&m.cv, NULL);
        pthread_t tid[MAX_WORKERS];
        unsigned nw = 0, want = worker_count();
        /* One small file is one chunk: no thread would have work. */
        if (size > m.chunk_bytes)
                while (nw < want && !pthread_create(&tid[nw], NULL, worker, &m))
                        nw++;
        run(x, &m, base);
        for (unsigned i = 0; i < nw; i++)
                pthread_join(tid[i], NULL);
        pthread_cond_destroy(&m.cv);
        pthread_mutex_destroy(&m.mu);
        free(m.ring);
        munmap(base, size);
        return true;
}
