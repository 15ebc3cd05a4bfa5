/* The tunnel interface area's checks (diagnoses.md section 10), in catalog order. */
#include "checks_list.h"

const struct check checks_tunnel[] = {
    {"tunnel-vrf-missing", check_tunnel_vrf_missing},
    {"tunnel-recursive-routing", check_tunnel_recursive_routing},
    {"nhrp-network-id-missing", check_nhrp_network_id_missing},
    {"tunnel-vrf-no-route", check_tunnel_vrf_no_route},
    {NULL, NULL},
};
