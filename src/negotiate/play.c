/*
 * Plays IKEv1 Main Mode (Aggressive Mode when the initiator's entry asks
 * for it) up to phase 1, reaching the peer first; Quick Mode is in
 * play_p2.c, IKEv2 in play_v2.c. Each stop sets the contract status, both
 * Cisco SA states, the reason and the pair-level findings.
 */
#include <stdio.h>
#include <string.h>

#include "../util/ipv4.h"
#include "p1_fix.h"
#include "../checks/check.h"
#include "../model/in_use.h"
#include "play_int.h"
#include "side_int.h"

static const char *mm(const struct side *s, const char *ios, const char *asa)
{
        return s->plat == PLAT_IOS || s->plat == PLAT_UNKNOWN ? ios : asa;
}

/* A crypto map on an interface in a VRF: IKE to the peer is routed in that
 * VRF (Cisco VRF-Aware IPsec configuration guide: the front-door VRF is the
 * one of the interface the crypto map is applied to), which has static
 * routes but none to the peer: tunnel-vrf-no-route, at the interface, once
 * per direction (the initiator's MM1, the responder's answers). The fix's
 * next hop is the gateway the VRF already uses on that interface, when a
 * static route of the VRF names one in its subnet. (Tunnel interfaces are
 * play_tun.c's.) */
static int vrf_no_route(struct play *pl, const struct side *s, const char *peer)
{
        if (s->tun || s->tun_bare)
                return 0;
        const struct iface *f = s->ifname ? model_get_nameif(s->dev, s->ifname) : NULL;
        if (!f && s->ifname)
                f = model_get_iface(s->dev, s->ifname);
        char nh[16] = "";
        for (size_t i = 0; f && f->has_addr && i < s->dev->routes.n && !nh[0]; i++) {
                const struct route *r = s->dev->routes.v[i];
                if (r->has_nexthop && r->vrf && !strcmp(r->vrf, s->fvrf) &&
                    (r->nexthop & f->mask) == (f->addr & f->mask))
                        ipv4_str(r->nexthop, nh);
        }
        const char *v[] = {"vrf", s->fvrf, "peer", peer, nh[0] ? "nexthop" : NULL, nh, NULL};
        struct finding *x = pf_report(pl, "tunnel-vrf-no-route", s, f ? &f->loc : NULL, v);
        return !x || finding_title(pl->fs, x,
                                   "%s: no route to its peer %s in the front-door VRF %s of its "
                                   "crypto interface (%s)",
                                   s->label, peer, s->fvrf,
                                   s == pl->a ? "IKE to the peer is dropped before it leaves"
                                              : "its answers to the peer are dropped");
}

