/*
 * ipsec-doctor capture FILE... [--config FILE]... [--keys FILE]...
 *                              [--format text|json|sarif|gcc|html]
 * Reads packet captures (pcap, pcapng, gzip'd or not): rebuilds each IKE
 * exchange per IKE SA, with retransmissions (by byte identity), the step
 * that got no answer, the notifies (in clear, or decrypted with --keys) and
 * the ICMP errors quoting them, and ESP per SPI, printed as `tunnel`
 * prints its ladders; and says why it stops as a diagnosis ID, through the
 * path every evidence takes (capture/diagnose.h): the patterns the frames
 * prove are ranked, and with --config (the devices at either end)
 * confirmed or ruled out, with the fix as `check` prints it. Each file is
 * its own capture (the same exchange seen at both ends is two). A status
 * or a diagnosis says only what the capture proves: what could not be
 * decrypted is never guessed ("no key", "wrong key").
 * Exit 1 when an error-severity finding remains, 2 when a file cannot be
 * read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "../capture/decrypt.h"
#include "../capture/diagnose.h"
#include "../capture/esp_dec.h"
#include "../capture/esp_out.h"
#include "../capture/facts_json.h"
#include "../capture/ladder.h"
#include "../capture/sessions.h"
#include "../config/config.h"
#include "../packet/frame.h"
#include "../packet/pcap_file.h"
#include "../report/report.h"
#include "args.h"
#include "cli.h"

#define CAPTURE_MAX_CONFIGS 2  /* the two ends of the captured tunnels */
#define CAPTURE_TEXT_ESP    64 /* ESP SAs listed in text */

struct capture_opts {
        enum report_format fmt;
        enum color_mode color;
        const char *output;
        bool explain;
        const char *configs[CAPTURE_MAX_CONFIGS];
        size_t nconfigs;
        const char *keys[8];
        size_t nkeys;
};

enum { O_FORMAT, O_OUTPUT, O_COLOR, O_CONFIG, O_EXPLAIN, O_VERBOSE, O_KEYS };

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
    {"keys", 'k', "FILE",
     "decrypt with the keys in FILE (again for more files): Wireshark's ikev1/ikev2/esp_sa "
     "tables, `ip xfrm state` output or a charon log at ike = 4 (keys are never printed)",
     O_KEYS},
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
        case O_KEYS:
                if (o->nkeys == sizeof(o->keys) / sizeof(o->keys[0]))
                        return cli_error(&capture_spec, "--keys: at most 8 key files");
                o->keys[o->nkeys++] = v;
                return 0;
        }
        return 0;
}

static const struct cli_spec capture_spec = {
    "capture",
    "FILE...",
    "Rebuild the IKE exchanges and ESP SAs of packet captures (pcap, pcapng), say where each "
    "stops and why (a diagnosis ID, from what the capture proves); with --keys, decrypt; with "
    "--config, confirm or rule out each diagnosis against the configs and print its fix.",
    capture_options,
    sizeof(capture_options) / sizeof(capture_options[0]),
    1,
    -1,
    on_opt,
};

/* --keys: ESP SAs decrypted with the key file's keys (those decrypted with
 * derived keys are on their IKE SA's ladder). */
static void esp_lines(FILE *f, const char *pre, const struct cap_esp_dec *d)
{
        for (size_t i = 0; i < d->n; i++) {
                const struct cap_esp_flow *fl = &d->f[i];
                if (!fl->tried || fl->keysrc == NULL || !fl->file)
                        continue;
                char src[46], dst[46];
                frame_addr_str(fl->af, fl->src, src);
                frame_addr_str(fl->af, fl->dst, dst);
                fprintf(f,
                        "%sESP SPI %08x (%s -> %s, %llu packets): %u of the first %u decrypt with "
                        "%s:%u%s%s%s\n",
                        pre, fl->spi, src, dst, (unsigned long long)fl->seen, fl->ok,
                        fl->ok + fl->bad, fl->file, fl->line, fl->bad && fl->why ? "; " : "",
                        fl->bad && fl->why ? fl->why : "",
                        fl->ok && fl->inner == 4 ? " (inside: IPv4)" : "");
        }
}

