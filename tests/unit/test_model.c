/* model_finalize (sorting, groups, defaults), inheritance and lookups. */
#include "test_util.h"

#include "model/defaults.h"
#include "model/query.h"
#include "model_build.h"

static struct isakmp_policy *add_p1(struct device *dev, int prio, unsigned mask)
{
        struct isakmp_policy *p = model_alloc(dev, sizeof(*p));
        p->priority = prio;
        p->explicit_mask = mask;
        p->loc = mk_loc((uint32_t)prio);
        ptrvec_push(&dev->arena, &dev->isakmp_policies, p);
        return p;
}

static void sorts_policies_and_entries(void **state)
{
        (void)state;
        struct device *dev = model_new("t");
        dev->platform = PLAT_ASA;
        dev->version = (struct version){9, 1, 0, NULL};
        add_p1(dev, 30, 0);
        add_p1(dev, 10, 0);
        add_p1(dev, 20, 0);
        struct loc l = mk_loc(5);
        struct crypto_map *m = model_obtain_cmap(dev, "VPN", false, &l);
        model_cmap_entry(dev, m, 65535, &l);
        model_cmap_entry(dev, m, 10, &l);
        model_cmap_entry(dev, m, 20, &l);
        assert_int_equal(model_finalize(dev), 0);
        assert_int_equal(dev->isakmp_policies.n, 3); /* ASA 9.1: no implicit policy */
        int want[] = {10, 20, 30};
        for (int i = 0; i < 3; i++)
                assert_int_equal(((struct isakmp_policy *)dev->isakmp_policies.v[i])->priority,
                                 want[i]);
        int seqs[] = {10, 20, 65535};
        for (int i = 0; i < 3; i++)
                assert_int_equal(((struct crypto_map_entry *)m->entries.v[i])->seq, seqs[i]);
        model_free(dev);
}

static void p1_defaults_per_platform(void **state)
{
        (void)state;
        struct device *ios = model_new("r");
        ios->platform = PLAT_IOS;
        ios->version = (struct version){15, 4, 3, NULL};
        struct isakmp_policy *p = add_p1(ios, 10, P1_EXPL_AUTH);
        p->auth = AUTH_PSK;
        assert_int_equal(model_finalize(ios), 0);
        assert_int_equal(p->encr, ENCR_DES);
        assert_int_equal(p->hash, HASH_SHA1);
        assert_int_equal(p->auth, AUTH_PSK); /* explicit value kept */
        assert_int_equal(p->group, 1);
        assert_int_equal(p->lifetime, 86400);
        assert_int_equal(ios->isakmp_policies.n, 1); /* configured: no default set */
        assert_int_equal(ios->ipsec.lifetime_sec, 3600);
        assert_int_equal(ios->ipsec.lifetime_kb, 4608000);
        assert_int_equal(ios->ipsec.replay_window, 64);
        assert_int_equal(ios->ike.nat_t, TRI_ON);
        assert_int_equal(ios->ike.identity, IDENT_ADDRESS);
        model_free(ios);

        struct device *asa = model_new("a");
        asa->platform = PLAT_ASA;
        asa->version = (struct version){8, 2, 1, NULL};
        p = add_p1(asa, 10, 0);
        assert_int_equal(model_finalize(asa), 0);
        assert_int_equal(p->encr, ENCR_3DES);
        assert_int_equal(p->auth, AUTH_PSK);
        assert_int_equal(p->group, 2);
        assert_int_equal(asa->ipsec.lifetime_sec, 28800);
        assert_int_equal(asa->sysopt.permit_vpn, TRI_ON);
        assert_int_equal(asa->sysopt.permit_vpn_loc.line, 0);
        assert_int_equal(asa->sysopt.tcpmss, 1380);
        assert_int_equal(asa->ike.nat_t, TRI_ON);
        assert_int_equal(asa->ike.nat_t_keepalive, 20);
        model_free(asa);

        struct device *asa70 = model_new("a7");
        asa70->platform = PLAT_ASA;
        asa70->version = (struct version){7, 0, 4, NULL};
        asa70->ike.nat_t_keepalive = 0;
        assert_int_equal(model_finalize(asa70), 0);
        assert_int_equal(asa70->ike.nat_t, TRI_OFF);
        /* 7.x-8.3 with no policy: the default policy at 65535 */
        assert_int_equal(asa70->isakmp_policies.n, 1);
        p = asa70->isakmp_policies.v[0];
        assert_true(p->implicit);
        assert_int_equal(p->priority, 65535);
        assert_int_equal(p->encr, ENCR_3DES);
        assert_int_equal(p->loc.line, 0);
        model_free(asa70);

        struct device *pix = model_new("p");
        pix->platform = PLAT_PIX;
        pix->version = (struct version){6, 3, 5, NULL};
        p = add_p1(pix, 10, P1_EXPL_ENCR);
        p->encr = ENCR_3DES;
        assert_int_equal(model_finalize(pix), 0);
        assert_int_equal(p->auth, AUTH_RSA_SIG);
        assert_int_equal(p->group, 1);
        assert_int_equal(pix->sysopt.permit_ipsec, TRI_OFF);
        assert_int_equal(pix->ike.nat_t, TRI_OFF);
        assert_int_equal(pix->isakmp_policies.n, 2); /* plus the default suite */
        model_free(pix);
}

