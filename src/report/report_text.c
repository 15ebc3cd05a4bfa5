/*
 * Text for an engineer at a console, shaped like clang's diagnostics:
 *   hq.cfg:42: error: title [id]
 *      42 | source line
 *   then the other evidence lines and the fix per device; a summary last.
 * The explanation (ten lines a finding) only with --explain / -v: the
 * catalog's `describe ID` prints it too. A finding reported on both devices
 * of a pair (the same diagnosis and title, each naming the other) is
 * printed once, with both locations and both fixes. A finding with no line
 * (the device as a whole) is "file: severity: title", as in every format.
 * Colour only when the caller says so (report_color()).
 */
#include <string.h>

#include "../findings/tunnel.h"

#include "report.h"
#include "text_safe.h"
#include "tunnel_text.h"

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
                text_put_n(out, p, wl);
                col += wl;
                p = sp;
                while (*p == ' ')
                        p++;
        }
        fputc('\n', out);
}

/* "file:line" or, for the device as a whole, "file". */
static void put_loc(FILE *out, const char *file, uint32_t line)
{
        text_put(out, file);
        if (line)
                fprintf(out, ":%u", (unsigned)line);
}

/* alt: the fixes of a pair fault's other end, an alternative: fixing
 * either end is enough (the --fix replay checks each alone). */
