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
    /* Phase 1 up (QM_IDLE, MM_ACTIVE) and no outbound SPI: phase 2 fails
     * (the transform set, PFS or proxies differ; research notes section 4,
     * QM_IDLE / MM_ACTIVE; tech note 115801 on SPIs). */
    {"p1-up-no-outbound-sa",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:outbound-spi-zero", NULL}},
     NULL, RULE_BOOST, "transform-set-mismatch", 25,
     "Phase 1 up, no IPsec SA: phase 2 fails (research notes section 4)"},
    {"p1-up-no-outbound-sa-acl",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:outbound-spi-zero", NULL}},
     NULL, RULE_BOOST, "crypto-acl-not-mirrored", 20,
     "Phase 1 up, no IPsec SA: the proxies may differ (research notes section 4)"},
    {"p1-up-no-outbound-sa-pfs",
     {{"QM_IDLE", NULL}, {"MM_ACTIVE", NULL}, {"ios-isakmp-authenticated", NULL}},
     {{"ipsec:outbound-spi-zero", NULL}},
     NULL, RULE_BOOST, "pfs-mismatch", 15,
     "Phase 1 up, no IPsec SA: PFS may differ (research notes section 4)"},
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
