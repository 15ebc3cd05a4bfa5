/*
 * Quick Mode (IKEv1 phase 2): the responder picks its entry by the proxy
 * identities, then a transform, then checks PFS; lifetimes and the exact
 * ACL mirror are reported on the side (issue 4, Phase 2).
 */
#include <stdio.h>
#include <string.h>

#include "../util/ipv4.h"
#include "../checks/nat_exempt_fix.h"
#include "../model/flowset.h"
#include "p2_fix.h"
#include "play_int.h"

static void mask_text(const struct range32 *r, char net[16], char mask[16], char wild[16])
{
        uint32_t span = r->hi - r->lo;
        ipv4_str(r->lo, net);
        ipv4_str(~span, mask);
        ipv4_str(span, wild);
}

/* The fix for b: the mirror of a's proposal in b's crypto ACL. */
/* The entries of s's ACL (entry c) whose mirror the peer's entry pc does
 * not cover: a mirror fix removes them too, so that the ACLs become exact
 * mirrors and either side's fix alone makes both directions work. Only
 * lines a "no" removes alone: ASA one-line entries and IOS named-ACL
 * entries (an IOS numbered "no access-list N ..." deletes the whole list). */
static const char *stray_aces(struct play *pl, const struct side *s, const struct p2_cfg *c,
                              const struct p2_cfg *pc)
{
        if (!c || !pc || !c->acl || c->any)
                return NULL;
        char buf[2048];
        size_t o = 0;
        bool ios = s->plat == PLAT_IOS;
        for (size_t i = 0; i < c->nboxes; i++) {
                const struct ace *e = c->aces ? c->aces[i] : NULL;
                if (!e || !e->loc.text || (i && c->aces[i - 1] == e))
                        continue;
                struct flowbox m = fb_mirror(&c->boxes[i]);
                bool covered = false;
                for (size_t j = 0; j < pc->nboxes && !covered; j++)
                        covered = fb_contains(&pc->boxes[j], &m);
                bool top = !strncmp(e->loc.text, "access-list ", 12);
                if (covered || (ios && top) || (!ios && !top))
                        continue;
                int n =
                    ios ? snprintf(buf + o, sizeof(buf) - o, "%sip access-list extended %s\n no %s",
                                   o ? "\n" : "", c->acl, e->loc.text)
                        : snprintf(buf + o, sizeof(buf) - o, "%sno %s", o ? "\n" : "", e->loc.text);
                if (n < 0 || (size_t)n >= sizeof(buf) - o)
                        return NULL;
                o += (size_t)n;
        }
        return o ? arena_strdup(pl->ar, buf) : NULL;
}

static struct finding *mirror_finding(struct play *pl, const struct side *s, const struct p2_cfg *c,
                                      const struct flowbox *want, const struct loc *loc)
{
        char ln[16], lm[16], lw[16], rn[16], rm[16], rw[16];
        mask_text(&want->src, ln, lm, lw);
        mask_text(&want->dst, rn, rm, rw);
        const char *v[] = {"acl",         c && c->acl ? c->acl : NULL,
                           "local_net",   ln,
                           "local_mask",  lm,
                           "local_wild",  lw,
                           "remote_net",  rn,
                           "remote_mask", rm,
                           "remote_wild", rw,
                           NULL};
        const struct p2_cfg *pc = s == pl->b ? pl->a->ini : NULL;
        const char *stray = stray_aces(pl, s, c, pc);
        /* The flow the fix adds must not be translated before encryption: the
         * exemption goes with it (IOS deny 6: nat-exemption-missing's own fix
         * takes 5 on the same ACL, and both go before the first entry, 10). */
        const char *nat = nat_exemption_lines(s->dev, want, s->ifname, 6, pl->ar);
        if (nat && stray) {
                size_t n = strlen(stray) + strlen(nat) + 2;
                char *both = arena_alloc(pl->ar, n);
                if (!both)
                        return NULL;
                snprintf(both, n, "%s\n%s", stray, nat);
                stray = both;
        } else if (nat) {
                stray = nat;
        }
        return pf_report_after(pl, "crypto-acl-not-mirrored", s, loc, v, stray);
}

static const struct p2_cfg *first_static(const struct side *b)
{
        for (size_t i = 0; i < b->nresp; i++)
                if (!b->resp[i].dynamic && b->resp[i].entry)
                        return &b->resp[i];
        return NULL;
}

