/* The remote-access checks where the rule is intricate: which pools hold a
 * network or broadcast address (and the corrected range), and which
 * vpn-tunnel-protocol lets a tunnel-group's sessions in. */
#include "test_util.h"

#include "checks/checks_list.h"
#include "checks/ra_common.h"
#include "config/config.h"
#include "model/in_use.h"

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
        /* the tunnel-group hands the pool out: a pool no client gets is not judged */
        snprintf(buf, n,
                 "ASA Version 9.8(4)\nhostname a\nip local pool P %s\n"
                 "tunnel-group T type remote-access\ntunnel-group T general-attributes\n"
                 " address-pool P\n",
                 pool);
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
        "crypto isakmp enable outside\n"                                                           \
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

/* The "in use" questions of model/in_use.c that the RA checks ask. */
static void in_use_ra(void **state)
{
        (void)state;
        struct device *d =
            rd("ASA Version 9.8(4)\nhostname a\n"
               "interface G0\n nameif outside\n ip address 203.0.113.1 255.255.255.0\n"
               "interface G1\n nameif inside\n ip address 10.1.0.1 255.255.0.0\n"
               "interface G2\n nameif dmz\n ip address 10.2.0.1 255.255.255.0\n"
               "ip local pool USED 10.9.0.10-10.9.0.200 mask 255.255.255.0\n"
               "ip local pool SPARE 10.8.0.10-10.8.0.200 mask 255.255.255.0\n"
               "access-list SPLIT standard permit 10.1.0.0 255.255.0.0\n"
               "group-policy GP internal\ngroup-policy GP attributes\n"
               " split-tunnel-policy tunnelspecified\n split-tunnel-network-list value SPLIT\n"
               "tunnel-group T type remote-access\ntunnel-group T general-attributes\n"
               " address-pool USED\n default-group-policy GP\n"
               "crypto ikev2 enable outside\n");
        assert_true(iu_pool_handed_out(d, "USED"));
        assert_false(iu_pool_handed_out(d, "SPARE"));
        /* the split list names inside, not the dmz */
        assert_true(iu_pool_reaches(d, "USED", 0x0a010000u, 0x0a01ffffu));
        assert_false(iu_pool_reaches(d, "USED", 0x0a020000u, 0x0a0200ffu));
        /* the pool's /24, not only its range */
        assert_non_null(iu_pool_holding(d, 0x0a090000u, 0x0a0900ffu, true));
        assert_null(iu_pool_holding(d, 0x0a080000u, 0x0a0800ffu, true));
        assert_non_null(iu_pool_holding(d, 0x0a080000u, 0x0a0800ffu, false));
        assert_false(iu_ike_enabled(d, false));
        assert_true(iu_ike_enabled(d, true));
        assert_non_null(iu_client_host_routes(d)); /* an ASA */
        model_free(d);
}

/* A static entry 10 taking 10.1/16 -> 10.9/16, and a dynamic entry whose
 * ACL lies inside it, referred to at seq %d; then the binding line (%s). */
#define DYN_BASE                                                                                   \
        "ASA Version 9.8(4)\nhostname a\n"                                                         \
        "access-list S extended permit ip 10.1.0.0 255.255.0.0 10.9.0.0 255.255.0.0\n"             \
        "access-list D extended permit ip 10.1.2.0 255.255.255.0 10.9.1.0 255.255.255.0\n"         \
        "crypto dynamic-map DY 10 match address D\n"                                               \
        "crypto map M 10 match address S\ncrypto map M 10 set peer 192.0.2.9\n"                    \
        "crypto map M %d ipsec-isakmp dynamic DY\n%s"

/* A dynamic-map entry's ACL whose flows a lower static entry takes. */
static void in_use_dynamic_entry(void **state)
{
        (void)state;
        static const struct {
                int seq;
                const char *bind;
                bool reached;
        } cases[] = {
            {65535, "crypto map M interface outside\n", false}, /* shadowed by 10 */
            {5, "crypto map M interface outside\n", true},      /* before the static entry */
            {65535, "", false},                                 /* map applied nowhere */
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char buf[1024];
                snprintf(buf, sizeof(buf), DYN_BASE, cases[i].seq, cases[i].bind);
                struct device *d = rd(buf);
                const struct crypto_map *dm = NULL;
                for (size_t k = 0; k < d->crypto_maps.n; k++)
                        if (((const struct crypto_map *)d->crypto_maps.v[k])->dynamic)
                                dm = d->crypto_maps.v[k];
                assert_non_null(dm);
                print_message("case %zu\n", i);
                assert_int_equal(iu_dynamic_entry_reached(d, dm->entries.v[0]), cases[i].reached);
                model_free(d);
        }
}

/* IOS IKEv1 responder: the ISAKMP profile a peer is bound to is the most
 * specific "match identity address" that holds it, ties in config order
 * (model/in_use.c); a VRF-qualified statement holds only peers of that VRF. */
