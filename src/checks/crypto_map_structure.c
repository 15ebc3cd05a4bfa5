/*
 * crypto-map-incomplete and ike-peer-not-configured: what a crypto map
 * entry lacks.
 *
 * The two IDs split one question so that an entry is reported once:
 * - ike-peer-not-configured: a static entry that is otherwise complete
 *   (match address and a transform set / IKEv2 proposal) but has no
 *   'set peer'. That is the %ASA-3-713063 case: traffic matches, IKE has
 *   nobody to talk to.
 * - crypto-map-incomplete: every other gap: no match address or no
 *   transform set on a static entry (with or without a peer), a dynamic-map
 *   template without a transform set (a template needs neither ACL nor
 *   peer), or a reference to a dynamic map that does not exist.
 * Entries of a map whose name differs from an applied map only in case are
 * left to crypto-map-name-case, which explains the real cause.
 */
#include <string.h>
#include <strings.h>

#include "checks_list.h"
#include "cmap_util.h"
#include "excerpt.h"

enum { MISS_ACL = 1u << 0, MISS_TSET = 1u << 1, MISS_PEER = 1u << 2, MISS_DYN = 1u << 3 };

/* A dynamic map spelled as name but for case: crypto-map-name-case's. */
static bool dynamic_twin(const struct device *dev, const char *name)
{
        for (size_t i = 0; name && i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                if (m->dynamic && !strcasecmp(m->name, name))
                        return true;
        }
        return false;
}

static size_t dynamic_maps(const struct device *dev)
{
        size_t n = 0;
        for (size_t i = 0; i < dev->crypto_maps.n; i++)
                n += ((const struct crypto_map *)dev->crypto_maps.v[i])->dynamic;
        return n;
}

static unsigned entry_missing(const struct device *dev, const struct crypto_map_entry *e)
{
        /* "show running-config crypto map" prints the reference but not the
         * "crypto dynamic-map" lines it names. */
        if (e->is_dynamic_ref)
                return cmap_dynamic(dev, e->dynamic_map) || dynamic_twin(dev, e->dynamic_map) ||
                               excerpt_unseen(dev, dynamic_maps(dev))
                           ? 0
                           : MISS_DYN;
        if (e->ipsec_manual || e->gdoi)
                return 0;
        unsigned m = cmap_entry_has_tsets(dev, e) ? 0 : MISS_TSET;
        if (e->dynamic_template)
                return m;
        if (!e->match_acl)
                m |= MISS_ACL;
        if (!e->peers.n)
                m |= MISS_PEER;
        return m;
}

/* A map only the case of whose name differs from an applied map's. */
static bool case_twin(const struct device *dev, const struct crypto_map *m)
{
        if (m->dynamic || cmap_binding(dev, m->name))
                return false;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->map && !strcasecmp(b->map, m->name))
                        return true;
        }
        return false;
}

static const char *missing_text(unsigned m)
{
        static const char *const text[] = {"",
                                           "'match address'",
                                           "a transform set",
                                           "'match address' and a transform set",
                                           "'set peer'",
                                           "'match address' and 'set peer'",
                                           "a transform set and 'set peer'",
                                           "'match address', a transform set and 'set peer'"};
        return text[m & 7u];
}

static int report(struct check_ctx *c, const struct crypto_map_entry *e, unsigned m)
{
        struct finding *f = check_report(c, &e->loc);
        if (!f)
                return -1;
        const char *kind = e->dynamic_template ? "crypto dynamic-map" : "crypto map";
        char cbuf[160];
        const char *cond = cmap_unused_condition(c->dev, e, cbuf, sizeof(cbuf));
        cmap_severity_for(f, cond);
        int rc = (m & MISS_DYN)
                     ? finding_title(c->fs, f,
                                     "crypto map '%s' %d refers to dynamic map '%s', which "
                                     "does not exist%s",
                                     e->map, e->seq, e->dynamic_map ? e->dynamic_map : "?", cond)
                     : finding_title(c->fs, f, "%s '%s' %d lacks %s%s", kind, e->map, e->seq,
                                     missing_text(m), cond);
        if (rc)
                return -1;
        if (e->match_acl && finding_evidence(c->fs, f, &e->match_loc))
                return -1;
        if ((e->tsets.n || e->ikev2_proposals.n) && finding_evidence(c->fs, f, &e->tsets_loc))
                return -1;
        struct cmap_vars cv = {0};
        cmap_vars_fill(&cv, c->dev, e);
        return check_fix(c, f, cv.v);
}

static int report_peer(struct check_ctx *c, const struct crypto_map_entry *e)
{
        struct finding *f = check_report(c, &e->loc);
        char cbuf[160];
        const char *cond = cmap_unused_condition(c->dev, e, cbuf, sizeof(cbuf));
        cmap_severity_for(f, cond);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto map '%s' %d encrypts traffic of ACL '%s' but has no 'set "
                          "peer'%s",
                          e->map, e->seq, e->match_acl, cond) ||
            finding_evidence(c->fs, f, &e->match_loc) || finding_evidence(c->fs, f, &e->tsets_loc))
                return -1;
        struct cmap_vars cv = {0};
        cmap_vars_fill(&cv, c->dev, e);
        return check_fix(c, f, cv.v);
}

/* Every entry of every map that is not a case twin: peer_only reports the
 * entries that lack only a peer, otherwise every other gap. */
static int each_entry(struct check_ctx *c, bool peer_only)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                if (case_twin(d, m))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        unsigned miss = entry_missing(d, e);
                        if (!miss || (miss == MISS_PEER) != peer_only)
                                continue;
                        if (peer_only ? report_peer(c, e) : report(c, e, miss))
                                return -1;
                }
        }
        return 0;
}

int check_crypto_map_incomplete(struct check_ctx *c)
{
        return each_entry(c, false);
}

int check_ike_peer_not_configured(struct check_ctx *c)
{
        return each_entry(c, true);
}
