/*
 * check --fix: each finding's printed fixes pasted into copies of the
 * configs through `apply`'s path (config_read_changed), every check and
 * tunnel run again on the copies, and the finding told whether its fix
 * clears it, adds an error, or leaves a tunnel failing; then every printed
 * fix at once, whose tunnels become the original tunnels' after_fix.
 */
#ifndef IPSD_CHECK_FIX_H
#define IPSD_CHECK_FIX_H

#include "../findings/finding.h"
#include "../model/model.h"

/* Runs the checks and tunnels of `check` on devs into fs; 0 or -1. */
typedef int (*recheck_fn)(struct device *const *devs, size_t n, const void *opts,
                          struct findings *fs);

/* Fills each finding's replay and each tunnel's after_fix. *errors_after
 * gets the number of errors left with every fix pasted. keep (n slots,
 * zeroed) receives the fixed copies the after_fix tunnels point into: free
 * them after printing. 0, or -1 on memory or a config that cannot be read
 * again. */
int check_fix_replay(struct device *const *devs, size_t n, recheck_fn run, const void *opts,
                     struct findings *fs, size_t *errors_after, struct device **keep);

#endif
