/* The ra area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_ra[] = {
    {"split-tunnel-acl-any", check_split_tunnel_acl_any},
    {"split-tunnel-exclude-ezvpn", check_split_tunnel_exclude_ezvpn},
    {"pool-overlaps-inside", check_pool_overlaps_inside},
    {"pool-network-broadcast", check_pool_network_broadcast},
    {"pool-too-small", check_pool_too_small},
    {"pool-overridden", check_pool_overridden},
    {"tunnel-protocol-conflict", check_tunnel_protocol_conflict},
    {"simultaneous-logins", check_simultaneous_logins},
    {"session-limit", check_session_limit},
    {"xauth-radius-timeout", check_xauth_radius_timeout},
    {"xauth-threat-detection", check_xauth_threat_detection},
    {"ra-dns-missing", check_ra_dns_missing},
    {"ra-no-internet", check_ra_no_internet},
    {"mode-config-pool-missing", check_mode_config_pool_missing},
    {NULL, NULL},
};
