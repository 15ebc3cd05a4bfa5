/* Template expansion for catalog fixes: measure, allocate once, write. */
#include <string.h>

#include "fix.h"

/* Where expanded bytes go; dst NULL only counts. Writes never pass cap. */
struct sink {
        char *dst;
        size_t cap, n;
};

static void put(struct sink *s, char c)
{
        if (s->dst && s->n < s->cap)
                s->dst[s->n] = c;
        s->n++;
}

static int is_name_char(char c)
{
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* Length of "name" when p points at "name}", else 0. */
static size_t placeholder_len(const char *p)
{
        size_t n = 0;
        while (n <= FIX_MAX_NAME && is_name_char(p[n]))
                n++;
        if (n == 0 || n > FIX_MAX_NAME || p[n] != '}')
                return 0;
        return n;
}

static const char *lookup(const struct fix_var *vars, size_t nvars, const char *name, size_t len)
{
        for (size_t i = 0; i < nvars; i++)
                if (vars[i].name && strlen(vars[i].name) == len && !memcmp(vars[i].name, name, len))
                        return vars[i].value;
        return NULL;
}

static void put_value(struct sink *s, const char *v)
{
        /* Stop early: a huge value only needs to be seen to exceed the limit. */
        for (; *v && s->n <= FIX_MAX_BYTES; v++) {
                unsigned char c = (unsigned char)*v;
                put(s, (c < 0x20 || c == 0x7f) ? '?' : (char)c);
        }
}

static void expand(const char *tmpl, const struct fix_var *vars, size_t nvars, struct sink *s)
{
        const char *p = tmpl;
        while (*p && s->n <= FIX_MAX_BYTES) {
                size_t len = *p == '{' ? placeholder_len(p + 1) : 0;
                if (len == 0) {
                        put(s, *p++);
                        continue;
                }
                const char *v = lookup(vars, nvars, p + 1, len);
                if (v && *v) {
                        put_value(s, v);
                } else {
                        put(s, '<');
                        for (size_t i = 0; i < len; i++)
                                put(s, p[1 + i]);
                        put(s, '>');
                }
                p += len + 2;
        }
}

/* Cuts buf (len bytes, NUL at len) at each '\n' into lines. */
static enum fix_status split(char *buf, size_t len, char ***out_lines, size_t *nlines,
                             struct arena *a)
{
        size_t n = 0;
        for (size_t i = 0; i < len; i++)
                if (buf[i] == '\n' && i + 1 < len)
                        n++;
        n += len > 0;
        if (n > FIX_MAX_LINES)
                return FIX_TOO_LARGE;
        char **lines = n ? arena_calloc(a, n, sizeof(*lines)) : NULL;
        if (n && !lines)
                return FIX_NO_MEMORY;
        size_t k = 0;
        char *start = buf;
        for (size_t i = 0; i < len; i++) {
                if (buf[i] == '\n') {
                        buf[i] = '\0';
                        if (k < n)
                                lines[k++] = start;
                        start = buf + i + 1;
                }
        }
        if (start < buf + len && k < n)
                lines[k++] = start;
        *out_lines = lines;
        *nlines = k;
        return FIX_OK;
}

enum fix_status fix_render(const char *tmpl, const struct fix_var *vars, size_t nvars,
                           char ***out_lines, size_t *nlines, struct arena *a)
{
        *out_lines = NULL;
        *nlines = 0;
        if (!tmpl)
                return FIX_OK;
        struct sink count = {NULL, 0, 0};
        expand(tmpl, vars, nvars, &count);
        if (count.n > FIX_MAX_BYTES)
                return FIX_TOO_LARGE;
        char *buf = arena_alloc(a, count.n + 1);
        if (!buf)
                return FIX_NO_MEMORY;
        struct sink write = {buf, count.n, 0};
        expand(tmpl, vars, nvars, &write);
        buf[count.n] = '\0';
        return split(buf, count.n, out_lines, nlines, a);
}
