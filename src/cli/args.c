/* The one argument parser (see args.h). */
#include "args.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../version.h"

int cli_error(const struct cli_spec *s, const char *fmt, ...)
{
        va_list ap;
        fprintf(stderr, "ipsec-doctor: %s: ", s->name);
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
        return -1;
}

static const struct cli_opt help_opts[] = {
    {"help", 'h', NULL, "print this help", -1},
    {"version", 'V', NULL, "print the version", -2},
};

static void help_line(FILE *f, const struct cli_opt *o)
{
        char left[64];
        const char *v = o->value && o->value[0] == '*' ? o->value + 1 : o->value;
        snprintf(left, sizeof(left), "%c%c%s --%s%s%s", o->shrt ? '-' : ' ',
                 o->shrt ? o->shrt : ' ', o->shrt ? "," : " ", o->lng, v ? " " : "", v ? v : "");
        fprintf(f, "  %-26s %s\n", left, o->help);
}

void cli_help(FILE *f, const struct cli_spec *s)
{
        fprintf(f, "usage: ipsec-doctor %s [OPTIONS]%s%s\n\n%s\n\noptions:\n", s->name,
                s->operands && *s->operands ? " " : "", s->operands ? s->operands : "", s->summary);
        for (size_t i = 0; i < s->nopts; i++)
                help_line(f, &s->opts[i]);
        for (size_t i = 0; i < sizeof(help_opts) / sizeof(help_opts[0]); i++)
                help_line(f, &help_opts[i]);
        fprintf(f, "\nOptions may come before or after the operands; -- ends them; - is stdin.\n"
                   "Exit status: 0 clean, 1 findings, 2 usage or input error. "
                   "See ipsec-doctor(1).\n");
}

static const struct cli_opt *find_long(const struct cli_spec *s, const char *name, size_t len)
{
        for (size_t i = 0; i < s->nopts; i++)
                if (strlen(s->opts[i].lng) == len && !strncmp(s->opts[i].lng, name, len))
                        return &s->opts[i];
        for (size_t i = 0; i < sizeof(help_opts) / sizeof(help_opts[0]); i++)
                if (strlen(help_opts[i].lng) == len && !strncmp(help_opts[i].lng, name, len))
                        return &help_opts[i];
        return NULL;
}

static const struct cli_opt *find_short(const struct cli_spec *s, char c)
{
        for (size_t i = 0; i < s->nopts; i++)
                if (s->opts[i].shrt == c)
                        return &s->opts[i];
        for (size_t i = 0; i < sizeof(help_opts) / sizeof(help_opts[0]); i++)
                if (help_opts[i].shrt == c)
                        return &help_opts[i];
        return NULL;
}

void cli_operands_free(struct cli_operands *ops)
{
        free(ops->v);
        ops->v = NULL;
        ops->n = 0;
}

/* One option found at argv[*i]; inline is its "=VALUE" / "-xVALUE" part. */
static int take(const struct cli_spec *s, const struct cli_opt *o, const char *shown,
                const char *inline_val, int argc, char **argv, int *i, void *ctx)
{
        const char *val = NULL;
        if (o->value && o->value[0] == '*') {
                /* several words: on_opt takes them from rest */
                if (inline_val)
                        return cli_error(s, "%s takes its words as separate arguments", shown);
        } else if (o->value) {
                if (inline_val) {
                        val = inline_val;
                } else if (*i + 1 < argc) {
                        val = argv[++*i];
                } else {
                        return cli_error(s, "%s needs a value (%s)", shown, o->value);
                }
        } else if (inline_val) {
                return cli_error(s, "%s takes no value", shown);
        }
        int used = s->on_opt(ctx, o->id, val, argv + *i + 1, argc - *i - 1);
        if (used < 0)
                return -1;
        *i += used;
        return 0;
}

