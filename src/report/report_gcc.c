/* file:line:col: severity: message [id], one line per finding, as gcc prints. */
#include "report.h"

int report_gcc(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        (void)o;
        for (size_t i = 0; i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                /* Column 1: findings point at whole lines. gcc has no "info": note. */
                static const char *const level[] = {"note", "warning", "error"};
                fprintf(out, "%s:%u:1: %s: %s [%s]\n", f->file, (unsigned)(f->line ? f->line : 1),
                        level[f->severity], f->title, f->diag->id);
        }
        return ferror(out) ? -1 : 0;
}
