/*
 * The IKE vocabulary's tables: IANA numbers and their names, and the maps
 * from wire numbers to the neutral enums. Sources are in vocab.h; the names
 * are the registries' own, without their "ENCR_" / "PRF_" / "AUTH_" prefixes.
 */
#include "vocab.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct ike_name v1_encr[] = {
    {1, "DES-CBC"},  {2, "IDEA-CBC"}, {3, "Blowfish-CBC"}, {4, "RC5-R16-B64-CBC"},
    {5, "3DES-CBC"}, {6, "CAST-CBC"}, {7, "AES-CBC"},      {8, "CAMELLIA-CBC"},
};

static const struct ike_name v1_hash[] = {
    {1, "MD5"}, {2, "SHA"}, {3, "Tiger"}, {4, "SHA2-256"}, {5, "SHA2-384"}, {6, "SHA2-512"},
};

static const struct ike_name v1_auth[] = {
    {1, "Pre-Shared Key"},
    {2, "DSS signatures"},
    {3, "RSA signatures"},
    {4, "Encryption with RSA"},
    {5, "Revised encryption with RSA"},
    {9, "ECDSA with SHA-256 on the P-256 curve"},
    {10, "ECDSA with SHA-384 on the P-384 curve"},
    {11, "ECDSA with SHA-512 on the P-521 curve"},
    {64221, "HybridInitRSA"},
    {64222, "HybridRespRSA"},
    {64223, "HybridInitDSS"},
    {64224, "HybridRespDSS"},
    {65001, "XAUTHInitPreShared"},
    {65002, "XAUTHRespPreShared"},
    {65003, "XAUTHInitDSS"},
    {65004, "XAUTHRespDSS"},
    {65005, "XAUTHInitRSA"},
    {65006, "XAUTHRespRSA"},
    {65007, "XAUTHInitRSAEncryption"},
    {65008, "XAUTHRespRSAEncryption"},
    {65009, "XAUTHInitRSARevisedEncryption"},
    {65010, "XAUTHRespRSARevisedEncryption"},
};

static const struct ike_name v1_id[] = {
    {1, "ID_IPV4_ADDR"},       {2, "ID_FQDN"},
    {3, "ID_USER_FQDN"},       {4, "ID_IPV4_ADDR_SUBNET"},
    {5, "ID_IPV6_ADDR"},       {6, "ID_IPV6_ADDR_SUBNET"},
    {7, "ID_IPV4_ADDR_RANGE"}, {8, "ID_IPV6_ADDR_RANGE"},
    {9, "ID_DER_ASN1_DN"},     {10, "ID_DER_ASN1_GN"},
    {11, "ID_KEY_ID"},         {12, "ID_LIST"},
};

static const struct ike_name esp_id[] = {
    {1, "ESP_DES_IV64"},    {2, "ESP_DES"},
    {3, "ESP_3DES"},        {4, "ESP_RC5"},
    {5, "ESP_IDEA"},        {6, "ESP_CAST"},
    {7, "ESP_BLOWFISH"},    {8, "ESP_3IDEA"},
    {9, "ESP_DES_IV32"},    {10, "ESP_RC4"},
    {11, "ESP_NULL"},       {12, "ESP_AES"},
    {13, "ESP_AES-CTR"},    {14, "ESP_AES-CCM_8"},
    {15, "ESP_AES-CCM_12"}, {16, "ESP_AES-CCM_16"},
    {18, "ESP_AES-GCM_8"},  {19, "ESP_AES-GCM_12"},
    {20, "ESP_AES-GCM_16"}, {21, "ESP_SEED_CBC"},
    {22, "ESP_CAMELLIA"},   {23, "ESP_NULL_AUTH_AES-GMAC"},
};

