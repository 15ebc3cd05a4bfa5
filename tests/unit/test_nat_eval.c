/* ACL evaluation and "which NAT rule applies", per platform order. */
#include "test_util.h"

#include "model/acl_eval.h"
#include "model/nat_eval.h"
#include "model_build.h"

static struct flowbox pkt(uint32_t s, uint32_t d)
{
        return fb_point(s, d, PROTO_TCP, 1024, 80);
}

static void acl_first_match_and_cover(void **state)
{
        (void)state;
        struct device *dev = model_new("t");
        add_ace(dev, "A", false, IP(10, 1, 1, 0), 24, IP(20, 0, 0, 0), 8);
        add_ace(dev, "A", true, IP(10, 1, 0, 0), 16, IP(20, 0, 0, 0), 8);
        const struct acl *acl = model_get_acl(dev, "A");

        struct flowbox p = pkt(IP(10, 1, 1, 5), IP(20, 0, 0, 1));
        struct acl_match m = acl_first_match(acl, &p);
        assert_int_equal(m.res, ACL_RES_DENY);
        assert_int_equal(m.ace->loc.line, 1);
        p = pkt(IP(10, 1, 2, 5), IP(20, 0, 0, 1));
        m = acl_first_match(acl, &p);
        assert_int_equal(m.res, ACL_RES_PERMIT);
        assert_int_equal(m.ace->loc.line, 2);
        assert_true(m.whole);
        p = pkt(IP(11, 1, 2, 5), IP(20, 0, 0, 1));
        assert_int_equal(acl_first_match(acl, &p).res, ACL_NOMATCH);
        assert_int_equal(acl_first_match(NULL, &p).res, ACL_NOMATCH);

        struct flowbox wide = mk_box(IP(10, 1, 0, 0), 16, IP(20, 0, 0, 0), 8);
        m = acl_first_match(acl, &wide);
        assert_int_equal(m.res, ACL_RES_DENY); /* the deny touches first... */
        assert_false(m.whole);                 /* ...but only part of it */
        struct acl_cover c = acl_cover_box(acl, &wide, 0);
        assert_int_equal(c.cover, COVER_PARTIAL);
        assert_int_equal(c.first_deny->loc.line, 1);
        assert_int_equal(c.first_permit->loc.line, 2);
        struct flowbox sub = mk_box(IP(10, 1, 2, 0), 24, IP(20, 1, 0, 0), 16);
        assert_int_equal(acl_cover_box(acl, &sub, 0).cover, COVER_FULL);
        struct flowbox out = mk_box(IP(11, 0, 0, 0), 8, IP(20, 0, 0, 0), 8);
        assert_int_equal(acl_cover_box(acl, &out, 0).cover, COVER_NONE);

        /* remarks and inactive ACEs do not match */
        struct ace *r = add_ace(dev, "B", true, 0, 0, 0, 0);
        r->inactive = true;
        add_ace(dev, "B", false, 0, 0, 0, 0);
        p = pkt(IP(1, 2, 3, 4), IP(5, 6, 7, 8));
        assert_int_equal(acl_first_match(model_get_acl(dev, "B"), &p).res, ACL_RES_DENY);
        model_free(dev);
}

static struct device *ios_dev(void)
{
        struct device *dev = model_new("r1");
        dev->platform = PLAT_IOS;
        struct loc l = mk_loc(1);
        model_obtain_iface(dev, "GigabitEthernet0/0", &l)->nat_inside = true;
        model_obtain_iface(dev, "GigabitEthernet0/1", &l)->nat_outside = true;
        return dev;
}

/* IOS NAT and VRFs: a rule without "vrf" translates the global table's
 * traffic only; "vrf BLUE" that VRF's only (issue 10). */
