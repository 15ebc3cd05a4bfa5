/* ipsec-doctor: find out why an IPsec VPN on Cisco ASA / PIX / IOS is broken. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/diag.h"

static const struct command commands[] = {
    {"check", cmd_check, "every config-level diagnosis on each config",
     "[--format text|json|sarif|gcc] [--fail-on SEV] [--min-severity SEV]\n"
     "       [--select ID,...] [--ignore ID,...] [--platform ios|asa|pix] CONFIG..."},
    {"tunnel", cmd_tunnel, "play the IKE negotiation between two configs",
     "[--initiator A|B | --both] [--flow SRC DST [PROTO [PORT]]]\n"
     "       [--block udp500|udp4500|esp] [--nat] [--fix] [--format F] A B"},
    {"trace", cmd_trace, "follow one packet through one device, like packet-tracer",
     "CONFIG --src IP --dst IP [--proto P] [--port N] [--sport N] [--in IF]\n"
     "       [--platform P] [--format text|json]"},
    {"explain", cmd_explain, "read logs and show output, rank the diagnoses they point at",
     "[--format text|json|sarif|gcc|jsonl] [--config FILE]... [--follow] [FILE...]"},
    {"apply", cmd_apply, "paste configuration commands into a config, as the device would",
     "[-o FILE | --diff] [--platform ios|asa|pix] CONFIG CHANGES\n"
     "       CHANGES is a file of configuration-mode commands, - for stdin"},
    {"dump", cmd_dump, "read configs and print the device model",
     "[--format text|json] [--platform ios|asa|pix] [--verbose] FILE..."},
    {"list", cmd_list, "list every diagnosis ID", "[--format text|json]"},
    {"describe", cmd_describe, "explain one diagnosis and its fix per platform",
     "[--format text|json|md] ID"},
};

static void usage(FILE *f)
{
        fprintf(f, "usage: ipsec-doctor COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
                fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
        fprintf(f, "\n  --version  print the version\n  --help     this text\n");
}

int main(int argc, char **argv)
{
        if (argc < 2) {
                usage(stderr);
                return EXIT_INPUT;
        }
        if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
                printf("ipsec-doctor %s\n", IPSD_VERSION);
                return EXIT_OK;
        }
        if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
                usage(stdout);
                return EXIT_OK;
        }
        for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
                if (strcmp(argv[1], commands[i].name))
                        continue;
                if (argc == 3 && (!strcmp(argv[2], "--help") || !strcmp(argv[2], "-h"))) {
                        printf(
                            "usage: ipsec-doctor %s %s\n\n%s.\nSee ipsec-doctor(1) for details.\n",
                            commands[i].name, commands[i].synopsis, commands[i].summary);
                        return EXIT_OK;
                }
                return commands[i].run(argc - 1, argv + 1);
        }
        fprintf(stderr, "ipsec-doctor: unknown command '%s' (try --help)\n", argv[1]);
        return EXIT_INPUT;
}
