/*
 * ipsec-doctor tunnel A B [--initiator B|--both] [--flow SRC DST [PROTO [PORT]]]
 *                         [--block udp500|udp4500|esp] [--nat] [--fix]
 *                         [--format text|json|sarif|gcc]
 * Plays the negotiation between two configs. Exit 0 when every played
 * direction establishes and no error finding remains, 1 otherwise, 2 on
 * usage or input errors.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config/config.h"
#include "../config/lex.h"
#include "../negotiate/pair.h"
#include "../report/report.h"
#include "../report/tunnel_text.h"
#include "cli.h"

struct tunnel_opts {
        const char *files[2];
        size_t nfiles;
        const char *initiator;
        bool both, fix;
        struct flow_opt flow;
        struct path_opts path;
        enum out_format fmt;
        enum color_mode color;
        bool explain;
};

#define REPLAY_MAX 8 /* one edit per failing stage; more means a fix that does not fix */

static int usage_err(const char *msg, const char *arg)
{
        fprintf(stderr, "ipsec-doctor tunnel: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
        return -1;
}

static int parse_block(const char *s, struct path_opts *p)
{
        static const struct {
                const char *name;
                size_t off;
        } t[] = {{"udp500", offsetof(struct path_opts, block500)},
                 {"udp4500", offsetof(struct path_opts, block4500)},
                 {"esp", offsetof(struct path_opts, blockesp)}};
        for (size_t i = 0; s && i < sizeof(t) / sizeof(t[0]); i++)
                if (!strcmp(s, t[i].name)) {
                        *(bool *)((char *)p + t[i].off) = true;
                        return 0;
                }
        return usage_err("--block: expected udp500, udp4500 or esp, got", s ? s : "nothing");
}

static bool parse_proto(const char *s, uint8_t *out)
{
        static const struct {
                const char *name;
                uint8_t p;
        } t[] = {{"ip", 0}, {"icmp", PROTO_ICMP}, {"tcp", PROTO_TCP}, {"udp", PROTO_UDP}};
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (!strcmp(s, t[i].name)) {
                        *out = t[i].p;
                        return true;
                }
        uint32_t v;
        if (lex_u32(s, 0, 255, &v)) {
                *out = (uint8_t)v;
                return true;
        }
        return false;
}

/* --flow SRC DST [PROTO [PORT]]: the optional words are taken while they parse. */
static int parse_flow(int argc, char **argv, int *i, struct flow_opt *f)
{
        if (*i + 2 >= argc || !lex_ipv4(argv[*i + 1], &f->src) || !lex_ipv4(argv[*i + 2], &f->dst))
                return usage_err("--flow needs SRC DST addresses", NULL);
        f->set = true;
        *i += 2;
        if (*i + 1 < argc && parse_proto(argv[*i + 1], &f->proto)) {
                (*i)++;
                uint32_t port;
                if (*i + 1 < argc && lex_u32(argv[*i + 1], 0, 65535, &port))
                        f->port = (uint16_t)port, (*i)++;
        }
        return 0;
}

static int parse_opt(int argc, char **argv, int *i, struct tunnel_opts *o)
{
        const char *a = argv[*i];
        const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;
        if (!strcmp(a, "--both"))
                o->both = true;
        else if (!strcmp(a, "--fix"))
                o->fix = true;
        else if (!strcmp(a, "--nat"))
                o->path.nat = true;
        else if (!strcmp(a, "--explain") || !strcmp(a, "--verbose"))
                o->explain = true;
        else if (!strcmp(a, "--color") && val)
                return (*i)++, parse_color(val, &o->color);
        else if (!strcmp(a, "--flow"))
                return parse_flow(argc, argv, i, &o->flow);
        else if (!strcmp(a, "--initiator") && val)
                o->initiator = val, (*i)++;
        else if (!strcmp(a, "--block") && val)
                return (*i)++, parse_block(val, &o->path);
        else if (!strcmp(a, "--format") && val)
                return (*i)++, parse_format(val, &o->fmt, "text, json, sarif, gcc");
        else
                return usage_err("unknown option or missing value", a);
        return 0;
}

static int parse_args(int argc, char **argv, struct tunnel_opts *o)
{
        for (int i = 1; i < argc; i++) {
                if (!strcmp(argv[i], "-v")) {
                        o->explain = true;
                } else if (argv[i][0] == '-' && argv[i][1] == '-') {
                        if (parse_opt(argc, argv, &i, o))
                                return -1;
                } else if (o->nfiles < 2) {
                        o->files[o->nfiles++] = argv[i];
                } else {
                        return usage_err("expects exactly two configs; extra:", argv[i]);
                }
        }
        if (o->nfiles != 2)
                return usage_err("expects two configs: tunnel A B", NULL);
        return 0;
}

/* --initiator names the second config by file or hostname. */
static bool second_initiates(const struct tunnel_opts *o, struct device *const d[2])
{
        if (!o->initiator)
                return false;
        const char *b = device_label(d[1]);
        return !strcmp(o->initiator, o->files[1]) || !strcmp(o->initiator, b);
}

/* Plays ini -> resp; with --fix, replays after each edit. */
static int play_dir(const struct tunnel_opts *o, struct device *ini, struct device *resp,
                    struct findings *fs)
{
        struct pair p;
        struct tunnel_result *r;
        int rc =
            pair_build(&p, ini, device_label(ini), resp, device_label(resp), &o->flow, &o->path);
        if (!rc)
                rc = pair_play(&p, fs, &r);
        if (!rc && o->fix && r->status != TUN_ESTABLISHED) {
                struct findings scratch;
                findings_init(&scratch);
                struct tunnel_result *last = NULL;
                for (int n = 0; n < REPLAY_MAX && !rc; n++) {
                        const struct tunnel_result *cur = last ? last : r;
                        int e = pair_apply_fix(&p, cur);
                        if (e <= 0) {
                                rc = e;
                                break;
                        }
                        rc = pair_play(&p, &scratch, &last);
                        if (!rc && last->status == TUN_ESTABLISHED)
                                break;
                }
                /* The replay's result moves into fs's arena via a fresh play there. */
                if (!rc && last) {
                        size_t nf = fs->list.n;
                        rc = pair_play(&p, fs, &r->after_fix);
                        fs->tunnels.n--; /* listed under its original, not as a tunnel of its own */
                        fs->list.n = nf; /* the replay's remaining findings are not new findings */
                }
                findings_free(&scratch);
        }
        pair_free(&p);
        return rc;
}

static void print_text(const struct findings *fs, bool fix)
{
        for (size_t i = 0; i < fs->tunnels.n; i++) {
                const struct tunnel_result *t = fs->tunnels.v[i];
                report_tunnel_text(stdout, t);
                if (fix && t->after_fix) {
                        printf("\n  after --fix (replayed on edited copies):\n");
                        report_tunnel_text(stdout, t->after_fix);
                        if (t->after_fix->status != TUN_ESTABLISHED)
                                printf("  the proposed fixes do NOT make it establish: this is a "
                                       "bug in "
                                       "ipsec-doctor's fixes or a problem no config edit solves\n");
                } else if (fix && t->status != TUN_ESTABLISHED) {
                        printf("\n  --fix: no config edit of these findings changes the outcome\n");
                }
                printf("\n");
        }
}

static int exit_code(const struct findings *fs)
{
        for (size_t i = 0; i < fs->tunnels.n; i++)
                if (((const struct tunnel_result *)fs->tunnels.v[i])->status != TUN_ESTABLISHED)
                        return EXIT_FINDINGS;
        for (size_t i = 0; i < fs->list.n; i++)
                if (((const struct finding *)fs->list.v[i])->severity == SEV_ERROR)
                        return EXIT_FINDINGS;
        return EXIT_OK;
}

static int run(const struct tunnel_opts *o, struct device *d[2], struct findings *fs)
{
        bool swap = second_initiates(o, d);
        if (play_dir(o, d[swap], d[!swap], fs))
                return -1;
        if (o->both && play_dir(o, d[!swap], d[swap], fs))
                return -1;
        return 0;
}

int cmd_tunnel(int argc, char **argv)
{
        struct tunnel_opts o = {.fmt = FMT_TEXT};
        if (parse_args(argc, argv, &o))
                return EXIT_INPUT;
        struct device *d[2] = {NULL, NULL};
        struct diag err;
        for (int i = 0; i < 2; i++)
                if (config_read(o.files[i], PLAT_UNKNOWN, &d[i], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        model_free(d[0]);
                        return EXIT_INPUT;
                }
        struct findings fs;
        findings_init(&fs);
        int rc = EXIT_INPUT;
        if (run(&o, d, &fs)) {
                fprintf(stderr, "ipsec-doctor: out of memory while playing the tunnel\n");
                goto out;
        }
        findings_sort(&fs);
        if (o.fmt == FMT_TEXT)
                print_text(&fs, o.fix);
        static const enum report_format map[] = {REPORT_TEXT, REPORT_JSON, REPORT_SARIF,
                                                 REPORT_GCC};
        struct report_opts ro = {.format = map[o.fmt],
                                 .command = "tunnel",
                                 .color = color_wanted(o.color, STDOUT_FILENO),
                                 .explain = o.explain,
                                 .nfiles = 2};
        if (report_findings(stdout, &fs, &ro)) {
                fprintf(stderr, "ipsec-doctor: cannot write the report\n");
                goto out;
        }
        rc = exit_code(&fs);
out:
        findings_free(&fs);
        model_free(d[0]);
        model_free(d[1]);
        return rc;
}
