/*
 * The faults of tunnel interfaces that the play meets (diagnoses.md
 * section 10): an end without tunnel protection, a tunnel source in a VRF
 * the tunnel does not use, no route in the front-door VRF, VTI against
 * GRE, transport against tunnel mode, and a DMVPN spoke without a key for
 * the other spoke.
 */
#include <stdio.h>
#include <string.h>

#include "../checks/check.h"
#include "../model/tunnel.h"
#include "play_int.h"

/* The "tunnel mode" words of a kind, as the fix writes them. */
static const char *mode_words(const struct iface *t)
{
        switch (t->tunnel_kind) {
        case TUNK_IPSEC:
                return "ipsec ipv4";
        case TUNK_MGRE:
                return "gre multipoint";
        default:
                return "gre ip";
        }
}

/* "ipsec profile P [shared]" for the fix: the profile the peer protects
 * its tunnel with, or this device's own when it has exactly one. */
static const char *protection(struct play *pl, const struct side *s, const struct side *peer)
{
        const char *name = peer->tun ? peer->tun->tunnel_protection : NULL;
        if (s->dev->ipsec_profiles.n == 1) {
                const struct ipsec_profile *p = s->dev->ipsec_profiles.v[0];
                name = p->name;
        }
        if (!name)
                return NULL;
        /* several tunnels from one source share the SA database ("shared") */
        bool shared = false;
        uint32_t me, other;
        const struct iface *t = s->tun_bare;
        for (size_t i = 0; t && i < s->dev->ifaces.n && tunnel_source_addr(s->dev, t, &me, NULL);
             i++) {
                const struct iface *x = s->dev->ifaces.v[i];
                shared |= x != t && tunnel_is_ipv4(x) && x->tunnel_protection &&
                          tunnel_source_addr(s->dev, x, &other, NULL) && other == me;
        }
        char buf[300];
        snprintf(buf, sizeof(buf), "ipsec profile %s%s", name, shared ? " shared" : "");
        return arena_strdup(pl->ar, buf);
}

int play_tun_unprotected(struct play *pl, const struct side *s)
{
        const struct side *peer = s == pl->a ? pl->b : pl->a;
        const char *v[] = {"if", s->tun_bare->name, "protection", protection(pl, s, peer), NULL};
        struct finding *f = pf_report(pl, "tunnel-protection-missing", s, &s->tun_bare->loc, v);
        if (!f || (peer->tun && finding_evidence(pl->fs, f, &peer->tun->tunnel_protection_loc)))
                return -1;
        return finding_title(pl->fs, f,
                             "%s of %s has no tunnel protection while %s encrypts the tunnel: "
                             "GRE leaves in clear and is dropped",
                             s->tun_bare->name, s->label, peer->label);
}

static int vrf_fault(struct play *pl, const struct side *s, bool *stop)
{
        const struct iface *t = s->tun ? s->tun : s->tun_bare;
        const char *v[] = {"if", t->name, "vrf", s->src_vrf, NULL};
        /* the same line as the config check (checks/tunnel_ifaces.c), so check
         * reports it once */
        const struct loc *loc = t->tunnel_vrf_loc.line ? &t->tunnel_vrf_loc : &t->tunnel_source_loc;
        if (!pf_report(pl, "tunnel-vrf-missing", s, loc->line ? loc : &t->loc, v))
                return -1;
        *stop = true;
        tr_end(pl, TUN_NO_RESPONSE, "MM_NO_STATE", "");
        if (s->src_vrf)
                return tr_reason(
                    pl,
                    "%s's tunnel source is in VRF %s but %s %s: the tunnel's transport "
                    "is looked up in the wrong table",
                    s->label, s->src_vrf, t->name,
                    t->tunnel_vrf ? "uses another 'tunnel vrf'" : "has no 'tunnel vrf'");
        return tr_reason(pl,
                         "%s's %s has 'tunnel vrf %s' but its source is in the global table: the "
                         "tunnel's transport is looked up in the wrong table",
                         s->label, t->name, t->tunnel_vrf);
}

static int no_vrf_route(struct play *pl, const struct side *s, const char *peer, bool *stop)
{
        const struct iface *t = s->tun;
        const char *v[] = {"vrf", s->fvrf, "peer", peer, NULL};
        if (!pf_report(pl, "tunnel-vrf-no-route", s, &t->tunnel_vrf_loc, v))
                return -1;
        *stop = true;
        tr_end(pl, TUN_NO_RESPONSE, "MM_NO_STATE", "");
        return tr_reason(pl, "%s has no route to %s in its front-door VRF %s", s->label, peer,
                         s->fvrf);
}

