/* IKEv2 decisions: IKE_SA_INIT proposal intersection, IKE_AUTH narrowing. */
#include "negotiate.h"

#include "../model/flowset.h"

static bool has_hash(const enum ike_hash *v, size_t n, enum ike_hash h)
{
        for (size_t i = 0; i < n; i++)
                if (v[i] == h)
                        return true;
        return false;
}

static bool has_group(const int *v, size_t n, int g)
{
        for (size_t i = 0; i < n; i++)
                if (v[i] == g)
                        return true;
        return false;
}

static bool aead(enum ike_encr e)
{
        return e == ENCR_AES_GCM;
}

/* One responder proposal against one initiator proposal: every transform
 * type needs a common value (RFC 7296 section 3.3.6: the responder picks
 * one of each type from a single proposal). AEAD ciphers carry no integrity
 * transform (RFC 5282). Responder preference decides (its order first). */
static bool v2_pair(const struct v2_prop *i, const struct v2_prop *r, struct v2_choice *c)
{
        bool found = false;
        for (size_t a = 0; a < r->nencr && !found; a++)
                for (size_t b = 0; b < i->nencr && !found; b++)
                        if (r->encr[a] == i->encr[b] && r->key_bits[a] == i->key_bits[b])
                                found = true, c->encr = r->encr[a], c->key_bits = r->key_bits[a];
        if (!found)
                return false;
        c->integ = HASH_NONE;
        if (!aead(c->encr)) {
                found = false;
                for (size_t a = 0; a < r->ninteg && !found; a++)
                        if (has_hash(i->integ, i->ninteg, r->integ[a]))
                                found = true, c->integ = r->integ[a];
                if (!found)
                        return false;
        }
        found = false;
        for (size_t a = 0; a < r->nprf && !found; a++)
                if (has_hash(i->prf, i->nprf, r->prf[a]))
                        found = true, c->prf = r->prf[a];
        if (!found)
                return false;
        for (size_t a = 0; a < r->ngroups; a++)
                if (has_group(i->groups, i->ngroups, r->groups[a])) {
                        c->group = r->groups[a];
                        return true;
                }
        return false;
}

/* RFC 7296 section 2.7: the responder chooses one proposal of the
 * initiator's SA payload that its policy accepts, else NO_PROPOSAL_CHOSEN.
 * Section 1.2: the initiator sends one KEi, for its guess of the group: the
 * first group of its first proposal (IOS and ASA list the groups of their
 * first proposal/policy in the order configured). When the chosen proposal
 * pair also allows that group it is used (strongSwan's responder does so,
 * and RFC 7296 1.2 only asks for a retry when the KE group is not the one
 * selected); otherwise the responder answers INVALID_KE_PAYLOAD with the
 * group it selected and the initiator, which offered it, retries with it
 * (section 1.3.4 for the notify). */
struct v2_choice v2_sa_init_select(const struct v2_prop *ini, size_t ni, const struct v2_prop *resp,
                                   size_t nr)
{
        struct v2_choice c = {0};
        int ke = ni && ini[0].ngroups ? ini[0].groups[0] : 0;
        for (size_t r = 0; r < nr; r++)
                for (size_t i = 0; i < ni; i++)
                        if (v2_pair(&ini[i], &resp[r], &c)) {
                                c.ok = true, c.ini = i, c.resp = r, c.ke_sent = ke;
                                if (has_group(ini[i].groups, ini[i].ngroups, ke) &&
                                    has_group(resp[r].groups, resp[r].ngroups, ke))
                                        c.group = ke;
                                c.invalid_ke = c.group != ke;
                                return c;
                        }
        return c;
}

/* RFC 7296 section 2.15: the verifier checks the signer's AUTH payload with
 * the method the signer used. IOS accepts only the methods of its
 * "authentication remote" lines (Cisco FlexVPN and IKEv2 Configuration Guide,
 * "Configuring IKEv2 Profile"); a pre-shared key AUTH verifies only when the
 * signer's local key equals the verifier's remote key for it (asymmetric keys:
 * "pre-shared-key local|remote"); a signature needs a trustpoint on both ends
 * (one with the signer's certificate, one with the CA that issued it). No key
 * is compared for a certificate method. */
enum v2_auth_verdict v2_auth_check(const struct v2_auth_end *signer,
                                   const struct v2_auth_end *verifier)
{
        unsigned m = signer->local ? signer->local : V2AUTH_PSK;
        if (verifier->remote && !(verifier->remote & m))
                return V2A_METHOD_REFUSED;
        if (m & V2AUTH_SIGNATURE) {
                if (!signer->cert_sign)
                        return V2A_NO_SIGN_TRUSTPOINT;
                return verifier->cert_verify ? V2A_OK : V2A_NO_VERIFY_TRUSTPOINT;
        }
        if (m != V2AUTH_PSK)
                return V2A_OK; /* EAP: decided by the AAA server, not by configs */
        switch (psk_decide(&signer->local_key, &verifier->remote_key)) {
        case PSKV_EQUAL:
                return V2A_OK;
        case PSKV_DIFFERENT:
                return V2A_KEYS_DIFFER;
        case PSKV_NO_INITIATOR:
                return V2A_NO_SIGNER_KEY;
        case PSKV_NO_RESPONDER:
                return V2A_NO_VERIFIER_KEY;
        default:
                return V2A_KEYS_UNKNOWN;
        }
}

/* RFC 7296 section 2.9: the responder may narrow the proposed traffic
 * selectors to a subset its policy allows; with no overlap it answers
 * TS_UNACCEPTABLE. resp_own is in the responder's view. */
bool v2_ts_narrow(const struct flowbox *proposal, const struct flowbox *resp_own,
                  struct flowbox *narrowed)
{
        struct flowbox m = fb_mirror(resp_own);
        return fb_intersect(proposal, &m, narrowed);
}

struct p2_choice v2_child_select(const struct p2_xform *ini, size_t ni, const struct p2_xform *resp,
                                 size_t nr, enum ipsec_mode *mode)
{
        struct p2_choice c = {0};
        *mode = MODE_TUNNEL;
        for (size_t r = 0; r < nr; r++)
                for (size_t i = 0; i < ni; i++) {
                        const struct p2_xform *x = &ini[i], *y = &resp[r];
                        bool sized = x->encr == ENCR_AES || x->encr == ENCR_AES_GCM ||
                                     x->encr == ENCR_AES_GMAC;
                        if (x->encr != y->encr || x->hash != y->hash ||
                            (sized && x->key_bits != y->key_bits))
                                continue;
                        c.ok = true, c.ini = i, c.resp = r;
                        /* RFC 7296 1.3.1: transport only when both ends agree */
                        c.mode_differs = x->mode != y->mode;
                        c.sa_mode = c.mode_differs ? MODE_TUNNEL : x->mode;
                        if (x->mode == MODE_TRANSPORT && y->mode == MODE_TRANSPORT)
                                *mode = MODE_TRANSPORT;
                        return c;
                }
        return c;
}
