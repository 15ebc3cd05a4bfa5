/* The ASA / PIX config reader: realistic configs in, concrete model values out. */
#include "test_util.h"

#include <stdlib.h>

#include "config/config.h"

static struct device *rd(const char *cfg, enum platform p)
{
        struct device *dev = NULL;
        struct diag err;
        assert_int_equal(config_read_buffer("t.cfg", cfg, strlen(cfg), p, &dev, &err), 0);
        assert_non_null(dev);
        return dev;
}

static size_t unknown_count(const struct device *dev)
{
        for (size_t i = 0; i < dev->unknown.n; i++)
                print_message("unknown: %s\n", ((const struct loc *)dev->unknown.v[i])->text);
        return dev->unknown.n;
}

static uint32_t ip(const char *s)
{
        unsigned a, b, c, d;
        assert_int_equal(sscanf(s, "%u.%u.%u.%u", &a, &b, &c, &d), 4);
        return a << 24 | b << 16 | c << 8 | d;
}

static const char *L2L_84 =
    "ASA Version 8.4(2)\n"
    "hostname hq-asa\n"
    "domain-name example.com\n"
    "name 192.168.200.0 branch-net\n"
    "interface GigabitEthernet0/0\n"
    " nameif outside\n"
    " security-level 0\n"
    " ip address 203.0.113.1 255.255.255.0 standby 203.0.113.2\n"
    "!\n"
    "interface GigabitEthernet0/1\n"
    " nameif inside\n"
    " security-level 100\n"
    " ip address 192.168.100.1 255.255.255.0\n"
    "interface GigabitEthernet0/2\n"
    " shutdown\n"
    " no nameif\n"
    "object network LAN\n"
    " subnet 192.168.100.0 255.255.255.0\n"
    "object network REMOTE\n"
    " subnet 192.168.200.0 255.255.255.0\n"
    "object-group network REMOTES\n"
    " network-object object REMOTE\n"
    " network-object host 10.9.9.9\n"
    " group-object LATER\n"
    "object-group network LATER\n"
    " network-object 172.16.0.0 255.255.0.0\n"
    "object-group service WEB tcp\n"
    " port-object eq www\n"
    " port-object range 8000 8080\n"
    "access-list noNAT extended permit ip 192.168.100.0 255.255.255.0 192.168.200.0 "
    "255.255.255.0 eq 25\n"
    "access-list VPN extended permit ip object LAN object-group REMOTES\n"
    "access-list VPN remark second line\n"
    "access-list WEBIN extended permit tcp any host 203.0.113.10 object-group WEB log\n"
    "access-list SPLIT standard permit 192.168.100.0 255.255.255.0\n"
    "access-list OLD extended deny tcp host branch-net gt 1023 any neq 23 inactive\n"
    "access-group WEBIN in interface outside\n"
    "nat (inside,outside) source static LAN LAN destination static REMOTE REMOTE "
    "no-proxy-arp route-lookup\n"
    "object network LAN\n"
    " nat (inside,outside) dynamic interface\n"
    "nat (inside,outside) after-auto source dynamic any interface\n"
    "nat (inside,outside) 1 source static REMOTE REMOTE\n"
    "route outside 0.0.0.0 0.0.0.0 203.0.113.254 1\n"
    "route inside 10.0.0.0 255.0.0.0 192.168.100.254 5 track 1\n"
    "crypto ipsec ikev1 transform-set ESP-AES-256-SHA esp-aes-256 esp-sha-hmac\n"
    "crypto ipsec ikev1 transform-set TR esp-3des esp-md5-hmac\n"
    "crypto ipsec ikev1 transform-set TR mode transport\n"
    "crypto ipsec ikev2 ipsec-proposal P2\n"
    " protocol esp encryption aes-256 aes\n"
    " protocol esp integrity sha-256 sha-1\n"
    "crypto ipsec security-association lifetime seconds 28800\n"
    "crypto ipsec security-association lifetime kilobytes 4608000\n"
    "crypto ipsec security-association replay window-size 128\n"
    "crypto map mymap 10 match address VPN\n"
    "crypto map mymap 10 set pfs\n"
    "crypto map mymap 10 set peer 198.51.100.7 198.51.100.8\n"
    "crypto map mymap 10 set ikev1 transform-set ESP-AES-256-SHA TR\n"
    "crypto map mymap 10 set ikev2 ipsec-proposal P2\n"
    "crypto map mymap 10 set security-association lifetime seconds 3600 kilobytes 100000\n"
    "crypto map mymap 10 set reverse-route\n"
    "crypto map mymap 10 set nat-t-disable\n"
    "crypto map mymap 10 set connection-type answer-only\n"
    "crypto map mymap 20 set pfs group14\n"
    "crypto map mymap 65535 ipsec-isakmp dynamic DYN\n"
    "crypto dynamic-map DYN 10 set ikev1 transform-set TR\n"
    "crypto map mymap interface outside\n"
    "crypto map othermap interface outside\n"
    "crypto ikev1 enable outside\n"
    "crypto ikev2 enable outside client-services port 443\n"
    "crypto isakmp identity address\n"
    "crypto isakmp nat-traversal 20\n"
    "crypto ikev1 am-disable\n"
    "crypto ikev1 policy 10\n"
    " authentication pre-share\n"
    " encryption aes-256\n"
    " hash sha\n"
    " group 5\n"
    " lifetime 86400\n"
    "crypto ikev2 policy 1\n"
    " encryption aes-256 aes\n"
    " integrity sha256\n"
    " group 14 5\n"
    " prf sha256\n"
    " lifetime seconds 43200\n"
    "tunnel-group 198.51.100.7 type ipsec-l2l\n"
    "tunnel-group 198.51.100.7 general-attributes\n"
    " default-group-policy L2L-GP\n"
    "tunnel-group 198.51.100.7 ipsec-attributes\n"
    " ikev1 pre-shared-key Sup3rSecretKey\n"
    " isakmp keepalive threshold 15 retry 10\n"
    " ikev2 remote-authentication pre-shared-key *****\n"
    "sysopt connection tcpmss 1350\n"
    "no sysopt connection permit-vpn\n"
    "no threat-detection statistics\n"
    "threat-detection basic-threat\n"
    "logging queue 512\n"
    "logging enable\n"
    "vpn-sessiondb max-session-limit 250\n"
    "same-security-traffic permit intra-interface\n"
    "management-access inside\n"
    "Cryptochecksum:0123456789abcdef\n"
    ": end\n";

