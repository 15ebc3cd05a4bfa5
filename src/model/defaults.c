/*
 * The defaults table (see defaults.h). Rows per field go from the oldest
 * release to the newest. Sources are Cisco documents by title; "verified"
 * means the value was read in that document while writing this table,
 * otherwise it is the best knowledge we have and findings built on it
 * should hedge.
 */
#include "defaults.h"

#define IOS_SECREF  "Cisco IOS Security Command Reference"
#define ASA_CMDREF  "Cisco ASA Series Command Reference"
#define PIX_CMDREF  "Cisco PIX Firewall Command Reference 6.3"
#define SA_CLIGUIDE "Cisco Security Appliance Command Line Configuration Guide"

static const struct model_default table[] = {
    /* Phase 1 policy attributes left out of a policy. IOS: "encryption
     * (IKE policy)" 56-bit DES, "hash" SHA-1, "authentication" rsa-sig,
     * "group" 1, "lifetime" 86400; the "Default protection suite" in
     * show crypto isakmp policy prints the same values. */
    {PLAT_IOS, 0, 0, 0, DF_P1_ENCR, ENCR_DES, true, IOS_SECREF ", encryption (IKE policy)"},
    {PLAT_IOS, 0, 0, 0, DF_P1_HASH, HASH_SHA1, true, IOS_SECREF ", hash (IKE policy)"},
    {PLAT_IOS, 0, 0, 0, DF_P1_AUTH, AUTH_RSA_SIG, true, IOS_SECREF ", authentication (IKE policy)"},
    {PLAT_IOS, 0, 0, 0, DF_P1_GROUP, 1, true, IOS_SECREF ", group (IKE policy)"},
    {PLAT_IOS, 0, 0, 0, DF_P1_LIFETIME, 86400, true, IOS_SECREF ", lifetime (IKE policy)"},
    /* ASA 7.x+: crypto isakmp|ikev1 policy defaults 3des/sha/pre-share/
     * group 2/86400. */
    {PLAT_ASA, 0, 0, 0, DF_P1_ENCR, ENCR_3DES, false,
     ASA_CMDREF ", crypto ikev1 policy encryption"},
    {PLAT_ASA, 0, 0, 0, DF_P1_HASH, HASH_SHA1, false, ASA_CMDREF ", crypto ikev1 policy hash"},
    {PLAT_ASA, 0, 0, 0, DF_P1_AUTH, AUTH_PSK, false,
     ASA_CMDREF ", crypto ikev1 policy authentication"},
    {PLAT_ASA, 0, 0, 0, DF_P1_GROUP, 2, false, ASA_CMDREF ", crypto ikev1 policy group"},
    {PLAT_ASA, 0, 0, 0, DF_P1_LIFETIME, 86400, true,
     SA_CLIGUIDE ", Configuring ISAKMP (default 86,400 s)"},
    /* PIX 6.x: "isakmp policy" defaults des/sha/rsa-sig/group 1/86400. */
    {PLAT_PIX, 0, 0, 0, DF_P1_ENCR, ENCR_DES, false, PIX_CMDREF ", isakmp policy"},
    {PLAT_PIX, 0, 0, 0, DF_P1_HASH, HASH_SHA1, false, PIX_CMDREF ", isakmp policy"},
    {PLAT_PIX, 0, 0, 0, DF_P1_AUTH, AUTH_RSA_SIG, false, PIX_CMDREF ", isakmp policy"},
    {PLAT_PIX, 0, 0, 0, DF_P1_GROUP, 1, false, PIX_CMDREF ", isakmp policy"},
    {PLAT_PIX, 0, 0, 0, DF_P1_LIFETIME, 86400, false, PIX_CMDREF ", isakmp policy"},

    /* Implicit phase 1 policies. IOS before 12.4(20)T: the default
     * protection suite (the defaults above) at the lowest priority, always.
     * 12.4(20)T+: "There are eight default IKE policies ... priorities
     * 65507-65514", used when no policy is configured and "no crypto isakmp
     * default policy" is absent (IOS IPv6 Command Reference, show crypto
     * isakmp policy; the T train is not in struct version, so 12.4(20)
     * stands for it). ASA 7.x-8.3: "If you do not configure any IKE
     * policies, the security appliance uses the default policy" (Cisco
     * ASDM User Guide 6.1, IKE Policies). ASA 8.4+: "New ASA configurations
     * do not have a default IKEv1 or IKEv2 policy" (Cisco ASA Series CLI
     * Configuration Guide, Configuring ISAKMP). PIX 6.x: a default suite. */
    {PLAT_IOS, 0, 0, 0, DF_IMPLICIT_P1, IMPLICIT_SUITE_ALWAYS, true,
     IOS_SECREF ", show crypto isakmp policy"},
    {PLAT_IOS, 12, 4, 20, DF_IMPLICIT_P1, IMPLICIT_IOS_SET_IF_NONE, true,
     "Cisco IOS IPv6 Command Reference, show crypto isakmp policy (12.4(20)T)"},
    {PLAT_ASA, 0, 0, 0, DF_IMPLICIT_P1, IMPLICIT_SUITE_IF_NONE, true,
     "Cisco ASDM User Guide 6.1, IKE Policies"},
    {PLAT_ASA, 8, 4, 0, DF_IMPLICIT_P1, IMPLICIT_NONE, true,
     "Cisco ASA Series CLI Configuration Guide, Configuring ISAKMP"},
    {PLAT_PIX, 0, 0, 0, DF_IMPLICIT_P1, IMPLICIT_SUITE_ALWAYS, false,
     PIX_CMDREF ", show isakmp policy"},

    /* IPsec SA lifetime. IOS: 3,600 s and 4,608,000 KB (Cisco IOS Security
     * Configuration Guide, Setting Global Lifetimes for IPsec SAs). The
     * ASA/PIX default is 28,800 s and 4,608,000 KB ("The default lifetimes
     * are 28,800 seconds (eight hours) and 4,608,000 kilobytes", Security
     * Appliance CLI Configuration Guide, Changing IPSec SA Lifetimes). */
    {PLAT_IOS, 0, 0, 0, DF_IPSEC_LIFE_SEC, 3600, true,
     "Cisco IOS Security Configuration Guide, Setting Global Lifetimes for IPSec SAs"},
    {PLAT_IOS, 0, 0, 0, DF_IPSEC_LIFE_KB, 4608000, true,
     "Cisco IOS Security Configuration Guide, Setting Global Lifetimes for IPSec SAs"},
    {PLAT_ASA, 0, 0, 0, DF_IPSEC_LIFE_SEC, 28800, true,
     SA_CLIGUIDE ", Changing IPSec SA Lifetimes"},
    {PLAT_ASA, 0, 0, 0, DF_IPSEC_LIFE_KB, 4608000, true,
     SA_CLIGUIDE ", Changing IPSec SA Lifetimes"},
    {PLAT_PIX, 0, 0, 0, DF_IPSEC_LIFE_SEC, 28800, false,
     PIX_CMDREF ", crypto ipsec security-association lifetime"},
    {PLAT_PIX, 0, 0, 0, DF_IPSEC_LIFE_KB, 4608000, false,
     PIX_CMDREF ", crypto ipsec security-association lifetime"},

    /* Anti-replay window 64 packets on both platforms (IOS Security Command
     * Reference and ASA Command Reference, crypto ipsec security-association
     * replay window-size). */
    {PLAT_IOS, 0, 0, 0, DF_REPLAY_WINDOW, 64, false,
     IOS_SECREF ", crypto ipsec security-association replay window-size"},
    {PLAT_ASA, 0, 0, 0, DF_REPLAY_WINDOW, 64, false,
     ASA_CMDREF ", crypto ipsec security-association replay"},
    {PLAT_PIX, 0, 0, 0, DF_REPLAY_WINDOW, 64, false, PIX_CMDREF},

    /* NAT-T. IOS 12.2(13)T+ on ("IPSec NAT Transparency", Cisco document
     * 23820 "Configure PAT to allow IPsec"); before it, off. ASA 7.0: "This
     * feature is disabled by default" (Security Appliance CLI Configuration
     * Guide 7.0, OL-6721-01, Enabling IPSec over NAT-T). Later ASA releases
     * write "crypto isakmp nat-traversal 20" into new configurations and the
     * 9.x guides call it enabled; we assume the change from 8.0, which is
     * NOT verified (diagnoses.md asks to confirm the release), so a config
     * between 7.0 and 8.0 without the line is a guess. PIX 6.x: off
     * ("isakmp nat-traversal" must be configured). */
    {PLAT_IOS, 0, 0, 0, DF_NAT_T, 0, true,
     "Cisco document 23820 (IPSec NAT Transparency from 12.2(13)T)"},
    {PLAT_IOS, 12, 2, 13, DF_NAT_T, 1, true,
     "Cisco document 23820 (IPSec NAT Transparency from 12.2(13)T)"},
    {PLAT_ASA, 0, 0, 0, DF_NAT_T, 0, true,
     SA_CLIGUIDE " 7.0 (OL-6721-01), Enabling IPSec over NAT-T"},
    {PLAT_ASA, 8, 0, 0, DF_NAT_T, 1, false,
     "assumed: ASA 8.0+ default configuration includes crypto isakmp nat-traversal 20"},
    {PLAT_PIX, 0, 0, 0, DF_NAT_T, 0, false, PIX_CMDREF ", isakmp nat-traversal"},
    /* NAT-T keepalive 20 s (ASA Command Reference, crypto isakmp
     * nat-traversal: natkeepalive default 20). IOS "crypto isakmp nat
     * keepalive" is off unless configured. */
    {PLAT_ASA, 0, 0, 0, DF_NAT_T_KEEPALIVE, 20, false, ASA_CMDREF ", crypto isakmp nat-traversal"},
    {PLAT_PIX, 0, 0, 0, DF_NAT_T_KEEPALIVE, 20, false, PIX_CMDREF ", isakmp nat-traversal"},
    {PLAT_IOS, 0, 0, 0, DF_NAT_T_KEEPALIVE, 0, false, IOS_SECREF ", crypto isakmp nat keepalive"},

    /* sysopt connection permit-vpn (permit-ipsec): PIX 6.x off, ASA 7.0(1)+
     * on (diagnoses.md sysopt-permit-vpn-off; ASA Command Reference,
     * sysopt connection permit-vpn). */
    {PLAT_PIX, 0, 0, 0, DF_PERMIT_VPN, 0, false, PIX_CMDREF ", sysopt connection permit-ipsec"},
    {PLAT_ASA, 7, 0, 1, DF_PERMIT_VPN, 1, false, ASA_CMDREF ", sysopt connection permit-vpn"},
    /* sysopt connection tcpmss 1380 (ASA Command Reference, sysopt
     * connection tcpmss: default 1380 bytes). */
    {PLAT_ASA, 0, 0, 0, DF_TCPMSS, 1380, false, ASA_CMDREF ", sysopt connection tcpmss"},

    /* ISAKMP identity. IOS: address (IOS Security Command Reference, crypto
     * isakmp identity). ASA: diagnoses.md says address; "show run all"
     * prints "crypto isakmp identity auto", which uses the address with
     * pre-shared keys, so for PSK the two agree. */
    {PLAT_IOS, 0, 0, 0, DF_IDENTITY, IDENT_ADDRESS, false, IOS_SECREF ", crypto isakmp identity"},
    {PLAT_ASA, 0, 0, 0, DF_IDENTITY, IDENT_ADDRESS, false, ASA_CMDREF ", crypto isakmp identity"},
    {PLAT_PIX, 0, 0, 0, DF_IDENTITY, IDENT_ADDRESS, false, PIX_CMDREF ", isakmp identity"},

    /* tunnel-group isakmp keepalive: threshold 10 s, retry 2 s (ASA Command
     * Reference, isakmp keepalive). */
    {PLAT_ASA, 0, 0, 0, DF_TG_KEEPALIVE_THRESHOLD, 10, false, ASA_CMDREF ", isakmp keepalive"},
    {PLAT_ASA, 0, 0, 0, DF_TG_KEEPALIVE_RETRY, 2, false, ASA_CMDREF ", isakmp keepalive"},

    /* DfltGrpPolicy values (ASA Command Reference, each command's Defaults;
     * diagnoses.md simultaneous-logins and sa-idle-timeout). */
    {PLAT_ASA, 0, 0, 0, DF_GP_LOGINS, 3, false, ASA_CMDREF ", vpn-simultaneous-logins"},
    {PLAT_ASA, 0, 0, 0, DF_GP_IDLE, 30, false, ASA_CMDREF ", vpn-idle-timeout"},
    {PLAT_ASA, 0, 0, 0, DF_GP_SESSION, -1, false, ASA_CMDREF ", vpn-session-timeout"},
    {PLAT_ASA, 0, 0, 0, DF_GP_PFS, 0, false, ASA_CMDREF ", pfs"},
    {PLAT_ASA, 0, 0, 0, DF_GP_SPLIT, SPLIT_TUNNELALL, false, ASA_CMDREF ", split-tunnel-policy"},
    /* vpn-tunnel-protocol: 7.x-8.3 "IPSec webvpn"; 8.4+ "ikev1 ikev2
     * l2tp-ipsec ssl-client ssl-clientless" in show run all group-policy
     * DfltGrpPolicy (ASA Command Reference, vpn-tunnel-protocol). */
    {PLAT_ASA, 0, 0, 0, DF_GP_PROTOCOLS, VPN_PROTO_IPSEC | VPN_PROTO_WEBVPN, false,
     ASA_CMDREF " 7.2, vpn-tunnel-protocol"},
    {PLAT_ASA, 8, 4, 0, DF_GP_PROTOCOLS,
     VPN_PROTO_IPSEC | VPN_PROTO_IKEV2 | VPN_PROTO_L2TP | VPN_PROTO_SSL_CLIENT |
         VPN_PROTO_CLIENTLESS,
     false, ASA_CMDREF " 8.4, vpn-tunnel-protocol"},
};

