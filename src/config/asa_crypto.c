/*
 * IKE on the ASA: "crypto isakmp|ikev1 policy N" (multi-line, or one line
 * per attribute as on PIX 6), "crypto ikev2 policy N", enabling IKE on
 * interfaces, identity, NAT-T and the other global IKE switches, and the
 * crypto table that also routes to asa_cmap.c (maps, transform sets).
 */
#include "asa.h"

#include <string.h>

/* Encryption names of "encryption" (IKEv1/IKEv2 policy) and "protocol esp
 * encryption" (IKEv2 proposal). */
static const struct asa_alg encr_names[] = {
    {"des", ENCR_DES, 0},
    {"3des", ENCR_3DES, 0},
    {"aes", ENCR_AES, 128},
    {"aes-192", ENCR_AES, 192},
    {"aes-256", ENCR_AES, 256},
    {"aes-gcm", ENCR_AES_GCM, 128},
    {"aes-gcm-192", ENCR_AES_GCM, 192},
    {"aes-gcm-256", ENCR_AES_GCM, 256},
    {"aes-gmac", ENCR_AES_GMAC, 128},
    {"aes-gmac-192", ENCR_AES_GMAC, 192},
    {"aes-gmac-256", ENCR_AES_GMAC, 256},
    {"null", ENCR_NULL, 0},
};

/* Hash / integrity / prf names (IKEv1 "hash", IKEv2 "integrity" and "prf",
 * proposal "protocol esp integrity"). */
static const struct asa_alg hash_names[] = {
    {"md5", HASH_MD5, 0},        {"sha", HASH_SHA1, 0},       {"sha-1", HASH_SHA1, 0},
    {"sha256", HASH_SHA256, 0},  {"sha-256", HASH_SHA256, 0}, {"sha384", HASH_SHA384, 0},
    {"sha-384", HASH_SHA384, 0}, {"sha512", HASH_SHA512, 0},  {"sha-512", HASH_SHA512, 0},
    {"null", HASH_NONE, 0},
};

static const struct asa_alg *find_alg(const struct asa_alg *t, size_t n, const char *s)
{
        for (size_t i = 0; i < n; i++)
                if (kw(s, t[i].name))
                        return &t[i];
        return NULL;
}

#define FIND(t, s) find_alg(t, sizeof(t) / sizeof(t[0]), s)

const struct asa_alg *asa_encr_alg(const char *s)
{
        return FIND(encr_names, s);
}

const struct asa_alg *asa_hash_alg(const char *s)
{
        return FIND(hash_names, s);
}

void asa_note_ikev1(struct asa_ctx *c)
{
        for (size_t i = 0; i < 4 && i < c->n; i++)
                if (kw(c->a[i], "ikev1"))
                        c->dev->ike.uses_ikev1_keywords = true;
}

/* ---- IKEv1 policy ------------------------------------------------------ */

static const struct {
        const char *name;
        enum ike_auth auth;
} auth_names[] = {
    {"pre-share", AUTH_PSK},     {"rsa-sig", AUTH_RSA_SIG}, {"crack", AUTH_CRACK},
    {"rsa-encr", AUTH_RSA_ENCR}, {"dsa-sig", AUTH_OTHER},
};

static int p1_authentication(struct asa_ctx *c, size_t i)
{
        struct isakmp_policy *p = c->obj;
        for (size_t k = 0; k < sizeof(auth_names) / sizeof(auth_names[0]); k++)
                if (kw(asa_w(c, i), auth_names[k].name)) {
                        p->auth = auth_names[k].auth;
                        p->explicit_mask |= P1_EXPL_AUTH;
                        return ASA_OK;
                }
        return ASA_UNKNOWN;
}

static int p1_encryption(struct asa_ctx *c, size_t i)
{
        struct isakmp_policy *p = c->obj;
        const struct asa_alg *a = asa_encr_alg(asa_w(c, i));
        if (!a)
                return ASA_UNKNOWN;
        p->encr = (enum ike_encr)a->v;
        p->key_bits = a->bits;
        p->explicit_mask |= P1_EXPL_ENCR;
        return ASA_OK;
}

static int p1_hash(struct asa_ctx *c, size_t i)
{
        struct isakmp_policy *p = c->obj;
        const struct asa_alg *a = asa_hash_alg(asa_w(c, i));
        if (!a || a->v == HASH_NONE)
                return ASA_UNKNOWN;
        p->hash = (enum ike_hash)a->v;
        p->explicit_mask |= P1_EXPL_HASH;
        return ASA_OK;
}

