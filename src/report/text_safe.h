/* Writing untrusted strings to a text report: invalid UTF-8 and control
 * bytes escaped as \xNN (util/utf8.h), so a hostile config cannot drive the
 * terminal and the output stays valid UTF-8. */
#ifndef IPSD_REPORT_TEXT_SAFE_H
#define IPSD_REPORT_TEXT_SAFE_H

#include <stddef.h>
#include <stdio.h>

void text_put(FILE *out, const char *s);
void text_put_n(FILE *out, const char *s, size_t n);

#endif
