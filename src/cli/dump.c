/* ipsec-doctor dump [--format text|json] [--platform P] [--verbose] FILE... */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../report/dump.h"
#include "args.h"
#include "cli.h"

struct dump_opts {
        enum report_format fmt;
        enum platform force;
        bool verbose;
        const char *output;
};

enum { O_FORMAT, O_OUTPUT, O_PLATFORM, O_VERBOSE };

static const struct cli_opt dump_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default) or json"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"platform", 0, "P", "read every file as ios, asa or pix (default: detected)", O_PLATFORM},
    {"verbose", 'v', NULL, "also list the lines no reader understood", O_VERBOSE},
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct dump_opts *o = ctx;
        (void)rest;
        (void)nrest;
        switch (id) {
        case O_FORMAT:
                return parse_format(v, &o->fmt, "dump", "text, json");
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_PLATFORM:
                return parse_platform(v, &o->force, "dump");
        case O_VERBOSE:
                o->verbose = true;
                return 0;
        }
        return -1;
}

static const struct cli_spec dump_spec = {
    "dump",
    "[FILE...]",
    "Read configs (stdin when none) and print the device model the readers build.",
    dump_options,
    sizeof(dump_options) / sizeof(dump_options[0]),
    0,
    -1,
    on_opt,
};

int cmd_dump(int argc, char **argv)
{
        struct dump_opts o = {.fmt = REPORT_TEXT, .force = PLAT_UNKNOWN};
        struct cli_operands in;
        switch (cli_parse(&dump_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        static const char *const stdin_only[] = {"-"};
        const char *const *files = in.n ? in.v : stdin_only;
        size_t nfiles = in.n ? in.n : 1;
        int rc = EXIT_INPUT;
        size_t ndevs = 0;
        struct cli_out out = {stdout, NULL, NULL};
        struct device **devs = calloc(nfiles, sizeof(*devs));
        if (!devs)
                goto out;
        for (size_t i = 0; i < nfiles; i++) {
                struct diag err;
                if (config_read(files[i], o.force, &devs[ndevs], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        goto out;
                }
                ndevs++;
        }
        if (cli_out_open(&out, &dump_spec, o.output, &in))
                goto out;
        int wr = o.fmt == REPORT_JSON ? dump_json(out.f, devs, ndevs, o.verbose)
                                      : dump_text(out.f, devs, ndevs, o.verbose);
        if (!cli_out_close(&out, &dump_spec, wr == 0) && !wr)
                rc = EXIT_OK;
out:
        for (size_t i = 0; i < ndevs; i++)
                model_free(devs[i]);
        free(devs);
        cli_operands_free(&in);
        return rc;
}
