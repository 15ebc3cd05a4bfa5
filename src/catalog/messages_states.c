/*
 * IKE SA states as `show crypto isakmp sa` / `debug` print them (IOS and
 * ASA; tunnelsup / thinknetsec state tables and Cisco tech notes as cited in
 * ../shared/spec/messages-research.md section 4), and the show-output
 * counters that carry a diagnosis (`show crypto ipsec sa`, `show asp drop`,
 * `show running-config all sysopt`, `show vpn-sessiondb`, `show platform
 * cerm-information`). Counter keys are what the show readers emit
 * (src/logs/show_*.c); templates are the lines that make them emit it.
 * State templates are IOS table rows (dst src state conn-id status).
 */
#include "messages.h"

#define S(k, mean, ...)                                                                            \
        {                                                                                          \
                MSG_IKE_STATE, k, -1, NULL, "{peer}  {ip}  " k "  1001 ACTIVE", mean,              \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define K(k, tmpl, mean, ...)                                                                      \
        {                                                                                          \
                MSG_COUNTER, k, -1, NULL, tmpl, mean,                                              \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define NONE                                                                                       \
        {                                                                                          \
                NULL, 0                                                                            \
        }

const struct message messages_states[] = {
    S("MM_NO_STATE", "The SA exists but nothing was negotiated: no answer, or the policy refused.",
      {"isakmp-policy-mismatch", 30}, {"isakmp-not-enabled", 20}),
    S("MM_SA_SETUP", "Phase-1 parameters agreed; the DH exchange has not happened yet.", NONE),
    S("MM_KEY_EXCH", "DH done but not authenticated: stuck here means the keys differ.",
      {"psk-mismatch", 50}),
    S("MM_KEY_AUTH", "Authenticated; about to become QM_IDLE.", NONE),
    S("MM_WAIT_MSG2",
      "Message 1 sent and never answered: ISAKMP off at the peer, UDP 500 blocked, "
      "or no acceptable policy.",
      {"isakmp-not-enabled", 40}, {"isakmp-policy-mismatch", 30}),
    S("MM_WAIT_MSG3", "Answered the peer's policy and waits for its DH values.",
      {"isakmp-policy-mismatch", 15}),
    S("MM_WAIT_MSG4", "Sent our DH values and waits: the peer has no tunnel-group or key for us.",
      {"tunnel-group-name-not-peer-ip", 60}, {"psk-mismatch", 20}),
    S("MM_WAIT_MSG5", "Responder waits for the authenticated message: keys differ (or NAT-T).",
      {"psk-mismatch", 50}, {"nat-t-disabled", 10}),
    S("MM_WAIT_MSG6",
      "Initiator sent message 5 and gets no valid message 6: the pre-shared keys "
      "differ.",
      {"psk-mismatch", 80}, {"tunnel-group-name-not-peer-ip", 15}),
    S("MM_ACTIVE", "Phase 1 is up (main mode).", NONE),
    S("AM_ACTIVE", "Phase 1 is up (aggressive mode).", NONE),
    S("AG_NO_STATE", "Aggressive mode SA created, nothing exchanged yet.", {"ag-init-exch", 20}),
    S("AG_INIT_EXCH", "Aggressive mode never completes: policy mismatch or UDP 500 blocked.",
      {"ag-init-exch", 80}, {"isakmp-policy-mismatch", 20}),
    S("AG_AUTH", "Aggressive mode authenticated.", NONE),
    S("QM_IDLE", "Phase 1 is up and idle, ready for quick mode.", NONE),
    S("CONF_XAUTH",
      "The router asks this peer for XAUTH credentials: an L2L peer on a crypto map "
      "shared with remote access.",
      {"l2l-prompted-for-xauth", 85}),
    S("CONF_ADDR", "Mode config: an address is being assigned.", NONE),
    S("READY", "The IKEv2 SA is up.", NONE),
    S("UP-ACTIVE", "The IKEv2 session is up.", NONE),
    S("IN-NEG", "The IKEv2 SA is still negotiating.", {"isakmp-policy-mismatch", 15}),
    S("DELETE", "The SA is being deleted.", NONE),
    /* ---- show crypto ipsec sa ---- */
    K("ipsec:one-way-decaps",
      "      #pkts encaps: 0, #pkts encrypt: 0, #pkts digest: 0\n"
      "      #pkts decaps: {n}, #pkts decrypt: {n}, #pkts verify: {n}",
      "Packets from the peer are decrypted but nothing is encrypted back: return traffic misses "
      "the tunnel (ACL, NAT exemption, route, sysopt).",
      {"one-way-traffic", 80}, {"nat-exemption-missing", 20}),
    K("ipsec:one-way-encaps",
      "      #pkts encaps: {n}, #pkts encrypt: {n}, #pkts digest: {n}\n"
      "      #pkts decaps: 0, #pkts decrypt: 0, #pkts verify: 0",
      "Packets are encrypted towards the peer but nothing comes back: the peer does not send "
      "(its ACL, NAT or routing).",
      {"one-way-traffic", 60}, {"crypto-acl-not-mirrored", 20}),
    K("ipsec:verify-failed", "    #pkts invalid prot (recv) 0, #pkts verify failed: {n}",
      "ESP packets failed their integrity check.", {"esp-hmac-error", 50}),
    K("ipsec:replay-failed", "    #pkts replay failed (rcv): {n}",
      "ESP packets failed the anti-replay check.", {"anti-replay-drops", 60}),
    K("ipsec:invalid-sa", "    #pkts no sa (send) 0, #pkts invalid sa (rcv) {n}",
      "ESP arrived for SAs that do not exist.", {"sa-no-sa", 40}),
    K("ipsec:no-sa", "    #pkts no sa (send) {n}, #pkts invalid sa (rcv) 0",
      "Traffic for the tunnel found no SA to send on.", {"key-acquire-queued", 20}),
    K("ipsec:invalid-identity", "    #pkts invalid identity (recv) {n}, #pkts invalid len (rcv) 0",
      "Decrypted packets did not match the SA's proxies.", {"crypto-acl-not-mirrored", 50}),
    /* IOS prints 0x0(0) while no outbound SA exists (tech note 115801):
     * weak alone (an idle tunnel shows it too); with phase 1 up,
     * correlate/rules.c weighs it as a phase-2 failure. */
    K("ipsec:outbound-spi-zero", "     current outbound spi: 0x0(0)",
      "No outbound IPsec SA to the peer: phase 2 is not up (or there was no traffic).",
      {"transform-set-mismatch", 5}, {"crypto-acl-not-mirrored", 5}, {"pfs-mismatch", 5}),
    K("ipsec:send-errors", "      #send errors: {n}, #recv errors: 0",
      "Packets for the tunnel could not be sent.", {"one-way-traffic", 10}),
    K("ipsec:recv-errors", "      #send errors: 0, #recv errors: {n}",
      "Packets from the tunnel were dropped on receipt.", {"anti-replay-drops", 15},
      {"esp-hmac-error", 15}),
    /* ---- show asp drop ---- */
    K("asp:vpn-context-expired", "  Expired VPN context (vpn-context-expired)               {n}",
      "Outbound packets hit an SA context that rekeying left behind.", {"expired-vpn-context", 85}),
    K("asp:ipsec-tun-down", "  IPSEC tunnel is down (ipsec-tun-down)                    {n}",
      "Packets were dropped because their tunnel was down.", NONE),
    K("asp:ipsec-selector-failure",
      "  IPSec inner policy mismatch failure (ipsec-selector-failure)  {n}",
      "Decrypted packets did not match the SA's selectors.", {"crypto-acl-not-mirrored", 50}),
    K("asp:vpn-overlap-conflict", "  VPN overlap conflict (vpn-overlap-conflict)              {n}",
      "Crypto rules overlap in the ASP table.", {"crypto-acl-duplicate", 50}),
    K("asp:vpn-missing-decrypt", "  VPN decryption missing (vpn-missing-decrypt)             {n}",
      "Cleartext arrived that should have been encrypted.", {"nat-exemption-missing", 20},
      {"crypto-acl-not-mirrored", 20}),
    K("asp:vpn-handle-not-found", "  VPN handle not found (vpn-handle-not-found)              {n}",
      "A packet referred to an SA context that no longer exists.", {"expired-vpn-context", 40}),
    K("asp:np-sp-invalid-spi", "  Invalid SPI (np-sp-invalid-spi)                          {n}",
      "ESP arrived with an unknown SPI.", {"sa-no-sa", 30}),
    K("asp:bad-ipsec-natt", "  Bad IPSEC NATT packet (bad-ipsec-natt)                   {n}",
      "Malformed NAT-T packets.", {"nat-t-disabled", 20}),
    K("asp:natt-keepalive", "  NAT-T keepalive message (natt-keepalive)                 {n}",
      "NAT-T keepalives consumed: normal.", NONE),
    K("asp:ctm-error", "  CTM returned error (ctm-error)                           {n}",
      "The crypto engine returned errors.", {"esp-hmac-error", 15}),
    /* ---- show running-config all sysopt ---- */
    K("sysopt:no-permit-vpn", "no sysopt connection permit-vpn",
      "Decrypted traffic is checked against the interface ACL.", {"sysopt-permit-vpn-off", 80}),
    K("sysopt:no-preserve-vpn-flows", "no sysopt connection preserve-vpn-flows",
      "Flows are not preserved across tunnel renegotiation.", {"preserve-vpn-flows", 25}),
    K("sysopt:tcpmss-off", "sysopt connection tcpmss 0",
      "The ASA does not clamp the TCP MSS of tunnelled traffic.", {"mss-too-large", 40}),
    /* ---- show vpn-sessiondb, show platform cerm-information ---- */
    K("sessiondb:load-full", "Device Load                  :     100%",
      "The box is at (or near) its VPN session capacity.", {"session-limit", 50}),
    K("cerm:securityk9-limit", "Crypto Tx Bandwidth limit:  85000 kbps",
      "Crypto throughput is capped by the securityk9 licence.", {"cerm-bandwidth-limit", 30}),
};
const size_t messages_states_count = sizeof(messages_states) / sizeof(messages_states[0]);
