/*
 * ipsec-doctor check [--format F] [--fail-on SEV] [--min-severity SEV]
 *                    [--select IDS] [--ignore IDS] [--platform P] [--explain] [--verbose]
 *                    CONFIG...
 * Every config-level check on each device. Exit 1 when a finding is at or
 * above --fail-on (default error), 2 on usage or input errors. --explain
 * prints each finding's explanation; --verbose does that and also lists on
 * stderr what each reader did not understand inside a VPN context, so that a
 * gap that could hide a finding shows up.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../checks/check.h"
#include "../config/config.h"
#include "../config/suppress.h"
#include "../negotiate/discover.h"
#include "../report/report.h"
#include "check_fix.h"
#include "args.h"
#include "cli.h"

struct check_opts {
        enum report_format fmt;
        enum severity fail_on, min_sev;
        const char *select, *ignore;
        enum platform force;
        enum color_mode color;
        bool explain;
        bool verbose; /* also list the unknown lines in a VPN context (stderr) */
        bool fix;
        const char *output;
};

static bool in_id_list(const char *list, const char *id)
{
        size_t idlen = strlen(id);
        for (const char *p = list; *p;) {
                size_t n = strcspn(p, ",");
                if (n == idlen && !strncmp(p, id, n))
                        return true;
                p += n + (p[n] == ',');
        }
        return false;
}

/* Every ID named in --select/--ignore must exist: a typo would silently
 * disable nothing (or everything). */
static int validate_ids(const char *opt, const char *list)
{
        char id[128];
        for (const char *p = list; p && *p;) {
                size_t n = strcspn(p, ",");
                if (n == 0 || n >= sizeof(id)) {
                        fprintf(stderr, "ipsec-doctor: check: %s: empty or overlong ID\n", opt);
                        return -1;
                }
                memcpy(id, p, n);
                id[n] = '\0';
                if (!catalog_find(id)) {
                        fprintf(stderr,
                                "ipsec-doctor: check: %s: unknown diagnosis '%s' (see ipsec-doctor "
                                "list)\n",
                                opt, id);
                        return -1;
                }
                p += n + (p[n] == ',');
        }
        return 0;
}

static int parse_sev(const char *opt, const char *s, enum severity *out)
{
        if (severity_parse(s, out))
                return 0;
        fprintf(stderr, "ipsec-doctor: check: %s: '%s' is not one of error, warning, info\n", opt,
                s);
        return -1;
}

enum {
        O_FORMAT,
        O_OUTPUT,
        O_FAIL_ON,
        O_MIN_SEV,
        O_SELECT,
        O_IGNORE,
        O_PLATFORM,
        O_COLOR,
        O_EXPLAIN,
        O_VERBOSE,
        O_FIX
};

static const struct cli_opt check_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json, sarif, gcc or html"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"fail-on", 0, "SEV", "exit 1 on findings at or above SEV: error (default), warning, info",
     O_FAIL_ON},
    {"min-severity", 0, "SEV", "do not report findings below SEV", O_MIN_SEV},
    {"select", 0, "ID,...", "run only these diagnoses", O_SELECT},
    {"ignore", 0, "ID,...", "skip these diagnoses", O_IGNORE},
    {"platform", 0, "P", "read every config as ios, asa or pix (default: detected)", O_PLATFORM},
    CLI_OPT_COLOR(O_COLOR),
    CLI_OPT_EXPLAIN(O_EXPLAIN),
    {"verbose", 'v', NULL,
     "--explain, and list on stderr the lines each reader did not understand in a VPN context",
     O_VERBOSE},
    {"fix", 0, NULL, "paste every printed fix into copies of the configs and check again", O_FIX},
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct check_opts *o = ctx;
        (void)rest;
        (void)nrest;
        switch (id) {
        case O_FORMAT:
                return parse_format(v, &o->fmt, "check", "text, json, sarif, gcc, html");
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_FAIL_ON:
                return parse_sev("--fail-on", v, &o->fail_on);
        case O_MIN_SEV:
                return parse_sev("--min-severity", v, &o->min_sev);
        case O_SELECT:
                o->select = v;
                return validate_ids("--select", v);
        case O_IGNORE:
                o->ignore = v;
                return validate_ids("--ignore", v);
        case O_PLATFORM:
                return parse_platform(v, &o->force, "check");
        case O_COLOR:
                return parse_color(v, &o->color, "check");
        case O_EXPLAIN:
                o->explain = true;
                return 0;
        case O_VERBOSE:
                o->explain = true;
                o->verbose = true;
                return 0;
        case O_FIX:
                o->fix = true;
                return 0;
        }
        return -1;
}

