/* trace: the phase decisions on small configs (config reader + trace_run). */
#include "test_util.h"

#include "config/config.h"
#include "trace/trace.h"
#include "trace/trace_int.h"

#define IP(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (d))

struct run {
        struct device *dev;
        struct findings fs;
        struct trace t;
};

static void trace_cfg(struct run *r, const char *cfg, uint32_t src, uint32_t dst, const char *in)
{
        struct diag err;
        assert_int_equal(config_read_buffer("t.cfg", cfg, strlen(cfg), PLAT_UNKNOWN, &r->dev, &err),
                         0);
        findings_init(&r->fs);
        struct trace_packet p = {src, dst, PROTO_ICMP, 0, 0, in};
        assert_int_equal(trace_run(r->dev, &p, &r->t, &r->fs), 0);
}

static void run_free(struct run *r)
{
        findings_free(&r->fs);
        model_free(r->dev);
}

static bool has_finding(const struct run *r, const char *id)
{
        for (size_t i = 0; i < r->fs.list.n; i++)
                if (!strcmp(((const struct finding *)r->fs.list.v[i])->diag->id, id))
                        return true;
        return false;
}

static const char asa9[] =
    "ASA Version 9.8(4)\n"
    "interface G0/0\n nameif outside\n security-level 0\n ip address 198.51.100.2 255.255.255.0\n"
    "interface G0/1\n nameif inside\n security-level 100\n ip address 10.1.0.1 255.255.0.0\n"
    "interface G0/2\n nameif dmz\n security-level 50\n ip address 172.16.1.1 255.255.255.0\n"
    "object network IN-PAT\n subnet 10.1.0.0 255.255.0.0\n nat (inside,outside) dynamic interface\n"
    "access-list A extended deny ip host 10.1.5.99 192.168.20.0 255.255.255.0\n"
    "access-list A extended permit ip 10.1.0.0 255.255.0.0 192.168.20.0 255.255.255.0\n"
    "access-list B extended permit ip 10.1.0.0 255.255.0.0 192.168.20.0 255.255.255.0\n"
    "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1\n"
    "crypto dynamic-map DYN 10 set ikev1 transform-set T\n"
    "crypto map M 10 match address A\n crypto map M 10 set peer 203.0.113.1\n"
    "crypto map M 20 match address B\ncrypto map M 20 set peer 203.0.113.2 203.0.113.3\n"
    "crypto map M 65535 ipsec-isakmp dynamic DYN\n"
    "crypto map M interface outside\n";

/* The PAT rule translates the packet before the crypto map: the real
 * source matches seq 10, the translated one nothing. */
static void nat_before_crypto(void **state)
{
        (void)state;
        struct run r;
        trace_cfg(&r, asa9, IP(10, 1, 5, 5), IP(192, 168, 20, 9), NULL);
        assert_true(r.t.translated);
        assert_true(r.t.xlate_known);
        assert_int_equal(r.t.xlate_src, IP(198, 51, 100, 2));
        assert_false(r.t.encrypted);
        assert_true(r.t.expected_crypto);
        assert_false(r.t.dropped);
        assert_true(has_finding(&r, "nat-exemption-missing"));
        assert_int_equal(r.t.nphases, TT_COUNT);
        assert_int_equal(r.t.phases[TT_CRYPTO].verdict, TV_DROP);
        run_free(&r);
}

/* Without the PAT rule: a deny ACE in seq 10 sends the packet to seq 20,
 * and the catch-all dynamic entry (no ACL) encrypts nothing outbound. */
static void deny_falls_to_next_entry(void **state)
{
        (void)state;
        char cfg[sizeof(asa9)];
        memcpy(cfg, asa9, sizeof(asa9));
        char *nat = strstr(cfg, " nat (inside,outside)");
        memcpy(nat, "!", 1); /* turns the object NAT line into a comment */
        struct run r;
        trace_cfg(&r, cfg, IP(10, 1, 5, 99), IP(192, 168, 20, 9), NULL);
        assert_true(r.t.encrypted);
        assert_int_equal(r.t.crypto.entry->seq, 20);
        assert_non_null(strstr(r.t.phases[TT_CRYPTO].detail, "Seq 10: access-list A line"));
        assert_non_null(strstr(r.t.phases[TT_CRYPTO].detail, "then backup 203.0.113.3"));
        run_free(&r);

        trace_cfg(&r, cfg, IP(10, 1, 5, 5), IP(8, 8, 8, 8), NULL);
        assert_false(r.t.encrypted);
        assert_false(r.t.expected_crypto);
        assert_null(r.t.crypto.entry);
        run_free(&r);
}

