/*
 * Phase 2 on the ASA: transform sets (7.x "crypto ipsec transform-set",
 * 8.4+ "crypto ipsec ikev1 transform-set"), IKEv2 ipsec-proposals, global
 * IPsec SA settings, crypto maps, dynamic maps and their bindings.
 */
#include "asa.h"

#include <string.h>
#include <strings.h>

/* ---- transform sets ----------------------------------------------------- */

struct transform {
        const char *name;
        bool encr; /* an encryption transform, else integrity */
        int v;
        int bits;
};

/* The ESP transforms of ASA IKEv1 transform sets. */
static const struct transform transforms[] = {
    {"esp-des", true, ENCR_DES, 0},
    {"esp-3des", true, ENCR_3DES, 0},
    {"esp-aes", true, ENCR_AES, 128},
    {"esp-aes-192", true, ENCR_AES, 192},
    {"esp-aes-256", true, ENCR_AES, 256},
    {"esp-null", true, ENCR_NULL, 0},
    {"esp-md5-hmac", false, HASH_MD5, 0},
    {"esp-sha-hmac", false, HASH_SHA1, 0},
    {"esp-sha256-hmac", false, HASH_SHA256, 0},
    {"esp-sha384-hmac", false, HASH_SHA384, 0},
    {"esp-sha512-hmac", false, HASH_SHA512, 0},
    {"esp-none", false, HASH_NONE, 0},
};

static const struct transform *find_transform(const char *s)
{
        for (size_t i = 0; i < sizeof(transforms) / sizeof(transforms[0]); i++)
                if (kw(s, transforms[i].name))
                        return &transforms[i];
        return NULL;
}

/* crypto ipsec [ikev1] transform-set NAME T1 [T2] | NAME mode transport|tunnel */
static int on_tset(struct asa_ctx *c, size_t i)
{
        const char *name = asa_w(c, i);
        if (!name || !asa_w(c, i + 1))
                return ASA_UNKNOWN;
        asa_note_ikev1(c);
        if (c->no)
                return ASA_OK;
        struct transform_set *t = model_obtain_tset(c->dev, name, &c->loc);
        if (!t)
                return ASA_OOM;
        if (kw(asa_w(c, i + 1), "mode")) {
                bool tr = kw(asa_w(c, i + 2), "transport");
                if (!tr && !kw(asa_w(c, i + 2), "tunnel"))
                        return ASA_UNKNOWN;
                t->mode = tr ? MODE_TRANSPORT : MODE_TUNNEL;
                t->mode_explicit = true;
                t->mode_loc = c->loc;
                return ASA_OK;
        }
        t->loc = c->loc;
        t->nesp_encr = t->nesp_hash = 0;
        for (size_t k = i + 1; k < c->n; k++) {
                const struct transform *x = find_transform(c->a[k]);
                int bits;
                if (!x && t->nesp_encr && t->esp_encr[t->nesp_encr - 1] == ENCR_AES &&
                    lex_int(c->a[k], 128, 256, &bits)) {
                        t->esp_key_bits[t->nesp_encr - 1] = bits; /* "esp-aes 256" spelling */
                        continue;
                }
                if (!x)
                        return ASA_UNKNOWN;
                if (x->encr && t->nesp_encr < 8) {
                        t->esp_encr[t->nesp_encr] = (enum ike_encr)x->v;
                        t->esp_key_bits[t->nesp_encr++] = x->bits;
                } else if (!x->encr && t->nesp_hash < 8) {
                        t->esp_hash[t->nesp_hash++] = (enum ike_hash)x->v;
                }
        }
        t->text = asa_join(c, i + 1, c->n);
        return t->text ? ASA_OK : ASA_OOM;
}

/* protocol esp encryption A B ... | protocol esp integrity H ... */
static int prop_protocol(struct asa_ctx *c, size_t i)
{
        struct transform_set *t = c->obj;
        bool encr = kw(asa_w(c, i + 1), "encryption");
        if (!kw(asa_w(c, i), "esp") || (!encr && !kw(asa_w(c, i + 1), "integrity")))
                return ASA_UNKNOWN;
        if (encr)
                t->nesp_encr = 0;
        else
                t->nesp_hash = 0;
        for (size_t k = i + 2; k < c->n; k++) {
                const struct asa_alg *a = encr ? asa_encr_alg(c->a[k]) : asa_hash_alg(c->a[k]);
                if (!a)
                        return ASA_UNKNOWN;
                if (encr && t->nesp_encr < 8) {
                        t->esp_encr[t->nesp_encr] = (enum ike_encr)a->v;
                        t->esp_key_bits[t->nesp_encr++] = a->bits;
                } else if (!encr && t->nesp_hash < 8) {
                        t->esp_hash[t->nesp_hash++] = (enum ike_hash)a->v;
                }
        }
        return ASA_OK;
}