static int proxy_fail(struct play *pl)
{
        const struct side *a = pl->a, *b = pl->b;
        bool tun_done;
        if (play_tun_proxy_fail(pl, &tun_done))
                return -1;
        if (tun_done) {
                pl->acl_reported = true;
                if (tr_step(pl, "QM2", false, false,
                            "NOTIFY INVALID_ID_INFORMATION: the tunnel's selectors differ"))
                        return -1;
                tr_end(pl, TUN_P2_PROXY_MISMATCH, p1_up_state(a), p1_up_state(b));
                return tr_reason(pl, "%s takes no proposal %s from %s: %s", b->label,
                                 fmt_box(pl, &a->proposal), a->label,
                                 b->tun_bare && !b->nresp
                                     ? "its tunnel towards the peer has no tunnel protection"
                                 : b->tun && !b->nresp
                                     ? "its tunnel's ipsec profile does not exist"
                                     : "one end is a static VTI, the other GRE over IPsec");
        }
        struct flowbox want = fb_mirror(&a->proposal);
        const struct p2_cfg *c = first_static(b);
        if (!c && b->nresp && b->resp[0].entry)
                c = &b->resp[0]; /* only a dynamic entry: its ACL is the one to change */
        struct finding *f = mirror_finding(pl, b, c, &want, c ? &c->entry->match_loc : NULL);
        if (!f || (a->proposal_ace && finding_evidence(pl->fs, f, &a->proposal_ace->loc)))
                return -1;
        pl->acl_reported = true;
        if (tr_step(pl, "QM2", false, false,
                    "NOTIFY INVALID_ID_INFORMATION: no entry accepts the proxies"))
                return -1;
        tr_end(pl, TUN_P2_PROXY_MISMATCH, p1_up_state(a), p1_up_state(b));
        return tr_reason(
            pl, "no crypto map entry of %s for %s covers the mirror of the proposed proxies %s",
            b->label, pl->a_ip, fmt_box(pl, &a->proposal));
}

static int tset_fail(struct play *pl, const struct p2_cfg *c)
{
        const struct side *a = pl->a, *b = pl->b;
        const struct p2_cfg *ic = a->ini;
        char seq[16], iseq[16];
        snprintf(seq, sizeof(seq), "%d", c->entry ? c->entry->seq : 0);
        snprintf(iseq, sizeof(iseq), "%d", ic->entry ? ic->entry->seq : 0);
        /* the responder takes a transform the initiator proposes, or the
         * initiator one the responder holds: either alone is enough */
        struct p2_fixvars fb, fa;
        const char *vb[16] = {NULL}, *va[16] = {NULL};
        size_t nb = 0, na = 0;
        if (p2_fix_vars(b, c, ic, &fb))
                for (; fb.v[nb]; nb++)
                        vb[nb] = fb.v[nb];
        if (p2_fix_vars(a, ic, c, &fa))
                for (; fa.v[na]; na++)
                        va[na] = fa.v[na];
        vb[nb++] = "map", vb[nb++] = c->entry ? c->entry->map : NULL;
        vb[nb++] = "seq", vb[nb++] = seq;
        va[na++] = "map", va[na++] = ic->entry ? ic->entry->map : NULL;
        va[na++] = "seq", va[na++] = iseq;
        /* DMVPN: the hub serves every spoke, so only the spoke is told to change; an
         * end protected by an ipsec profile gets the fix in profile form (play_tun.c) */
        bool skip_b = pl->p->dmvpn == DMVPN_SPOKE_HUB, skip_a = pl->p->dmvpn == DMVPN_HUB_SPOKE;
        if ((skip_b     ? false
             : c->entry ? !pf_report(pl, "transform-set-mismatch", b, &c->entry->tsets_loc, vb)
                        : play_tun_tset_mismatch(pl, b, c, a, ic)) ||
            (skip_a ? false
                    : (ic->entry
                           ? !pf_report(pl, "transform-set-mismatch", a, &ic->entry->tsets_loc, va)
                           : play_tun_tset_mismatch(pl, a, ic, b, c))) ||
            tr_step(pl, "QM2", false, false, "NOTIFY NO_PROPOSAL_CHOSEN: no common transform"))
                return -1;
        tr_end(pl, TUN_P2_NO_PROPOSAL, p1_up_state(a), p1_up_state(b));
        return tr_reason(pl, "no transform of %s (%s) is in %s's %s (%s)", a->label,
                         fmt_xf(pl, ic->xf, ic->nxf), b->label, c->what, fmt_xf(pl, c->xf, c->nxf));
}

