/* ipsec-doctor dump: JSON shape and values, text outline, secrets never
 * printed, fingerprints, determinism and error paths. The device is built
 * by hand so that these tests do not depend on the readers. */
#include "test_util.h"

#include <jansson.h>
#include <stdlib.h>

#include "model/model.h"
#include "report/dump.h"
#include "report/dump_names.h"

/* Clear keys used to build the secrets: none may appear in any output. */
#define KEY_A     "Sup3r-L2L-Key-A"
#define KEY_B     "Other-L2L-Key-B"
#define GROUP_KEY "EzVpnGr0upKey"
#define USER_PW   "Al1cePassw0rd"

#define IP(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (d))

static struct loc L(struct device *dev, uint32_t line) {
        return (struct loc){.file = dev->file, .line = line, .text = NULL};
}

static void *
elem(struct device *dev, size_t size, uint32_t line)
{
        void *e = model_alloc(dev, size);
        assert_non_null(e);
        *(struct loc *)e = L(dev, line); /* every element starts with its loc */
        return e;
}

static void push(struct device *dev, struct ptrvec *pv, void *e)
{
        assert_int_equal(ptrvec_push(&dev->arena, pv, e), 0);
}

static void push_str(struct device *dev, struct ptrvec *pv, const char *s)
{
        push(dev, pv, model_strdup(dev, s));
}

static void key(struct secret *s, const char *k)
{
        secret_set(s, k, strlen(k));
}

static void build_network(struct device *dev)
{
        struct loc l = L(dev, 10);
        struct iface *i = model_obtain_iface(dev, "GigabitEthernet0/0", &l);
        assert_non_null(i);
        assert_int_equal(model_set_nameif(dev, i, "outside"), 0);
        i->security_level = 0;
        i->has_addr = true;
        i->addr = IP(203, 0, 113, 1);
        i->mask = IP(255, 255, 255, 0);
        l = L(dev, 12);
        struct iface *t = model_obtain_iface(dev, "Tunnel0", &l);
        t->is_tunnel = true;
        t->has_tunnel_dest = true;
        t->tunnel_dest = IP(198, 51, 100, 2);
        t->tunnel_protection = "PROF";

        struct route *r = elem(dev, sizeof(*r), 20);
        r->ifname = "outside";
        r->has_nexthop = true;
        r->nexthop = IP(203, 0, 113, 254);
        r->distance = 1;
        push(dev, &dev->routes, r);

        struct name_alias *n = elem(dev, sizeof(*n), 21);
        n->name = "inside-net";
        n->addr = IP(10, 0, 0, 0);
        assert_int_equal(model_add_name_alias(dev, n), 0);

        l = L(dev, 22);
        struct object *o = model_obtain_object(dev, "OBJ-LAN", OBJ_NETWORK, false, &l);
        o->addrs.r = model_alloc(dev, sizeof(struct range32));
        o->addrs.r[0] = (struct range32){IP(10, 0, 0, 0), IP(10, 0, 0, 255)};
        o->addrs.n = 1;

        struct access_group *g = elem(dev, sizeof(*g), 31);
        g->acl = "OUTSIDE-IN";
        g->ifname = "outside";
        g->in = true;
        push(dev, &dev->access_groups, g);

        struct route_map_entry *m = elem(dev, sizeof(*m), 34);
        m->name = "RM";
        m->seq = 10;
        m->permit = true;
        push_str(dev, &m->match_acls, "NAT-ACL");
        push(dev, &dev->route_maps, m);
}

static struct addrset o_addrs(struct device *dev)
{
        struct addrset a = {.r = model_alloc(dev, sizeof(struct range32)), .n = 1};
        assert_non_null(a.r);
        a.r[0] = (struct range32){IP(10, 0, 0, 0), IP(10, 0, 0, 255)};
        return a;
}

static void build_acl_nat(struct device *dev)
{
        struct loc l = L(dev, 30);
        struct acl *a = model_obtain_acl(dev, "VPN-ACL", &l);
        a->kind = ACL_EXTENDED;
        struct ace *e = elem(dev, sizeof(*e), 30);
        e->action = ACL_PERMIT;
        e->has_ports = true;
        e->src_text = "10.0.0.0 255.255.255.0";
        e->dst_text = "object-group PEERS";
        e->boxes = model_alloc(dev, 2 * sizeof(struct flowbox));
        e->nboxes = 2;
        e->boxes[0] = (struct flowbox){{IP(10, 0, 0, 0), IP(10, 0, 0, 255)},
                                       {IP(192, 168, 1, 0), IP(192, 168, 1, 255)},
                                       {6, 6},
                                       {0, 65535},
                                       {443, 443}};
        e->boxes[1] = e->boxes[0];
        e->boxes[1].dst = (struct range32){IP(172, 16, 0, 1), IP(172, 16, 0, 9)};
        push(dev, &a->aces, e);

        /* Config order: the object NAT (section 2) before the twice NAT
         * (section 1); nat_order (finalize's evaluation order) is the reverse. */
        struct nat_rule *obj = elem(dev, sizeof(*obj), 33);
        obj->kind = NAT_OBJECT;
        obj->section = 2;
        obj->real_if = "inside";
        obj->mapped_if = "outside";
        obj->nat_id = -1;
        obj->src_xlate = NAT_XLATE_DYNAMIC;
        obj->mapped_src_text = "interface";
        obj->object = "OBJ-LAN";
        push(dev, &dev->nat_rules, obj);
        struct nat_rule *tw = elem(dev, sizeof(*tw), 32);
        tw->kind = NAT_TWICE;
        tw->section = 1;
        tw->real_if = "inside";
        tw->mapped_if = "outside";
        tw->nat_id = -1;
        tw->real_src = o_addrs(dev);
        tw->has_dst = true;
        tw->src_xlate = NAT_XLATE_IDENTITY;
        tw->dst_identity = true;
        tw->no_proxy_arp = true;
        push(dev, &dev->nat_rules, tw);
        push(dev, &dev->nat_order, tw);
        push(dev, &dev->nat_order, obj);
}

