/*
 * Where a syslog message body may name its peer: the positions where a
 * peer tag's last byte (' ', ':', '<', '=': syslog.c's tag_end) is followed
 * by a digit, the first byte of an address. The peer search asks its tags
 * only there, instead of walking every dot of the body back to the start
 * of its address (most dots of a line are inside addresses no tag
 * announces, or end a sentence). SSE2 compares 16 positions at a time
 * where the compiler offers it (every x86-64); elsewhere, and for the last
 * bytes of a body, a byte loop gives the same bits.
 */
#ifndef IPSD_LOGS_MARKS_H
#define IPSD_LOGS_MARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline bool marks_tag_end(char c)
{
        return c == ' ' || c == ':' || c == '<' || c == '=';
}

/* Bit j: s[at + j] ends a tag and s[at + j + 1] is a digit, for the
 * positions at + j + 1 < n of the 16 from at; nothing past s[n) is read. */
static inline unsigned addr_marks(const char *s, size_t n, size_t at)
{
#if defined(__SSE2__)
        if (at + 17 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + at));
                __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + at + 1));
                __m128i e = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
                                                      _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
                                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('='))));
                /* a digit: w - '0' is at most 9 as an unsigned byte */
                __m128i d = _mm_sub_epi8(w, _mm_set1_epi8('0'));
                d = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
                return (unsigned)_mm_movemask_epi8(_mm_and_si128(e, d));
        }
#endif
        unsigned m = 0;
        for (size_t j = 0; j < 16 && at + j + 1 < n; j++)
                if (marks_tag_end(s[at + j]) && s[at + j + 1] >= '0' && s[at + j + 1] <= '9')
                        m |= 1u << j;
        return m;
}

#endif