static const struct asa_cmd proposal_cmds[] = {
    {{"protocol"}, prop_protocol, SEM_PREFIX(3)},
    {{0}, NULL},
};

/* crypto ipsec ikev2 ipsec-proposal NAME */
static int on_proposal(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct transform_set *t = model_obtain_tset(c->dev, asa_w(c, i), &c->loc);
        if (!t)
                return ASA_OOM;
        t->ikev2 = true;
        asa_open(c, proposal_cmds, t, t->name);
        return ASA_OK;
}

/* ---- global IPsec SA settings ------------------------------------------ */

/* seconds S | kilobytes K|unlimited, in any order, from word i. */
static int lifetimes(struct asa_ctx *c, size_t i, uint32_t *sec, uint32_t *kb, bool *sx, bool *kx)
{
        if (i >= c->n)
                return ASA_UNKNOWN;
        for (; i < c->n; i += 2) {
                uint32_t v = 0;
                bool unl = kw(asa_w(c, i + 1), "unlimited") || kw(asa_w(c, i + 1), "disable");
                if (!unl && !lex_u32(asa_w(c, i + 1), 0, UINT32_MAX, &v))
                        return ASA_UNKNOWN;
                if (kw(asa_w(c, i), "seconds")) {
                        *sec = v;
                        *sx = true;
                } else if (kw(asa_w(c, i), "kilobytes")) {
                        *kb = v; /* unlimited -> 0 */
                        *kx = true;
                } else {
                        return ASA_UNKNOWN;
                }
        }
        return ASA_OK;
}

static int on_sa_lifetime(struct asa_ctx *c, size_t i)
{
        struct ipsec_global *g = &c->dev->ipsec;
        if (c->no)
                return ASA_OK;
        g->lifetime_loc = c->loc;
        return lifetimes(c, i, &g->lifetime_sec, &g->lifetime_kb, &g->lifetime_sec_explicit,
                         &g->lifetime_kb_explicit);
}

static int on_sa_replay(struct asa_ctx *c, size_t i)
{
        struct ipsec_global *g = &c->dev->ipsec;
        g->replay_loc = c->loc;
        if (kw(asa_w(c, i), "disable")) {
                g->replay_disabled = !c->no;
                return ASA_OK;
        }
        if (kw(asa_w(c, i), "window-size") && lex_int(asa_w(c, i + 1), 0, 1024, &g->replay_window))
                return ASA_OK;
        return ASA_UNKNOWN;
}

/* crypto ipsec df-bit clear-df|copy-df|set-df IF */
static int on_df_bit(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        c->dev->ipsec.df_bit = c->no ? NULL : asa_dup(c, asa_w(c, i));
        return ASA_OK;
}

/* ---- crypto ipsec profile (9.8+ VTI) ------------------------------------ */

static struct ipsec_profile *PR(struct asa_ctx *c)
{
        return c->obj;
}

/* set ikev1 transform-set T... | set ikev2 ipsec-proposal P...: both name
 * elements of dev->tsets, so one list serves. */
static int pr_tsets(struct asa_ctx *c, size_t i)
{
        asa_note_ikev1(c);
        PR(c)->tsets.n = 0;
        return c->no ? ASA_OK : i < c->n ? asa_push_words(c, &PR(c)->tsets, i) : ASA_UNKNOWN;
}

static int pr_pfs(struct asa_ctx *c, size_t i)
{
        const char *g = asa_w(c, i);
        int n = 2; /* as "crypto map set pfs": group2 when none is named */
        if (g && (strncasecmp(g, "group", 5) || !lex_int(g + 5, 1, 32, &n)))
                return ASA_UNKNOWN;
        PR(c)->pfs_set = !c->no;
        PR(c)->pfs_group = c->no ? PFS_NONE : n;
        return ASA_OK;
}

static int pr_lifetime(struct asa_ctx *c, size_t i)
{
        bool sx = false, kx = false;
        return lifetimes(c, i, &PR(c)->lifetime_sec, &PR(c)->lifetime_kb, &sx, &kx);
}

