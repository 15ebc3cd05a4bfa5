#include "finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void findings_init(struct findings *fs)
{
        memset(fs, 0, sizeof(*fs));
        arena_init(&fs->arena, 0);
}

void findings_free(struct findings *fs)
{
        arena_free(&fs->arena);
        memset(fs, 0, sizeof(*fs));
}

const char *device_label(const struct device *dev)
{
        return dev->hostname ? dev->hostname : dev->file;
}

struct subject subject_of(const struct device *dev)
{
        return (struct subject){device_label(dev), dev->file, dev->platform, &dev->version};
}

static const char *dup(struct findings *fs, const char *s)
{
        return s ? arena_strdup(&fs->arena, s) : NULL;
}

struct finding *finding_add(struct findings *fs, const char *id, const struct device *dev,
                            const struct loc *loc)
{
        struct subject s = subject_of(dev);
        return finding_add_about(fs, id, &s, loc);
}

struct finding *finding_add_about(struct findings *fs, const char *id, const struct subject *sub,
                                  const struct loc *loc)
{
        const struct diagnosis *d = catalog_find(id);
        if (!d)
                return NULL;
        struct finding *f = arena_alloc(&fs->arena, sizeof(*f));
        if (!f)
                return NULL;
        f->diag = d;
        f->severity = d->severity;
        f->title = d->title;
        f->explanation = d->explanation;
        f->device = dup(fs, sub->label);
        f->file = dup(fs, loc && loc->file ? loc->file : sub->file);
        f->line = loc ? loc->line : 0;
        f->seq = fs->list.n;
        if (!f->device || !f->file || ptrvec_push(&fs->arena, &fs->list, f))
                return NULL;
        if (loc && loc->line && finding_evidence(fs, f, loc))
                return NULL;
        return f;
}

int finding_set_peer(struct findings *fs, struct finding *f, const char *peer)
{
        f->peer = dup(fs, peer);
        return peer && !f->peer ? -1 : 0;
}

int finding_set_other(struct findings *fs, struct finding *f, const char *other)
{
        f->other = dup(fs, other);
        return other && !f->other ? -1 : 0;
}

__attribute__((format(printf, 2, 0))) static const char *vformat(struct findings *fs,
                                                                 const char *fmt, va_list ap)
{
        va_list ap2;
        va_copy(ap2, ap);
        int n = vsnprintf(NULL, 0, fmt, ap2);
        va_end(ap2);
        if (n < 0)
                return NULL;
        char *s = arena_alloc(&fs->arena, (size_t)n + 1);
        if (s)
                vsnprintf(s, (size_t)n + 1, fmt, ap);
        return s;
}

int finding_title(struct findings *fs, struct finding *f, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        const char *s = vformat(fs, fmt, ap);
        va_end(ap);
        if (!s)
                return -1;
        f->title = s;
        return 0;
}

int finding_explain(struct findings *fs, struct finding *f, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        const char *s = vformat(fs, fmt, ap);
        va_end(ap);
        if (!s)
                return -1;
        f->explanation = s;
        return 0;
}

/* Grows an arena array of elem-size items to hold one more. */
static int grow(struct findings *fs, void **arr, size_t *cap, size_t n, size_t elem)
{
        if (n < *cap)
                return 0;
        size_t ncap = *cap ? *cap * 2 : 4;
        void *na = arena_calloc(&fs->arena, ncap, elem);
        if (!na)
                return -1;
        if (n)
                memcpy(na, *arr, n * elem);
        *arr = na;
        *cap = ncap;
        return 0;
}

int finding_evidence(struct findings *fs, struct finding *f, const struct loc *loc)
{
        if (!loc->line)
                return 0; /* a default: no line in the file to quote */
        for (size_t i = 0; i < f->nev; i++)
                if (f->ev[i].line == loc->line && loc->file && !strcmp(f->ev[i].file, loc->file))
                        return 0; /* the same line once is enough */
        if (grow(fs, (void **)&f->ev, &f->evcap, f->nev, sizeof(*f->ev)))
                return -1;
        struct evidence *e = &f->ev[f->nev];
        e->file = dup(fs, loc->file ? loc->file : f->file);
        e->line = loc->line;
        e->text = dup(fs, loc->text ? loc->text : "");
        if (!e->file || !e->text)
                return -1;
        f->nev++;
        return 0;
}

int finding_fix_lines(struct findings *fs, struct finding *f, const struct device *dev,
                      const char *const *lines, size_t n, const char *warning)
{
        struct subject s = subject_of(dev);
        return finding_fix_lines_about(fs, f, &s, lines, n, warning);
}

int finding_fix_lines_about(struct findings *fs, struct finding *f, const struct subject *sub,
                            const char *const *lines, size_t n, const char *warning)
{
        if (grow(fs, (void **)&f->fixes, &f->fixcap, f->nfixes, sizeof(*f->fixes)))
                return -1;
        struct fix *x = &f->fixes[f->nfixes];
        memset(x, 0, sizeof(*x));
        x->device = dup(fs, sub->label);
        x->platform = sub->platform;
        x->version = dup(fs, sub->version ? sub->version->text : NULL);
        x->warning = dup(fs, warning);
        x->commands = arena_calloc(&fs->arena, n ? n : 1, sizeof(*x->commands));
        if (!x->device || !x->commands)
                return -1;
        for (size_t i = 0; i < n; i++)
                if (!(x->commands[i] = dup(fs, lines[i])))
                        return -1;
        x->ncommands = n;
        f->nfixes++;
        return 0;
}

int finding_fix_copy(struct findings *fs, struct finding *f, const struct fix *src)
{
        if (grow(fs, (void **)&f->fixes, &f->fixcap, f->nfixes, sizeof(*f->fixes)))
                return -1;
        struct fix *x = &f->fixes[f->nfixes];
        memset(x, 0, sizeof(*x));
        x->device = dup(fs, src->device);
        x->platform = src->platform;
        x->version = dup(fs, src->version);
        x->warning = dup(fs, src->warning);
        x->note = dup(fs, src->note);
        x->commands =
            arena_calloc(&fs->arena, src->ncommands ? src->ncommands : 1, sizeof(*x->commands));
        if (!x->device || !x->commands)
                return -1;
        for (size_t i = 0; i < src->ncommands; i++)
                if (!(x->commands[i] = dup(fs, src->commands[i])))
                        return -1;
        x->ncommands = src->ncommands;
        f->nfixes++;
        return 0;
}

static int cmp_finding(const void *a, const void *b)
{
        const struct finding *x = *(const struct finding *const *)a;
        const struct finding *y = *(const struct finding *const *)b;
        int c = strcmp(x->file, y->file);
        if (c)
                return c;
        if (x->line != y->line)
                return x->line < y->line ? -1 : 1;
        if (x->severity != y->severity)
                return x->severity > y->severity ? -1 : 1;
        c = strcmp(x->diag->id, y->diag->id);
        if (c)
                return c;
        return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void findings_sort(struct findings *fs)
{
        if (fs->list.n > 1)
                qsort(fs->list.v, fs->list.n, sizeof(void *), cmp_finding);
}

void findings_count(const struct findings *fs, size_t out[3])
{
        out[0] = out[1] = out[2] = 0;
        for (size_t i = 0; i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                out[f->severity]++;
        }
}