/* Reaching the peer: a route, IKE listening on both ends, the path. */
static int reach(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = true;
        if (!a->route_ok) {
                tr_end(pl, TUN_NO_RESPONSE, "MM_NO_STATE", "");
                if (a->fvrf && vrf_no_route(pl, a, pl->b_ip))
                        return -1;
                return tr_reason(pl, "%s has no route to the peer %s%s%s", a->label, pl->b_ip,
                                 a->fvrf ? " in its front-door VRF " : "", a->fvrf ? a->fvrf : "");
        }
        if (!a->isakmp_on) {
                const char *v[] = {"if", a->ifname, NULL};
                tr_end(pl, TUN_NO_RESPONSE, "MM_NO_STATE", "");
                if (!pf_report(pl, "isakmp-not-enabled", a, NULL, v))
                        return -1;
                return tr_reason(pl, "ISAKMP is not enabled on %s's interface %s", a->label,
                                 a->ifname ? a->ifname : "?");
        }
        if (b->misaddressed)
                return play_misaddressed(pl, stop);
        const char *first = a->aggressive ? "AM1" : "MM1";
        const char *wait = a->aggressive ? "AG_INIT_EXCH" : "MM_WAIT_MSG2";
        bool lost = pl->p->path.block500 || !b->isakmp_on || !b->route_ok ||
                    (a->aggressive && b->am_disabled);
        if (!lost) {
                *stop = false;
                return 0;
        }
        if (tr_step(pl, first, true, false, "UDP 500 -> %s: never answered", pl->b_ip))
                return -1;
        tr_end(pl, TUN_NO_RESPONSE, wait, "");
        if (pl->p->path.block500)
                return tr_reason(pl, "UDP 500 is blocked on the path (--block udp500)");
        if (!b->isakmp_on) {
                const char *v[] = {"if", b->ifname, NULL};
                if (!pf_report(pl, "isakmp-not-enabled", b, NULL, v))
                        return -1;
                return tr_reason(pl, "ISAKMP is not enabled on %s's interface %s", b->label,
                                 b->ifname ? b->ifname : "?");
        }
        if (!b->route_ok) {
                if (b->fvrf && vrf_no_route(pl, b, pl->a_ip))
                        return -1;
                return tr_reason(pl, "%s has no route back to %s%s%s", b->label, pl->a_ip,
                                 b->fvrf ? " in its front-door VRF " : "", b->fvrf ? b->fvrf : "");
        }
        /* the responder ignores Aggressive Mode ("crypto isakmp aggressive-mode
         * disable", ASA "crypto ikev1 am-disable"): the fix switches the
         * initiator to Main Mode rather than weaken the responder */
        char seq[16];
        snprintf(seq, sizeof(seq), "%d", a->am_seq);
        const char *v[] = {a->am_profile ? "profile" : "map",
                           a->am_profile ? a->am_profile : a->am_map, "seq", seq, NULL};
        if (!pf_report(pl, "aggressive-mode-refused", a, a->am_loc, v))
                return -1;
        return tr_reason(
            pl, "%s refuses aggressive mode (%s), and %s starts it (%s)", b->label,
            b->plat == PLAT_IOS ? "crypto isakmp aggressive-mode disable" : "am-disable", a->label,
            a->am_profile ? "isakmp profile with 'initiate mode aggressive'"
                          : "crypto map entry 'set phase1-mode aggressive'");
}

/* The fix's values on side s: policy p (another side's), with lifetime
 * life, under priority prio; NULL vars when no template can write p. */
static const char *const *p1_vars(const struct side *s, const struct p1_prop *p, int prio,
                                  uint32_t life, struct p1_fixvars *fv)
{
        static const char *const none[] = {NULL};
        return p && p1_fix_vars(s, p, prio, life, fv) ? fv->v : none;
}

/* A pre-share policy given to side s, which holds no key for the peer: the
 * fix carries the key line too, or it moves the failure to authentication
 * (the note that pf_report_after adds says which key it must equal). */
static const char *key_needed(struct play *pl, const struct side *s, const struct p1_prop *p)
{
        if (!p || p->auth != AUTH_PSK || s->key.state != SECRET_ABSENT)
                return NULL;
        const char *v[] = {"peer", s == pl->a ? pl->b_ip : pl->a_ip, NULL};
        return check_fix_text("psk-mismatch", s->dev, v, pl->ar);
}

