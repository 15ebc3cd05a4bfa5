/* Phase-1 decisions: proposal selection, keys, identities, XAUTH. */
#include "negotiate.h"

bool p1_attrs_equal(const struct p1_prop *a, const struct p1_prop *b)
{
        if (a->encr != b->encr || a->hash != b->hash || a->auth != b->auth || a->group != b->group)
                return false;
        return a->encr != ENCR_AES || a->key_bits == b->key_bits;
}

/* 0 means infinite (ASA/PIX "lifetime 0"): longer than any number. */
static uint64_t life_val(uint32_t s)
{
        return s ? s : UINT64_MAX;
}

/*
 * Cisco IOS Security Configuration Guide, "Configuring Internet Key
 * Exchange for IPsec VPNs", How IKE policies are matched: the receiving
 * peer compares its own highest-priority policy against every received
 * proposal, then its next policy, and so on; a match needs the same
 * encryption, hash, authentication and DH group, and the remote peer's
 * lifetime less than or equal to the local one (the seed's rule too).
 * An ASA responder also accepts a longer proposed lifetime and answers with
 * a RESPONDER-LIFETIME notify (diagnoses.md, isakmp-policy-mismatch note).
 * The SA uses the shorter lifetime either way (RFC 2409 section 4.5).
 */
struct p1_choice p1_select(const struct p1_prop *ini, size_t ni, const struct p1_prop *resp,
                           size_t nr, enum platform resp_platform)
{
        struct p1_choice c = {0};
        c.assumed = resp_platform == PLAT_UNKNOWN ? PLAT_IOS : resp_platform;
        bool asa_rule = c.assumed == PLAT_ASA || c.assumed == PLAT_PIX;
        for (size_t r = 0; r < nr; r++) {
                for (size_t i = 0; i < ni; i++) {
                        if (!p1_attrs_equal(&ini[i], &resp[r]))
                                continue;
                        bool longer = life_val(ini[i].lifetime) > life_val(resp[r].lifetime);
                        if (longer && !asa_rule) {
                                if (!c.lifetime_only)
                                        c.lifetime_only = true, c.lt_ini = i, c.lt_resp = r;
                                continue;
                        }
                        c.ok = true;
                        c.ini = i;
                        c.resp = r;
                        c.lifetime = longer ? resp[r].lifetime : ini[i].lifetime;
                        c.lifetime_differs = ini[i].lifetime != resp[r].lifetime;
                        c.responder_lifetime_notify = longer;
                        return c;
                }
        }
        return c;
}

/* Keys are compared as salted digests only (util/secret.h); a masked or
 * encrypted key cannot be compared, so the verdict says unknown rather
 * than guessing (diagnoses.md psk-mismatch). */
enum psk_verdict psk_decide(const struct secret *ini, const struct secret *resp)
{
        if (!ini || ini->state == SECRET_ABSENT)
                return PSKV_NO_INITIATOR;
        if (!resp || resp->state == SECRET_ABSENT)
                return PSKV_NO_RESPONDER;
        switch (secret_compare(ini, resp)) {
        case SECRET_CMP_EQUAL:
                return PSKV_EQUAL;
        case SECRET_CMP_DIFFERENT:
                return PSKV_DIFFERENT;
        default:
                return PSKV_UNKNOWN;
        }
}

/* "auto" sends the address with pre-shared keys and the DN with
 * certificates (Cisco ASA command reference, "crypto isakmp identity");
 * unset is the address on IOS and ASA (platform default). */
static enum ike_identity effective_ident(enum ike_identity id, bool psk)
{
        if (id == IDENT_UNSET || (id == IDENT_AUTO && psk))
                return IDENT_ADDRESS;
        if (id == IDENT_AUTO)
                return IDENT_DN;
        return id;
}

/* diagnoses.md isakmp-identity-mismatch: both sides should send the same
 * identity type, and with pre-shared keys looked up by address that is the
 * address. */
enum ident_verdict ident_decide(enum ike_identity ini, enum ike_identity resp, bool psk)
{
        enum ike_identity a = effective_ident(ini, psk), b = effective_ident(resp, psk);
        if (a != b || (psk && a != IDENT_ADDRESS))
                return IDV_MISMATCH;
        return IDV_OK;
}

/* diagnoses.md l2l-prompted-for-xauth: an IOS crypto map with "client
 * authentication list" asks every peer for XAUTH unless the peer's key
 * carries no-xauth; an L2L peer cannot answer and stays in CONF_XAUTH. */
bool xauth_blocks(bool responder_asks, bool key_no_xauth, bool initiator_answers)
{
        return responder_asks && !key_no_xauth && !initiator_answers;
}
