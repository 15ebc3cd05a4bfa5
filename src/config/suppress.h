#ifndef IPSD_SUPPRESS_H
#define IPSD_SUPPRESS_H

#include <stdbool.h>

#include "../input/text.h"
#include "../model/model.h"

/* Records the "! ipsec-doctor: ignore=..." comments of t in dev. */
int suppressions_collect(struct device *dev, const struct text *t);
/* True when id is silenced at line of dev's file. */
bool suppressed(const struct device *dev, const char *id, uint32_t line);

#endif
