/* ipsec-doctor describe ID [--format text|json|md]: one diagnosis in full. */
#include <stdio.h>

#include "../catalog/print.h"
#include "../util/diag.h"
#include "catalog_args.h"
#include "cli.h"

int cmd_describe(int argc, char **argv)
{
        struct catalog_args args;
        if (catalog_args_parse(argc, argv, "describe", 1, &args))
                return EXIT_INPUT;
        if (args.npositional != 1) {
                fprintf(stderr, "usage: ipsec-doctor describe ID [--format text|json|md]\n");
                return EXIT_INPUT;
        }
        const char *id = args.positional[0];
        const struct diagnosis *d = catalog_find(id);
        if (!d) {
                fprintf(stderr,
                        "ipsec-doctor: describe: unknown diagnosis '%s' (see ipsec-doctor list)\n",
                        id);
                return EXIT_INPUT;
        }
        int rc;
        switch (args.fmt) {
        case CATFMT_JSON:
                rc = catalog_describe_json(stdout, d, IPSD_VERSION);
                break;
        case CATFMT_MD:
                rc = catalog_describe_md(stdout, d);
                break;
        case CATFMT_TEXT:
        default:
                rc = catalog_describe_text(stdout, d);
                break;
        }
        return rc ? EXIT_INPUT : EXIT_OK;
}
