/* The log lines `tunnel` predicts (src/negotiate/play_logs.c): every table
 * row names a catalog entry, concrete lines for known outcomes, and every
 * predicted line is read back by the explain readers. */
#include "test_util.h"

#include "catalog/messages.h"
#include "config/config.h"
#include "logs/logs.h"
#include "negotiate/play_int.h"

#define CASES "tests/golden/tunnel/"

struct played {
        struct device *d[2];
        struct findings fs;
        struct tunnel_result *t;
};

/* Plays dir/a.cfg -> dir/b.cfg (swapped: b initiates). */
static void play(struct played *p, const char *dir, bool swapped, const struct path_opts *path)
{
        char a[256], b[256];
        struct diag err;
        snprintf(a, sizeof(a), CASES "%s/a.cfg", dir);
        snprintf(b, sizeof(b), CASES "%s/b.cfg", dir);
        assert_int_equal(config_read(a, PLAT_UNKNOWN, &p->d[0], &err), 0);
        assert_int_equal(config_read(b, PLAT_UNKNOWN, &p->d[1], &err), 0);
        struct device *ini = p->d[swapped], *resp = p->d[!swapped];
        struct flow_opt flow = {0};
        struct path_opts none = {0};
        struct pair pr;
        findings_init(&p->fs);
        assert_int_equal(pair_build(&pr, ini, device_label(ini), resp, device_label(resp), &flow,
                                    path ? path : &none),
                         0);
        assert_int_equal(pair_play(&pr, &p->fs, &p->t), 0);
        pair_free(&pr);
}

static void done(struct played *p)
{
        findings_free(&p->fs);
        model_free(p->d[0]);
        model_free(p->d[1]);
}

static void assert_log(const struct tunnel_result *t, size_t i, const char *dev, const char *text)
{
        assert_true(i < t->nlogs);
        assert_string_equal(t->logs[i].device, dev);
        assert_string_equal(t->logs[i].text, text);
}

static void every_row_names_an_entry(void **state)
{
        (void)state;
        assert_null(tr_logs_unresolved());
}

static void psk_mismatch_asa_initiates(void **state)
{
        (void)state;
        struct played p;
        play(&p, "psk-mismatch", false, NULL);
        assert_int_equal(p.t->status, TUN_P1_AUTH_FAILED);
        assert_int_equal(p.t->nlogs, 2);
        assert_log(p.t, 0, "hq",
                   "%ASA-5-713041: IP = 198.51.100.2, IKE Initiator: New Phase 1, Intf outside, "
                   "IKE Peer 198.51.100.2  local Proxy Address 10.10.0.0, remote Proxy Address "
                   "192.168.50.0,  Crypto map (MAP)");
        assert_log(p.t, 1, "branch",
                   "%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 203.0.113.1 failed its sanity "
                   "check or is malformed");
        done(&p);
}

static void psk_mismatch_ios_initiates(void **state)
{
        (void)state;
        struct played p;
        play(&p, "psk-mismatch", true, NULL);
        assert_int_equal(p.t->status, TUN_P1_AUTH_FAILED);
        assert_int_equal(p.t->nlogs, 2);
        /* The responder ASA names the tunnel-group it used. */
        assert_log(p.t, 0, "hq",
                   "%ASA-3-713902: Group = 198.51.100.2, IP = 198.51.100.2, ERROR, had problems "
                   "decrypting packet, probably due to mismatched pre-shared key.  Aborting");
        assert_log(p.t, 1, "branch", "ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH...");
        done(&p);
}

static void proxies_filled_from_the_proposal(void **state)
{
        (void)state;
        struct played p;
        play(&p, "proxy-mismatch", true, NULL);
        assert_int_equal(p.t->status, TUN_P2_PROXY_MISMATCH);
        /* branch proposes 192.168.50.0/24 -> 10.20.0.0/16; hq refuses. */
        bool seen = false;
        for (size_t i = 0; i < p.t->nlogs; i++)
                seen |= !strcmp(p.t->logs[i].text,
                                "%ASA-3-713061: Group = 198.51.100.2, IP = 198.51.100.2, Rejecting "
                                "IPSec tunnel: no matching crypto map entry for remote proxy "
                                "192.168.50.0/255.255.255.0/0/0 local proxy "
                                "10.20.0.0/255.255.0.0/0/0 on interface outside");
        assert_true(seen);
        done(&p);
}

