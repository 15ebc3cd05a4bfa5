/*
 * IKEv2 parameters of one side (issue 11): the proposals it offers and
 * accepts, and, for IKE_AUTH, the IKEv2 profile that applies to the peer,
 * with its authentication methods, keys and trustpoints.
 *
 * IOS (Cisco FlexVPN and IKEv2 Configuration Guide, "Configuring IKEv2
 * Policy" / "Configuring IKEv2 Profile"; crypto maps: "Appendix: IKEv2 and
 * Legacy VPNs"): the policy whose "match address local" / "match fvrf" fit
 * the local end names the proposals; with no policy configured the default
 * policy offers the default proposal (ikev2_defaults.c). The initiator uses
 * the crypto map entry's "set ikev2-profile"; the responder picks the
 * profile whose "match identity remote" takes the identity the initiator
 * sends (IDi). Keys come from the profile's inline "authentication local|
 * remote pre-share key" or from its "keyring local" peer for the address.
 * ASA (Cisco ASA Series VPN CLI Configuration Guide, site-to-site IKEv2):
 * every "crypto ikev2 policy" by priority; the tunnel-group named by the
 * peer's address gives "ikev2 local-authentication|remote-authentication".
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/ipv4.h"
#include "../model/ikev2_defaults.h"
#include "../model/query.h"
#include "side_int.h"

static void prop_from(struct v2_prop *d, const struct ikev2_policy *q)
{
        memcpy(d->encr, q->encr, sizeof(d->encr));
        memcpy(d->key_bits, q->key_bits, sizeof(d->key_bits));
        memcpy(d->integ, q->integ, sizeof(d->integ));
        memcpy(d->prf, q->prf, sizeof(d->prf));
        memcpy(d->groups, q->groups, sizeof(d->groups));
        d->nencr = q->nencr, d->ninteg = q->ninteg, d->nprf = q->nprf;
        d->ngroups = q->ngroups;
        /* RFC 7296 3.3.2: with no PRF listed, IOS/ASA use the integrity
         * algorithm as PRF. */
        if (!d->nprf) {
                memcpy(d->prf, q->integ, sizeof(d->prf));
                d->nprf = q->ninteg;
        }
}

static const struct ikev2_policy *find_v2(const struct device *dev, const char *name, bool proposal)
{
        for (size_t i = 0; i < dev->ikev2_policies.n; i++) {
                const struct ikev2_policy *q = dev->ikev2_policies.v[i];
                if (q->is_proposal == proposal && !strcmp(q->name, name))
                        return q;
        }
        return NULL;
}

static const char *side_vrf(const struct side *s)
{
        const struct iface *f = s->ifname ? model_get_iface(s->dev, s->ifname) : NULL;
        return f ? f->vrf : NULL;
}

/* 0: the policy does not apply; 1: it applies; 2: it applies by an explicit
 * "match address local" (more specific than a policy without one). */
static int policy_fits(const struct ikev2_policy *q, const struct side *s)
{
        const char *vrf = side_vrf(s);
        if (q->match_fvrf && strcasecmp(q->match_fvrf, "any") &&
            (!vrf || strcmp(vrf, q->match_fvrf)))
                return 0;
        if (!q->match_fvrf && vrf)
                return 0; /* without "match fvrf" a policy covers the global table */
        if (!q->match_addrs.n)
                return 1;
        for (size_t i = 0; i < q->match_addrs.n; i++) {
                uint32_t a;
                if (lex_ipv4(q->match_addrs.v[i], &a) && s->has_addr && a == s->addr)
                        return 2;
        }
        return 0;
}