static void l2l_84_interfaces_and_names(void **state)
{
        (void)state;
        struct device *d = rd(L2L_84, PLAT_ASA);
        assert_int_equal(unknown_count(d), 0);
        assert_string_equal(d->hostname, "hq-asa");
        assert_string_equal(d->domain, "example.com");
        struct iface *o = model_get_nameif(d, "outside");
        assert_non_null(o);
        assert_string_equal(o->name, "GigabitEthernet0/0");
        assert_int_equal(o->security_level, 0);
        assert_true(o->has_addr);
        assert_int_equal(o->addr, ip("203.0.113.1"));
        assert_int_equal(o->mask, ip("255.255.255.0"));
        assert_true(model_get_iface(d, "GigabitEthernet0/2")->shutdown);
        assert_int_equal(model_get_name_alias(d, "branch-net")->addr, ip("192.168.200.0"));
        assert_int_equal(d->routes.n, 2);
        const struct route *r = d->routes.v[1];
        assert_string_equal(r->ifname, "inside");
        assert_int_equal(r->net, ip("10.0.0.0"));
        assert_int_equal(r->nexthop, ip("192.168.100.254"));
        assert_int_equal(r->distance, 5);
        model_free(d);
}

static void l2l_84_objects_and_acls(void **state)
{
        (void)state;
        struct device *d = rd(L2L_84, PLAT_ASA);
        const struct object *g = model_get_object(d, "REMOTES");
        assert_true(g->is_group);
        assert_int_equal(g->addrs.n, 3); /* REMOTE, host, LATER resolved at the end */
        assert_int_equal(g->addrs.r[2].lo, ip("172.16.0.0"));
        assert_int_equal(g->addrs.r[2].hi, ip("172.16.255.255"));
        const struct object *w = model_get_object(d, "WEB");
        assert_int_equal(w->nprotos, 1);
        assert_int_equal(w->ndports, 2);
        assert_int_equal(w->dports[1].lo, 8000);

        const struct acl *a = model_get_acl(d, "noNAT");
        assert_int_equal(a->kind, ACL_EXTENDED);
        const struct ace *e = a->aces.v[0];
        assert_int_equal(e->nboxes, 1);
        assert_int_equal(e->boxes[0].src.lo, ip("192.168.100.0"));
        assert_int_equal(e->boxes[0].dst.hi, ip("192.168.200.255"));
        /* "ip ... eq 25": ports on a protocol without ports (the seed's wrong
         * example) are kept as has_ports, not applied: full range, inexact */
        assert_int_equal(e->boxes[0].dport.lo, 0);
        assert_int_equal(e->boxes[0].dport.hi, 65535);
        assert_true(e->has_ports);
        assert_true(e->inexact);

        a = model_get_acl(d, "VPN");
        assert_int_equal(a->aces.n, 2);
        e = a->aces.v[0];
        assert_int_equal(e->nboxes, 2); /* LATER was not defined yet when the ACE was read */
        assert_true(e->inexact);
        assert_true(((const struct ace *)a->aces.v[1])->remark);

        e = ((const struct acl *)model_get_acl(d, "WEBIN"))->aces.v[0];
        assert_int_equal(e->nboxes, 2);
        assert_int_equal(e->boxes[0].proto.lo, 6);
        assert_int_equal(e->boxes[0].dport.lo, 80);
        assert_int_equal(e->boxes[1].dport.hi, 8080);

        a = model_get_acl(d, "SPLIT");
        assert_int_equal(a->kind, ACL_STANDARD);
        e = a->aces.v[0];
        assert_int_equal(e->boxes[0].dst.lo, ip("192.168.100.0"));

        e = ((const struct acl *)model_get_acl(d, "OLD"))->aces.v[0];
        assert_int_equal(e->action, ACL_DENY);
        assert_true(e->inactive);
        assert_int_equal(e->boxes[0].src.lo, ip("192.168.200.0"));
        assert_int_equal(e->boxes[0].sport.lo, 1024);
        assert_int_equal(e->nboxes, 2); /* neq 23 is two ranges */

        const struct access_group *ag = d->access_groups.v[0];
        assert_string_equal(ag->acl, "WEBIN");
        assert_string_equal(ag->ifname, "outside");
        assert_true(ag->in);
        model_free(d);
}

