/* The IKE vocabulary (src/ike/vocab.c) and the IPv4 helpers (src/util/ipv4.c). */
#include "test_util.h"

#include "ike/vocab.h"
#include "util/ipv4.h"

static void tables_sorted_and_named(void **state)
{
        (void)state;
        for (int r = 0; r < IKE_REG_COUNT; r++) {
                const struct ike_name *t = NULL;
                size_t n = ike_registry_table((enum ike_registry)r, &t);
                assert_true(n > 0);
                for (size_t i = 0; i < n; i++) {
                        assert_non_null(t[i].name);
                        if (i)
                                assert_true(t[i - 1].num < t[i].num);
                        assert_string_equal(ike_name_of((enum ike_registry)r, t[i].num), t[i].name);
                }
        }
        assert_null(ike_name_of(IKE_REG_COUNT, 1));
        assert_null(ike_name_of(IKE_REG_V2_ENCR, 17)); /* unassigned */
}

/* Numbers from the registries themselves, so that a typo in a table fails. */
static void iana_numbers(void **state)
{
        (void)state;
        assert_string_equal(ike_name_of(IKE_REG_V1_ENCR, 7), "AES-CBC");
        assert_string_equal(ike_name_of(IKE_REG_V1_ENCR, 5), "3DES-CBC");
        assert_string_equal(ike_name_of(IKE_REG_V1_HASH, 2), "SHA");
        assert_string_equal(ike_name_of(IKE_REG_V1_AUTH, 65001), "XAUTHInitPreShared");
        assert_string_equal(ike_name_of(IKE_REG_V2_ENCR, 12), "AES_CBC");
        assert_string_equal(ike_name_of(IKE_REG_V2_ENCR, 20), "AES_GCM_16");
        assert_string_equal(ike_name_of(IKE_REG_V2_ENCR, 28), "CHACHA20_POLY1305");
        assert_string_equal(ike_name_of(IKE_REG_V2_PRF, 5), "HMAC_SHA2_256");
        assert_string_equal(ike_name_of(IKE_REG_V2_INTEG, 12), "HMAC_SHA2_256_128");
        assert_string_equal(ike_name_of(IKE_REG_V2_AUTH, 2), "Shared Key Message Integrity Code");
        assert_string_equal(ike_name_of(IKE_REG_DH_GROUP, 14), "MODP_2048");
        assert_string_equal(ike_name_of(IKE_REG_DH_GROUP, 19), "ECP_256");
        assert_string_equal(ike_name_of(IKE_REG_DH_GROUP, 31), "CURVE_25519");
        assert_string_equal(ike_name_of(IKE_REG_ESP_ID, 23), "ESP_NULL_AUTH_AES-GMAC");
        assert_string_equal(ike_name_of(IKE_REG_V1_ID, 4), "ID_IPV4_ADDR_SUBNET");
        assert_string_equal(ike_name_of(IKE_REG_V2_ID, 3), "ID_RFC822_ADDR");
        assert_true(ike_dh_group_known(2));
        assert_false(ike_dh_group_known(6));
        assert_false(ike_dh_group_known(0));
}

