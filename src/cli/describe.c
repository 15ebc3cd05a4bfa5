/* ipsec-doctor describe ID [--format text|json|md]: one diagnosis in full. */
#include <stdio.h>

#include "../catalog/print.h"
#include "../util/diag.h"
#include "catalog_args.h"
#include "cli.h"

int cmd_describe(int argc, char **argv)
{
        struct catalog_args args;
        enum cli_parsed p = catalog_args_parse(argc, argv, &catalog_describe_spec, &args);
        if (p != CLI_RUN)
                return p == CLI_DONE ? EXIT_OK : EXIT_INPUT;
        int rc = EXIT_INPUT;
        const char *id = args.in.v[0];
        const struct diagnosis *d = catalog_find(id);
        struct cli_out out;
        if (!d) {
                cli_error(&catalog_describe_spec, "unknown diagnosis '%s' (see ipsec-doctor list)",
                          id);
                goto done;
        }
        if (cli_out_open(&out, &catalog_describe_spec, args.output, &args.in))
                goto done;
        int wr = report_emitter(args.fmt)->describe(out.f, d);
        if (!cli_out_close(&out, &catalog_describe_spec, wr == 0) && !wr)
                rc = EXIT_OK;
done:
        cli_operands_free(&args.in);
        return rc;
}