static void implicit_policies(void **state)
{
        (void)state;
        struct device *ios = model_new("r");
        ios->platform = PLAT_IOS;
        ios->version = (struct version){15, 1, 4, NULL};
        assert_int_equal(model_finalize(ios), 0);
        assert_int_equal(ios->isakmp_policies.n, 8);
        struct isakmp_policy *first = ios->isakmp_policies.v[0], *last = ios->isakmp_policies.v[7];
        assert_int_equal(first->priority, 65507);
        assert_int_equal(first->encr, ENCR_AES);
        assert_int_equal(first->group, 5);
        assert_int_equal(last->priority, 65514);
        assert_int_equal(last->encr, ENCR_3DES);
        assert_int_equal(last->auth, AUTH_PSK);
        assert_true(last->implicit);
        /* finalize twice does not add them again */
        assert_int_equal(model_finalize(ios), 0);
        assert_int_equal(ios->isakmp_policies.n, 8);
        model_free(ios);

        struct device *off = model_new("r");
        off->platform = PLAT_IOS;
        off->version = (struct version){15, 1, 4, NULL};
        off->ike.ios_default_policy_disabled = true;
        assert_int_equal(model_finalize(off), 0);
        assert_int_equal(off->isakmp_policies.n, 0);
        model_free(off);

        struct device *asa = model_new("a");
        asa->platform = PLAT_ASA;
        asa->version = (struct version){8, 4, 2, NULL};
        assert_int_equal(model_finalize(asa), 0);
        assert_int_equal(asa->isakmp_policies.n, 0);
        const struct model_default *row = model_default_row(asa, DF_IMPLICIT_P1);
        assert_non_null(row);
        assert_non_null(row->source);
        model_free(asa);
}

static struct object *group(struct device *dev, const char *name, uint32_t a, int len)
{
        struct loc l = mk_loc(1);
        struct object *o = model_obtain_object(dev, name, OBJ_NETWORK, true, &l);
        if (len >= 0)
                set_range(dev, &o->addrs, a, len);
        return o;
}

