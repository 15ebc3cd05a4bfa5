/*
 * IKEv1 on IOS: crypto isakmp policy, keys (global and keyrings) and the
 * global isakmp settings (identity, keepalive, NAT keepalive, enable,
 * aggressive mode). Profiles and client groups are in ios_profile.c.
 * The ASA 8.4+ spellings "crypto ikev1 ..." that appear in mixed files are
 * read the same way.
 */
#include "ios_int.h"

#include <string.h>

#define ONE(...)                                                                                   \
        {                                                                                          \
                {__VA_ARGS__}, NULL, false                                                         \
        }
#define BLOCK(...)                                                                                 \
        {                                                                                          \
                {__VA_ARGS__}, NULL, true                                                          \
        }

/* ---- crypto isakmp policy N ----------------------------------------------- */

static int policy(struct ios_ctx *c)
{
        int prio;
        if (!lex_int(ios_arg(c, 0), 1, 65535, &prio))
                return IOS_UNKNOWN;
        if (kw(ios_word(c, c->k0 + 1), "ikev1"))
                c->dev->ike.uses_ikev1_keywords = true;
        struct isakmp_policy *p = NULL;
        for (size_t i = 0; i < c->dev->isakmp_policies.n; i++) {
                struct isakmp_policy *q = c->dev->isakmp_policies.v[i];
                if (q->priority == prio)
                        p = q;
        }
        if (c->neg) { /* "no crypto isakmp policy N" removes it */
                struct ptrvec *v = &c->dev->isakmp_policies;
                size_t out = 0;
                for (size_t i = 0; i < v->n; i++)
                        if (v->v[i] != p)
                                v->v[out++] = v->v[i];
                v->n = out;
                return IOS_OK;
        }
        if (!p) {
                p = model_alloc(c->dev, sizeof(*p));
                if (!p || ptrvec_push(&c->dev->arena, &c->dev->isakmp_policies, p))
                        return IOS_OOM;
                p->loc = c->loc;
                p->priority = prio;
        }
        return ios_open(c, IM_ISAKMP_POLICY, p);
}

static const struct {
        const char *name;
        enum ike_encr encr;
        int bits;
} encrs[] = {
    {"des", ENCR_DES, 0},       {"3des", ENCR_3DES, 0},     {"aes", ENCR_AES, 128},
    {"aes-192", ENCR_AES, 192}, {"aes-256", ENCR_AES, 256}, {"aes-128", ENCR_AES, 128},
    {"null", ENCR_NULL, 0},
};

static int pol_encr(struct ios_ctx *c)
{
        struct isakmp_policy *p = ios_obj(c);
        const char *e = ios_arg(c, 0);
        if (c->neg) {
                p->explicit_mask &= ~(unsigned)P1_EXPL_ENCR;
                p->encr = ENCR_NONE;
                return IOS_OK;
        }
        for (size_t i = 0; i < sizeof(encrs) / sizeof(encrs[0]); i++) {
                if (!kw(e, encrs[i].name))
                        continue;
                p->encr = encrs[i].encr;
                p->key_bits = encrs[i].bits;
                /* "encryption aes 256": the key size follows as its own word;
                 * plain "aes" is AES-128 (Cisco IOS Security Command Reference, encryption (IKE
                 * policy)) */
                if (encrs[i].encr == ENCR_AES && ios_arg(c, 1) &&
                    !lex_int(ios_arg(c, 1), 128, 256, &p->key_bits))
                        return IOS_UNKNOWN;
                p->explicit_mask |= P1_EXPL_ENCR;
                return IOS_OK;
        }
        return IOS_UNKNOWN;
}

static const struct {
        const char *name;
        enum ike_hash h;
} hashes[] = {
    {"md5", HASH_MD5},       {"sha", HASH_SHA1},       {"sha1", HASH_SHA1},
    {"sha256", HASH_SHA256}, {"sha384", HASH_SHA384},  {"sha512", HASH_SHA512},
    {"sha-1", HASH_SHA1},    {"sha-256", HASH_SHA256},
};

static int hash_of(const char *s, enum ike_hash *h)
{
        for (size_t i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++)
                if (kw(s, hashes[i].name)) {
                        *h = hashes[i].h;
                        return 0;
                }
        return -1;
}

static int pol_hash(struct ios_ctx *c)
{
        struct isakmp_policy *p = ios_obj(c);
        if (c->neg) {
                p->explicit_mask &= ~(unsigned)P1_EXPL_HASH;
                p->hash = HASH_NONE;
                return IOS_OK;
        }
        if (hash_of(ios_arg(c, 0), &p->hash))
                return IOS_UNKNOWN;
        p->explicit_mask |= P1_EXPL_HASH;
        return IOS_OK;
}

