/* The message catalog: reachability of every logs-level diagnosis, sound
 * entries, coverage of the ASA VPN area and of the seed's messages. */
#include "test_util.h"

#include <stdlib.h>

#include "catalog/catalog.h"
#include "catalog/messages.h"

static void every_logs_diagnosis_is_reachable(void **state)
{
        (void)state;
        size_t nlogs = 0;
        for (size_t i = 0; i < catalog_count; i++) {
                if (!(catalog[i].found_from & FROM_LOGS))
                        continue;
                nlogs++;
                bool found = false;
                for (size_t m = 0; m < message_count() && !found; m++)
                        for (int d = 0; d < MSG_MAX_DIAGS; d++) {
                                const struct msg_diag *x = &message_at(m)->diags[d];
                                if (x->id && !strcmp(x->id, catalog[i].id) && x->weight > 0)
                                        found = true;
                        }
                if (!found)
                        fail_msg("no message, state or counter points at %s", catalog[i].id);
        }
        assert_int_equal(nlogs, 60);
}

static void entries_are_sound(void **state)
{
        (void)state;
        for (size_t m = 0; m < message_count(); m++) {
                const struct message *e = message_at(m);
                assert_non_null(e->key);
                assert_non_null(e->template);
                assert_non_null(e->meaning);
                assert_true(strlen(e->meaning) > 10);
                for (int d = 0; d < MSG_MAX_DIAGS; d++) {
                        if (!e->diags[d].id)
                                continue;
                        if (!catalog_find(e->diags[d].id))
                                fail_msg("%s points at unknown ID %s", e->key, e->diags[d].id);
                        assert_in_range(e->diags[d].weight, 1, 100);
                }
        }
        assert_null(message_at(message_count()));
}

static void asa_vpn_area_has_80_ids(void **state)
{
        (void)state;
        size_t distinct = 0;
        const char *last = "";
        for (size_t m = 0; m < message_count(); m++) {
                const struct message *e = message_at(m);
                if (e->family != MSG_ASA_SYSLOG || !strcmp(e->key, last))
                        continue;
                last = e->key;
                distinct++;
        }
        assert_true(distinct >= 80);
}

