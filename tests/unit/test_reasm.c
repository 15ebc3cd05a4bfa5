/*
 * IP fragment reassembly (src/packet/reasm.c) on IPv4 and IPv6 fragments
 * built byte by byte: in order, out of order, duplicated, a fragment lost
 * (reported with its position), timeouts by capture time, the bounds
 * (datagrams, fragments, bytes), fragments cut by the snap length, and
 * what is not reassembled (TCP, ICMP).
 */
#include "test_util.h"

#include "packet/frame.h"
#include "packet/reasm.h"
#include "wire_build.h"

static uint8_t body[3000]; /* UDP payload: IKE-looking bytes */

/* The UDP datagram (header + n bytes of body) from 500 to 500. */
static size_t udp(uint8_t *out, size_t n, unsigned port)
{
        struct wb w;
        w.n = 0;
        wb_u16(&w, port);
        wb_u16(&w, port);
        wb_u16(&w, (unsigned)(8 + n));
        wb_u16(&w, 0);
        wb_bytes(&w, body, n);
        memcpy(out, w.b, w.n);
        return w.n;
}

/* One IPv4 fragment of data[off, off+len) of a datagram of proto. */
static void frag4(struct wb *w, const uint8_t *data, size_t off, size_t len, bool mf, unsigned id,
                  unsigned proto)
{
        w->n = 0;
        wb_u8(w, 0x45);
        wb_u8(w, 0);
        wb_u16(w, (unsigned)(20 + len));
        wb_u16(w, id);
        wb_u16(w, (mf ? 0x2000 : 0) | (unsigned)(off / 8));
        wb_u8(w, 64);
        wb_u8(w, proto);
        wb_u16(w, 0);
        wb_u32(w, 0xc6336401u);
        wb_u32(w, 0xc6336402u);
        wb_bytes(w, data + off, len);
}

/* One IPv6 fragment (a Fragment header, next = UDP). */
static void frag6(struct wb *w, const uint8_t *data, size_t off, size_t len, bool mf, uint32_t id)
{
        w->n = 0;
        wb_u32(w, 0x60000000u);
        wb_u16(w, (unsigned)(8 + len));
        wb_u8(w, 44);
        wb_u8(w, 64);
        wb_fill(w, 0x20, 16);
        wb_fill(w, 0x30, 16);
        wb_u8(w, 17);
        wb_u8(w, 0);
        wb_u16(w, (unsigned)off | (mf ? 1 : 0));
        wb_u32(w, id);
        wb_bytes(w, data + off, len);
}

struct lostlog {
        int n;
        struct reasm_lost last;
        bool had_first;
        enum frame_kind first_kind;
        uint32_t ike_len;
};

static void on_lost(void *ctx, const struct reasm_lost *l)
{
        struct lostlog *g = ctx;
        g->n++;
        g->last = *l;
        g->had_first = l->first != NULL;
        g->first_kind = l->first ? l->first->kind : FK_OTHER;
        g->ike_len = 0;
        if (l->first && l->first->payload.p && l->first->payload.len >= 28) {
                const uint8_t *p = l->first->payload.p;
                g->ike_len = (uint32_t)p[24] << 24 | (uint32_t)p[25] << 16 | p[26] << 8 | p[27];
        }
        g->last.first = NULL;
}

static int add(struct reasm *r, struct wb *w, uint64_t frame, int64_t sec, struct frame *out,
               struct lostlog *g)
{
        struct frame f;
        struct wire_err e;
        int rc = frame_decode(LINK_RAW, w->b, w->n, w->n, &f, &e);
        if (rc)
                fail_msg("frame %llu: %s", (unsigned long long)frame, e.what);
        return reasm_add(r, &f, frame, sec, out, on_lost, g);
}

static void setup_body(void)
{
        for (size_t i = 0; i < sizeof(body); i++)
                body[i] = (uint8_t)(i * 7);
        /* an ISAKMP header's length field at 24..27: 2992 */
        body[24] = 0, body[25] = 0, body[26] = 0x0b, body[27] = 0xb0;
}

