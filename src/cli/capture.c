/*
 * ipsec-doctor capture FILE... [--format text|json] [-o FILE]
 * A first reading of packet captures (pcap, pcapng): the IKE exchanges
 * rebuilt per IKE SA, with retransmissions (by byte identity), the step
 * that got no answer, the notifies seen in clear and ICMP errors quoting
 * them, printed as `tunnel` prints its ladders. No decryption and no
 * diagnosis IDs yet (issue 15): a status says only what the clear part of
 * the capture proves. Exit 0, or 2 when a file cannot be read.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../capture/decrypt.h"
#include "../capture/esp_dec.h"
#include "../packet/frame.h"
#include "../capture/esp_out.h"
#include "../capture/facts_json.h"
#include "../capture/ladder.h"
#include "../capture/sessions.h"
#include "../packet/pcap_file.h"
#include "../report/report.h"
#include "args.h"
#include "cli.h"

#define CAPTURE_TEXT_ESP 64 /* ESP SAs listed in text */

struct capture_opts {
        enum report_format fmt;
        enum color_mode color;
        const char *output;
        const char *keys[8];
        size_t nkeys;
};

enum { O_FORMAT, O_OUTPUT, O_COLOR, O_KEYS };

static const struct cli_spec capture_spec;

static const struct cli_opt capture_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default) or json"),
    CLI_OPT_OUTPUT(O_OUTPUT),
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
                if (parse_format(v, &o->fmt, "capture", "text, json"))
                        return -1;
                if (o->fmt != REPORT_TEXT && o->fmt != REPORT_JSON)
                        return cli_error(&capture_spec, "--format %s: expected text or json", v);
                return 0;
        case O_OUTPUT:
                o->output = v;
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
    "Rebuild the IKE exchanges of packet captures (pcap, pcapng): steps, retransmissions, the "
    "step left unanswered, notifies (a first version: no decryption, no diagnosis IDs yet).",
    capture_options,
    sizeof(capture_options) / sizeof(capture_options[0]),
    1,
    -1,
    on_opt,
};

/* --keys: ESP SAs decrypted with the key file's keys (those decrypted with
 * derived keys are on their IKE SA's ladder). */
static void esp_lines(FILE *f, const struct cap_esp_dec *d)
{
        for (size_t i = 0; i < d->n; i++) {
                const struct cap_esp_flow *fl = &d->f[i];
                if (!fl->tried || fl->keysrc == NULL || !fl->file)
                        continue;
                char src[46], dst[46];
                frame_addr_str(fl->af, fl->src, src);
                frame_addr_str(fl->af, fl->dst, dst);
                fprintf(f,
                        "ESP SPI %08x (%s -> %s, %llu packets): %u of the first %u decrypt with "
                        "%s:%u%s%s%s\n",
                        fl->spi, src, dst, (unsigned long long)fl->seen, fl->ok, fl->ok + fl->bad,
                        fl->file, fl->line, fl->bad && fl->why ? "; " : "",
                        fl->bad && fl->why ? fl->why : "",
                        fl->ok && fl->inner == 4 ? " (inside: IPv4)" : "");
        }
}

static int on_frame(void *ctx, const struct pcap_frame *pf)
{
        return cap_add_frame(ctx, pf) < 0 ? -1 : 0;
}

