/* The pure negotiation decisions (src/negotiate/negotiate.h). */
#include "test_util.h"

#include "model/flowset.h"
#include "config/config.h"
#include "negotiate/nat_path.h"
#include "negotiate/negotiate.h"

#define IP(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (d))

static struct flowbox net2net(uint32_t s, int slen, uint32_t d, int dlen)
{
        struct flowbox b = fb_any();
        b.src = range_from_mask(s, slen ? ~0u << (32 - slen) : 0);
        b.dst = range_from_mask(d, dlen ? ~0u << (32 - dlen) : 0);
        return b;
}

static const struct p1_prop aes256 = {10, ENCR_AES, 256, HASH_SHA1, AUTH_PSK, 14, 86400};
static const struct p1_prop des = {20, ENCR_3DES, 0, HASH_MD5, AUTH_PSK, 2, 86400};

static void p1_match_in_responder_order(void **state)
{
        (void)state;
        struct p1_prop ini[] = {des, aes256};
        struct p1_prop resp[] = {aes256, des};
        struct p1_choice c = p1_select(ini, 2, resp, 2, PLAT_IOS);
        assert_true(c.ok);
        /* The responder's highest-priority policy is tried first. */
        assert_int_equal(c.resp, 0);
        assert_int_equal(c.ini, 1);
        assert_int_equal(c.lifetime, 86400);
        assert_false(c.lifetime_differs);
}

static void p1_no_match(void **state)
{
        (void)state;
        struct p1_prop other = aes256;
        other.group = 5;
        struct p1_choice c = p1_select(&aes256, 1, &other, 1, PLAT_ASA);
        assert_false(c.ok);
        assert_false(c.lifetime_only);
        other = aes256;
        other.key_bits = 128; /* AES key size counts */
        assert_false(p1_select(&aes256, 1, &other, 1, PLAT_IOS).ok);
        assert_false(p1_select(&aes256, 1, NULL, 0, PLAT_ASA).ok); /* ASA 8.4+ without policies */
}

static void p1_lifetime_rule_per_platform(void **state)
{
        (void)state;
        struct p1_prop ini = aes256, resp = aes256;
        ini.lifetime = 86400;
        resp.lifetime = 28800; /* proposed longer than the responder's */
        struct p1_choice ios = p1_select(&ini, 1, &resp, 1, PLAT_IOS);
        assert_false(ios.ok);
        assert_true(ios.lifetime_only);
        assert_int_equal(ios.assumed, PLAT_IOS);
        struct p1_choice asa = p1_select(&ini, 1, &resp, 1, PLAT_ASA);
        assert_true(asa.ok);
        assert_true(asa.responder_lifetime_notify);
        assert_int_equal(asa.lifetime, 28800);
        assert_int_equal(asa.assumed, PLAT_ASA);
        /* Shorter proposed: accepted everywhere, the shorter is used. */
        struct p1_choice c = p1_select(&resp, 1, &ini, 1, PLAT_IOS);
        assert_true(c.ok);
        assert_true(c.lifetime_differs);
        assert_int_equal(c.lifetime, 28800);
        /* 0 is infinite: longer than any number. */
        resp.lifetime = 0;
        assert_true(p1_select(&ini, 1, &resp, 1, PLAT_IOS).ok);
        assert_false(p1_select(&resp, 1, &ini, 1, PLAT_IOS).ok);
}

static void psk_verdicts(void **state)
{
        (void)state;
        struct secret a, b, c, m = {0};
        secret_set(&a, "Branch-Key-1", 12);
        secret_set(&b, "Branch-Key-1", 12);
        secret_set(&c, "Branch-Key-l", 12);
        secret_set_unknown(&m, SECRET_MASKED);
        assert_int_equal(psk_decide(&a, &b), PSKV_EQUAL);
        assert_int_equal(psk_decide(&a, &c), PSKV_DIFFERENT);
        assert_int_equal(psk_decide(&a, &m), PSKV_UNKNOWN);
        assert_int_equal(psk_decide(NULL, &a), PSKV_NO_INITIATOR);
        assert_int_equal(psk_decide(&a, NULL), PSKV_NO_RESPONDER);
}

