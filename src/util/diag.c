#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

void diag_set(struct diag *d, const char *file, uint32_t line, const char *fmt, ...)
{
        int n;
        if (line)
                n = snprintf(d->msg, sizeof(d->msg), "%s:%u: ", file ? file : "-", (unsigned)line);
        else
                n = snprintf(d->msg, sizeof(d->msg), "%s: ", file ? file : "-");
        if (n < 0 || (size_t)n >= sizeof(d->msg))
                return;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->msg + n, sizeof(d->msg) - (size_t)n, fmt, ap);
        va_end(ap);
}
