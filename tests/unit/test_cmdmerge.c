/* Config-mode semantics: a later command changes what an earlier one made,
 * as on the device (src/config/cmdmerge.c, the rows' struct cmd_sem). Each
 * case reads a config plus pasted changes and checks the model and, where
 * it matters, the merged text that `apply` writes. */
#include "test_util.h"

#include <stdlib.h>

#include "config/cmdmerge.h"
#include "config/config.h"
#include "util/ipv4.h"

struct rd {
        struct device *dev;
        struct cmd_merged m;
};

static struct rd rd(enum platform p, const char *cfg, const char *chg)
{
        struct rd r = {0};
        struct diag err;
        int rc = config_read_changed_buffer("t.cfg", cfg, strlen(cfg), chg, strlen(chg), p, &r.dev,
                                            &r.m, &err);
        if (rc)
                printf("%s\n", err.msg);
        assert_int_equal(rc, 0);
        return r;
}

/* The merged text, one line per "\n", indentation written as spaces. */
static char *text_of(const struct cmd_merged *m)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_non_null(f);
        assert_int_equal(cmd_merged_write(f, m, true), 0);
        fclose(f);
        return buf;
}

static uint32_t ip(const char *s)
{
        uint32_t a = 0;
        assert_true(lex_ipv4(s, &a));
        return a;
}

static size_t count_psks_for(const struct device *d, const char *addr)
{
        size_t n = 0;
        for (size_t i = 0; i < d->psks.n; i++) {
                const struct psk *k = d->psks.v[i];
                n += k->has_addr && k->addr == ip(addr);
        }
        return n;
}

static const struct crypto_map_entry *entry(const struct device *d, const char *map, int seq)
{
        const struct crypto_map *m = model_get_cmap(d, map);
        for (size_t i = 0; m && i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                if (e->seq == seq)
                        return e;
        }
        return NULL;
}

static const char ios_cfg[] = "version 15.4\n"
                              "hostname R1\n"
                              "crypto isakmp policy 10\n"
                              " encryption 3des\n"
                              " hash md5\n"
                              " group 2\n"
                              "crypto isakmp key old123 address 192.0.2.1\n"
                              "crypto ipsec transform-set TS esp-3des esp-md5-hmac\n"
                              "crypto ipsec transform-set TS2 esp-aes esp-sha-hmac\n"
                              "ip access-list extended VPN\n"
                              " permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
                              " permit tcp 10.0.0.0 0.0.0.255 10.2.0.0 0.0.0.255 eq 80\n"
                              "access-list 101 permit ip any any\n"
                              "access-list 101 deny ip host 10.9.9.9 any\n"
                              "crypto map CM 10 ipsec-isakmp\n"
                              " set peer 192.0.2.1\n"
                              " set transform-set TS\n"
                              " match address VPN\n"
                              "crypto map CM 20 ipsec-isakmp\n"
                              " set peer 192.0.2.9\n"
                              " set transform-set TS\n"
                              " match address 101\n"
                              "ip local pool P 10.5.0.1 10.5.0.50\n"
                              "end\n";

/* A second key for the same address replaces the first; "no" removes. */
static void ios_isakmp_key_replaced_and_removed(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_IOS, ios_cfg, "crypto isakmp key new456 address 192.0.2.1\n");
        assert_int_equal(count_psks_for(r.dev, "192.0.2.1"), 1);
        model_free(r.dev);
        r = rd(PLAT_IOS, ios_cfg, "no crypto isakmp key old123 address 192.0.2.1\n");
        assert_int_equal(count_psks_for(r.dev, "192.0.2.1"), 0);
        model_free(r.dev);
        /* the running config's own order: a key entered twice keeps one */
        r = rd(PLAT_IOS, ios_cfg, "crypto isakmp key 0 x address 192.0.2.1 no-xauth\n");
        assert_int_equal(count_psks_for(r.dev, "192.0.2.1"), 1);
        assert_true(((const struct psk *)r.dev->psks.v[0])->no_xauth);
        model_free(r.dev);
}