static int ios_proposals(struct pair *p, struct side *s)
{
        const struct device *dev = s->dev;
        const struct ikev2_policy *pol = NULL;
        int best = 0;
        bool any_policy = false;
        for (size_t i = 0; i < dev->ikev2_policies.n; i++) {
                const struct ikev2_policy *q = dev->ikev2_policies.v[i];
                if (q->is_proposal)
                        continue;
                any_policy = true;
                int fit = policy_fits(q, s);
                if (fit > best)
                        best = fit, pol = q;
        }
        size_t cap = pol ? pol->proposals.n : 1;
        s->v2 = arena_calloc(&p->arena, cap + 1, sizeof(*s->v2));
        if (!s->v2)
                return -1;
        s->nv2 = 0;
        if (!pol) {
                /* the default policy applies only when none is configured */
                s->v2_policy = any_policy ? NULL : "default";
                if (!any_policy) {
                        struct ikev2_policy d;
                        ios_v2_default_proposal(dev, &d);
                        prop_from(&s->v2[s->nv2++], &d);
                }
                return 0;
        }
        s->v2_policy = pol->name;
        s->v2_policy_loc = &pol->loc;
        for (size_t i = 0; i < pol->proposals.n; i++) {
                const char *name = pol->proposals.v[i];
                const struct ikev2_policy *q = find_v2(dev, name, true);
                struct ikev2_policy d;
                if (!strcmp(name, "default")) {
                        ios_v2_default_proposal(dev, &d);
                        q = &d;
                }
                const char *missing;
                /* an incomplete proposal is not offered (ikev2_defaults.h) */
                if (q && !ios_v2_proposal_complete(q, &missing)) {
                        if (!s->v2_incomplete)
                                s->v2_incomplete = q, s->v2_incomplete_what = missing;
                        continue;
                }
                if (q)
                        prop_from(&s->v2[s->nv2++], q);
        }
        return 0;
}

int side_v2_proposals(struct pair *p, struct side *s)
{
        const struct ptrvec *v = &s->dev->ikev2_policies;
        if (s->dev->platform == PLAT_IOS || s->dev->platform == PLAT_UNKNOWN) {
                bool ios_syntax = false;
                for (size_t i = 0; i < v->n; i++)
                        ios_syntax |= ((const struct ikev2_policy *)v->v[i])->is_proposal;
                /* ASA-style "crypto ikev2 policy N" with algorithms in an IOS file
                 * (mixed pastes) is read as the ASA's, below */
                if (ios_syntax || !v->n)
                        return ios_proposals(p, s);
        }
        s->v2 = arena_calloc(&p->arena, v->n + 1, sizeof(*s->v2));
        if (!s->v2)
                return -1;
        s->nv2 = 0;
        for (size_t i = 0; i < v->n; i++) {
                const struct ikev2_policy *q = v->v[i];
                if (q->nencr || q->ngroups)
                        prop_from(&s->v2[s->nv2++], q);
        }
        return 0;
}

/* ---- identities ------------------------------------------------------ */

enum id_kind { ID_ADDR, ID_FQDN, ID_EMAIL, ID_KEYID, ID_DN };

struct v2_id {
        enum id_kind kind;
        uint32_t addr;
        const char *text; /* fqdn, email, key-id */
};

static bool is_ios(const struct device *dev)
{
        return dev->platform == PLAT_IOS || dev->platform == PLAT_UNKNOWN;
}

/* The identity a side sends. IOS: "identity local ..."; by default the
 * address with pre-shared keys and the certificate's DN with signatures
 * (Cisco FlexVPN guide, "identity (IKEv2 profile)"). ASA: "crypto isakmp
 * identity" (auto: address with keys, DN with certificates). */
static struct v2_id own_id(const struct side *s)
{
        struct v2_id id = {ID_ADDR, s->addr, NULL};
        bool cert = (s->v2auth.local & V2AUTH_SIGNATURE) != 0;
        if (is_ios(s->dev) && s->v2prof && s->v2prof->local_id_text) {
                const char *t = s->v2prof->local_id_text, *sp = strchr(t, ' ');
                const char *val = sp ? sp + 1 : NULL;
                if (!strncasecmp(t, "address", 7) && val && lex_ipv4(val, &id.addr))
                        return id;
                if (!strncasecmp(t, "dn", 2)) {
                        id.kind = ID_DN;
                        return id;
                }
                id.kind = !strncasecmp(t, "fqdn", 4)    ? ID_FQDN
                          : !strncasecmp(t, "email", 5) ? ID_EMAIL
                                                        : ID_KEYID;
                id.text = val ? val : "";
                return id;
        }
        if (!is_ios(s->dev)) {
                enum ike_identity i = s->dev->ike.identity;
                if (i == IDENT_HOSTNAME && s->dev->hostname) {
                        id.kind = ID_FQDN;
                        id.text = s->dev->hostname; /* the domain is compared as a suffix */
                        return id;
                }
                if (i == IDENT_DN || (i == IDENT_AUTO && cert))
                        id.kind = ID_DN;
                return id;
        }
        if (cert)
                id.kind = ID_DN;
        return id;
}

