/*
 * probe's pure parts: the reply reader on real responders' answers (ike-scan
 * 1.9.5's response vectors, ../shared/captures/ike-scan-pkts: Check Point,
 * Netscreen, strongSwan 4.0.5), the psk-crack line against ike-scan's own,
 * the offers (split under the size limit, every candidate exactly once,
 * IKEv2's two proposals) and the DH public values.
 */
#include "test_util.h"

#include <openssl/bn.h>
#include <stdlib.h>

#include "probe/ke.h"
#include "probe/offer.h"
#include "probe/reply.h"
#include "wire/ike.h"

static const uint8_t cky[8] = {0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef};

static size_t slurp(const char *name, uint8_t *buf, size_t cap)
{
        char path[256];
        snprintf(path, sizeof(path), "../shared/captures/ike-scan-pkts/%s", name);
        FILE *f = fopen(path, "rb");
        if (!f)
                fail_msg("%s: cannot open (run from the repository's root)", path);
        size_t n = fread(buf, 1, cap, f);
        fclose(f);
        return n;
}

/* Check Point's MM2: one transform, 3DES SHA1 RSA group 2 (ike-scan:
 * "SA=(Enc=3DES Hash=SHA1 Auth=RSA_Sig Group=2:modp1024 ...)"). */
static void main_mode_answer(void **state)
{
        (void)state;
        uint8_t b[2048];
        size_t n = slurp("pkt-main-mode-response.dat", b, sizeof(b));
        struct probe_reply r;
        struct wire_err e;
        assert_int_equal(probe_reply_read(b, n, 1, cky, &r, &e), 0);
        assert_true(r.has_sa);
        assert_int_equal(r.sa_proposals, 1);
        assert_int_equal(r.sa_transforms, 1);
        assert_int_equal(r.v1.encr, 5);
        assert_int_equal(r.v1.hash, 2);
        assert_int_equal(r.v1.auth, 3);
        assert_int_equal(r.v1.group, 2);
        assert_int_equal(r.v1.life, 28800);
        assert_int_equal(r.nvid, 1);
        assert_int_equal(probe_reply_error(&r), 0);
        /* another initiator's cookie: not ours */
        uint8_t other[8] = {1};
        assert_int_equal(probe_reply_read(b, n, 1, other, &r, &e), 1);
        /* asked in IKEv2: not ours either */
        assert_int_equal(probe_reply_read(b, n, 2, cky, &r, &e), 1);
        /* every truncation: never read past, never "ours and fine" with a lie */
        for (size_t k = 0; k < n; k++) {
                uint8_t *t = malloc(k ? k : 1);
                memcpy(t, b, k);
                int rc = probe_reply_read(t, k, 1, cky, &r, &e);
                assert_true(rc == 1 || rc == -1);
                free(t);
        }
}

static void notify_answers(void **state)
{
        (void)state;
        uint8_t b[512];
        char nb[32];
        struct probe_reply r;
        struct wire_err e;
        size_t n = slurp("pkt-notify-response.dat", b, sizeof(b));
        assert_int_equal(probe_reply_read(b, n, 1, cky, &r, &e), 0);
        assert_int_equal(r.exchange, 5);
        assert_int_equal(probe_reply_error(&r), 14);
        assert_string_equal(probe_notify_name(1, 14, nb), "NO-PROPOSAL-CHOSEN");
        n = slurp("pkt-v2-notify-response.dat", b, sizeof(b));
        assert_int_equal(probe_reply_read(b, n, 2, cky, &r, &e), 0);
        assert_int_equal(probe_reply_error(&r), 14);
        assert_string_equal(probe_notify_name(2, 14, nb), "NO_PROPOSAL_CHOSEN");
        assert_string_equal(probe_notify_name(2, 9999, nb), "notify 9999");
        /* Check Point's 9101 notify: a private type with text, not an error */
        n = slurp("pkt-checkpoint-notify.dat", b, sizeof(b));
        assert_int_equal(probe_reply_read(b, n, 1, cky, &r, &e), 0);
        assert_int_equal(r.nnotify, 1);
        assert_int_equal(r.notify[0], 9101);
        assert_int_equal(probe_reply_error(&r), 9101);
}

