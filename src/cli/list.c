/* ipsec-doctor list [--format text|json|md]: every diagnosis ID. */
#include <stdio.h>

#include "../catalog/print.h"
#include "../util/diag.h"
#include "catalog_args.h"
#include "cli.h"

int cmd_list(int argc, char **argv)
{
        struct catalog_args args;
        if (catalog_args_parse(argc, argv, "list", 0, &args))
                return EXIT_INPUT;
        int rc;
        switch (args.fmt) {
        case CATFMT_JSON:
                rc = catalog_list_json(stdout, IPSD_VERSION);
                break;
        case CATFMT_MD:
                rc = catalog_list_md(stdout);
                break;
        case CATFMT_TEXT:
        default:
                rc = catalog_list_text(stdout);
                break;
        }
        return rc ? EXIT_INPUT : EXIT_OK;
}