enum idm { IDM_NO, IDM_YES, IDM_UNKNOWN };

static bool suffix(const char *s, const char *suf)
{
        size_t n = strlen(s), m = strlen(suf);
        return m <= n && !strcasecmp(s + n - m, suf);
}

static enum idm match_one(const struct profile_match *m, const struct v2_id *id)
{
        const char *k = m->kind ? m->kind : "";
        if (!strcasecmp(k, "any"))
                return IDM_YES; /* "match identity remote any": every identity */
        if (!strcasecmp(k, "address")) {
                if (!m->is_addr)
                        return m->text && strchr(m->text, ':') ? IDM_NO : IDM_UNKNOWN;
                return id->kind == ID_ADDR && (id->addr & m->mask) == (m->addr & m->mask) ? IDM_YES
                                                                                          : IDM_NO;
        }
        bool fq = !strcasecmp(k, "fqdn"), em = !strcasecmp(k, "email");
        if (fq || em || !strcasecmp(k, "key-id")) {
                enum id_kind want = fq ? ID_FQDN : em ? ID_EMAIL : ID_KEYID;
                if (id->kind != want)
                        return IDM_NO;
                if (!id->text || !m->text)
                        return IDM_UNKNOWN;
                if (m->domain)
                        return suffix(id->text, m->text) ? IDM_YES : IDM_NO;
                return !strcasecmp(id->text, m->text) ? IDM_YES : IDM_NO;
        }
        return IDM_UNKNOWN; /* dn, certificate maps: not decided from configs */
}

/* IOS responder: the first IKEv2 profile whose match identity remote takes
 * id; a profile that cannot be decided is taken when nothing matches, with
 * *uncertain set. */
static const struct isakmp_profile *profile_for_id(const struct device *dev, const struct v2_id *id,
                                                   bool *uncertain)
{
        const struct isakmp_profile *maybe = NULL;
        for (size_t i = 0; i < dev->isakmp_profiles.n; i++) {
                const struct isakmp_profile *pr = dev->isakmp_profiles.v[i];
                if (!pr->ikev2)
                        continue;
                for (size_t j = 0; j < pr->match_ids.n; j++) {
                        enum idm r = match_one(pr->match_ids.v[j], id);
                        if (r == IDM_YES)
                                return pr;
                        if (r == IDM_UNKNOWN && !maybe)
                                maybe = pr;
                }
        }
        *uncertain = maybe != NULL;
        return maybe;
}

/* ---- keys ------------------------------------------------------------- */

/* The keyring key of profile pr for peer (most specific address, then the
 * peer's identity) usable in direction want (PSK_LOCAL: sent, PSK_REMOTE:
 * verified). */
static const struct psk *keyring_key(const struct device *dev, const struct isakmp_profile *pr,
                                     uint32_t peer, const struct v2_id *peer_id, enum psk_dir want)
{
        const struct psk *best = NULL;
        for (size_t r = 0; r < pr->keyrings.n; r++)
                for (size_t i = 0; i < dev->psks.n; i++) {
                        const struct psk *k = dev->psks.v[i];
                        if (k->source != PSK_IOS_IKEV2_KEYRING || !k->keyring ||
                            strcmp(k->keyring, pr->keyrings.v[r]) ||
                            (k->dir != PSK_BOTH && k->dir != want))
                                continue;
                        bool by_addr = k->has_addr && (peer & k->mask) == (k->addr & k->mask);
                        bool by_id = k->identity && peer_id && peer_id->text &&
                                     strchr(k->identity, ' ') &&
                                     !strcasecmp(strchr(k->identity, ' ') + 1, peer_id->text);
                        if (!by_addr && !by_id)
                                continue;
                        if (!best || (by_addr && best->has_addr && k->mask > best->mask))
                                best = k;
                }
        return best;
}

static void absent(struct secret *s)
{
        memset(s, 0, sizeof(*s));
        secret_set_unknown(s, SECRET_ABSENT);
}

