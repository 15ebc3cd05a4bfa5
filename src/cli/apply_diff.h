/* `apply --diff`: the unified diff between two renderings of one config. */
#ifndef IPSD_APPLY_DIFF_H
#define IPSD_APPLY_DIFF_H

#include <stdio.h>

#include "../config/cmdmerge.h"

/* Writes the diff of a (the config alone) against b (with the changes).
 * Lines are matched by the input line they are (cmd_merged.origin), which
 * keeps their order in both, so no general diff algorithm is needed. */
int apply_diff_write(FILE *f, const char *name, const struct cmd_merged *a,
                     const struct cmd_merged *b);

#endif
