/*
 * ipsec-doctor tunnel A B [NAT] [--initiator B|--both] [--flow SRC DST [PROTO [PORT]]]
 *                         [--block udp500|udp4500|esp] [--nat [OUTSIDE=INSIDE]] [--fix]
 *                         [--format text|json|sarif|gcc]
 * Plays the negotiation between two configs. Exit 0 when every played
 * direction establishes and no error finding remains, 1 otherwise, 2 on
 * usage or input errors.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../config/config.h"
#include "../config/lex.h"
#include "../negotiate/discover.h"
#include "../negotiate/nat_path.h"
#include "../negotiate/pair.h"
#include "../report/report.h"
#include "args.h"
#include "cli.h"
#include "fix_replay.h"

struct tunnel_opts {
        const char *files[3]; /* A, B and the NAT device between them */
        size_t nfiles;
        const char *initiator;
        bool both, fix;
        struct flow_opt flow;
        struct path_opts path;
        enum report_format fmt;
        enum color_mode color;
        bool explain;
        const char *output;
};

#define REPLAY_MAX 8 /* one edit per failing stage; more means a fix that does not fix */

static const struct cli_spec tunnel_spec;

static int usage_err(const char *msg, const char *arg)
{
        return cli_error(&tunnel_spec, "%s%s%s", msg, arg ? " " : "", arg ? arg : "");
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

/* --flow SRC DST [PROTO [PORT]]: the optional words are taken while they
 * parse. Returns how many words of rest it used, or -1. */
static int parse_flow(char **rest, int nrest, struct flow_opt *f)
{
        if (nrest < 2 || !lex_ipv4(rest[0], &f->src) || !lex_ipv4(rest[1], &f->dst))
                return usage_err("--flow needs SRC DST addresses", NULL);
        f->set = true;
        int used = 2;
        if (used < nrest && parse_proto(rest[used], &f->proto)) {
                used++;
                uint32_t port;
                if (used < nrest && lex_u32(rest[used], 0, 65535, &port))
                        f->port = (uint16_t)port, used++;
        }
        return used;
}

/* --nat [OUTSIDE=INSIDE]: a word of two addresses joined by '=' is a static
 * translation (nat_path.c); without one, a PAT between the peers. Returns
 * how many words of rest it used, or -1. */
static int parse_nat(char **rest, int nrest, struct path_opts *p)
{
        const char *w = nrest > 0 ? rest[0] : NULL, *eq = w ? strchr(w, '=') : NULL;
        char out[64];
        uint32_t o, i;
        if (!eq || eq[1] == '-' || (size_t)(eq - w) >= sizeof(out)) {
                p->nat = true;
                return 0;
        }
        memcpy(out, w, (size_t)(eq - w));
        out[eq - w] = '\0';
        if (!lex_ipv4(out, &o) || !lex_ipv4(eq + 1, &i))
                return usage_err("--nat: expected OUTSIDE=INSIDE (two IPv4 addresses), got", w);
        if (path_add_nat(p, o, i, NULL, "--nat"))
                return usage_err("--nat: too many translations, or OUTSIDE given twice:", w);
        return 1;
}

enum { O_FORMAT, O_OUTPUT, O_INITIATOR, O_BOTH, O_FLOW, O_BLOCK, O_NAT, O_FIX, O_COLOR, O_EXPLAIN };

static const struct cli_opt tunnel_options[] = {
    CLI_OPT_FORMAT(O_FORMAT, "text (default), json, sarif, gcc or html"),
    CLI_OPT_OUTPUT(O_OUTPUT),
    {"initiator", 0, "A|B", "which end starts: A (default) or B, by file or hostname", O_INITIATOR},
    {"both", 0, NULL, "play both directions", O_BOTH},
    {"flow", 0, "*SRC DST [PROTO [PORT]]", "the packet that triggers the tunnel", O_FLOW},
    {"block", 0, "WHAT", "drop udp500, udp4500 or esp on the path", O_BLOCK},
    {"nat", 0, "*[OUTSIDE=INSIDE]", "NAT between the peers: PAT alone, or a static NAT", O_NAT},
    {"fix", 0, NULL, "replay with the printed fixes applied to copies", O_FIX},
    CLI_OPT_COLOR(O_COLOR),
    CLI_OPT_EXPLAIN(O_EXPLAIN),
    {"verbose", 'v', NULL, "the same as --explain", O_EXPLAIN},
};

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct tunnel_opts *o = ctx;
        switch (id) {
        case O_FORMAT:
                return parse_format(v, &o->fmt, "tunnel", "text, json, sarif, gcc, html");
        case O_OUTPUT:
                o->output = v;
                return 0;
        case O_INITIATOR:
                o->initiator = v;
                return 0;
        case O_BOTH:
                o->both = true;
                return 0;
        case O_FLOW:
                return parse_flow(rest, nrest, &o->flow);
        case O_BLOCK:
                return parse_block(v, &o->path);
        case O_NAT:
                return parse_nat(rest, nrest, &o->path);
        case O_FIX:
                o->fix = true;
                return 0;
        case O_COLOR:
                return parse_color(v, &o->color, "tunnel");
        case O_EXPLAIN:
                o->explain = true;
                return 0;
        }
        return -1;
}