static const struct ike_name ipsec_auth[] = {
    {1, "HMAC-MD5"},      {2, "HMAC-SHA"},      {3, "DES-MAC"},       {4, "KPDK"},
    {5, "HMAC-SHA2-256"}, {6, "HMAC-SHA2-384"}, {7, "HMAC-SHA2-512"}, {8, "HMAC-RIPEMD"},
    {9, "AES-XCBC-MAC"},  {10, "SIG-RSA"},      {11, "AES-128-GMAC"}, {12, "AES-192-GMAC"},
    {13, "AES-256-GMAC"},
};

static const struct ike_name v2_transform[] = {
    {1, "ENCR"},   {2, "PRF"},    {3, "INTEG"},  {4, "KE"},      {5, "ESN"},     {6, "ADDKE1"},
    {7, "ADDKE2"}, {8, "ADDKE3"}, {9, "ADDKE4"}, {10, "ADDKE5"}, {11, "ADDKE6"}, {12, "ADDKE7"},
};

static const struct ike_name v2_encr[] = {
    {1, "DES_IV64"},
    {2, "DES"},
    {3, "3DES"},
    {4, "RC5"},
    {5, "IDEA"},
    {6, "CAST"},
    {7, "BLOWFISH"},
    {8, "3IDEA"},
    {9, "DES_IV32"},
    {11, "NULL"},
    {12, "AES_CBC"},
    {13, "AES_CTR"},
    {14, "AES_CCM_8"},
    {15, "AES_CCM_12"},
    {16, "AES_CCM_16"},
    {18, "AES_GCM_8"},
    {19, "AES_GCM_12"},
    {20, "AES_GCM_16"},
    {21, "NULL_AUTH_AES_GMAC"},
    {23, "CAMELLIA_CBC"},
    {24, "CAMELLIA_CTR"},
    {25, "CAMELLIA_CCM_8"},
    {26, "CAMELLIA_CCM_12"},
    {27, "CAMELLIA_CCM_16"},
    {28, "CHACHA20_POLY1305"},
};

static const struct ike_name v2_prf[] = {
    {1, "HMAC_MD5"},      {2, "HMAC_SHA1"},     {3, "HMAC_TIGER"},    {4, "AES128_XCBC"},
    {5, "HMAC_SHA2_256"}, {6, "HMAC_SHA2_384"}, {7, "HMAC_SHA2_512"}, {8, "AES128_CMAC"},
};

static const struct ike_name v2_integ[] = {
    {0, "NONE"},
    {1, "HMAC_MD5_96"},
    {2, "HMAC_SHA1_96"},
    {3, "DES_MAC"},
    {4, "KPDK_MD5"},
    {5, "AES_XCBC_96"},
    {6, "HMAC_MD5_128"},
    {7, "HMAC_SHA1_160"},
    {8, "AES_CMAC_96"},
    {9, "AES_128_GMAC"},
    {10, "AES_192_GMAC"},
    {11, "AES_256_GMAC"},
    {12, "HMAC_SHA2_256_128"},
    {13, "HMAC_SHA2_384_192"},
    {14, "HMAC_SHA2_512_256"},
};

static const struct ike_name v2_auth[] = {
    {1, "RSA Digital Signature"},
    {2, "Shared Key Message Integrity Code"},
    {3, "DSS Digital Signature"},
    {9, "ECDSA with SHA-256 on the P-256 curve"},
    {10, "ECDSA with SHA-384 on the P-384 curve"},
    {11, "ECDSA with SHA-512 on the P-521 curve"},
    {12, "Generic Secure Password Authentication Method"},
    {13, "NULL Authentication"},
    {14, "Digital Signature"},
};

static const struct ike_name v2_id[] = {
    {1, "ID_IPV4_ADDR"}, {2, "ID_FQDN"},        {3, "ID_RFC822_ADDR"},
    {5, "ID_IPV6_ADDR"}, {9, "ID_DER_ASN1_DN"}, {10, "ID_DER_ASN1_GN"},
    {11, "ID_KEY_ID"},   {12, "ID_FC_NAME"},    {13, "ID_NULL"},
};