static int pfs_finding(struct play *pl, const struct p2_cfg *c, enum pfs_verdict v)
{
        const struct side *a = pl->a, *b = pl->b;
        const struct p2_cfg *ic = a->ini;
        /* Fix the side without PFS, else the responder (take the initiator's group). */
        bool fix_a = ic->pfs == 0 && c->pfs != 0;
        const struct side *s = fix_a ? a : b;
        const struct p2_cfg *sc = fix_a ? ic : c;
        char grp[16], seq[16];
        snprintf(grp, sizeof(grp), "group%d", fix_a ? c->pfs : ic->pfs);
        snprintf(seq, sizeof(seq), "%d", sc->entry ? sc->entry->seq : 0);
        const char *vars[] = {
            "map", sc->entry ? sc->entry->map : NULL, "seq", seq, "pfs_group", grp, NULL};
        const struct loc *loc = sc->entry && sc->entry->pfs_loc.line
                                    ? &sc->entry->pfs_loc
                                    : (sc->entry ? &sc->entry->loc : sc->loc);
        struct finding *f = pf_report(pl, "pfs-mismatch", s, loc, vars);
        if (!f)
                return -1;
        if (v == PFSV_OFFER_ACCEPTED)
                return finding_title(pl->fs, f,
                                     "%s offers PFS %s and %s has none: an IOS responder accepts "
                                     "it, the reverse direction fails (platform-dependent)",
                                     a->label, grp, b->label);
        if (v == PFSV_OFFER_REFUSED)
                return finding_title(pl->fs, f,
                                     "%s offers PFS group%d and %s has none: refused (assumed for "
                                     "%s; platform-dependent)",
                                     a->label, ic->pfs, b->label, platform_name(b->plat));
        return 0;
}

static int lifetimes(struct play *pl, const struct p2_cfg *c)
{
        struct life_choice l = life_decide(pl->a->ini->life_sec, c->life_sec);
        if (!l.differ)
                return 0;
        char life[16];
        snprintf(life, sizeof(life), "%u", (unsigned)l.value);
        const struct side *s = l.from_ini ? pl->b : pl->a;
        const struct p2_cfg *sc = l.from_ini ? c : pl->a->ini;
        const struct loc *loc =
            sc->entry && sc->entry->lifetime_loc.line
                ? &sc->entry->lifetime_loc
                : (s->dev->ipsec.lifetime_loc.line ? &s->dev->ipsec.lifetime_loc : NULL);
        const char *v[] = {"lifetime", life, NULL};
        return pf_report(pl, "ipsec-sa-lifetime", s, loc, v) ? 0 : -1;
}

static int esp_path(struct play *pl)
{
        const struct path_opts *o = &pl->p->path;
        bool natt = o->nat && pl->a->nat_t && pl->b->nat_t;
        if (o->nat && !natt)
                return tr_step(pl, "ESP", true, false,
                               "ESP cannot cross the NAT: NAT-T is disabled on %s",
                               !pl->a->nat_t ? pl->a->label : pl->b->label) ||
                       tr_reason(
                           pl, "the SAs come up but ESP is dropped by the NAT device (NAT-T off)");
        if (o->blockesp && !natt)
                return tr_step(pl, "ESP", true, false, "IP protocol 50 is blocked on the path") ||
                       tr_reason(pl, "the SAs come up but ESP is blocked (--block esp)");
        if (natt && o->block4500)
                return tr_step(pl, "ESP", true, false, "ESP in UDP 4500 is blocked on the path") ||
                       tr_reason(pl, "the SAs come up but UDP 4500 carrying ESP is blocked");
        return 0;
}

