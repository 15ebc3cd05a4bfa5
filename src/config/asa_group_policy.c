/*
 * group-policy NAME internal|external, group-policy NAME attributes and
 * username U ... / username U attributes: the VPN attributes of struct
 * gp_attrs, each with its "set" flag (unset ones inherit from
 * DfltGrpPolicy). Other attributes are known and not modelled.
 */
#include "asa.h"

#include <string.h>

static struct gp_attrs *A(struct asa_ctx *c)
{
        return c->obj;
}

static const struct {
        const char *name;
        unsigned bit;
} protos[] = {
    {"ipsec", VPN_PROTO_IPSEC},
    {"ikev1", VPN_PROTO_IPSEC},
    {"ikev2", VPN_PROTO_IKEV2},
    {"l2tp-ipsec", VPN_PROTO_L2TP},
    {"webvpn", VPN_PROTO_WEBVPN},
    {"svc", VPN_PROTO_SSL_CLIENT},
    {"ssl-client", VPN_PROTO_SSL_CLIENT},
    {"anyconnect", VPN_PROTO_SSL_CLIENT},
    {"ssl-clientless", VPN_PROTO_CLIENTLESS},
};

static int a_protocols(struct asa_ctx *c, size_t i)
{
        struct gp_attrs *a = A(c);
        unsigned bits = 0;
        if (!c->no && kw(asa_w(c, i), "value"))
                i++;
        for (; i < c->n && !c->no && !kw(asa_w(c, i), "none"); i++) {
                size_t k = 0, n = sizeof(protos) / sizeof(protos[0]);
                while (k < n && !kw(c->a[i], protos[k].name))
                        k++;
                if (k == n)
                        return ASA_UNKNOWN;
                bits |= protos[k].bit;
        }
        a->tunnel_protocols_set = !c->no;
        a->tunnel_protocols = bits;
        a->tunnel_protocols_loc = c->loc;
        return ASA_OK;
}

static int a_split_policy(struct asa_ctx *c, size_t i)
{
        static const char *const names[] = {"tunnelall", "tunnelspecified", "excludespecified"};
        struct gp_attrs *a = A(c);
        a->split_policy_loc = c->loc;
        a->split_policy_set = !c->no;
        if (c->no)
                return ASA_OK;
        for (size_t k = 0; k < 3; k++)
                if (kw(asa_w(c, i), names[k])) {
                        a->split_policy = (enum split_policy)(SPLIT_TUNNELALL + k);
                        return ASA_OK;
                }
        return ASA_UNKNOWN;
}

/* "value X" | "none": *set, *dst (NULL for none) */
static int value_or_none(struct asa_ctx *c, size_t i, bool *set, const char **dst)
{
        *set = !c->no;
        *dst = NULL;
        if (c->no || kw(asa_w(c, i), "none"))
                return ASA_OK;
        if (!kw(asa_w(c, i), "value") || !asa_w(c, i + 1))
                return ASA_UNKNOWN;
        *dst = asa_dup(c, asa_w(c, i + 1));
        return *dst ? ASA_OK : ASA_OOM;
}

static int a_split_acl(struct asa_ctx *c, size_t i)
{
        A(c)->split_acl_loc = c->loc;
        return value_or_none(c, i, &A(c)->split_acl_set, &A(c)->split_acl);
}

static int a_domain(struct asa_ctx *c, size_t i)
{
        return value_or_none(c, i, &A(c)->domain_set, &A(c)->default_domain);
}

static int a_group_lock(struct asa_ctx *c, size_t i)
{
        return value_or_none(c, i, &A(c)->group_lock_set, &A(c)->group_lock);
}

/* "value A B ..." | "none" into a list */
static int value_list(struct asa_ctx *c, size_t i, bool *set, struct ptrvec *v)
{
        *set = !c->no;
        v->n = 0;
        if (c->no || kw(asa_w(c, i), "none"))
                return ASA_OK;
        if (!kw(asa_w(c, i), "value") || !asa_w(c, i + 1))
                return ASA_UNKNOWN;
        return asa_push_words(c, v, i + 1);
}

static int a_dns(struct asa_ctx *c, size_t i)
{
        A(c)->dns_loc = c->loc;
        return value_list(c, i, &A(c)->dns_set, &A(c)->dns_servers);
}

