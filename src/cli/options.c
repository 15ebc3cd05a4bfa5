#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* name is a whole word of the list "text (default), json, ..." */
static bool format_listed(const char *allowed, const char *name)
{
        size_t n = strlen(name);
        for (const char *p = allowed; (p = strstr(p, name)) != NULL; p += n) {
                bool start = p == allowed || p[-1] == ' ' || p[-1] == ',';
                bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';
                if (start && end)
                        return true;
        }
        return false;
}

/* The names are the rows of report/'s emitter table (report_format_parse);
 * `allowed` is the command's own subset, as its --help lists it. */
int parse_format(const char *s, enum report_format *f, const char *cmd, const char *allowed)
{
        enum report_format g;
        if (s && !report_format_parse(s, &g) && format_listed(allowed, s)) {
                *f = g;
                return 0;
        }
        fprintf(stderr, "ipsec-doctor: %s: --format: '%s' is not one of %s\n", cmd, s ? s : "",
                allowed);
        return -1;
}

int parse_platform(const char *s, enum platform *p, const char *cmd)
{
        static const struct {
                const char *name;
                enum platform p;
        } names[] = {{"ios", PLAT_IOS}, {"asa", PLAT_ASA}, {"pix", PLAT_PIX}};
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
                if (s && !strcmp(s, names[i].name)) {
                        *p = names[i].p;
                        return 0;
                }
        }
        fprintf(stderr, "ipsec-doctor: %s: --platform: '%s' is not one of ios, asa, pix\n", cmd,
                s ? s : "");
        return -1;
}

int parse_color(const char *s, enum color_mode *m, const char *cmd)
{
        static const char *const names[] = {"auto", "always", "never"};
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
                if (s && !strcmp(s, names[i])) {
                        *m = (enum color_mode)i;
                        return 0;
                }
        fprintf(stderr, "ipsec-doctor: %s: --color: '%s' is not one of auto, always, never\n", cmd,
                s ? s : "");
        return -1;
}

/* https://no-color.org: a set, non-empty NO_COLOR turns colour off unless
 * asked for explicitly with --color=always. */
bool color_wanted(enum color_mode m, int fd)
{
        if (m != COLOR_AUTO)
                return m == COLOR_ALWAYS;
        const char *nc = getenv("NO_COLOR");
        return isatty(fd) && !(nc && *nc);
}
