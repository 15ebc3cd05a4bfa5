/* ipsec-doctor list [--format text|json|md]: every diagnosis ID. */
#include <stdio.h>

#include "../catalog/print.h"
#include "../util/diag.h"
#include "catalog_args.h"
#include "cli.h"

int cmd_list(int argc, char **argv)
{
        struct catalog_args args;
        enum cli_parsed p = catalog_args_parse(argc, argv, &catalog_list_spec, &args);
        if (p != CLI_RUN)
                return p == CLI_DONE ? EXIT_OK : EXIT_INPUT;
        struct cli_out out;
        int rc = EXIT_INPUT;
        if (cli_out_open(&out, &catalog_list_spec, args.output, &args.in))
                goto done;
        int wr = report_emitter(args.fmt)->list(out.f);
        if (!cli_out_close(&out, &catalog_list_spec, wr == 0) && !wr)
                rc = EXIT_OK;
done:
        cli_operands_free(&args.in);
        return rc;
}
