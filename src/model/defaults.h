/*
 * Platform and version defaults, as one table (defaults.c): each row says
 * from which release a value holds, whether we verified it against a Cisco
 * document, and the document. model_finalize() fills unset fields from it;
 * group_policy_effective() uses it as the last level of inheritance.
 * A filled field keeps loc.line 0 ("default") so findings can say so.
 */
#ifndef IPSD_DEFAULTS_H
#define IPSD_DEFAULTS_H

#include <stdbool.h>

#include "model.h"

enum dflt_field {
        DF_P1_ENCR,                /* enum ike_encr */
        DF_P1_HASH,                /* enum ike_hash */
        DF_P1_AUTH,                /* enum ike_auth */
        DF_P1_GROUP,               /* DH group */
        DF_P1_LIFETIME,            /* seconds */
        DF_IMPLICIT_P1,            /* enum implicit_p1 */
        DF_IPSEC_LIFE_SEC,         /* global IPsec SA lifetime, seconds */
        DF_IPSEC_LIFE_KB,          /* kilobytes */
        DF_REPLAY_WINDOW,          /* packets */
        DF_NAT_T,                  /* 1 on, 0 off */
        DF_NAT_T_KEEPALIVE,        /* seconds; 0 = none */
        DF_PERMIT_VPN,             /* sysopt connection permit-vpn / permit-ipsec: 1 on */
        DF_TCPMSS,                 /* sysopt connection tcpmss, bytes; 0 = none */
        DF_IDENTITY,               /* enum ike_identity */
        DF_TG_KEEPALIVE_THRESHOLD, /* tunnel-group isakmp keepalive threshold, s */
        DF_TG_KEEPALIVE_RETRY,     /* retry, s */
        DF_GP_LOGINS,              /* vpn-simultaneous-logins */
        DF_GP_IDLE,                /* vpn-idle-timeout, minutes; -1 none */
        DF_GP_SESSION,             /* vpn-session-timeout, minutes; -1 none */
        DF_GP_PFS,                 /* 0 disabled */
        DF_GP_SPLIT,               /* enum split_policy */
        DF_GP_PROTOCOLS,           /* VPN_PROTO_* bits */
        DF_COUNT
};

enum implicit_p1 {
        IMPLICIT_NONE = 0,        /* no policy unless configured (ASA 8.4+) */
        IMPLICIT_SUITE_ALWAYS,    /* one "default protection suite" at 65535, always */
        IMPLICIT_SUITE_IF_NONE,   /* that suite only when no policy is configured */
        IMPLICIT_IOS_SET_IF_NONE, /* IOS 12.4(20)T+: eight default policies 65507-65514 */
};

struct model_default {
        enum platform plat;
        int major, minor, maint; /* first release the value holds for */
        enum dflt_field field;
        long value;
        bool verified; /* checked against the cited document */
        const char *source;
};

/*
 * The row that applies to dev: the newest row for the platform whose release
 * dev's version reaches. With an unknown version the newest row applies
 * (we assume current software rather than the oldest). NULL when the table
 * has nothing for the platform.
 */
const struct model_default *model_default_row(const struct device *dev, enum dflt_field f);
/* The value, or fallback when there is no row. */
long model_default(const struct device *dev, enum dflt_field f, long fallback);

/* The IOS 12.4(20)T+ default ISAKMP policies, priorities 65507..65514. */
struct implicit_policy {
        int priority;
        enum ike_encr encr;
        int key_bits;
        enum ike_hash hash;
        enum ike_auth auth;
        int group;
};
extern const struct implicit_policy ios_default_policies[8];

#endif