int play_tun_pre(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = false;
        if (a->tun_bare && b->tun && play_tun_unprotected(pl, a))
                return -1;
        if (!a->ini || a->no_traffic)
                return 0;
        if ((a->tun || a->tun_bare) && a->vrf_fault)
                return vrf_fault(pl, a, stop);
        if (a->tun && a->fvrf && !a->route_ok)
                return no_vrf_route(pl, a, pl->b_ip, stop);
        if ((b->tun || b->tun_bare) && b->vrf_fault)
                return vrf_fault(pl, b, stop);
        if (b->tun && b->fvrf && !b->route_ok)
                return no_vrf_route(pl, b, pl->a_ip, stop);
        return 0;
}

static const struct iface *resp_tunnel(const struct side *b)
{
        for (size_t i = 0; i < b->nresp; i++)
                if (b->resp[i].tun)
                        return b->resp[i].tun;
        return b->tun;
}

int play_tun_proxy_fail(struct play *pl, bool *done)
{
        const struct side *a = pl->a, *b = pl->b;
        *done = false;
        if (b->tun_bare && !b->nresp) {
                *done = true;
                return play_tun_unprotected(pl, b);
        }
        const struct iface *bt = resp_tunnel(b), *at = a->tun;
        bool a_vti = at ? at->tunnel_kind == TUNK_IPSEC : false;
        bool a_gre = at ? !a_vti : a->proposal.proto.lo == 47 && a->proposal.proto.hi == 47;
        if (!bt || (!a_vti && !a_gre))
                return 0;
        if ((bt->tunnel_kind == TUNK_IPSEC) == a_vti) {
                /* Same kind: a tunnel's selectors are fixed, so no crypto ACL is to
                 * blame; what is left is a responder tunnel without its profile. */
                *done = at != NULL || b->tun != NULL;
                return 0;
        }
        /* One end VTI, the other GRE: change the end whose mode was left to the
         * default, else the responder; an ASA VTI is always ipsec (fix the IOS end). */
        const struct side *fix = b;
        const struct iface *ft = bt, *other = at;
        if (at && ((!at->tunnel_mode && bt->tunnel_mode) || b->plat == PLAT_ASA))
                fix = a, ft = at, other = bt;
        const char *mode = other ? mode_words(other) : "gre ip";
        if (!other && fix == b)
                mode = "gre ip"; /* a crypto map with GRE proxies on the other end */
        const char *v[] = {"if", ft->name, "mode", mode, NULL};
        const struct loc *loc = ft->tunnel_mode_loc.line ? &ft->tunnel_mode_loc : &ft->loc;
        struct finding *f = pf_report(pl, "tunnel-mode-mismatch", fix, loc, v);
        if (!f)
                return -1;
        *done = true;
        return finding_title(pl->fs, f,
                             "%s is %s and %s's end is %s: the IPsec selectors cannot match",
                             a_vti ? a->label : b->label, "a static VTI (any/any)",
                             a_vti ? b->label : a->label, "GRE over IPsec (GRE host to host)");
}

int play_tun_mode_warning(struct play *pl, const struct p2_cfg *c, const struct p2_choice *x)
{
        const struct side *a = pl->a, *b = pl->b;
        const struct p2_cfg *ic = a->ini;
        bool gre = a->proposal.proto.lo == 47 && a->proposal.proto.hi == 47;
        if (!x->mode_differs || !(gre || ic->tun || c->tun))
                return 0;
        /* Fix the end in tunnel mode: transport is the usual mode of GRE over IPsec. */
        bool a_tunnel = ic->xf[x->ini].mode == MODE_TUNNEL;
        const struct side *s = a_tunnel ? a : b;
        const struct p2_cfg *sc = a_tunnel ? ic : c;
        const char *tset = sc->xf_names[a_tunnel ? x->ini : x->resp];
        const struct transform_set *ts = model_get_tset(s->dev, tset);
        const char *v[] = {"tset",       tset,        "transforms", ts ? ts->text : NULL,
                           "ipsec_mode", "transport", NULL};
        const struct loc *loc = ts ? (ts->mode_loc.line ? &ts->mode_loc : &ts->loc) : sc->loc;
        struct finding *f = pf_report(pl, "ipsec-mode-mismatch", s, loc, v);
        if (!f)
                return -1;
        return finding_title(pl->fs, f,
                             "%s proposes transport mode and %s tunnel mode: the SA falls back to "
                             "tunnel mode (it fails where one end says 'mode transport require')",
                             a_tunnel ? b->label : a->label, s->label);
}

