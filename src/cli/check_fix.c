/* check --fix (check_fix.h). */
#include "check_fix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../findings/tunnel.h"
#include "fix_replay.h"

/* Titles equal but for numbers (line numbers move when lines are pasted). */
static bool same_title(const char *a, const char *b)
{
        for (;;) {
                while (*a >= '0' && *a <= '9')
                        a++;
                while (*b >= '0' && *b <= '9')
                        b++;
                if (*a != *b)
                        return false;
                if (!*a)
                        return true;
                a++, b++;
        }
}

/* The same finding: diagnosis, device, peer and title (which names the
 * element: tunnel-group, map, ACL). */
static bool same_key(const struct finding *a, const struct finding *b)
{
        return a->diag == b->diag && !strcmp(a->device, b->device) &&
               !strcmp(a->peer ? a->peer : "", b->peer ? b->peer : "") &&
               same_title(a->title, b->title);
}

static size_t count(const struct findings *fs, size_t from, size_t to, const struct finding *f)
{
        size_t n = 0;
        for (size_t i = from; i < to; i++)
                n += same_key(fs->list.v[i], f);
        return n;
}

static size_t failing(const struct findings *fs, size_t from)
{
        size_t n = 0;
        for (size_t i = from; i < fs->tunnels.n; i++) {
                const struct tunnel_result *t = fs->tunnels.v[i];
                n += t->status != TUN_ESTABLISHED && t->status != TUN_MISSING_ENDPOINT;
        }
        return n;
}

/* The copies: devices with fixes read again with them pasted; the others
 * as they are. fixed[k] == devs[k] when device k has nothing to paste. */
static int reread(struct device *const *devs, size_t n, struct fix_text *t, struct device **fixed)
{
        for (size_t k = 0; k < n; k++) {
                fixed[k] = devs[k];
                struct diag err;
                if (t[k].len && fix_reread(devs[k], &t[k], &fixed[k], &err)) {
                        fprintf(stderr, "ipsec-doctor: --fix: %s\n", err.msg);
                        fixed[k] = NULL;
                        return -1;
                }
        }
        return 0;
}

static void drop(struct device *const *devs, size_t n, struct device **fixed, struct fix_text *t)
{
        for (size_t k = 0; k < n; k++) {
                if (fixed[k] && fixed[k] != devs[k])
                        model_free(fixed[k]);
                fixed[k] = NULL;
                fix_text_free(&t[k]);
        }
}

/* Pastes the fixes of findings [from, to) and runs everything into out.
 * keep (n slots, or NULL): receives the copies, which out's tunnels point
 * into; the caller frees them (model_free) after printing. */
static int replay(struct device *const *devs, size_t n, recheck_fn run, const void *opts,
                  const struct findings *fs, size_t from, size_t to, struct findings *out,
                  struct device **keep)
{
        struct fix_text *t = calloc(n, sizeof(*t));
        struct device **fixed = calloc(n, sizeof(*fixed));
        int rc = -1;
        if (!t || !fixed)
                goto out;
        for (size_t k = 0; k < n; k++)
                if (fix_collect(fs, from, to, device_label(devs[k]), &t[k]) < 0)
                        goto out;
        if (reread(devs, n, t, fixed) == 0)
                rc = run(fixed, n, opts, out);
        for (size_t k = 0; keep && fixed && k < n; k++) {
                keep[k] = fixed[k] != devs[k] ? fixed[k] : NULL;
                fixed[k] = devs[k]; /* not freed by drop() */
        }
out:
        if (t && fixed)
                drop(devs, n, fixed, t);
        free(t);
        free(fixed);
        return rc;
}

static int one(struct device *const *devs, size_t n, recheck_fn run, const void *opts,
               struct findings *fs, size_t nlist, size_t i)
{
        struct finding *f = fs->list.v[i];
        struct findings after;
        findings_init(&after);
        int rc = replay(devs, n, run, opts, fs, i, i + 1, &after, NULL);
        if (!rc) {
                f->replay.done = true;
                f->replay.clears = count(&after, 0, after.list.n, f) < count(fs, 0, nlist, f);
                for (size_t j = 0; j < after.list.n && !f->replay.new_error; j++) {
                        const struct finding *g = after.list.v[j];
                        if (g->severity == SEV_ERROR && !same_key(g, f) &&
                            count(&after, 0, after.list.n, g) > count(fs, 0, nlist, g))
                                f->replay.new_error = g->diag->id; /* a static catalog string */
                }
                f->replay.tunnels_failing = failing(&after, 0);
        }
        findings_free(&after);
        return rc;
}

static bool same_tunnel(const struct tunnel_result *a, const struct tunnel_result *b)
{
        return !strcmp(a->a, b->a) && !strcmp(a->b, b->b) && !strcmp(a->initiator, b->initiator);
}

int check_fix_replay(struct device *const *devs, size_t n, recheck_fn run, const void *opts,
                     struct findings *fs, size_t *errors_after, struct device **keep)
{
        size_t nlist = fs->list.n, ntun = fs->tunnels.n;
        bool any = false;
        for (size_t i = 0; i < nlist; i++) {
                const struct finding *f = fs->list.v[i];
                if (!f->nfixes || f->diag->fix_exec)
                        continue; /* nothing to paste into a config */
                any = true;
                if (one(devs, n, run, opts, fs, nlist, i))
                        return -1;
        }
        *errors_after = 0;
        if (!any)
                return 0;
        /* every fix at once, played into fs so that the tunnels live there */
        if (replay(devs, n, run, opts, fs, 0, nlist, fs, keep))
                return -1;
        for (size_t i = nlist; i < fs->list.n; i++)
                *errors_after += ((const struct finding *)fs->list.v[i])->severity == SEV_ERROR;
        for (size_t i = ntun; i < fs->tunnels.n; i++)
                for (size_t j = 0; j < ntun; j++) {
                        struct tunnel_result *t = fs->tunnels.v[j];
                        if (!t->after_fix && same_tunnel(t, fs->tunnels.v[i]))
                                t->after_fix = fs->tunnels.v[i];
                }
        fs->list.n = nlist;
        fs->tunnels.n = ntun;
        return 0;
}
