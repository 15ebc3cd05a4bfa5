/*
 * ipsec-doctor test HOST [--format text|json|sarif|gcc|html] [-o FILE] [options]
 * One full IKE negotiation as initiator against one live responder
 * (src/initiator/): the tunnel's status, the message where it stopped and
 * the catalog ID that proves. HOST is one numeric address. The PSK comes
 * from --psk-file, the environment (IPSEC_DOCTOR_PSK) or a prompt on the
 * terminal, never from the command line, and is never printed. Exit 0 when
 * the tunnel came up with no finding at or above --fail-on, 1 when it did
 * not (or a finding is), 2 on a usage error or when nothing could be sent.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../initiator/from_config.h"
#include "../initiator/initiator.h"
#include "../initiator/proposal.h"
#include "../initiator/test_out.h"
#include "../initiator/verdict.h"
#include "../keys/keys.h"
#include "../report/report.h"
#include "args.h"
#include "cli.h"

#define PSK_ENV "IPSEC_DOCTOR_PSK"

struct test_cli {
        struct ini_params p;
        enum report_format fmt;
        const char *output, *psk_file, *keys_file, *config, *peer;
        bool v1, v2, verbose, have_local, have_remote, have_ike, have_esp;
        enum severity fail_on;
        uint8_t psk[INI_MAX_PSK + 2];
};

enum {
        O_FORMAT,
        O_OUTPUT,
        O_PSK_FILE,
        O_CONFIG,
        O_PEER,
        O_IKEV1,
        O_IKEV2,
        O_LOCAL,
        O_REMOTE,
        O_IKE,
        O_ESP,
        O_PFS,
        O_ID,
        O_PEER_ID,
        O_NO_REKEY,
        O_NATT,
        O_PORT,
        O_KEYS,
        O_RATE,
        O_MAX_PACKETS,
        O_MAX_TIME,
        O_WAIT,
        O_TRIES,
        O_VERBOSE,
        O_FAIL_ON,
};

static const struct cli_spec test_spec;

static const struct cli_opt test_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json, sarif, gcc or html"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"psk-file", 0, "FILE",
     "the pre-shared key: the first line of FILE (else $" PSK_ENV ", else a prompt)", O_PSK_FILE},
    {"config", 0, "DEVICE.cfg",
     "test as this device would initiate towards the peer: its IKE version, proposals, "
     "transform sets, PFS and crypto ACL (no --ike, --esp, --pfs, --local-net, --remote-net)",
     O_CONFIG},
    {"peer", 0, "ADDR", "with --config: the peer address the device's config names (default HOST)",
     O_PEER},
    {"ikev1", 0, NULL, "negotiate IKEv1 (Main Mode, Quick Mode)", O_IKEV1},
    {"ikev2", 0, NULL, "negotiate IKEv2 (default)", O_IKEV2},
    {"local-net", 0, "NET", "the protected network on this side, A.B.C.D/N (required)", O_LOCAL},
    {"remote-net", 0, "NET", "the protected network behind HOST, A.B.C.D/N (required)", O_REMOTE},
    {"ike", 0, "PROPOSALS",
     "IKE proposals, strongSwan syntax (default aes256-sha256-modp2048,aes256gcm16-prfsha256-"
     "ecp256)",
     O_IKE},
    {"esp", 0, "PROPOSALS", "ESP proposals (default aes256-sha256,aes256gcm16)", O_ESP},
    {"pfs", 0, "GROUP", "PFS group for Quick Mode / the rekey (modp2048, 14, none; default none)",
     O_PFS},
    {"id", 0, "NAME", "our IKE identity, an FQDN (default: our address)", O_ID},
    {"peer-id", 0, "NAME", "the identity asked of HOST (IKEv2 IDr; default: none sent)", O_PEER_ID},
    {"no-rekey", 0, NULL, "IKEv2: do not rekey the Child SA (CREATE_CHILD_SA)", O_NO_REKEY},
    {"nat-t", 0, "MODE", "auto (default: move to UDP 4500 when NAT-D shows a NAT), force, or off",
     O_NATT},
    {"port", 0, "N", "the responder's IKE port (default 500)", O_PORT},
    {"keys", 0, "FILE",
     "write the negotiated keys as Wireshark decryption tables to FILE (a new file)", O_KEYS},
    {"rate", 0, "N", "at most N packets per second (default 10, at most 100)", O_RATE},
    {"max-packets", 0, "N", "send at most N packets in all (default 60)", O_MAX_PACKETS},
    {"max-time", 0, "SECONDS", "stop after SECONDS (default 60)", O_MAX_TIME},
    {"wait", 0, "SECONDS", "first retransmission after SECONDS, doubling (default 1)", O_WAIT},
    {"tries", 0, "N", "transmissions of each request (default 4)", O_TRIES},
    {"verbose", 'v', NULL, "each finding's explanation", O_VERBOSE},
    {"fail-on", 0, "SEV", "exit 1 on findings at or above SEV: error (default), warning, info",
     O_FAIL_ON},
};

static int number(const char *opt, const char *v, double lo, double hi, double *out)
{
        char *end;
        errno = 0;
        double d = strtod(v, &end);
        if (errno || end == v || *end || d < lo || d > hi)
                return cli_error(&test_spec, "%s %s: expected a number from %g to %g", opt, v, lo,
                                 hi);
        *out = d;
        return 0;
}

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        (void)rest;
        (void)nrest;
        struct test_cli *o = ctx;
        double d = 0;
        char err[160];
        switch (id) {
        case O_FORMAT:
                return parse_format(v, &o->fmt, "test", "text, json, sarif, gcc, html");
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_PSK_FILE:
                o->psk_file = v;
                return 0;
        case O_CONFIG:
                o->config = v;
                return 0;
        case O_PEER:
                o->peer = v;
                return 0;
        case O_IKEV1:
                o->v1 = true;
                return 0;
        case O_IKEV2:
                o->v2 = true;
                return 0;
        case O_LOCAL:
        case O_REMOTE:
                if (ini_parse_net(v, &o->p, id == O_LOCAL, err, sizeof(err)))
                        return cli_error(&test_spec, "--%s %s",
                                         id == O_LOCAL ? "local-net" : "remote-net", err);
                if (id == O_LOCAL)
                        o->have_local = true;
                else
                        o->have_remote = true;
                return 0;
        case O_IKE:
                if (ini_parse_ike(v, &o->p, err, sizeof(err)))
                        return cli_error(&test_spec, "--ike: %s", err);
                o->have_ike = true;
                return 0;
        case O_ESP:
                if (ini_parse_esp(v, &o->p, err, sizeof(err)))
                        return cli_error(&test_spec, "--esp: %s", err);
                o->have_esp = true;
                return 0;
        case O_PFS: {
                int g = ini_parse_group(v);
                if (g < 0)
                        return cli_error(&test_spec,
                                         "--pfs %s: expected a DH group (modp2048, ecp256, 14) "
                                         "or none",
                                         v);
                o->p.pfs = g;
                return 0;
        }
        case O_ID:
        case O_PEER_ID:
                if (!*v || strlen(v) >= INI_ID_LEN)
                        return cli_error(&test_spec, "--%s: 1 to %d characters",
                                         id == O_ID ? "id" : "peer-id", INI_ID_LEN - 1);
                snprintf(id == O_ID ? o->p.id : o->p.peer_id, INI_ID_LEN, "%s", v);
                if (id == O_ID)
                        o->p.id_type = 2; /* ID_FQDN, RFC 7296 3.5 / RFC 2407 4.6.2.1 */
                else
                        o->p.peer_id_type = 2;
                return 0;
        case O_NO_REKEY:
                o->p.rekey = false;
                return 0;
        case O_NATT:
                if (!strcmp(v, "auto"))
                        o->p.natt = INI_NATT_AUTO;
                else if (!strcmp(v, "force"))
                        o->p.natt = INI_NATT_FORCE;
                else if (!strcmp(v, "off"))
                        o->p.natt = INI_NATT_OFF;
                else
                        return cli_error(&test_spec, "--nat-t %s: expected auto, force or off", v);
                return 0;
        case O_PORT:
                if (number("--port", v, 1, 65535, &d))
                        return -1;
                o->p.port = (uint16_t)d;
                return 0;
        case O_KEYS:
                o->keys_file = v;
                return 0;
        case O_RATE:
                if (number("--rate", v, 1, 100, &d))
                        return -1;
                o->p.rate = (unsigned)d;
                return 0;
        case O_MAX_PACKETS:
                if (number("--max-packets", v, 1, 1000, &d))
                        return -1;
                o->p.max_packets = (unsigned)d;
                return 0;
        case O_MAX_TIME:
                if (number("--max-time", v, 1, 3600, &d))
                        return -1;
                o->p.max_time = d;
                return 0;
        case O_WAIT:
                if (number("--wait", v, 0.05, 60, &d))
                        return -1;
                o->p.retx.first_wait = d;
                return 0;
        case O_TRIES:
                if (number("--tries", v, 1, 10, &d))
                        return -1;
                o->p.retx.tries = (unsigned)d;
                return 0;
        case O_VERBOSE:
                o->verbose = true;
                return 0;
        case O_FAIL_ON:
                if (!severity_parse(v, &o->fail_on))
                        return cli_error(&test_spec,
                                         "--fail-on %s: expected error, warning or info", v);
                return 0;
        }
        return 0;
}

