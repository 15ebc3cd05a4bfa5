/*
 * IOS / IOS-XE messages: syslog mnemonics (%FACILITY-SEV-MNEMONIC, key
 * without the '%'), `debug crypto isakmp|ipsec` lines, and CLI responses of
 * both platforms that carry a diagnosis. Facts: Cisco IOS system message
 * guide entries and tech notes 115801, 116085, 116858 as cited in
 * ../shared/spec/messages-research.md; texts are the project's own.
 */
#include "messages.h"

#define I(k, sev, pat, tmpl, mean, ...)                                                            \
        {                                                                                          \
                MSG_IOS_SYSLOG, k, sev, pat, tmpl, mean,                                           \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define DBG(k, pat, tmpl, mean, ...)                                                               \
        {                                                                                          \
                MSG_DEBUG, k, -1, pat, tmpl, mean,                                                 \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define CLI(k, pat, tmpl, mean, ...)                                                               \
        {                                                                                          \
                MSG_CLI, k, -1, pat, tmpl, mean,                                                   \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define NONE                                                                                       \
        {                                                                                          \
                NULL, 0                                                                            \
        }

const struct message messages_ios[] = {
    I("CRYPTO-4-IKMP_NO_SA", 4, NULL,
      "IKE message from {ip} has no SA and is not an initialization offer",
      "The peer used an IKE SA that no longer exists here (expired or cleared).", {"sa-no-sa", 80}),
    I("CRYPTO-6-IKMP_MODE_FAILURE", 6, "Quick mode",
      "Processing of Quick mode failed with peer at {ip}",
      "Quick mode failed: transform sets, PFS or crypto ACLs differ.",
      {"transform-set-mismatch", 40}, {"pfs-mismatch", 20}, {"crypto-acl-not-mirrored", 20}),
    I("CRYPTO-6-IKMP_MODE_FAILURE", 6, "Aggressive mode",
      "Processing of Aggressive mode failed with peer at {ip}",
      "Aggressive mode failed: policy mismatch or a blocked path.", {"ag-init-exch", 40},
      {"isakmp-policy-mismatch", 30}),
    I("CRYPTO-6-IKMP_MODE_FAILURE", 6, NULL, "Processing of Main mode failed with peer at {ip}",
      "Main mode failed: the ISAKMP policies (or keys) of the peers differ.",
      {"isakmp-policy-mismatch", 50}, {"psk-mismatch", 20}),
    I("CRYPTO-4-RECVD_PKT_INV_SPI", 4, NULL,
      "decaps: rec'd IPSEC packet has invalid spi for destaddr={local}, prot=50, spi={spi}({n}), "
      "srcaddr={ip}",
      "ESP arrived for an SPI not in the SA database: the peers' SAs are out of sync.",
      {"sa-no-sa", 50}),
    /* The same message for GRE (protocol 47): the sender's tunnel has no
     * protection; for a routing protocol's link-local multicast: a crypto
     * map never carries multicast. */
    I("CRYPTO-4-RECVD_PKT_NOT_IPSEC", 4, "prot= 47",
      "Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /{local}, src_addr= {ip}, prot= 47",
      "Cleartext GRE arrived where IPsec is expected: the sender does not protect its tunnel.",
      {"tunnel-protection-one-side", 70}),
    I("CRYPTO-4-RECVD_PKT_NOT_IPSEC", 4, "dest_addr= /224.0.0.",
      "Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /224.0.0.10, src_addr= {ip}, prot= "
      "88",
      "A routing protocol's multicast matched the crypto ACL: crypto maps carry unicast only.",
      {"multicast-over-tunnel", 70}),
    I("CRYPTO-4-RECVD_PKT_NOT_IPSEC", 4, NULL,
      "Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /{local}, src_addr= {ip}, prot= 1",
      "Cleartext traffic matched the crypto ACL: the peer does not encrypt it.",
      {"crypto-acl-not-mirrored", 40}, {"nat-exemption-missing", 30}),
    I("CRYPTO-4-PKT_REPLAY_ERR", 4, NULL,
      "decrypt: replay check failed connection id={n}, sequence number={n}",
      "ESP arrived outside the anti-replay window (reordering on the path or by QoS).",
      {"anti-replay-drops", 80}),
    I("CRYPTO-4-RECVD_PKT_MAC_ERR", 4, NULL,
      "decrypt: mac verify failed for connection id={n} local={local} remote={ip} spi={spi} "
      "seqno={n}",
      "An ESP packet failed its HMAC check (a few are normal; many mean corruption).",
      {"esp-hmac-error", 60}),
    I("CRYPTO-4-IKMP_BAD_MESSAGE", 4, NULL,
      "IKE message from {ip} failed its sanity check or is malformed",
      "An IKE message could not be decrypted or parsed: most often the keys differ.",
      {"psk-mismatch", 40}),
    I("CRYPTO-6-IKMP_SA_NOT_OFFERED", 6, NULL,
      "Remote peer {ip} responded with attribute {n} not offered or changed",
      "The responder chose a policy we never offered.", {"isakmp-policy-mismatch", 40}),
    I("CRYPTO-6-IKMP_SA_NOT_AUTH", 6, NULL,
      "Cannot accept Quick Mode exchange from {ip} if SA is not authenticated!",
      "Quick mode came before phase 1 was authenticated.", {"psk-mismatch", 20},
      {"isakmp-policy-mismatch", 20}),
    I("CRYPTO-6-ISAKMP_ON_OFF", 6, "OFF", "ISAKMP is OFF",
      "ISAKMP was switched off: peers get no answer.", {"isakmp-not-enabled", 70}),
    I("CRYPTO-6-ISAKMP_ON_OFF", 6, NULL, "ISAKMP is ON", "ISAKMP was switched on.", NONE),
    I("CRYPTO-5-SESSION_STATUS", 5, "DOWN", "Crypto tunnel is DOWN. Peer {ip}:500       Id: {ip}",
      "The crypto session with the peer went down.", NONE),
    I("CRYPTO-5-SESSION_STATUS", 5, NULL, "Crypto tunnel is UP  .  Peer {ip}:500       Id: {ip}",
      "The crypto session with the peer came up.", NONE),
    I("CERM-4-TX_BW_LIMIT", 4, NULL,
      "Maximum Tx Bandwidth limit of 85000 Kbps reached for Crypto functionality with securityk9 "
      "technology package license.",
      "The securityk9 licence caps crypto at 85 Mbps each way: traffic above is dropped.",
      {"cerm-bandwidth-limit", 95}),
    I("CERM-4-RX_BW_LIMIT", 4, NULL,
      "Maximum Rx Bandwidth limit of 85000 Kbps reached for Crypto functionality with securityk9 "
      "technology package license.",
      "The securityk9 licence caps crypto at 85 Mbps each way: traffic above is dropped.",
      {"cerm-bandwidth-limit", 95}),
    I("CERM-4-TUNNEL_LIMIT", 4, NULL,
      "Maximum tunnel limit of 225 reached for Crypto functionality with securityk9 technology "
      "package license.",
      "The securityk9 licence allows 225 tunnels.", {"cerm-bandwidth-limit", 70}),
    I("CERM-4-TLS_SESS_LIMIT", 4, NULL,
      "Maximum TLS session limit of 1000 reached for Crypto functionality with securityk9 "
      "technology package license.",
      "The securityk9 licence allows 1000 TLS sessions.", {"cerm-bandwidth-limit", 70}),
    I("CERM_DP-4-DP_TX_BW_LIMIT", 4, NULL,
      "Crypto functionality throughput rate of 250 Mbps exceeded for securityk9 technology package "
      "license.",
      "The ISR4K data plane hit the licensed crypto throughput.", {"cerm-bandwidth-limit", 90}),
    I("CERM_DP-4-DP_RX_BW_LIMIT", 4, NULL,
      "Crypto functionality throughput rate of 250 Mbps exceeded for securityk9 technology package "
      "license.",
      "The ISR4K data plane hit the licensed crypto throughput.", {"cerm-bandwidth-limit", 90}),
    I("VPN_HW-4-PACKET_ERROR", 4, "replay",
      "slot: {n} Packet Encryption/Decryption error, Output replay error(0x08000000)",
      "The VPN module saw ESP outside the replay window: packets are reordered.",
      {"anti-replay-drops", 70}),
    I("VPN_HW-4-PACKET_ERROR", 4, NULL,
      "slot: {n} Packet Encryption/Decryption error, Invalid HMAC(0x04000000)",
      "The VPN module found an ESP packet whose HMAC does not match: a faulty module or "
      "corrupted packets.",
      {"esp-hmac-error", 90}),
    I("VPN_HW-1-PACKET_ERROR", 1, "replay",
      "slot: {n} Packet Encryption/Decryption error, Output replay error(0x08000000)",
      "The VPN module saw ESP outside the replay window: packets are reordered.",
      {"anti-replay-drops", 70}),
    I("VPN_HW-1-PACKET_ERROR", 1, NULL,
      "slot: {n} Packet Encryption/Decryption error, Invalid HMAC(0x04000000)",
      "The VPN module found an ESP packet whose HMAC does not match.", {"esp-hmac-error", 90}),
    I("HW_VPN-1-HPRXERR", 1, NULL,
      "Hardware VPN0/2: Packet Encryption/Decryption error, status={n}",
      "The VPN hardware reported a decryption error (often out-of-order packets).",
      {"anti-replay-drops", 30}, {"esp-hmac-error", 30}),
    I("IPSEC-3-HMAC_ERROR", 3, NULL,
      "IPSec SA receives HMAC error, DP Handle {n}, src_addr {ip}, dest_addr {local}, SPI {spi}",
      "An inbound ESP packet failed its HMAC check in the data plane.", {"esp-hmac-error", 70}),
    I("IPSEC-3-REPLAY_ERROR", 3, NULL,
      "IPSec SA receives anti-replay error, DP Handle {n}, src_addr {ip}, dest_addr {local}, SPI "
      "{spi}",
      "An inbound ESP packet failed the anti-replay check in the data plane.",
      {"anti-replay-drops", 70}),
    I("MOTCR-1-PKTENGRET_ERROR", 1, NULL, "PktEngReturn_MACMiscompare",
      "The crypto engine found an HMAC mismatch (a few are normal).", {"esp-hmac-error", 30}),
    I("FW-3-RESPONDER_WND_SCALE_INI_NO_SCALE", 3, NULL,
      "Dropping packet - Invalid Window Scale option for session {ip}:27331 to {local}:23 "
      "[Initiator(flag 0,factor 0) Responder (flag 1, factor 2)]",
      "The IOS firewall dropped a TCP segment whose window-scale option is invalid.",
      {"fw-window-scale", 95}),
    /* ---- DMVPN / NHRP and tunnel interfaces (IOS XE 17 message texts as
     * logged in the real transcripts of ../shared/corpus/logs 23-34) ---- */
    I("DMVPN-5-NHRP_NETID_UNCONFIGURED", 5, NULL,
      "Tunnel0: NETID : 100 Unconfigured (Tunnel: 172.16.0.1 NBMA:  {local})",
      "NHRP is not running on the tunnel: it has no network-id.", {"nhrp-network-id-missing", 90}),
    I("DMVPN-3-DMVPN_NHRP_ERROR", 3, "wrong authentication string",
      "Tunnel0: Recieved wrong authentication string for  Registration Request , Reason:  "
      "authentication failure (11) on (Tunnel: 172.16.0.2 NBMA: {ip})",
      "An NHRP packet carried another authentication string than this tunnel's.",
      {"nhrp-auth-mismatch", 90}),
    I("DMVPN-3-DMVPN_NHRP_ERROR", 3, NULL,
      "Tunnel0: NHRP Encap Error for  Resolution Request , Reason:  protocol generic error (7) on "
      "(Tunnel: 172.16.0.1 NBMA: {ip})",
      "An NHRP packet could not be sent or was refused (the reason says why).", NONE),
    I("DMVPN-5-NHRP_NHS_DOWN", 5, "Registration Failure",
      "Tunnel0: Next Hop Server : (Tunnel: 172.16.0.1 NBMA: {ip} ) for (Tunnel: 172.16.0.2 "
      "NBMA: {local}) is DOWN, Reason: NHRP Registration Failure(NHRP: no error)",
      "The spoke's registrations with this next hop server get no reply.",
      {"nhrp-registration-failed", 70}),
    I("DMVPN-5-NHRP_NHS_DOWN", 5, "administratively prohibited",
      "Tunnel0: Next Hop Server : (Tunnel: 172.16.0.1 NBMA: {ip} ) for (Tunnel: 172.16.0.2 "
      "NBMA: {local}) is DOWN, Reason: administratively prohibited(NHRP: no error)",
      "The next hop server refused the registration.", {"nhrp-registration-failed", 30},
      {"nhrp-network-id-missing", 20}),
    I("DMVPN-5-NHRP_NHS_DOWN", 5, NULL,
      "Tunnel0: Next Hop Server : (Tunnel: 172.16.0.1 NBMA: {ip} ) for (Tunnel: 172.16.0.2 "
      "NBMA: {local}) is DOWN, Reason: External(NHRP: no error)",
      "The next hop server went down (the reason says why).", NONE),
    I("DMVPN-5-NHRP_NHC_DOWN", 5, "administratively prohibited",
      "Tunnel0: Next Hop Client : (Tunnel: 172.16.0.2 NBMA: {ip} ) for (Tunnel: 172.16.0.1 "
      "NBMA: {local}) is DOWN, Reason: administratively prohibited(NHRP: no error)",
      "The hub refused this spoke's registration.", {"nhrp-network-id-missing", 30},
      {"nhrp-registration-failed", 20}),
    I("DMVPN-5-NHRP_NHC_DOWN", 5, NULL,
      "Tunnel0: Next Hop Client : (Tunnel: 172.16.0.2 NBMA: {ip} ) for (Tunnel: 172.16.0.1 "
      "NBMA: {local}) is DOWN, Reason: External(NHRP: no error)",
      "A spoke's registration on the hub went down (the reason says why).", NONE),
    I("DMVPN-5-NHRP_NHC_UP", 5, NULL,
      "Tunnel0: Next Hop Client : (Tunnel: 172.16.0.3 NBMA: {ip}) for (Tunnel: 172.16.0.1 NBMA: "
      "{local}) is UP",
      "A spoke registered with the hub.", NONE),
    I("DMVPN-5-NHRP_NHS_UP", 5, NULL,
      "Tunnel0: Next Hop Server : (Tunnel: 172.16.0.1 NBMA: {ip}) for (Tunnel: 172.16.0.2 NBMA: "
      "{local}) is UP",
      "The spoke registered with its next hop server.", NONE),
    I("DMVPN-5-NHRP_NHP_UP", 5, NULL,
      "Tunnel0: Next Hop NHP : (Tunnel: 172.16.0.1 NBMA: {ip}) for (Tunnel: 172.16.0.2 NBMA: "
      "{local}) is UP",
      "An NHRP peer came up.", NONE),
    I("DMVPN-5-NHRP_NHP_DOWN", 5, NULL,
      "Tunnel0: Next Hop Peer : (Tunnel: 172.16.0.1 NBMA: {ip}) for (Tunnel: 172.16.0.2 NBMA: "
      "{local}) is DOWN, Reason: administratively prohibited(NHRP: no error)",
      "An NHRP peer went down (the reason says why).", NONE),
    I("DMVPN-5-CRYPTO_SS", 5, NULL,
      " Tunnel0: local address : {local} remote address : {ip} socket is UP",
      "The IPsec socket of the tunnel to this NBMA address went up or down.", NONE),
    I("TUN-5-RECURDOWN", 5, NULL, "Tunnel0 temporarily disabled due to recursive routing",
      "The tunnel's destination is reached through the tunnel itself.",
      {"tunnel-recursive-routing", 90}),
    I("ADJ-5-PARENT", 5, "looped chain",
      "Midchain parent maintenance for IP midchain out of Tunnel0 - looped chain attempting to "
      "stack",
      "The tunnel's adjacency stacks on itself: its destination is routed into it.",
      {"tunnel-recursive-routing", 60}),
    I("PKI-3-KEY_CMP_MISMATCH", 3, NULL,
      "Key in the certificate and stored key does not match for Trustpoint-TP-1.",
      "The trustpoint's certificate and stored key differ; logged on some PKCS#12 imports whose "
      "certificate works (check that the trustpoint authenticates).",
      NONE),
    /* Context that VPN logs carry around the crypto messages: known, no
     * diagnosis of their own. */
    I("LINEPROTO-5-UPDOWN", 5, NULL, "Line protocol on Interface Tunnel0, changed state to down",
      "An interface's line protocol changed state.", NONE),
    I("LINK-5-CHANGED", 5, NULL, "Interface Tunnel0, changed state to administratively down",
      "An interface was shut or brought up.", NONE),
    I("LINK-3-UPDOWN", 3, NULL, "Interface Tunnel0, changed state to up",
      "An interface changed state.", NONE),
    I("LINK-5-UPDOWN", 5, NULL, "Interface Tunnel0, changed state to up",
      "An interface changed state.", NONE),
    I("SYS-5-CONFIG_I", 5, NULL, "Configured from console by console",
      "The configuration was changed.", NONE),
    I("DUAL-5-NBRCHANGE", 5, NULL,
      "EIGRP-IPv4 100: Neighbor 172.16.0.1 (Tunnel0) is down: holding time expired",
      "An EIGRP adjacency changed (over a tunnel: the tunnel's traffic stopped or resumed).", NONE),
    I("OSPF-5-ADJCHG", 5, NULL,
      "Process 1, Nbr 10.0.0.2 on Tunnel0 from FULL to DOWN, Neighbor Down: Dead timer expired",
      "An OSPF adjacency changed (over a tunnel: the tunnel's traffic stopped or resumed).", NONE),
    I("BGP-5-ADJCHANGE", 5, NULL, "neighbor 10.0.0.2 Down BGP Notification sent",
      "A BGP session changed state.", NONE),
    /* ---- debug crypto isakmp / ipsec (IOS and ASA) ---- */
    DBG("ios-no-psk", "No pre-shared key with", "ISAKMP:(0): No pre-shared key with {ip}!",
        "This router has no key for the peer, so it cannot start main mode.", {"psk-mismatch", 60}),
    DBG("ios-no-mm", "Can not start Main mode", "ISAKMP:(0): Can not start Main mode",
        "Main mode could not start (usually no key for the peer).", {"psk-mismatch", 30}),
    DBG("ios-p1-not-acceptable", "phase 1 SA policy not acceptable",
        "ISAKMP:(0):phase 1 SA policy not acceptable! (local {local} remote {ip})",
        "None of the peer's phase-1 proposals matched a local policy.",
        {"isakmp-policy-mismatch", 70}),
    DBG("ios-atts-not-acceptable", "atts are not acceptable",
        "ISAKMP:(0):atts are not acceptable. Next payload is 3",
        "One phase-1 proposal did not match the policy being tried.",
        {"isakmp-policy-mismatch", 20}),
    DBG("ios-encr-offered", "algorithm offered does not match policy",
        "ISAKMP:(0):Encryption algorithm offered does not match policy!",
        "The proposal's algorithm differs from this policy's.", {"isakmp-policy-mismatch", 25}),
    DBG("ios-dh-offered", "group offered does not match policy",
        "ISAKMP:(0):Diffie-Hellman group offered does not match policy!",
        "The proposal's DH group differs from this policy's.", {"isakmp-policy-mismatch", 25}),
    DBG("ios-auth-offered", "authentication offered does not match policy",
        "ISAKMP:(0):Preshared authentication offered does not match policy!",
        "The proposal's authentication method differs from this policy's.",
        {"isakmp-policy-mismatch", 25}),
    DBG("ios-proxy-unsupported", "proxy identities not supported",
        "IPSEC(validate_transform_proposal): proxy identities not supported",
        "The peer proposed proxies that match no local crypto ACL.",
        {"crypto-acl-not-mirrored", 70}),
    DBG("ios-ipsec-invalid-256", "invalidated proposal with error 256",
        "ISAKMP:(1001): IPSec policy invalidated proposal with error 256",
        "No transform set matched the peer's phase-2 proposal.", {"transform-set-mismatch", 60}),
    DBG("ios-ipsec-invalid-32", "invalidated proposal with error 32",
        "ISAKMP:(1001): IPSec policy invalidated proposal with error 32",
        "The peer's phase-2 proxies match no crypto map entry.", {"crypto-acl-not-mirrored", 60}),
    DBG("ios-ipsec-invalid", "invalidated proposal",
        "ISAKMP:(1001): IPSec policy invalidated proposal with error 64",
        "The local IPsec policy refused the phase-2 proposal.", {"transform-set-mismatch", 30},
        {"pfs-mismatch", 20}),
    DBG("ios-retrans-no-state", "retransmitting phase 1 MM_NO_STATE",
        "ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...",
        "Main mode message 1 is not answered: ISAKMP off at the peer, UDP 500 blocked, or the "
        "peer refuses the policy.",
        {"isakmp-not-enabled", 40}, {"isakmp-policy-mismatch", 20}),
    DBG("ios-retrans-key-exch", "retransmitting phase 1 MM_KEY_EXCH",
        "ISAKMP:(1001): retransmitting phase 1 MM_KEY_EXCH...",
        "Main mode stalls at the authenticated exchange: the keys differ.", {"psk-mismatch", 50}),
    DBG("ios-hash-not-auth", "HASH not authenticated",
        "ISAKMP:(1001): received notify HASH not authenticated from {ip}",
        "The peer could not verify our hash: the keys differ.", {"psk-mismatch", 60}),
    DBG("ios-xauth", "Xauth",
        "ISAKMP:(1001):Old State = IKE_P1_COMPLETE  New State = "
        "IKE_XAUTH_REQ_SENT (Xauth)",
        "The router asks the peer for XAUTH credentials.", {"l2l-prompted-for-xauth", 20}),
    DBG("ios-retrans-sa-setup", "retransmitting phase 1 MM_SA_SETUP",
        "ISAKMP:(0): retransmitting phase 1 MM_SA_SETUP...",
        "Main mode message 3 is not answered: the peer has no key (ASA: no tunnel-group) for "
        "this address.",
        {"tunnel-group-name-not-peer-ip", 40}, {"psk-mismatch", 40}),
    DBG("ios-retrans-ag-init", "retransmitting phase 1 AG_INIT_EXCH",
        "ISAKMP:(0): retransmitting phase 1 AG_INIT_EXCH...",
        "Aggressive mode message 1 is not answered: aggressive mode refused at the peer, "
        "ISAKMP off there, or UDP 500 blocked.",
        {"ag-init-exch", 60}, {"isakmp-not-enabled", 20}),
    DBG("ios-notify-invalid-id", "NOTIFY INVALID_ID_INFO",
        "ISAKMP:(1001): processing NOTIFY INVALID_ID_INFO protocol 1",
        "The peer refused our phase-2 proxy identities: the crypto ACLs are not mirror images.",
        {"crypto-acl-not-mirrored", 50}),
    /* ---- CLI responses ---- */
    CLI("cli-bind", "IkeReceiverInit, unable to bind to port",
        "ERROR: IkeReceiverInit, unable to bind to port",
        "ISAKMP could not bind UDP 500: a PAT translation holds the port.",
        {"isakmp-port-in-use", 90}),
    CLI("cli-socket-in-use", "in used", "UDP: ERROR - socket <unknown> {n} in used",
        "A UDP socket is taken (a PAT translation holds the ISAKMP port).",
        {"isakmp-port-in-use", 70}),
    CLI("cli-cmap-incomplete", "crypto map entry incomplete",
        "WARNING: crypto map entry incomplete",
        "The entry lacks match address, transform set or peer; normal while typing it, a fault if "
        "left so.",
        {"crypto-map-incomplete", 20}),
    CLI("cli-low-memory", "system is running low on memory",
        "WARNING, system is running low on memory. Performance may start to degrade. VPN "
        "functionality may not work at all.",
        "Not enough memory for crypto: check logging queue and the platform's memory.",
        {"low-memory-crypto", 90}),
    CLI("cli-trunk", "delete crypto connection between VLAN",
        "Command rejected: delete crypto connection between VLAN {n} and VLAN {n}, first.",
        "A crypto-connected VLAN cannot be added to a trunk this way.",
        {"trunk-crypto-connect", 95}),
    CLI("cli-simlogin", "Simultaneous logins exceeded",
        "Authentication rejected: Reason = Simultaneous logins exceeded for user : user = {user}",
        "The account is logged in as often as vpn-simultaneous-logins allows.",
        {"simultaneous-logins", 85}),
    CLI("cli-max-tunnel", "maximum tunnel count has been reached",
        "tunnel rejected; the maximum tunnel count has been reached",
        "A session limit refused the tunnel (per-user logins or the box's limit).",
        {"simultaneous-logins", 40}, {"session-limit", 40}),
    CLI("cli-protection-shut", "due to IPsec tunnel protection modification",
        "%Shutting down Tunnel0 interface due to IPsec tunnel protection modification.",
        "IOS XE shut the tunnel because its protection changed: it stays down until 'no "
        "shutdown'.",
        {"tunnel-protection-shutdown", 80}),
    CLI("cli-protection-mode", "while the tunnel protection is already active",
        "%WARNING: The tunnel mode has been modified while the tunnel protection is already "
        "active. It is recommended to run \"shutdown\" and \"no shutdown\" on Tunnel0 interface "
        "to refresh the config.",
        "The tunnel's protection is not rebuilt for its new mode until the interface is reset.",
        {"tunnel-protection-shutdown", 70}),
    CLI("cli-no-shut-after", "after config change to bring up the interface",
        "%Please run \"no shutdown\" after config change to bring up the interface.",
        "The tunnel interface stays down until 'no shutdown'.", {"tunnel-protection-shutdown", 40}),
    CLI("cli-ping-source", "Packet sent with a source address of",
        "Packet sent with a source address of {local}",
        "The ping's source address: traffic is encrypted only from addresses the crypto ACL names.",
        NONE),
    CLI("cli-ping-sending", "-byte ICMP Echos to",
        "Sending 5, 100-byte ICMP Echos to {ip}, timeout is 2 seconds:", "A ping starts.", NONE),
    CLI("cli-escape", "Type escape sequence to abort", "Type escape sequence to abort.",
        "A ping or traceroute starts.", NONE),
    CLI("cli-ping-fail", "Success rate is 0 percent", "Success rate is 0 percent (0/5)",
        "The ping got no answer; a ping sourced from the outside interface is not interesting "
        "traffic and is never encrypted.",
        {"ping-source-not-interesting", 20}),
};
const size_t messages_ios_count = sizeof(messages_ios) / sizeof(messages_ios[0]);
