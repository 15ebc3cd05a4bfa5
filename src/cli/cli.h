/* Commands: one file each, dispatched from main.c through one table. */
#ifndef IPSD_CLI_H
#define IPSD_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "../model/model.h"

#include "../version.h"

struct command {
        const char *name;
        int (*run)(int argc, char **argv); /* argv[0] is the command name */
        const char *summary;
        const char *synopsis; /* the options, for "ipsec-doctor COMMAND --help" */
};

int cmd_dump(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_describe(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_tunnel(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* Shared option helpers (cli/options.c). */
enum out_format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_GCC };
/* 0 on success; -1 after printing a one-line usage error. */
int parse_format(const char *s, enum out_format *f, const char *allowed);
int parse_platform(const char *s, enum platform *p);
/* --color=auto|always|never: auto is colour on a terminal unless NO_COLOR. */
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
int parse_color(const char *s, enum color_mode *m);
bool color_wanted(enum color_mode m, int fd);

#endif
