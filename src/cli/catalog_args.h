/* Options shared by `list` and `describe`. */
#ifndef IPSD_CLI_CATALOG_ARGS_H
#define IPSD_CLI_CATALOG_ARGS_H

#include <stdbool.h>

#include "../report/report.h"
#include "args.h"

struct catalog_args {
        enum report_format fmt; /* text, json or md: rows with catalog hooks */
        const char *output;     /* -o FILE, or NULL */
        const struct cli_spec *spec;
        struct cli_operands in;
};

extern const struct cli_spec catalog_list_spec, catalog_describe_spec;

/* --format text|json|md, -o FILE and the spec's operands (see args.h). */
enum cli_parsed catalog_args_parse(int argc, char **argv, const struct cli_spec *spec,
                                   struct catalog_args *out);

#endif