static const struct asa_cmd profile_cmds[] = {
    {{"set", "ikev1", "transform-set"}, pr_tsets, SEM_PREFIX(3)},
    {{"set", "ikev2", "ipsec-proposal"}, pr_tsets, SEM_PREFIX(3)},
    {{"set", "pfs"}, pr_pfs, SEM_PREFIX(2)},
    {{"set", "security-association", "lifetime"}, pr_lifetime, SEM_PREFIX(4)},
    {{"set", "ikev2", "local-identity"}, asa_known},
    {{"set", "trustpoint"}, asa_known},
    {{"responder-only"}, asa_known},
    /* IOS spellings met in mixed pastes */
    {{"set", "transform-set"}, pr_tsets},
    {{"set", "ikev2-profile"}, asa_known},
    {{"set", "isakmp-profile"}, asa_known},
    {{0}, NULL},
};

static int on_ipsec_profile(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct ipsec_profile *p = model_get_ipsec_profile(c->dev, asa_w(c, i));
        if (!p) {
                p = asa_new(c, sizeof(*p));
                if (!p || !(p->name = asa_dup(c, asa_w(c, i))) ||
                    model_add_ipsec_profile(c->dev, p))
                        return ASA_OOM;
        }
        asa_open(c, profile_cmds, p, p->name);
        return ASA_OK;
}

/* ---- crypto maps ---------------------------------------------------------- */

static struct crypto_map_entry *E(struct asa_ctx *c)
{
        return c->obj;
}

static int cm_match(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        E(c)->match_acl = c->no ? NULL : asa_dup(c, asa_w(c, i));
        E(c)->match_loc = c->loc;
        return c->no || E(c)->match_acl ? ASA_OK : ASA_OOM;
}

static int cm_peer(struct asa_ctx *c, size_t i)
{
        struct crypto_map_entry *e = E(c);
        e->peers.n = 0;
        if (c->no)
                return ASA_OK;
        if (i >= c->n)
                return ASA_UNKNOWN;
        for (; i < c->n; i++) {
                struct cm_peer *p = asa_new(c, sizeof(*p));
                if (!p || !(p->text = asa_dup(c, c->a[i])) ||
                    ptrvec_push(&c->dev->arena, &e->peers, p))
                        return ASA_OOM;
                p->is_addr = asa_addr(c, c->a[i], &p->addr);
        }
        return ASA_OK;
}

static int cm_tsets(struct asa_ctx *c, size_t i)
{
        struct crypto_map_entry *e = E(c);
        asa_note_ikev1(c);
        e->tsets.n = 0;
        e->tsets_loc = c->loc;
        return c->no ? ASA_OK : i < c->n ? asa_push_words(c, &e->tsets, i) : ASA_UNKNOWN;
}

static int cm_proposals(struct asa_ctx *c, size_t i)
{
        struct crypto_map_entry *e = E(c);
        e->ikev2_proposals.n = 0;
        e->ikev2_proposals_loc = c->loc;
        return c->no ? ASA_OK : i < c->n ? asa_push_words(c, &e->ikev2_proposals, i) : ASA_UNKNOWN;
}

static int cm_pfs(struct asa_ctx *c, size_t i)
{
        struct crypto_map_entry *e = E(c);
        const char *g = asa_w(c, i);
        int n = 2;
        /* "set pfs" without a group means group2 (Cisco ASA Series Command
         * Reference, "crypto map set pfs": group2 is the default group). */
        if (g && (strncasecmp(g, "group", 5) || !lex_int(g + 5, 1, 32, &n)))
                return ASA_UNKNOWN;
        e->pfs_set = !c->no;
        e->pfs_group = c->no ? PFS_NONE : n;
        e->pfs_loc = c->loc;
        return ASA_OK;
}

static int cm_lifetime(struct asa_ctx *c, size_t i)
{
        struct crypto_map_entry *e = E(c);
        bool sx = false, kx = false;
        e->lifetime_loc = c->loc;
        if (c->no) {
                e->lifetime_sec = e->lifetime_kb = 0;
                return ASA_OK;
        }
        return lifetimes(c, i, &e->lifetime_sec, &e->lifetime_kb, &sx, &kx);
}

static int cm_rri(struct asa_ctx *c, size_t i)
{
        (void)i;
        E(c)->reverse_route = !c->no;
        E(c)->reverse_route_loc = c->loc;
        return ASA_OK;
}

static int cm_nat_t_disable(struct asa_ctx *c, size_t i)
{
        (void)i;
        E(c)->nat_t_disable = !c->no;
        return ASA_OK;
}