static void ios_nat_vrf(void **state)
{
        (void)state;
        struct device *dev = ios_dev();
        struct loc l = mk_loc(2);
        model_obtain_iface(dev, "GigabitEthernet0/2", &l)->nat_inside = true;
        model_obtain_iface(dev, "GigabitEthernet0/2", &l)->vrf = "BLUE";
        add_ace(dev, "10", true, IP(10, 0, 0, 0), 8, 0, 0);
        struct nat_rule *global = add_nat(dev, NAT_IOS_INSIDE_SOURCE);
        global->match_acl = "10";
        global->overload = true;
        struct flowbox f = pkt(IP(10, 1, 1, 1), IP(8, 8, 8, 8));
        assert_int_equal(nat_eval(dev, &f, "GigabitEthernet0/0", "GigabitEthernet0/1").verdict,
                         NATV_TRANSLATE);
        assert_int_equal(nat_eval(dev, &f, "GigabitEthernet0/2", "GigabitEthernet0/1").verdict,
                         NATV_NONE);
        global->vrf = "BLUE";
        assert_int_equal(nat_eval(dev, &f, "GigabitEthernet0/2", "GigabitEthernet0/1").verdict,
                         NATV_TRANSLATE);
        assert_int_equal(nat_eval(dev, &f, "GigabitEthernet0/0", "GigabitEthernet0/1").verdict,
                         NATV_NONE);
        model_free(dev);
}

static void ios_list_deny_exempts(void **state)
{
        (void)state;
        struct device *dev = ios_dev();
        add_ace(dev, "110", false, IP(192, 168, 100, 0), 24, IP(192, 168, 200, 0), 24);
        add_ace(dev, "110", true, IP(192, 168, 100, 0), 24, 0, 0);
        struct nat_rule *dyn = add_nat(dev, NAT_IOS_INSIDE_SOURCE);
        dyn->match_acl = "110";
        dyn->overload = true;
        const char *in = "GigabitEthernet0/0", *out = "GigabitEthernet0/1";

        struct flowbox vpn = pkt(IP(192, 168, 100, 5), IP(192, 168, 200, 5));
        struct nat_result r = nat_eval(dev, &vpn, in, out);
        assert_int_equal(r.verdict, NATV_NONE);
        struct flowbox web = pkt(IP(192, 168, 100, 5), IP(8, 8, 8, 8));
        r = nat_eval(dev, &web, in, out);
        assert_int_equal(r.verdict, NATV_TRANSLATE);
        assert_ptr_equal(r.rule, dyn);
        assert_true(r.whole);
        /* outside -> inside: inside source NAT does not apply */
        assert_int_equal(nat_eval(dev, &web, out, in).verdict, NATV_NONE);
        /* roles may be given literally */
        assert_int_equal(nat_eval(dev, &web, "inside", "outside").verdict, NATV_TRANSLATE);

        /* the whole crypto ACL entry is exempt; a wider box is partly translated */
        struct flowbox entry = mk_box(IP(192, 168, 100, 0), 24, IP(192, 168, 200, 0), 24);
        assert_int_equal(nat_eval(dev, &entry, in, out).verdict, NATV_NONE);
        struct flowbox wider = mk_box(IP(192, 168, 100, 0), 24, IP(192, 168, 0, 0), 16);
        r = nat_eval(dev, &wider, in, out);
        assert_int_equal(r.verdict, NATV_TRANSLATE);
        assert_false(r.whole);
        assert_false(fb_intersect(&r.sample, &entry, NULL));

        /* static NAT of the source host is evaluated before the dynamic rule */
        struct nat_rule *st = add_nat(dev, NAT_IOS_STATIC);
        set_range(dev, &st->real_src, IP(192, 168, 100, 10), 32);
        st->src_xlate = NAT_XLATE_STATIC;
        struct flowbox host = pkt(IP(192, 168, 100, 10), IP(8, 8, 8, 8));
        r = nat_eval(dev, &host, in, out);
        assert_ptr_equal(r.rule, st);
        model_free(dev);
}

static void add_rm(struct device *dev, const char *name, int seq, bool permit, const char *acl)
{
        struct route_map_entry *e = model_alloc(dev, sizeof(*e));
        e->name = name;
        e->seq = seq;
        e->permit = permit;
        if (acl)
                ptrvec_push(&dev->arena, &e->match_acls, (void *)acl);
        ptrvec_push(&dev->arena, &dev->route_maps, e);
}

