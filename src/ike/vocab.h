/*
 * The IKE vocabulary: one home for the algorithms, authentication methods,
 * Diffie-Hellman groups and identity types that the device model, the
 * negotiation (src/negotiate/) and the packet decoder (src/wire/) speak of.
 *
 * Two layers:
 * - The neutral enums (enum ike_encr, ike_hash, ike_auth, v2_auth,
 *   ike_identity): what a config says and what the negotiation compares.
 *   Their values are ours, not IANA's: one enum covers IKEv1 and IKEv2,
 *   whose numbers differ (DES is 1 in IKEv1 and 2 in IKEv2).
 * - The IANA numbers, as they appear on the wire, per version and per
 *   registry, with functions that map a wire number to the neutral enum and
 *   tables that name it. Sources:
 *     RFC 2409 Appendix A and the IANA "Internet Key Exchange (IKE)
 *       Attributes" registry (IKEv1 phase 1 attribute values);
 *     RFC 2407 section 4.4.4 / 4.5 / 4.6.2.1 and the IANA "Internet Security
 *       Association and Key Management Protocol (ISAKMP) Identifiers"
 *       registry (IPsec DOI: ESP transform IDs, SA attributes, ID types);
 *     RFC 7296 section 3.3.2 / 3.5 / 3.8 and the IANA "Internet Key Exchange
 *       Version 2 (IKEv2) Parameters" registry (transform IDs, auth methods,
 *       ID types, key exchange methods).
 * Nothing here holds state; the tables are static const data (vocab.c).
 */
#ifndef IPSD_IKE_VOCAB_H
#define IPSD_IKE_VOCAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- neutral enums (the model's and the negotiation's) --------------- */

enum ike_encr {
        ENCR_NONE = 0,
        ENCR_DES,
        ENCR_3DES,
        ENCR_AES, /* key_bits: 128/192/256 */
        ENCR_AES_GCM,
        ENCR_AES_GMAC,
        ENCR_NULL,
        ENCR_SEAL,
        ENCR_OTHER,
};

enum ike_hash {
        HASH_NONE = 0,
        HASH_MD5,
        HASH_SHA1,
        HASH_SHA256,
        HASH_SHA384,
        HASH_SHA512,
        HASH_OTHER,
};

enum ike_auth {
        AUTH_UNSET = 0,
        AUTH_PSK,
        AUTH_RSA_SIG,
        AUTH_RSA_ENCR,
        AUTH_ECDSA_SIG,
        AUTH_CRACK,
        AUTH_OTHER,
};

/* IKEv2 authentication methods: IOS profile "authentication local|remote M",
 * ASA tunnel-group "ikev2 local-authentication|remote-authentication M". A bit
 * set: IOS accepts several remote methods (Cisco FlexVPN and IKEv2 Configuration
 * Guide, "Configuring IKEv2 Profile": authentication remote may be repeated). */
enum v2_auth {
        V2AUTH_PSK = 1u << 0,                    /* pre-share / pre-shared-key */
        V2AUTH_RSA = 1u << 1,                    /* rsa-sig */
        V2AUTH_ECDSA = 1u << 2,                  /* ecdsa-sig */
        V2AUTH_EAP = 1u << 3,                    /* eap */
        V2AUTH_CERT = V2AUTH_RSA | V2AUTH_ECDSA, /* ASA "certificate": either signature */
        /* IOS "authentication local|remote X-sig" with a signature method not named
         * above (IOS XE 26.x "mldsa-sig", ML-DSA): still a certificate signature with
         * the profile's "pki trustpoint" (RFC 7427 Digital Signature authentication
         * carries any signature algorithm); the profile keeps the method's name */
        V2AUTH_SIG_OTHER = 1u << 4,
        V2AUTH_SIGNATURE = V2AUTH_CERT | V2AUTH_SIG_OTHER, /* any certificate method */
};

enum ike_identity {
        IDENT_UNSET = 0,
        IDENT_ADDRESS,
        IDENT_HOSTNAME,
        IDENT_AUTO,
        IDENT_KEY_ID,
        IDENT_DN
};

/* A DH group is its IANA number (the same registry in IKEv1 and IKEv2,
 * below); 0 in a PFS setting means no PFS. */
enum pfs_group_e { PFS_NONE = 0 };

/* ---- IANA numbers: IKEv1 phase 1 (RFC 2409 Appendix A) -------------- */