static void identity_and_xauth(void **state)
{
        (void)state;
        assert_int_equal(ident_decide(IDENT_UNSET, IDENT_ADDRESS, true), IDV_OK);
        assert_int_equal(ident_decide(IDENT_AUTO, IDENT_ADDRESS, true), IDV_OK);
        assert_int_equal(ident_decide(IDENT_HOSTNAME, IDENT_ADDRESS, true), IDV_MISMATCH);
        assert_int_equal(ident_decide(IDENT_HOSTNAME, IDENT_HOSTNAME, true), IDV_MISMATCH);
        assert_int_equal(ident_decide(IDENT_HOSTNAME, IDENT_HOSTNAME, false), IDV_OK);
        assert_true(xauth_blocks(true, false, false));
        assert_false(xauth_blocks(true, true, false)); /* no-xauth on the key */
        assert_false(xauth_blocks(false, false, false));
        assert_false(xauth_blocks(true, false, true)); /* a client answers */
}

#define XF(e, b, h, m, req, set) ((struct p2_xform){(e), (b), (h), (m), (req), (set), HASH_NONE})

static void p2_transforms(void **state)
{
        (void)state;
        struct p2_xform ini[] = {XF(ENCR_AES, 256, HASH_SHA1, MODE_TUNNEL, false, 0),
                                 XF(ENCR_3DES, 0, HASH_SHA1, MODE_TUNNEL, false, 1)};
        struct p2_xform resp[] = {XF(ENCR_3DES, 0, HASH_SHA1, MODE_TUNNEL, false, 0)};
        struct p2_choice c = p2_select(ini, 2, resp, 1);
        assert_true(c.ok);
        assert_int_equal(c.ini, 1);
        resp[0] = XF(ENCR_AES, 128, HASH_SHA1, MODE_TUNNEL, false, 0);
        assert_false(p2_select(ini, 2, resp, 1).ok); /* key size */
        resp[0] = XF(ENCR_AES, 256, HASH_MD5, MODE_TUNNEL, false, 0);
        assert_false(p2_select(ini, 2, resp, 1).ok); /* hash */
        resp[0] = XF(ENCR_AES, 256, HASH_SHA1, MODE_TUNNEL, false, 0);
        resp[0].ah = HASH_MD5;
        assert_false(p2_select(ini, 2, resp, 1).ok); /* an AH + ESP bundle against ESP alone */
        /* IOS "mode transport" falls back to tunnel mode; "require" does not
         * ("mode (IPsec)", IOS Security Command Reference). */
        resp[0] = XF(ENCR_AES, 256, HASH_SHA1, MODE_TRANSPORT, false, 0);
        c = p2_select(ini, 2, resp, 1);
        assert_true(c.ok);
        assert_true(c.mode_differs);
        assert_int_equal(c.sa_mode, MODE_TUNNEL);
        resp[0] = XF(ENCR_AES, 256, HASH_SHA1, MODE_TRANSPORT, true, 0);
        assert_false(p2_select(ini, 2, resp, 1).ok); /* mode transport require */
        ini[0].mode = MODE_TRANSPORT;
        c = p2_select(ini, 2, resp, 1);
        assert_true(c.ok && !c.mode_differs);
        assert_int_equal(c.sa_mode, MODE_TRANSPORT);
}

