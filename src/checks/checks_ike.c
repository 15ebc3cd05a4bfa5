/* The ike area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_ike[] = {
    {"isakmp-not-enabled", check_isakmp_not_enabled},
    {"isakmp-identity-mismatch", check_isakmp_identity_mismatch},
    {"tunnel-group-name-not-peer-ip", check_tunnel_group_name_not_peer_ip},
    {"ike-peer-not-configured", check_ike_peer_not_configured},
    {"l2l-prompted-for-xauth", check_l2l_prompted_for_xauth},
    {"ezvpn-xauth", check_ezvpn_xauth},
    {"isakmp-keepalive", check_isakmp_keepalive},
    {"vpnclient-des-sha", check_vpnclient_des_sha},
    {"esp-no-hash", check_esp_no_hash},
    {"sa-idle-timeout", check_sa_idle_timeout},
    {"anti-replay-drops", check_anti_replay_drops},
    {"crypto-map-incomplete", check_crypto_map_incomplete},
    {"crypto-map-not-applied", check_crypto_map_not_applied},
    {"crypto-map-name-case", check_crypto_map_name_case},
    {"one-crypto-map-per-interface", check_one_crypto_map_per_interface},
    {"dynamic-map-seq-order", check_dynamic_map_seq_order},
    {"key-acquire-failed", check_key_acquire_failed},
    {"backup-peers", check_backup_peers},
    {NULL, NULL},
};