/* A sub-mode entered again: settings replaced in the first block. */
static void ios_submode_reentered(void **st)
{
        (void)st;
        struct rd r =
            rd(PLAT_IOS, ios_cfg,
               "crypto isakmp policy 10\n encryption aes 256\n"
               "crypto map CM 10 ipsec-isakmp\n set transform-set TS2\n set pfs group14\n");
        const struct isakmp_policy *p = r.dev->isakmp_policies.v[0];
        assert_int_equal(p->encr, ENCR_AES);
        assert_int_equal(p->key_bits, 256);
        const struct crypto_map_entry *e = entry(r.dev, "CM", 10);
        assert_non_null(e);
        assert_int_equal(e->tsets.n, 1);
        assert_string_equal(e->tsets.v[0], "TS2");
        assert_int_equal(e->pfs_group, 14);
        char *t = text_of(&r.m);
        assert_non_null(strstr(t, "crypto isakmp policy 10\n encryption aes 256\n hash md5\n"));
        assert_non_null(strstr(t, " set transform-set TS2\n match address VPN\n set pfs group14\n"
                                  "crypto map CM 20"));
        assert_null(strstr(t, "encryption 3des"));
        free(t);
        model_free(r.dev);
}

/* IOS ACL sequence numbers: "5 deny" goes first, "no 20" removes entry 20. */
static void ios_acl_sequence_numbers(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_IOS, ios_cfg,
                         "ip access-list extended VPN\n 5 deny ip host 10.0.0.9 any\n no 20\n"
                         " 15 permit icmp any any\n");
        const struct acl *a = model_get_acl(r.dev, "VPN");
        assert_int_equal(a->aces.n, 3);
        const struct ace *e0 = a->aces.v[0], *e1 = a->aces.v[1], *e2 = a->aces.v[2];
        assert_int_equal(e0->action, ACL_DENY);
        assert_int_equal(e1->action, ACL_PERMIT);
        assert_int_equal(e1->boxes[0].proto.lo, 0);
        assert_int_equal(e2->boxes[0].proto.lo, PROTO_ICMP);
        model_free(r.dev);
        /* a number in use is refused, as IOS does */
        r = rd(PLAT_IOS, ios_cfg, "ip access-list extended VPN\n 10 deny ip any any\n");
        a = model_get_acl(r.dev, "VPN");
        assert_int_equal(a->aces.n, 2);
        assert_int_equal(((const struct ace *)a->aces.v[0])->action, ACL_PERMIT);
        model_free(r.dev);
}

/* A numbered list edited by its number: "5 deny" goes before its entries. */
static void ios_numbered_acl_by_sequence(void **st)
{
        (void)st;
        struct rd r =
            rd(PLAT_IOS, ios_cfg, "ip access-list extended 101\n 5 deny ip host 10.7.7.7 any\n");
        const struct acl *a = model_get_acl(r.dev, "101");
        assert_int_equal(a->aces.n, 3);
        assert_int_equal(((const struct ace *)a->aces.v[0])->action, ACL_DENY);
        assert_int_equal(((const struct ace *)a->aces.v[1])->action, ACL_PERMIT);
        model_free(r.dev);
}

/* Exact-entry removal in a named ACL; "no access-list 101 ..." drops all 101. */
static void ios_acl_no_forms(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_IOS, ios_cfg,
                         "ip access-list extended VPN\n"
                         " no permit tcp 10.0.0.0 0.0.0.255 10.2.0.0 0.0.0.255 eq 80\n"
                         "no access-list 101 deny ip host 10.9.9.9 any\n");
        assert_int_equal(model_get_acl(r.dev, "VPN")->aces.n, 1);
        const struct acl *a = model_get_acl(r.dev, "101");
        assert_true(!a || a->aces.n == 0);
        model_free(r.dev);
}

/* "no crypto map M N" removes the entry with its block; the pool goes. */
static void ios_no_crypto_map_and_pool(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_IOS, ios_cfg, "no crypto map CM 20\nno ip local pool P\n");
        assert_null(entry(r.dev, "CM", 20));
        assert_non_null(entry(r.dev, "CM", 10));
        assert_null(model_get_pool(r.dev, "P"));
        char *t = text_of(&r.m);
        assert_null(strstr(t, "192.0.2.9"));
        assert_null(strstr(t, "match address 101"));
        free(t);
        model_free(r.dev);
}

/* A transform set defined again with other transforms replaces the first. */
static void ios_tset_redefined(void **st)
{
        (void)st;
        struct rd r =
            rd(PLAT_IOS, ios_cfg, "crypto ipsec transform-set TS esp-aes 256 esp-sha-hmac\n");
        const struct transform_set *t = model_get_tset(r.dev, "TS");
        assert_non_null(t);
        char *txt = text_of(&r.m);
        assert_non_null(strstr(txt, "crypto ipsec transform-set TS esp-aes 256 esp-sha-hmac\n"));
        assert_null(strstr(txt, "esp-3des"));
        free(txt);
        model_free(r.dev);
}