static void v4_in_and_out_of_order(void **state)
{
        (void)state;
        setup_body();
        uint8_t d[4000];
        size_t n = udp(d, 2992, 500); /* 3000 bytes: 1480 + 1480 + 40 */
        struct reasm r;
        reasm_init(&r);
        struct lostlog g = {0};
        struct wb w;
        struct frame out;
        frag4(&w, d, 0, 1480, true, 9, 17);
        assert_int_equal(add(&r, &w, 1, 100, &out, &g), 0);
        frag4(&w, d, 1480, 1480, true, 9, 17);
        assert_int_equal(add(&r, &w, 2, 100, &out, &g), 0);
        assert_int_equal(add(&r, &w, 3, 100, &out, &g), 0); /* the same fragment again */
        frag4(&w, d, 2960, n - 2960, false, 9, 17);
        assert_int_equal(add(&r, &w, 4, 100, &out, &g), 1);
        assert_int_equal(out.kind, FK_IKE);
        assert_true(out.reassembled);
        assert_false(out.fragment);
        assert_int_equal(out.payload.len, 2992);
        assert_memory_equal(out.payload.p, body, 2992);
        assert_int_equal(r.last_nfrags, 3);

        /* last fragment first, then the middle, then the first */
        frag4(&w, d, 2960, n - 2960, false, 10, 17);
        assert_int_equal(add(&r, &w, 5, 101, &out, &g), 0);
        frag4(&w, d, 1480, 1480, true, 10, 17);
        assert_int_equal(add(&r, &w, 6, 101, &out, &g), 0);
        frag4(&w, d, 0, 1480, true, 10, 17);
        assert_int_equal(add(&r, &w, 7, 101, &out, &g), 1);
        assert_memory_equal(out.payload.p, body, 2992);
        assert_int_equal(r.completed, 2);
        assert_int_equal(r.live, 0);
        assert_int_equal(r.bytes, 0);

        /* TCP and ICMP fragments are not ours */
        frag4(&w, d, 0, 1480, true, 11, 6);
        assert_int_equal(add(&r, &w, 8, 101, &out, &g), 0);
        assert_int_equal(r.live, 0);
        reasm_finish(&r, on_lost, &g);
        assert_int_equal(g.n, 0);
}

static void v4_lost_fragment(void **state)
{
        (void)state;
        setup_body();
        uint8_t d[4000];
        size_t n = udp(d, 2992, 500);
        struct reasm r;
        reasm_init(&r);
        struct lostlog g = {0};
        struct wb w;
        struct frame out;
        frag4(&w, d, 0, 1480, true, 9, 17);
        assert_int_equal(add(&r, &w, 1, 100, &out, &g), 0);
        frag4(&w, d, 2960, n - 2960, false, 9, 17);
        assert_int_equal(add(&r, &w, 2, 100, &out, &g), 0);
        /* fragment 2 never comes: the capture goes on past the 30 s timeout */
        frag4(&w, d, 0, 1480, false, 99, 6);
        assert_int_equal(add(&r, &w, 3, 130, &out, &g), 0);
        assert_int_equal(g.n, 0); /* 30 s exactly: not yet */
        assert_int_equal(add(&r, &w, 4, 131, &out, &g), 0);
        assert_int_equal(g.n, 1);
        assert_int_equal(g.last.why, REASM_TIMEOUT);
        assert_true(g.had_first);
        assert_int_equal(g.first_kind, FK_IKE);
        assert_int_equal(g.ike_len, 2992);
        assert_int_equal(g.last.total, 3000);
        assert_int_equal(g.last.got, 1520);
        assert_int_equal(g.last.hole_off, 1480);
        assert_int_equal(g.last.hole_len, 1480);
        assert_int_equal(g.last.hole_index, 2);
        assert_int_equal(g.last.nfrags_expected, 3);
        assert_int_equal(g.last.first_frame, 1);
        assert_int_equal(g.last.last_frame, 2);

        /* the first fragment lost, the capture ends */
        frag4(&w, d, 1480, 1480, true, 12, 17);
        assert_int_equal(add(&r, &w, 5, 140, &out, &g), 0);
        reasm_finish(&r, on_lost, &g);
        assert_int_equal(g.n, 2);
        assert_int_equal(g.last.why, REASM_END);
        assert_false(g.had_first);
        assert_int_equal(g.last.hole_off, 0);
        assert_int_equal(g.last.hole_index, 1);
        assert_int_equal(g.last.total, 0); /* the last fragment never came */
}

