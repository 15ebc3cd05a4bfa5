/*
 * How crypto maps are applied: crypto-map-not-applied and
 * one-crypto-map-per-interface.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../model/in_use.h"
#include "checks_list.h"
#include "cmap_util.h"
#include "excerpt.h"

/* An applied map whose name equals m's but for case: crypto-map-name-case
 * reports m, not this check. */
static bool bound_case_twin(const struct device *dev, const char *name)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->map && strcmp(b->map, name) && !strcasecmp(b->map, name))
                        return true;
        }
        return false;
}

/* The interface the route to the map's first peer leaves by: the likely
 * place to apply it. NULL when no static entry has an address peer. */
static const char *likely_iface(const struct device *dev, const struct crypto_map *m)
{
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *e = m->entries.v[k];
                if (!e->peers.n || !((const struct cm_peer *)e->peers.v[0])->is_addr)
                        continue;
                const struct iface *f =
                    model_route_lookup(dev, ((const struct cm_peer *)e->peers.v[0])->addr, NULL);
                if (f)
                        return f->nameif ? f->nameif : f->name;
        }
        return NULL;
}

/* A binding of another map on interface ifname (nameif or IOS name), or NULL. */
static const struct crypto_map_binding *carried_by(const struct device *dev, const char *ifname)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->ifname && b->map && !strcmp(b->ifname, ifname) &&
                    model_get_cmap(dev, b->map))
                        return b;
        }
        return NULL;
}

/* Is the unapplied map a leftover (model/in_use.c)? Every peer of its
 * static entries is served by another applied map, and the clients of its
 * dynamic entries by another dynamic entry or a virtual template: then no
 * tunnel depends on it, and the finding is advice (docs/severity.md). */
static bool leftover(const struct device *d, const struct crypto_map *m)
{
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *e = m->entries.v[k];
                if (e->is_dynamic_ref) {
                        if (!iu_clients_served(d, m))
                                return false;
                        continue;
                }
                if (!e->peers.n)
                        return false;
                for (size_t j = 0; j < e->peers.n; j++) {
                        const struct cm_peer *p = e->peers.v[j];
                        if (!p->is_addr || !iu_peer_served(d, p->addr, m))
                                return false;
                }
        }
        return true;
}

/* A leftover is removed, not applied: applying it would replace the map the
 * interface carries (one crypto map per interface). ASA 7.0+: "clear
 * configure crypto map M" (ASA command reference); IOS and PIX 6: "no crypto
 * map M SEQ" per entry. */
static int remove_fix(struct check_ctx *c, struct finding *f, const struct crypto_map *m)
{
        enum { MAX_LINES = 32 };
        char buf[MAX_LINES][96];
        const char *lines[MAX_LINES];
        size_t n = 0;
        const struct device *d = c->dev;
        if (d->platform == PLAT_ASA || (d->platform == PLAT_PIX && d->version.major >= 7)) {
                snprintf(buf[n], sizeof(buf[n]), "clear configure crypto map %s", m->name);
                lines[n] = buf[n], n++;
        } else {
                for (size_t k = 0; k < m->entries.n && n < MAX_LINES; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        snprintf(buf[n], sizeof(buf[n]), "no crypto map %s %d", m->name, e->seq);
                        lines[n] = buf[n], n++;
                }
        }
        return finding_fix_lines(c->fs, f, d, lines, n, NULL);
}

static int report_unbound(struct check_ctx *c, const struct crypto_map *m)
{
        struct finding *f = check_report(c, &m->loc);
        bool unused = leftover(c->dev, m);
        if (f && unused)
                f->severity = SEV_INFO;
        if (!f || finding_title(
                      c->fs, f, "crypto map '%s' has %zu entr%s but is applied to no interface%s",
                      m->name, m->entries.n, m->entries.n == 1 ? "y" : "ies",
                      unused ? ": a leftover, its peers and clients are served by what is "
                               "applied"
                             : ""))
                return -1;
        if (unused)
                return remove_fix(c, f, m);
        const char *ifname = likely_iface(c->dev, m);
        const struct crypto_map_binding *taken = ifname ? carried_by(c->dev, ifname) : NULL;
        if (taken)
                /* Applying m there would replace the map the interface carries
                 * and drop its tunnels (one crypto map per interface: Cisco
                 * ASA VPN CLI configuration guide, "Apply crypto maps to
                 * interfaces"; IOS the same): no lines to paste, the way. */
                return explain_more(c->fs, f,
                                    "Interface '%s', which faces its peers, already carries "
                                    "crypto map '%s': applying '%s' there would replace it. "
                                    "Re-enter the entries of '%s' as new sequence numbers of "
                                    "'%s' instead.",
                                    ifname, taken->map, m->name, m->name, taken->map);
        const char *vars[] = {"map", m->name, ifname ? "if" : NULL, ifname, NULL};
        return check_fix(c, f, vars);
}

