/* explain's state shared by its files (cli/explain*.c). */
#ifndef IPSD_EXPLAIN_INT_H
#define IPSD_EXPLAIN_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "../correlate/correlate.h"
#include "../correlate/verdict.h"
#include "../findings/finding.h"
#include "../logs/logs.h"
#include "cli.h"

#define EXPLAIN_MAX_DEVS 16
/* Unknown lines kept for the JSON document with --verbose (text and jsonl
 * stream them all): the document stays bounded whatever the input. */
#define EXPLAIN_MAX_UNKNOWN 1000

struct explain {
        enum out_format fmt;
        bool jsonl, follow;
        bool verbose;                /* list the unknown lines */
        struct json_t *unknown_list; /* json --verbose: the first EXPLAIN_MAX_UNKNOWN */
        const char *configs[EXPLAIN_MAX_DEVS];
        size_t nconfigs;
        FILE *out;
        const char *file; /* the input being read */
        struct correlator *corr;
        struct log_reader rd;
        struct device *devs[EXPLAIN_MAX_DEVS];
        size_t ndevs;
        uint64_t lines, recognised, events;
        int err; /* EXIT_INPUT once something could not be read */
};

/* Event sink: prints the line (text, jsonl) and feeds the correlator. */
void explain_event(void *arg, const struct log_event *ev);
/* A config pasted in the input: read and kept for the verdicts. */
void explain_config(void *arg, const char *buf, size_t len, uint32_t first);
/* A line no reader took: listed with --verbose, secrets masked. */
void explain_unknown(struct explain *x, const char *s, size_t len, uint32_t line);
/* Ranked candidates -> findings with fixes and verdicts. */
int explain_findings(struct explain *x, struct findings *fs);
/* Lines longer than this are cut: the rest is not read as a new line. */
#define EXPLAIN_LINE_MAX (64u << 10)
/* One line (no '\n') to the readers, numbered; pre: its syslog parse, when
 * already done (NULL: parse here). */
void explain_line(struct explain *x, uint32_t *lineno, const char *s, size_t len,
                  const struct syslog_parse *pre);
/* Reads fd in place when it is a non-empty regular file, its lines parsed
 * on all cores and handed to the readers in order; false (nothing read)
 * leaves it to the buffered reader. */
bool explain_read_mapped(struct explain *x, int fd);
/* Streams one input through the readers (path "-" = stdin). */
int explain_read(struct explain *x, const char *path);

#endif