static const struct cli_spec test_spec = {
    "test",
    "HOST",
    "Run one full IKE negotiation as initiator against HOST, as a peer with these settings\n"
    "would, and say where it stops and why (the tunnel status of `tunnel`, with the catalog\n"
    "ID). HOST is one numeric IPv4 or IPv6 address; nothing is sent anywhere else. The\n"
    "pre-shared key is read from --psk-file, else $" PSK_ENV ", else a prompt on the\n"
    "terminal; it is never taken from the command line and never printed. What is sent,\n"
    "from one UDP socket connected to HOST port 500 (and one to port 4500 after a NAT is\n"
    "detected, or always with --nat-t force), each request retransmitted after 1, 2, 4 s\n"
    "(--wait, --tries), at most --rate packets per second, --max-packets in all, for\n"
    "--max-time:\n"
    "  IKEv2: IKE_SA_INIT (the --ike proposals, a DH value of the first group, a nonce,\n"
    "    NAT-D; again with the COOKIE or the DH group the responder asks for);\n"
    "    IKE_AUTH (our identity, the PSK's AUTH, the --esp proposals, the --local-net and\n"
    "    --remote-net selectors), encrypted; CREATE_CHILD_SA rekeying that Child SA with\n"
    "    the --pfs group (unless --no-rekey); INFORMATIONAL deleting the IKE SA.\n"
    "  IKEv1 (--ikev1): Main Mode MM1 (the --ike proposals, the RFC 3947 NAT-T VID),\n"
    "    MM3 (DH value, nonce, NAT-D), MM5 (our identity, HASH_I; encrypted); Quick Mode\n"
    "    QM1 (the --esp transforms, the networks as proxy IDs, the --pfs group), QM3;\n"
    "    after NO-PROPOSAL-CHOSEN one more QM1 with PFS toggled (to tell a PFS\n"
    "    difference; an SA it makes is deleted at once); then Informationals deleting\n"
    "    the IPsec SA and the ISAKMP SA. No INITIAL-CONTACT is sent.\n"
    "The keys are kept in memory only, unless --keys FILE writes them (Wireshark's\n"
    "ikev1/ikev2 decryption tables and ESP SAs) to a new file.",
    test_options,
    sizeof(test_options) / sizeof(test_options[0]),
    1,
    1,
    on_opt,
};

