#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int parse_format(const char *s, enum out_format *f, const char *allowed)
{
        static const struct {
                const char *name;
                enum out_format f;
        } names[] = {
            {"text", FMT_TEXT}, {"json", FMT_JSON}, {"sarif", FMT_SARIF}, {"gcc", FMT_GCC}};
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
                if (s && !strcmp(s, names[i].name) && strstr(allowed, names[i].name)) {
                        *f = names[i].f;
                        return 0;
                }
        }
        fprintf(stderr, "ipsec-doctor: --format: '%s' is not one of %s\n", s ? s : "", allowed);
        return -1;
}

int parse_platform(const char *s, enum platform *p)
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
        fprintf(stderr, "ipsec-doctor: --platform: '%s' is not one of ios, asa, pix\n", s ? s : "");
        return -1;
}

int parse_color(const char *s, enum color_mode *m)
{
        static const char *const names[] = {"auto", "always", "never"};
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
                if (s && !strcmp(s, names[i])) {
                        *m = (enum color_mode)i;
                        return 0;
                }
        fprintf(stderr, "ipsec-doctor: --color: '%s' is not one of auto, always, never\n",
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
