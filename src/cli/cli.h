/* Commands: one file each, dispatched from main.c through one table. */
#ifndef IPSD_CLI_H
#define IPSD_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "../model/model.h"
#include "../report/report.h"

#include "../version.h"

struct command {
        const char *name;
        int (*run)(int argc, char **argv); /* argv[0] is the command name */
        const char *summary;
        const char *unused; /* each command's --help comes from its cli_spec (args.h) */
};

int cmd_dump(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_describe(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_tunnel(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_capture(int argc, char **argv);
int cmd_probe(int argc, char **argv);
int cmd_test(int argc, char **argv);

/* Shared option helpers (cli/options.c). */
/* 0 on success; -1 after printing a one-line usage error naming cmd.
 * allowed lists the command's formats ("text (default), json, ..."). */
int parse_format(const char *s, enum report_format *f, const char *cmd, const char *allowed);
int parse_platform(const char *s, enum platform *p, const char *cmd);
/* --color=auto|always|never: auto is colour on a terminal unless NO_COLOR. */
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
int parse_color(const char *s, enum color_mode *m, const char *cmd);
bool color_wanted(enum color_mode m, int fd);

#endif