static void build_policies(struct device *dev)
{
        struct isakmp_policy *p = elem(dev, sizeof(*p), 40);
        *p = (struct isakmp_policy){.loc = L(dev, 40),
                                    .priority = 10,
                                    .encr = ENCR_AES,
                                    .key_bits = 256,
                                    .hash = HASH_SHA1,
                                    .auth = AUTH_PSK,
                                    .group = 14,
                                    .lifetime = 86400,
                                    .explicit_mask =
                                        P1_EXPL_ENCR | P1_EXPL_HASH | P1_EXPL_AUTH | P1_EXPL_GROUP};
        push(dev, &dev->isakmp_policies, p);
        struct isakmp_policy *d = elem(dev, sizeof(*d), 0);
        *d = (struct isakmp_policy){.loc = L(dev, 0),
                                    .priority = 65535,
                                    .encr = ENCR_3DES,
                                    .hash = HASH_SHA1,
                                    .auth = AUTH_PSK,
                                    .group = 2,
                                    .lifetime = 86400,
                                    .implicit = true};
        push(dev, &dev->isakmp_policies, d);

        struct ikev2_policy *v = elem(dev, sizeof(*v), 45);
        v->name = "1";
        v->priority = 1;
        v->encr[0] = ENCR_AES;
        v->key_bits[0] = 256;
        v->encr[1] = ENCR_AES_GCM;
        v->key_bits[1] = 256;
        v->nencr = 2;
        v->integ[0] = HASH_SHA256;
        v->ninteg = 1;
        v->prf[0] = HASH_SHA256;
        v->nprf = 1;
        v->groups[0] = 19;
        v->groups[1] = 20;
        v->ngroups = 2;
        v->lifetime = 86400;
        push(dev, &dev->ikev2_policies, v);
}

static struct psk *add_psk(struct device *dev, uint32_t line, enum psk_source src, uint32_t addr)
{
        struct psk *k = elem(dev, sizeof(*k), line);
        k->source = src;
        k->has_addr = addr != 0;
        k->addr = addr;
        k->mask = 0xffffffffu;
        push(dev, &dev->psks, k);
        return k;
}

static void build_keys(struct device *dev)
{
        struct psk *a = add_psk(dev, 50, PSK_ASA_TUNNEL_GROUP, 0);
        a->tunnel_group = "198.51.100.2";
        key(&a->key, KEY_A);
        /* A reader that forgot to scrub: the dump must still not print loc.text. */
        a->loc.text = " pre-shared-key " KEY_A;
        secret_set_unknown(&add_psk(dev, 51, PSK_IOS_GLOBAL, IP(198, 51, 100, 3))->key,
                           SECRET_MASKED);
        struct psk *c = add_psk(dev, 52, PSK_IOS_KEYRING, IP(198, 51, 100, 4));
        c->keyring = "KR";
        key(&c->key, KEY_A);
        key(&add_psk(dev, 53, PSK_PIX, IP(198, 51, 100, 5))->key, KEY_B);
        secret_set_unknown(&add_psk(dev, 54, PSK_IOS_GLOBAL, IP(198, 51, 100, 6))->key,
                           SECRET_ENCRYPTED);

        struct keyring *kr = elem(dev, sizeof(*kr), 55);
        kr->name = "KR";
        assert_int_equal(model_add_keyring(dev, kr), 0);

        struct isakmp_profile *pr = elem(dev, sizeof(*pr), 56);
        pr->name = "PROF1";
        push_str(dev, &pr->keyrings, "KR");
        struct profile_match *pm = elem(dev, sizeof(*pm), 56);
        pm->is_addr = true;
        pm->addr = IP(198, 51, 100, 4);
        pm->mask = 0xffffffffu;
        push(dev, &pr->match_ids, pm);
        assert_int_equal(model_add_profile(dev, pr), 0);

        struct client_group *g = elem(dev, sizeof(*g), 57);
        g->name = "EZVPN";
        key(&g->key, GROUP_KEY);
        g->key_loc = L(dev, 58);
        g->pool = "POOL1";
        assert_int_equal(model_add_client_group(dev, g), 0);

        dev->ike.identity = IDENT_ADDRESS;
        dev->ike.identity_loc = L(dev, 59);
        dev->ike.nat_t = TRI_ON;
        dev->ike.nat_t_explicit = true;
        dev->ike.nat_t_keepalive = 20;
        dev->ike.nat_t_loc = L(dev, 60);
        struct iface_ref *en = elem(dev, sizeof(*en), 61);
        en->ifname = "outside";
        push(dev, &dev->ike.ikev1_enabled, en);
}

