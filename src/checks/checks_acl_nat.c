/* The acl_nat area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_acl_nat[] = {
    {"crypto-acl-overlap", check_crypto_acl_overlap},
    {"crypto-acl-duplicate", check_crypto_acl_duplicate},
    {"crypto-acl-reversed", check_crypto_acl_reversed},
    {"crypto-acl-missing", check_crypto_acl_missing},
    {"nat-exemption-missing", check_nat_exemption_missing},
    {"nat-exemption-has-ports", check_nat_exemption_has_ports},
    {"nat-exemption-differs", check_nat_exemption_differs},
    {"sysopt-permit-vpn-off", check_sysopt_permit_vpn_off},
    {"ike-esp-blocked", check_ike_esp_blocked},
    {"route-to-remote-missing", check_route_to_remote_missing},
    {"reverse-route-suggested", check_reverse_route_suggested},
    {"ping-source-not-interesting", check_ping_source_not_interesting},
    {NULL, NULL},
};
