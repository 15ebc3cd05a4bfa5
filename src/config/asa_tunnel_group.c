/*
 * tunnel-group NAME type ...; general-attributes; ipsec-attributes (the
 * pre-shared keys, hashed at once into dev->psks); other attribute blocks
 * (webvpn, ppp) are known and skipped.
 */
#include "asa.h"

#include <string.h>

static struct tunnel_group *TG(struct asa_ctx *c)
{
        return c->obj;
}

/* ---- general-attributes ------------------------------------------------ */

static int g_dgp(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        TG(c)->default_group_policy = c->no ? NULL : asa_dup(c, asa_w(c, i));
        TG(c)->dgp_loc = c->loc;
        return ASA_OK;
}

/* Skips an optional "(IF)" at word i. */
static size_t skip_paren(const struct asa_ctx *c, size_t i)
{
        const char *w = asa_w(c, i);
        return w && w[0] == '(' ? i + 1 : i;
}

static int g_pools(struct asa_ctx *c, size_t i)
{
        struct tunnel_group *t = TG(c);
        t->address_pools.n = 0;
        t->pools_loc = c->loc;
        if (c->no)
                return ASA_OK;
        i = skip_paren(c, i);
        return i < c->n ? asa_push_words(c, &t->address_pools, i) : ASA_UNKNOWN;
}

static int g_auth_group(struct asa_ctx *c, size_t i)
{
        i = skip_paren(c, i);
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        TG(c)->auth_server_group =
            c->no || kw(asa_w(c, i), "none") ? NULL : asa_dup(c, asa_w(c, i));
        return ASA_OK;
}

static int g_dhcp(struct asa_ctx *c, size_t i)
{
        if (kw(asa_w(c, i), "link-selection") || kw(asa_w(c, i), "subnet-selection"))
                return ASA_OK;
        if (c->no) {
                TG(c)->dhcp_servers.n = 0;
                return ASA_OK;
        }
        return i < c->n ? asa_push_words(c, &TG(c)->dhcp_servers, i) : ASA_UNKNOWN;
}

static const struct asa_cmd general_cmds[] = {
    {{"default-group-policy"}, g_dgp, SEM_PREFIX(1)},
    {{"address-pool"}, g_pools},
    {{"authentication-server-group"}, g_auth_group, SEM_PREFIX(1)},
    {{"dhcp-server"}, g_dhcp},
    {{"authorization-server-group"}, asa_known},
    {{"accounting-server-group"}, asa_known},
    {{"secondary-authentication-server-group"}, asa_known},
    {{"authorization-required"}, asa_known},
    {{"authorization-dn-attributes"}, asa_known},
    {{"authentication-attr-from-server"}, asa_known},
    {{"authenticated-session-username"}, asa_known},
    {{"ipv6-address-pool"}, asa_known},
    {{"nat-assigned-to-public-ip"}, asa_known},
    {{"scep-enrollment"}, asa_known},
    {{"secondary-username-from-certificate"}, asa_known},
    {{"username-from-certificate"}, asa_known},
    {{"strip-group"}, asa_known},
    {{"strip-realm"}, asa_known},
    {{"password-management"}, asa_known},
    {{"override-account-disable"}, asa_known},
    {{"annotation"}, asa_known},
    {{0}, NULL},
};

/* ---- ipsec-attributes ---------------------------------------------------- */

static struct strmap *psk_index(struct asa_ctx *c, enum psk_source src)
{
        return &c->psk_by_tg[src == PSK_ASA_TUNNEL_GROUP ? 0 : src == PSK_ASA_IKEV2_LOCAL ? 1 : 2];
}

/* "no ... pre-shared-key" (transcripts only): rare, so a scan is fine. */
static int drop_psks(struct asa_ctx *c, const char *tg, enum psk_source src)
{
        if (strmap_get(psk_index(c, src), tg) &&
            strmap_put(&c->dev->arena, psk_index(c, src), tg, NULL))
                return ASA_OOM;
        struct ptrvec *v = &c->dev->psks;
        size_t o = 0;
        for (size_t k = 0; k < v->n; k++) {
                const struct psk *p = v->v[k];
                if (p->source != src || !p->tunnel_group || strcmp(p->tunnel_group, tg))
                        v->v[o++] = v->v[k];
        }
        v->n = o;
        return ASA_OK;
}

