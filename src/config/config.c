/*
 * Picks the reader for a loaded text and finalises the model.
 *
 * A config is a sequence of commands: the reader records which row read
 * each line, cmd_merge() applies the lines as the device would ("no" forms,
 * re-entered modes, replaced settings, sequence numbers), and when that
 * changes anything the reader reads the merged config into a fresh device.
 * Changes pasted after a config (`apply`, `--fix`) take the same path.
 */
#include "config.h"
#include "asa.h"
#include "cmdmerge.h"
#include "ios_int.h"
#include "suppress.h"
#include "vpn_context.h"

#include <stdlib.h>
#include <string.h>

static int run_reader(struct device *dev, const struct text *t, struct cmd_log *log,
                      struct diag *err)
{
        return dev->platform == PLAT_IOS ? ios_read_logged(dev, t, log, err)
                                         : asa_read_logged(dev, t, log, err);
}

static int check_text(const struct text *t, enum platform plat, struct diag *err)
{
        if (t->n == 0) {
                diag_set(err, t->file, 0, "empty input: no config lines");
                return -1;
        }
        if (plat == PLAT_UNKNOWN) {
                diag_set(err, t->file, 0,
                         "not recognisably a Cisco IOS, ASA or PIX config: no version line or "
                         "platform syntax found (use --platform ios|asa|pix to force)");
                return -1;
        }
        return 0;
}

static void set_platform(struct device *dev, const struct text *t, enum platform force)
{
        dev->platform = force != PLAT_UNKNOWN ? force : t->platform;
        dev->platform_forced = force != PLAT_UNKNOWN;
        dev->version = t->version;
        dev->nlines = t->n;
}

static int finish(struct device *dev, const struct text *t, struct diag *err)
{
        /* Every running config of IOS, ASA and PIX prints both lines. */
        dev->excerpt = !dev->version.text && !dev->hostname;
        if (suppressions_collect(dev, t) || vpn_context_collect(dev, t) || model_finalize(dev)) {
                diag_set(err, t->file, 0, "input too large: model memory limit reached");
                return -1;
        }
        return 0;
}

static const char *copy_str(struct arena *a, const char *s)
{
        return s ? arena_strdup(a, s) : NULL;
}

/* The merged lines, with their strings, in the new device's arena. */
static int copy_text(const struct text *src, struct device *dev, struct text *dst)
{
        struct arena *a = &dev->arena;
        *dst = *src;
        dst->file = dev->file;
        dst->lines = arena_calloc(a, src->n ? src->n : 1, sizeof(*dst->lines));
        if (!dst->lines)
                return -1;
        for (size_t i = 0; i < src->n; i++) {
                struct text_line *d = &dst->lines[i];
                *d = src->lines[i];
                d->s = arena_strndup(a, d->s, d->len);
                d->shown = copy_str(a, d->shown);
                d->mode = copy_str(a, d->mode);
                d->file = copy_str(a, d->file);
                if (!d->s || !d->shown || (src->lines[i].mode && !d->mode) ||
                    (src->lines[i].file && !d->file))
                        return -1;
        }
        dst->version.text = copy_str(a, src->version.text);
        dst->hostname = copy_str(a, src->hostname);
        return 0;
}

/*
 * Reads t (loaded into (*devp)'s arena; lines from first_change on are
 * pasted changes) as the device would apply it. When the merge changes
 * anything, *devp is replaced by a device read from the merged config.
 * merged, when not NULL, receives the merged config (in *devp's arena).
 */
static int read_text(struct device **devp, const struct text *t, size_t first_change,
                     enum platform force, struct cmd_merged *merged, struct diag *err)
{
        struct device *dev = *devp;
        set_platform(dev, t, force);
        if (check_text(t, dev->platform, err))
                return -1;
        struct cmd_log log = {calloc(t->n, sizeof(struct cmd_rec)), t->n};
        struct cmd_merged m;
        int rc = -1;
        if (!log.v) {
                diag_set(err, t->file, 0, "out of memory");
                return -1;
        }
        if (run_reader(dev, t, &log, err))
                goto out;
        if (cmd_merge(t, &log, first_change, &dev->arena, &m)) {
                diag_set(err, t->file, 0, "input too large: model memory limit reached");
                goto out;
        }
        if (!m.changed) {
                rc = finish(dev, t, err);
                if (!rc && merged)
                        *merged = m;
                goto out;
        }
        struct device *d2 = model_new(dev->file);
        struct text t2;
        if (!d2 || copy_text(&m.text, d2, &t2)) {
                model_free(d2);
                diag_set(err, t->file, 0, "input too large: model memory limit reached");
                goto out;
        }
        set_platform(d2, &t2, force); /* t2's version text lives in d2 */
        d2->platform = dev->platform;
        d2->nlines = first_change;
        if (run_reader(d2, &t2, NULL, err) || finish(d2, &t2, err)) {
                model_free(d2);
                goto out;
        }
        if (merged) {
                *merged = m;
                merged->text = t2; /* now owned by d2 */
                uint32_t *o = arena_calloc(&d2->arena, t2.n ? t2.n : 1, sizeof(*o));
                if (!o) {
                        model_free(d2);
                        goto out;
                }
                memcpy(o, m.origin, t2.n * sizeof(*o));
                merged->origin = o;
        }
        model_free(dev);
        *devp = d2;
        rc = 0;
out:
        free(log.v);
        return rc;
}

