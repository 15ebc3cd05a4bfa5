/*
 * IKEv2 (RFC 7296): IKE_SA_INIT negotiates the IKE SA (with an
 * INVALID_KE_PAYLOAD round when the initiator guessed the wrong group),
 * IKE_AUTH authenticates each end with its own method and creates the
 * first Child SA with its traffic selectors and no DH exchange,
 * CREATE_CHILD_SA rekeys it (with a KE payload when PFS is set).
 * Fixes for IKEv2 entries are written in IKEv2 syntax (play_v2_fix.c).
 */
#include <stdio.h>

#include "../model/flowset.h"
#include "play_int.h"
#include "play_v2_int.h"

static const char *method_text(unsigned m)
{
        return m & V2AUTH_RSA         ? "rsa-sig"
               : m & V2AUTH_ECDSA     ? "ecdsa-sig"
               : m & V2AUTH_EAP       ? "eap"
               : m & V2AUTH_SIG_OTHER ? "signature"
                                      : "pre-shared key";
}

static int sa_init(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = true;
        if (a->route_ok && !a->isakmp_on) {
                /* the initiator's own interface does not run IKEv2: nothing is sent */
                if (tr_step(pl, "IKE_SA_INIT", true, false,
                            "not sent: IKEv2 is not enabled on %s's interface %s", a->label,
                            a->ifname ? a->ifname : "?") ||
                    !v2_report(pl, "isakmp-not-enabled", a, NULL))
                        return -1;
                tr_end(pl, TUN_NO_RESPONSE, "", "");
                return tr_reason(pl, "IKEv2 is not enabled on %s's interface %s", a->label,
                                 a->ifname ? a->ifname : "?");
        }
        if (!a->route_ok || !a->isakmp_on || !b->isakmp_on || pl->p->path.block500) {
                if (tr_step(pl, "IKE_SA_INIT", true, false, "UDP 500 -> %s: never answered",
                            pl->b_ip))
                        return -1;
                tr_end(pl, TUN_NO_RESPONSE, "IN-NEG", "");
                if (!b->isakmp_on && !v2_report(pl, "isakmp-not-enabled", b, NULL))
                        return -1;
                return tr_reason(pl, "the IKEv2 request is not answered (IKEv2 not enabled, no "
                                     "route or UDP 500 blocked)");
        }
        if (!a->nv2 && a->v2_incomplete) {
                /* nothing complete to offer ("IKEv2 policy MUST have atleast one
                 * complete proposal attached", IOS config mode): no IKE SA */
                if (tr_step(pl, "IKE_SA_INIT", true, false,
                            "SAi1: no complete proposal to offer (proposal %s of policy %s has "
                            "no %s)",
                            a->v2_incomplete->name, a->v2_policy ? a->v2_policy : "?",
                            a->v2_incomplete_what) ||
                    v2_incomplete_report(pl, a) ||
                    (b->v2_incomplete && v2_incomplete_report(pl, b)))
                        return -1;
                tr_end(pl, TUN_P1_NO_PROPOSAL, "", "");
                return tr_reason(pl,
                                 "%s's IKEv2 proposal %s is incomplete (no %s): IOS uses no "
                                 "incomplete proposal, so no IKE SA can be negotiated",
                                 a->label, a->v2_incomplete->name, a->v2_incomplete_what);
        }
        struct v2_choice c = v2_sa_init_select(a->v2, a->nv2, b->v2, b->nv2);
        if (tr_step(pl, "IKE_SA_INIT", true, true, "SAi1 (%zu proposal(s)), KEi (group %d), Ni%s",
                    a->nv2, a->nv2 && a->v2[0].ngroups ? a->v2[0].groups[0] : 0,
                    a->nat_t ? ", NAT_DETECTION" : ""))
                return -1;
        if (!c.ok) {
                /* the responder's only proposal is incomplete: that is the fault, not
                 * a mismatch between the two ends */
                bool incomplete = !b->nv2 && b->v2_incomplete;
                if (tr_step(pl, "IKE_SA_INIT", false, false, "NOTIFY NO_PROPOSAL_CHOSEN") ||
                    (incomplete ? v2_incomplete_report(pl, b)
                                : !v2_report(pl, "isakmp-policy-mismatch", b, b->v2_policy_loc)))
                        return -1;
                tr_end(pl, TUN_P1_NO_PROPOSAL, "IN-NEG", "");
                return tr_reason(pl, "no IKEv2 proposal of %s matches %s's", b->label, a->label);
        }
        /* RFC 7296 1.2: the responder wants another group; the initiator
         * offered it, so it sends IKE_SA_INIT again with that KEi */
        if (c.invalid_ke &&
            (tr_step(pl, "IKE_SA_INIT", false, true, "NOTIFY INVALID_KE_PAYLOAD (group %d)",
                     c.group) ||
             tr_step(pl, "IKE_SA_INIT", true, true, "SAi1, KEi (group %d), Ni (retry)", c.group)))
                return -1;
        *stop = false;
        return tr_step(pl, "IKE_SA_INIT", false, true, "SAr1 (%s/%s/group%d), KEr, Nr",
                       encr_text(c.encr, c.key_bits), hash_text(c.integ), c.group);
}