/* The key's bytes: the first line of a file, the environment or the
 * terminal with echo off. Never argv. 0, or -1 after an error line. */
static int read_psk(struct test_cli *o)
{
        size_t n = 0;
        if (o->psk_file) {
                FILE *f = fopen(o->psk_file, "r");
                if (!f)
                        return cli_error(&test_spec, "%s: %s", o->psk_file, strerror(errno));
                int c;
                while ((c = fgetc(f)) != EOF && c != '\n' && n <= INI_MAX_PSK)
                        o->psk[n++] = (uint8_t)c;
                fclose(f);
                if (n > INI_MAX_PSK)
                        return cli_error(&test_spec, "%s:1: the key is longer than %d bytes",
                                         o->psk_file, INI_MAX_PSK);
                if (n && o->psk[n - 1] == '\r')
                        n--;
                if (!n)
                        return cli_error(&test_spec, "%s:1: no key on the first line", o->psk_file);
        } else if (getenv(PSK_ENV)) {
                const char *e = getenv(PSK_ENV);
                n = strlen(e);
                if (!n || n > INI_MAX_PSK)
                        return cli_error(&test_spec, "$%s: 1 to %d bytes", PSK_ENV, INI_MAX_PSK);
                memcpy(o->psk, e, n);
        } else {
                int fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
                struct termios t, quiet;
                if (fd < 0 || tcgetattr(fd, &t))
                        return (fd >= 0 ? close(fd) : 0),
                               cli_error(&test_spec, "no key: give --psk-file FILE or set $%s",
                                         PSK_ENV);
                quiet = t;
                quiet.c_lflag &= ~(tcflag_t)ECHO;
                (void)!write(fd, "pre-shared key: ", 16);
                (void)tcsetattr(fd, TCSAFLUSH, &quiet);
                char c;
                while (read(fd, &c, 1) == 1 && c != '\n' && n <= INI_MAX_PSK)
                        o->psk[n++] = (uint8_t)c;
                (void)tcsetattr(fd, TCSAFLUSH, &t);
                (void)!write(fd, "\n", 1);
                close(fd);
                if (!n || n > INI_MAX_PSK)
                        return cli_error(&test_spec, "the key typed: 1 to %d bytes", INI_MAX_PSK);
        }
        o->p.psk = o->psk;
        o->p.psk_len = n;
        return 0;
}

