/* The correlator: sequences add evidence, peers are bounded and evicted,
 * results are ranked by score. */
#include "test_util.h"

#include <stdlib.h>

#include "correlate/correlate.h"
#include "correlate/peer_facts.h"

static struct ev_record ev(const char *key, const char *text, const char *peer, int64_t t)
{
        static uint32_t line;
        struct ev_record e = {message_find(MSG_ASA_SYSLOG, key, text),
                              ++line,
                              text,
                              strlen(text),
                              peer,
                              "",
                              "",
                              PLAT_ASA,
                              0,
                              t};
        assert_non_null(e.msg);
        return e;
}

static const struct corr_result *find(const struct correlator *c, const char *id, const char *peer)
{
        for (size_t i = 0; i < corr_count(c); i++) {
                const struct corr_result *r = corr_at(c, i);
                if (!strcmp(r->cand[0].diag->id, id) && !strcmp(r->key, peer))
                        return r;
        }
        return NULL;
}

static void no_proposal_then_peer_table(void **state)
{
        (void)state;
        struct correlator *c = corr_new();
        struct ev_record a =
            ev("713904", "Received an un-encrypted NO_PROPOSAL_CHOSEN notify", "192.0.2.1", 10);
        struct ev_record b =
            ev("713902", "Removing peer from peer table failed, no match!", "192.0.2.1", 11);
        corr_event(c, "f", &a);
        corr_event(c, "f", &b);
        /* the same 713902 alone, for another peer, earns no sequence bonus */
        struct ev_record b2 =
            ev("713902", "Removing peer from peer table failed, no match!", "192.0.2.2", 11);
        corr_event(c, "f", &b2);
        corr_finish(c);
        const struct corr_result *r = find(c, "isakmp-policy-mismatch", "192.0.2.1");
        assert_non_null(r);
        assert_int_equal(r->cand[0].score, 50 + 30 + 40);
        assert_ptr_equal(corr_at(c, 0), r); /* ranked first */
        r = find(c, "isakmp-policy-mismatch", "192.0.2.2");
        assert_non_null(r);
        assert_int_equal(r->cand[0].score, 30);
        corr_free(c);
}

static void peers_are_bounded_and_evicted(void **state)
{
        (void)state;
        struct correlator *c = corr_new();
        char peer[32];
        for (int i = 0; i < 3000; i++) {
                snprintf(peer, sizeof(peer), "10.0.%d.%d", i / 250, i % 250 + 1);
                struct ev_record e = ev("713063", "IKE Peer address not configured", peer, i);
                corr_event(c, "f", &e);
        }
        corr_finish(c);
        assert_int_equal(corr_count(c), CORR_MAX_OUT);
        assert_int_equal(c->dropped, 3000 - CORR_MAX_OUT);
        corr_free(c);
}

static void repetitions_add_little(void **state)
{
        (void)state;
        struct correlator *c = corr_new();
        for (int i = 0; i < 1000; i++) {
                struct ev_record e =
                    ev("402119", "that failed anti-replay checking.", "192.0.2.9", i);
                corr_event(c, "f", &e);
        }
        corr_finish(c);
        const struct corr_result *r = find(c, "anti-replay-drops", "192.0.2.9");
        assert_non_null(r);
        assert_int_equal(r->cand[0].hits, 1000);
        assert_int_equal(r->cand[0].score, 80 + 9);
        assert_int_equal(r->cand[0].nev, 1);
        corr_free(c);
}

static void episodes_split_by_time(void **state)
{
        (void)state;
        struct correlator *c = corr_new();
        struct ev_record a = ev("713063", "IKE Peer address not configured", "192.0.2.5", 100);
        struct ev_record b =
            ev("713063", "IKE Peer address not configured", "192.0.2.5", 100 + CORR_EPISODE + 1);
        corr_event(c, "f", &a);
        corr_event(c, "f", &b);
        corr_finish(c);
        /* two episodes of one peer and diagnosis merge into one result */
        assert_int_equal(corr_count(c), 1);
        assert_int_equal(corr_at(c, 0)->cand[0].hits, 2);
        corr_free(c);
}

/* Evidence texts live in a pool while a peer is open and are reused once
 * it closes: the result must keep its own copy of the first episode's
 * line, not the text of the line that took the entry over. */
