#include "check.h"

#include <stdio.h>
#include <string.h>

#include "../catalog/fix.h"
#include "../util/ipv4.h"
#include "fix_values.h"

struct finding *check_report(struct check_ctx *c, const struct loc *loc)
{
        return finding_add(c->fs, c->id, c->dev, loc);
}

static const char *var(const struct fix_var *fv, size_t n, const char *name)
{
        for (size_t i = 0; i < n; i++)
                if (!strcmp(fv[i].name, name))
                        return fv[i].value;
        return NULL;
}

/* Values the check did not give that the config decides: a free pool and
 * its name (issue 12: placeholders only for what cannot be known). */
struct derived {
        char first[16], last[16], mask[16], pool[64], lnet[16], lmask[16], lwild[16];
};

static size_t derive(const struct device *d, const char *tmpl, struct fix_var *fv, size_t n,
                     size_t cap, struct derived *dv)
{
        uint32_t a, b, m;
        if (strstr(tmpl, "{pool_first}") && !var(fv, n, "pool_first") && n + 3 <= cap &&
            fix_free_pool(d, &a, &b, &m)) {
                fv[n++] = (struct fix_var){"pool_first", ipv4_str(a, dv->first)};
                fv[n++] = (struct fix_var){"pool_last", ipv4_str(b, dv->last)};
                fv[n++] = (struct fix_var){"pool_mask", ipv4_str(m, dv->mask)};
        }
        if (strstr(tmpl, "{local_net}") && !var(fv, n, "local_net") && n + 3 <= cap &&
            fix_inside_net(d, &a, &m)) {
                fv[n++] = (struct fix_var){"local_net", ipv4_str(a, dv->lnet)};
                fv[n++] = (struct fix_var){"local_mask", ipv4_str(m, dv->lmask)};
                fv[n++] = (struct fix_var){"local_wild", ipv4_str(~m, dv->lwild)};
        }
        if (strstr(tmpl, "{pool}") && !var(fv, n, "pool") && n < cap) {
                const char *owner = var(fv, n, "tg") ? var(fv, n, "tg") : var(fv, n, "group");
                fix_pool_name(d, owner, dv->pool, sizeof(dv->pool));
                fv[n++] = (struct fix_var){"pool", dv->pool};
        }
        return n;
}

/* lines (a template without placeholders, '\n'-separated) appended to v */
static int add_lines(struct check_ctx *c, char ***v, size_t *n, const char *lines, bool front)
{
        char **add, **nv;
        size_t nadd;
        if (!lines)
                return 0;
        if (fix_render(lines, NULL, 0, &add, &nadd, &c->fs->arena) != FIX_OK ||
            !(nv = arena_calloc(&c->fs->arena, *n + nadd + 1, sizeof(*nv))))
                return -1;
        memcpy(nv + (front ? nadd : 0), *v, *n * sizeof(*nv));
        memcpy(nv + (front ? 0 : *n), add, nadd * sizeof(*nv));
        *v = nv, *n += nadd;
        return 0;
}

static int fix_with(struct check_ctx *c, struct finding *f, const char *first, const char *last,
                    const char *const *vars)
{
        struct fix_var fv[32];
        struct derived dv;
        size_t n = 0;
        for (; vars[0] && vars[1] && n < sizeof(fv) / sizeof(fv[0]); vars += 2)
                fv[n++] = (struct fix_var){vars[0], vars[1]};
        const char *tmpl = f->diag->fix[dialect_for(c->dev->platform, &c->dev->version)];
        if (!tmpl)
                return 0; /* nothing to type on this platform; the explanation says why */
        n = derive(c->dev, tmpl, fv, n, sizeof(fv) / sizeof(fv[0]), &dv);
        char **lines;
        size_t nlines;
        if (fix_render(tmpl, fv, n, &lines, &nlines, &c->fs->arena) != FIX_OK)
                return -1;
        if (add_lines(c, &lines, &nlines, first, true) ||
            add_lines(c, &lines, &nlines, last, false))
                return -1;
        const char *warning = f->diag->drops_tunnels ? change_control_warning : NULL;
        return finding_fix_lines(c->fs, f, c->dev, (const char *const *)lines, nlines, warning);
}

int check_fix(struct check_ctx *c, struct finding *f, const char *const *vars)
{
        return fix_with(c, f, NULL, NULL, vars);
}

int check_fix_before(struct check_ctx *c, struct finding *f, const char *last,
                     const char *const *vars)
{
        return fix_with(c, f, NULL, last, vars);
}

int check_fix_after(struct check_ctx *c, struct finding *f, const char *first,
                    const char *const *vars)
{
        const char *copy = first ? arena_strdup(&c->fs->arena, first) : NULL;
        if (first && !copy)
                return -1;
        return fix_with(c, f, copy, NULL, vars);
}

int check_fix_replacing(struct check_ctx *c, struct finding *f, const struct loc *wrong,
                        const char *const *vars)
{
        if (!wrong || !wrong->text)
                return fix_with(c, f, NULL, NULL, vars);
        size_t n = strlen(wrong->text) + 4;
        char *no = arena_alloc(&c->fs->arena, n);
        if (!no)
                return -1;
        snprintf(no, n, "no %s", wrong->text);
        return fix_with(c, f, no, NULL, vars);
}

const char *check_fix_text(const char *id, const struct device *dev, const char *const *vars,
                           struct arena *a)
{
        const struct diagnosis *d = catalog_find(id);
        const char *tmpl = d ? d->fix[dialect_for(dev->platform, &dev->version)] : NULL;
        struct fix_var fv[16];
        size_t n = 0;
        for (; vars[0] && vars[1] && n < sizeof(fv) / sizeof(fv[0]); vars += 2)
                fv[n++] = (struct fix_var){vars[0], vars[1]};
        char **lines;
        size_t nl;
        if (!tmpl || fix_render(tmpl, fv, n, &lines, &nl, a) != FIX_OK || !nl)
                return NULL;
        size_t len = 1;
        for (size_t i = 0; i < nl; i++)
                len += strlen(lines[i]) + 1;
        char *out = arena_alloc(a, len), *o = out;
        for (size_t i = 0; out && i < nl; i++) {
                size_t k = strlen(lines[i]);
                memcpy(o, lines[i], k);
                o += k;
                *o++ = i + 1 < nl ? '\n' : '\0';
        }
        return out;
}
