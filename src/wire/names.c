/*
 * The ISAKMP and IKEv2 registries the decoder names, as data (sorted by
 * number; test_wire checks the order). Sources:
 *   IKEv1: RFC 2408 3.1 (payloads, exchanges), 3.14.1 (notify messages),
 *     RFC 2407 4.4.1, 4.5, 4.6.3 (protocols, SA attributes, IPsec DOI
 *     notifies), RFC 2409 App. A (phase 1 attribute classes), RFC 3706
 *     (DPD), RFC 3947 (NAT-D, NAT-OA), draft-dukes-ike-mode-cfg-02 and
 *     draft-beaulieu-ike-xauth-02 (Transaction exchange, attributes), and
 *     the IANA "ISAKMP Identifiers" / "IKE Attributes" registries.
 *   IKEv2: the IANA "IKEv2 Parameters" registry (RFC 7296 and the RFCs it
 *     names beside each number).
 */
#include "../ike/vocab.h"
#include "ike.h"
#include "wire_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct ike_name v1_payloads[] = {
    {1, "SA"},
    {2, "Proposal"},
    {3, "Transform"},
    {4, "Key Exchange"},
    {5, "Identification"},
    {6, "Certificate"},
    {7, "Certificate Request"},
    {8, "Hash"},
    {9, "Signature"},
    {10, "Nonce"},
    {11, "Notification"},
    {12, "Delete"},
    {13, "Vendor ID"},
    {14, "Attributes"},
    {15, "SA KEK"},
    {16, "SA TEK"},
    {17, "Key Download"},
    {18, "Sequence Number"},
    {19, "Proof of Possession"},
    {20, "NAT-D"},
    {21, "NAT-OA"},
    {22, "Group Associated Policy"},
    {130, "NAT-D (draft)"},
    {131, "NAT-OA (draft)"},
    {132, "Cisco Fragmentation"},
};

static const struct ike_name v2_payloads[] = {
    {33, "Security Association"},
    {34, "Key Exchange"},
    {35, "Identification - Initiator"},
    {36, "Identification - Responder"},
    {37, "Certificate"},
    {38, "Certificate Request"},
    {39, "Authentication"},
    {40, "Nonce"},
    {41, "Notify"},
    {42, "Delete"},
    {43, "Vendor ID"},
    {44, "Traffic Selector - Initiator"},
    {45, "Traffic Selector - Responder"},
    {46, "Encrypted and Authenticated"},
    {47, "Configuration"},
    {48, "Extensible Authentication"},
    {49, "Generic Secure Password Methods"},
    {50, "Group Identification"},
    {51, "Group Security Association"},
    {52, "Key Download"},
    {53, "Encrypted and Authenticated Fragment"},
    {54, "Puzzle Solution"},
};

static const struct ike_name exchanges[] = {
    {0, "NONE"},
    {1, "Base"},
    {2, "Identity Protection (Main Mode)"},
    {3, "Authentication Only"},
    {4, "Aggressive"},
    {5, "Informational"},
    {6, "Transaction (Config Mode)"},
    {32, "Quick Mode"},
    {33, "New Group Mode"},
    {34, "IKE_SA_INIT"},
    {35, "IKE_AUTH"},
    {36, "CREATE_CHILD_SA"},
    {37, "INFORMATIONAL"},
    {38, "IKE_SESSION_RESUME"},
    {39, "GSA_AUTH"},
    {40, "GSA_REGISTRATION"},
    {41, "GSA_REKEY"},
    {43, "IKE_INTERMEDIATE"},
    {44, "IKE_FOLLOWUP_KE"},
};

