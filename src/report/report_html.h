/* The HTML report (report_html.c). */
#ifndef IPSD_REPORT_HTML_H
#define IPSD_REPORT_HTML_H

#include <stddef.h>
#include <stdio.h>

struct findings;
struct report_opts;

/* s escaped for HTML text and attributes, invalid UTF-8 as \xNN. */
void html_put(FILE *out, const char *s);
/* The page with a preformatted section first (trace: the phases). */
int report_html_with_text(FILE *out, const struct findings *fs, const struct report_opts *o,
                          const char *title, const char *text, size_t len);

#endif
