/*
 * isakmp-keepalive (info): LAN-to-LAN peers without dead peer detection.
 *
 * IOS / PIX 6: keepalives are off unless 'crypto isakmp keepalive S'
 * (PIX: 'isakmp keepalive S') is configured globally (Cisco IOS Security
 * Command Reference, crypto isakmp keepalive); an IOS entry whose ISAKMP
 * profile sets 'keepalive' is covered by it. One finding per device, at
 * the first uncovered entry.
 * ASA: keepalives are on by default in every tunnel-group (threshold 10,
 * retry 2: model/defaults.c), so only 'isakmp keepalive disable' on an
 * ipsec-l2l tunnel-group is reported.
 */
#include "checks_list.h"
#include "cmap_util.h"

static bool profile_dpd(const struct device *d, const struct crypto_map_entry *e)
{
        const struct isakmp_profile *p =
            e->isakmp_profile ? model_get_profile(d, e->isakmp_profile) : NULL;
        return p && p->keepalive > 0;
}

/* The first applied static entry with a peer and no DPD, and how many. */
static const struct crypto_map_entry *uncovered(const struct device *d, size_t *count)
{
        const struct crypto_map_entry *first = NULL;
        *count = 0;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                if (m->dynamic || !cmap_binding(d, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (!cmap_entry_static(e) || !e->peers.n || profile_dpd(d, e))
                                continue;
                        first = first ? first : e;
                        (*count)++;
                }
        }
        return first;
}

static int check_global(struct check_ctx *c)
{
        const struct device *d = c->dev;
        size_t n;
        const struct crypto_map_entry *e = d->ike.keepalive > 0 ? NULL : uncovered(d, &n);
        if (!e)
                return 0;
        struct finding *f = check_report(c, &e->loc);
        if (!f || finding_title(c->fs, f,
                                "no ISAKMP keepalive (dead peer detection) is configured for %zu "
                                "LAN-to-LAN crypto map entr%s",
                                n, n == 1 ? "y" : "ies"))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

static int check_groups(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (tg->type != TG_L2L || !tg->keepalive_disabled)
                        continue;
                struct finding *f = check_report(c, &tg->keepalive_loc);
                if (!f ||
                    finding_title(c->fs, f,
                                  "ISAKMP keepalives are disabled for L2L tunnel-group '%s'",
                                  tg->name) ||
                    finding_evidence(c->fs, f, &tg->loc))
                        return -1;
                if (tg->name_is_addr && finding_set_peer(c->fs, f, tg->name))
                        return -1;
                const char *vars[] = {"peer", tg->name, NULL};
                if (check_fix(c, f, vars))
                        return -1;
        }
        return 0;
}

int check_isakmp_keepalive(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform == PLAT_IOS || (d->platform == PLAT_PIX && d->version.major < 7))
                return check_global(c);
        return check_groups(c);
}