/* --verbose: the reader's gaps inside VPN contexts, on stderr (stdout holds
 * the report, which may be JSON). Text is scrubbed by the reader. */
static void report_unknown(const struct device *dev)
{
        if (!dev->unknown_vpn.n)
                return; /* nothing that could hide a finding */
        fprintf(stderr, "%s: %zu lines, %zu unknown, %zu of them in a VPN context\n", dev->file,
                dev->nlines, dev->unknown.n, dev->unknown_vpn.n);
        for (size_t i = 0; i < dev->unknown_vpn.n; i++) {
                const struct loc *l = dev->unknown_vpn.v[i];
                fprintf(stderr, "%s:%u: unknown line in a VPN context: %s\n", dev->file,
                        (unsigned)l->line, l->text ? l->text : "");
        }
}

static const struct cli_spec check_spec = {
    "check",
    "CONFIG...",
    "Every config-level diagnosis on each config; with two or more, every tunnel between them.",
    check_options,
    sizeof(check_options) / sizeof(check_options[0]),
    1,
    -1,
    on_opt,
};

static bool wanted(const struct check_opts *o, const char *id)
{
        if (o->select && !in_id_list(o->select, id))
                return false;
        return !(o->ignore && in_id_list(o->ignore, id));
}

/* Runs the selected checks on dev into a scratch list, then keeps what
 * neither the severity floor nor an inline suppression removes. */
static int run_checks(const struct device *dev, const struct check_opts *o, struct findings *fs)
{
        size_t first = fs->list.n;
        for (size_t i = 0; i < check_count(); i++) {
                const struct check *k = check_at(i);
                if (!wanted(o, k->id))
                        continue;
                struct check_ctx c = {dev, fs, k->id};
                if (k->fn(&c))
                        return -1;
        }
        size_t keep = first;
        for (size_t i = first; i < fs->list.n; i++) {
                struct finding *f = fs->list.v[i];
                if (f->severity < o->min_sev || suppressed(dev, f->diag->id, f->line))
                        continue;
                fs->list.v[keep++] = f;
        }
        fs->list.n = keep;
        return 0;
}

/* Keeps the pair findings from first on that are wanted, above the floor,
 * not suppressed on their device, and not already reported (two played
 * directions find the same fault, or a config check found it). */
static void filter_pair(struct findings *fs, size_t first, const struct check_opts *o,
                        struct device *const *devs, size_t n)
{
        size_t keep = first;
        for (size_t i = first; i < fs->list.n; i++) {
                struct finding *f = fs->list.v[i];
                bool drop = !wanted(o, f->diag->id) || f->severity < o->min_sev;
                for (size_t d = 0; d < n && !drop; d++)
                        drop = !strcmp(device_label(devs[d]), f->device) &&
                               suppressed(devs[d], f->diag->id, f->line);
                for (size_t j = 0; j < keep && !drop; j++) {
                        const struct finding *g = fs->list.v[j];
                        /* a config check (j < first) already reported it at that line */
                        drop =
                            g->diag == f->diag && g->line == f->line && !strcmp(g->file, f->file) &&
                            (j < first || !strcmp(g->peer ? g->peer : "", f->peer ? f->peer : ""));
                }
                if (!drop)
                        fs->list.v[keep++] = f;
        }
        fs->list.n = keep;
}