static int p1_group(struct asa_ctx *c, size_t i)
{
        struct isakmp_policy *p = c->obj;
        if (!lex_int(asa_w(c, i), 1, 32, &p->group))
                return ASA_UNKNOWN;
        p->explicit_mask |= P1_EXPL_GROUP;
        return ASA_OK;
}

static int p1_lifetime(struct asa_ctx *c, size_t i)
{
        struct isakmp_policy *p = c->obj;
        if (kw(asa_w(c, i), "none"))
                p->lifetime = 0; /* "lifetime none": no rekey, as lifetime 0 on PIX */
        else if (!lex_u32(asa_w(c, i), 0, 2147483647u, &p->lifetime))
                return ASA_UNKNOWN;
        p->explicit_mask |= P1_EXPL_LIFETIME;
        return ASA_OK;
}

static const struct asa_cmd p1_cmds[] = {
    {{"authentication"}, p1_authentication, SEM_PREFIX(1)},
    {{"encryption"}, p1_encryption, SEM_PREFIX(1)},
    {{"encr"}, p1_encryption, SEM_PREFIX(1)},    /* IOS spelling in mixed pastes */
    {{"encrypt"}, p1_encryption, SEM_PREFIX(1)}, /* an abbreviation typed in PIX 6 sessions
                                                    ("isakmp policy 10 encrypt aes-256") */
    {{"hash"}, p1_hash, SEM_PREFIX(1)},
    {{"group"}, p1_group, SEM_PREFIX(1)},
    {{"lifetime"}, p1_lifetime, SEM_PREFIX(1)},
    {{0}, NULL},
};

static struct isakmp_policy *p1_obtain(struct asa_ctx *c, int prio)
{
        if (!c->p1_by_prio &&
            !(c->p1_by_prio = arena_calloc(&c->dev->arena, 65536, sizeof(*c->p1_by_prio))))
                return NULL;
        struct isakmp_policy *p = c->p1_by_prio[prio];
        if (p)
                return p;
        p = asa_new(c, sizeof(*p));
        if (!p || ptrvec_push(&c->dev->arena, &c->dev->isakmp_policies, p))
                return NULL;
        p->priority = prio;
        c->p1_by_prio[prio] = p;
        return p;
}

/* crypto isakmp|ikev1 policy N [ATTR V] / PIX "isakmp policy N ATTR V" */
int asa_on_p1_policy(struct asa_ctx *c, size_t i)
{
        int prio;
        if (!lex_int(asa_w(c, i), 1, 65535, &prio))
                return ASA_UNKNOWN;
        asa_note_ikev1(c);
        if (c->no)
                return ASA_OK;
        struct isakmp_policy *p = p1_obtain(c, prio);
        if (!p)
                return ASA_OOM;
        if (c->n > i + 1) /* one attribute on the line (PIX 6, ASA 7.0 style) */
                return asa_dispatch_at(c, i + 1, p1_cmds, p);
        asa_open(c, p1_cmds, p, NULL);
        return ASA_OK;
}

/* ---- IKEv2 policy ------------------------------------------------------ */

static int v2_algs(struct asa_ctx *c, size_t i, bool encr, enum ike_hash *h, size_t *nh)
{
        struct ikev2_policy *p = c->obj;
        for (; i < c->n; i++) {
                const struct asa_alg *a = encr ? asa_encr_alg(c->a[i]) : asa_hash_alg(c->a[i]);
                if (!a)
                        return ASA_UNKNOWN;
                if (encr && p->nencr < 8) {
                        p->encr[p->nencr] = (enum ike_encr)a->v;
                        p->key_bits[p->nencr++] = a->bits;
                } else if (!encr && *nh < 8) {
                        h[(*nh)++] = (enum ike_hash)a->v;
                }
        }
        return ASA_OK;
}

static int v2_encryption(struct asa_ctx *c, size_t i)
{
        return v2_algs(c, i, true, NULL, NULL);
}

static int v2_integrity(struct asa_ctx *c, size_t i)
{
        struct ikev2_policy *p = c->obj;
        return v2_algs(c, i, false, p->integ, &p->ninteg);
}

static int v2_prf(struct asa_ctx *c, size_t i)
{
        struct ikev2_policy *p = c->obj;
        return v2_algs(c, i, false, p->prf, &p->nprf);
}

