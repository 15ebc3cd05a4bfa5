/* ipsec-doctor dump [--format json|text] [--platform P] [--verbose] FILE... */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../report/dump.h"
#include "cli.h"

int cmd_dump(int argc, char **argv)
{
        enum out_format fmt = FMT_TEXT;
        enum platform force = PLAT_UNKNOWN;
        bool verbose = false;
        const char **files = calloc((size_t)argc + 1, sizeof(*files));
        size_t nfiles = 0;
        int rc = EXIT_INPUT;
        if (!files)
                return EXIT_INPUT;
        for (int i = 1; i < argc; i++) {
                const char *a = argv[i];
                if (!strcmp(a, "--format") && i + 1 < argc) {
                        if (parse_format(argv[++i], &fmt, "text, json"))
                                goto out;
                } else if (!strncmp(a, "--format=", 9)) {
                        if (parse_format(a + 9, &fmt, "text, json"))
                                goto out;
                } else if (!strcmp(a, "--platform") && i + 1 < argc) {
                        if (parse_platform(argv[++i], &force))
                                goto out;
                } else if (!strncmp(a, "--platform=", 11)) {
                        if (parse_platform(a + 11, &force))
                                goto out;
                } else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
                        verbose = true;
                } else if (a[0] == '-' && a[1] != '\0') {
                        fprintf(stderr, "ipsec-doctor dump: unknown option '%s'\n", a);
                        goto out;
                } else {
                        files[nfiles++] = a;
                }
        }
        if (nfiles == 0)
                files[nfiles++] = "-";

        struct device **devs = calloc(nfiles, sizeof(*devs));
        if (!devs)
                goto out;
        size_t ndevs = 0;
        for (size_t i = 0; i < nfiles; i++) {
                struct diag err;
                if (config_read(files[i], force, &devs[ndevs], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        goto free_devs;
                }
                ndevs++;
        }
        rc = (fmt == FMT_JSON ? dump_json(stdout, devs, ndevs, verbose)
                              : dump_text(stdout, devs, ndevs, verbose))
                 ? EXIT_INPUT
                 : EXIT_OK;
free_devs:
        for (size_t i = 0; i < ndevs; i++)
                model_free(devs[i]);
        free(devs);
out:
        free(files);
        return rc;
}
