#include "report.h"

int report_findings(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        static int (*const emit[])(FILE *, const struct findings *, const struct report_opts *) = {
            [REPORT_TEXT] = report_text,
            [REPORT_JSON] = report_json,
            [REPORT_SARIF] = report_sarif,
            [REPORT_GCC] = report_gcc,
        };
        return emit[o->format](out, fs, o);
}