static int v2_group(struct asa_ctx *c, size_t i)
{
        struct ikev2_policy *p = c->obj;
        for (; i < c->n; i++) {
                int g;
                if (!lex_int(c->a[i], 1, 32, &g))
                        return ASA_UNKNOWN;
                if (p->ngroups < 8)
                        p->groups[p->ngroups++] = g;
        }
        return ASA_OK;
}

static int v2_lifetime(struct asa_ctx *c, size_t i)
{
        struct ikev2_policy *p = c->obj;
        if (kw(asa_w(c, i), "seconds") && lex_u32(asa_w(c, i + 1), 0, 2147483647u, &p->lifetime))
                return ASA_OK;
        return kw(asa_w(c, i), "seconds") && kw(asa_w(c, i + 1), "none") ? ASA_OK : ASA_UNKNOWN;
}

static const struct asa_cmd v2_cmds[] = {
    {{"encryption"}, v2_encryption}, {{"integrity"}, v2_integrity}, {{"prf"}, v2_prf},
    {{"group"}, v2_group},           {{"lifetime"}, v2_lifetime},   {{0}, NULL},
};

static int on_ikev2_policy(struct asa_ctx *c, size_t i)
{
        int prio;
        if (!lex_int(asa_w(c, i), 1, 65535, &prio))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct ikev2_policy *p = NULL;
        for (size_t k = 0; k < c->dev->ikev2_policies.n && !p; k++)
                if (((struct ikev2_policy *)c->dev->ikev2_policies.v[k])->priority == prio)
                        p = c->dev->ikev2_policies.v[k];
        if (!p) {
                p = asa_new(c, sizeof(*p));
                if (!p || !(p->name = asa_dup(c, asa_w(c, i))) ||
                    ptrvec_push(&c->dev->arena, &c->dev->ikev2_policies, p))
                        return ASA_OOM;
                p->priority = prio;
        }
        asa_open(c, v2_cmds, p, NULL);
        return ASA_OK;
}

/* ---- global IKE switches ----------------------------------------------- */

static int remove_ifref(struct ptrvec *v, const char *ifname)
{
        size_t o = 0;
        for (size_t k = 0; k < v->n; k++)
                if (strcmp(((struct iface_ref *)v->v[k])->ifname, ifname))
                        v->v[o++] = v->v[k];
        v->n = o;
        return ASA_OK;
}

/* IOS "crypto isakmp key" in a mixed paste: accepted, the key is not kept
 * (it is not an ASA command; an ASA never uses it). */
static int ios_isakmp_key(struct asa_ctx *c, size_t i)
{
        return asa_w(c, i) ? ASA_OK : ASA_UNKNOWN;
}

/* crypto isakmp|ikev1 enable IF / PIX "isakmp enable IF" */
int asa_on_ikev1_enable(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return c->no ? ASA_OK : ASA_UNKNOWN; /* IOS "no crypto isakmp enable" */
        asa_note_ikev1(c);
        if (c->no)
                return remove_ifref(&c->dev->ike.ikev1_enabled, asa_w(c, i));
        return asa_push_ifref(c, &c->dev->ike.ikev1_enabled, asa_w(c, i));
}

/* crypto ikev2 enable IF [client-services [port N]] */
static int on_ikev2_enable(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        if (c->no)
                return remove_ifref(&c->dev->ike.ikev2_enabled, asa_w(c, i));
        return asa_push_ifref(c, &c->dev->ike.ikev2_enabled, asa_w(c, i));
}

static const struct {
        const char *name;
        enum ike_identity id;
} ident_names[] = {
    {"address", IDENT_ADDRESS},
    {"hostname", IDENT_HOSTNAME},
    {"auto", IDENT_AUTO},
    {"key-id", IDENT_KEY_ID},
};

/* [crypto] isakmp identity address|hostname|auto|key-id X */
int asa_on_identity(struct asa_ctx *c, size_t i)
{
        for (size_t k = 0; k < sizeof(ident_names) / sizeof(ident_names[0]); k++)
                if (kw(asa_w(c, i), ident_names[k].name)) {
                        c->dev->ike.identity = c->no ? IDENT_UNSET : ident_names[k].id;
                        c->dev->ike.identity_loc = c->loc;
                        return ASA_OK;
                }
        return ASA_UNKNOWN;
}

/* [crypto] isakmp nat-traversal [N] / no crypto isakmp nat-traversal */
int asa_on_nat_t(struct asa_ctx *c, size_t i)
{
        struct ike_global *g = &c->dev->ike;
        int ka = 0;
        if (asa_w(c, i) && !lex_int(asa_w(c, i), 10, 3600, &ka))
                return ASA_UNKNOWN;
        g->nat_t = c->no ? TRI_OFF : TRI_ON;
        g->nat_t_explicit = true;
        g->nat_t_keepalive = ka;
        g->nat_t_loc = c->loc;
        return ASA_OK;
}