static void pfs_rules(void **state)
{
        (void)state;
        assert_int_equal(pfs_decide(0, 0, false, PLAT_IOS), PFSV_OK); /* neither: fine */
        assert_int_equal(pfs_decide(14, 14, false, PLAT_ASA), PFSV_OK);
        assert_int_equal(pfs_decide(0, 14, false, PLAT_ASA), PFSV_MISMATCH);
        assert_int_equal(pfs_decide(2, 14, false, PLAT_IOS), PFSV_MISMATCH);
        assert_int_equal(pfs_decide(14, 0, false, PLAT_IOS), PFSV_OFFER_ACCEPTED);
        assert_int_equal(pfs_decide(14, 0, false, PLAT_ASA), PFSV_OFFER_REFUSED);
        /* IOS "set pfs" without a group: group1 assumed, group1 or group2 accepted. */
        assert_int_equal(pfs_decide(2, 1, true, PLAT_IOS), PFSV_OK);
        assert_int_equal(pfs_decide(5, 1, true, PLAT_IOS), PFSV_MISMATCH);
        assert_int_equal(pfs_decide(0, 1, true, PLAT_IOS), PFSV_MISMATCH);
}

static void proxy_identities(void **state)
{
        (void)state;
        struct flowbox prop = net2net(IP(10, 10, 0, 0), 16, IP(192, 168, 50, 0), 24);
        struct flowbox mirror = net2net(IP(192, 168, 50, 0), 24, IP(10, 10, 0, 0), 16);
        struct flowbox wide = net2net(IP(192, 168, 0, 0), 16, IP(10, 0, 0, 0), 8);
        struct flowbox other = net2net(IP(192, 168, 50, 0), 24, IP(10, 30, 0, 0), 16);
        struct proxy_entry e[] = {{&other, 1, false, false, false},
                                  {&mirror, 1, false, false, false}};
        struct proxy_choice c = proxy_select(&prop, e, 2);
        assert_int_equal(c.v, PROXYV_OK);
        assert_int_equal(c.entry, 1);
        /* A subset of the mirror is accepted. */
        struct proxy_entry w = {&wide, 1, false, false, false};
        assert_int_equal(proxy_select(&prop, &w, 1).v, PROXYV_OK);
        /* The proposal itself (not mirrored) is not. */
        struct proxy_entry same = {&prop, 1, false, false, false};
        assert_int_equal(proxy_select(&prop, &same, 1).v, PROXYV_NONE);
        /* Falls through static entries to a dynamic one: reported. */
        struct proxy_entry f[] = {{&other, 1, false, false, false}, {NULL, 0, true, true, false}};
        c = proxy_select(&prop, f, 2);
        assert_int_equal(c.v, PROXYV_DYNAMIC_FALLTHROUGH);
        assert_int_equal(c.entry, 1);
        /* Only a dynamic entry: a plain success. */
        assert_int_equal(proxy_select(&prop, &f[1], 1).v, PROXYV_OK);
        /* A tunnel interface takes exactly its mirror, not a subset (side_tun.c):
         * GRE host to host, or any/any for a static VTI. */
        struct proxy_entry tw = {&wide, 1, false, false, true};
        assert_int_equal(proxy_select(&prop, &tw, 1).v, PROXYV_NONE);
        struct proxy_entry tm = {&mirror, 1, false, false, true};
        assert_int_equal(proxy_select(&prop, &tm, 1).v, PROXYV_OK);
        struct flowbox any = fb_any();
        struct proxy_entry vti = {&any, 1, false, false, true};
        assert_int_equal(proxy_select(&prop, &vti, 1).v, PROXYV_NONE);
        assert_int_equal(proxy_select(&any, &vti, 1).v, PROXYV_OK);
}

static void lifetimes(void **state)
{
        (void)state;
        struct life_choice l = life_decide(3600, 28800);
        assert_true(l.differ);
        assert_true(l.from_ini);
        assert_int_equal(l.value, 3600);
        l = life_decide(28800, 3600);
        assert_false(l.from_ini);
        assert_int_equal(l.value, 3600);
        l = life_decide(0, 3600);
        assert_false(l.differ);
        assert_int_equal(l.value, 3600);
}

