/*
 * ipsec-doctor explain [--format text|json|sarif|gcc|jsonl] [--config FILE]...
 *                      [--follow] [--verbose] [FILE...]
 * Reads logs, show outputs and console sessions (stdin when no FILE), says
 * what every recognised line means, and ranks the diagnoses they point at;
 * with --config, each candidate is confirmed, ruled out or left unverified
 * against the configs. Lines no reader knows are counted (text summary,
 * jsonl summary event, "lines"/"recognised"/"unknown" keys of the JSON
 * document) and, with --verbose, listed with secrets masked.
 * Exit 1 when an error-severity finding remains.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../report/report.h"
#include "explain_int.h"

static int parse_opts(int argc, char **argv, struct explain *x)
{
        static const struct option longopts[] = {
            {"format", required_argument, NULL, 'f'},
            {"config", required_argument, NULL, 'c'},
            {"follow", no_argument, NULL, 'F'},
            {"verbose", no_argument, NULL, 'v'},
            {"explain", no_argument, NULL, 'E'},
            {"color", required_argument, NULL, 'C'},
            {NULL, 0, NULL, 0},
        };
        int ch;
        optind = 1;
        opterr = 0;
        while ((ch = getopt_long(argc, argv, "+v", longopts, NULL)) != -1) {
                switch (ch) {
                case 'f':
                        x->jsonl = !strcmp(optarg, "jsonl");
                        if (!x->jsonl &&
                            parse_format(optarg, &x->fmt, "text, json, sarif, gcc, jsonl"))
                                return -1;
                        break;
                case 'c':
                        if (x->nconfigs >= EXPLAIN_MAX_DEVS) {
                                fprintf(stderr, "ipsec-doctor explain: at most %d --config files\n",
                                        EXPLAIN_MAX_DEVS);
                                return -1;
                        }
                        x->configs[x->nconfigs++] = optarg;
                        break;
                case 'F':
                        x->follow = true;
                        break;
                case 'v': /* the unknown lines and each finding's explanation */
                        x->verbose = true;
                        x->explain = true;
                        break;
                case 'E':
                        x->explain = true;
                        break;
                case 'C':
                        if (parse_color(optarg, &x->color))
                                return -1;
                        break;
                default:
                        fprintf(stderr,
                                "ipsec-doctor explain: unknown option or missing value '%s'\n",
                                argv[optind - 1]);
                        return -1;
                }
        }
        return 0;
}

/* A tuning variable: unset or empty keeps the default; anything but a
 * decimal in [lo, hi] is an error, not a silent default. */
static int env_number(const char *name, long lo, long hi, long *out)
{
        const char *v = getenv(name);
        if (!v || !*v)
                return 0;
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || n < lo || n > hi) {
                fprintf(stderr,
                        "ipsec-doctor explain: %s: '%.32s' is not a number from %ld to %ld\n", name,
                        v, lo, hi);
                return -1;
        }
        *out = n;
        return 0;
}

static int read_env(struct explain *x)
{
        long threads = 0, chunk = 0;
        if (env_number("IPSEC_DOCTOR_THREADS", 1, EXPLAIN_MAX_THREADS, &threads) ||
            env_number("IPSEC_DOCTOR_CHUNK_BYTES", 1, EXPLAIN_CHUNK_BYTES, &chunk))
                return -1;
        x->threads = (unsigned)threads;
        x->chunk_bytes = (size_t)chunk;
        return 0;
}