/* The key word at i (or "8 ENCRYPTED" on ASAs with a master passphrase). */
static int add_psk(struct asa_ctx *c, size_t i, enum psk_source src)
{
        struct tunnel_group *t = TG(c);
        if (c->no) {
                t->has_psk = src != PSK_ASA_TUNNEL_GROUP && t->has_psk;
                return drop_psks(c, t->name, src);
        }
        const char *k = asa_w(c, i);
        bool enc = kw(k, "8") && asa_w(c, i + 1);
        if (!k || c->n > i + 1 + enc)
                return ASA_UNKNOWN;
        /* a new key replaces the old one, in place (an index, not a scan) */
        struct strmap *idx = psk_index(c, src);
        struct psk *p = strmap_get(idx, t->name);
        if (!p) {
                p = asa_new(c, sizeof(*p));
                if (!p || ptrvec_push(&c->dev->arena, &c->dev->psks, p) ||
                    strmap_put(&c->dev->arena, idx, t->name, p))
                        return ASA_OOM;
        }
        p->loc = c->loc;
        p->source = src;
        p->tunnel_group = t->name;
        p->has_addr = t->name_is_addr;
        p->addr = t->addr;
        p->mask = 0xffffffffu;
        asa_secret(&p->key, k, enc);
        t->has_psk = true;
        t->psk_loc = c->loc;
        return ASA_OK;
}

static int i_psk(struct asa_ctx *c, size_t i)
{
        asa_note_ikev1(c);
        return add_psk(c, i, PSK_ASA_TUNNEL_GROUP);
}

/* ikev2 local-authentication pre-shared-key K | certificate TP
 * ikev2 remote-authentication pre-shared-key K | certificate | eap ...
 * (Cisco ASA Series VPN CLI Configuration Guide, "Site-to-Site VPN":
 * tunnel-group ipsec-attributes). The method is kept as enum v2_auth. */
static int i_v2_auth(struct asa_ctx *c, size_t i, enum psk_source src)
{
        struct tunnel_group *t = TG(c);
        bool local = src == PSK_ASA_IKEV2_LOCAL;
        const char *m = asa_w(c, i);
        unsigned bit = kw(m, "pre-shared-key") ? V2AUTH_PSK
                       : kw(m, "certificate")  ? V2AUTH_CERT
                       : kw(m, "eap")          ? V2AUTH_EAP
                                               : 0;
        unsigned *slot = local ? &t->v2_local_auth : &t->v2_remote_auth;
        if (!m)
                return c->no ? ASA_OK : ASA_UNKNOWN;
        if (!bit)
                return ASA_OK; /* another method (certificate-override, ...): known */
        if (c->no)
                *slot &= ~bit;
        else
                *slot = local ? bit : (*slot | bit), t->v2_auth_loc = c->loc;
        if (bit == V2AUTH_CERT && local && !c->no && asa_w(c, i + 1))
                t->v2_local_trustpoint = asa_dup(c, asa_w(c, i + 1));
        if (bit != V2AUTH_PSK)
                return ASA_OK;
        if (!asa_w(c, i + 1) && !c->no)
                return ASA_OK; /* "local-authentication pre-shared-key" alone: key elsewhere */
        return add_psk(c, i + 1, src);
}

static int i_v2_local(struct asa_ctx *c, size_t i)
{
        return i_v2_auth(c, i, PSK_ASA_IKEV2_LOCAL);
}

static int i_v2_remote(struct asa_ctx *c, size_t i)
{
        return i_v2_auth(c, i, PSK_ASA_IKEV2_REMOTE);
}

/* isakmp keepalive threshold N retry M | disable */
static int i_keepalive(struct asa_ctx *c, size_t i)
{
        struct tunnel_group *t = TG(c);
        t->keepalive_loc = c->loc;
        t->keepalive_set = !c->no;
        if (c->no) {
                t->keepalive_disabled = false;
                t->keepalive_threshold = t->keepalive_retry = 0;
                return ASA_OK;
        }
        if (kw(asa_w(c, i), "disable")) {
                t->keepalive_disabled = true;
                return ASA_OK;
        }
        if (kw(asa_w(c, i), "threshold") &&
            (kw(asa_w(c, i + 1), "infinite") ||
             lex_int(asa_w(c, i + 1), 10, 3600, &t->keepalive_threshold)) &&
            kw(asa_w(c, i + 2), "retry") && lex_int(asa_w(c, i + 3), 2, 10, &t->keepalive_retry))
                return ASA_OK;
        return ASA_UNKNOWN;
}

static int set_user_auth(struct asa_ctx *c, const char *v)
{
        if (!v)
                return ASA_UNKNOWN;
        TG(c)->ikev1_user_auth = c->no ? TRI_UNSET : kw(v, "none") ? TRI_OFF : TRI_ON;
        TG(c)->user_auth_loc = c->loc;
        return ASA_OK;
}

