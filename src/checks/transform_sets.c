/*
 * What the transform sets and policies offer: esp-no-hash and
 * vpnclient-des-sha.
 */
#include <stdio.h>
#include <string.h>

#include "checks_list.h"
#include "cmap_util.h"

static bool aead(enum ike_encr e)
{
        return e == ENCR_AES_GCM || e == ENCR_AES_GMAC; /* carry their own ICV (RFC 4106/4543) */
}

/* No ESP hash, no AH, and at least one non-AEAD cipher on offer. */
static bool lacks_integrity(const struct transform_set *t)
{
        if (t->ah_hash != HASH_NONE || !t->nesp_encr)
                return false;
        for (size_t i = 0; i < t->nesp_hash && i < 8; i++)
                if (t->esp_hash[i] != HASH_NONE)
                        return false;
        for (size_t i = 0; i < t->nesp_encr && i < 8; i++)
                if (!aead(t->esp_encr[i]))
                        return true;
        return false;
}

static int check_tset_name(struct check_ctx *c, struct arena *a, struct strmap *seen,
                           const char *name, const struct loc *used_at)
{
        const struct transform_set *t = model_get_tset(c->dev, name);
        if (!t || strmap_get(seen, name) || !lacks_integrity(t))
                return 0;
        if (strmap_put(a, seen, name, (void *)t))
                return -1;
        struct finding *f = check_report(c, &t->loc);
        if (!f ||
            finding_title(c->fs, f, "transform set '%s' (%s) has no ESP integrity algorithm", name,
                          t->text ? t->text : "?") ||
            finding_evidence(c->fs, f, used_at))
                return -1;
        const char *vars[] = {"tset", name, NULL};
        return check_fix(c, f, vars);
}

static int entry_tsets(struct check_ctx *c, struct arena *a, struct strmap *seen,
                       const struct crypto_map_entry *e)
{
        for (size_t i = 0; i < e->tsets.n; i++)
                if (check_tset_name(c, a, seen, e->tsets.v[i], &e->tsets_loc))
                        return -1;
        for (size_t i = 0; i < e->ikev2_proposals.n; i++)
                if (check_tset_name(c, a, seen, e->ikev2_proposals.v[i], &e->ikev2_proposals_loc))
                        return -1;
        return 0;
}

/* Only transform sets that an entry or an IPsec profile uses: an unused
 * one negotiates nothing. */
int check_esp_no_hash(struct check_ctx *c)
{
        const struct device *d = c->dev;
        struct arena a;
        struct strmap seen = {0};
        int rc = 0;
        arena_init(&a, 0);
        for (size_t i = 0; i < d->crypto_maps.n && !rc; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                for (size_t k = 0; k < m->entries.n && !rc; k++)
                        rc = entry_tsets(c, &a, &seen, m->entries.v[k]);
        }
        for (size_t i = 0; i < d->ipsec_profiles.n && !rc; i++) {
                const struct ipsec_profile *p = d->ipsec_profiles.v[i];
                for (size_t k = 0; k < p->tsets.n && !rc; k++)
                        rc = check_tset_name(c, &a, &seen, p->tsets.v[k], &p->loc);
        }
        arena_free(&a);
        return rc;
}

/* ---- vpnclient-des-sha -------------------------------------------------- */

static bool tset_des_sha(const struct transform_set *t)
{
        if (!t || t->ikev2 || !t->nesp_encr || !t->nesp_hash)
                return false;
        for (size_t i = 0; i < t->nesp_encr && i < 8; i++)
                if (t->esp_encr[i] != ENCR_DES)
                        return false;
        for (size_t i = 0; i < t->nesp_hash && i < 8; i++)
                if (t->esp_hash[i] != HASH_SHA1)
                        return false;
        return true;
}

/* Remote-access clients connect here: an ASA remote-access tunnel-group,
 * an IOS / PIX client configuration group. */
static bool has_remote_access(const struct device *d)
{
        if (d->client_groups.n)
                return true;
        for (size_t i = 0; i < d->tunnel_groups.n; i++)
                if (((const struct tunnel_group *)d->tunnel_groups.v[i])->type == TG_RA)
                        return true;
        return false;
}

static bool policies_des_sha(const struct device *d)
{
        for (size_t i = 0; i < d->isakmp_policies.n; i++) {
                const struct isakmp_policy *p = d->isakmp_policies.v[i];
                if (p->encr != ENCR_DES || p->hash != HASH_SHA1)
                        return false;
        }
        return d->isakmp_policies.n > 0;
}

/* The first dynamic-map template reachable from an applied map whose every
 * transform set is DES+SHA, or NULL. */
static const struct crypto_map_entry *des_sha_template(const struct device *d)
{
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                if (m->dynamic || !cmap_binding(d, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *r = m->entries.v[k];
                        const struct crypto_map *dm =
                            r->is_dynamic_ref ? cmap_dynamic(d, r->dynamic_map) : NULL;
                        for (size_t j = 0; dm && j < dm->entries.n; j++) {
                                const struct crypto_map_entry *t = dm->entries.v[j];
                                bool all = t->tsets.n > 0 && !t->ikev2_proposals.n;
                                for (size_t x = 0; all && x < t->tsets.n; x++)
                                        all = tset_des_sha(model_get_tset(d, t->tsets.v[x]));
                                if (all)
                                        return t;
                        }
                }
        }
        return NULL;
}

int check_vpnclient_des_sha(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (!has_remote_access(d))
                return 0;
        bool pol = policies_des_sha(d);
        const struct crypto_map_entry *t = des_sha_template(d);
        if (!pol && !t)
                return 0;
        const struct isakmp_policy *p = pol ? d->isakmp_policies.v[0] : NULL;
        struct finding *f = check_report(c, p ? &p->loc : &t->tsets_loc);
        if (!f || finding_title(c->fs, f, "%s offered to VPN clients combine%s DES with SHA",
                                p && t ? "every ISAKMP policy and transform set"
                                : p    ? "every ISAKMP policy"
                                       : "the dynamic-map transform sets",
                                p ? "s" : ""))
                return -1;
        for (size_t i = 1; p && i < d->isakmp_policies.n; i++)
                if (finding_evidence(c->fs, f,
                                     &((const struct isakmp_policy *)d->isakmp_policies.v[i])->loc))
                        return -1;
        if (p && t && finding_evidence(c->fs, f, &t->tsets_loc))
                return -1;
        char prio[12];
        snprintf(prio, sizeof(prio), "%d", p ? p->priority : 0);
        const char *vars[] = {"policy", p ? prio : NULL, t ? "tset" : NULL,
                              t ? t->tsets.v[0] : NULL, NULL};
        if (!p) /* "policy" unfilled would end the list: name the tset first */
                vars[0] = "tset", vars[1] = t->tsets.v[0], vars[2] = NULL;
        return check_fix(c, f, vars);
}