static const struct ike_name v1_notify[] = {
    {1, "INVALID-PAYLOAD-TYPE"},
    {2, "DOI-NOT-SUPPORTED"},
    {3, "SITUATION-NOT-SUPPORTED"},
    {4, "INVALID-COOKIE"},
    {5, "INVALID-MAJOR-VERSION"},
    {6, "INVALID-MINOR-VERSION"},
    {7, "INVALID-EXCHANGE-TYPE"},
    {8, "INVALID-FLAGS"},
    {9, "INVALID-MESSAGE-ID"},
    {10, "INVALID-PROTOCOL-ID"},
    {11, "INVALID-SPI"},
    {12, "INVALID-TRANSFORM-ID"},
    {13, "ATTRIBUTES-NOT-SUPPORTED"},
    {14, "NO-PROPOSAL-CHOSEN"},
    {15, "BAD-PROPOSAL-SYNTAX"},
    {16, "PAYLOAD-MALFORMED"},
    {17, "INVALID-KEY-INFORMATION"},
    {18, "INVALID-ID-INFORMATION"},
    {19, "INVALID-CERT-ENCODING"},
    {20, "INVALID-CERTIFICATE"},
    {21, "CERT-TYPE-UNSUPPORTED"},
    {22, "INVALID-CERT-AUTHORITY"},
    {23, "INVALID-HASH-INFORMATION"},
    {24, "AUTHENTICATION-FAILED"},
    {25, "INVALID-SIGNATURE"},
    {26, "ADDRESS-NOTIFICATION"},
    {27, "NOTIFY-SA-LIFETIME"},
    {28, "CERTIFICATE-UNAVAILABLE"},
    {29, "UNSUPPORTED-EXCHANGE-TYPE"},
    {30, "UNEQUAL-PAYLOAD-LENGTHS"},
    {16384, "CONNECTED"},
    {24576, "RESPONDER-LIFETIME"}, /* RFC 2407 4.6.3.1 */
    {24577, "REPLAY-STATUS"},      /* 4.6.3.2 */
    {24578, "INITIAL-CONTACT"},    /* 4.6.3.3 */
    {36136, "R-U-THERE"},          /* RFC 3706 */
    {36137, "R-U-THERE-ACK"},
};

