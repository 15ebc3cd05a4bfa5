/*
 * Capture diagnoses (issue 15 item 6): frames built byte by byte (raw
 * IPv4: IKE over UDP 500, ICMP errors quoting it), each exchange judged by
 * capture/ladder.c, its pattern carried through the shared evidence path
 * (capture/diagnose.c -> explain/diagnose.h) to findings with catalog IDs.
 * Each diagnosis has a case that must report it and a near miss that must
 * not.
 */
#include "test_util.h"

#include <openssl/evp.h>

#include "capture/diagnose.h"
#include "capture/ladder.h"
#include "capture/sessions.h"
#include "catalog/catalog.h"
#include "catalog/messages.h"
#include "findings/tunnel.h"
#include "wire/ike.h"
#include "wire_build.h"

#define INI   0xc6336401u /* 198.51.100.1 */
#define RESP  0xc6336402u /* 198.51.100.2 */
#define ROUTE 0xc0000201u /* 192.0.2.1, a router on the path */

struct feed {
        struct cap_set cs;
        uint64_t n;
};

static void ip4(struct wb *w, unsigned proto, size_t len, uint32_t src, uint32_t dst)
{
        wb_u8(w, 0x45);
        wb_u8(w, 0);
        wb_u16(w, (unsigned)(20 + len));
        wb_u16(w, 1);
        wb_u16(w, 0);
        wb_u8(w, 64);
        wb_u8(w, proto);
        wb_u16(w, 0);
        wb_u32(w, src);
        wb_u32(w, dst);
}

static void feed_frame(struct feed *fd, const struct wb *w)
{
        struct frame f;
        struct wire_err e;
        assert_int_equal(frame_decode(LINK_RAW, w->b, w->n, w->n, &f, &e), 0);
        fd->n++;
        struct pcap_frame pf = {fd->n, 1700000000 + (int64_t)fd->n, 0, LINK_RAW, &f, NULL};
        assert_int_equal(cap_add_frame(&fd->cs, &pf), 0);
}

/* The IKE message m over UDP 500 from src to dst. */
static void send_msg(struct feed *fd, const struct wb *m, uint32_t src, uint32_t dst)
{
        struct wb w;
        w.n = 0;
        ip4(&w, 17, 8 + m->n, src, dst);
        wb_u16(&w, 500);
        wb_u16(&w, 500);
        wb_u16(&w, (unsigned)(8 + m->n));
        wb_u16(&w, 0);
        wb_bytes(&w, m->b, m->n);
        feed_frame(fd, &w);
}

/* An ICMP error of type/code from src, quoting a UDP 500 datagram INI -> RESP. */
static void send_icmp(struct feed *fd, uint32_t src, unsigned type, unsigned code)
{
        struct wb w;
        w.n = 0;
        ip4(&w, 1, 8 + 28, src, INI);
        wb_u8(&w, type);
        wb_u8(&w, code);
        wb_u16(&w, 0);
        wb_u32(&w, 0);
        ip4(&w, 17, 8 + 100, INI, RESP);
        wb_u16(&w, 500);
        wb_u16(&w, 500);
        wb_u16(&w, 108);
        wb_u16(&w, 0);
        feed_frame(fd, &w);
}

/* An IKEv1 message of exchange exch carrying a body of fill bytes, or the
 * notify type when notify is not 0. */
static void v1_msg(struct wb *w, int resp, unsigned exch, unsigned first_pl, unsigned fill,
                   unsigned notify)
{
        wb_hdr(w, !resp && fill == 1, notify ? PL_V1_NOTIFY : first_pl, 0x10, exch, 0,
               notify ? 99 : 0);
        wb_open(w, 0, 0);
        if (notify) {
                wb_u32(w, 1);
                wb_u8(w, 1);
                wb_u8(w, 0);
                wb_u16(w, notify);
        } else {
                wb_fill(w, fill, 20);
        }
        wb_close(w);
        wb_done(w);
        if (resp && notify)
                memset(w->b + 8, 0, 8); /* a refusal before any responder cookie */
}

