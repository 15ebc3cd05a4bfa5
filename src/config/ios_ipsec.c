/*
 * IPsec phase 2 on IOS: transform sets, crypto maps and dynamic maps (with
 * their map-level XAUTH / local-address settings), ipsec profiles and the
 * global "crypto ipsec ..." SA settings.
 *
 * The ASA one-line form "crypto map M 10 set peer A" (seen in mixed files)
 * runs the rest of the line as a sub-command of entry 10.
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

/* ---- transform sets ------------------------------------------------------ */

enum tf_kind { TF_ENCR, TF_ESP_HASH, TF_AH, TF_COMP };

/* Transform names of "crypto ipsec transform-set" (Cisco IOS Security Command
 * Reference, crypto ipsec transform-set). bits: default key size; an
 * esp-aes / esp-gcm without a size word is 128-bit per that reference. */
static const struct {
        const char *name;
        enum tf_kind kind;
        int v; /* enum ike_encr or enum ike_hash */
        int bits;
} transforms[] = {
    {"esp-des", TF_ENCR, ENCR_DES, 0},
    {"esp-3des", TF_ENCR, ENCR_3DES, 0},
    {"esp-aes", TF_ENCR, ENCR_AES, 128},
    {"esp-aes-128", TF_ENCR, ENCR_AES, 128},
    {"esp-aes-192", TF_ENCR, ENCR_AES, 192},
    {"esp-aes-256", TF_ENCR, ENCR_AES, 256},
    {"esp-gcm", TF_ENCR, ENCR_AES_GCM, 128},
    {"esp-gmac", TF_ENCR, ENCR_AES_GMAC, 128},
    {"esp-null", TF_ENCR, ENCR_NULL, 0},
    {"esp-seal", TF_ENCR, ENCR_SEAL, 160},
    {"esp-md5-hmac", TF_ESP_HASH, HASH_MD5, 0},
    {"esp-sha-hmac", TF_ESP_HASH, HASH_SHA1, 0},
    {"esp-sha256-hmac", TF_ESP_HASH, HASH_SHA256, 0},
    {"esp-sha384-hmac", TF_ESP_HASH, HASH_SHA384, 0},
    {"esp-sha512-hmac", TF_ESP_HASH, HASH_SHA512, 0},
    {"esp-none", TF_ESP_HASH, HASH_NONE, 0},
    {"ah-md5-hmac", TF_AH, HASH_MD5, 0},
    {"ah-sha-hmac", TF_AH, HASH_SHA1, 0},
    {"ah-sha256-hmac", TF_AH, HASH_SHA256, 0},
    {"ah-sha384-hmac", TF_AH, HASH_SHA384, 0},
    {"ah-sha512-hmac", TF_AH, HASH_SHA512, 0},
    {"comp-lzs", TF_COMP, 0, 0},
};

static int add_transform(struct transform_set *t, size_t k, const char *size_word, bool *used)
{
        int bits = transforms[k].bits;
        *used = false;
        switch (transforms[k].kind) {
        case TF_ENCR:
                if (t->nesp_encr == 8)
                        return IOS_UNKNOWN;
                if (size_word && lex_int(size_word, 128, 256, &bits))
                        *used = true;
                t->esp_encr[t->nesp_encr] = (enum ike_encr)transforms[k].v;
                t->esp_key_bits[t->nesp_encr++] = bits;
                return IOS_OK;
        case TF_ESP_HASH:
                if (t->nesp_hash == 8)
                        return IOS_UNKNOWN;
                t->esp_hash[t->nesp_hash++] = (enum ike_hash)transforms[k].v;
                return IOS_OK;
        case TF_AH:
                t->ah_hash = (enum ike_hash)transforms[k].v;
                return IOS_OK;
        case TF_COMP:
                t->comp_lzs = true;
                return IOS_OK;
        }
        return IOS_UNKNOWN;
}