static const struct ike_name v2_notify[] = {
    {1, "UNSUPPORTED_CRITICAL_PAYLOAD"},
    {4, "INVALID_IKE_SPI"},
    {5, "INVALID_MAJOR_VERSION"},
    {7, "INVALID_SYNTAX"},
    {9, "INVALID_MESSAGE_ID"},
    {11, "INVALID_SPI"},
    {14, "NO_PROPOSAL_CHOSEN"},
    {17, "INVALID_KE_PAYLOAD"},
    {24, "AUTHENTICATION_FAILED"},
    {34, "SINGLE_PAIR_REQUIRED"},
    {35, "NO_ADDITIONAL_SAS"},
    {36, "INTERNAL_ADDRESS_FAILURE"},
    {37, "FAILED_CP_REQUIRED"},
    {38, "TS_UNACCEPTABLE"},
    {39, "INVALID_SELECTORS"},
    {40, "UNACCEPTABLE_ADDRESSES"},  /* RFC 4555 */
    {41, "UNEXPECTED_NAT_DETECTED"}, /* RFC 4555 */
    {42, "USE_ASSIGNED_HoA"},        /* RFC 5026 */
    {43, "TEMPORARY_FAILURE"},
    {44, "CHILD_SA_NOT_FOUND"},
    {45, "INVALID_GROUP_ID"},     /* G-IKEv2 (draft-ietf-ipsecme-g-ikev2) */
    {46, "AUTHORIZATION_FAILED"}, /* G-IKEv2 */
    {47, "STATE_NOT_FOUND"},      /* RFC 9370 */
    {16384, "INITIAL_CONTACT"},
    {16385, "SET_WINDOW_SIZE"},
    {16386, "ADDITIONAL_TS_POSSIBLE"},
    {16387, "IPCOMP_SUPPORTED"},
    {16388, "NAT_DETECTION_SOURCE_IP"},
    {16389, "NAT_DETECTION_DESTINATION_IP"},
    {16390, "COOKIE"},
    {16391, "USE_TRANSPORT_MODE"},
    {16392, "HTTP_CERT_LOOKUP_SUPPORTED"},
    {16393, "REKEY_SA"},
    {16394, "ESP_TFC_PADDING_NOT_SUPPORTED"},
    {16395, "NON_FIRST_FRAGMENTS_ALSO"},
    {16396, "MOBIKE_SUPPORTED"}, /* RFC 4555 */
    {16397, "ADDITIONAL_IP4_ADDRESS"},
    {16398, "ADDITIONAL_IP6_ADDRESS"},
    {16399, "NO_ADDITIONAL_ADDRESSES"},
    {16400, "UPDATE_SA_ADDRESSES"},
    {16401, "COOKIE2"},
    {16402, "NO_NATS_ALLOWED"},
    {16403, "AUTH_LIFETIME"},           /* RFC 4478 */
    {16404, "MULTIPLE_AUTH_SUPPORTED"}, /* RFC 4739 */
    {16405, "ANOTHER_AUTH_FOLLOWS"},
    {16406, "REDIRECT_SUPPORTED"}, /* RFC 5685 */
    {16407, "REDIRECT"},
    {16408, "REDIRECTED_FROM"},
    {16409, "TICKET_LT_OPAQUE"}, /* RFC 5723 */
    {16410, "TICKET_REQUEST"},
    {16411, "TICKET_ACK"},
    {16412, "TICKET_NACK"},
    {16413, "TICKET_OPAQUE"},
    {16414, "LINK_ID"},                         /* RFC 5739 */
    {16415, "USE_WESP_MODE"},                   /* RFC 5840 */
    {16416, "ROHC_SUPPORTED"},                  /* RFC 5857 */
    {16417, "EAP_ONLY_AUTHENTICATION"},         /* RFC 5998 */
    {16418, "CHILDLESS_IKEV2_SUPPORTED"},       /* RFC 6023 */
    {16419, "QUICK_CRASH_DETECTION"},           /* RFC 6290 */
    {16420, "IKEV2_MESSAGE_ID_SYNC_SUPPORTED"}, /* RFC 6311 */
    {16421, "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED"},
    {16422, "IKEV2_MESSAGE_ID_SYNC"},
    {16423, "IPSEC_REPLAY_COUNTER_SYNC"},
    {16424, "SECURE_PASSWORD_METHODS"}, /* RFC 6467 */
    {16425, "PSK_PERSIST"},             /* RFC 6631 */
    {16426, "PSK_CONFIRM"},
    {16427, "ERX_SUPPORTED"},   /* RFC 6867 */
    {16428, "IFOM_CAPABILITY"}, /* 3GPP TS 24.303 */
    {16429, "SENDER_REQUEST_ID"},
    {16430, "IKEV2_FRAGMENTATION_SUPPORTED"}, /* RFC 7383 */
    {16431, "SIGNATURE_HASH_ALGORITHMS"},     /* RFC 7427 */
    {16432, "CLONE_IKE_SA_SUPPORTED"},        /* RFC 7791 */
    {16433, "CLONE_IKE_SA"},
    {16434, "PUZZLE"},  /* RFC 8019 */
    {16435, "USE_PPK"}, /* RFC 8784 */
    {16436, "PPK_IDENTITY"},
    {16437, "NO_PPK_AUTH"},
    {16438, "INTERMEDIATE_EXCHANGE_SUPPORTED"}, /* RFC 9242 */
    {16439, "IP4_ALLOWED"},                     /* RFC 8983 */
    {16440, "IP6_ALLOWED"},
    {16441, "ADDITIONAL_KEY_EXCHANGE"}, /* RFC 9370 */
    {16442, "USE_AGGFRAG"},             /* RFC 9347 */
    {16443, "SUPPORTED_AUTH_METHODS"},  /* RFC 9593 */
};

static const struct ike_name v1_protos[] = {
    {1, "ISAKMP"}, {2, "IPSEC_AH"}, {3, "IPSEC_ESP"}, {4, "IPCOMP"}, {5, "GIGABEAM_RADIO"},
};

static const struct ike_name v2_protos[] = {
    {1, "IKE"}, {2, "AH"}, {3, "ESP"}, {4, "FC_ESP_HEADER"}, {5, "FC_CT_AUTHENTICATION"},
};

static const struct ike_name v1_p1_attrs[] = {
    {1, "Encryption-Algorithm"},
    {2, "Hash-Algorithm"},
    {3, "Authentication-Method"},
    {4, "Group-Description"},
    {5, "Group-Type"},
    {6, "Group-Prime"},
    {7, "Group-Generator-One"},
    {8, "Group-Generator-Two"},
    {9, "Group-Curve-A"},
    {10, "Group-Curve-B"},
    {11, "Life-Type"},
    {12, "Life-Duration"},
    {13, "PRF"},
    {14, "Key-Length"},
    {15, "Field-Size"},
    {16, "Group-Order"},
};