/* strongSwan 4.0.5's IKE_SA_INIT answer: one transform per type. */
static void ikev2_answer(void **state)
{
        (void)state;
        uint8_t b[512];
        size_t n = slurp("pkt-v2-sainit-response.dat", b, sizeof(b));
        struct probe_reply r;
        struct wire_err e;
        assert_int_equal(probe_reply_read(b, n, 2, cky, &r, &e), 0);
        assert_true(r.has_sa);
        assert_true(r.v2_has[1] && r.v2_has[2] && r.v2_has[3] && r.v2_has[4]);
        assert_int_equal(r.v2[1], 12);
        assert_int_equal(r.v2_keylen, 128);
        assert_int_equal(r.v2[2], 2);  /* ike-scan: Prf=HMAC_SHA1 */
        assert_int_equal(r.v2[3], 2);  /* Integ=HMAC_SHA1_96 */
        assert_int_equal(r.v2[4], 14); /* DH_Group=14:modp2048 */
        assert_true(r.has_ke);
        /* as sent: a KE of group 2 (128 bytes, "KeyExchange(132 bytes)" with
         * its 4-byte header) beside an SA of group 14 */
        assert_int_equal(r.ke_group, 2);
        assert_int_equal(r.ke.len, 128);
        assert_true(r.has_nonce);
        /* our own request, reflected back: a request, not an answer */
        n = slurp("pkt-ikev2.dat", b, sizeof(b));
        assert_int_equal(probe_reply_read(b, n, 2, cky, &r, &e), 1);
}

/* Netscreen's AM2 and ike-scan's AM1: the psk-crack line must be the one
 * ike-scan's own test expects, field for field. */
static void aggressive_psk_crack(void **state)
{
        (void)state;
        static const char want[] =
            "9a1f1fce36808165e6b253df5845567aebe67bcbcfed3f3347ca6349926bbc9f9bdc2ce1a3297ae7ffaf0f"
            "e86b4ae05ae63e2bf084b7f78c19d154560067b9a1492259a203df7d3d286dc093e1ea64f0683fb7bc1bbd"
            "d98fd34cd6568a9547573a9933f0d44aab7b21499d5995797cf183392a3dac51cb320fa56c0c57cff1bd:"
            "745db39c98420dc9f9d777c58f7eacc7b1da54dc17a1c845e92490269a5cc6461e20d232ab7e47cd9e84ae"
            "d0ec9e48f57c1fa8281a1f3de07635bb1dbae9995b78e84d0370374180dc1da17c456df7ae506dbd54c9a3"
            "73b67fc979cdf6c0c85efe092719af8daa8f3296550ef00eca80fb5652714c5486032539ab0522f7d7c5:"
            "61a878367079dd35:deadbeefdeadbeef:"
            "000000010000000100000098010100040300002401010000800100058002000280030001800400028"
            "00b0001000c000400007080030000240201000080010005800200018003000180040002800b0001000c00"
            "0400007080030000240301000080010001800200028003000180040002800b0001000c000400007080000"
            "000240401000080010001800200018003000180040002800b0001000c000400007080:"
            "011101f43e0369fb:2f6b0731d3e2667f2685429f35dc5dd1ccec0e70:"
            "8ffc97aebdf3ea384341f12392043badce30c230:950d8c8ea94a4af3d0b078372e81608890485b54";
        uint8_t am1[1024], am2[1024];
        size_t n1 = slurp("pkt-aggressive.dat", am1, sizeof(am1));
        size_t n2 = slurp("pkt-aggr-mode-response.dat", am2, sizeof(am2));
        struct probe_reply r;
        struct wire_err e;
        assert_int_equal(probe_reply_read(am2, n2, 1, cky, &r, &e), 0);
        assert_true(r.has_id && r.has_hash);
        assert_int_equal(r.id.type, 1);
        assert_int_equal(r.v1.auth, 1);
        char line[4096];
        assert_int_equal(probe_psk_crack(am1, n1, &r, line, sizeof(line)), 0);
        assert_string_equal(line, want);
        /* too small a buffer fails, never overflows */
        assert_int_equal(probe_psk_crack(am1, n1, &r, line, 100), -1);
        /* a Main Mode answer has no hash to crack */
        size_t n3 = slurp("pkt-main-mode-response.dat", am2, sizeof(am2));
        assert_int_equal(probe_reply_read(am2, n3, 1, cky, &r, &e), 0);
        assert_int_equal(probe_psk_crack(am1, n1, &r, line, sizeof(line)), -1);
}

