/* JSON for phase 1: ISAKMP/IKEv2 policies, keys, keyrings, profiles, global IKE. */
#include "dump_json_int.h"

/* [{"alg":"aes","key_bits":256}, ...] */
static json_t *js_encr_list(struct jctx *c, const enum ike_encr *e, const int *bits, size_t n)
{
        json_t *a = jarr(c);
        for (size_t i = 0; i < n; i++) {
                json_t *o = jobj(c);
                jput_enum(c, o, "alg", &names_encr, (int)e[i]);
                jput_int_or_null(c, o, "key_bits", bits[i], 0);
                jappend(c, a, o);
        }
        return a;
}

static json_t *js_hash_list(struct jctx *c, const enum ike_hash *h, size_t n)
{
        json_t *a = jarr(c);
        for (size_t i = 0; i < n; i++)
                jappend(c, a, jenum(c, &names_hash, (int)h[i]));
        return a;
}

static json_t *js_isakmp_policy(struct jctx *c, const void *e)
{
        const struct isakmp_policy *p = e;
        json_t *o = jelem(c, &p->loc);
        jput_int(c, o, "priority", p->priority);
        jput_enum(c, o, "encr", &names_encr, (int)p->encr);
        jput_int_or_null(c, o, "key_bits", p->key_bits, 0);
        jput_enum(c, o, "hash", &names_hash, (int)p->hash);
        jput_enum(c, o, "auth", &names_auth, (int)p->auth);
        jput_int(c, o, "group", p->group);
        jput_int(c, o, "lifetime", p->lifetime);
        json_t *x = jobj(c);
        for (size_t i = 0; i < n_p1_explicit_bits; i++)
                jput_bool(c, x, p1_explicit_bits[i].name,
                          (p->explicit_mask & p1_explicit_bits[i].bit) != 0);
        jput(c, o, "explicit", x);
        jput_bool(c, o, "implicit", p->implicit);
        return o;
}

static json_t *js_ikev2_policy(struct jctx *c, const void *e)
{
        const struct ikev2_policy *p = e;
        json_t *o = jelem(c, &p->loc);
        jput_str(c, o, "name", p->name);
        jput_int(c, o, "priority", p->priority);
        jput_bool(c, o, "proposal", p->is_proposal);
        jput(c, o, "encryption", js_encr_list(c, p->encr, p->key_bits, CLAMP(p->nencr, p->encr)));
        jput(c, o, "integrity", js_hash_list(c, p->integ, CLAMP(p->ninteg, p->integ)));
        jput(c, o, "prf", js_hash_list(c, p->prf, CLAMP(p->nprf, p->prf)));
        json_t *g = jarr(c);
        for (size_t i = 0; i < CLAMP(p->ngroups, p->groups); i++)
                jappend(c, g, jint(c, p->groups[i]));
        jput(c, o, "groups", g);
        jput_int_or_null(c, o, "lifetime", p->lifetime, 0);
        jput_strvec(c, o, "proposals", &p->proposals);
        jput_strvec(c, o, "match_addresses", &p->match_addrs);
        jput_str(c, o, "match_fvrf", p->match_fvrf);
        jput_bool(c, o, "implicit", p->implicit);
        return o;
}

static json_t *js_psk(struct jctx *c, const void *e)
{
        const struct psk *k = e;
        json_t *o = jelem(c, &k->loc);
        jput_enum(c, o, "source", &names_psk_source, (int)k->source);
        jput_ip_if(c, o, "address", k->has_addr, k->addr);
        jput_ip_if(c, o, "mask", k->has_addr, k->mask);
        jput_str(c, o, "hostname", k->hostname);
        jput_str(c, o, "keyring", k->keyring);
        jput_str(c, o, "tunnel_group", k->tunnel_group);
        jput_bool(c, o, "no_xauth", k->no_xauth);
        jput_secret(c, o, "key", &k->key);
        if (k->source == PSK_IOS_IKEV2_KEYRING) {
                jput_str(c, o, "direction",
                         k->dir == PSK_LOCAL    ? "local"
                         : k->dir == PSK_REMOTE ? "remote"
                                                : "both");
                jput_str(c, o, "peer", k->peer_name);
                jput_str(c, o, "identity", k->identity);
        }
        return o;
}

static json_t *js_keyring(struct jctx *c, const void *e)
{
        const struct keyring *k = e;
        json_t *o = jelem(c, &k->loc);
        jput_str(c, o, "name", k->name);
        jput_bool(c, o, "ikev2", k->ikev2);
        jput_str(c, o, "vrf", k->vrf);
        return o;
}

static json_t *js_profile_match(struct jctx *c, const void *e)
{
        const struct profile_match *m = e;
        json_t *o = jelem(c, &m->loc);
        jput_ip_if(c, o, "address", m->is_addr, m->addr);
        jput_ip_if(c, o, "mask", m->is_addr, m->mask);
        jput_str(c, o, "text", m->text);
        jput_str(c, o, "kind", m->kind);
        jput_bool(c, o, "domain", m->domain);
        return o;
}

/* enum v2_auth bits as method names */
static json_t *js_v2_auth(struct jctx *c, unsigned bits)
{
        static const struct {
                unsigned bit;
                const char *name;
        } m[] = {{V2AUTH_PSK, "pre-share"},
                 {V2AUTH_RSA, "rsa-sig"},
                 {V2AUTH_ECDSA, "ecdsa-sig"},
                 {V2AUTH_EAP, "eap"},
                 {V2AUTH_SIG_OTHER, "other-sig"}};
        json_t *a = jarr(c);
        for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++)
                if (bits & m[i].bit)
                        jappend(c, a, jstr(c, m[i].name));
        return a;
}

