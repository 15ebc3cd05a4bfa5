/*
 * IOS crypto isakmp profiles (which keyring, which peer identities, XAUTH
 * and mode-config lists) and Easy VPN server groups ("crypto isakmp client
 * configuration group G"). IKEv2 profiles reuse the profile sub-commands.
 */
#include "ios_int.h"

#define ONE(...)                                                                                   \
        {                                                                                          \
                {__VA_ARGS__}, NULL, false                                                         \
        }

/* ---- crypto isakmp profile ---------------------------------------------- */

static int profile(struct ios_ctx *c)
{
        int rc;
        struct isakmp_profile *p = ios_named_profile(c, &rc);
        return p ? ios_open(c, IM_ISAKMP_PROFILE, p) : rc;
}

static int push_str(struct ios_ctx *c, struct ptrvec *v, const char *s)
{
        char *d = ios_str(c, s);
        return !d || ptrvec_push(&c->dev->arena, v, d) ? IOS_OOM : IOS_OK;
}

static int prof_keyring(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *k = ios_arg(c, 0);
        if (kw(k, "local")) /* ikev2 "keyring local X" */
                k = ios_arg(c, 1);
        if (!k)
                return IOS_UNKNOWN;
        return c->neg ? IOS_OK : push_str(c, &p->keyrings, k);
}

/* match identity address A [M] [VRF] | group G | host H | host domain D | user ...
 * (ikev2: match identity remote address A [M] | fqdn ... ) */
static int prof_match(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        size_t i = 0;
        if (kw(ios_arg(c, 0), "remote") || kw(ios_arg(c, 0), "local"))
                i = 1;
        const char *what = ios_arg(c, i), *v = ios_arg(c, i + 1);
        /* ikev2 "match identity remote any": every identity (FlexVPN guide) */
        if (what && kw(what, "any") && !v)
                v = what;
        if (!what || !v)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct profile_match *m = model_alloc(c->dev, sizeof(*m));
        if (!m)
                return IOS_OOM;
        m->loc = c->loc;
        if (kw(what, "address") && kw(v, "ipv6")) {
                m->text = ios_rest(c, i + 1);
        } else if (kw(what, "address") && (lex_ipv4(v, &m->addr) || ios_is_placeholder(v))) {
                m->is_addr = !ios_is_placeholder(v);
                m->mask = 0xffffffffu;
                const char *x = ios_arg(c, i + 2);
                if (x && lex_ipv4(x, &m->mask))
                        x = ios_arg(c, i + 3);
                else if (m->is_addr && m->addr == 0)
                        m->mask = 0; /* "address 0.0.0.0" without a mask: show running-config
                                      * writes the wildcard "0.0.0.0 0.0.0.0" this way (Cisco
                                      * DMVPN guide, doc 41940: "crypto isakmp key K address
                                      * 0.0.0.0"); host 0.0.0.0 can never be a peer */
                /* The word after the address (and mask) is the front-door VRF
                 * (Cisco "VRF-Aware IPsec": match identity address A [M] [fvrf]). */
                if (x && !(m->vrf = ios_str(c, x)))
                        return IOS_OOM;
                m->text = ios_str(c, v);
        } else if (kw(what, "group")) {
                p->client_config_group = ios_str(c, v);
                m->text = p->client_config_group;
        } else if (kw(what, "host") || kw(what, "user") || kw(what, "fqdn") || kw(what, "email") ||
                   kw(what, "key-id") || kw(what, "dn") || kw(what, "any")) {
                m->text = ios_rest(c, i + 1);
        } else {
                return IOS_UNKNOWN;
        }
        if (!m->text || !(m->kind = ios_str(c, what)))
                return IOS_OOM;
        /* ikev2 "match identity remote fqdn|email domain D" */
        m->domain = kw(v, "domain") && (kw(what, "fqdn") || kw(what, "email"));
        if (m->domain && !(m->text = ios_rest(c, i + 2)))
                return IOS_OOM;
        if (!p->match_ids.n)
                p->match_loc = c->loc;
        return ptrvec_push(&c->dev->arena, &p->match_ids, m) ? IOS_OOM : IOS_OK;
}

static int prof_client(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *a = ios_arg(c, 0), *b = ios_arg(c, 1), *d = ios_arg(c, 2);
        if (c->neg)
                return IOS_OK;
        if (kw(a, "authentication") && kw(b, "list") && d)
                return (p->client_auth_list = ios_str(c, d)) ? IOS_OK : IOS_OOM;
        if (kw(a, "configuration") && kw(b, "address")) {
                p->client_config_respond = kw(d, "respond");
                return IOS_OK;
        }
        if (kw(a, "configuration") && kw(b, "group") && d)
                return (p->client_config_group = ios_str(c, d)) ? IOS_OK : IOS_OOM;
        return IOS_UNKNOWN;
}

static int prof_authz(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *l = ios_arg(c, 1);
        if (!kw(ios_arg(c, 0), "list") || !l)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        return (p->isakmp_authorization_list = ios_str(c, l)) ? IOS_OK : IOS_OOM;
}

/* keepalive N retry R (isakmp), dpd N R on-demand|periodic (ikev2) */
static int prof_keepalive(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (c->neg) {
                p->keepalive = 0;
                return IOS_OK;
        }
        return lex_int(ios_arg(c, 0), 1, 86400, &p->keepalive) ? IOS_OK : IOS_UNKNOWN;
}

/* "initiate mode aggressive": as initiator this profile starts Aggressive
 * Mode instead of Main Mode (Cisco IOS Security Command Reference,
 * "initiate mode"; "aggressive" is its one mode, and the "no" form returns
 * to Main Mode). */
