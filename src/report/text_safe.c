#include "text_safe.h"

#include <string.h>

#include "../util/utf8.h"

static void put(void *arg, const char *s, size_t n)
{
        fwrite(s, 1, n, (FILE *)arg);
}

void text_put_n(FILE *out, const char *s, size_t n)
{
        utf8_escape_each(s, n, put, out);
}

void text_put(FILE *out, const char *s)
{
        if (s)
                text_put_n(out, s, strlen(s));
}
