/*
 * ESP per SA (src/capture/esp.c) on frames built byte by byte: counts and
 * directions, sequence gaps, duplicates and arrivals behind the 64 / 512 /
 * 1024 anti-replay windows, the path MTU from ICMP, ESP fragmented after
 * encryption and a lost fragment, the origin of an SPI (never "stale"
 * without decryption; negotiated when a decrypted SA payload carried it;
 * named by INVALID_SPI), and the bound on SAs.
 */
#include "test_util.h"

#include "capture/esp.h"
#include "capture/facts.h"
#include "capture/sessions.h"
#include "wire_build.h"

#define A 0xc6336401u /* 198.51.100.1 */
#define B 0xc6336402u /* 198.51.100.2 */

struct feed {
        struct cap_set cs;
        uint64_t n;
        int64_t sec;
};

static void feed(struct feed *fd, const struct wb *w, size_t caplen)
{
        struct frame f;
        struct wire_err e;
        int rc = frame_decode(LINK_RAW, w->b, caplen ? caplen : w->n, w->n, &f, &e);
        if (rc)
                fail_msg("frame %llu: %s", (unsigned long long)fd->n + 1, e.what);
        fd->n++;
        struct pcap_frame pf = {fd->n, fd->sec, 0, LINK_RAW, &f, NULL};
        assert_int_equal(cap_add_frame(&fd->cs, &pf), 0);
}

/* IPv4 header: flags/offset word frag, protocol proto, payload n bytes */
static void ip4(struct wb *w, uint32_t src, uint32_t dst, unsigned proto, size_t n, unsigned frag,
                unsigned id)
{
        w->n = 0;
        wb_u8(w, 0x45);
        wb_u8(w, 0);
        wb_u16(w, (unsigned)(20 + n));
        wb_u16(w, id);
        wb_u16(w, frag);
        wb_u8(w, 64);
        wb_u8(w, proto);
        wb_u16(w, 0);
        wb_u32(w, src);
        wb_u32(w, dst);
}

/* An ESP packet (protocol 50, DF) of n bytes of ciphertext after SPI/seq */
static void esp(struct feed *fd, uint32_t src, uint32_t dst, uint32_t spi, uint32_t seq, size_t n)
{
        static struct wb w;
        ip4(&w, src, dst, 50, 8 + n, 0x4000, 1);
        wb_u32(&w, spi);
        wb_u32(&w, seq);
        wb_fill(&w, 0xe5, n);
        feed(fd, &w, 0);
}

static const struct cap_esp_sa *esp_sa(const struct cap_set *cs, uint32_t spi)
{
        for (size_t i = 0; i < cs->esp.n; i++)
                if (cs->esp.sa[i].spi == spi)
                        return &cs->esp.sa[i];
        fail_msg("no ESP SA %08x", spi);
        return NULL;
}

static void counts_and_directions(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        for (uint32_t s = 1; s <= 10; s++)
                esp(&fd, A, B, 0x1001, s, 100);
        for (uint32_t s = 1; s <= 4; s++)
                esp(&fd, A, 0xc6336403u, 0x2002, s, 60); /* to another peer: one way */
        esp(&fd, B, A, 0x3003, 1, 80);
        cap_name_steps(&fd.cs);
        const struct cap_esp_sa *x = esp_sa(&fd.cs, 0x1001);
        assert_int_equal(x->packets, 10);
        assert_int_equal(x->bytes, 10 * 128);
        assert_int_equal(x->first_frame, 1);
        assert_int_equal(x->last_frame, 10);
        assert_int_equal(x->seq_first, 1);
        assert_int_equal(x->seq_max, 10);
        assert_int_equal(x->lost, 0);
        assert_int_equal(x->duplicates, 0);
        assert_int_equal(x->df_packets, 10);
        assert_false(x->udp);
        assert_true(x->reverse >= 0);
        assert_int_equal(fd.cs.esp.sa[x->reverse].spi, 0x3003);
        const struct cap_esp_sa *y = esp_sa(&fd.cs, 0x2002);
        assert_int_equal(y->reverse, -1);
        assert_int_equal(y->origin, ESP_NOT_IN_CLEAR); /* never "stale" from here */
        assert_int_equal(y->sa, -1);
        cap_set_free(&fd.cs);
}