/* The MM1 offers: each under the limit, every candidate offered exactly
 * once over the packets, each packet decoding to what it offers. */
static void mm1_split(void **state)
{
        (void)state;
        static struct v1_cand c[V1_MAX_CAND];
        static const uint16_t psk = 1, both[2] = {1, 3};
        assert_int_equal(v1_candidates(&psk, 1, c, V1_MAX_CAND), 225);
        size_t nc = v1_candidates(both, 2, c, V1_MAX_CAND);
        assert_int_equal(nc, 450);
        uint8_t buf[4096];
        size_t idx[255], nidx, from = 0, total = 0, packets = 0;
        int *seen = calloc(nc, sizeof(int));
        while (from < nc) {
                size_t len = v1_build_mm1(cky, c, nc, from, 1372, buf, sizeof(buf), idx, &nidx);
                assert_true(len > 0 && len <= 1372);
                struct ike_msg m;
                struct wire_err e;
                assert_int_equal(ike_msg_decode(buf, len, &m, &e), 0);
                assert_int_equal(m.hdr.exchange, 2);
                struct probe_reply r; /* the decoder sees as many transforms as offered */
                (void)r;
                struct ike_sa_iter it;
                struct ike_proposal p;
                assert_int_equal(ike_sa_open(m.pl[0].body, 1, &it, &e), 0);
                assert_int_equal(ike_proposal_next(&it, &p, &e), 1);
                assert_int_equal(p.ntransforms, nidx);
                for (size_t k = 0; k < nidx; k++) {
                        seen[idx[k]]++;
                        assert_int_equal(v1_find(c, nc, idx, nidx, &c[idx[k]].x), (int)idx[k]);
                }
                total += nidx;
                packets++;
                from = idx[nidx - 1] + 1;
        }
        assert_int_equal(total, nc);
        for (size_t i = 0; i < nc; i++)
                assert_int_equal(seen[i], 1);
        assert_true(packets >= 450 * 36 / 1372);
        /* refused and accepted candidates are offered no more */
        for (size_t i = 0; i < nc; i++)
                c[i].state = i == 7 ? V1_OPEN : V1_REFUSED;
        assert_true(v1_build_mm1(cky, c, nc, 0, 1372, buf, sizeof(buf), idx, &nidx) > 0);
        assert_int_equal(nidx, 1);
        assert_int_equal(idx[0], 7);
        c[7].state = V1_ACCEPTED;
        assert_int_equal(v1_build_mm1(cky, c, nc, 0, 1372, buf, sizeof(buf), idx, &nidx), 0);
        free(seen);
}

static size_t count_props(const uint8_t *b, size_t n, int *integ_in_first)
{
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(b, n, &m, &e), 0);
        const struct ike_payload *sa = ike_msg_find(&m, PL_V2_SA);
        assert_non_null(sa);
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct ike_transform t;
        size_t np = 0;
        assert_int_equal(ike_sa_open(sa->body, 2, &it, &e), 0);
        while (ike_proposal_next(&it, &p, &e) == 1) {
                np++;
                while (ike_transform_next(&p.xf, &t, &e) == 1)
                        if (np == 1 && t.type == 3)
                                (*integ_in_first)++;
        }
        return np;
}

