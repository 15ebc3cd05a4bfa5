/*
 * What each platform and software generation can negotiate: IKEv1 Diffie-
 * Hellman groups, ciphers and hashes, whether it speaks IKEv2, and which
 * syntax it is configured in. A fix may only use what the device and its
 * peer can both do (issue: "group 14 proposed to a router whose peer is a
 * PIX 6.3"). The table is data (capability.c), each row with its source.
 */
#ifndef IPSD_CAPABILITY_H
#define IPSD_CAPABILITY_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

enum syntax_gen {
        GEN_PIX6,   /* isakmp policy N ..., one line each */
        GEN_ASA70,  /* crypto isakmp policy N, nat 0 / static (7.0-8.2) */
        GEN_ASA83,  /* crypto isakmp, object NAT (8.3) */
        GEN_ASA84,  /* crypto ikev1 policy N, ikev1 pre-shared-key (8.4, 8.x) */
        GEN_ASA9,   /* 9.x */
        GEN_IOS124, /* IOS 12.4 */
        GEN_IOS15,  /* IOS 15.x */
        GEN_IOSXE,  /* IOS-XE 16.x / 17.x */
};

struct ike_caps {
        const char *name; /* "PIX 6.3", "ASA 8.4-8.x", ... */
        enum syntax_gen gen;
        uint32_t dh_v1;    /* bit g: IKEv1 (and PFS) Diffie-Hellman group g */
        unsigned encr_v1;  /* bit e: enum ike_encr e in an IKEv1 policy */
        unsigned aes_bits; /* 1: AES-128, 2: AES-192, 4: AES-256 */
        unsigned hash_v1;  /* bit h: enum ike_hash h in an IKEv1 policy */
        bool ikev2;
        const char *source; /* where the row comes from */
};

/* The row for a device's platform and version (the newest generation of
 * the platform when the version is unknown). Never NULL. */
const struct ike_caps *caps_for(enum platform p, const struct version *v);

/* Can the device hold an IKEv1 policy with these values? */
bool caps_p1(const struct ike_caps *c, enum ike_encr e, int bits, enum ike_hash h, int group);

#endif
