/* The log readers against the catalog: every entry's template, rendered
 * with sample values in the framing its family is printed in, is read back
 * as that very entry (templates and matchers agree). Plus the framings,
 * fields and block detection of each reader. */
#include "test_util.h"

#include <stdlib.h>
#include <string.h>

#include "catalog/messages.h"
#include "logs/logs.h"
#include "logs/marks.h"

struct got {
        const struct message *first, *last;
        char peer[LOG_FIELD_MAX], group[LOG_FIELD_MAX];
        int64_t time;
        size_t n;
        long long value;
};

static void on_event(void *arg, const struct ev_record *ev)
{
        struct got *g = arg;
        g->last = ev->msg;
        if (g->n++ == 0) {
                g->first = ev->msg;
                snprintf(g->peer, sizeof(g->peer), "%s", ev->peer);
                snprintf(g->group, sizeof(g->group), "%s", ev->group);
                g->time = ev->time;
                g->value = ev->value;
        }
}

static const char *sample(const char *name, size_t n)
{
        static const struct {
                const char *name, *value;
        } v[] = {{"ip", "192.0.2.10"},    {"peer", "192.0.2.20"},
                 {"local", "10.1.1.1"},   {"remote", "10.2.2.0"},
                 {"group", "192.0.2.10"}, {"user", "jdoe"},
                 {"spi", "0x1A2B3C4D"},   {"n", "5"},
                 {"text", "an event"}};
        for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
                if (strlen(v[i].name) == n && !strncmp(v[i].name, name, n))
                        return v[i].value;
        return "x";
}

static void render(const char *t, char *out, size_t size)
{
        size_t o = 0;
        while (*t && o + 1 < size) {
                const char *close = *t == '{' ? strchr(t, '}') : NULL;
                if (close) {
                        o += (size_t)snprintf(out + o, size - o, "%s",
                                              sample(t + 1, (size_t)(close - t - 1)));
                        t = close + 1;
                } else {
                        out[o++] = *t++;
                }
        }
        out[o < size ? o : size - 1] = '\0';
}

/* Each line in a heap buffer of exactly its length, with no terminator,
 * as explain hands over the lines of a mapped file: ASan stops a reader
 * that looks past the line. */
static void feed(struct log_reader *r, const char *text, uint32_t *line)
{
        for (const char *p = text, *nl; p; p = nl ? nl + 1 : NULL) {
                nl = strchr(p, '\n');
                size_t n = nl ? (size_t)(nl - p) : strlen(p);
                char *copy = malloc(n ? n : 1);
                assert_non_null(copy);
                memcpy(copy, p, n);
                logs_line(r, copy, n, ++*line);
                free(copy);
        }
}

/* The lines before the entry that put the reader in the right block. */
static const char *context(const struct message *m)
{
        if (m->family == MSG_DEBUG && !strncmp(m->key, "detail-", 7))
                return "ISAKMP:(1001):Checking IPSec proposal 1"; /* a detail line's message */
        if (m->family == MSG_IKE_STATE)
                return "dst             src             state          conn-id status";
        if (m->family != MSG_COUNTER)
                return NULL;
        if (!strncmp(m->key, "ipsec:", 6))
                return "interface: outside\n    Crypto map tag: m, seq num: 10, local addr: "
                       "10.1.1.1\n      current_peer: 192.0.2.20";
        if (!strncmp(m->key, "asp:", 4))
                return "asa# show asp drop\n\nFrame drop:";
        if (!strncmp(m->key, "sessiondb:", 10))
                return "asa# show vpn-sessiondb\nVPN Session Summary";
        if (!strncmp(m->key, "cerm:", 5))
                return "rtr#show platform cerm-information";
        return NULL;
}