static void build_cmaps(struct device *dev)
{
        struct loc l = L(dev, 70);
        struct transform_set *t = model_obtain_tset(dev, "TS-AES", &l);
        t->esp_encr[0] = ENCR_AES;
        t->esp_key_bits[0] = 256;
        t->nesp_encr = 1;
        t->esp_hash[0] = HASH_SHA1;
        t->nesp_hash = 1;
        t->text = "esp-aes 256 esp-sha-hmac";

        l = L(dev, 71);
        struct crypto_map *m = model_obtain_cmap(dev, "CMAP", false, &l);
        struct crypto_map_entry *e = model_cmap_entry(dev, m, 10, &l);
        e->match_acl = "VPN-ACL";
        e->match_loc = L(dev, 72);
        struct cm_peer *p = elem(dev, sizeof(*p), 73);
        p->is_addr = true;
        p->addr = IP(198, 51, 100, 2);
        p->text = "198.51.100.2";
        push(dev, &e->peers, p);
        push_str(dev, &e->tsets, "TS-AES");
        e->tsets_loc = L(dev, 74);
        e->pfs_set = true;
        e->pfs_group = 14;
        e->lifetime_sec = 3600;
        e->lifetime_loc = L(dev, 75);
        l = L(dev, 81);
        struct crypto_map *dm = model_obtain_cmap(dev, "DYN", true, &l);
        push_str(dev, &model_cmap_entry(dev, dm, 5, &l)->tsets, "TS-AES");
        l = L(dev, 82);
        struct crypto_map_entry *ref = model_cmap_entry(dev, m, 65535, &l);
        ref->is_dynamic_ref = true;
        ref->dynamic_map = "DYN";

        struct crypto_map_binding *b = elem(dev, sizeof(*b), 76);
        b->map = "CMAP";
        b->ifname = "outside";
        push(dev, &dev->cmap_bindings, b);
        struct crypto_map_binding *orphan = elem(dev, sizeof(*orphan), 77);
        orphan->map = "NOPE";
        orphan->ifname = "inside";
        push(dev, &dev->cmap_bindings, orphan);

        struct ipsec_profile *ip = elem(dev, sizeof(*ip), 78);
        ip->name = "PROF";
        push_str(dev, &ip->tsets, "TS-AES");
        assert_int_equal(model_add_ipsec_profile(dev, ip), 0);
        dev->ipsec.lifetime_sec = 28800;
        dev->ipsec.lifetime_sec_explicit = true;
        dev->ipsec.lifetime_kb = 4608000;
        dev->ipsec.lifetime_loc = L(dev, 79);
}

static void build_remote_access(struct device *dev)
{
        struct loc l = L(dev, 80);
        struct tunnel_group *t = model_obtain_tg(dev, "198.51.100.2", &l);
        t->type = TG_L2L;
        t->type_loc = l;
        t->name_is_addr = true;
        t->addr = IP(198, 51, 100, 2);
        t->default_group_policy = "GP1";
        t->has_psk = true;
        t->psk_loc = L(dev, 50);

        l = L(dev, 90);
        struct group_policy *g = model_obtain_gp(dev, "GP1", &l);
        g->internal = true;
        g->a.tunnel_protocols_set = true;
        g->a.tunnel_protocols = VPN_PROTO_IPSEC | VPN_PROTO_IKEV2;
        g->a.tunnel_protocols_loc = L(dev, 91);
        g->a.split_policy_set = true;
        g->a.split_policy = SPLIT_TUNNELSPECIFIED;
        g->a.split_policy_loc = L(dev, 92);
        g->a.idle_timeout_set = true;
        g->a.idle_timeout_min = -1;

        struct username *u = elem(dev, sizeof(*u), 95);
        u->name = "alice";
        key(&u->password, USER_PW);
        u->privilege = 15;
        u->a.logins_set = true;
        u->a.simultaneous_logins = 2;
        assert_int_equal(model_add_username(dev, u), 0);

        struct local_pool *p = elem(dev, sizeof(*p), 96);
        p->name = "POOL1";
        p->lo = IP(10, 10, 0, 1);
        p->hi = IP(10, 10, 0, 50);
        p->has_mask = true;
        p->mask = IP(255, 255, 255, 0);
        assert_int_equal(model_add_pool(dev, p), 0);

        struct aaa_group *ag = elem(dev, sizeof(*ag), 97);
        ag->name = "RAD";
        ag->protocol = "radius";
        push(dev, &dev->aaa_groups, ag);
        struct aaa_host *h = elem(dev, sizeof(*h), 98);
        h->group = "RAD";
        h->ifname = "inside";
        h->addr = IP(10, 0, 0, 5);
        push(dev, &dev->aaa_hosts, h);
}

static void build_settings(struct device *dev)
{
        dev->sysopt.permit_vpn = TRI_OFF;
        dev->sysopt.permit_vpn_loc = L(dev, 99);
        dev->same_sec_intra = TRI_ON;
        dev->same_sec_intra_loc = L(dev, 100);
        dev->management_access = "inside";
        dev->management_access_loc = L(dev, 101);
        dev->threat.basic_threat = TRI_ON;
        dev->threat.loc = L(dev, 102);
        struct iface_ref *sig = elem(dev, sizeof(*sig), 103);
        sig->ifname = "2000";
        push(dev, &dev->audit_sig_disabled, sig);
        dev->logging_queue = 0; /* set to 0: distinct from unset (-1) */
        dev->logging_queue_loc = L(dev, 104);
        dev->max_sessions = 100;
        dev->max_sessions_loc = L(dev, 105);
}