static int policy_mismatch(struct play *pl, const struct p1_choice *c)
{
        const struct side *a = pl->a, *b = pl->b;
        struct p1_fixvars fa, fb;
        const char *const *va, *const *vb;
        if (c->lifetime_only) {
                /* the responder holds the proposed lifetime, or the initiator
                 * proposes the one the responder holds */
                const struct p1_prop *pi = &a->p1[c->lt_ini], *pr = &b->p1[c->lt_resp];
                vb = p1_vars(b, pr, pr->priority, pi->lifetime, &fb);
                va = p1_vars(a, pi, pi->priority, pr->lifetime, &fa);
        } else {
                const struct p1_prop *pb = p1_first_held(a, b), *pa = p1_first_held(b, a);
                vb = p1_vars(b, pb, p1_free_priority(b), pb ? pb->lifetime : 0, &fb);
                va = p1_vars(a, pa, p1_free_priority(a), pa ? pa->lifetime : 0, &fa);
        }
        const struct loc *lb = b->np1 ? &b->p1src[0]->loc : NULL;
        const struct p1_prop *gb = c->lifetime_only ? NULL : p1_first_held(a, b),
                             *ga = c->lifetime_only ? NULL : p1_first_held(b, a);
        struct finding *f =
            pf_report_after(pl, "isakmp-policy-mismatch", b, lb, vb, key_needed(pl, b, gb));
        if (!f || !pf_report_after(pl, "isakmp-policy-mismatch", a,
                                   a->np1 ? &a->p1src[0]->loc : NULL, va, key_needed(pl, a, ga)))
                return -1;
        if (c->lifetime_only) {
                const struct p1_prop *pi = &a->p1[c->lt_ini], *pr = &b->p1[c->lt_resp];
                if (finding_title(pl->fs, f,
                                  "ISAKMP policy %d matches the proposal except its lifetime (%us "
                                  "proposed, %us held): an IOS responder refuses a longer lifetime",
                                  pr->priority, (unsigned)pi->lifetime, (unsigned)pr->lifetime))
                        return -1;
                return tr_reason(
                    pl,
                    "no ISAKMP policy of %s accepts the proposals: policy %d differs only by "
                    "lifetime, which an IOS responder refuses (assumed platform: ios)",
                    b->label, pr->priority);
        }
        return tr_reason(pl, "no ISAKMP policy of %s matches %s's proposals (%s)", b->label,
                         a->label, fmt_p1(pl, a->p1, a->np1));
}

/* Certificates (authentication rsa-sig) need no pre-shared key: the key
 * checks apply only to pre-share policies ("Configuring Internet Key
 * Exchange for IPsec VPNs": a key is configured for each peer that uses
 * pre-shared key authentication). No policy at all keeps the key checks. */
static bool offers_psk(const struct side *s)
{
        for (size_t i = 0; i < s->np1; i++)
                if (s->p1[i].auth == AUTH_PSK)
                        return true;
        return s->np1 == 0;
}

/* MM1/MM2: the responder picks a policy; an IOS responder without a key
 * for the peer refuses already here (diagnoses.md psk-mismatch). */
static int mm12(struct play *pl, struct p1_choice *c, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        const char *s1 = a->aggressive ? "AM1" : "MM1", *s2 = a->aggressive ? "AM2" : "MM2";
        const char *wait = a->aggressive ? "AG_INIT_EXCH" : "MM_WAIT_MSG2";
        *stop = true;
        if (tr_step(pl, s1, true, true, "SA: %zu proposal(s): %s%s", a->np1,
                    fmt_p1(pl, a->p1, a->np1),
                    a->aggressive ? "; KE, nonce, ID (aggressive mode)" : ""))
                return -1;
        *c = p1_select(a->p1, a->np1, b->p1, b->np1, b->plat);
        /* The key matters when the matching policy is pre-share, or, with no
         * match, when the responder has pre-share policies at all: an rsa-sig
         * responder holds no key and refuses by policy (below). */
        bool key_needed = c->ok ? a->p1[c->ini].auth == AUTH_PSK : offers_psk(b);
        if (offers_psk(a) && key_needed && psk_decide(&a->key, &b->key) == PSKV_NO_RESPONDER &&
            b->plat == PLAT_IOS) {
                if (tr_step(pl, s2, false, false, "refused: no pre-shared key for %s", pl->a_ip) ||
                    play_key_missing(pl, b, NULL))
                        return -1;
                tr_end(pl, TUN_P1_PEER_UNKNOWN, wait, "MM_NO_STATE");
                return tr_reason(pl, "%s has no pre-shared key for %s", b->label, pl->a_ip);
        }
        if (!c->ok) {
                if (tr_step(pl, s2, false, false, "NOTIFY NO_PROPOSAL_CHOSEN"))
                        return -1;
                tr_end(pl, TUN_P1_NO_PROPOSAL, wait, a->aggressive ? "AG_NO_STATE" : "MM_NO_STATE");
                return policy_mismatch(pl, c);
        }
        *stop = false;
        return tr_step(pl, s2, false, true, "SA: accepts proposal %d with policy %d%s",
                       a->p1[c->ini].priority, b->p1[c->resp].priority,
                       c->responder_lifetime_notify
                           ? " (RESPONDER-LIFETIME notify, assumed platform: asa)"
                           : "");
}

