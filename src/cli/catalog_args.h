/* Options shared by `list` and `describe`. */
#ifndef IPSD_CLI_CATALOG_ARGS_H
#define IPSD_CLI_CATALOG_ARGS_H

#include <stdbool.h>

enum catalog_format { CATFMT_TEXT, CATFMT_JSON, CATFMT_MD };

struct catalog_args {
        enum catalog_format fmt;
        const char *positional[2]; /* operands in order; extra ones are an error */
        int npositional;
};

/*
 * Parses --format text|json|md (also --format=X) and up to max_pos operands
 * (max_pos <= 2). Returns 0, or -1 after printing a one-line usage error
 * that names cmd.
 */
int catalog_args_parse(int argc, char **argv, const char *cmd, int max_pos,
                       struct catalog_args *out);

#endif
