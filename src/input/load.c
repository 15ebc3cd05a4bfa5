/*
 * Reading input: the file (or stdin) into memory within TEXT_MAX_FILE, a
 * refusal of binary data, then one pass over the physical lines with the
 * line-length and line-count limits. Each limit has its own message,
 * naming the line and the limit.
 *
 * Line ends: LF, CRLF (any CRs before the LF), and a lone CR. In a file
 * that has LFs a lone CR is a terminal's carriage return (pager prompts
 * erase themselves with one): it separates logical lines but keeps the line
 * number; in a file without LFs (old Mac) it ends physical lines.
 */
#include "input_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SNIFF_LEN 1024 /* bytes examined for binary content */

static const struct text_limits default_limits = {TEXT_MAX_FILE, TEXT_MAX_LINE, TEXT_MAX_LINES};

/* Bytes of a valid UTF-8 sequence at s (1 for ASCII), 0 when invalid, or
 * SIZE_MAX when s ends inside a sequence that could still be valid. */
static size_t utf8_len(const unsigned char *s, size_t len)
{
        size_t need = s[0] < 0x80                    ? 0
                      : s[0] >= 0xc2 && s[0] <= 0xdf ? 1
                      : s[0] >= 0xe0 && s[0] <= 0xef ? 2
                      : s[0] >= 0xf0 && s[0] <= 0xf4 ? 3
                                                     : (size_t)-2;
        if (need == (size_t)-2)
                return 0;
        for (size_t i = 1; i <= need; i++) {
                if (i >= len)
                        return SIZE_MAX;
                if ((s[i] & 0xc0) != 0x80)
                        return 0;
        }
        return need + 1;
}

static bool is_text_control(unsigned char c)
{
        /* tab, LF, CR, backspace, FF, VT, ESC (colours), ETX (banner ^C) */
        return c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == '\f' || c == '\v' ||
               c == 0x1b || c == 0x03;
}

/* Binary when there is a NUL anywhere, or when more than 1 in 8 of the
 * first KiB is neither printable nor valid UTF-8 (a JPEG, a pcap). */
int text_sniff_binary(const char *file, const char *buf, size_t len, struct diag *err)
{
        const char *nul = memchr(buf, '\0', len);
        if (nul) {
                diag_set(err, file, 0, "binary input (NUL byte at offset %zu), not a config or log",
                         (size_t)(nul - buf));
                return -1;
        }
        const unsigned char *s = (const unsigned char *)buf;
        size_t n = len < SNIFF_LEN ? len : SNIFF_LEN, bad = 0;
        for (size_t i = 0; i < n;) {
                size_t l = utf8_len(s + i, n - i);
                if (l == SIZE_MAX)
                        break;
                if (l == 0 || (l == 1 && s[i] < 0x20 && !is_text_control(s[i])))
                        bad++, l = 1;
                i += l;
        }
        if (bad * 8 > n) {
                diag_set(
                    err, file, 0,
                    "binary input (%zu of the first %zu bytes are not text), not a config or log",
                    bad, n);
                return -1;
        }
        return 0;
}

struct scratch {
        char *line;
        struct span *words;
        size_t *cuts;
};

static int scratch_init(struct scratch *sc, struct norm *nm, size_t maxline)
{
        nm->nwords = maxline / 2 + 1;
        sc->line = malloc(maxline + 1);
        sc->words = malloc(nm->nwords * sizeof(*sc->words));
        sc->cuts = malloc(nm->nwords * sizeof(*sc->cuts));
        nm->words = sc->words;
        nm->cuts = sc->cuts;
        return sc->line && sc->words && sc->cuts ? 0 : -1;
}

static void scratch_free(struct scratch *sc)
{
        free(sc->line);
        free(sc->words);
        free(sc->cuts);
}

/* One physical line s[0..len) (no LF): its CR-separated parts. */
static int physical(struct norm *nm, char *tmp, const char *s, size_t len, bool cr_is_nl,
                    uint32_t lineno, int *why)
{
        while (len && s[len - 1] == '\r')
                len--;
        for (;;) {
                const char *cr = cr_is_nl ? NULL : memchr(s, '\r', len);
                size_t part = cr ? (size_t)(cr - s) : len;
                size_t n = clean_line(s, part, tmp);
                if (norm_line(nm, tmp, n, lineno, why))
                        return -1;
                if (!cr)
                        break;
                s = cr + 1;
                len -= part + 1;
        }
        return 0;
}