static void resolves_pending_groups(void **state)
{
        (void)state;
        struct device *dev = model_new("t");
        dev->platform = PLAT_ASA;
        struct object *top = group(dev, "TOP", IP(10, 0, 0, 0), 24);
        ptrvec_push(&dev->arena, &top->pending, "MID");
        struct object *mid = group(dev, "MID", IP(10, 0, 1, 0), 24);
        ptrvec_push(&dev->arena, &mid->pending, "LEAF");
        group(dev, "LEAF", IP(10, 0, 2, 0), 24);
        /* a cycle and a missing name */
        struct object *c1 = group(dev, "C1", IP(1, 1, 1, 1), 32);
        struct object *c2 = group(dev, "C2", IP(2, 2, 2, 2), 32);
        ptrvec_push(&dev->arena, &c1->pending, "C2");
        ptrvec_push(&dev->arena, &c2->pending, "C1");
        struct object *miss = group(dev, "MISS", IP(3, 3, 3, 3), 32);
        ptrvec_push(&dev->arena, &miss->pending, "NOPE");
        /* a chain deeper than the bound */
        char names[20][16];
        for (int i = 0; i < 20; i++) {
                snprintf(names[i], sizeof(names[i]), "D%d", i);
                struct object *o = group(dev, names[i], IP(50, 0, 0, (uint32_t)i), 32);
                if (i > 0)
                        ptrvec_push(&dev->arena, &group(dev, names[i - 1], 0, -1)->pending,
                                    names[i]);
                (void)o;
        }
        /* an ACE waiting for TOP */
        struct ace *a = add_ace(dev, "ACL", true, 0, 0, IP(192, 168, 0, 0), 16);
        a->boxes[0].proto.lo = a->boxes[0].proto.hi = PROTO_TCP;
        a->src_obj = top;
        a->expand_pending = true;
        struct nat_rule *r = add_nat(dev, NAT_TWICE);
        r->real_src_obj = top;
        r->addrs_pending = true;

        assert_int_equal(model_finalize(dev), 0);
        assert_int_equal(top->addrs.n, 3);
        assert_int_equal(top->addrs.r[2].lo, IP(10, 0, 2, 0));
        assert_false(top->unresolved);
        assert_true(c1->unresolved || c2->unresolved);
        assert_true(miss->unresolved);
        assert_true(miss->addrs.inexact);
        assert_true(group(dev, "D0", 0, -1)->unresolved);
        assert_int_equal(a->nboxes, 3);
        assert_int_equal(a->boxes[1].src.lo, IP(10, 0, 1, 0));
        assert_int_equal(a->boxes[1].dst.lo, IP(192, 168, 0, 0));
        assert_int_equal(a->boxes[1].proto.lo, PROTO_TCP);
        assert_int_equal(r->real_src.n, 3);
        model_free(dev);
}

static void group_policy_inheritance(void **state)
{
        (void)state;
        struct device *dev = model_new("a");
        dev->platform = PLAT_ASA;
        dev->version = (struct version){9, 2, 0, NULL};
        struct loc l7 = mk_loc(7), l9 = mk_loc(9);
        struct group_policy *dflt = model_obtain_gp(dev, "DfltGrpPolicy", &l7);
        dflt->a.idle_timeout_set = true;
        dflt->a.idle_timeout_min = 120;
        dflt->a.idle_timeout_loc = l7;
        struct group_policy *gp = model_obtain_gp(dev, "RA", &l9);
        gp->a.logins_set = true;
        gp->a.simultaneous_logins = 25;
        gp->a.logins_loc = l9;
        struct gp_attrs e;
        group_policy_effective(dev, gp, &e);
        assert_int_equal(e.simultaneous_logins, 25);
        assert_int_equal(e.logins_loc.line, 9);
        assert_int_equal(e.idle_timeout_min, 120);
        assert_int_equal(e.idle_timeout_loc.line, 7);
        assert_int_equal(e.session_timeout_min, -1);
        assert_int_equal(e.session_timeout_loc.line, 0);
        assert_int_equal(e.split_policy, SPLIT_TUNNELALL);
        assert_false(e.pfs);
        assert_true(e.tunnel_protocols & VPN_PROTO_IKEV2);
        group_policy_effective(dev, NULL, &e);
        assert_int_equal(e.simultaneous_logins, 3);

        dev->version = (struct version){8, 0, 4, NULL};
        group_policy_effective(dev, NULL, &e);
        assert_int_equal(e.tunnel_protocols, VPN_PROTO_IPSEC | VPN_PROTO_WEBVPN);
        model_free(dev);
}

static struct route *add_route(struct device *dev, uint32_t net, int len, const char *ifn,
                               uint32_t nh, int dist)
{
        struct route *r = model_alloc(dev, sizeof(*r));
        r->net = net, r->mask = plen_mask(len), r->ifname = ifn;
        r->has_nexthop = nh != 0, r->nexthop = nh, r->distance = dist;
        ptrvec_push(&dev->arena, &dev->routes, r);
        return r;
}

static struct iface *add_if(struct device *dev, const char *name, uint32_t a, int len)
{
        struct loc l = mk_loc(1);
        struct iface *f = model_obtain_iface(dev, name, &l);
        f->has_addr = true, f->addr = a, f->mask = plen_mask(len);
        return f;
}