/* With two or more configs: the tunnels between them (negotiate/discover.c). */
static int run_pairs(struct device *const *devs, size_t n, const struct check_opts *o,
                     struct findings *fs)
{
        size_t first = fs->list.n;
        if (pairs_check(devs, n, fs))
                return -1;
        filter_pair(fs, first, o, devs, n);
        return 0;
}

/* check --fix runs everything again on the fixed copies (check_fix.c). */
static int recheck(struct device *const *devs, size_t n, const void *opts, struct findings *fs)
{
        for (size_t i = 0; i < n; i++)
                if (run_checks(devs[i], opts, fs))
                        return -1;
        return run_pairs(devs, n, opts, fs);
}

int cmd_check(int argc, char **argv)
{
        struct check_opts o = {
            .fmt = REPORT_TEXT, .fail_on = SEV_ERROR, .min_sev = SEV_INFO, .force = PLAT_UNKNOWN};
        struct cli_operands in;
        switch (cli_parse(&check_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        struct findings fs;
        findings_init(&fs);
        int rc = EXIT_INPUT;
        size_t ndev = 0;
        struct device **kept = NULL; /* --fix: the copies after_fix points into */
        struct cli_out out = {stdout, NULL, NULL};
        /* The models stay until the pair checks have run over all of them. */
        struct device **devs = calloc(in.n, sizeof(*devs));
        if (!devs) {
                cli_error(&check_spec, "out of memory");
                goto out;
        }
        for (size_t i = 0; i < in.n; i++) {
                struct device *dev;
                struct diag err;
                if (config_read(in.v[i], o.force, &dev, &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        goto out;
                }
                devs[ndev++] = dev;
                if (o.verbose)
                        report_unknown(dev);
                if (run_checks(dev, &o, &fs)) {
                        cli_error(&check_spec, "%s: out of memory while checking", in.v[i]);
                        goto out;
                }
        }
        if (run_pairs(devs, ndev, &o, &fs)) {
                cli_error(&check_spec, "out of memory while playing the tunnels");
                goto out;
        }
        size_t errors_after = 0;
        if (o.fix && !(kept = calloc(ndev ? ndev : 1, sizeof(*kept)))) {
                cli_error(&check_spec, "out of memory");
                goto out;
        }
        if (o.fix && check_fix_replay(devs, ndev, recheck, &o, &fs, &errors_after, kept)) {
                cli_error(&check_spec, "--fix: cannot replay the fixes");
                goto out;
        }
        findings_sort(&fs);
        if (cli_out_open(&out, &check_spec, o.output, &in))
                goto out;
        /* html's summary lists every device read, with findings or not */
        const char **labels = calloc(ndev ? ndev : 1, sizeof(*labels));
        if (!labels) {
                cli_out_close(&out, &check_spec, false);
                goto out;
        }
        for (size_t i = 0; i < ndev; i++)
                labels[i] = device_label(devs[i]);
        struct report_opts ro = {.format = o.fmt,
                                 .command = "check",
                                 .color = !o.output && color_wanted(o.color, STDOUT_FILENO),
                                 .explain = o.explain,
                                 .nfiles = in.n,
                                 .fix = o.fix,
                                 .fix_errors_after = errors_after,
                                 .devices = labels,
                                 .ndevices = ndev};
        int wr = report_findings(out.f, &fs, &ro);
        free(labels);
        if (cli_out_close(&out, &check_spec, wr == 0) || wr)
                goto out;
        rc = report_exit_status(&fs, o.fail_on, false);
out:
        findings_free(&fs);
        for (size_t i = 0; kept && i < ndev; i++)
                model_free(kept[i]);
        free(kept);
        for (size_t i = 0; i < ndev; i++)
                model_free(devs[i]);
        free(devs);
        cli_operands_free(&in);
        return rc;
}
