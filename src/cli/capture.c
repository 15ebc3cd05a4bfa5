/*
 * ipsec-doctor capture FILE... [--config FILE]... [--format text|json|sarif|gcc|html]
 * Reads packet captures (pcap, pcapng): rebuilds each IKE exchange per IKE
 * SA, with retransmissions (by byte identity), the step that got no answer,
 * the notifies seen in clear and the ICMP errors quoting them, printed as
 * `tunnel` prints its ladders; and says why it stops as a diagnosis ID,
 * through the path every evidence takes (capture/diagnose.h): the patterns
 * the frames prove are ranked, and with --config (the devices at either
 * end) confirmed or ruled out, with the fix as `check` prints it. Each file
 * is its own capture (the same exchange seen at both ends is two). A
 * status or a diagnosis says only what the capture proves: what is inside
 * encrypted messages is never guessed.
 * Exit 1 when an error-severity finding remains, 2 when a file cannot be
 * read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../capture/diagnose.h"
#include "../capture/ladder.h"
#include "../capture/sessions.h"
#include "../config/config.h"
#include "../packet/pcap_file.h"
#include "../report/report.h"
#include "args.h"
#include "cli.h"

#define CAPTURE_MAX_CONFIGS 2 /* the two ends of the captured tunnels */

struct capture_opts {
        enum report_format fmt;
        enum color_mode color;
        const char *output;
        bool explain;
        const char *configs[CAPTURE_MAX_CONFIGS];
        size_t nconfigs;
};

enum { O_FORMAT, O_OUTPUT, O_COLOR, O_CONFIG, O_EXPLAIN, O_VERBOSE };

static const struct cli_spec capture_spec;

static const struct cli_opt capture_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json, sarif, gcc or html"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"config", 'c', "FILE",
     "the config of a device at one end (at most two): confirms or rules out each diagnosis, "
     "and gives its fix",
     O_CONFIG},
    CLI_OPT_EXPLAIN(O_EXPLAIN),
    {"verbose", 'v', NULL, "each finding's explanation (as --explain)", O_VERBOSE},
    CLI_OPT_COLOR(O_COLOR),
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        (void)rest;
        (void)nrest;
        struct capture_opts *o = ctx;
        switch (id) {
        case O_FORMAT:
                if (parse_format(v, &o->fmt, "capture", "text, json, sarif, gcc, html"))
                        return -1;
                if (o->fmt != REPORT_TEXT && o->fmt != REPORT_JSON && o->fmt != REPORT_SARIF &&
                    o->fmt != REPORT_GCC && o->fmt != REPORT_HTML)
                        return cli_error(&capture_spec,
                                         "--format %s: expected text, json, sarif, gcc or html", v);
                return 0;
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_CONFIG:
                if (o->nconfigs >= CAPTURE_MAX_CONFIGS)
                        return cli_error(&capture_spec,
                                         "at most %d --config files (the two ends of a tunnel)",
                                         CAPTURE_MAX_CONFIGS);
                o->configs[o->nconfigs++] = v;
                return 0;
        case O_EXPLAIN:
        case O_VERBOSE:
                o->explain = true;
                return 0;
        case O_COLOR:
                return parse_color(v, &o->color, "capture");
        }
        return 0;
}

static const struct cli_spec capture_spec = {
    "capture",
    "FILE...",
    "Rebuild the IKE exchanges of packet captures (pcap, pcapng), say where each stops and why "
    "(a diagnosis ID, from what the capture proves); with --config, confirm or rule out each "
    "diagnosis against the configs and print its fix.",
    capture_options,
    sizeof(capture_options) / sizeof(capture_options[0]),
    1,
    -1,
    on_opt,
};

static int on_frame(void *ctx, const struct pcap_frame *pf)
{
        return cap_add_frame(ctx, pf) < 0 ? -1 : 0;
}

/* What a text report says of one file beyond its ladders. */
struct file_notes {
        const char *file;
        uint64_t frames, fragmented, undecodable, first_bad_frame;
        size_t nsa, sas_dropped;
        char first_bad[96];
};

static void print_notes(FILE *out, const struct file_notes *n, size_t nfiles)
{
        char pre[300] = "";
        if (nfiles > 1)
                snprintf(pre, sizeof(pre), "%s: ", n->file);
        if (!n->nsa)
                fprintf(out, "%sno IKE exchange in %llu frames\n", pre,
                        (unsigned long long)n->frames);
        if (n->fragmented)
                fprintf(out,
                        "%s%llu IKE messages were IP-fragmented and are not shown "
                        "(fragments are not reassembled yet)\n",
                        pre, (unsigned long long)n->fragmented);
        if (n->undecodable)
                fprintf(out, "%s%llu IKE frames not decoded; the first, frame %llu: %s\n", pre,
                        (unsigned long long)n->undecodable, (unsigned long long)n->first_bad_frame,
                        n->first_bad);
        if (n->sas_dropped)
                fprintf(out, "%s%zu more IKE SAs not kept (%d at most)\n", pre, n->sas_dropped,
                        CAP_MAX_SAS);
}

