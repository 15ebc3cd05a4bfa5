/*
 * IKEv2 (RFC 7296): IKE_SA_INIT negotiates the IKE SA, IKE_AUTH
 * authenticates both ends and creates the first child SA with its traffic
 * selectors, CREATE_CHILD_SA rekeys it (with a KE payload when PFS is set).
 */
#include <stdio.h>

#include "../model/flowset.h"
#include "play_int.h"

static int sa_init(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = true;
        if (!a->route_ok || !a->isakmp_on || !b->isakmp_on || pl->p->path.block500) {
                if (tr_step(pl, "IKE_SA_INIT", true, false, "UDP 500 -> %s: never answered",
                            pl->b_ip))
                        return -1;
                tr_end(pl, TUN_NO_RESPONSE, "IN-NEG", "");
                if (!b->isakmp_on) {
                        const char *v[] = {"if", b->ifname, NULL};
                        if (!pf_report(pl, "isakmp-not-enabled", b, NULL, v))
                                return -1;
                }
                return tr_reason(pl, "the IKEv2 request is not answered (IKEv2 not enabled, no "
                                     "route or UDP 500 blocked)");
        }
        if (tr_step(pl, "IKE_SA_INIT", true, true, "SAi1 (%zu proposal(s)), KEi, Ni%s", a->nv2,
                    a->nat_t ? ", NAT_DETECTION" : ""))
                return -1;
        struct v2_choice c = v2_sa_init_select(a->v2, a->nv2, b->v2, b->nv2);
        if (!c.ok) {
                const char *v[] = {"policy", "10", NULL};
                if (tr_step(pl, "IKE_SA_INIT", false, false, "NOTIFY NO_PROPOSAL_CHOSEN") ||
                    !pf_report(pl, "isakmp-policy-mismatch", b, NULL, v))
                        return -1;
                tr_end(pl, TUN_P1_NO_PROPOSAL, "IN-NEG", "");
                return tr_reason(pl, "no IKEv2 proposal of %s matches %s's", b->label, a->label);
        }
        *stop = false;
        return tr_step(pl, "IKE_SA_INIT", false, true, "SAr1 (%s/%s/group%d), KEr, Nr",
                       encr_text(c.encr, c.key_bits), hash_text(c.integ), c.group);
}

static int auth(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        *stop = true;
        enum psk_verdict k = psk_decide(&a->v2_local, &b->v2_remote);
        if (k == PSKV_NO_RESPONDER || k == PSKV_NO_INITIATOR || k == PSKV_DIFFERENT) {
                const struct side *s = k == PSKV_NO_INITIATOR ? a : b;
                const char *v[] = {"peer", s == a ? pl->b_ip : pl->a_ip, NULL};
                if (tr_step(pl, "IKE_AUTH", true, false, "IDi, AUTH: %s",
                            k == PSKV_DIFFERENT ? "AUTHENTICATION_FAILED (keys differ)"
                                                : "no key for the peer") ||
                    (k == PSKV_DIFFERENT ? !pf_report(pl, "psk-mismatch", s, key_loc(pl, s->psk), v)
                                         : play_key_missing(pl, s, key_loc(pl, s->psk))))
                        return -1;
                tr_end(pl, k == PSKV_DIFFERENT ? TUN_P1_AUTH_FAILED : TUN_P1_PEER_UNKNOWN, "IN-NEG",
                       "");
                return tr_reason(pl, "IKE_AUTH fails: %s",
                                 k == PSKV_DIFFERENT ? "the pre-shared keys differ"
                                                     : "a side has no key for the other");
        }
        *stop = false;
        return 0;
}

int play_ikev2(struct play *pl)
{
        const struct side *a = pl->a, *b = pl->b;
        bool stop;
        if (sa_init(pl, &stop) || stop || auth(pl, &stop) || stop)
                return stop ? 0 : -1;
        const struct p2_cfg *ic = a->ini, *c = NULL;
        struct flowbox nar = a->proposal;
        for (size_t i = 0; i < b->nresp && !c; i++) {
                const struct p2_cfg *r = &b->resp[i];
                for (size_t j = 0; !c && (r->any || j < r->nboxes); j++) {
                        /* a tunnel interface's selectors are fixed: no narrowing (side_tun.c) */
                        struct flowbox m = fb_mirror(&a->proposal);
                        if (r->exact ? fb_equal(&m, &r->boxes[j])
                                     : r->any || v2_ts_narrow(&a->proposal, &r->boxes[j], &nar))
                                c = r;
                }
        }
        struct p2_choice x = c ? p2_select(ic->xf, ic->nxf, c->xf, c->nxf) : (struct p2_choice){0};
        if (tr_step(pl, "IKE_AUTH", true, true, "IDi, AUTH (pre-shared key), SAi2 (%s), TSi/TSr %s",
                    fmt_xf(pl, ic->xf, ic->nxf), fmt_box(pl, &a->proposal)))
                return -1;
        bool tun_done = false;
        if (!c && play_tun_proxy_fail(pl, &tun_done))
                return -1;
        if (c && x.ok && play_tun_mode_warning(pl, c, &x))
                return -1;
        if (!c || !x.ok) {
                if (tr_step(pl, "IKE_AUTH", false, false, "%s",
                            c ? "NOTIFY NO_PROPOSAL_CHOSEN (child SA)" : "NOTIFY TS_UNACCEPTABLE"))
                        return -1;
                tr_end(pl, c ? TUN_P2_NO_PROPOSAL : TUN_P2_PROXY_MISMATCH, "READY", "READY");
                return tr_reason(pl, "the IKE SA is up but the child SA is refused: %s",
                                 c ? "no common IPsec proposal" : "traffic selectors unacceptable");
        }
        if (tr_step(pl, "IKE_AUTH", false, true, "IDr, AUTH, SAr2, TSi/TSr %s", fmt_box(pl, &nar)))
                return -1;
        /* RFC 7296 1.3.2: PFS only shows at rekey, in CREATE_CHILD_SA's KE. */
        enum pfs_verdict v = pfs_decide(ic->pfs, c->pfs, c->pfs_default, b->plat);
        bool ok = v == PFSV_OK || v == PFSV_OFFER_ACCEPTED;
        if (tr_step(pl, "CREATE_CHILD_SA", true, ok, "rekey: SA, Ni%s%s", ic->pfs ? ", KEi" : "",
                    ok ? "" : ": NO_PROPOSAL_CHOSEN (PFS differs)"))
                return -1;
        tr_end(pl, ok ? TUN_ESTABLISHED : TUN_P2_PFS_MISMATCH, "READY", "READY");
        return tr_reason(
            pl,
            ok ? "IKEv2 SA and child SA established (%s)"
               : "the child SA from IKE_AUTH works, but its rekey fails: PFS differs (%s)",
            c->what);
}