static const struct ike_name dh_group[] = {
    {1, "MODP_768"},           {2, "MODP_1024"},          {3, "EC2N_155"},
    {4, "EC2N_185"},           {5, "MODP_1536"},          {14, "MODP_2048"},
    {15, "MODP_3072"},         {16, "MODP_4096"},         {17, "MODP_6144"},
    {18, "MODP_8192"},         {19, "ECP_256"},           {20, "ECP_384"},
    {21, "ECP_521"},           {22, "MODP_1024_S160"},    {23, "MODP_2048_S224"},
    {24, "MODP_2048_S256"},    {25, "ECP_192"},           {26, "ECP_224"},
    {27, "ECP_224_BP"},        {28, "ECP_256_BP"},        {29, "ECP_384_BP"},
    {30, "ECP_512_BP"},        {31, "CURVE_25519"},       {32, "CURVE_448"},
    {33, "GOST3410_2012_256"}, {34, "GOST3410_2012_512"}, {35, "ML_KEM_512"},
    {36, "ML_KEM_768"},        {37, "ML_KEM_1024"},
};

static const struct {
        const struct ike_name *t;
        size_t n;
} registries[IKE_REG_COUNT] = {
    [IKE_REG_V1_ENCR] = {v1_encr, N(v1_encr)},
    [IKE_REG_V1_HASH] = {v1_hash, N(v1_hash)},
    [IKE_REG_V1_AUTH] = {v1_auth, N(v1_auth)},
    [IKE_REG_V1_ID] = {v1_id, N(v1_id)},
    [IKE_REG_ESP_ID] = {esp_id, N(esp_id)},
    [IKE_REG_IPSEC_AUTH] = {ipsec_auth, N(ipsec_auth)},
    [IKE_REG_V2_TRANSFORM] = {v2_transform, N(v2_transform)},
    [IKE_REG_V2_ENCR] = {v2_encr, N(v2_encr)},
    [IKE_REG_V2_PRF] = {v2_prf, N(v2_prf)},
    [IKE_REG_V2_INTEG] = {v2_integ, N(v2_integ)},
    [IKE_REG_V2_AUTH] = {v2_auth, N(v2_auth)},
    [IKE_REG_V2_ID] = {v2_id, N(v2_id)},
    [IKE_REG_DH_GROUP] = {dh_group, N(dh_group)},
};

const char *ike_name_in(const struct ike_name *t, size_t n, unsigned num)
{
        size_t lo = 0, hi = n;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (t[mid].num == num)
                        return t[mid].name;
                if (t[mid].num < num)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return NULL;
}

const char *ike_name_of(enum ike_registry reg, unsigned num)
{
        if ((unsigned)reg >= IKE_REG_COUNT)
                return NULL;
        /* tables are sorted by number (test_ike_vocab checks) */
        return ike_name_in(registries[reg].t, registries[reg].n, num);
}

size_t ike_registry_table(enum ike_registry reg, const struct ike_name **out)
{
        if ((unsigned)reg >= IKE_REG_COUNT)
                return 0;
        *out = registries[reg].t;
        return registries[reg].n;
}

enum ike_encr ike_encr_from_v1(unsigned id)
{
        switch (id) {
        case IKEV1_ENCR_DES_CBC:
                return ENCR_DES;
        case IKEV1_ENCR_3DES_CBC:
                return ENCR_3DES;
        case IKEV1_ENCR_AES_CBC:
                return ENCR_AES;
        default:
                return ike_name_of(IKE_REG_V1_ENCR, id) ? ENCR_OTHER : ENCR_NONE;
        }
}

/* The ESP transform IDs and the IKEv2 ENCR IDs agree on every number below
 * 21 (IKEv2 took them over, RFC 4306 3.3.2); from 21 on they differ
 * (ESP_NULL_AUTH_AES-GMAC is 23 in the DOI and 21 in IKEv2). */