/* The wildcard key in the form the device keeps its keys: an IKEv2
 * keyring, an IKEv1 keyring, or a global "crypto isakmp key". */
static int wildcard_fix(struct play *pl, struct finding *f, const struct side *s)
{
        const char *v2 = NULL, *v1 = NULL;
        for (size_t i = 0; i < s->dev->psks.n; i++) {
                const struct psk *k = s->dev->psks.v[i];
                if (k->source == PSK_IOS_IKEV2_KEYRING && !v2)
                        v2 = k->keyring;
                else if (k->source == PSK_IOS_KEYRING && !v1)
                        v1 = k->keyring;
        }
        char l0[300];
        const char *lines[4];
        size_t n = 0;
        if (s->ikev2 && v2) {
                snprintf(l0, sizeof(l0), "crypto ikev2 keyring %s", v2);
                lines[0] = l0, lines[1] = " peer ANY-SPOKE", lines[2] = "  address 0.0.0.0 0.0.0.0";
                lines[3] = "  pre-shared-key <pre-shared-key>";
                n = 4;
        } else if (!s->ikev2 && v1) {
                snprintf(l0, sizeof(l0), "crypto keyring %s", v1);
                lines[0] = l0;
                lines[1] = " pre-shared-key address 0.0.0.0 0.0.0.0 key <pre-shared-key>";
                n = 2;
        } else if (!s->ikev2) {
                lines[0] = "crypto isakmp key <pre-shared-key> address 0.0.0.0 0.0.0.0";
                n = 1;
        }
        return n ? finding_fix_lines(pl->fs, f, s->dev, lines, n, NULL) : 0;
}

int play_key_missing(struct play *pl, const struct side *s, const struct loc *loc)
{
        const char *peer = s == pl->a ? pl->b_ip : pl->a_ip;
        if (pl->p->dmvpn != DMVPN_SPOKE_SPOKE) {
                const char *v[] = {"peer", peer, NULL};
                return pf_report(pl, "psk-mismatch", s, loc, v) ? 0 : -1;
        }
        struct check_ctx c = {s->dev, pl->fs, "dmvpn-spoke-key-missing"};
        if (!loc) /* point at the keys the spoke has (for its hub) */
                for (size_t i = 0; i < s->dev->psks.n && !loc; i++)
                        loc = key_loc(pl, s->dev->psks.v[i]);
        struct finding *f = check_report(&c, loc);
        if (!f || finding_set_peer(pl->fs, f, peer) || wildcard_fix(pl, f, s))
                return -1;
        return finding_title(pl->fs, f,
                             "%s has no pre-shared key for the spoke %s: the spoke-to-spoke tunnel "
                             "never forms and traffic stays on the hub path",
                             s->label, peer);
}

/* transform-set-mismatch on an end protected by an ipsec profile (no crypto
 * map entry to name): take the other end's first transform set into the
 * profile. */
int play_tun_tset_mismatch(struct play *pl, const struct side *s, const struct p2_cfg *sc,
                           const struct side *o, const struct p2_cfg *oc)
{
        struct check_ctx c = {s->dev, pl->fs, "transform-set-mismatch"};
        struct finding *f = check_report(&c, sc->loc);
        if (!f || finding_set_peer(pl->fs, f, s == pl->a ? pl->b_ip : pl->a_ip))
                return -1;
        const struct transform_set *t = oc->nxf ? model_get_tset(o->dev, oc->xf_names[0]) : NULL;
        if (!t || !t->text || !sc->profile)
                return 0; /* nothing to copy: the explanation stands alone */
        char l0[400], l1[64], l2[300], l3[300];
        snprintf(l0, sizeof(l0), "crypto ipsec transform-set %s %s", t->name, t->text);
        snprintf(l1, sizeof(l1), " mode %s%s", t->mode == MODE_TRANSPORT ? "transport" : "tunnel",
                 t->mode_require ? " require" : "");
        snprintf(l2, sizeof(l2), "crypto ipsec profile %s", sc->profile->name);
        snprintf(l3, sizeof(l3), " set transform-set %s", t->name);
        const char *lines[] = {l0, l1, l2, l3};
        return finding_fix_lines(pl->fs, f, s->dev, lines, 4, NULL);
}
