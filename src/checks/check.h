/*
 * Config checks: one small function per diagnosis ID, registered in one
 * table (registry.c). A check reads one device model and adds findings; it
 * never prints and never changes the model.
 *
 * Adding a check: write `int check_<id>(struct check_ctx *c)` in a file of
 * its area, declare it in checks_list.h, add one row to the area's table
 * (checks_<area>.c: ike, acl_nat, ra, platform), and give it a must-report
 * and a near-miss golden case under tests/golden/check/.
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

/* The registered checks (registry.c): check_at(0 .. check_count()-1). */
size_t check_count(void);
const struct check *check_at(size_t i);

/*
 * Adds a finding of c->id at loc (NULL: the device) with evidence loc.
 * Returns NULL on OOM; the check then returns -1.
 */
struct finding *check_report(struct check_ctx *c, const struct loc *loc);

/* Adds the catalog fix for the device's dialect, its {placeholders}
 * filled from vars: name, value, name, value, ..., NULL. Carries the
 * change-control warning when the catalog says the fix drops tunnels. */
int check_fix(struct check_ctx *c, struct finding *f, const char *const *vars);

/* The fix of diagnosis id on dev, filled with vars ("name", value, ...,
 * NULL), as '\n'-separated text in a: for a fix that must carry another
 * finding's commands to be complete. NULL when the platform has none. */
const char *check_fix_text(const char *id, const struct device *dev, const char *const *vars,
                           struct arena *a);

/* The same, after "no" + the top-level line at wrong: a fix removes what is
 * wrong and adds what is right (the wrong line's text is scrubbed, so this
 * is only for lines without secrets). */
int check_fix_replacing(struct check_ctx *c, struct finding *f, const struct loc *wrong,
                        const char *const *vars);
/* The catalog fix, then the lines `last` ('\n'-separated; NULL: none). */
int check_fix_before(struct check_ctx *c, struct finding *f, const char *last,
                     const char *const *vars);
/* The catalog fix after the line `first` (copied; NULL: none). */
int check_fix_after(struct check_ctx *c, struct finding *f, const char *first,
                    const char *const *vars);

#endif