static void ios_route_map(void **state)
{
        (void)state;
        struct device *dev = ios_dev();
        add_ace(dev, "VPN", true, IP(10, 0, 0, 0), 8, IP(172, 16, 0, 0), 12);
        add_ace(dev, "ALL", true, 0, 0, 0, 0);
        add_rm(dev, "NONAT", 20, true, "ALL"); /* listed first, applies second */
        add_rm(dev, "NONAT", 10, false, "VPN");
        add_rm(dev, "OTHER", 5, true, NULL);
        struct nat_rule *r = add_nat(dev, NAT_IOS_INSIDE_SOURCE);
        r->match_route_map = "NONAT";
        struct flowbox vpn = pkt(IP(10, 1, 1, 1), IP(172, 16, 1, 1));
        struct flowbox web = pkt(IP(10, 1, 1, 1), IP(8, 8, 8, 8));
        assert_int_equal(nat_eval(dev, &vpn, "inside", "outside").verdict, NATV_NONE);
        struct nat_result res = nat_eval(dev, &web, "inside", "outside");
        assert_int_equal(res.verdict, NATV_TRANSLATE);
        assert_ptr_equal(res.rule, r);
        /* a route-map entry without "match" matches everything */
        r->match_route_map = "OTHER";
        assert_int_equal(nat_eval(dev, &vpn, "inside", "outside").verdict, NATV_TRANSLATE);
        /* an undefined route-map translates nothing */
        r->match_route_map = "MISSING";
        assert_int_equal(nat_eval(dev, &web, "inside", "outside").verdict, NATV_NONE);
        model_free(dev);
}

static struct nat_rule *legacy(struct device *dev, enum nat_kind k, const char *rif)
{
        struct nat_rule *r = add_nat(dev, k);
        r->real_if = rif;
        return r;
}

static void asa_legacy_order(void **state)
{
        (void)state;
        struct device *dev = model_new("asa82");
        dev->platform = PLAT_ASA;
        dev->version = (struct version){8, 2, 5, "8.2(5)"};
        struct nat_rule *n1 = legacy(dev, NAT_LEGACY_DYNAMIC, "inside");
        n1->nat_id = 1;
        set_range(dev, &n1->real_src, 0, 0);
        struct nat_rule *st = legacy(dev, NAT_LEGACY_STATIC, "inside");
        st->mapped_if = "outside";
        st->src_xlate = NAT_XLATE_STATIC;
        set_range(dev, &st->real_src, IP(10, 0, 0, 5), 32);
        struct nat_rule *ex = legacy(dev, NAT_LEGACY_EXEMPT, "inside");
        ex->nat_id = 0;
        ex->match_acl = "NONAT";
        add_ace(dev, "NONAT", true, IP(10, 0, 0, 0), 24, IP(192, 168, 5, 0), 24);
        struct nat_rule *n2 = legacy(dev, NAT_LEGACY_DYNAMIC, "inside");
        n2->nat_id = 2;
        set_range(dev, &n2->real_src, IP(10, 0, 0, 0), 24);
        assert_int_equal(model_finalize(dev), 0);

        const struct nat_rule **o = (const struct nat_rule **)dev->nat_order.v;
        assert_int_equal(dev->nat_order.n, 4);
        assert_ptr_equal(o[0], ex);
        assert_ptr_equal(o[1], st);
        assert_ptr_equal(o[2], n2); /* best match: /24 before 0/0 */
        assert_ptr_equal(o[3], n1);

        struct flowbox f = pkt(IP(10, 0, 0, 5), IP(192, 168, 5, 1));
        struct nat_result r = nat_eval(dev, &f, "inside", "outside");
        assert_int_equal(r.verdict, NATV_EXEMPT);
        assert_ptr_equal(r.rule, ex);
        f = pkt(IP(10, 0, 0, 5), IP(8, 8, 8, 8));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, st);
        f = pkt(IP(10, 0, 0, 7), IP(8, 8, 8, 8));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, n2);
        f = pkt(IP(10, 9, 9, 9), IP(8, 8, 8, 8));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, n1);
        assert_int_equal(nat_eval(dev, &f, "dmz", "outside").verdict, NATV_NONE);
        model_free(dev);
}

