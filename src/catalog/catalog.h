/*
 * The diagnosis catalog: every problem of the seed document as a stable ID
 * (../shared/spec/diagnoses.md), as one static const table. `list`,
 * `describe`, docs/diagnoses/ID.md, SARIF rules and every finding's title,
 * explanation and fix text come from here, so they cannot disagree.
 *
 * Fix templates are per dialect. Placeholders in braces are filled from the
 * finding (fix_render in fix.h); one the finding cannot fill prints as
 * <name>. The complete list (catalog_placeholders[], checked by the tests):
 *   {peer}        the remote peer's address (ASA L2L: also the tunnel-group name)
 *   {map} {seq}   crypto map name and entry sequence number
 *   {dynmap}      dynamic crypto map name
 *   {if}          the interface carrying the crypto map (ASA: nameif; IOS: e.g. GigabitEthernet0/1)
 *   {nat_if}      the inside interface: the real side of a NAT rule, a ping source
 *   {acl}         the ACL the finding is about (crypto, NAT exemption or split-tunnel ACL)
 *   {tg} {gp}     ASA tunnel-group and group-policy names
 *   {group}       IOS client configuration group / PIX vpngroup name
 *   {pool}        address pool name; {pool_first} {pool_last} {pool_mask} its range
 *   {policy}      ISAKMP / IKEv1 policy priority
 *   {tset}        transform set name
 *   {local_net} {local_mask} {local_wild}     network behind this device (address, mask, wildcard)
 *   {remote_net} {remote_mask} {remote_wild}  network behind the peer
 *   {nexthop}     next-hop address of a route towards the peer
 *   {pfs_group}   "group2", "group14", ...
 *   {lifetime}    a lifetime in seconds
 *   {user} {profile} {keyring}  username, IOS ISAKMP profile, IOS keyring
 *   {protocols}   vpn-tunnel-protocol keywords (the group-policy's own plus the missing one)
 * A key is never a placeholder value: templates write <pre-shared-key> for
 * the engineer to type, so no secret ever passes through a fix.
 */
#ifndef IPSD_CATALOG_H
#define IPSD_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/model.h"

enum severity { SEV_INFO = 0, SEV_WARNING, SEV_ERROR };

enum {
        FROM_CONFIG = 1u << 0,
        FROM_PAIR = 1u << 1,
        FROM_LOGS = 1u << 2,
        FROM_CAPTURE = 1u << 3,
        FROM_LIVE = 1u << 4,
};

/* Command syntax families that fixes are written in. */
enum dialect {
        DIALECT_IOS = 0,
        DIALECT_PIX6,  /* PIX 6.x */
        DIALECT_ASA70, /* ASA 7.0-8.3: crypto isakmp, pre-shared-key, nat 0 */
        DIALECT_ASA84, /* ASA 8.4+: crypto ikev1, ikev1 pre-shared-key, twice NAT */
        DIALECT_COUNT,
};

struct diagnosis {
        const char *id;
        enum severity severity;
        unsigned found_from;     /* FROM_* bits */
        const char *category;    /* "IKE phase 1", "IKE phase 2", "Crypto maps", ... */
        const char *title;       /* one line, no trailing period */
        const char *explanation; /* cause, the symptom the engineer sees, states and messages */
        const char *fix_summary; /* the fix in words */
        /* Commands per dialect, one per line ('\n'), with {placeholders}; NULL
         * where the dialect cannot have the problem or no command fixes it. */
        const char *fix[DIALECT_COUNT];
        bool drops_tunnels; /* the fix clears SAs or removes crypto config: warn */
        bool fix_exec;      /* the fix is exec commands (a test, clearing SAs), not
                               configuration: `check --fix` does not paste it */
        const char
            *note; /* where the seed is wrong or a verdict depends on platform; may be NULL */
        const char *seed_section; /* the seed's section this comes from */
};

extern const struct diagnosis catalog[];
extern const size_t catalog_count;

/* NULL when id is not in the catalog. */
const struct diagnosis *catalog_find(const char *id);
const char *severity_name(enum severity s); /* "error", "warning", "info" */
bool severity_parse(const char *s, enum severity *out);
/* "config,pair,logs" style list of found_from bits into buf. */
const char *found_from_str(unsigned bits, char *buf, size_t size);
/* "config" for FROM_CONFIG, ...; NULL unless bit is exactly one FROM_* bit. */
const char *found_from_name(unsigned bit);
/* The dialect for a device's platform and version. */
enum dialect dialect_for(enum platform p, const struct version *v);

/* The seed's change-control warning, carried by fixes that drop tunnels. */
extern const char *const change_control_warning;

/* Every placeholder name a template may use (without braces). */
extern const char *const catalog_placeholders[];
extern const size_t catalog_placeholder_count;

/* "ios", "pix6", "asa70", "asa84": the dialect's key in JSON output. */
const char *dialect_key(enum dialect d);
/* "Cisco IOS / IOS-XE", "PIX 6.x", ...: the dialect's heading for people. */
const char *dialect_label(enum dialect d);

#endif