static struct device *build_device(void)
{
        struct device *dev = model_new("hq.cfg");
        assert_non_null(dev);
        dev->hostname = "hq-asa";
        dev->hostname_loc = L(dev, 1);
        dev->platform = PLAT_ASA;
        dev->version = (struct version){.major = 9, .minor = 8, .maint = 4, .text = "9.8(4)"};
        dev->nlines = 120;
        dev->nskipped = 2;
        struct loc u = L(dev, 7);
        u.text = "frobnicate the widget";
        assert_int_equal(model_add_unknown(dev, &u), 0);
        build_network(dev);
        build_acl_nat(dev);
        build_policies(dev);
        build_keys(dev);
        build_cmaps(dev);
        build_remote_access(dev);
        build_settings(dev);
        return dev;
}

typedef int (*dump_fn)(FILE *, struct device *const *, size_t, bool);

/* The dump as a NUL-terminated heap string (caller frees). */
/* noinline: inlined at -O3, gcc 12 takes the memstream's buffer for a
 * pointer to the local `buf` and reports every use as dangling. */
__attribute__((noinline)) static char *dump_str(dump_fn fn, struct device *dev, bool verbose)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_non_null(f);
        assert_int_equal(fn(f, &dev, 1, verbose), 0);
        assert_int_equal(fclose(f), 0);
        return buf;
}

static json_t *dump_parsed(struct device *dev)
{
        char *s = dump_str(dump_json, dev, false);
        size_t n = strlen(s);
        assert_true(n > 0 && s[n - 1] == '\n');
        json_error_t err;
        json_t *root = json_loads(s, 0, &err);
        free(s);
        assert_non_null(root);
        return root;
}

/* root.devices[0].<key>[idx] */
static json_t *item(json_t *dev, const char *key, size_t idx)
{
        json_t *a = json_object_get(dev, key);
        assert_true(json_is_array(a));
        json_t *e = json_array_get(a, idx);
        assert_non_null(e);
        return e;
}

static const char *str_at(json_t *o, const char *key)
{
        json_t *v = json_object_get(o, key);
        assert_true(json_is_string(v));
        return json_string_value(v);
}

static long long int_at(json_t *o, const char *key)
{
        json_t *v = json_object_get(o, key);
        assert_true(json_is_integer(v));
        return json_integer_value(v);
}

static void json_document_and_key_order(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        assert_string_equal(str_at(root, "tool"), "ipsec-doctor");
        assert_string_equal(str_at(root, "command"), "dump");
        assert_true(json_is_string(json_object_get(root, "version")));
        assert_int_equal(json_array_size(json_object_get(root, "devices")), 1);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        static const char *const keys[] = {"file",
                                           "hostname",
                                           "hostname_line",
                                           "domain",
                                           "platform",
                                           "platform_forced",
                                           "version",
                                           "lines",
                                           "skipped",
                                           "unknown_count",
                                           "unknown_lines",
                                           "unknown_vpn_count",
                                           "unknown_vpn_lines",
                                           "interfaces",
                                           "routes",
                                           "names",
                                           "objects",
                                           "acls",
                                           "access_groups",
                                           "nat_rules",
                                           "nat_evaluation_order",
                                           "route_maps",
                                           "isakmp_policies",
                                           "ikev2_policies",
                                           "psks",
                                           "keyrings",
                                           "isakmp_profiles",
                                           "client_groups",
                                           "ike",
                                           "transform_sets",
                                           "crypto_maps",
                                           "crypto_map_bindings",
                                           "ipsec_profiles",
                                           "ipsec",
                                           "tunnel_groups",
                                           "group_policies",
                                           "usernames",
                                           "pools",
                                           "aaa_servers",
                                           "sysopt",
                                           "same_security_traffic",
                                           "management_access",
                                           "threat_detection",
                                           "ip_audit_disabled",
                                           "logging_queue",
                                           "max_sessions",
                                           "ssl_trustpoint",
                                           "dynamic_routing",
                                           "ssl_vpn"};
        size_t i = 0;
        for (void *it = json_object_iter(d); it; it = json_object_iter_next(d, it), i++) {
                assert_true(i < sizeof(keys) / sizeof(keys[0]));
                assert_string_equal(json_object_iter_key(it), keys[i]);
        }
        assert_int_equal(i, sizeof(keys) / sizeof(keys[0]));
        json_decref(root);
        model_free(dev);
}

