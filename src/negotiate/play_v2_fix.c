/*
 * Findings of IKEv2 tunnels and their fixes, in IKEv2 syntax only (issue
 * 11, class 5): an IKEv2 entry never gets "crypto isakmp policy", "crypto
 * isakmp keepalive" or "crypto ikev1 enable". The lines follow the Cisco
 * FlexVPN and IKEv2 Configuration Guide (IOS: crypto ikev2 proposal |
 * policy | keyring | profile) and the ASA Series VPN CLI Configuration
 * Guide (crypto ikev2 policy | enable, crypto ipsec ikev2 ipsec-proposal,
 * tunnel-group ikev2 local|remote-authentication). Values are taken from
 * the other end, so that the fixed config matches it; keys are never
 * printed (the "<pre-shared-key>" placeholder, as in the catalog).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../checks/check.h"
#include "play_v2_int.h"

#define MAXL 12

struct lines {
        char buf[MAXL][200];
        const char *v[MAXL];
        size_t n;
};

__attribute__((format(printf, 2, 3))) static void add(struct lines *l, const char *fmt, ...)
{
        if (l->n == MAXL)
                return;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(l->buf[l->n], sizeof(l->buf[0]), fmt, ap);
        va_end(ap);
        l->v[l->n] = l->buf[l->n];
        l->n++;
}

static bool asa(const struct side *s)
{
        return s->dev->platform == PLAT_ASA || s->dev->platform == PLAT_PIX;
}

static const char *peer_of(const struct play *pl, const struct side *s)
{
        return s == pl->a ? pl->b_ip : pl->a_ip;
}

static const struct side *other(const struct play *pl, const struct side *s)
{
        return s == pl->a ? pl->b : pl->a;
}

/* IOS / ASA names of IKEv2 algorithms */
static const char *encr_name(enum ike_encr e, int bits, bool on_asa)
{
        static char b[24];
        if (e == ENCR_AES_GCM)
                snprintf(b, sizeof(b), on_asa ? "aes-gcm-%d" : "aes-gcm-%d", bits);
        else if (e == ENCR_AES)
                snprintf(b, sizeof(b), on_asa ? (bits == 128 ? "aes" : "aes-%d") : "aes-cbc-%d",
                         bits);
        else
                snprintf(b, sizeof(b), "%s", e == ENCR_3DES ? "3des" : "des");
        return b;
}

static const char *hash_name(enum ike_hash h, bool esp_asa)
{
        switch (h) {
        case HASH_MD5:
                return "md5";
        case HASH_SHA1:
                return esp_asa ? "sha-1" : "sha1";
        case HASH_SHA256:
                return esp_asa ? "sha-256" : "sha256";
        case HASH_SHA384:
                return esp_asa ? "sha-384" : "sha384";
        case HASH_SHA512:
                return esp_asa ? "sha-512" : "sha512";
        default:
                return "null";
        }
}

/* The responder s accepts the initiator's first proposal. */
static void fix_proposal(const struct play *pl, const struct side *s, struct lines *l)
{
        const struct side *o = other(pl, s);
        if (!o->nv2)
                return;
        const struct v2_prop *w = &o->v2[0];
        bool on_asa = asa(s);
        if (on_asa) {
                int prio = 1;
                for (bool used = true; used && prio < 65535;) {
                        used = false;
                        for (size_t i = 0; i < s->dev->ikev2_policies.n; i++)
                                used |= ((const struct ikev2_policy *)s->dev->ikev2_policies.v[i])
                                            ->priority == prio;
                        prio += used;
                }
                add(l, "crypto ikev2 policy %d", prio);
                add(l, " encryption %s", encr_name(w->encr[0], w->key_bits[0], true));
                if (w->encr[0] != ENCR_AES_GCM)
                        add(l, " integrity %s", hash_name(w->integ[0], false));
                add(l, " group %d", w->groups[0]);
                add(l, " prf %s", hash_name(w->prf[0], false));
                return;
        }
        char name[40];
        snprintf(name, sizeof(name), "PROP-%s", peer_of(pl, s));
        add(l, "crypto ikev2 proposal %s", name);
        add(l, " encryption %s", encr_name(w->encr[0], w->key_bits[0], false));
        if (w->encr[0] == ENCR_AES_GCM)
                add(l, " prf %s", hash_name(w->prf[0], false));
        else
                add(l, " integrity %s", hash_name(w->integ[0], false));
        add(l, " group %d", w->groups[0]);
        /* a new policy replaces the default one (smart defaults): keep the
         * default proposal in it for the peers that use it */
        bool had_policy = s->v2_policy && strcmp(s->v2_policy, "default");
        add(l, "crypto ikev2 policy %s", had_policy ? s->v2_policy : "POL-1");
        add(l, " proposal %s", name);
        if (!had_policy)
                add(l, " proposal default");
}