static void ios_auth(struct side *s, uint32_t peer, const struct v2_id *peer_id)
{
        const struct isakmp_profile *pr = s->v2prof;
        struct v2_auth_end *e = &s->v2auth;
        absent(&e->local_key), absent(&e->remote_key);
        if (!pr)
                return;
        e->local = pr->v2_local_auth;
        e->remote = pr->v2_remote_auth;
        e->cert_sign = e->cert_verify = pr->trustpoints.n > 0;
        s->v2_local_psk = keyring_key(s->dev, pr, peer, peer_id, PSK_LOCAL);
        s->v2_remote_psk = keyring_key(s->dev, pr, peer, peer_id, PSK_REMOTE);
        if (pr->has_local_key)
                e->local_key = pr->local_key, s->v2_local_psk = NULL;
        else if (s->v2_local_psk)
                e->local_key = s->v2_local_psk->key;
        if (pr->has_remote_key)
                e->remote_key = pr->remote_key, s->v2_remote_psk = NULL;
        else if (s->v2_remote_psk)
                e->remote_key = s->v2_remote_psk->key;
}

static void asa_auth(struct side *s)
{
        struct v2_auth_end *e = &s->v2auth;
        absent(&e->local_key), absent(&e->remote_key);
        const struct tunnel_group *tg = s->tg;
        for (size_t i = 0; tg && i < s->dev->psks.n; i++) {
                const struct psk *k = s->dev->psks.v[i];
                if (!k->tunnel_group || strcmp(k->tunnel_group, tg->name))
                        continue;
                if (k->source == PSK_ASA_IKEV2_LOCAL)
                        e->local_key = k->key, s->v2_local_psk = k;
                else if (k->source == PSK_ASA_IKEV2_REMOTE)
                        e->remote_key = k->key, s->v2_remote_psk = k;
        }
        e->local = tg ? tg->v2_local_auth : 0;
        e->remote = tg ? tg->v2_remote_auth : 0;
        e->cert_sign = tg && tg->v2_local_trustpoint;
        e->cert_verify = true; /* CA trustpoints are not tied to the tunnel-group */
}

static const char *id_text(struct pair *p, const struct v2_id *id)
{
        char buf[300];
        char ip[16];
        ipv4_str(id->addr, ip);
        switch (id->kind) {
        case ID_ADDR:
                snprintf(buf, sizeof(buf), "address %s", ip);
                break;
        case ID_DN:
                snprintf(buf, sizeof(buf), "the certificate's DN");
                break;
        default:
                snprintf(buf, sizeof(buf), "%s %s",
                         id->kind == ID_FQDN    ? "fqdn"
                         : id->kind == ID_EMAIL ? "email"
                                                : "key-id",
                         id->text ? id->text : "");
        }
        return arena_strdup(&p->arena, buf);
}

int side_v2_auth(struct pair *p, struct side *a, struct side *b)
{
        /* a (initiator): its entry's profile; its methods decide its identity */
        if (is_ios(a->dev)) {
                /* a crypto map entry's "set ikev2-profile", or for a tunnel interface
                 * the one of its "tunnel protection ipsec profile" (Cisco FlexVPN and
                 * IKEv2 Configuration Guide, "Configuring the IPsec Profile") */
                const char *name = !a->ini           ? NULL
                                   : a->ini->entry   ? a->ini->entry->ikev2_profile
                                   : a->ini->profile ? a->ini->profile->ikev2_profile
                                                     : NULL;
                a->v2prof = name ? model_get_profile(a->dev, name) : NULL;
                a->v2_no_profile = !a->v2prof;
                if (a->v2prof)
                        a->v2auth.local = a->v2prof->v2_local_auth;
        } else {
                asa_auth(a);
        }
        struct v2_id ida = own_id(a);
        /* b (responder): the profile that takes a's identity */
        if (is_ios(b->dev)) {
                b->v2prof = profile_for_id(b->dev, &ida, &b->v2_id_uncertain);
                b->v2_no_profile = !b->v2prof;
                if (b->v2prof)
                        b->v2auth.local = b->v2prof->v2_local_auth;
        } else {
                asa_auth(b);
        }
        struct v2_id idb = own_id(b);
        if (is_ios(a->dev))
                ios_auth(a, b->addr, &idb);
        if (is_ios(b->dev))
                ios_auth(b, a->addr, &ida);
        a->v2_local = a->v2auth.local_key, a->v2_remote = a->v2auth.remote_key;
        b->v2_local = b->v2auth.local_key, b->v2_remote = b->v2auth.remote_key;
        a->v2_id_text = id_text(p, &ida);
        b->v2_id_text = id_text(p, &idb);
        return a->v2_id_text && b->v2_id_text ? 0 : -1;
}