static void json_header_network_values(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        assert_string_equal(str_at(d, "file"), "hq.cfg");
        assert_string_equal(str_at(d, "hostname"), "hq-asa");
        assert_string_equal(str_at(d, "platform"), "asa");
        assert_true(json_is_false(json_object_get(d, "platform_forced")));
        json_t *v = json_object_get(d, "version");
        assert_string_equal(str_at(v, "text"), "9.8(4)");
        assert_int_equal(int_at(v, "major"), 9);
        assert_int_equal(int_at(v, "maint"), 4);
        assert_int_equal(int_at(d, "lines"), 120);
        assert_int_equal(int_at(d, "skipped"), 2);
        assert_int_equal(int_at(d, "unknown_count"), 1);
        json_t *u = item(d, "unknown_lines", 0);
        assert_int_equal(int_at(u, "line"), 7);
        assert_string_equal(str_at(u, "text"), "frobnicate the widget");

        json_t *i = item(d, "interfaces", 0);
        assert_int_equal(int_at(i, "line"), 10);
        assert_string_equal(str_at(i, "nameif"), "outside");
        assert_string_equal(str_at(i, "address"), "203.0.113.1");
        assert_string_equal(str_at(i, "mask"), "255.255.255.0");
        assert_int_equal(int_at(i, "security_level"), 0);
        assert_true(json_is_null(json_object_get(i, "tunnel")));
        json_t *tun = json_object_get(item(d, "interfaces", 1), "tunnel");
        assert_string_equal(str_at(tun, "destination"), "198.51.100.2");
        assert_true(json_is_null(json_object_get(item(d, "interfaces", 1), "security_level")));
        assert_string_equal(str_at(item(d, "routes", 0), "nexthop"), "203.0.113.254");
        assert_string_equal(str_at(item(d, "names", 0), "address"), "10.0.0.0");
        assert_string_equal(json_string_value(json_array_get(
                                json_object_get(item(d, "objects", 0), "addresses"), 0)),
                            "10.0.0.0/24");
        json_t *ag = item(d, "access_groups", 0);
        assert_string_equal(str_at(ag, "direction"), "in");
        assert_string_equal(str_at(item(d, "route_maps", 0), "action"), "permit");
        json_decref(root);
        model_free(dev);
}

static void json_acl_boxes_and_nat(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        json_t *acl = item(d, "acls", 0);
        assert_string_equal(str_at(acl, "name"), "VPN-ACL");
        assert_string_equal(str_at(acl, "kind"), "extended");
        json_t *ace = item(acl, "entries", 0);
        assert_int_equal(int_at(ace, "line"), 30);
        assert_string_equal(str_at(ace, "action"), "permit");
        json_t *b0 = item(ace, "boxes", 0), *b1 = item(ace, "boxes", 1);
        assert_string_equal(str_at(b0, "src"), "10.0.0.0/24");
        assert_string_equal(str_at(b0, "dst"), "192.168.1.0/24");
        assert_string_equal(str_at(b0, "proto"), "6");
        assert_string_equal(str_at(b0, "sport"), "0-65535");
        assert_string_equal(str_at(b0, "dport"), "443");
        assert_string_equal(str_at(b1, "dst"), "172.16.0.1-172.16.0.9");

        json_t *n0 = item(d, "nat_rules", 0), *n1 = item(d, "nat_rules", 1);
        assert_int_equal(json_integer_value(item(d, "nat_evaluation_order", 0)), 1);
        assert_int_equal(json_integer_value(item(d, "nat_evaluation_order", 1)), 0);
        assert_string_equal(str_at(n0, "kind"), "object"); /* JSON keeps config order */
        assert_string_equal(str_at(n0, "src_xlate"), "dynamic");
        assert_true(json_is_null(json_object_get(n0, "nat_id")));
        assert_string_equal(str_at(n1, "kind"), "twice");
        assert_int_equal(int_at(n1, "section"), 1);
        assert_string_equal(str_at(n1, "src_xlate"), "identity");
        assert_true(json_is_true(json_object_get(n1, "no_proxy_arp")));
        assert_string_equal(json_string_value(json_array_get(json_object_get(n1, "real_src"), 0)),
                            "10.0.0.0/24");
        json_decref(root);
        model_free(dev);
}

static void json_phase1(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        json_t *p = item(d, "isakmp_policies", 0);
        assert_int_equal(int_at(p, "priority"), 10);
        assert_string_equal(str_at(p, "encr"), "aes");
        assert_int_equal(int_at(p, "key_bits"), 256);
        assert_string_equal(str_at(p, "hash"), "sha");
        assert_string_equal(str_at(p, "auth"), "pre-share");
        assert_int_equal(int_at(p, "group"), 14);
        json_t *x = json_object_get(p, "explicit");
        assert_true(json_is_true(json_object_get(x, "encr")));
        assert_true(json_is_false(json_object_get(x, "lifetime")));
        assert_true(json_is_false(json_object_get(p, "implicit")));
        json_t *dp = item(d, "isakmp_policies", 1);
        assert_int_equal(int_at(dp, "line"), 0);
        assert_string_equal(str_at(dp, "encr"), "3des");
        assert_true(json_is_null(json_object_get(dp, "key_bits")));
        assert_true(json_is_true(json_object_get(dp, "implicit")));

        json_t *v2 = item(d, "ikev2_policies", 0);
        json_t *e1 = item(v2, "encryption", 1);
        assert_string_equal(str_at(e1, "alg"), "aes-gcm");
        assert_int_equal(int_at(e1, "key_bits"), 256);
        assert_string_equal(json_string_value(item(v2, "integrity", 0)), "sha256");
        assert_int_equal(json_integer_value(item(v2, "groups", 1)), 20);

        json_t *k0 = item(d, "psks", 0);
        assert_string_equal(str_at(k0, "source"), "asa-tunnel-group");
        assert_string_equal(str_at(k0, "tunnel_group"), "198.51.100.2");
        assert_true(json_is_null(json_object_get(k0, "address")));
        assert_string_equal(str_at(item(d, "psks", 2), "keyring"), "KR");
        assert_string_equal(str_at(item(d, "psks", 2), "address"), "198.51.100.4");
        assert_string_equal(str_at(item(d, "keyrings", 0), "name"), "KR");
        json_t *pr = item(d, "isakmp_profiles", 0);
        assert_string_equal(str_at(item(pr, "match_identities", 0), "address"), "198.51.100.4");
        json_t *ike = json_object_get(d, "ike");
        assert_string_equal(str_at(ike, "identity"), "address");
        assert_true(json_is_true(json_object_get(ike, "nat_t")));
        assert_int_equal(int_at(ike, "nat_t_keepalive"), 20);
        assert_string_equal(str_at(item(ike, "ikev1_enabled", 0), "interface"), "outside");
        json_decref(root);
        model_free(dev);
}

