/* Picks the reader for a loaded text and finalises the model. */
#include "config.h"
#include "suppress.h"
#include "vpn_context.h"

#include <string.h>

static int read_text(struct device *dev, const struct text *t, enum platform force,
                     struct diag *err)
{
        dev->platform = force != PLAT_UNKNOWN ? force : t->platform;
        dev->platform_forced = force != PLAT_UNKNOWN;
        dev->version = t->version;
        dev->nlines = t->n;
        if (t->n == 0) {
                diag_set(err, t->file, 0, "empty input: no config lines");
                return -1;
        }
        if (dev->platform == PLAT_UNKNOWN) {
                diag_set(err, t->file, 0,
                         "not recognisably a Cisco IOS, ASA or PIX config: no version line or "
                         "platform syntax found (use --platform ios|asa|pix to force)");
                return -1;
        }
        int rc = dev->platform == PLAT_IOS ? ios_read(dev, t, err) : asa_read(dev, t, err);
        if (rc)
                return rc;
        /* Every running config of IOS, ASA and PIX prints both lines. */
        dev->excerpt = !dev->version.text && !dev->hostname;
        if (suppressions_collect(dev, t) || vpn_context_collect(dev, t) || model_finalize(dev)) {
                diag_set(err, t->file, 0, "input too large: model memory limit reached");
                return -1;
        }
        return 0;
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
        if (text_load(path, &dev->arena, &t, err) || read_text(dev, &t, force, err)) {
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
            read_text(dev, &t, force, err)) {
                model_free(dev);
                return -1;
        }
        *out = dev;
        return 0;
}