int config_read(const char *path, enum platform force, struct device **out, struct diag *err)
{
        *out = NULL;
        struct device *dev = model_new(path);
        if (!dev) {
                diag_set(err, path, 0, "out of memory");
                return -1;
        }
        struct text t;
        if (text_load(path, &dev->arena, &t, err) || read_text(&dev, &t, t.n, force, NULL, err)) {
                model_free(dev);
                return -1;
        }
        *out = dev;
        return 0;
}

int config_read_buffer(const char *file, const char *buf, size_t len, enum platform force,
                       struct device **out, struct diag *err)
{
        *out = NULL;
        struct device *dev = model_new(file);
        if (!dev) {
                diag_set(err, file, 0, "out of memory");
                return -1;
        }
        struct text t;
        if (text_from_buffer(dev->file, buf, len, &dev->arena, &t, err) ||
            read_text(&dev, &t, t.n, force, NULL, err)) {
                model_free(dev);
                return -1;
        }
        *out = dev;
        return 0;
}

/* The config's lines followed by the changes' lines. */
static int join(struct device *dev, const struct text *cfg, const struct text *chg,
                struct text *out)
{
        *out = *cfg;
        out->n = cfg->n + chg->n;
        out->lines = arena_calloc(&dev->arena, out->n ? out->n : 1, sizeof(*out->lines));
        if (!out->lines)
                return -1;
        if (cfg->n) /* an empty config has no lines array: memcpy(NULL) is UB */
                memcpy(out->lines, cfg->lines, cfg->n * sizeof(*cfg->lines));
        if (chg->n)
                memcpy(out->lines + cfg->n, chg->lines, chg->n * sizeof(*chg->lines));
        for (size_t i = cfg->n; i < out->n; i++)
                out->lines[i].file = chg->file;
        return 0;
}

static int read_changed(struct device *dev, struct text *t, const char *chg_file, const char *chg,
                        size_t chg_len, enum platform force, struct device **out,
                        struct cmd_merged *merged, size_t *first_change, struct diag *err)
{
        struct text c, all;
        if (!(chg_file = arena_strdup(&dev->arena, chg_file))) {
                diag_set(err, t->file, 0, "out of memory");
                goto fail;
        }
        if (text_from_buffer(chg_file, chg, chg_len, &dev->arena, &c, err))
                goto fail;
        if (join(dev, t, &c, &all)) {
                diag_set(err, t->file, 0, "out of memory");
                goto fail;
        }
        if (first_change)
                *first_change = t->n;
        if (read_text(&dev, &all, t->n, force, merged, err))
                goto fail;
        *out = dev;
        return 0;
fail:
        model_free(dev);
        return -1;
}

int config_read_changed(const char *path, const char *chg_file, const char *chg, size_t chg_len,
                        enum platform force, struct device **out, struct cmd_merged *merged,
                        size_t *first_change, struct diag *err)
{
        *out = NULL;
        struct device *dev = model_new(path);
        struct text t;
        if (!dev) {
                diag_set(err, path, 0, "out of memory");
                return -1;
        }
        if (text_load(path, &dev->arena, &t, err)) {
                model_free(dev);
                return -1;
        }
        return read_changed(dev, &t, chg_file, chg, chg_len, force, out, merged, first_change, err);
}

int config_read_changed_buffer(const char *file, const char *buf, size_t len, const char *chg,
                               size_t chg_len, enum platform force, struct device **out,
                               struct cmd_merged *merged, struct diag *err)
{
        *out = NULL;
        struct device *dev = model_new(file);
        struct text t;
        if (!dev) {
                diag_set(err, file, 0, "out of memory");
                return -1;
        }
        if (text_from_buffer(dev->file, buf, len, &dev->arena, &t, err)) {
                model_free(dev);
                return -1;
        }
        return read_changed(dev, &t, "changes", chg, chg_len, force, out, merged, NULL, err);
}