static void ikev2_selection(void **state)
{
        (void)state;
        struct v2_prop a = {{ENCR_AES}, {256}, 1, {HASH_SHA256}, 1, {HASH_SHA256}, 1, {14, 19}, 2};
        struct v2_prop b = {{ENCR_3DES, ENCR_AES},
                            {0, 256},
                            2,
                            {HASH_SHA1, HASH_SHA256},
                            2,
                            {HASH_SHA256},
                            1,
                            {19},
                            1};
        struct v2_choice c = v2_sa_init_select(&a, 1, &b, 1);
        assert_true(c.ok);
        assert_int_equal(c.encr, ENCR_AES);
        assert_int_equal(c.key_bits, 256);
        assert_int_equal(c.group, 19);
        b.groups[0] = 5;
        assert_false(v2_sa_init_select(&a, 1, &b, 1).ok);
        /* Traffic selectors: narrowed to the mirror of the responder's own. */
        struct flowbox prop = fb_any(), own = net2net(IP(10, 2, 0, 0), 16, IP(10, 1, 0, 0), 16);
        struct flowbox n;
        assert_true(v2_ts_narrow(&prop, &own, &n));
        assert_int_equal(n.src.lo, IP(10, 1, 0, 0));
        assert_int_equal(n.dst.lo, IP(10, 2, 0, 0));
        struct flowbox far = net2net(IP(172, 16, 0, 0), 16, IP(172, 17, 0, 0), 16);
        assert_false(v2_ts_narrow(&far, &own, &n));
}

/* RFC 7296 1.2: a retry only when the KE group is not the selected one. */
static void ikev2_invalid_ke(void **state)
{
        (void)state;
        struct v2_prop a = {{ENCR_AES}, {256}, 1, {HASH_SHA256}, 1, {HASH_SHA256}, 1, {19, 14}, 2};
        struct v2_prop b = a;
        b.groups[0] = 14, b.ngroups = 1;
        struct v2_choice c = v2_sa_init_select(&a, 1, &b, 1);
        assert_true(c.ok);
        assert_int_equal(c.ke_sent, 19);
        assert_true(c.invalid_ke);
        assert_int_equal(c.group, 14);
        /* the responder also allows the guessed group: no retry (strongSwan
         * and the RFC: KEi is used when its group is acceptable) */
        b.groups[1] = 19, b.ngroups = 2;
        c = v2_sa_init_select(&a, 1, &b, 1);
        assert_false(c.invalid_ke);
        assert_int_equal(c.group, 19);
}

/* RFC 7296 2.15: each direction on its own; certificates compare no key. */
static void ikev2_auth(void **state)
{
        (void)state;
        struct v2_auth_end i = {0}, r = {0};
        secret_set(&i.local_key, "k1", 2);
        secret_set(&r.remote_key, "k1", 2);
        i.local = V2AUTH_PSK, r.remote = V2AUTH_PSK;
        assert_int_equal(v2_auth_check(&i, &r), V2A_OK);
        secret_set(&r.remote_key, "k2", 2);
        assert_int_equal(v2_auth_check(&i, &r), V2A_KEYS_DIFFER);
        secret_set_unknown(&r.remote_key, SECRET_ABSENT);
        assert_int_equal(v2_auth_check(&i, &r), V2A_NO_VERIFIER_KEY);
        /* certificates: different keys do not matter */
        i.local = V2AUTH_RSA, r.remote = V2AUTH_RSA;
        assert_int_equal(v2_auth_check(&i, &r), V2A_NO_SIGN_TRUSTPOINT);
        i.cert_sign = true;
        assert_int_equal(v2_auth_check(&i, &r), V2A_NO_VERIFY_TRUSTPOINT);
        r.cert_verify = true;
        assert_int_equal(v2_auth_check(&i, &r), V2A_OK);
        /* a method the verifier does not list */
        r.remote = V2AUTH_PSK;
        assert_int_equal(v2_auth_check(&i, &r), V2A_METHOD_REFUSED);
        r.remote = V2AUTH_PSK | V2AUTH_RSA;
        assert_int_equal(v2_auth_check(&i, &r), V2A_OK);
}

