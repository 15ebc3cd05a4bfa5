#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "catalog_args.h"

static int set_format(const char *cmd, const char *s, enum catalog_format *fmt)
{
        static const struct {
                const char *name;
                enum catalog_format fmt;
        } names[] = {{"text", CATFMT_TEXT}, {"json", CATFMT_JSON}, {"md", CATFMT_MD}};
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
                if (!strcmp(s, names[i].name)) {
                        *fmt = names[i].fmt;
                        return 0;
                }
        }
        fprintf(stderr, "ipsec-doctor: %s: --format: '%s' is not one of text, json, md\n", cmd, s);
        return -1;
}

int catalog_args_parse(int argc, char **argv, const char *cmd, int max_pos,
                       struct catalog_args *out)
{
        /* Same default as every command: text, JSON only when asked for. */
        out->fmt = CATFMT_TEXT;
        out->npositional = 0;
        for (int i = 1; i < argc; i++) {
                const char *a = argv[i];
                if (!strcmp(a, "--format")) {
                        if (i + 1 >= argc) {
                                fprintf(stderr, "ipsec-doctor: %s: --format needs a value\n", cmd);
                                return -1;
                        }
                        if (set_format(cmd, argv[++i], &out->fmt))
                                return -1;
                } else if (!strncmp(a, "--format=", 9)) {
                        if (set_format(cmd, a + 9, &out->fmt))
                                return -1;
                } else if (a[0] == '-' && a[1] != '\0') {
                        fprintf(stderr, "ipsec-doctor: %s: unknown option '%s'\n", cmd, a);
                        return -1;
                } else if (out->npositional < max_pos && out->npositional < 2) {
                        out->positional[out->npositional++] = a;
                } else {
                        fprintf(stderr, "ipsec-doctor: %s: unexpected argument '%s'\n", cmd, a);
                        return -1;
                }
        }
        return 0;
}
