/*
 * Capability table (capability.h). Where a release's support is not
 * certain the row claims less, never more: a fix that uses only what is
 * listed is accepted by the device.
 */
#include "capability.h"

#define B(x)     (1u << (x))
#define AES_ALL  7u
#define ENC_BASE (B(ENCR_DES) | B(ENCR_3DES))
#define ENC_AES  (ENC_BASE | B(ENCR_AES))
#define H_V1     (B(HASH_MD5) | B(HASH_SHA1))
#define H_SHA2   (H_V1 | B(HASH_SHA256) | B(HASH_SHA384) | B(HASH_SHA512))

static const struct ike_caps table[] = {
    /* PIX 6.0-6.2: "isakmp policy ... group 1|2", des|3des (PIX Firewall
     * Command Reference 6.2, isakmp). */
    {"PIX 6.0-6.2", GEN_PIX6, B(1) | B(2), ENC_BASE, 0, H_V1, false,
     "Cisco PIX Firewall Command Reference 6.2, isakmp policy"},
    /* PIX 6.3 added AES and DH group 5 (PIX 6.3 release notes; Command
     * Reference 6.3, isakmp policy encryption aes|aes-192|aes-256, group 5). */
    {"PIX 6.3", GEN_PIX6, B(1) | B(2) | B(5), ENC_AES, AES_ALL, H_V1, false,
     "Cisco PIX Firewall Command Reference 6.3, isakmp policy"},
    /* ASA 7.0-8.2: crypto isakmp policy group 1|2|5|7, no IKEv2. */
    {"ASA 7.0-8.2", GEN_ASA70, B(1) | B(2) | B(5) | B(7), ENC_AES, AES_ALL, H_V1, false,
     "Cisco ASA 5500 Series Command Reference 8.2, crypto isakmp policy group"},
    {"ASA 8.3", GEN_ASA83, B(1) | B(2) | B(5) | B(7), ENC_AES, AES_ALL, H_V1, false,
     "Cisco ASA 5500 Series Command Reference 8.3, crypto isakmp policy group"},
    /* ASA 8.4 renamed IKEv1 commands (crypto ikev1 policy) and added IKEv2. */
    {"ASA 8.4-8.x", GEN_ASA84, B(1) | B(2) | B(5), ENC_AES, AES_ALL, H_V1, true,
     "Cisco ASA Series Command Reference 8.4, crypto ikev1 policy; crypto ikev2 policy"},
    /* ASA 9.x: crypto ikev1 policy group 1|2|5|14 (group 14 for IKEv1 from
     * 9.0; the seed's and these tests' 9.8 configs use it). */
    {"ASA 9.x", GEN_ASA9, B(1) | B(2) | B(5) | B(14), ENC_AES, AES_ALL, H_V1, true,
     "Cisco ASA Series Command Reference 9.x, crypto ikev1 policy: group"},
    /* IOS 12.4 mainline: group 1|2|5, des|3des|aes [128|192|256], md5|sha;
     * IKEv2 arrived in 15.1(1)T. */
    {"IOS 12.4", GEN_IOS124, B(1) | B(2) | B(5), ENC_AES, AES_ALL, H_V1, false,
     "Cisco IOS Security Command Reference 12.4, crypto isakmp policy; group (ISAKMP)"},
    /* IOS 15.x: groups 14/15/16/19/20/21/24, SHA-2 hashes, IKEv2. */
    {"IOS 15.x", GEN_IOS15,
     B(1) | B(2) | B(5) | B(14) | B(15) | B(16) | B(19) | B(20) | B(21) | B(24), ENC_AES, AES_ALL,
     H_SHA2, true, "Cisco IOS Security Command Reference 15, group (ISAKMP), hash (IKE policy)"},
    /* IOS-XE 16/17: the same commands (IOS XE Security Command Reference). */
    {"IOS-XE 16/17", GEN_IOSXE,
     B(1) | B(2) | B(5) | B(14) | B(15) | B(16) | B(19) | B(20) | B(21) | B(24), ENC_AES, AES_ALL,
     H_SHA2, true, "Cisco IOS XE Security Command Reference 16/17, group (ISAKMP)"},
};

enum { PIX60, PIX63, ASA70, ASA83, ASA84, ASA9, IOS124, IOS15, IOSXE };

static bool known(const struct version *v)
{
        return v && v->major >= 0;
}

static const struct ike_caps *pix_asa(enum platform p, const struct version *v)
{
        if (p == PLAT_PIX)
                return &table[known(v) && !version_at_least(v, 6, 3, 0) ? PIX60 : PIX63];
        if (!known(v))
                return &table[ASA9];
        if (v->major >= 9)
                return &table[ASA9];
        if (version_at_least(v, 8, 4, 0))
                return &table[ASA84];
        if (version_at_least(v, 8, 3, 0))
                return &table[ASA83];
        return &table[ASA70];
}

const struct ike_caps *caps_for(enum platform p, const struct version *v)
{
        if (p != PLAT_IOS)
                return pix_asa(p, v);
        if (!known(v) || v->major >= 16)
                return &table[known(v) ? IOSXE : IOS15];
        return &table[v->major >= 15 ? IOS15 : IOS124];
}

bool caps_p1(const struct ike_caps *c, enum ike_encr e, int bits, enum ike_hash h, int group)
{
        if (group < 1 || group > 31 || !(c->dh_v1 & B(group)) || !(c->hash_v1 & B(h)) ||
            !(c->encr_v1 & B(e)))
                return false;
        if (e != ENCR_AES)
                return true;
        unsigned bit = bits == 192 ? 2u : bits == 256 ? 4u : 1u;
        return (c->aes_bits & bit) != 0;
}