enum ikev1_encr_id { /* attribute class 1, Encryption Algorithm */
                     IKEV1_ENCR_DES_CBC = 1,
                     IKEV1_ENCR_IDEA_CBC = 2,
                     IKEV1_ENCR_BLOWFISH_CBC = 3,
                     IKEV1_ENCR_RC5_R16_B64_CBC = 4,
                     IKEV1_ENCR_3DES_CBC = 5,
                     IKEV1_ENCR_CAST_CBC = 6,
                     IKEV1_ENCR_AES_CBC = 7,      /* RFC 3602 */
                     IKEV1_ENCR_CAMELLIA_CBC = 8, /* RFC 4312 */
};

enum ikev1_hash_id { /* attribute class 2, Hash Algorithm */
                     IKEV1_HASH_MD5 = 1,
                     IKEV1_HASH_SHA = 2,
                     IKEV1_HASH_TIGER = 3,
                     IKEV1_HASH_SHA2_256 = 4, /* RFC 4868 */
                     IKEV1_HASH_SHA2_384 = 5,
                     IKEV1_HASH_SHA2_512 = 6,
};

enum ikev1_auth_id { /* attribute class 3, Authentication Method */
                     IKEV1_AUTH_PSK = 1,
                     IKEV1_AUTH_DSS_SIG = 2,
                     IKEV1_AUTH_RSA_SIG = 3,
                     IKEV1_AUTH_RSA_ENC = 4,
                     IKEV1_AUTH_RSA_ENC_REV = 5,
                     IKEV1_AUTH_ECDSA_SHA256_P256 = 9, /* RFC 4754 */
                     IKEV1_AUTH_ECDSA_SHA384_P384 = 10,
                     IKEV1_AUTH_ECDSA_SHA512_P521 = 11,
                     /* Private use range, draft-ietf-ipsec-isakmp-hybrid-auth-05 and
                      * draft-beaulieu-ike-xauth-02 section 7.2 (what Cisco and the VPN
                      * clients send for hybrid and XAUTH) */
                     IKEV1_AUTH_HYBRID_INIT_RSA = 64221,
                     IKEV1_AUTH_HYBRID_RESP_RSA = 64222,
                     IKEV1_AUTH_HYBRID_INIT_DSS = 64223,
                     IKEV1_AUTH_HYBRID_RESP_DSS = 64224,
                     IKEV1_AUTH_XAUTH_INIT_PSK = 65001,
                     IKEV1_AUTH_XAUTH_RESP_PSK = 65002,
                     IKEV1_AUTH_XAUTH_INIT_DSS = 65003,
                     IKEV1_AUTH_XAUTH_RESP_DSS = 65004,
                     IKEV1_AUTH_XAUTH_INIT_RSA = 65005,
                     IKEV1_AUTH_XAUTH_RESP_RSA = 65006,
                     IKEV1_AUTH_XAUTH_INIT_RSA_ENC = 65007,
                     IKEV1_AUTH_XAUTH_RESP_RSA_ENC = 65008,
                     IKEV1_AUTH_XAUTH_INIT_RSA_ENC_REV = 65009,
                     IKEV1_AUTH_XAUTH_RESP_RSA_ENC_REV = 65010,
};

/* ---- IANA numbers: IPsec DOI, IKEv1 phase 2 (RFC 2407) ---------------- */

enum ipsec_esp_id { /* ESP transform IDs (RFC 2407 4.4.4, IANA) */
                    ESP_ID_DES_IV64 = 1,
                    ESP_ID_DES = 2,
                    ESP_ID_3DES = 3,
                    ESP_ID_RC5 = 4,
                    ESP_ID_IDEA = 5,
                    ESP_ID_CAST = 6,
                    ESP_ID_BLOWFISH = 7,
                    ESP_ID_3IDEA = 8,
                    ESP_ID_DES_IV32 = 9,
                    ESP_ID_RC4 = 10,
                    ESP_ID_NULL = 11,
                    ESP_ID_AES_CBC = 12,   /* RFC 3602 */
                    ESP_ID_AES_CTR = 13,   /* RFC 3686 */
                    ESP_ID_AES_CCM_8 = 14, /* RFC 4309 */
                    ESP_ID_AES_CCM_12 = 15,
                    ESP_ID_AES_CCM_16 = 16,
                    ESP_ID_AES_GCM_8 = 18, /* RFC 4106 */
                    ESP_ID_AES_GCM_12 = 19,
                    ESP_ID_AES_GCM_16 = 20,
                    ESP_ID_SEED_CBC = 21,
                    ESP_ID_CAMELLIA = 22,
                    ESP_ID_NULL_AUTH_AES_GMAC = 23, /* RFC 4543 */
};