/* PIX "isakmp keepalive S [R]" */
int asa_on_keepalive(struct asa_ctx *c, size_t i)
{
        struct ike_global *g = &c->dev->ike;
        int s, r = 0;
        if (!lex_int(asa_w(c, i), 0, 3600, &s) ||
            (asa_w(c, i + 1) && !lex_int(asa_w(c, i + 1), 0, 3600, &r)))
                return ASA_UNKNOWN;
        g->keepalive = c->no ? 0 : s;
        g->keepalive_retry = c->no ? 0 : r;
        g->keepalive_loc = c->loc;
        return ASA_OK;
}

static int on_am_disable(struct asa_ctx *c, size_t i)
{
        (void)i;
        asa_note_ikev1(c);
        c->dev->ike.aggressive_mode_disabled = !c->no;
        return ASA_OK;
}

static int on_ipsec_over_tcp(struct asa_ctx *c, size_t i)
{
        (void)i;
        asa_note_ikev1(c);
        c->dev->ike.ipsec_over_tcp = !c->no;
        return ASA_OK;
}

/* Each IKEv1 global exists as "crypto isakmp X" and (8.4+) "crypto ikev1 X". */
#define IKEV1(word, fn)                                                                            \
        {{"crypto", "isakmp", word}, fn},                                                          \
        {                                                                                          \
                {"crypto", "ikev1", word}, fn                                                      \
        }

static int crypto_rest(struct asa_ctx *c, size_t i)
{
        (void)i;
        return asa_dispatch(c, asa_cmap_cmds);
}

const struct asa_cmd asa_crypto_cmds[] = {
    IKEV1("policy", asa_on_p1_policy),
    IKEV1("enable", asa_on_ikev1_enable),
    {{"crypto", "isakmp", "identity"}, asa_on_identity, SEM_PREFIX(3)},
    {{"crypto", "ikev1", "identity"}, asa_on_identity, SEM_PREFIX(3)},
    /* on by default (8.3+): "no crypto isakmp nat-traversal" is a setting */
    {{"crypto", "isakmp", "nat-traversal"}, asa_on_nat_t, SEM_PREFIX_NEG(3)},
    {{"crypto", "ikev1", "nat-traversal"}, asa_on_nat_t, SEM_PREFIX_NEG(3)},
    IKEV1("am-disable", on_am_disable),
    IKEV1("ipsec-over-tcp", on_ipsec_over_tcp),
    IKEV1("disconnect-notify", asa_known),
    IKEV1("reload-wait", asa_known),
    IKEV1("limit", asa_known),
    IKEV1("keepalive", asa_known),
    {{"crypto", "ikev2", "policy"}, on_ikev2_policy},
    {{"crypto", "ikev2", "enable"}, on_ikev2_enable},
    {{"crypto", "ikev2", "remote-access"}, asa_known},
    {{"crypto", "ikev2", "limit"}, asa_known},
    {{"crypto", "ikev2", "cookie-challenge"}, asa_known},
    {{"crypto", "ikev2", "notify"}, asa_known},
    {{"crypto", "ikev2", "redirect"}, asa_known},
    {{"crypto", "ikev2", "fragmentation"}, asa_known},
    {{"crypto", "ca"}, asa_known_block},
    {{"crypto", "isakmp", "invalid-spi-recovery"}, asa_known},
    {{"crypto", "isakmp", "nat"}, asa_known},
    {{"crypto", "isakmp", "key"}, ios_isakmp_key, SEM_FLAGS(SEM_KEY_ADDR)},
    {{"crypto", "isakmp", "profile"}, asa_known_block},
    {{"crypto", "ikev2", "keyring"}, asa_known_block},
    {{"crypto", "ikev2", "profile"}, asa_known_block},
    {{"crypto", "ikev2", "proposal"}, asa_known_block},
    {{"crypto", "keyring"}, asa_known_block},
    {{"crypto", "csr-params"}, asa_known_block},
    {{"crypto", "pki"}, asa_known_block},
    {{"crypto", "key"}, asa_known_block},
    {{"crypto", "engine"}, asa_known},
    {{"crypto", "logging"}, asa_known},
    {{"crypto"}, crypto_rest},
    {{0}, NULL},
};