/* isakmp ikev1-user-authentication [(IF)] none|xauth|hybrid */
static int i_user_auth(struct asa_ctx *c, size_t i)
{
        return set_user_auth(c, asa_w(c, skip_paren(c, i)));
}

static int i_trustpoint(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        asa_note_ikev1(c);
        TG(c)->trustpoint = c->no ? NULL : asa_dup(c, asa_w(c, i));
        return ASA_OK;
}

static int i_peer_id(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        TG(c)->peer_id_validate = c->no ? NULL : asa_dup(c, asa_w(c, i));
        return ASA_OK;
}

static const struct asa_cmd ipsec_cmds[] = {
    {{"pre-shared-key"}, i_psk, SEM_PREFIX(1)},
    {{"ikev1", "pre-shared-key"}, i_psk, SEM_PREFIX(2)},
    {{"ikev2", "local-authentication"}, i_v2_local, SEM_PREFIX(3)},
    {{"ikev2", "remote-authentication"}, i_v2_remote, SEM_PREFIX(3)},
    {{"isakmp", "keepalive"}, i_keepalive, SEM_PREFIX(2)},
    {{"isakmp", "ikev1-user-authentication"}, i_user_auth, SEM_PREFIX(2)},
    {{"ikev1", "user-authentication"}, i_user_auth, SEM_PREFIX(2)},
    {{"peer-id-validate"}, i_peer_id, SEM_PREFIX(1)},
    {{"trust-point"}, i_trustpoint, SEM_PREFIX(1)},
    {{"ikev1", "trust-point"}, i_trustpoint, SEM_PREFIX(2)},
    {{"chain"}, asa_known},
    {{"ikev1", "client-update"}, asa_known},
    {{"client-update"}, asa_known},
    {{"radius-with-expiry"}, asa_known},
    {{"authorization-required"}, asa_known},
    {{"ikev2", "rsa-sig-hash"}, asa_known},
    {{"isakmp", "ikev1-radius-sdi-xauth"}, asa_known},
    {{0}, NULL},
};

/* ---- tunnel-group NAME type|general-attributes|ipsec-attributes ---------- */

static const struct {
        const char *name;
        enum tg_type type;
} tg_types[] = {
    {"ipsec-l2l", TG_L2L},
    {"ipsec-ra", TG_RA},
    {"remote-access", TG_RA},
    {"webvpn", TG_WEBVPN},
};

static int set_type(struct asa_ctx *c, struct tunnel_group *t, const char *ty)
{
        if (!ty)
                return ASA_UNKNOWN;
        t->type = TG_OTHER;
        for (size_t k = 0; k < sizeof(tg_types) / sizeof(tg_types[0]); k++)
                if (kw(ty, tg_types[k].name))
                        t->type = tg_types[k].type;
        t->type_loc = c->loc;
        return ASA_OK;
}

static int on_tunnel_group(struct asa_ctx *c, size_t i)
{
        const char *name = asa_w(c, i), *what = asa_w(c, i + 1);
        if (!name || !what)
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct tunnel_group *t = model_obtain_tg(c->dev, name, &c->loc);
        if (!t)
                return ASA_OOM;
        t->name_is_addr = lex_ipv4(name, &t->addr);
        if (kw(what, "type"))
                return set_type(c, t, asa_w(c, i + 2));
        if (kw(what, "general-attributes"))
                asa_open(c, general_cmds, t, t->name);
        else if (kw(what, "ipsec-attributes"))
                asa_open(c, ipsec_cmds, t, t->name);
        else if (kw(what, "webvpn-attributes") || kw(what, "ppp-attributes"))
                asa_skip_block(c);
        else
                return ASA_UNKNOWN;
        return ASA_OK;
}

/* "tunnel-group-map MAP N TG" (certificate map rule), "tunnel-group-map
 * enable|default-group ...": the first rule's line is kept (ASA command
 * reference, tunnel-group-map). */
static int on_tg_map(struct asa_ctx *c, size_t i)
{
        uint32_t n;
        if (!c->no && !c->dev->tg_map_rule_loc.line && asa_w(c, i + 2) &&
            lex_u32(asa_w(c, i + 1), 1, 65535, &n))
                c->dev->tg_map_rule_loc = c->loc;
        return asa_known_block(c, i);
}

const struct asa_cmd asa_tg_cmds[] = {
    {{"tunnel-group-map"}, on_tg_map},
    {{"tunnel-group-list"}, asa_known},
    {{"tunnel-group"}, on_tunnel_group, SEM_PREFIX(3)}, /* X type|...-attributes */
    {{0}, NULL},
};