static json_t *js_isakmp_profile(struct jctx *c, const void *e)
{
        const struct isakmp_profile *p = e;
        json_t *o = jelem(c, &p->loc);
        jput_str(c, o, "name", p->name);
        jput_bool(c, o, "ikev2", p->ikev2);
        jput_strvec(c, o, "keyrings", &p->keyrings);
        jput_list(c, o, "match_identities", &p->match_ids, js_profile_match);
        jput_str(c, o, "vrf", p->vrf);
        jput_str(c, o, "client_auth_list", p->client_auth_list);
        jput_str(c, o, "isakmp_authorization_list", p->isakmp_authorization_list);
        jput_str(c, o, "client_config_group", p->client_config_group);
        jput_bool(c, o, "client_config_respond", p->client_config_respond);
        jput_int_or_null(c, o, "keepalive", p->keepalive, 0);
        jput_str(c, o, "local_auth", p->local_auth);
        jput_str(c, o, "remote_auth", p->remote_auth);
        if (p->ikev2) {
                jput(c, o, "v2_local_auth", js_v2_auth(c, p->v2_local_auth));
                jput(c, o, "v2_remote_auth", js_v2_auth(c, p->v2_remote_auth));
                jput_bool(c, o, "local_key", p->has_local_key);
                jput_bool(c, o, "remote_key", p->has_remote_key);
                jput_str(c, o, "match_fvrf", p->match_fvrf);
                jput_strvec(c, o, "trustpoints", &p->trustpoints);
                jput_int_or_null(c, o, "lifetime", (int)p->v2_lifetime, 0);
                jput_int_or_null(c, o, "dpd_retry", p->dpd_retry, 0);
                jput_bool(c, o, "dpd_periodic", p->dpd_periodic);
                jput_str(c, o, "local_identity", p->local_id_text);
        }
        return o;
}

static json_t *js_client_group(struct jctx *c, const void *e)
{
        const struct client_group *g = e;
        json_t *o = jelem(c, &g->loc);
        jput_str(c, o, "name", g->name);
        jput_secret(c, o, "key", &g->key);
        jput_line(c, o, "key_line", &g->key_loc);
        jput_str(c, o, "pool", g->pool);
        jput_str(c, o, "split_acl", g->split_acl);
        jput_strvec(c, o, "dns", &g->dns);
        jput_str(c, o, "domain", g->domain);
        jput_bool(c, o, "save_password", g->save_password);
        jput_int_or_null(c, o, "max_users", g->max_users, 0);
        jput_int_or_null(c, o, "max_logins", g->max_logins, 0);
        return o;
}

static json_t *js_iface_ref(struct jctx *c, const void *e)
{
        const struct iface_ref *r = e;
        json_t *o = jelem(c, &r->loc);
        jput_str(c, o, "interface", r->ifname);
        return o;
}

static json_t *js_ike_global(struct jctx *c, const struct ike_global *g)
{
        json_t *o = jobj(c);
        jput_enum(c, o, "identity", &names_identity, (int)g->identity);
        jput_line(c, o, "identity_line", &g->identity_loc);
        jput_int_or_null(c, o, "keepalive", g->keepalive, 0);
        jput_int_or_null(c, o, "keepalive_retry", g->keepalive_retry, 0);
        jput_bool(c, o, "keepalive_periodic", g->keepalive_periodic);
        jput_line(c, o, "keepalive_line", &g->keepalive_loc);
        jput_tri(c, o, "nat_t", g->nat_t);
        jput_bool(c, o, "nat_t_explicit", g->nat_t_explicit);
        jput_int_or_null(c, o, "nat_t_keepalive", g->nat_t_keepalive, 0);
        jput_line(c, o, "nat_t_line", &g->nat_t_loc);
        jput_list(c, o, "ikev1_enabled", &g->ikev1_enabled, js_iface_ref);
        jput_list(c, o, "ikev2_enabled", &g->ikev2_enabled, js_iface_ref);
        jput_bool(c, o, "ios_isakmp_disabled", g->ios_isakmp_disabled);
        jput_line(c, o, "ios_isakmp_disabled_line", &g->ios_isakmp_disabled_loc);
        jput_bool(c, o, "aggressive_mode_disabled", g->aggressive_mode_disabled);
        jput_bool(c, o, "ipsec_over_tcp", g->ipsec_over_tcp);
        jput_bool(c, o, "uses_ikev1_keywords", g->uses_ikev1_keywords);
        return o;
}

void js_ike(struct jctx *c, json_t *d)
{
        const struct device *dev = c->dev;
        jput_list(c, d, "isakmp_policies", &dev->isakmp_policies, js_isakmp_policy);
        jput_list(c, d, "ikev2_policies", &dev->ikev2_policies, js_ikev2_policy);
        jput_list(c, d, "psks", &dev->psks, js_psk);
        jput_list(c, d, "keyrings", &dev->keyrings, js_keyring);
        jput_list(c, d, "isakmp_profiles", &dev->isakmp_profiles, js_isakmp_profile);
        jput_list(c, d, "client_groups", &dev->client_groups, js_client_group);
        jput(c, d, "ike", js_ike_global(c, &dev->ike));
}
