/* What explain prints per recognised line, as it reads (report_explain.c). */
#ifndef IPSD_REPORT_EXPLAIN_H
#define IPSD_REPORT_EXPLAIN_H

#include <stdio.h>

#include "../logs/logs.h"
#include "report.h"

/* "file:line: key [peer P]: meaning" */
void report_explain_line_text(FILE *out, const char *file, const struct ev_record *ev,
                              const char *text);
/* {"event":"line",...}: one JSON object a line */
void report_explain_line_jsonl(FILE *out, const char *file, const struct ev_record *ev,
                               const char *text);
/* "file:line: text", bad bytes escaped as in every text report */
void report_explain_unknown_text(FILE *out, const char *file, uint32_t line, const char *text);
/* {"event":"unknown","file":...,"line":...,"text":...}; never dropped for its bytes */
void report_explain_unknown_jsonl(FILE *out, const char *file, uint32_t line, const char *text);
/* The findings as {"event":"finding",...} lines, then the summary event. */
int report_explain_jsonl(FILE *out, const struct findings *fs, const struct report_opts *o);

#endif
