/* ipsec-doctor: find out why an IPsec VPN on Cisco ASA / PIX / IOS is broken. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/diag.h"

/* Each command parses its own arguments with cli/args.c, so its --help,
 * --version and errors follow the same conventions; this table only
 * dispatches. A new command: its cli/<command>.c and one row here. */
static const struct command commands[] = {
    {"check", cmd_check, "every config-level diagnosis on each config", NULL},
    {"tunnel", cmd_tunnel, "play the IKE negotiation between two configs", NULL},
    {"trace", cmd_trace, "follow one packet through one device, like packet-tracer", NULL},
    {"explain", cmd_explain, "read logs and show output, rank the diagnoses they point at", NULL},
    {"apply", cmd_apply, "paste configuration commands into a config, as the device would", NULL},
    {"capture", cmd_capture,
     "rebuild the IKE exchanges of a packet capture (first version: no decryption, no IDs)", NULL},
    {"probe", cmd_probe,
     "ask one live IKE responder which proposals it accepts (UDP 500/4500, IKEv1, IKEv2)", NULL},
    {"test", cmd_test,
     "negotiate a full tunnel with one live responder and say where and why it stops", NULL},
    {"dump", cmd_dump, "read configs and print the device model", NULL},
    {"list", cmd_list, "list every diagnosis ID", NULL},
    {"describe", cmd_describe, "explain one diagnosis and its fix per platform", NULL},
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
        fprintf(f, "usage: ipsec-doctor COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
        for (size_t i = 0; i < NCOMMANDS; i++)
                fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
        fprintf(f, "\n  -V, --version   print the version\n"
                   "  -h, --help      this text; ipsec-doctor help COMMAND (or COMMAND --help)\n"
                   "                  lists the options of one command\n");
}

static const struct command *find(const char *name)
{
        for (size_t i = 0; i < NCOMMANDS; i++)
                if (!strcmp(name, commands[i].name))
                        return &commands[i];
        return NULL;
}

int main(int argc, char **argv)
{
        if (argc < 2) {
                usage(stderr);
                return EXIT_INPUT;
        }
        const char *a = argv[1];
        if (!strcmp(a, "--version") || !strcmp(a, "-V") || !strcmp(a, "version")) {
                printf("ipsec-doctor %s\n", IPSD_VERSION);
                return EXIT_OK;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h") || !strcmp(a, "help")) {
                if (argc == 2) {
                        usage(stdout);
                        return EXIT_OK;
                }
                /* help CMD: the command's own --help */
                const struct command *c = find(argv[2]);
                if (!c || argc > 3) {
                        fprintf(stderr, "ipsec-doctor: help: unknown command '%s' (try --help)\n",
                                argv[2]);
                        return EXIT_INPUT;
                }
                char *help_argv[] = {argv[2], "--help", NULL};
                return c->run(2, help_argv);
        }
        const struct command *c = find(a);
        if (c)
                return c->run(argc - 1, argv + 1);
        fprintf(stderr, "ipsec-doctor: unknown command '%s' (try --help)\n", a);
        return EXIT_INPUT;
}
