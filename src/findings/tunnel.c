#include "tunnel.h"

const char *tunnel_status_name(enum tunnel_status s)
{
        static const char *const names[TUN_STATUS_COUNT] = {
            [TUN_ESTABLISHED] = "established",
            [TUN_NO_RESPONSE] = "no-response",
            [TUN_P1_NO_PROPOSAL] = "phase1-no-proposal",
            [TUN_P1_PEER_UNKNOWN] = "phase1-peer-unknown",
            [TUN_P1_AUTH_FAILED] = "phase1-auth-failed",
            [TUN_XAUTH_BLOCKED] = "xauth-blocked",
            [TUN_P2_NO_PROPOSAL] = "phase2-no-proposal",
            [TUN_P2_PFS_MISMATCH] = "phase2-pfs-mismatch",
            [TUN_P2_PROXY_MISMATCH] = "phase2-proxy-mismatch",
            [TUN_NO_INTERESTING_TRAFFIC] = "no-interesting-traffic",
            [TUN_MISSING_ENDPOINT] = "missing-endpoint",
            [TUN_UNDETERMINED] = "undetermined",
        };
        return (unsigned)s < TUN_STATUS_COUNT ? names[s] : "unknown";
}