static void route_lookup(void **state)
{
        (void)state;
        struct device *dev = model_new("r");
        dev->platform = PLAT_IOS;
        struct iface *out = add_if(dev, "Gi0/1", IP(198, 51, 100, 2), 30);
        struct iface *in = add_if(dev, "Gi0/0", IP(192, 168, 1, 1), 24);
        struct route *def = add_route(dev, 0, 0, NULL, IP(198, 51, 100, 1), 1);
        struct route *far = add_route(dev, IP(172, 16, 0, 0), 16, NULL, IP(192, 168, 1, 254), 1);
        struct route *back = add_route(dev, IP(172, 16, 0, 0), 16, "Gi0/1", 0, 200);
        const struct route *via;
        assert_ptr_equal(model_route_lookup(dev, IP(8, 8, 8, 8), &via), out);
        assert_ptr_equal(via, def);
        assert_ptr_equal(model_route_lookup(dev, IP(192, 168, 1, 77), &via), in);
        assert_null(via);
        assert_ptr_equal(model_route_lookup(dev, IP(172, 16, 3, 3), &via), in);
        assert_ptr_equal(via, far); /* distance 1 beats the floating 200 */
        (void)back;
        model_free(dev);

        struct device *asa = model_new("a");
        asa->platform = PLAT_ASA;
        struct iface *o = add_if(asa, "GigabitEthernet0/0", IP(203, 0, 113, 2), 24);
        model_set_nameif(asa, o, "outside");
        add_route(asa, 0, 0, "outside", IP(203, 0, 113, 1), 1);
        assert_ptr_equal(model_route_lookup(asa, IP(10, 9, 9, 9), NULL), o);
        model_free(asa);
        struct device *empty = model_new("e");
        assert_null(model_route_lookup(empty, IP(1, 1, 1, 1), NULL));
        model_free(empty);
}

static void crypto_map_lookup(void **state)
{
        (void)state;
        struct device *dev = model_new("a");
        dev->platform = PLAT_ASA;
        struct loc l = mk_loc(3);
        struct crypto_map *m = model_obtain_cmap(dev, "VPN", false, &l);
        struct crypto_map_entry *e20 = model_cmap_entry(dev, m, 20, &l);
        e20->match_acl = "B";
        struct crypto_map_entry *dref = model_cmap_entry(dev, m, 5, &l); /* low seq, still last */
        dref->is_dynamic_ref = true;
        dref->dynamic_map = "DYN";
        struct crypto_map_entry *e10 = model_cmap_entry(dev, m, 10, &l);
        e10->match_acl = "A";
        struct crypto_map *d = model_obtain_cmap(dev, "DYN", true, &l);
        struct crypto_map_entry *tmpl = model_cmap_entry(dev, d, 1, &l);
        struct crypto_map_binding *b = model_alloc(dev, sizeof(*b));
        b->map = "VPN", b->ifname = "outside";
        ptrvec_push(&dev->arena, &dev->cmap_bindings, b);
        /* A denies 10.0.0.9 (so it falls to B), permits the rest of 10.0.0.0/24 */
        add_ace(dev, "A", false, IP(10, 0, 0, 9), 32, IP(172, 16, 0, 0), 16);
        add_ace(dev, "A", true, IP(10, 0, 0, 0), 24, IP(172, 16, 0, 0), 16);
        add_ace(dev, "B", true, IP(10, 0, 0, 0), 16, IP(172, 16, 0, 0), 16);
        assert_int_equal(model_finalize(dev), 0);

        struct cmap_hit h;
        struct flowbox f = fb_point(IP(10, 0, 0, 1), IP(172, 16, 1, 1), 6, 1, 2);
        assert_true(cmap_lookup(dev, "outside", &f, &h));
        assert_ptr_equal(h.entry, e10);
        assert_int_equal(h.ace->loc.line, 2);
        f.src.lo = f.src.hi = IP(10, 0, 0, 9);
        assert_true(cmap_lookup(dev, "outside", &f, &h));
        assert_ptr_equal(h.entry, e20);
        f.dst.lo = f.dst.hi = IP(8, 8, 8, 8);
        assert_true(cmap_lookup(dev, "outside", &f, &h)); /* the dynamic template takes it */
        assert_ptr_equal(h.entry, dref);
        assert_ptr_equal(h.dyn, tmpl);
        tmpl->match_acl = "B";
        assert_false(cmap_lookup(dev, "outside", &f, &h));
        assert_non_null(h.map);
        assert_false(cmap_lookup(dev, "inside", &f, &h));
        assert_null(h.map);
        model_free(dev);
}