static const struct cli_spec tunnel_spec = {
    "tunnel",
    "A B [NAT]",
    "Play the IKE negotiation between two configs, step by step (NAT: a static NAT between).",
    tunnel_options,
    sizeof(tunnel_options) / sizeof(tunnel_options[0]),
    2,
    3,
    on_opt,
};

/* --initiator names one of the configs by its file, its hostname, or the
 * letters of the usage line (A, B). Sets *second; -1 (an error printed)
 * when it names neither. */
static int second_initiates(const struct tunnel_opts *o, struct device *const d[2], bool *second)
{
        *second = false;
        if (!o->initiator)
                return 0;
        for (int i = 0; i < 2; i++) {
                const char *letter = i ? "B" : "A";
                if (!strcmp(o->initiator, o->files[i]) || !strcmp(o->initiator, letter) ||
                    !strcmp(o->initiator, device_label(d[i]))) {
                        *second = i == 1;
                        return 0;
                }
        }
        return cli_error(&tunnel_spec,
                         "--initiator: '%s' is neither %s (%s) nor %s (%s); name a config by file, "
                         "hostname, A or B",
                         o->initiator, o->files[0], device_label(d[0]), o->files[1],
                         device_label(d[1]));
}

/* The flow that plays choice c (NULL: the default search) in d, a model of
 * the initiator's config: the original or --fix's copy of it. */
static struct flow_opt flow_for(const struct tunnel_opts *o, const struct tun_choice *c,
                                const struct device *d)
{
        struct flow_opt f = o->flow;
        struct tun_choice in_d;
        if (c && tun_choice_rebind(c, d, &in_d))
                tun_choice_flow(&in_d, &f);
        return f;
}

/*
 * --fix: the fixes printed for this direction pasted into copies of both
 * configs through `apply`'s path, and the tunnel played again. When that
 * stops at a later stage, its findings (and fixes) are reported too and
 * pasted as well: everything the replay uses is printed.
 */