static void v6_fragments(void **state)
{
        (void)state;
        setup_body();
        uint8_t d[4000];
        size_t n = udp(d, 2000, 4500);
        d[8] = d[9] = d[10] = d[11] = 0; /* the non-ESP marker */
        struct reasm r;
        reasm_init(&r);
        struct lostlog g = {0};
        struct wb w;
        struct frame out;
        frag6(&w, d, 1232, n - 1232, false, 0x01020304);
        assert_int_equal(add(&r, &w, 1, 5, &out, &g), 0);
        frag6(&w, d, 0, 1232, true, 0x01020304);
        assert_int_equal(add(&r, &w, 2, 5, &out, &g), 1);
        assert_int_equal(out.af, 6);
        assert_int_equal(out.kind, FK_IKE);
        assert_true(out.marker);
        assert_int_equal(out.payload.len, 1996);
        /* IPv6 waits 60 s (RFC 8200 4.5), not 30 */
        frag6(&w, d, 0, 1232, true, 7);
        assert_int_equal(add(&r, &w, 3, 10, &out, &g), 0);
        uint8_t small[8];
        udp(small, 0, 4500);
        frag6(&w, small, 0, 8, false, 8); /* an atomic fragment (RFC 6946): a bare UDP header */
        assert_int_equal(add(&r, &w, 4, 50, &out, &g), 1);
        assert_int_equal(g.n, 0);
        assert_int_equal(out.kind, FK_OTHER); /* a bare UDP header on 4500 */
        frag6(&w, small, 0, 8, false, 9);
        assert_int_equal(add(&r, &w, 5, 71, &out, &g), 1);
        assert_int_equal(g.n, 1);
        assert_int_equal(g.last.af, 6);
        reasm_finish(&r, on_lost, &g);
}

static void bounds(void **state)
{
        (void)state;
        setup_body();
        uint8_t d[4000];
        udp(d, 2992, 500);
        struct reasm r;
        reasm_init(&r);
        struct lostlog g = {0};
        struct wb w;
        struct frame out;
        /* more datagrams than REASM_MAX_DGRAMS: the oldest are evicted, reported */
        for (unsigned i = 0; i < REASM_MAX_DGRAMS + 10; i++) {
                frag4(&w, d, 0, 1480, true, i, 17);
                assert_int_equal(add(&r, &w, i + 1, 1, &out, &g), 0);
        }
        assert_int_equal(r.live, REASM_MAX_DGRAMS);
        assert_int_equal(g.n, 10);
        assert_int_equal(g.last.why, REASM_EVICTED);
        assert_int_equal(g.last.first_frame, 10);
        assert_int_equal(r.bytes, (size_t)REASM_MAX_DGRAMS * 1480);
        reasm_finish(&r, on_lost, &g);
        assert_int_equal(g.n, 10 + REASM_MAX_DGRAMS);

        /* more than REASM_MAX_FRAGS fragments of 8 bytes */
        reasm_init(&r);
        g.n = 0;
        for (unsigned i = 0; i <= REASM_MAX_FRAGS; i++) {
                frag4(&w, d, 8 * i + 8, 8, true, 5, 17);
                assert_int_equal(add(&r, &w, i + 1, 1, &out, &g), 0);
        }
        assert_int_equal(g.n, 1);
        assert_int_equal(g.last.why, REASM_TOO_MANY);
        assert_int_equal(r.live, 0);
        /* over 65535 bytes */
        frag4(&w, d, 0, 16, false, 6, 17);
        w.b[6] = 0x1f; /* offset 8191 * 8 = 65528 */
        w.b[7] = 0xff;
        assert_int_equal(add(&r, &w, 100, 1, &out, &g), 0);
        assert_int_equal(g.n, 2);
        assert_int_equal(g.last.why, REASM_TOO_MANY);
        reasm_finish(&r, on_lost, &g);
        assert_int_equal(g.n, 2);

        /* a fragment cut by the snap length: reported as cut, not as lost */
        reasm_init(&r);
        frag4(&w, d, 0, 1480, true, 7, 17);
        struct frame f;
        struct wire_err e;
        assert_int_equal(frame_decode(LINK_RAW, w.b, 200, w.n, &f, &e), 0);
        assert_int_equal(reasm_add(&r, &f, 1, 1, &out, on_lost, &g), 0);
        frag4(&w, d, 1480, 1480, false, 7, 17);
        assert_int_equal(add(&r, &w, 2, 1, &out, &g), 0);
        reasm_finish(&r, on_lost, &g);
        assert_int_equal(g.n, 3);
        assert_int_equal(g.last.why, REASM_CUT);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(v4_in_and_out_of_order),
            cmocka_unit_test(v4_lost_fragment),
            cmocka_unit_test(v6_fragments),
            cmocka_unit_test(bounds),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
