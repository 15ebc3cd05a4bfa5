/*
 * The diagnosis catalog: one entry per ID of diagnoses.md, in that
 * document's order. Data only; lookups live in lookup.c.
 *
 * Command syntax per dialect follows the Cisco command references: IOS
 * Security Command Reference; PIX Firewall Command Reference 6.3; Cisco
 * Security Appliance Command Reference 7.x/8.0-8.3 (crypto isakmp,
 * pre-shared-key, nat 0); Cisco ASA Series Command Reference 8.4+ (crypto
 * ikev1, ikev1 pre-shared-key, twice NAT). Submode lines are indented by one
 * space, as the devices print them.
 */
#include "catalog.h"

static const char cat_p1[] = "IKE phase 1";
static const char cat_p2[] = "IKE phase 2";
static const char cat_map[] = "Crypto maps";
static const char cat_nat[] = "NAT exemption and ACLs";
static const char cat_route[] = "Routing and addressing";
static const char cat_ra[] = "Remote-access policy";
static const char cat_plat[] = "Transport, MTU, platform";
static const char cat_tun[] = "Tunnel interfaces and DMVPN";
static const char sec_tun[] = "Tunnel interfaces and DMVPN (diagnoses.md section 10)";

/* Blocks several entries share. */
#define CLEAR_IOS   "clear crypto isakmp\nclear crypto sa peer {peer}"
#define CLEAR_PIX   "clear crypto isakmp sa\nclear crypto ipsec sa"
#define CLEAR_ASA70 "clear crypto isakmp sa\nclear crypto ipsec sa peer {peer}"
#define CLEAR_ASA84 "clear crypto ikev1 sa {peer}\nclear crypto ipsec sa peer {peer}"
#define REAPPLY_ASA "no crypto map {map} interface {if}\ncrypto map {map} interface {if}"

const char *const change_control_warning =
    "This change clears security associations or removes and re-applies a crypto map: "
    "every tunnel using them drops until it renegotiates. Make the change in a "
    "maintenance window under your change-control process.";

const char *const catalog_placeholders[] = {
    "peer",       "map",        "seq",         "dynmap",      "if",        "nat_if",
    "acl",        "tg",         "gp",          "group",       "pool",      "pool_first",
    "pool_last",  "pool_mask",  "policy",      "tset",        "local_net", "local_mask",
    "local_wild", "remote_net", "remote_mask", "remote_wild", "nexthop",   "pfs_group",
    "lifetime",   "user",       "profile",     "keyring",     "protocols", "encr",
    "hash",       "auth",       "tset_xf",     "tset_list",   "tset_mode", "protection",
    "mode",       "ipsec_mode", "transforms",  "vrf",         "nhrp_id",   "nhs_line",
    "hub_tunnel", "hub_nbma",   "addr",        "proposal",    "dh_group",
};
const size_t catalog_placeholder_count =
    sizeof(catalog_placeholders) / sizeof(catalog_placeholders[0]);