static int replay_fix(const struct tunnel_opts *o, struct device *const orig[2],
                      const struct tun_choice *c, struct findings *fs, size_t first,
                      struct tunnel_result *r, struct device *keep[2])
{
        struct fix_text t[2] = {{0}, {0}};
        struct device *d[2] = {NULL, NULL};
        const char *lab[2] = {device_label(orig[0]), device_label(orig[1])};
        int rc = 0;
        size_t from = first;
        for (int round = 0; round < REPLAY_MAX && !rc; round++) {
                int added = 0;
                for (int k = 0; k < 2 && added >= 0; k++) {
                        int n = fix_collect(fs, from, fs->list.n, lab[k], &t[k]);
                        added = n < 0 ? n : added + n;
                }
                if (added <= 0) {
                        rc = added;
                        if (round > 0)
                                fs->list.n = from; /* the same findings again */
                        break;
                }
                struct diag err;
                for (int k = 0; k < 2 && !rc; k++) {
                        model_free(d[k]);
                        d[k] = NULL;
                        if (fix_reread(orig[k], &t[k], &d[k], &err)) {
                                fprintf(stderr, "ipsec-doctor: --fix: %s\n", err.msg);
                                rc = 1;
                        }
                }
                struct pair p;
                struct tunnel_result *last = NULL;
                struct flow_opt f = rc ? o->flow : flow_for(o, c, d[0]);
                if (!rc && !(rc = pair_build(&p, d[0], lab[0], d[1], lab[1], &f, &o->path))) {
                        from = fs->list.n;
                        rc = pair_play(&p, fs, &last);
                        if (!rc) {
                                fs->tunnels.n--; /* listed under its original */
                                r->after_fix = last;
                                if (last->status == TUN_ESTABLISHED)
                                        fs->list.n = from;
                        }
                }
                pair_free(&p);
                if (!rc && last && last->status == TUN_ESTABLISHED)
                        break;
        }
        for (int k = 0; k < 2; k++) {
                fix_text_free(&t[k]);
                keep[k] = d[k]; /* r->after_fix points into them */
        }
        return rc > 0 ? 0 : rc;
}

/* Plays one tunnel ini -> resp (c, or the default search when NULL); with
 * --fix, replays the printed fixes. */
static int play_one(const struct tunnel_opts *o, struct device *ini, struct device *resp,
                    const struct tun_choice *c, struct findings *fs, struct device *keep[2])
{
        struct pair p;
        struct tunnel_result *r;
        size_t first = fs->list.n;
        struct flow_opt f = flow_for(o, c, ini);
        int rc = pair_build(&p, ini, device_label(ini), resp, device_label(resp), &f, &o->path);
        if (!rc)
                rc = pair_play(&p, fs, &r);
        pair_free(&p);
        if (!rc && o->fix && r->status != TUN_ESTABLISHED) {
                struct device *const orig[2] = {ini, resp};
                rc = replay_fix(o, orig, c, fs, first, r, keep);
        }
        return rc;
}

/* Plays ini -> resp: every tunnel ini has towards resp (several crypto map
 * entries for that peer, tunnel interfaces), one tunnels[] entry each; the
 * one --flow selects when given. keep: 2 slots per tunnel. */
static int play_dir(const struct tunnel_opts *o, struct device *ini, struct device *resp,
                    struct findings *fs, struct device **keep)
{
        struct tun_choice c[TUN_CHOICES_MAX];
        size_t n = o->flow.set ? 0 : tunnels_to(ini, resp, &o->path, c, TUN_CHOICES_MAX);
        if (n < 2)
                return play_one(o, ini, resp, NULL, fs, keep);
        for (size_t k = 0; k < n; k++)
                if (play_one(o, ini, resp, &c[k], fs, keep + 2 * k))
                        return -1;
        return 0;
}

#define KEEP_MAX (2 * 2 * TUN_CHOICES_MAX) /* --both, 2 copies per tunnel */

/* keep: the fixed copies of --fix, which the findings point into. */
static int run(const struct tunnel_opts *o, struct device *d[2], bool swap, struct findings *fs,
               struct device *keep[KEEP_MAX])
{
        if (play_dir(o, d[swap], d[!swap], fs, keep))
                return -1;
        if (o->both && play_dir(o, d[!swap], d[swap], fs, keep + KEEP_MAX / 2))
                return -1;
        return 0;
}

/* The same file twice (by name or inode), or two configs neither of which
 * names the other as a peer: nothing to play, said plainly (exit 2). */