static int transform_set(struct ios_ctx *c)
{
        const char *name = ios_arg(c, 0);
        if (!name || (!c->neg && !ios_arg(c, 1)))
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct transform_set *t = model_obtain_tset(c->dev, name, &c->loc);
        if (!t)
                return IOS_OOM;
        t->loc = c->loc; /* redefinition replaces the transforms */
        t->nesp_encr = t->nesp_hash = 0;
        t->ah_hash = HASH_NONE;
        t->comp_lzs = false;
        for (size_t i = 1; ios_arg(c, i); i++) {
                size_t k = 0;
                while (k < sizeof(transforms) / sizeof(transforms[0]) &&
                       !kw(ios_arg(c, i), transforms[k].name))
                        k++;
                bool used;
                if (k == sizeof(transforms) / sizeof(transforms[0]) ||
                    add_transform(t, k, ios_arg(c, i + 1), &used))
                        return IOS_UNKNOWN;
                i += used;
        }
        if (!(t->text = ios_rest(c, 1)))
                return IOS_OOM;
        return ios_open(c, IM_TSET, t);
}

static int tset_mode(struct ios_ctx *c)
{
        struct transform_set *t = ios_obj(c);
        const char *m = ios_arg(c, 0);
        if (c->neg) {
                t->mode = MODE_TUNNEL;
                t->mode_explicit = false;
                return IOS_OK;
        }
        if (kw(m, "tunnel"))
                t->mode = MODE_TUNNEL;
        else if (kw(m, "transport"))
                t->mode = MODE_TRANSPORT;
        else
                return IOS_UNKNOWN;
        t->mode_require = t->mode == MODE_TRANSPORT && kw(ios_arg(c, 1), "require");
        t->mode_explicit = true;
        t->mode_loc = c->loc;
        return IOS_OK;
}

static const struct ios_cmd tset_cmds[] = {
    {{"mode"}, tset_mode, false, SEM_PREFIX(1)},
};

/* ---- set security-association lifetime, shared -------------------------------- */

static int sa_lifetime(struct ios_ctx *c, size_t i, uint32_t *sec, uint32_t *kb)
{
        const char *unit = ios_arg(c, i), *v = ios_arg(c, i + 1);
        uint32_t n;
        if (kw(v, "disable")) /* "kilobytes disable": no volume limit */
                return kw(unit, "kilobytes") ? IOS_OK : IOS_UNKNOWN;
        if (kw(unit, "seconds") && lex_u32(v, 60, 86400 * 365, &n))
                *sec = n;
        else if (kw(unit, "kilobytes") && lex_u32(v, 1, 0xffffffffu, &n))
                *kb = n;
        else if (kw(unit, "days") && lex_u32(v, 1, 365, &n))
                *sec = n * 86400;
        else
                return IOS_UNKNOWN;
        return IOS_OK;
}

/* ---- crypto map entries --------------------------------------------------- */

static int cm_peer(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        const char *a = ios_arg(c, 0);
        if (!a)
                return IOS_UNKNOWN;
        struct cm_peer *p = model_alloc(c->dev, sizeof(*p));
        if (!p || !(p->text = ios_str(c, a)))
                return IOS_OOM;
        p->loc = c->loc;
        p->is_addr = lex_ipv4(a, &p->addr);
        if (c->neg) { /* "no set peer A" removes that peer */
                size_t out = 0;
                for (size_t i = 0; i < e->peers.n; i++) {
                        struct cm_peer *q = e->peers.v[i];
                        if (strcmp(q->text, p->text))
                                e->peers.v[out++] = q;
                }
                e->peers.n = out;
                return IOS_OK;
        }
        for (size_t i = 1; ios_arg(c, i); i++)
                if (!kw(ios_arg(c, i), "default") && !kw(ios_arg(c, i), "dynamic"))
                        return IOS_UNKNOWN;
        return ptrvec_push(&c->dev->arena, &e->peers, p) ? IOS_OOM : IOS_OK;
}

static int push_names(struct ios_ctx *c, struct ptrvec *v, size_t from)
{
        v->n = 0; /* a new "set transform-set" line replaces the list */
        if (!ios_arg(c, from))
                return IOS_UNKNOWN;
        for (size_t i = from; ios_arg(c, i); i++) {
                char *s = ios_str(c, ios_arg(c, i));
                if (!s || ptrvec_push(&c->dev->arena, v, s))
                        return IOS_OOM;
        }
        return IOS_OK;
}

