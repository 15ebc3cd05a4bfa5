/*
 * DMVPN directions among the given configs (Cisco "Dynamic Multipoint VPN
 * Configuration Guide"):
 * - a spoke's mGRE interface names its hubs by NHRP: "ip nhrp nhs T nbma A"
 *   or "ip nhrp nhs T" with "ip nhrp map T A". The spoke starts IKE to A
 *   (spoke -> hub) to send its registration;
 * - once registered, the hub knows the spoke's NBMA address and can start
 *   IKE towards it (hub -> spoke);
 * - two mGRE spokes of one hub resolve each other through it and build a
 *   direct tunnel (phase 2, and phase 3 shortcuts): spoke -> spoke, both
 *   ways, with GRE selectors between their NBMA addresses.
 * The NHRP faults that stop a registration although IPsec is up
 * (nhrp-nhs-wrong, nhrp-auth-mismatch) are reported here, per spoke and hub.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../checks/check.h"
#include "../util/ipv4.h"
#include "../model/tunnel.h"
#include "dmvpn.h"
#include "side_int.h"

struct reg {
        size_t spoke, hub;
        const struct iface *st, *ht; /* spoke and hub tunnel interfaces */
        uint32_t spoke_nbma;
        bool up; /* IPsec to the hub established and NHRP registration accepted */
};

struct regs {
        struct reg *v;
        size_t n, cap;
};

static int push_reg(struct regs *r, const struct reg *x)
{
        if (r->n == r->cap) {
                size_t cap = r->cap ? r->cap * 2 : 16;
                struct reg *v = realloc(r->v, cap * sizeof(*v));
                if (!v)
                        return -1;
                r->v = v, r->cap = cap;
        }
        r->v[r->n++] = *x;
        return 0;
}

/* A device's mGRE tunnel whose tunnel address is addr: the hub an NHS
 * entry means by its tunnel address. */
static size_t hub_by_tunnel_addr(const struct disc *d, size_t self, uint32_t addr,
                                 const struct iface **ht)
{
        for (size_t j = 0; j < disc_count(d); j++) {
                const struct device *dv = disc_dev(d, j);
                for (size_t k = 0; j != self && k < dv->ifaces.n; k++) {
                        const struct iface *t = dv->ifaces.v[k];
                        if (tunnel_is_ipv4(t) && t->tunnel_kind == TUNK_MGRE && t->has_addr &&
                            t->addr == addr) {
                                *ht = t;
                                return j;
                        }
                }
        }
        return disc_count(d);
}

/* The hub's mGRE interface on nbma that a spoke tunnel registers with:
 * the one whose tunnel address is the NHS, else the one whose subnet holds
 * the spoke's tunnel address, else the first (a hub may run several clouds
 * from one source with "tunnel protection ... shared"). */
static const struct iface *hub_tunnel(const struct device *hub, uint32_t nbma,
                                      const struct iface *st, const struct nhrp_nhs *s)
{
        const struct iface *first = NULL, *subnet = NULL;
        for (size_t k = 0; k < hub->ifaces.n; k++) {
                const struct iface *t = hub->ifaces.v[k];
                uint32_t a;
                if (!tunnel_is_ipv4(t) || t->tunnel_kind != TUNK_MGRE ||
                    (tunnel_source_addr(hub, t, &a, NULL) && a != nbma))
                        continue;
                if (t->has_addr && s->has_tunnel && t->addr == s->tunnel)
                        return t;
                if (!subnet && t->has_addr && st->has_addr &&
                    (t->addr & t->mask) == (st->addr & t->mask))
                        subnet = t;
                if (!first)
                        first = t;
        }
        return subnet ? subnet : first;
}

static struct finding *report(struct disc *d, const char *id, const struct device *dev,
                              const struct loc *loc, const char *peer, const char *const *vars)
{
        struct check_ctx c = {dev, disc_findings(d), id};
        struct finding *f = check_report(&c, loc);
        if (!f || finding_set_peer(c.fs, f, peer) || check_fix(&c, f, vars))
                return NULL;
        return f;
}

