/* Printing the device model (ipsec-doctor dump). Secrets print as
 * "<secret>" plus, for known values, a salted fingerprint. */
#ifndef IPSD_REPORT_DUMP_H
#define IPSD_REPORT_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "../model/model.h"

/* One JSON document {"tool","version","command":"dump","devices":[...]}. */
int dump_json(FILE *out, struct device *const *devs, size_t n, bool verbose);
/* A readable outline of each device. */
int dump_text(FILE *out, struct device *const *devs, size_t n, bool verbose);

#endif
