/* Escaping untrusted bytes for output (see utf8.h). RFC 3629 section 4:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_seq_len(const unsigned char *s, size_t n)
{
        if (n == 0)
                return 0;
        unsigned char c = s[0];
        if (c < 0x80)
                return 1;
        size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
                len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                if (c == 0xE0)
                        lo = 0xA0; /* overlong */
                else if (c == 0xED)
                        hi = 0x9F; /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                if (c == 0xF0)
                        lo = 0x90;
                else if (c == 0xF4)
                        hi = 0x8F;
        } else
                return 0;
        if (n < len || s[1] < lo || s[1] > hi)
                return 0;
        for (size_t i = 2; i < len; i++)
                if (s[i] < 0x80 || s[i] > 0xBF)
                        return 0;
        return len;
}

static bool is_ctl(unsigned char c)
{
        return (c < 0x20 && c != '\t') || c == 0x7f;
}

void utf8_escape_each(const char *s, size_t n, void (*put)(void *, const char *, size_t), void *arg)
{
        const unsigned char *u = (const unsigned char *)s;
        size_t run = 0, i = 0;
        while (i < n) {
                size_t k = utf8_seq_len(u + i, n - i);
                if (k && !(k == 1 && is_ctl(u[i]))) {
                        i += k;
                        continue;
                }
                if (i > run)
                        put(arg, s + run, i - run);
                char esc[5];
                snprintf(esc, sizeof(esc), "\\x%02x", u[i]);
                put(arg, esc, 4);
                run = ++i;
        }
        if (n > run)
                put(arg, s + run, n - run);
}

bool utf8_clean(const char *s)
{
        const unsigned char *u = (const unsigned char *)s;
        size_t n = strlen(s);
        for (size_t i = 0; i < n;) {
                size_t k = utf8_seq_len(u + i, n - i);
                if (!k || (k == 1 && is_ctl(u[i])))
                        return false;
                i += k;
        }
        return true;
}

struct buf {
        char *p;
        size_t n;
};

static void append(void *arg, const char *s, size_t n)
{
        struct buf *b = arg;
        memcpy(b->p + b->n, s, n);
        b->n += n;
}

char *utf8_escape(const char *s)
{
        size_t n = strlen(s);
        /* Each byte grows to at most four characters. */
        struct buf b = {malloc(4 * n + 1), 0};
        if (!b.p)
                return NULL;
        utf8_escape_each(s, n, append, &b);
        b.p[b.n] = '\0';
        return b.p;
}
