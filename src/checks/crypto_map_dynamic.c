/*
 * Dynamic crypto map placement and the config causes of %ASA-3-752006:
 * dynamic-map-seq-order and key-acquire-failed.
 */
#include <stdio.h>
#include <string.h>

#include "../model/in_use.h"
#include "checks_list.h"
#include "cmap_util.h"

/* The static entry with the highest sequence number, or NULL. */
static const struct crypto_map_entry *last_static(const struct crypto_map *m)
{
        const struct crypto_map_entry *best = NULL;
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *e = m->entries.v[k];
                if (!e->is_dynamic_ref && (!best || e->seq > best->seq))
                        best = e;
        }
        return best;
}

/* IOS: a static peer that initiates may be matched by the earlier dynamic
 * entry and negotiated with its template (Cisco IOS "Dynamic crypto maps":
 * they should be the lowest priority entries "so that negotiations for
 * security associations will try to match the static crypto map entries
 * first"). The router's own traffic still uses the static entries (a
 * dynamic entry never initiates), and labs with the order reversed work
 * (configs-2: john-clarkson l2l-ezvpn, v6ipsec), so on IOS this breaks only
 * when the template's transform sets and settings do not suit the static
 * peer: a warning that names that condition. The ASA keeps the error: the
 * seed documents its QM failures (713042). */
static bool ios_condition(const struct device *d)
{
        return d->platform == PLAT_IOS;
}

static int report_order(struct check_ctx *c, const struct crypto_map *m,
                        const struct crypto_map_entry *ref, const struct crypto_map_entry *last)
{
        struct finding *f = check_report(c, &ref->loc);
        (void)m;
        bool covers = ios_condition(c->dev);
        if (f && covers)
                f->severity = SEV_WARNING;
        /* a map applied to no live interface orders nothing yet (model/in_use.c) */
        char cbuf[160];
        const char *cond = covers ? "" : cmap_unused_condition(c->dev, ref, cbuf, sizeof(cbuf));
        cmap_severity_for(f, cond);
        char seq[12];
        snprintf(seq, sizeof(seq), "%d", ref->seq);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto map '%s' %d (dynamic map '%s') comes before static entry %d%s%s",
                          ref->map, ref->seq, ref->dynamic_map ? ref->dynamic_map : "?", last->seq,
                          covers ? ": a static peer that initiates may be negotiated with the "
                                   "dynamic entry's transform sets and settings, not its own"
                                 : "",
                          cond) ||
            finding_evidence(c->fs, f, &last->loc))
                return -1;
        const char *vars[] = {"map", ref->map, "seq", seq, "dynmap", ref->dynamic_map, NULL};
        return check_fix(c, f, vars);
}

int check_dynamic_map_seq_order(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                const struct crypto_map_entry *last = m->dynamic ? NULL : last_static(m);
                for (size_t k = 0; last && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (e->is_dynamic_ref && e->seq < last->seq && report_order(c, m, e, last))
                                return -1;
                }
        }
        return 0;
}

/* ---- key-acquire-failed ------------------------------------------------ */

/* A crypto ACL on a dynamic-map entry is supported: the ASA VPN CLI
 * configuration guide ("Using Dynamic Crypto Maps") only asks for care with
 * "any" in its permits, and a dynamic entry needs only a transform set. What
 * it does: the ASA cannot initiate with a dynamic entry, so a packet its ACL
 * permits before the peer has connected finds no SA and is dropped, which is
 * when 752006 is logged. That is worth knowing, not a fault of the config:
 * info here; the log message itself is explain's error (diagnoses.md). */