enum cli_parsed cli_parse(const struct cli_spec *s, int argc, char **argv, void *ctx,
                          struct cli_operands *ops)
{
        ops->n = 0;
        ops->v = calloc((size_t)argc + 1, sizeof(*ops->v));
        if (!ops->v) {
                cli_error(s, "out of memory");
                return CLI_ERROR;
        }
        bool opts_done = false, help = false, version = false;
        for (int i = 1; i < argc; i++) {
                const char *a = argv[i];
                if (opts_done || a[0] != '-' || a[1] == '\0') {
                        ops->v[ops->n++] = a; /* an operand; "-" is stdin */
                        continue;
                }
                if (!strcmp(a, "--")) {
                        opts_done = true;
                        continue;
                }
                const struct cli_opt *o;
                const char *inline_val = NULL;
                char shown[64];
                if (a[1] == '-') {
                        const char *eq = strchr(a + 2, '=');
                        size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
                        o = find_long(s, a + 2, len);
                        inline_val = eq ? eq + 1 : NULL;
                        snprintf(shown, sizeof(shown), "--%.*s", (int)(len < 40 ? len : 40), a + 2);
                } else {
                        o = find_short(s, a[1]);
                        inline_val = a[2] ? a + 2 : NULL;
                        snprintf(shown, sizeof(shown), "-%c", a[1]);
                }
                if (!o) {
                        cli_error(s, "unknown option '%s' (see ipsec-doctor %s --help)", a,
                                  s->name);
                        goto fail;
                }
                if (o->id == -1 || o->id == -2) {
                        if (inline_val) {
                                cli_error(s, "%s takes no value", shown);
                                goto fail;
                        }
                        help |= o->id == -1;
                        version |= o->id == -2;
                        continue;
                }
                if (take(s, o, shown, inline_val, argc, argv, &i, ctx))
                        goto fail;
        }
        if (help || version) {
                if (help)
                        cli_help(stdout, s);
                else
                        printf("ipsec-doctor %s\n", IPSD_VERSION);
                cli_operands_free(ops);
                return CLI_DONE;
        }
        if ((int)ops->n < s->min_operands) {
                cli_error(s, "missing operand: usage: ipsec-doctor %s [OPTIONS] %s", s->name,
                          s->operands);
                goto fail;
        }
        if (s->max_operands >= 0 && (int)ops->n > s->max_operands) {
                cli_error(s, "unexpected operand '%s': usage: ipsec-doctor %s [OPTIONS] %s",
                          ops->v[s->max_operands], s->name, s->operands);
                goto fail;
        }
        return CLI_RUN;
fail:
        cli_operands_free(ops);
        return CLI_ERROR;
}

/* The same file as one of the inputs (a hard link or another spelling
 * included): writing there would modify an input. */
static bool is_input(const char *path, const struct cli_operands *inputs)
{
        struct stat out, in;
        if (stat(path, &out))
                return false;
        for (size_t i = 0; inputs && i < inputs->n; i++)
                if (strcmp(inputs->v[i], "-") && !stat(inputs->v[i], &in) &&
                    in.st_dev == out.st_dev && in.st_ino == out.st_ino)
                        return true;
        return false;
}

int cli_out_open(struct cli_out *o, const struct cli_spec *s, const char *path,
                 const struct cli_operands *inputs)
{
        o->f = stdout;
        o->tmp = NULL;
        o->path = path;
        if (!path || !strcmp(path, "-"))
                return 0;
        if (is_input(path, inputs))
                return cli_error(s, "%s: -o names an input file; write the output elsewhere", path);
        size_t n = strlen(path) + 16;
        o->tmp = malloc(n);
        if (!o->tmp)
                return cli_error(s, "%s: out of memory", path);
        snprintf(o->tmp, n, "%s.XXXXXX", path);
        int fd = mkstemp(o->tmp);
        if (fd < 0) {
                int e = errno;
                free(o->tmp);
                o->tmp = NULL;
                return cli_error(s, "%s: cannot create: %s", path, strerror(e));
        }
        o->f = fdopen(fd, "w");
        if (!o->f) {
                close(fd);
                unlink(o->tmp);
                free(o->tmp);
                o->tmp = NULL;
                o->f = stdout;
                return cli_error(s, "%s: cannot open: %s", path, strerror(errno));
        }
        return 0;
}

int cli_out_close(struct cli_out *o, const struct cli_spec *s, bool ok)
{
        if (!o->tmp) {
                if (fflush(stdout) || ferror(stdout) || !ok)
                        return cli_error(s, "cannot write the output");
                return 0;
        }
        bool good = ok && !ferror(o->f);
        /* fchmod to the usual 0644 less umask: mkstemp creates 0600. */
        mode_t um = umask(0);
        umask(um);
        good = good && fchmod(fileno(o->f), 0666 & ~um) == 0;
        good = fclose(o->f) == 0 && good;
        o->f = stdout;
        int rc = 0;
        if (good && rename(o->tmp, o->path)) {
                rc = cli_error(s, "%s: cannot write: %s", o->path, strerror(errno));
                good = false;
        } else if (!good) {
                rc = cli_error(s, "%s: cannot write the output", o->path);
        }
        if (!good)
                unlink(o->tmp);
        free(o->tmp);
        o->tmp = NULL;
        return rc;
}