static void l2l_84_nat(void **state)
{
        (void)state;
        struct device *d = rd(L2L_84, PLAT_ASA);
        assert_int_equal(d->nat_rules.n, 4);
        const struct nat_rule *r = d->nat_rules.v[0];
        assert_int_equal(r->kind, NAT_TWICE);
        assert_int_equal(r->section, 1);
        assert_int_equal(r->src_xlate, NAT_XLATE_IDENTITY);
        assert_true(r->has_dst);
        assert_true(r->dst_identity);
        assert_true(r->no_proxy_arp);
        assert_true(r->route_lookup);
        assert_string_equal(r->real_if, "inside");
        assert_string_equal(r->mapped_if, "outside");
        assert_int_equal(r->real_src.r[0].lo, ip("192.168.100.0"));
        assert_int_equal(r->real_dst.r[0].lo, ip("192.168.200.0"));
        assert_int_equal(r->order, 1); /* the "1" rule was inserted before it */
        r = d->nat_rules.v[1];
        assert_int_equal(r->kind, NAT_OBJECT);
        assert_int_equal(r->section, 2);
        assert_string_equal(r->object, "LAN");
        assert_int_equal(r->src_xlate, NAT_XLATE_DYNAMIC);
        r = d->nat_rules.v[2];
        assert_int_equal(r->section, 3);
        assert_int_equal(r->real_src.r[0].hi, 0xffffffffu);
        r = d->nat_rules.v[3];
        assert_int_equal(r->section, 1);
        assert_int_equal(r->order, 0);
        model_free(d);
}

static void l2l_84_crypto(void **state)
{
        (void)state;
        struct device *d = rd(L2L_84, PLAT_ASA);
        assert_true(d->ike.uses_ikev1_keywords);
        assert_int_equal(d->ike.ikev1_enabled.n, 1);
        assert_int_equal(d->ike.ikev2_enabled.n, 1);
        assert_int_equal(d->ike.identity, IDENT_ADDRESS);
        assert_int_equal(d->ike.nat_t, TRI_ON);
        assert_int_equal(d->ike.nat_t_keepalive, 20);
        assert_true(d->ike.aggressive_mode_disabled);
        const struct isakmp_policy *p = d->isakmp_policies.v[0];
        assert_int_equal(p->priority, 10);
        assert_int_equal(p->auth, AUTH_PSK);
        assert_int_equal(p->encr, ENCR_AES);
        assert_int_equal(p->key_bits, 256);
        assert_int_equal(p->hash, HASH_SHA1);
        assert_int_equal(p->group, 5);
        assert_int_equal(p->lifetime, 86400);
        assert_int_equal(p->explicit_mask, 31);
        const struct ikev2_policy *v2 = d->ikev2_policies.v[0];
        assert_int_equal(v2->nencr, 2);
        assert_int_equal(v2->key_bits[1], 128);
        assert_int_equal(v2->ngroups, 2);
        assert_int_equal(v2->groups[0], 14);
        assert_int_equal(v2->prf[0], HASH_SHA256);
        assert_int_equal(v2->lifetime, 43200);

        const struct transform_set *t = model_get_tset(d, "ESP-AES-256-SHA");
        assert_int_equal(t->esp_encr[0], ENCR_AES);
        assert_int_equal(t->esp_key_bits[0], 256);
        assert_int_equal(t->esp_hash[0], HASH_SHA1);
        t = model_get_tset(d, "TR");
        assert_int_equal(t->mode, MODE_TRANSPORT);
        assert_true(t->mode_explicit);
        t = model_get_tset(d, "P2");
        assert_true(t->ikev2);
        assert_int_equal(t->nesp_encr, 2);
        assert_int_equal(t->nesp_hash, 2);
        assert_int_equal(t->esp_hash[0], HASH_SHA256);
        assert_int_equal(d->ipsec.lifetime_sec, 28800);
        assert_int_equal(d->ipsec.lifetime_kb, 4608000);
        assert_int_equal(d->ipsec.replay_window, 128);

        const struct crypto_map *m = model_get_cmap(d, "mymap");
        assert_int_equal(m->entries.n, 3);
        const struct crypto_map_entry *e = m->entries.v[0];
        assert_string_equal(e->match_acl, "VPN");
        assert_true(e->pfs_set);
        assert_int_equal(e->pfs_group, 2);
        assert_int_equal(e->peers.n, 2);
        assert_int_equal(((const struct cm_peer *)e->peers.v[1])->addr, ip("198.51.100.8"));
        assert_int_equal(e->tsets.n, 2);
        assert_string_equal(e->tsets.v[1], "TR");
        assert_string_equal(e->ikev2_proposals.v[0], "P2");
        assert_int_equal(e->lifetime_sec, 3600);
        assert_int_equal(e->lifetime_kb, 100000);
        assert_true(e->reverse_route);
        assert_true(e->nat_t_disable);
        assert_string_equal(e->connection_type, "answer-only");
        assert_int_equal(((const struct crypto_map_entry *)m->entries.v[1])->pfs_group, 14);
        e = m->entries.v[2];
        assert_true(e->is_dynamic_ref);
        assert_string_equal(e->dynamic_map, "DYN");
        assert_int_equal(d->cmap_bindings.n, 2); /* both kept; checks decide */
        assert_string_equal(((const struct crypto_map_binding *)d->cmap_bindings.v[1])->map,
                            "othermap");
        m = d->crypto_maps.v[1];
        assert_true(m->dynamic);
        assert_true(((const struct crypto_map_entry *)m->entries.v[0])->dynamic_template);
        model_free(d);
}