static enum ike_encr encr_common(unsigned id)
{
        switch (id) {
        case ESP_ID_DES:
                return ENCR_DES;
        case ESP_ID_3DES:
                return ENCR_3DES;
        case ESP_ID_NULL:
                return ENCR_NULL;
        case ESP_ID_AES_CBC:
                return ENCR_AES;
        case ESP_ID_AES_GCM_8:
        case ESP_ID_AES_GCM_12:
        case ESP_ID_AES_GCM_16:
                return ENCR_AES_GCM;
        default:
                return ENCR_NONE;
        }
}

enum ike_encr ike_encr_from_esp(unsigned id)
{
        enum ike_encr e = id < 21 ? encr_common(id) : ENCR_NONE;
        if (id == ESP_ID_NULL_AUTH_AES_GMAC)
                return ENCR_AES_GMAC;
        if (e != ENCR_NONE)
                return e;
        return ike_name_of(IKE_REG_ESP_ID, id) ? ENCR_OTHER : ENCR_NONE;
}

enum ike_encr ike_encr_from_v2(unsigned id)
{
        enum ike_encr e = id < 21 ? encr_common(id) : ENCR_NONE;
        if (id == IKEV2_ENCR_NULL_AUTH_AES_GMAC)
                return ENCR_AES_GMAC;
        if (e != ENCR_NONE)
                return e;
        return ike_name_of(IKE_REG_V2_ENCR, id) ? ENCR_OTHER : ENCR_NONE;
}

enum ike_hash ike_hash_from_v1(unsigned id)
{
        switch (id) {
        case IKEV1_HASH_MD5:
                return HASH_MD5;
        case IKEV1_HASH_SHA:
                return HASH_SHA1;
        case IKEV1_HASH_SHA2_256:
                return HASH_SHA256;
        case IKEV1_HASH_SHA2_384:
                return HASH_SHA384;
        case IKEV1_HASH_SHA2_512:
                return HASH_SHA512;
        default:
                return ike_name_of(IKE_REG_V1_HASH, id) ? HASH_OTHER : HASH_NONE;
        }
}

enum ike_hash ike_hash_from_ipsec_auth(unsigned id)
{
        switch (id) {
        case IPSEC_AUTH_HMAC_MD5:
                return HASH_MD5;
        case IPSEC_AUTH_HMAC_SHA:
                return HASH_SHA1;
        case IPSEC_AUTH_HMAC_SHA2_256:
                return HASH_SHA256;
        case IPSEC_AUTH_HMAC_SHA2_384:
                return HASH_SHA384;
        case IPSEC_AUTH_HMAC_SHA2_512:
                return HASH_SHA512;
        default:
                return ike_name_of(IKE_REG_IPSEC_AUTH, id) ? HASH_OTHER : HASH_NONE;
        }
}

enum ike_hash ike_hash_from_v2_prf(unsigned id)
{
        switch (id) {
        case IKEV2_PRF_HMAC_MD5:
                return HASH_MD5;
        case IKEV2_PRF_HMAC_SHA1:
                return HASH_SHA1;
        case IKEV2_PRF_HMAC_SHA2_256:
                return HASH_SHA256;
        case IKEV2_PRF_HMAC_SHA2_384:
                return HASH_SHA384;
        case IKEV2_PRF_HMAC_SHA2_512:
                return HASH_SHA512;
        default:
                return ike_name_of(IKE_REG_V2_PRF, id) ? HASH_OTHER : HASH_NONE;
        }
}

enum ike_hash ike_hash_from_v2_integ(unsigned id)
{
        switch (id) {
        case IKEV2_INTEG_HMAC_MD5_96:
                return HASH_MD5;
        case IKEV2_INTEG_HMAC_SHA1_96:
                return HASH_SHA1;
        case IKEV2_INTEG_HMAC_SHA2_256_128:
                return HASH_SHA256;
        case IKEV2_INTEG_HMAC_SHA2_384_192:
                return HASH_SHA384;
        case IKEV2_INTEG_HMAC_SHA2_512_256:
                return HASH_SHA512;
        case IKEV2_INTEG_NONE:
                return HASH_NONE;
        default:
                return ike_name_of(IKE_REG_V2_INTEG, id) ? HASH_OTHER : HASH_NONE;
        }
}