static bool nat_t_used(const struct play *pl)
{
        /* NAT-D finds any translation, a static one too (RFC 3947 section 3.2) */
        return (pl->p->path.nat || pl->a->via_nat || pl->b->via_nat) && pl->a->nat_t &&
               pl->b->nat_t;
}

/* A responder ASA that fell back to DefaultL2LGroup: name the fix
 * tunnel-group-name-not-peer-ip (diagnoses.md). */
static int default_group(struct play *pl)
{
        /* The responder's own entry sends to an address the initiator does not
         * own (a copied config): peer-address-not-owned, played the other way,
         * prints the whole fix (the peer and the tunnel-group); a tunnel-group
         * alone would move the failure to Quick Mode. */
        if (side_misaddressed(pl->b->dev, pl->a->dev, &pl->p->path))
                return tr_reason(pl,
                                 "%s's crypto map sends to another address than %s's "
                                 "(peer-address-not-owned): %s lands in DefaultL2LGroup",
                                 pl->b->label, pl->a->label, pl->a_ip);
        const char *v[] = {"peer", pl->a_ip, NULL};
        const struct loc *loc = pl->b->tg && pl->b->tg->loc.line ? &pl->b->tg->loc : NULL;
        /* Point at an L2L tunnel-group named otherwise: the likely culprit. */
        for (size_t i = 0; !loc && i < pl->b->dev->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = pl->b->dev->tunnel_groups.v[i];
                if (tg->type == TG_L2L && !tg->name_is_addr && strcmp(tg->name, "DefaultL2LGroup"))
                        loc = &tg->loc;
        }
        struct finding *f = pf_report(pl, "tunnel-group-name-not-peer-ip", pl->b, loc, v);
        if (!f)
                return -1;
        return finding_title(
            pl->fs, f, "No tunnel-group is named %s: the peer lands in DefaultL2LGroup", pl->a_ip);
}

/* MM3..MM6: keys, or certificates when the chosen policy is rsa-sig (their
 * chain and trustpoint are not in the configs: not compared). */
static int mm36(struct play *pl, const struct p1_choice *c, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = true;
        int g = a->p1[0].group;
        if (tr_step(pl, "MM3", true, true, "KE (DH group %d), nonce%s", g,
                    a->nat_t ? ", NAT-D" : ""))
                return -1;
        bool psk = a->p1[c->ini].auth == AUTH_PSK;
        enum psk_verdict k = psk ? psk_decide(&a->key, &b->key) : PSKV_EQUAL;
        if (k == PSKV_NO_RESPONDER) {
                if (tr_step(pl, "MM4", false, false, "not sent: no pre-shared key for %s",
                            pl->a_ip))
                        return -1;
                if (b->tg_default ? default_group(pl) : play_key_missing(pl, b, NULL))
                        return -1;
                tr_end(pl, TUN_P1_PEER_UNKNOWN, "MM_WAIT_MSG4", "MM_WAIT_MSG3");
                return tr_reason(pl, "%s has no pre-shared key for %s%s", b->label, pl->a_ip,
                                 b->tg_default
                                     ? " (no tunnel-group of that name; DefaultL2LGroup has no key)"
                                     : "");
        }
        bool nat = nat_t_used(pl);
        /* the identity each end sends is its own address, not the one a NAT
         * shows the other end (RFC 2407 ID_IPV4_ADDR) */
        char ida[16], idb[16];
        ipv4_str(a->addr, ida);
        ipv4_str(b->addr, idb);
        if (tr_step(pl, "MM4", false, true, "KE, nonce%s", b->nat_t ? ", NAT-D" : "") ||
            tr_step(pl, "MM5", true, k != PSKV_DIFFERENT && !(nat && pl->p->path.block4500),
                    "IDii (address %s), %s%s%s", ida, psk ? "HASH_I" : "CERT, SIG_I",
                    nat ? "; floats to UDP 4500 (NAT detected)" : "",
                    k == PSKV_DIFFERENT ? ": the responder cannot decrypt it (keys differ)" : ""))
                return -1;
        if (nat && pl->p->path.block4500) {
                tr_end(pl, TUN_NO_RESPONSE, "MM_WAIT_MSG6", "MM_WAIT_MSG5");
                return tr_reason(pl,
                                 "NAT-T moved IKE to UDP 4500, which is blocked (--block udp4500)");
        }
        if (k == PSKV_DIFFERENT) {
                const char *v[] = {"peer", pl->b_ip, NULL}, *w[] = {"peer", pl->a_ip, NULL};
                if (b->tg_default ? default_group(pl)
                                  : !pf_report(pl, "psk-mismatch", b, key_loc(pl, b->psk), w))
                        return -1;
                if (!pf_report(pl, "psk-mismatch", a, key_loc(pl, a->psk), v))
                        return -1;
                tr_end(pl, TUN_P1_AUTH_FAILED, "MM_WAIT_MSG6", "MM_WAIT_MSG5");
                return tr_reason(pl, "the pre-shared keys of %s and %s differ", a->label, b->label);
        }
        *stop = false;
        return tr_step(
            pl, "MM6", false, true, "IDir (address %s), %s%s", idb, psk ? "HASH_R" : "CERT, SIG_R",
            k == PSKV_UNKNOWN ? " (keys are masked in a config: not compared, assumed equal)" : "");
}

