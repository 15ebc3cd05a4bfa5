/*
 * One error convention: functions return 0 on success or -1 with a struct
 * diag filled. The CLI prints diag.msg as one line and exits EXIT_INPUT.
 * Messages name the file, the line when there is one, and what is wrong:
 * "hq.cfg:12: line longer than 65536 bytes".
 */
#ifndef IPSD_DIAG_H
#define IPSD_DIAG_H

#include <stdint.h>

#define IPSD_MUST_CHECK __attribute__((warn_unused_result))

enum exit_code {
        EXIT_OK = 0,       /* nothing at or above --fail-on */
        EXIT_FINDINGS = 1, /* findings at or above --fail-on */
        EXIT_INPUT = 2,    /* usage error or unreadable input */
};

struct diag {
        char msg[512];
};

/* Formats "file:line: message" (line 0 omits it) into d. */
void diag_set(struct diag *d, const char *file, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