static const struct ike_name v1_ipsec_attrs[] = {
    {1, "SA-Life-Type"},
    {2, "SA-Life-Duration"},
    {3, "Group-Description"},
    {4, "Encapsulation-Mode"},
    {5, "Authentication-Algorithm"},
    {6, "Key-Length"},
    {7, "Key-Rounds"},
    {8, "Compress-Dictionary-Size"},
    {9, "Compress-Private-Algorithm"},
    {10, "ECN-Tunnel"},
    {11, "Extended-Sequence-Number"},
    {12, "Authentication-Key-Length"},
    {13, "Signature-Encoding-Algorithm"},
    {14, "Address-Preservation"},
    {15, "SA-Direction"},
};

static const struct ike_name v1_cfg_attrs[] = {
    {1, "INTERNAL_IP4_ADDRESS"},
    {2, "INTERNAL_IP4_NETMASK"},
    {3, "INTERNAL_IP4_DNS"},
    {4, "INTERNAL_IP4_NBNS"},
    {5, "INTERNAL_ADDRESS_EXPIRY"},
    {6, "INTERNAL_IP4_DHCP"},
    {7, "APPLICATION_VERSION"},
    {8, "INTERNAL_IP6_ADDRESS"},
    {9, "INTERNAL_IP6_NETMASK"},
    {10, "INTERNAL_IP6_DNS"},
    {11, "INTERNAL_IP6_NBNS"},
    {12, "INTERNAL_IP6_DHCP"},
    {13, "INTERNAL_IP4_SUBNET"},
    {14, "SUPPORTED_ATTRIBUTES"},
    {15, "INTERNAL_IP6_SUBNET"},
    /* draft-beaulieu-ike-xauth-02 section 6 */
    {16520, "XAUTH-TYPE"},
    {16521, "XAUTH-USER-NAME"},
    {16522, "XAUTH-USER-PASSWORD"},
    {16523, "XAUTH-PASSCODE"},
    {16524, "XAUTH-MESSAGE"},
    {16525, "XAUTH-CHALLENGE"},
    {16526, "XAUTH-DOMAIN"},
    {16527, "XAUTH-STATUS"},
    {16528, "XAUTH-NEXT-PIN"},
    {16529, "XAUTH-ANSWER"},
    /* Cisco Unity (as strongSwan's configuration_attribute.h names them) */
    {28672, "UNITY_BANNER"},
    {28673, "UNITY_SAVE_PASSWD"},
    {28674, "UNITY_DEF_DOMAIN"},
    {28675, "UNITY_SPLITDNS_NAME"},
    {28676, "UNITY_SPLIT_INCLUDE"},
    {28677, "UNITY_NATT_PORT"},
    {28678, "UNITY_LOCAL_LAN"},
    {28679, "UNITY_PFS"},
    {28680, "UNITY_FW_TYPE"},
    {28681, "UNITY_BACKUP_SERVERS"},
    {28682, "UNITY_DDNS_HOSTNAME"},
};

static const struct ike_name v2_cfg_attrs[] = {
    {1, "INTERNAL_IP4_ADDRESS"},
    {2, "INTERNAL_IP4_NETMASK"},
    {3, "INTERNAL_IP4_DNS"},
    {4, "INTERNAL_IP4_NBNS"},
    {6, "INTERNAL_IP4_DHCP"},
    {7, "APPLICATION_VERSION"},
    {8, "INTERNAL_IP6_ADDRESS"},
    {10, "INTERNAL_IP6_DNS"},
    {12, "INTERNAL_IP6_DHCP"},
    {13, "INTERNAL_IP4_SUBNET"},
    {14, "SUPPORTED_ATTRIBUTES"},
    {15, "INTERNAL_IP6_SUBNET"},
    {16, "MIP6_HOME_PREFIX"},  /* RFC 5026 */
    {17, "INTERNAL_IP6_LINK"}, /* RFC 5739 */
    {18, "INTERNAL_IP6_PREFIX"},
    {19, "HOME_AGENT_ADDRESS"}, /* RFC 5213 */
    {20, "P_CSCF_IP4_ADDRESS"}, /* RFC 7651 */
    {21, "P_CSCF_IP6_ADDRESS"},
    {22, "FTT_KAT"}, /* 3GPP */
    {23, "EXTERNAL_SOURCE_IP4_NAT_INFO"},
    {24, "TIMEOUT_PERIOD_FOR_LIVENESS_CHECK"},
    {25, "INTERNAL_DNS_DOMAIN"}, /* RFC 8598 */
    {26, "INTERNAL_DNSSEC_TA"},
};

