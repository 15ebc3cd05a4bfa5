/*
 * Printing findings: one emitter per format, all fed the same findings.
 * report/ knows nothing of configs: only struct finding.
 */
#ifndef IPSD_REPORT_H
#define IPSD_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../findings/finding.h"

struct json_t;

/* Every output format; a command accepts those its emitters implement. */
enum report_format {
        REPORT_TEXT,
        REPORT_JSON,
        REPORT_SARIF,
        REPORT_GCC,
        REPORT_HTML,
        REPORT_JSONL, /* explain: one event per line */
        REPORT_MD,    /* the catalog's pages */
        REPORT_FORMATS,
};

struct report_opts {
        enum report_format format;
        const char *command;        /* "check", "explain", ... */
        bool color;                 /* text only: ANSI colour */
        bool explain;               /* text only: each finding's explanation (--explain, -v) */
        bool ladders;               /* text: each tunnel's ladder (tunnel), not one line (check) */
        bool fix;                   /* text: --fix, the replays */
        size_t fix_errors_after;    /* text: check --fix, errors left with every fix pasted */
        size_t nfiles;              /* inputs read, for the summary line */
        const char *const *devices; /* html: the devices read (labels), for the summary */
        size_t ndevices;
        bool counts; /* explain: lines read and recognised, printed by each format */
        uint64_t lines, recognised;
        const struct json_t *extra; /* json: more keys (explain --verbose: unknown_lines) */
};

/*
 * The output seam (report.c): one row per format, one hook per kind of
 * output; NULL where a format has no such output. A new format is one
 * report_<fmt>.c and one row of the table.
 */
struct trace;
struct diagnosis;
struct ev_record;
struct emitter {
        const char *name; /* as --format spells it */
        /* check, tunnel, explain: the findings and the tunnels */
        int (*findings)(FILE *out, const struct findings *fs, const struct report_opts *o);
        /* trace: one packet's walk and what it found */
        int (*trace)(FILE *out, const struct trace *t, const struct findings *fs,
                     const struct report_opts *o);
        /* list, describe: the catalog */
        int (*list)(FILE *out);
        int (*describe)(FILE *out, const struct diagnosis *d);
        /* explain: each recognised line as it is read (text, jsonl) */
        void (*explain_line)(FILE *out, const char *file, const struct ev_record *ev,
                             const char *text);
        /* explain --verbose: a line no reader knows (text already scrubbed of
         * secrets), as it is read (text, jsonl) */
        void (*explain_unknown)(FILE *out, const char *file, uint32_t line, const char *text);
};
const struct emitter *report_emitter(enum report_format f);
/* --format NAME -> f; -1 for a name no row has. */
int report_format_parse(const char *name, enum report_format *f);

int report_findings(FILE *out, const struct findings *fs, const struct report_opts *o);

/* The one exit status rule: 1 (EXIT_FINDINGS) when a finding is at or
 * above fail_on, or, with tunnels_fail, a played tunnel did not establish;
 * else 0. */
int report_exit_status(const struct findings *fs, enum severity fail_on, bool tunnels_fail);

int report_json(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_sarif(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_gcc(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_text(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_html(FILE *out, const struct findings *fs, const struct report_opts *o);
int report_html_trace(FILE *out, const struct trace *t, const struct findings *fs,
                      const struct report_opts *o);

/* The finding objects of the JSON contract (also used by tunnel/explain). */
struct json_t;
struct json_t *report_finding_json(const struct finding *f);
struct tunnel_result;
struct json_t *report_tunnel_json(const struct tunnel_result *t);

#endif
