/*
 * Words of a line and a tiny pattern language over them, so that prompts,
 * glued commands, platform clues and secrets can be written as tables of
 * patterns ("crypto map * #|interface") instead of if-chains. No regex
 * library: every test is a bounded scan of one word.
 */
#include "input_int.h"

#include <string.h>
#include <strings.h>

static int lower(int c)
{
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

size_t tw_split(const char *s, size_t len, struct span *w, size_t max)
{
        size_t n = 0, i = 0;
        while (i < len && n < max) {
                while (i < len && s[i] == ' ')
                        i++;
                if (i >= len)
                        break;
                size_t b = i;
                while (i < len && s[i] != ' ')
                        i++;
                w[n].s = s + b;
                w[n].len = i - b;
                n++;
        }
        return n;
}

bool tw_eq(struct span w, const char *kw)
{
        size_t i = 0;
        for (; i < w.len; i++)
                if (!kw[i] || lower((unsigned char)w.s[i]) != lower((unsigned char)kw[i]))
                        return false;
        return kw[i] == '\0';
}

bool tw_prefix(const char *s, size_t len, const char *prefix)
{
        size_t i = 0;
        for (; prefix[i]; i++)
                if (i >= len || lower((unsigned char)s[i]) != lower((unsigned char)prefix[i]))
                        return false;
        return true;
}

bool tw_is_num(struct span w)
{
        if (w.len == 0 || w.len > 10)
                return false;
        for (size_t i = 0; i < w.len; i++)
                if (w.s[i] < '0' || w.s[i] > '9')
                        return false;
        return true;
}

bool tw_is_ipv4(struct span w)
{
        size_t i = 0;
        for (int part = 0; part < 4; part++) {
                if (part && (i >= w.len || w.s[i++] != '.'))
                        return false;
                unsigned v = 0, digits = 0;
                while (i < w.len && w.s[i] >= '0' && w.s[i] <= '9' && digits < 4) {
                        v = v * 10 + (unsigned)(w.s[i++] - '0');
                        digits++;
                }
                if (digits == 0 || digits > 3 || v > 255)
                        return false;
        }
        return i == w.len;
}

/* One alternative of a pattern token against one word. */
static bool alt_matches(const char *tok, size_t tlen, struct span w)
{
        if (tlen == 1 && tok[0] == '*')
                return true;
        if (tlen == 1 && tok[0] == '#')
                return tw_is_num(w);
        if (tlen == 1 && tok[0] == '@')
                return tw_is_ipv4(w);
        if (tlen > 1 && tok[tlen - 1] == '*') /* "security*" */
                return w.len >= tlen - 1 && !strncasecmp(w.s, tok, tlen - 1);
        return w.len == tlen && !strncasecmp(w.s, tok, tlen);
}

bool tw_match(const struct span *w, size_t n, const char *pat)
{
        size_t k = 0;
        const char *p = pat;
        while (*p) {
                if (*p == ' ') {
                        p++;
                        continue;
                }
                if (k >= n)
                        return false;
                bool ok = false;
                for (;;) { /* each alternative of this token */
                        size_t al = 0;
                        while (p[al] && p[al] != ' ' && p[al] != '|')
                                al++;
                        ok = ok || alt_matches(p, al, w[k]);
                        p += al;
                        if (*p != '|')
                                break;
                        p++;
                }
                if (!ok)
                        return false;
                k++;
        }
        return true;
}

#define TW_ANY ((uint32_t)1 << 26)

uint32_t tw_letters(const char *pat)
{
        uint32_t m = 0;
        for (const char *p = pat; *p && *p != ' '; p++) {
                if (p != pat && p[-1] != '|')
                        continue;
                int c = *p | 0x20;
                m |= c >= 'a' && c <= 'z' ? (uint32_t)1 << (c - 'a') : TW_ANY;
        }
        return m;
}

bool tw_letter_in(uint32_t letters, struct span w)
{
        int c = w.len ? (unsigned char)w.s[0] | 0x20 : 0;
        if (letters & TW_ANY)
                return true;
        return c >= 'a' && c <= 'z' && (letters & ((uint32_t)1 << (c - 'a')));
}