enum ipsec_auth_alg { /* SA attribute class 5, Authentication Algorithm (RFC 2407 4.5) */
                      IPSEC_AUTH_HMAC_MD5 = 1,
                      IPSEC_AUTH_HMAC_SHA = 2,
                      IPSEC_AUTH_DES_MAC = 3,
                      IPSEC_AUTH_KPDK = 4,
                      IPSEC_AUTH_HMAC_SHA2_256 = 5, /* RFC 4868 */
                      IPSEC_AUTH_HMAC_SHA2_384 = 6,
                      IPSEC_AUTH_HMAC_SHA2_512 = 7,
                      IPSEC_AUTH_HMAC_RIPEMD = 8,
                      IPSEC_AUTH_AES_XCBC_MAC = 9,
                      IPSEC_AUTH_SIG_RSA = 10,
                      IPSEC_AUTH_AES_128_GMAC = 11, /* RFC 4543 */
                      IPSEC_AUTH_AES_192_GMAC = 12,
                      IPSEC_AUTH_AES_256_GMAC = 13,
};

enum ikev1_id_type { /* RFC 2407 4.6.2.1 */
                     IKEV1_ID_IPV4_ADDR = 1,
                     IKEV1_ID_FQDN = 2,
                     IKEV1_ID_USER_FQDN = 3,
                     IKEV1_ID_IPV4_ADDR_SUBNET = 4,
                     IKEV1_ID_IPV6_ADDR = 5,
                     IKEV1_ID_IPV6_ADDR_SUBNET = 6,
                     IKEV1_ID_IPV4_ADDR_RANGE = 7,
                     IKEV1_ID_IPV6_ADDR_RANGE = 8,
                     IKEV1_ID_DER_ASN1_DN = 9,
                     IKEV1_ID_DER_ASN1_GN = 10,
                     IKEV1_ID_KEY_ID = 11,
                     IKEV1_ID_LIST = 12, /* RFC 3554 */
};

/* ---- IANA numbers: IKEv2 (RFC 7296 section 3.3.2) -------------------- */

enum ikev2_transform_type {
        IKEV2_TRANS_ENCR = 1,
        IKEV2_TRANS_PRF = 2,
        IKEV2_TRANS_INTEG = 3,
        IKEV2_TRANS_KE = 4, /* "Diffie-Hellman Group", renamed by RFC 9370 */
        IKEV2_TRANS_ESN = 5,
        IKEV2_TRANS_ADDKE1 = 6, /* RFC 9370: Additional Key Exchange 1..7 */
        IKEV2_TRANS_ADDKE7 = 12,
};

enum ikev2_encr_id {
        IKEV2_ENCR_DES_IV64 = 1,
        IKEV2_ENCR_DES = 2,
        IKEV2_ENCR_3DES = 3,
        IKEV2_ENCR_RC5 = 4,
        IKEV2_ENCR_IDEA = 5,
        IKEV2_ENCR_CAST = 6,
        IKEV2_ENCR_BLOWFISH = 7,
        IKEV2_ENCR_3IDEA = 8,
        IKEV2_ENCR_DES_IV32 = 9,
        IKEV2_ENCR_NULL = 11,
        IKEV2_ENCR_AES_CBC = 12,
        IKEV2_ENCR_AES_CTR = 13,
        IKEV2_ENCR_AES_CCM_8 = 14,
        IKEV2_ENCR_AES_CCM_12 = 15,
        IKEV2_ENCR_AES_CCM_16 = 16,
        IKEV2_ENCR_AES_GCM_8 = 18,
        IKEV2_ENCR_AES_GCM_12 = 19,
        IKEV2_ENCR_AES_GCM_16 = 20,
        IKEV2_ENCR_NULL_AUTH_AES_GMAC = 21,
        IKEV2_ENCR_CAMELLIA_CBC = 23,
        IKEV2_ENCR_CAMELLIA_CTR = 24,
        IKEV2_ENCR_CAMELLIA_CCM_8 = 25,
        IKEV2_ENCR_CAMELLIA_CCM_12 = 26,
        IKEV2_ENCR_CAMELLIA_CCM_16 = 27,
        IKEV2_ENCR_CHACHA20_POLY1305 = 28, /* RFC 7634 */
};

