/*
 * Config readers: text lines in, a filled struct device out.
 *
 * config_read() loads a file through the input layer, picks the reader by
 * the detected (or forced) platform, runs model_finalize(), and returns the
 * device. Readers never fail on a line they do not know: they record it with
 * model_add_unknown() and go on.
 */
#ifndef IPSD_CONFIG_H
#define IPSD_CONFIG_H

#include "../input/text.h"
#include "../model/model.h"
#include "../util/diag.h"

/* force = PLAT_UNKNOWN: detect. On success *out owns everything (model_free). */
int config_read(const char *path, enum platform force, struct device **out,
                struct diag *err) IPSD_MUST_CHECK;
int config_read_buffer(const char *file, const char *buf, size_t len, enum platform force,
                       struct device **out, struct diag *err) IPSD_MUST_CHECK;

struct cmd_merged;
/*
 * Reads the config at path with configuration-mode commands (chg, chg_len;
 * chg_file names them in messages) pasted after it, as the device would
 * apply them (cmdmerge.h). merged (optional) receives the resulting config,
 * owned by *out; *first_change (optional) the index of the first pasted line.
 */
int config_read_changed(const char *path, const char *chg_file, const char *chg, size_t chg_len,
                        enum platform force, struct device **out, struct cmd_merged *merged,
                        size_t *first_change, struct diag *err) IPSD_MUST_CHECK;

/* The same from buffers (tests, fuzzers); the changes are named "changes". */
int config_read_changed_buffer(const char *file, const char *buf, size_t len, const char *chg,
                               size_t chg_len, enum platform force, struct device **out,
                               struct cmd_merged *merged, struct diag *err) IPSD_MUST_CHECK;

/* The readers. They fill dev from t; 0 on success, -1 only when the arena
 * limit was reached (err set). */
int ios_read(struct device *dev, const struct text *t, struct diag *err) IPSD_MUST_CHECK;
int asa_read(struct device *dev, const struct text *t,
             struct diag *err) IPSD_MUST_CHECK; /* ASA and PIX */

#endif