static int pol_auth(struct ios_ctx *c)
{
        static const struct {
                const char *name;
                enum ike_auth a;
        } auths[] = {
            {"pre-share", AUTH_PSK},       {"rsa-sig", AUTH_RSA_SIG}, {"rsa-encr", AUTH_RSA_ENCR},
            {"ecdsa-sig", AUTH_ECDSA_SIG}, {"crack", AUTH_CRACK},
        };
        struct isakmp_policy *p = ios_obj(c);
        if (c->neg) {
                p->explicit_mask &= ~(unsigned)P1_EXPL_AUTH;
                p->auth = AUTH_UNSET;
                return IOS_OK;
        }
        for (size_t i = 0; i < sizeof(auths) / sizeof(auths[0]); i++)
                if (kw(ios_arg(c, 0), auths[i].name)) {
                        p->auth = auths[i].a;
                        p->explicit_mask |= P1_EXPL_AUTH;
                        return IOS_OK;
                }
        return IOS_UNKNOWN;
}

static int pol_group(struct ios_ctx *c)
{
        struct isakmp_policy *p = ios_obj(c);
        if (c->neg) {
                p->explicit_mask &= ~(unsigned)P1_EXPL_GROUP;
                p->group = 0;
                return IOS_OK;
        }
        if (!lex_int(ios_arg(c, 0), 1, 32, &p->group))
                return IOS_UNKNOWN;
        p->explicit_mask |= P1_EXPL_GROUP;
        return IOS_OK;
}

static int pol_lifetime(struct ios_ctx *c)
{
        struct isakmp_policy *p = ios_obj(c);
        uint32_t s;
        if (c->neg) {
                p->explicit_mask &= ~(unsigned)P1_EXPL_LIFETIME;
                p->lifetime = 0;
                return IOS_OK;
        }
        if (!lex_u32(ios_arg(c, 0), 0, 0x7fffffff, &s))
                return IOS_UNKNOWN;
        p->lifetime = s;
        p->explicit_mask |= P1_EXPL_LIFETIME;
        return IOS_OK;
}

static const struct ios_cmd policy_cmds[] = {
    {{"encryption"}, pol_encr, false, SEM_PREFIX(1)},
    {{"encr"}, pol_encr, false, SEM_PREFIX(1)},
    {{"hash"}, pol_hash, false, SEM_PREFIX(1)},
    {{"authentication"}, pol_auth, false, SEM_PREFIX(1)},
    {{"group"}, pol_group, false, SEM_PREFIX(1)},
    {{"lifetime"}, pol_lifetime, false, SEM_PREFIX(1)},
    ONE("default"),
};

/* ---- keys ------------------------------------------------------------------ */

/* Peer of a key: "address A [MASK]" or "hostname H"; *i advances past it. */
static int key_peer(struct ios_ctx *c, size_t *i, struct psk *k)
{
        const char *w = ios_word(c, *i), *a = ios_word(c, *i + 1);
        uint32_t m;
        if (!a)
                return IOS_UNKNOWN;
        if (kw(w, "hostname")) {
                *i += 2;
                return (k->hostname = ios_str(c, a)) ? IOS_OK : IOS_OOM;
        }
        if (!kw(w, "address"))
                return IOS_UNKNOWN;
        *i += 2;
        if (kw(a, "ipv6"))
                return ios_word(c, (*i)++) ? IOS_OK : IOS_UNKNOWN;
        k->mask = 0xffffffffu; /* a host unless a mask follows */
        if (lex_ipv4(a, &k->addr)) {
                k->has_addr = true;
        } else if (!ios_is_placeholder(a)) {
                uint32_t net;
                if (!lex_prefix(a, &net, &m))
                        return IOS_UNKNOWN;
                k->has_addr = true;
                k->addr = net;
                k->mask = m;
        }
        if (lex_ipv4(ios_word(c, *i), &m)) {
                k->mask = m;
                *i += 1;
        }
        return IOS_OK;
}

static int push_psk(struct ios_ctx *c, const struct psk *k)
{
        struct psk *p = model_alloc(c->dev, sizeof(*p));
        if (!p)
                return IOS_OOM;
        *p = *k;
        return ptrvec_push(&c->dev->arena, &c->dev->psks, p) ? IOS_OOM : IOS_OK;
}

