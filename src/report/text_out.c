/* Printing helpers for the text dump (see text_out.h). */
#include "text_out.h"

#include <stdarg.h>
#include <string.h>

#include "text_safe.h"

void tf(struct tctx *c, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        vfprintf(c->out, fmt, ap);
        va_end(ap);
}

void tput(struct tctx *c, const char *s)
{
        if (!s) {
                fputc('-', c->out);
                return;
        }
        /* the same escaping as every text report: \xNN for control bytes and
         * invalid UTF-8, so the dump stays valid UTF-8 (issue 14, item 5) */
        text_put(c->out, s);
}

void topt(struct tctx *c, const char *word, const char *s)
{
        if (!s)
                return;
        tf(c, " %s ", word);
        tput(c, s);
}

void tpad(struct tctx *c, const char *s, int width)
{
        tput(c, s);
        int len = s ? (int)strlen(s) : 1;
        for (; len < width; len++)
                fputc(' ', c->out);
}

void tloc(struct tctx *c, const struct loc *l)
{
        if (l->line)
                tf(c, "    L%-6u ", (unsigned)l->line);
        else
                tf(c, "    %-7s ", "-");
}

void tsubloc(struct tctx *c, const struct loc *l)
{
        if (l->line)
                tf(c, " (L%u)", (unsigned)l->line);
}

void tip(struct tctx *c, uint32_t a)
{
        char b[IP_BUF];
        fmt_ip4(a, b);
        tf(c, "%s", b);
}

void tnet(struct tctx *c, uint32_t addr, uint32_t mask)
{
        char b[2 * ADDR_BUF];
        fmt_net(addr, mask, b);
        tf(c, "%s", b);
}

void taddrset(struct tctx *c, const struct addrset *s, size_t max)
{
        char b[ADDR_BUF];
        for (size_t i = 0; i < s->n && i < max; i++) {
                fmt_range32(&s->r[i], b);
                tf(c, "%s%s", i ? "," : "", b);
        }
        if (s->n > max)
                tf(c, ",...(%zu)", s->n);
        if (s->n == 0)
                tf(c, "-");
        if (s->inexact)
                tf(c, " (inexact)");
}

void tstrvec(struct tctx *c, const struct ptrvec *pv, const char *sep)
{
        if (pv->n == 0)
                tf(c, "-");
        for (size_t i = 0; i < pv->n; i++) {
                if (i)
                        tf(c, "%s", sep);
                tput(c, pv->v[i]);
        }
}

void tsecret(struct tctx *c, const struct secret *s)
{
        char fp[SECRET_FP_HEXLEN + 1];
        switch (s->state) {
        case SECRET_KNOWN:
                secret_fingerprint(s, fp);
                tf(c, "<secret> fp %s", fp);
                return;
        case SECRET_MASKED:
        case SECRET_ENCRYPTED:
                tf(c, "<secret> (%s)", secret_state_name(s->state));
                return;
        case SECRET_ABSENT:
                break;
        }
        tf(c, "(none)");
}

const char *ttri(enum tristate t)
{
        return t == TRI_ON ? "on" : t == TRI_OFF ? "off" : "unset";
}

const char *tname(const struct enum_names *t, int v)
{
        const char *n = enum_name(t, v);
        return n ? n : enum_known(t, v) ? "-" : "?";
}

void tsection(struct tctx *c, const char *title, size_t n)
{
        tf(c, "  %s (%zu)\n", title, n);
}

void tlist(struct tctx *c, const char *title, const struct ptrvec *pv, telem_fn fn)
{
        if (pv->n == 0)
                return;
        tsection(c, title, pv->n);
        for (size_t i = 0; i < pv->n; i++) {
                tloc(c, ((const struct loc *)pv->v[i]));
                fn(c, pv->v[i]);
                tf(c, "\n");
        }
}
