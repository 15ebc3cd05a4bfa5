/*
 * --fix: the edit each pair-level finding's fix makes, applied to the
 * pair's parameter copies (the devices stay untouched), so the replay
 * shows whether the proposed fixes are enough.
 */
#include <string.h>

#include "../model/flowset.h"
#include "pair.h"

static int grow_p1(struct pair *p, struct side *b, const struct p1_prop *add)
{
        struct p1_prop *v = arena_calloc(&p->arena, b->np1 + 1, sizeof(*v));
        const struct isakmp_policy **src = arena_calloc(&p->arena, b->np1 + 1, sizeof(*src));
        struct isakmp_policy *q = arena_alloc(&p->arena, sizeof(*q));
        if (!v || !src || !q)
                return -1;
        /* isakmp-policy-mismatch fix: the same policy on the responder, first. */
        v[0] = *add;
        q->priority = add->priority;
        src[0] = q;
        if (b->np1) {
                memcpy(v + 1, b->p1, b->np1 * sizeof(*v));
                memcpy(src + 1, b->p1src, b->np1 * sizeof(*src));
        }
        b->p1 = v, b->p1src = src, b->np1++;
        return 1;
}

/* IKEv2 isakmp-policy-mismatch fix: the initiator's first proposal on the responder. */
static int grow_v2(struct pair *p, struct side *b, const struct side *a)
{
        if (!a->nv2)
                return 0;
        struct v2_prop *v = arena_calloc(&p->arena, b->nv2 + 1, sizeof(*v));
        if (!v)
                return -1;
        v[0] = a->v2[0];
        if (b->nv2)
                memcpy(v + 1, b->v2, b->nv2 * sizeof(*v));
        b->v2 = v, b->nv2++;
        return 1;
}

static int fix_p2(struct pair *p, struct side *b, const struct p2_cfg *ic, enum tunnel_status st)
{
        struct p2_cfg *c = NULL;
        struct flowbox m = fb_mirror(&p->s[0].proposal);
        for (size_t i = 0; i < b->nresp && !c; i++)
                for (size_t j = 0; j < b->resp[i].nboxes && !c; j++)
                        if (b->resp[i].any || fb_contains(&b->resp[i].boxes[j], &m))
                                c = &b->resp[i];
        if (st == TUN_P2_PROXY_MISMATCH) {
                /* crypto-acl-not-mirrored fix: the mirrored ACE on the responder's entry. */
                c = b->nresp ? &b->resp[0] : NULL;
                if (!c)
                        return 0;
                struct flowbox *v = arena_calloc(&p->arena, c->nboxes + 1, sizeof(*v));
                const struct ace **a = arena_calloc(&p->arena, c->nboxes + 1, sizeof(*a));
                if (!v || !a)
                        return -1;
                if (c->nboxes) {
                        memcpy(v, c->boxes, c->nboxes * sizeof(*v));
                        memcpy(a, c->aces, c->nboxes * sizeof(*a));
                }
                v[c->nboxes] = m;
                a[c->nboxes] = p->s[0].proposal_ace;
                c->boxes = v, c->aces = a, c->nboxes++;
                return 1;
        }
        if (!c && b->nresp)
                c = &b->resp[0];
        if (!c)
                return 0;
        if (st == TUN_P2_NO_PROPOSAL && ic->nxf) {
                /* transform-set-mismatch fix: the initiator's first set on the responder. */
                c->xf = (struct p2_xform *)ic->xf, c->xf_names = ic->xf_names, c->nxf = 1;
                return 1;
        }
        if (st == TUN_P2_PFS_MISMATCH) { /* pfs-mismatch fix: the same group on both */
                c->pfs = ic->pfs;
                c->pfs_default = false;
                return 1;
        }
        return 0;
}

/* IKEv2 IKE_AUTH fixes (play_v2_fix.c prints them): the responder gets a
 * profile for the peer, each end accepts the method the other signs with,
 * certificate ends get trustpoints, and the keys agree in both directions. */
static int fix_v2_auth(struct side *a, struct side *b)
{
        struct side *s[2] = {a, b};
        b->v2_no_profile = false;
        for (int i = 0; i < 2; i++) {
                struct v2_auth_end *me = &s[i]->v2auth, *peer = &s[1 - i]->v2auth;
                unsigned m = peer->local ? peer->local : V2AUTH_PSK;
                if (me->remote)
                        me->remote |= m;
                if (m & V2AUTH_CERT)
                        peer->cert_sign = me->cert_verify = true;
                if (m == V2AUTH_PSK) {
                        if (peer->local_key.state == SECRET_ABSENT &&
                            me->remote_key.state == SECRET_ABSENT)
                                secret_set(&peer->local_key, "ipsec-doctor-fix", 16);
                        if (peer->local_key.state == SECRET_ABSENT)
                                peer->local_key = me->remote_key;
                        else
                                me->remote_key = peer->local_key;
                }
        }
        a->v2_local = a->v2auth.local_key, a->v2_remote = a->v2auth.remote_key;
        b->v2_local = b->v2auth.local_key, b->v2_remote = b->v2auth.remote_key;
        return 1;
}

int pair_apply_fix(struct pair *p, const struct tunnel_result *r)
{
        struct side *a = &p->s[0], *b = &p->s[1];
        switch (r->status) {
        case TUN_NO_RESPONSE:
                if (p->path.block500 || p->path.block4500 || !a->route_ok || !b->route_ok)
                        return 0; /* the path or routing: not an edit of these findings */
                if (a->isakmp_on && b->isakmp_on)
                        return 0;
                a->isakmp_on = b->isakmp_on = true; /* isakmp-not-enabled */
                return 1;
        case TUN_P1_NO_PROPOSAL:
                if (a->ikev2)
                        return grow_v2(p, b, a);
                if (!a->np1)
                        return 0;
                return grow_p1(p, b, &a->p1[0]);
        case TUN_P1_PEER_UNKNOWN:
        case TUN_P1_AUTH_FAILED:
                if (a->ikev2)
                        return fix_v2_auth(a, b);
                /* psk-mismatch / tunnel-group-name-not-peer-ip: the same key on both. */
                if (a->key.state == SECRET_ABSENT && b->key.state == SECRET_ABSENT)
                        secret_set(&a->key, "ipsec-doctor-fix", 16);
                if (a->key.state == SECRET_ABSENT)
                        a->key = b->key;
                else
                        b->key = a->key;
                b->v2_remote = a->v2_local = a->key;
                b->tg_default = false;
                return 1;
        case TUN_XAUTH_BLOCKED:
                b->key_no_xauth = true; /* l2l-prompted-for-xauth: no-xauth on the key */
                return 1;
        case TUN_P2_NO_PROPOSAL:
        case TUN_P2_PFS_MISMATCH:
        case TUN_P2_PROXY_MISMATCH:
                return a->ini ? fix_p2(p, b, a->ini, r->status) : 0;
        default:
                return 0;
        }
}