static void json_phase2(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        json_t *t = item(d, "transform_sets", 0);
        assert_string_equal(str_at(item(t, "esp_encr", 0), "alg"), "aes");
        assert_string_equal(json_string_value(item(t, "esp_hash", 0)), "sha");
        assert_string_equal(str_at(t, "mode"), "tunnel");
        assert_string_equal(str_at(t, "ah_hash"), "none");
        json_t *m = item(d, "crypto_maps", 0);
        assert_string_equal(str_at(m, "name"), "CMAP");
        json_t *e = item(m, "entries", 0);
        assert_int_equal(int_at(e, "seq"), 10);
        assert_int_equal(int_at(e, "match_line"), 72);
        assert_string_equal(str_at(item(e, "peers", 0), "address"), "198.51.100.2");
        assert_int_equal(int_at(item(e, "peers", 0), "line"), 73);
        assert_string_equal(json_string_value(item(e, "transform_sets", 0)), "TS-AES");
        assert_int_equal(int_at(e, "pfs_group"), 14);
        assert_int_equal(int_at(e, "lifetime_sec"), 3600);
        assert_true(json_is_null(json_object_get(e, "lifetime_kb")));
        json_t *ref = item(m, "entries", 1);
        assert_true(json_is_true(json_object_get(ref, "dynamic_ref")));
        assert_string_equal(str_at(ref, "dynamic_map"), "DYN");
        assert_true(json_is_true(json_object_get(item(d, "crypto_maps", 1), "dynamic")));
        assert_string_equal(str_at(item(d, "crypto_map_bindings", 0), "interface"), "outside");
        assert_string_equal(str_at(item(d, "ipsec_profiles", 0), "name"), "PROF");
        json_t *g = json_object_get(d, "ipsec");
        assert_int_equal(int_at(g, "lifetime_sec"), 28800);
        assert_true(json_is_false(json_object_get(g, "lifetime_kb_explicit")));
        json_decref(root);
        model_free(dev);
}

static void json_remote_access_and_settings(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        json_t *tg = item(d, "tunnel_groups", 0);
        assert_string_equal(str_at(tg, "type"), "ipsec-l2l");
        assert_string_equal(str_at(tg, "address"), "198.51.100.2");
        assert_string_equal(str_at(tg, "default_group_policy"), "GP1");
        json_t *gp = item(d, "group_policies", 0);
        json_t *a = json_object_get(gp, "attributes");
        json_t *proto = json_object_get(a, "vpn_tunnel_protocol");
        assert_true(json_is_true(json_object_get(proto, "set")));
        assert_int_equal(int_at(proto, "line"), 91);
        assert_string_equal(json_string_value(item(proto, "value", 0)), "ikev1");
        assert_string_equal(json_string_value(item(proto, "value", 1)), "ikev2");
        assert_string_equal(str_at(json_object_get(a, "split_tunnel_policy"), "value"),
                            "tunnelspecified");
        assert_string_equal(str_at(json_object_get(a, "vpn_idle_timeout"), "value"), "none");
        assert_true(json_is_false(json_object_get(json_object_get(a, "pfs"), "set")));
        assert_true(json_is_object(json_object_get(gp, "effective")));
        assert_non_null(json_object_get(json_object_get(gp, "effective"), "vpn_tunnel_protocol"));
        json_t *u = item(d, "usernames", 0);
        assert_int_equal(int_at(u, "privilege"), 15);
        assert_int_equal(
            int_at(json_object_get(json_object_get(u, "attributes"), "vpn_simultaneous_logins"),
                   "value"),
            2);
        json_t *pool = item(d, "pools", 0);
        assert_string_equal(str_at(pool, "first"), "10.10.0.1");
        assert_string_equal(str_at(pool, "last"), "10.10.0.50");
        json_t *aaa = json_object_get(d, "aaa_servers");
        assert_string_equal(str_at(item(aaa, "groups", 0), "protocol"), "radius");
        assert_string_equal(str_at(item(aaa, "hosts", 0), "address"), "10.0.0.5");
        json_t *so = json_object_get(d, "sysopt");
        assert_true(json_is_false(json_object_get(so, "permit_vpn")));
        assert_true(json_is_null(json_object_get(so, "permit_ipsec")));
        assert_int_equal(int_at(so, "permit_vpn_line"), 99);
        json_t *sst = json_object_get(d, "same_security_traffic");
        assert_true(json_is_true(json_object_get(sst, "intra_interface")));
        assert_string_equal(str_at(json_object_get(d, "management_access"), "value"), "inside");
        assert_true(
            json_is_true(json_object_get(json_object_get(d, "threat_detection"), "basic_threat")));
        assert_string_equal(str_at(item(d, "ip_audit_disabled", 0), "signature"), "2000");
        assert_int_equal(int_at(json_object_get(d, "logging_queue"), "value"), 0);
        assert_int_equal(int_at(json_object_get(d, "max_sessions"), "value"), 100);
        json_decref(root);
        model_free(dev);
}

