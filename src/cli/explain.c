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
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../report/report.h"
#include "args.h"
#include "../explain/explain_int.h"
#include "cli.h"

enum { O_FORMAT, O_OUTPUT, O_CONFIG, O_FOLLOW, O_VERBOSE, O_EXPLAIN, O_COLOR };

static const struct cli_opt explain_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json, sarif, gcc, html or jsonl (one event a line)"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"config", 'c', "FILE", "a device config to confirm or rule out each diagnosis (repeatable)",
     O_CONFIG},
    {"follow", 0, NULL, "keep reading the last file as it grows, like tail -f", O_FOLLOW},
    {"verbose", 'v', NULL, "list the lines no reader knows, and each finding's explanation",
     O_VERBOSE},
    CLI_OPT_EXPLAIN(O_EXPLAIN),
    CLI_OPT_COLOR(O_COLOR),
};

/* The engine's state and what only the command line holds. */
struct explain_cmd {
        struct explain x;
        enum color_mode color;
        const char *output;  /* -o FILE */
        struct cli_out outf; /* where x.out writes */
        const char *configs[EXPLAIN_MAX_DEVS];
        size_t nconfigs;
};

static const struct cli_spec explain_spec;

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct explain_cmd *c = ctx;
        struct explain *x = &c->x;
        (void)rest;
        (void)nrest;
        switch (id) {
        case O_FORMAT:
                if (parse_format(v, &x->fmt, "explain", "text, json, sarif, gcc, html, jsonl"))
                        return -1;
                x->jsonl = x->fmt == REPORT_JSONL;
                return 0;
        case O_OUTPUT:
                c->output = v;
                return 0;
        case O_CONFIG:
                if (c->nconfigs >= EXPLAIN_MAX_DEVS)
                        return cli_error(&explain_spec, "at most %d --config files",
                                         EXPLAIN_MAX_DEVS);
                c->configs[c->nconfigs++] = v;
                return 0;
        case O_FOLLOW:
                x->follow = true;
                return 0;
        case O_VERBOSE: /* the unknown lines and each finding's explanation */
                x->verbose = true;
                x->explain = true;
                return 0;
        case O_EXPLAIN:
                x->explain = true;
                return 0;
        case O_COLOR:
                return parse_color(v, &c->color, "explain");
        }
        return -1;
}

static const struct cli_spec explain_spec = {
    "explain",
    "[FILE...]",
    "Read logs, show output and console sessions (stdin when no FILE), say what each known "
    "line means and rank the diagnoses they point at.",
    explain_options,
    sizeof(explain_options) / sizeof(explain_options[0]),
    0,
    -1,
    on_opt,
};

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
                return cli_error(&explain_spec, "%s: '%.32s' is not a number from %ld to %ld", name,
                                 v, lo, hi);
        }
        *out = n;
        return 0;
}

static int read_env(struct explain *x)
{
        long threads = 0, chunk = 0, gate = 1;
        if (env_number("IPSEC_DOCTOR_THREADS", 1, EXPLAIN_MAX_THREADS, &threads) ||
            env_number("IPSEC_DOCTOR_CHUNK_BYTES", 1, EXPLAIN_CHUNK_BYTES, &chunk) ||
            env_number("IPSEC_DOCTOR_GATE", 0, 1, &gate))
                return -1;
        /* 0: every line goes to every reader (tests compare the answers) */
        logs_gate_disable(gate == 0);
        x->threads = (unsigned)threads;
        x->chunk_bytes = (size_t)chunk;
        return 0;
}

static int read_configs(struct explain_cmd *c)
{
        struct explain *x = &c->x;
        for (size_t i = 0; i < c->nconfigs; i++) {
                struct diag err;
                if (config_read(c->configs[i], PLAT_UNKNOWN, &x->devs[x->ndevs], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        return -1;
                }
                x->ndevs++;
        }
        return 0;
}

static int report(struct explain_cmd *c, struct findings *fs, size_t ninputs)
{
        struct explain *x = &c->x;
        struct report_opts ro = {.format = x->fmt,
                                 .command = "explain",
                                 .color = !c->output && color_wanted(c->color, STDOUT_FILENO),
                                 .explain = x->explain,
                                 .nfiles = ninputs,
                                 .counts = true,
                                 .lines = x->lines,
                                 .recognised = x->recognised};
        json_t *extra = NULL;
        if (x->unknown_list) {
                extra = json_object();
                json_object_set(extra, "unknown_lines", x->unknown_list);
        }
        ro.extra = extra;
        int rc = report_findings(x->out, fs, &ro);
        json_decref(extra);
        return rc;
}

static int run(struct explain_cmd *c, const struct cli_operands *in, struct findings *fs)
{
        struct explain *x = &c->x;
        if (read_configs(c))
                return EXIT_INPUT;
        /* Opened before reading: text and jsonl stream each line as it is read. */
        if (cli_out_open(&c->outf, &explain_spec, c->output, in))
                return EXIT_INPUT;
        x->out = c->outf.f;
        logs_init(&x->rd, explain_event, explain_config, x);
        int rc = EXIT_OK;
        if (!in->n)
                rc = explain_read(x, "-") ? EXIT_INPUT : EXIT_OK;
        for (size_t i = 0; i < in->n && rc == EXIT_OK; i++) {
                bool follow = x->follow;
                x->follow = follow && i == in->n - 1; /* tail -f follows the last file */
                rc = explain_read(x, in->v[i]) ? EXIT_INPUT : EXIT_OK;
                x->follow = follow;
        }
        logs_free(&x->rd);
        if (rc)
                return rc;
        corr_finish(x->corr);
        if (explain_findings(x, fs)) {
                cli_error(&explain_spec, "out of memory");
                return EXIT_INPUT;
        }
        int wr = report(c, fs, in->n ? in->n : 1);
        if (cli_out_close(&c->outf, &explain_spec, wr == 0) || wr)
                return EXIT_INPUT;
        return report_exit_status(fs, SEV_ERROR, false);
}

int cmd_explain(int argc, char **argv)
{
        struct explain_cmd *c = calloc(1, sizeof(*c));
        if (!c)
                return EXIT_INPUT;
        struct explain *x = &c->x;
        x->fmt = REPORT_TEXT;
        x->out = stdout;
        c->outf.f = stdout;
        int rc = EXIT_INPUT;
        struct findings fs;
        findings_init(&fs);
        struct cli_operands in = {NULL, 0};
        enum cli_parsed p = cli_parse(&explain_spec, argc, argv, c, &in);
        if (p == CLI_DONE)
                rc = EXIT_OK;
        if (p == CLI_RUN && read_env(x) == 0 && (x->corr = corr_new()) != NULL) {
                if (x->verbose && !x->jsonl && x->fmt == REPORT_JSON)
                        x->unknown_list = json_array();
                rc = run(c, &in, &fs);
                if (c->outf.tmp) /* an error before the report: drop the partial -o file */
                        cli_out_close(&c->outf, &explain_spec, false);
        }
        json_decref(x->unknown_list);
        findings_free(&fs);
        for (size_t i = 0; i < x->ndevs; i++)
                model_free(x->devs[i]);
        corr_free(x->corr);
        cli_operands_free(&in);
        free(c);
        return rc;
}