/* One direction of IKE_AUTH failed: verifier v refused signer s's AUTH. */
static int auth_fail(struct play *pl, enum v2_auth_verdict k, const struct side *s,
                     const struct side *v)
{
        bool keys = k == V2A_KEYS_DIFFER || k == V2A_NO_SIGNER_KEY || k == V2A_NO_VERIFIER_KEY;
        const struct side *blame = k == V2A_NO_SIGNER_KEY || k == V2A_NO_SIGN_TRUSTPOINT ? s : v;
        const char *why = k == V2A_KEYS_DIFFER       ? "the pre-shared keys differ"
                          : k == V2A_NO_SIGNER_KEY   ? "no pre-shared key to sign with"
                          : k == V2A_NO_VERIFIER_KEY ? "no pre-shared key to verify with"
                          : k == V2A_METHOD_REFUSED  ? "authentication method not accepted"
                          : k == V2A_NO_SIGN_TRUSTPOINT
                              ? "no trustpoint (certificate) to sign with"
                              : "no trustpoint to validate the peer's certificate";
        bool from_a = s == pl->a; /* who sent the refused AUTH */
        if (tr_step(pl, "IKE_AUTH", !from_a, false, "%s refuses %s's AUTH (%s): %s", v->label,
                    s->label, method_text(s->v2auth.local), why))
                return -1;
        bool none = k == V2A_NO_SIGNER_KEY || k == V2A_NO_VERIFIER_KEY;
        if (keys && none && pl->p->dmvpn == DMVPN_SPOKE_SPOKE) {
                /* a spoke keyed for its hub only (dmvpn-spoke-key-missing) */
                if (play_key_missing(pl, blame, NULL))
                        return -1;
        } else if (keys) {
                const struct psk *k2 = blame == s ? s->v2_local_psk : v->v2_remote_psk;
                if (!v2_report(pl, "psk-mismatch", blame, key_loc(pl, k2)))
                        return -1;
        } else if (!v2_report(pl, "ikev2-auth-failed", blame, v2_auth_loc(blame, blame == s))) {
                return -1;
        }
        tr_end(pl,
               k == V2A_NO_SIGNER_KEY || k == V2A_NO_VERIFIER_KEY ? TUN_P1_PEER_UNKNOWN
                                                                  : TUN_P1_AUTH_FAILED,
               "IN-NEG", "");
        return tr_reason(pl, "IKE_AUTH fails: %s refuses the AUTH payload of %s (%s)", v->label,
                         s->label, why);
}

static bool failed(enum v2_auth_verdict k)
{
        return k != V2A_OK && k != V2A_KEYS_UNKNOWN;
}