static int read_configs(struct explain *x)
{
        for (size_t i = 0; i < x->nconfigs; i++) {
                struct diag err;
                if (config_read(x->configs[i], PLAT_UNKNOWN, &x->devs[x->ndevs], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        return -1;
                }
                x->ndevs++;
        }
        return 0;
}

static int report(struct explain *x, struct findings *fs, size_t ninputs)
{
        if (x->jsonl) {
                for (size_t i = 0; i < fs->list.n; i++) {
                        json_t *o = report_finding_json(fs->list.v[i]);
                        json_object_set_new(o, "event", json_string("finding"));
                        char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
                        if (s)
                                fprintf(x->out, "%s\n", s);
                        free(s);
                        json_decref(o);
                }
                fprintf(
                    x->out,
                    "{\"event\":\"summary\",\"lines\":%llu,\"recognised\":%llu,\"unknown\":%llu}\n",
                    (unsigned long long)x->lines, (unsigned long long)x->recognised,
                    (unsigned long long)(x->lines - x->recognised));
                return 0;
        }
        if (x->fmt == FMT_TEXT)
                fprintf(x->out, "\n%llu line(s) read: %llu recognised, %llu unknown\n\n",
                        (unsigned long long)x->lines, (unsigned long long)x->recognised,
                        (unsigned long long)(x->lines - x->recognised));
        static const enum report_format map[] = {REPORT_TEXT, REPORT_JSON, REPORT_SARIF,
                                                 REPORT_GCC};
        json_t *extra =
            json_pack("{s:I, s:I, s:I}", "lines", (json_int_t)x->lines, "recognised",
                      (json_int_t)x->recognised, "unknown", (json_int_t)(x->lines - x->recognised));
        if (extra && x->unknown_list)
                json_object_set(extra, "unknown_lines", x->unknown_list);
        struct report_opts ro = {.format = map[x->fmt],
                                 .command = "explain",
                                 .color = color_wanted(x->color, STDOUT_FILENO),
                                 .explain = x->explain,
                                 .nfiles = ninputs};
        int rc = x->fmt == FMT_JSON ? report_json_extra(x->out, fs, &ro, extra)
                                    : report_findings(x->out, fs, &ro);
        json_decref(extra);
        return rc;
}

static int exit_status(const struct findings *fs)
{
        for (size_t i = 0; i < fs->list.n; i++) {
                const struct finding *f = fs->list.v[i];
                if (f->severity >= SEV_ERROR)
                        return EXIT_FINDINGS;
        }
        return EXIT_OK;
}

static int run(struct explain *x, int argc, char **argv, struct findings *fs)
{
        if (read_configs(x))
                return EXIT_INPUT;
        logs_init(&x->rd, explain_event, explain_config, x);
        int rc = EXIT_OK;
        if (optind >= argc)
                rc = explain_read(x, "-") ? EXIT_INPUT : EXIT_OK;
        for (int i = optind; i < argc && rc == EXIT_OK; i++) {
                bool follow = x->follow;
                x->follow = follow && i == argc - 1; /* tail -f follows the last file */
                rc = explain_read(x, argv[i]) ? EXIT_INPUT : EXIT_OK;
                x->follow = follow;
        }
        logs_free(&x->rd);
        if (rc)
                return rc;
        corr_finish(x->corr);
        if (explain_findings(x, fs)) {
                fprintf(stderr, "ipsec-doctor explain: out of memory\n");
                return EXIT_INPUT;
        }
        if (report(x, fs, optind >= argc ? 1 : (size_t)(argc - optind))) {
                fprintf(stderr, "ipsec-doctor: cannot write the report\n");
                return EXIT_INPUT;
        }
        return exit_status(fs);
}

int cmd_explain(int argc, char **argv)
{
        struct explain *x = calloc(1, sizeof(*x));
        if (!x)
                return EXIT_INPUT;
        x->fmt = FMT_TEXT;
        x->out = stdout;
        int rc = EXIT_INPUT;
        struct findings fs;
        findings_init(&fs);
        if (parse_opts(argc, argv, x) == 0 && read_env(x) == 0 && (x->corr = corr_new()) != NULL) {
                if (x->verbose && !x->jsonl && x->fmt == FMT_JSON)
                        x->unknown_list = json_array();
                rc = run(x, argc, argv, &fs);
        }
        json_decref(x->unknown_list);
        findings_free(&fs);
        for (size_t i = 0; i < x->ndevs; i++)
                model_free(x->devs[i]);
        corr_free(x->corr);
        free(x);
        return rc;
}