const struct model_default *model_default_row(const struct device *dev, enum dflt_field f)
{
        /* PIX 7+ runs ASA software; the reader reports it as PLAT_ASA. */
        const struct model_default *best = NULL;
        bool unknown = dev->version.major < 0;
        for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
                const struct model_default *r = &table[i];
                if (r->plat != dev->platform || r->field != f)
                        continue;
                if (unknown || version_at_least(&dev->version, r->major, r->minor, r->maint))
                        best = r;
        }
        return best;
}

long model_default(const struct device *dev, enum dflt_field f, long fallback)
{
        const struct model_default *r = model_default_row(dev, f);
        return r ? r->value : fallback;
}

/* IOS 12.4(20)T+ default policies as printed by "show crypto isakmp default
 * policy": AES-128 with group 5 first, then 3DES with group 2; SHA before
 * MD5, rsa-sig before pre-share. The priorities are from the IOS IPv6 Command
 * Reference (show crypto isakmp policy); the contents from that command's
 * output, not verified against a reference page. */
const struct implicit_policy ios_default_policies[8] = {
    {65507, ENCR_AES, 128, HASH_SHA1, AUTH_RSA_SIG, 5},
    {65508, ENCR_AES, 128, HASH_SHA1, AUTH_PSK, 5},
    {65509, ENCR_AES, 128, HASH_MD5, AUTH_RSA_SIG, 5},
    {65510, ENCR_AES, 128, HASH_MD5, AUTH_PSK, 5},
    {65511, ENCR_3DES, 0, HASH_SHA1, AUTH_RSA_SIG, 2},
    {65512, ENCR_3DES, 0, HASH_SHA1, AUTH_PSK, 2},
    {65513, ENCR_3DES, 0, HASH_MD5, AUTH_RSA_SIG, 2},
    {65514, ENCR_3DES, 0, HASH_MD5, AUTH_PSK, 2},
};
