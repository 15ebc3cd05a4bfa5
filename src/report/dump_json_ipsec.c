/* JSON for phase 2: transform sets, crypto maps and bindings, IPsec profiles, global IPsec. */
#include "dump_json_int.h"

static json_t *js_tset(struct jctx *c, const void *e)
{
        const struct transform_set *t = e;
        json_t *o = jelem(c, &t->loc);
        jput_str(c, o, "name", t->name);
        jput_bool(c, o, "ikev2", t->ikev2);
        json_t *enc = jarr(c);
        for (size_t i = 0; i < CLAMP(t->nesp_encr, t->esp_encr); i++) {
                json_t *x = jobj(c);
                jput_enum(c, x, "alg", &names_encr, (int)t->esp_encr[i]);
                jput_int_or_null(c, x, "key_bits", t->esp_key_bits[i], 0);
                jappend(c, enc, x);
        }
        jput(c, o, "esp_encr", enc);
        json_t *hash = jarr(c);
        for (size_t i = 0; i < CLAMP(t->nesp_hash, t->esp_hash); i++)
                jappend(c, hash, jenum(c, &names_hash, (int)t->esp_hash[i]));
        jput(c, o, "esp_hash", hash);
        jput_enum(c, o, "ah_hash", &names_hash, (int)t->ah_hash);
        jput_bool(c, o, "comp_lzs", t->comp_lzs);
        jput_enum(c, o, "mode", &names_mode, (int)t->mode);
        jput_bool(c, o, "mode_explicit", t->mode_explicit);
        jput_line(c, o, "mode_line", &t->mode_loc);
        jput_str(c, o, "transforms", t->text);
        return o;
}

static json_t *js_peer(struct jctx *c, const void *e)
{
        const struct cm_peer *p = e;
        json_t *o = jelem(c, &p->loc);
        jput_ip_if(c, o, "address", p->is_addr, p->addr);
        jput_str(c, o, "text", p->text);
        return o;
}

/* PFS and lifetimes, shared by crypto map entries and IPsec profiles. */
static void js_sa_params(struct jctx *c, json_t *o, bool pfs_set, int pfs_group, uint32_t sec,
                         uint32_t kb)
{
        jput_bool(c, o, "pfs_set", pfs_set);
        jput_int_or_null(c, o, "pfs_group", pfs_group, 0);
        jput_int_or_null(c, o, "lifetime_sec", sec, 0);
        jput_int_or_null(c, o, "lifetime_kb", kb, 0);
}

static json_t *js_cm_entry(struct jctx *c, const void *el)
{
        const struct crypto_map_entry *e = el;
        json_t *o = jelem(c, &e->loc);
        jput_int(c, o, "seq", e->seq);
        jput_bool(c, o, "dynamic_template", e->dynamic_template);
        jput_bool(c, o, "dynamic_ref", e->is_dynamic_ref);
        jput_str(c, o, "dynamic_map", e->dynamic_map);
        jput_bool(c, o, "ipsec_manual", e->ipsec_manual);
        jput_bool(c, o, "gdoi", e->gdoi);
        jput_str(c, o, "match_acl", e->match_acl);
        jput_line(c, o, "match_line", &e->match_loc);
        jput_list(c, o, "peers", &e->peers, js_peer);
        jput_strvec(c, o, "transform_sets", &e->tsets);
        jput_line(c, o, "transform_sets_line", &e->tsets_loc);
        jput_strvec(c, o, "ikev2_proposals", &e->ikev2_proposals);
        jput_line(c, o, "ikev2_proposals_line", &e->ikev2_proposals_loc);
        js_sa_params(c, o, e->pfs_set, e->pfs_group, e->lifetime_sec, e->lifetime_kb);
        jput_line(c, o, "pfs_line", &e->pfs_loc);
        jput_line(c, o, "lifetime_line", &e->lifetime_loc);
        jput_bool(c, o, "reverse_route", e->reverse_route);
        jput_line(c, o, "reverse_route_line", &e->reverse_route_loc);
        jput_str(c, o, "isakmp_profile", e->isakmp_profile);
        jput_bool(c, o, "nat_t_disable", e->nat_t_disable);
        jput_bool(c, o, "phase1_aggressive", e->phase1_aggressive);
        jput_str(c, o, "connection_type", e->connection_type);
        jput_str(c, o, "trustpoint", e->trustpoint);
        jput_bool(c, o, "incomplete_warned", e->incomplete_warned);
        return o;
}

static json_t *js_cmap(struct jctx *c, const void *e)
{
        const struct crypto_map *m = e;
        json_t *o = jelem(c, &m->loc);
        jput_str(c, o, "name", m->name);
        jput_bool(c, o, "dynamic", m->dynamic);
        jput_list(c, o, "entries", &m->entries, js_cm_entry);
        return o;
}

static json_t *js_binding(struct jctx *c, const void *e)
{
        const struct crypto_map_binding *b = e;
        json_t *o = jelem(c, &b->loc);
        jput_str(c, o, "map", b->map);
        jput_str(c, o, "interface", b->ifname);
        return o;
}

static json_t *js_ipsec_profile(struct jctx *c, const void *e)
{
        const struct ipsec_profile *p = e;
        json_t *o = jelem(c, &p->loc);
        jput_str(c, o, "name", p->name);
        jput_strvec(c, o, "transform_sets", &p->tsets);
        js_sa_params(c, o, p->pfs_set, p->pfs_group, p->lifetime_sec, p->lifetime_kb);
        jput_str(c, o, "ikev2_profile", p->ikev2_profile);
        jput_str(c, o, "isakmp_profile", p->isakmp_profile);
        return o;
}

static json_t *js_ipsec_global(struct jctx *c, const struct ipsec_global *g)
{
        json_t *o = jobj(c);
        jput_int_or_null(c, o, "lifetime_sec", g->lifetime_sec, 0);
        jput_int_or_null(c, o, "lifetime_kb", g->lifetime_kb, 0);
        jput_bool(c, o, "lifetime_sec_explicit", g->lifetime_sec_explicit);
        jput_bool(c, o, "lifetime_kb_explicit", g->lifetime_kb_explicit);
        jput_line(c, o, "lifetime_line", &g->lifetime_loc);
        jput_int_or_null(c, o, "idle_time", g->idle_time, 0);
        jput_line(c, o, "idle_time_line", &g->idle_time_loc);
        jput_int_or_null(c, o, "replay_window", g->replay_window, 0);
        jput_bool(c, o, "replay_disabled", g->replay_disabled);
        jput_line(c, o, "replay_line", &g->replay_loc);
        jput_str(c, o, "df_bit", g->df_bit);
        return o;
}

void js_ipsec(struct jctx *c, json_t *d)
{
        const struct device *dev = c->dev;
        jput_list(c, d, "transform_sets", &dev->tsets, js_tset);
        jput_list(c, d, "crypto_maps", &dev->crypto_maps, js_cmap);
        jput_list(c, d, "crypto_map_bindings", &dev->cmap_bindings, js_binding);
        jput_list(c, d, "ipsec_profiles", &dev->ipsec_profiles, js_ipsec_profile);
        jput(c, d, "ipsec", js_ipsec_global(c, &dev->ipsec));
}