static int ident_and_lifetime(struct play *pl, const struct p1_choice *c)
{
        const struct side *a = pl->a, *b = pl->b;
        if (ident_decide(a->ident, b->ident, a->p1[c->ini].auth == AUTH_PSK) == IDV_MISMATCH) {
                const struct side *s = b->ident == IDENT_ADDRESS || b->ident == IDENT_UNSET ? a : b;
                const char *v[] = {NULL};
                if (!pf_report(pl, "isakmp-identity-mismatch", s,
                               s->dev->ike.identity_loc.line ? &s->dev->ike.identity_loc : NULL, v))
                        return -1;
        }
        if (!c->lifetime_differs)
                return 0;
        char prio[16], life[16];
        snprintf(prio, sizeof(prio), "%d", b->p1[c->resp].priority);
        snprintf(life, sizeof(life), "%u", (unsigned)c->lifetime);
        const char *v[] = {"policy", prio, "lifetime", life, NULL};
        bool b_longer = !b->p1[c->resp].lifetime || b->p1[c->resp].lifetime > c->lifetime;
        const struct side *s = b_longer ? b : a;
        const struct isakmp_policy *q = b_longer ? b->p1src[c->resp] : a->p1src[c->ini];
        if (!b_longer)
                snprintf(prio, sizeof(prio), "%d", q->priority);
        return pf_report(pl, "isakmp-lifetime-mismatch", s, &q->loc, v) ? 0 : -1;
}

/*
 * l2l-prompted-for-xauth on an IOS responder. When the XAUTH comes from the
 * ISAKMP profile the peer is bound to, "no-xauth" on a key does not reach it
 * (Cisco "ISAKMP Profile Overview": XAUTH is per profile). A profile that
 * matches this peer alone loses its "client authentication list"; a shared
 * one (a catch-all that remote-access clients use too) keeps it, and the
 * peer gets a profile of its own matching its address: the most specific
 * match wins (model/in_use.c), whatever the order. Its keyring is the one
 * the peer's key is in (no keyring line: the global keys).
 */