static void wire_to_neutral(void **state)
{
        (void)state;
        /* DES is 1 in IKEv1 phase 1 and 2 in the DOI / IKEv2 */
        assert_int_equal(ike_encr_from_v1(1), ENCR_DES);
        assert_int_equal(ike_encr_from_v2(2), ENCR_DES);
        assert_int_equal(ike_encr_from_esp(2), ENCR_DES);
        assert_int_equal(ike_encr_from_v1(7), ENCR_AES);
        assert_int_equal(ike_encr_from_v2(12), ENCR_AES);
        assert_int_equal(ike_encr_from_v2(20), ENCR_AES_GCM);
        assert_int_equal(ike_encr_from_v2(21), ENCR_AES_GMAC);
        assert_int_equal(ike_encr_from_esp(23), ENCR_AES_GMAC);
        assert_int_equal(ike_encr_from_esp(21), ENCR_OTHER); /* SEED, not GMAC */
        assert_int_equal(ike_encr_from_v2(13), ENCR_OTHER);  /* AES-CTR */
        assert_int_equal(ike_encr_from_v2(17), ENCR_NONE);   /* unassigned */
        assert_int_equal(ike_encr_from_v1(99), ENCR_NONE);
        assert_int_equal(ike_hash_from_v1(2), HASH_SHA1);
        assert_int_equal(ike_hash_from_v1(3), HASH_OTHER); /* Tiger */
        assert_int_equal(ike_hash_from_ipsec_auth(5), HASH_SHA256);
        assert_int_equal(ike_hash_from_v2_prf(7), HASH_SHA512);
        assert_int_equal(ike_hash_from_v2_integ(13), HASH_SHA384);
        assert_int_equal(ike_hash_from_v2_integ(0), HASH_NONE);
        bool x = true;
        assert_int_equal(ike_auth_from_v1(1, &x), AUTH_PSK);
        assert_false(x);
        assert_int_equal(ike_auth_from_v1(65001, &x), AUTH_PSK);
        assert_true(x);
        assert_int_equal(ike_auth_from_v1(65006, &x), AUTH_RSA_SIG);
        assert_true(x);
        assert_int_equal(ike_auth_from_v1(65010, NULL), AUTH_RSA_ENCR);
        assert_int_equal(ike_auth_from_v1(10, NULL), AUTH_ECDSA_SIG);
        assert_int_equal(ike_auth_from_v1(2, NULL), AUTH_OTHER); /* DSS */
        assert_int_equal(ike_auth_from_v1(40000, NULL), AUTH_UNSET);
        assert_int_equal(ike_v2auth_from_wire(2), V2AUTH_PSK);
        assert_int_equal(ike_v2auth_from_wire(1), V2AUTH_RSA);
        assert_int_equal(ike_v2auth_from_wire(11), V2AUTH_ECDSA);
        assert_int_equal(ike_v2auth_from_wire(14), V2AUTH_SIGNATURE);
        assert_int_equal(ike_v2auth_from_wire(13), 0);
        assert_int_equal(ike_identity_from_v1(4), IDENT_ADDRESS);
        assert_int_equal(ike_identity_from_v1(3), IDENT_HOSTNAME);
        assert_int_equal(ike_identity_from_v1(9), IDENT_DN);
        assert_int_equal(ike_identity_from_v2(11), IDENT_KEY_ID);
        assert_int_equal(ike_identity_from_v2(13), IDENT_UNSET);
}

static void ipv4_helpers(void **state)
{
        (void)state;
        uint32_t a, m;
        int p;
        char buf[16];
        assert_true(lex_ipv4("10.1.2.3", &a));
        assert_int_equal(a, 0x0a010203u);
        assert_string_equal(ipv4_str(a, buf), "10.1.2.3");
        assert_false(lex_ipv4("10.1.2", &a));
        assert_false(lex_ipv4("10.1.2.256", &a));
        assert_false(lex_ipv4("10.1.2.3 ", &a));
        assert_false(lex_ipv4("0010.1.2.3", &a));
        assert_false(lex_ipv4(NULL, &a));
        assert_true(lex_netmask("255.255.255.0", &m, &p));
        assert_int_equal(p, 24);
        assert_false(lex_netmask("255.0.255.0", &m, &p));
        assert_true(lex_prefix("192.168.0.0/16", &a, &m));
        assert_int_equal(m, 0xffff0000u);
        assert_true(lex_prefix("0.0.0.0/0", &a, &m));
        assert_int_equal(m, 0);
        assert_false(lex_prefix("10.0.0.0/33", &a, &m));
        assert_false(lex_prefix("10.0.0.0/", &a, &m));
        assert_false(lex_prefix("10.0.0.0/-1", &a, &m));
        assert_false(lex_prefix("10.0.0.0", &a, &m));
        assert_int_equal(mask_prefix_len(0xfffffffcu), 30);
        assert_int_equal(mask_prefix_len(0xff00ff00u), -1);
        assert_int_equal(prefix_to_mask(0), 0);
        assert_int_equal(prefix_to_mask(32), 0xffffffffu);
        uint32_t lo, hi;
        assert_true(wildcard_range(0x0a000000u, 0xffu, &lo, &hi));
        assert_int_equal(hi, 0x0a0000ffu);
        assert_false(wildcard_range(0x0a000000u, 0x00ff00ffu, &lo, &hi));
        netmask_range(0x0a000105u, 0xffffff00u, &lo, &hi);
        assert_int_equal(lo, 0x0a000100u);
        assert_int_equal(hi, 0x0a0001ffu);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(tables_sorted_and_named),
            cmocka_unit_test(iana_numbers),
            cmocka_unit_test(wire_to_neutral),
            cmocka_unit_test(ipv4_helpers),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