static void every_template_reads_back(void **state)
{
        (void)state;
        size_t bad = 0;
        for (size_t i = 0; i < message_count(); i++) {
                const struct message *m = message_at(i);
                char body[2048], line[2300];
                render(m->template, body, sizeof(body));
                if (m->family == MSG_ASA_SYSLOG)
                        snprintf(line, sizeof(line), "%%ASA-%d-%s: %s", m->severity, m->key, body);
                else if (m->family == MSG_IOS_SYSLOG)
                        snprintf(line, sizeof(line), "%%%s: %s", m->key, body);
                else if (m->family == MSG_VPN_CLIENT && !strncmp(body, "Sev=", 4))
                        snprintf(line, sizeof(line), "12     12:41:51.900  02/18/06  %s", body);
                else
                        snprintf(line, sizeof(line), "%s", body);
                struct got g = {0};
                struct log_reader r;
                uint32_t n = 0;
                logs_init(&r, on_event, NULL, &g);
                const char *ctx = context(m);
                if (ctx)
                        feed(&r, ctx, &n);
                feed(&r, line, &n);
                logs_finish(&r);
                logs_free(&r);
                /* after a context line that emits (a detail's message), its own event is the last
                 */
                const struct message *got = ctx && m->family == MSG_DEBUG ? g.last : g.first;
                if (got != m) {
                        print_error("entry %zu (%s) read back as %s: %s\n", i, m->key,
                                    got ? got->key : "nothing", line);
                        bad++;
                }
        }
        assert_int_equal(bad, 0); /* every wrong entry is listed above, not only the first */
}

static struct got read_lines(const char *text)
{
        struct got g = {0};
        struct log_reader r;
        uint32_t n = 0;
        logs_init(&r, on_event, NULL, &g);
        feed(&r, text, &n);
        logs_finish(&r);
        logs_free(&r);
        return g;
}

static void syslog_framings(void **state)
{
        (void)state;
        static const char *const lines[] = {
            "%ASA-3-713061: Group = 203.0.113.9, IP = 203.0.113.9, Tunnel rejected: Crypto Map "
            "Policy not found for Src:10.2.0.0, Dst: 10.1.0.0!",
            "<163>Mar  4 10:21:50 fw1 %ASA-3-713061: Group = 203.0.113.9, IP = 203.0.113.9, Tunnel "
            "rejected: Crypto Map Policy not found",
            "Mar 04 2024 10:21:50 fw1 : %PIX-3-713061: Group = 203.0.113.9, IP = 203.0.113.9, "
            "Tunnel rejected",
            "3|Mar 04 2024 10:21:50|713061: Group = 203.0.113.9, IP = 203.0.113.9, Tunnel rejected",
            "Mar  4 10:21:50 fw1 %FTD-3-713061: Group = 203.0.113.9, IP = 203.0.113.9, Tunnel "
            "rejected",
        };
        for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
                struct got g = read_lines(lines[i]);
                assert_int_equal(g.n, 1);
                assert_string_equal(g.first->key, "713061");
                assert_string_equal(g.peer, "203.0.113.9");
                assert_string_equal(g.group, "203.0.113.9");
                if (i > 0)
                        assert_true(g.time > 0);
        }
        struct got g =
            read_lines("000123: *Mar  1 00:10:12.345: %CRYPTO-4-RECVD_PKT_INV_SPI: "
                       "decaps: rec'd IPSEC packet has invalid spi for "
                       "destaddr=10.0.0.1, prot=50, spi=0x8E3C(36412), srcaddr=10.0.0.2");
        assert_string_equal(g.first->key, "CRYPTO-4-RECVD_PKT_INV_SPI");
        assert_string_equal(g.peer, "10.0.0.2");
        /* Times: the two-digit form and the general one agree; out of range
         * or malformed, no time. */
        static const struct {
                const char *stamp;
                int64_t time; /* ((month * 31 + day) * 24 + h) * 3600 + m * 60 + s */
        } times[] = {
            {"Mar  4 10:21:50", ((2 * 31 + 4) * 24 + 10) * 3600 + 21 * 60 + 50},
            {"Mar 04 2024 10:21:50", ((2 * 31 + 4) * 24 + 10) * 3600 + 21 * 60 + 50},
            {"Dec 31 23:59:60", ((11 * 31 + 31) * 24 + 23) * 3600 + 59 * 60 + 60},
            {"Mar  4 010:21:50", ((2 * 31 + 4) * 24 + 10) * 3600 + 21 * 60 + 50},
            {"Mar  4 9:5:7 fw", ((2 * 31 + 4) * 24 + 9) * 3600 + 5 * 60 + 7},
            {"Mar  4 24:00:00", -1},
            {"Mar  4 10:60:00", -1},
            {"Mar  4 10:21:61", -1},
            {"Mar  4 10:21:505", -1},
            {"Mrz  4 10:21:50", -1},
        };
        for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++) {
                char line[128];
                snprintf(line, sizeof(line), "%s %%ASA-3-713061: IP = 203.0.113.9, x",
                         times[i].stamp);
                g = read_lines(line);
                assert_int_equal(g.n, 1);
                if (g.time != times[i].time)
                        fail_msg("%s: time %lld, want %lld", times[i].stamp, (long long)g.time,
                                 (long long)times[i].time);
        }
        g = read_lines("%ASA-3-999999: nothing we know");
        assert_int_equal(g.n, 0);
        g = read_lines("%ASA-3-71390: short id");
        assert_int_equal(g.n, 0);
}

