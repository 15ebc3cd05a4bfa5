/*
 * crypto-map-name-case: crypto map names are case-sensitive, so 'mymap'
 * and 'myMAP' are two maps. Reported where the misspelled name is used:
 * - a static map that is applied nowhere while a map spelled the same but
 *   for case is applied (its settings never take effect);
 * - a binding of a map that does not exist while a case twin does;
 * - a dynamic-map reference to a dynamic map that does not exist while a
 *   case twin does.
 * Names are folded through a case-insensitive index, so this stays linear.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "checks_list.h"
#include "cmap_util.h"

struct twins {
        struct arena a;
        struct strmap bound;   /* folded applied map name -> binding */
        struct strmap statics; /* folded static map name -> map */
        struct strmap dyns;    /* folded dynamic map name -> map */
};

static int twins_build(struct twins *t, const struct device *d)
{
        arena_init(&t->a, 0);
        t->bound = t->statics = t->dyns = (struct strmap){.nocase = true};
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                /* the first binding of a spelling wins; a map that exists wins */
                if (b->map && (!strmap_get(&t->bound, b->map) || model_get_cmap(d, b->map)) &&
                    strmap_put(&t->a, &t->bound, b->map, (void *)b))
                        return -1;
        }
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                struct strmap *s = m->dynamic ? &t->dyns : &t->statics;
                const struct crypto_map *old = strmap_get(s, m->name);
                /* prefer the applied spelling as the reference */
                if ((!old || (!m->dynamic && cmap_binding(d, m->name))) &&
                    strmap_put(&t->a, s, m->name, (void *)m))
                        return -1;
        }
        return 0;
}

static int report(struct check_ctx *c, const struct loc *at, const char *wrong, const char *right,
                  const struct loc *right_loc, const struct crypto_map_entry *e, const char *cond)
{
        struct finding *f = check_report(c, at);
        cmap_severity_for(f, cond);
        if (!f ||
            finding_title(c->fs, f, "crypto map name '%s' differs only in case from '%s'%s", wrong,
                          right, cond) ||
            (right_loc && finding_evidence(c->fs, f, right_loc)))
                return -1;
        struct cmap_vars cv = {0};
        if (!e) /* a reference by the wrong name: the fix is to retype it */
                return explain_more(c->fs, f,
                                    "Here '%s' is used where the configured map is '%s': "
                                    "re-enter the line with the exact name.",
                                    wrong, right);
        /* The entry under the wrong name goes: IOS "no crypto map M N"
         * removes the entry; the ASA's one-line entries go with "clear
         * configure crypto map M N" (ASA command reference, clear configure
         * crypto map). */
        char drop[160];
        snprintf(drop, sizeof(drop), "%s crypto map %s %d",
                 c->dev->platform == PLAT_IOS ? "no" : "clear configure", wrong, e->seq);
        /* Prefer the applied map's entry of the same number: it holds the
         * values the re-typed lines need. */
        const struct crypto_map *rm = model_get_cmap(c->dev, right);
        for (size_t k = 0; rm && k < rm->entries.n; k++)
                if (((const struct crypto_map_entry *)rm->entries.v[k])->seq == e->seq)
                        e = rm->entries.v[k];
        cmap_vars_fill(&cv, c->dev, e);
        cv.v[1] = right;
        return check_fix_after(c, f, drop, cv.v);
}

/* The first entry of m with something to move, for the fix. */
static const struct crypto_map_entry *first_entry(const struct crypto_map *m)
{
        return m && m->entries.n ? m->entries.v[0] : NULL;
}

static int unbound_statics(struct check_ctx *c, struct twins *t)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                if (m->dynamic || cmap_binding(d, m->name))
                        continue;
                const struct crypto_map_binding *b = strmap_get(&t->bound, m->name);
                if (b && strcmp(b->map, m->name) &&
                    report(c, &m->loc, m->name, b->map, &b->loc, first_entry(m), ""))
                        return -1;
        }
        return 0;
}

static int bad_bindings(struct check_ctx *c, struct twins *t)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                if (!b->map || model_get_cmap(d, b->map))
                        continue;
                const struct crypto_map *m = strmap_get(&t->statics, b->map);
                if (m && report(c, &b->loc, b->map, m->name, &m->loc, NULL, ""))
                        return -1;
        }
        return 0;
}

static int bad_dynamic_refs(struct check_ctx *c, struct twins *t)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                for (size_t k = 0; !m->dynamic && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (!e->is_dynamic_ref || !e->dynamic_map ||
                            cmap_dynamic(d, e->dynamic_map))
                                continue;
                        const struct crypto_map *dm = strmap_get(&t->dyns, e->dynamic_map);
                        /* a reference in a map applied nowhere is a condition */
                        char cbuf[160];
                        const char *cond = cmap_unused_condition(d, e, cbuf, sizeof(cbuf));
                        if (dm &&
                            report(c, &e->loc, e->dynamic_map, dm->name, &dm->loc, NULL, cond))
                                return -1;
                }
        }
        return 0;
}

int check_crypto_map_name_case(struct check_ctx *c)
{
        struct twins t;
        int rc = twins_build(&t, c->dev);
        if (!rc)
                rc = unbound_statics(c, &t);
        if (!rc)
                rc = bad_bindings(c, &t);
        if (!rc)
                rc = bad_dynamic_refs(c, &t);
        arena_free(&t.a);
        return rc;
}