/* s holds the wrong (or no) pre-shared key for the peer. */
static void fix_key(const struct play *pl, const struct side *s, struct lines *l)
{
        const char *peer = peer_of(pl, s);
        if (asa(s)) {
                add(l, "tunnel-group %s type ipsec-l2l", peer);
                add(l, "tunnel-group %s ipsec-attributes", peer);
                add(l, " ikev2 remote-authentication pre-shared-key <pre-shared-key>");
                add(l, " ikev2 local-authentication pre-shared-key <pre-shared-key>");
                return;
        }
        const struct isakmp_profile *pr = s->v2prof;
        if (!pr)
                return;
        if (pr->has_local_key || pr->has_remote_key) {
                add(l, "crypto ikev2 profile %s", pr->name);
                add(l, " authentication remote pre-share key <pre-shared-key>");
                add(l, " authentication local pre-share key <pre-shared-key>");
                return;
        }
        const struct psk *k = s->v2_remote_psk ? s->v2_remote_psk : s->v2_local_psk;
        const char *kr = k ? k->keyring : pr->keyrings.n ? pr->keyrings.v[0] : "KR-1";
        add(l, "crypto ikev2 keyring %s", kr);
        add(l, " peer %s", k && k->peer_name ? k->peer_name : peer);
        if (!k)
                add(l, "  address %s", peer);
        /* asymmetric keys: one line per direction, each the other end's key
         * of the opposite direction */
        bool dir = (s->v2_remote_psk && s->v2_remote_psk->dir != PSK_BOTH) ||
                   (s->v2_local_psk && s->v2_local_psk->dir != PSK_BOTH);
        if (dir) {
                add(l, "  pre-shared-key local <pre-shared-key>");
                add(l, "  pre-shared-key remote <pre-shared-key>");
        } else {
                add(l, "  pre-shared-key <pre-shared-key>");
        }
        if (!pr->keyrings.n) {
                add(l, "crypto ikev2 profile %s", pr->name);
                add(l, " keyring local %s", kr);
        }
}

/* s refuses the method the other end signs with, lacks a trustpoint to
 * validate it, or (as signer) has no trustpoint to sign with. */
static void fix_method(const struct play *pl, const struct side *s, struct lines *l)
{
        const struct side *o = other(pl, s);
        unsigned m = o->v2auth.local ? o->v2auth.local : V2AUTH_PSK;
        bool signer_cert = (s->v2auth.local & V2AUTH_SIGNATURE) && !s->v2auth.cert_sign;
        if (asa(s)) {
                add(l, "tunnel-group %s ipsec-attributes", peer_of(pl, s));
                if (signer_cert)
                        add(l, " ikev2 local-authentication certificate <trustpoint>");
                else
                        add(l, " ikev2 remote-authentication %s",
                            m & V2AUTH_CERT ? "certificate" : "pre-shared-key <pre-shared-key>");
                return;
        }
        if (!s->v2prof)
                return;
        add(l, "crypto ikev2 profile %s", s->v2prof->name);
        if (!signer_cert && s->v2auth.remote && !(s->v2auth.remote & m))
                add(l, " authentication remote %s",
                    m & V2AUTH_RSA     ? "rsa-sig"
                    : m & V2AUTH_ECDSA ? "ecdsa-sig"
                    : (m & V2AUTH_SIG_OTHER) && o->v2prof && o->v2prof->local_auth
                        ? o->v2prof->local_auth /* the signer's own method name */
                        : "pre-share");
        if ((signer_cert || (m & V2AUTH_SIGNATURE)) && !s->v2prof->trustpoints.n)
                add(l, " pki trustpoint <trustpoint>");
}

static void fix_profile(const struct play *pl, const struct side *s, struct lines *l)
{
        const char *name = NULL;
        for (size_t i = 0; i < s->nresp && !name; i++)
                if (s->resp[i].entry)
                        name = s->resp[i].entry->ikev2_profile;
        for (size_t i = 0; i < s->dev->isakmp_profiles.n && !name; i++) {
                const struct isakmp_profile *p = s->dev->isakmp_profiles.v[i];
                if (p->ikev2)
                        name = p->name;
        }
        if (!name)
                return;
        add(l, "crypto ikev2 profile %s", name);
        /* the identity the peer sends (side_v2.c id_text): an address, an
         * fqdn/email/key-id as sent, a certificate DN by "any" (a DN needs a
         * certificate map, which a config cannot be checked against) */
        const char *id = other(pl, s)->v2_id_text;
        if (id &&
            (!strncmp(id, "fqdn ", 5) || !strncmp(id, "email ", 6) || !strncmp(id, "key-id ", 7)))
                add(l, " match identity remote %s", id);
        else if (id && strncmp(id, "address ", 8))
                add(l, " match identity remote any");
        else
                add(l, " match identity remote address %s 255.255.255.255", peer_of(pl, s));
}

