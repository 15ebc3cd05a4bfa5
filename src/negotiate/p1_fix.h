/* The values of an isakmp-policy-mismatch fix (p1_fix.c). */
#ifndef IPSD_P1_FIX_H
#define IPSD_P1_FIX_H

#include <stdbool.h>

#include "pair.h"

struct p1_fixvars {
        char prio[12], encr[16], hash[12], auth[12], group[8], life[12];
        const char *v[13]; /* name, value, ..., NULL: for check_fix */
};

/* The first policy of `from` that both from and `to` can hold, or NULL. */
const struct p1_prop *p1_first_held(const struct side *from, const struct side *to);
/* A priority s does not use, ahead of its first policy. */
int p1_free_priority(const struct side *s);
/* The template values for p on side s (its syntax); false when p holds a
 * value no template can write. */
bool p1_fix_vars(const struct side *s, const struct p1_prop *p, int prio, uint32_t lifetime,
                 struct p1_fixvars *v);

#endif
