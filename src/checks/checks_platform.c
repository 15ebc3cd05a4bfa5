/* The platform area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_platform[] = {
    {"hairpin-not-permitted", check_hairpin_not_permitted},
    {"dmz-not-reachable", check_dmz_not_reachable},
    {"multicast-over-tunnel", check_multicast_over_tunnel},
    {"nat-t-disabled", check_nat_t_disabled},
    {"mss-too-large", check_mss_too_large},
    {"ids-large-icmp", check_ids_large_icmp},
    {"low-memory-crypto", check_low_memory_crypto},
    {"preserve-vpn-flows", check_preserve_vpn_flows},
    {"management-access-missing", check_management_access_missing},
    {NULL, NULL},
};