static void fix_tset(const struct play *pl, const struct side *s, struct lines *l)
{
        const struct side *o = other(pl, s);
        const struct p2_cfg *c = pl->resp_cfg, *ic = o->ini;
        if (!c || !c->entry || !ic || !ic->nxf)
                return;
        const struct p2_xform *x = &ic->xf[0];
        const struct crypto_map_entry *e = c->entry;
        char name[40];
        snprintf(name, sizeof(name), "TS-%s", peer_of(pl, s));
        if (asa(s)) {
                add(l, "crypto ipsec ikev2 ipsec-proposal %s", name);
                add(l, " protocol esp encryption %s", encr_name(x->encr, x->key_bits, true));
                add(l, " protocol esp integrity %s", hash_name(x->hash, true));
                char list[160] = "";
                for (size_t i = 0; i < e->ikev2_proposals.n; i++) {
                        strncat(list, e->ikev2_proposals.v[i], sizeof(list) - strlen(list) - 2);
                        strcat(list, " ");
                }
                add(l, "crypto map %s %d set ikev2 ipsec-proposal %s%s", e->map, e->seq, list,
                    name);
                return;
        }
        char xf[64];
        if (x->encr == ENCR_AES)
                snprintf(xf, sizeof(xf), "esp-aes %d", x->key_bits);
        else if (x->encr == ENCR_AES_GCM)
                snprintf(xf, sizeof(xf), "esp-gcm %d", x->key_bits);
        else
                snprintf(xf, sizeof(xf), "%s", x->encr == ENCR_3DES ? "esp-3des" : "esp-des");
        const char *h = x->hash == HASH_SHA1     ? " esp-sha-hmac"
                        : x->hash == HASH_SHA256 ? " esp-sha256-hmac"
                        : x->hash == HASH_SHA384 ? " esp-sha384-hmac"
                        : x->hash == HASH_SHA512 ? " esp-sha512-hmac"
                        : x->hash == HASH_MD5    ? " esp-md5-hmac"
                                                 : "";
        add(l, "crypto ipsec transform-set %s %s%s", name, xf, h);
        char list[160] = "";
        for (size_t i = 0; i < e->tsets.n; i++) {
                strncat(list, e->tsets.v[i], sizeof(list) - strlen(list) - 2);
                strcat(list, " ");
        }
        add(l, "crypto map %s %d ipsec-isakmp", e->map, e->seq);
        add(l, " set transform-set %s%s", list, name);
}

struct finding *v2_report(struct play *pl, const char *id, const struct side *s,
                          const struct loc *loc)
{
        struct check_ctx cc = {s->dev, pl->fs, id};
        struct finding *f = check_report(&cc, loc);
        if (!f || finding_set_peer(pl->fs, f, peer_of(pl, s)))
                return NULL;
        struct lines l = {.n = 0};
        if (!strcmp(id, "isakmp-policy-mismatch"))
                fix_proposal(pl, s, &l);
        else if (!strcmp(id, "psk-mismatch"))
                fix_key(pl, s, &l);
        else if (!strcmp(id, "ikev2-auth-failed"))
                fix_method(pl, s, &l);
        else if (!strcmp(id, "ikev2-no-matching-profile"))
                fix_profile(pl, s, &l);
        else if (!strcmp(id, "transform-set-mismatch"))
                fix_tset(pl, s, &l);
        else if (!strcmp(id, "isakmp-not-enabled") && asa(s) && s->ifname)
                add(&l, "crypto ikev2 enable %s", s->ifname);
        if (l.n && finding_fix_lines(pl->fs, f, s->dev, l.v, l.n, NULL))
                return NULL;
        return f;
}

const struct loc *v2_auth_loc(const struct side *s, bool local)
{
        const struct loc *l =
            s->v2prof ? (local ? &s->v2prof->local_auth_loc : &s->v2prof->remote_auth_loc) : NULL;
        if (s->v2prof)
                return l->line ? l : &s->v2prof->loc;
        return s->tg && s->tg->v2_auth_loc.line ? &s->tg->v2_auth_loc : NULL;
}

