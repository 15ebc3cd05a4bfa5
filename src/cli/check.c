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
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../checks/check.h"
#include "../config/config.h"
#include "../config/suppress.h"
#include "../negotiate/discover.h"
#include "../report/tunnel_text.h"
#include "../report/report.h"
#include "cli.h"

struct check_opts {
        enum out_format fmt;
        enum severity fail_on, min_sev;
        const char *select, *ignore;
        enum platform force;
        enum color_mode color;
        bool explain;
        bool verbose; /* also list the unknown lines in a VPN context (stderr) */
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
                        fprintf(stderr, "ipsec-doctor check: %s: empty or overlong ID\n", opt);
                        return -1;
                }
                memcpy(id, p, n);
                id[n] = '\0';
                if (!catalog_find(id)) {
                        fprintf(stderr,
                                "ipsec-doctor check: %s: unknown diagnosis '%s' (see ipsec-doctor "
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
        fprintf(stderr, "ipsec-doctor check: %s: '%s' is not one of error, warning, info\n", opt,
                s);
        return -1;
}

static int parse_opts(int argc, char **argv, struct check_opts *o)
{
        static const struct option longopts[] = {
            {"format", required_argument, NULL, 'f'},
            {"fail-on", required_argument, NULL, 'F'},
            {"min-severity", required_argument, NULL, 'm'},
            {"select", required_argument, NULL, 's'},
            {"ignore", required_argument, NULL, 'i'},
            {"platform", required_argument, NULL, 'p'},
            {"color", required_argument, NULL, 'C'},
            {"explain", no_argument, NULL, 'E'},
            {"verbose", no_argument, NULL, 'v'},
            {NULL, 0, NULL, 0},
        };
        int ch;
        optind = 1;
        opterr = 0;
        while ((ch = getopt_long(argc, argv, "+v", longopts, NULL)) != -1) {
                int rc = 0;
                switch (ch) {
                case 'f':
                        rc = parse_format(optarg, &o->fmt, "text, json, sarif, gcc");
                        break;
                case 'F':
                        rc = parse_sev("--fail-on", optarg, &o->fail_on);
                        break;
                case 'm':
                        rc = parse_sev("--min-severity", optarg, &o->min_sev);
                        break;
                case 's':
                        o->select = optarg;
                        rc = validate_ids("--select", optarg);
                        break;
                case 'i':
                        o->ignore = optarg;
                        rc = validate_ids("--ignore", optarg);
                        break;
                case 'p':
                        rc = parse_platform(optarg, &o->force);
                        break;
                case 'C':
                        rc = parse_color(optarg, &o->color);
                        break;
                case 'E':
                        o->explain = true;
                        break;
                case 'v':
                        o->explain = true;
                        o->verbose = true;
                        break;
                default:
                        fprintf(stderr,
                                "ipsec-doctor check: unknown option or missing value '%s'\n",
                                argv[optind - 1]);
                        return -1;
                }
                if (rc)
                        return -1;
        }
        return 0;
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
 * directions find the same fault). */
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
                for (size_t j = first; j < keep && !drop; j++) {
                        const struct finding *g = fs->list.v[j];
                        drop = g->diag == f->diag && g->line == f->line &&
                               !strcmp(g->file, f->file) &&
                               !strcmp(g->peer ? g->peer : "", f->peer ? f->peer : "");
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

static int exit_status(const struct findings *fs, enum severity fail_on)
{
        for (size_t i = 0; i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                if (f->severity >= fail_on)
                        return EXIT_FINDINGS;
        }
        return EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
        struct check_opts o = {
            .fmt = FMT_TEXT, .fail_on = SEV_ERROR, .min_sev = SEV_INFO, .force = PLAT_UNKNOWN};
        if (parse_opts(argc, argv, &o))
                return EXIT_INPUT;
        if (optind >= argc) {
                fprintf(stderr, "ipsec-doctor check: no config file given\n");
                return EXIT_INPUT;
        }
        struct findings fs;
        findings_init(&fs);
        int rc = EXIT_OK;
        size_t ndev = 0;
        /* The models stay until the pair checks have run over all of them. */
        struct device **devs = calloc((size_t)(argc - optind), sizeof(*devs));
        if (!devs) {
                fprintf(stderr, "ipsec-doctor: out of memory\n");
                rc = EXIT_INPUT;
                goto out;
        }
        for (int i = optind; i < argc; i++) {
                struct device *dev;
                struct diag err;
                if (config_read(argv[i], o.force, &dev, &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        rc = EXIT_INPUT;
                        goto out;
                }
                devs[ndev++] = dev;
                if (o.verbose)
                        report_unknown(dev);
                if (run_checks(dev, &o, &fs)) {
                        fprintf(stderr, "ipsec-doctor: %s: out of memory while checking\n",
                                argv[i]);
                        rc = EXIT_INPUT;
                        goto out;
                }
        }
        if (run_pairs(devs, ndev, &o, &fs)) {
                fprintf(stderr, "ipsec-doctor: out of memory while playing the tunnels\n");
                rc = EXIT_INPUT;
                goto out;
        }
        findings_sort(&fs);
        if (o.fmt == FMT_TEXT)
                for (size_t i = 0; i < fs.tunnels.n; i++)
                        report_tunnel_line(stdout, fs.tunnels.v[i]);
        if (o.fmt == FMT_TEXT && fs.tunnels.n)
                putchar('\n');
        static const enum report_format map[] = {REPORT_TEXT, REPORT_JSON, REPORT_SARIF,
                                                 REPORT_GCC};
        struct report_opts ro = {.format = map[o.fmt],
                                 .command = "check",
                                 .color = color_wanted(o.color, STDOUT_FILENO),
                                 .explain = o.explain,
                                 .nfiles = (size_t)(argc - optind)};
        if (report_findings(stdout, &fs, &ro)) {
                fprintf(stderr, "ipsec-doctor: cannot write the report\n");
                rc = EXIT_INPUT;
                goto out;
        }
        rc = exit_status(&fs, o.fail_on);
out:
        findings_free(&fs);
        for (size_t i = 0; i < ndev; i++)
                model_free(devs[i]);
        free(devs);
        return rc;
}