int play_phase2_checks(struct play *pl, const struct p2_cfg *unused)
{
        (void)unused;
        const struct side *a = pl->a, *b = pl->b;
        const struct p2_cfg *ic = a->ini;
        if (tr_step(pl, "QM1", true, true, "HASH, SA (%s), nonce%s%.0d, IDci/IDcr %s",
                    fmt_xf(pl, ic->xf, ic->nxf), ic->pfs ? ", KE group" : "", ic->pfs,
                    fmt_box(pl, &a->proposal)))
                return -1;
        struct proxy_entry *pe = arena_calloc(pl->ar, b->nresp + 1, sizeof(*pe));
        if (!pe)
                return -1;
        for (size_t i = 0; i < b->nresp; i++)
                pe[i] = (struct proxy_entry){b->resp[i].boxes, b->resp[i].nboxes,
                                             b->resp[i].dynamic, b->resp[i].any, b->resp[i].exact};
        struct proxy_choice px = proxy_select(&a->proposal, pe, b->nresp);
        if (px.v == PROXYV_NONE)
                return proxy_fail(pl);
        const struct p2_cfg *c = &b->resp[px.entry];
        pl->resp_cfg = c;
        if (px.v == PROXYV_DYNAMIC_FALLTHROUGH) {
                const struct p2_cfg *st = first_static(b);
                struct flowbox want = fb_mirror(&a->proposal);
                struct finding *f =
                    mirror_finding(pl, b, st, &want, st ? &st->entry->match_loc : NULL);
                if (!f || finding_title(pl->fs, f,
                                        "The proxies %s match no static entry of %s: the peer "
                                        "falls through to the dynamic entry %s",
                                        fmt_box(pl, &a->proposal), b->label, c->what))
                        return -1;
                pl->acl_reported = true;
        }
        struct p2_choice x = p2_select(ic->xf, ic->nxf, c->xf, c->nxf);
        if (!x.ok)
                return tset_fail(pl, c);
        if (play_tun_mode_warning(pl, c, &x))
                return -1;
        enum pfs_verdict v = pfs_decide(ic->pfs, c->pfs, c->pfs_default, b->plat);
        if (v != PFSV_OK && pfs_finding(pl, c, v))
                return -1;
        if (v == PFSV_MISMATCH || v == PFSV_OFFER_REFUSED) {
                if (tr_step(pl, "QM2", false, false,
                            "NOTIFY NO_PROPOSAL_CHOSEN: the PFS groups differ"))
                        return -1;
                tr_end(pl, TUN_P2_PFS_MISMATCH, p1_up_state(a), p1_up_state(b));
                char gi[16] = "no PFS", gr[16] = "no PFS";
                if (ic->pfs)
                        snprintf(gi, sizeof(gi), "group%d", ic->pfs);
                if (c->pfs)
                        snprintf(gr, sizeof(gr), "group%d", c->pfs);
                return tr_reason(pl, "PFS differs: %s offers %s, %s's %s requires %s", a->label, gi,
                                 b->label, c->what, gr);
        }
        struct life_choice l = life_decide(ic->life_sec, c->life_sec);
        if (tr_step(pl, "QM2", false, true,
                    "HASH, SA (%s, entry %s), nonce, IDci/IDcr; lifetime %us",
                    fmt_xf(pl, &c->xf[x.resp], 1), c->what, (unsigned)l.value) ||
            tr_step(pl, "QM3", true, true, "HASH") || lifetimes(pl, c))
                return -1;
        tr_end(pl, TUN_ESTABLISHED, p1_up_state(a), p1_up_state(b));
        if (tr_reason(pl, "phase 1 and phase 2 established (%s)", c->what))
                return -1;
        return esp_path(pl);
}

static const struct ace *unmatched(const struct p2_cfg *x, const struct p2_cfg *y)
{
        for (size_t i = 0; i < x->nboxes; i++) {
                struct flowbox m = fb_mirror(&x->boxes[i]);
                bool found = false;
                for (size_t j = 0; j < y->nboxes && !found; j++)
                        found = fb_equal(&m, &y->boxes[j]);
                if (!found)
                        return x->aces[i];
        }
        return NULL;
}

/* diagnoses.md crypto-acl-not-mirrored: for every ACE of A the reversed ACE
 * on B, and none extra - even when the flow played happens to pass. */
int play_mirror_diff(struct play *pl)
{
        const struct p2_cfg *ic = pl->a->ini, *c = first_static(pl->b);
        if (pl->acl_reported || !ic || !ic->entry || !c ||
            pl->t->status == TUN_NO_INTERESTING_TRAFFIC)
                return 0;
        const struct ace *xa = unmatched(ic, c), *xb = unmatched(c, ic);
        if (!xa && !xb)
                return 0;
        const struct side *s = xa ? pl->b : pl->a;
        const struct p2_cfg *sc = xa ? c : ic;
        struct flowbox want = fb_mirror(xa ? &xa->boxes[0] : &xb->boxes[0]);
        struct finding *f = mirror_finding(pl, s, sc, &want, &sc->entry->match_loc);
        if (!f || (xa && finding_evidence(pl->fs, f, &xa->loc)) ||
            (xb && finding_evidence(pl->fs, f, &xb->loc)))
                return -1;
        return 0;
}
