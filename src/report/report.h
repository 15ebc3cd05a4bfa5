/*
 * Printing findings: one emitter per format, all fed the same findings.
 * report/ knows nothing of configs: only struct finding.
 */
#ifndef IPSD_REPORT_H
#define IPSD_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "../findings/finding.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF, REPORT_GCC };

struct report_opts {
        enum report_format format;
        const char *command; /* "check", "explain", ... */
        bool color;          /* text only: ANSI colour */
        bool explain;        /* text only: each finding's explanation (--explain, -v) */
        size_t nfiles;       /* inputs read, for the summary line */
};

int report_findings(FILE *out, const struct findings *fs, const struct report_opts *o);

int report_json(FILE *out, const struct findings *fs, const struct report_opts *o);
/* The same with more keys appended to the document (explain's line counts);
 * extra is a JSON object, borrowed. */
struct json_t;
int report_json_extra(FILE *out, const struct findings *fs, const struct report_opts *o,
                      const struct json_t *extra);
int report_sarif(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_gcc(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_text(FILE *out, const struct findings *fs, const struct report_opts *o);

/* The finding objects of the JSON contract (also used by tunnel/explain). */
struct json_t;
struct json_t *report_finding_json(const struct finding *f);
struct tunnel_result;
struct json_t *report_tunnel_json(const struct tunnel_result *t);

#endif
