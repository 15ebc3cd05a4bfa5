/*
 * Text for an engineer at a console, shaped like clang's diagnostics:
 *   hq.cfg:42: error: title [id]
 *      42 | source line
 *   then evidence, the explanation, and the fix per device; a summary last.
 * Colour only when the caller says so (a terminal, and NO_COLOR unset).
 */
#include <string.h>

#include "report.h"

struct palette {
        const char *bold, *reset, *sev[3], *dim, *fix;
};

static const struct palette plain = {"", "", {"", "", ""}, "", ""};
static const struct palette ansi = {
    "\033[1m", "\033[0m", {"\033[1;36m", "\033[1;35m", "\033[1;31m"}, "\033[2m", "\033[32m"};

/* Prints text wrapped at ~88 columns, each line prefixed by indent. */
static void wrap(FILE *out, const char *indent, const char *text)
{
        const size_t width = 88;
        size_t col = 0;
        const char *p = text;
        fputs(indent, out);
        while (*p) {
                const char *sp = p;
                while (*sp && *sp != ' ')
                        sp++;
                size_t wl = (size_t)(sp - p);
                if (col && col + 1 + wl > width) {
                        fputc('\n', out);
                        fputs(indent, out);
                        col = 0;
                } else if (col) {
                        fputc(' ', out);
                        col++;
                }
                fwrite(p, 1, wl, out);
                col += wl;
                p = sp;
                while (*p == ' ')
                        p++;
        }
        fputc('\n', out);
}

static void print_fixes(FILE *out, const struct finding *f, const struct palette *c)
{
        for (size_t i = 0; i < f->nfixes; i++) {
                const struct fix *x = &f->fixes[i];
                fprintf(out, "  %sfix%s on %s (%s%s%s):\n", c->bold, c->reset, x->device,
                        platform_name(x->platform), x->version ? " " : "",
                        x->version ? x->version : "");
                for (size_t j = 0; j < x->ncommands; j++)
                        fprintf(out, "    %s%s%s\n", c->fix, x->commands[j], c->reset);
                if (x->warning)
                        wrap(out, "  warning: ", x->warning);
        }
        const struct fix_replay *r = &f->replay;
        if (r->done)
                fprintf(out, "  --fix: pasted into copies, %s%s%s\n",
                        r->clears ? "it clears this finding" : "it does NOT clear this finding",
                        r->new_error ? " but adds the error " : "",
                        r->new_error ? r->new_error : "");
}

static void print_one(FILE *out, const struct finding *f, const struct palette *c)
{
        static const char *const sev[] = {"info", "warning", "error"};
        fprintf(out, "%s%s:%u:%s %s%s:%s %s%s%s [%s]\n", c->bold, f->file, (unsigned)f->line,
                c->reset, c->sev[f->severity], sev[f->severity], c->reset, c->bold, f->title,
                c->reset, f->diag->id);
        for (size_t i = 0; i < f->nev; i++) {
                const struct evidence *e = &f->ev[i];
                if (i == 0 && e->line == f->line && !strcmp(e->file, f->file))
                        fprintf(out, "  %5u | %s\n", (unsigned)e->line, e->text);
                else
                        fprintf(out, "  %s%s:%u:%s %s\n", c->dim, e->file, (unsigned)e->line,
                                c->reset, e->text);
        }
        if (f->peer)
                fprintf(out, "  peer: %s\n", f->peer);
        wrap(out, "  ", f->explanation);
        print_fixes(out, f, c);
        fputc('\n', out);
}

int report_text(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        const struct palette *c = o->color ? &ansi : &plain;
        size_t n[3];
        for (size_t i = 0; i < fs->list.n; i++)
                print_one(out, fs->list.v[i], c);
        findings_count(fs, n);
        fprintf(out, "%s%zu error%s, %zu warning%s, %zu info%s in %zu file%s\n", c->bold, n[2],
                n[2] == 1 ? "" : "s", n[1], n[1] == 1 ? "" : "s", n[0], c->reset, o->nfiles,
                o->nfiles == 1 ? "" : "s");
        return ferror(out) ? -1 : 0;
}