static void l2l_84_tunnel_group_and_globals(void **state)
{
        (void)state;
        struct device *d = rd(L2L_84, PLAT_ASA);
        const struct tunnel_group *tg = model_get_tg(d, "198.51.100.7");
        assert_int_equal(tg->type, TG_L2L);
        assert_true(tg->name_is_addr);
        assert_int_equal(tg->addr, ip("198.51.100.7"));
        assert_string_equal(tg->default_group_policy, "L2L-GP");
        assert_true(tg->has_psk);
        assert_true(tg->keepalive_set);
        assert_int_equal(tg->keepalive_threshold, 15);
        assert_int_equal(tg->keepalive_retry, 10);
        assert_int_equal(d->psks.n, 2);
        const struct psk *k = d->psks.v[0];
        assert_int_equal(k->source, PSK_ASA_TUNNEL_GROUP);
        assert_int_equal(k->key.state, SECRET_KNOWN);
        assert_int_equal(k->addr, ip("198.51.100.7"));
        struct secret want;
        secret_set(&want, "Sup3rSecretKey", 14);
        assert_int_equal(secret_compare(&k->key, &want), SECRET_CMP_EQUAL);
        k = d->psks.v[1];
        assert_int_equal(k->source, PSK_ASA_IKEV2_REMOTE);
        assert_int_equal(k->key.state, SECRET_MASKED);

        assert_int_equal(d->sysopt.tcpmss, 1350);
        assert_int_equal(d->sysopt.permit_vpn, TRI_OFF);
        assert_int_equal(d->threat.statistics, TRI_OFF);
        assert_int_equal(d->threat.basic_threat, TRI_ON);
        assert_int_equal(d->logging_queue, 512);
        assert_int_equal(d->max_sessions, 250);
        assert_int_equal(d->same_sec_intra, TRI_ON);
        assert_string_equal(d->management_access, "inside");
        model_free(d);
}

static const char *RA_72 =
    "ASA Version 7.2(4)\n"
    "ip local pool testvpnpool 10.76.41.1-10.76.42.254\n"
    "ip local pool masked 10.1.1.10-10.1.1.20 mask 255.255.255.0\n"
    "access-list nonat extended permit ip 192.168.1.0 255.255.255.0 10.76.41.0 255.255.254.0\n"
    "nat (inside) 0 access-list nonat\n"
    "nat (inside) 1 192.168.1.0 255.255.255.0\n"
    "nat (dmz) 0 10.5.0.0 255.255.0.0\n"
    "global (outside) 1 interface\n"
    "static (inside,outside) 203.0.113.5 192.168.1.5 netmask 255.255.255.255\n"
    "static (inside,outside) tcp interface 443 192.168.1.6 443 netmask 255.255.255.255\n"
    "crypto ipsec transform-set myset esp-3des esp-md5-hmac\n"
    "crypto dynamic-map dynmap 10 set transform-set myset\n"
    "crypto map mymap 10 set peer 10.165.205.222 10.165.205.223\n"
    "crypto map mymap 65535 ipsec-isakmp dynamic dynmap\n"
    "crypto map mymap interface outside\n"
    "no crypto map mymap interface outside\n"
    "crypto isakmp enable outside\n"
    "crypto isakmp policy 10\n"
    " authentication pre-share\n"
    " encryption 3des\n"
    " hash md5\n"
    " group 2\n"
    " lifetime 86400\n"
    "no crypto isakmp nat-traversal\n"
    "group-policy DfltGrpPolicy attributes\n"
    " vpn-tunnel-protocol L2TP-IPSec IPSec webvpn\n"
    " banner none\n"
    " webvpn\n"
    "  functions url-entry\n"
    "group-policy RA internal\n"
    "group-policy RA attributes\n"
    " dns-server value 10.0.0.53 10.0.0.54\n"
    " split-tunnel-policy tunnelspecified\n"
    " split-tunnel-network-list value SPLIT\n"
    " default-domain value corp.example\n"
    " address-pools value testvpnpool\n"
    " pfs enable\n"
    " vpn-idle-timeout none\n"
    " vpn-session-timeout 120\n"
    " vpn-simultaneous-logins 3\n"
    " re-xauth disable\n"
    " group-lock value RAGROUP\n"
    "username alice password Xy7s0Mk2 encrypted privilege 15\n"
    "username bob password BobClearPw\n"
    "username bob attributes\n"
    " vpn-tunnel-protocol IPSec\n"
    " vpn-simultaneous-logins 1\n"
    " service-type remote-access\n"
    "tunnel-group RAGROUP type remote-access\n"
    "tunnel-group RAGROUP general-attributes\n"
    " address-pool (outside) testvpnpool masked\n"
    " authentication-server-group (outside) RADIUS LOCAL\n"
    " dhcp-server 10.0.0.67\n"
    "tunnel-group RAGROUP ipsec-attributes\n"
    " pre-shared-key GroupKey123\n"
    " isakmp ikev1-user-authentication none\n"
    "tunnel-group 10.165.205.222 type ipsec-l2l\n"
    "tunnel-group 10.165.205.222 ipsec-attributes\n"
    " pre-shared-key *\n"
    " isakmp keepalive threshold 15 retry 10\n"
    "aaa-server RADIUS protocol radius\n"
    "aaa-server RADIUS (inside) host 10.0.0.5\n"
    " timeout 5\n"
    " key RadiusKey99\n"
    "sysopt connection permit-ipsec\n"
    "ip audit signature 2000 disable\n"
    "webvpn\n"
    " enable outside\n"
    " svc enable\n";

