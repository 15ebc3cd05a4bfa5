/* Flow-space arithmetic and the overlap finder. */
#include "test_util.h"

#include <stdlib.h>

#include "model/flowset.h"

#define IP(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (d))

static struct flowbox net2net(uint32_t s, int slen, uint32_t d, int dlen)
{
        struct flowbox b = fb_any();
        uint32_t sm = slen ? ~0u << (32 - slen) : 0, dm = dlen ? ~0u << (32 - dlen) : 0;
        b.src = range_from_mask(s, sm);
        b.dst = range_from_mask(d, dm);
        return b;
}

static void box_basics(void **state)
{
        (void)state;
        struct flowbox a = net2net(IP(10, 1, 0, 0), 16, IP(10, 2, 0, 0), 16);
        struct flowbox b = net2net(IP(10, 1, 5, 0), 24, IP(10, 2, 0, 0), 24);
        struct flowbox c = net2net(IP(10, 3, 0, 0), 16, IP(10, 2, 0, 0), 16);
        assert_true(fb_contains(&a, &b));
        assert_false(fb_contains(&b, &a));
        assert_false(fb_intersect(&a, &c, NULL));
        struct flowbox in;
        assert_true(fb_intersect(&a, &b, &in));
        assert_true(fb_equal(&in, &b));
        struct flowbox m = fb_mirror(&b);
        assert_int_equal(m.src.lo, IP(10, 2, 0, 0));
        assert_int_equal(m.dst.hi, IP(10, 1, 5, 255));
        struct flowbox mm = fb_mirror(&m);
        assert_true(fb_equal(&mm, &b));
        struct flowbox e = a;
        e.proto.lo = 7, e.proto.hi = 6;
        assert_true(fb_is_empty(&e));
        assert_false(fb_is_empty(&a));
        struct range32 r = range_from_mask(IP(192, 168, 1, 77), 0xffffff00u);
        assert_int_equal(r.lo, IP(192, 168, 1, 0));
        assert_int_equal(r.hi, IP(192, 168, 1, 255));
        /* ports: a tcp/443 box is inside tcp any, not inside udp any */
        struct flowbox t = fb_point(IP(1, 1, 1, 1), IP(2, 2, 2, 2), 6, 1000, 443);
        struct flowbox tcp = fb_any();
        tcp.proto.lo = tcp.proto.hi = 6;
        struct flowbox udp = tcp;
        udp.proto.lo = udp.proto.hi = 17;
        assert_true(fb_contains(&tcp, &t));
        assert_false(fb_intersect(&udp, &t, NULL));
}

static void subtract_pieces(void **state)
{
        (void)state;
        struct flowbox a = net2net(IP(10, 0, 0, 0), 8, IP(20, 0, 0, 0), 8);
        struct flowbox hole = net2net(IP(10, 1, 0, 0), 16, IP(20, 0, 0, 0), 8);
        struct flowbox out[10];
        size_t n = fb_subtract(&a, &hole, out);
        assert_int_equal(n, 2); /* below and above the hole in src only */
        assert_int_equal(out[0].src.hi, IP(10, 0, 255, 255));
        assert_int_equal(out[1].src.lo, IP(10, 2, 0, 0));
        /* disjoint from a: a itself */
        struct flowbox far = net2net(IP(11, 0, 0, 0), 8, IP(20, 0, 0, 0), 8);
        assert_int_equal(fb_subtract(&a, &far, out), 1);
        assert_true(fb_equal(&out[0], &a));
        /* everything: nothing */
        struct flowbox any = fb_any();
        assert_int_equal(fb_subtract(&a, &any, out), 0);
        /* a point hole in the middle of all dimensions: 10 pieces */
        struct flowbox pt = fb_point(IP(10, 5, 5, 5), IP(20, 5, 5, 5), 6, 100, 200);
        assert_int_equal(fb_subtract(&a, &pt, out), 10);
        for (int i = 0; i < 10; i++)
                assert_false(fb_intersect(&out[i], &pt, NULL));
}

static void coverage(void **state)
{
        (void)state;
        struct flowbox x = net2net(IP(10, 0, 0, 0), 24, IP(20, 0, 0, 0), 24);
        struct flowbox halves[2] = {net2net(IP(10, 0, 0, 0), 25, IP(20, 0, 0, 0), 24),
                                    net2net(IP(10, 0, 0, 128), 25, IP(20, 0, 0, 0), 24)};
        assert_int_equal(fb_cover(halves, 2, &x, 0), COVER_FULL);
        assert_int_equal(fb_cover(halves, 1, &x, 0), COVER_PARTIAL);
        struct flowbox other = net2net(IP(30, 0, 0, 0), 8, IP(20, 0, 0, 0), 24);
        assert_int_equal(fb_cover(&other, 1, &x, 0), COVER_NONE);
        /* a bound of one piece cannot hold the remainder: unknown, not wrong */
        struct flowbox pt = fb_point(IP(10, 0, 0, 5), IP(20, 0, 0, 5), 6, 1, 1);
        assert_int_equal(fb_cover(&pt, 1, &x, 1), COVER_UNKNOWN);

        struct fbset s;
        fbset_init(&s, 0);
        assert_int_equal(fbset_push(&s, &x), 0);
        assert_int_equal(fbset_subtract_box(&s, &halves[0]), 0);
        assert_int_equal(s.n, 1);
        assert_true(fb_equal(&s.v[0], &halves[1]));
        assert_int_equal(fbset_subtract_box(&s, &halves[1]), 0);
        assert_true(fbset_is_empty(&s));
        fbset_free(&s);
}

