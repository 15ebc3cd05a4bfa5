/*
 * ipsec-doctor trace CONFIG --src IP --dst IP [--proto P] [--port N]
 *                    [--sport N] [--in IFNAME] [--format text|json] [--platform P]
 * One packet through one device, phase by phase (trace/trace.h). Exit 0
 * when the packet is allowed, 1 when it is dropped, leaves in clear while a
 * crypto map entry was meant for it, or the trace found an error-level
 * diagnosis; 2 on usage or input errors.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../config/lex.h"
#include "../trace/trace.h"
#include "cli.h"

#define ME "ipsec-doctor trace"

/* ASA packet-tracer's usual ephemeral source port when none is given. */
#define DEFAULT_SPORT 1025

struct trace_opts {
        enum out_format fmt;
        enum platform force;
        const char *src, *dst, *proto, *port, *sport, *in;
};

static int parse_opts(int argc, char **argv, struct trace_opts *o)
{
        static const struct option longopts[] = {
            {"src", required_argument, NULL, 's'},
            {"dst", required_argument, NULL, 'd'},
            {"proto", required_argument, NULL, 'P'},
            {"port", required_argument, NULL, 'p'},
            {"sport", required_argument, NULL, 'S'},
            {"in", required_argument, NULL, 'i'},
            {"format", required_argument, NULL, 'f'},
            {"platform", required_argument, NULL, 'L'},
            {NULL, 0, NULL, 0},
        };
        int ch;
        optind = 1;
        opterr = 0;
        /* No "+": the config may come before the options, as in the usage line. */
        while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
                switch (ch) {
                case 's':
                        o->src = optarg;
                        break;
                case 'd':
                        o->dst = optarg;
                        break;
                case 'P':
                        o->proto = optarg;
                        break;
                case 'p':
                        o->port = optarg;
                        break;
                case 'S':
                        o->sport = optarg;
                        break;
                case 'i':
                        o->in = optarg;
                        break;
                case 'f':
                        if (parse_format(optarg, &o->fmt, "text, json"))
                                return -1;
                        break;
                case 'L':
                        if (parse_platform(optarg, &o->force))
                                return -1;
                        break;
                default:
                        fprintf(stderr, ME ": unknown option or missing value '%s'\n",
                                argv[optind - 1]);
                        return -1;
                }
        }
        return 0;
}

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

static int run(const struct device *dev, const struct trace_packet *p, enum out_format fmt)
{
        struct findings fs;
        struct trace t;
        findings_init(&fs);
        int rc = EXIT_INPUT;
        if (trace_run(dev, p, &t, &fs)) {
                fprintf(stderr, "ipsec-doctor: %s: out of memory while tracing\n", dev->file);
                goto out;
        }
        findings_sort(&fs);
        if ((fmt == FMT_JSON ? trace_print_json : trace_print_text)(stdout, &t, &fs)) {
                fprintf(stderr, "ipsec-doctor: cannot write the trace\n");
                goto out;
        }
        size_t n[3];
        findings_count(&fs, n);
        rc = t.dropped || t.expected_crypto || n[SEV_ERROR] ? EXIT_FINDINGS : EXIT_OK;
out:
        findings_free(&fs);
        return rc;
}

int cmd_trace(int argc, char **argv)
{
        struct trace_opts o = {FMT_TEXT, PLAT_UNKNOWN, NULL, NULL, NULL, NULL, NULL, NULL};
        struct trace_packet p;
        if (parse_opts(argc, argv, &o) || parse_packet(&o, &p))
                return EXIT_INPUT;
        if (optind >= argc || optind + 1 < argc) {
                fprintf(stderr, ME ": give exactly one config file\n");
                return EXIT_INPUT;
        }
        struct device *dev;
        struct diag err;
        if (config_read(argv[optind], o.force, &dev, &err)) {
                fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                return EXIT_INPUT;
        }
        int rc = EXIT_INPUT;
        if (o.in && !trace_find_iface(dev, o.in))
                fprintf(stderr, ME ": --in: %s has no interface named '%s'\n", argv[optind], o.in);
        else
                rc = run(dev, &p, o.fmt);
        model_free(dev);
        return rc;
}