/* issue 11: ikev2 local/remote authentication with certificates and keys */
static void ikev2_tunnel_group_auth(void **state)
{
        (void)state;
        struct device *dev = rd("ASA Version 9.8(4)\n"
                                "tunnel-group 198.51.100.7 type ipsec-l2l\n"
                                "tunnel-group 198.51.100.7 ipsec-attributes\n"
                                " ikev2 local-authentication certificate HQ-TP\n"
                                " ikev2 remote-authentication certificate\n"
                                "tunnel-group 198.51.100.8 type ipsec-l2l\n"
                                "tunnel-group 198.51.100.8 ipsec-attributes\n"
                                " ikev2 local-authentication pre-shared-key LocalK1\n"
                                " ikev2 remote-authentication pre-shared-key RemoteK1\n",
                                PLAT_ASA);
        const struct tunnel_group *t = model_get_tg(dev, "198.51.100.7");
        assert_int_equal(t->v2_local_auth, V2AUTH_CERT);
        assert_int_equal(t->v2_remote_auth, V2AUTH_CERT);
        assert_string_equal(t->v2_local_trustpoint, "HQ-TP");
        assert_false(t->has_psk);
        t = model_get_tg(dev, "198.51.100.8");
        assert_int_equal(t->v2_local_auth, V2AUTH_PSK);
        assert_int_equal(t->v2_remote_auth, V2AUTH_PSK);
        assert_true(t->has_psk);
        assert_int_equal(dev->psks.n, 2);
        model_free(dev);
}

/* "interface tunnel 10" (type and unit apart, as the ASA CLI accepts) is
 * the tunnel interface tunnel10, whose sub-commands belong to it: read as
 * an interface named "tunnel", the VTI was lost and its IKEv2 settings
 * were called leftovers. */
static void vti_interface_name_with_space(void **state)
{
        (void)state;
        struct device *dev = rd("ASA Version 9.8(1)\n"
                                "interface GigabitEthernet 0/1\n"
                                " nameif outside\n"
                                " ip address 192.0.2.1 255.255.255.0\n"
                                "interface tunnel 10\n"
                                " nameif vti\n"
                                " ip address 10.255.0.1 255.255.255.252\n"
                                " tunnel source interface outside\n"
                                " tunnel destination 192.0.2.9\n"
                                " tunnel mode ipsec ipv4\n"
                                " tunnel protection ipsec profile P\n",
                                PLAT_ASA);
        const struct iface *t = model_get_iface(dev, "tunnel10");
        assert_non_null(t);
        assert_true(t->is_tunnel);
        assert_true(t->has_tunnel_dest);
        assert_string_equal(t->tunnel_protection, "P");
        assert_non_null(model_get_iface(dev, "GigabitEthernet0/1"));
        assert_null(model_get_iface(dev, "tunnel"));
        assert_int_equal(unknown_count(dev), 0);
        model_free(dev);
}

static void ra_72_pools_nat_and_maps(void **state)
{
        (void)state;
        struct device *d = rd(RA_72, PLAT_ASA);
        assert_int_equal(unknown_count(d), 0);
        const struct local_pool *p = model_get_pool(d, "testvpnpool");
        assert_int_equal(p->lo, ip("10.76.41.1"));
        assert_int_equal(p->hi, ip("10.76.42.254"));
        assert_false(p->has_mask);
        assert_true(model_get_pool(d, "masked")->has_mask);

        assert_int_equal(d->nat_rules.n, 5);
        const struct nat_rule *r = d->nat_rules.v[0];
        assert_int_equal(r->kind, NAT_LEGACY_EXEMPT);
        assert_string_equal(r->match_acl, "nonat");
        assert_string_equal(r->real_if, "inside");
        assert_int_equal(r->nat_id, 0);
        r = d->nat_rules.v[1];
        assert_int_equal(r->kind, NAT_LEGACY_DYNAMIC);
        assert_int_equal(r->nat_id, 1);
        assert_int_equal(((const struct nat_rule *)d->nat_rules.v[2])->kind, NAT_LEGACY_IDENTITY);
        r = d->nat_rules.v[3];
        assert_int_equal(r->kind, NAT_LEGACY_STATIC);
        assert_int_equal(r->src_xlate, NAT_XLATE_STATIC);
        assert_int_equal(r->real_src.r[0].lo, ip("192.168.1.5"));
        assert_string_equal(r->mapped_if, "outside");
        assert_int_equal(((const struct nat_rule *)d->nat_rules.v[4])->real_src.r[0].lo,
                         ip("192.168.1.6"));

        const struct crypto_map_entry *e = model_get_cmap(d, "mymap")->entries.v[0];
        assert_int_equal(((const struct cm_peer *)e->peers.v[0])->addr, ip("10.165.205.222"));
        assert_int_equal(e->peers.n, 2);
        assert_int_equal(d->cmap_bindings.n, 0); /* "no crypto map ... interface" removed it */
        assert_int_equal(d->ike.nat_t, TRI_OFF);
        assert_false(d->ike.uses_ikev1_keywords);
        assert_int_equal(((const struct isakmp_policy *)d->isakmp_policies.v[0])->encr, ENCR_3DES);
        assert_int_equal(d->sysopt.permit_ipsec, TRI_ON);
        assert_int_equal(d->audit_sig_disabled.n, 1);
        model_free(d);
}

