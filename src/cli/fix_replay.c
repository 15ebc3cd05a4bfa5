/* --fix through `apply`'s path (fix_replay.h). */
#include "fix_replay.h"

#include <stdlib.h>
#include <string.h>

#include "../catalog/catalog.h"
#include "../config/config.h"

static int put(struct fix_text *t, const char *s, size_t n)
{
        if (t->len + n + 1 > t->cap) {
                size_t cap = (t->len + n + 1) * 2;
                char *p = realloc(t->s, cap);
                if (!p)
                        return -1;
                t->s = p, t->cap = cap;
        }
        memcpy(t->s + t->len, s, n);
        t->len += n;
        t->s[t->len] = '\0';
        return 0;
}

/* One fix as the text a user pastes: its lines, each ended by a newline. */
static char *block(const struct fix *f)
{
        struct fix_text b = {0};
        for (size_t i = 0; i < f->ncommands; i++)
                if (put(&b, f->commands[i], strlen(f->commands[i])) || put(&b, "\n", 1)) {
                        free(b.s);
                        return NULL;
                }
        return b.s ? b.s : calloc(1, 1);
}

static bool twins(const struct finding *f, const struct finding *g)
{
        return f != g && f->other && g->other && f->diag == g->diag &&
               !strcmp(f->device, g->other) && !strcmp(g->device, f->other) &&
               !strcmp(f->title, g->title);
}

bool fix_is_alternative(const struct findings *fs, size_t from, size_t i)
{
        const struct finding *f = fs->list.v[i];
        for (size_t j = from; f->other && j < i; j++)
                if (twins(f, fs->list.v[j]))
                        return true;
        return false;
}

int fix_collect(const struct findings *fs, size_t from, size_t to, const char *label,
                struct fix_text *t)
{
        int added = 0;
        for (size_t i = from; i < to && i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                if (f->diag->fix_exec)
                        continue; /* a test or "clear": nothing to paste into a config */
                if (to - from > 1 && fix_is_alternative(fs, from, i))
                        continue; /* one of the two ends' fixes is enough */
                for (size_t k = 0; k < f->nfixes; k++) {
                        const struct fix *x = &f->fixes[k];
                        if (!x->device || strcmp(x->device, label) || !x->ncommands)
                                continue;
                        char *b = block(x);
                        if (!b)
                                return -1;
                        /* the same block printed twice is pasted once */
                        bool have = t->s && strstr(t->s, b);
                        int rc = have ? 0 : put(t, b, strlen(b));
                        free(b);
                        if (rc)
                                return -1;
                        added += !have;
                }
        }
        return added;
}

int fix_reread(const struct device *dev, const struct fix_text *t, struct device **out,
               struct diag *err)
{
        enum platform force = dev->platform_forced ? dev->platform : PLAT_UNKNOWN;
        return config_read_changed(dev->file, LOC_PRINTED_FIX, t->s ? t->s : "", t->len, force, out,
                                   NULL, NULL, err);
}

void fix_text_free(struct fix_text *t)
{
        free(t->s);
        *t = (struct fix_text){0};
}
