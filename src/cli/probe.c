/*
 * ipsec-doctor probe HOST [--format text|json] [-o FILE] [options]
 * Asks one live IKE responder what it accepts (src/probe/). HOST is one
 * numeric IPv4 or IPv6 address: no names, ranges or sweeps. Exit 0, 1
 * when a finding is at or above --fail-on, 2 on a usage error or when
 * nothing could be sent.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../ike/vocab.h"
#include "../probe/probe.h"
#include "../probe/probe_out.h"
#include "../util/diag.h"
#include "../report/report.h"
#include "args.h"
#include "cli.h"

struct probe_cli {
        struct probe_opts p;
        enum report_format fmt;
        const char *output;
        bool verbose;
        enum severity fail_on;
};

enum {
        O_FORMAT,
        O_OUTPUT,
        O_NO_V1,
        O_NO_V2,
        O_NO_AM,
        O_NO_4500,
        O_FIRST,
        O_AUTH,
        O_ID,
        O_SHOW_HASH,
        O_RATE,
        O_MAX_PACKETS,
        O_MAX_TIME,
        O_WAIT,
        O_TRIES,
        O_MAX_BYTES,
        O_VERBOSE,
        O_FAIL_ON,
};

static const struct cli_spec probe_spec;

static const struct cli_opt probe_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default) or json"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"no-ikev1", 0, NULL, "send no IKEv1 (Main Mode, Aggressive Mode)", O_NO_V1},
    {"no-ikev2", 0, NULL, "send no IKEv2 IKE_SA_INIT", O_NO_V2},
    {"no-aggressive", 0, NULL, "send no Aggressive Mode AM1", O_NO_AM},
    {"no-4500", 0, NULL, "send nothing to UDP 4500", O_NO_4500},
    {"first", 0, NULL, "stop at the first accepted proposal (no enumeration)", O_FIRST},
    {"auth", 0, "LIST",
     "IKEv1 authentication methods offered: psk (default), rsa, xauth-psk, xauth-rsa, "
     "comma-separated",
     O_AUTH},
    {"id", 0, "NAME", "Aggressive Mode identity (FQDN; default: the local address)", O_ID},
    {"show-hash", 0, NULL,
     "print Aggressive Mode's PSK hash as a psk-crack line (never without this)", O_SHOW_HASH},
    {"rate", 0, "N", "at most N packets per second (default 10, at most 100)", O_RATE},
    {"max-packets", 0, "N", "send at most N packets in all (default 400)", O_MAX_PACKETS},
    {"max-time", 0, "SECONDS", "stop after SECONDS (default 180)", O_MAX_TIME},
    {"wait", 0, "SECONDS", "first retransmission after SECONDS, doubling (default 1)", O_WAIT},
    {"tries", 0, "N", "transmissions of each request (default 3)", O_TRIES},
    {"max-bytes", 0, "N", "largest datagram, IP header included (default 1400)", O_MAX_BYTES},
    {"verbose", 'v', NULL, "list every exchange: what was sent, what came back", O_VERBOSE},
    {"fail-on", 0, "SEV", "exit 1 on findings at or above SEV: error (default), warning, info",
     O_FAIL_ON},
};

static int number(const char *opt, const char *v, double lo, double hi, double *out)
{
        char *end;
        errno = 0;
        double d = strtod(v, &end);
        if (errno || end == v || *end || d < lo || d > hi)
                return cli_error(&probe_spec, "%s %s: expected a number from %g to %g", opt, v, lo,
                                 hi);
        *out = d;
        return 0;
}

static int parse_auth(struct probe_cli *o, const char *v)
{
        static const struct {
                const char *name;
                uint16_t id;
        } m[] = {{"psk", IKEV1_AUTH_PSK},
                 {"rsa", IKEV1_AUTH_RSA_SIG},
                 {"xauth-psk", IKEV1_AUTH_XAUTH_INIT_PSK},
                 {"xauth-rsa", IKEV1_AUTH_XAUTH_INIT_RSA}};
        o->p.nauth = 0;
        const char *s = v;
        while (*s) {
                size_t n = strcspn(s, ",");
                bool ok = false;
                for (size_t i = 0; i < sizeof(m) / sizeof(m[0]) && !ok; i++)
                        if (strlen(m[i].name) == n && !strncmp(s, m[i].name, n)) {
                                if (o->p.nauth == 4)
                                        return cli_error(&probe_spec, "--auth %s: 4 at most", v);
                                o->p.auth[o->p.nauth++] = m[i].id;
                                ok = true;
                        }
                if (!ok)
                        return cli_error(&probe_spec,
                                         "--auth %s: expected psk, rsa, xauth-psk or xauth-rsa", v);
                s += n;
                if (*s == ',')
                        s++;
        }
        if (!o->p.nauth)
                return cli_error(&probe_spec, "--auth: empty list");
        return 0;
}

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        (void)rest;
        (void)nrest;
        struct probe_cli *o = ctx;
        double d = 0; /* number() sets it before any use; gcc -O3 cannot see that cli_error()
                         returns nonzero */
        switch (id) {
        case O_FORMAT:
                if (parse_format(v, &o->fmt, "probe", "text, json"))
                        return -1;
                if (o->fmt != REPORT_TEXT && o->fmt != REPORT_JSON)
                        return cli_error(&probe_spec, "--format %s: expected text or json", v);
                return 0;
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_NO_V1:
                o->p.v1 = o->p.am = false;
                return 0;
        case O_NO_V2:
                o->p.v2 = false;
                return 0;
        case O_NO_AM:
                o->p.am = false;
                return 0;
        case O_NO_4500:
                o->p.natt_port = false;
                return 0;
        case O_FIRST:
                o->p.enumerate = false;
                return 0;
        case O_AUTH:
                return parse_auth(o, v);
        case O_ID:
                if (!*v || strlen(v) > 255)
                        return cli_error(&probe_spec, "--id: 1 to 255 characters");
                o->p.id = v;
                o->p.id_type = IKEV1_ID_FQDN;
                return 0;
        case O_SHOW_HASH:
                o->p.show_hash = true;
                return 0;
        case O_RATE:
                if (number("--rate", v, 1, 100, &d))
                        return -1;
                o->p.rate = (unsigned)d;
                return 0;
        case O_MAX_PACKETS:
                if (number("--max-packets", v, 1, 10000, &d))
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
        case O_MAX_BYTES:
                if (number("--max-bytes", v, 576, 9000, &d))
                        return -1;
                o->p.max_bytes = (size_t)d;
                return 0;
        case O_VERBOSE:
                o->verbose = true;
                return 0;
        case O_FAIL_ON:
                if (!severity_parse(v, &o->fail_on))
                        return cli_error(&probe_spec,
                                         "--fail-on %s: expected error, warning or info", v);
                return 0;
        }
        return 0;
}