static void ra_72_group_policies_and_users(void **state)
{
        (void)state;
        struct device *d = rd(RA_72, PLAT_ASA);
        const struct group_policy *g = model_get_gp(d, "DfltGrpPolicy");
        assert_true(g->a.tunnel_protocols_set);
        assert_int_equal(g->a.tunnel_protocols,
                         VPN_PROTO_L2TP | VPN_PROTO_IPSEC | VPN_PROTO_WEBVPN);
        g = model_get_gp(d, "RA");
        assert_true(g->internal);
        assert_int_equal(g->a.dns_servers.n, 2);
        assert_string_equal(g->a.dns_servers.v[1], "10.0.0.54");
        assert_int_equal(g->a.split_policy, SPLIT_TUNNELSPECIFIED);
        assert_string_equal(g->a.split_acl, "SPLIT");
        assert_string_equal(g->a.default_domain, "corp.example");
        assert_string_equal(g->a.address_pools.v[0], "testvpnpool");
        assert_true(g->a.pfs_set && g->a.pfs);
        assert_int_equal(g->a.idle_timeout_min, -1);
        assert_int_equal(g->a.session_timeout_min, 120);
        assert_int_equal(g->a.simultaneous_logins, 3);
        assert_true(g->a.re_xauth_set);
        assert_false(g->a.re_xauth);
        assert_string_equal(g->a.group_lock, "RAGROUP");
        assert_false(g->a.tunnel_protocols_set);

        const struct username *u = model_get_username(d, "alice");
        assert_int_equal(u->password.state, SECRET_ENCRYPTED);
        assert_int_equal(u->privilege, 15);
        u = model_get_username(d, "bob");
        assert_int_equal(u->password.state, SECRET_KNOWN);
        assert_int_equal(u->a.tunnel_protocols, VPN_PROTO_IPSEC);
        assert_int_equal(u->a.simultaneous_logins, 1);

        const struct tunnel_group *t = model_get_tg(d, "RAGROUP");
        assert_int_equal(t->type, TG_RA);
        assert_false(t->name_is_addr);
        assert_int_equal(t->address_pools.n, 2);
        assert_string_equal(t->address_pools.v[0], "testvpnpool");
        assert_string_equal(t->auth_server_group, "RADIUS");
        assert_string_equal(t->dhcp_servers.v[0], "10.0.0.67");
        assert_int_equal(t->ikev1_user_auth, TRI_OFF);
        t = model_get_tg(d, "10.165.205.222");
        assert_int_equal(t->keepalive_threshold, 15);
        assert_int_equal(t->keepalive_retry, 10);
        const struct psk *k = d->psks.v[1];
        assert_int_equal(k->key.state, SECRET_MASKED);
        const struct aaa_host *h = d->aaa_hosts.v[0];
        assert_string_equal(h->group, "RADIUS");
        assert_string_equal(h->ifname, "inside");
        assert_int_equal(h->timeout, 5);
        assert_string_equal(((const struct aaa_group *)d->aaa_groups.v[0])->protocol, "radius");
        model_free(d);
}

static const char *PIX63 =
    "PIX Version 6.3(5)\n"
    "interface ethernet0 auto\n"
    "interface ethernet1 100full shutdown\n"
    "nameif ethernet0 outside security0\n"
    "nameif ethernet1 inside security100\n"
    "hostname pix\n"
    "fixup protocol ftp 21\n"
    "names\n"
    "access-list 101 permit ip 10.1.1.0 255.255.255.0 10.2.2.0 255.255.255.0\n"
    "ip address outside 198.51.100.2 255.255.255.0\n"
    "ip address inside 10.1.1.1 255.255.255.0\n"
    "no ip address inside\n"
    "ip address inside 10.1.1.1 255.255.255.0\n"
    "global (outside) 1 interface\n"
    "nat (inside) 0 access-list 101\n"
    "nat (inside) 1 0 0\n"
    "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1\n"
    "sysopt connection permit-ipsec\n"
    "crypto ipsec transform-set myset esp-3des esp-sha-hmac\n"
    "crypto map mymap 10 ipsec-isakmp\n"
    "crypto map mymap 10 match address 101\n"
    "crypto map mymap 10 set peer 203.0.113.9\n"
    "crypto map mymap 10 set transform-set myset\n"
    "crypto map mymap client authentication LOCAL\n"
    "crypto map mymap interface outside\n"
    "isakmp enable outside\n"
    "isakmp key PixKey123 address 203.0.113.9 netmask 255.255.255.255 no-xauth\n"
    "isakmp identity address\n"
    "isakmp keepalive 10 3\n"
    "isakmp nat-traversal 20\n"
    "isakmp policy 10 authentication pre-share\n"
    "isakmp policy 10 encryption 3des\n"
    "isakmp policy 10 hash sha\n"
    "isakmp policy 10 group 2\n"
    "isakmp policy 10 lifetime 86400\n"
    "telnet timeout 5\n"
    "Cryptochecksum:abcdef\n";

static void pix63_config(void **state)
{
        (void)state;
        struct device *d = rd(PIX63, PLAT_PIX);
        assert_int_equal(unknown_count(d), 0);
        const struct iface *o = model_get_nameif(d, "outside");
        assert_string_equal(o->name, "ethernet0");
        assert_int_equal(o->security_level, 0);
        assert_int_equal(o->addr, ip("198.51.100.2"));
        assert_true(model_get_iface(d, "ethernet1")->shutdown);
        assert_int_equal(model_get_nameif(d, "inside")->security_level, 100);
        const struct ace *e = model_get_acl(d, "101")->aces.v[0];
        assert_int_equal(e->boxes[0].dst.lo, ip("10.2.2.0"));
        assert_int_equal(((const struct nat_rule *)d->nat_rules.v[0])->kind, NAT_LEGACY_EXEMPT);
        const struct nat_rule *r = d->nat_rules.v[1];
        assert_int_equal(r->kind, NAT_LEGACY_DYNAMIC);
        assert_int_equal(r->real_src.r[0].hi, 0xffffffffu);
        const struct isakmp_policy *p = d->isakmp_policies.v[0];
        /* The configured policy, then PIX 6's implicit default suite at 65535
         * that model_finalize adds (see model/defaults.c). */
        assert_int_equal(d->isakmp_policies.n, 2);
        assert_false(p->implicit);
        assert_true(((const struct isakmp_policy *)d->isakmp_policies.v[1])->implicit);
        assert_int_equal(((const struct isakmp_policy *)d->isakmp_policies.v[1])->priority, 65535);
        assert_int_equal(p->auth, AUTH_PSK);
        assert_int_equal(p->encr, ENCR_3DES);
        assert_int_equal(p->hash, HASH_SHA1);
        assert_int_equal(p->group, 2);
        assert_int_equal(p->lifetime, 86400);
        const struct psk *k = d->psks.v[0];
        assert_int_equal(k->source, PSK_PIX);
        assert_int_equal(k->addr, ip("203.0.113.9"));
        assert_int_equal(k->mask, 0xffffffffu);
        assert_true(k->no_xauth);
        assert_int_equal(k->key.state, SECRET_KNOWN);
        assert_int_equal(d->ike.keepalive, 10);
        assert_int_equal(d->ike.keepalive_retry, 3);
        assert_int_equal(d->ike.nat_t_keepalive, 20);
        assert_int_equal(d->ike.identity, IDENT_ADDRESS);
        assert_int_equal(d->ike.ikev1_enabled.n, 1);
        assert_int_equal(d->sysopt.permit_ipsec, TRI_ON);
        const struct crypto_map_entry *ce = model_get_cmap(d, "mymap")->entries.v[0];
        assert_string_equal(ce->match_acl, "101");
        assert_string_equal(ce->tsets.v[0], "myset");
        assert_int_equal(d->cmap_bindings.n, 1);
        model_free(d);
}