static int cm_tset(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        if (c->neg) {
                e->tsets.n = 0;
                return IOS_OK;
        }
        e->tsets_loc = c->loc;
        return push_names(c, &e->tsets, 0);
}

static int cm_ikev2_proposal(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        if (c->neg) {
                e->ikev2_proposals.n = 0;
                return IOS_OK;
        }
        e->ikev2_proposals_loc = c->loc;
        return push_names(c, &e->ikev2_proposals, 0);
}

/* set pfs [groupN]: without a group IOS uses group1 (Cisco IOS Security
 * Command Reference, "set pfs": "By default, group1 is used"). */
static int cm_pfs(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        int g = 1;
        if (c->neg) {
                e->pfs_set = false;
                e->pfs_group = PFS_NONE;
                return IOS_OK;
        }
        if (ios_arg(c, 0) && ios_pfs_group(ios_arg(c, 0), &g))
                return IOS_UNKNOWN;
        e->pfs_set = true;
        e->pfs_group = g;
        e->pfs_loc = c->loc;
        return IOS_OK;
}

static int cm_match(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        if (c->neg) {
                e->match_acl = NULL;
                return IOS_OK;
        }
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        e->match_loc = c->loc;
        return (e->match_acl = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

static int cm_rri(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        e->reverse_route = !c->neg;
        e->reverse_route_loc = c->loc;
        return IOS_OK;
}

static int cm_lifetime(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        if (c->neg) {
                e->lifetime_sec = e->lifetime_kb = 0;
                return IOS_OK;
        }
        e->lifetime_loc = c->loc;
        return sa_lifetime(c, 0, &e->lifetime_sec, &e->lifetime_kb);
}

static int cm_profile(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        const char **slot =
            kw(ios_word(c, c->k0 + 1), "ikev2-profile") ? &e->ikev2_profile : &e->isakmp_profile;
        if (c->neg) {
                *slot = NULL;
                return IOS_OK;
        }
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        return (*slot = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

static int cm_nat_t_disable(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        e->nat_t_disable = !c->neg;
        return IOS_OK;
}

static int cm_string(struct ios_ctx *c)
{
        struct crypto_map_entry *e = ios_obj(c);
        const char *k = ios_word(c, c->k0 + 1);
        if (kw(k, "phase1-mode")) {
                e->phase1_aggressive = !c->neg && kw(ios_arg(c, 0), "aggressive");
                e->phase1_loc = c->loc;
                return IOS_OK;
        }
        const char **slot = kw(k, "trustpoint") ? &e->trustpoint : &e->connection_type;
        if (c->neg) {
                *slot = NULL;
                return IOS_OK;
        }
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        return (*slot = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

static const struct ios_cmd cmap_cmds[] = {
    {{"set", "peer"}, cm_peer, false},
    {{"set", "transform-set"}, cm_tset, false, SEM_PREFIX(2)},
    {{"set", "ikev1", "transform-set"}, cm_tset, false, SEM_PREFIX(3)},
    {{"set", "ikev2", "ipsec-proposal"}, cm_ikev2_proposal, false},
    {{"set", "pfs"}, cm_pfs, false, SEM_PREFIX(2)},
    {{"match", "address"}, cm_match, false, SEM_PREFIX(2)},
    {{"reverse-route"}, cm_rri, false},
    {{"set", "reverse-route"}, cm_rri, false},
    {{"set", "security-association", "lifetime"}, cm_lifetime, false, SEM_PREFIX(4)},
    {{"set", "isakmp-profile"}, cm_profile, false, SEM_PREFIX(2)},
    {{"set", "ikev2-profile"}, cm_profile, false},
    {{"set", "nat-t-disable"}, cm_nat_t_disable, false},
    {{"set", "connection-type"}, cm_string, false},
    {{"set", "trustpoint"}, cm_string, false},
    {{"set", "phase1-mode"}, cm_string, false},
    ONE("set", "security-association"),
    ONE("set", "nat", "demux"),
    ONE("set", "inject-route"),
    ONE("set", "ikev2", "pre-shared-key"), /* ASA: a secret, never kept */
    ONE("set", "reverse-route"),
    ONE("set", "session-key"),
    ONE("set", "udp"),
    ONE("description"),
    ONE("qos", "pre-classify"),
    ONE("match", "address"),
    ONE("set", "group"),
    ONE("client"),
    ONE("set", "peer"),
};

/* crypto map NAME SEQ [ipsec-isakmp [dynamic D] [discover] | ipsec-manual | gdoi] */
static int cmap_entry(struct ios_ctx *c, struct crypto_map *m, bool dynamic)
{
        int seq;
        if (!lex_int(ios_arg(c, 1), 1, 65535, &seq))
                return IOS_UNKNOWN;
        if (c->neg) { /* "no crypto map M 10 [ipsec-isakmp]": never creates the entry */
                for (size_t i = 0; i < m->entries.n; i++)
                        if (((struct crypto_map_entry *)m->entries.v[i])->seq == seq)
                                m->entries.v[i] = m->entries.v[--m->entries.n];
                return IOS_OK;
        }
        struct crypto_map_entry *e = model_cmap_entry(c->dev, m, seq, &c->loc);
        if (!e)
                return IOS_OOM;
        const char *type = ios_arg(c, 2);
        if (type && !kw(type, "ipsec-isakmp") && !kw(type, "ipsec-manual") && !kw(type, "gdoi")) {
                /* a sub-command glued behind the entry ("crypto dynamic-map D 10
                 * set transform-set T"): the entry stays open for the next ones */
                int rc = ios_open(c, IM_CMAP, e);
                return rc == IOS_OK ? ios_sub_dispatch(c, IM_CMAP, e, c->a + 2) : rc;
        }
        e->ipsec_isakmp = !type || kw(type, "ipsec-isakmp");
        e->ipsec_manual = kw(type, "ipsec-manual");
        e->gdoi = kw(type, "gdoi");
        for (size_t i = 3; ios_arg(c, i); i++) {
                const char *s = ios_arg(c, i);
                if (kw(s, "dynamic") && ios_arg(c, i + 1) && !dynamic) {
                        e->is_dynamic_ref = true;
                        if (!(e->dynamic_map = ios_str(c, ios_arg(c, ++i))))
                                return IOS_OOM;
                } else if (kw(s, "profile") && ios_arg(c, i + 1)) {
                        if (!(e->isakmp_profile = ios_str(c, ios_arg(c, ++i))))
                                return IOS_OOM;
                } else if (!kw(s, "discover")) {
                        return IOS_UNKNOWN;
                }
        }
        return ios_open(c, IM_CMAP, e);
}

/* Map-level settings: crypto map NAME client|isakmp|local-address|... */
static int cmap_global(struct ios_ctx *c, struct crypto_map *m)
{
        const char *k = ios_arg(c, 1), *a = ios_arg(c, 2), *b = ios_arg(c, 3), *d = ios_arg(c, 4);
        if (kw(k, "local-address") && a) {
                m->local_address = c->neg ? NULL : ios_str(c, a);
                m->local_address_loc = c->loc;
                return c->neg || m->local_address ? IOS_OK : IOS_OOM;
        }
        if (kw(k, "client") && kw(a, "authentication") && kw(b, "list") && d) {
                m->client_auth_list = c->neg ? NULL : ios_str(c, d);
                m->client_auth_loc = c->loc;
                return c->neg || m->client_auth_list ? IOS_OK : IOS_OOM;
        }
        if (kw(k, "client") && kw(a, "configuration") && kw(b, "address")) {
                bool *slot = kw(d, "respond")    ? &m->client_config_respond
                             : kw(d, "initiate") ? &m->client_config_initiate
                                                 : NULL;
                if (!slot)
                        return IOS_UNKNOWN;
                *slot = !c->neg;
                return IOS_OK;
        }
        if (kw(k, "isakmp") && kw(a, "authorization") && kw(b, "list") && d) {
                m->isakmp_authorization_list = c->neg ? NULL : ios_str(c, d);
                return c->neg || m->isakmp_authorization_list ? IOS_OK : IOS_OOM;
        }
        if (kw(k, "interface") && a) { /* ASA binding in a mixed file */
                struct crypto_map_binding *bd = model_alloc(c->dev, sizeof(*bd));
                if (!bd || !(bd->ifname = ios_str(c, a)))
                        return IOS_OOM;
                bd->loc = c->loc;
                bd->map = m->name;
                return ptrvec_push(&c->dev->arena, &c->dev->cmap_bindings, bd) ? IOS_OOM : IOS_OK;
        }
        if (kw(k, "redundancy") || kw(k, "isakmp-profile") || kw(k, "gdoi") || kw(k, "isakmp"))
                return IOS_OK;
        return IOS_UNKNOWN;
}

static int crypto_map_cmd(struct ios_ctx *c, bool dynamic)
{
        const char *name = ios_arg(c, 0);
        if (!name || !ios_arg(c, 1))
                return IOS_UNKNOWN;
        /* "no crypto map M ..." removes from what exists; it creates nothing */
        if (c->neg && !model_find_cmap(c->dev, name, dynamic))
                return IOS_OK;
        struct crypto_map *m = model_obtain_cmap(c->dev, name, dynamic, &c->loc);
        if (!m)
                return IOS_OOM;
        uint32_t seq;
        if (lex_u32(ios_arg(c, 1), 1, 65535, &seq))
                return cmap_entry(c, m, dynamic);
        return dynamic ? IOS_UNKNOWN : cmap_global(c, m);
}

static int crypto_map(struct ios_ctx *c)
{
        return crypto_map_cmd(c, false);
}

static int dynamic_map(struct ios_ctx *c)
{
        return crypto_map_cmd(c, true);
}

/* ---- crypto ipsec profile ------------------------------------------------ */

static int ipsec_profile(struct ios_ctx *c)
{
        const char *name = ios_arg(c, 0);
        if (!name)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct ipsec_profile *p = model_obtain_ipsec_profile(c->dev, name, &c->loc);
        if (!p)
                return IOS_OOM;
        return ios_open(c, IM_IPSEC_PROFILE, p);
}

static int ip_tset(struct ios_ctx *c)
{
        struct ipsec_profile *p = ios_obj(c);
        if (c->neg) {
                p->tsets.n = 0;
                return IOS_OK;
        }
        return push_names(c, &p->tsets, 0);
}

static int ip_pfs(struct ios_ctx *c)
{
        struct ipsec_profile *p = ios_obj(c);
        int g = 1; /* group1 when none is named, as for crypto maps (set pfs) */
        if (c->neg) {
                p->pfs_set = false;
                p->pfs_group = PFS_NONE;
                return IOS_OK;
        }
        if (ios_arg(c, 0) && ios_pfs_group(ios_arg(c, 0), &g))
                return IOS_UNKNOWN;
        p->pfs_set = true;
        p->pfs_group = g;
        return IOS_OK;
}

static int ip_lifetime(struct ios_ctx *c)
{
        struct ipsec_profile *p = ios_obj(c);
        if (c->neg) {
                p->lifetime_sec = p->lifetime_kb = 0;
                return IOS_OK;
        }
        return sa_lifetime(c, 0, &p->lifetime_sec, &p->lifetime_kb);
}

static int ip_profile(struct ios_ctx *c)
{
        struct ipsec_profile *p = ios_obj(c);
        const char **slot =
            kw(ios_word(c, c->k0 + 1), "ikev2-profile") ? &p->ikev2_profile : &p->isakmp_profile;
        if (c->neg) {
                *slot = NULL;
                return IOS_OK;
        }
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        return (*slot = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

static const struct ios_cmd ipsec_profile_cmds[] = {
    {{"set", "transform-set"}, ip_tset, false, SEM_PREFIX(2)},
    {{"set", "pfs"}, ip_pfs, false, SEM_PREFIX(2)},
    {{"set", "security-association", "lifetime"}, ip_lifetime, false, SEM_PREFIX(4)},
    {{"set", "ikev2-profile"}, ip_profile, false},
    {{"set", "isakmp-profile"}, ip_profile, false},
    ONE("set", "security-association"),
    ONE("set", "reverse-route"),
    ONE("set", "mixed-mode"),
    ONE("responder-only"),
    ONE("description"),
    ONE("redundancy"),
};

/* ---- global SA settings --------------------------------------------------- */

static int sa_global(struct ios_ctx *c)
{
        struct ipsec_global *g = &c->dev->ipsec;
        const char *k = ios_arg(c, 0);
        int n;
        if (kw(k, "lifetime")) {
                uint32_t sec = 0, kb = 0;
                if (c->neg)
                        return IOS_OK;
                int rc = sa_lifetime(c, 1, &sec, &kb);
                g->lifetime_sec_explicit |= sec != 0;
                g->lifetime_kb_explicit |= kb != 0;
                g->lifetime_sec = sec ? sec : g->lifetime_sec;
                g->lifetime_kb = kb ? kb : g->lifetime_kb;
                g->lifetime_loc = c->loc;
                return rc;
        }
        if (kw(k, "idle-time")) {
                if (c->neg) {
                        g->idle_time = 0;
                        return IOS_OK;
                }
                if (!lex_int(ios_arg(c, 1), 60, 86400, &n))
                        return IOS_UNKNOWN;
                g->idle_time = n;
                g->idle_time_loc = c->loc;
                return IOS_OK;
        }
        if (kw(k, "replay")) {
                g->replay_loc = c->loc;
                if (kw(ios_arg(c, 1), "disable")) {
                        g->replay_disabled = !c->neg;
                        return IOS_OK;
                }
                if (kw(ios_arg(c, 1), "window-size")) {
                        if (c->neg || !ios_arg(c, 2)) {
                                g->replay_window = 0;
                                return IOS_OK;
                        }
                        return lex_int(ios_arg(c, 2), 64, 1024, &g->replay_window) ? IOS_OK
                                                                                   : IOS_UNKNOWN;
                }
                return IOS_UNKNOWN;
        }
        if (kw(k, "pmtu-aging") || kw(k, "dummy") || kw(k, "multi-sn"))
                return IOS_OK;
        return IOS_UNKNOWN;
}

static int df_bit(struct ios_ctx *c)
{
        const char *v = ios_arg(c, 0);
        if (!kw(v, "clear") && !kw(v, "set") && !kw(v, "copy"))
                return IOS_UNKNOWN;
        c->dev->ipsec.df_bit = c->neg ? NULL : ios_str(c, v);
        return c->neg || c->dev->ipsec.df_bit ? IOS_OK : IOS_OOM;
}

/* "no crypto ipsec nat-transparency udp-encapsulation" turns NAT-T off. */
static int nat_transparency(struct ios_ctx *c)
{
        struct ike_global *g = &c->dev->ike;
        if (kw(ios_arg(c, 0), "spi-matching"))
                return IOS_OK;
        if (!kw(ios_arg(c, 0), "udp-encapsulation"))
                return IOS_UNKNOWN;
        g->nat_t = c->neg ? TRI_OFF : TRI_ON;
        g->nat_t_explicit = true;
        g->nat_t_loc = c->loc;
        return IOS_OK;
}

static const struct ios_cmd top_cmds[] = {
    {{"crypto", "ipsec", "transform-set"}, transform_set, false, SEM_PREFIX(4)},
    {{"crypto", "ipsec", "ikev1", "transform-set"}, transform_set, false, SEM_PREFIX(5)},
    {{"crypto", "map"}, crypto_map, false, SEM_FLAGS(SEM_KEY_NUMBERED)},
    {{"crypto", "dynamic-map"}, dynamic_map, false, SEM_FLAGS(SEM_KEY_NUMBERED)},
    {{"crypto", "ipsec", "profile"}, ipsec_profile, false},
    {{"crypto", "ipsec", "security-association"}, sa_global, false, SEM_PREFIX(5)},
    {{"crypto", "ipsec", "df-bit"}, df_bit, false},
    {{"crypto", "ipsec", "nat-transparency"}, nat_transparency, false},
    BLOCK("crypto", "ipsec", "ikev2"),
    BLOCK("crypto", "ipsec", "client"),
    ONE("crypto", "ipsec", "fragmentation"),
    ONE("crypto", "ipsec", "optional"),
    ONE("crypto", "ipsec", "ipv4-deny"),
    ONE("crypto", "ipsec", "selector"),
};

IOS_TAB(ios_top_ipsec, top_cmds);
IOS_TAB(ios_sub_tset, tset_cmds);
IOS_TAB(ios_sub_cmap, cmap_cmds);
IOS_TAB(ios_sub_ipsec_profile, ipsec_profile_cmds);
