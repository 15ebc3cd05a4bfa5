/*
 * Vendor IDs, as data. Most are the MD5 of a string (RFC 2408 3.16 asks
 * for a hash); some carry a version after a fixed prefix, some are the
 * bare ASCII. Each row names where its bytes come from. Matching is by
 * exact bytes, or by prefix for the rows marked so (their tail is handed
 * back: Cisco Unity's and DPD's major/minor, the VPN 3000's version,
 * Cisco fragmentation's capability word).
 *
 * Not here because they are not documented: the per-session or per-device
 * VIDs that Cisco ASA and IOS send beside these (IOS sends 16 bytes whose
 * first four are 3e 98 40 48 and whose rest varies by device; ike-scan's
 * ike-vendor-ids and Libreswan's vendor.c list that prefix as "Cisco IOS",
 * from observation). The prefix row below names it as exactly that.
 */
#include <string.h>

#include "ike.h"

struct vid_row {
        const char *name;
        const char *source;
        const uint8_t *bytes;
        size_t len;
        bool prefix; /* the payload may be longer: the rest is a version or flags */
};

#define B(...) (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__})

static const struct vid_row vids[] = {
    /* Cisco */
    {"Cisco Unity", "MD5(\"CISCO-UNITY\") with the last two bytes the version (1.0)",
     B(0x12, 0xf5, 0xf2, 0x8c, 0x45, 0x71, 0x68, 0xa9, 0x70, 0x2d, 0x9f, 0xe2, 0x74, 0xcc), true},
    {"Cisco VPN 3000 / ASA (ALTIGA GATEWAY)",
     "MD5(\"ALTIGA GATEWAY\") truncated to 14 bytes, then the software version (ike-scan)",
     B(0x1f, 0x07, 0xf7, 0x0e, 0xaa, 0x65, 0x14, 0xd3, 0xb0, 0xfa, 0x96, 0x54, 0x2a, 0x50), true},
    {"IKE fragmentation (Cisco, Microsoft)",
     "MD5(\"FRAGMENTATION\"); Cisco appends 4 bytes of capability "
     "(Cisco IOS \"IKE fragmentation\", Microsoft MS-IKEE 2.2.2.1)",
     B(0x40, 0x48, 0xb7, 0xd5, 0x6e, 0xbc, 0xe8, 0x85, 0x25, 0xe7, 0xde, 0x7f, 0x00, 0xd6, 0xc2,
       0xd3),
     true},
    {"Cisco Delete Reason", "ASCII \"CISCO-DELETE-REASON\" (strongSwan ike_vendor.c)",
     B('C', 'I', 'S', 'C', 'O', '-', 'D', 'E', 'L', 'E', 'T', 'E', '-', 'R', 'E', 'A', 'S', 'O',
       'N'),
     false},
    {"Cisco Dynamic Route", "ASCII \"CISCO-DYNAMIC-ROUTE\" (Libreswan vendor.c)",
     B('C', 'I', 'S', 'C', 'O', '-', 'D', 'Y', 'N', 'A', 'M', 'I', 'C', '-', 'R', 'O', 'U', 'T',
       'E'),
     false},
    {"Cisco FlexVPN Supported", "ASCII \"FLEXVPN-SUPPORTED\" (strongSwan ike_vendor.c)",
     B('F', 'L', 'E', 'X', 'V', 'P', 'N', '-', 'S', 'U', 'P', 'P', 'O', 'R', 'T', 'E', 'D'), false},
    {"Cisco Copyright (c) 2009",
     "ASCII \"CISCO(COPYRIGHT)&Copyright (c) 2009 Cisco Systems, Inc.\" (strongSwan ike_vendor.c)",
     B('C', 'I', 'S', 'C', 'O', '(', 'C', 'O', 'P', 'Y', 'R', 'I', 'G', 'H', 'T', ')', '&', 'C',
       'o', 'p', 'y', 'r', 'i', 'g', 'h', 't', ' ', '(', 'c', ')', ' ', '2', '0', '0', '9', ' ',
       'C', 'i', 's', 'c', 'o', ' ', 'S', 'y', 's', 't', 'e', 'm', 's', ',', ' ', 'I', 'n', 'c',
       '.'),
     false},
    {"Cisco VPN REV 02", "ASCII \"CISCOVPN-REV-02\" (Libreswan vendor.c)",
     B('C', 'I', 'S', 'C', 'O', 'V', 'P', 'N', '-', 'R', 'E', 'V', '-', '0', '2'), false},
    {"Cisco IOS (device VID)", "prefix 3e984048 seen from IOS devices (ike-scan, Libreswan)",
     B(0x3e, 0x98, 0x40, 0x48), true},
    /* XAUTH and DPD */
    {"XAUTH", "MD5(\"draft-ietf-ipsra-isakmp-xauth-06.txt\") truncated to 8 bytes",
     B(0x09, 0x00, 0x26, 0x89, 0xdf, 0xd6, 0xb7, 0x12), true},
    {"Dead Peer Detection", "RFC 3706 section 5.2, then major 1 minor 0",
     B(0xaf, 0xca, 0xd7, 0x13, 0x68, 0xa1, 0xf1, 0xc9, 0x6b, 0x86, 0x96, 0xfc, 0x77, 0x57), true},
    /* NAT traversal */
    {"RFC 3947 NAT-T", "MD5(\"RFC 3947\"), RFC 3947 section 3",
     B(0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45, 0x5c, 0x57, 0x28, 0xf2, 0x0e, 0x95, 0x45,
       0x2f),
     false},
    {"draft-ietf-ipsec-nat-t-ike-00", "MD5 of the draft's name",
     B(0x44, 0x85, 0x15, 0x2d, 0x18, 0xb6, 0xbb, 0xcd, 0x0b, 0xe8, 0xa8, 0x46, 0x95, 0x79, 0xdd,
       0xcc),
     false},
    {"draft-ietf-ipsec-nat-t-ike-01", "MD5 of the draft's name",
     B(0x16, 0xf6, 0xca, 0x16, 0xe4, 0xa4, 0x06, 0x6d, 0x83, 0x82, 0x1a, 0x0f, 0x0a, 0xea, 0xa8,
       0x62),
     false},
    {"draft-ietf-ipsec-nat-t-ike-02", "MD5 of the draft's name",
     B(0xcd, 0x60, 0x46, 0x43, 0x35, 0xdf, 0x21, 0xf8, 0x7c, 0xfd, 0xb2, 0xfc, 0x68, 0xb6, 0xa4,
       0x48),
     false},
    {"draft-ietf-ipsec-nat-t-ike-02\\n", "MD5 of the draft's name and a newline (as sent)",
     B(0x90, 0xcb, 0x80, 0x91, 0x3e, 0xbb, 0x69, 0x6e, 0x08, 0x63, 0x81, 0xb5, 0xec, 0x42, 0x7b,
       0x1f),
     false},
    {"draft-ietf-ipsec-nat-t-ike-03", "MD5 of the draft's name",
     B(0x7d, 0x94, 0x19, 0xa6, 0x53, 0x10, 0xca, 0x6f, 0x2c, 0x17, 0x9d, 0x92, 0x15, 0x52, 0x9d,
       0x56),
     false},
    {"draft-ietf-ipsec-nat-t-ike-04", "MD5 of the draft's name",
     B(0x99, 0x09, 0xb6, 0x4e, 0xed, 0x93, 0x7c, 0x65, 0x73, 0xde, 0x52, 0xac, 0xe9, 0x52, 0xfa,
       0x6b),
     false},
    {"draft-ietf-ipsec-nat-t-ike-05", "MD5 of the draft's name",
     B(0x80, 0xd0, 0xbb, 0x3d, 0xef, 0x54, 0x56, 0x5e, 0xe8, 0x46, 0x45, 0xd4, 0xc8, 0x5c, 0xe3,
       0xee),
     false},
    {"draft-ietf-ipsec-nat-t-ike-06", "MD5 of the draft's name",
     B(0x4d, 0x1e, 0x0e, 0x13, 0x6d, 0xea, 0xfa, 0x34, 0xc4, 0xf3, 0xea, 0x9f, 0x02, 0xec, 0x72,
       0x85),
     false},
    {"draft-ietf-ipsec-nat-t-ike-07", "MD5 of the draft's name",
     B(0x43, 0x9b, 0x59, 0xf8, 0xba, 0x67, 0x6c, 0x4c, 0x77, 0x37, 0xae, 0x22, 0xea, 0xb8, 0xf5,
       0x82),
     false},
    {"draft-ietf-ipsec-nat-t-ike-08", "MD5 of the draft's name",
     B(0x8f, 0x8d, 0x83, 0x82, 0x6d, 0x24, 0x6b, 0x6f, 0xc7, 0xa8, 0xa6, 0xa4, 0x28, 0xc1, 0x1d,
       0xe8),
     false},
    /* Linux peers */
    {"strongSwan", "MD5(\"strongSwan\") (strongSwan ike_vendor.c)",
     B(0x88, 0x2f, 0xe5, 0x6d, 0x6f, 0xd2, 0x0d, 0xbc, 0x22, 0x51, 0x61, 0x3b, 0x2e, 0xbe, 0x5b,
       0xeb),
     false},
    {"Libreswan", "ASCII \"OE-Libreswan-\" then the version (Libreswan 3.6+ vendor.c)",
     B('O', 'E', '-', 'L', 'i', 'b', 'r', 'e', 's', 'w', 'a', 'n', '-'), true},
    {"Libreswan 3.0 - 3.5", "ASCII \"OEN\" prefix (Libreswan vendor.c)", B('O', 'E', 'N'), true},
    {"Initial-Contact VID (Microsoft)", "MD5(\"Vid-Initial-Contact\") (MS-IKEE 2.2.2.1)",
     B(0x26, 0x24, 0x4d, 0x38, 0xed, 0xdb, 0x61, 0xb3, 0x17, 0x2a, 0x36, 0xe3, 0xd0, 0xcf, 0xb8,
       0x19),
     false},
};

bool ike_vid_lookup(struct wire_view body, struct ike_vid_info *info)
{
        /* the longest matching row wins: "OE-Libreswan-" over "OEN" cannot
         * collide, but a prefix row must never shadow an exact one */
        const struct vid_row *best = NULL;
        for (size_t i = 0; i < sizeof(vids) / sizeof(vids[0]); i++) {
                const struct vid_row *v = &vids[i];
                if (body.len < v->len || (!v->prefix && body.len != v->len))
                        continue;
                if (memcmp(body.p, v->bytes, v->len) != 0)
                        continue;
                if (!best || v->len > best->len)
                        best = v;
        }
        if (!best)
                return false;
        info->name = best->name;
        info->source = best->source;
        info->tail.p = body.p + best->len;
        info->tail.len = body.len - best->len;
        return true;
}
