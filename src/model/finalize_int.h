/* Steps of model_finalize() shared between its files (not a public API). */
#ifndef IPSD_FINALIZE_INT_H
#define IPSD_FINALIZE_INT_H

#include "model.h"

int finalize_resolve_objects(struct device *dev); /* resolve.c */
int finalize_reexpand(struct device *dev);        /* resolve.c */
int finalize_defaults(struct device *dev);        /* fill_defaults.c */

#endif
