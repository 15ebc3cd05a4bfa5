/*
 * tunnel-group-name-not-peer-ip (ASA, and PIX 7+ which reads as ASA): an
 * ASA picks a LAN-to-LAN peer's tunnel-group, and so its key, by the
 * peer's IP address (main mode with pre-shared keys).
 *
 * Reported:
 * 1. an ipsec-l2l tunnel-group with a pre-shared key whose name is not an
 *    address (and not DefaultL2LGroup, not a template placeholder such as
 *    '<AZ-PIP-1>', and no 'set peer NAME' uses it),
 *    when no applied map has a dynamic entry: static peers can never select
 *    it. (With a dynamic entry, dynamic peers sending 'identity key-id' can,
 *    so it is left alone.) Evidence: the static peers without a group.
 * 2. otherwise, each static peer address with no tunnel-group named after
 *    it, when DefaultL2LGroup has neither a key nor a trustpoint: the peer
 *    falls to DefaultL2LGroup and no key applies. A DefaultL2LGroup with a
 *    key is taken as deliberate. An excerpt with no tunnel-group at all
 *    (a "show running-config crypto map" paste) is not judged.
 */
#include <stdio.h>
#include <string.h>

#include "../config/lex.h"
#include "checks_list.h"
#include "cmap_util.h"
#include "excerpt.h"

struct tg_scan {
        struct arena a;
        struct ptrvec lost;    /* struct cm_peer *: static peers without a group */
        struct ptrvec lost_e;  /* their entries */
        struct strmap by_name; /* non-address peer names */
        bool dynamic;          /* an applied map has a dynamic entry */
};

static bool applies(const struct device *d)
{
        return d->platform == PLAT_ASA || (d->platform == PLAT_PIX && d->version.major >= 7);
}

static int scan_entry(struct tg_scan *s, const struct device *d, const struct crypto_map_entry *e)
{
        if (e->is_dynamic_ref)
                s->dynamic = true;
        if (!cmap_entry_static(e))
                return 0;
        for (size_t j = 0; j < e->peers.n; j++) {
                const struct cm_peer *p = e->peers.v[j];
                char a[16];
                if (!p->is_addr) {
                        if (p->text && strmap_put(&s->a, &s->by_name, p->text, (void *)p))
                                return -1;
                        continue;
                }
                if (model_get_tg(d, ipv4_str(p->addr, a)))
                        continue;
                if (ptrvec_push(&s->a, &s->lost, (void *)p) ||
                    ptrvec_push(&s->a, &s->lost_e, (void *)e))
                        return -1;
        }
        return 0;
}

static int scan(struct tg_scan *s, const struct device *d)
{
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                if (m->dynamic || !cmap_binding(d, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++)
                        if (scan_entry(s, d, m->entries.v[k]))
                                return -1;
        }
        return 0;
}

static bool orphan(const struct tg_scan *s, const struct tunnel_group *tg)
{
        /* A vendor template's "<AZ-PIP-1>" stands for the peer's address. */
        return tg->type == TG_L2L && !tg->name_is_addr && tg->has_psk && !tg->trustpoint &&
               strcmp(tg->name, "DefaultL2LGroup") && !lex_is_placeholder(tg->name) &&
               !strmap_get(&s->by_name, tg->name);
}

static int report_orphan(struct check_ctx *c, const struct tg_scan *s,
                         const struct tunnel_group *tg)
{
        struct finding *f = check_report(c, &tg->loc);
        char a[16];
        const char *peer =
            s->lost.n ? ipv4_str(((const struct cm_peer *)s->lost.v[0])->addr, a) : NULL;
        if (!f || finding_title(
                      c->fs, f,
                      "ipsec-l2l tunnel-group '%s' is not named after a peer's IP address%s%s%s",
                      tg->name, peer ? "; peer " : "", peer ? peer : "",
                      peer ? " has no tunnel-group of its own" : ""))
                return -1;
        for (size_t i = 0; i < s->lost.n; i++)
                if (finding_evidence(c->fs, f, &((const struct cm_peer *)s->lost.v[i])->loc))
                        return -1;
        if (peer && finding_set_peer(c->fs, f, peer))
                return -1;
        const char *vars[] = {"peer", peer, NULL};
        /* the misnamed group goes once the peer's own is in: an L2L peer is
         * never matched to it (the ASA looks L2L tunnel-groups up by the
         * peer's address) */
        char drop[160];
        snprintf(drop, sizeof(drop), "clear configure tunnel-group %s", tg->name);
        if (peer)
                return check_fix_before(c, f, drop, vars);
        return check_fix(c, f, (const char *[]){NULL});
}

static int report_lost(struct check_ctx *c, const struct cm_peer *p,
                       const struct crypto_map_entry *e)
{
        char a[16];
        const char *peer = ipv4_str(p->addr, a);
        struct finding *f = check_report(c, &p->loc);
        /* A certificate map rule may give a certificate-authenticated peer its
         * tunnel-group (ASA "tunnel-group-map"): then the fall to
         * DefaultL2LGroup is only a condition (docs/severity.md). */
        const struct loc *rule = c->dev->tg_map_rule_loc.line ? &c->dev->tg_map_rule_loc : NULL;
        if (f && rule)
                f->severity = SEV_WARNING;
        if (!f ||
            finding_title(c->fs, f,
                          "peer %s of crypto map '%s' %d has no tunnel-group named after it and "
                          "falls to DefaultL2LGroup, which has no key%s",
                          peer, e->map, e->seq,
                          rule ? ", unless it authenticates with a certificate that a "
                                 "tunnel-group-map rule maps to its tunnel-group"
                               : "") ||
            (rule && finding_evidence(c->fs, f, rule)) || finding_set_peer(c->fs, f, peer))
                return -1;
        const char *vars[] = {"peer", peer, NULL};
        return check_fix(c, f, vars);
}

static int decide(struct check_ctx *c, const struct tg_scan *s)
{
        const struct device *d = c->dev;
        size_t orphans = 0;
        for (size_t i = 0; !s->dynamic && i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (!orphan(s, tg))
                        continue;
                orphans++;
                if (report_orphan(c, s, tg))
                        return -1;
        }
        if (orphans)
                return 0;
        const struct tunnel_group *dflt = model_get_tg(d, "DefaultL2LGroup");
        if ((dflt && (dflt->has_psk || dflt->trustpoint)) || excerpt_unseen(d, d->tunnel_groups.n))
                return 0;
        for (size_t i = 0; i < s->lost.n; i++)
                if (report_lost(c, s->lost.v[i], s->lost_e.v[i]))
                        return -1;
        return 0;
}

int check_tunnel_group_name_not_peer_ip(struct check_ctx *c)
{
        if (!applies(c->dev))
                return 0;
        struct tg_scan s = {0};
        arena_init(&s.a, 0);
        int rc = scan(&s, c->dev);
        if (!rc)
                rc = decide(c, &s);
        arena_free(&s.a);
        return rc;
}
