/* explain's state shared by the engine's files (src/explain/explain_*.c)
 * and the CLI entry (src/cli/explain.c), which holds the options that only
 * the command line has (-o, --color, --config's file names). */
#ifndef IPSD_EXPLAIN_INT_H
#define IPSD_EXPLAIN_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "../correlate/correlate.h"
#include "../correlate/peer_facts.h"
#include "../correlate/verdict.h"
#include "../findings/finding.h"
#include "../logs/logs.h"
#include "../report/report.h"

#define EXPLAIN_MAX_DEVS 16
/* Unknown lines kept for the JSON document with --verbose (text and jsonl
 * stream them all): the document stays bounded whatever the input. */
#define EXPLAIN_MAX_UNKNOWN 1000

struct explain {
        enum report_format fmt;
        bool jsonl, follow;
        bool verbose;                /* list the unknown lines */
        bool explain;                /* text: each finding's explanation */
        struct json_t *unknown_list; /* json --verbose: the first EXPLAIN_MAX_UNKNOWN */
        FILE *out;
        const char *file; /* the input being read */
        struct correlator *corr;
        struct peer_facts peer_facts; /* what the peer's daemon logged of its side */
        struct log_reader rd;
        struct device *devs[EXPLAIN_MAX_DEVS];
        size_t ndevs;
        uint64_t lines, recognised, events;
        unsigned threads;   /* IPSEC_DOCTOR_THREADS; 0: one per online CPU */
        size_t chunk_bytes; /* IPSEC_DOCTOR_CHUNK_BYTES; 0: EXPLAIN_CHUNK_BYTES */
        int err;            /* EXIT_INPUT once something could not be read */
};

/* Event sink: prints the line (text, jsonl) and feeds the correlator. */
void explain_event(void *arg, const struct ev_record *ev);
/* A config pasted in the input: read and kept for the verdicts. */
void explain_config(void *arg, const char *buf, size_t len, uint32_t first);
/* A line no reader took: listed with --verbose, secrets masked. */
void explain_unknown(struct explain *x, const char *s, size_t len, uint32_t line);
/* Ranked candidates -> findings with fixes and verdicts. */
int explain_findings(struct explain *x, struct findings *fs);
/* A regular file is parsed in chunks of this many bytes (a line belongs to
 * the chunk it starts in), on at most this many threads. */
#define EXPLAIN_CHUNK_BYTES (256u << 10)
#define EXPLAIN_MAX_THREADS 64
/* Lines longer than this are cut: the rest is not read as a new line. */
#define EXPLAIN_LINE_MAX (64u << 10)
/* One line (no '\n') to the readers, numbered; pre: its syslog parse, when
 * already done (NULL: parse here). */
void explain_line(struct explain *x, uint32_t *lineno, const char *s, size_t len,
                  const struct syslog_parse *pre);
/* n lines at s[0..len) (each with its '\n') that logs_gate_run found no
 * reader can take: counted as unknown at once while the readers are quiet
 * (logs_quiet) and no --verbose lists them, else read one by one. */
void explain_unknown_run(struct explain *x, uint32_t *lineno, const char *s, size_t len, size_t n);
/* n lines at s[0..len) (each with its '\n'), each a syslog message the
 * catalogue does not list (logs_tagged_unknown): counted as unknown at
 * once unless the readers could still take them (logs_tagged_skippable)
 * or --verbose lists them, else read one by one. */
void explain_tagged_run(struct explain *x, uint32_t *lineno, const char *s, size_t len, size_t n);
/* Reads fd when it is a non-empty regular file, its lines parsed on all
 * cores and handed to the readers in order: 1 done, -1 a read error (errno
 * set), 0 nothing read (not a regular file, or no memory for the chunks):
 * the buffered reader takes it. */
int explain_read_parallel(struct explain *x, int fd);
/* Streams one input through the readers (path "-" = stdin). */
int explain_read(struct explain *x, const char *path);

#endif