static int a_pools(struct asa_ctx *c, size_t i)
{
        A(c)->pools_loc = c->loc;
        return value_list(c, i, &A(c)->pools_set, &A(c)->address_pools);
}

/* enable|disable into *set / *v */
static int on_off(struct asa_ctx *c, size_t i, bool *set, bool *v)
{
        *set = !c->no;
        if (c->no)
                return ASA_OK;
        if (!kw(asa_w(c, i), "enable") && !kw(asa_w(c, i), "disable"))
                return ASA_UNKNOWN;
        *v = kw(asa_w(c, i), "enable");
        return ASA_OK;
}

static int a_pfs(struct asa_ctx *c, size_t i)
{
        A(c)->pfs_loc = c->loc;
        return on_off(c, i, &A(c)->pfs_set, &A(c)->pfs);
}

static int a_re_xauth(struct asa_ctx *c, size_t i)
{
        return on_off(c, i, &A(c)->re_xauth_set, &A(c)->re_xauth);
}

/* N minutes | none (-1) */
static int minutes(struct asa_ctx *c, size_t i, bool *set, int *v)
{
        *set = !c->no;
        if (c->no)
                return ASA_OK;
        if (kw(asa_w(c, i), "none") || kw(asa_w(c, i), "unlimited")) {
                *v = -1;
                return ASA_OK;
        }
        return lex_int(asa_w(c, i), 0, 35791394, v) ? ASA_OK : ASA_UNKNOWN;
}

static int a_idle(struct asa_ctx *c, size_t i)
{
        if (kw(asa_w(c, i), "alert-interval"))
                return ASA_OK;
        A(c)->idle_timeout_loc = c->loc;
        return minutes(c, i, &A(c)->idle_timeout_set, &A(c)->idle_timeout_min);
}

static int a_session(struct asa_ctx *c, size_t i)
{
        if (kw(asa_w(c, i), "alert-interval"))
                return ASA_OK;
        A(c)->session_timeout_loc = c->loc;
        return minutes(c, i, &A(c)->session_timeout_set, &A(c)->session_timeout_min);
}

static int a_logins(struct asa_ctx *c, size_t i)
{
        A(c)->logins_loc = c->loc;
        return minutes(c, i, &A(c)->logins_set, &A(c)->simultaneous_logins);
}

/* Attributes with a sub-block of their own. */
static int a_block(struct asa_ctx *c, size_t i)
{
        (void)i;
        asa_skip_block(c);
        return ASA_OK;
}

const struct asa_cmd asa_gp_attr_cmds[] = {
    /* one value per attribute: a later line replaces it */
    {{"vpn-tunnel-protocol"}, a_protocols, SEM_PREFIX(1)},
    {{"split-tunnel-policy"}, a_split_policy, SEM_PREFIX(1)},
    {{"split-tunnel-network-list"}, a_split_acl, SEM_PREFIX(1)},
    {{"dns-server"}, a_dns, SEM_PREFIX(1)},
    {{"default-domain"}, a_domain, SEM_PREFIX(1)},
    {{"address-pools"}, a_pools, SEM_PREFIX(1)},
    {{"pfs"}, a_pfs, SEM_PREFIX(1)},
    {{"vpn-idle-timeout"}, a_idle, SEM_PREFIX(1)},
    {{"vpn-session-timeout"}, a_session, SEM_PREFIX(1)},
    {{"vpn-simultaneous-logins"}, a_logins, SEM_PREFIX(1)},
    {{"re-xauth"}, a_re_xauth, SEM_PREFIX(1)},
    {{"group-lock"}, a_group_lock, SEM_PREFIX(1)},
    {{"webvpn"}, a_block},
    {{"anyconnect"}, asa_known},
    {{"service-type"}, asa_known},
    {{"banner"}, asa_known},
    {{"wins-server"}, asa_known},
    {{"dhcp-network-scope"}, asa_known},
    {{"vpn-access-hours"}, asa_known},
    {{"vpn-filter"}, asa_known},
    {{"ipv6-vpn-filter"}, asa_known},
    {{"password-storage"}, asa_known},
    {{"ip-comp"}, asa_known},
    {{"split-dns"}, asa_known},
    {{"split-tunnel-all-dns"}, asa_known},
    {{"ipv6-split-tunnel-policy"}, asa_known},
    {{"ipv6-split-tunnel-network-list"}, asa_known},
    {{"ipv6-address-pools"}, asa_known},
    {{"intercept-dhcp"}, asa_known},
    {{"secure-unit-authentication"}, asa_known},
    {{"user-authentication"}, asa_known},
    {{"user-authentication-idle-timeout"}, asa_known},
    {{"ip-phone-bypass"}, asa_known},
    {{"leap-bypass"}, asa_known},
    {{"nem"}, asa_known},
    {{"backup-servers"}, asa_known},
    {{"msie-proxy"}, asa_known},
    {{"client-access-rule"}, asa_known},
    {{"client-firewall"}, asa_known},
    {{"client-bypass-protocol"}, asa_known},
    {{"vlan"}, asa_known},
    {{"nac-settings"}, asa_known},
    {{"address-assignment"}, asa_known},
    {{"gateway-fqdn"}, asa_known},
    {{"smartcard-removal-disconnect"}, asa_known},
    {{"security-group-tag"}, asa_known},
    {{"scep-forwarding-url"}, asa_known},
    {{"l2tp-ipsec"}, asa_known},
    {{"ipsec-udp"}, asa_known},
    {{"ipsec-udp-port"}, asa_known},
    {{"description"}, asa_known},
    {{"vpn-group-policy"}, asa_known},
    {{"vpn-framed-ip-address"}, asa_known},
    {{"member-of"}, asa_known},
    {{"memberof"}, asa_known}, /* username attributes (ASA command reference) */
    {{"vpn-framed-ip-netmask"}, asa_known},
    {{"vpn-framed-ipv6-address"}, asa_known},
    {{"email"}, asa_known},
    {{"ssh"}, asa_known},
    {{"password-management"}, asa_known},
    {{"ssh-public-key"}, asa_known},
    {{0}, NULL},
};