/* "no crypto isakmp key K address A": the key for that peer goes away. */
static void remove_psk(struct ios_ctx *c, const struct psk *k)
{
        size_t out = 0;
        for (size_t i = 0; i < c->dev->psks.n; i++) {
                struct psk *p = c->dev->psks.v[i];
                bool same =
                    p->source == k->source && p->keyring == NULL && p->has_addr == k->has_addr &&
                    (k->has_addr
                         ? p->addr == k->addr
                         : (p->hostname && k->hostname && !strcmp(p->hostname, k->hostname)));
                if (!same)
                        c->dev->psks.v[out++] = p;
        }
        c->dev->psks.n = out;
}

/* crypto isakmp key [0|6|7] K (address A [M] | hostname H) [no-xauth] */
static int isakmp_key(struct ios_ctx *c)
{
        struct psk k = {.loc = c->loc, .source = PSK_IOS_GLOBAL};
        size_t i = c->a;
        size_t used = ios_secret(c, i, &k.key);
        if (!used)
                return IOS_UNKNOWN;
        i += used;
        int rc = key_peer(c, &i, &k);
        if (rc)
                return rc;
        if (kw(ios_word(c, i), "no-xauth")) {
                k.no_xauth = true;
                i++;
        }
        if (ios_word(c, i))
                return IOS_UNKNOWN;
        if (c->neg) {
                remove_psk(c, &k);
                return IOS_OK;
        }
        return push_psk(c, &k);
}

static int keyring(struct ios_ctx *c)
{
        int rc;
        struct keyring *r = ios_named_keyring(c, &rc);
        if (!r)
                return rc;
        if (kw(ios_arg(c, 1), "vrf") && ios_arg(c, 2) && !(r->vrf = ios_str(c, ios_arg(c, 2))))
                return IOS_OOM;
        return ios_open(c, IM_KEYRING, r);
}

/* pre-shared-key (address A [M] | hostname H) key [0|6|7] K */
static int keyring_psk(struct ios_ctx *c)
{
        struct keyring *r = ios_obj(c);
        struct psk k = {.loc = c->loc, .source = PSK_IOS_KEYRING, .keyring = r->name};
        size_t i = c->a;
        int rc = key_peer(c, &i, &k);
        if (rc)
                return rc;
        if (c->neg)
                return IOS_OK;
        if (!kw(ios_word(c, i), "key") || !ios_secret(c, i + 1, &k.key))
                return IOS_UNKNOWN;
        return push_psk(c, &k);
}

static const struct ios_cmd keyring_cmds[] = {
    {{"pre-shared-key"}, keyring_psk, false, SEM_PREFIX(3)},
    ONE("local-address"),
    ONE("description"),
    BLOCK("rsa-pubkey"),
};

/* ---- global isakmp settings ------------------------------------------------- */

static int identity(struct ios_ctx *c)
{
        static const struct {
                const char *name;
                enum ike_identity id;
        } ids[] = {{"address", IDENT_ADDRESS},
                   {"hostname", IDENT_HOSTNAME},
                   {"dn", IDENT_DN},
                   {"auto", IDENT_AUTO},
                   {"key-id", IDENT_KEY_ID}};
        if (c->neg) {
                c->dev->ike.identity = IDENT_UNSET;
                return IOS_OK;
        }
        for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
                if (kw(ios_arg(c, 0), ids[i].name)) {
                        c->dev->ike.identity = ids[i].id;
                        c->dev->ike.identity_loc = c->loc;
                        return IOS_OK;
                }
        return IOS_UNKNOWN;
}

/* crypto isakmp keepalive S [R] [periodic|on-demand] */
static int keepalive(struct ios_ctx *c)
{
        struct ike_global *g = &c->dev->ike;
        int s, r = 0;
        size_t i = 1;
        if (c->neg) {
                g->keepalive = g->keepalive_retry = 0;
                return IOS_OK;
        }
        if (!lex_int(ios_arg(c, 0), 10, 3600, &s))
                return IOS_UNKNOWN;
        if (lex_int(ios_arg(c, 1), 2, 60, &r))
                i = 2;
        g->keepalive_periodic = kw(ios_arg(c, i), "periodic");
        if (ios_arg(c, i) && !kw(ios_arg(c, i), "periodic") && !kw(ios_arg(c, i), "on-demand"))
                return IOS_UNKNOWN;
        g->keepalive = s;
        g->keepalive_retry = r;
        g->keepalive_loc = c->loc;
        return IOS_OK;
}

static int nat_keepalive(struct ios_ctx *c)
{
        int s;
        if (c->neg) {
                c->dev->ike.nat_t_keepalive = 0;
                return IOS_OK;
        }
        if (!lex_int(ios_arg(c, 0), 5, 3600, &s))
                return IOS_UNKNOWN;
        c->dev->ike.nat_t_keepalive = s;
        c->dev->ike.nat_t_loc = c->loc;
        return IOS_OK;
}

