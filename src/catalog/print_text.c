/* Plain-text catalog output: an aligned table, and a page per diagnosis. */
#include <string.h>

#include "print.h"

#define WRAP_WIDTH 78
#define FROM_BUF   64 /* "config,pair,logs,capture,live" fits */

int catalog_list_text(FILE *f)
{
        size_t wid = 0, wfrom = 0;
        char from[FROM_BUF];
        for (size_t i = 0; i < catalog_count; i++) {
                size_t n = strlen(catalog[i].id);
                wid = n > wid ? n : wid;
                n = strlen(found_from_str(catalog[i].found_from, from, sizeof(from)));
                wfrom = n > wfrom ? n : wfrom;
        }
        for (size_t i = 0; i < catalog_count; i++) {
                const struct diagnosis *d = &catalog[i];
                found_from_str(d->found_from, from, sizeof(from));
                fprintf(f, "%-*s  %-7s  %-*s  %s\n", (int)wid, d->id, severity_name(d->severity),
                        (int)wfrom, from, d->title);
        }
        return ferror(f) ? -1 : 0;
}

/* Prints text as lines of at most width columns after indent, breaking at spaces. */
static void wrap(FILE *f, const char *indent, const char *text)
{
        size_t avail = WRAP_WIDTH - strlen(indent);
        const char *p = text;
        while (*p) {
                while (*p == ' ')
                        p++;
                size_t len = strlen(p);
                if (len == 0)
                        break;
                size_t cut = len;
                if (len > avail) {
                        cut = avail;
                        while (cut > 0 && p[cut] != ' ')
                                cut--;
                        if (cut == 0) /* one word longer than the line: break after it */
                                for (cut = avail; p[cut] && p[cut] != ' '; cut++)
                                        ;
                }
                fprintf(f, "%s%.*s\n", indent, (int)cut, p);
                p += cut;
        }
}

static void print_fixes(FILE *f, const struct diagnosis *d)
{
        bool any = false;
        for (int k = 0; k < DIALECT_COUNT; k++) {
                const char *t = d->fix[k];
                if (!t)
                        continue;
                fprintf(f, "\n  %s:\n", dialect_label((enum dialect)k));
                while (*t) {
                        size_t n = strcspn(t, "\n");
                        fprintf(f, "    %.*s\n", (int)n, t);
                        t += n + (t[n] == '\n');
                }
                any = true;
        }
        if (!any)
                fprintf(f, "\n  No configuration command fixes this on the device.\n");
}

int catalog_describe_text(FILE *f, const struct diagnosis *d)
{
        char from[FROM_BUF];
        fprintf(f, "%s: %s\n\n", d->id, d->title);
        fprintf(f, "  severity    %s\n", severity_name(d->severity));
        fprintf(f, "  category    %s\n", d->category);
        fprintf(f, "  found from  %s\n", found_from_str(d->found_from, from, sizeof(from)));
        fprintf(f, "  seed        %s\n", d->seed_section);
        fprintf(f, "\nWhat it means\n");
        wrap(f, "  ", d->explanation);
        fprintf(f, "\nFix\n");
        wrap(f, "  ", d->fix_summary);
        print_fixes(f, d);
        if (d->drops_tunnels) {
                fprintf(f, "\nWarning\n");
                wrap(f, "  ", change_control_warning);
        }
        if (d->note) {
                fprintf(f, "\nNote\n");
                wrap(f, "  ", d->note);
        }
        return ferror(f) ? -1 : 0;
}
