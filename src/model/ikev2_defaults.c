/*
 * IOS IKEv2 smart defaults (Cisco FlexVPN and Internet Key Exchange Version 2
 * Configuration Guide, "IKEv2 Smart Defaults"): a proposal and a policy named
 * "default" exist unless removed, the default policy (match fvrf any, match
 * address local any, proposal default) is used only when no policy is
 * configured, and crypto maps and IPsec profiles without a transform set use
 * the transform set "default".
 *
 * The values are what "show crypto ikev2 proposal" prints:
 *  - IOS 15.x:      AES-CBC-256/192/128; integrity SHA512 SHA384 SHA256 SHA96
 *                   MD596; PRF SHA512 SHA384 SHA256 SHA1 MD5; groups 5 2.
 *  - IOS XE 16.x+:  AES-CBC-256; integrity and PRF SHA512 SHA384; groups 19 14
 *                   21 5.
 * As elsewhere in the defaults (defaults.h), an unknown version takes the
 * newest row. "show crypto ipsec transform-set" prints "Transform set default:
 * { esp-aes esp-sha-hmac } will negotiate = { Transport, }" on both.
 */
#include "ikev2_defaults.h"

#include <string.h>

const char *const ios_v2_defaults_source =
    "Cisco FlexVPN and IKEv2 Configuration Guide, IKEv2 Smart Defaults";

static const struct ikev2_policy ios15 = {
    .name = "default",
    .is_proposal = true,
    .implicit = true,
    .encr = {ENCR_AES, ENCR_AES, ENCR_AES},
    .key_bits = {256, 192, 128},
    .nencr = 3,
    .integ = {HASH_SHA512, HASH_SHA384, HASH_SHA256, HASH_SHA1, HASH_MD5},
    .ninteg = 5,
    .prf = {HASH_SHA512, HASH_SHA384, HASH_SHA256, HASH_SHA1, HASH_MD5},
    .nprf = 5,
    .groups = {5, 2},
    .ngroups = 2,
};

static const struct ikev2_policy iosxe16 = {
    .name = "default",
    .is_proposal = true,
    .implicit = true,
    .encr = {ENCR_AES},
    .key_bits = {256},
    .nencr = 1,
    .integ = {HASH_SHA512, HASH_SHA384},
    .ninteg = 2,
    .prf = {HASH_SHA512, HASH_SHA384},
    .nprf = 2,
    .groups = {19, 14, 21, 5},
    .ngroups = 4,
};

static const struct transform_set default_tset = {
    .name = "default",
    .esp_encr = {ENCR_AES},
    .esp_key_bits = {128},
    .nesp_encr = 1,
    .esp_hash = {HASH_SHA1},
    .nesp_hash = 1,
    .ah_hash = HASH_NONE,
    .mode = MODE_TRANSPORT,
    .text = "esp-aes esp-sha-hmac",
};

void ios_v2_default_proposal(const struct device *dev, struct ikev2_policy *out)
{
        const struct version *v = &dev->version;
        bool old = v->major >= 0 && !version_at_least(v, 16, 0, 0);
        *out = old ? ios15 : iosxe16;
        for (size_t i = 0; i < dev->ikev2_policies.n; i++) {
                const struct ikev2_policy *q = dev->ikev2_policies.v[i];
                if (!q->is_proposal || strcmp(q->name, "default"))
                        continue;
                /* "crypto ikev2 proposal default" edits the built-in one */
                out->loc = q->loc;
                out->implicit = false;
                if (q->nencr)
                        memcpy(out->encr, q->encr, sizeof(out->encr)),
                            memcpy(out->key_bits, q->key_bits, sizeof(out->key_bits)),
                            out->nencr = q->nencr;
                if (q->ninteg)
                        memcpy(out->integ, q->integ, sizeof(out->integ)), out->ninteg = q->ninteg;
                if (q->nprf)
                        memcpy(out->prf, q->prf, sizeof(out->prf)), out->nprf = q->nprf;
                if (q->ngroups)
                        memcpy(out->groups, q->groups, sizeof(out->groups)),
                            out->ngroups = q->ngroups;
        }
}

bool ios_v2_proposal_complete(const struct ikev2_policy *q, const char **missing)
{
        bool aead = q->nencr > 0;
        for (size_t i = 0; i < q->nencr; i++)
                aead &= q->encr[i] == ENCR_AES_GCM;
        *missing = !q->nencr             ? "encryption"
                   : !q->ngroups         ? "group"
                   : aead && !q->nprf    ? "prf"
                   : !aead && !q->ninteg ? "integrity"
                                         : NULL;
        return *missing == NULL;
}

const struct transform_set *ios_default_tset(void)
{
        return &default_tset;
}
