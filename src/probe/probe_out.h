/*
 * Printing a probe's result: the text report, the "probe" object of the
 * JSON document (an extension of product.md's contract: the findings and
 * tunnels keys are the contract's) and the findings a result proves
 * (catalog IDs, each with the exchanges as evidence).
 */
#ifndef IPSD_PROBE_OUT_H
#define IPSD_PROBE_OUT_H

#include <stdio.h>

#include "../findings/finding.h"
#include "probe.h"

struct json_t;

/* verbose: every exchange, one line each. */
void probe_text(FILE *f, const struct probe_result *r, const struct probe_opts *o, bool verbose);
struct json_t *probe_json(const struct probe_result *r, const struct probe_opts *o);
/* The findings the result proves; 0, or -1 out of memory. */
int probe_findings(const struct probe_result *r, struct findings *fs);

#endif