/* The peer is the address after the first tag, in the reader's order,
 * whose FIRST occurrence is followed by one (the one-pass scan must give
 * what trying each tag in turn gives); group and user take the full form
 * before the bracketed one. */
static void peer_tag_priority(void **state)
{
        (void)state;
        static const struct {
                const char *line, *peer, *group;
        } cases[] = {
            {"%ASA-4-402119: from 198.51.100.7 to 192.0.2.1, IP = 203.0.113.5", "203.0.113.5", ""},
            {"%ASA-4-402119: IP = none, IP = 192.0.2.9, from 198.51.100.1", "198.51.100.1", ""},
            {"%ASA-4-402119: IKE Peer 192.0.2.1 failed", "192.0.2.1", ""},
            {"%ASA-4-402119: IP = 1234.5.6.7, from 10.0.0.1.", "10.0.0.1", ""},
            {"%ASA-4-402119: from 10.0.0.1.5, Peer 10.9.9.9", "10.9.9.9", ""},
            {"%ASA-4-402119: 1.2.3.4 from x, Group = , Group <g1> IP <10.1.2.3>", "10.1.2.3", "g1"},
            {"%ASA-4-402119: Group = vpn1, Group <g2>, no address at all", "", "vpn1"},
            /* every tag, each after an address no tag announces */
            {"%ASA-4-402119: x:10.0.0.9 IP = 192.0.2.1", "192.0.2.1", ""},
            {"%ASA-4-402119: x:10.0.0.9 Remote:192.0.2.2", "192.0.2.2", ""},
            {"%ASA-4-402119: x:10.0.0.9 IP <192.0.2.3>", "192.0.2.3", ""},
            {"%ASA-4-402119: x:10.0.0.9 peer at 192.0.2.4", "192.0.2.4", ""},
            {"%ASA-4-402119: x:10.0.0.9 srcaddr=192.0.2.5", "192.0.2.5", ""},
            {"%ASA-4-402119: x:10.0.0.9 remote=192.0.2.6", "192.0.2.6", ""},
            {"%ASA-4-402119: x:10.0.0.9 Peer 192.0.2.7", "192.0.2.7", ""},
            {"%ASA-4-402119: x:10.0.0.9 from 192.0.2.8", "192.0.2.8", ""},
            {"%ASA-4-402119: x:10.0.0.9 src_addr 192.0.2.9", "192.0.2.9", ""},
            {"%ASA-4-402119: x:10.0.0.9 server = 192.0.2.10", "192.0.2.10", ""},
            {"%ASA-4-402119: x:10.0.0.9 IKE Peer 192.0.2.11", "192.0.2.11", ""},
            /* addresses that are not: a part above 255, four digits, a fifth
             * part; the line's last bytes */
            {"%ASA-4-402119: IP = 256.1.1.1, from 10.0.0.2", "10.0.0.2", ""},
            {"%ASA-4-402119: IP = 1.2.3.4567, from 10.0.0.3", "10.0.0.3", ""},
            {"%ASA-4-402119: IP = 1.2.3.4.5, from 10.0.0.4", "10.0.0.4", ""},
            {"%ASA-4-402119: IP = 001.2.3.249", "001.2.3.249", ""},
            {"%ASA-4-402119: IP = 1.2.3.", "", ""},
            /* "IP = " at its first occurrence decides at once; a later one
             * does not count */
            {"%ASA-4-402119: Group = 10.0.0.1, IP = 192.0.2.5, from 10.0.0.2", "192.0.2.5",
             "10.0.0.1"},
            {"%ASA-4-402119: Peer 10.0.0.3 IP = x IP = 192.0.2.6", "10.0.0.3", ""},
            /* two tags end at one address: each is asked whether its
             * occurrence is its first, the better one first */
            {"%ASA-4-402119: Peer x, IKE Peer 192.0.2.12", "192.0.2.12", ""},
            {"%ASA-4-402119: from x, IKE Peer 192.0.2.13 from 10.0.0.5", "192.0.2.13", ""},
            /* a tag at the text's start; the prefixes of the IKE messages */
            {"%ASA-4-402119: from 192.0.2.14", "192.0.2.14", ""},
            {"%ASA-4-402119: Username = u1, IP = 192.0.2.15, x", "192.0.2.15", ""},
            {"%ASA-4-402119: Group = g, Username = u1, IP = 192.0.2.16, from 10.0.0.6",
             "192.0.2.16", "g"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct got g = read_lines(cases[i].line);
                assert_int_equal(g.n, 1);
                assert_string_equal(g.first->key, "402119");
                assert_string_equal(g.peer, cases[i].peer);
                assert_string_equal(g.group, cases[i].group);
        }
}

/* The direct table agrees with the sorted index, patterns included. */
static void asa_lookup_by_number(void **state)
{
        (void)state;
        for (size_t i = 0; i < message_count(); i++) {
                const struct message *m = message_at(i);
                if (m->family != MSG_ASA_SYSLOG)
                        continue;
                const char *text = m->pattern ? m->pattern : "";
                assert_ptr_equal(message_find_asa(strtoul(m->key, NULL, 10), text, strlen(text)),
                                 message_find(MSG_ASA_SYSLOG, m->key, text));
        }
        assert_null(message_find_asa(999999, "", 0));
        assert_null(message_find_asa(MESSAGE_ASA_IDS, "", 0));
}

static void show_blocks(void **state)
{
        (void)state;
        struct got g = read_lines("rtr#sh cry isa sa\nIPv4 Crypto ISAKMP SA\n"
                                  "dst             src             state          conn-id status\n"
                                  "10.0.0.2        10.0.0.1        MM_NO_STATE       1001 ACTIVE");
        assert_string_equal(g.first->key, "MM_NO_STATE");
        assert_string_equal(g.peer, "10.0.0.2");
        g = read_lines(
            "IKEv2 SAs:\n\nSession-id:1, Status:UP-ACTIVE, IKE count:1, CHILD count:1\n\n"
            "Tunnel-id Local                 Remote                Status         Role\n"
            "3 209.165.200.225/500   203.0.113.7/500       READY    INITIATOR");
        assert_string_equal(g.first->key, "READY");
        assert_string_equal(g.peer, "203.0.113.7");
        /* The seed writes MM_WAIT_MSG_6 on one glued line. */
        g = read_lines("ASA#show crypto isakmp sa Active SA: 1 Rekey SA: 0 Total IKE SA: 1 1 IKE "
                       "Peer: 10.7.13.20 Type : L2L Role : initiator Rekey : no State : "
                       "MM_WAIT_MSG_6");
        assert_string_equal(g.first->key, "MM_WAIT_MSG6");
        assert_string_equal(g.peer, "10.7.13.20");
        g = read_lines("router#show crypto ipsec sa\n\ninterface: GigabitEthernet0/0\n"
                       "    Crypto map tag: VPN, local addr 10.0.0.1\n"
                       "   current_peer 10.0.0.2 port 500\n"
                       "    #pkts encaps: 120, #pkts encrypt: 120, #pkts digest: 120\n"
                       "    #pkts decaps: 0, #pkts decrypt: 0, #pkts verify: 0\n"
                       "router#");
        assert_string_equal(g.first->key, "ipsec:one-way-encaps");
        assert_string_equal(g.peer, "10.0.0.2");
        assert_int_equal(g.value, 120);
        /* A state-looking last token and an address ending the line: found by
         * fuzzing when lines lost their terminator (a read one byte past). */
        g = read_lines("Session status: UP-ACTIVE\nPeer: 10.1.1.3\nMM_A");
        assert_int_equal(g.n, 0);
        /* A block pasted without its header lines opens itself (issue 13). */
        g = read_lines("current_peer: 10.0.0.2\n#pkts encaps: 0\n#pkts decaps: 7");
        assert_string_equal(g.first->key, "ipsec:one-way-decaps");
        assert_string_equal(g.peer, "10.0.0.2");
        g = read_lines("#pkts encaps: 0 is what I saw\nnot a show output");
        assert_int_equal(g.n, 0); /* no decaps counter: no traffic verdict */
}

static void vpnclient_entries(void **state)
{
        (void)state;
        struct got g =
            read_lines("7      14:44:36.593  10/05/06  Sev=Warning/2\tIKE/0xE300007D\n"
                       "Hash verification failed... may be configured with invalid group "
                       "password.");
        assert_string_equal(g.first->key, "0xE300007D");
        assert_non_null(g.first->pattern);
        g = read_lines(
            "Secure VPN Connection terminated locally by the Client. Reason 426: Maximum "
            "configured lifetime exceeded.");
        assert_string_equal(g.first->key, "426");
}

/* Every event's key and peer of a text, one "key@peer" a line. */
struct all {
        char out[4096];
        size_t n;
};

static void on_all(void *arg, const struct ev_record *ev)
{
        struct all *a = arg;
        a->n += (size_t)snprintf(a->out + a->n, sizeof(a->out) - a->n, "%s@%s\n", ev->msg->key,
                                 ev->peer);
}

static void read_all(const char *text, struct all *a, uint64_t *recognised)
{
        struct log_reader r;
        a->n = 0;
        a->out[0] = '\0';
        logs_init(&r, on_all, NULL, a);
        uint32_t line = 0;
        feed(&r, text, &line);
        logs_finish(&r);
        logs_free(&r);
        if (recognised)
                *recognised = r.recognised;
}

/* Libreswan pluto (4.10, as tests/peer/pluto_logs.py runs it): the
 * connection's shape decides the family whatever words follow ("ISAKMP",
 * "IKEv2"), in pluto's own log and in syslog; the peer comes from the
 * instance, "from"/"to" or an address identity, and the connection's lines
 * that name none get the one named before; "for" is not the peer there. */
static void pluto_lines(void **state)
{
        (void)state;
        struct all a;
        uint64_t rec = 0;
        read_all("Dec  7 17:18:00.017760: \"t\": added IKEv2 connection\n"
                 "Dec  7 17:22:41.758: \"t\" #1: responding to Main Mode\n"
                 "Dec  7 17:22:41.759: \"t\" #1: Peer ID is ID_IPV4_ADDR: '198.51.100.1'\n"
                 "Dec  7 17:22:41.760: \"t\" #1: deleting ISAKMP SA but connection is supposed "
                 "to remain up\n"
                 "Dec  7 17:22:42.000: \"t\" #1: cannot respond to IPsec SA request because no "
                 "connection is known for 10.2.0.0/24===198.51.100.2...198.51.100.1===10.1.0.0/24\n"
                 "Dec  7 17:22:43.000: \"u\"[3] 192.0.2.7 #9: no acceptable Oakley Transform\n"
                 "Dec  7 17:22:44 gw pluto[812]: \"t\" #2: no acceptable Proposal in IPsec SA\n"
                 "Dec  7 17:22:45.000: packet from 198.51.100.9:500: sending notification "
                 "NO_PROPOSAL_CHOSEN to 198.51.100.9:500",
                 &a, &rec);
        assert_int_equal(rec, 8);
        assert_string_equal(a.out, "peer-pluto-added@\n"
                                   "peer-pluto-responding@\n"
                                   "peer-pluto-v1-peer-id@198.51.100.1\n"
                                   "peer-deleting@198.51.100.1\n"
                                   "peer-pluto-no-connection-known@198.51.100.1\n"
                                   "peer-pluto-no-oakley@192.0.2.7\n"
                                   "peer-pluto-no-ipsec-proposal@198.51.100.1\n"
                                   "peer-pluto-plain-no-proposal@198.51.100.9\n");
        /* A quoted word that is no connection name (JSON fields) is not
         * pluto's: the family leaves it unknown. */
        read_all("{\"msg\": \"deleting\"}\n\"a\": \"b\", \"c\": \"sent x\"", &a, &rec);
        assert_int_equal(rec, 0);
}

/* The gate (gate.c) only saves work: every reader's literal opens it,
 * a line with none keeps it shut, and each input line reads the same
 * with the gate as without it. */
static void gate_same_answer(void **state)
{
        (void)state;
        assert_true(logs_gate("x %ASA-4-713903: y", 18));
        assert_true(logs_gate("ISAKMP:(0): sending packet", 26));
        assert_true(logs_gate("   #pkts encaps: 5", 18));
        assert_true(logs_gate("IPv4 Crypto ISAKMP SA", 21));
        assert_true(logs_gate("x Frame drop: y", 15));
        assert_true(logs_gate("QM_IDLE", 7));
        assert_true(logs_gate("\"t\" #1: x", 10));
        assert_false(
            logs_gate("Jun 12 10:00:00 host sshd[2211]: Accepted publickey for admin", 61));
        assert_false(logs_gate("", 0));
        static const char *const lines =
            "Jun 12 10:00:00 host sshd[2211]: Accepted publickey for admin from 10.0.0.1\n"
            "IPSEC(validate_proposal_request): proposal part #1\n"
            "Group = 192.0.2.1, IP = 192.0.2.1, PHASE 1 COMPLETED\n"
            "CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi\n"
            "   local ident (addr/mask/prot/port): (10.1.0.0/255.255.255.0/0/0)\n"
            "dst             src             state          conn-id status\n"
            "192.0.2.1       192.0.2.2       QM_IDLE           1001 ACTIVE\n"
            "plain text with nothing in it\n"
            "4|Mar 24 2010 10:21:50|713903: IP = 192.0.2.1, Information Exchange processing "
            "failed\n"
            "\"t\" #1: no acceptable Oakley Transform\n";
        struct all gated, open;
        uint64_t rg = 0, ro = 0;
        read_all(lines, &gated, &rg);
        logs_gate_disable(true);
        read_all(lines, &open, &ro);
        logs_gate_disable(false);
        assert_int_equal(rg, ro);
        assert_int_equal(rg, 9); /* all but the sshd line and the plain text */
        assert_string_equal(gated.out, open.out);
}

/* The runs of lines found in one scan (gate_run.c) hold only lines that
 * no reader can take in a quiet reader: each, parsed alone, is no syslog
 * message, does not pass the gate and needs nothing of the dispatcher.
 * Lines that a reader or the dispatcher wants, or that only look like it
 * (a literal cut by the line's end), end a run; the vector scan and the
 * byte loop agree at every start and length. */
static void gate_run_only_dead(void **state)
{
        (void)state;
        static const char *const live[] = {
            "x %ASA-4-713903: y",
            "fw# show crypto isakmp sa",
            "  fw(config)> x",
            "ASA Version 9.8(4)",
            "",
            "\r",
            "   ",
            "...",
            "[...]",
            "4|Mar 24 2010 10:21:50|713903: IP = 192.0.2.1, Information Exchange processing failed",
            "4,Mar 24 2010,10:21:50,713903,,,,,IP = 192.0.2.1",
            "Dec  7 17:22:43 gw charon: 05[IKE] x",
            "QM_IDLE",
            "\"t\" #1: no acceptable Oakley Transform",
            "ISAKMP:(0): sending packet",
            "Group = 192.0.2.1, IP = 192.0.2.1, PHASE 1 COMPLETED",
            "CRYPTO-4-RECVD_PKT_INV_SPI: decaps",
            "   #pkts encaps: 5",
            "a line ending in a literal IKEv2",
        };
        static const char *const dead[] = {
            "Jun 12 10:00:00 host sshd[2211]: Accepted publickey for admin from 10.0.0.1 port "
            "52234",
            "Jun 12 10:00:02 host CRON[331]: (root) CMD (run-parts /etc/cron.hourly)",
            "plain text with nothing in it, and a '>' after a colon: a > b",
            "2025-06-24 14:36:25 status installed libc-bin:amd64 2.36-9",
            "x",
            "a line ending in a literal's start IKE",
        };
        size_t nl = sizeof(live) / sizeof(live[0]), nd = sizeof(dead) / sizeof(dead[0]);
        char *buf = malloc(1 << 16);
        assert_non_null(buf);
        unsigned seed = 11;
        for (int round = 0; round < 300; round++) {
                /* a random mix of lines, some long enough for whole blocks */
                size_t n = 0, want_dead = 0, lines = 0;
                bool is_dead[64];
                while (lines < 64) {
                        seed = seed * 1103515245u + 12345u;
                        bool d = (seed >> 16) % 3 != 0;
                        const char *l = d ? dead[(seed >> 8) % nd] : live[(seed >> 8) % nl];
                        size_t len = strlen(l);
                        if (n + len + 1 > (1 << 16))
                                break;
                        memcpy(buf + n, l, len);
                        n += len;
                        buf[n++] = '\n';
                        is_dead[lines++] = d;
                }
                /* the lines a run passes from each start are dead ones */
                for (int simd = 0; simd < 2; simd++) {
                        logs_gate_run_simd(simd);
                        size_t at = 0, line = 0;
                        while (line < lines) {
                                size_t count;
                                size_t bytes = logs_gate_run(buf + at, n - at, &count);
                                for (size_t i = 0; i < count; i++)
                                        assert_true(is_dead[line + i]);
                                want_dead += count;
                                /* the run ends at the next line's start */
                                assert_true(bytes == 0 || buf[at + bytes - 1] == '\n');
                                line += count;
                                at += bytes;
                                if (line < lines) {
                                        const char *e = memchr(buf + at, '\n', n - at);
                                        at = (size_t)(e - buf) + 1;
                                        line++;
                                }
                        }
                }
                logs_gate_run_simd(true);
                assert_true(want_dead > 0);
        }
        /* each dead line alone: nothing for any reader */
        for (size_t i = 0; i < nd; i++) {
                size_t len = strlen(dead[i]), count;
                memcpy(buf, dead[i], len);
                buf[len] = '\n';
                assert_int_equal(logs_gate_run(buf, len + 1, &count), len + 1);
                assert_int_equal(count, 1);
                struct syslog_parse f;
                syslog_parse(dead[i], len, &f);
                logs_line_facts(dead[i], len, &f);
                assert_null(f.msg);
                assert_false(f.maybe || f.tagged || !f.plain);
        }
        free(buf);
}

/* The address marks agree with a byte-by-byte reading on every length
 * (whole 16-byte blocks, tails, texts shorter than one block) and every
 * block start, each text in a buffer of exactly its length (ASan sees a
 * read past it). */
static void addr_marks_agree(void **state)
{
        (void)state;
        static const char alphabet[] = " :<=a1.9/0x";
        unsigned seed = 7;
        for (size_t n = 0; n <= 100; n++)
                for (int round = 0; round < 20; round++) {
                        char *s = malloc(n ? n : 1);
                        assert_non_null(s);
                        for (size_t i = 0; i < n; i++) {
                                seed = seed * 1103515245u + 12345u;
                                s[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
                        }
                        for (size_t at = 0; at < n; at++) {
                                unsigned want = 0;
                                for (size_t j = 0; j < 16 && at + j + 1 < n; j++)
                                        if (strchr(" :<=", s[at + j]) &&
                                            strchr("0123456789", s[at + j + 1]))
                                                want |= 1u << j;
                                assert_int_equal(addr_marks(s, n, at), want);
                        }
                        free(s);
                }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_template_reads_back),
            cmocka_unit_test(syslog_framings),
            cmocka_unit_test(peer_tag_priority),
            cmocka_unit_test(asa_lookup_by_number),
            cmocka_unit_test(show_blocks),
            cmocka_unit_test(vpnclient_entries),
            cmocka_unit_test(addr_marks_agree),
            cmocka_unit_test(pluto_lines),
            cmocka_unit_test(gate_same_answer),
            cmocka_unit_test(gate_run_only_dead),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
