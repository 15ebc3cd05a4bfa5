/*
 * One argument parser for every command (cli/args.c), with the
 * conventions of the linters engineers know:
 *   - options and operands in any order; "--" ends the options;
 *   - "-" is an operand (stdin);
 *   - --long VALUE, --long=VALUE, -x VALUE, -xVALUE;
 *   - -h/--help prints the command's usage and one line per option;
 *     -V/--version prints the version; both on every command;
 *   - every error is one line "ipsec-doctor: CMD: ..." and exit 2.
 *
 * A command describes itself with a struct cli_spec (its options as a
 * table) and receives each option through on_opt; main.c only dispatches.
 * A new command: a table of cli_opt rows, an on_opt switch, cli_parse().
 */
#ifndef IPSD_CLI_ARGS_H
#define IPSD_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct cli_opt {
        const char *lng;   /* long name without "--" */
        char shrt;         /* short letter, or 0 */
        const char *value; /* metavariable ("FORMAT"), or NULL for a flag; a leading
                            * '*' ("*SRC DST [PROTO]"): several words, which on_opt
                            * takes from rest itself */
        const char *help;  /* one line for --help */
        int id;            /* handed to on_opt */
};

/* The options most commands share, as table rows (ids are the caller's). */
#define CLI_OPT_FORMAT(id, list)                                                                   \
        {                                                                                          \
                "format", 'f', "FORMAT", list, id                                                  \
        }
#define CLI_OPT_OUTPUT(id)                                                                         \
        {                                                                                          \
                "output", 'o', "FILE",                                                             \
                    "write the output to FILE (a new file, atomically), not stdout", id            \
        }
#define CLI_OPT_COLOR(id)                                                                          \
        {                                                                                          \
                "color", 0, "WHEN", "auto (a terminal and NO_COLOR unset), always or never", id    \
        }
#define CLI_OPT_EXPLAIN(id)                                                                        \
        {                                                                                          \
                "explain", 0, NULL, "print each finding's explanation (also -v)", id               \
        }

struct cli_spec {
        const char *name;     /* "check" */
        const char *operands; /* for the usage line: "CONFIG..." */
        const char *summary;  /* one sentence */
        const struct cli_opt *opts;
        size_t nopts;
        int min_operands, max_operands; /* max -1: no limit */
        /*
         * One option: value is NULL for a flag. rest/nrest are the
         * arguments after it (for an option that takes several words);
         * return how many of them were used (0 usually), or -1 after
         * printing an error with cli_error().
         */
        int (*on_opt)(void *ctx, int id, const char *value, char **rest, int nrest);
};

enum cli_parsed {
        CLI_RUN,   /* run the command */
        CLI_DONE,  /* --help or --version printed: exit 0 */
        CLI_ERROR, /* an error was printed: exit 2 */
};

struct cli_operands {
        const char **v; /* malloc'd; the strings are argv's */
        size_t n;
};

enum cli_parsed cli_parse(const struct cli_spec *s, int argc, char **argv, void *ctx,
                          struct cli_operands *ops);
void cli_operands_free(struct cli_operands *ops);
/* The command's --help text. */
void cli_help(FILE *f, const struct cli_spec *s);
/* "ipsec-doctor: CMD: <message>\n" on stderr; returns -1. */
int cli_error(const struct cli_spec *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Where output goes: stdout, or with -o FILE a temporary file beside FILE
 * renamed over it once complete (never an input file: cli_out_open refuses
 * a path that is one of the operands). */
struct cli_out {
        FILE *f;
        char *tmp;
        const char *path;
};
int cli_out_open(struct cli_out *o, const struct cli_spec *s, const char *path,
                 const struct cli_operands *inputs);
/* Flushes and, with -o, renames into place (ok) or removes the temporary
 * file (!ok). Returns 0, or -1 after printing why. */
int cli_out_close(struct cli_out *o, const struct cli_spec *s, bool ok);

#endif