static int limit_error(const char *file, uint32_t lineno, int why, const struct text_limits *lim,
                       struct diag *err)
{
        if (why == 1)
                diag_set(err, file, lineno, "more than %zu lines (limit %zu)", lim->lines,
                         lim->lines);
        else
                diag_set(err, file, lineno, "input too large: memory limit reached");
        return -1;
}

static int split_lines(const char *file, const char *buf, size_t len, struct norm *nm, char *tmp,
                       const struct text_limits *lim, struct diag *err)
{
        bool cr_is_nl = !memchr(buf, '\n', len);
        char eol = cr_is_nl ? '\r' : '\n';
        uint32_t lineno = 0;
        int why = 0;
        for (size_t start = 0; start < len;) {
                const char *nl = memchr(buf + start, eol, len - start);
                size_t end = nl ? (size_t)(nl - buf) : len;
                lineno++;
                if (end - start > lim->line) {
                        diag_set(err, file, lineno, "line longer than %zu bytes (limit %zu)",
                                 lim->line, lim->line);
                        return -1;
                }
                if (physical(nm, tmp, buf + start, end - start, cr_is_nl, lineno, &why))
                        return limit_error(file, lineno, why, lim, err);
                start = end + 1;
        }
        nm->out->nphysical = lineno;
        return 0;
}

int text_from_buffer_limits(const char *file, const char *buf, size_t len, struct arena *a,
                            struct text *out, struct diag *err, const struct text_limits *lim)
{
        memset(out, 0, sizeof(*out));
        out->file = file;
        out->version.major = out->version.minor = out->version.maint = -1;
        if (len > lim->file) {
                diag_set(err, file, 0, "input larger than %zu bytes (limit %zu)", lim->file,
                         lim->file);
                return -1;
        }
        if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) { /* UTF-8 byte order mark */
                buf += 3;
                len -= 3;
        }
        if (text_sniff_binary(file, buf, len, err))
                return -1;
        struct norm nm = {.a = a, .out = out, .maxlines = lim->lines};
        struct scratch sc;
        int rc = -1;
        /* no physical line is longer than the input */
        if (scratch_init(&sc, &nm, len < lim->line ? len : lim->line)) {
                diag_set(err, file, 0, "out of memory");
                goto out;
        }
        if (split_lines(file, buf, len, &nm, sc.line, lim, err))
                goto out;
        size_t vlen;
        detect_platform(out, &out->platform, &out->version, &vlen);
        if (vlen && !(out->version.text = arena_strndup(a, out->version.text, vlen))) {
                diag_set(err, file, 0, "input too large: memory limit reached");
                goto out;
        }
        rc = 0;
out:
        scratch_free(&sc);
        return rc;
}

int text_from_buffer(const char *file, const char *buf, size_t len, struct arena *a,
                     struct text *out, struct diag *err)
{
        return text_from_buffer_limits(file, buf, len, a, out, err, &default_limits);
}

/* Reads all of f, refusing more than max bytes. */
static char *read_all(FILE *f, const char *path, size_t max, size_t *outlen, struct diag *err)
{
        size_t cap = 1 << 16, len = 0;
        char *buf = malloc(cap);
        while (buf) {
                len += fread(buf + len, 1, cap - len, f);
                if (len < cap)
                        break;
                if (len > max) {
                        diag_set(err, path, 0, "input larger than %zu bytes (limit %zu)", max, max);
                        free(buf);
                        return NULL;
                }
                size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
                char *nb = realloc(buf, ncap);
                if (!nb) {
                        free(buf);
                        buf = NULL;
                        break;
                }
                buf = nb;
                cap = ncap;
        }
        if (!buf) {
                diag_set(err, path, 0, "out of memory");
                return NULL;
        }
        if (ferror(f)) {
                diag_set(err, path, 0, "read error: %s", strerror(errno));
                free(buf);
                return NULL;
        }
        *outlen = len;
        return buf;
}

int text_load(const char *path, struct arena *a, struct text *out, struct diag *err)
{
        memset(out, 0, sizeof(*out));
        bool is_stdin = !strcmp(path, "-");
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        if (!f) {
                diag_set(err, path, 0, "cannot open: %s", strerror(errno));
                return -1;
        }
        size_t len = 0;
        char *buf = read_all(f, path, default_limits.file, &len, err);
        if (!is_stdin)
                fclose(f);
        if (!buf)
                return -1;
        int rc = text_from_buffer(path, buf, len, a, out, err);
        free(buf);
        return rc;
}