int cmd_test(int argc, char **argv)
{
        struct test_cli *o = calloc(1, sizeof(*o));
        struct ini_result *r = calloc(1, sizeof(*r));
        struct cli_operands in = {0};
        struct findings fs;
        findings_init(&fs);
        json_t *extra = NULL;
        struct cli_out out = {stdout, NULL, NULL};
        struct ini_config cfg = {0};
        int rc = EXIT_INPUT;
        if (!o || !r) {
                cli_error(&test_spec, "out of memory");
                goto done;
        }
        o->fmt = REPORT_TEXT;
        o->fail_on = SEV_ERROR;
        ini_params_default(&o->p);
        switch (cli_parse(&test_spec, argc, argv, o, &in)) {
        case CLI_DONE:
                rc = EXIT_OK;
                goto done;
        case CLI_ERROR:
                goto done;
        case CLI_RUN:
                break;
        }
        if (o->v1 && o->v2) {
                cli_error(&test_spec, "--ikev1 and --ikev2: choose one");
                goto done;
        }
        if (o->config &&
            (o->have_local || o->have_remote || o->have_ike || o->have_esp || o->p.pfs)) {
                cli_error(&test_spec, "--config takes the networks, proposals and PFS from the "
                                      "device: no --local-net, --remote-net, --ike, --esp, --pfs");
                goto done;
        }
        if (o->peer && !o->config) {
                cli_error(&test_spec, "--peer goes with --config");
                goto done;
        }
        if (!o->config && (!o->have_local || !o->have_remote)) {
                cli_error(&test_spec, "--local-net and --remote-net are required (or --config)");
                goto done;
        }
        char err[160];
        if (!o->config && !o->have_ike &&
            ini_parse_ike("aes256-sha256-modp2048,aes256gcm16-prfsha256-ecp256", &o->p, err,
                          sizeof(err)))
                goto done;
        if (!o->config && !o->have_esp) {
                int pfs = o->p.pfs;
                if (ini_parse_esp("aes256-sha256,aes256gcm16", &o->p, err, sizeof(err)))
                        goto done;
                o->p.pfs = pfs;
        }
        o->p.host = in.v[0];
        if (!o->config && o->v1 && !o->p.nike1) {
                cli_error(&test_spec, "--ike: no proposal IKEv1 can offer (GCM is IKEv2 only)");
                goto done;
        }
        if (read_psk(o))
                goto done;
        if (o->config) {
                struct diag dg;
                int ver = ini_from_config(o->config, o->peer ? o->peer : o->p.host, o->v1, o->v2,
                                          &o->p, &cfg, &dg);
                if (ver < 0) {
                        fprintf(stderr, "ipsec-doctor: test: %s\n", dg.msg);
                        goto done;
                }
                o->v1 = ver == 1;
        }
        /* the keys file: refused before anything is sent if it exists */
        if (o->keys_file && !access(o->keys_file, F_OK)) {
                cli_error(&test_spec,
                          "--keys %s: the file exists (a new file is written, never "
                          "an old one replaced)",
                          o->keys_file);
                goto done;
        }
        int run = o->v1 ? initiator_run_v1(&o->p, r) : initiator_run_v2(&o->p, r);
        if (run) {
                cli_error(&test_spec, "%s: %s", o->p.host, r->error);
                goto done;
        }
        if (ini_verdict(&o->p, r, &fs, NULL) ||
            (o->config && ini_config_findings(&cfg, r, &fs, 0))) {
                cli_error(&test_spec, "out of memory");
                goto done;
        }
        findings_sort(&fs);
        if (o->keys_file && r->nkeys) {
                struct diag dg;
                if (ini_keys_write(o->keys_file, r, &dg)) {
                        fprintf(stderr, "ipsec-doctor: test: %s\n", dg.msg);
                        goto done;
                }
        }
        if (cli_out_open(&out, &test_spec, o->output, &in))
                goto done;
        struct report_opts ro = {
            .format = o->fmt, .command = "test", .explain = o->verbose, .ladders = true};
        int wr = 0;
        if (o->fmt == REPORT_JSON) {
                extra = json_object();
                json_t *tj = ini_json(&o->p, r, o->keys_file);
                if (o->config)
                        json_object_set_new(tj, "config", ini_config_json(&cfg));
                json_object_set_new(extra, "test", tj);
                ro.extra = extra;
        } else if (o->fmt == REPORT_TEXT) {
                if (o->config)
                        ini_config_text(out.f, &cfg);
                ini_text(out.f, &o->p, r, o->keys_file);
        }
        wr = report_findings(out.f, &fs, &ro);
        if (cli_out_close(&out, &test_spec, wr == 0) || wr)
                goto done;
        rc = report_exit_status(&fs, o->fail_on, true);
done:
        ini_config_free(&cfg);
        json_decref(extra);
        findings_free(&fs);
        if (r)
                OPENSSL_cleanse(r->keys, sizeof(r->keys));
        free(r);
        if (o)
                OPENSSL_cleanse(o->psk, sizeof(o->psk));
        free(o);
        cli_operands_free(&in);
        return rc;
}
