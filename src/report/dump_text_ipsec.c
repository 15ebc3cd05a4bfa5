/* Text outline of phase 2: transform sets, crypto maps with their entries
 * and bindings, IPsec profiles and global IPsec settings. */
#include "dump_text_int.h"

#include <string.h>

static void tx_tset(struct tctx *c, const void *e)
{
        const struct transform_set *t = e;
        char b[32];
        tpad(c, t->name, 20);
        tf(c, "%s esp", t->ikev2 ? " ikev2-proposal" : "");
        for (size_t i = 0; i < CLAMP(t->nesp_encr, t->esp_encr); i++) {
                fmt_encr(t->esp_encr[i], t->esp_key_bits[i], b, sizeof(b));
                tf(c, "%s%s", i ? "," : " ", b);
        }
        for (size_t i = 0; i < CLAMP(t->nesp_hash, t->esp_hash); i++)
                tf(c, "%s%s", i ? "," : " ", tname(&names_hash, (int)t->esp_hash[i]));
        if (t->ah_hash != HASH_NONE)
                tf(c, " ah %s", tname(&names_hash, (int)t->ah_hash));
        tf(c, "%s mode %s%s", t->comp_lzs ? " comp-lzs" : "", tname(&names_mode, (int)t->mode),
           t->mode_explicit ? "" : " (default)");
        tsubloc(c, &t->mode_loc);
}

static void tx_peers(struct tctx *c, const struct ptrvec *peers)
{
        if (peers->n == 0)
                return;
        tf(c, " peer");
        for (size_t i = 0; i < peers->n; i++) {
                const struct cm_peer *p = peers->v[i];
                tf(c, " ");
                if (p->is_addr)
                        tip(c, p->addr);
                else
                        tput(c, p->text);
        }
}

static void tx_cm_sa(struct tctx *c, const struct crypto_map_entry *e)
{
        if (e->tsets.n) {
                tf(c, " tset ");
                tstrvec(c, &e->tsets, ",");
        }
        if (e->ikev2_proposals.n) {
                tf(c, " ikev2-proposal ");
                tstrvec(c, &e->ikev2_proposals, ",");
        }
        if (e->pfs_set)
                tf(c, " pfs group%d", e->pfs_group);
        if (e->lifetime_sec)
                tf(c, " lifetime %us", (unsigned)e->lifetime_sec);
        if (e->lifetime_kb)
                tf(c, " lifetime %ukB", (unsigned)e->lifetime_kb);
}

static void tx_cm_entry(struct tctx *c, const struct crypto_map_entry *e)
{
        tloc(c, &e->loc);
        tf(c, "  %-6d", e->seq);
        if (e->is_dynamic_ref)
                topt(c, "dynamic", e->dynamic_map);
        tf(c, "%s%s", e->ipsec_manual ? " ipsec-manual" : "", e->gdoi ? " gdoi" : "");
        topt(c, "match", e->match_acl);
        tx_peers(c, &e->peers);
        tx_cm_sa(c, e);
        tf(c, "%s", e->reverse_route ? " reverse-route" : "");
        topt(c, "isakmp-profile", e->isakmp_profile);
        tf(c, "%s%s", e->nat_t_disable ? " nat-t-disable" : "",
           e->phase1_aggressive ? " aggressive" : "");
        topt(c, "connection-type", e->connection_type);
        topt(c, "trustpoint", e->trustpoint);
        tf(c, "%s", e->incomplete_warned ? " (incomplete)" : "");
}

static void tx_cmap(struct tctx *c, const void *el)
{
        const struct crypto_map *m = el;
        tput(c, m->name);
        tf(c, "%s, %zu entries", m->dynamic ? " dynamic-map" : "", m->entries.n);
        for (size_t i = 0; i < m->entries.n; i++) {
                tf(c, "\n");
                tx_cm_entry(c, m->entries.v[i]);
        }
        const struct ptrvec *b = &c->dev->cmap_bindings;
        for (size_t i = 0; i < b->n; i++) {
                const struct crypto_map_binding *mb = b->v[i];
                if (mb->map && m->name && !m->dynamic && !strcmp(mb->map, m->name)) {
                        tf(c, "\n");
                        tloc(c, &mb->loc);
                        tf(c, "  bound to ");
                        tput(c, mb->ifname);
                }
        }
}

/* Bindings print under their map; these name a map that does not exist. */
static void tx_orphan_bindings(struct tctx *c)
{
        const struct ptrvec *b = &c->dev->cmap_bindings;
        bool head = false;
        for (size_t i = 0; i < b->n; i++) {
                const struct crypto_map_binding *mb = b->v[i];
                if (mb->map && model_get_cmap(c->dev, mb->map))
                        continue;
                if (!head)
                        tf(c, "  Bindings to undefined crypto maps\n");
                head = true;
                tloc(c, &mb->loc);
                tput(c, mb->map);
                tf(c, " -> ");
                tput(c, mb->ifname);
                tf(c, "\n");
        }
}

static void tx_ipsec_profile(struct tctx *c, const void *e)
{
        const struct ipsec_profile *p = e;
        tput(c, p->name);
        tf(c, " tset ");
        tstrvec(c, &p->tsets, ",");
        if (p->pfs_set)
                tf(c, " pfs group%d", p->pfs_group);
        if (p->lifetime_sec)
                tf(c, " lifetime %us", (unsigned)p->lifetime_sec);
        if (p->lifetime_kb)
                tf(c, " lifetime %ukB", (unsigned)p->lifetime_kb);
        topt(c, "ikev2-profile", p->ikev2_profile);
        topt(c, "isakmp-profile", p->isakmp_profile);
}

static void tx_lifetime(struct tctx *c, uint32_t v, const char *unit, bool expl)
{
        if (v)
                tf(c, " %u%s%s", (unsigned)v, unit, expl ? "" : " (default)");
}

static void tx_ipsec_global(struct tctx *c)
{
        const struct ipsec_global *g = &c->dev->ipsec;
        tf(c, "  IPsec global\n    lifetime");
        if (!g->lifetime_sec && !g->lifetime_kb)
                tf(c, " unset");
        tx_lifetime(c, g->lifetime_sec, "s", g->lifetime_sec_explicit);
        tx_lifetime(c, g->lifetime_kb, "kB", g->lifetime_kb_explicit);
        tsubloc(c, &g->lifetime_loc);
        tf(c, "\n");
        if (g->idle_time) {
                tf(c, "    idle-time %ds", g->idle_time);
                tsubloc(c, &g->idle_time_loc);
                tf(c, "\n");
        }
        if (g->replay_window || g->replay_disabled) {
                if (g->replay_disabled)
                        tf(c, "    replay checking disabled");
                else
                        tf(c, "    replay window %d", g->replay_window);
                tsubloc(c, &g->replay_loc);
                tf(c, "\n");
        }
        if (g->df_bit) {
                tf(c, "    df-bit ");
                tput(c, g->df_bit);
                tf(c, "\n");
        }
}

void tx_ipsec(struct tctx *c)
{
        const struct device *dev = c->dev;
        tlist(c, "Transform sets", &dev->tsets, tx_tset);
        tlist(c, "Crypto maps", &dev->crypto_maps, tx_cmap);
        tx_orphan_bindings(c);
        tlist(c, "IPsec profiles", &dev->ipsec_profiles, tx_ipsec_profile);
        tx_ipsec_global(c);
}
