/*
 * Judging a section of a config (dev->excerpt): "show running-config crypto
 * map" prints the maps but not the ACLs, tunnel-groups or interfaces they
 * name, and a vendor template is meant to be merged into a config that has
 * them. A reference to a kind of element the excerpt shows none of cannot
 * be called missing: the section that would hold it was not pasted. When
 * the excerpt does show some elements of that kind, the section is there
 * and a missing one is missing.
 */
#ifndef IPSD_CHECKS_EXCERPT_H
#define IPSD_CHECKS_EXCERPT_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/model.h"

/* True when dev is an excerpt holding `shown` (zero) elements of the kind
 * a check is about to call missing: the check must stay silent. */
static inline bool excerpt_unseen(const struct device *dev, size_t shown)
{
        return dev->excerpt && shown == 0;
}

#endif