static const struct ike_name cert_encodings[] = {
    {0, "NONE"},
    {1, "PKCS #7 wrapped X.509 certificate"},
    {2, "PGP Certificate"},
    {3, "DNS Signed Key"},
    {4, "X.509 Certificate - Signature"},
    {5, "X.509 Certificate - Key Exchange"},
    {6, "Kerberos Tokens"},
    {7, "Certificate Revocation List (CRL)"},
    {8, "Authority Revocation List (ARL)"},
    {9, "SPKI Certificate"},
    {10, "X.509 Certificate - Attribute"},
    {11, "Raw RSA Key"},
    {12, "Hash and URL of X.509 certificate"},
    {13, "Hash and URL of X.509 bundle"},
    {14, "OCSP Content"},   /* RFC 4806 */
    {15, "Raw Public Key"}, /* RFC 7670 */
};

static const struct ike_name encap_modes[] = {
    {1, "Tunnel"},
    {2, "Transport"},
    {3, "UDP-Encapsulated-Tunnel"},    /* RFC 3947 */
    {4, "UDP-Encapsulated-Transport"}, /* RFC 3947 */
    /* draft-ietf-ipsec-nat-t-ike-00..03, still sent by older Cisco IOS */
    {61443, "UDP-Encapsulated-Tunnel (draft)"},
    {61444, "UDP-Encapsulated-Transport (draft)"},
};

const char *ike_payload_name(int version, unsigned type)
{
        if (version == 1)
                return ike_name_in(v1_payloads, N(v1_payloads), type);
        return ike_name_in(v2_payloads, N(v2_payloads), type);
}

const char *ike_exchange_name(unsigned exchange)
{
        return ike_name_in(exchanges, N(exchanges), exchange);
}

const char *ike_notify_name(int version, unsigned type)
{
        if (version == 1)
                return ike_name_in(v1_notify, N(v1_notify), type);
        return ike_name_in(v2_notify, N(v2_notify), type);
}

bool ike_notify_is_error(unsigned type)
{
        return type < 16384; /* RFC 2408 3.14.1, RFC 7296 3.10.1 */
}

const char *ike_proto_name(int version, unsigned proto)
{
        if (version == 1)
                return ike_name_in(v1_protos, N(v1_protos), proto);
        return ike_name_in(v2_protos, N(v2_protos), proto);
}

const char *ike_v1_attr_name(bool phase1, unsigned type)
{
        if (phase1)
                return ike_name_in(v1_p1_attrs, N(v1_p1_attrs), type);
        return ike_name_in(v1_ipsec_attrs, N(v1_ipsec_attrs), type);
}

const char *ike_cfg_attr_name(int version, unsigned type)
{
        if (version == 1)
                return ike_name_in(v1_cfg_attrs, N(v1_cfg_attrs), type);
        return ike_name_in(v2_cfg_attrs, N(v2_cfg_attrs), type);
}

const char *ike_cert_encoding_name(unsigned enc)
{
        return ike_name_in(cert_encodings, N(cert_encodings), enc);
}

const char *ike_encap_mode_name(unsigned mode)
{
        return ike_name_in(encap_modes, N(encap_modes), mode);
}

bool ike_names_sorted(void)
{
        static const struct {
                const struct ike_name *t;
                size_t n;
        } all[] = {
            {v1_payloads, N(v1_payloads)},       {v2_payloads, N(v2_payloads)},
            {exchanges, N(exchanges)},           {v1_notify, N(v1_notify)},
            {v2_notify, N(v2_notify)},           {v1_protos, N(v1_protos)},
            {v2_protos, N(v2_protos)},           {v1_p1_attrs, N(v1_p1_attrs)},
            {v1_ipsec_attrs, N(v1_ipsec_attrs)}, {v1_cfg_attrs, N(v1_cfg_attrs)},
            {v2_cfg_attrs, N(v2_cfg_attrs)},     {cert_encodings, N(cert_encodings)},
            {encap_modes, N(encap_modes)},
        };
        for (size_t i = 0; i < N(all); i++)
                for (size_t j = 1; j < all[i].n; j++)
                        if (all[i].t[j - 1].num >= all[i].t[j].num)
                                return false;
        return true;
}