static int on_frame(void *ctx, const struct pcap_frame *pf)
{
        return cap_add_frame(ctx, pf) < 0 ? -1 : 0;
}

/* What a text report says of one file beyond its ladders and findings. */
static void print_notes(FILE *out, const char *file, const struct cap_set *cs, size_t nfiles)
{
        char pre[300] = "";
        if (nfiles > 1)
                snprintf(pre, sizeof(pre), "%s: ", file);
        if (!cs->nsa)
                fprintf(out, "%sno IKE exchange in %llu frames\n", pre,
                        (unsigned long long)cs->frames);
        if (cs->ike_fragmented)
                fprintf(out, "%s%llu IKE messages came in IP fragments (reassembled)\n", pre,
                        (unsigned long long)cs->ike_fragmented);
        for (size_t i = 0; i < cs->nlost; i++) { /* those of no IKE SA */
                char buf[320];
                if (cs->lost[i].sa < 0)
                        fprintf(out, "%s%s\n", pre, cap_lost_text(&cs->lost[i], buf, sizeof(buf)));
        }
        for (size_t i = 0; i < cs->esp.n && i < CAPTURE_TEXT_ESP; i++) {
                char buf[512];
                fprintf(out, "%s%s\n", pre, cap_esp_line(cs, &cs->esp.sa[i], buf, sizeof(buf)));
        }
        if (cs->esp.n > CAPTURE_TEXT_ESP)
                fprintf(out, "%s%zu more ESP SAs (all of them with --format json)\n", pre,
                        cs->esp.n - CAPTURE_TEXT_ESP);
        if (cs->esp.dropped_packets)
                fprintf(out, "%s%llu ESP packets of SAs past the first %d not looked at\n", pre,
                        (unsigned long long)cs->esp.dropped_packets, CAP_MAX_ESP);
        if (cs->lost_dropped)
                fprintf(out, "%s%zu more incomplete datagrams not kept (%d at most)\n", pre,
                        cs->lost_dropped, CAP_MAX_LOST);
        if (cs->undecodable)
                fprintf(out, "%s%llu IKE frames not decoded; the first, frame %llu: %s\n", pre,
                        (unsigned long long)cs->undecodable,
                        (unsigned long long)cs->first_bad_frame, cs->first_bad);
        if (cs->espdec)
                esp_lines(out, pre, cs->espdec);
        if (cs->sas_dropped)
                fprintf(out, "%s%zu more IKE SAs not kept (%d at most)\n", pre, cs->sas_dropped,
                        CAP_MAX_SAS);
}

/* One capture file into cs (decrypted with ks when it holds keys): its
 * exchanges into fs->tunnels, its patterns into evs. */
static int read_one(const char *path, struct cap_set *cs, const struct key_store *ks, bool keys,
                    struct findings *fs, struct cap_evs *evs)
{
        cs->keep_raw = keys;
        struct diag d;
        d.msg[0] = '\0';
        int r = pcap_read_file(path, on_frame, cs, &d);
        if (r < 0 && d.msg[0]) {
                fprintf(stderr, "ipsec-doctor: %s\n", d.msg);
                return EXIT_INPUT;
        }
        if (r != 0) {
                cli_error(&capture_spec, "%s: out of memory", path);
                return EXIT_INPUT;
        }
        cap_name_steps(cs);
        if (keys && cap_decrypt(cs, ks)) {
                cli_error(&capture_spec, "%s: out of memory while decrypting", path);
                return EXIT_INPUT;
        }
        if (cap_collect(cs, path, fs, evs)) {
                cli_error(&capture_spec, "%s: out of memory while rebuilding the exchanges", path);
                return EXIT_INPUT;
        }
        return EXIT_OK;
}