int asa_gp_attr(struct asa_ctx *c, size_t i, struct gp_attrs *a)
{
        return asa_dispatch_at(c, i, asa_gp_attr_cmds, a);
}

/* group-policy NAME internal|external [server-group G password P] | attributes */
static int on_group_policy(struct asa_ctx *c, size_t i)
{
        const char *name = asa_w(c, i), *what = asa_w(c, i + 1);
        if (!name || !what)
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct group_policy *g = model_obtain_gp(c->dev, name, &c->loc);
        if (!g)
                return ASA_OOM;
        if (kw(what, "internal"))
                g->internal = true;
        else if (kw(what, "external"))
                g->external = true; /* its password is not kept */
        else if (kw(what, "attributes"))
                asa_open(c, asa_gp_attr_cmds, &g->a, g->name);
        else
                return ASA_UNKNOWN;
        return ASA_OK;
}

static struct username *obtain_user(struct asa_ctx *c, const char *name)
{
        struct username *u = model_get_username(c->dev, name);
        if (u)
                return u;
        u = asa_new(c, sizeof(*u));
        if (!u || !(u->name = asa_dup(c, name)) || model_add_username(c->dev, u))
                return NULL;
        return u;
}

/* username U password P [encrypted|nt-encrypted|pbkdf2] [privilege N]
 * | username U nopassword [privilege N] | username U attributes */
static int on_username(struct asa_ctx *c, size_t i)
{
        const char *name = asa_w(c, i), *what = asa_w(c, i + 1);
        if (!name || !what)
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct username *u = obtain_user(c, name);
        if (!u)
                return ASA_OOM;
        if (kw(what, "attributes")) {
                asa_open(c, asa_gp_attr_cmds, &u->a, u->name);
                return ASA_OK;
        }
        size_t k = i + 2;
        if (kw(what, "password")) {
                const char *pw = asa_w(c, k++);
                bool enc = kw(asa_w(c, k), "encrypted") || kw(asa_w(c, k), "nt-encrypted") ||
                           kw(asa_w(c, k), "pbkdf2");
                asa_secret(&u->password, pw, enc);
                k += enc;
        } else if (!kw(what, "nopassword")) {
                return ASA_UNKNOWN;
        }
        if (kw(asa_w(c, k), "privilege") && !lex_int(asa_w(c, k + 1), 0, 15, &u->privilege))
                return ASA_UNKNOWN;
        return ASA_OK;
}

const struct asa_cmd asa_gp_cmds[] = {
    {{"group-policy"}, on_group_policy, SEM_PREFIX(3)}, /* X internal|attributes */
    {{"username"}, on_username},
    {{0}, NULL},
};
