#include "ipv4.h"

#include <stdio.h>
#include <string.h>

/* A prefix length: decimal digits only, 0..32 (the same rule as the
 * config lexer's lex_int(s, 0, 32)). */
static bool prefix_len(const char *s, int *out)
{
        unsigned v = 0;
        if (!*s)
                return false;
        for (const char *p = s; *p; p++) {
                if (*p < '0' || *p > '9')
                        return false;
                v = v * 10 + (unsigned)(*p - '0');
                if (v > 32)
                        return false;
        }
        *out = (int)v;
        return true;
}

bool lex_ipv4(const char *s, uint32_t *out)
{
        uint32_t a = 0;
        int parts = 0;
        const char *p = s;
        if (!s)
                return false;
        while (parts < 4) {
                if (*p < '0' || *p > '9')
                        return false;
                uint32_t v = 0;
                int digits = 0;
                while (*p >= '0' && *p <= '9') {
                        v = v * 10 + (uint32_t)(*p - '0');
                        if (++digits > 3 || v > 255)
                                return false;
                        p++;
                }
                a = (a << 8) | v;
                parts++;
                if (parts < 4) {
                        if (*p != '.')
                                return false;
                        p++;
                }
        }
        if (*p)
                return false;
        *out = a;
        return true;
}

bool mask_is_contiguous(uint32_t mask)
{
        uint32_t inv = ~mask;
        return (inv & (inv + 1)) == 0;
}

int mask_prefix_len(uint32_t mask)
{
        if (!mask_is_contiguous(mask))
                return -1;
        int n = 0;
        while (mask & 0x80000000u) {
                n++;
                mask <<= 1;
        }
        return n;
}

uint32_t prefix_to_mask(int len)
{
        if (len <= 0)
                return 0;
        if (len >= 32)
                return 0xffffffffu;
        return ~((1u << (32 - len)) - 1);
}

bool lex_netmask(const char *s, uint32_t *mask, int *prefix)
{
        uint32_t m;
        if (!lex_ipv4(s, &m) || !mask_is_contiguous(m))
                return false;
        *mask = m;
        if (prefix)
                *prefix = mask_prefix_len(m);
        return true;
}

bool lex_prefix(const char *s, uint32_t *net, uint32_t *mask)
{
        const char *slash = strchr(s, '/');
        char buf[16];
        int len;
        if (!slash || (size_t)(slash - s) >= sizeof(buf))
                return false;
        memcpy(buf, s, (size_t)(slash - s));
        buf[slash - s] = '\0';
        if (!lex_ipv4(buf, net) || !prefix_len(slash + 1, &len))
                return false;
        *mask = prefix_to_mask(len);
        return true;
}

bool wildcard_range(uint32_t addr, uint32_t wildcard, uint32_t *lo, uint32_t *hi)
{
        *lo = addr & ~wildcard;
        *hi = addr | wildcard;
        return mask_is_contiguous(~wildcard);
}

void netmask_range(uint32_t addr, uint32_t mask, uint32_t *lo, uint32_t *hi)
{
        *lo = addr & mask;
        *hi = addr | ~mask;
}

char *ipv4_str(uint32_t a, char buf[16])
{
        snprintf(buf, 16, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
        return buf;
}