static int check_pair(const struct tunnel_opts *o, struct device *const d[2])
{
        struct stat a, b;
        if (!strcmp(o->files[0], o->files[1]) ||
            (!stat(o->files[0], &a) && !stat(o->files[1], &b) && a.st_dev == b.st_dev &&
             a.st_ino == b.st_ino))
                return cli_error(&tunnel_spec, "%s is given twice: a tunnel needs two configs",
                                 o->files[0]);
        char why[700];
        if (!pair_connected_path(d[0], d[1], &o->path) &&
            (tun_unaddressed_why(d[0], d[1], why, sizeof(why)) ||
             tun_unaddressed_why(d[1], d[0], why, sizeof(why))))
                return cli_error(&tunnel_spec, "no tunnel can be played: %s", why);
        if (!pair_connected_path(d[0], d[1], &o->path))
                return cli_error(&tunnel_spec,
                                 "no tunnel between these configs: neither %s (%s) nor %s (%s) "
                                 "names an address of the other as its peer",
                                 o->files[0], device_label(d[0]), o->files[1], device_label(d[1]));
        return 0;
}

/* The third operand: a device between the peers; its static one-to-one
 * translations join the path (nat_path.c). A config without one cannot
 * be what the tunnel goes through: said plainly (exit 2). */
static int read_nat(struct tunnel_opts *o, struct device **nat)
{
        struct diag err;
        if (config_read(o->files[2], PLAT_UNKNOWN, nat, &err)) {
                fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                return -1;
        }
        int n = path_nat_from_device(&o->path, *nat);
        if (n < 0)
                return cli_error(&tunnel_spec, "%s: too many static translations (at most %d)",
                                 o->files[2], PATH_MAX_NAT);
        if (n == 0)
                return cli_error(&tunnel_spec,
                                 "%s (%s) has no static one-to-one NAT ('ip nat inside source "
                                 "static', 'static (in,out)', object 'nat ... static') for the "
                                 "tunnel to go through",
                                 o->files[2], device_label(*nat));
        return 0;
}

int cmd_tunnel(int argc, char **argv)
{
        struct tunnel_opts o = {.fmt = REPORT_TEXT};
        struct cli_operands in;
        switch (cli_parse(&tunnel_spec, argc, argv, &o, &in)) {
        case CLI_DONE:
                return EXIT_OK;
        case CLI_ERROR:
                return EXIT_INPUT;
        case CLI_RUN:
                break;
        }
        o.files[0] = in.v[0];
        o.files[1] = in.v[1];
        o.files[2] = in.n > 2 ? in.v[2] : NULL;
        o.nfiles = 2;
        struct device *d[2] = {NULL, NULL}, *nat = NULL;
        struct findings fs;
        findings_init(&fs);
        struct cli_out out = {stdout, NULL, NULL};
        int rc = EXIT_INPUT;
        struct device *keep[KEEP_MAX] = {NULL};
        bool swap = false;
        for (int i = 0; i < 2; i++) {
                struct diag err;
                if (config_read(o.files[i], PLAT_UNKNOWN, &d[i], &err)) {
                        fprintf(stderr, "ipsec-doctor: %s\n", err.msg);
                        goto out;
                }
        }
        if (o.files[2] && read_nat(&o, &nat))
                goto out;
        if (check_pair(&o, d) || second_initiates(&o, d, &swap))
                goto out;
        if (run(&o, d, swap, &fs, keep)) {
                cli_error(&tunnel_spec, "out of memory while playing the tunnel");
                goto out;
        }
        findings_sort(&fs);
        if (cli_out_open(&out, &tunnel_spec, o.output, &in))
                goto out;
        const char *labels[2] = {device_label(d[0]), device_label(d[1])};
        struct report_opts ro = {.format = o.fmt,
                                 .command = "tunnel",
                                 .color = !o.output && color_wanted(o.color, STDOUT_FILENO),
                                 .explain = o.explain,
                                 .ladders = true,
                                 .fix = o.fix,
                                 .nfiles = 2,
                                 .devices = labels,
                                 .ndevices = 2};
        int wr = report_findings(out.f, &fs, &ro);
        if (cli_out_close(&out, &tunnel_spec, wr == 0) || wr)
                goto out;
        /* Not established is a finding, whatever --fail-on would say. */
        rc = report_exit_status(&fs, SEV_ERROR, true);
out:
        for (int k = 0; k < KEEP_MAX; k++)
                model_free(keep[k]);
        findings_free(&fs);
        model_free(d[0]);
        model_free(d[1]);
        model_free(nat);
        cli_operands_free(&in);
        return rc;
}