static const struct cli_spec probe_spec = {
    "probe",
    "HOST",
    "Ask one live IKE responder what it accepts, as ike-scan does. HOST is one numeric IPv4 or\n"
    "IPv6 address; nothing is sent anywhere else. What is sent, from one UDP socket connected to\n"
    "HOST port 500 (and one to port 4500), each request retransmitted after 1, 2, 4 s (--wait,\n"
    "--tries), at most --rate packets per second, --max-packets in all, for --max-time:\n"
    "  1. IKEv1 Main Mode MM1 offering AES-CBC-256/192/128, 3DES, DES x SHA2-512/384/256, SHA-1,\n"
    "     MD5 x DH groups 21, 20, 19, 16, 15, 14, 5, 2, 1 x --auth (PSK), lifetime 28800 s, with\n"
    "     the NAT-T, DPD and fragmentation vendor IDs, split into datagrams under --max-bytes;\n"
    "     each accepted transform is removed and the rest offered again until every one is\n"
    "     refused (k accepted: k + packets round trips; ike-scan needs one per transform);\n"
    "  2. IKEv2 IKE_SA_INIT (two proposals: AES-GCM-16/ChaCha20-Poly1305; AES-CBC, 3DES, DES\n"
    "     with HMAC-SHA2/SHA1/MD5; PRFs SHA2/SHA1/MD5; groups 21, 20, 19, 31, 18-14, 5, 2, 1),\n"
    "     a real DH public value, NAT-D notifies, FRAGMENTATION_SUPPORTED; COOKIE and\n"
    "     INVALID_KE_PAYLOAD followed; then per transform type, the accepted values removed\n"
    "     until NO_PROPOSAL_CHOSEN;\n"
    "  3. one IKEv1 Aggressive Mode AM1 (the group of an accepted transform, KE, nonce, ID);\n"
    "     a PSK answer exposes a crackable hash: said, never printed without --show-hash;\n"
    "  4. one request to UDP 4500 (non-ESP marker).\n"
    "No exchange goes past the first reply: no key is derived, no SA is completed.",
    probe_options,
    sizeof(probe_options) / sizeof(probe_options[0]),
    1,
    1,
    on_opt,
};

int cmd_probe(int argc, char **argv)
{
        struct probe_cli o = {.fmt = REPORT_TEXT, .fail_on = SEV_ERROR};
        probe_opts_default(&o.p);
        struct cli_operands in = {0};
        switch (cli_parse(&probe_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        int rc = EXIT_INPUT;
        o.p.host = in.v[0];
        struct probe_result *r = calloc(1, sizeof(*r));
        struct findings fs;
        findings_init(&fs);
        json_t *extra = NULL;
        struct cli_out out = {stdout, NULL, NULL};
        if (!r) {
                cli_error(&probe_spec, "out of memory");
                goto done;
        }
        if (probe_run(&o.p, r)) {
                cli_error(&probe_spec, "%s: %s", o.p.host, r->error);
                goto done;
        }
        if (probe_findings(r, &fs)) {
                cli_error(&probe_spec, "out of memory");
                goto done;
        }
        findings_sort(&fs);
        if (cli_out_open(&out, &probe_spec, o.output, &in))
                goto done;
        struct report_opts ro = {.format = o.fmt, .command = "probe", .nfiles = 0};
        int wr = 0;
        if (o.fmt == REPORT_JSON) {
                extra = json_object();
                json_object_set_new(extra, "probe", probe_json(r, &o.p));
                ro.extra = extra;
                wr = report_findings(out.f, &fs, &ro);
        } else {
                probe_text(out.f, r, &o.p, o.verbose);
                if (fs.list.n) {
                        fputc('\n', out.f);
                        wr = report_findings(out.f, &fs, &ro);
                }
        }
        if (cli_out_close(&out, &probe_spec, wr == 0) || wr)
                goto done;
        rc = report_exit_status(&fs, o.fail_on, false);
done:
        json_decref(extra);
        findings_free(&fs);
        free(r);
        cli_operands_free(&in);
        return rc;
}