enum ike_auth ike_auth_from_v1(unsigned id, bool *xauth)
{
        bool x = id >= IKEV1_AUTH_XAUTH_INIT_PSK && id <= IKEV1_AUTH_XAUTH_RESP_RSA_ENC_REV;
        if (xauth)
                *xauth = x;
        if (x) /* 65001/65002 PSK, 65003/4 DSS, 65005/6 RSA, 65007/8 RSA enc, 65009/10 rev */
                id = (id - IKEV1_AUTH_XAUTH_INIT_PSK) / 2 + 1;
        switch (id) {
        case IKEV1_AUTH_PSK:
                return AUTH_PSK;
        case IKEV1_AUTH_RSA_SIG:
        case IKEV1_AUTH_HYBRID_INIT_RSA:
        case IKEV1_AUTH_HYBRID_RESP_RSA:
                return AUTH_RSA_SIG;
        case IKEV1_AUTH_RSA_ENC:
        case IKEV1_AUTH_RSA_ENC_REV:
                return AUTH_RSA_ENCR;
        case IKEV1_AUTH_ECDSA_SHA256_P256:
        case IKEV1_AUTH_ECDSA_SHA384_P384:
        case IKEV1_AUTH_ECDSA_SHA512_P521:
                return AUTH_ECDSA_SIG;
        default:
                return ike_name_of(IKE_REG_V1_AUTH, id) ? AUTH_OTHER : AUTH_UNSET;
        }
}

unsigned ike_v2auth_from_wire(unsigned method)
{
        switch (method) {
        case IKEV2_AUTH_RSA_SIG:
                return V2AUTH_RSA;
        case IKEV2_AUTH_PSK:
                return V2AUTH_PSK;
        case IKEV2_AUTH_ECDSA_SHA256_P256:
        case IKEV2_AUTH_ECDSA_SHA384_P384:
        case IKEV2_AUTH_ECDSA_SHA512_P521:
                return V2AUTH_ECDSA;
        case IKEV2_AUTH_DIGITAL_SIGNATURE:
                return V2AUTH_SIGNATURE;
        default:
                return 0;
        }
}

enum ike_identity ike_identity_from_v1(unsigned type)
{
        switch (type) {
        case IKEV1_ID_IPV4_ADDR:
        case IKEV1_ID_IPV4_ADDR_SUBNET:
        case IKEV1_ID_IPV6_ADDR:
        case IKEV1_ID_IPV6_ADDR_SUBNET:
        case IKEV1_ID_IPV4_ADDR_RANGE:
        case IKEV1_ID_IPV6_ADDR_RANGE:
                return IDENT_ADDRESS;
        case IKEV1_ID_FQDN:
        case IKEV1_ID_USER_FQDN:
                return IDENT_HOSTNAME;
        case IKEV1_ID_DER_ASN1_DN:
                return IDENT_DN;
        case IKEV1_ID_KEY_ID:
                return IDENT_KEY_ID;
        default:
                return IDENT_UNSET;
        }
}

enum ike_identity ike_identity_from_v2(unsigned type)
{
        switch (type) {
        case IKEV2_ID_IPV4_ADDR:
        case IKEV2_ID_IPV6_ADDR:
                return IDENT_ADDRESS;
        case IKEV2_ID_FQDN:
        case IKEV2_ID_RFC822_ADDR:
                return IDENT_HOSTNAME;
        case IKEV2_ID_DER_ASN1_DN:
                return IDENT_DN;
        case IKEV2_ID_KEY_ID:
                return IDENT_KEY_ID;
        default:
                return IDENT_UNSET;
        }
}

bool ike_dh_group_known(unsigned group)
{
        return ike_name_of(IKE_REG_DH_GROUP, group) != NULL;
}
