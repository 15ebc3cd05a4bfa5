/*
 * The IKE message builder (src/wire/build.c): what it builds decodes back
 * to what was asked (src/wire/ decoder), it never writes past the buffer,
 * and it rebuilds three of ike-scan 1.9.5's own request packets byte for
 * byte (../shared/captures/ike-scan-pkts, read at run time).
 */
#include "test_util.h"

#include <stdlib.h>

#include "wire/build.h"
#include "wire/ike.h"

static const uint8_t cky[8] = {0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef};
static const uint8_t zero[8] = {0};

/* A file of the shared captures, or the test fails naming it. */
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

/* ike-scan's default proposal: 8 transforms, AES-less, 28800 s. */
static void ike_scan_default_proposal(void **state)
{
        (void)state;
        static const struct ike_v1_xform x[8] = {
            {5, 0, 2, 1, 2, 28800}, {5, 0, 1, 1, 2, 28800}, {1, 0, 2, 1, 2, 28800},
            {1, 0, 1, 1, 2, 28800}, {5, 0, 2, 1, 1, 28800}, {5, 0, 1, 1, 1, 28800},
            {1, 0, 2, 1, 1, 28800}, {1, 0, 1, 1, 1, 28800},
        };
        uint8_t want[2048], buf[2048];
        size_t wn = slurp("pkt-default-proposal.dat", want, sizeof(want)), n = 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 1, cky, zero, 2, 0, 0);
        ike_wb_v1_sa(&w, x, 8);
        assert_int_equal(ike_wb_finish(&w, &n), 0);
        assert_int_equal(n, wn);
        assert_memory_equal(buf, want, n);
}

static void ike_scan_single_transform(void **state)
{
        (void)state;
        static const struct ike_v1_xform x = {5, 0, 2, 3, 2, 0}; /* RSA sig, no life */
        uint8_t want[256], buf[256];
        size_t wn = slurp("pkt-single-trans.dat", want, sizeof(want)), n = 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 1, cky, zero, 2, 0, 0);
        ike_wb_v1_sa(&w, &x, 1);
        assert_int_equal(ike_wb_finish(&w, &n), 0);
        assert_int_equal(n, wn);
        assert_memory_equal(buf, want, n);
}

/* ike-scan --ikev2: SA of 11 transforms, KE (group 2) and nonce, whose
 * bytes are taken from the packet itself (they are random there). */
static void ike_scan_ikev2(void **state)
{
        (void)state;
        static const struct ike_v2_xf xf[] = {
            {1, 12, 256}, {1, 12, 128}, {1, 3, 0}, {1, 2, 0}, {2, 2, 0},  {2, 1, 0},
            {3, 2, 0},    {3, 1, 0},    {4, 2, 0}, {4, 5, 0}, {4, 14, 0},
        };
        struct ike_v2_prop p = {1, xf, sizeof(xf) / sizeof(xf[0])};
        uint8_t want[512], buf[512];
        size_t wn = slurp("pkt-ikev2.dat", want, sizeof(want)), n = 0;
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(want, wn, &m, &e), 0);
        const struct ike_payload *ke = ike_msg_find(&m, PL_V2_KE);
        const struct ike_payload *ni = ike_msg_find(&m, PL_V2_NONCE);
        assert_non_null(ke);
        assert_non_null(ni);
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 2, cky, zero, 34, 0x08, 0);
        ike_wb_v2_sa(&w, &p, 1);
        ike_wb_ke(&w, 2, 2, ke->body.p + 4, ke->body.len - 4);
        ike_wb_raw(&w, PL_V2_NONCE, ni->body.p, ni->body.len);
        assert_int_equal(ike_wb_finish(&w, &n), 0);
        assert_int_equal(n, wn);
        assert_memory_equal(buf, want, n);
}

/* ike-scan --aggressive: SA of 4 transforms (group 2), KE, nonce, ID
 * (USER_FQDN, UDP/500). */