/* json: the facts behind the ladders, an extension (docs/capture-json.md):
 * one file's "capture" object, or with several files an array of them,
 * each naming its file. */
static json_t *facts_extra(const struct cap_set *sets, const struct cli_operands *in)
{
        json_t *extra = json_object(), *facts = NULL;
        if (!extra)
                return NULL;
        if (in->n == 1) {
                facts = cap_facts_json(&sets[0]);
        } else if ((facts = json_array()) != NULL) {
                for (size_t i = 0; i < in->n; i++) {
                        json_t *f = cap_facts_json(&sets[i]);
                        if (!f || json_object_set_new(f, "file", json_string(in->v[i])) ||
                            json_array_append_new(facts, f)) {
                                json_decref(facts);
                                facts = NULL;
                                break;
                        }
                }
        }
        if (!facts || json_object_set_new(extra, "capture", facts)) {
                json_decref(extra);
                return NULL;
        }
        return extra;
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

static int read_keys(const struct capture_opts *o, struct key_store *ks)
{
        for (size_t i = 0; i < o->nkeys; i++) {
                struct diag d;
                if (keys_load(ks, o->keys[i], &d)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", d.msg);
                        return -1;
                }
        }
        return 0;
}

static int run(const struct capture_opts *o, const struct cli_operands *in, struct findings *fs,
               struct device **devs, struct cap_set *sets, struct key_store *ks)
{
        if (read_keys(o, ks) || read_configs(o, devs))
                return EXIT_INPUT;
        struct cap_evs evs = {0};
        int rc = EXIT_OK;
        for (size_t i = 0; i < in->n && rc == EXIT_OK; i++)
                rc = read_one(in->v[i], &sets[i], ks, o->nkeys > 0, fs, &evs);
        if (rc == EXIT_OK && cap_diagnose(&evs, devs, o->nconfigs, fs)) {
                cli_error(&capture_spec, "out of memory while diagnosing");
                rc = EXIT_INPUT;
        }
        cap_evs_free(&evs);
        if (rc)
                return rc;
        json_t *extra = NULL;
        if (o->fmt == REPORT_JSON && !(extra = facts_extra(sets, in))) {
                cli_error(&capture_spec, "out of memory while writing the facts");
                return EXIT_INPUT;
        }
        struct cli_out out = {stdout, NULL, NULL};
        if (cli_out_open(&out, &capture_spec, o->output, in)) {
                json_decref(extra);
                return EXIT_INPUT;
        }
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
                                 .ndevices = o->nconfigs,
                                 .extra = extra};
        int wr = report_findings(out.f, fs, &ro);
        json_decref(extra);
        if (o->fmt == REPORT_TEXT && !wr)
                for (size_t i = 0; i < in->n; i++)
                        print_notes(out.f, in->v[i], &sets[i], in->n);
        if (cli_out_close(&out, &capture_spec, wr == 0) || wr)
                return EXIT_INPUT;
        return report_exit_status(fs, SEV_ERROR, false);
}

int cmd_capture(int argc, char **argv)
{
        struct capture_opts o = {REPORT_TEXT, COLOR_AUTO, NULL, false, {NULL}, 0, {NULL}, 0};
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
        struct cap_set *sets = calloc(in.n ? in.n : 1, sizeof(*sets));
        for (size_t i = 0; sets && i < in.n; i++)
                cap_set_init(&sets[i]);
        struct key_store ks;
        keys_init(&ks);
        int rc = sets ? run(&o, &in, &fs, devs, sets, &ks) : EXIT_INPUT;
        for (size_t i = 0; sets && i < in.n; i++)
                cap_set_free(&sets[i]);
        free(sets);
        keys_free(&ks);
        for (size_t i = 0; i < CAPTURE_MAX_CONFIGS; i++)
                if (devs[i])
                        model_free(devs[i]);
        findings_free(&fs);
        cli_operands_free(&in);
        return rc;
}