static void profile_precedence(void **state)
{
        (void)state;
        struct device *dev =
            rd("version 15.4\nhostname h\n"
               "crypto isakmp profile ANY\n match identity address 0.0.0.0 0.0.0.0\n"
               "crypto isakmp profile NET\n match identity address 198.51.100.0 255.255.255.0\n"
               "crypto isakmp profile NET2\n match identity address 198.51.100.0 255.255.255.0\n"
               "crypto isakmp profile HOST\n match identity address 198.51.100.2 255.255.255.255\n"
               "crypto isakmp profile V\n match identity address 192.0.2.7 255.255.255.255 RED\n");
        const struct isakmp_profile *p =
            iu_profile_for_peer(dev, 198u << 24 | 51 << 16 | 100 << 8 | 2);
        assert_non_null(p);
        assert_string_equal(p->name, "HOST");
        p = iu_profile_for_peer(dev, 198u << 24 | 51 << 16 | 100 << 8 | 9);
        assert_non_null(p);
        assert_string_equal(p->name, "NET"); /* NET2 ties: config order */
        p = iu_profile_for_peer(dev, 192u << 24 | 0 << 16 | 2 << 8 | 7);
        assert_non_null(p);
        assert_string_equal(p->name, "ANY"); /* V holds it only in VRF RED */
        p = iu_profile_for_peer_vrf(dev, 192u << 24 | 0 << 16 | 2 << 8 | 7, "RED", false);
        assert_non_null(p);
        assert_string_equal(p->name, "V");
        assert_null(iu_profile_for_peer_vrf(dev, 192u << 24 | 0 << 16 | 2 << 8 | 7, "RED", true));
        model_free(dev);
}

/* Bindings and entries in use: a shut interface, a peer routed elsewhere,
 * a map applied nowhere, a dynamic map nothing applied refers to. */
static void in_use_bindings(void **state)
{
        (void)state;
        struct device *d =
            rd("ASA Version 9.8(4)\nhostname a\n"
               "interface G0\n nameif outside\n ip address 203.0.113.1 255.255.255.0\n"
               "interface G1\n nameif partner\n ip address 172.16.5.1 255.255.255.0\n"
               "interface G2\n nameif spare\n shutdown\n ip address 172.16.6.1 255.255.255.0\n"
               "route outside 0.0.0.0 0.0.0.0 203.0.113.254 1\n"
               "access-list A extended permit ip 10.1.0.0 255.255.0.0 10.9.0.0 255.255.0.0\n"
               "crypto ipsec ikev1 transform-set T esp-aes esp-sha-hmac\n"
               "crypto dynamic-map DY 10 set ikev1 transform-set T\n"
               "crypto dynamic-map UNUSED 10 set ikev1 transform-set T\n"
               "crypto map M 10 match address A\ncrypto map M 10 set peer 192.0.2.9\n"
               "crypto map M 10 set ikev1 transform-set T\n"
               "crypto map M interface outside\ncrypto map M interface partner\n"
               "crypto map M interface spare\n"
               "crypto map R 10 match address A\ncrypto map R 10 set peer 192.0.2.10\n"
               "crypto map R 20 ipsec-isakmp dynamic DY\ncrypto map R interface spare\n"
               "crypto map N 10 match address A\ncrypto map N 10 set peer 192.0.2.11\n");
        assert_int_equal(d->cmap_bindings.n, 4);
        const struct crypto_map_binding *out = d->cmap_bindings.v[0],
                                        *partner = d->cmap_bindings.v[1],
                                        *spare = d->cmap_bindings.v[2];
        assert_true(iu_binding_live(d, out));
        assert_false(iu_binding_live(d, spare));
        assert_true(iu_binding_reached(d, out));      /* the default route */
        assert_false(iu_binding_reached(d, partner)); /* the peer is not routed there */
        assert_false(iu_binding_reached(d, spare));   /* shut down */
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                const struct crypto_map_entry *e = m->entries.v[0];
                bool want = !strcmp(m->name, "M");
                print_message("map %s\n", m->name);
                /* R and DY only through the shut 'spare'; N applied nowhere;
                 * UNUSED referred to by nothing */
                assert_int_equal(iu_entry_in_use(d, e), want);
        }
        model_free(d);
}

/* The ASA answers ARP for a pool inside a connected subnet unless "sysopt
 * noproxyarp IF" names that interface (a later "no" line undoes it). */
static void in_use_pool_proxy_arp(void **state)
{
        (void)state;
        static const struct {
                const char *extra;
                bool arp;
        } cases[] = {
            {"", true},
            {"sysopt noproxyarp inside\n", false},
            {"sysopt noproxyarp outside\n", true},
            {"sysopt noproxyarp inside\nno sysopt noproxyarp inside\n", true},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char buf[512];
                snprintf(buf, sizeof(buf),
                         "ASA Version 9.8(4)\nhostname a\n"
                         "interface G1\n nameif inside\n ip address 10.1.0.1 255.255.255.0\n"
                         "ip local pool P 10.1.0.200-10.1.0.250 mask 255.255.255.0\n%s",
                         cases[i].extra);
                struct device *d = rd(buf);
                print_message("case %zu\n", i);
                const struct iface *f = model_get_nameif(d, "inside");
                assert_non_null(f);
                assert_int_equal(iu_pool_proxy_arp(d, d->pools.v[0], f) != NULL, cases[i].arp);
                model_free(d);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(in_use_ra),
            cmocka_unit_test(in_use_dynamic_entry),
            cmocka_unit_test(in_use_bindings),
            cmocka_unit_test(in_use_pool_proxy_arp),
            cmocka_unit_test(pool_broadcast_cases),
            cmocka_unit_test(cover_mask),
            cmocka_unit_test(protocol_cases),
            cmocka_unit_test(profile_precedence),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
