/*
 * Cisco VPN Client reasons and log events, and AnyConnect error lines.
 * Reason codes: only those documented (412, 413, 426, 433, 440, 442; see
 * ../shared/spec/messages-research.md section 3: the other 4xx codes are not
 * invented here). Log events are keyed by their IKE/0x... event code, as the
 * client prints them ("Sev=Warning/3 IKE/0xE3000056 ...").
 */
#include "messages.h"

#define R(k, tmpl, mean, ...)                                                                      \
        {                                                                                          \
                MSG_VPN_CLIENT, k, -1, NULL, tmpl, mean,                                           \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define C(k, sev, pat, tmpl, mean, ...)                                                            \
        {                                                                                          \
                MSG_VPN_CLIENT, k, sev, pat, tmpl, mean,                                           \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define AC(k, pat, tmpl, mean, ...)                                                                \
        {                                                                                          \
                MSG_ANYCONNECT, k, -1, pat, tmpl, mean,                                            \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }
#define NONE                                                                                       \
        {                                                                                          \
                NULL, 0                                                                            \
        }

const struct message messages_client[] = {
    R("412",
      "Secure VPN Connection terminated locally by the Client. Reason 412: The remote peer is no "
      "longer responding.",
      "The head end stopped answering: ISAKMP off on its interface, UDP 500/4500 blocked, or NAT "
      "on the path without NAT-T.",
      {"isakmp-not-enabled", 40}, {"nat-t-disabled", 25}),
    R("413",
      "Secure VPN Connection terminated locally by the Client. Reason 413: User Authentication "
      "failed.",
      "XAUTH failed: wrong credentials, or the account is at its simultaneous-login limit.",
      {"simultaneous-logins", 40}, {"xauth-radius-timeout", 20}),
    R("426",
      "Secure VPN Connection terminated locally by the Client. Reason 426: Maximum configured "
      "lifetime exceeded.",
      "The phase-1 lifetime ended and the client re-authenticates (re-xauth) or drops.",
      {"vpnclient-max-lifetime", 90}),
    R("433",
      "Secure VPN Connection terminated by Peer. Reason 433: (Reason not specified by peer).",
      "The head end ended the connection without saying why; a pool that hands out a network or "
      "broadcast address is one cause.",
      {"pool-network-broadcast", 30}),
    R("440", "Secure VPN Connection terminated locally by the Client. Reason 440: Driver Failure.",
      "The client's virtual adapter failed to start.", {"vpnclient-win7-datacard", 15}),
    R("442",
      "Secure VPN Connection terminated locally by the Client. Reason 442: Failed to enable "
      "Virtual "
      "Adapter.",
      "The client's virtual adapter could not be enabled (on Windows 7 over a 3G data card the "
      "client is unsupported).",
      {"vpnclient-win7-datacard", 25}),
    C("0xE3000056", 3, NULL,
      "Sev=Warning/3 IKE/0xE3000056 The received HASH payload cannot be "
      "verified",
      "The head end's hash does not verify: the group password differs.", {"psk-mismatch", 60}),
    C("0xE300007D", 2, "group password",
      "Sev=Warning/2 IKE/0xE300007D Hash verification failed... "
      "may be configured with invalid group password.",
      "The hash failed and the client itself names the group password.", {"psk-mismatch", 80}),
    C("0xE300007D", 2, NULL, "Sev=Warning/2 IKE/0xE300007D Hash verification failed",
      "The hash of the head end could not be verified: keys differ.", {"psk-mismatch", 60}),
    C("0xE3000099", 2, NULL,
      "Sev=Warning/2 IKE/0xE3000099 Failed to authenticate peer "
      "(Navigator:904)",
      "The head end could not be authenticated (group name or password).", {"psk-mismatch", 50}),
    C("0xE30000A5", 2, NULL,
      "Sev=Warning/2 IKE/0xE30000A5 Unexpected SW error occurred while "
      "processing Aggressive Mode negotiator:(Navigator:2202)",
      "Aggressive mode broke off after a failed authentication.", {"psk-mismatch", 30}),
    C("0xA3000067", 2, NULL,
      "Sev=Warning/2 IKE/0xA3000067 Received Unexpected InitialContact "
      "Notify (PLMgrNotify:888)",
      "The head end sent INITIAL-CONTACT unexpectedly; harmless on its own.", NONE),
    C("PEER_DELETE", -1, "PEER_DELETE-IKE_DELETE_UNSPECIFIED",
      "Sev=Info/4 IKE/0x63000013 Delete Reason Code: PEER_DELETE-IKE_DELETE_UNSPECIFIED",
      "The head end deleted the SA without a reason, typically its idle or session timer.",
      {"sa-idle-timeout", 40}),
    AC("0xFFFFFFFF", "0xFFFFFFFF",
       "Function: CVAInstaller::RunVAInstaller Return code: 0xFFFFFFFF Failed to launch the 64-bit "
       "VA installer to enable the Virtual Adapter",
       "The 64-bit virtual adapter installer failed: a GPO that turns off automatic root "
       "certificate updates is the known cause.",
       {"anyconnect-va-install", 80}),
    AC("0xffffffff", "0xffffffff",
       "Function: CVAInstaller::RunVAInstaller Return code: 0xffffffff Failed to launch the 64-bit "
       "VA installer to enable the Virtual Adapter",
       "The 64-bit virtual adapter installer failed: a GPO that turns off automatic root "
       "certificate updates is the known cause.",
       {"anyconnect-va-install", 80}),
    AC("va-enable", "Virtual Adapter", "AnyConnect was not able to enable the Virtual Adapter.",
       "The AnyConnect virtual adapter could not be enabled.", {"anyconnect-va-install", 40}),
};
const size_t messages_client_count = sizeof(messages_client) / sizeof(messages_client[0]);