/* A new top-level line goes after the last line of its kind, not at the end. */
static void pasted_line_placed_by_kind(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_IOS, ios_cfg, "access-list 101 permit ip host 10.8.8.8 any\n");
        char *t = text_of(&r.m);
        assert_non_null(strstr(t, "access-list 101 deny ip host 10.9.9.9 any\n"
                                  "access-list 101 permit ip host 10.8.8.8 any\n"
                                  "crypto map CM 10"));
        free(t);
        model_free(r.dev);
}

/* An unchanged running config reads without a second pass. */
static void unchanged_config_not_rewritten(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_IOS, ios_cfg, "");
        assert_false(r.m.changed);
        for (size_t i = 0; i < r.m.text.n; i++)
                assert_int_equal(r.m.origin[i], i);
        model_free(r.dev);
}

static const char asa_cfg[] = "ASA Version 9.8(4)\n"
                              "hostname hq\n"
                              "interface GigabitEthernet0/0\n"
                              " nameif outside\n"
                              " security-level 0\n"
                              " ip address 203.0.113.1 255.255.255.0\n"
                              "object network LAN\n"
                              " subnet 10.10.0.0 255.255.0.0\n"
                              "access-list V extended permit ip 10.10.0.0 255.255.0.0 10.20.0.0 "
                              "255.255.0.0\n"
                              "access-list V extended permit tcp 10.10.0.0 255.255.0.0 10.30.0.0 "
                              "255.255.0.0 eq www\n"
                              "ip local pool RA 10.50.0.1-10.50.0.100 mask 255.255.255.0\n"
                              "route outside 0.0.0.0 0.0.0.0 203.0.113.254 1\n"
                              "crypto ipsec ikev1 transform-set T1 esp-aes esp-sha-hmac\n"
                              "crypto ipsec ikev1 transform-set T2 esp-3des esp-md5-hmac\n"
                              "crypto map M 10 match address V\n"
                              "crypto map M 10 set peer 198.51.100.2\n"
                              "crypto map M 10 set ikev1 transform-set T1\n"
                              "crypto map M interface outside\n"
                              "crypto ikev1 enable outside\n"
                              "crypto ikev1 policy 10\n"
                              " authentication pre-share\n"
                              " encryption aes\n"
                              " hash sha\n"
                              " group 2\n"
                              " lifetime 86400\n"
                              "group-policy GP internal\n"
                              "group-policy GP attributes\n"
                              " vpn-idle-timeout 30\n"
                              "tunnel-group 198.51.100.2 type ipsec-l2l\n"
                              "tunnel-group 198.51.100.2 ipsec-attributes\n"
                              " ikev1 pre-shared-key old\n"
                              "object network LAN\n"
                              " nat (inside,outside) dynamic interface\n"
                              ": end\n";

/* "line N" inserts before the N-th entry; "no access-list ..." removes one. */
static void asa_acl_line_and_exact_removal(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_ASA, asa_cfg,
                         "access-list V line 1 extended deny ip host 10.10.0.9 any\n"
                         "no access-list V extended permit tcp 10.10.0.0 255.255.0.0 10.30.0.0 "
                         "255.255.0.0 eq www\n");
        const struct acl *a = model_get_acl(r.dev, "V");
        assert_int_equal(a->aces.n, 2);
        assert_int_equal(((const struct ace *)a->aces.v[0])->action, ACL_DENY);
        char *t = text_of(&r.m);
        assert_non_null(strstr(t, "access-list V extended deny ip host 10.10.0.9 any\n"
                                  "access-list V extended permit ip"));
        assert_null(strstr(t, "line 1"));
        free(t);
        model_free(r.dev);
}

/* ASA one-line crypto map settings: set again replaces; clear configure. */
static void asa_cmap_set_again_and_clear(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_ASA, asa_cfg,
                         "crypto map M 10 set ikev1 transform-set T2\n"
                         "crypto map M 10 set peer 198.51.100.7\n");
        const struct crypto_map_entry *e = entry(r.dev, "M", 10);
        assert_int_equal(e->tsets.n, 1);
        assert_string_equal(e->tsets.v[0], "T2");
        assert_int_equal(e->peers.n, 1);
        assert_int_equal(((const struct cm_peer *)e->peers.v[0])->addr, ip("198.51.100.7"));
        char *t = text_of(&r.m);
        assert_non_null(strstr(t, "crypto map M 10 set peer 198.51.100.7\n"
                                  "crypto map M 10 set ikev1 transform-set T2\n"));
        free(t);
        model_free(r.dev);
        r = rd(PLAT_ASA, asa_cfg, "clear configure crypto map M\n");
        assert_null(entry(r.dev, "M", 10));
        model_free(r.dev);
}

