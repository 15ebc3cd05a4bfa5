/*
 * One pass over a syslog message body that finds every byte the body's
 * parser looks for: the dots that anchor addresses, the first letters of
 * the Group and Username tags (one class: the parser looks at the byte),
 * and the NUL that ends the text early. The
 * parser then walks bitmaps instead of running one memchr per thing it
 * looks for (four to eight a line, each a call and a pass of its own).
 * SSE2 compares 16 bytes at a time where the compiler offers it (every
 * x86-64); elsewhere a byte loop fills the same bitmaps.
 */
#ifndef IPSD_LOGS_MARKS_H
#define IPSD_LOGS_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define MARKS_MAX   2048 /* bytes of body looked at; a multiple of 64 */
#define MARKS_WORDS (MARKS_MAX / 64)

/* Bit i of word i / 64 is set when body[i] is of the class. Only the
 * words below (len + 63) / 64 are filled. */
struct body_marks {
        uint64_t dot[MARKS_WORDS], cap[MARKS_WORDS]; /* '.'; 'G' or 'U' */
        size_t len; /* bytes before the first NUL (at most the length given) */
};

#if defined(__SSE2__)
static inline __m128i marks_eq16(__m128i v, char c)
{
        return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

static inline uint64_t marks_bits(__m128i eq, size_t back, size_t b)
{
        return (uint64_t)((unsigned)_mm_movemask_epi8(eq) >> back) << b;
}
#endif

/* Marks of one 64-byte word of s[0..n), n <= 64; returns the NUL bits.
 * behind: the 16 bytes before s belong to the text too (a later word). */
static inline uint64_t marks_word(const char *s, size_t n, bool behind, uint64_t *dot,
                                  uint64_t *cap)
{
        uint64_t d = 0, cc = 0, z = 0;
#if defined(__SSE2__)
        /* Which bytes of a 16-byte load at s + b - back belong to [b, n). */
        for (size_t b = 0; b < n; b += 16) {
                size_t back = n - b >= 16 ? 0 : 16 - (n - b);
                if (back && n < 16 && !behind)
                        break; /* the whole text is shorter than one load */
                /* The tail is loaded as the last 16 bytes of the text (the
                 * bytes before b again, shifted out): nothing past s[n) is
                 * read and no copy stalls the load. */
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + b - back));
                d |= marks_bits(marks_eq16(v, '.'), back, b);
                cc |= marks_bits(_mm_or_si128(marks_eq16(v, 'G'), marks_eq16(v, 'U')), back, b);
                z |= marks_bits(marks_eq16(v, '\0'), back, b);
        }
        if (n < 16 && !behind)
#endif
                for (size_t i = 0; i < n; i++) {
                        uint64_t bit = (uint64_t)1 << i;
                        d |= s[i] == '.' ? bit : 0;
                        cc |= s[i] == 'G' || s[i] == 'U' ? bit : 0;
                        z |= s[i] == '\0' ? bit : 0;
                }
        *dot = d;
        *cap = cc;
        return z;
}

/* Fills m for s[0..n) (n <= MARKS_MAX), stopping at the first NUL. */
static inline void body_marks(const char *s, size_t n, struct body_marks *m)
{
        if (n > MARKS_MAX)
                n = MARKS_MAX;
        m->len = n;
        for (size_t w = 0; w * 64 < n; w++) {
                size_t k = n - w * 64 < 64 ? n - w * 64 : 64;
                uint64_t z = marks_word(s + w * 64, k, w > 0, &m->dot[w], &m->cap[w]);
                if (z) {
                        unsigned at = (unsigned)__builtin_ctzll(z);
                        uint64_t keep = at ? ((uint64_t)1 << at) - 1 : 0;
                        m->dot[w] &= keep;
                        m->cap[w] &= keep;
                        m->len = w * 64 + at;
                        return;
                }
        }
}

/* The first marked position at or after from, or m->len when none. */
static inline size_t marks_next(const struct body_marks *m, const uint64_t *bits, size_t from)
{
        size_t w = from / 64, nw = (m->len + 63) / 64;
        if (w >= nw)
                return m->len;
        uint64_t b = bits[w] & (~(uint64_t)0 << (from % 64));
        while (!b) {
                if (++w >= nw)
                        return m->len;
                b = bits[w];
        }
        return w * 64 + (size_t)__builtin_ctzll(b);
}

#endif