static void assert_no_clear_keys(const char *out)
{
        static const char *const clear[] = {KEY_A, KEY_B, GROUP_KEY, USER_PW};
        for (size_t i = 0; i < sizeof(clear) / sizeof(clear[0]); i++)
                assert_null(strstr(out, clear[i]));
}

static void secrets_never_printed(void **state)
{
        (void)state;
        struct device *dev = build_device();
        char *j = dump_str(dump_json, dev, true);
        char *t = dump_str(dump_text, dev, true);
        assert_no_clear_keys(j);
        assert_no_clear_keys(t);
        assert_non_null(strstr(j, "\"<secret>\""));
        assert_non_null(strstr(t, "<secret> fp "));
        assert_non_null(strstr(t, "<secret> (masked)"));
        assert_non_null(strstr(t, "<secret> (encrypted)"));
        free(j);
        free(t);
        model_free(dev);
}

static const char *fp_of(json_t *d, const char *list, size_t i, const char *key)
{
        return str_at(json_object_get(item(d, list, i), key), "fingerprint");
}

static void secret_states_and_fingerprints(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_t *root = dump_parsed(dev);
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        json_t *k0 = json_object_get(item(d, "psks", 0), "key");
        assert_string_equal(str_at(k0, "state"), "known");
        assert_string_equal(str_at(k0, "value"), "<secret>");
        assert_int_equal(strlen(str_at(k0, "fingerprint")), SECRET_FP_HEXLEN);
        json_t *k1 = json_object_get(item(d, "psks", 1), "key");
        assert_string_equal(str_at(k1, "state"), "masked");
        assert_string_equal(str_at(k1, "value"), "<secret>");
        assert_null(json_object_get(k1, "fingerprint"));
        assert_string_equal(str_at(json_object_get(item(d, "psks", 4), "key"), "state"),
                            "encrypted");
        /* Same key, same fingerprint; another key, another one. */
        assert_string_equal(fp_of(d, "psks", 0, "key"), fp_of(d, "psks", 2, "key"));
        assert_string_not_equal(fp_of(d, "psks", 0, "key"), fp_of(d, "psks", 3, "key"));
        struct secret s;
        char want[SECRET_FP_HEXLEN + 1];
        key(&s, KEY_A);
        secret_fingerprint(&s, want);
        assert_string_equal(fp_of(d, "psks", 0, "key"), want);
        assert_string_equal(str_at(json_object_get(item(d, "client_groups", 0), "key"), "state"),
                            "known");
        assert_int_equal(int_at(item(d, "client_groups", 0), "key_line"), 58);
        assert_string_equal(str_at(json_object_get(item(d, "usernames", 0), "password"), "state"),
                            "known");
        json_decref(root);
        model_free(dev);
}

static void dumps_are_deterministic(void **state)
{
        (void)state;
        struct device *dev = build_device();
        struct device *dev2 = build_device();
        char *j1 = dump_str(dump_json, dev, false), *j2 = dump_str(dump_json, dev, false);
        char *j3 = dump_str(dump_json, dev2, false);
        char *t1 = dump_str(dump_text, dev, true), *t2 = dump_str(dump_text, dev2, true);
        assert_string_equal(j1, j2);
        assert_string_equal(j1, j3);
        assert_string_equal(t1, t2);
        free(j1);
        free(j2);
        free(j3);
        free(t1);
        free(t2);
        model_free(dev);
        model_free(dev2);
}

static void text_outline_sections(void **state)
{
        (void)state;
        struct device *dev = build_device();
        char *t = dump_str(dump_text, dev, false);
        char *tv = dump_str(dump_text, dev, true);
        assert_int_equal(strncmp(t, "hq.cfg: hq-asa (asa 9.8(4))\n", 28), 0);
        static const char *const want[] = {
            "  Interfaces (2)\n",
            "  Routes (1)\n",
            "  ACLs (1)\n",
            "VPN-ACL",
            "extended, 1 entries",
            "  NAT, in evaluation order (2)\n",
            "  ISAKMP policies (2)\n",
            "  (default)\n",
            "  Keys (5)\n",
            "  Transform sets (1)\n",
            "  Crypto maps (2)\n",
            "bound to outside",
            "Bindings to undefined crypto maps",
            "  Tunnel groups (1)\n",
            "  Group policies (1)\n",
            "vpn-tunnel-protocol ikev1,ikev2 (L91)",
            "  Pools (1)\n",
            "  Other settings\n",
            "sysopt connection permit-vpn off (L99)",
            "    L40     10    ",
            "  120 lines, 1 unknown (0.8%), 0 of them in a VPN context, 2 not config\n"};
        for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
                if (!strstr(t, want[i]))
                        fail_msg("text lacks \"%s\":\n%s", want[i], t);
        }
        /* NAT in evaluation order: the twice rule (section 1, L32) first. */
        const char *eval = strstr(t, "  NAT, in evaluation order");
        assert_non_null(eval);
        assert_true(strstr(eval, "L32") < strstr(eval, "L33"));
        assert_null(strstr(t, "L7: frobnicate"));
        /* Without evaluation order (no finalize), config order, and saying so. */
        dev->nat_order.n = 0;
        char *tc = dump_str(dump_text, dev, false);
        const char *in_order = strstr(tc, "  NAT, in config order (2)\n");
        assert_non_null(in_order);
        assert_true(strstr(in_order, "L33") < strstr(in_order, "L32"));
        free(tc);
        assert_non_null(strstr(tv, "  L7: frobnicate the widget\n"));
        free(t);
        free(tv);
        model_free(dev);
}