static void sequence_numbers(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        /* 1..100 without 50 and 51; 30 twice; 101..700; then 60 (640 behind:
         * past 64 and 512), then 5 (695 behind) ; 2000 (a jump: 701..1999 never
         * seen), then 900 (1100 behind: past every window) */
        for (uint32_t s = 1; s <= 100; s++)
                if (s != 50 && s != 51)
                        esp(&fd, A, B, 7, s, 10);
        esp(&fd, A, B, 7, 30, 10);
        uint64_t dup = fd.n;
        for (uint32_t s = 101; s <= 700; s++)
                esp(&fd, A, B, 7, s, 10);
        esp(&fd, A, B, 7, 60, 10); /* a duplicate too, but 640 behind: late first */
        esp(&fd, A, B, 7, 50, 10); /* 650 behind, never seen: late, fills its gap */
        uint64_t late = fd.n;
        esp(&fd, A, B, 7, 2000, 10);
        esp(&fd, A, B, 7, 900, 10);
        cap_name_steps(&fd.cs);
        const struct cap_esp_sa *x = esp_sa(&fd.cs, 7);
        assert_int_equal(x->seq_first, 1);
        assert_int_equal(x->seq_max, 2000);
        assert_int_equal(x->duplicates, 2); /* 30, and 60 within the 1024 kept */
        assert_int_equal(x->first_dup_frame, dup);
        assert_int_equal(x->late[0], 4); /* 30 (70 behind 100), 60, 50 and 900 behind 64 */
        assert_int_equal(x->late[1], 3); /* and 512 */
        assert_int_equal(x->late[2], 1); /* only 900 (1100 behind) past 1024 */
        assert_int_equal(x->first_late_frame[1], late - 1);
        /* never seen: 51; 701..1999 (1299) less 900, which came late but
         * after its number had left the window: it stays counted */
        assert_int_equal(x->lost, 1 + 1299);
        cap_set_free(&fd.cs);
}

static void mtu_and_fragments(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        esp(&fd, A, B, 9, 1, 1400); /* 1428 bytes */
        /* a router's ICMP fragmentation needed (MTU 1400) quoting it */
        static struct wb w;
        ip4(&w, 0xcb007101u, A, 1, 8 + 20 + 8, 0, 5);
        wb_u8(&w, 3);
        wb_u8(&w, 4);
        wb_u16(&w, 0);
        wb_u16(&w, 0);
        wb_u16(&w, 1400);
        wb_u8(&w, 0x45); /* the quoted header and 8 bytes */
        wb_u8(&w, 0);
        wb_u16(&w, 1428);
        wb_u16(&w, 1);
        wb_u16(&w, 0x4000);
        wb_u8(&w, 63);
        wb_u8(&w, 50);
        wb_u16(&w, 0);
        wb_u32(&w, A);
        wb_u32(&w, B);
        wb_u32(&w, 9);
        wb_u32(&w, 1);
        feed(&fd, &w, 0);
        esp(&fd, A, B, 9, 2, 1400); /* still too big, still DF */
        esp(&fd, A, B, 9, 3, 100);
        /* ESP fragmented after encryption: 1500-byte packet in two fragments */
        static struct wb whole, f1;
        whole.n = 0;
        wb_u32(&whole, 9);
        wb_u32(&whole, 4);
        wb_fill(&whole, 0xe5, 1492); /* 1500 bytes of ESP */
        ip4(&f1, A, B, 50, 1480, 0x2000, 77);
        wb_bytes(&f1, whole.b, 1480);
        feed(&fd, &f1, 0);
        ip4(&f1, A, B, 50, whole.n - 1480, 1480 / 8, 77);
        wb_bytes(&f1, whole.b + 1480, whole.n - 1480);
        feed(&fd, &f1, 0);
        /* and one whose second fragment is lost */
        whole.b[7] = 5;
        ip4(&f1, A, B, 50, 1480, 0x2000, 78);
        wb_bytes(&f1, whole.b, 1480);
        feed(&fd, &f1, 0);
        /* a second fragment whose first never came: SPI unknown */
        ip4(&f1, A, B, 50, 40, 1480 / 8, 79);
        wb_fill(&f1, 0xe5, 40);
        feed(&fd, &f1, 0);
        cap_name_steps(&fd.cs);
        const struct cap_esp_sa *x = esp_sa(&fd.cs, 9);
        assert_int_equal(x->packets, 4);
        assert_int_equal(x->path_mtu, 1400);
        assert_int_equal(x->path_mtu_frame, 2);
        assert_int_equal(x->over_mtu_after, 2); /* frame 3, and the reassembled one */
        assert_int_equal(x->max_ip_len, 20 + 1480 + whole.n - 1480);
        assert_int_equal(x->fragmented, 1);
        assert_int_equal(x->frags_lost, 1);
        assert_int_equal(fd.cs.esp.frags_lost_unknown, 1);
        assert_int_equal(x->lost, 0); /* 5, never whole, is past the last one seen */
        assert_int_equal(fd.cs.nlost, 2);
        cap_set_free(&fd.cs);
}