/* One capture file: its exchanges into fs->tunnels, its patterns into evs. */
static int read_one(const char *path, struct findings *fs, struct cap_evs *evs,
                    struct file_notes *note)
{
        struct cap_set cs;
        cap_set_init(&cs);
        struct diag d;
        d.msg[0] = '\0';
        int rc = EXIT_INPUT;
        int r = pcap_read_file(path, on_frame, &cs, &d);
        if (r < 0 && d.msg[0]) {
                fprintf(stderr, "ipsec-doctor: %s\n", d.msg);
                goto out;
        }
        if (r != 0) {
                cli_error(&capture_spec, "%s: out of memory", path);
                goto out;
        }
        cap_name_steps(&cs);
        if (cap_collect(&cs, path, fs, evs)) {
                cli_error(&capture_spec, "%s: out of memory while rebuilding the exchanges", path);
                goto out;
        }
        *note = (struct file_notes){path,
                                    cs.frames,
                                    cs.ike_fragmented,
                                    cs.undecodable,
                                    cs.first_bad_frame,
                                    cs.nsa,
                                    cs.sas_dropped,
                                    ""};
        memcpy(note->first_bad, cs.first_bad, sizeof(note->first_bad));
        rc = EXIT_OK;
out:
        cap_set_free(&cs);
        return rc;
}

static int read_configs(const struct capture_opts *o, struct device **devs)
{
        for (size_t i = 0; i < o->nconfigs; i++) {
                struct diag err;
                if (config_read(o->configs[i], PLAT_UNKNOWN, &devs[i], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        return -1;
                }
        }
        return 0;
}

static int run(const struct capture_opts *o, const struct cli_operands *in, struct findings *fs,
               struct device **devs, struct file_notes *notes)
{
        if (read_configs(o, devs))
                return EXIT_INPUT;
        struct cap_evs evs = {0};
        int rc = EXIT_OK;
        for (size_t i = 0; i < in->n && rc == EXIT_OK; i++)
                rc = read_one(in->v[i], fs, &evs, &notes[i]);
        if (rc == EXIT_OK && cap_diagnose(&evs, devs, o->nconfigs, fs)) {
                cli_error(&capture_spec, "out of memory while diagnosing");
                rc = EXIT_INPUT;
        }
        cap_evs_free(&evs);
        if (rc)
                return rc;
        struct cli_out out = {stdout, NULL, NULL};
        if (cli_out_open(&out, &capture_spec, o->output, in))
                return EXIT_INPUT;
        const char *labels[CAPTURE_MAX_CONFIGS];
        for (size_t i = 0; i < o->nconfigs; i++)
                labels[i] = device_label(devs[i]);
        struct report_opts ro = {.format = o->fmt,
                                 .command = "capture",
                                 .color = !o->output && color_wanted(o->color, STDOUT_FILENO),
                                 .explain = o->explain,
                                 .ladders = true,
                                 .nfiles = in->n,
                                 .devices = labels,
                                 .ndevices = o->nconfigs};
        int wr = report_findings(out.f, fs, &ro);
        if (o->fmt == REPORT_TEXT && !wr)
                for (size_t i = 0; i < in->n; i++)
                        print_notes(out.f, &notes[i], in->n);
        if (cli_out_close(&out, &capture_spec, wr == 0) || wr)
                return EXIT_INPUT;
        return report_exit_status(fs, SEV_ERROR, false);
}

int cmd_capture(int argc, char **argv)
{
        struct capture_opts o = {REPORT_TEXT, COLOR_AUTO, NULL, false, {NULL}, 0};
        struct cli_operands in = {0};
        switch (cli_parse(&capture_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        struct findings fs;
        findings_init(&fs);
        struct device *devs[CAPTURE_MAX_CONFIGS] = {NULL};
        struct file_notes *notes = calloc(in.n ? in.n : 1, sizeof(*notes));
        int rc = notes ? run(&o, &in, &fs, devs, notes) : EXIT_INPUT;
        free(notes);
        for (size_t i = 0; i < CAPTURE_MAX_CONFIGS; i++)
                if (devs[i])
                        model_free(devs[i]);
        findings_free(&fs);
        cli_operands_free(&in);
        return rc;
}
