/*
 * isakmp-not-enabled: the interface carrying a crypto map does not answer
 * IKE.
 *
 * ASA/PIX: IKE listens only on interfaces named in "crypto isakmp|ikev1
 * enable IF" (PIX 6: "isakmp enable IF"), and IKEv2 only on those named in
 * "crypto ikev2 enable IF" (Cisco ASA VPN configuration guide, "Enable
 * IKE on the outside interface"). Each version is checked against what the
 * map's entries negotiate: an IKEv2-only map needs only IKEv2, an IKEv1
 * entry needs IKEv1 whatever IKEv2 says. A binding to a nameif that does
 * not exist, or of a map that does not exist or has no entries, is left to
 * crypto-map-not-applied / crypto-map-name-case.
 */
#include <stdio.h>
#include <string.h>

#include "../model/in_use.h"
#include "checks_list.h"
#include "cmap_util.h"

static bool nameif_enabled(const struct ptrvec *enabled, const char *ifname)
{
        for (size_t i = 0; i < enabled->n; i++) {
                const struct iface_ref *r = enabled->v[i];
                if (r->ifname && ifname && !strcmp(r->ifname, ifname))
                        return true;
        }
        return false;
}

enum { NEED_V1 = 1u << 0, NEED_V2 = 1u << 1 };

static unsigned entry_needs(const struct crypto_map_entry *e)
{
        return (e->tsets.n ? NEED_V1 : 0u) | (e->ikev2_proposals.n ? NEED_V2 : 0u);
}

/* Which IKE versions the map's entries (and its dynamic templates) use.
 * Entries without any transform set count as IKEv1, the older default. */
static unsigned map_needs(const struct device *d, const struct crypto_map *m)
{
        unsigned need = 0;
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *e = m->entries.v[k];
                const struct crypto_map *dm =
                    e->is_dynamic_ref ? cmap_dynamic(d, e->dynamic_map) : NULL;
                need |= entry_needs(e);
                for (size_t j = 0; dm && j < dm->entries.n; j++)
                        need |= entry_needs(dm->entries.v[j]);
        }
        return need ? need : NEED_V1;
}

/* A binding no peer reaches (model/in_use.c): enabling IKE there changes
 * nothing now, so the finding is advice that names why. */
static const char *unreached(const struct device *d, const struct crypto_map_binding *b)
{
        if (iu_binding_reached(d, b))
                return "";
        return iu_binding_live(d, b) ? ": no peer of the map is routed out it"
                                     : ": the interface is shut down";
}

static int report(struct check_ctx *c, const struct crypto_map_binding *b, bool v2)
{
        struct finding *f = check_report(c, &b->loc);
        const char *cond = unreached(c->dev, b);
        if (f && *cond)
                f->severity = SEV_INFO;
        if (!f || finding_title(c->fs, f,
                                "%s is not enabled on interface '%s', which carries crypto "
                                "map '%s'%s",
                                v2 ? "IKEv2" : "ISAKMP (IKEv1)", b->ifname, b->map, cond))
                return -1;
        if (!v2) {
                const char *vars[] = {"if", b->ifname, "map", b->map, NULL};
                return check_fix(c, f, vars);
        }
        /* The catalog's template enables IKEv1; IKEv2 has its own command. */
        char line[96];
        snprintf(line, sizeof(line), "crypto ikev2 enable %.64s", b->ifname);
        const char *lines[] = {line};
        if (explain_more(c->fs, f,
                         "Every entry of crypto map '%s' negotiates IKEv2, which the ASA answers "
                         "only on interfaces named in 'crypto ikev2 enable'.",
                         b->map))
                return -1;
        return finding_fix_lines(c->fs, f, c->dev, lines, 1, NULL);
}

static int check_asa(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                const struct crypto_map *m = model_get_cmap(d, b->map);
                if (!b->ifname || !m || !m->entries.n ||
                    !(model_get_nameif(d, b->ifname) || model_get_iface(d, b->ifname)))
                        continue;
                unsigned need =
                    d->platform == PLAT_PIX && d->version.major < 7 ? NEED_V1 : map_needs(d, m);
                bool v1_off = (need & NEED_V1) && !nameif_enabled(&d->ike.ikev1_enabled, b->ifname);
                bool v2_off = (need & NEED_V2) && !nameif_enabled(&d->ike.ikev2_enabled, b->ifname);
                if (v1_off && report(c, b, false))
                        return -1;
                if (v2_off && report(c, b, true))
                        return -1;
        }
        return 0;
}

/* IOS: ISAKMP is on by default; only "no crypto isakmp enable" turns it off,
 * and then no crypto map on any interface can negotiate. */
static int check_ios(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (!d->ike.ios_isakmp_disabled || d->cmap_bindings.n == 0)
                return 0;
        struct finding *f = check_report(c, &d->ike.ios_isakmp_disabled_loc);
        if (!f)
                return -1;
        /* evidence: the bindings in use (model/in_use.c); with none, advice */
        size_t live = 0;
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                if (!iu_binding_reached(d, b))
                        continue;
                live++;
                if (finding_evidence(c->fs, f, &b->loc))
                        return -1;
        }
        if (!live) {
                f->severity = SEV_INFO;
                if (finding_title(c->fs, f,
                                  "ISAKMP is disabled ('no crypto isakmp enable'); no interface "
                                  "that carries a crypto map is up and reached by its peers"))
                        return -1;
        }
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

int check_isakmp_not_enabled(struct check_ctx *c)
{
        return c->dev->platform == PLAT_IOS ? check_ios(c) : check_asa(c);
}
