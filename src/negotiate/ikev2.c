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
 * initiator's SA payload that its policy accepts, else NO_PROPOSAL_CHOSEN. */
struct v2_choice v2_sa_init_select(const struct v2_prop *ini, size_t ni, const struct v2_prop *resp,
                                   size_t nr)
{
        struct v2_choice c = {0};
        for (size_t r = 0; r < nr; r++)
                for (size_t i = 0; i < ni; i++)
                        if (v2_pair(&ini[i], &resp[r], &c)) {
                                c.ok = true, c.ini = i, c.resp = r;
                                return c;
                        }
        return c;
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