static int prof_initiate(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (!kw(ios_arg(c, 0), "mode") || (!c->neg && !kw(ios_arg(c, 1), "aggressive")))
                return IOS_UNKNOWN;
        p->initiate_aggressive = !c->neg;
        p->initiate_loc = c->loc;
        return IOS_OK;
}

static int prof_vrf(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        return (p->vrf = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

static const struct ios_cmd profile_cmds[] = {
    {{"keyring"}, prof_keyring, false, SEM_PREFIX(1)},
    {{"match", "identity"}, prof_match, false},
    {{"client"}, prof_client, false},
    {{"isakmp", "authorization"}, prof_authz, false, SEM_PREFIX(2)},
    {{"keepalive"}, prof_keepalive, false, SEM_PREFIX(1)},
    {{"vrf"}, prof_vrf, false, SEM_PREFIX(1)},
    ONE("self-identity"),
    ONE("local-address"),
    ONE("reverse-route"),
    {{"initiate"}, prof_initiate, false},
    ONE("description"),
    ONE("ca"),
    ONE("virtual-template"),
    ONE("accounting"),
    ONE("qos-group"),
    ONE("match", "certificate"),
};

/* ---- crypto isakmp client configuration group G ------------------------- */

static int client_group(struct ios_ctx *c)
{
        const char *name = ios_arg(c, 0);
        if (!name)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct client_group *g = model_obtain_client_group(c->dev, name, &c->loc);
        if (!g)
                return IOS_OOM;
        return ios_open(c, IM_CLIENT_GROUP, g);
}

static int cg_key(struct ios_ctx *c)
{
        struct client_group *g = ios_obj(c);
        if (c->neg) {
                secret_set_unknown(&g->key, SECRET_ABSENT);
                return IOS_OK;
        }
        if (!ios_secret(c, c->a, &g->key))
                return IOS_UNKNOWN;
        g->key_loc = c->loc;
        return IOS_OK;
}

static int cg_string(struct ios_ctx *c)
{
        struct client_group *g = ios_obj(c);
        const char *k = ios_word(c, c->k0), *v = ios_arg(c, 0);
        const char **slot = kw(k, "pool") ? &g->pool : kw(k, "acl") ? &g->split_acl : &g->domain;
        if (!v)
                return IOS_UNKNOWN;
        if (c->neg) {
                *slot = NULL;
                return IOS_OK;
        }
        return (*slot = ios_str(c, v)) ? IOS_OK : IOS_OOM;
}

static int cg_dns(struct ios_ctx *c)
{
        struct client_group *g = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        for (size_t i = 0; ios_arg(c, i); i++)
                if (push_str(c, &g->dns, ios_arg(c, i)))
                        return IOS_OOM;
        return IOS_OK;
}

static int cg_flag(struct ios_ctx *c)
{
        struct client_group *g = ios_obj(c);
        const char *k = ios_word(c, c->k0);
        if (kw(k, "save-password")) {
                g->save_password = !c->neg;
                return IOS_OK;
        }
        int *slot = kw(k, "max-users") ? &g->max_users : &g->max_logins;
        if (c->neg) {
                *slot = 0;
                return IOS_OK;
        }
        return lex_int(ios_arg(c, 0), 1, 65535, slot) ? IOS_OK : IOS_UNKNOWN;
}

static const struct ios_cmd client_group_cmds[] = {
    {{"key"}, cg_key, false, SEM_PREFIX(1)},
    {{"pool"}, cg_string, false, SEM_PREFIX(1)},
    {{"acl"}, cg_string, false, SEM_PREFIX(1)},
    {{"domain"}, cg_string, false, SEM_PREFIX(1)},
    {{"dns"}, cg_dns, false, SEM_PREFIX(1)},
    {{"save-password"}, cg_flag, false},
    {{"max-users"}, cg_flag, false, SEM_PREFIX(1)},
    {{"max-logins"}, cg_flag, false, SEM_PREFIX(1)},
    ONE("include-local-lan"),
    ONE("pfs"),
    ONE("split-dns"),
    ONE("banner"),
    ONE("firewall"),
    ONE("backup-gateway"),
    ONE("netmask"),
    ONE("wins"),
    ONE("access-restrict"),
    ONE("group-lock"),
    ONE("auto-update"),
    ONE("browser-proxy"),
    ONE("configuration"),
    ONE("crypto"),
    ONE("dhcp"),
    ONE("firewall"),
    ONE("smartdefaults"),
};

/* crypto isakmp client configuration address-pool local P: the pool that
 * mode configuration hands out when no group names one (Cisco IOS Security
 * Command Reference). Other forms are known and not modelled. */
static int client_conf(struct ios_ctx *c)
{
        const char *p = ios_arg(c, 2);
        if (c->neg || !kw(ios_arg(c, 0), "address-pool") || !kw(ios_arg(c, 1), "local") || !p)
                return IOS_OK;
        char *name = ios_str(c, p);
        return !name || ptrvec_push(&c->dev->arena, &c->dev->pool_refs, name) ? IOS_OOM : IOS_OK;
}

static const struct ios_cmd top_cmds[] = {
    {{"crypto", "isakmp", "profile"}, profile, false},
    {{"crypto", "isakmp", "client", "configuration", "group"}, client_group, false},
    {{"crypto", "isakmp", "client", "configuration"}, client_conf, false},
};

IOS_TAB(ios_top_profile, top_cmds);
IOS_TAB(ios_sub_isakmp_profile, profile_cmds);
IOS_TAB(ios_sub_client_group, client_group_cmds);