static int auth(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = true;
        if (b->v2_no_profile && b->dev->platform != PLAT_ASA && b->dev->platform != PLAT_PIX) {
                if (tr_step(pl, "IKE_AUTH", true, true, "IDi (%s), AUTH (%s), SAi2, TSi, TSr",
                            a->v2_id_text, method_text(a->v2auth.local)) ||
                    tr_step(pl, "IKE_AUTH", false, false,
                            "NOTIFY AUTHENTICATION_FAILED: no IKEv2 profile of %s matches %s",
                            b->label, a->v2_id_text) ||
                    !v2_report(pl, "ikev2-no-matching-profile", b, NULL))
                        return -1;
                tr_end(pl, TUN_P1_PEER_UNKNOWN, "IN-NEG", "");
                return tr_reason(pl,
                                 "IKE_AUTH fails: %s selects its IKEv2 profile by the identity the "
                                 "peer sends (%s), and none of its profiles matches it",
                                 b->label, a->v2_id_text);
        }
        /* the responder verifies the initiator first, then signs its answer */
        enum v2_auth_verdict k1 = v2_auth_check(&a->v2auth, &b->v2auth);
        enum v2_auth_verdict k2 = v2_auth_check(&b->v2auth, &a->v2auth);
        if (failed(k1)) {
                if (tr_step(pl, "IKE_AUTH", true, true, "IDi (%s), AUTH (%s), SAi2, TSi, TSr",
                            a->v2_id_text, method_text(a->v2auth.local)))
                        return -1;
                return auth_fail(pl, k1, a, b);
        }
        if (failed(k2)) {
                if (tr_step(pl, "IKE_AUTH", true, true, "IDi (%s), AUTH (%s), SAi2, TSi, TSr",
                            a->v2_id_text, method_text(a->v2auth.local)) ||
                    tr_step(pl, "IKE_AUTH", false, true, "IDr (%s), AUTH (%s)", b->v2_id_text,
                            method_text(b->v2auth.local)))
                        return -1;
                return auth_fail(pl, k2, b, a);
        }
        *stop = false;
        return 0;
}

/* The responder entry whose selectors take (or narrow) the proposal. */
static const struct p2_cfg *ts_select(const struct play *pl, struct flowbox *nar, bool *narrowed)
{
        const struct side *a = pl->a, *b = pl->b;
        *nar = a->proposal;
        *narrowed = false;
        for (size_t i = 0; i < b->nresp; i++) {
                const struct p2_cfg *r = &b->resp[i];
                if (r->any)
                        return r;
                /* a tunnel interface's selectors are fixed: the proposal must be their
                 * exact mirror, and there is no narrowing (side_tun.c) */
                if (r->exact) {
                        for (size_t j = 0; j < r->nboxes; j++) {
                                struct flowbox m = fb_mirror(&a->proposal);
                                if (fb_equal(&m, &r->boxes[j]))
                                        return r;
                        }
                        continue;
                }
                /* RFC 7296 2.9: the proposal inside the mirror of the responder's
                 * selector is accepted as it is */
                for (size_t j = 0; j < r->nboxes; j++) {
                        struct flowbox m = fb_mirror(&r->boxes[j]);
                        if (fb_contains(&m, &a->proposal))
                                return r;
                }
        }
        /* otherwise the responder narrows to what its policy allows */
        for (size_t i = 0; i < b->nresp; i++) {
                const struct p2_cfg *r = &b->resp[i];
                for (size_t j = 0; !r->exact && j < r->nboxes; j++)
                        if (v2_ts_narrow(&a->proposal, &r->boxes[j], nar)) {
                                *narrowed = true;
                                return r;
                        }
        }
        return NULL;
}

