/*
 * ASA (and PIX / FTD) syslog messages of the VPN area. Keys are the six-digit
 * message IDs; severities and the fixed parts of the texts follow Cisco's
 * "ASA Series Syslog Messages" guide (chapters 1xxxxx-7xxxxx), as collected
 * in ../shared/spec/messages-research.md. Templates are the text after
 * "%ASA-N-ID: ". Entries sharing an ID (the 7139xx containers) are tried in
 * order: patterns first, the catch-all (pattern NULL) last.
 */
#include "messages.h"

#define A(k, sev, pat, tmpl, mean, ...)                                                            \
        {                                                                                          \
                MSG_ASA_SYSLOG, k, sev, pat, tmpl, mean,                                           \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define NONE                                                                                       \
        {                                                                                          \
                NULL, 0                                                                            \
        }
#define G "Group = {group}, IP = {ip}, "

const struct message messages_asa[] = {
    /* ---- 402xxx: IPsec data path ---- */
    A("402114", 4, NULL,
      "IPSEC: Received an ESP packet (SPI= {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local} with an invalid SPI.",
      "ESP arrived for an SPI this box no longer has: the SAs are out of sync (one side cleared "
      "or rebooted, or lifetimes skewed).",
      {"sa-no-sa", 40}),
    A("402115", 4, NULL,
      "IPSEC: Received a packet from {ip} to {local} containing UDP data instead of ESP data",
      "The peer sends UDP-encapsulated ESP where plain ESP was negotiated: NAT-T settings differ.",
      {"nat-t-disabled", 30}),
    A("402116", 4, NULL,
      "IPSEC: Received an ESP packet (SPI= {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local}.  The decapsulated inner packet doesn't match the negotiated policy in the SA.  "
      "The packet specifies its destination as {local}, its source as {remote}, and its protocol "
      "as icmp.  The SA specifies its local proxy as {local}/255.255.255.255/ip/0 and its "
      "remote_proxy as {remote}/255.255.255.0/ip/0.",
      "The peer encrypted traffic outside the proxies negotiated for this SA: the crypto ACLs of "
      "the two ends are not mirror images.",
      {"crypto-acl-not-mirrored", 70}),
    A("402117", 4, NULL, "IPSEC: Received a non-IPSec (ICMP) packet from {ip} to {local}.",
      "Cleartext traffic matched the crypto ACL and should have come encrypted: the peer does not "
      "encrypt it (ACL not mirrored, or translated before encryption).",
      {"crypto-acl-not-mirrored", 30}, {"nat-exemption-missing", 30}),
    A("402118", 4, NULL,
      "IPSEC: Received an ESP packet (SPI= {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local} containing an illegal IP fragment of length {n} with offset {n}.",
      "A decrypted fragment has an offset too small to be legal; usually a broken peer or path.",
      {"mss-too-large", 10}),
    A("402119", 4, NULL,
      "IPSEC: Received an ESP packet (SPI= {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local} that failed anti-replay checking.",
      "ESP packets arrive too far out of order for the replay window (QoS or parallel paths "
      "reorder them).",
      {"anti-replay-drops", 80}),
    A("402120", 4, NULL,
      "IPSEC: Received an ESP packet (SPI= {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local} that failed authentication.",
      "An ESP packet's integrity check failed: corrupted in transit or by crypto hardware.",
      {"esp-hmac-error", 60}),
    A("402121", 4, NULL,
      "IPSEC: Received an ESP packet (SPI= {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local} that was dropped by IPsec ({reason}).",
      "The IPsec subsystem dropped an inbound packet for the reason shown.", NONE),
    A("402122", 4, NULL,
      "IPSEC: Received a cleartext packet from {local} to {ip} that was to be encapsulated in "
      "IPsec that was dropped by IPsec ({reason}).",
      "Outbound traffic for the tunnel was dropped before encryption.", NONE),
    A("402123", 4, NULL,
      "CRYPTO: The ASA hardware accelerator encountered an error (code= {n}) while executing the "
      "command {cmd} ({n}).",
      "The crypto accelerator reported an error and was reset.", {"esp-hmac-error", 20}),
    A("402124", 4, NULL,
      "CRYPTO: The ASA hardware accelerator encountered an error (HWErrAddr= {n}, Core= {n}, "
      "HwErrCode= {n}, IstatReg= {n}, PciErrReg= {n}, CoreErrStat= {n}, CoreErrAddr= {n}, Doorbell "
      "Size[0]= {n}, DoorBell Outstanding[0]= {n}, Doorbell Size[1]= {n}, DoorBell Outstanding[1]= "
      "{n}, SWReset= {n})",
      "The crypto accelerator failed; the chip is reset. Collect the details for TAC.",
      {"esp-hmac-error", 20}),
    A("402125", 4, NULL, "CRYPTO: The ASA hardware accelerator {ring} ring timed out ({n}).",
      "A crypto accelerator ring timed out; the chip is reset.", {"esp-hmac-error", 10}),
    A("402128", 5, NULL,
      "CRYPTO: An attempt to allocate a large memory block failed, size: {n}, limit: {n}",
      "Crypto could not get memory: the box is short of it (or under attack).",
      {"low-memory-crypto", 40}),
    A("402130", 6, NULL,
      "CRYPTO: Received an ESP packet (SPI = {spi}, sequence number= {n}) from {ip} (user= {user}) "
      "to {local} with incorrect IPsec padding.",
      "A decrypted packet has bad ESP padding: with no ESP hash nothing rejects corrupted packets "
      "before decryption.",
      {"esp-no-hash", 60}),
    A("402149", 3, NULL,
      "CRYPTO: Weak {alg} ({n}) provided. Operation disallowed. Not FIPS 140-2 compliant",
      "A key or DH group weaker than FIPS mode allows was refused.",
      {"isakmp-policy-mismatch", 10}),
    /* ---- 702xxx ---- */
    A("702305", 3, NULL,
      "IPSEC: An inbound LAN-to-LAN SA (SPI= {spi}) between {local} and {ip} (user= {user}) is "
      "rekeying due to sequence number rollover.",
      "More than four billion packets used one SA; it is rekeyed.", NONE),
    A("702307", 7, NULL,
      "IPSEC: An inbound LAN-to-LAN SA (SPI= {spi}) between {local} and {ip} (user= {user}) is "
      "rekeying due to data rollover.",
      "The SA's volume lifetime expired and it is rekeyed: normal.", {"rekey-at-75-percent", 10}),
    /* ---- 713xxx: IKE ---- */
    A("713004", 3, NULL,
      "device scheduled for reboot or shutdown, IKE key acquire message on "
      "interface {if}, for Peer {ip} ignored",
      "The box is going down, so it refuses to start new tunnels.", NONE),
    A("713006", 5, NULL, G "Failed to obtain state for message Id {n}, Peer Address: {ip}",
      "A phase-2 message ID is unknown here: the peers are out of sync.", {"sa-no-sa", 20}),
    A("713008", 3, NULL, "Key ID in ID payload too big for pre-shared IKE tunnel",
      "The group name sent by the client is longer than 32 characters.", {"psk-mismatch", 10}),
    A("713012", 3, NULL, "Unknown protocol ({n}).  Not adding SA w/spi={spi}",
      "The peer proposed an IPsec protocol this box does not support.",
      {"transform-set-mismatch", 30}),
    A("713016", 3, NULL, "Unknown identification type, Phase 1 or 2, Type {n}",
      "The peer sent an identity type that is not known.", {"isakmp-policy-mismatch", 10}),
    A("713017", 3, NULL, "Identification type not supported, Phase 1 or 2, Type {n}",
      "The peer sent an identity type that is not supported.", {"isakmp-policy-mismatch", 10}),
    A("713022", 3, NULL, "No Group found matching {ip} for Pre-shared key peer {ip}",
      "No tunnel-group carries the peer's identity: for L2L the tunnel-group must be named after "
      "the peer's address.",
      {"tunnel-group-name-not-peer-ip", 70}, {"psk-mismatch", 20}),
    A("713032", 3, NULL, G "Received invalid local Proxy Range {local} - {remote}",
      "The peer's local proxy range is inverted.", {"crypto-acl-not-mirrored", 30}),
    A("713033", 3, NULL, G "Received invalid remote Proxy Range {local} - {remote}",
      "The peer's remote proxy range is inverted.", {"crypto-acl-not-mirrored", 30}),
    A("713041", 5, "Rekeying",
      "IP = {ip}, IKE Initiator: Rekeying Phase 2, Intf {if}, IKE Peer {ip}  local Proxy Address "
      "{local}, remote Proxy Address {remote},  Crypto map ({map})",
      "This box starts a rekey (an ASA initiator rekeys at about 75 % of the lifetime).",
      {"rekey-at-75-percent", 30}),
    A("713041", 5, NULL,
      "IP = {ip}, IKE Initiator: New Phase 1, Intf {if}, IKE Peer {ip}  local Proxy Address "
      "{local}, remote Proxy Address {remote},  Crypto map ({map})",
      "Interesting traffic made this box start a negotiation with the peer.", NONE),
    A("713042", 3, NULL,
      "IKE Initiator unable to find policy: Intf {if}, Src: {local}, Dst: {remote}",
      "Traffic triggered IKE but no crypto map entry matches it: crypto ACLs, or a static peer "
      "falling onto a dynamic entry.",
      {"crypto-acl-not-mirrored", 40}, {"dynamic-map-seq-order", 30}),
    A("713043", 3, NULL, "Cookie/peer address {ip} session already in progress",
      "IKE was triggered again while a negotiation with the peer is running.", NONE),
    A("713048", 3, NULL, "IP = {ip}, Error processing payload: Payload ID: {n}",
      "A payload of the peer's message could not be processed (payload 1 is the SA proposal).",
      {"isakmp-policy-mismatch", 30}),
    A("713049", 5, "Responder",
      G "Security negotiation complete for LAN-to-LAN Group ({group})  Responder, Inbound SPI = "
        "{spi}, Outbound SPI = {spi}",
      "Phase 2 completed (this box answered): the tunnel is up.", NONE),
    A("713049", 5, NULL,
      G "Security negotiation complete for LAN-to-LAN Group ({group})  Initiator, Inbound SPI = "
        "{spi}, Outbound SPI = {spi}",
      "Phase 2 completed: the tunnel is up.", NONE),
    A("713050", 5, "Idle Timeout",
      G "Connection terminated for peer {ip}.  Reason: IPSec SA Idle Timeout  Remote Proxy "
        "{remote}, Local Proxy {local}",
      "The SA was torn down because no traffic used it for the idle timeout.",
      {"sa-idle-timeout", 50}),
    A("713050", 5, "Max Time Exceeded",
      G "Connection terminated for peer {ip}.  Reason: IPSec SA Max Time Exceeded  Remote Proxy "
        "{remote}, Local Proxy {local}",
      "The session hit its maximum connect time (vpn-session-timeout).", {"sa-idle-timeout", 40}),
    A("713050", 5, NULL,
      G "Connection terminated for peer {ip}.  Reason: Peer Terminate  Remote Proxy {remote}, "
        "Local Proxy {local}",
      "The tunnel to the peer was terminated for the reason shown.", NONE),
    A("713056", 3, NULL, "Tunnel rejected: SA ({name}) not found for group ({group})!",
      "The IPsec SA named for the group was not found.", {"tunnel-protocol-conflict", 10}),
    A("713060", 3, NULL,
      G "Tunnel Rejected: User ({user}) not member of group ({group}), "
        "group-lock check failed.",
      "The user is locked to another group.", NONE),
    /* A route-based peer (AWS, Azure: a VTI with 0.0.0.0/0 selectors)
     * proposes any/any, which a policy-based crypto map never matches. AWS's
     * ASA guide (aws-site-to-site-vpn-user-guide, Cisco_ASA_Troubleshooting)
     * says the standby tunnel of an active/standby ASA logs this and that it
     * can be ignored: no diagnosis of its own, the meaning says when it
     * matters. */
    A("713061", 3, "remote proxy 0.0.0.0/0.0.0.0/0/0 local proxy 0.0.0.0/0.0.0.0/0/0",
      G "Rejecting IPSec tunnel: no matching crypto map entry for remote proxy "
        "0.0.0.0/0.0.0.0/0/0 local proxy 0.0.0.0/0.0.0.0/0/0 on interface {if}",
      "A route-based peer offered any/any selectors, which no crypto map entry matches: "
      "harmless on the standby tunnel of an active/standby pair (AWS); if no tunnel to the peer "
      "comes up, the peer needs policy-based selectors or this end a VTI.",
      NONE),
    /* The 8.x/9.x wording; the guide's older one follows. */
    A("713061", 3, "no matching crypto map entry",
      G "Rejecting IPSec tunnel: no matching crypto map entry for remote proxy "
        "{remote}/{remote_mask}/0/0 local proxy {local}/{local_mask}/0/0 on interface {if}",
      "The peer's proxies match no local crypto ACL: the ACLs are not mirror images.",
      {"crypto-acl-not-mirrored", 70}),
    A("713061", 3, NULL,
      G "Tunnel rejected: Crypto Map Policy not found for Src:{remote}, Dst: {local}!",
      "The peer's proxies match no local crypto ACL: the ACLs are not mirror images.",
      {"crypto-acl-not-mirrored", 70}),
    A("713062", 3, NULL, "IKE Peer address same as our interface address {ip}",
      "The configured peer is this box's own address.", {"ike-peer-not-configured", 30}),
    A("713063", 3, NULL, "IKE Peer address not configured for destination {ip}",
      "A static crypto map entry has no peer (destination 0.0.0.0 means no `set peer`).",
      {"ike-peer-not-configured", 90}),
    A("713068", 5, "No proposal chosen",
      G "Received non-routine Notify message: No proposal chosen (14)",
      "The peer refused our phase-2 proposal: transform sets (or PFS) differ.",
      {"transform-set-mismatch", 50}, {"pfs-mismatch", 30}),
    A("713068", 5, NULL, G "Received non-routine Notify message: Invalid ID info (18)",
      "The peer refused something in phase 2 with a notify; most often its proxies differ.",
      {"crypto-acl-not-mirrored", 40}, {"transform-set-mismatch", 20}),
    A("713073", 5, NULL,
      G "Responder forcing change of Phase 1 rekeying duration from {n} to {n} "
        "seconds",
      "The phase-1 lifetimes differ; the responder imposes the lower one.",
      {"isakmp-lifetime-mismatch", 40}),
    A("713074", 5, NULL,
      G "Responder forcing change of IPSec rekeying duration from {n} to {n} "
        "seconds",
      "The IPsec lifetimes differ; the responder imposes the lower one.", NONE),
    A("713075", 5, NULL, G "Overriding Initiator's IPSec rekeying duration from {n} to {n} seconds",
      "The IPsec lifetimes differ; this box imposes its lower one.", NONE),
    A("713076", 5, NULL, G "Overriding Initiator's IPSec rekeying duration from {n} to {n} Kbs",
      "The IPsec volume lifetimes differ; this box imposes its lower one.", NONE),
    A("713082", 3, NULL, "Failed to retrieve identity certificate",
      "No identity certificate is available for this tunnel.", NONE),
    A("713083", 3, NULL, "Invalid certificate handle", "The identity certificate is missing.",
      NONE),
    A("713084", 3, NULL, "Received invalid phase 1 port value ({n}) in ID payload",
      "The peer's phase-1 ID payload carries a port other than 0 or 500.", NONE),
    A("713085", 3, NULL, "Received invalid phase 1 protocol ({n}) in ID payload",
      "The peer's phase-1 ID payload carries a protocol other than 0 or 17.", NONE),
    A("713086", 3, NULL,
      "Received unexpected Certificate payload Possible invalid Auth Method "
      "({n}) configured",
      "The peer sent a certificate where a pre-shared key was expected: authentication methods "
      "differ.",
      {"isakmp-policy-mismatch", 40}),
    A("713092", 5, NULL, G "Failure during phase 1 rekeying attempt due to collision",
      "Both ends rekeyed phase 1 at once; frequent when the lifetimes differ.",
      {"isakmp-lifetime-mismatch", 60}),
    A("713098", 3, NULL, "Aborting: No identity cert specified in IPSec SA ({name})!",
      "Certificate authentication is configured without a trustpoint.", NONE),
    A("713109", 3, NULL, "Unable to process the received peer certificate",
      "The peer's certificate is malformed or too large.", NONE),
    A("713112", 3, NULL, "Failed to process CONNECTED notify (SPI {spi})!",
      "Commit-bit processing failed.", NONE),
    A("713117", 7, NULL, "Received Invalid SPI notify (SPI {spi})!",
      "The peer says it has no SA for this SPI: it cleared or rebooted.", {"sa-no-sa", 50}),
    A("713118", 3, NULL, "Detected invalid Diffie-Helmann {n} group descriptor {n}, in IKE area",
      "The peer proposed a DH group this box does not support.", {"isakmp-policy-mismatch", 50}),
    A("713119", 5, NULL, G "PHASE 1 COMPLETED", "Phase 1 completed with the peer.", NONE),
    A("713120", 5, NULL, G "PHASE 2 COMPLETED (msgid={n})", "Phase 2 completed with the peer.",
      NONE),
    A("713122", 3, NULL,
      "IP = {ip}, Keep-alives configured on but peer does not support "
      "keep-alives (type = {n})",
      "Keepalives/DPD are on here but the peer does not do them: dead peers are not detected.",
      {"isakmp-keepalive", 50}),
    A("713123", 3, NULL,
      "IP = {ip}, IKE lost contact with remote peer, deleting connection "
      "(keepalive type: DPD)",
      "DPD got no answer from the peer and the tunnel was deleted: the peer or the path is down.",
      {"isakmp-keepalive", 40}),
    A("713124", 6, NULL,
      "Received DPD sequence number {n} in DPD Action, description expected "
      "seq # {n}",
      "DPD packets were lost.", {"isakmp-keepalive", 10}),
    A("713127", 3, NULL,
      "Xauth required but selected Proposal does not support xauth, Check "
      "priorities of ike xauth proposals in ike proposal list",
      "XAUTH is required but the chosen proposal has none: a hardware client cannot answer it.",
      {"ezvpn-xauth", 40}),
    A("713132", 3, NULL, "Cannot obtain an IP_address for remote peer",
      "No address could be assigned to the client: pool empty or wrongly defined.",
      {"pool-network-broadcast", 20}),
    A("713133", 3, NULL,
      G "Mismatch: Overriding phase 2 DH Group(DH group {n}) with phase 1 group"
        "(DH group {n})",
      "The PFS group differs from what was negotiated.", {"pfs-mismatch", 50}),
    A("713134", 3, NULL,
      "Mismatch: P1 Authentication algorithm in the crypto map entry different "
      "from negotiated algorithm for the L2L connection",
      "Phase-1 authentication differs from the crypto map's.", {"isakmp-policy-mismatch", 30}),
    A("713136", 5, NULL, "IP = {ip}, IKE session establishment timed out [{state}], aborting!",
      "A negotiation hung and was reaped; the state shows where.", {"isakmp-not-enabled", 10}),
    A("713138", 3, NULL,
      "Group {group} not found and BASE GROUP default preshared key not "
      "configured",
      "No tunnel-group and no default key for the peer.", {"tunnel-group-name-not-peer-ip", 60},
      {"psk-mismatch", 20}),
    A("713139", 5, NULL, "{group} not found, using BASE GROUP default preshared key",
      "The peer matched no tunnel-group; the default group's key is used.",
      {"tunnel-group-name-not-peer-ip", 40}),
    A("713140", 3, NULL, "Split Tunneling Policy requires network list but none configured",
      "tunnelspecified without a network list.", NONE),
    A("713157", 4, NULL,
      "Timed out on initial contact to server [{ip}] Tunnel could not be "
      "established.",
      "The client got no answer to its first IKE message.", {"isakmp-not-enabled", 30}),
    A("713165", 3, NULL, "Client IKE Auth mode differs from the group's configured Auth mode",
      "The client uses another authentication method than the group.", {"psk-mismatch", 20}),
    A("713166", 3, NULL,
      G "Headend security gateway has failed our user authentication attempt - "
        "check configured username and password",
      "The head end rejected the XAUTH credentials.", {"xauth-radius-timeout", 20}),
    A("713167", 3, NULL,
      G "Remote peer has failed user authentication - check configured username "
        "and password",
      "The remote user failed XAUTH (bad credentials, or the AAA server did not answer).",
      {"xauth-radius-timeout", 30}, {"ezvpn-xauth", 30}),
    A("713172", 6, NULL,
      G "Automatic NAT Detection Status:     Remote end   IS   behind a NAT "
        "device     This   end is NOT behind a NAT device",
      "NAT detection result: with a NAT on the path NAT-T must be on at both ends.",
      {"nat-t-disabled", 15}),
    A("713176", 2, NULL,
      "Device_type memory resources are critical, IKE key acquire message on "
      "interface {if}, for Peer {ip} ignored",
      "Memory is critical: IKE refuses new tunnels.", {"low-memory-crypto", 70}),
    A("713187", 7, NULL,
      "Tunnel Rejected: IKE peer does not match remote peer as defined in L2L "
      "policy IKE peer address: {ip}, Remote peer address: {remote}",
      "The peer for these networks is another address in the L2L policy.",
      {"crypto-acl-not-mirrored", 20}),
    A("713191", 3, NULL, "Maximum concurrent IKE negotiations exceeded!",
      "The in-negotiation limit was hit.", {"session-limit", 20}),
    A("713193", 3, NULL, G "Received packet with missing payload, Expected payload: {n}",
      "The peer's message lacks a payload.", NONE),
    A("713194", 5, NULL, G "Sending IKE Delete With Reason message: {reason}",
      "This box deletes the SA and says why.", NONE),
    A("713195", 3, NULL, "Tunnel rejected: Originate-Only: Cannot accept incoming tunnel yet!",
      "This end is originate-only and refuses the peer's initiation.", NONE),
    A("713196", 5, NULL,
      "Remote L2L Peer {ip} initiated a tunnel with same outer and inner "
      "addresses.  Peer could be Originate Only - Possible misconfiguration!",
      "The peer may be originate-only.", NONE),
    A("713201", 5, NULL, G "Duplicate Phase 1 packet detected.  Retransmitting last packet.",
      "Retransmissions: the peer did not get our answer, or packets are lost.",
      {"psk-mismatch", 10}, {"nat-t-disabled", 10}),
    A("713206", 3, NULL,
      G "Tunnel Rejected: Conflicting protocols specified by tunnel-group and "
        "group-policy",
      "The group-policy's vpn-tunnel-protocol does not allow the protocol this tunnel uses.",
      {"tunnel-protocol-conflict", 95}),
    A("713219", 6, NULL,
      "IP = {ip}, Queuing KEY-ACQUIRE messages to be processed when P1 SA is "
      "complete.",
      "Phase 2 waits for a phase 1 that has not finished.", {"key-acquire-queued", 60}),
    A("713220", 6, NULL, "IP = {ip}, De-queuing KEY-ACQUIRE messages that were left pending.",
      "Phase 1 finished; waiting phase-2 requests proceed.", NONE),
    A("713222", 7, NULL,
      G "Static Crypto Map check, map = {map}, seq = {seq}, ACL does not match "
        "proxy IDs src:{remote} dst:{local}",
      "The peer's proxies do not match this static entry's ACL (a dynamic entry may catch them).",
      {"crypto-acl-not-mirrored", 40}),
    A("713223", 7, NULL, G "Static Crypto Map check, map = {map}, seq = {seq}, no ACL configured",
      "A crypto map entry has no match address.", {"crypto-map-incomplete", 60}),
    A("713224", 7, NULL, G "Static Crypto Map Check by-passed: Crypto map entry incomplete!",
      "A crypto map entry lacks its ACL, peer or transform set.", {"crypto-map-incomplete", 70}),
    A("713226", 3, NULL,
      G "Connection failed with peer {ip}, no trust-point defined in "
        "tunnel-group {group}",
      "Certificate authentication without a trustpoint.", NONE),
    A("713227", 3, NULL,
      G "Rejecting new IPSec SA negotiation for peer {ip}.  A negotiation was "
        "already in progress for local Proxy {local}, remote Proxy {remote}",
      "A duplicate phase-2 request was refused.", NONE),
    A("713239", 4, NULL,
      "IP = {ip}, Tunnel Rejected: The maximum tunnel count allowed has been "
      "reached",
      "The session or licence limit is reached: new tunnels are refused.", {"session-limit", 60},
      {"simultaneous-logins", 20}),
    A("713255", 4, NULL,
      "IP = {ip}, Received ISAKMP Aggressive Mode message 1 with unknown tunnel "
      "group name '{group}'",
      "The client's group name matches no tunnel-group.", {"psk-mismatch", 40}),
    A("713256", 6, NULL,
      "IP = {ip}, Sending spoofed ISAKMP Aggressive Mode message 2 due to "
      "receipt of unknown tunnel group.  Aborting connection.",
      "Unknown group: the ASA answers a decoy and aborts.", {"psk-mismatch", 30}),
    A("713257", 5, "Phase 2 failure",
      G "Phase 2 failure:  Mismatched attribute types for class {class}:  Rcv'd: {rcvd}  Cfg'd: "
        "{cfgd}",
      "A phase-2 attribute differs between the peers (the class names which).",
      {"pfs-mismatch", 40}, {"transform-set-mismatch", 40}),
    A("713257", 5, NULL,
      G "Phase 1 failure:  Mismatched attribute types for class Encryption Alg:  Rcv'd: 3DES  "
        "Cfg'd: AES-256",
      "A phase-1 attribute differs between the peers (the class names which).",
      {"isakmp-policy-mismatch", 70}),
    A("713258", 3, NULL,
      "IP = {ip}, Attempting to establish a phase2 tunnel on {if} interface but "
      "phase1 tunnel is on {if} interface. Tearing down old phase1 tunnel due to a potential "
      "routing "
      "change.",
      "The route to the peer changed interface.", NONE),
    A("713259", 5, "Idle Timeout", G "Session is being torn down. Reason: Idle Timeout",
      "The session was idle for the idle timeout.", {"sa-idle-timeout", 50}),
    A("713259", 5, "crypto map policy not found",
      G "Session is being torn down. Reason: crypto map policy not found",
      "The peer's proxies matched no crypto map entry.", {"crypto-acl-not-mirrored", 40}),
    A("713259", 5, NULL, G "Session is being torn down. Reason: User Requested",
      "The session was torn down for the reason shown.", NONE),
    A("713262", 3, NULL,
      "Rejecting new IPSec SA negotiation for peer {ip}. A negotiation was "
      "already in progress for local Proxy {local}, remote Proxy {remote}",
      "A duplicate phase-2 request was refused.", NONE),
    /* 7139xx: generic containers whose meaning is in the free text. */
    A("713900", 1, NULL, "{text}", "An IKE event (the text says which).", NONE),
    A("713901", 2, NULL, "{text}", "An IKE event (the text says which).", NONE),
    A("713902", 3, "mismatched pre-shared key",
      G "ERROR, had problems decrypting packet, probably due to mismatched pre-shared key.  "
        "Aborting",
      "Main mode message 5/6 could not be decrypted: the pre-shared keys differ (or the peer "
      "fell to DefaultL2LGroup).",
      {"psk-mismatch", 80}),
    A("713902", 3, "Removing peer from peer table failed",
      "IP = {ip}, Removing peer from peer table failed, no match!",
      "A failed phase 1 left no peer entry to remove; follows a refused proposal.",
      {"isakmp-policy-mismatch", 30}, {"nat-exemption-missing", 10}),
    A("713902", 3, "Removing peer from correlator table failed",
      G "Removing peer from correlator table failed, no match!",
      "Phase-2 bookkeeping is out of sync with the peer.", {"stale-peer-table", 40},
      {"dynamic-map-seq-order", 20}),
    A("713902", 3, "QM FSM error", G "QM FSM error (P2 struct &0x49ba5a0, mess id 0xcd600011)!",
      "Quick mode failed: often a static peer hitting a dynamic entry, or ACLs that differ.",
      {"dynamic-map-seq-order", 40}, {"crypto-acl-not-mirrored", 30}),
    A("713902", 3, "All IPSec SA proposals found unacceptable",
      G "All IPSec SA proposals found unacceptable!",
      "No transform set of the peer matches one of ours (or PFS differs).",
      {"transform-set-mismatch", 70}, {"pfs-mismatch", 20}),
    A("713902", 3, "No SPI to identify Phase 2 SA",
      G "construct_ipsec_delete(): No SPI to identify Phase 2 SA!",
      "A phase-2 delete found no SA: stale entries from an earlier config.",
      {"stale-peer-table", 50}),
    A("713902", 3, NULL, "{text}", "An IKE error (the text says which).", NONE),
    A("713903", 4, "Stale PeerTblEntry", G "Stale PeerTblEntry found, Removing!",
      "A stale peer entry was removed (seen after a config migration).", {"stale-peer-table", 60}),
    A("713903", 4, "Information Exchange processing failed",
      "IP = {ip}, Information Exchange processing failed",
      "An informational exchange (usually the peer's refusal) could not be processed.",
      {"isakmp-policy-mismatch", 20}),
    A("713903", 4, "Unable to remove PeerTblEntry",
      "IP = {ip}, Error: Unable to remove PeerTblEntry",
      "A failed negotiation left nothing to clean up.", {"isakmp-policy-mismatch", 20}),
    A("713903", 4, NULL, "{text}", "An IKE warning (the text says which).", NONE),
    A("713904", 5, "Transaction Mode v2",
      "Group = {group}, IP = {ip}, Unsupported Transaction Mode v2 version.  Tunnel terminated.",
      "The client speaks Mode Config v2; the ASA supports only v6.", {"transaction-mode-v2", 95}),
    A("713904", 5, "NO_PROPOSAL_CHOSEN",
      "IP = {ip}, Received an un-encrypted NO_PROPOSAL_CHOSEN notify message, drop",
      "The peer refused every proposal: the ISAKMP policies (or transform sets) do not match.",
      {"isakmp-policy-mismatch", 50}, {"transform-set-mismatch", 20}),
    A("713904", 5, "INVALID_COOKIE",
      "IP = {ip}, Received an un-encrypted INVALID_COOKIE notify message, dropping",
      "The peer has no SA for our cookies (it restarted, or wrong peer address or key).",
      {"sa-no-sa", 30}, {"psk-mismatch", 20}),
    A("713904", 5, NULL, "{text}", "An IKE notice (the text says which).", NONE),
    A("713905", 6, "simultaneous-login",
      G "Login authentication failed due to max simultaneous-login restriction.",
      "The account is already logged in as many times as vpn-simultaneous-logins allows.",
      {"simultaneous-logins", 85}),
    A("713905", 6, "rekey timer", G "Starting P2 rekey timer: 3060 seconds.",
      "The rekey timer started (the initiator rekeys before the lifetime ends).",
      {"rekey-at-75-percent", 15}),
    A("713905", 6, NULL, "{text}", "IKE information (the text says which).", NONE),
    A("713906", 7, "All SA proposals found unacceptable", G "All SA proposals found unacceptable",
      "None of the peer's phase-1 proposals matches an ISAKMP policy here.",
      {"isakmp-policy-mismatch", 70}),
    A("713906", 7, NULL, "{text}", "IKE debug information (the text says which).", NONE),
    /* ---- 75xxxx: IKEv2 and the tunnel manager ---- */
    A("750003", 4, "no IPSEC policy found for received TS",
      "Local:{local}:500 Remote:{ip}:500 Username:{user} IKEv2 Negotiation aborted due to ERROR: "
      "There was no IPSEC policy found for received TS",
      "The peer's traffic selectors match no crypto map entry: the ACLs are not mirrored.",
      {"crypto-acl-not-mirrored", 70}),
    A("750003", 4, "AUTH msg",
      "Local:{local}:500 Remote:{ip}:500 Username:{user} IKEv2 Negotiation aborted due to ERROR: "
      "Failed to receive the AUTH msg before the timer expired",
      "The peer never sent IKE_AUTH: it did not accept our proposal or key.", {"psk-mismatch", 30},
      {"isakmp-policy-mismatch", 20}),
    A("750003", 4, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} IKEv2 Negotiation aborted due to ERROR: "
      "{reason}",
      "An IKEv2 negotiation was aborted; the reason follows.", NONE),
    A("750006", 5, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} IKEv2 SA UP. Reason: New Connection "
      "Established",
      "The IKEv2 SA with the peer came up.", NONE),
    A("750011", 3, NULL,
      "Tunnel Rejected: Selected IKEv2 encryption algorithm ({alg}) is not "
      "strong enough to secure proposed IPSEC encryption algorithm ({alg}).",
      "The IKEv2 SA is weaker than the child SA it protects.", {"transform-set-mismatch", 30}),
    A("751001", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} Failed to complete "
      "Diffie-Hellman operation. Error: {reason}",
      "The DH computation failed.", {"isakmp-policy-mismatch", 20}),
    A("751002", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} No preshared key or "
      "trustpoint configured for self in tunnel group {group}",
      "The tunnel-group has no local key or trustpoint.", {"psk-mismatch", 50}),
    A("751004", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} No remote "
      "authentication method configured for peer in tunnel group {group}",
      "The tunnel-group has no remote authentication.", {"psk-mismatch", 40}),
    A("751006", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} Certificate "
      "authentication failed. Error: {reason}",
      "Certificate authentication failed.", NONE),
    A("751008", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} Group={group} Tunnel "
      "rejected: IKEv2 not enabled in group policy",
      "The group-policy's vpn-tunnel-protocol lacks ikev2.", {"tunnel-protocol-conflict", 80}),
    A("751009", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} Unable to find tunnel "
      "group for peer.",
      "No tunnel-group matches the IKEv2 peer.", {"tunnel-group-name-not-peer-ip", 60}),
    A("751010", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} Unable to determine "
      "self-authentication method. No crypto map setting or tunnel group found.",
      "Neither a crypto map nor a tunnel-group says how to authenticate.",
      {"tunnel-group-name-not-peer-ip", 40}),
    A("751022", 3, NULL,
      "Local:{local}:500 Remote:{ip}:500 Username:{user} Tunnel rejected: "
      "Crypto Map Policy not found for remote traffic selector {remote_ts}/0-65535/0 local traffic "
      "selector {local_ts}/0-65535/0!",
      "The IKEv2 selectors match no crypto ACL: the ACLs are not mirrored.",
      {"crypto-acl-not-mirrored", 70}),
    A("752006", 3, NULL,
      "Tunnel Manager failed to dispatch a KEY_ACQUIRE message. Probable "
      "mis-configuration of the crypto map or tunnel-group. Map Tag = {map}.  Map Sequence Number "
      "= "
      "{seq}.",
      "The tunnel manager could not start a negotiation: crypto map or tunnel-group wrong.",
      {"key-acquire-failed", 70}, {"crypto-acl-duplicate", 20}, {"transform-set-mismatch", 10}),
    A("752007", 3, NULL,
      "Tunnel Manager failed to dispatch a KEY_ACQUIRE message. Entry already in "
      "Tunnel Manager. Map Tag = {map}.  Map Sequence Number = {seq}.",
      "A negotiation for this entry is already queued.", {"key-acquire-failed", 20}),
    A("752015", 3, NULL,
      "Tunnel Manager has failed to establish an L2L SA.  All configured IKE "
      "versions failed to establish the tunnel. Map Tag= {map}.  Map Sequence Number = {seq}.",
      "Neither IKEv1 nor IKEv2 brought the tunnel up.", {"key-acquire-failed", 40}),
    /* ---- NAT, IDS, licences, SVC, failover, AAA, threat detection ---- */
    A("305005", 3, NULL,
      "No translation group found for udp src outside:{ip}/500 dst "
      "inside:{local}/500",
      "A packet matched no NAT rule: NAT exemption for the VPN traffic is missing or wrong.",
      {"nat-exemption-missing", 50}),
    A("305006", 3, NULL,
      "regular translation creation failed for protocol 50 src inside:{local} "
      "dst outside:{ip}",
      "ESP could not be translated: a client behind this box needs NAT-T.", {"nat-t-disabled", 60}),
    A("305013", 5, NULL,
      "Asymmetric NAT rules matched for forward and reverse flows; Connection "
      "for icmp src outside:{ip} dst inside:{local} (type 8, code 0) denied due to NAT reverse "
      "path failure.",
      "The host was reached by its real address where its mapped address applies.",
      {"asymmetric-nat", 90}),
    A("400024", 4, NULL, "IDS:2151 Large ICMP packet from {ip} to {local} on interface outside",
      "IDS signature 2151 dropped a large ICMP packet (large pings over the tunnel).",
      {"ids-large-icmp", 90}),
    A("407001", 4, NULL,
      "Deny traffic for local-host inside:{local}, license limit of {n} exceeded",
      "More inside hosts than the licence allows.", {"license-host-limit", 95}),
    A("722035", 3, NULL,
      "Group <{group}> User <{user}> IP <{ip}> Received large packet {n} "
      "(threshold {n}).",
      "The SVC client sent a packet larger than the tunnel MTU.", {"large-packet-svc", 60}),
    A("722036", 6, NULL,
      "Group <{group}> User <{user}> IP <{ip}> Transmitting large packet {n} "
      "(threshold {n}).",
      "A packet for the SVC client is larger than its MTU (sender unaware, or compression).",
      {"large-packet-svc", 80}),
    A("720012", 5, "VPN-Secondary",
      "(VPN-Secondary) Failed to update IPSec failover runtime data "
      "on the standby unit.",
      "The standby could not update an SA it had already deleted: harmless.",
      {"failover-ipsec-sync", 90}),
    A("720012", 6, NULL,
      "(VPN-unit) Failed to update IPsec failover runtime data on the standby "
      "unit.",
      "The standby could not update an SA it had already deleted: harmless.",
      {"failover-ipsec-sync", 90}),
    A("113015", 6, "AAA failure",
      "AAA user authentication Rejected : reason = AAA failure : "
      "server = {ip} : user = {user}",
      "The AAA server did not answer in time (or failed) for the user's XAUTH.",
      {"xauth-radius-timeout", 50}),
    A("113015", 6, NULL,
      "AAA user authentication Rejected : reason = Invalid password : "
      "server = {ip} : user = {user}",
      "The user's credentials were refused.", NONE),
    A("113022", 2, NULL, "AAA Marking RADIUS server {ip} in aaa-server group {group} as FAILED",
      "The RADIUS server stopped answering: XAUTH through it times out.",
      {"xauth-radius-timeout", 70}),
    A("419001", 4, NULL,
      "Dropping TCP packet from outside:{ip}/{port} to inside:{local}/{port}, "
      "reason: MSS exceeded, MSS 1380, data {n}",
      "A TCP segment exceeded the negotiated MSS.", {"mss-too-large", 50}),
    A("733102", 4, NULL, "Threat-detection adds host {ip} to shun list",
      "Threat detection shunned a host; a VPN peer retransmitting may look like a scan.",
      {"xauth-threat-detection", 60}),
    A("401004", 4, NULL, "Shunned packet: {ip} ==> {local} on interface outside",
      "A packet from a shunned host was dropped.", {"xauth-threat-detection", 30}),
    A("106023", 4, NULL,
      "Deny udp src outside:{ip}/500 dst outside:{local}/500 by access-group "
      "\"outside_access_in\" [0x0, 0x0]",
      "An interface ACL dropped the packet (with VPN traffic: permit-vpn off or ACL).",
      {"sysopt-permit-vpn-off", 15}),
};
const size_t messages_asa_count = sizeof(messages_asa) / sizeof(messages_asa[0]);
