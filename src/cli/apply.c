/*
 * ipsec-doctor apply CONFIG CHANGES [-o FILE] [--diff] [--platform ios|asa|pix]
 *
 * Pastes configuration-mode commands (CHANGES, "-" for stdin) into CONFIG as
 * the device would apply them (src/config/cmdmerge.c: "no" forms, re-entered
 * modes, replaced settings, sequence numbers, "line N", "clear configure")
 * and writes the resulting config to stdout, or atomically to -o FILE (never
 * over CONFIG or CHANGES); --diff writes a unified diff of CONFIG against the
 * result instead. The result is the user's config: it carries the config's
 * own keys, as a copy of the file would; nothing else is printed with them.
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
#include "../config/lex.h"
#include "apply_diff.h"
#include "cli.h"

struct apply_opts {
        const char *config, *changes, *out;
        bool diff;
        enum platform platform;
};

static int usage_err(const char *msg, const char *arg)
{
        fprintf(stderr, "ipsec-doctor apply: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
        return -1;
}

static int parse_args(int argc, char **argv, struct apply_opts *o)
{
        const char *pos[2];
        size_t npos = 0;
        for (int i = 1; i < argc; i++) {
                const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
                if (!strcmp(a, "--diff")) {
                        o->diff = true;
                } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && val) {
                        o->out = val, i++;
                } else if (!strcmp(a, "--platform") && val) {
                        if (parse_platform(val, &o->platform))
                                return -1;
                        i++;
                } else if (a[0] == '-' && a[1]) {
                        return usage_err("unknown option or missing value:", a);
                } else if (npos < 2) {
                        pos[npos++] = a;
                } else {
                        return usage_err("expects CONFIG and CHANGES; extra:", a);
                }
        }
        if (npos != 2)
                return usage_err("expects two files: apply CONFIG CHANGES (- for stdin)", NULL);
        o->config = pos[0], o->changes = pos[1];
        if (!strcmp(o->config, "-"))
                return usage_err("CONFIG must be a file (CHANGES may be - for stdin)", NULL);
        return 0;
}

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
        if (!cmd_merged_write(f, m) && !fflush(f) && !fsync(fd))
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
        if (parse_args(argc, argv, &o))
                return EXIT_INPUT;
        if (o.out && (same_file(o.out, o.config) || same_file(o.out, o.changes) ||
                      !strcmp(o.out, o.config))) {
                fprintf(stderr, "ipsec-doctor apply: -o %s: refusing to write over an input\n",
                        o.out);
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
        } else if (cmd_merged_write(f, &m)) {
                goto out;
        }
        rc = fflush(stdout) ? EXIT_INPUT : EXIT_OK;
out:
        free(chg);
        model_free(dev);
        model_free(orig);
        return rc;
}
