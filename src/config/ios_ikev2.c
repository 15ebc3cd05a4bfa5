/*
 * IKEv2 on IOS: crypto ikev2 proposal / policy (struct ikev2_policy),
 * keyrings with peers (PSK_IOS_IKEV2_KEYRING keys) and profiles (struct
 * isakmp_profile with ikev2 = true). The ASA spellings seen in mixed
 * files ("crypto ikev2 policy 10" with encryption lines, "crypto ikev2
 * enable IF") land in the same places.
 */
#include "ios_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ONE(...)                                                                                   \
        {                                                                                          \
                {__VA_ARGS__}, NULL, false                                                         \
        }
#define BLOCK(...)                                                                                 \
        {                                                                                          \
                {__VA_ARGS__}, NULL, true                                                          \
        }

static int proposal_or_policy(struct ios_ctx *c, bool proposal)
{
        const char *name = ios_arg(c, 0);
        if (!name)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct ikev2_policy *p = NULL;
        for (size_t i = 0; i < c->dev->ikev2_policies.n && !p; i++) {
                struct ikev2_policy *q = c->dev->ikev2_policies.v[i];
                if (q->is_proposal == proposal && !strcmp(q->name, name))
                        p = q;
        }
        if (!p) {
                p = model_alloc(c->dev, sizeof(*p));
                if (!p || !(p->name = ios_str(c, name)) ||
                    ptrvec_push(&c->dev->arena, &c->dev->ikev2_policies, p))
                        return IOS_OOM;
                p->loc = c->loc;
                p->is_proposal = proposal;
                if (!lex_int(name, 1, 65535, &p->priority))
                        p->priority = 0;
        }
        return ios_open(c, IM_IKEV2_PROPOSAL, p);
}

static int proposal(struct ios_ctx *c)
{
        return proposal_or_policy(c, true);
}

static int policy(struct ios_ctx *c)
{
        return proposal_or_policy(c, false);
}

/* IKEv2 encryption names: IOS aes-cbc-N / aes-gcm-N, ASA aes / aes-N / aes-gcm[-N]. */
static const struct {
        const char *name;
        enum ike_encr e;
        int bits;
} encrs[] = {
    {"aes-cbc-128", ENCR_AES, 128},
    {"aes-cbc-192", ENCR_AES, 192},
    {"aes-cbc-256", ENCR_AES, 256},
    {"aes-gcm-128", ENCR_AES_GCM, 128},
    {"aes-gcm-256", ENCR_AES_GCM, 256},
    {"aes-gcm-192", ENCR_AES_GCM, 192},
    {"aes", ENCR_AES, 128},
    {"aes-192", ENCR_AES, 192},
    {"aes-256", ENCR_AES, 256},
    {"aes-gcm", ENCR_AES_GCM, 128},
    {"aes-gmac", ENCR_AES_GMAC, 128},
    {"aes-gmac-192", ENCR_AES_GMAC, 192},
    {"aes-gmac-256", ENCR_AES_GMAC, 256},
    {"3des", ENCR_3DES, 0},
    {"des", ENCR_DES, 0},
    {"null", ENCR_NULL, 0},
};

static int p_encr(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        p->nencr = 0;
        if (c->neg)
                return IOS_OK;
        for (size_t i = 0; ios_arg(c, i); i++) {
                size_t k = 0;
                while (k < sizeof(encrs) / sizeof(encrs[0]) && !kw(ios_arg(c, i), encrs[k].name))
                        k++;
                if (k == sizeof(encrs) / sizeof(encrs[0]) || p->nencr == 8)
                        return IOS_UNKNOWN;
                p->encr[p->nencr] = encrs[k].e;
                p->key_bits[p->nencr++] = encrs[k].bits;
        }
        return p->nencr ? IOS_OK : IOS_UNKNOWN;
}

static const struct {
        const char *name;
        enum ike_hash h;
} hashes[] = {
    {"md5", HASH_MD5},       {"sha1", HASH_SHA1},     {"sha", HASH_SHA1},  {"sha256", HASH_SHA256},
    {"sha384", HASH_SHA384}, {"sha512", HASH_SHA512}, {"null", HASH_NONE},
};