static void ikev2_offer(void **state)
{
        (void)state;
        struct v2_offer o;
        v2_offer_default(&o);
        uint8_t pub[64] = {4}, ni[32] = {5}, buf[2048], cookie[16] = {6}, h[20] = {7};
        struct v2_init_extra x = {NULL, 0, h, h};
        size_t n =
            v2_build_init(cky, &o, 19, pub, sizeof(pub), ni, sizeof(ni), &x, buf, sizeof(buf));
        assert_true(n > 0 && n < 1200);
        int integ = 0;
        assert_int_equal(count_props(buf, n, &integ), 2);
        assert_int_equal(integ, 0); /* RFC 7296 3.3: no INTEG with a combined mode */
        /* every AEAD cipher removed: the plain proposal alone */
        assert_true(v2_offer_remove(&o, 1, 20, 256));
        assert_true(v2_offer_remove(&o, 1, 20, 128));
        assert_true(v2_offer_remove(&o, 1, 28, 0));
        assert_false(v2_offer_remove(&o, 1, 28, 0)); /* not twice */
        assert_false(v2_offer_has(&o, 1, 20, 256));
        assert_true(v2_offer_has(&o, 1, 12, 128));
        x.cookie = cookie;
        x.cookie_len = sizeof(cookie);
        n = v2_build_init(cky, &o, 19, pub, sizeof(pub), ni, sizeof(ni), &x, buf, sizeof(buf));
        integ = 0;
        assert_int_equal(count_props(buf, n, &integ), 1);
        assert_true(integ > 0);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(buf, n, &m, &e), 0);
        assert_int_equal(m.pl[0].type, PL_V2_NOTIFY); /* RFC 7296 2.6: COOKIE first */
        struct ike_notify no;
        assert_int_equal(ike_notify_decode(m.pl[0].body, 2, &no, &e), 0);
        assert_int_equal(no.type, 16390);
        /* every group removed: nothing to offer */
        for (size_t i = 0; i < o.n[4]; i++)
                v2_offer_remove(&o, 4, o.v[4][i].id, 0);
        assert_int_equal(
            v2_build_init(cky, &o, 19, pub, sizeof(pub), ni, sizeof(ni), &x, buf, sizeof(buf)), 0);
}

/* DH public values: the length RFC 7296 3.4 asks, a MODP value in 2..p-1.
 * (That the ECP values are points of their curves, strongSwan checks in
 * tests/peer/probe_live.py: it answers KE group 20 with an SA.) */
static void ke_values(void **state)
{
        (void)state;
        static const unsigned groups[] = {1, 2, 5, 14, 15, 16, 19, 20, 21, 31};
        static const size_t lens[] = {96, 128, 192, 256, 384, 512, 64, 96, 132, 32};
        uint8_t out[1024];
        for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
                assert_int_equal(probe_ke_len(groups[i]), lens[i]);
                assert_int_equal(probe_ke_make(groups[i], out, sizeof(out)), lens[i]);
                assert_int_equal(probe_ke_make(groups[i], out, lens[i] - 1), 0);
        }
        assert_int_equal(probe_ke_len(26), 0); /* ECP-224: not made */
        assert_int_equal(probe_ke_make(26, out, sizeof(out)), 0);
        assert_int_equal(probe_ke_make(14, out, sizeof(out)), 256);
        BIGNUM *y = BN_bin2bn(out, 256, NULL), *p = BN_get_rfc3526_prime_2048(NULL);
        assert_true(BN_cmp(y, p) < 0 && !BN_is_one(y) && !BN_is_zero(y));
        BN_free(y);
        BN_free(p);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(main_mode_answer), cmocka_unit_test(notify_answers),
            cmocka_unit_test(ikev2_answer),     cmocka_unit_test(aggressive_psk_crack),
            cmocka_unit_test(mm1_split),        cmocka_unit_test(ikev2_offer),
            cmocka_unit_test(ke_values),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