static struct psk *add_psk(struct device *dev, enum psk_source s, uint32_t a, int len,
                           const char *kr, const char *tg)
{
        struct psk *k = model_alloc(dev, sizeof(*k));
        k->source = s, k->has_addr = true, k->addr = a, k->mask = plen_mask(len);
        k->keyring = kr, k->tunnel_group = tg;
        secret_set(&k->key, "k", 1);
        ptrvec_push(&dev->arena, &dev->psks, k);
        return k;
}

static void peer_keys(void **state)
{
        (void)state;
        struct device *ios = model_new("r");
        ios->platform = PLAT_IOS;
        struct psk *wild = add_psk(ios, PSK_IOS_GLOBAL, 0, 0, NULL, NULL);
        struct psk *host = add_psk(ios, PSK_IOS_KEYRING, IP(198, 51, 100, 7), 32, "KR", NULL);
        struct psk *net = add_psk(ios, PSK_IOS_GLOBAL, IP(198, 51, 100, 0), 24, NULL, NULL);
        assert_ptr_equal(peer_key_lookup(ios, IP(198, 51, 100, 7), NULL).psk, host);
        assert_ptr_equal(peer_key_lookup(ios, IP(198, 51, 100, 8), NULL).psk, net);
        assert_ptr_equal(peer_key_lookup(ios, IP(1, 2, 3, 4), NULL).psk, wild);
        assert_null(peer_key_lookup(ios, IP(1, 2, 3, 4), "KR").psk);
        model_free(ios);

        struct device *asa = model_new("a");
        asa->platform = PLAT_ASA;
        struct loc l = mk_loc(4);
        struct tunnel_group *tg = model_obtain_tg(asa, "198.51.100.7", &l);
        tg->name_is_addr = true, tg->addr = IP(198, 51, 100, 7);
        struct psk *k = add_psk(asa, PSK_ASA_TUNNEL_GROUP, 0, 0, NULL, "198.51.100.7");
        struct peer_key pk = peer_key_lookup(asa, IP(198, 51, 100, 7), NULL);
        assert_ptr_equal(pk.tg, tg);
        assert_ptr_equal(pk.psk, k);
        assert_false(pk.default_group);
        pk = peer_key_lookup(asa, IP(198, 51, 100, 8), NULL);
        assert_true(pk.default_group);
        assert_null(pk.tg); /* DefaultL2LGroup not configured */
        assert_null(pk.psk);
        struct tunnel_group *dl = model_obtain_tg(asa, "DefaultL2LGroup", &l);
        struct psk *dk = add_psk(asa, PSK_ASA_TUNNEL_GROUP, 0, 0, NULL, "DefaultL2LGroup");
        pk = peer_key_lookup(asa, IP(198, 51, 100, 8), NULL);
        assert_ptr_equal(pk.tg, dl);
        assert_ptr_equal(pk.psk, dk);
        model_free(asa);

        struct device *pix = model_new("p");
        pix->platform = PLAT_PIX;
        struct psk *pk1 = add_psk(pix, PSK_PIX, IP(10, 0, 0, 0), 8, NULL, NULL);
        assert_ptr_equal(peer_key_lookup(pix, IP(10, 1, 1, 1), NULL).psk, pk1);
        model_free(pix);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(sorts_policies_and_entries),
            cmocka_unit_test(p1_defaults_per_platform),
            cmocka_unit_test(implicit_policies),
            cmocka_unit_test(resolves_pending_groups),
            cmocka_unit_test(group_policy_inheritance),
            cmocka_unit_test(route_lookup),
            cmocka_unit_test(crypto_map_lookup),
            cmocka_unit_test(peer_keys),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