/* ASA/PIX: "crypto map M interface IF" for an IF no nameif defines. */
static bool iface_exists(const struct device *dev, const char *ifname)
{
        if (dev->platform == PLAT_IOS)
                return true; /* IOS bindings are read inside the interface itself */
        if (excerpt_unseen(dev, dev->ifaces.n))
                return true; /* a crypto section pasted without the interfaces */
        return ifname && (model_get_nameif(dev, ifname) || model_get_iface(dev, ifname));
}

static int report_bad_iface(struct check_ctx *c, const struct crypto_map_binding *b)
{
        struct finding *f = check_report(c, &b->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto map '%s' is applied to interface '%s', which does not exist",
                          b->map, b->ifname ? b->ifname : "?"))
                return -1;
        const struct crypto_map *m = model_get_cmap(c->dev, b->map);
        const char *ifname = m ? likely_iface(c->dev, m) : NULL;
        const char *vars[] = {"map", b->map, ifname ? "if" : NULL, ifname, NULL};
        return check_fix_replacing(c, f, &b->loc, vars);
}

int check_crypto_map_not_applied(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                /* An excerpt is not judged: a paste of the crypto map
                 * section often stops before a map's binding line (the ASA
                 * prints it after the map's last entry), and an IOS binding
                 * lives in an interface the excerpt may not show. */
                if (m->dynamic || !m->entries.n || cmap_binding(d, m->name) ||
                    bound_case_twin(d, m->name) || d->excerpt)
                        continue;
                if (report_unbound(c, m))
                        return -1;
        }
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                if (!iface_exists(d, b->ifname) && report_bad_iface(c, b))
                        return -1;
        }
        return 0;
}

/* The highest sequence number of map name, for a free number to move
 * entries to. */
static int next_seq(const struct device *dev, const char *name)
{
        const struct crypto_map *m = model_get_cmap(dev, name);
        int top = 0;
        for (size_t k = 0; m && k < m->entries.n; k++) {
                const struct crypto_map_entry *e = m->entries.v[k];
                if (!e->is_dynamic_ref && e->seq > top)
                        top = e->seq;
        }
        return top + 10 <= 65535 ? top + 10 : 65535;
}

static int report_second(struct check_ctx *c, const struct crypto_map_binding *first,
                         const struct crypto_map_binding *second)
{
        struct finding *f = check_report(c, &second->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto map '%s' applied to '%s' replaces crypto map '%s' already "
                          "applied there",
                          second->map, second->ifname, first->map) ||
            finding_evidence(c->fs, f, &first->loc))
                return -1;
        /* Move the second map's first static entry into the first map. */
        const struct crypto_map *m2 = model_get_cmap(c->dev, second->map);
        const struct crypto_map_entry *e = NULL;
        for (size_t k = 0; m2 && k < m2->entries.n && !e; k++)
                if (cmap_entry_static(m2->entries.v[k]))
                        e = m2->entries.v[k];
        struct cmap_vars cv = {0};
        if (e)
                cmap_vars_fill(&cv, c->dev, e);
        else
                cv.v[0] = NULL;
        /* cmap_vars_fill puts map, seq first: point them at the kept map. */
        snprintf(cv.seq, sizeof(cv.seq), "%d", next_seq(c->dev, first->map));
        const char *head[] = {"map", first->map, "seq", cv.seq, "if", first->ifname};
        const char *vars[22];
        size_t n = 0;
        for (size_t k = 0; k < 6; k++)
                vars[n++] = head[k];
        for (size_t k = 4; e && cv.v[k] && n + 2 < 22; k += 2)
                if (strcmp(cv.v[k], "if"))
                        vars[n++] = cv.v[k], vars[n++] = cv.v[k + 1];
        vars[n] = NULL;
        return check_fix(c, f, vars);
}

int check_one_crypto_map_per_interface(struct check_ctx *c)
{
        const struct device *d = c->dev;
        struct arena a;
        struct strmap first = {0};
        int rc = 0;
        arena_init(&a, 0);
        for (size_t i = 0; i < d->cmap_bindings.n && !rc; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                if (!b->ifname || !b->map)
                        continue;
                const struct crypto_map_binding *p = strmap_get(&first, b->ifname);
                if (!p)
                        rc = strmap_put(&a, &first, b->ifname, (void *)b);
                else if (strcmp(p->map, b->map))
                        rc = report_second(c, p, b);
        }
        arena_free(&a);
        return rc;
}
