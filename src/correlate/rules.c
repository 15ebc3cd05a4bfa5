#include "rules.h"

#include <string.h>

/* clang-format off */
const struct corr_rule corr_rules[] = {
    {"no-proposal-then-peer-table",
     {{"713904", "NO_PROPOSAL_CHOSEN"}}, {{"713902", "Removing peer from peer table failed"}},
     NULL, RULE_BOOST, "isakmp-policy-mismatch", 40,
     "The ASA's teardown after a refused phase-1 proposal (the seed's ASA log example, "
     "diagnoses.md 'isakmp-policy-mismatch')"},
    {"no-proposal-then-peer-table-nat",
     {{"713904", "NO_PROPOSAL_CHOSEN"}}, {{"713902", "Removing peer from peer table failed"}},
     NULL, RULE_BOOST, "nat-exemption-missing", 10,
     "The seed's example of the same sequence when interesting traffic was translated"},
    {"bad-key-on-default-group",
     {{"713902", "mismatched pre-shared key"}}, {{"713902", "mismatched pre-shared key"}},
     "DefaultL2LGroup", RULE_BOOST, "tunnel-group-name-not-peer-ip", 90,
     "An L2L peer that lands on DefaultL2LGroup has no tunnel-group named by its address "
     "(ASA configuration guide, tunnel-group naming)"},
    /* IOS logs ISAKMP_ON_OFF OFF when the last crypto map / tunnel protection
     * leaves an interface and ON when one comes back (it was toggled by a
     * config change: ../shared/corpus/logs 23, 25, 27, 33 show the pair a few
     * seconds apart): ON after OFF means ISAKMP is running again. */
    {"isakmp-off-then-on",
     {{"CRYPTO-6-ISAKMP_ON_OFF", "OFF"}}, {{"CRYPTO-6-ISAKMP_ON_OFF", ""}},
     NULL, RULE_CANCEL, "isakmp-not-enabled", 0,
     "IOS system message guide, %CRYPTO-6-ISAKMP_ON_OFF"},
    /* The initiator waits for main-mode message 2 and sends message 1 again:
     * nothing answers UDP 500 (tunnelsup / thinknetsec on MM_WAIT_MSG2, as
     * cited in ../shared/spec/messages-research.md section 4). */
    {"mm-wait-msg2-resends",
     {{"MM_WAIT_MSG2", NULL}, {"MM_NO_STATE", NULL}},
     {{"asa-ike-resending", NULL}, {"ios-retrans-no-state", NULL}, {"ios-isakmp-death-p1", NULL}},
     NULL, RULE_BOOST, "ike-esp-blocked", 30,
     "MM_WAIT_MSG2 with resends: no reply to message 1 (research notes section 4 [TS][TN])"},
    {"mm-wait-msg2-resends-not-enabled",
     {{"MM_WAIT_MSG2", NULL}, {"MM_NO_STATE", NULL}},
     {{"asa-ike-resending", NULL}, {"ios-retrans-no-state", NULL}, {"ios-isakmp-death-p1", NULL}},
     NULL, RULE_BOOST, "isakmp-not-enabled", 20,
     "The same sequence: ISAKMP not enabled at the peer ([TS][TN])"},
    /* Phase 1 up (QM_IDLE, MM_ACTIVE) while traffic for the peer finds no
     * IPsec SA ("#pkts no sa (send)" above zero): phase 2 fails (the
     * transform set, PFS or proxies differ; research notes section 4,
     * QM_IDLE / MM_ACTIVE). An outbound SPI of 0 alone is not enough: an
     * idle tunnel whose IPsec SAs timed out shows it too. */
    {"p1-up-no-outbound-sa",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:no-sa", NULL}},
     NULL, RULE_BOOST, "transform-set-mismatch", 25,
     "Phase 1 up, no IPsec SA: phase 2 fails (research notes section 4)"},
    {"p1-up-no-outbound-sa-acl",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:no-sa", NULL}},
     NULL, RULE_BOOST, "crypto-acl-not-mirrored", 20,
     "Phase 1 up, no IPsec SA: the proxies may differ (research notes section 4)"},
    {"p1-up-no-outbound-sa-pfs",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:no-sa", NULL}},
     NULL, RULE_BOOST, "pfs-mismatch", 15,
     "Phase 1 up, no IPsec SA: PFS may differ (research notes section 4)"},
    /* strongSwan: once the IKE SA is established, a refused proposal is a
     * child SA's (ESP transforms, PFS), not the IKE proposal's (RFC 7296
     * section 1.3; RFC 2409 section 5.5 for Quick Mode); the namespace runs
     * of tests/peer log this order. */
    {"peer-ike-up-then-no-proposal",
     {{"peer-established", NULL}},
     {{"peer-no-proposal", NULL}, {"peer-proposal-found", NULL}},
     NULL, RULE_BOOST, "transform-set-mismatch", 50,
     "RFC 7296 section 1.3 / RFC 2409 section 5.5: after phase 1, proposals are phase 2's"},
    {"peer-ike-up-not-ike-proposal",
     {{"peer-established", NULL}},
     {{"peer-no-proposal", NULL}, {"peer-proposal-found", NULL}},
     NULL, RULE_CANCEL, "isakmp-policy-mismatch", 0,
     "The IKE SA is up: its proposal was accepted"},
    /* This end authenticated with a pre-shared key and the other refused it
     * (RFC 7296 section 2.15: AUTHENTICATION_FAILED after IKE_AUTH). */
    {"peer-psk-then-auth-failed",
     {{"peer-psk-self", NULL}}, {{"peer-auth-failed", NULL}},
     NULL, RULE_BOOST, "psk-mismatch", 30,
     "RFC 7296 section 2.15: a PSK AUTH the other end cannot verify"},
    {"p1-up-not-queued",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:no-sa", NULL}},
     NULL, RULE_CANCEL, "key-acquire-queued", 0,
     "Phase 1 is up: phase 2 is not waiting for it (diagnoses.md 'key-acquire-queued')"},
    /* Libreswan (IKEv1) answers a phase-1 identity it does not expect with
     * INVALID_ID_INFORMATION too (RFC 2408 section 3.14.1 gives that notify
     * to any ID payload, not only quick mode's): after "Peer ID ...
     * mismatched" it is not about proxies (the namespace runs of
     * tests/peer/pluto_logs.py log this order). */
    {"pluto-id-mismatch-then-invalid-id",
     {{"peer-pluto-id-mismatched", NULL}}, {{"peer-invalid-id", NULL}},
     NULL, RULE_CANCEL, "crypto-acl-not-mirrored", 0,
     "RFC 2408 section 3.14.1: INVALID-ID-INFORMATION for a phase-1 ID payload"},
    /* The peer answered with a notify (RFC 2408 section 3.14, RFC 7296
     * section 3.10: the other end's IKE sends it): UDP 500 reaches it and
     * IKE runs there, whatever the resends that follow say. */
    {"peer-answered-not-blocked",
     {{"peer-no-proposal", NULL}, {"peer-pluto-plain-no-proposal", NULL}},
     {{"peer-pluto-retrans-mi1", NULL}, {"peer-pluto-retrans-v2i1", NULL},
      {"peer-pluto-first-timeout", NULL}, {"peer-pluto-retrans-ai1", NULL}},
     NULL, RULE_CANCEL, "ike-esp-blocked", 0,
     "RFC 2408 section 3.14: a notification came back from the peer's IKE"},
    {"peer-answered-ike-on",
     {{"peer-no-proposal", NULL}, {"peer-pluto-plain-no-proposal", NULL}},
     {{"peer-pluto-retrans-mi1", NULL}, {"peer-pluto-retrans-v2i1", NULL},
      {"peer-pluto-first-timeout", NULL}, {"peer-pluto-retrans-ai1", NULL}},
     NULL, RULE_CANCEL, "isakmp-not-enabled", 0,
     "RFC 2408 section 3.14: the peer runs IKE, it answered"},
    /* The ASA tears the peer down after refusing it for want of a
     * tunnel-group ("Can't find a valid tunnel group, aborting"): the peer
     * table messages that follow are that teardown, not a refused proposal
     * (the same 713902 follows a NO_PROPOSAL_CHOSEN: rule above). */
    {"no-tunnel-group-then-peer-table",
     {{"asa-ike-no-tunnel-group", NULL}},
     {{"713902", "Removing peer from peer table failed"}, {"713903", "Unable to remove PeerTblEntry"}},
     NULL, RULE_CANCEL, "isakmp-policy-mismatch", 0,
     "ASA debug: the peer-table teardown after a refused tunnel-group (Cisco ASA VPN guide, "
     "connection profiles)"},
    /* IOS-XE debug crypto ikev2 prints the exchange, then the payloads.
     * NO_PROPOSAL_CHOSEN in an IKE_SA_INIT response refuses the IKE proposal:
     * no child SA has been offered yet (RFC 7296 section 1.2). In a
     * CREATE_CHILD_SA response it refuses a rekey or a new child whose
     * transforms IKE_AUTH already accepted once: the KE payload a PFS group
     * adds is what differs (RFC 7296 section 1.3; issue 11's rekey rule). */
    {"ikev2-init-refused-not-child",
     {{"ios-ikev2-exchange-init-resp", NULL}}, {{"detail-ikev2-no-proposal", NULL}},
     NULL, RULE_CANCEL, "transform-set-mismatch", 0,
     "RFC 7296 section 1.2: IKE_SA_INIT negotiates the IKE SA only"},
    {"ikev2-rekey-refused-pfs",
     {{"ios-ikev2-exchange-child-resp", NULL}}, {{"detail-ikev2-no-proposal", NULL}},
     NULL, RULE_BOOST, "pfs-mismatch", 50,
     "RFC 7296 section 1.3: a CREATE_CHILD_SA refused after IKE_AUTH accepted the transforms"},
    {"ikev2-rekey-refused-not-ike",
     {{"ios-ikev2-exchange-child-resp", NULL}}, {{"detail-ikev2-no-proposal", NULL}},
     NULL, RULE_CANCEL, "isakmp-policy-mismatch", 0,
     "RFC 7296 section 1.3: the IKE SA exists; CREATE_CHILD_SA is about a child SA"},
    /* The ASA prints the proposals it received before "Failed to find a
     * matching policy": ESP proposals ("... Don't use ESN") mean the IPsec
     * proposal of a child SA found no match, not the IKE policy (Cisco tech
     * note 115935, ASA IKEv2 debugs). */
    {"asa-ikev2-esp-no-policy",
     {{"detail-ikev2-esp-proposal", NULL}}, {{"asa-ikev2-no-policy", NULL}},
     NULL, RULE_BOOST, "transform-set-mismatch", 70,
     "Cisco tech note 115935: the ESP proposals precede the failed policy match"},
    {"asa-ikev2-esp-no-policy-not-ike",
     {{"detail-ikev2-esp-proposal", NULL}}, {{"asa-ikev2-no-policy", NULL}},
     NULL, RULE_CANCEL, "isakmp-policy-mismatch", 0,
     "Cisco tech note 115935: ESP proposals are the child SA's"},
    /* An IOS responder checks the peer's phase-1 proposals against each of
     * its policies in turn and logs every policy that does not match
     * ("Checking ISAKMP transform N against priority M policy", then "...
     * offered does not match policy!" / "atts are not acceptable"); a later
     * "atts are acceptable" or an authenticated SA means one policy matched
     * (Cisco "IPsec Troubleshooting: debug crypto isakmp", TAC 5409; the
     * published transcripts show both on one healthy phase 1). */
    {"ios-policy-tried-then-accepted",
     {{"ios-atts-not-acceptable", NULL}, {"ios-encr-offered", NULL}, {"ios-dh-offered", NULL},
      {"ios-auth-offered", NULL}},
     {{"ios-isakmp-atts-ok", NULL}, {"ios-isakmp-authenticated", NULL}},
     NULL, RULE_CANCEL, "isakmp-policy-mismatch", 0,
     "IOS debug crypto isakmp: one line per policy tried; 'atts are acceptable' ends the search"},
    {"ios-policy-tried-then-accepted-2",
     {{"ios-isakmp-method-offered", NULL}, {"ios-isakmp-keylen-offered", NULL}},
     {{"ios-isakmp-atts-ok", NULL}, {"ios-isakmp-authenticated", NULL}},
     NULL, RULE_CANCEL, "isakmp-policy-mismatch", 0,
     "IOS debug crypto isakmp: one line per policy tried; 'atts are acceptable' ends the search"},
    /* A ping that names its source ("Packet sent with a source address of")
     * was sourced on purpose, not from the outside interface: the failed
     * ping's hint at ping-source-not-interesting does not hold (diagnoses.md
     * 'ping-source-not-interesting'). */
    {"ping-with-source",
     {{"cli-ping-source", NULL}}, {{"cli-ping-fail", NULL}},
     NULL, RULE_CANCEL, "ping-source-not-interesting", 0,
     "IOS ping output: an extended ping prints its source address"},
};
/* clang-format on */
const size_t corr_rule_count = sizeof(corr_rules) / sizeof(corr_rules[0]);
/* correlate.c keeps each episode's rule state in 32-bit masks */
_Static_assert(sizeof(corr_rules) / sizeof(corr_rules[0]) <= 32, "more rules than mask bits");

bool rule_side_has(const struct rule_msg *side, const struct message *m)
{
        for (int i = 0; i < RULE_SIDES && side[i].key; i++) {
                if (strcmp(side[i].key, m->key))
                        continue;
                if (!side[i].pattern)
                        return true; /* any entry of the key */
                if (!side[i].pattern[0] ? !m->pattern
                                        : m->pattern && !strcmp(side[i].pattern, m->pattern))
                        return true; /* "": the key's catch-all entry; else that pattern's */
        }
        return false;
}