static void hostile_strings_stay_valid(void **state)
{
        (void)state;
        struct device *dev = build_device();
        dev->hostname = "bad\xff\xfe\x1b[31mname";
        char *t = dump_str(dump_text, dev, false);
        assert_null(strchr(t, '\x1b')); /* no terminal escapes reach the console */
        free(t);
        json_t *root = dump_parsed(dev); /* still valid JSON */
        json_t *d = json_array_get(json_object_get(root, "devices"), 0);
        assert_non_null(strstr(str_at(d, "hostname"), "name"));
        json_decref(root);
        model_free(dev);
}

static void write_errors_are_reported(void **state)
{
        (void)state;
        struct device *dev = build_device();
        FILE *ro = fopen("/dev/null", "r"); /* every write fails */
        assert_non_null(ro);
        assert_int_equal(dump_json(ro, &dev, 1, false), -1);
        assert_int_equal(dump_text(ro, &dev, 1, false), -1);
        fclose(ro);
        model_free(dev);
}

/* jansson allocation failure after `budget` allocations. */
static long alloc_budget = -1;
static void *failing_malloc(size_t n)
{
        if (alloc_budget == 0)
                return NULL;
        if (alloc_budget > 0)
                alloc_budget--;
        return malloc(n);
}

static void json_oom_fails_cleanly(void **state)
{
        (void)state;
        struct device *dev = build_device();
        json_set_alloc_funcs(failing_malloc, free);
        int failures = 0;
        for (long b = 0;; b += b < 64 ? 1 : 41) {
                alloc_budget = b;
                FILE *f = fopen("/dev/null", "w");
                assert_non_null(f);
                int rc = dump_json(f, &dev, 1, false);
                fclose(f);
                if (rc == 0)
                        break;
                assert_int_equal(rc, -1); /* ASan reports any leak on this path */
                failures++;
        }
        alloc_budget = -1;
        json_set_alloc_funcs(malloc, free);
        assert_true(failures > 64);
        model_free(dev);
}

static void name_tables_cover_the_model_enums(void **state)
{
        (void)state;
        assert_int_equal(names_encr.n, ENCR_OTHER + 1);
        assert_int_equal(names_hash.n, HASH_OTHER + 1);
        assert_int_equal(names_auth.n, AUTH_OTHER + 1);
        assert_int_equal(names_nat_kind.n, NAT_TWICE + 1);
        assert_int_equal(names_nat_xlate.n, NAT_XLATE_IDENTITY + 1);
        assert_int_equal(names_psk_source.n, PSK_ASA_IKEV2_REMOTE + 1);
        assert_int_equal(names_acl_kind.n, ACL_OTHER + 1);
        assert_int_equal(names_object_kind.n, OBJ_USER + 1);
        assert_int_equal(names_identity.n, IDENT_DN + 1);
        assert_int_equal(names_tg_type.n, TG_OTHER + 1);
        assert_int_equal(names_split.n, SPLIT_EXCLUDESPECIFIED + 1);
        assert_string_equal(enum_name(&names_encr, ENCR_3DES), "3des");
        assert_null(enum_name(&names_encr, 99));
        char b[ADDR_BUF];
        fmt_range32(&(struct range32){0, 0xffffffffu}, b);
        assert_string_equal(b, "0.0.0.0/0");
        fmt_range32(&(struct range32){IP(10, 0, 0, 1), IP(10, 0, 0, 1)}, b);
        assert_string_equal(b, "10.0.0.1/32");
        fmt_range32(&(struct range32){IP(10, 0, 0, 128), IP(10, 0, 1, 127)}, b);
        assert_string_equal(b, "10.0.0.128-10.0.1.127");
        assert_int_equal(mask_len(IP(255, 255, 255, 0)), 24);
        assert_int_equal(mask_len(IP(255, 0, 255, 0)), -1);
        assert_int_equal(mask_len(0), 0);
}

static int set_salt(void **state)
{
        (void)state;
        /* Before the first secret_set: the salt is read once per process. */
        return setenv("IPSEC_DOCTOR_FINGERPRINT_SALT", "unit-test-salt", 1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(json_document_and_key_order),
            cmocka_unit_test(json_header_network_values),
            cmocka_unit_test(json_acl_boxes_and_nat),
            cmocka_unit_test(json_phase1),
            cmocka_unit_test(json_phase2),
            cmocka_unit_test(json_remote_access_and_settings),
            cmocka_unit_test(secrets_never_printed),
            cmocka_unit_test(secret_states_and_fingerprints),
            cmocka_unit_test(dumps_are_deterministic),
            cmocka_unit_test(text_outline_sections),
            cmocka_unit_test(hostile_strings_stay_valid),
            cmocka_unit_test(write_errors_are_reported),
            cmocka_unit_test(json_oom_fails_cleanly),
            cmocka_unit_test(name_tables_cover_the_model_enums),
        };
        return cmocka_run_group_tests(tests, set_salt, NULL);
}