int play_ikev2(struct play *pl)
{
        const struct side *a = pl->a, *b = pl->b;
        bool stop;
        if (sa_init(pl, &stop) || stop || auth(pl, &stop) || stop)
                return stop ? 0 : -1;
        const struct p2_cfg *ic = a->ini;
        struct flowbox nar;
        bool narrowed;
        const struct p2_cfg *c = ts_select(pl, &nar, &narrowed);
        enum ipsec_mode mode = MODE_TUNNEL;
        struct p2_choice x =
            c ? v2_child_select(ic->xf, ic->nxf, c->xf, c->nxf, &mode) : (struct p2_choice){0};
        if (tr_step(pl, "IKE_AUTH", true, true, "IDi (%s), AUTH (%s), SAi2 (%s), TSi/TSr %s",
                    a->v2_id_text, method_text(a->v2auth.local), fmt_xf(pl, ic->xf, ic->nxf),
                    fmt_box(pl, &a->proposal)))
                return -1;
        bool tun_done = false;
        if (!c && play_tun_proxy_fail(pl, &tun_done))
                return -1;
        if (c && x.ok && play_tun_mode_warning(pl, c, &x))
                return -1;
        if (!c || !x.ok) {
                /* RFC 7296 1.2: the IKE SA stays up; only the Child SA is refused */
                if (tr_step(pl, "IKE_AUTH", false, false, "IDr (%s), AUTH, NOTIFY %s",
                            b->v2_id_text, c ? "NO_PROPOSAL_CHOSEN (child SA)" : "TS_UNACCEPTABLE"))
                        return -1;
                pl->resp_cfg = c;
                /* TS_UNACCEPTABLE: play.c reports the ACLs (play_mirror_diff) */
                /* an IOS ipsec profile (a tunnel interface) names no crypto map
                 * entry: its fix takes the initiator's transform set into it */
                if (c && !c->entry && c->profile && b->plat == PLAT_IOS) {
                        if (play_tun_tset_mismatch(pl, b, c, a, a->ini))
                                return -1;
                } else if (c && !v2_report(pl, "transform-set-mismatch", b, c->loc)) {
                        return -1;
                }
                tr_end(pl, c ? TUN_P2_NO_PROPOSAL : TUN_P2_PROXY_MISMATCH, "READY", "READY");
                return tr_reason(pl, "the IKE SA is up but the child SA is refused: %s",
                                 c ? "no common IPsec proposal"
                                   : "no traffic selector of the responder overlaps the proposal");
        }
        pl->resp_cfg = c;
        if (tr_step(pl, "IKE_AUTH", false, true, "IDr (%s), AUTH (%s), SAr2, TSi/TSr %s%s%s",
                    b->v2_id_text, method_text(b->v2auth.local), fmt_box(pl, &nar),
                    narrowed ? " (narrowed)" : "",
                    mode == MODE_TRANSPORT ? ", transport mode" : ""))
                return -1;
        /* RFC 7296 1.3.2: PFS only shows at rekey, in CREATE_CHILD_SA's KE; the
         * first Child SA above was made without one. */
        enum pfs_verdict v = pfs_decide(ic->pfs, c->pfs, c->pfs_default, b->plat);
        bool ok = v == PFSV_OK || v == PFSV_OFFER_ACCEPTED;
        struct life_choice life = life_decide(ic->life_sec, c->life_sec);
        if (tr_step(pl, "CREATE_CHILD_SA", true, ok, "rekey%s: SA, Ni%s%s",
                    ok ? "" : " (after the SA lifetime)", ic->pfs ? ", KEi" : "",
                    ok ? "" : ": NO_PROPOSAL_CHOSEN (PFS differs)"))
                return -1;
        if (!ok && v2_pfs_warning(pl, ic, c, life.value))
                return -1;
        tr_end(pl, TUN_ESTABLISHED, "READY", "READY");
        if (!ok)
                return tr_reason(pl,
                                 "IKEv2 SA and child SA established (%s); the child SA's first "
                                 "rekey, after %u seconds, will fail: PFS differs",
                                 c->what, (unsigned)life.value);
        return tr_reason(pl, "IKEv2 SA and child SA established (%s)%s", c->what,
                         narrowed ? "; the responder narrowed the traffic selectors" : "");
}