/* A decrypted Quick Mode (through facts.c's hook) that carried the SPI
 * makes it negotiated; INVALID_SPI naming it is kept. */
static void origin_of_spi(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        static struct wb m, w;
        /* an encrypted IKEv1 Quick Mode message from A to B */
        wb_hdr(&m, 0, PL_V1_HASH, 0x10, 32, IKE_F_V1_ENCRYPTION, 0x99);
        wb_fill(&m, 0xee, 32);
        wb_done(&m);
        ip4(&w, A, B, 17, 8 + m.n, 0, 3);
        wb_u16(&w, 500);
        wb_u16(&w, 500);
        wb_u16(&w, (unsigned)(8 + m.n));
        wb_u16(&w, 0);
        wb_bytes(&w, m.b, m.n);
        feed(&fd, &w, 0);
        /* an Informational in clear from B: INVALID_SPI for ESP SPI 0x0bad0bad */
        wb_hdr(&m, 0, PL_V1_NOTIFY, 0x10, 5, 0, 0x55);
        wb_open(&m, 0, 0);
        wb_u32(&m, 1);
        wb_u8(&m, 3);
        wb_u8(&m, 4);
        wb_u16(&m, 11);
        wb_u32(&m, 0x0bad0bad);
        wb_close(&m);
        wb_done(&m);
        ip4(&w, B, A, 17, 8 + m.n, 0, 4);
        wb_u16(&w, 500);
        wb_u16(&w, 500);
        wb_u16(&w, (unsigned)(8 + m.n));
        wb_u16(&w, 0);
        wb_bytes(&w, m.b, m.n);
        feed(&fd, &w, 0);
        esp(&fd, A, B, 0xc0c0c0c0, 1, 50);
        esp(&fd, A, B, 0x0bad0bad, 1, 50);
        /* the decryption hands in Quick Mode's SA payload: ESP SPI c0c0c0c0 */
        static struct wb sa;
        sa.n = 0;
        sa.depth = 0;
        wb_u32(&sa, 1);
        wb_u32(&sa, 1);
        wb_open(&sa, 0, 0);
        wb_u8(&sa, 1);
        wb_u8(&sa, 3);
        wb_u8(&sa, 4);
        wb_u8(&sa, 1);
        wb_u32(&sa, 0xc0c0c0c0);
        wb_open(&sa, 0, 0);
        wb_u8(&sa, 1);
        wb_u8(&sa, 3);
        wb_u16(&sa, 0);
        wb_close(&sa);
        wb_close(&sa);
        struct wire_view body = {sa.b, sa.n};
        assert_int_equal(cap_facts_payload(&fd.cs.sa[0], 0, 1, PL_V1_SA, body, true), 0);
        cap_name_steps(&fd.cs);
        const struct cap_esp_sa *x = esp_sa(&fd.cs, 0xc0c0c0c0);
        assert_int_equal(x->origin, ESP_NEGOTIATED);
        assert_int_equal(x->negotiated_frame, 1);
        assert_int_equal(x->sa, 0);
        const struct cap_esp_sa *y = esp_sa(&fd.cs, 0x0bad0bad);
        assert_int_equal(y->origin, ESP_NOT_IN_DECRYPTED);
        assert_int_equal(y->invalid_spi_frame, 2);
        assert_int_equal(fd.cs.sa[0].facts->fl.esp_ip50, 2);
        cap_set_free(&fd.cs);
}

static void esp_in_udp_and_bound(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        static struct wb w;
        for (uint32_t spi = 1; spi <= CAP_MAX_ESP + 3; spi++) {
                ip4(&w, A, B, 17, 8 + 8 + 16, 0, 1);
                wb_u16(&w, 4500);
                wb_u16(&w, 4500);
                wb_u16(&w, 8 + 8 + 16);
                wb_u16(&w, 0);
                wb_u32(&w, spi);
                wb_u32(&w, 1);
                wb_fill(&w, 1, 16);
                feed(&fd, &w, 0);
        }
        assert_int_equal(fd.cs.esp.n, CAP_MAX_ESP);
        assert_int_equal(fd.cs.esp.dropped_packets, 3);
        assert_true(fd.cs.esp.sa[0].udp);
        assert_int_equal(fd.cs.esp.sa[0].dport, 4500);
        cap_set_free(&fd.cs);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(counts_and_directions), cmocka_unit_test(sequence_numbers),
            cmocka_unit_test(mtu_and_fragments),     cmocka_unit_test(origin_of_spi),
            cmocka_unit_test(esp_in_udp_and_bound),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