static int hash_list(struct ios_ctx *c, enum ike_hash *out, size_t *n)
{
        *n = 0;
        if (c->neg)
                return IOS_OK;
        for (size_t i = 0; ios_arg(c, i); i++) {
                size_t k = 0;
                while (k < sizeof(hashes) / sizeof(hashes[0]) && !kw(ios_arg(c, i), hashes[k].name))
                        k++;
                if (k == sizeof(hashes) / sizeof(hashes[0]) || *n == 8)
                        return IOS_UNKNOWN;
                out[(*n)++] = hashes[k].h;
        }
        return *n ? IOS_OK : IOS_UNKNOWN;
}

static int p_integ(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        return hash_list(c, p->integ, &p->ninteg);
}

static int p_prf(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        return hash_list(c, p->prf, &p->nprf);
}

static int p_group(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        p->ngroups = 0;
        if (c->neg)
                return IOS_OK;
        for (size_t i = 0; ios_arg(c, i); i++)
                if (p->ngroups == 8 || !lex_int(ios_arg(c, i), 1, 32, &p->groups[p->ngroups++]))
                        return IOS_UNKNOWN;
        return p->ngroups ? IOS_OK : IOS_UNKNOWN;
}

static int p_proposal(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        char *s = ios_str(c, ios_arg(c, 0));
        return !s || ptrvec_push(&c->dev->arena, &p->proposals, s) ? IOS_OOM : IOS_OK;
}

static int p_match_local(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        char *s = ios_str(c, ios_arg(c, 0));
        return !s || ptrvec_push(&c->dev->arena, &p->match_addrs, s) ? IOS_OOM : IOS_OK;
}

/* IOS policy "match fvrf X|any": the front-door VRF the policy applies to
 * (Cisco FlexVPN guide, "Configuring IKEv2 Policy"); "any" takes every VRF. */