/* The seed's messages, as the seed quotes them. */
static void seed_messages_are_found(void **state)
{
        (void)state;
        static const struct {
                enum msg_family f;
                const char *key, *text, *diag;
        } seed[] = {
            {MSG_IOS_SYSLOG, "CRYPTO-4-IKMP_NO_SA", "IKE message from x has no SA", "sa-no-sa"},
            {MSG_ASA_SYSLOG, "713092", "Failure during phase 1 rekeying attempt due to collision",
             "isakmp-lifetime-mismatch"},
            {MSG_ASA_SYSLOG, "305005", "No translation group found for udp",
             "nat-exemption-missing"},
            {MSG_ASA_SYSLOG, "713219", "Queueing KEY-ACQUIRE", "key-acquire-queued"},
            {MSG_ASA_SYSLOG, "713042", "IKE Initiator unable to find policy",
             "crypto-acl-not-mirrored"},
            {MSG_ASA_SYSLOG, "713206", "Tunnel Rejected: Conflicting protocols",
             "tunnel-protocol-conflict"},
            {MSG_ASA_SYSLOG, "713904", "Unsupported Transaction Mode v2 version.",
             "transaction-mode-v2"},
            {MSG_ASA_SYSLOG, "713904", "Received an un-encrypted NO_PROPOSAL_CHOSEN notify",
             "isakmp-policy-mismatch"},
            {MSG_ASA_SYSLOG, "713902", "Removing peer from peer table failed, no match!",
             "isakmp-policy-mismatch"},
            {MSG_ASA_SYSLOG, "713903", "Error: Unable to remove PeerTblEntry",
             "isakmp-policy-mismatch"},
            {MSG_ASA_SYSLOG, "722036", "Transmitting large packet 1220", "large-packet-svc"},
            {MSG_ASA_SYSLOG, "400024", "IDS:2151 Large ICMP packet", "ids-large-icmp"},
            {MSG_ASA_SYSLOG, "407001", "Deny traffic for local-host", "license-host-limit"},
            {MSG_IOS_SYSLOG, "VPN_HW-4-PACKET_ERROR", "", "esp-hmac-error"},
            {MSG_ASA_SYSLOG, "305013", "Asymmetric NAT rules matched", "asymmetric-nat"},
            {MSG_ASA_SYSLOG, "713068", "Received non-routine Notify message",
             "crypto-acl-not-mirrored"},
            {MSG_ASA_SYSLOG, "720012", "(VPN-Secondary) Failed", "failover-ipsec-sync"},
            {MSG_ASA_SYSLOG, "720012", "(VPN-unit) Failed", "failover-ipsec-sync"},
            {MSG_ASA_SYSLOG, "713063", "IKE Peer address not configured",
             "ike-peer-not-configured"},
            {MSG_ASA_SYSLOG, "752006", "Tunnel Manager failed", "key-acquire-failed"},
            {MSG_ASA_SYSLOG, "402130", "incorrect IPsec padding", "esp-no-hash"},
            {MSG_ASA_SYSLOG, "402119", "failed anti-replay checking", "anti-replay-drops"},
            {MSG_IOS_SYSLOG, "CERM-4-TX_BW_LIMIT", "Maximum Tx Bandwidth", "cerm-bandwidth-limit"},
            {MSG_IOS_SYSLOG, "FW-3-RESPONDER_WND_SCALE_INI_NO_SCALE", "", "fw-window-scale"},
            {MSG_VPN_CLIENT, "412", "", "isakmp-not-enabled"},
            {MSG_VPN_CLIENT, "413", "", "simultaneous-logins"},
            {MSG_VPN_CLIENT, "0xE3000056", "The received HASH payload", "psk-mismatch"},
            {MSG_VPN_CLIENT, "0xE300007D", "possibly be configured with invalid group password",
             "psk-mismatch"},
            {MSG_VPN_CLIENT, "0xE3000099", "Failed to authenticate peer", "psk-mismatch"},
            {MSG_VPN_CLIENT, "0xE30000A5", "Unexpected SW error", "psk-mismatch"},
            {MSG_IKE_STATE, "MM_WAIT_MSG6", NULL, "psk-mismatch"},
            {MSG_IKE_STATE, "MM_WAIT_MSG4", NULL, "tunnel-group-name-not-peer-ip"},
            {MSG_IKE_STATE, "MM_WAIT_MSG2", NULL, "isakmp-not-enabled"},
            {MSG_IKE_STATE, "CONF_XAUTH", NULL, "l2l-prompted-for-xauth"},
            {MSG_IKE_STATE, "AG_INIT_EXCH", NULL, "ag-init-exch"},
            {MSG_COUNTER, "asp:vpn-context-expired", NULL, "expired-vpn-context"},
        };
        for (size_t i = 0; i < sizeof(seed) / sizeof(seed[0]); i++) {
                const struct message *m = message_find(seed[i].f, seed[i].key, seed[i].text);
                if (!m)
                        fail_msg("seed message %s not found", seed[i].key);
                bool hit = false;
                for (int d = 0; d < MSG_MAX_DIAGS; d++)
                        hit |= m->diags[d].id && !strcmp(m->diags[d].id, seed[i].diag);
                if (!hit)
                        fail_msg("%s does not point at %s", seed[i].key, seed[i].diag);
        }
        assert_null(message_find(MSG_ASA_SYSLOG, "999999", NULL));
        /* A pattern entry wins over the catch-all of the same ID. */
        const struct message *m = message_find(MSG_ASA_SYSLOG, "713902", "QM FSM error (P2");
        assert_string_equal(m->pattern, "QM FSM error");
        m = message_find(MSG_ASA_SYSLOG, "713902", "something else");
        assert_null(m->pattern);
        const char *line = "ISAKMP:(0): retransmitting phase 1 MM_KEY_EXCH...";
        m = message_scan(MSG_DEBUG, NULL, line, strlen(line));
        assert_non_null(m);
        assert_string_equal(m->key, "ios-retrans-key-exch");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_logs_diagnosis_is_reachable),
            cmocka_unit_test(entries_are_sound),
            cmocka_unit_test(asa_vpn_area_has_80_ids),
            cmocka_unit_test(seed_messages_are_found),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
