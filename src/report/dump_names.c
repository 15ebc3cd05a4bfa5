/* Name tables and address formatting shared by the JSON and text dumps. */
#include "dump_names.h"

#include <stdio.h>

#define NAMES(var, ...)                                                                            \
        static const char *const var##_v[] = {__VA_ARGS__};                                        \
        const struct enum_names var = {var##_v, sizeof(var##_v) / sizeof(var##_v[0])}

/* Index = enum value; keep in step with model.h. */
NAMES(names_object_kind, "network", "service", "protocol", "icmp-type", "user");
NAMES(names_acl_kind, "standard", "extended", "ipv6", "webtype", "ethertype", "other");
NAMES(names_acl_action, "permit", "deny");
NAMES(names_nat_kind, "ios-inside-source", "ios-static", "ios-outside-source", "legacy-exempt",
      "legacy-identity", "legacy-dynamic", "legacy-policy", "legacy-static", "object", "twice");
NAMES(names_nat_xlate, "dynamic", "static", "identity");
NAMES(names_encr, "none", "des", "3des", "aes", "aes-gcm", "aes-gmac", "null", "seal", "other");
NAMES(names_hash, "none", "md5", "sha", "sha256", "sha384", "sha512", "other");
NAMES(names_auth, NULL, "pre-share", "rsa-sig", "rsa-encr", "ecdsa-sig", "crack", "other");
NAMES(names_psk_source, "ios-global", "ios-keyring", "ios-ikev2-keyring", "pix", "asa-tunnel-group",
      "asa-ikev2-local", "asa-ikev2-remote");
NAMES(names_identity, NULL, "address", "hostname", "auto", "key-id", "dn");
NAMES(names_mode, "tunnel", "transport");
NAMES(names_tg_type, NULL, "ipsec-l2l", "remote-access", "webvpn", "other");
NAMES(names_split, NULL, "tunnelall", "tunnelspecified", "excludespecified");

int enum_known(const struct enum_names *t, int v)
{
        return v >= 0 && (size_t)v < t->n;
}

const char *enum_name(const struct enum_names *t, int v)
{
        return enum_known(t, v) ? t->names[v] : NULL;
}

const struct bit_name vpn_proto_bits[] = {
    {VPN_PROTO_IPSEC, "ikev1"},           {VPN_PROTO_IKEV2, "ikev2"},
    {VPN_PROTO_L2TP, "l2tp-ipsec"},       {VPN_PROTO_WEBVPN, "webvpn"},
    {VPN_PROTO_SSL_CLIENT, "ssl-client"}, {VPN_PROTO_CLIENTLESS, "ssl-clientless"},
};
const size_t n_vpn_proto_bits = sizeof(vpn_proto_bits) / sizeof(vpn_proto_bits[0]);

const struct bit_name p1_explicit_bits[] = {
    {P1_EXPL_ENCR, "encr"},   {P1_EXPL_HASH, "hash"},         {P1_EXPL_AUTH, "auth"},
    {P1_EXPL_GROUP, "group"}, {P1_EXPL_LIFETIME, "lifetime"},
};
const size_t n_p1_explicit_bits = sizeof(p1_explicit_bits) / sizeof(p1_explicit_bits[0]);

#define GPA(key, cli, set, val, loc, kind)                                                         \
        {                                                                                          \
                key, cli, offsetof(struct gp_attrs, set), offsetof(struct gp_attrs, val), loc,     \
                    kind                                                                           \
        }
#define GPLOC(f) offsetof(struct gp_attrs, f)

const struct gp_attr_desc gp_attr_table[] = {
    GPA("vpn_tunnel_protocol", "vpn-tunnel-protocol", tunnel_protocols_set, tunnel_protocols,
        GPLOC(tunnel_protocols_loc), GPV_PROTOS),
    GPA("split_tunnel_policy", "split-tunnel-policy", split_policy_set, split_policy,
        GPLOC(split_policy_loc), GPV_SPLIT),
    GPA("split_tunnel_network_list", "split-tunnel-network-list", split_acl_set, split_acl,
        GPLOC(split_acl_loc), GPV_STR),
    GPA("dns_server", "dns-server", dns_set, dns_servers, GPLOC(dns_loc), GPV_STRVEC),
    GPA("default_domain", "default-domain", domain_set, default_domain, GP_NO_LOC, GPV_STR),
    GPA("address_pools", "address-pools", pools_set, address_pools, GPLOC(pools_loc), GPV_STRVEC),
    GPA("pfs", "pfs", pfs_set, pfs, GPLOC(pfs_loc), GPV_BOOL),
    GPA("vpn_idle_timeout", "vpn-idle-timeout", idle_timeout_set, idle_timeout_min,
        GPLOC(idle_timeout_loc), GPV_MINUTES),
    GPA("vpn_session_timeout", "vpn-session-timeout", session_timeout_set, session_timeout_min,
        GPLOC(session_timeout_loc), GPV_MINUTES),
    GPA("vpn_simultaneous_logins", "vpn-simultaneous-logins", logins_set, simultaneous_logins,
        GPLOC(logins_loc), GPV_INT),
    GPA("re_xauth", "re-xauth", re_xauth_set, re_xauth, GP_NO_LOC, GPV_BOOL),
    GPA("group_lock", "group-lock", group_lock_set, group_lock, GP_NO_LOC, GPV_STR),
};
const size_t n_gp_attrs = sizeof(gp_attr_table) / sizeof(gp_attr_table[0]);

void fmt_ip4(uint32_t a, char out[IP_BUF])
{
        snprintf(out, IP_BUF, "%u.%u.%u.%u", (unsigned)(a >> 24), (unsigned)(a >> 16) & 255u,
                 (unsigned)(a >> 8) & 255u, (unsigned)a & 255u);
}

/* Length of the prefix that covers exactly lo..hi, or -1. */
static int range_prefix_len(uint32_t lo, uint32_t hi)
{
        if (hi < lo)
                return -1;
        uint64_t size = (uint64_t)hi - lo + 1;
        if (size & (size - 1)) /* not a power of two */
                return -1;
        if (lo & (uint32_t)(size - 1)) /* not aligned */
                return -1;
        int len = 32;
        while (size > 1) {
                size >>= 1;
                len--;
        }
        return len;
}

void fmt_range32(const struct range32 *r, char out[ADDR_BUF])
{
        char lo[IP_BUF], hi[IP_BUF];
        fmt_ip4(r->lo, lo);
        int len = range_prefix_len(r->lo, r->hi);
        if (len >= 0) {
                snprintf(out, ADDR_BUF, "%s/%d", lo, len);
                return;
        }
        fmt_ip4(r->hi, hi);
        snprintf(out, ADDR_BUF, "%s-%s", lo, hi);
}

void fmt_range16(const struct range16 *r, char out[ADDR_BUF])
{
        if (r->lo == r->hi)
                snprintf(out, ADDR_BUF, "%u", (unsigned)r->lo);
        else
                snprintf(out, ADDR_BUF, "%u-%u", (unsigned)r->lo, (unsigned)r->hi);
}

int mask_len(uint32_t mask)
{
        uint32_t inv = ~mask;
        if (inv & (inv + 1)) /* ones after a zero: not contiguous */
                return -1;
        int len = 0;
        while (len < 32 && (mask & (0x80000000u >> len)))
                len++;
        return len;
}

void fmt_net(uint32_t addr, uint32_t mask, char out[2 * ADDR_BUF])
{
        char a[IP_BUF], m[IP_BUF];
        fmt_ip4(addr, a);
        int len = mask_len(mask);
        if (len >= 0) {
                snprintf(out, 2 * ADDR_BUF, "%s/%d", a, len);
                return;
        }
        fmt_ip4(mask, m);
        snprintf(out, 2 * ADDR_BUF, "%s mask %s", a, m);
}

void fmt_encr(enum ike_encr e, int bits, char *out, size_t size)
{
        const char *n = enum_name(&names_encr, (int)e);
        if (!n)
                snprintf(out, size, "%d", (int)e);
        else if (bits > 0)
                snprintf(out, size, "%s-%d", n, bits);
        else
                snprintf(out, size, "%s", n);
}
