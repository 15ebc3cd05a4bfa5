/* file:line:col: severity: message [id], one line per finding, as gcc prints. */
#include "report.h"
#include "text_safe.h"

int report_gcc(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        (void)o;
        for (size_t i = 0; i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                /* Column 1: findings point at whole lines. gcc has no "info": note.
                 * A finding with no line is "file: severity: ...", as gcc prints
                 * a diagnostic about a whole file. */
                static const char *const level[] = {"note", "warning", "error"};
                text_put(out, f->file);
                if (f->line)
                        fprintf(out, ":%u:1", (unsigned)f->line);
                fprintf(out, ": %s: ", level[f->severity]);
                text_put(out, f->title);
                fprintf(out, " [%s]\n", f->diag->id);
        }
        return ferror(out) ? -1 : 0;
}