static void unknown_and_no_forms(void **state)
{
        (void)state;
        const char *cfg = "ASA Version 9.8(4)\n"
                          "crypto map M 10 set frobnicate on\n"
                          "tunnel-group T ipsec-attributes\n"
                          " no ikev1 pre-shared-key\n"
                          " bogus-attribute 1\n"
                          "frobnicate everything\n"
                          "crypto ipsec ikev1 transform-set BAD esp-rot13\n"
                          "crypto map M 10 set pfs\n"
                          "no crypto map M 10 set pfs\n"
                          "policy-map global_policy\n"
                          " class inspection_default\n"
                          "  inspect ftp\n"
                          "crypto ca certificate chain TP\n"
                          " certificate ca 01\n"
                          "    308201 aabbcc\n"
                          "  quit\n";
        struct device *d = rd(cfg, PLAT_ASA);
        assert_int_equal(d->unknown.n, 4);
        const struct loc *l = d->unknown.v[0];
        assert_int_equal(l->line, 2);
        assert_string_equal(l->text, "crypto map M 10 set frobnicate on");
        assert_string_equal(((const struct loc *)d->unknown.v[1])->text, "bogus-attribute 1");
        assert_false(
            ((const struct crypto_map_entry *)model_get_cmap(d, "M")->entries.v[0])->pfs_set);
        model_free(d);
}

/* asa_read must put the scrubbed `shown` text, never `s`, into every loc. */
static void no_secret_in_any_text(void **state)
{
        (void)state;
        static const char *secrets[] = {"Sup3rSecretKey", "GroupKey123", "RadiusKey99",
                                        "BobClearPw",     "PixKey123",   "Xy7s0Mk2"};
        const char *inputs[] = {L2L_84, RA_72, PIX63};
        for (size_t n = 0; n < 3; n++) {
                struct device *d = model_new("t.cfg");
                struct text t;
                struct diag err;
                const char *in = inputs[n];
                assert_int_equal(text_from_buffer("t.cfg", in, strlen(in), &d->arena, &t, &err), 0);
                for (size_t i = 0; i < t.n; i++) { /* what the normaliser will do */
                        char *sh = arena_strdup(&d->arena, t.lines[i].s);
                        for (size_t k = 0; k < sizeof(secrets) / sizeof(secrets[0]); k++) {
                                char *p = strstr(sh, secrets[k]);
                                if (p)
                                        memset(p, '*', strlen(secrets[k]));
                        }
                        t.lines[i].shown = sh;
                }
                d->platform = n == 2 ? PLAT_PIX : PLAT_ASA;
                /* one unknown line carrying a key too */
                assert_int_equal(asa_read(d, &t, &err), 0);
                struct ptrvec *lists[] = {&d->psks,      &d->tunnel_groups, &d->usernames,
                                          &d->aaa_hosts, &d->unknown,       &d->isakmp_policies};
                for (size_t li = 0; li < 6; li++)
                        for (size_t i = 0; i < lists[li]->n; i++) {
                                const struct loc *l = lists[li]->v[i];
                                for (size_t k = 0; l->text && k < 6; k++)
                                        assert_null(strstr(l->text, secrets[k]));
                        }
                for (size_t i = 0; i < d->psks.n; i++) /* the struct itself holds no key */
                        for (size_t k = 0; k < 6; k++)
                                assert_null(memmem(d->psks.v[i], sizeof(struct psk), secrets[k],
                                                   strlen(secrets[k])));
                const struct tunnel_group *tg = model_get_tg(d, "RAGROUP");
                if (tg)
                        assert_null(strstr(tg->psk_loc.text, "GroupKey123"));
                model_free(d);
        }
}

static void transcript_without_indent(void **state)
{
        (void)state;
        const char *cfg = "ASA Version 8.2(5)\n"
                          "crypto isakmp policy 20\n"
                          "authentication pre-share\n"
                          "encryption aes-192\n"
                          "hash md5\n"
                          "group 5\n"
                          "exit\n"
                          "group-policy GP attributes\n"
                          "vpn-tunnel-protocol ikev1 ikev2 ssl-client\n"
                          "exit\n"
                          "tunnel-group 1.2.3.4 ipsec-attributes\n"
                          "pre-shared-key abc\n"
                          "no pfs\n"
                          "crypto map X 1 set pfs group5\n";
        struct device *d = rd(cfg, PLAT_ASA);
        const struct isakmp_policy *p = d->isakmp_policies.v[0];
        assert_int_equal(p->key_bits, 192);
        assert_int_equal(p->hash, HASH_MD5);
        assert_int_equal(p->group, 5);
        assert_int_equal(model_get_gp(d, "GP")->a.tunnel_protocols,
                         VPN_PROTO_IPSEC | VPN_PROTO_IKEV2 | VPN_PROTO_SSL_CLIENT);
        assert_true(model_get_tg(d, "1.2.3.4")->has_psk);
        assert_int_equal(d->unknown.n, 1); /* "no pfs" is not a tunnel-group attribute */
        assert_int_equal(
            ((const struct crypto_map_entry *)model_get_cmap(d, "X")->entries.v[0])->pfs_group, 5);
        model_free(d);
}