/* ---- overlap finder vs brute force ---------------------------------- */

static uint32_t rng = 12345;
static uint32_t rnd(void)
{
        rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
        return rng;
}

/* Random boxes in a small space so that overlaps happen but not always. */
static void random_boxes(struct labelled_box *v, size_t n, size_t labels, uint32_t span)
{
        for (size_t i = 0; i < n; i++) {
                struct flowbox b = fb_any();
                uint32_t s = rnd() % span, d = rnd() % span;
                b.src.lo = s, b.src.hi = s + rnd() % (span / 16 + 1);
                b.dst.lo = d, b.dst.hi = d + rnd() % (span / 16 + 1);
                if (rnd() % 3 == 0)
                        b.proto.lo = b.proto.hi = (rnd() & 1) ? 6 : 17;
                if (rnd() % 4 == 0) {
                        b.dport.lo = (uint16_t)(rnd() % 1000);
                        b.dport.hi = (uint16_t)(b.dport.lo + rnd() % 100);
                }
                v[i].box = b;
                v[i].label = rnd() % labels;
        }
}

struct pairs {
        unsigned char *seen; /* n*n bitmap as bytes */
        size_t n;
        long dup;
};

static int mark(void *ctx, size_t a, size_t b)
{
        struct pairs *p = ctx;
        size_t lo = a < b ? a : b, hi = a < b ? b : a;
        if (p->seen[lo * p->n + hi])
                p->dup++;
        p->seen[lo * p->n + hi] = 1;
        return 0;
}

/* The sweep against the pairwise test; addresses below span, moved up by
 * shift, and every tenth box's source widened to the top address when wide. */
static void check_brute_force(size_t n, uint32_t span, uint32_t shift, bool wide)
{
        struct labelled_box *v = calloc(n, sizeof(*v));
        assert_non_null(v);
        random_boxes(v, n, 50, span);
        for (size_t i = 0; i < n; i++) {
                v[i].box.src.lo += shift, v[i].box.src.hi += shift;
                v[i].box.dst.lo += shift, v[i].box.dst.hi += shift;
                if (wide && i % 10 == 0)
                        v[i].box.src.hi = UINT32_MAX;
        }
        struct pairs p = {calloc(n * n, 1), n, 0};
        assert_non_null(p.seen);
        bool trunc = true;
        long found = fb_find_overlaps(v, n, 0, mark, &p, &trunc);
        assert_false(trunc);
        assert_int_equal(p.dup, 0);
        long brute = 0;
        for (size_t i = 0; i < n; i++)
                for (size_t j = i + 1; j < n; j++) {
                        bool want =
                            v[i].label != v[j].label && fb_intersect(&v[i].box, &v[j].box, NULL);
                        brute += want;
                        assert_int_equal(p.seen[i * n + j], want);
                }
        assert_int_equal(found, brute);
        assert_true(brute > 100); /* the data set really has overlaps */
        free(p.seen);
        free(v);
}

static void overlap_matches_brute_force(void **state)
{
        (void)state;
        check_brute_force(2000, 100000, 0, false); /* the radix-sorted sweep */
        check_brute_force(300, 100000, 0, false);  /* few events: sorted by qsort */
        /* every bit of the sort key: addresses all over the space, and up
         * to 255.255.255.255 */
        check_brute_force(2000, 0xf0000000u, 0, true);
        check_brute_force(2000, 100000, 0xfffe0000u, true);
}

static int count(void *ctx, size_t a, size_t b)
{
        (void)a, (void)b;
        (*(long *)ctx)++;
        return 0;
}

static void overlap_edges_and_bounds(void **state)
{
        (void)state;
        struct labelled_box v[3] = {
            {net2net(IP(10, 0, 0, 0), 24, IP(20, 0, 0, 0), 24), 1},
            /* touches v[0] at exactly one source address (inclusive ranges) */
            {net2net(IP(10, 0, 0, 255), 32, IP(20, 0, 0, 9), 32), 2},
            /* same label as v[0]: never reported against it */
            {net2net(IP(10, 0, 0, 0), 8, IP(20, 0, 0, 0), 8), 1},
        };
        long c = 0;
        bool trunc;
        assert_int_equal(fb_find_overlaps(v, 3, 0, count, &c, &trunc), 2); /* 0-1, 1-2 */
        assert_int_equal(c, 2);
        c = 0;
        assert_int_equal(fb_find_overlaps(v, 3, 1, count, &c, &trunc), 1);
        assert_true(trunc);
        assert_int_equal(fb_find_overlaps(v, 0, 0, count, &c, &trunc), 0);
}

static void overlap_scale_20000(void **state)
{
        (void)state;
        const size_t n = 20000;
        struct labelled_box *v = calloc(n, sizeof(*v));
        assert_non_null(v);
        random_boxes(v, n, 1000, 50000000);
        long c = 0;
        bool trunc;
        long found = fb_find_overlaps(v, n, 1000000, count, &c, &trunc);
        assert_true(found >= 0);
        assert_int_equal(found, c);
        free(v);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(box_basics),
            cmocka_unit_test(subtract_pieces),
            cmocka_unit_test(coverage),
            cmocka_unit_test(overlap_matches_brute_force),
            cmocka_unit_test(overlap_edges_and_bounds),
            cmocka_unit_test(overlap_scale_20000),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