const struct diagnosis catalog[] = {
    /* ---- 1. IKE phase 1 ---------------------------------------------------- */
    {
        .id = "isakmp-not-enabled",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_PAIR | FROM_LOGS | FROM_CAPTURE | FROM_LIVE,
        .category = cat_p1,
        .title = "ISAKMP is not enabled on the interface that carries the crypto map",
        .explanation =
            "The device does not listen for IKE on the interface where its crypto map is "
            "applied, so the first Main Mode packet from the peer is never answered. The peer's "
            "SA stays in MM_WAIT_MSG2 and a Cisco VPN Client gives up with 'Reason 412: The "
            "remote peer is no longer responding'. On an ASA the 'crypto isakmp enable IF' "
            "(8.4+: 'crypto ikev1 enable IF') line for that nameif is missing; on IOS, where "
            "ISAKMP is on by default, someone entered 'no crypto isakmp enable'.",
        .fix_summary = "Enable ISAKMP (IKEv1) on the interface the crypto map is applied to.",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp enable",
                [DIALECT_PIX6] = "isakmp enable {if}",
                [DIALECT_ASA70] = "crypto isakmp enable {if}",
                [DIALECT_ASA84] = "crypto ikev1 enable {if}",
            },
        .seed_section = "Enable ISAKMP",
    },
    {
        .id = "isakmp-port-in-use",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_p1,
        .title = "UDP 500 is held by a PAT translation, so ISAKMP cannot be enabled",
        .explanation =
            "Enabling ISAKMP fails with 'UDP: ERROR - socket <unknown> 62465 in used' and "
            "'ERROR: IkeReceiverInit, unable to bind to port': a client behind the ASA was "
            "translated by PAT to UDP port 500 on the interface, and that translation holds the "
            "port. Until it is cleared the interface answers no IKE at all. UDP 500 and 4500 "
            "must stay reserved for ISAKMP and NAT-T.",
        .fix_summary = "Clear the translations, then enable ISAKMP on the interface again.",
        .fix =
            {
                [DIALECT_PIX6] = "clear xlate\nisakmp enable {if}",
                [DIALECT_ASA70] = "clear xlate\ncrypto isakmp enable {if}",
                [DIALECT_ASA84] = "clear xlate\ncrypto ikev1 enable {if}",
            },
        .seed_section = "Enable ISAKMP",
    },
    {
        .id = "isakmp-policy-mismatch",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR | FROM_LOGS | FROM_CAPTURE | FROM_LIVE,
        .category = cat_p1,
        .title = "No ISAKMP policy of the responder matches a proposal of the initiator",
        .explanation =
            "The responder compares the initiator's proposals with its own policies in priority "
            "order and needs one with the same encryption, hash, authentication method and "
            "Diffie-Hellman group (and an acceptable lifetime). When none matches it answers "
            "NO_PROPOSAL_CHOSEN: the initiator sits in MM_WAIT_MSG2 (AG_INIT_EXCH in aggressive "
            "mode) and an ASA logs %ASA-5-713904 'Received an un-encrypted NO_PROPOSAL_CHOSEN "
            "notify message, drop', 713903 'Information Exchange processing failed', 713048 "
            "'Error processing payload: Payload ID: 1' and 713902 'Removing peer from peer table "
            "failed, no match!'. An ASA 8.4+ with no 'crypto ikev1 policy' at all has no implicit "
            "default policy and matches nothing.",
        .fix_summary = "Configure one ISAKMP policy with identical encryption, hash, "
                       "authentication, DH group and lifetime on both peers.",
        .fix =
            {
                /* The values are the peer's (negotiate/p1_fix.c), limited to what
                 * both devices can do (model/capability.c). */
                [DIALECT_IOS] = "crypto isakmp policy {policy}\n encryption {encr}\n hash {hash}\n"
                                " authentication {auth}\n group {dh_group}\n lifetime {lifetime}",
                [DIALECT_PIX6] = "isakmp policy {policy} authentication {auth}\n"
                                 "isakmp policy {policy} encryption {encr}\n"
                                 "isakmp policy {policy} hash {hash}\n"
                                 "isakmp policy {policy} group {dh_group}\n"
                                 "isakmp policy {policy} lifetime {lifetime}",
                /* Single-line form: accepted by every release from 7.0 to 8.3. */
                [DIALECT_ASA70] = "crypto isakmp policy {policy} authentication {auth}\n"
                                  "crypto isakmp policy {policy} encryption {encr}\n"
                                  "crypto isakmp policy {policy} hash {hash}\n"
                                  "crypto isakmp policy {policy} group {dh_group}\n"
                                  "crypto isakmp policy {policy} lifetime {lifetime}",
                [DIALECT_ASA84] = "crypto ikev1 policy {policy}\n authentication {auth}\n"
                                  " encryption {encr}\n hash {hash}\n group {dh_group}\n"
                                  " lifetime {lifetime}",
            },
        .note =
            "Lifetime acceptance differs by platform. The seed's rule (a match needs the "
            "responder's lifetime to be greater than or equal to the proposed one) is what IOS "
            "does; an ASA responder also accepts a longer proposed lifetime and answers with a "
            "RESPONDER-LIFETIME notify. A verdict that rests on lifetimes says which platform it "
            "assumes. DH group 14 needs ASA 8.4+ / IOS 12.4(22)T+; use group 2 on older peers.",
        .seed_section = "Verify the ISAKMP Policies",
    },
    {
        .id = "isakmp-lifetime-mismatch",
        .severity = SEV_WARNING,
        .found_from = FROM_PAIR | FROM_LOGS,
        .category = cat_p1,
        .title = "Phase-1 lifetimes differ between the peers",
        .explanation =
            "The ISAKMP SA lifetimes of the two ends are not the same. This does not stop the "
            "tunnel (the shorter lifetime is used), but both ends may start a phase-1 rekey at "
            "nearly the same moment and collide; an ASA then logs %ASA-5-713092 'Failure during "
            "phase 1 rekeying attempt due to collision' and users see short, periodic drops. The "
            "default is 86400 seconds on both IOS and ASA.",
        .fix_summary = "Give the matching ISAKMP policy the same lifetime on both peers.",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp policy {policy}\n lifetime {lifetime}",
                [DIALECT_PIX6] = "isakmp policy {policy} lifetime {lifetime}",
                [DIALECT_ASA70] = "crypto isakmp policy {policy} lifetime {lifetime}",
                [DIALECT_ASA84] = "crypto ikev1 policy {policy}\n lifetime {lifetime}",
            },
        .note = "The seed's ASA example 'isakmp policy 2 lifetime 14400' is PIX 6.x syntax; "
                "ASA 7.x+ writes the lifetime under 'crypto isakmp policy' (8.4+: 'crypto ikev1 "
                "policy').",
        .seed_section = "Verify ISAKMP Lifetime",
    },
    {
        .id = "vpnclient-max-lifetime",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_p1,
        .title = "VPN Client disconnects at the configured maximum lifetime",
        .explanation =
            "The Cisco VPN Client ends the session with 'Reason 426: Maximum configured lifetime "
            "exceeded': the IKE SA reached its lifetime and the client was not re-authenticated "
            "into a new one, typically because re-XAUTH on rekey is enabled in the group-policy "
            "and nobody is there to type the password. Users are dropped at a fixed interval "
            "after connecting.",
        .fix_summary = "Disable re-XAUTH on rekey in the group-policy, or lengthen the ISAKMP "
                       "lifetime (the seed sets it to unlimited).",
        .fix =
            {
                [DIALECT_ASA70] = "group-policy {gp} attributes\n re-xauth disable",
                [DIALECT_ASA84] = "group-policy {gp} attributes\n re-xauth disable",
            },
        .seed_section = "Verify ISAKMP Lifetime",
    },
    {
        .id = "psk-mismatch",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR | FROM_LOGS | FROM_CAPTURE | FROM_LIVE,
        .category = cat_p1,
        .title = "The pre-shared keys of the two peers differ",
        .explanation =
            "Each peer authenticates Main Mode messages 5 and 6 with its pre-shared key; when "
            "the keys differ the responder cannot decrypt message 5 and the initiator stalls in "
            "MM_WAIT_MSG6 (a typo is the usual cause, and the ASA hides the key as it is typed). "
            "An ASA responder logs 'had problems decrypting packet, probably due to mismatched "
            "pre-shared key. Aborting'. For remote access a wrong group name or group password "
            "makes the client log 'The received HASH payload cannot be verified', 'Hash "
            "verification failed ... possibly be configured with invalid group password' and "
            "'Failed to authenticate peer'. An IOS router with no key for the peer never starts "
            "Main Mode ('No pre-shared key with x.x.x.x!').",
        .fix_summary = "Re-enter the same pre-shared key on both peers (type it, do not paste it "
                       "from a masked running-config).",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp key <pre-shared-key> address {peer}",
                [DIALECT_PIX6] =
                    "isakmp key <pre-shared-key> address {peer} netmask 255.255.255.255 no-xauth",
                [DIALECT_ASA70] =
                    "tunnel-group {peer} ipsec-attributes\n pre-shared-key <pre-shared-key>",
                [DIALECT_ASA84] =
                    "tunnel-group {peer} ipsec-attributes\n ikev1 pre-shared-key <pre-shared-key>",
            },
        .note = "Keys are compared only when both are visible in the configs; a running-config "
                "that shows '*****' or an encrypted key cannot be compared, and the finding says "
                "so. For IOS remote access the key is the group key: 'crypto isakmp client "
                "configuration group GROUP' then 'key <pre-shared-key>'.",
        .seed_section = "Re-Enter or Recover Pre-Shared Keys; Mismatched Pre-shared Key",
    },
    {
        .id = "isakmp-identity-mismatch",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_PAIR,
        .category = cat_p1,
        .title = "The peers send different kinds of ISAKMP identity",
        .explanation =
            "In Main Mode each peer sends an ISAKMP identity: its address, its host name, or a "
            "key-id. When one end sends a host name and the other looks up the pre-shared key "
            "by address, phase 1 fails after the keys have been exchanged (MM_WAIT_MSG5 / "
            "MM_WAIT_MSG6). With pre-shared keys both ends should send their address; 'auto' "
            "sends the address for pre-shared keys and the certificate DN for certificates.",
        .fix_summary = "Use the same identity method on both peers: 'address' for pre-shared keys.",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp identity address",
                [DIALECT_PIX6] = "isakmp identity address",
                [DIALECT_ASA70] = "crypto isakmp identity address",
                [DIALECT_ASA84] = "crypto isakmp identity address",
            },
        .note = "The seed labels 'crypto isakmp identity hostname' as the default; it is not. "
                "IOS and PIX default to the address, and ASA 7.0+ defaults to 'auto', which uses "
                "the address with pre-shared keys.",
        .seed_section = "Verify the ISAKMP Identity",
    },
    {
        .id = "tunnel-group-name-not-peer-ip",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_PAIR | FROM_LOGS,
        .category = cat_p1,
        .title = "No ASA L2L tunnel-group is named after the peer's IP address",
        .explanation =
            "An ASA finds the tunnel-group (and its pre-shared key) of a LAN-to-LAN peer by the "
            "peer's IP address, so the 'tunnel-group NAME type ipsec-l2l' must be named exactly "
            "as the address in 'crypto map M N set peer'. When no tunnel-group matches, the ASA "
            "falls back to DefaultL2LGroup, whose key is not the peer's, and logs 'Group = "
            "DefaultL2LGroup, IP = x.x.x.x, ERROR, had problems decrypting packet, probably due "
            "to mismatched pre-shared key. Aborting'; the initiator stays in MM_WAIT_MSG4.",
        .fix_summary = "Create the tunnel-group named after the peer's IP address, with its key.",
        .fix =
            {
                [DIALECT_ASA70] =
                    "tunnel-group {peer} type ipsec-l2l\n"
                    "tunnel-group {peer} ipsec-attributes\n pre-shared-key <pre-shared-key>",
                [DIALECT_ASA84] =
                    "tunnel-group {peer} type ipsec-l2l\n"
                    "tunnel-group {peer} ipsec-attributes\n ikev1 pre-shared-key <pre-shared-key>",
            },
        .seed_section = "Verify the Peer IP Address is Correct",
    },
    {
        .id = "ike-peer-not-configured",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_p1,
        .title = "A static crypto map entry has no peer",
        .explanation =
            "A static crypto map entry without 'set peer' gives the device nobody to negotiate "
            "with: traffic matching its ACL triggers IKE, and the ASA logs %ASA-3-713063 'IKE "
            "Peer address not configured for destination 0.0.0.0' and the tunnel never comes up. "
            "The seed's workaround, when adding the peer alone does not help, is to move the "
            "entry to another sequence number and remove and re-apply the crypto map.",
        .fix_summary = "Add the peer to the entry; if the error persists, re-apply the crypto map "
                       "on the interface.",
        .fix =
            {
                [DIALECT_IOS] = "crypto map {map} {seq} ipsec-isakmp\n set peer {peer}",
                [DIALECT_PIX6] =
                    "crypto map {map} {seq} set peer {peer}\n"
                    "no crypto map {map} interface {if}\ncrypto map {map} interface {if}",
                [DIALECT_ASA70] = "crypto map {map} {seq} set peer {peer}\n" REAPPLY_ASA,
                [DIALECT_ASA84] = "crypto map {map} {seq} set peer {peer}\n" REAPPLY_ASA,
            },
        .drops_tunnels = true,
        .seed_section = "Error Message - %ASA-3-713063: IKE Peer address not configured for "
                        "destination 0.0.0.0",
    },
    {
        .id = "l2l-prompted-for-xauth",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_p1,
        .title = "A LAN-to-LAN peer is asked for XAUTH because it shares a crypto map with "
                 "remote access",
        .explanation =
            "On IOS, when LAN-to-LAN and remote-access peers use the same crypto map, the "
            "router asks every peer for XAUTH credentials, including the L2L gateway that cannot "
            "answer. 'show crypto isakmp sa' shows the L2L SA stuck in CONF_XAUTH and the tunnel "
            "never reaches phase 2. The 'no-xauth' keyword on the static peer's key exempts it.",
        .fix_summary = "Enter each static L2L peer's key with 'no-xauth'.",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp key <pre-shared-key> address {peer} no-xauth",
            },
        .note = "IOS only: the ASA selects the tunnel-group per peer, so it does not ask L2L "
                "peers for XAUTH.",
        .seed_section = "Disable XAUTH for L2L Peers",
    },
    {
        .id = "ezvpn-xauth",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_p1,
        .title = "Easy VPN hardware clients cannot answer XAUTH from the ASA",
        .explanation =
            "With the ASA as Easy VPN server, hardware Easy VPN clients (routers, ASA 5505 in "
            "client mode) cannot type a user name and password when the head end asks for "
            "XAUTH, so they never connect. The remote-access tunnel-group they use must not "
            "require IKEv1 user authentication.",
        .fix_summary = "Turn off IKEv1 user authentication on the Easy VPN clients' tunnel-group.",
        .fix =
            {
                [DIALECT_ASA70] = "tunnel-group {tg} ipsec-attributes\n"
                                  " isakmp ikev1-user-authentication none",
                [DIALECT_ASA84] = "tunnel-group {tg} ipsec-attributes\n"
                                  " isakmp ikev1-user-authentication none",
            },
        .seed_section = "Disable XAUTH for L2L Peers (Easy VPN server on the ASA)",
    },
    {
        .id = "transaction-mode-v2",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_p1,
        .title = "The client uses IKE Mode Config v2, which the ASA does not support",
        .explanation =
            "The ASA ends the tunnel with %ASA-5-713904 '... Unsupported Transaction Mode v2 "
            "version. Tunnel terminated': the client asked for its address and settings with "
            "the old Mode Config draft version 2, and the ASA speaks only IKE Mode Config V6. "
            "Phase 1 completes, then the session is torn down during configuration exchange.",
        .fix_summary = "Use a client (or client setting) that speaks IKE Mode Config V6; nothing "
                       "on the ASA changes this.",
        .seed_section = "Error - %ASA-5-713904: Unsupported Transaction Mode v2 version",
    },
    {
        .id = "isakmp-keepalive",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_p1,
        .title = "ISAKMP keepalives (dead peer detection) are off or need tuning",
        .explanation =
            "Keepalives (dead peer detection) let each end notice that its peer is gone and "
            "remove the stale SAs, so idle LAN-to-LAN and remote-access tunnels stop dropping "
            "sporadically and rebuild promptly. Both ends must support them. When a VPN client "
            "sits behind a firewall that drops DPD packets, disable them for that group instead; "
            "Cisco VPN Client 4.x can force them on with ForceKeepAlives=1 in its .pcf file.",
        .fix_summary = "Enable keepalives on both ends (or disable them for clients behind "
                       "firewalls that drop them).",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp keepalive 15",
                [DIALECT_PIX6] = "isakmp keepalive 15 10",
                [DIALECT_ASA70] = "tunnel-group {peer} ipsec-attributes\n"
                                  " isakmp keepalive threshold 15 retry 10",
                [DIALECT_ASA84] = "tunnel-group {peer} ipsec-attributes\n"
                                  " isakmp keepalive threshold 15 retry 10",
            },
        .note = "The seed calls keepalives Cisco-proprietary; dead peer detection is standard "
                "(RFC 3706) and works with other vendors' peers.",
        .seed_section = "Enable or Disable ISAKMP Keepalives",
    },
    {
        .id = "sa-no-sa",
        .severity = SEV_INFO,
        .found_from = FROM_LOGS | FROM_CAPTURE,
        .category = cat_p1,
        .title = "IKE message for an SA that no longer exists",
        .explanation =
            "IOS logs %CRYPTO-4-IKMP_NO_SA 'IKE message from x.x.x.x has no SA' when the peer "
            "still uses an SA that expired or was cleared on this side. The peer does not know "
            "the SA is gone until a new one is negotiated; the next interesting traffic builds "
            "it, so this is harmless unless it repeats.",
        .fix_summary = "Clear the SAs for the peer and send interesting traffic to rebuild them.",
        .fix =
            {
                [DIALECT_IOS] = CLEAR_IOS,
                [DIALECT_PIX6] = CLEAR_PIX,
                [DIALECT_ASA70] = CLEAR_ASA70,
                [DIALECT_ASA84] = CLEAR_ASA84,
            },
        .drops_tunnels = true,
        .seed_section = "Clear Old or Existing Security Associations (Tunnels)",
    },
    {
        .id = "stale-peer-table",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_p1,
        .title = "Stale peer-table entries after a configuration migration",
        .explanation =
            "After a configuration was converted to the ASA with the migration tool, tunnels do "
            "not come up and the ASA logs 'Stale PeerTblEntry found, Removing!', 'Removing peer "
            "from correlator table failed, no match!' and 'construct_ipsec_delete(): No SPI to "
            "identify Phase 2 SA!'. Old SA state no longer matches the new crypto configuration.",
        .fix_summary = "Clear the SAs, then remove and re-apply the crypto map.",
        .fix =
            {
                [DIALECT_ASA70] = CLEAR_ASA70 "\n" REAPPLY_ASA,
                [DIALECT_ASA84] = CLEAR_ASA84 "\n" REAPPLY_ASA,
            },
        .drops_tunnels = true,
        .seed_section = "VPN tunnel does not come up after migrating the configuration to the ASA",
    },
    {
        .id = "key-acquire-queued",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_p1,
        .title = "Phase 2 is queued behind a phase 1 that does not complete",
        .explanation =
            "%ASA-6-713219 'Queueing KEY-ACQUIRE messages to be processed when P1 SA is "
            "complete' says traffic asked for an IPsec SA while phase 1 was still being "
            "negotiated. When phase 1 never finishes (mismatched phase-1 settings on the peers, "
            "or an ACL on the path blocking the exchange), the message repeats, usually after "
            "'Removing peer from peer table failed, no match!'.",
        .fix_summary = "Find why phase 1 fails (policies, keys, UDP 500/4500 on the path) and fix "
                       "that; this message is a consequence.",
        .seed_section = "Verify the ISAKMP Policies",
    },
    {
        .id = "ag-init-exch",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS | FROM_CAPTURE,
        .category = cat_p1,
        .title = "Aggressive mode never completes (AG_INIT_EXCH)",
        .explanation =
            "'show crypto isakmp sa' or the debug output shows the SA in AG_INIT_EXCH: the "
            "first aggressive-mode message went out and no usable answer came back. Either no "
            "ISAKMP policy of the responder matches the proposal, or UDP 500 is blocked "
            "somewhere on the path.",
        .fix_summary = "Match the ISAKMP policies on both ends and check that UDP 500 passes "
                       "between them.",
        .seed_section = "Problem: AG_INIT_EXCH message appears in the show crypto isakmp sa output",
    },
    {
        .id = "rekey-at-75-percent",
        .severity = SEV_INFO,
        .found_from = FROM_LOGS,
        .category = cat_p1,
        .title = "The tunnel renegotiates before its lifetime ends: this is normal",
        .explanation =
            "A tunnel configured with a 24-hour lifetime seems to drop every 18 hours. The "
            "initiator rekeys before the SA expires so that a failed attempt can be retried: "
            "the ASA starts at 75 % of the lifetime (64800 of 86400 seconds), and the RFCs leave "
            "the rekey time to each implementation. The new SA replaces the old one without "
            "losing traffic.",
        .fix_summary = "Nothing to fix: rekeying before expiry is expected.",
        .seed_section = "Problem: The VPN tunnel gets disconnected every 18 hours",
    },
    /* ---- 2. IKE phase 2 ---------------------------------------------------- */
    {
        .id = "ikev2-auth-failed",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS | FROM_CAPTURE,
        .category = cat_p1,
        .title = "IKEv2 authentication (IKE_AUTH) fails between the peers",
        .explanation =
            "In IKEv2 each end authenticates itself with the method its profile names for the "
            "local side, and the other end must accept that method for the remote side (RFC "
            "7296 section 2.15): a pre-shared key that differs, a signature method one end "
            "sends and the other does not accept (rsa-sig against ecdsa-sig or a post-quantum "
            "signature), or a certificate the peer cannot validate all end in "
            "AUTHENTICATION_FAILED. "
            "IOS logs 'Auth exchange failed', the ASA 'IKEv2 Negotiation aborted'. A signature "
            "method a software release does not support fails the same way.",
        .fix_summary = "Make each end's local authentication method one the other accepts as "
                       "remote, with the same key or a certificate chain it trusts.",
        .fix =
            {
                [DIALECT_IOS] = "crypto ikev2 profile {profile}\n"
                                " authentication local <method-the-peer-accepts>\n"
                                " authentication remote <method-the-peer-uses>",
                [DIALECT_ASA84] = "tunnel-group {peer} ipsec-attributes\n"
                                  " ikev2 local-authentication pre-shared-key <pre-shared-key>\n"
                                  " ikev2 remote-authentication pre-shared-key <pre-shared-key>",
            },
        .note = "Not in the seed document: added for real IKEv2 transcripts (issue 13). One "
                "'Auth exchange failed' line cannot tell a differing key from a differing "
                "method; the peer's own log or debug says which.",
        .seed_section =
            "Not in the seed (RFC 7296 section 2.15; Cisco FlexVPN configuration guide)",
    },
    {
        .id = "aggressive-mode-refused",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_p1,
        .title = "The initiator starts Aggressive Mode and the responder has it disabled",
        .explanation =
            "The initiator starts IKEv1 in Aggressive Mode: an IOS isakmp profile with "
            "'initiate mode aggressive', or an ASA crypto map entry with 'set phase1-mode "
            "aggressive'. The responder has Aggressive Mode switched off ('crypto isakmp "
            "aggressive-mode disable' on IOS, 'crypto ikev1 am-disable' on an ASA, 'crypto "
            "isakmp am-disable' before 8.4) and drops the first message without an answer, so "
            "the initiator stays in AG_INIT_EXCH and retransmits. Aggressive Mode with "
            "pre-shared keys sends a hash that can be cracked offline, which is why it is often "
            "disabled on purpose: the fix moves the initiator to Main Mode. Where the initiator "
            "needs Aggressive Mode (its identity selects the key), re-enable it on the "
            "responder instead.",
        .fix_summary = "Let the initiator start Main Mode (or re-enable Aggressive Mode on the "
                       "responder).",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp profile {profile}\n"
                                " no initiate mode aggressive",
                [DIALECT_ASA70] = "crypto map {map} {seq} set phase1-mode main",
                [DIALECT_ASA84] = "crypto map {map} {seq} set phase1-mode main",
            },
        .seed_section = "Not in the seed (Cisco IOS Security Command Reference, 'initiate "
                        "mode' and 'crypto isakmp aggressive-mode disable'; Cisco ASA command "
                        "reference, 'crypto ikev1 am-disable' and 'crypto map set "
                        "phase1-mode')",
    },
    {
        .id = "ikev2-no-matching-profile",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_p1,
        .title = "No IKEv2 profile of the IOS responder matches the identity the peer sends",
        .explanation =
            "An IOS IKEv2 responder chooses its IKEv2 profile by the identity in the initiator's "
            "IKE_AUTH (IDi) with the profiles' 'match identity remote address|fqdn|email|key-id' "
            "lines (Cisco FlexVPN and IKEv2 Configuration Guide, IKEv2 profile). By default a "
            "peer sends its address with pre-shared keys and its certificate's DN with "
            "signatures; 'identity local' changes it. When no profile matches, the responder "
            "has no keyring and no authentication methods for the peer and IKE_AUTH fails.",
        .fix_summary = "Add a 'match identity remote' line for the peer's identity to the IKEv2 "
                       "profile.",
        .fix =
            {
                [DIALECT_IOS] = "crypto ikev2 profile {profile}\n"
                                " match identity remote address {peer} 255.255.255.255",
            },
        .seed_section =
            "Not in the seed (Cisco FlexVPN and IKEv2 Configuration Guide, IKEv2 profile)",
    },
    {
        .id = "ikev2-proposal-incomplete",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_p1,
        .title = "An IOS IKEv2 proposal lacks a mandatory algorithm and is not used",
        .explanation =
            "IOS uses an IKEv2 proposal only when it is complete: an encryption other than "
            "AES-GCM with an integrity algorithm and a DH group, or AES-GCM with a PRF and a "
            "DH group. It says so when the proposal is entered ('IKEv2 proposal MUST either "
            "have a set of an encryption algorithm other than aes-gcm, an integrity algorithm "
            "and a DH group configured or encryption algorithm aes-gcm, a prf algorithm and a "
            "DH group configured'), and RFC 7296 section 3.3.3 makes those transforms mandatory "
            "in an IKE SA proposal. A line IKEv2 does not take (IKEv1's 'hash sha256' instead "
            "of 'integrity sha256') leaves the proposal incomplete. When the policy has no "
            "other proposal the router has nothing to offer or to accept, and IKE_SA_INIT "
            "fails, even against a peer with the identical proposal.",
        .fix_summary = "Complete the proposal: 'integrity' (or 'prf' with AES-GCM), 'group' "
                       "and 'encryption' lines.",
        .fix =
            {
                [DIALECT_IOS] = "crypto ikev2 proposal {proposal}\n"
                                " integrity sha256",
            },
        .seed_section = "Not in the seed (Cisco FlexVPN and IKEv2 Configuration Guide, IKEv2 "
                        "proposal; RFC 7296 section 3.3.3)",
    },
    {
        .id = "transform-set-mismatch",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR | FROM_LOGS | FROM_CAPTURE | FROM_LIVE,
        .category = cat_p2,
        .title = "No transform set is common to the two peers",
        .explanation =
            "Phase 1 comes up (MM_ACTIVE / QM_IDLE) but Quick Mode fails with "
            "NO_PROPOSAL_CHOSEN: none of the transform sets in the initiator's crypto map entry "
            "has the same ESP encryption (including key size), ESP hash and mode as one of the "
            "responder's. An ASA may log %ASA-5-713068 'Received non-routine Notify message' or "
            "%ASA-3-752006, and no IPsec SA is ever listed.",
        .fix_summary = "Configure the same transform set on both peers and reference it in the "
                       "crypto map entry.",
        .fix =
            {
                /* the peer's transform in this device's syntax, its sets kept
                 * (negotiate/p2_fix.c) */
                [DIALECT_IOS] =
                    "crypto ipsec transform-set {tset} {tset_xf}\n"
                    " mode {tset_mode}\n"
                    "crypto map {map} {seq} ipsec-isakmp\n set transform-set {tset_list}",
                [DIALECT_PIX6] = "crypto ipsec transform-set {tset} {tset_xf}\n"
                                 "crypto map {map} {seq} set transform-set {tset_list}",
                [DIALECT_ASA70] = "crypto ipsec transform-set {tset} {tset_xf}\n"
                                  "crypto map {map} {seq} set transform-set {tset_list}",
                [DIALECT_ASA84] = "crypto ipsec ikev1 transform-set {tset} {tset_xf}\n"
                                  "crypto map {map} {seq} set ikev1 transform-set {tset_list}",
            },
        .seed_section = "Verify that Transform-Set is Correct",
    },
    {
        .id = "pfs-mismatch",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR | FROM_LOGS | FROM_CAPTURE | FROM_LIVE,
        .category = cat_p2,
        .title = "Perfect forward secrecy is set on one peer only, or with different groups",
        .explanation =
            "With PFS, Quick Mode carries its own Diffie-Hellman exchange. A responder that "
            "requires PFS refuses a Quick Mode without a KE payload or with another DH group, so "
            "phase 1 is up but no IPsec SA is built. IOS sets it per crypto map entry ('set pfs "
            "group2'; without a group, group1 is meant), the ASA per L2L entry ('crypto map M N "
            "set pfs') or per remote-access group-policy ('pfs enable', off by default and "
            "inherited). The reverse case, an initiator offering PFS to a responder without it, "
            "is accepted by some platforms and refused by others.",
        .fix_summary = "Enable PFS with the same DH group on both peers, or disable it on both.",
        .fix =
            {
                [DIALECT_IOS] = "crypto map {map} {seq} ipsec-isakmp\n set pfs {pfs_group}",
                [DIALECT_PIX6] = "crypto map {map} {seq} set pfs {pfs_group}",
                [DIALECT_ASA70] = "crypto map {map} {seq} set pfs {pfs_group}",
                [DIALECT_ASA84] = "crypto map {map} {seq} set pfs {pfs_group}",
            },
        .note = "The seed calls PFS Cisco-proprietary; it is standard IKEv1 (RFC 2409) and works "
                "with other vendors. Whether an initiator offering PFS is accepted by a responder "
                "without PFS depends on the responder's platform; that verdict names the platform "
                "it assumes.",
        .seed_section = "Enable/Disable PFS",
    },
    {
        .id = "vpnclient-des-sha",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_p2,
        .title = "The only proposals offered to VPN clients combine DES with SHA",
        .explanation =
            "The Cisco VPN Client cannot use a policy or transform set that pairs DES with SHA. "
            "When every ISAKMP policy or dynamic-map transform set the head end offers to "
            "remote-access clients is DES+SHA, the client finds no acceptable proposal and "
            "cannot connect. Pair DES with MD5, or use 3DES or AES with SHA or MD5.",
        .fix_summary = "Offer remote-access clients a 3DES or AES policy and transform set "
                       "(SHA or MD5).",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp policy {policy}\n encryption 3des\n hash sha\n"
                                " authentication pre-share\n group 2\n"
                                "crypto ipsec transform-set {tset} esp-3des esp-sha-hmac",
                [DIALECT_PIX6] = "isakmp policy {policy} authentication pre-share\n"
                                 "isakmp policy {policy} encryption 3des\n"
                                 "isakmp policy {policy} hash sha\nisakmp policy {policy} group 2\n"
                                 "crypto ipsec transform-set {tset} esp-3des esp-sha-hmac",
                [DIALECT_ASA70] = "crypto isakmp policy {policy} authentication pre-share\n"
                                  "crypto isakmp policy {policy} encryption 3des\n"
                                  "crypto isakmp policy {policy} hash sha\n"
                                  "crypto isakmp policy {policy} group 2\n"
                                  "crypto ipsec transform-set {tset} esp-3des esp-sha-hmac",
                [DIALECT_ASA84] = "crypto ikev1 policy {policy}\n authentication pre-share\n"
                                  " encryption 3des\n hash sha\n group 2\n"
                                  "crypto ipsec ikev1 transform-set {tset} esp-3des esp-sha-hmac",
            },
        .seed_section = "Verify the ISAKMP Policies",
    },
    {
        .id = "esp-no-hash",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_p2,
        .title = "A transform set has no ESP integrity algorithm",
        .explanation =
            "A transform set such as 'esp-3des' alone (or with esp-none) negotiates ESP without "
            "an HMAC, so nothing checks packet integrity: corrupted or malformed packets are "
            "decrypted anyway. The ASA then logs %ASA-3-402130 'Received an ESP packet ... with "
            "incorrect IPsec padding' and the garbage reaches the inside hosts.",
        .fix_summary = "Add an ESP hash (esp-sha-hmac) to the transform set on both peers.",
        .fix =
            {
                [DIALECT_IOS] = "crypto ipsec transform-set {tset} esp-aes 256 esp-sha-hmac",
                [DIALECT_PIX6] = "crypto ipsec transform-set {tset} esp-3des esp-sha-hmac",
                [DIALECT_ASA70] = "crypto ipsec transform-set {tset} esp-aes-256 esp-sha-hmac",
                [DIALECT_ASA84] =
                    "crypto ipsec ikev1 transform-set {tset} esp-aes-256 esp-sha-hmac",
            },
        .seed_section =
            "Error - %ASA-3-402130: Received an ESP packet with incorrect IPsec padding",
    },
    {
        .id = "crypto-acl-not-mirrored",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR | FROM_LOGS | FROM_CAPTURE,
        .category = cat_p2,
        .title = "The crypto ACLs of the two peers are not mirror images",
        .explanation =
            "Each end's crypto ACL is written from its own point of view, so A's 'permit ip "
            "LOCAL REMOTE' must appear on B as 'permit ip REMOTE LOCAL', and nothing more. When "
            "they differ, Quick Mode proposes proxies the responder rejects: the ASA logs "
            "%ASA-5-713068 'Received non-routine Notify message', %ASA-3-713042 'IKE Initiator "
            "unable to find policy', 'decapsulated inner packet doesn't match the negotiated "
            "policy in the SA' or 752006, and traffic may flow in one direction only. When the "
            "responder's map also has a dynamic entry, the L2L peer can fall through to it "
            "(713222 'Static Crypto Map check ... ACL does not match proxy IDs') and come up "
            "with the peer's selectors, which hides the mismatch.",
        .fix_summary = "Make the crypto ACLs exact mirrors: for each entry on one peer, the "
                       "reversed entry on the other, and no extra entries.",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " permit ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] =
                    "access-list {acl} permit ip {local_net} {local_mask} {remote_net} "
                    "{remote_mask}",
                [DIALECT_ASA70] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
                [DIALECT_ASA84] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
            },
        .note = "A Cisco responder accepts proposed proxies that fall inside the mirror of one "
                "of its ACL entries, so a narrower ACL on the initiator may still work one way.",
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map",
    },
    {
        .id = "sa-idle-timeout",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_p2,
        .title = "Idle or session timers drop quiet tunnels",
        .explanation =
            "The ASA group-policy's vpn-idle-timeout (30 minutes by default) and "
            "vpn-session-timeout end sessions that pass no traffic or that last too long; VPN "
            "clients then disconnect with PEER_DELETE-IKE_DELETE_UNSPECIFIED after about 30 "
            "minutes. With 'split-tunnel-policy tunnelall' the idle timer hardly matters since "
            "all client traffic uses the tunnel. On IOS the IPsec SA idle timer ('crypto ipsec "
            "security-association idle-time S', off by default, 60-86400 s) tears down idle SAs.",
        .fix_summary = "Set the idle and session timeouts to none where tunnels must stay up "
                       "(IOS: remove the idle-time).",
        .fix =
            {
                [DIALECT_IOS] = "no crypto ipsec security-association idle-time",
                [DIALECT_ASA70] = "group-policy {gp} attributes\n vpn-idle-timeout none\n"
                                  " vpn-session-timeout none",
                [DIALECT_ASA84] = "group-policy {gp} attributes\n vpn-idle-timeout none\n"
                                  " vpn-session-timeout none",
            },
        .seed_section = "Verify Idle/Session Timeout",
    },
    {
        .id = "anti-replay-drops",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS | FROM_CAPTURE,
        .category = cat_p2,
        .title = "ESP packets fail the anti-replay check",
        .explanation =
            "%ASA-4-402119 'IPSEC: Received an ESP packet (SPI=..., sequence number=...) ... "
            "that failed anti-replay checking' means packets arrived further out of order than "
            "the replay window (64 by default) allows, usually because QoS on one side reorders "
            "ESP. The late packets are dropped. While traffic still passes this can be ignored; "
            "otherwise widen the window.",
        .fix_summary = "Raise the anti-replay window to 1024 (or stop the reordering).",
        .fix =
            {
                [DIALECT_IOS] = "crypto ipsec security-association replay window-size 1024",
                [DIALECT_ASA70] = "crypto ipsec security-association replay window-size 1024",
                [DIALECT_ASA84] = "crypto ipsec security-association replay window-size 1024",
            },
        .seed_section = "Error - %ASA-4-402119: ... failed anti-replay checking",
    },
    {
        .id = "esp-hmac-error",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_p2,
        .title = "ESP packets fail the HMAC check in the VPN hardware",
        .explanation =
            "%VPN_HW-4-PACKET_ERROR reports ESP packets whose HMAC does not match: either the "
            "VPN hardware module is faulty or the packets were corrupted on the way. The bad "
            "packets are dropped.",
        .fix_summary = "Ignore it while traffic flows; if traffic is interrupted, replace the "
                       "VPN module.",
        .seed_section = "Error Message - %VPN_HW-4-PACKET_ERROR",
    },
    {
        .id = "one-way-traffic",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS | FROM_CAPTURE,
        .category = cat_p2,
        .title = "The tunnel decrypts traffic but encrypts none (or the reverse)",
        .explanation =
            "'show crypto ipsec sa' shows '#pkts encaps: 0' while '#pkts decaps' grows (or the "
            "other way round): the SA is up, packets from the peer are decrypted, but replies "
            "never enter the tunnel. In a capture ESP flows in one direction only. Check in "
            "order: the crypto ACLs mirror the remote site, the NAT exemption covers the "
            "traffic, routing sends it out the crypto interface, and on the ASA 'sysopt "
            "connection permit-vpn' (or the interface ACL) lets the decrypted traffic through.",
        .fix_summary = "Check crypto ACL mirroring, NAT exemption, routing and sysopt on the side "
                       "that does not encrypt; the related findings give the commands.",
        .seed_section = "Unable to Pass Traffic Across VPN Tunnel",
    },
    {
        .id = "expired-vpn-context",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_p2,
        .title = "Outbound packets are dropped for an expired VPN context",
        .explanation =
            "After several rekeys the ASA keeps using a VPN context whose SA is gone: 'show asp "
            "drop' shows the 'Expired VPN context' counter rising with every outbound packet to "
            "that peer, and traffic stops in one direction. The trigger is not well understood; "
            "clearing the peer's SAs rebuilds the context.",
        .fix_summary = "Clear the IPsec SAs of the affected peer.",
        .fix =
            {
                [DIALECT_ASA70] = "clear crypto ipsec sa peer {peer}",
                [DIALECT_ASA84] = "clear crypto ipsec sa peer {peer}",
            },
        .drops_tunnels = true,
        .seed_section = "Problem: Expired VPN context counter increases in show asp drop",
    },
    /* ---- 3. Crypto maps ---------------------------------------------------- */
    {
        .id = "crypto-map-incomplete",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_map,
        .title = "A crypto map entry lacks its ACL, transform set or peer",
        .explanation =
            "A crypto map entry needs 'match address' (which traffic), a transform set (how to "
            "protect it) and, for a static entry, 'set peer' (where to send it). An entry "
            "missing any of them is ignored and its traffic is never encrypted. The device "
            "prints 'WARNING: crypto map entry incomplete' when an entry is started; that "
            "warning alone is normal until the entry is filled in.",
        .fix_summary = "Add the missing match address, transform set and peer to the entry.",
        .fix =
            {
                [DIALECT_IOS] = "crypto map {map} {seq} ipsec-isakmp\n match address {acl}\n"
                                " set transform-set {tset}\n set peer {peer}",
                [DIALECT_PIX6] = "crypto map {map} {seq} ipsec-isakmp\n"
                                 "crypto map {map} {seq} match address {acl}\n"
                                 "crypto map {map} {seq} set transform-set {tset}\n"
                                 "crypto map {map} {seq} set peer {peer}",
                [DIALECT_ASA70] = "crypto map {map} {seq} match address {acl}\n"
                                  "crypto map {map} {seq} set transform-set {tset}\n"
                                  "crypto map {map} {seq} set peer {peer}",
                [DIALECT_ASA84] = "crypto map {map} {seq} match address {acl}\n"
                                  "crypto map {map} {seq} set ikev1 transform-set {tset}\n"
                                  "crypto map {map} {seq} set peer {peer}",
            },
        .seed_section = "WARNING: crypto map entry incomplete",
    },
    {
        .id = "crypto-map-not-applied",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "A crypto map is not applied to any existing interface",
        .explanation =
            "A crypto map does nothing until it is applied to the interface that faces the peer "
            "(IOS: 'crypto map NAME' under the interface; ASA and PIX: 'crypto map NAME "
            "interface IFNAME'). Here the map has entries but is applied nowhere, or to an "
            "interface name that does not exist, so no traffic is encrypted and no IKE is "
            "started or answered for its peers.",
        .fix_summary = "Apply the crypto map to the interface that faces the peers.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n crypto map {map}",
                [DIALECT_PIX6] = "crypto map {map} interface {if}",
                [DIALECT_ASA70] = "crypto map {map} interface {if}",
                [DIALECT_ASA84] = "crypto map {map} interface {if}",
            },
        .seed_section = "Verify that Crypto Map Sequence Numbers are Correct",
    },
    {
        .id = "crypto-map-name-case",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "Crypto map names differ only in case, splitting one map in two",
        .explanation =
            "Crypto map names are case-sensitive: 'myMAP' and 'mymap' are two different maps. "
            "Settings written under the wrong spelling land in a second map that is applied to "
            "no interface, so they silently have no effect (a missing peer, transform set or "
            "reverse-route on the real entry).",
        .fix_summary = "Re-enter the settings under the exact name of the applied map and remove "
                       "the misspelled one.",
        .fix =
            {
                [DIALECT_IOS] = "crypto map {map} {seq} ipsec-isakmp\n match address {acl}\n"
                                " set transform-set {tset}\n set peer {peer}",
                [DIALECT_PIX6] = "crypto map {map} {seq} match address {acl}\n"
                                 "crypto map {map} {seq} set transform-set {tset}\n"
                                 "crypto map {map} {seq} set peer {peer}",
                [DIALECT_ASA70] = "crypto map {map} {seq} match address {acl}\n"
                                  "crypto map {map} {seq} set transform-set {tset}\n"
                                  "crypto map {map} {seq} set peer {peer}",
                [DIALECT_ASA84] = "crypto map {map} {seq} match address {acl}\n"
                                  "crypto map {map} {seq} set ikev1 transform-set {tset}\n"
                                  "crypto map {map} {seq} set peer {peer}",
            },
        .note = "The seed's own reverse route injection example makes this mistake: it writes "
                "'crypto map mymap 10 set reverse-route' for a map called 'myMAP'.",
        .seed_section = "Verify that Crypto Map Sequence Numbers are Correct",
    },
    {
        .id = "one-crypto-map-per-interface",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "A second crypto map was applied to an interface that already has one",
        .explanation =
            "An interface carries one crypto map only; several tunnels on the same interface "
            "are separate entries (sequence numbers) of that one map. Applying a second map "
            "with 'crypto map X interface IF' replaces the first, and every tunnel defined in "
            "the first map goes down.",
        .fix_summary = "Move the second map's entries into the map already applied, as new "
                       "sequence numbers.",
        .fix =
            {
                [DIALECT_IOS] = "crypto map {map} {seq} ipsec-isakmp\n match address {acl}\n"
                                " set transform-set {tset}\n set peer {peer}\n"
                                "interface {if}\n crypto map {map}",
                [DIALECT_PIX6] = "crypto map {map} {seq} ipsec-isakmp\n"
                                 "crypto map {map} {seq} match address {acl}\n"
                                 "crypto map {map} {seq} set transform-set {tset}\n"
                                 "crypto map {map} {seq} set peer {peer}\n"
                                 "crypto map {map} interface {if}",
                [DIALECT_ASA70] = "crypto map {map} {seq} match address {acl}\n"
                                  "crypto map {map} {seq} set transform-set {tset}\n"
                                  "crypto map {map} {seq} set peer {peer}\n"
                                  "crypto map {map} interface {if}",
                [DIALECT_ASA84] = "crypto map {map} {seq} match address {acl}\n"
                                  "crypto map {map} {seq} set ikev1 transform-set {tset}\n"
                                  "crypto map {map} {seq} set peer {peer}\n"
                                  "crypto map {map} interface {if}",
            },
        .drops_tunnels = true,
        .seed_section = "Verify that Crypto Map Sequence Numbers are Correct",
    },
    {
        .id = "dynamic-map-seq-order",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_map,
        .title = "The dynamic crypto map entry is numbered below static entries",
        .explanation =
            "Entries are tried in sequence order, and a dynamic entry accepts any peer. When the "
            "dynamic entry has a lower number than a static one, static peers hit the dynamic "
            "entry first and phase 2 fails with 'QM FSM error (P2 struct ..., mess id ...)!', "
            "'Removing peer from correlator table failed, no match!' or %ASA-3-713042 'IKE "
            "Initiator unable to find policy'. Only one dynamic map may be used per interface.",
        .fix_summary = "Re-create the dynamic entry with the highest sequence number (65535 or "
                       "60000, leaving room for static entries).",
        .fix =
            {
                [DIALECT_IOS] = "no crypto map {map} {seq} ipsec-isakmp dynamic {dynmap}\n"
                                "crypto map {map} 65535 ipsec-isakmp dynamic {dynmap}",
                [DIALECT_PIX6] = "no crypto map {map} {seq} ipsec-isakmp dynamic {dynmap}\n"
                                 "crypto map {map} 65535 ipsec-isakmp dynamic {dynmap}",
                [DIALECT_ASA70] = "no crypto map {map} {seq} ipsec-isakmp dynamic {dynmap}\n"
                                  "crypto map {map} 65535 ipsec-isakmp dynamic {dynmap}",
                [DIALECT_ASA84] = "no crypto map {map} {seq} ipsec-isakmp dynamic {dynmap}\n"
                                  "crypto map {map} 65535 ipsec-isakmp dynamic {dynmap}",
            },
        .drops_tunnels = true,
        .seed_section = "Verify that Crypto Map Sequence Numbers are Correct",
    },
    {
        .id = "crypto-acl-overlap",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "Two entries of one crypto map match overlapping traffic",
        .explanation =
            "The crypto ACLs of two entries in the same map intersect. A packet is matched "
            "against the entries in sequence order, so traffic in the overlap always goes to "
            "the lower-numbered entry's peer and never to the other: that tunnel may come up "
            "but carries nothing for those addresses. The finding names both entries and the "
            "overlapping range.",
        .fix_summary = "Narrow the ACL entries so each flow matches exactly one crypto map entry.",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " no permit ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] = "no access-list {acl} permit ip {local_net} {local_mask} "
                                 "{remote_net} {remote_mask}",
                [DIALECT_ASA70] =
                    "no access-list {acl} extended permit ip {local_net} {local_mask} "
                    "{remote_net} {remote_mask}",
                [DIALECT_ASA84] =
                    "no access-list {acl} extended permit ip {local_net} {local_mask} "
                    "{remote_net} {remote_mask}",
            },
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map",
    },
    {
        .id = "crypto-acl-duplicate",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_map,
        .title = "The same ACL entry appears in several crypto ACLs",
        .explanation =
            "An identical entry is repeated in one crypto ACL or in the ACLs of several "
            "entries. With many tunnels the ASA then builds duplicate crypto rules in its ASP "
            "table and some tunnels pass no traffic at all: the ASA receives nothing encrypted "
            "for them. Duplicates are also one cause of %ASA-3-752006.",
        .fix_summary = "Remove the duplicate ACL entries.",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " no permit ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] = "no access-list {acl} permit ip {local_net} {local_mask} "
                                 "{remote_net} {remote_mask}",
                [DIALECT_ASA70] =
                    "no access-list {acl} extended permit ip {local_net} {local_mask} "
                    "{remote_net} {remote_mask}",
                [DIALECT_ASA84] =
                    "no access-list {acl} extended permit ip {local_net} {local_mask} "
                    "{remote_net} {remote_mask}",
            },
        .seed_section = "Some Tunnels Not Encrypted",
    },
    {
        .id = "crypto-acl-reversed",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "A crypto ACL is written from the peer's point of view",
        .explanation =
            "The crypto ACL's sources are networks behind the peer (routed out the crypto "
            "interface) and its destinations are networks behind this device: it was copied "
            "from the other end without being reversed. Outbound traffic matches nothing, and "
            "the proxies proposed are the mirror of what the peer expects.",
        .fix_summary = "Rewrite the ACL with this device's networks as source and the peer's as "
                       "destination.",
        .fix =
            {
                [DIALECT_IOS] =
                    "ip access-list extended {acl}\n"
                    " no permit ip {remote_net} {remote_wild} {local_net} {local_wild}\n"
                    " permit ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] =
                    "no access-list {acl} permit ip {remote_net} {remote_mask} "
                    "{local_net} {local_mask}\n"
                    "access-list {acl} permit ip {local_net} {local_mask} {remote_net} "
                    "{remote_mask}",
                [DIALECT_ASA70] = "no access-list {acl} extended permit ip {remote_net} "
                                  "{remote_mask} {local_net} {local_mask}\n"
                                  "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
                [DIALECT_ASA84] = "no access-list {acl} extended permit ip {remote_net} "
                                  "{remote_mask} {local_net} {local_mask}\n"
                                  "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
            },
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map",
    },
    {
        .id = "crypto-acl-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "A crypto map entry names an ACL that does not exist or permits nothing",
        .explanation =
            "'match address X' refers to an access list that is not configured, or that has no "
            "permit entry. The entry then defines no interesting traffic: nothing triggers IKE "
            "towards its peer and nothing is encrypted.",
        .fix_summary = "Create the crypto ACL with the traffic to protect (or fix the name in "
                       "'match address').",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " permit ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] =
                    "access-list {acl} permit ip {local_net} {local_mask} {remote_net} "
                    "{remote_mask}",
                [DIALECT_ASA70] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
                [DIALECT_ASA84] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
            },
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map",
    },
    {
        .id = "key-acquire-failed",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_map,
        .title = "The tunnel manager cannot dispatch KEY_ACQUIRE (crypto map or tunnel-group "
                 "misconfigured)",
        .explanation =
            "%ASA-3-752006 'Tunnel Manager failed to dispatch a KEY_ACQUIRE message. Probable "
            "mis-configuration of the crypto map or tunnel-group' means traffic matched a crypto "
            "map entry but the ASA could not start a negotiation for it. Known causes: a crypto "
            "ACL attached to a dynamic map entry, leftover unused IKEv2 configuration, crypto "
            "ACLs that do not match the peer's, and duplicate ACL entries.",
        .fix_summary = "Remove the match address from dynamic map entries and unused IKEv2 "
                       "settings; check the crypto ACLs for mismatches and duplicates.",
        .fix =
            {
                [DIALECT_IOS] = "crypto dynamic-map {dynmap} {seq}\n no match address {acl}",
                [DIALECT_PIX6] = "no crypto dynamic-map {dynmap} {seq} match address {acl}",
                [DIALECT_ASA70] = "no crypto dynamic-map {dynmap} {seq} match address {acl}",
                [DIALECT_ASA84] = "no crypto dynamic-map {dynmap} {seq} match address {acl}",
            },
        .seed_section = "Error Message - %ASA-3-752006: Tunnel Manager failed to dispatch a "
                        "KEY_ACQUIRE message",
    },
    {
        .id = "backup-peers",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG,
        .category = cat_map,
        .title = "The crypto map entry lists backup peers",
        .explanation =
            "'set peer X Y' gives a primary peer and backups. For each tunnel the device tries "
            "the first peer and, when it does not answer, the next, until one answers or the "
            "list ends. The finding reports the order, since the first reachable peer wins even "
            "if a later one is preferred.",
        .fix_summary = "Nothing to fix; check that the order is the intended one.",
        .seed_section = "Configure Backup Peer for VPN Tunnel on ASA",
    },
    {
        .id = "ipsec-sa-lifetime",
        .severity = SEV_INFO,
        .found_from = FROM_PAIR,
        .category = cat_map,
        .title = "IPsec SA lifetimes differ between the peers",
        .explanation =
            "The global 'crypto ipsec security-association lifetime seconds|kilobytes' or a "
            "per-entry lifetime is not the same on both ends. The tunnel still comes up with the "
            "shorter lifetime, but equal values make rekeys predictable and easier to read in "
            "the logs.",
        .fix_summary = "Set the same IPsec SA lifetime on both peers.",
        .fix =
            {
                [DIALECT_IOS] = "crypto ipsec security-association lifetime seconds {lifetime}",
                [DIALECT_PIX6] = "crypto ipsec security-association lifetime seconds {lifetime}",
                [DIALECT_ASA70] = "crypto ipsec security-association lifetime seconds {lifetime}",
                [DIALECT_ASA84] = "crypto ipsec security-association lifetime seconds {lifetime}",
            },
        .seed_section = "Verify ISAKMP Lifetime",
    },
    /* ---- 4. NAT exemption and ACLs ----------------------------------------- */
    {
        .id = "tunnel-protection-one-side",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_map,
        .title = "A GRE tunnel is protected with IPsec on one end only",
        .explanation =
            "With 'tunnel protection ipsec profile' on one end of a GRE (or DMVPN) tunnel and "
            "not on the other, the unprotected end sends its GRE packets (IP protocol 47) in "
            "clear. The protected end expects them encrypted and drops them, logging "
            "%CRYPTO-4-RECVD_PKT_NOT_IPSEC with 'prot= 47'; its own packets arrive encrypted at "
            "an end that cannot read them. Routing adjacencies and NHRP registrations over the "
            "tunnel fail while the interfaces stay up.",
        .fix_summary = "Apply the same tunnel protection on both ends of the tunnel (or on "
                       "neither).",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n tunnel protection ipsec profile <ipsec-profile>",
            },
        .note = "Not in the seed document: added for real IOS logs (issue 13). The cleartext "
                "GRE comes from the address in src_addr: that is the end to fix.",
        .seed_section = "Not in the seed (Cisco DMVPN and GRE over IPsec configuration guides)",
    },
    {
        .id = "tunnel-protection-shutdown",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_map,
        .title = "Changing tunnel protection or mode needs the tunnel interface reset",
        .explanation =
            "IOS XE shuts the tunnel interface when its 'tunnel protection' profile is replaced "
            "('Shutting down TunnelN interface due to IPsec tunnel protection modification') and "
            "it stays down until 'no shutdown'. When the tunnel mode changes while protection is "
            "active, IOS warns that the protection is not rebuilt until the interface is shut "
            "and brought up again. Until then traffic over the tunnel stops or uses the old "
            "protection.",
        .fix_summary = "Shut the tunnel interface and bring it up again after the change.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n shutdown\n no shutdown",
            },
        .drops_tunnels = true,
        .note = "Not in the seed document: added for real IOS XE console messages (issue 13).",
        .seed_section = "Not in the seed (IOS XE console messages on tunnel protection changes)",
    },
    {
        .id = "nat-exemption-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_nat,
        .title = "Traffic for the tunnel is translated by NAT before encryption",
        .explanation =
            "NAT runs before the crypto map looks at a packet, so traffic meant for the tunnel "
            "must be exempt from translation; otherwise its translated source no longer matches "
            "the crypto ACL and it leaves unencrypted (or is dropped). Both LAN-to-LAN and "
            "remote-access (towards the pool) need the exemption. Symptoms are one-way traffic, "
            "VoIP calls over the VPN failing, and %ASA-3-305005 'No translation group found for "
            "udp src outside:x/p dst inside:y/p'. The finding names the first NAT rule that "
            "would translate the flow.",
        .fix_summary = "Exempt the VPN traffic from NAT: IOS deny it in the NAT ACL, ASA before "
                       "8.3 'nat (inside) 0', ASA 8.3+ an identity twice NAT placed first.",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " 5 deny ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] =
                    "access-list {acl} permit ip {local_net} {local_mask} {remote_net} "
                    "{remote_mask}\nnat ({nat_if}) 0 access-list {acl}",
                [DIALECT_ASA70] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}\nnat ({nat_if}) 0 access-list {acl}",
                [DIALECT_ASA84] =
                    "object network obj-{local_net}\n subnet {local_net} {local_mask}\n"
                    "object network obj-{remote_net}\n"
                    " subnet {remote_net} {remote_mask}\n"
                    "nat ({nat_if},{if}) 1 source static obj-{local_net} obj-{local_net} "
                    "destination static obj-{remote_net} obj-{remote_net} no-proxy-arp "
                    "route-lookup",
            },
        .note = "ASA 8.3 already uses object and twice NAT; the ASA 8.4+ commands apply to 8.3 "
                "too. On IOS the deny must come before the permit of the ACL bound to 'ip nat "
                "inside source list|route-map ... overload'.",
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map (NAT exemption)",
    },
    {
        .id = "nat-exemption-has-ports",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_nat,
        .title = "The NAT exemption ACL names ports",
        .explanation =
            "NAT exemption ('nat 0 access-list') matches on addresses and networks only; an ACL "
            "entry with ports ('... eq 25') is not usable for it, so the traffic it was meant "
            "to exempt is translated anyway. The exemption ACL should list the same networks as "
            "the crypto ACL, without protocols or ports.",
        .fix_summary = "Replace the entries with ports by plain 'permit ip' network pairs.",
        .fix =
            {
                /* the entry with ports replaced in its place, by its number */
                [DIALECT_IOS] =
                    "ip access-list extended {acl}\n no {seq}\n"
                    " {seq} deny ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] =
                    "access-list {acl} permit ip {local_net} {local_mask} {remote_net} "
                    "{remote_mask}",
                [DIALECT_ASA70] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}",
            },
        .note = "ASA 8.3+ has no 'nat 0 access-list'; twice NAT exemption uses network objects.",
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map (NAT exemption)",
    },
    {
        .id = "nat-exemption-differs",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG,
        .category = cat_nat,
        .title = "The NAT exemption does not cover the same traffic as the crypto ACL",
        .explanation =
            "The traffic exempted from NAT and the traffic the crypto ACL encrypts should be "
            "the same set of network pairs. Flows in the crypto ACL but not in the exemption are "
            "translated and miss the tunnel; flows exempted but not encrypted leave in clear "
            "with private addresses.",
        .fix_summary = "Make the NAT exemption list exactly the networks of the crypto ACL.",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " no deny ip {local_net} {local_wild} {remote_net} {remote_wild}",
                [DIALECT_PIX6] = "no access-list {acl} permit ip {local_net} {local_mask} "
                                 "{remote_net} {remote_mask}",
                [DIALECT_ASA70] = "no access-list {acl} extended permit ip {local_net} "
                                  "{local_mask} {remote_net} {remote_mask}",
            },
        .note = "The check reports exemptions that no crypto ACL encrypts (they leave in "
                "clear); crypto ACL flows that are translated are nat-exemption-missing. The fix "
                "removes the extra exemption entry; on ASA 8.3+ remove or narrow the twice NAT "
                "line the finding names ('no nat ...' with that line's own text).",
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map (NAT exemption)",
    },
    {
        .id = "asymmetric-nat",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_nat,
        .title = "Asymmetric NAT rules matched the forward and reverse flows",
        .explanation =
            "%ASA-5-305013 'Asymmetric NAT rules matched for forward and reverse flows' means "
            "the connection was denied by the NAT reverse-path check: the host was reached by "
            "its real address from an interface where it is known by a mapped one. Connect to "
            "the mapped address when not on the host's own interface, and inspect protocols "
            "that carry addresses in their payload.",
        .fix_summary = "Reach the host by its mapped address (or add a matching exemption); "
                       "enable inspection for protocols that embed addresses.",
        .seed_section = "Error Message - %ASA-5-305013: Asymmetric NAT rules matched",
    },
    {
        .id = "sysopt-permit-vpn-off",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_nat,
        .title = "Decrypted traffic is checked against the interface ACL, which denies it",
        .explanation =
            "By default the ASA lets traffic that arrives through a tunnel bypass the outside "
            "interface ACL ('sysopt connection permit-vpn'). When that is turned off and the "
            "ACL does not permit the remote networks, the tunnel comes up but decrypted packets "
            "are dropped at the interface. 'show running-config all sysopt' shows the setting.",
        .fix_summary = "Turn the sysopt back on, or permit the remote networks (and UDP 500 from "
                       "the peer) in the outside ACL.",
        .fix =
            {
                [DIALECT_PIX6] = "sysopt connection permit-ipsec",
                [DIALECT_ASA70] = "sysopt connection permit-vpn",
                [DIALECT_ASA84] = "sysopt connection permit-vpn",
            },
        .note = "The command is 'sysopt connection permit-ipsec' up to 7.0 and 'sysopt "
                "connection permit-vpn' from 7.1(1). It is off by default on PIX 6.x and on by "
                "default from ASA/PIX 7.0(1).",
        .seed_section = "Verify that sysopt Commands are Present (PIX/ASA Only)",
    },
    {
        .id = "ike-esp-blocked",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_CAPTURE | FROM_LIVE,
        .category = cat_nat,
        .title = "UDP 500, UDP 4500 or ESP is blocked on the path",
        .explanation =
            "An ACL on a device between the peers (or the device's own outside ACL when it does "
            "NAT for VPN clients behind it) drops IKE (UDP 500), NAT-T (UDP 4500) or ESP (IP "
            "protocol 50). IKE then gets no answer, or phase 1 and 2 come up but no data "
            "passes. The Cisco VPN Client can fall back to IPsec over TCP 10000 where the "
            "head end allows it.",
        .fix_summary =
            "Permit UDP 500, UDP 4500 and ESP between the peers on every ACL in the path.",
        .fix =
            {
                [DIALECT_IOS] =
                    "ip access-list extended {acl}\n permit udp host {peer} any eq isakmp\n"
                    " permit udp host {peer} any eq non500-isakmp\n"
                    " permit esp host {peer} any",
                [DIALECT_PIX6] = "access-list {acl} permit udp host {peer} any eq isakmp\n"
                                 "access-list {acl} permit udp host {peer} any eq 4500\n"
                                 "access-list {acl} permit esp host {peer} any",
                [DIALECT_ASA70] =
                    "access-list {acl} extended permit udp host {peer} any eq isakmp\n"
                    "access-list {acl} extended permit udp host {peer} any eq 4500\n"
                    "access-list {acl} extended permit esp host {peer} any",
                [DIALECT_ASA84] =
                    "access-list {acl} extended permit udp host {peer} any eq isakmp\n"
                    "access-list {acl} extended permit udp host {peer} any eq 4500\n"
                    "access-list {acl} extended permit esp host {peer} any",
            },
        .seed_section = "Unable to Pass Traffic Across VPN Tunnel",
    },
    {
        .id = "split-tunnel-acl-any",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_nat,
        .title = "The split-tunnel ACL is not usable (source 'any', or missing)",
        .explanation =
            "On IOS an extended split-tunnel ACL with 'any' as source is the same as no split "
            "tunnel at all: list only the networks behind the head end as sources. On the ASA, "
            "'split-tunnel-policy tunnelspecified' needs 'split-tunnel-network-list value ACL' "
            "naming an existing standard ACL of the networks the client must reach; otherwise "
            "clients receive no routes for the tunnel.",
        .fix_summary = "Write the split-tunnel ACL with the head end's networks only and bind "
                       "it to the group.",
        .fix =
            {
                [DIALECT_IOS] = "ip access-list extended {acl}\n"
                                " permit ip {local_net} {local_wild} {remote_net} {remote_wild}\n"
                                "crypto isakmp client configuration group {group}\n acl {acl}",
                [DIALECT_PIX6] =
                    "access-list {acl} permit ip {local_net} {local_mask} {remote_net} "
                    "{remote_mask}\nvpngroup {group} split-tunnel {acl}",
                [DIALECT_ASA70] =
                    "access-list {acl} standard permit {local_net} {local_mask}\n"
                    "group-policy {gp} attributes\n split-tunnel-policy tunnelspecified\n"
                    " split-tunnel-network-list value {acl}",
                [DIALECT_ASA84] =
                    "access-list {acl} standard permit {local_net} {local_mask}\n"
                    "group-policy {gp} attributes\n split-tunnel-policy tunnelspecified\n"
                    " split-tunnel-network-list value {acl}",
            },
        .note = "The seed's IOS example 'access-list 10 permit ip 192.168.100.0' is not valid "
                "syntax; a standard ACL is 'access-list 10 permit 192.168.100.0 0.0.0.255'.",
        .seed_section = "Verify that ACLs are Correct and are Bound to Crypto Map (split tunnel)",
    },
    {
        .id = "split-tunnel-exclude-ezvpn",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG,
        .category = cat_nat,
        .title = "'split-tunnel-policy excludespecified' is not supported by Easy VPN clients",
        .explanation =
            "The excludespecified split-tunnel policy (tunnel everything except the listed "
            "networks) works only with the Cisco VPN Client. Easy VPN hardware clients do not "
            "support it, so a group used by them should use tunnelspecified or tunnelall.",
        .fix_summary = "Use tunnelspecified (or tunnelall) for groups that serve Easy VPN clients.",
        .fix =
            {
                [DIALECT_ASA70] =
                    "group-policy {gp} attributes\n split-tunnel-policy tunnelspecified\n"
                    " split-tunnel-network-list value {acl}",
                [DIALECT_ASA84] =
                    "group-policy {gp} attributes\n split-tunnel-policy tunnelspecified\n"
                    " split-tunnel-network-list value {acl}",
            },
        .seed_section = "Split-Tunnel - Unable to Access Internet or Excluded Networks",
    },
    /* ---- 5. Routing and addressing ----------------------------------------- */
    {
        .id = "route-to-remote-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "No route sends the remote network out the crypto interface",
        .explanation =
            "A packet is encrypted only if routing first sends it out the interface that "
            "carries the crypto map. Here no static route, default route or reverse-route "
            "injection covers a destination of the crypto ACL through that interface, so the "
            "traffic leaves another way (or is dropped) and never meets the crypto map.",
        .fix_summary = "Add a route for each remote network through the crypto interface, or use "
                       "reverse route injection.",
        .fix =
            {
                [DIALECT_IOS] = "ip route {remote_net} {remote_mask} {nexthop}",
                [DIALECT_PIX6] = "route {if} {remote_net} {remote_mask} {nexthop}",
                [DIALECT_ASA70] = "route {if} {remote_net} {remote_mask} {nexthop}",
                [DIALECT_ASA84] = "route {if} {remote_net} {remote_mask} {nexthop}",
            },
        .seed_section = "Verify that Routing is Correct",
    },
    {
        .id = "reverse-route-suggested",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "Many static routes to remote networks: reverse route injection would do this",
        .explanation =
            "Static routes to every remote network are hard to keep in step with the crypto "
            "ACLs. Reverse route injection installs one route per crypto ACL destination (and "
            "per connected VPN client) while the SA exists, and those routes can be "
            "redistributed into EIGRP or OSPF for the routers behind the gateway.",
        .fix_summary = "Enable reverse route injection on the crypto map entry.",
        .fix =
            {
                [DIALECT_IOS] = "crypto map {map} {seq} ipsec-isakmp\n reverse-route",
                [DIALECT_ASA70] = "crypto map {map} {seq} set reverse-route",
                [DIALECT_ASA84] = "crypto map {map} {seq} set reverse-route",
            },
        .seed_section = "Verify that Routing is Correct",
    },
    {
        .id = "pool-overlaps-inside",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "The remote-access address pool overlaps a network behind the head end",
        .explanation =
            "Addresses handed to VPN clients fall inside a network that is connected or routed "
            "behind the head end. Replies to clients are then delivered to the inside network "
            "instead of the tunnel, so clients connect but reach nothing. The pool, the head "
            "end's inside networks and the clients' own LANs must all be different networks.",
        .fix_summary = "Give the pool a network used nowhere behind the head end.",
        .fix =
            {
                [DIALECT_IOS] = "no ip local pool {pool}\n"
                                "ip local pool {pool} {pool_first} {pool_last}",
                [DIALECT_PIX6] = "no ip local pool {pool}\n"
                                 "ip local pool {pool} {pool_first}-{pool_last}",
                [DIALECT_ASA70] = "no ip local pool {pool}\n"
                                  "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}",
                [DIALECT_ASA84] = "no ip local pool {pool}\n"
                                  "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}",
            },
        .seed_section = "Overlapping Private Networks",
    },
    {
        .id = "pool-network-broadcast",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_route,
        .title = "The address pool includes its subnet's network or broadcast address",
        .explanation =
            "A pool range such as 10.0.0.0-10.0.0.255 in a /24 includes the network and "
            "broadcast addresses. When the head end tries to hand one of them to a client, the "
            "client disconnects with 'Reason 433 (Reason not specified by peer)', often on the "
            "first attempt, and the ASA logs that it tried to assign a network or broadcast "
            "address.",
        .fix_summary = "Start the range one above the network address and end it one below the "
                       "broadcast address.",
        .fix =
            {
                [DIALECT_IOS] = "no ip local pool {pool}\n"
                                "ip local pool {pool} {pool_first} {pool_last}",
                [DIALECT_PIX6] = "no ip local pool {pool}\n"
                                 "ip local pool {pool} {pool_first}-{pool_last}",
                [DIALECT_ASA70] = "no ip local pool {pool}\n"
                                  "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}",
                [DIALECT_ASA84] = "no ip local pool {pool}\n"
                                  "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}",
            },
        .seed_section = "VPN Client Drops Connection Frequently on First Attempt (Reason 433)",
    },
    {
        .id = "pool-too-small",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "The address pools hold fewer addresses than the sessions allowed",
        .explanation =
            "The remote-access pools have fewer addresses than the number of sessions the head "
            "end allows (vpn-sessiondb max-session-limit, or the platform's limit). Once the "
            "pool is exhausted further clients cannot get an address and fail to connect.",
        .fix_summary = "Widen the pool, or add a second pool after the first (pools are used in "
                       "the order listed).",
        .fix =
            {
                [DIALECT_ASA70] = "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}\n"
                                  "tunnel-group {tg} general-attributes\n address-pool {pool}",
                [DIALECT_ASA84] = "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}\n"
                                  "tunnel-group {tg} general-attributes\n address-pool {pool}",
            },
        .seed_section = "VPN Pool Getting Exhausted",
    },
    {
        .id = "pool-overridden",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "The group-policy's address pools override the tunnel-group's",
        .explanation =
            "An 'address-pools' setting in the group-policy always takes precedence over the "
            "tunnel-group's 'address-pool', so the tunnel-group's pools are never used. Changes "
            "made to them have no effect.",
        .fix_summary = "Keep the pools in one place: 'address-pools none' in the tunnel-group's "
                       "group-policy (the tunnel-group's pools then apply), or remove the "
                       "tunnel-group's address-pool.",
        .fix =
            {
                [DIALECT_ASA70] = "group-policy {gp} attributes\n address-pools none",
                [DIALECT_ASA84] = "group-policy {gp} attributes\n address-pools none",
            },
        .seed_section = "VPN Pool Getting Exhausted",
    },
    {
        .id = "hairpin-not-permitted",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "VPN traffic must leave by the interface it arrived on, which is not permitted",
        .explanation =
            "Spoke-to-spoke traffic through a hub, or remote-access users reaching the internet "
            "or another VPN through the head end, enters and leaves the same (outside) "
            "interface. The ASA drops such traffic unless 'same-security-traffic permit "
            "intra-interface' is set; internet access for clients also needs a NAT rule for the "
            "pool on outside.",
        .fix_summary = "Permit intra-interface traffic (and NAT the pool on outside for internet "
                       "access).",
        .fix =
            {
                [DIALECT_ASA70] = "same-security-traffic permit intra-interface",
                [DIALECT_ASA84] = "same-security-traffic permit intra-interface",
            },
        .seed_section = "Hairpinning",
    },
    {
        .id = "dmz-not-reachable",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "Remote-access users reach the inside network but not the DMZ",
        .explanation =
            "The DMZ network is missing from the NAT exemption towards the VPN pool, or from the "
            "split-tunnel list, so DMZ replies to clients are translated or clients never send "
            "DMZ traffic into the tunnel. After adding the NAT rule, clear the translations and "
            "check the client's secured routes.",
        .fix_summary = "Exempt DMZ-to-pool traffic from NAT (and add the DMZ to the split-tunnel "
                       "list), then clear xlate.",
        .fix =
            {
                [DIALECT_ASA70] = "access-list {acl} extended permit ip {local_net} {local_mask} "
                                  "{remote_net} {remote_mask}\nnat ({nat_if}) 0 access-list {acl}\n"
                                  "clear xlate\nclear local",
                [DIALECT_ASA84] =
                    "object network obj-{local_net}\n subnet {local_net} {local_mask}\n"
                    "object network obj-{remote_net}\n"
                    " subnet {remote_net} {remote_mask}\n"
                    "nat ({nat_if},{if}) 1 source static obj-{local_net} obj-{local_net} "
                    "destination static obj-{remote_net} obj-{remote_net} no-proxy-arp "
                    "route-lookup\nclear xlate\nclear local",
            },
        .seed_section = "Unable to Access the Servers in DMZ",
    },
    {
        .id = "multicast-over-tunnel",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG,
        .category = cat_route,
        .title = "Multicast does not cross ASA crypto-map tunnels",
        .explanation =
            "The ASA does not pass multicast traffic through IPsec tunnels. A routing protocol "
            "that is expected to form adjacencies over a crypto-map tunnel will not; use static "
            "routes or reverse route injection, or a GRE tunnel protected by IPsec on routers.",
        .fix_summary = "Do not rely on multicast (routing protocols) over ASA crypto-map tunnels.",
        .seed_section = "Introduction (note on multicast)",
    },
    {
        .id = "peer-address-not-owned",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_route,
        .drops_tunnels = true,
        .title = "The initiator sends to an address the responder does not own",
        .explanation =
            "The crypto map entry's 'set peer' names an address that is not on the peer's "
            "crypto interface, while the peer's own entry names this device and mirrors the "
            "crypto ACL: the config was copied, or the peer was readdressed. IKE goes to an "
            "address where nobody answers, and the initiator waits in MM_WAIT_MSG2. When a "
            "device between them translates that address to the peer's (a static NAT), give "
            "its config to 'tunnel' as a third file, or '--nat OUTSIDE=INSIDE', and the pair is "
            "played through it.",
        .fix_summary = "Send to the peer's crypto interface address, with a key for that address.",
        .fix =
            {
                [DIALECT_IOS] =
                    "crypto map {map} {seq} ipsec-isakmp\n no set peer {peer}\n set peer "
                    "{addr}\ncrypto isakmp key <pre-shared-key> address {addr}",
                [DIALECT_PIX6] = "no crypto map {map} {seq} set peer {peer}\ncrypto map {map} "
                                 "{seq} set peer {addr}\nisakmp key <pre-shared-key> address "
                                 "{addr} netmask 255.255.255.255",
                [DIALECT_ASA70] =
                    "no crypto map {map} {seq} set peer {peer}\ncrypto map {map} {seq} set peer "
                    "{addr}\ntunnel-group {addr} type ipsec-l2l\ntunnel-group {addr} "
                    "ipsec-attributes\n pre-shared-key <pre-shared-key>",
                [DIALECT_ASA84] =
                    "no crypto map {map} {seq} set peer {peer}\ncrypto map {map} {seq} set peer "
                    "{addr}\ntunnel-group {addr} type ipsec-l2l\ntunnel-group {addr} "
                    "ipsec-attributes\n ikev1 pre-shared-key <pre-shared-key>",
            },
        .note = "Not in the seed document: added with issue 10 (why an endpoint does not "
                "answer). A warning when the peer's address is private and the one sent to is "
                "public: a NAT between them is likely, and the finding names it.",
        .seed_section = "Not in the seed (Cisco IOS/ASA crypto map set peer; RFC 3947 NAT "
                        "traversal)",
    },
    /* ---- 6. Remote-access policy ------------------------------------------- */
    {
        .id = "nhrp-registration-failed",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_route,
        .title = "A DMVPN spoke cannot register with its next hop server",
        .explanation =
            "A spoke registers its tunnel address with each next hop server (NHS) it is "
            "configured with. %DMVPN-5-NHRP_NHS_DOWN 'Reason: NHRP Registration Failure' means "
            "no reply came: the NHS address is not the hub's tunnel address, the hub drops the "
            "request (NHRP authentication, network-id), or the packets between them are dropped "
            "because only one end protects the tunnel with IPsec.",
        .fix_summary = "Point the spoke at the hub's tunnel and NBMA addresses and make the "
                       "hub's NHRP and tunnel protection match the spoke's.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n"
                                " ip nhrp nhs <hub-tunnel-address> nbma <hub-nbma-address> "
                                "multicast",
            },
        .note = "Not in the seed document: added for real IOS XE DMVPN logs (issue 13). The NHS "
                "in the message is the address the spoke uses: compare it with the hub's tunnel "
                "address.",
        .seed_section = "Not in the seed (Cisco DMVPN configuration guide, ip nhrp nhs)",
    },
    {
        .id = "tunnel-protocol-conflict",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_ra,
        .title = "The group-policy does not allow the tunnel protocol the client uses",
        .explanation =
            "'vpn-tunnel-protocol' in the group-policy (or in the username's attributes, or "
            "inherited from DfltGrpPolicy) lists the protocols a session may use. When it lacks "
            "the one the client is using, for example only l2tp-ipsec for an IPsec client, the "
            "ASA rejects the tunnel after authentication with %ASA-3-713206 'Tunnel Rejected: "
            "Conflicting protocols specified by tunnel-group and group-policy'.",
        .fix_summary = "Add IPsec (8.4+: ikev1) to vpn-tunnel-protocol in the group-policy the "
                       "session uses.",
        .fix =
            {
                [DIALECT_ASA70] = "group-policy {gp} attributes\n vpn-tunnel-protocol {protocols}",
                [DIALECT_ASA84] = "group-policy {gp} attributes\n vpn-tunnel-protocol {protocols}",
            },
        .seed_section = "Error - %ASA-3-713206: Tunnel Rejected: Conflicting protocols specified "
                        "by tunnel-group and group-policy",
    },
    {
        .id = "simultaneous-logins",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_ra,
        .title = "Only a few clients can log in with one account",
        .explanation =
            "vpn-simultaneous-logins limits how many sessions one user name may have; it is 3 "
            "by default (inherited from DfltGrpPolicy) and 0 blocks every login. The next client "
            "fails with 'Reason 413: User Authentication failed' and the head end logs 'tunnel "
            "rejected; the maximum tunnel count has been reached' or 'Authentication rejected: "
            "Reason = Simultaneous logins exceeded for user'. Independently, a login from another "
            "PC with the same account ends the existing session.",
        .fix_summary = "Raise vpn-simultaneous-logins in the group-policy.",
        .fix =
            {
                [DIALECT_ASA70] = "group-policy {gp} attributes\n vpn-simultaneous-logins 20",
                [DIALECT_ASA84] = "group-policy {gp} attributes\n vpn-simultaneous-logins 20",
            },
        .seed_section = "Unable to Connect More Than Three VPN Client Users",
    },
    {
        .id = "session-limit",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_ra,
        .title = "The VPN session limit is lower than the users expected",
        .explanation =
            "'vpn-sessiondb max-session-limit N' caps the number of VPN sessions below what the "
            "platform allows. When it is lower than the number of users (or than the address "
            "pools can serve), further clients are refused once the limit is reached.",
        .fix_summary = "Raise (or remove) the session limit.",
        .fix =
            {
                [DIALECT_ASA70] = "no vpn-sessiondb max-session-limit",
                [DIALECT_ASA84] = "no vpn-sessiondb max-session-limit",
            },
        .seed_section = "Unable to Connect More Than Three VPN Client Users",
    },
    {
        .id = "xauth-radius-timeout",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_ra,
        .title = "XAUTH against RADIUS times out",
        .explanation =
            "VPN clients cannot authenticate when XAUTH is sent to a RADIUS server that answers "
            "more slowly than the AAA server's timeout. Raise the timeout; to narrow the problem "
            "down, authenticate against the LOCAL database first, then check the RADIUS "
            "server's reachability and configuration with 'debug radius'.",
        .fix_summary = "Raise the timeout of the RADIUS server entry (e.g. 10 seconds).",
        .fix =
            {
                [DIALECT_ASA70] = "aaa-server {group} host {peer}\n timeout 10",
                [DIALECT_ASA84] = "aaa-server {group} host {peer}\n timeout 10",
            },
        .note = "Here {group} is the aaa-server group name and {peer} the RADIUS server's address.",
        .seed_section = "VPN Clients are Unable to Connect with ASA (XAUTH with RADIUS)",
    },
    {
        .id = "xauth-threat-detection",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_ra,
        .title = "Threat detection treats VPN retransmissions as a scan and shuns them",
        .explanation =
            "Many retransmissions for incomplete SAs look like a scanning attack to the ASA's "
            "threat detection, which can then shun the VPN port and block clients. Turning "
            "threat detection off confirms the cause, but it also removes protections (scan "
            "mitigation, invalid-SPI DoS detection, incomplete-session tracking), so weigh that "
            "first.",
        .fix_summary = "Disable scanning-threat shunning (and, if needed, the other threat "
                       "detection features) knowing what protection it removes.",
        .fix =
            {
                [DIALECT_ASA70] = "no threat-detection basic-threat\n"
                                  "no threat-detection scanning-threat shun\n"
                                  "no threat-detection statistics\nno threat-detection rate",
                [DIALECT_ASA84] = "no threat-detection basic-threat\n"
                                  "no threat-detection scanning-threat shun\n"
                                  "no threat-detection statistics\nno threat-detection rate",
            },
        .seed_section = "VPN Clients are Unable to Connect with ASA (threat detection)",
    },
    {
        .id = "ra-dns-missing",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG,
        .category = cat_ra,
        .title = "VPN clients receive no DNS server",
        .explanation =
            "Clients cannot resolve names after connecting because the group-policy has no "
            "'dns-server value ...' (and 'default-domain'), or the group-policy that has them is "
            "not bound to the tunnel-group with 'default-group-policy'. Internal names over a "
            "split tunnel additionally need split DNS.",
        .fix_summary = "Set the DNS server and domain in the group-policy and bind it to the "
                       "tunnel-group.",
        .fix =
            {
                [DIALECT_ASA70] =
                    "group-policy {gp} attributes\n dns-server value <dns-server>\n"
                    " default-domain value <domain>\n"
                    "tunnel-group {tg} general-attributes\n default-group-policy {gp}",
                [DIALECT_ASA84] =
                    "group-policy {gp} attributes\n dns-server value <dns-server>\n"
                    " default-domain value <domain>\n"
                    "tunnel-group {tg} general-attributes\n default-group-policy {gp}",
            },
        .seed_section = "VPN Clients Unable to Resolve DNS",
    },
    {
        .id = "ra-no-internet",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG,
        .category = cat_ra,
        .title = "With tunnel-all, clients reach the internet only through the head end",
        .explanation =
            "With 'split-tunnel-policy tunnelall' every client packet goes into the tunnel, so "
            "internet access needs the head end to hairpin it (same-security-traffic permit "
            "intra-interface and a NAT for the pool on outside). Alternatively use "
            "tunnelspecified. Access to the client's own LAN is a separate setting.",
        .fix_summary = "Hairpin and NAT the pool on the head end, or use a split tunnel.",
        .fix =
            {
                [DIALECT_ASA70] =
                    "same-security-traffic permit intra-interface\n"
                    "global ({if}) 1 interface\nnat ({if}) 1 {remote_net} {remote_mask}",
                [DIALECT_ASA84] = "same-security-traffic permit intra-interface\n"
                                  "object network obj-{remote_net}\n"
                                  " subnet {remote_net} {remote_mask}\n"
                                  " nat ({if},{if}) dynamic interface",
            },
        .note = "Here {remote_net} / {remote_mask} is the VPN address pool's network.",
        .seed_section = "Remote Access and EZVPN Users Connect to VPN but Cannot Access External "
                        "Resources",
    },
    {
        .id = "mode-config-pool-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG,
        .category = cat_ra,
        .title = "A remote-access tunnel-group has no way to assign client addresses",
        .explanation =
            "The remote-access tunnel-group has no address pool (neither its own nor its "
            "group-policy's), no DHCP server and no RADIUS address assignment. Clients "
            "authenticate but receive no address during mode configuration, and the session is "
            "torn down.",
        .fix_summary = "Give the tunnel-group (or its group-policy) an address pool.",
        .fix =
            {
                [DIALECT_IOS] = "ip local pool {pool} {pool_first} {pool_last}\n"
                                "crypto isakmp client configuration group {group}\n pool {pool}",
                [DIALECT_PIX6] = "ip local pool {pool} {pool_first}-{pool_last}\n"
                                 "vpngroup {group} address-pool {pool}",
                [DIALECT_ASA70] = "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}\n"
                                  "tunnel-group {tg} general-attributes\n address-pool {pool}",
                [DIALECT_ASA84] = "ip local pool {pool} {pool_first}-{pool_last} mask {pool_mask}\n"
                                  "tunnel-group {tg} general-attributes\n address-pool {pool}",
            },
        .seed_section = "VPN Pool Getting Exhausted",
    },
    /* ---- 7. Transport, MTU, platform --------------------------------------- */
    {
        .id = "nat-t-disabled",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS | FROM_CAPTURE | FROM_LIVE,
        .category = cat_plat,
        .title = "NAT traversal is off while clients sit behind NAT/PAT",
        .explanation =
            "Without NAT-T, ESP cannot pass a PAT device, so a VPN client behind a home router "
            "appears connected but reaches nothing inside; the ASA may log 'failed to create "
            "translation for protocol 50 src inside:... dst outside:...', and two clients behind "
            "one public address cannot connect together ('Reason 412'). NAT-T wraps ESP in UDP "
            "4500 when a NAT is detected. The client must also enable transparent tunneling "
            "(IPsec over UDP), and when the ASA itself is the NAT device its ACL must permit "
            "UDP 500, UDP 4500 and ESP.",
        .fix_summary = "Enable NAT traversal on the head end (20-second keepalive).",
        .fix =
            {
                [DIALECT_IOS] = "crypto ipsec nat-transparency udp-encapsulation",
                [DIALECT_PIX6] = "isakmp nat-traversal 20",
                [DIALECT_ASA70] = "crypto isakmp nat-traversal 20",
                [DIALECT_ASA84] = "crypto isakmp nat-traversal 20",
            },
        .note = "The default depends on the release: NAT-T is off by default on ASA 7.0 and on "
                "by default in later releases (current ASA guides say enabled); IOS has it on by "
                "default from 12.2(13)T. A config without the line is judged by its detected "
                "version.",
        .seed_section = "Enable NAT-Traversal (#1 RA VPN Issue)",
    },
    {
        .id = "mss-too-large",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS | FROM_CAPTURE,
        .category = cat_plat,
        .title = "TCP MSS is too large for the ESP overhead",
        .explanation =
            "The tunnel is up and pings work, but applications stall or transfers are slow: TCP "
            "segments sized for a plain 1500-byte path no longer fit once ESP headers are added, "
            "so they are fragmented or dropped. Clamping the MSS in SYN packets on the "
            "tunnel-facing interface keeps segments small enough.",
        .fix_summary = "Clamp the TCP MSS (IOS 1300 on the tunnel interface; ASA 1380, the "
                       "default).",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n ip tcp adjust-mss 1300",
                [DIALECT_PIX6] = "sysopt connection tcpmss 1380",
                [DIALECT_ASA70] = "sysopt connection tcpmss 1380",
                [DIALECT_ASA84] = "sysopt connection tcpmss 1380",
            },
        .seed_section = "Unable to Initiate the Session or an Application and Slow Transfer After "
                        "the Tunnel Establishes",
    },
    {
        .id = "large-packet-svc",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "Packets larger than the SSL VPN client's MTU are sent to it",
        .explanation =
            "%ASA-6-722036 '... Transmitting large packet 1220 (threshold 1206)' says a packet "
            "larger than the client tunnel's MTU was sent: the source does not know the "
            "client's MTU, or compression of incompressible data made it grow. Turning off SVC "
            "compression resolves it.",
        .fix_summary = "Disable SVC compression.",
        .fix =
            {
                [DIALECT_ASA70] = "svc compression none",
            },
        .note = "'svc compression' was replaced by 'anyconnect ssl compression' in ASA 8.4 and "
                "later.",
        .seed_section = "Error - %ASA-6-722036: Transmitting large packet",
    },
    {
        .id = "ids-large-icmp",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_plat,
        .title = "Large pings through the tunnel are dropped by IDS signatures",
        .explanation =
            "Large ICMP packets through the tunnel are dropped with %ASA-4-400024 'IDS:2151 "
            "Large ICMP packet': IDS signatures 2150 and 2151 (fragmented and large ICMP) are "
            "active. Ordinary traffic passes; only large pings fail, which misleads MTU tests.",
        .fix_summary = "Disable IDS signatures 2150 and 2151.",
        .fix =
            {
                [DIALECT_PIX6] = "ip audit signature 2150 disable\nip audit signature 2151 disable",
                [DIALECT_ASA70] =
                    "ip audit signature 2150 disable\nip audit signature 2151 disable",
                [DIALECT_ASA84] =
                    "ip audit signature 2150 disable\nip audit signature 2151 disable",
            },
        .note = "The seed's Korean translation renders these commands in Korean; the real "
                "commands are 'ip audit signature 2150 disable' and 'ip audit signature 2151 "
                "disable'.",
        .seed_section = "Error - %ASA-4-400024: IDS:2151 Large ICMP packet",
    },
    {
        .id = "license-host-limit",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "More inside hosts than the ASA's user license allows",
        .explanation =
            "%ASA-4-407001 'Deny traffic for local-host ... license limit of N exceeded' means "
            "more inside hosts are sending traffic than the ASA's user license covers (50, 100 "
            "or unlimited). Hosts beyond the limit cannot reach the internet or the tunnel.",
        .fix_summary = "Upgrade the license to more (or unlimited) users.",
        .seed_section = "Error Message - %ASA-4-407001: Deny traffic for local-host, license limit "
                        "exceeded",
    },
    {
        .id = "cerm-bandwidth-limit",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "The ISR G2's crypto export limit is reached (securityk9 license)",
        .explanation =
            "%CERM-4-TX_BW_LIMIT 'Maximum Tx Bandwidth limit of 85000 Kbps reached for Crypto "
            "functionality with securityk9 technology package license' on a 1900/2900/3900 ISR "
            "G2: without the HSEC license, encrypted throughput is capped at 85 Mbps each way "
            "(170 Mbps total), 225 tunnels and 1000 TLS sessions. 'show platform "
            "cerm-information' shows the limits.",
        .fix_summary = "Install the HSECK9 license.",
        .seed_section = "Problem: Error Message %CERM-4-TX_BW_LIMIT",
    },
    {
        .id = "low-memory-crypto",
        .severity = SEV_WARNING,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_plat,
        .title = "The ASA runs low on memory when crypto is enabled",
        .explanation =
            "'crypto isakmp enable' prints 'WARNING, system is running low on memory ... VPN "
            "functionality may not work at all', and HTTPS and other SSL clients may stop. The "
            "logger and crypto modules compete for memory: 'logging queue 0' (unlimited) lets "
            "the log queue take it all. Small platforms such as the 5505 and 5510 are tight "
            "anyway.",
        .fix_summary = "Bound the logging queue (8192) instead of 0.",
        .fix =
            {
                [DIALECT_ASA70] = "logging queue 8192",
                [DIALECT_ASA84] = "logging queue 8192",
            },
        .seed_section = "Warning message while enabling isakmp on the outside interface of the ASA",
    },
    {
        .id = "preserve-vpn-flows",
        /* advice (docs/severity.md): the tunnel works; only old TCP flows wait
         * for their idle timer after a renegotiation (issue 10, item 5) */
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_plat,
        .title = "TCP flows hang after an L2L tunnel renegotiates",
        .explanation =
            "When a LAN-to-LAN tunnel goes down and comes back, the ASA keeps the old TCP state "
            "entries for flows that crossed it, now stale; the flows hang until the TCP idle "
            "timer removes them. 'sysopt connection preserve-vpn-flows' (off by default) keeps "
            "the state usable across the renegotiation.",
        .fix_summary = "Enable preserve-vpn-flows.",
        .fix =
            {
                [DIALECT_ASA70] = "sysopt connection preserve-vpn-flows",
                [DIALECT_ASA84] = "sysopt connection preserve-vpn-flows",
            },
        .seed_section = "Problem: Traffic flow is not maintained after the LAN-to-LAN tunnel is "
                        "renegotiated",
    },
    {
        .id = "management-access-missing",
        /* advice: the tunnel carries traffic; only management of (and pings
         * to) the ASA's own inside address through it fail (issue 10, item 5) */
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG,
        .category = cat_plat,
        .title = "The ASA's inside interface cannot be reached through the tunnel",
        .explanation =
            "From the far end of a tunnel, the ASA's inside (or DMZ) interface does not answer "
            "ping, SSH or HTTP, and the ASA cannot source tunnel traffic from it, unless that "
            "interface is named in 'management-access'. This often makes a working tunnel look "
            "broken during tests.",
        .fix_summary = "Allow management access on the interface being tested.",
        .fix =
            {
                [DIALECT_PIX6] = "management-access {nat_if}",
                [DIALECT_ASA70] = "management-access {nat_if}",
                [DIALECT_ASA84] = "management-access {nat_if}",
            },
        .seed_section = "Unable to Initiate VPN Tunnel from ASA",
    },
    {
        .id = "ping-source-not-interesting",
        .severity = SEV_INFO,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_plat,
        .title = "A test ping from the crypto device's outside interface is never encrypted",
        .explanation =
            "A ping sourced from the crypto device itself uses its outside address, which no "
            "crypto ACL lists, so it is not encrypted and the tunnel looks broken. Test from a "
            "host inside, or with an extended ping sourced from the inside interface (IOS: "
            "'Source address or interface:' the inside address; ASA: 'ping inside "
            "REMOTE-HOST').",
        .fix_summary = "Test with traffic from the protected network, not from the outside "
                       "interface.",
        .fix =
            {
                [DIALECT_IOS] = "ping {remote_net} source {nat_if}",
                [DIALECT_ASA70] = "ping {nat_if} {remote_net}",
                [DIALECT_ASA84] = "ping {nat_if} {remote_net}",
            },
        .fix_exec = true,
        .note = "Here {remote_net} stands for a host address in the remote network.",
        .seed_section = "Test Connectivity Properly",
    },
    {
        .id = "failover-ipsec-sync",
        .severity = SEV_INFO,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "Failover could not update IPsec data on the standby unit (harmless)",
        .explanation =
            "%ASA-5-720012 '(VPN-Secondary) Failed to update IPSec failover runtime data on the "
            "standby unit' (or the -6- VPN-unit variant) appears when the tunnel had already "
            "been deleted on the standby, often during upgrades. It does not affect the ASA or "
            "the VPN.",
        .fix_summary = "Resynchronise the standby with 'write standby' on the active unit.",
        .fix =
            {
                [DIALECT_ASA70] = "write standby",
                [DIALECT_ASA84] = "write standby",
            },
        .seed_section = "Error Message - %ASA-5-720012: Failed to update IPSec failover runtime "
                        "data on the standby unit",
    },
    {
        .id = "trunk-crypto-connect",
        .severity = SEV_ERROR,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "A crypto-connected VLAN cannot be added to a trunk this way",
        .explanation =
            "The switch rejects the change with 'Command rejected: delete crypto connection "
            "between VLAN X and VLAN Y, first': adding VLANs to a WAN-edge trunk of an IPsec VPN "
            "SPA would put a crypto-connected VLAN on the allowed list, which could bypass "
            "encryption. This applies to every trunk port.",
        .fix_summary = "Use 'switchport trunk allowed vlan none' or 'switchport trunk allowed "
                       "vlan remove LIST' instead of 'no switchport trunk allowed vlan LIST'.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n switchport trunk allowed vlan none",
            },
        .seed_section = "Error Message - Command rejected: delete crypto connection between VLAN "
                        "and VLAN, first",
    },
    {
        .id = "fw-window-scale",
        .severity = SEV_WARNING,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "The IOS firewall drops packets with an invalid window-scale option",
        .explanation =
            "%FW-3-RESPONDER_WND_SCALE_INI_NO_SCALE 'Dropping packet - Invalid Window Scale "
            "option' appears when telnet (or another TCP session) crosses the tunnel and only "
            "one side of the handshake offered window scaling. Window scaling, used on long fat "
            "networks such as satellite links, only makes sense with a TCP window above 65535 "
            "bytes.",
        .fix_summary = "Raise the TCP window size above 65535 on the hosts that use window "
                       "scaling.",
        .seed_section = "Error Message - %FW-3-RESPONDER_WND_SCALE_INI_NO_SCALE",
    },
    {
        .id = "anyconnect-va-install",
        .severity = SEV_INFO,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "AnyConnect cannot install its 64-bit virtual adapter",
        .explanation =
            "AnyConnect fails with error 0xffffffff when running the 64-bit virtual adapter "
            "installer. On Windows, a group policy that enables 'Turn off Automatic Root "
            "Certificates Update' blocks it.",
        .fix_summary = "Make sure 'Turn off Automatic Root Certificates Update' is not enabled "
                       "on the PC (check the GPO), then retry.",
        .seed_section = "Failed to enable Virtual Adapter (AnyConnect)",
    },
    {
        .id = "vpnclient-win7-datacard",
        .severity = SEV_INFO,
        .found_from = FROM_LOGS,
        .category = cat_plat,
        .title = "Cisco VPN Client on Windows 7 does not work over 3G data cards",
        .explanation =
            "The Cisco VPN Client installed on Windows 7 does not support data cards, so it "
            "cannot connect over a 3G connection. This is a client limitation, not a head-end "
            "fault.",
        .fix_summary = "Use another connection or a supported client (such as AnyConnect).",
        .seed_section = "Cisco VPN Client Does Not Work with Data Card on Windows 7",
    },
    /* ---- 10. Tunnel interfaces and DMVPN ------------------------------------ */
    {
        .id = "tunnel-protection-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_tun,
        .title = "A GRE or mGRE tunnel whose peer encrypts it has no tunnel protection",
        .explanation =
            "The peer protects the tunnel with 'tunnel protection ipsec profile', this end does "
            "not. This end sends its GRE packets (and, on DMVPN, its NHRP registrations) in "
            "clear and starts no IKE; the protected end drops them and logs "
            "%CRYPTO-4-RECVD_PKT_NOT_IPSEC. An IKE exchange started by the protected end finds "
            "no crypto for the GRE proxies here and fails in phase 2.",
        .fix_summary = "Protect the tunnel interface with the IPsec profile its peer uses (add "
                       "'shared' when several tunnels share one tunnel source).",
        .note = "From logs alone (%CRYPTO-4-RECVD_PKT_NOT_IPSEC with prot= 47) explain names "
                "tunnel-protection-one-side, the same fault seen from the protected end.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n tunnel protection {protection}",
                [DIALECT_ASA84] = "interface {if}\n tunnel protection {protection}",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "tunnel-mode-mismatch",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_tun,
        .title = "One end is a static VTI (tunnel mode ipsec ipv4), the other GRE over IPsec",
        .explanation =
            "A static VTI protects everything routed into it, so its proxies are any/any; GRE "
            "over IPsec protects only the GRE packets between the two tunnel sources. Quick "
            "Mode (or the IKEv2 Child SA) proposes selectors the other end refuses, so phase 1 "
            "comes up and phase 2 never does.",
        .fix_summary = "Use the same tunnel mode on both ends.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n tunnel mode {mode}",
                [DIALECT_ASA84] = "interface {if}\n tunnel mode {mode}",
            },
        .note = "The ASA supports only 'tunnel mode ipsec ipv4|ipv6' on a VTI: with an ASA peer, "
                "change the IOS end.",
        .seed_section = sec_tun,
    },
    {
        .id = "ipsec-mode-mismatch",
        .severity = SEV_WARNING,
        .found_from = FROM_PAIR,
        .category = cat_tun,
        .title = "The transform sets of a GRE-over-IPsec pair differ in transport / tunnel mode",
        .explanation =
            "One end asks for transport mode, the other for tunnel mode. An IOS transform set "
            "in transport mode falls back to tunnel mode unless it says 'mode transport "
            "require', so the SA comes up in tunnel mode and carries 20 more bytes per packet; "
            "with 'require' on one end it fails. Transport mode is the usual choice for GRE "
            "over IPsec and DMVPN, and DMVPN behind NAT needs it.",
        .fix_summary = "Use the same mode on both ends (transport for GRE over IPsec and DMVPN).",
        .fix =
            {
                [DIALECT_IOS] =
                    "crypto ipsec transform-set {tset} {transforms}\n mode {ipsec_mode}",
                [DIALECT_ASA70] = "crypto ipsec transform-set {tset} mode {ipsec_mode}",
                [DIALECT_ASA84] = "crypto ipsec ikev1 transform-set {tset} mode-{ipsec_mode}",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "tunnel-vrf-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_PAIR,
        .category = cat_tun,
        .title = "The tunnel source is in a VRF that the tunnel or its IKE keys do not use",
        .explanation =
            "The tunnel source interface is in a front-door VRF, but the tunnel has no 'tunnel "
            "vrf' for it, or the IKE keyring or profile for the peer is not in that VRF. The "
            "tunnel destination is then looked up in the wrong routing table and IKE finds no "
            "key or profile for the peer, so the tunnel gets no answer.",
        .fix_summary = "Put the tunnel's transport in the source's VRF ('tunnel vrf X') and the "
                       "keyring or IKEv2 profile in the same VRF.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n tunnel vrf {vrf}",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "tunnel-recursive-routing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_tun,
        .title = "The route to the tunnel destination points into the tunnel itself",
        .explanation =
            "The best route to the tunnel's destination (or its NHS's NBMA address) leaves "
            "through the tunnel interface, often a static route or a routing protocol over the "
            "tunnel that covers the peer's public address. IOS logs %TUN-5-RECURDOWN: TunnelN "
            "temporarily disabled due to recursive routing (and %ADJ-5-PARENT 'looped chain "
            "attempting to stack'), and the tunnel flaps.",
        .fix_summary = "Route the tunnel destination through the underlay with a host route, or "
                       "keep that prefix out of the routing protocol that runs over the tunnel.",
        .fix =
            {
                [DIALECT_IOS] = "ip route {peer} 255.255.255.255 {nexthop}",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "nhrp-network-id-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_LOGS,
        .category = cat_tun,
        .title = "An mGRE interface has no 'ip nhrp network-id': NHRP is off on it",
        .explanation =
            "NHRP runs on an interface only with 'ip nhrp network-id N'. Without it a spoke "
            "never registers with its hub, and a hub logs %DMVPN-5-NHRP_NETID_UNCONFIGURED and "
            "answers registrations with 'administratively prohibited'. No spoke-to-spoke tunnel "
            "forms and the hub cannot reach its spokes, although IPsec to the hub may be up.",
        .fix_summary = "Add 'ip nhrp network-id N' (locally significant, usually the same on "
                       "every member of the cloud).",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n ip nhrp network-id {nhrp_id}",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "nhrp-nhs-wrong",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR,
        .category = cat_tun,
        .title = "A spoke's NHS is not its hub's tunnel address or NBMA address",
        .explanation =
            "The spoke's 'ip nhrp nhs' (with its 'nbma' address or 'ip nhrp map') names a tunnel "
            "address that is not the hub's, or an NBMA address that is not the hub's tunnel "
            "source. Registrations go nowhere, IKE is started towards the wrong address or not "
            "at all, and the spoke stays unregistered.",
        .fix_summary = "Point the NHS at the hub's tunnel address and its NBMA (tunnel source) "
                       "address.",
        .fix =
            {
                [DIALECT_IOS] = "interface {if}\n no {nhs_line}\n ip nhrp nhs {hub_tunnel} "
                                "nbma {hub_nbma} multicast",
            },
        .note = "The one-line 'ip nhrp nhs T nbma A' form needs IOS 15.1(2)T or later; older "
                "releases write 'ip nhrp map T A', 'ip nhrp map multicast A' and 'ip nhrp nhs T'.",
        .seed_section = sec_tun,
    },
    {
        .id = "nhrp-auth-mismatch",
        .severity = SEV_ERROR,
        .found_from = FROM_PAIR | FROM_LOGS,
        .category = cat_tun,
        .title = "The NHRP authentication strings of a spoke and its hub differ",
        .explanation =
            "'ip nhrp authentication' differs between hub and spoke, or is set on one of them "
            "only. NHRP packets with the wrong string are dropped (the hub logs "
            "%DMVPN-3-DMVPN_NHRP_ERROR '... authentication failure'), so the spoke never "
            "registers although its IPsec SA to the hub is up, and the hub never learns its NBMA "
            "address.",
        .fix_summary = "Configure the same NHRP authentication string on every member of the "
                       "cloud (or on none).",
        .fix =
            {
                [DIALECT_IOS] =
                    "interface {if}\n ip nhrp authentication <nhrp-authentication-string>",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "dmvpn-spoke-key-missing",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_PAIR,
        .category = cat_tun,
        .title = "A DMVPN spoke has a pre-shared key for its hub only, none for other spokes",
        .explanation =
            "The spoke's keys cover only the hub's address, so a spoke-to-spoke tunnel (DMVPN "
            "phase 2 or 3) finds no pre-shared key for the other spoke's NBMA address. IKE to "
            "the other spoke never completes and the traffic keeps flowing through the hub.",
        .fix_summary = "Give the spokes a wildcard key (address 0.0.0.0 0.0.0.0), or use "
                       "certificates.",
        .fix =
            {
                [DIALECT_IOS] = "crypto isakmp key <pre-shared-key> address 0.0.0.0 0.0.0.0",
            },
        .seed_section = sec_tun,
    },
    {
        .id = "tunnel-vrf-no-route",
        .severity = SEV_ERROR,
        .found_from = FROM_CONFIG | FROM_PAIR,
        .category = cat_tun,
        .title = "No route to the tunnel peer in the tunnel's front-door VRF",
        .explanation =
            "The tunnel's transport lives in a VRF ('tunnel vrf X'), and that VRF's routing "
            "table has static routes but none that reaches the peer's address. IKE and GRE to "
            "the peer are dropped before they leave, so the tunnel gets no answer.",
        .fix_summary = "Add a route to the peer in the front-door VRF, through the underlay.",
        .fix =
            {
                [DIALECT_IOS] = "ip route vrf {vrf} {peer} 255.255.255.255 {nexthop}",
            },
        .note = "Not in the seed document: added with diagnoses.md section 10 (issue 10, why an "
                "endpoint does not answer).",
        .seed_section = "Not in the seed (Cisco VRF-Aware IPsec configuration guide, tunnel vrf)",
    },

};

const size_t catalog_count = sizeof(catalog) / sizeof(catalog[0]);