static void evidence_text_outlives_its_pool_entry(void **state)
{
        (void)state;
        struct correlator *c = corr_new();
        struct ev_record a =
            ev("713063", "IKE Peer address not configured (first)", "192.0.2.7", 10);
        struct ev_record b = ev("713063", "IKE Peer address not configured (second)", "192.0.2.7",
                                10 + CORR_EPISODE + 1);
        struct ev_record o = ev("713063", "IKE Peer address not configured (other)", "192.0.2.8",
                                10 + CORR_EPISODE + 2);
        corr_event(c, "f", &a);
        corr_event(c, "f", &b);
        corr_event(c, "f", &o);
        corr_finish(c);
        const struct corr_result *r = find(c, "ike-peer-not-configured", "192.0.2.7");
        assert_non_null(r);
        assert_int_equal(r->cand[0].hits, 2);
        assert_int_equal(r->cand[0].nev, 1);
        assert_string_equal(r->cand[0].ev[0].text, "IKE Peer address not configured (first)");
        assert_int_equal(r->cand[0].ev[0].line, a.line);
        r = find(c, "ike-peer-not-configured", "192.0.2.8");
        assert_non_null(r);
        assert_string_equal(r->cand[0].ev[0].text, "IKE Peer address not configured (other)");
        corr_free(c);
}

/* strongSwan's own child proposal, from the line charon logs as the
 * responder that accepted none (tests/golden/explain/peer-charon-config-*). */
static struct peer_esp charon_fact(const char *text)
{
        static const struct message m = {.family = MSG_DEBUG, .key = "peer-received-proposals"};
        struct ev_record e = {&m, 27, text, strlen(text), "", "", "", PLAT_UNKNOWN, 0, -1};
        struct peer_facts pf = {0};
        peer_facts_event(&pf, "charon.log", &e);
        return pf.esp;
}

static void charon_configured_proposal(void **state)
{
        (void)state;
        struct peer_esp e = charon_fact(
            "13[CFG] configured proposals: ESP:AES_CBC_256/HMAC_SHA2_512_256/NO_EXT_SEQ");
        assert_true(e.set);
        assert_int_equal(e.encr, ENCR_AES);
        assert_int_equal(e.key_bits, 256);
        assert_int_equal(e.hash, HASH_SHA512);
        assert_false(e.pfs_known); /* no DH group named: not known */
        assert_string_equal(e.proposal, "ESP:AES_CBC_256/HMAC_SHA2_512_256/NO_EXT_SEQ");
        e = charon_fact("configured proposals: ESP:3DES_CBC/HMAC_SHA1_96/MODP_2048/NO_EXT_SEQ");
        assert_true(e.set);
        assert_int_equal(e.encr, ENCR_3DES);
        assert_true(e.pfs_known);
        assert_int_equal(e.pfs_group, 14);
        /* the other end's proposals, a list, a combined mode, two integrities: not one transform
         * of this end */
        assert_false(
            charon_fact("received proposals: ESP:AES_CBC_128/HMAC_SHA2_256_128/NO_EXT_SEQ").set);
        assert_false(charon_fact("configured proposals: ESP:AES_CBC_128/HMAC_SHA1_96/NO_EXT_SEQ, "
                                 "ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ")
                         .set);
        assert_false(charon_fact("configured proposals: ESP:AES_GCM_16_128/NO_EXT_SEQ").set);
        assert_false(
            charon_fact(
                "configured proposals: ESP:AES_CBC_128/HMAC_SHA1_96/HMAC_SHA2_256_128/NO_EXT_SEQ")
                .set);
        assert_false(charon_fact("configured proposals: IKE:AES_CBC_128/HMAC_SHA2_256_128/"
                                 "PRF_HMAC_SHA2_256/MODP_2048")
                         .set);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(no_proposal_then_peer_table),
            cmocka_unit_test(peers_are_bounded_and_evicted),
            cmocka_unit_test(evidence_text_outlives_its_pool_entry),
            cmocka_unit_test(repetitions_add_little),
            cmocka_unit_test(episodes_split_by_time),
            cmocka_unit_test(charon_configured_proposal),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