static int xauth_finding(struct play *pl)
{
        const struct side *a = pl->a, *b = pl->b;
        const struct isakmp_profile *pr =
            b->plat == PLAT_IOS ? iu_profile_for_peer_vrf(b->dev, side_seen(a), b->fvrf, false)
                                : NULL;
        if (!pr || !pr->client_auth_list || b->xauth_loc != &pr->loc) {
                const char *v[] = {"peer", pl->a_ip, NULL};
                return pf_report(pl, "l2l-prompted-for-xauth", b, b->xauth_loc, v) ? 0 : -1;
        }
        struct check_ctx c = {b->dev, pl->fs, "l2l-prompted-for-xauth"};
        struct finding *f = check_report(&c, b->xauth_loc);
        if (!f || finding_set_peer(pl->fs, f, pl->a_ip) || finding_set_other(pl->fs, f, a->label))
                return -1;
        bool alone = iu_profile_hosts_only(pr);
        char l[4][200];
        size_t n = 0;
        if (alone) {
                snprintf(l[n++], sizeof(l[0]), "crypto isakmp profile %s", pr->name);
                snprintf(l[n++], sizeof(l[0]), " no client authentication list %s",
                         pr->client_auth_list);
        } else {
                snprintf(l[n++], sizeof(l[0]), "crypto isakmp profile L2L-%s", pl->a_ip);
                if (b->psk && b->psk->source == PSK_IOS_KEYRING && b->psk->keyring)
                        snprintf(l[n++], sizeof(l[0]), " keyring %s", b->psk->keyring);
                snprintf(l[n++], sizeof(l[0]), " match identity address %s 255.255.255.255%s%s",
                         pl->a_ip, b->fvrf ? " " : "", b->fvrf ? b->fvrf : "");
        }
        const char *lines[] = {l[0], l[1], l[2], l[3]};
        return finding_fix_lines(pl->fs, f, b->dev, lines, n, NULL);
}

int play_ikev1(struct play *pl)
{
        const struct side *a = pl->a, *b = pl->b;
        bool stop;
        struct p1_choice c;
        if (a->plat == PLAT_IOS && offers_psk(a) &&
            psk_decide(&a->key, &b->key) == PSKV_NO_INITIATOR) {
                if (play_key_missing(pl, a, NULL))
                        return -1;
                tr_end(pl, TUN_P1_PEER_UNKNOWN, "MM_NO_STATE", "");
                return tr_reason(pl, "%s has no pre-shared key for %s: it never sends MM1",
                                 a->label, pl->b_ip);
        }
        if (reach(pl, &stop) || stop || mm12(pl, &c, &stop) || stop)
                return stop ? 0 : -1;
        if (a->aggressive) {
                enum psk_verdict k =
                    a->p1[c.ini].auth == AUTH_PSK ? psk_decide(&a->key, &b->key) : PSKV_EQUAL;
                if (tr_step(pl, "AM3", true, k != PSKV_DIFFERENT, "HASH_I"))
                        return -1;
                if (k == PSKV_DIFFERENT) {
                        const char *v[] = {"peer", pl->a_ip, NULL};
                        if (!pf_report(pl, "psk-mismatch", b, key_loc(pl, b->psk), v))
                                return -1;
                        tr_end(pl, TUN_P1_AUTH_FAILED, "AG_INIT_EXCH", "AG_NO_STATE");
                        return tr_reason(pl, "the pre-shared keys differ (aggressive mode)");
                }
        } else if (mm36(pl, &c, &stop) || stop) {
                return stop ? 0 : -1;
        }
        if (ident_and_lifetime(pl, &c))
                return -1;
        if (xauth_blocks(b->xauth_asks, b->key_no_xauth, false)) {
                if (tr_step(pl, "XAUTH", false, false,
                            "Mode Config XAUTH request: an L2L peer cannot answer") ||
                    xauth_finding(pl))
                        return -1;
                tr_end(pl, TUN_XAUTH_BLOCKED, "CONF_XAUTH", "CONF_XAUTH");
                return tr_reason(pl,
                                 "%s asks the L2L peer for XAUTH (client authentication list, key "
                                 "without no-xauth)",
                                 b->label);
        }
        return play_phase2_checks(pl, NULL);
}

/* Phase 1 stopped: Quick Mode's decisions are still played on the side,
 * into a scratch result, so that every fault of the pair is reported at
 * once rather than one per fix-and-retry round. */
