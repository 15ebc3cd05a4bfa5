/*
 * One pass over a syslog message body that finds every byte the body's
 * parser looks for: the dots that anchor addresses, the first letters of
 * the Group and Username tags (one class: the parser looks at the byte),
 * and the NUL that ends the text early. The parser then walks bitmaps
 * instead of running one memchr per thing it looks for (four to eight a
 * line, each a call and a pass of its own). SSE2 compares 16 bytes at a
 * time where the compiler offers it (every x86-64); elsewhere a byte loop
 * fills the same bitmaps.
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

#define MARKS_MAX    2048 /* bytes of body looked at; a multiple of 16 */
#define MARKS_BLOCKS (MARKS_MAX / 16)

/* Bit i of block i / 16 is set when body[i] is of the class. Only the
 * blocks below (len + 15) / 16 are filled. */
struct body_marks {
        uint16_t dot[MARKS_BLOCKS], cap[MARKS_BLOCKS]; /* '.'; 'G' or 'U' */
        size_t len; /* bytes before the first NUL (at most the length given) */
};

/* Block b's marks, z its NUL bits; false when a NUL ended the text there. */
static inline bool marks_put(struct body_marks *m, size_t b, unsigned dot, unsigned cap, unsigned z)
{
        if (z) {
                unsigned at = (unsigned)__builtin_ctz(z);
                unsigned keep = (1u << at) - 1;
                dot &= keep;
                cap &= keep;
                m->len = b * 16 + at;
        }
        m->dot[b] = (uint16_t)dot;
        m->cap[b] = (uint16_t)cap;
        return !z;
}

/* Fills m for s[0..n), stopping at the first NUL; nothing past s[n) is read. */
static inline void body_marks(const char *s, size_t n, struct body_marks *m)
{
        if (n > MARKS_MAX)
                n = MARKS_MAX;
        m->len = n;
        size_t b = 0;
#if defined(__SSE2__)
        const __m128i dotv = _mm_set1_epi8('.'), gv = _mm_set1_epi8('G'), uv = _mm_set1_epi8('U'),
                      zero = _mm_setzero_si128();
        for (; (b + 1) * 16 <= n; b++) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + b * 16));
                unsigned d = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dotv));
                unsigned c = (unsigned)_mm_movemask_epi8(
                    _mm_or_si128(_mm_cmpeq_epi8(v, gv), _mm_cmpeq_epi8(v, uv)));
                unsigned z = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero));
                if (!marks_put(m, b, d, c, z))
                        return;
        }
        size_t rest = n - b * 16;
        if (rest && n >= 16) {
                /* The tail as the text's last 16 bytes, the bytes of the
                 * previous block shifted out: no read past s[n), and no copy
                 * to stall the load. */
                unsigned back = (unsigned)(16 - rest);
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
                unsigned d = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dotv)) >> back;
                unsigned c = (unsigned)_mm_movemask_epi8(
                                 _mm_or_si128(_mm_cmpeq_epi8(v, gv), _mm_cmpeq_epi8(v, uv))) >>
                             back;
                unsigned z = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)) >> back;
                marks_put(m, b, d, c, z);
                return;
        }
#endif
        for (; b * 16 < n; b++) {
                unsigned d = 0, c = 0, z = 0;
                for (size_t i = b * 16; i < n && i < (b + 1) * 16; i++) {
                        unsigned bit = 1u << (i % 16);
                        d |= s[i] == '.' ? bit : 0;
                        c |= s[i] == 'G' || s[i] == 'U' ? bit : 0;
                        z |= s[i] == '\0' ? bit : 0;
                }
                if (!marks_put(m, b, d, c, z))
                        return;
        }
}

/* The first marked position at or after from, or m->len when none. */
static inline size_t marks_next(const struct body_marks *m, const uint16_t *bits, size_t from)
{
        size_t b = from / 16, nb = (m->len + 15) / 16;
        if (b >= nb)
                return m->len;
        unsigned v = bits[b] & (0xFFFFu << (from % 16));
        while (!v) {
                if (++b >= nb)
                        return m->len;
                v = bits[b];
        }
        return b * 16 + (size_t)__builtin_ctz(v);
}

#endif
