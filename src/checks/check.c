#include "check.h"

#include "../catalog/fix.h"

struct finding *check_report(struct check_ctx *c, const struct loc *loc)
{
        return finding_add(c->fs, c->id, c->dev, loc);
}

int check_fix(struct check_ctx *c, struct finding *f, const char *const *vars)
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
        const char *warning = f->diag->drops_tunnels ? change_control_warning : NULL;
        return finding_fix_lines(c->fs, f, c->dev, (const char *const *)lines, nlines, warning);
}
