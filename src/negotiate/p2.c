/* Phase-2 decisions: transforms, PFS, proxy identities, lifetimes. */
#include "negotiate.h"

#include "../model/flowset.h"

/*
 * Cisco IOS Security Command Reference, "mode (IPsec)": a transform set in
 * transport mode requests transport mode and falls back to tunnel mode when
 * the peer does not take it, unless "mode transport require"; so the modes
 * of two sets agree, or differ without "require" and the SA uses tunnel
 * mode (diagnoses.md ipsec-mode-mismatch).
 */
static bool mode_ok(const struct p2_xform *a, const struct p2_xform *b)
{
        return a->mode == b->mode || (!a->require && !b->require);
}

static bool xform_equal(const struct p2_xform *a, const struct p2_xform *b)
{
        if (a->encr != b->encr || a->hash != b->hash || a->ah != b->ah || !mode_ok(a, b))
                return false;
        return (a->encr != ENCR_AES && a->encr != ENCR_AES_GCM) || a->key_bits == b->key_bits;
}

/*
 * RFC 2409 section 5.5: the initiator offers its transforms in order and
 * the responder picks one it holds. A match needs the same ESP encryption
 * with key size, the same ESP hash, the same AH (a bundle is one proposal)
 * and modes that agree (mode_ok above;
 * diagnoses.md transform-set-mismatch).
 */
struct p2_choice p2_select(const struct p2_xform *ini, size_t ni, const struct p2_xform *resp,
                           size_t nr)
{
        struct p2_choice c = {0};
        for (size_t i = 0; i < ni; i++)
                for (size_t r = 0; r < nr; r++)
                        if (xform_equal(&ini[i], &resp[r])) {
                                c.ok = true, c.ini = i, c.resp = r;
                                c.mode_differs = ini[i].mode != resp[r].mode;
                                c.sa_mode = c.mode_differs ? MODE_TUNNEL : ini[i].mode;
                                return c;
                        }
        return c;
}

/*
 * Cisco IOS Security Command Reference, "set pfs": a responder that
 * specifies PFS requires the peer to do a PFS exchange; with no group given
 * (group1 assumed) an offer of group1 or group2 is accepted; with a group,
 * that group must be offered; a responder without PFS accepts any offer.
 * The ASA/PIX behaviour for an unrequested offer varies by release
 * (diagnoses.md pfs-mismatch): assumed refused, and the verdict says so.
 */
enum pfs_verdict pfs_decide(int ini_group, int resp_group, bool resp_default,
                            enum platform resp_platform)
{
        if (ini_group == resp_group)
                return PFSV_OK;
        if (resp_group == 0)
                return resp_platform == PLAT_IOS ? PFSV_OFFER_ACCEPTED : PFSV_OFFER_REFUSED;
        if (resp_default && resp_platform == PLAT_IOS && (ini_group == 1 || ini_group == 2))
                return PFSV_OK;
        return PFSV_MISMATCH;
}

static bool entry_covers(const struct proxy_entry *e, const struct flowbox *mirrored, size_t *box)
{
        if (e->any) {
                *box = 0;
                return true;
        }
        /* A tunnel interface's selectors are fixed (any/any for a VTI, GRE
         * between the tunnel endpoints for GRE over IPsec: Cisco IPsec VTI
         * guide, DMVPN guide): a proposal must be exactly their mirror. */
        for (size_t b = 0; b < e->nboxes; b++)
                if (e->exact ? fb_equal(&e->boxes[b], mirrored)
                             : fb_contains(&e->boxes[b], mirrored)) {
                        *box = b;
                        return true;
                }
        return false;
}

/*
 * diagnoses.md crypto-acl-not-mirrored: a Cisco responder accepts proposed
 * proxies inside the mirror of one of its ACEs; static entries are tried
 * in sequence order, then the dynamic entry, and a peer that only fits the
 * dynamic one "falls through" (ASA 713222) - reported, not a clean success.
 */
struct proxy_choice proxy_select(const struct flowbox *proposal, const struct proxy_entry *e,
                                 size_t n)
{
        struct proxy_choice c = {PROXYV_NONE, 0, 0};
        struct flowbox m = fb_mirror(proposal);
        bool any_static = false;
        for (int pass = 0; pass < 2; pass++) {
                for (size_t i = 0; i < n; i++) {
                        if (e[i].dynamic != (pass == 1))
                                continue;
                        any_static |= !e[i].dynamic;
                        if (!entry_covers(&e[i], &m, &c.box))
                                continue;
                        c.entry = i;
                        c.v = e[i].dynamic && any_static ? PROXYV_DYNAMIC_FALLTHROUGH : PROXYV_OK;
                        return c;
                }
        }
        return c;
}

/* RFC 2409 section 5.5 / Cisco "crypto ipsec security-association
 * lifetime": the peers use the shorter of the two lifetimes. */
struct life_choice life_decide(uint32_t ini, uint32_t resp)
{
        struct life_choice c = {0};
        if (!ini || !resp) {
                c.value = ini ? ini : resp;
                c.from_ini = ini != 0;
                return c;
        }
        c.differ = ini != resp;
        c.from_ini = ini <= resp;
        c.value = c.from_ini ? ini : resp;
        return c;
}