/* "no crypto isakmp nat-traversal" (ASA spelling seen in mixed files) */
static int nat_traversal(struct ios_ctx *c)
{
        struct ike_global *g = &c->dev->ike;
        int s;
        g->nat_t = c->neg ? TRI_OFF : TRI_ON;
        g->nat_t_explicit = true;
        g->nat_t_loc = c->loc;
        if (!c->neg && lex_int(ios_arg(c, 0), 10, 3600, &s))
                g->nat_t_keepalive = s;
        return IOS_OK;
}

static int ikev1_enable(struct ios_ctx *c);

static int isakmp_enable(struct ios_ctx *c)
{
        struct ike_global *g = &c->dev->ike;
        if (ios_arg(c, 0)) /* ASA: crypto isakmp enable IFNAME */
                return ikev1_enable(c);
        if (c->neg) {
                g->ios_isakmp_disabled = true;
                g->ios_isakmp_disabled_loc = c->loc;
        } else {
                g->ios_isakmp_disabled = false;
        }
        return IOS_OK;
}

static int am_disable(struct ios_ctx *c)
{
        if (!c->neg && ios_arg(c, 0) && !kw(ios_arg(c, 0), "disable"))
                return IOS_UNKNOWN;
        c->dev->ike.aggressive_mode_disabled = !c->neg;
        return IOS_OK;
}

/* ASA spellings: crypto ikev1 enable IF, crypto ikev1 am-disable, ... */
static int ikev1_enable(struct ios_ctx *c)
{
        const char *ifn = ios_arg(c, 0);
        if (kw(ios_word(c, c->k0 + 1), "ikev1"))
                c->dev->ike.uses_ikev1_keywords = true;
        if (!ifn)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct iface_ref *r = model_alloc(c->dev, sizeof(*r));
        if (!r || !(r->ifname = ios_str(c, ifn)))
                return IOS_OOM;
        r->loc = c->loc;
        return ptrvec_push(&c->dev->arena, &c->dev->ike.ikev1_enabled, r) ? IOS_OOM : IOS_OK;
}

static int ipsec_over_tcp(struct ios_ctx *c)
{
        c->dev->ike.ipsec_over_tcp = !c->neg;
        return IOS_OK;
}

static const struct ios_cmd top_cmds[] = {
    {{"crypto", "isakmp", "policy"}, policy, false},
    {{"crypto", "ikev1", "policy"}, policy, false},
    {{"crypto", "isakmp", "key"}, isakmp_key, false, SEM_FLAGS(SEM_KEY_ADDR)},
    {{"crypto", "keyring"}, keyring, false},
    {{"crypto", "isakmp", "identity"}, identity, false, SEM_PREFIX(3)},
    {{"crypto", "isakmp", "keepalive"}, keepalive, false, SEM_PREFIX(3)},
    {{"crypto", "isakmp", "nat", "keepalive"}, nat_keepalive, false, SEM_PREFIX(4)},
    {{"crypto", "isakmp", "nat-traversal"}, nat_traversal, false},
    {{"crypto", "isakmp", "enable"}, isakmp_enable, false, SEM_PREFIX_NEG(3)},
    {{"crypto", "isakmp", "aggressive-mode"}, am_disable, false},
    {{"crypto", "isakmp", "am-disable"}, am_disable, false},
    {{"crypto", "ikev1", "am-disable"}, am_disable, false},
    {{"crypto", "ikev1", "enable"}, ikev1_enable, false},
    {{"crypto", "ikev1", "ipsec-over-tcp"}, ipsec_over_tcp, false},
    {{"crypto", "isakmp", "ipsec-over-tcp"}, ipsec_over_tcp, false},
    ONE("crypto", "isakmp", "invalid-spi-recovery"),
    ONE("crypto", "isakmp", "fragmentation"),
    ONE("crypto", "isakmp", "xauth"),
    ONE("crypto", "isakmp", "default"),
    ONE("crypto", "isakmp", "diagnose"),
    ONE("crypto", "isakmp", "aaa"),
    ONE("crypto", "isakmp", "disconnect-revoked-peers"),
    ONE("crypto", "isakmp", "limit"),
    ONE("crypto", "isakmp", "logging"),
    ONE("crypto", "isakmp", "reload-wait"),
    ONE("crypto", "isakmp", "identity"),
    BLOCK("crypto", "isakmp", "peer"),
};

IOS_TAB(ios_top_isakmp, top_cmds);
IOS_TAB(ios_sub_isakmp_policy, policy_cmds);
IOS_TAB(ios_sub_keyring, keyring_cmds);