/* The IDs capture reports on fd, in order, as "id id ..." (no config). */
static void diagnose(struct feed *fd, char *ids, size_t n)
{
        struct findings fs;
        findings_init(&fs);
        struct cap_evs evs = {0};
        cap_name_steps(&fd->cs);
        assert_int_equal(cap_collect(&fd->cs, "t.pcap", &fs, &evs), 0);
        assert_int_equal(cap_diagnose(&evs, NULL, 0, &fs), 0);
        ids[0] = '\0';
        size_t used = 0;
        for (size_t i = 0; i < fs.list.n; i++) {
                const struct finding *f = fs.list.v[i];
                used +=
                    (size_t)snprintf(ids + used, n - used, "%s%s", used ? " " : "", f->diag->id);
                /* located at a frame of the capture, which the evidence names */
                assert_string_equal(f->file, "t.pcap");
                assert_true(f->line > 0);
                assert_non_null(strstr(f->ev[0].text, "frame "));
                assert_non_null(strstr(f->ev[0].text, " UTC: "));
                /* the device to change: the responder, or an ESP sender */
                assert_true(!strcmp(f->device, "198.51.100.2") ||
                            !strcmp(f->device, "198.51.100.1"));
                assert_int_equal(f->nfixes, 0); /* no config: no syntax to print in */
        }
        cap_evs_free(&evs);
        findings_free(&fs);
        cap_set_free(&fd->cs);
        memset(fd, 0, sizeof(*fd));
}

static void mm1_thrice(struct feed *fd)
{
        struct wb m;
        v1_msg(&m, 0, 2, PL_V1_VID, 1, 0);
        for (int i = 0; i < 3; i++)
                send_msg(fd, &m, INI, RESP);
}

static void unanswered(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        /* silence: filtered, or not listening and silent */
        mm1_thrice(&fd);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "ike-esp-blocked isakmp-not-enabled");
        /* port unreachable from the responder: nothing listens */
        mm1_thrice(&fd);
        send_icmp(&fd, RESP, 3, 3);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "isakmp-not-enabled");
        /* administratively prohibited from a router: filtered */
        mm1_thrice(&fd);
        send_icmp(&fd, ROUTE, 3, 13);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "ike-esp-blocked");
        /* near miss: host unreachable from a router proves neither */
        mm1_thrice(&fd);
        send_icmp(&fd, ROUTE, 3, 1);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
        /* near miss: port unreachable, but not from the responder's address */
        mm1_thrice(&fd);
        send_icmp(&fd, ROUTE, 3, 3);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
        /* near miss: MM1 answered by MM2, then MM3 never answered */
        struct wb m;
        v1_msg(&m, 0, 2, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 2, PL_V1_VID, 2, 0);
        send_msg(&fd, &m, RESP, INI);
        v1_msg(&m, 0, 2, PL_V1_KE, 3, 0);
        send_msg(&fd, &m, INI, RESP);
        send_msg(&fd, &m, INI, RESP);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

static void phase1_refused(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        struct wb m;
        v1_msg(&m, 0, 2, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 5, 0, 0, 14);
        send_msg(&fd, &m, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "isakmp-policy-mismatch");
        /* near miss: the same notify sent by the initiator is no refusal */
        v1_msg(&m, 0, 2, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 0, 5, 0, 0, 14);
        m.b[8] = 1; /* not a new SA */
        send_msg(&fd, &m, INI, RESP);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, ""); /* nor a guess at why the initiator gave up */
}