static struct nat_rule *twice(struct device *dev, int section, bool exempt)
{
        struct nat_rule *r = add_nat(dev, NAT_TWICE);
        r->section = section;
        r->real_if = "inside";
        r->mapped_if = "outside";
        r->src_xlate = exempt ? NAT_XLATE_IDENTITY : NAT_XLATE_DYNAMIC;
        return r;
}

static void asa83_sections(void **state)
{
        (void)state;
        struct device *dev = model_new("asa98");
        dev->platform = PLAT_ASA;
        dev->version = (struct version){9, 8, 4, "9.8(4)"};
        struct nat_rule *pat = add_nat(dev, NAT_OBJECT);
        pat->section = 2, pat->object = "obj-lan", pat->src_xlate = NAT_XLATE_DYNAMIC;
        pat->real_if = "inside", pat->mapped_if = "outside";
        set_range(dev, &pat->real_src, IP(10, 0, 0, 0), 16);
        struct nat_rule *srv = add_nat(dev, NAT_OBJECT);
        srv->section = 2, srv->object = "obj-srv", srv->src_xlate = NAT_XLATE_STATIC;
        srv->real_if = "inside", srv->mapped_if = "outside";
        set_range(dev, &srv->real_src, IP(10, 0, 0, 5), 32);
        struct nat_rule *late = twice(dev, 3, false);
        set_range(dev, &late->real_src, 0, 0);
        struct nat_rule *nonat = twice(dev, 1, true);
        set_range(dev, &nonat->real_src, IP(10, 0, 0, 0), 16);
        nonat->has_dst = true;
        nonat->dst_identity = true;
        set_range(dev, &nonat->real_dst, IP(192, 168, 5, 0), 24);
        assert_int_equal(model_finalize(dev), 0);

        const struct nat_rule **o = (const struct nat_rule **)dev->nat_order.v;
        assert_ptr_equal(o[0], nonat);
        assert_ptr_equal(o[1], srv); /* static before dynamic in section 2 */
        assert_ptr_equal(o[2], pat);
        assert_ptr_equal(o[3], late);

        struct flowbox f = pkt(IP(10, 0, 1, 1), IP(192, 168, 5, 9));
        assert_int_equal(nat_eval(dev, &f, "inside", "outside").verdict, NATV_EXEMPT);
        f = pkt(IP(10, 0, 0, 5), IP(8, 8, 8, 8));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, srv);
        f = pkt(IP(10, 0, 1, 1), IP(8, 8, 8, 8));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, pat);
        f = pkt(IP(11, 0, 0, 1), IP(8, 8, 8, 8));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, late);

        /* A crypto ACL entry wider than the exemption: the leftover part hits
         * the object static NAT of 10.0.0.5 first. */
        struct flowbox entry = mk_box(IP(10, 0, 0, 0), 16, IP(192, 168, 0, 0), 16);
        struct nat_result r = nat_eval(dev, &entry, "inside", "outside");
        assert_int_equal(r.verdict, NATV_TRANSLATE);
        assert_ptr_equal(r.rule, srv);
        assert_false(r.whole);
        assert_int_equal(r.sample.src.lo, IP(10, 0, 0, 5));

        /* twice NAT that rewrites the destination does not exempt */
        nonat->dst_identity = false;
        assert_false(nat_rule_exempts(nonat));
        nonat->inactive = true; /* and an inactive rule is skipped */
        f = pkt(IP(10, 0, 1, 1), IP(192, 168, 5, 9));
        assert_ptr_equal(nat_eval(dev, &f, "inside", "outside").rule, pat);
        model_free(dev);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(acl_first_match_and_cover),
            cmocka_unit_test(ios_list_deny_exempts),
            cmocka_unit_test(ios_nat_vrf),
            cmocka_unit_test(ios_route_map),
            cmocka_unit_test(asa_legacy_order),
            cmocka_unit_test(asa83_sections),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