static int report_dyn_acl(struct check_ctx *c, const struct crypto_map_entry *e)
{
        struct finding *f = check_report(c, &e->match_loc);
        char seq[12];
        snprintf(seq, sizeof(seq), "%d", e->seq);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto dynamic-map '%s' %d has a crypto ACL ('%s'): the ASA cannot "
                          "start these tunnels, and traffic it permits before the peer connects "
                          "is dropped (752006)",
                          e->map, e->seq, e->match_acl) ||
            finding_evidence(c->fs, f, &e->loc))
                return -1;
        f->severity = SEV_INFO;
        const char *vars[] = {"dynmap", e->map, "seq", seq, "acl", e->match_acl, NULL};
        return check_fix(c, f, vars);
}

/* Does an ASA VTI (tunnel protection ipsec profile P) negotiate with IKEv2?
 * Its profile names "set ikev2 ipsec-proposal" proposals. */
static bool vti_ikev2(const struct device *d)
{
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                const struct ipsec_profile *p =
                    f->tunnel_protection && !f->shutdown
                        ? model_get_ipsec_profile(d, f->tunnel_protection)
                        : NULL;
                for (size_t k = 0; p && k < p->tsets.n; k++) {
                        const struct transform_set *t = model_get_tset(d, p->tsets.v[k]);
                        if (t && t->ikev2)
                                return true;
                }
        }
        return false;
}

/* Does any entry (static or template), or a VTI, negotiate with IKEv2? */
static bool ikev2_used(const struct device *d)
{
        if (vti_ikev2(d))
                return true;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                for (size_t k = 0; k < m->entries.n; k++)
                        if (((const struct crypto_map_entry *)m->entries.v[k])->ikev2_proposals.n)
                                return true;
        }
        return false;
}

#define MAX_FIX_LINES 32

/* Leftover IKEv2 settings while every entry uses IKEv1: the removal
 * commands, one per setting (ASA 8.4+ syntax, the only one with IKEv2). */
static int report_ikev2_leftover(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const struct loc *first = NULL;
        char buf[MAX_FIX_LINES][80];
        const char *lines[MAX_FIX_LINES];
        size_t n = 0;
        for (size_t i = 0; i < d->ike.ikev2_enabled.n && n < MAX_FIX_LINES; i++) {
                const struct iface_ref *r = d->ike.ikev2_enabled.v[i];
                first = first ? first : &r->loc;
                snprintf(buf[n], sizeof(buf[n]), "no crypto ikev2 enable %.40s", r->ifname);
                lines[n] = buf[n], n++;
        }
        for (size_t i = 0; i < d->ikev2_policies.n && n < MAX_FIX_LINES; i++) {
                const struct ikev2_policy *p = d->ikev2_policies.v[i];
                first = first ? first : &p->loc;
                snprintf(buf[n], sizeof(buf[n]), "no crypto ikev2 policy %d", p->priority);
                lines[n] = buf[n], n++;
        }
        if (!first)
                return 0;
        struct finding *f = check_report(c, first);
        if (!f ||
            finding_title(c->fs, f,
                          "IKEv2 is configured but no crypto map entry uses it (leftover IKEv2 "
                          "settings)"))
                return -1;
        for (size_t i = 0; i < d->ikev2_policies.n; i++)
                if (finding_evidence(c->fs, f,
                                     &((const struct ikev2_policy *)d->ikev2_policies.v[i])->loc))
                        return -1;
        return finding_fix_lines(c->fs, f, d, lines, n, NULL);
}

/* ASA only: 752006 is the ASA tunnel manager's message. A crypto ACL on a
 * dynamic-map entry and unused IKEv2 settings are the config causes read
 * here; duplicate ACEs are crypto-acl-duplicate's and mismatched ACLs need
 * the peer (crypto-acl-not-mirrored). */
int check_key_acquire_failed(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA)
                return 0;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                for (size_t k = 0; m->dynamic && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        /* only an entry that traffic reaches: an applied map refers
                         * to it and no lower static entry takes its ACL's flows
                         * first (model/in_use.c) */
                        if (e->match_acl && iu_dynamic_entry_reached(d, e) && report_dyn_acl(c, e))
                                return -1;
                }
        }
        return ikev2_used(d) ? 0 : report_ikev2_leftover(c);
}