/* Pools, routes, group-policy and tunnel-group attributes. */
static void asa_pool_route_gp_tg(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_ASA, asa_cfg,
                         "no ip local pool RA 10.50.0.1-10.50.0.100 mask 255.255.255.0\n"
                         "ip local pool RA2 10.60.0.1-10.60.0.10 mask 255.255.255.0\n"
                         "no route outside 0.0.0.0 0.0.0.0 203.0.113.254 1\n"
                         "group-policy GP attributes\n vpn-idle-timeout none\n"
                         "tunnel-group 198.51.100.2 ipsec-attributes\n ikev1 pre-shared-key new\n");
        assert_null(model_get_pool(r.dev, "RA"));
        assert_non_null(model_get_pool(r.dev, "RA2"));
        assert_int_equal(r.dev->routes.n, 0);
        char *t = text_of(&r.m);
        assert_non_null(strstr(t, "group-policy GP attributes\n vpn-idle-timeout none\n"));
        assert_null(strstr(t, "vpn-idle-timeout 30"));
        assert_non_null(strstr(t, " ikev1 pre-shared-key new\n"));
        assert_null(strstr(t, "pre-shared-key old"));
        free(t);
        model_free(r.dev);
}

/* "no" of a default-on setting stays; "no" of a line removes the line. */
static void asa_no_forms_of_settings(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_ASA, asa_cfg,
                         "no sysopt connection permit-vpn\nno crypto ikev1 enable outside\n");
        assert_int_equal(r.dev->sysopt.permit_vpn, TRI_OFF);
        char *t = text_of(&r.m);
        assert_non_null(strstr(t, "no sysopt connection permit-vpn\n"));
        assert_null(strstr(t, "crypto ikev1 enable outside"));
        free(t);
        model_free(r.dev);
        r = rd(PLAT_ASA, asa_cfg,
               "no sysopt connection permit-vpn\nsysopt connection permit-vpn\n");
        assert_int_equal(r.dev->sysopt.permit_vpn, TRI_ON);
        model_free(r.dev);
}

/* The ASA prints an object twice (definition, then its NAT): not a change. */
static void asa_running_config_reads_unchanged(void **st)
{
        (void)st;
        struct rd r = rd(PLAT_ASA, asa_cfg, "");
        assert_false(r.m.changed);
        model_free(r.dev);
}

/* A transcript that says it twice, as typed: the second value wins. */
static void transcript_in_one_file(void **st)
{
        (void)st;
        static const char cfg[] = "version 15.4\nhostname R1\n"
                                  "crypto isakmp key a address 192.0.2.1\n"
                                  "crypto map CM 10 ipsec-isakmp\n set peer 192.0.2.1\n"
                                  " set transform-set TS\n"
                                  "crypto map CM 10 ipsec-isakmp\n set transform-set TS2\n"
                                  "crypto isakmp key b address 192.0.2.1\n";
        struct device *d = NULL;
        struct diag err;
        assert_int_equal(config_read_buffer("t.cfg", cfg, strlen(cfg), PLAT_IOS, &d, &err), 0);
        assert_int_equal(count_psks_for(d, "192.0.2.1"), 1);
        const struct crypto_map_entry *e = entry(d, "CM", 10);
        assert_int_equal(e->tsets.n, 1);
        assert_string_equal(e->tsets.v[0], "TS2");
        model_free(d);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(ios_isakmp_key_replaced_and_removed),
            cmocka_unit_test(ios_submode_reentered),
            cmocka_unit_test(ios_acl_sequence_numbers),
            cmocka_unit_test(ios_acl_no_forms),
            cmocka_unit_test(ios_numbered_acl_by_sequence),
            cmocka_unit_test(ios_no_crypto_map_and_pool),
            cmocka_unit_test(ios_tset_redefined),
            cmocka_unit_test(pasted_line_placed_by_kind),
            cmocka_unit_test(unchanged_config_not_rewritten),
            cmocka_unit_test(asa_acl_line_and_exact_removal),
            cmocka_unit_test(asa_cmap_set_again_and_clear),
            cmocka_unit_test(asa_pool_route_gp_tg),
            cmocka_unit_test(asa_no_forms_of_settings),
            cmocka_unit_test(asa_running_config_reads_unchanged),
            cmocka_unit_test(transcript_in_one_file),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