static void ike_scan_aggressive(void **state)
{
        (void)state;
        uint8_t want[512], buf[512];
        size_t wn = slurp("pkt-aggressive.dat", want, sizeof(want)), n = 0;
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(want, wn, &m, &e), 0);
        const struct ike_payload *ke = ike_msg_find(&m, PL_V1_KE);
        const struct ike_payload *ni = ike_msg_find(&m, PL_V1_NONCE);
        const struct ike_payload *sa = ike_msg_find(&m, PL_V1_SA);
        assert_non_null(ke);
        assert_non_null(ni);
        assert_non_null(sa);
        struct ike_v1_xform x[16];
        size_t nx = 0;
        struct ike_sa_iter it;
        struct ike_proposal pr;
        struct ike_transform t;
        assert_int_equal(ike_sa_open(sa->body, 1, &it, &e), 0);
        assert_int_equal(ike_proposal_next(&it, &pr, &e), 1);
        while (ike_transform_next(&pr.xf, &t, &e) == 1 && nx < 16) {
                struct ike_attr_iter ai = ike_attrs(t.attrs);
                struct ike_attr a;
                struct ike_v1_xform *y = &x[nx++];
                *y = (struct ike_v1_xform){0};
                while (ike_attr_next(&ai, &a, &e) == 1) {
                        if (a.type == 1)
                                y->encr = (uint16_t)a.value;
                        else if (a.type == 2)
                                y->hash = (uint16_t)a.value;
                        else if (a.type == 3)
                                y->auth = (uint16_t)a.value;
                        else if (a.type == 4)
                                y->group = (uint16_t)a.value;
                        else if (a.type == 12)
                                y->life = a.value;
                }
        }
        assert_int_equal(nx, 4);
        static const char id[] = "royhills@hotmail.com";
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 1, cky, zero, 4, 0, 0);
        ike_wb_v1_sa(&w, x, nx);
        ike_wb_raw(&w, PL_V1_KE, ke->body.p, ke->body.len);
        ike_wb_raw(&w, PL_V1_NONCE, ni->body.p, ni->body.len);
        ike_wb_v1_id(&w, 3, 17, 500, id, sizeof(id) - 1);
        assert_int_equal(ike_wb_finish(&w, &n), 0);
        assert_int_equal(n, wn);
        assert_memory_equal(buf, want, n);
}

/* Built, then decoded: every field comes back. */
static void roundtrip_v1(void **state)
{
        (void)state;
        static const struct ike_v1_xform x[2] = {{7, 256, 4, 1, 14, 86400}, {5, 0, 2, 1, 2, 0}};
        static const uint8_t vid[16] = {0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45,
                                        0x5c, 0x57, 0x28, 0xf2, 0x0e, 0x95, 0x45, 0x2f};
        uint8_t buf[512];
        size_t n = 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 1, cky, zero, 2, 0, 0);
        ike_wb_v1_sa(&w, x, 2);
        ike_wb_raw(&w, PL_V1_VID, vid, sizeof(vid));
        ike_wb_notify(&w, 1, 1, 24578, NULL, 0, "ab", 2);
        assert_int_equal(ike_wb_finish(&w, &n), 0);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(buf, n, &m, &e), 0);
        assert_int_equal(m.npl, 3);
        assert_int_equal(m.pl[0].type, PL_V1_SA);
        assert_int_equal(m.pl[1].type, PL_V1_VID);
        assert_int_equal(m.pl[2].type, PL_V1_NOTIFY);
        assert_int_equal(m.trailing, 0);
        struct ike_vid_info vi;
        assert_true(ike_vid_lookup(m.pl[1].body, &vi));
        assert_string_equal(vi.name, "RFC 3947 NAT-T");
        struct ike_notify no;
        assert_int_equal(ike_notify_decode(m.pl[2].body, 1, &no, &e), 0);
        assert_int_equal(no.type, 24578);
        assert_int_equal(no.doi, 1);
        assert_int_equal(no.data.len, 2);
        struct ike_sa_iter it;
        struct ike_proposal pr;
        struct ike_transform t;
        assert_int_equal(ike_sa_open(m.pl[0].body, 1, &it, &e), 0);
        assert_int_equal(ike_proposal_next(&it, &pr, &e), 1);
        assert_int_equal(pr.ntransforms, 2);
        assert_int_equal(ike_transform_next(&pr.xf, &t, &e), 1);
        assert_int_equal(t.num, 1);
        struct ike_attr_iter ai = ike_attrs(t.attrs);
        struct ike_attr a;
        uint32_t seen[16] = {0};
        while (ike_attr_next(&ai, &a, &e) == 1)
                if (a.type < 16)
                        seen[a.type] = a.value;
        assert_int_equal(seen[1], 7);
        assert_int_equal(seen[14], 256);
        assert_int_equal(seen[2], 4);
        assert_int_equal(seen[4], 14);
        assert_int_equal(seen[12], 86400);
        assert_int_equal(ike_transform_next(&pr.xf, &t, &e), 1);
        assert_true(t.last);
        assert_int_equal(ike_transform_next(&pr.xf, &t, &e), 0);
        assert_int_equal(ike_proposal_next(&it, &pr, &e), 0);
}

