/*
 * ipsec-doctor apply CONFIG CHANGES [-o FILE] [--diff] [--platform ios|asa|pix]
 *
 * Pastes configuration-mode commands (CHANGES, "-" for stdin) into CONFIG as
 * the device would apply them (src/config/cmdmerge.c: "no" forms, re-entered
 * modes, replaced settings, sequence numbers, "line N", "clear configure")
 * and writes the resulting config to stdout, or atomically to -o FILE (never
 * over CONFIG or CHANGES); --diff writes a unified diff of CONFIG against the
 * result instead. Keys: -o FILE is the user's config and carries its own
 * keys, as a copy of the file would; stdout and --diff end up in terminals,
 * tickets and logs, so they show <secret> in place of each key.
 * Exit 0, or 2 on usage and input errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/cmdmerge.h"
#include "../config/config.h"
#include "apply_diff.h"
#include "args.h"
#include "cli.h"

struct apply_opts {
        const char *config, *changes, *out;
        bool diff;
        enum platform platform;
};

enum { O_OUTPUT, O_DIFF, O_PLATFORM };

static const struct cli_opt apply_options[] = {
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"diff", 0, NULL, "print a unified diff of CONFIG against the result instead", O_DIFF},
    {"platform", 0, "P", "read CONFIG as ios, asa or pix (default: detected)", O_PLATFORM},
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct apply_opts *o = ctx;
        (void)rest;
        (void)nrest;
        switch (id) {
        case O_OUTPUT:
                o->out = v;
                return 0;
        case O_DIFF:
                o->diff = true;
                return 0;
        case O_PLATFORM:
                return parse_platform(v, &o->platform, "apply");
        }
        return -1;
}

static const struct cli_spec apply_spec = {
    "apply",
    "CONFIG CHANGES",
    "Paste configuration-mode commands (CHANGES, - for stdin) into CONFIG as the device would, "
    "and print the resulting config (keys shown as <secret>; -o FILE keeps them).",
    apply_options,
    sizeof(apply_options) / sizeof(apply_options[0]),
    2,
    2,
    on_opt,
};

/* Reads all of path ("-": stdin), at most TEXT_MAX_FILE bytes. */
static char *slurp(const char *path, size_t *len)
{
        FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
        if (!f) {
                fprintf(stderr, "ipsec-doctor: %s: cannot open: %s\n", path, strerror(errno));
                return NULL;
        }
        size_t cap = 4096, n = 0;
        char *buf = malloc(cap);
        while (buf) {
                n += fread(buf + n, 1, cap - n, f);
                if (n < cap || cap > TEXT_MAX_FILE)
                        break;
                char *nb = realloc(buf, cap * 2);
                if (!nb)
                        free(buf);
                buf = nb, cap *= 2;
        }
        bool err = ferror(f) || n > TEXT_MAX_FILE;
        if (f != stdin)
                fclose(f);
        if (!buf || err) {
                fprintf(stderr, "ipsec-doctor: %s: %s\n", path,
                        !buf                       ? "out of memory"
                        : err && n > TEXT_MAX_FILE ? "input too large"
                                                   : "read error");
                free(buf);
                return NULL;
        }
        *len = n;
        return buf;
}

static bool same_file(const char *a, const char *b)
{
        struct stat sa, sb;
        return strcmp(a, "-") && strcmp(b, "-") && !stat(a, &sa) && !stat(b, &sb) &&
               sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Writes the merged config to path through a temporary file and rename(2):
 * a reader of path sees the old file or the whole new one. */
static int write_atomic(const char *path, const struct cmd_merged *m)
{
        size_t n = strlen(path);
        char *tmp = malloc(n + 16);
        if (!tmp)
                return -1;
        snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
        int fd = mkstemp(tmp);
        FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
        int rc = -1;
        if (!f) {
                fprintf(stderr, "ipsec-doctor: %s: cannot create: %s\n", path, strerror(errno));
                if (fd >= 0)
                        close(fd);
                free(tmp);
                return -1;
        }
        if (!cmd_merged_write(f, m, true) && !fflush(f) && !fsync(fd))
                rc = 0;
        if (fclose(f))
                rc = -1;
        if (!rc && rename(tmp, path))
                rc = -1;
        if (rc) {
                fprintf(stderr, "ipsec-doctor: %s: cannot write: %s\n", path, strerror(errno));
                unlink(tmp);
        }
        free(tmp);
        return rc;
}

/* A placeholder left in a pasted line ("<pre-shared-key>") is pasted as it is:
 * say so, since a device would take it literally. */
static void warn_placeholders(const char *file, const char *buf, size_t len)
{
        unsigned line = 1;
        for (size_t i = 0; i < len; i++) {
                if (buf[i] == '\n') {
                        line++;
                } else if (buf[i] == '<') {
                        size_t j = i + 1;
                        while (j < len && j - i < 64 && buf[j] != '>' && buf[j] != '\n')
                                j++;
                        if (j < len && buf[j] == '>' && j > i + 1) {
                                fprintf(stderr,
                                        "ipsec-doctor: %s:%u: %.*s is a placeholder: replace it "
                                        "with the value before pasting on the device\n",
                                        file, line, (int)(j - i + 1), buf + i);
                                while (j < len && buf[j] != '\n')
                                        j++;
                                i = j - 1;
                        }
                }
        }
}

int cmd_apply(int argc, char **argv)
{
        struct apply_opts o = {.platform = PLAT_UNKNOWN};
        struct cli_operands in;
        switch (cli_parse(&apply_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        o.config = in.v[0];
        o.changes = in.v[1];
        cli_operands_free(&in); /* the strings are argv's */
        if (!strcmp(o.config, "-")) {
                cli_error(&apply_spec, "CONFIG must be a file (CHANGES may be - for stdin)");
                return EXIT_INPUT;
        }
        if (o.out && (same_file(o.out, o.config) || same_file(o.out, o.changes) ||
                      !strcmp(o.out, o.config))) {
                cli_error(&apply_spec, "-o %s: refusing to write over an input", o.out);
                return EXIT_INPUT;
        }
        size_t len = 0;
        char *chg = slurp(o.changes, &len);
        if (!chg)
                return EXIT_INPUT;
        struct device *dev = NULL, *orig = NULL;
        struct cmd_merged m, m0;
        struct diag err;
        int rc = EXIT_INPUT;
        if (config_read_changed(o.config, o.changes, chg, len, o.platform, &dev, &m, NULL, &err) ||
            (o.diff &&
             config_read_changed(o.config, o.changes, "", 0, o.platform, &orig, &m0, NULL, &err))) {
                fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                goto out;
        }
        warn_placeholders(o.changes, chg, len);
        FILE *f = stdout;
        if (o.diff) {
                if (apply_diff_write(f, o.config, &m0, &m))
                        goto out;
        } else if (o.out) {
                if (write_atomic(o.out, &m))
                        goto out;
        } else if (cmd_merged_write(f, &m, false)) {
                goto out;
        }
        rc = fflush(stdout) ? EXIT_INPUT : EXIT_OK;
out:
        free(chg);
        model_free(dev);
        model_free(orig);
        return rc;
}