enum ikev2_prf_id {
        IKEV2_PRF_HMAC_MD5 = 1,
        IKEV2_PRF_HMAC_SHA1 = 2,
        IKEV2_PRF_HMAC_TIGER = 3,
        IKEV2_PRF_AES128_XCBC = 4,
        IKEV2_PRF_HMAC_SHA2_256 = 5,
        IKEV2_PRF_HMAC_SHA2_384 = 6,
        IKEV2_PRF_HMAC_SHA2_512 = 7,
        IKEV2_PRF_AES128_CMAC = 8,
};

enum ikev2_integ_id {
        IKEV2_INTEG_NONE = 0,
        IKEV2_INTEG_HMAC_MD5_96 = 1,
        IKEV2_INTEG_HMAC_SHA1_96 = 2,
        IKEV2_INTEG_DES_MAC = 3,
        IKEV2_INTEG_KPDK_MD5 = 4,
        IKEV2_INTEG_AES_XCBC_96 = 5,
        IKEV2_INTEG_HMAC_MD5_128 = 6,
        IKEV2_INTEG_HMAC_SHA1_160 = 7,
        IKEV2_INTEG_AES_CMAC_96 = 8,
        IKEV2_INTEG_AES_128_GMAC = 9,
        IKEV2_INTEG_AES_192_GMAC = 10,
        IKEV2_INTEG_AES_256_GMAC = 11,
        IKEV2_INTEG_HMAC_SHA2_256_128 = 12,
        IKEV2_INTEG_HMAC_SHA2_384_192 = 13,
        IKEV2_INTEG_HMAC_SHA2_512_256 = 14,
};

enum ikev2_auth_method { /* RFC 7296 3.8, RFC 4754, RFC 7619, RFC 7427 */
                         IKEV2_AUTH_RSA_SIG = 1,
                         IKEV2_AUTH_PSK = 2, /* "Shared Key Message Integrity Code" */
                         IKEV2_AUTH_DSS_SIG = 3,
                         IKEV2_AUTH_ECDSA_SHA256_P256 = 9,
                         IKEV2_AUTH_ECDSA_SHA384_P384 = 10,
                         IKEV2_AUTH_ECDSA_SHA512_P521 = 11,
                         IKEV2_AUTH_GSPAM = 12,
                         IKEV2_AUTH_NULL = 13,
                         IKEV2_AUTH_DIGITAL_SIGNATURE = 14,
};

enum ikev2_id_type { /* RFC 7296 3.5, RFC 4595, RFC 7619 */
                     IKEV2_ID_IPV4_ADDR = 1,
                     IKEV2_ID_FQDN = 2,
                     IKEV2_ID_RFC822_ADDR = 3,
                     IKEV2_ID_IPV6_ADDR = 5,
                     IKEV2_ID_DER_ASN1_DN = 9,
                     IKEV2_ID_DER_ASN1_GN = 10,
                     IKEV2_ID_KEY_ID = 11,
                     IKEV2_ID_FC_NAME = 12,
                     IKEV2_ID_NULL = 13,
};

/* ---- DH groups: one registry for both versions ----------------------- */

/* IANA "Group Description" (IKEv1 class 4) = IKEv2 Transform Type 4 IDs:
 * RFC 2409 (1, 2), RFC 3526 (5, 14-18), RFC 5903 (19-21), RFC 5114
 * (22-26), RFC 6954 (27-30), RFC 8031 (31, 32), RFC 9385 (33, 34), and
 * ML-KEM (35-37, draft-ietf-ipsecme-ikev2-mlkem, IANA early allocation). */
enum ike_dh_group {
        DH_MODP_768 = 1,
        DH_MODP_1024 = 2,
        DH_EC2N_155 = 3,
        DH_EC2N_185 = 4,
        DH_MODP_1536 = 5,
        DH_MODP_2048 = 14,
        DH_MODP_3072 = 15,
        DH_MODP_4096 = 16,
        DH_MODP_6144 = 17,
        DH_MODP_8192 = 18,
        DH_ECP_256 = 19,
        DH_ECP_384 = 20,
        DH_ECP_521 = 21,
        DH_MODP_1024_S160 = 22,
        DH_MODP_2048_S224 = 23,
        DH_MODP_2048_S256 = 24,
        DH_ECP_192 = 25,
        DH_ECP_224 = 26,
        DH_BRAINPOOL_224 = 27,
        DH_BRAINPOOL_256 = 28,
        DH_BRAINPOOL_384 = 29,
        DH_BRAINPOOL_512 = 30,
        DH_CURVE25519 = 31,
        DH_CURVE448 = 32,
        DH_GOST3410_256 = 33,
        DH_GOST3410_512 = 34,
        DH_ML_KEM_512 = 35,
        DH_ML_KEM_768 = 36,
        DH_ML_KEM_1024 = 37,
};