static void aggressive_refused(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        struct wb m;
        v1_msg(&m, 0, 4, PL_V1_SA, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 5, 0, 0, 24); /* AUTHENTICATION-FAILED before AM2 */
        send_msg(&fd, &m, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "ag-init-exch");
        /* near miss: AM2 came, then AUTHENTICATION-FAILED (a key matter) */
        v1_msg(&m, 0, 4, PL_V1_SA, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 4, PL_V1_SA, 2, 0);
        send_msg(&fd, &m, RESP, INI);
        v1_msg(&m, 1, 5, 0, 0, 24);
        m.b[8] = 2; /* the responder's cookie is set by now */
        send_msg(&fd, &m, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

/* MM1 (one transform with auth method auth), MM2-MM4, MM5 sent twice. */
static void mm5_twice(struct feed *fd, unsigned auth)
{
        struct wb m;
        wb_hdr(&m, 1, PL_V1_SA, 0x10, 2, 0, 0);
        wb_open(&m, 0, 0);
        wb_u32(&m, 1);
        wb_u32(&m, 1);
        wb_open(&m, 0, 0);
        wb_u8(&m, 1);
        wb_u8(&m, 1);
        wb_u8(&m, 0);
        wb_u8(&m, 1);
        wb_open(&m, 0, 0);
        wb_u8(&m, 1);
        wb_u8(&m, 1);
        wb_u16(&m, 0);
        wb_tv(&m, 3, auth);
        wb_close(&m);
        wb_close(&m);
        wb_close(&m);
        wb_done(&m);
        send_msg(fd, &m, INI, RESP);
        v1_msg(&m, 1, 2, PL_V1_VID, 2, 0);
        send_msg(fd, &m, RESP, INI);
        v1_msg(&m, 0, 2, PL_V1_KE, 3, 0);
        send_msg(fd, &m, INI, RESP);
        v1_msg(&m, 1, 2, PL_V1_KE, 4, 0);
        send_msg(fd, &m, RESP, INI);
        wb_hdr(&m, 0, PL_V1_ID, 0x10, 2, IKE_F_V1_ENCRYPTION, 0);
        wb_fill(&m, 0xe5, 48);
        wb_done(&m);
        send_msg(fd, &m, INI, RESP);
        send_msg(fd, &m, INI, RESP);
}

static void psk_mismatch(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        mm5_twice(&fd, 1);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "psk-mismatch");
        /* near miss: certificates (RSA signatures) are no pre-shared key */
        mm5_twice(&fd, 3);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

static void v2_refused_and_unanswered(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        struct wb m;
        wb_hdr(&m, 1, PL_V2_NONCE, 0x20, 34, IKE_F_V2_INITIATOR, 0);
        wb_open(&m, 0, 0);
        wb_fill(&m, 0x4e, 32);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, INI, RESP);
        struct wb r;
        wb_hdr(&r, 1, PL_V2_NOTIFY, 0x20, 34, IKE_F_V2_RESPONSE, 0);
        wb_open(&r, 0, 0);
        wb_u8(&r, 0);
        wb_u8(&r, 0);
        wb_u16(&r, 14);
        wb_close(&r);
        wb_done(&r);
        send_msg(&fd, &r, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "isakmp-policy-mismatch");
        /* IKE_SA_INIT never answered, port unreachable */
        send_msg(&fd, &m, INI, RESP);
        send_msg(&fd, &m, INI, RESP);
        send_icmp(&fd, RESP, 3, 3);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "isakmp-not-enabled");
        /* near miss: INVALID_KE_PAYLOAD (17) then a second INIT answered */
        send_msg(&fd, &m, INI, RESP);
        r.b[r.n - 1] = 17;
        send_msg(&fd, &r, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

/* An ESP packet (IP protocol 50) of 64 bytes of ciphertext, or n more. */
static void send_esp(struct feed *fd, uint32_t src, uint32_t dst, uint32_t spi, uint32_t seq,
                     size_t n)
{
        struct wb w;
        w.n = 0;
        ip4(&w, 50, 8 + 64 + n, src, dst);
        wb_u32(&w, spi);
        wb_u32(&w, seq);
        wb_fill(&w, 0xe5, 64 + n);
        feed_frame(fd, &w);
}

/* MM1 and MM2: IKE between the two ends seen both ways. */
static void mm1_mm2(struct feed *fd)
{
        struct wb m;
        v1_msg(&m, 0, 2, PL_V1_VID, 1, 0);
        send_msg(fd, &m, INI, RESP);
        v1_msg(&m, 1, 2, PL_V1_VID, 2, 0);
        send_msg(fd, &m, RESP, INI);
}

static bool has_id(const char *ids, const char *id)
{
        size_t n = strlen(id);
        for (const char *p = strstr(ids, id); p; p = strstr(p + 1, id))
                if ((p == ids || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
                        return true;
        return false;
}

static void esp_one_way(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        mm1_mm2(&fd);
        for (uint32_t i = 1; i <= 5; i++)
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "one-way-traffic");
        /* near miss: ESP back from the responder on its own SPI */
        mm1_mm2(&fd);
        for (uint32_t i = 1; i <= 5; i++) {
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
        /* near miss: IKE seen one way only, so the capture may miss the way back */
        struct wb m;
        v1_msg(&m, 0, 2, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        for (uint32_t i = 1; i <= 5; i++)
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
        diagnose(&fd, ids, sizeof(ids));
        assert_false(has_id(ids, "one-way-traffic"));
        /* near miss: three packets may be the end of a flow */
        mm1_mm2(&fd);
        for (uint32_t i = 1; i <= 3; i++)
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

static void esp_replay_window(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        mm1_mm2(&fd);
        for (uint32_t i = 1; i <= 100; i++) {
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        send_esp(&fd, INI, RESP, 0x1001, 10, 0); /* 90 behind: past a window of 64 */
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "anti-replay-drops");
        /* near miss: 50 behind, within the default window (seen late, not dropped) */
        mm1_mm2(&fd);
        for (uint32_t i = 1; i <= 100; i++) {
                if (i != 50)
                        send_esp(&fd, INI, RESP, 0x1001, i, 0);
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        send_esp(&fd, INI, RESP, 0x1001, 50, 0);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

static void esp_over_mtu(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        mm1_mm2(&fd);
        send_esp(&fd, INI, RESP, 0x1001, 1, 1300); /* 1392 bytes */
        struct wb w; /* a router's fragmentation needed, MTU 1300, quoting it */
        w.n = 0;
        ip4(&w, 1, 8 + 28, ROUTE, INI);
        wb_u8(&w, 3);
        wb_u8(&w, 4);
        wb_u16(&w, 0);
        wb_u16(&w, 0);
        wb_u16(&w, 1300);
        ip4(&w, 50, 8 + 64 + 1300, INI, RESP);
        wb_u32(&w, 0x1001);
        wb_u32(&w, 1);
        feed_frame(&fd, &w);
        for (uint32_t i = 2; i <= 5; i++) {
                send_esp(&fd, INI, RESP, 0x1001, i, 1300); /* still too large */
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "mss-too-large");
        /* near miss: the ICMP error, then packets that fit */
        mm1_mm2(&fd);
        send_esp(&fd, INI, RESP, 0x1001, 1, 1300);
        feed_frame(&fd, &w);
        for (uint32_t i = 2; i <= 5; i++) {
                send_esp(&fd, INI, RESP, 0x1001, i, 100);
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

/* SHA-1(SPIi | SPIr | IP | port 500) of the header h (RFC 7296 2.23). */
static void natd_hash(const uint8_t *h, uint32_t ip, uint8_t out[20])
{
        uint8_t buf[22];
        memcpy(buf, h, 16);
        for (int i = 0; i < 4; i++)
                buf[16 + i] = (uint8_t)(ip >> (24 - 8 * i));
        buf[20] = 500 >> 8;
        buf[21] = 500 & 0xff;
        unsigned len = 0;
        assert_int_equal(EVP_Digest(buf, sizeof(buf), out, &len, EVP_sha1(), NULL), 1);
}

/* An IKEv2 IKE_SA_INIT message with NAT-D notifies. The initiator's hashes
 * are right; the responder's hash of itself is not (as behind a NAT), its
 * hash of the initiator is. */
static void v2_init_natd(struct feed *fd, int resp)
{
        struct wb m;
        wb_hdr(&m, !resp, PL_V2_NOTIFY, 0x20, 34, resp ? IKE_F_V2_RESPONSE : IKE_F_V2_INITIATOR, 0);
        if (resp)
                m.b[8] = 7; /* the responder's SPI */
        uint32_t self = resp ? RESP : INI, peer = resp ? INI : RESP;
        for (unsigned t = 16388; t <= 16389; t++) {
                uint8_t h[20];
                natd_hash(m.b, t == 16388 ? self : peer, h);
                if (resp && t == 16388)
                        h[0] ^= 0xff;
                wb_open(&m, t == 16388 ? PL_V2_NOTIFY : 0, 0);
                wb_u8(&m, 0);
                wb_u8(&m, 0);
                wb_u16(&m, t);
                wb_bytes(&m, h, sizeof(h));
                wb_close(&m);
        }
        wb_done(&m);
        send_msg(fd, &m, resp ? RESP : INI, resp ? INI : RESP);
}

static void natd_esp50(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        v2_init_natd(&fd, 0);
        v2_init_natd(&fd, 1);
        for (uint32_t i = 1; i <= 5; i++) {
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "nat-t-disabled");
        /* near miss: no NAT-D from the responder, so no NAT is proven */
        v2_init_natd(&fd, 0);
        struct wb m;
        wb_hdr(&m, 0, PL_V2_NONCE, 0x20, 34, IKE_F_V2_RESPONSE, 0);
        wb_open(&m, 0, 0);
        wb_fill(&m, 0x4f, 32);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, RESP, INI);
        for (uint32_t i = 1; i <= 5; i++) {
                send_esp(&fd, INI, RESP, 0x1001, i, 0);
                send_esp(&fd, RESP, INI, 0x2002, i, 0);
        }
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

static void no_sa_notify(void **state)
{
        (void)state;
        struct feed fd = {0};
        char ids[256];
        mm1_mm2(&fd);
        struct wb m;
        v1_msg(&m, 1, 5, 0, 0, 11); /* INVALID-SPI in clear from the responder */
        m.b[8] = 2;
        send_msg(&fd, &m, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "sa-no-sa");
        /* near miss: another notify (RESPONDER-LIFETIME, 24576) says nothing of a lost SA */
        mm1_mm2(&fd);
        v1_msg(&m, 1, 5, 0, 0, 24576);
        m.b[8] = 2;
        send_msg(&fd, &m, RESP, INI);
        diagnose(&fd, ids, sizeof(ids));
        assert_string_equal(ids, "");
}

/* Every pattern points at catalog IDs found from captures, and is found
 * by its key. */
static void patterns_are_catalog_ids(void **state)
{
        (void)state;
        assert_true(messages_capture_count > 0);
        for (size_t i = 0; i < messages_capture_count; i++) {
                const struct message *m = &messages_capture[i];
                assert_int_equal(m->family, MSG_CAPTURE);
                assert_ptr_equal(message_capture(m->key), m);
                assert_non_null(m->diags[0].id);
                for (int d = 0; d < MSG_MAX_DIAGS && m->diags[d].id; d++) {
                        const struct diagnosis *g = catalog_find(m->diags[d].id);
                        assert_non_null(g);
                        assert_true(g->found_from & FROM_CAPTURE);
                        assert_true(m->diags[d].weight > 0 && m->diags[d].weight <= 100);
                }
        }
        assert_null(message_capture("no-such-pattern"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(patterns_are_catalog_ids),
            cmocka_unit_test(unanswered),
            cmocka_unit_test(phase1_refused),
            cmocka_unit_test(aggressive_refused),
            cmocka_unit_test(psk_mismatch),
            cmocka_unit_test(v2_refused_and_unanswered),
            cmocka_unit_test(esp_one_way),
            cmocka_unit_test(esp_replay_window),
            cmocka_unit_test(esp_over_mtu),
            cmocka_unit_test(natd_esp50),
            cmocka_unit_test(no_sa_notify),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
