/*
 * STUB, weak: lets the dump link and run before the real
 * group_policy_effective() (model/defaults.c, another helper) lands. The
 * strong definition replaces this one at link time; delete this file once
 * it exists. Returns no attributes at all.
 */
#include "model.h"

#include <string.h>

__attribute__((weak)) void group_policy_effective(const struct device *dev,
                                                  const struct group_policy *gp,
                                                  struct gp_attrs *out)
{
        (void)dev;
        (void)gp;
        memset(out, 0, sizeof(*out));
}