/* ---- names ----------------------------------------------------------- */

/* A number and its registry name. Tables are sorted by number. */
struct ike_name {
        unsigned num;
        const char *name;
};

enum ike_registry {
        IKE_REG_V1_ENCR,      /* enum ikev1_encr_id */
        IKE_REG_V1_HASH,      /* enum ikev1_hash_id */
        IKE_REG_V1_AUTH,      /* enum ikev1_auth_id */
        IKE_REG_V1_ID,        /* enum ikev1_id_type */
        IKE_REG_ESP_ID,       /* enum ipsec_esp_id */
        IKE_REG_IPSEC_AUTH,   /* enum ipsec_auth_alg */
        IKE_REG_V2_TRANSFORM, /* enum ikev2_transform_type */
        IKE_REG_V2_ENCR,      /* enum ikev2_encr_id */
        IKE_REG_V2_PRF,       /* enum ikev2_prf_id */
        IKE_REG_V2_INTEG,     /* enum ikev2_integ_id */
        IKE_REG_V2_AUTH,      /* enum ikev2_auth_method */
        IKE_REG_V2_ID,        /* enum ikev2_id_type */
        IKE_REG_DH_GROUP,     /* enum ike_dh_group */
        IKE_REG_COUNT
};

/* The registry's name of num ("AES_CBC", "MODP_2048"), or NULL when the
 * number is not assigned in that registry (or the registry is unknown). */
const char *ike_name_of(enum ike_registry reg, unsigned num);
/* The name of num in table t of n entries sorted by number, or NULL: the
 * search behind ike_name_of, for other number-to-name tables (wire/names.c). */
const char *ike_name_in(const struct ike_name *t, size_t n, unsigned num);
/* The whole table of a registry (for tests and listings); 0 when unknown. */
size_t ike_registry_table(enum ike_registry reg, const struct ike_name **out);

/* ---- from wire numbers to the neutral enums -------------------------- */

/* ENCR_OTHER for an assigned number we have no neutral value for, ENCR_NONE
 * for an unassigned one. AES-CTR/CCM are ENCR_OTHER: no Cisco config names
 * them (ENCR_AES is CBC). */
enum ike_encr ike_encr_from_v1(unsigned id);  /* IKEv1 phase 1 class 1 */
enum ike_encr ike_encr_from_esp(unsigned id); /* IPsec DOI ESP transform ID */
enum ike_encr ike_encr_from_v2(unsigned id);  /* IKEv2 transform type 1 */
/* HASH_OTHER for an assigned number without a neutral value, HASH_NONE
 * otherwise. */
enum ike_hash ike_hash_from_v1(unsigned id);         /* IKEv1 class 2 */
enum ike_hash ike_hash_from_ipsec_auth(unsigned id); /* IPsec DOI class 5 */
enum ike_hash ike_hash_from_v2_prf(unsigned id);
enum ike_hash ike_hash_from_v2_integ(unsigned id);
/* IKEv1 authentication method; the XAUTH and hybrid variants give their
 * base method (xauth, when not NULL, says whether XAUTH was asked for). */
enum ike_auth ike_auth_from_v1(unsigned id, bool *xauth);
/* IKEv2 AUTH payload method as v2_auth bits (0 when none fits: DSS,
 * GSPAM, NULL). Digital Signature (14, RFC 7427) carries any signature
 * algorithm: V2AUTH_SIGNATURE, every certificate method. */
unsigned ike_v2auth_from_wire(unsigned method);
/* Identity kinds as the config speaks of them: an address (v4/v6, any
 * subnet or range), a host name (FQDN, user FQDN / RFC 822), a key ID, a DN.
 * IDENT_UNSET for the rest. */
enum ike_identity ike_identity_from_v1(unsigned type);
enum ike_identity ike_identity_from_v2(unsigned type);
/* True for a DH group number the registry assigns (1-5, 14-37). */
bool ike_dh_group_known(unsigned group);

#endif