static void print_fixes(FILE *out, const struct finding *f, bool alt, const struct palette *c)
{
        for (size_t i = 0; i < f->nfixes; i++) {
                const struct fix *x = &f->fixes[i];
                fprintf(out, "  %s%sfix%s on ", alt ? "or " : "", c->bold, c->reset);
                text_put(out, x->device);
                fprintf(out, " (%s", platform_name(x->platform));
                if (x->version) {
                        fputc(' ', out);
                        text_put(out, x->version);
                }
                fputs("):\n", out);
                for (size_t j = 0; j < x->ncommands; j++) {
                        fprintf(out, "    %s", c->fix);
                        text_put(out, x->commands[j]);
                        fprintf(out, "%s\n", c->reset);
                }
                if (x->note)
                        wrap(out, "  note: ", x->note);
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

static void print_evidence(FILE *out, const struct finding *f, bool first_inline,
                           const struct palette *c)
{
        for (size_t i = 0; i < f->nev; i++) {
                const struct evidence *e = &f->ev[i];
                if (first_inline && i == 0 && e->line == f->line && !strcmp(e->file, f->file)) {
                        fprintf(out, "  %5u | ", (unsigned)e->line);
                } else {
                        fprintf(out, "  %s", c->dim);
                        put_loc(out, e->file, e->line);
                        fprintf(out, ":%s ", c->reset);
                }
                text_put(out, e->text);
                fputc('\n', out);
        }
}

/* Both ends of one pair fault: the same diagnosis and title, each finding
 * on one device naming the other. */
static bool twins(const struct finding *f, const struct finding *g)
{
        return f != g && f->other && g->other && f->diag == g->diag &&
               !strcmp(f->device, g->other) && !strcmp(g->device, f->other) &&
               !strcmp(f->title, g->title);
}

/* The index of the twin printed with finding at, or fs->list.n. Only pair
 * findings carry `other`, so the scan costs nothing for the rest. */
static size_t twin_of(const struct findings *fs, size_t at)
{
        const struct finding *f = fs->list.v[at];
        if (!f->other)
                return fs->list.n;
        for (size_t i = 0; i < fs->list.n; i++)
                if (twins(f, fs->list.v[i]))
                        return i;
        return fs->list.n;
}

static void print_one(FILE *out, const struct finding *f, const struct finding *twin,
                      const struct report_opts *o, const struct palette *c)
{
        static const char *const sev[] = {"info", "warning", "error"};
        fputs(c->bold, out);
        put_loc(out, f->file, f->line);
        fprintf(out, ":%s %s%s:%s %s", c->reset, c->sev[f->severity], sev[f->severity], c->reset,
                c->bold);
        text_put(out, f->title);
        fprintf(out, "%s [%s]\n", c->reset, f->diag->id);
        if (twin) {
                fputs("  and on ", out);
                text_put(out, twin->device);
                fputs(": ", out);
                put_loc(out, twin->file, twin->line);
                fputc('\n', out);
        }
        print_evidence(out, f, true, c);
        if (twin)
                print_evidence(out, twin, false, c);
        if (f->peer) {
                fputs("  peer: ", out);
                text_put(out, f->peer);
                if (twin && twin->peer) {
                        fputs(" (from ", out);
                        text_put(out, f->device);
                        fputs("), ", out);
                        text_put(out, twin->peer);
                        fputs(" (from ", out);
                        text_put(out, twin->device);
                        fputc(')', out);
                }
                fputc('\n', out);
        }
        if (o->explain)
                wrap(out, "  ", f->explanation);
        print_fixes(out, f, false, c);
        if (twin)
                print_fixes(out, twin, true, c);
        fputc('\n', out);
}

static bool same_label(const char *x, const char *y)
{
        return x == y || (x && y && !strcmp(x, y));
}

/* Another tunnel of the list has t's initiator and ends: their headers name
 * what each played (several crypto map entries or tunnel interfaces). */
static bool one_of_several(const struct findings *fs, const struct tunnel_result *t)
{
        for (size_t i = 0; i < fs->tunnels.n; i++) {
                const struct tunnel_result *u = fs->tunnels.v[i];
                if (u != t && same_label(u->initiator, t->initiator) && same_label(u->a, t->a) &&
                    same_label(u->b, t->b))
                        return true;
        }
        return false;
}

/* tunnel: each ladder, and with --fix the replay on edited copies. */
static void print_ladders(FILE *out, const struct findings *fs, bool fix)
{
        for (size_t i = 0; i < fs->tunnels.n; i++) {
                const struct tunnel_result *t = fs->tunnels.v[i];
                bool via = one_of_several(fs, t);
                report_tunnel_text(out, t, via);
                if (fix && t->after_fix) {
                        fprintf(out, "\n  after --fix (the printed fixes pasted into copies of "
                                     "the configs):\n");
                        report_tunnel_text(out, t->after_fix, via);
                        if (t->after_fix->status != TUN_ESTABLISHED)
                                fprintf(out, "  the proposed fixes do NOT make it establish: this "
                                             "is a bug in ipsec-doctor's fixes or a problem no "
                                             "config edit solves\n");
                } else if (fix && t->status != TUN_ESTABLISHED) {
                        fprintf(
                            out,
                            "\n  --fix: no config edit of these findings changes the outcome\n");
                }
                fputc('\n', out);
        }
}

/* check: one line per tunnel found among the configs, before the findings;
 * with --fix, each tunnel again on the fixed copies and the errors left. */
static void print_tunnel_lines(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        for (size_t i = 0; i < fs->tunnels.n; i++) {
                const struct tunnel_result *t = fs->tunnels.v[i];
                report_tunnel_line(out, t);
                if (t->after_fix) {
                        fprintf(out, "  after --fix: ");
                        report_tunnel_line(out, t->after_fix);
                }
        }
        if (o->fix)
                fprintf(out,
                        "after --fix (every printed fix pasted into copies): %zu error(s) remain\n",
                        o->fix_errors_after);
        if (fs->tunnels.n)
                fputc('\n', out);
}

int report_text(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        const struct palette *c = o->color ? &ansi : &plain;
        if (o->counts) /* explain: after the lines it printed as it read */
                fprintf(out, "\n%llu line(s) read: %llu recognised, %llu unknown\n\n",
                        (unsigned long long)o->lines, (unsigned long long)o->recognised,
                        (unsigned long long)(o->lines - o->recognised));
        if (o->ladders)
                print_ladders(out, fs, o->fix);
        else
                print_tunnel_lines(out, fs, o);
        size_t n[3] = {0, 0, 0};
        for (size_t i = 0; i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                size_t t = twin_of(fs, i);
                if (t < i)
                        continue; /* printed with its twin, above */
                const struct finding *twin = t < fs->list.n ? fs->list.v[t] : NULL;
                print_one(out, f, twin, o, c);
                n[f->severity]++;
        }
        fprintf(out, "%s%zu error%s, %zu warning%s, %zu info%s in %zu file%s\n", c->bold, n[2],
                n[2] == 1 ? "" : "s", n[1], n[1] == 1 ? "" : "s", n[0], c->reset, o->nfiles,
                o->nfiles == 1 ? "" : "s");
        return ferror(out) ? -1 : 0;
}