static void roundtrip_v2(void **state)
{
        (void)state;
        static const struct ike_v2_xf gcm[] = {{1, 20, 256}, {2, 5, 0}, {4, 19, 0}};
        static const struct ike_v2_xf cbc[] = {{1, 12, 128}, {2, 2, 0}, {3, 12, 0}, {4, 14, 0}};
        struct ike_v2_prop p[2] = {{1, gcm, 3}, {1, cbc, 4}};
        uint8_t pub[64] = {1}, nonce[32] = {2}, buf[512];
        size_t n = 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 2, cky, zero, 34, 0x08, 0);
        ike_wb_v2_sa(&w, p, 2);
        ike_wb_ke(&w, 2, 19, pub, sizeof(pub));
        ike_wb_raw(&w, PL_V2_NONCE, nonce, sizeof(nonce));
        ike_wb_notify(&w, 2, 0, 16430, NULL, 0, NULL, 0);
        assert_int_equal(ike_wb_finish(&w, &n), 0);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(buf, n, &m, &e), 0);
        assert_int_equal(m.npl, 4);
        struct ike_ke ke;
        assert_int_equal(ike_ke_decode(m.pl[1].body, 2, &ke, &e), 0);
        assert_int_equal(ke.group, 19);
        assert_int_equal(ke.data.len, 64);
        struct ike_sa_iter it;
        struct ike_proposal pr;
        struct ike_transform t;
        assert_int_equal(ike_sa_open(m.pl[0].body, 2, &it, &e), 0);
        assert_int_equal(ike_proposal_next(&it, &pr, &e), 1);
        assert_int_equal(pr.num, 1);
        assert_int_equal(ike_proposal_next(&it, &pr, &e), 1);
        assert_int_equal(pr.num, 2);
        assert_true(pr.last);
        int k = 0;
        while (ike_transform_next(&pr.xf, &t, &e) == 1)
                k++;
        assert_int_equal(k, 4);
}

/* Every size from 0 to the message's: a short buffer fails, never writes
 * past its end (ASan would see it; the canary sees it here too). */
static void never_overflows(void **state)
{
        (void)state;
        static const struct ike_v1_xform x[3] = {
            {7, 256, 4, 1, 14, 86400}, {7, 128, 2, 1, 2, 0}, {5, 0, 1, 1, 2, 28800}};
        uint8_t full[512];
        size_t need = 0;
        struct ike_wb w;
        ike_wb_init(&w, full, sizeof(full));
        ike_wb_header(&w, 1, cky, zero, 2, 0, 0);
        ike_wb_v1_sa(&w, x, 3);
        ike_wb_raw(&w, PL_V1_VID, "0123456789abcdef", 16);
        assert_int_equal(ike_wb_finish(&w, &need), 0);
        for (size_t cap = 0; cap < need; cap++) {
                uint8_t *b = malloc(cap + 1);
                assert_non_null(b);
                b[cap] = 0xa5;
                size_t n = 0;
                ike_wb_init(&w, b, cap);
                ike_wb_header(&w, 1, cky, zero, 2, 0, 0);
                ike_wb_v1_sa(&w, x, 3);
                ike_wb_raw(&w, PL_V1_VID, "0123456789abcdef", 16);
                assert_int_equal(ike_wb_finish(&w, &n), -1);
                assert_int_equal(b[cap], 0xa5);
                free(b);
        }
}

/* Misuse fails instead of writing a wrong message. */
static void misuse(void **state)
{
        (void)state;
        uint8_t buf[128];
        size_t n = 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, sizeof(buf));
        (void)ike_wb_begin(&w, 13, false); /* a payload before the header */
        assert_int_equal(ike_wb_finish(&w, &n), -1);
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 3, cky, zero, 2, 0, 0); /* no such version */
        assert_int_equal(ike_wb_finish(&w, &n), -1);
        ike_wb_init(&w, buf, sizeof(buf));
        ike_wb_header(&w, 1, cky, zero, 2, 0, 0);
        ike_wb_v1_sa(&w, NULL, 0); /* an SA without transforms */
        assert_int_equal(ike_wb_finish(&w, &n), -1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(ike_scan_default_proposal),
            cmocka_unit_test(ike_scan_single_transform),
            cmocka_unit_test(ike_scan_ikev2),
            cmocka_unit_test(ike_scan_aggressive),
            cmocka_unit_test(roundtrip_v1),
            cmocka_unit_test(roundtrip_v2),
            cmocka_unit_test(never_overflows),
            cmocka_unit_test(misuse),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
