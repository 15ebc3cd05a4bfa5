#include <stdio.h>
#include <string.h>

#include "catalog_args.h"
#include "cli.h"

enum { O_FORMAT, O_OUTPUT };

static const struct cli_opt catalog_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json or md"),
    CLI_OPT_OUTPUT(O_OUTPUT),
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct catalog_args *a = ctx;
        (void)rest;
        (void)nrest;
        if (id == O_OUTPUT) {
                a->output = v;
                return 0;
        }
        return parse_format(v, &a->fmt, a->spec->name, "text, json, md");
}

const struct cli_spec catalog_list_spec = {
    "list",
    "",
    "List every diagnosis ID with its severity and title.",
    catalog_options,
    sizeof(catalog_options) / sizeof(catalog_options[0]),
    0,
    0,
    on_opt,
};

const struct cli_spec catalog_describe_spec = {
    "describe",
    "ID",
    "One diagnosis in full: what it means, its evidence, its fix per platform.",
    catalog_options,
    sizeof(catalog_options) / sizeof(catalog_options[0]),
    1,
    1,
    on_opt,
};

enum cli_parsed catalog_args_parse(int argc, char **argv, const struct cli_spec *spec,
                                   struct catalog_args *out)
{
        out->fmt = REPORT_TEXT; /* as every command: JSON only when asked for */
        out->output = NULL;
        out->spec = spec;
        return cli_parse(spec, argc, argv, out, &out->in);
}