/* Arriving on outside: decrypted only when the reverse matches an entry
 * with an ACL; then the default sysopt permit-vpn skips the security levels. */
static void decrypted_and_levels(void **state)
{
        (void)state;
        struct run r;
        trace_cfg(&r, asa9, IP(192, 168, 20, 9), IP(10, 1, 5, 5), "outside");
        assert_true(r.t.decrypted);
        assert_int_equal(r.t.inbound.entry->seq, 10);
        assert_false(r.t.dropped);
        run_free(&r);

        /* the catch-all dynamic entry is no proof of a tunnel */
        trace_cfg(&r, asa9, IP(8, 8, 8, 8), IP(10, 1, 5, 5), "outside");
        assert_false(r.t.decrypted);
        assert_true(r.t.dropped);
        assert_int_equal(r.t.phases[TT_ACL].verdict, TV_DROP);
        assert_false(has_finding(&r, "sysopt-permit-vpn-off"));
        run_free(&r);

        trace_cfg(&r, asa9, IP(172, 16, 1, 9), IP(10, 1, 5, 5), NULL);
        assert_true(r.t.dropped); /* 50 to 100 without an ACL */
        run_free(&r);
        trace_cfg(&r, asa9, IP(10, 1, 5, 5), IP(172, 16, 1, 9), NULL);
        assert_false(r.t.dropped); /* 100 to 50 */
        run_free(&r);
}

/* Legacy static NAT of a network keeps the host part. */
static void static_network_offset(void **state)
{
        (void)state;
        static const char cfg[] =
            "ASA Version 8.2(5)\n"
            "interface E0/0\n nameif outside\n security-level 0\n ip address 198.51.100.2 "
            "255.255.255.0\n"
            "interface E0/1\n nameif inside\n security-level 100\n ip address 10.1.1.1 "
            "255.255.255.0\n"
            "static (inside,outside) 203.0.113.0 10.1.1.0 netmask 255.255.255.0\n"
            "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1\n";
        struct run r;
        trace_cfg(&r, cfg, IP(10, 1, 1, 7), IP(8, 8, 8, 8), NULL);
        assert_true(r.t.translated);
        assert_true(r.t.xlate_known);
        assert_int_equal(r.t.xlate_src, IP(203, 0, 113, 7));
        run_free(&r);
}

/* IOS: no route to the remote network, while the crypto map would take it. */
static void ios_no_route(void **state)
{
        (void)state;
        static const char cfg[] = "version 15.4\n"
                                  "crypto map C 10 ipsec-isakmp\n set peer 203.0.113.7\n"
                                  " match address V\n"
                                  "interface Gi0/0\n ip address 198.51.100.6 255.255.255.252\n"
                                  " crypto map C\n"
                                  "interface Gi0/1\n ip address 10.3.0.1 255.255.255.0\n"
                                  "ip access-list extended V\n"
                                  " permit ip 10.3.0.0 0.0.0.255 192.168.80.0 0.0.0.255\n";
        struct run r;
        trace_cfg(&r, cfg, IP(10, 3, 0, 9), IP(192, 168, 80, 1), NULL);
        assert_true(r.t.dropped);
        assert_null(r.t.out);
        assert_int_equal(r.t.nphases, 3); /* input, route, result */
        assert_true(has_finding(&r, "route-to-remote-missing"));
        run_free(&r);

        /* the router's own address as source: a test ping that is never encrypted */
        trace_cfg(&r, cfg, IP(198, 51, 100, 6), IP(10, 3, 0, 9), NULL);
        assert_true(r.t.from_box);
        assert_false(r.t.dropped);
        run_free(&r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(nat_before_crypto),    cmocka_unit_test(deny_falls_to_next_entry),
            cmocka_unit_test(decrypted_and_levels), cmocka_unit_test(static_network_offset),
            cmocka_unit_test(ios_no_route),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