/* RFC 7296 1.3.1: the mode is not part of the proposal. */
static void ikev2_child(void **state)
{
        (void)state;
        struct p2_xform t = {ENCR_AES, 256, HASH_SHA256, MODE_TRANSPORT, 0};
        struct p2_xform u = {ENCR_AES, 256, HASH_SHA256, MODE_TUNNEL, 0};
        enum ipsec_mode m;
        assert_true(v2_child_select(&t, 1, &u, 1, &m).ok);
        assert_int_equal(m, MODE_TUNNEL);
        assert_true(v2_child_select(&t, 1, &t, 1, &m).ok);
        assert_int_equal(m, MODE_TRANSPORT);
        u.key_bits = 128;
        assert_false(v2_child_select(&t, 1, &u, 1, &m).ok);
}

static struct device *nat_dev(const char *cfg)
{
        struct device *dev = NULL;
        struct diag err;
        assert_int_equal(config_read_buffer("n.cfg", cfg, strlen(cfg), PLAT_UNKNOWN, &dev, &err),
                         0);
        return dev;
}

/* Which translations of a NAT device a tunnel goes through (nat_path.c):
 * one-to-one host statics only, not port forwards, identity or PAT. */
static void nat_path_from_device(void **state)
{
        (void)state;
        struct device *ios =
            nat_dev("version 15.4\nhostname n\n"
                    "ip nat inside source static 10.0.0.2 198.51.100.2\n"
                    "ip nat inside source static tcp 10.0.0.80 80 198.51.100.80 80\n"
                    "ip nat inside source static 10.0.0.9 10.0.0.9\n"
                    "ip nat inside source list 1 interface Gi0/0 overload\n");
        struct path_opts p = {0};
        assert_int_equal(path_nat_from_device(&p, ios), 1);
        assert_non_null(path_nat_outside(&p, 0xc6336402u));
        assert_int_equal(path_nat_outside(&p, 0xc6336402u)->inside, 0x0a000002u);
        assert_non_null(path_nat_inside(&p, 0x0a000002u));
        assert_null(path_nat_outside(&p, 0xc6336450u));            /* the port forward */
        assert_true(path_dev_owns(&p, ios, 0xc6336402u) == false); /* n owns neither */
        model_free(ios);

        struct device *asa = nat_dev("ASA Version 9.8(4)\nhostname f\n"
                                     "object network R\n host 10.0.0.3\n"
                                     " nat (inside,outside) static 198.51.100.3\n"
                                     "static (inside,outside) 198.51.100.4 10.0.0.4 netmask "
                                     "255.255.255.255\n");
        struct path_opts q = {0};
        assert_int_equal(path_nat_from_device(&q, asa), 2);
        assert_int_equal(path_nat_outside(&q, 0xc6336403u)->inside, 0x0a000003u);
        assert_int_equal(path_nat_outside(&q, 0xc6336404u)->inside, 0x0a000004u);
        /* one outside address cannot lead to two inside ones */
        assert_int_equal(path_add_nat(&q, 0xc6336403u, 0x0a000009u, NULL, "--nat"), -1);
        assert_int_equal(path_add_nat(&q, 0xc6336403u, 0x0a000003u, NULL, "--nat"), 0);
        model_free(asa);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(nat_path_from_device), cmocka_unit_test(p1_match_in_responder_order),
            cmocka_unit_test(p1_no_match),          cmocka_unit_test(p1_lifetime_rule_per_platform),
            cmocka_unit_test(psk_verdicts),         cmocka_unit_test(identity_and_xauth),
            cmocka_unit_test(p2_transforms),        cmocka_unit_test(pfs_rules),
            cmocka_unit_test(proxy_identities),     cmocka_unit_test(lifetimes),
            cmocka_unit_test(ikev2_selection),      cmocka_unit_test(ikev2_invalid_ke),
            cmocka_unit_test(ikev2_auth),           cmocka_unit_test(ikev2_child),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