static int no_answer(struct disc *d, const struct device *spoke, const struct device *hub,
                     uint32_t nbma, const char *reason)
{
        struct findings *fs = disc_findings(d);
        char ip[16];
        ipv4_str(nbma, ip);
        struct tunnel_result *t = arena_alloc(&fs->arena, sizeof(*t));
        if (!t)
                return -1;
        t->a = device_label(spoke), t->initiator = t->a, t->b = device_label(hub);
        t->peer_a = arena_strdup(&fs->arena, ip);
        t->state_a = "MM_NO_STATE", t->state_b = "";
        t->status = TUN_NO_RESPONSE;
        t->reason = arena_strdup(&fs->arena, reason);
        if (!t->peer_a || !t->reason)
                return -1;
        return ptrvec_push(&fs->arena, &fs->tunnels, t);
}

/* nhrp-nhs-wrong: the NHS names a tunnel address or an NBMA address that
 * is not the hub's. Returns 1 when reported. */
static int nhs_wrong(struct disc *d, const struct device *sp, const struct iface *st,
                     const struct nhrp_nhs *s, uint32_t nbma, const struct device *hub,
                     const struct iface *ht, uint32_t hub_nbma)
{
        char t[16], a[16], ht_ip[16], ha[16];
        ipv4_str(s->tunnel, t);
        ipv4_str(nbma, a);
        ipv4_str(ht->addr, ht_ip);
        ipv4_str(hub_nbma, ha);
        const char *vars[] = {"if",  st->name,   "nhs_line", s->loc.text, "hub_tunnel",
                              ht_ip, "hub_nbma", ha,         NULL};
        struct finding *f = report(d, "nhrp-nhs-wrong", sp, &s->loc, ha, vars);
        if (!f || finding_evidence(disc_findings(d), f, &ht->loc) ||
            finding_title(disc_findings(d), f,
                          "%s's NHS %s (NBMA %s) is not the hub %s: its tunnel address is %s "
                          "and its NBMA address %s",
                          st->name, t, a, device_label(hub), ht_ip, ha))
                return -1;
        return 1;
}

static int auth_check(struct disc *d, const struct device *sp, const struct iface *st,
                      const struct device *hub, const struct iface *ht, uint32_t hub_nbma,
                      bool *bad)
{
        const struct secret *x = &st->nhrp.auth, *y = &ht->nhrp.auth;
        bool one = (x->state == SECRET_ABSENT) != (y->state == SECRET_ABSENT);
        *bad = one || secret_compare(x, y) == SECRET_CMP_DIFFERENT;
        if (!*bad)
                return 0;
        char ha[16];
        ipv4_str(hub_nbma, ha);
        const char *vars[] = {"if", st->name, NULL};
        /* evidence shows file and line only: the string is a shared secret */
        struct loc sl = {st->nhrp.auth_loc.file, st->nhrp.auth_loc.line,
                         "ip nhrp authentication <secret>"};
        struct loc hl = {ht->nhrp.auth_loc.file, ht->nhrp.auth_loc.line,
                         "ip nhrp authentication <secret>"};
        struct finding *f = report(d, "nhrp-auth-mismatch", sp, sl.line ? &sl : &st->loc, ha, vars);
        if (!f || (hl.line && finding_evidence(disc_findings(d), f, &hl)))
                return -1;
        return finding_title(
            disc_findings(d), f,
            one ? "NHRP authentication is set on %s only: %s and its hub %s "
                  "cannot exchange NHRP"
                : "The NHRP authentication strings of %s and its hub %s differ",
            one ? (x->state == SECRET_ABSENT ? device_label(hub) : device_label(sp))
                : device_label(sp),
            one ? device_label(sp) : device_label(hub), device_label(hub));
}