/* Review of the seed goldens: transcript and "no" forms the seed uses. */
static void seed_transcript_forms(void **state)
{
        (void)state;
        struct device *d =
            rd("ASA Version 9.8(4)\n"
               /* a global command behind a sub-mode prompt leaves the mode */
               "H(config)#aaa-server test protocol radius H(config-aaa-server-group)#aaa-server "
               "test host 10.2.3.4 H(config-aaa-server-host)#timeout 10\n"
               /* "no" on a map entry that does not exist creates nothing */
               "H(config)#no crypto map mymap 10 match address 101\n"
               "H(config)#crypto map mymap 10 set peer 10.0.0.1\n"
               /* twice NAT naming an object that does not exist ("objremote") */
               "object network obj-remote\n"
               " subnet 192.168.200.0 255.255.255.0\n"
               "nat (inside,outside) source static any any destination static obj-remote "
               "objremote\n"
               /* the seed's config command at the exec prompt, and a real exec line */
               "H#vpn-sessiondb max-session-limit 450\n"
               "H(config)#crypto map mymap 20 ipsec-isakmp WARNING: crypto map entry incomplete\n"
               "H#show crypto isakmp sa\n",
               PLAT_UNKNOWN);
        assert_int_equal(unknown_count(d), 0);
        assert_int_equal(d->aaa_hosts.n, 1);
        const struct aaa_host *h = d->aaa_hosts.v[0];
        assert_int_equal(h->addr, ip("10.2.3.4"));
        assert_int_equal(h->timeout, 10);
        const struct crypto_map *m = model_get_cmap(d, "mymap");
        assert_non_null(m);
        assert_int_equal(m->loc.line, 4);
        assert_int_equal(((const struct crypto_map_entry *)m->entries.v[0])->loc.line, 4);
        assert_int_equal(d->max_sessions, 450);
        assert_int_equal(d->max_sessions_loc.line, 8);
        assert_int_equal(d->nskipped, 2); /* the show, the warning */
        assert_true(((const struct crypto_map_entry *)m->entries.v[1])->incomplete_warned);
        assert_false(((const struct crypto_map_entry *)m->entries.v[0])->incomplete_warned);
        assert_int_equal(d->nat_rules.n, 1);
        const struct nat_rule *r = d->nat_rules.v[0];
        assert_true(r->has_dst);
        assert_false(r->dst_identity);
        assert_true(r->real_dst.inexact);
        model_free(d);
}

/* "access-list NAME line N": inserted at line N; past the end it appends.
 * vpn load-balancing, username attributes memberof, router ospf and webvpn
 * are read (issue 10). */
static void acl_line_insert_and_vpn_lines(void **state)
{
        (void)state;
        struct device *dev = rd("ASA Version 9.8(4)\n"
                                "hostname fw\n"
                                "access-list A extended deny ip any any\n"
                                "access-list A line 1 extended permit tcp any any eq 22\n"
                                "access-list A line 9 extended permit udp any any eq 53\n"
                                "vpn load-balancing\n"
                                " priority 10\n"
                                " cluster ip address 10.1.1.100\n"
                                " participate\n"
                                "username bob attributes\n"
                                " memberof G1\n"
                                "router ospf 1\n"
                                " network 10.0.0.0 255.0.0.0 area 0\n"
                                "webvpn\n"
                                " enable outside\n",
                                PLAT_ASA);
        assert_int_equal(unknown_count(dev), 0);
        const struct acl *a = model_get_acl(dev, "A");
        assert_non_null(a);
        assert_int_equal(a->aces.n, 3);
        assert_int_equal(((const struct ace *)a->aces.v[0])->loc.line, 4);
        assert_int_equal(((const struct ace *)a->aces.v[1])->loc.line, 3);
        assert_int_equal(((const struct ace *)a->aces.v[2])->loc.line, 5);
        assert_string_equal(dev->dyn_routing, "ospf");
        assert_int_equal(dev->dyn_routing_loc.line, 12);
        assert_int_equal(dev->ssl_vpn.n, 1);
        model_free(dev);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(l2l_84_interfaces_and_names),
            cmocka_unit_test(acl_line_insert_and_vpn_lines),
            cmocka_unit_test(l2l_84_objects_and_acls),
            cmocka_unit_test(l2l_84_nat),
            cmocka_unit_test(l2l_84_crypto),
            cmocka_unit_test(l2l_84_tunnel_group_and_globals),
            cmocka_unit_test(ikev2_tunnel_group_auth),
            cmocka_unit_test(vti_interface_name_with_space),
            cmocka_unit_test(ra_72_pools_nat_and_maps),
            cmocka_unit_test(ra_72_group_policies_and_users),
            cmocka_unit_test(pix63_config),
            cmocka_unit_test(unknown_and_no_forms),
            cmocka_unit_test(no_secret_in_any_text),
            cmocka_unit_test(transcript_without_indent),
            cmocka_unit_test(seed_transcript_forms),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
