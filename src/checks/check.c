#include "check.h"

#include <stdio.h>
#include <string.h>

#include "../catalog/fix.h"

struct finding *check_report(struct check_ctx *c, const struct loc *loc)
{
        return finding_add(c->fs, c->id, c->dev, loc);
}

static int fix_with(struct check_ctx *c, struct finding *f, const char *first,
                    const char *const *vars)
{
        struct fix_var fv[32];
        size_t n = 0;
        for (; vars[0] && vars[1] && n < sizeof(fv) / sizeof(fv[0]); vars += 2)
                fv[n++] = (struct fix_var){vars[0], vars[1]};
        const char *tmpl = f->diag->fix[dialect_for(c->dev->platform, &c->dev->version)];
        if (!tmpl)
                return 0; /* nothing to type on this platform; the explanation says why */
        char **lines;
        size_t nlines;
        if (fix_render(tmpl, fv, n, &lines, &nlines, &c->fs->arena) != FIX_OK)
                return -1;
        if (first) {
                char **v = arena_calloc(&c->fs->arena, nlines + 1, sizeof(*v));
                if (!v)
                        return -1;
                v[0] = (char *)first;
                memcpy(v + 1, lines, nlines * sizeof(*v));
                lines = v, nlines++;
        }
        const char *warning = f->diag->drops_tunnels ? change_control_warning : NULL;
        return finding_fix_lines(c->fs, f, c->dev, (const char *const *)lines, nlines, warning);
}

int check_fix(struct check_ctx *c, struct finding *f, const char *const *vars)
{
        return fix_with(c, f, NULL, vars);
}

int check_fix_replacing(struct check_ctx *c, struct finding *f, const struct loc *wrong,
                        const char *const *vars)
{
        if (!wrong || !wrong->text)
                return fix_with(c, f, NULL, vars);
        size_t n = strlen(wrong->text) + 4;
        char *no = arena_alloc(&c->fs->arena, n);
        if (!no)
                return -1;
        snprintf(no, n, "no %s", wrong->text);
        return fix_with(c, f, no, vars);
}