/* One NHS entry of spoke tunnel st on device i. */
static int one_nhs(struct disc *d, size_t i, const struct iface *st, const struct nhrp_nhs *s,
                   struct regs *rg)
{
        const struct device *sp = disc_dev(d, i);
        uint32_t nbma, me;
        if (!nhrp_nhs_nbma(st, s, &nbma))
                return 0; /* an NHS without an NBMA address: resolved at run time */
        size_t j = disc_owner(d, i, nbma);
        /* a spoke whose source address comes from DHCP or PPP registers with
         * it all the same: the play stands one in (side_tun.c) */
        if (!tunnel_source_addr(sp, st, &me, NULL)) {
                if (!tunnel_source_dynamic(sp, st) && !tunnel_source_absent(sp, st))
                        return 0;
                me = side_stand_in_addr(sp, j < disc_count(d) ? disc_dev(d, j) : NULL);
        }
        const struct iface *ht = NULL;
        bool excerpt_hub = false;
        if (j == disc_count(d)) {
                size_t k = s->has_tunnel ? hub_by_tunnel_addr(d, i, s->tunnel, &ht) : j;
                uint32_t hn;
                /* the hub is an excerpt (its tunnel source interface is not in its
                 * config): it is taken to own the NBMA address the spoke names, as
                 * `tunnel` does and says (side_tun.c) */
                excerpt_hub = k < disc_count(d) && ht && tunnel_source_absent(disc_dev(d, k), ht);
                if (excerpt_hub)
                        j = k;
                else if (k < disc_count(d) && tunnel_source_addr(disc_dev(d, k), ht, &hn, NULL)) {
                        int rc = nhs_wrong(d, sp, st, s, nbma, disc_dev(d, k), ht, hn);
                        char why[200], a[16];
                        ipv4_str(nbma, a);
                        snprintf(why, sizeof(why),
                                 "%s sends IKE and NHRP to %s, which is not the hub's NBMA "
                                 "address: nobody answers",
                                 st->name, a);
                        return rc < 0 || no_answer(d, sp, disc_dev(d, k), nbma, why) ? -1 : 0;
                } else
                        return st->tunnel_protection ? disc_missing(d, i, nbma) : 0;
        }
        if (!excerpt_hub)
                ht = hub_tunnel(disc_dev(d, j), nbma, st, s);
        if (!ht || (!st->tunnel_protection && !ht->tunnel_protection))
                return 0; /* no mGRE on that address, or plain DMVPN without IPsec */
        bool bad = false;
        if (s->has_tunnel && ht->has_addr && s->tunnel != ht->addr) {
                if (nhs_wrong(d, sp, st, s, nbma, disc_dev(d, j), ht, nbma) < 0)
                        return -1;
                bad = true;
        }
        bool auth_bad;
        if (auth_check(d, sp, st, disc_dev(d, j), ht, nbma, &auth_bad))
                return -1;
        struct tunnel_result *r;
        if (disc_play(d, i, j, st, nbma, DMVPN_SPOKE_HUB, &r))
                return -1;
        struct reg x = {i, j, st, ht, me, r && r->status == TUN_ESTABLISHED && !bad && !auth_bad};
        if (x.up && disc_play(d, j, i, ht, me, DMVPN_HUB_SPOKE, NULL))
                return -1;
        return push_reg(rg, &x);
}

int dmvpn_discover(struct disc *d)
{
        struct regs rg = {0};
        int rc = 0;
        for (size_t i = 0; i < disc_count(d) && !rc; i++) {
                const struct device *dv = disc_dev(d, i);
                for (size_t k = 0; k < dv->ifaces.n && !rc; k++) {
                        const struct iface *t = dv->ifaces.v[k];
                        if (!tunnel_is_ipv4(t) || t->tunnel_kind == TUNK_IPSEC)
                                continue;
                        for (size_t q = 0; q < t->nhrp.nhs.n && !rc; q++)
                                rc = one_nhs(d, i, t, t->nhrp.nhs.v[q], &rg);
                }
        }
        /* spoke -> spoke: two registered mGRE spokes of one hub interface (one cloud) */
        for (size_t a = 0; a < rg.n && !rc; a++)
                for (size_t b = 0; b < rg.n && !rc; b++) {
                        const struct reg *x = &rg.v[a], *y = &rg.v[b];
                        if (x->spoke == y->spoke || x->hub != y->hub || x->ht != y->ht || !x->up ||
                            !y->up || x->st->tunnel_kind != TUNK_MGRE ||
                            y->st->tunnel_kind != TUNK_MGRE)
                                continue;
                        rc = disc_play(d, x->spoke, y->spoke, x->st, y->spoke_nbma,
                                       DMVPN_SPOKE_SPOKE, NULL);
                }
        free(rg.v);
        return rc;
}
