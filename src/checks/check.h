/*
 * Config checks: one small function per diagnosis ID, registered in one
 * table (registry.c). A check reads one device model and adds findings; it
 * never prints and never changes the model.
 *
 * Adding a check: write `int check_<id>(struct check_ctx *c)` in the file of
 * its area (checks/<area>.c), declare it in checks_list.h, add one row to
 * the registry, and give it a must-report and a near-miss golden case.
 */
#ifndef IPSD_CHECK_H
#define IPSD_CHECK_H

#include "../findings/finding.h"
#include "../model/model.h"

struct check_ctx {
	const struct device *dev;
	struct findings *fs;
	const char *id; /* the ID being checked, for check_report() */
};

typedef int (*check_fn)(struct check_ctx *c);

struct check {
	const char *id;
	check_fn fn;
};

extern const struct check check_registry[];
extern const size_t check_registry_count;

/*
 * Adds a finding of c->id at loc (NULL: the device) with evidence loc.
 * Returns NULL on OOM; the check then returns -1.
 */
struct finding *check_report(struct check_ctx *c, const struct loc *loc);

/* Adds the catalog fix for the device's dialect, its {placeholders}
 * filled from vars: name, value, name, value, ..., NULL. Carries the
 * change-control warning when the catalog says the fix drops tunnels. */
int check_fix(struct check_ctx *c, struct finding *f, const char *const *vars);

#endif