static int p_match_fvrf(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg) {
                p->match_fvrf = NULL;
                return IOS_OK;
        }
        return (p->match_fvrf = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

/* lifetime [seconds] N | lifetime seconds none (ASA) */
static int p_lifetime(struct ios_ctx *c)
{
        struct ikev2_policy *p = ios_obj(c);
        size_t i = kw(ios_arg(c, 0), "seconds") ? 1 : 0;
        if (c->neg || kw(ios_arg(c, i), "none")) {
                p->lifetime = 0;
                return IOS_OK;
        }
        return lex_u32(ios_arg(c, i), 120, 2592000, &p->lifetime) ? IOS_OK : IOS_UNKNOWN;
}

static const struct ios_cmd proposal_cmds[] = {
    {{"encryption"}, p_encr, false},
    {{"integrity"}, p_integ, false},
    {{"prf"}, p_prf, false},
    {{"group"}, p_group, false},
    {{"proposal"}, p_proposal, false},
    {{"match", "address", "local"}, p_match_local, false},
    {{"lifetime"}, p_lifetime, false},
    {{"match", "fvrf"}, p_match_fvrf, false},
    ONE("description"),
};

/* ---- keyrings --------------------------------------------------------------- */

static int keyring(struct ios_ctx *c)
{
        int rc;
        struct keyring *r = ios_named_keyring(c, &rc);
        if (!r)
                return rc;
        r->ikev2 = true;
        return ios_open(c, IM_IKEV2_KEYRING, r);
}

/* An ikev2 keyring peer block: address / hostname may come before or
 * after its pre-shared-key lines, so keys copy tmpl and address updates
 * the keys already read. */
struct peer_state {
        struct keyring *kr;
        struct psk tmpl;
        size_t first_psk; /* this peer's keys are dev->psks[first_psk..] */
};

static int peer(struct ios_ctx *c)
{
        struct keyring *kr = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct peer_state *ps = model_alloc(c->dev, sizeof(*ps));
        if (!ps)
                return IOS_OOM;
        ps->kr = kr;
        ps->first_psk = c->dev->psks.n;
        ps->tmpl.source = PSK_IOS_IKEV2_KEYRING;
        ps->tmpl.keyring = kr->name;
        ps->tmpl.mask = 0xffffffffu;
        if (!(ps->tmpl.peer_name = ios_str(c, ios_arg(c, 0))))
                return IOS_OOM;
        return ios_open(c, IM_IKEV2_PEER, ps);
}

static void peer_apply(struct ios_ctx *c, struct peer_state *ps)
{
        for (size_t i = ps->first_psk; i < c->dev->psks.n; i++) {
                struct psk *k = c->dev->psks.v[i];
                if (k->keyring != ps->kr->name)
                        continue;
                k->has_addr = ps->tmpl.has_addr;
                k->addr = ps->tmpl.addr;
                k->mask = ps->tmpl.mask;
                k->hostname = ps->tmpl.hostname;
                k->identity = ps->tmpl.identity;
        }
}

/* address A [M] | address A/len | address ipv6 ... | hostname H */
static int peer_addr(struct ios_ctx *c)
{
        struct peer_state *ps = ios_obj(c);
        const char *a = ios_arg(c, 0), *m = ios_arg(c, 1);
        uint32_t addr, mask = 0xffffffffu;
        if (!a)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        if (kw(ios_word(c, c->k0), "hostname")) {
                if (!(ps->tmpl.hostname = ios_str(c, a)))
                        return IOS_OOM;
        } else if (lex_ipv4(a, &addr) || lex_prefix(a, &addr, &mask)) {
                if (m && !lex_ipv4(m, &mask))
                        return IOS_UNKNOWN;
                ps->tmpl.has_addr = true;
                ps->tmpl.addr = addr & mask;
                ps->tmpl.mask = mask;
        } else if (!ios_is_placeholder(a) && !strchr(a, ':')) {
                return IOS_UNKNOWN; /* neither IPv4, IPv6 nor a template placeholder */
        }
        peer_apply(c, ps);
        return IOS_OK;
}

/* pre-shared-key [local|remote] [0|6] K: a "local" key is the one this
 * router signs with, a "remote" key the one it verifies the peer's AUTH
 * with; without either word the key is both (Cisco FlexVPN and IKEv2
 * Configuration Guide, "Configuring the IKEv2 Keyring", asymmetric keys). */
static int peer_psk(struct ios_ctx *c)
{
        struct peer_state *ps = ios_obj(c);
        size_t i = c->a;
        if (c->neg)
                return IOS_OK;
        struct psk k = ps->tmpl;
        if (kw(ios_word(c, i), "local") || kw(ios_word(c, i), "remote"))
                k.dir = kw(ios_word(c, i++), "local") ? PSK_LOCAL : PSK_REMOTE;
        k.loc = c->loc;
        if (!ios_secret(c, i, &k.key))
                return IOS_UNKNOWN;
        struct psk *p = model_alloc(c->dev, sizeof(*p));
        if (!p)
                return IOS_OOM;
        *p = k;
        return ptrvec_push(&c->dev->arena, &c->dev->psks, p) ? IOS_OOM : IOS_OK;
}

static const struct ios_cmd keyring_cmds[] = {
    {{"peer"}, peer, false},
    ONE("description"),
};

/* identity address A | fqdn F | email E | key-id K: the peer's IKE identity
 * that selects this peer when the router responds */
static int peer_identity(struct ios_ctx *c)
{
        struct peer_state *ps = ios_obj(c);
        if (!ios_arg(c, 1))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        if (!(ps->tmpl.identity = ios_rest(c, 0)))
                return IOS_OOM;
        peer_apply(c, ps);
        return IOS_OK;
}

static const struct ios_cmd peer_cmds[] = {
    {{"address"}, peer_addr, false},
    {{"hostname"}, peer_addr, false},
    {{"pre-shared-key"}, peer_psk, false, SEM_FLAGS(SEM_KEY_DIR)},
    {{"identity"}, peer_identity, false},
    ONE("description"),
};

/* ---- profiles ---------------------------------------------------------------- */

static int profile(struct ios_ctx *c)
{
        int rc;
        struct isakmp_profile *p = ios_named_profile(c, &rc);
        if (!p)
                return rc;
        p->ikev2 = true;
        return ios_open(c, IM_IKEV2_PROFILE, p);
}

static const struct {
        const char *name;
        unsigned bit;
} auth_methods[] = {
    {"pre-share", V2AUTH_PSK},
    {"rsa-sig", V2AUTH_RSA},
    {"ecdsa-sig", V2AUTH_ECDSA},
    {"eap", V2AUTH_EAP},
};

/* authentication local|remote pre-share|rsa-sig|ecdsa-sig|eap [key [0|6] K]
 * (Cisco FlexVPN and IKEv2 Configuration Guide, "Configuring IKEv2 Profile":
 * one local method; several "authentication remote" lines add methods). */
static int prof_auth(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *side = ios_arg(c, 0), *m = ios_arg(c, 1);
        bool local = kw(side, "local");
        const char **slot = local ? &p->local_auth : kw(side, "remote") ? &p->remote_auth : NULL;
        if (!slot || !m)
                return IOS_UNKNOWN;
        unsigned bit = 0;
        for (size_t k = 0; k < sizeof(auth_methods) / sizeof(auth_methods[0]); k++)
                if (kw(m, auth_methods[k].name))
                        bit = auth_methods[k].bit;
        /* a signature method by another name ("mldsa-sig", IOS XE 26.x): a
         * certificate method all the same (model.h, V2AUTH_SIG_OTHER) */
        size_t ml = strlen(m);
        if (!bit && ml > 4 && !strcasecmp(m + ml - 4, "-sig"))
                bit = V2AUTH_SIG_OTHER;
        if (!bit)
                return IOS_UNKNOWN;
        if (c->neg) {
                if (local)
                        p->v2_local_auth = 0, p->has_local_key = false;
                else
                        p->v2_remote_auth &= ~bit, p->has_remote_key &= bit != V2AUTH_PSK;
                *slot = NULL;
                return IOS_OK;
        }
        if (local)
                p->v2_local_auth = bit, p->local_auth_loc = c->loc;
        else
                p->v2_remote_auth |= bit, p->remote_auth_loc = c->loc;
        /* "pre-share key K": the key is kept as a salted HMAC only */
        if (bit == V2AUTH_PSK && kw(ios_arg(c, 2), "key")) {
                struct secret *k = local ? &p->local_key : &p->remote_key;
                if (!ios_secret(c, c->a + 3, k))
                        return IOS_UNKNOWN;
                *(local ? &p->has_local_key : &p->has_remote_key) = true;
        }
        return (*slot = ios_str(c, m)) ? IOS_OK : IOS_OOM;
}

/* virtual-template N (Cisco FlexVPN and IKEv2 Configuration Guide, "FlexVPN
 * Server": the virtual-access interface of a session is cloned from
 * interface Virtual-Template N) */
static int prof_vtemplate(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *n = ios_arg(c, 0);
        char name[64];
        if (c->neg) {
                p->virtual_template = NULL;
                return IOS_OK;
        }
        if (!n || strlen(n) > 20 || strspn(n, "0123456789") != strlen(n))
                return IOS_UNKNOWN;
        snprintf(name, sizeof(name), "Virtual-Template%s", n);
        return (p->virtual_template = ios_str(c, name)) ? IOS_OK : IOS_OOM;
}

/* aaa authorization group|user psk|eap|cert [override] list L [POLICY]: the
 * authorization policy whose attributes (pool, ...) the peer gets (Cisco
 * FlexVPN and IKEv2 Configuration Guide, "Configuring IKEv2 Profile"). Other
 * "aaa" lines (authentication, accounting, "... cached") are known. */
static int prof_aaa(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (c->neg || !kw(ios_arg(c, 0), "authorization"))
                return IOS_OK;
        size_t n = ios_nargs(c);
        for (size_t k = 1; k + 2 < n; k++) {
                if (!kw(ios_arg(c, k), "list"))
                        continue;
                char *name = ios_str(c, ios_arg(c, k + 2));
                return !name || ptrvec_push(&c->dev->arena, &p->authz_policies, name) ? IOS_OOM
                                                                                      : IOS_OK;
        }
        return IOS_OK;
}

static int prof_fvrf(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        if (c->neg) {
                p->match_fvrf = NULL;
                return IOS_OK;
        }
        return (p->match_fvrf = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

/* pki trustpoint TP [sign|verify] */
static int prof_pki(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *tp = ios_arg(c, 1);
        if (!kw(ios_arg(c, 0), "trustpoint") || !tp)
                return IOS_UNKNOWN;
        if (c->neg) {
                p->trustpoints.n = 0;
                return IOS_OK;
        }
        char *s = ios_str(c, tp);
        if (!s || ptrvec_push(&c->dev->arena, &p->trustpoints, s))
                return IOS_OOM;
        p->trustpoint_loc = c->loc;
        return IOS_OK;
}

/* lifetime S (120-86400) */
static int prof_lifetime(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (c->neg) {
                p->v2_lifetime = 0;
                return IOS_OK;
        }
        return lex_u32(ios_arg(c, 0), 120, 86400, &p->v2_lifetime) ? IOS_OK : IOS_UNKNOWN;
}

/* identity local address A | fqdn F | email E | dn | key-id K */
static int prof_identity(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        const char *w = ios_arg(c, 1);
        if (!kw(ios_arg(c, 0), "local") || !w)
                return IOS_UNKNOWN;
        if (c->neg) {
                p->local_id = IDENT_UNSET, p->local_id_text = NULL;
                return IOS_OK;
        }
        p->local_id = kw(w, "address")  ? IDENT_ADDRESS
                      : kw(w, "dn")     ? IDENT_DN
                      : kw(w, "key-id") ? IDENT_KEY_ID
                                        : IDENT_HOSTNAME; /* fqdn, email */
        return (p->local_id_text = ios_rest(c, 1)) ? IOS_OK : IOS_OOM;
}

/* The isakmp-profile sub-commands that IKEv2 profiles share. */
static int shared(struct ios_ctx *c)
{
        return ios_sub_dispatch(c, IM_ISAKMP_PROFILE, ios_obj(c), c->k0);
}

/* dpd INTERVAL RETRY on-demand|periodic */
static int prof_dpd(struct ios_ctx *c)
{
        struct isakmp_profile *p = ios_obj(c);
        if (c->neg) {
                p->keepalive = 0, p->dpd_retry = 0;
                return IOS_OK;
        }
        if (!lex_int(ios_arg(c, 0), 10, 3600, &p->keepalive))
                return IOS_UNKNOWN;
        if (ios_arg(c, 1) && !lex_int(ios_arg(c, 1), 2, 60, &p->dpd_retry))
                return IOS_UNKNOWN;
        p->dpd_periodic = kw(ios_arg(c, 2), "periodic");
        p->dpd_loc = c->loc;
        return IOS_OK;
}

static const struct ios_cmd profile_cmds[] = {
    {{"authentication"}, prof_auth, false, SEM_MASK(0x7)}, /* one line per side+method */
    {{"match", "identity"}, shared, false},
    {{"keyring"}, shared, false},
    {{"dpd"}, prof_dpd, false},
    {{"vrf"}, shared, false},
    {{"match", "fvrf"}, prof_fvrf, false},
    {{"pki"}, prof_pki, false},
    {{"lifetime"}, prof_lifetime, false},
    {{"identity"}, prof_identity, false},
    ONE("match", "address", "local"),
    ONE("match", "certificate"),
    ONE("ivrf"),
    ONE("nat"),
    ONE("description"),
    {{"virtual-template"}, prof_vtemplate, false},
    {{"aaa"}, prof_aaa, false},
    ONE("config-exchange"),
    ONE("redirect"),
    ONE("shutdown"),
};

/* crypto ikev2 authorization policy NAME: the attributes (pool, DNS,
 * routes) an IKEv2 profile hands to the peer when its "aaa authorization
 * ... list L NAME" names the policy (Cisco FlexVPN and IKEv2 Configuration
 * Guide, "Configuring IKEv2 Authorization Policy"). Only "pool" is
 * modelled; the other attributes are known. */
static int authz_policy(struct ios_ctx *c)
{
        const char *name = ios_arg(c, 1);
        if (!kw(ios_arg(c, 0), "policy") || !name || ios_arg(c, 2))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct ikev2_authz *a = model_alloc(c->dev, sizeof(*a));
        if (!a || !(a->name = ios_str(c, name)) ||
            ptrvec_push(&c->dev->arena, &c->dev->ikev2_authz, a))
                return IOS_OOM;
        a->loc = c->loc;
        return ios_open(c, IM_IKEV2_AUTHZ, a);
}

static int authz_pool(struct ios_ctx *c)
{
        struct ikev2_authz *a = ios_obj(c);
        const char *p = ios_arg(c, 0);
        if (c->neg) {
                a->pool = NULL;
                return IOS_OK;
        }
        if (!p || ios_arg(c, 1))
                return IOS_UNKNOWN;
        a->pool_loc = c->loc;
        return (a->pool = ios_str(c, p)) ? IOS_OK : IOS_OOM;
}

static const struct ios_cmd authz_cmds[] = {
    {{"pool"}, authz_pool, false, SEM_PREFIX(1)},
    ONE("dns"),
    ONE("netmask"),
    ONE("route"),
    ONE("def-domain"),
    ONE("split-dns"),
    ONE("wins"),
    ONE("banner"),
    ONE("backup-gateway"),
    ONE("include-local-lan"),
    ONE("max-logins"),
    ONE("pfs"),
    ONE("save-password"),
    ONE("subnet-acl"),
    ONE("ipv6"),
    ONE("session-lifetime"),
    ONE("configuration"),
    ONE("firewall"),
    ONE("smartdefaults"),
    ONE("user"),
    ONE("vrf"),
    ONE("ip"),
    ONE("interface"),
    ONE("aaa"),
    ONE("dhcp"),
};

/* ASA: crypto ikev2 enable IF [client-services ...] */
static int enable(struct ios_ctx *c)
{
        const char *ifn = ios_arg(c, 0);
        if (!ifn)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct iface_ref *r = model_alloc(c->dev, sizeof(*r));
        if (!r || !(r->ifname = ios_str(c, ifn)))
                return IOS_OOM;
        r->loc = c->loc;
        return ptrvec_push(&c->dev->arena, &c->dev->ike.ikev2_enabled, r) ? IOS_OOM : IOS_OK;
}

static const struct ios_cmd top_cmds[] = {
    {{"crypto", "ikev2", "proposal"}, proposal, false},
    {{"crypto", "ikev2", "policy"}, policy, false},
    {{"crypto", "ikev2", "keyring"}, keyring, false},
    {{"crypto", "ikev2", "profile"}, profile, false},
    {{"crypto", "ikev2", "enable"}, enable, false},
    {{"crypto", "ikev2", "authorization"}, authz_policy, false},
    BLOCK("crypto", "ikev2", "client"),
    BLOCK("crypto", "ikev2", "name-mangler"),
    BLOCK("crypto", "ikev2", "remote-access"),
    ONE("crypto", "ikev2", "dpd"),
    ONE("crypto", "ikev2", "nat"),
    ONE("crypto", "ikev2", "cookie-challenge"),
    ONE("crypto", "ikev2", "limit"),
    ONE("crypto", "ikev2", "diagnose"),
    ONE("crypto", "ikev2", "http-url"),
    ONE("crypto", "ikev2", "fragmentation"),
    ONE("crypto", "ikev2", "redirect"),
    ONE("crypto", "ikev2", "certificate-cache"),
    ONE("crypto", "ikev2", "window"),
};

IOS_TAB(ios_top_ikev2, top_cmds);
IOS_TAB(ios_sub_ikev2_proposal, proposal_cmds);
IOS_TAB(ios_sub_ikev2_keyring, keyring_cmds);
IOS_TAB(ios_sub_ikev2_peer, peer_cmds);
IOS_TAB(ios_sub_ikev2_profile, profile_cmds);
IOS_TAB(ios_sub_ikev2_authz, authz_cmds);
