/* The values of a transform-set-mismatch fix (p2_fix.c). */
#ifndef IPSD_P2_FIX_H
#define IPSD_P2_FIX_H

#include <stdbool.h>

#include "pair.h"

struct p2_fixvars {
        char name[64], xf[64], list[256], mode[16];
        const char *v[15]; /* name, value, ..., NULL: for check_fix */
};

/*
 * On side s, for its entry e: the first transform of the peer's entry pe
 * that s can hold, as a transform set of s (an existing one with the same
 * transform, else a new one under a name s does not use) added to the
 * entry's list. false when s can hold none of them.
 */
bool p2_fix_vars(const struct side *s, const struct p2_cfg *e, const struct p2_cfg *pe,
                 struct p2_fixvars *v);

#endif