static void pfs_groups_named(void **state)
{
        (void)state;
        struct played p;
        play(&p, "pfs-groups-differ", true, NULL);
        assert_int_equal(p.t->status, TUN_P2_PFS_MISMATCH);
        assert_int_equal(p.t->nlogs, 3);
        assert_log(p.t, 1, "hq",
                   "%ASA-5-713257: Group = 198.51.100.2, IP = 198.51.100.2, Phase 2 failure:  "
                   "Mismatched attribute types for class Group Description:  Rcv'd: Group 14  "
                   "Cfg'd: Group 5");
        done(&p);
}

static void established_and_silent_outcomes(void **state)
{
        (void)state;
        struct played p;
        play(&p, "established", false, NULL);
        assert_int_equal(p.t->status, TUN_ESTABLISHED);
        assert_int_equal(p.t->nlogs, 5);
        assert_log(p.t, 1, "hq",
                   "%ASA-5-713119: Group = 198.51.100.2, IP = 198.51.100.2, PHASE 1 COMPLETED");
        /* An SPI cannot be predicted: it stays a visible placeholder. */
        assert_non_null(strstr(p.t->logs[2].text, "Inbound SPI = <spi>"));
        assert_log(p.t, 4, "branch",
                   "%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  .  Peer 203.0.113.1:500       "
                   "Id: 203.0.113.1");
        done(&p);
        /* Nothing matches a crypto map entry: no device prints anything. */
        play(&p, "no-interesting-traffic", true, NULL);
        assert_int_equal(p.t->status, TUN_NO_INTERESTING_TRAFFIC);
        assert_int_equal(p.t->nlogs, 0);
        done(&p);
}

struct got {
        const struct message *m;
        size_t n;
};

static void on_event(void *arg, const struct ev_record *ev)
{
        struct got *g = arg;
        if (g->n++ == 0)
                g->m = ev->msg;
}

/* Every predicted line is a line explain recognises, as the entry of the
 * same key for syslog lines. */
static void lines_read_back(void **state)
{
        (void)state;
        static const struct {
                const char *dir;
                bool swapped;
        } cases[] = {
            {"established", false},           {"established", true},
            {"policy-mismatch", false},       {"psk-mismatch", true},
            {"proxy-mismatch", false},        {"proxy-mismatch", true},
            {"pfs-groups-differ", true},      {"tunnel-group-name", true},
            {"transform-set-mismatch", true}, {"ikev2-ts-unacceptable", false},
            {"peer-unknown-ios", false},      {"xauth-blocked", false},
        };
        size_t total = 0;
        for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
                struct played p;
                play(&p, cases[c].dir, cases[c].swapped, NULL);
                for (size_t i = 0; i < p.t->nlogs; i++, total++) {
                        const char *s = p.t->logs[i].text;
                        struct got g = {0};
                        struct log_reader r;
                        logs_init(&r, on_event, NULL, &g);
                        logs_line(&r, s, strlen(s), 1);
                        logs_finish(&r);
                        logs_free(&r);
                        if (!g.m)
                                fail_msg("%s: not recognised: %s", cases[c].dir, s);
                        if (s[0] == '%' && !strstr(s, g.m->key))
                                fail_msg("%s: read as %s: %s", cases[c].dir, g.m->key, s);
                }
                done(&p);
        }
        assert_true(total > 40);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_row_names_an_entry),
            cmocka_unit_test(psk_mismatch_asa_initiates),
            cmocka_unit_test(psk_mismatch_ios_initiates),
            cmocka_unit_test(proxies_filled_from_the_proposal),
            cmocka_unit_test(pfs_groups_named),
            cmocka_unit_test(established_and_silent_outcomes),
            cmocka_unit_test(lines_read_back),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