/* set [ikev1] phase1-mode main|aggressive [groupN] */
static int cm_phase1(struct asa_ctx *c, size_t i)
{
        bool aggr = kw(asa_w(c, i), "aggressive");
        if (!aggr && !kw(asa_w(c, i), "main"))
                return ASA_UNKNOWN;
        asa_note_ikev1(c);
        E(c)->phase1_aggressive = aggr && !c->no;
        E(c)->phase1_loc = c->loc;
        return ASA_OK;
}

static int cm_word(struct asa_ctx *c, size_t i, const char **dst)
{
        if (!asa_w(c, i) && !c->no)
                return ASA_UNKNOWN;
        *dst = c->no ? NULL : asa_dup(c, asa_w(c, i));
        return c->no || *dst ? ASA_OK : ASA_OOM;
}

static int cm_conn_type(struct asa_ctx *c, size_t i)
{
        return cm_word(c, i, &E(c)->connection_type);
}

static int cm_trustpoint(struct asa_ctx *c, size_t i)
{
        return cm_word(c, i, &E(c)->trustpoint);
}

static int cm_isakmp(struct asa_ctx *c, size_t i)
{
        struct crypto_map_entry *e = E(c);
        if (!asa_w(c, i))
                return ASA_OK;
        if (!kw(asa_w(c, i), "dynamic") || !asa_w(c, i + 1))
                return ASA_UNKNOWN;
        e->is_dynamic_ref = true;
        return cm_word(c, i + 1, &e->dynamic_map);
}

static int cm_profile(struct asa_ctx *c, size_t i)
{
        return cm_word(c, i, &E(c)->isakmp_profile);
}

static int cm_manual(struct asa_ctx *c, size_t i)
{
        (void)i;
        E(c)->ipsec_manual = true;
        return ASA_OK;
}

/* What may follow "crypto map NAME SEQ" / "crypto dynamic-map NAME SEQ". */
static const struct asa_cmd entry_cmds[] = {
    /* each holds one value per entry, given on one line (set peer takes the
     * whole list of up to 10 peers, ASA command reference "crypto map set
     * peer"): entering it again replaces it */
    {{"match", "address"}, cm_match, SEM_PREFIX(2)},
    {{"set", "peer"}, cm_peer, SEM_PREFIX(2)},
    {{"set", "transform-set"}, cm_tsets, SEM_PREFIX(2)},
    {{"set", "ikev1", "transform-set"}, cm_tsets, SEM_PREFIX(3)},
    {{"set", "ikev2", "ipsec-proposal"}, cm_proposals, SEM_PREFIX(3)},
    {{"set", "pfs"}, cm_pfs, SEM_PREFIX(2)},
    {{"set", "security-association", "lifetime"}, cm_lifetime, SEM_PREFIX(4)},
    {{"set", "security-association", "replay"}, asa_known},
    {{"set", "reverse-route"}, cm_rri},
    {{"set", "nat-t-disable"}, cm_nat_t_disable},
    {{"set", "phase1-mode"}, cm_phase1, SEM_PREFIX(2)},
    {{"set", "ikev1", "phase1-mode"}, cm_phase1, SEM_PREFIX(3)},
    {{"set", "connection-type"}, cm_conn_type, SEM_PREFIX(2)},
    {{"set", "trustpoint"}, cm_trustpoint},
    {{"set", "inheritance"}, asa_known},
    {{"set", "tfc-packets"}, asa_known},
    {{"set", "ikev2", "mode"}, asa_known},
    {{"set", "ikev2", "pre-shared-key"}, asa_known},
    {{"set", "validation-usage"}, asa_known},
    {{"set", "isakmp-profile"}, cm_profile},
    {{"reverse-route"}, cm_rri}, /* IOS-style sub-mode spelling */
    {{"description"}, asa_known},
    {{"ipsec-isakmp"}, cm_isakmp},
    {{"ipsec-manual"}, cm_manual},
    {{0}, NULL},
};

static int unbind(struct asa_ctx *c, const char *map, const char *ifname)
{
        struct ptrvec *v = &c->dev->cmap_bindings;
        size_t o = 0;
        for (size_t k = 0; k < v->n; k++) {
                const struct crypto_map_binding *b = v->v[k];
                if (strcmp(b->map, map) || strcmp(b->ifname, ifname))
                        v->v[o++] = v->v[k];
        }
        v->n = o;
        return ASA_OK;
}