static int lookahead(struct play *pl)
{
        enum tunnel_status st = pl->t->status;
        /* A responder with no entry for the peer at all (no static entry naming
         * it, no dynamic entry, no tunnel) has nothing to compare: phase 1's
         * finding is the cause, not the crypto ACLs. */
        if (st == TUN_ESTABLISHED || st == TUN_NO_INTERESTING_TRAFFIC || !pl->a->ini ||
            st == TUN_P2_NO_PROPOSAL || st == TUN_P2_PFS_MISMATCH || st == TUN_P2_PROXY_MISMATCH ||
            !pl->b->nresp || pl->b->misaddressed)
                return 0;
        struct tunnel_result *real = pl->t, scratch = {0};
        scratch.a = real->a, scratch.b = real->b;
        pl->t = &scratch;
        int rc = pl->a->ikev2 ? 0 : play_phase2_checks(pl, NULL);
        pl->t = real;
        return rc;
}

int pair_play(const struct pair *p, struct findings *fs, struct tunnel_result **out)
{
        struct play pl = {.p = p, .fs = fs, .a = &p->s[0], .b = &p->s[1], .ar = &fs->arena};
        pl.t = arena_alloc(&fs->arena, sizeof(*pl.t));
        if (!pl.t)
                return -1;
        /* each end as the other addresses it (a static NAT between them, or a
         * copied config: nat_path.c) */
        ipv4_str(side_seen(pl.a), pl.a_ip);
        ipv4_str(side_seen(pl.b), pl.b_ip);
        pl.t->a = pl.a->label, pl.t->b = pl.b->label, pl.t->initiator = pl.a->label;
        /* The pair's arena dies after the play: keep copies in the findings'. */
        /* the entry or profile played; a tunnel interface that starts no IKE
         * by its name (several tunnels towards one peer: tunnels_to.c) */
        const struct iface *tif = pl.a->tun ? pl.a->tun : pl.a->tun_bare;
        pl.t->via = pl.a->ini ? arena_strdup(&fs->arena, pl.a->ini->what)
                    : tif     ? arena_strdup(&fs->arena, tif->name)
                              : NULL;
        pl.t->a = arena_strdup(&fs->arena, pl.a->label);
        pl.t->b = arena_strdup(&fs->arena, pl.b->label);
        pl.t->initiator = pl.t->a;
        pl.t->peer_a = arena_strdup(&fs->arena, pl.b_ip);
        pl.t->peer_b = arena_strdup(&fs->arena, pl.a_ip);
        bool stop;
        int rc = play_tun_pre(&pl, &stop);
        if (rc || stop) {
                /* a tunnel fault ended the play before IKE (play_tun.c) */
        } else if (!pl.a->ini || pl.a->no_traffic) {
                tr_end(&pl, TUN_NO_INTERESTING_TRAFFIC, mm(pl.a, "MM_NO_STATE", ""), "");
                rc = tr_reason(&pl, "%s: %s", pl.a->label,
                               pl.a->no_traffic ? pl.a->no_traffic : "nothing to initiate");
        } else if (pl.b->misaddressed && pl.a->ikev2) {
                rc = play_misaddressed(&pl, &stop); /* IKEv1 asks in reach() */
        } else {
                rc = pl.a->ikev2 ? play_ikev2(&pl) : play_ikev1(&pl);
        }
        if (!rc && pl.a->assumed_route && pl.t->reason)
                rc = tr_reason(&pl, "%s; %s", pl.t->reason, pl.a->assumed_route);
        if (!rc && pl.a->assumed_addr && pl.t->reason)
                rc = tr_reason(&pl, "%s; %s", pl.t->reason, pl.a->assumed_addr);
        if (!rc && pl.a->assumed_hub && pl.t->reason)
                rc = tr_reason(&pl, "%s; %s", pl.t->reason, pl.a->assumed_hub);
        if (!rc)
                rc = play_nat_note(&pl);
        if (!rc)
                rc = lookahead(&pl);
        if (!rc)
                rc = play_mirror_diff(&pl);
        if (!rc)
                rc = tr_logs(&pl);
        if (rc || ptrvec_push(&fs->arena, &fs->tunnels, pl.t))
                return -1;
        *out = pl.t;
        return 0;
}