/* diagnoses.md pfs-mismatch, for IKEv2: RFC 7296 1.3.1/1.3.2, the Child SA
 * that IKE_AUTH creates has no KE payload, so PFS is not negotiated until
 * the first CREATE_CHILD_SA rekey; there the groups must agree. A warning:
 * it breaks at a known time, not now (issue 11, class 2). The fix is the
 * crypto map's "set pfs", the same command in both IKE versions. */
int v2_pfs_warning(struct play *pl, const struct p2_cfg *ic, const struct p2_cfg *rc, uint32_t life)
{
        const struct side *b = pl->b;
        struct check_ctx cc = {b->dev, pl->fs, "pfs-mismatch"};
        struct finding *f = check_report(&cc, rc->loc);
        if (!f || finding_set_peer(pl->fs, f, pl->a_ip))
                return -1;
        f->severity = SEV_WARNING;
        char gi[16] = "no PFS", gr[16] = "no PFS";
        if (ic->pfs)
                snprintf(gi, sizeof(gi), "group%d", ic->pfs);
        if (rc->pfs)
                snprintf(gr, sizeof(gr), "group%d", rc->pfs);
        if (finding_title(
                pl->fs, f,
                "IKEv2 PFS differs (%s: %s, %s: %s): the tunnel comes up and fails at its "
                "first rekey",
                pl->a->label, gi, b->label, gr) ||
            finding_explain(pl->fs, f,
                            "In IKEv2 the first Child SA is created inside IKE_AUTH without a "
                            "Diffie-Hellman exchange, so a PFS difference does not stop it (RFC "
                            "7296 1.3.1). The first CREATE_CHILD_SA rekey carries the KE payload "
                            "of the PFS group and is refused with NO_PROPOSAL_CHOSEN: traffic "
                            "stops when the IPsec SA lifetime (%u s) runs out, and again after "
                            "each new IKE_AUTH. Set the same PFS group on both ends.",
                            (unsigned)life))
                return -1;
        if (rc->entry) {
                /* the responder takes the initiator's choice: its group, or none */
                struct lines l = {.n = 0};
                const struct crypto_map_entry *e = rc->entry;
                bool ios = b->dev->platform == PLAT_IOS;
                if (ios)
                        add(&l, "crypto map %s %d ipsec-isakmp", e->map, e->seq);
                if (ios && ic->pfs)
                        add(&l, " set pfs group%d", ic->pfs);
                else if (ios)
                        add(&l, " no set pfs");
                else if (ic->pfs)
                        add(&l, "crypto map %s %d set pfs group%d", e->map, e->seq, ic->pfs);
                else
                        add(&l, "no crypto map %s %d set pfs", e->map, e->seq);
                if (finding_fix_lines(pl->fs, f, b->dev, l.v, l.n, NULL))
                        return -1;
        }
        return 0;
}

/* ikev2-proposal-incomplete: s's IOS proposal lacks a mandatory algorithm
 * (ikev2_defaults.h). The fix completes it, with the other end's value
 * where its first complete proposal has one, else SHA-256 / group 14 /
 * AES-CBC-256 (the current IOS default proposal's first choices). */
int v2_incomplete_report(struct play *pl, const struct side *s)
{
        const struct ikev2_policy *q = s->v2_incomplete;
        const char *what = s->v2_incomplete_what;
        struct check_ctx cc = {s->dev, pl->fs, "ikev2-proposal-incomplete"};
        struct finding *f = check_report(&cc, &q->loc);
        if (!f || finding_set_peer(pl->fs, f, peer_of(pl, s)) ||
            finding_title(pl->fs, f,
                          "IKEv2 proposal %s has no %s: IOS does not use an incomplete "
                          "proposal",
                          q->name, what))
                return -1;
        const struct side *o = other(pl, s);
        const struct v2_prop *w = o->nv2 ? &o->v2[0] : NULL;
        struct lines l = {.n = 0};
        add(&l, "crypto ikev2 proposal %s", q->name);
        if (!strcmp(what, "integrity"))
                add(&l, " integrity %s",
                    hash_name(w && w->ninteg ? w->integ[0] : HASH_SHA256, false));
        else if (!strcmp(what, "prf"))
                add(&l, " prf %s", hash_name(w && w->nprf ? w->prf[0] : HASH_SHA256, false));
        else if (!strcmp(what, "group"))
                add(&l, " group %d", w && w->ngroups ? w->groups[0] : 14);
        else
                add(&l, " encryption %s",
                    w && w->nencr ? encr_name(w->encr[0], w->key_bits[0], false) : "aes-cbc-256");
        return finding_fix_lines(pl->fs, f, s->dev, l.v, l.n, NULL);
}