/* crypto map NAME interface IF: every binding kept, in config order */
static int bind(struct asa_ctx *c, const char *map, const char *ifname)
{
        if (c->no)
                return unbind(c, map, ifname);
        struct crypto_map_binding *b = asa_new(c, sizeof(*b));
        if (!b || !(b->map = asa_dup(c, map)) || !(b->ifname = asa_dup(c, ifname)))
                return ASA_OOM;
        return ptrvec_push(&c->dev->arena, &c->dev->cmap_bindings, b) ? ASA_OOM : ASA_OK;
}

static void drop_entry(struct crypto_map *m, int seq)
{
        size_t o = 0;
        for (size_t k = 0; k < m->entries.n; k++)
                if (((struct crypto_map_entry *)m->entries.v[k])->seq != seq)
                        m->entries.v[o++] = m->entries.v[k];
        m->entries.n = o;
}

static struct crypto_map_entry *find_entry(const struct crypto_map *m, int seq)
{
        for (size_t k = 0; m && k < m->entries.n; k++)
                if (((struct crypto_map_entry *)m->entries.v[k])->seq == seq)
                        return m->entries.v[k];
        return NULL;
}

static int map_line(struct asa_ctx *c, size_t i, bool dynamic)
{
        const char *name = asa_w(c, i);
        int seq;
        if (!name)
                return ASA_UNKNOWN;
        if (!dynamic && kw(asa_w(c, i + 1), "interface") && asa_w(c, i + 2))
                return bind(c, name, asa_w(c, i + 2));
        if (!dynamic && (kw(asa_w(c, i + 1), "client") || kw(asa_w(c, i + 1), "redundancy")))
                /* PIX 6 XAUTH / mode-config; stateful failover replay */
                return asa_w(c, i + 2) ? ASA_OK : ASA_UNKNOWN;
        if (!lex_int(asa_w(c, i + 1), 1, 65535, &seq))
                return ASA_UNKNOWN;
        /* "no ..." removes from what exists: it never creates a map or entry */
        if (c->no && !find_entry(model_find_cmap(c->dev, name, dynamic), seq))
                return ASA_OK;
        struct crypto_map *m = model_obtain_cmap(c->dev, name, dynamic, &c->loc);
        if (!m)
                return ASA_OOM;
        if (c->no && c->n == i + 2) {
                drop_entry(m, seq);
                return ASA_OK;
        }
        struct crypto_map_entry *e = model_cmap_entry(c->dev, m, seq, &c->loc);
        if (!e)
                return ASA_OOM;
        c->last_cmap_entry = e;
        int rc = c->n == i + 2 ? ASA_OK : asa_dispatch_at(c, i + 2, entry_cmds, e);
        /* "crypto map M N [ipsec-isakmp]" alone: settings may follow indented
         * (PIX 6 / IOS-style pastes) */
        if (rc == ASA_OK &&
            (c->n == i + 2 || (c->n == i + 3 && kw(asa_w(c, i + 2), "ipsec-isakmp"))))
                asa_open(c, entry_cmds, e, m->name);
        return rc;
}

static int on_map(struct asa_ctx *c, size_t i)
{
        return map_line(c, i, false);
}

static int on_dynamic_map(struct asa_ctx *c, size_t i)
{
        return map_line(c, i, true);
}

const struct asa_cmd asa_cmap_cmds[] = {
    {{"crypto", "map"}, on_map},
    {{"crypto", "dynamic-map"}, on_dynamic_map},
    {{"crypto", "ipsec", "transform-set"}, on_tset, SEM_PREFIX(4)},
    {{"crypto", "ipsec", "ikev1", "transform-set"}, on_tset, SEM_PREFIX(5)},
    {{"crypto", "ipsec", "ikev2", "ipsec-proposal"}, on_proposal},
    {{"crypto", "ipsec", "ikev2", "sa-strength-enforcement"}, asa_known},
    {{"crypto", "ipsec", "security-association", "lifetime"}, on_sa_lifetime, SEM_PREFIX(5)},
    {{"crypto", "ipsec", "security-association", "replay"}, on_sa_replay, SEM_PREFIX(5)},
    {{"crypto", "ipsec", "security-association", "pmtu-aging"}, asa_known},
    {{"crypto", "ipsec", "df-bit"}, on_df_bit},
    {{"crypto", "ipsec", "profile"}, on_ipsec_profile},
    /* IOS dialect met in mixed pastes: known, not modelled by this reader */
    {{"crypto", "ipsec", "nat-transparency"}, asa_known},
    {{"crypto", "ipsec", "client"}, asa_known_block},
    {{"crypto", "ipsec", "fragmentation"}, asa_known},
    {{0}, NULL},
};
