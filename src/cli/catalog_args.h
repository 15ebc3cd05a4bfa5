/* Options shared by `list` and `describe`. */
#ifndef IPSD_CLI_CATALOG_ARGS_H
#define IPSD_CLI_CATALOG_ARGS_H

#include <stdbool.h>

#include "args.h"

enum catalog_format { CATFMT_TEXT, CATFMT_JSON, CATFMT_MD };

struct catalog_args {
        enum catalog_format fmt;
        const char *output; /* -o FILE, or NULL */
        const struct cli_spec *spec;
        struct cli_operands in;
};

extern const struct cli_spec catalog_list_spec, catalog_describe_spec;

/* --format text|json|md, -o FILE and the spec's operands (see args.h). */
enum cli_parsed catalog_args_parse(int argc, char **argv, const struct cli_spec *spec,
                                   struct catalog_args *out);

#endif