int cmd_capture(int argc, char **argv)
{
        struct capture_opts o = {REPORT_TEXT, COLOR_AUTO, NULL, {NULL}, 0};
        struct cli_operands in = {0};
        switch (cli_parse(&capture_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        int rc = EXIT_INPUT;
        struct findings fs;
        findings_init(&fs);
        struct cap_set cs;
        cap_set_init(&cs);
        struct cli_out out = {stdout, NULL, NULL};
        struct key_store ks;
        keys_init(&ks);
        for (size_t i = 0; i < o.nkeys; i++) {
                struct diag d;
                if (keys_load(&ks, o.keys[i], &d)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", d.msg);
                        goto out;
                }
                cs.keep_raw = true;
        }
        for (size_t i = 0; i < in.n; i++) {
                struct diag d;
                d.msg[0] = '\0';
                int r = pcap_read_file(in.v[i], on_frame, &cs, &d);
                if (r < 0 && d.msg[0]) {
                        fprintf(stderr, "ipsec-doctor: %s\n", d.msg);
                        goto out;
                }
                if (r != 0) {
                        cli_error(&capture_spec, "%s: out of memory", in.v[i]);
                        goto out;
                }
        }
        if (cap_name_steps(&cs)) {
                cli_error(&capture_spec, "out of memory while rebuilding the exchanges");
                goto out;
        }
        if (o.nkeys && cap_decrypt(&cs, &ks)) {
                cli_error(&capture_spec, "out of memory while decrypting");
                goto out;
        }
        if (cap_tunnels(&cs, &fs)) {
                cli_error(&capture_spec, "out of memory while rebuilding the exchanges");
                goto out;
        }
        if (cli_out_open(&out, &capture_spec, o.output, &in))
                goto out;
        json_t *extra = NULL;
        if (o.fmt == REPORT_JSON) { /* the facts behind the ladders: an extension */
                extra = json_object();
                json_t *facts = cap_facts_json(&cs);
                if (!extra || !facts || json_object_set_new(extra, "capture", facts)) {
                        json_decref(extra);
                        cli_error(&capture_spec, "out of memory while writing the facts");
                        goto out;
                }
        }
        struct report_opts ro = {.format = o.fmt,
                                 .command = "capture",
                                 .color = !o.output && color_wanted(o.color, STDOUT_FILENO),
                                 .ladders = true,
                                 .nfiles = in.n,
                                 .extra = extra};
        int wr = report_findings(out.f, &fs, &ro);
        json_decref(extra);
        if (o.fmt == REPORT_TEXT && !wr) {
                if (!cs.nsa)
                        fprintf(out.f, "no IKE exchange in %llu frames\n",
                                (unsigned long long)cs.frames);
                if (cs.ike_fragmented)
                        fprintf(out.f, "%llu IKE messages came in IP fragments (reassembled)\n",
                                (unsigned long long)cs.ike_fragmented);
                for (size_t i = 0; i < cs.nlost; i++) { /* those of no IKE SA */
                        char buf[320];
                        if (cs.lost[i].sa < 0)
                                fprintf(out.f, "%s\n",
                                        cap_lost_text(&cs.lost[i], buf, sizeof(buf)));
                }
                for (size_t i = 0; i < cs.esp.n && i < CAPTURE_TEXT_ESP; i++) {
                        char buf[512];
                        fprintf(out.f, "%s\n", cap_esp_line(&cs, &cs.esp.sa[i], buf, sizeof(buf)));
                }
                if (cs.esp.n > CAPTURE_TEXT_ESP)
                        fprintf(out.f, "%zu more ESP SAs (all of them with --format json)\n",
                                cs.esp.n - CAPTURE_TEXT_ESP);
                if (cs.esp.dropped_packets)
                        fprintf(out.f, "%llu ESP packets of SAs past the first %d not looked at\n",
                                (unsigned long long)cs.esp.dropped_packets, CAP_MAX_ESP);
                if (cs.lost_dropped)
                        fprintf(out.f, "%zu more incomplete datagrams not kept (%d at most)\n",
                                cs.lost_dropped, CAP_MAX_LOST);
                if (cs.undecodable)
                        fprintf(out.f, "%llu IKE frames not decoded; the first, frame %llu: %s\n",
                                (unsigned long long)cs.undecodable,
                                (unsigned long long)cs.first_bad_frame, cs.first_bad);
                if (cs.espdec)
                        esp_lines(out.f, cs.espdec);
                if (cs.sas_dropped)
                        fprintf(out.f, "%zu more IKE SAs not kept (%d at most)\n", cs.sas_dropped,
                                CAP_MAX_SAS);
        }
        if (cli_out_close(&out, &capture_spec, wr == 0) || wr)
                goto out;
        rc = EXIT_OK;
out:
        keys_free(&ks);
        cap_set_free(&cs);
        findings_free(&fs);
        cli_operands_free(&in);
        return rc;
}
