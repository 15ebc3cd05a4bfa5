/*
 * Streaming input for explain, one line at a time, so a 1 GB log costs no
 * more memory than a short one. A regular file is read in chunks whose
 * lines are parsed on all cores (explain_parallel.c); a pipe, a terminal or --follow
 * is read here through a fixed buffer. Lines longer than EXPLAIN_LINE_MAX
 * are cut (the rest is not read as a new line). --follow keeps reading at
 * the end of the last file, as tail -f does.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../input/text.h"
#include "explain_int.h"

#define EXPLAIN_BUF (1u << 20)
#define SNIFF_BYTES 1024 /* as input/load.c examines */

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
        (void)sig;
        stop = 1;
}

struct lines {
        char buf[EXPLAIN_BUF + 1];
        size_t have;   /* bytes in buf */
        bool skipping; /* inside the cut-off tail of an overlong line */
        bool sniffed;  /* the first bytes passed the binary-input rule */
        uint32_t lineno;
};

void explain_line(struct explain *x, uint32_t *lineno, const char *s, size_t len,
                  const struct syslog_parse *pre)
{
        if (*lineno < UINT32_MAX)
                (*lineno)++;
        x->lines++;
        if (logs_line_pre(&x->rd, s, len, *lineno, pre))
                x->recognised++;
        else if (x->verbose)
                explain_unknown(x, s, len, *lineno);
}

void explain_unknown_run(struct explain *x, uint32_t *lineno, const char *s, size_t len, size_t n)
{
        const char *end = s + len;
        while (n && (x->verbose || !logs_quiet(&x->rd))) {
                const char *nl = memchr(s, '\n', (size_t)(end - s));
                if (!nl)
                        return; /* not a run's bytes */
                size_t l = (size_t)(nl - s);
                explain_line(x, lineno, s, l < EXPLAIN_LINE_MAX ? l : EXPLAIN_LINE_MAX, NULL);
                s = nl + 1;
                n--;
        }
        if (!n)
                return;
        *lineno = *lineno < UINT32_MAX - n ? *lineno + (uint32_t)n : UINT32_MAX;
        x->lines += n;
        logs_skip_unknown(&x->rd, n);
}

void explain_tagged_run(struct explain *x, uint32_t *lineno, const char *s, size_t len, size_t n)
{
        if (x->verbose || !logs_tagged_skippable(&x->rd)) {
                const char *end = s + len;
                for (; n; n--) {
                        const char *nl = memchr(s, '\n', (size_t)(end - s));
                        if (!nl)
                                return; /* not a run's bytes */
                        explain_line(x, lineno, s, (size_t)(nl - s), NULL);
                        s = nl + 1;
                }
                return;
        }
        *lineno = *lineno < UINT32_MAX - n ? *lineno + (uint32_t)n : UINT32_MAX;
        x->lines += n;
        logs_skip_unknown(&x->rd, n);
}

static void one_line(struct explain *x, struct lines *l, const char *s, size_t len)
{
        explain_line(x, &l->lineno, s, len, NULL);
}

/* Hands every complete line of l->buf to the readers; keeps the rest. */
static void drain(struct explain *x, struct lines *l, bool eof)
{
        char *p = l->buf, *end = l->buf + l->have;
        for (;;) {
                /* the lines no reader can take, in one scan (gate_run.c) */
                size_t run;
                size_t bytes = l->skipping ? 0 : logs_gate_run(p, (size_t)(end - p), &run);
                if (bytes) {
                        explain_unknown_run(x, &l->lineno, p, bytes, run);
                        p += bytes;
                        continue;
                }
                char *nl = memchr(p, '\n', (size_t)(end - p));
                if (!nl)
                        break;
                if (l->skipping)
                        l->skipping = false;
                else
                        one_line(x, l, p, (size_t)(nl - p));
                p = nl + 1;
        }
        size_t rest = (size_t)(end - p);
        if (rest >= EXPLAIN_LINE_MAX || (eof && rest)) {
                if (!l->skipping)
                        one_line(x, l, p, rest);
                l->skipping = !eof;
                rest = 0;
        }
        memmove(l->buf, p, rest);
        l->have = rest;
}

/* check's rule for binary input (input/text.h), on the first bytes read:
 * a log is text, and `explain /bin/ls` must not report "2 recognised". */
static int refuse_binary(const struct explain *x, const char *buf, size_t len)
{
        struct diag err;
        if (!text_sniff_binary(x->file, buf, len < SNIFF_BYTES ? len : SNIFF_BYTES, &err))
                return 0;
        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
        return -1;
}

static int read_fd(struct explain *x, int fd, struct lines *l)
{
        for (;;) {
                ssize_t n = read(fd, l->buf + l->have, EXPLAIN_BUF - l->have);
                if (n < 0 && errno == EINTR && !stop)
                        continue;
                if (n < 0)
                        return stop ? 0 : -1;
                if (n == 0) {
                        if (!x->follow || stop)
                                break;
                        struct timespec ts = {0, 200 * 1000 * 1000};
                        nanosleep(&ts, NULL);
                        continue;
                }
                l->have += (size_t)n;
                if (!l->sniffed && refuse_binary(x, l->buf, l->have))
                        return -2;
                l->sniffed = true;
                drain(x, l, false);
                if (x->follow)
                        fflush(x->out);
        }
        drain(x, l, true);
        return 0;
}

int explain_read(struct explain *x, const char *path)
{
        static struct lines l;
        memset(&l, 0, sizeof(l));
        x->file = path;
        int fd = strcmp(path, "-") ? open(path, O_RDONLY) : 0;
        if (fd < 0) {
                fprintf(stderr, "ipsec-doctor: %s: cannot open: %s\n", path, strerror(errno));
                return -1;
        }
        if (x->follow) {
                signal(SIGINT, on_signal);
                signal(SIGTERM, on_signal);
        }
        char head[SNIFF_BYTES];
        struct stat st;
        ssize_t nh = 0;
        /* A regular file is sniffed before the chunked reader sees it; a
         * pipe by read_fd on its first read. */
        if (!fstat(fd, &st) && S_ISREG(st.st_mode)) {
                nh = pread(fd, head, sizeof(head), 0);
                l.sniffed = nh >= 0;
        }
        if (nh > 0 && refuse_binary(x, head, (size_t)nh)) {
                if (fd)
                        close(fd);
                return -1;
        }
        int rc = x->follow ? 0 : explain_read_parallel(x, fd);
        rc = rc > 0 ? 0 : rc < 0 ? -1 : read_fd(x, fd, &l);
        if (rc == -2) {
                if (fd)
                        close(fd);
                logs_finish(&x->rd);
                return -1;
        }
        if (rc)
                fprintf(stderr, "ipsec-doctor: %s: %s\n", path, strerror(errno));
        if (fd)
                close(fd);
        logs_finish(&x->rd);
        return rc;
}
