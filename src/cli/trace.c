/*
 * ipsec-doctor trace CONFIG --src IP --dst IP [--proto P] [--port N]
 *                    [--sport N] [--in IFNAME] [--format text|json] [--platform P]
 * One packet through one device, phase by phase (trace/trace.h). Exit 0
 * when the packet is allowed, 1 when it is dropped, leaves in clear while a
 * crypto map entry was meant for it, or the trace found an error-level
 * diagnosis; 2 on usage or input errors.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../config/lex.h"
#include "../trace/trace.h"
#include "args.h"
#include "cli.h"

#define ME "ipsec-doctor: trace"

/* ASA packet-tracer's usual ephemeral source port when none is given. */
#define DEFAULT_SPORT 1025

struct trace_opts {
        enum report_format fmt;
        enum platform force;
        const char *src, *dst, *proto, *port, *sport, *in;
        const char *output;
};

enum { O_SRC, O_DST, O_PROTO, O_PORT, O_SPORT, O_IN, O_FORMAT, O_OUTPUT, O_PLATFORM };

static const struct cli_opt trace_options[] = {
    {"src", 0, "IP", "the packet's source address (required)", O_SRC},
    {"dst", 0, "IP", "the packet's destination address (required)", O_DST},
    {"proto", 0, "P", "icmp (default), tcp, udp, a name or a number", O_PROTO},
    {"port", 0, "N", "tcp/udp destination port (required with tcp and udp)", O_PORT},
    {"sport", 0, "N", "tcp/udp source port (default 1025)", O_SPORT},
    {"in", 0, "IF", "the interface the packet arrives on (default: by route)", O_IN},
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json or html"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"platform", 0, "P", "read the config as ios, asa or pix (default: detected)", O_PLATFORM},
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct trace_opts *o = ctx;
        (void)rest;
        (void)nrest;
        switch (id) {
        case O_SRC:
                o->src = v;
                return 0;
        case O_DST:
                o->dst = v;
                return 0;
        case O_PROTO:
                o->proto = v;
                return 0;
        case O_PORT:
                o->port = v;
                return 0;
        case O_SPORT:
                o->sport = v;
                return 0;
        case O_IN:
                o->in = v;
                return 0;
        case O_FORMAT:
                return parse_format(v, &o->fmt, "trace", "text, json, html");
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_PLATFORM:
                return parse_platform(v, &o->force, "trace");
        }
        return -1;
}

static const struct cli_spec trace_spec = {
    "trace",
    "CONFIG --src IP --dst IP",
    "Follow one packet through one device, phase by phase, like the ASA's packet-tracer.",
    trace_options,
    sizeof(trace_options) / sizeof(trace_options[0]),
    1,
    1,
    on_opt,
};

static int parse_ip(const char *opt, const char *s, uint32_t *out)
{
        if (s && lex_ipv4(s, out))
                return 0;
        if (!s)
                fprintf(stderr, ME ": %s is required\n", opt);
        else
                fprintf(stderr, ME ": %s: '%s' is not an IPv4 address\n", opt, s);
        return -1;
}

static int parse_port(const char *opt, const char *s, uint16_t *out)
{
        int v = lex_port(s);
        if (v < 0 || v > 65535) {
                fprintf(stderr, ME ": %s: '%s' is not a port name or a number 0-65535\n", opt, s);
                return -1;
        }
        *out = (uint16_t)v;
        return 0;
}

/* --proto: one IP protocol (a packet has exactly one, so not "ip"). */
static int parse_proto(const struct trace_opts *o, struct trace_packet *p)
{
        int v = o->proto ? lex_protocol(o->proto) : PROTO_ICMP;
        if (v < 0 || v > 255) {
                fprintf(stderr, ME ": --proto: '%s' is not a protocol name or a number 0-255%s\n",
                        o->proto,
                        v == -2 ? " (a packet has one protocol: tcp, udp, icmp, ...)" : "");
                return -1;
        }
        p->proto = (uint8_t)v;
        bool ports = v == PROTO_TCP || v == PROTO_UDP;
        if (!ports && (o->port || o->sport)) {
                fprintf(stderr, ME ": --port and --sport apply to tcp and udp only\n");
                return -1;
        }
        if (ports && !o->port) {
                fprintf(stderr, ME ": --proto %s needs --port N (the destination port)\n",
                        o->proto);
                return -1;
        }
        p->sport = ports ? DEFAULT_SPORT : 0;
        if (ports && parse_port("--port", o->port, &p->dport))
                return -1;
        return o->sport ? parse_port("--sport", o->sport, &p->sport) : 0;
}

static int parse_packet(const struct trace_opts *o, struct trace_packet *p)
{
        memset(p, 0, sizeof(*p));
        if (parse_ip("--src", o->src, &p->src) || parse_ip("--dst", o->dst, &p->dst))
                return -1;
        p->in = o->in;
        return parse_proto(o, p);
}

static int run(const struct device *dev, const struct trace_packet *p, const struct trace_opts *o,
               const struct cli_operands *inputs)
{
        struct findings fs;
        struct trace t;
        findings_init(&fs);
        int rc = EXIT_INPUT;
        struct cli_out out;
        if (trace_run(dev, p, &t, &fs)) {
                cli_error(&trace_spec, "%s: out of memory while tracing", dev->file);
                goto out;
        }
        findings_sort(&fs);
        if (cli_out_open(&out, &trace_spec, o->output, inputs))
                goto out;
        struct report_opts ro = {.format = o->fmt, .command = "trace", .nfiles = 1};
        int wr = report_emitter(o->fmt)->trace(out.f, &t, &fs, &ro);
        if (cli_out_close(&out, &trace_spec, wr == 0) || wr)
                goto out;
        size_t n[3];
        findings_count(&fs, n);
        rc = t.dropped || t.expected_crypto || n[SEV_ERROR] ? EXIT_FINDINGS : EXIT_OK;
out:
        findings_free(&fs);
        return rc;
}

int cmd_trace(int argc, char **argv)
{
        struct trace_opts o = {.fmt = REPORT_TEXT, .force = PLAT_UNKNOWN};
        struct trace_packet p;
        struct cli_operands in;
        switch (cli_parse(&trace_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        int rc = EXIT_INPUT;
        struct device *dev = NULL;
        struct diag err;
        if (parse_packet(&o, &p))
                goto out;
        if (config_read(in.v[0], o.force, &dev, &err)) {
                fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                goto out;
        }
        if (o.in && !trace_find_iface(dev, o.in))
                cli_error(&trace_spec, "--in: %s has no interface named '%s'", in.v[0], o.in);
        else
                rc = run(dev, &p, &o, &in);
out:
        model_free(dev);
        cli_operands_free(&in);
        return rc;
}
