/* The remote-access checks where the rule is intricate: which pools hold a
 * network or broadcast address (and the corrected range), and which
 * vpn-tunnel-protocol lets a tunnel-group's sessions in. */
#include "test_util.h"

#include "checks/checks_list.h"
#include "checks/ra_common.h"
#include "config/config.h"

static struct device *rd(const char *cfg)
{
        struct device *dev = NULL;
        struct diag err;
        assert_int_equal(config_read_buffer("t.cfg", cfg, strlen(cfg), PLAT_UNKNOWN, &dev, &err),
                         0);
        assert_non_null(dev);
        return dev;
}

/* Runs one check on cfg; returns the number of findings, the first in *f. */
static size_t run(const char *id, check_fn fn, const char *cfg, struct findings *fs,
                  const struct finding **f)
{
        struct device *dev = rd(cfg);
        struct check_ctx c = {dev, fs, id};
        findings_init(fs);
        assert_int_equal(fn(&c), 0);
        *f = fs->list.n ? fs->list.v[0] : NULL;
        model_free(dev);
        return fs->list.n;
}

static const char *pool_cfg(char *buf, size_t n, const char *pool)
{
        snprintf(buf, n, "ASA Version 9.8(4)\nhostname a\nip local pool P %s\n", pool);
        return buf;
}

static void pool_broadcast_cases(void **state)
{
        (void)state;
        static const struct {
                const char *pool;
                const char *title_part; /* NULL: no finding */
                const char *fixed;      /* the corrected pool line */
        } cases[] = {
            {"10.76.41.1-10.76.42.254", NULL, NULL}, /* the seed's valid pool, no mask */
            {"10.0.0.0-10.0.0.255", "network address 10.0.0.0",
             "10.0.0.1-10.0.0.254 mask 255.255.255.0"},
            {"10.1.1.1-10.1.2.254 mask 255.255.255.0", "broadcast address 10.1.1.255",
             "10.1.1.1-10.1.2.254 mask 255.255.252.0"},
            {"10.1.1.1-10.1.1.254 mask 255.255.255.0", NULL, NULL},
            {"10.2.0.5-10.2.0.10 mask 255.255.255.252", "broadcast address 10.2.0.7",
             "10.2.0.5-10.2.0.10 mask 255.255.255.240"},
            {"10.3.0.0-10.3.0.1 mask 255.255.255.254", NULL, NULL}, /* /31: RFC 3021 */
            {"10.4.0.1-10.4.0.255 mask 255.255.255.0", "broadcast address 10.4.0.255",
             "10.4.0.1-10.4.0.254 mask 255.255.255.0"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char buf[256];
                struct findings fs;
                const struct finding *f;
                size_t n = run("pool-network-broadcast", check_pool_network_broadcast,
                               pool_cfg(buf, sizeof(buf), cases[i].pool), &fs, &f);
                print_message("pool %s\n", cases[i].pool);
                assert_int_equal(n, cases[i].title_part ? 1 : 0);
                if (f) {
                        assert_non_null(strstr(f->title, cases[i].title_part));
                        assert_int_equal(f->line, 3);
                        assert_int_equal(f->nfixes, 1);
                        assert_int_equal(f->fixes[0].ncommands, 2);
                        assert_non_null(strstr(f->fixes[0].commands[1], cases[i].fixed));
                }
                findings_free(&fs);
        }
}

static void cover_mask(void **state)
{
        (void)state;
        assert_int_equal(ra_cover_mask(0x0a010101u, 0x0a0102feu), 0xfffffc00u);
        assert_int_equal(ra_cover_mask(0x0a000005u, 0x0a000005u), 0xffffffffu);
        assert_int_equal(ra_cover_mask(0x00000000u, 0xffffffffu), 0u);
}

#define RA_BASE                                                                                    \
        "hostname a\n"                                                                             \
        "ip local pool P 192.168.50.1-192.168.50.254 mask 255.255.255.0\n"                         \
        "group-policy GP internal\n"                                                               \
        "group-policy GP attributes\n"                                                             \
        " vpn-tunnel-protocol l2tp-ipsec\n"

static void protocol_cases(void **state)
{
        (void)state;
        static const struct {
                const char *cfg;
                const char *title_part;
                const char *fix; /* second fix line */
        } cases[] = {
            /* a named IPsec group limited to L2TP: the seed's case */
            {"ASA Version 9.8(4)\n" RA_BASE "tunnel-group T type remote-access\n"
             "tunnel-group T general-attributes\n default-group-policy GP\n"
             "tunnel-group T ipsec-attributes\n ikev1 pre-shared-key k1\n",
             "lacks 'ikev1'", " vpn-tunnel-protocol ikev1 l2tp-ipsec"},
            /* before 8.4 the keyword is IPSec */
            {"ASA Version 8.2(5)\n" RA_BASE "tunnel-group T type remote-access\n"
             "tunnel-group T general-attributes\n default-group-policy GP\n"
             "tunnel-group T ipsec-attributes\n pre-shared-key k1\n",
             "lacks 'IPSec'", " vpn-tunnel-protocol IPSec l2tp-ipsec"},
            /* DefaultRAGroup serves L2TP/IPsec clients: l2tp-ipsec is enough */
            {"ASA Version 9.8(4)\n" RA_BASE "tunnel-group DefaultRAGroup general-attributes\n"
             " default-group-policy GP\ntunnel-group DefaultRAGroup ipsec-attributes\n"
             " ikev1 pre-shared-key k1\n",
             NULL, NULL},
            /* no key, no trustpoint: how it negotiates is unknown */
            {"ASA Version 9.8(4)\n" RA_BASE "tunnel-group T type remote-access\n"
             "tunnel-group T general-attributes\n default-group-policy GP\n",
             NULL, NULL},
            /* a user locked to an IKEv1 group, allowed only IKEv2 */
            {"ASA Version 9.8(4)\n" RA_BASE "username u password pw1\nusername u attributes\n"
             " vpn-tunnel-protocol ikev2\n group-lock value T\n"
             "tunnel-group T type remote-access\ntunnel-group T ipsec-attributes\n"
             " ikev1 pre-shared-key k1\n",
             "username 'u' vpn-tunnel-protocol (ikev2) lacks 'ikev1'",
             " vpn-tunnel-protocol ikev1 ikev2"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct findings fs;
                const struct finding *f;
                size_t n = run("tunnel-protocol-conflict", check_tunnel_protocol_conflict,
                               cases[i].cfg, &fs, &f);
                print_message("case %zu\n", i);
                assert_int_equal(n, cases[i].title_part ? 1 : 0);
                if (f) {
                        assert_non_null(strstr(f->title, cases[i].title_part));
                        assert_int_equal(f->nfixes, 1);
                        assert_string_equal(f->fixes[0].commands[1], cases[i].fix);
                }
                findings_free(&fs);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(pool_broadcast_cases),
            cmocka_unit_test(cover_mask),
            cmocka_unit_test(protocol_cases),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
