/*
 * The capture analysis (src/capture/): IKE messages built byte by byte,
 * wrapped in raw IPv4/UDP frames, filed by IKE SA; steps, retransmissions
 * (byte identity), the unanswered step and the status the clear part of a
 * capture proves.
 */
#include "test_util.h"

#include "capture/ladder.h"
#include "capture/facts_json.h"
#include "capture/sessions.h"
#include "findings/tunnel.h"
#include "wire/ike.h"
#include "wire_build.h"

#define INI  0xc6336401u /* 198.51.100.1 */
#define RESP 0xc6336402u /* 198.51.100.2 */

struct feed {
        struct cap_set cs;
        uint64_t n;
};

/* Wraps bytes [off, off+len) of the UDP datagram that carries the IKE
 * message m (m->n bytes) from src:500 to dst:500 in IPv4; frag sets the
 * IPv4 flags/offset word (0x2000: more fragments). len 0: all of it. */
static void send_frag(struct feed *fd, const struct wb *m, uint32_t src, uint32_t dst,
                      unsigned frag, size_t off, size_t len);

static void send_msg(struct feed *fd, const struct wb *m, uint32_t src, uint32_t dst)
{
        send_frag(fd, m, src, dst, 0, 0, 0);
}

static void send_frag(struct feed *fd, const struct wb *m, uint32_t src, uint32_t dst,
                      unsigned frag, size_t off, size_t len)
{
        static struct wb u, w;
        u.n = 0;
        wb_u16(&u, 500);
        wb_u16(&u, 500);
        wb_u16(&u, (unsigned)(8 + m->n));
        wb_u16(&u, 0);
        wb_bytes(&u, m->b, m->n);
        if (!len)
                len = u.n - off;
        w.n = 0;
        wb_u8(&w, 0x45);
        wb_u8(&w, 0);
        wb_u16(&w, (unsigned)(20 + len));
        wb_u16(&w, src == INI ? 1 : 2);
        wb_u16(&w, frag);
        wb_u8(&w, 64);
        wb_u8(&w, 17);
        wb_u16(&w, 0);
        wb_u32(&w, src);
        wb_u32(&w, dst);
        wb_bytes(&w, u.b + off, len);
        struct frame f;
        struct wire_err e;
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        fd->n++;
        struct pcap_frame pf = {fd->n, 1700000000 + (int64_t)fd->n, 0, LINK_RAW, &f, NULL};
        assert_int_equal(cap_add_frame(&fd->cs, &pf), 0);
}

/* An IKEv1 message of exchange exch with one payload of type pl (a body of
 * n bytes of fill), or a notify when pl is PL_V1_NOTIFY. */
static void v1_msg(struct wb *w, int resp, unsigned exch, uint32_t msgid, unsigned pl,
                   unsigned fill, unsigned notify)
{
        wb_hdr(w, !resp && exch == 2 && fill == 1, pl, 0x10, exch, 0, msgid);
        wb_open(w, 0, 0);
        if (pl == PL_V1_NOTIFY) {
                wb_u32(w, 1);
                wb_u8(w, 1);
                wb_u8(w, 0);
                wb_u16(w, notify);
        } else {
                wb_fill(w, fill, 20);
        }
        wb_close(w);
        wb_done(w);
}

static const struct tunnel_result *rebuild(struct feed *fd, struct findings *fs)
{
        cap_name_steps(&fd->cs);
        findings_init(fs);
        assert_int_equal(cap_tunnels(&fd->cs, fs), 0);
        assert_int_equal(fs->tunnels.n, 1);
        return fs->tunnels.v[0];
}

static void mm1_unanswered(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        v1_msg(&m, 0, 2, 0, PL_V1_VID, 1, 0);
        for (int i = 0; i < 3; i++)
                send_msg(&fd, &m, INI, RESP);
        struct findings fs;
        const struct tunnel_result *t = rebuild(&fd, &fs);
        assert_int_equal(t->status, TUN_NO_RESPONSE);
        assert_int_equal(t->nsteps, 1);
        assert_string_equal(t->steps[0].step, "MM1");
        assert_false(t->steps[0].ok);
        assert_non_null(strstr(t->steps[0].detail, "sent 3 times (frames 1, 2, 3)"));
        assert_non_null(strstr(t->reason, "never answered"));
        assert_string_equal(t->a, "198.51.100.1");
        assert_int_equal(fd.cs.sa[0].msgs[1].retransmit_of, 1);
        assert_int_equal(fd.cs.ike_fragmented, 0);
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

static void resend_with_other_bytes_is_no_retransmission(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        v1_msg(&m, 0, 2, 0, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        m.b[m.n - 1] ^= 1; /* one bit of the body */
        send_msg(&fd, &m, INI, RESP);
        assert_int_equal(fd.cs.sa[0].msgs[1].retransmit_of, 0);
        cap_name_steps(&fd.cs);
        assert_string_equal(fd.cs.sa[0].msgs[1].step, "MM3"); /* a second distinct message */
        cap_set_free(&fd.cs);
}

static void mm1_refused(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        v1_msg(&m, 0, 2, 0, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 5, 77, PL_V1_NOTIFY, 0, 14);
        memset(m.b + 8, 0, 8); /* the responder has no cookie yet */
        send_msg(&fd, &m, RESP, INI);
        struct findings fs;
        const struct tunnel_result *t = rebuild(&fd, &fs);
        assert_int_equal(t->status, TUN_P1_NO_PROPOSAL);
        assert_int_equal(t->nsteps, 2);
        assert_string_equal(t->steps[1].step, "INFO");
        assert_non_null(strstr(t->steps[1].detail, "NO-PROPOSAL-CHOSEN"));
        assert_string_equal(t->steps[1].from, "198.51.100.2");
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

/* MM1-MM4 in clear, then MM5 (encrypted) twice; the SA's auth method
 * decides whether the pattern is a pre-shared key mismatch. */
static void mm5_unanswered(unsigned auth, enum tunnel_status want)
{
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        wb_hdr(&m, 1, PL_V1_SA, 0x10, 2, 0, 0); /* MM1 with one transform */
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
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 2, 0, PL_V1_VID, 2, 0);
        send_msg(&fd, &m, RESP, INI);
        v1_msg(&m, 0, 2, 0, PL_V1_KE, 3, 0);
        send_msg(&fd, &m, INI, RESP);
        v1_msg(&m, 1, 2, 0, PL_V1_KE, 4, 0);
        send_msg(&fd, &m, RESP, INI);
        wb_hdr(&m, 0, PL_V1_ID, 0x10, 2, IKE_F_V1_ENCRYPTION, 0);
        wb_fill(&m, 0xe5, 48);
        wb_done(&m);
        send_msg(&fd, &m, INI, RESP);
        send_msg(&fd, &m, INI, RESP);
        struct findings fs;
        const struct tunnel_result *t = rebuild(&fd, &fs);
        assert_int_equal(t->status, want);
        assert_int_equal(t->nsteps, 5);
        assert_string_equal(t->steps[4].step, "MM5");
        assert_false(t->steps[4].ok);
        assert_true(t->steps[3].ok);
        assert_non_null(strstr(t->steps[4].detail, "encrypted"));
        assert_non_null(strstr(t->reason, "MM5 sent 2 times"));
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

static void mm5_psk(void **state)
{
        (void)state;
        mm5_unanswered(1, TUN_P1_AUTH_FAILED);
        mm5_unanswered(65001, TUN_P1_AUTH_FAILED); /* XAUTH with PSK */
}

static void mm5_certificates(void **state)
{
        (void)state;
        mm5_unanswered(3, TUN_UNDETERMINED); /* RSA signatures: no guess */
}

static void v2_init_refused_and_auth(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        wb_hdr(&m, 1, PL_V2_NONCE, 0x20, 34, IKE_F_V2_INITIATOR, 0);
        wb_open(&m, 0, 0);
        wb_fill(&m, 0x4e, 32);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, INI, RESP);
        wb_hdr(&m, 1, PL_V2_NOTIFY, 0x20, 34, IKE_F_V2_RESPONSE, 0);
        wb_open(&m, 0, 0);
        wb_u8(&m, 0);
        wb_u8(&m, 0);
        wb_u16(&m, 14);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, RESP, INI);
        struct findings fs;
        const struct tunnel_result *t = rebuild(&fd, &fs);
        assert_int_equal(t->status, TUN_P1_NO_PROPOSAL);
        assert_false(t->steps[1].ok);
        assert_string_equal(t->steps[0].step, "IKE_SA_INIT");
        assert_non_null(strstr(t->steps[1].detail, "response"));
        findings_free(&fs);
        cap_set_free(&fd.cs);

        /* INIT answered, IKE_AUTH sent twice, never answered: not no-response */
        cap_set_init(&fd.cs);
        fd.n = 0;
        wb_hdr(&m, 1, PL_V2_NONCE, 0x20, 34, IKE_F_V2_INITIATOR, 0);
        wb_open(&m, 0, 0);
        wb_fill(&m, 0x4e, 32);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, INI, RESP);
        wb_hdr(&m, 0, PL_V2_NONCE, 0x20, 34, IKE_F_V2_RESPONSE, 0);
        wb_open(&m, 0, 0);
        wb_fill(&m, 0x4f, 32);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, RESP, INI);
        wb_hdr(&m, 0, PL_V2_SK, 0x20, 35, IKE_F_V2_INITIATOR, 1);
        wb_open(&m, PL_V2_IDI, 0);
        wb_fill(&m, 0xee, 64);
        wb_close(&m);
        wb_done(&m);
        send_msg(&fd, &m, INI, RESP);
        send_msg(&fd, &m, INI, RESP);
        t = rebuild(&fd, &fs);
        assert_int_equal(t->status, TUN_UNDETERMINED);
        assert_int_equal(t->nsteps, 3);
        assert_string_equal(t->steps[2].step, "IKE_AUTH");
        assert_false(t->steps[2].ok);
        assert_non_null(strstr(t->reason, "IKE_AUTH request sent 2 times"));
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

/* An IKE message in two IP fragments: whole, it is filed as any other;
 * with its second fragment lost, it is a fact of its SA (the message's
 * length, which fragment never came). */
static void fragments_reassembled_or_lost(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        v1_msg(&m, 0, 2, 0, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, INI, RESP); /* MM1, whole */
        v1_msg(&m, 1, 2, 0, PL_V1_VID, 1, 0);
        send_msg(&fd, &m, RESP, INI); /* MM2 */
        /* MM3 of 1228 bytes (28 + a 1200-byte VID) in two fragments */
        wb_hdr(&m, 0, PL_V1_VID, 0x10, 2, 0, 0);
        wb_open(&m, 0, 0);
        wb_fill(&m, 0x33, 1196);
        wb_close(&m);
        wb_done(&m);
        send_frag(&fd, &m, INI, RESP, 0x2000 | 0, 0, 1000);
        assert_int_equal(fd.cs.sa[0].nmsgs, 2);
        send_frag(&fd, &m, INI, RESP, 1000 / 8, 1000, m.n + 8 - 1000);
        assert_int_equal(fd.cs.sa[0].nmsgs, 3);
        assert_int_equal(fd.cs.sa[0].msgs[2].ip_frags, 2);
        assert_int_equal(fd.cs.ike_fragmented, 1);
        /* MM4 from the responder: its second fragment never comes */
        m.b[20] = 0x40; /* other bytes */
        send_frag(&fd, &m, RESP, INI, 0x2000 | 0, 0, 1000);
        cap_name_steps(&fd.cs);
        assert_int_equal(fd.cs.sa[0].nmsgs, 3);
        assert_int_equal(fd.cs.nlost, 1);
        const struct cap_frag_lost *l = &fd.cs.lost[0];
        assert_int_equal(l->kind, FK_IKE);
        assert_int_equal(l->why, REASM_END);
        assert_int_equal(l->ike_len, 1228);
        assert_int_equal(l->sa, 0);
        assert_false(l->from_initiator);
        assert_int_equal(l->hole_index, 2);
        assert_int_equal(l->first_frame, 5);
        struct findings fs;
        findings_init(&fs);
        assert_int_equal(cap_tunnels(&fd.cs, &fs), 0);
        const struct tunnel_result *t = fs.tunnels.v[0];
        const struct tunnel_step *st = &t->steps[t->nsteps - 1];
        assert_string_equal(st->step, "IP fragment lost");
        assert_non_null(strstr(st->detail, "IKE message of 1228 bytes"));
        assert_non_null(strstr(st->detail, "fragment 2"));
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

static void bounded(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        v1_msg(&m, 0, 5, 0, PL_V1_VID, 1, 0);
        for (int i = 0; i < CAP_MAX_MSGS + 10; i++) {
                m.b[20] = (uint8_t)i; /* distinct message IDs, distinct bytes */
                send_msg(&fd, &m, INI, RESP);
        }
        m.b[20] = 0; /* the first message again, at the end: a retransmission */
        send_msg(&fd, &m, INI, RESP);
        assert_int_equal(fd.cs.nsa, 1);
        const struct cap_sa *sa = &fd.cs.sa[0];
        assert_int_equal(sa->nmsgs, CAP_MAX_MSGS);
        assert_int_equal(sa->msgs_dropped, 11);
        /* before the end: the tail is bytes, not decoded yet */
        assert_non_null(fd.cs.tail.b);
        cap_name_steps(&fd.cs);
        /* the first 48 and the last 16 (frames 60..75), frames 49..59 counted */
        assert_int_equal(sa->nmsgs, CAP_MAX_MSGS);
        assert_int_equal(sa->gap_at, CAP_HEAD_MSGS);
        assert_int_equal(sa->first_dropped, CAP_HEAD_MSGS + 1);
        assert_int_equal(sa->last_dropped,
                         CAP_HEAD_MSGS + 11); /* frame 60, the oldest kept, less 1 */
        assert_int_equal(sa->msgs[CAP_HEAD_MSGS - 1].frame, CAP_HEAD_MSGS);
        assert_int_equal(sa->msgs[CAP_HEAD_MSGS].frame, CAP_HEAD_MSGS + 12);
        assert_null(fd.cs.tail.b); /* freed once decoded */
        assert_int_equal(sa->msgs[CAP_HEAD_MSGS].msgid, (CAP_HEAD_MSGS + 11) << 24);
        assert_int_equal(sa->msgs[CAP_MAX_MSGS - 1].frame, CAP_MAX_MSGS + 11);
        assert_int_equal(sa->msgs[CAP_MAX_MSGS - 1].retransmit_of, 1);
        assert_string_equal(sa->msgs[CAP_MAX_MSGS - 1].step, "INFO");
        struct findings fs;
        const struct tunnel_result *t = rebuild(&fd, &fs);
        /* where they were: after the head, before the tail */
        assert_string_equal(t->steps[CAP_HEAD_MSGS].step, "...");
        assert_non_null(
            strstr(t->steps[CAP_HEAD_MSGS].detail, "11 messages not kept (frames 49-59"));
        assert_string_equal(t->steps[CAP_HEAD_MSGS + 1].step, "INFO");
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

/* An IKEv1 Informational of msgid with a payload of n bytes, initiator
 * cookie first byte c. */
static void v1_sized(struct wb *w, uint8_t c, uint32_t msgid, size_t n)
{
        wb_hdr(w, 0, PL_V1_VID, 0x10, 5, 0, msgid);
        w->b[0] = c;
        wb_open(w, 0, 0);
        wb_fill(w, 0xaa, n);
        wb_close(w);
        wb_done(w);
}

/* The tails live in one log that comes round: an SA that went quiet
 * keeps its last 16 (copied out before the log overwrites them), a busy
 * one its own last 16, and everything between their heads and tails is
 * counted. */
static void tail_log_wraps(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        static struct wb m;
        for (uint32_t i = 1; i <= CAP_HEAD_MSGS + 20; i++) { /* A: then quiet */
                v1_sized(&m, 0x11, i, 40);
                send_msg(&fd, &m, INI, RESP);
        }
        /* B: 1,400-byte messages, past two laps of the log */
        uint32_t nb = CAP_HEAD_MSGS + (uint32_t)(2 * CAP_TAIL_LOG / 1400) + 100;
        for (uint32_t i = 1; i <= nb; i++) {
                v1_sized(&m, 0x33, i, 1400);
                send_msg(&fd, &m, INI, RESP);
        }
        assert_int_equal(fd.cs.nsa, 2);
        assert_true(fd.cs.tail.lapped);
        assert_non_null(fd.cs.tail.copied); /* A's were copied out */
        assert_int_equal(cap_name_steps(&fd.cs), 0);
        const struct cap_sa *a = &fd.cs.sa[0], *b = &fd.cs.sa[1];
        assert_int_equal(a->nmsgs, CAP_MAX_MSGS);
        assert_int_equal(a->msgs_dropped, 4);
        for (size_t j = 0; j < CAP_TAIL_MSGS; j++)
                assert_int_equal(a->msgs[CAP_HEAD_MSGS + j].msgid, CAP_HEAD_MSGS + 5 + j);
        assert_int_equal(b->nmsgs, CAP_MAX_MSGS);
        assert_int_equal(b->msgs_dropped, nb - CAP_MAX_MSGS);
        assert_int_equal(b->msgs[CAP_MAX_MSGS - 1].msgid, nb);
        assert_int_equal(b->msgs[CAP_HEAD_MSGS].msgid, nb - CAP_TAIL_MSGS + 1);
        assert_int_equal(b->msgs[CAP_HEAD_MSGS].length, 28 + 4 + 1400);
        assert_int_equal(b->gap_at, CAP_HEAD_MSGS);
        assert_int_equal(fd.cs.undecodable, 0);
        cap_set_free(&fd.cs);
}

/* Piece n of whole (bytes [off, off + len)) as an IKEv1 fragment message
 * (payload 132: ID, number, flags with 0x01 on the last). */
static void v1_piece(struct wb *w, const struct wb *whole, uint16_t id, unsigned n, bool last,
                     size_t off, size_t len)
{
        wb_hdr(w, 0, PL_V1_FRAG, 0x10, 5, 0, 0);
        wb_open(w, 0, 0);
        wb_u16(w, id);
        wb_u8(w, n);
        wb_u8(w, last ? 1 : 0);
        wb_bytes(w, whole->b + off, len);
        wb_close(w);
        wb_done(w);
}

/* IKEv1 fragmentation: pieces out of order put back together into their
 * message (filed and stepped as if whole, its pieces as FRAG steps), a
 * message with a piece that never came named by number in the facts and
 * the ladder, never put together. */
static void v1_fragments(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        static struct wb whole, m;
        v1_msg(&whole, 0, 5, 0x01020304, PL_V1_NOTIFY, 0, 24); /* INVALID-PAYLOAD-TYPE... */
        size_t a = whole.n / 3, b = 2 * whole.n / 3;
        v1_piece(&m, &whole, 7, 1, false, 0, a);
        send_msg(&fd, &m, INI, RESP);
        v1_piece(&m, &whole, 7, 3, true, b, whole.n - b);
        send_msg(&fd, &m, INI, RESP);
        v1_piece(&m, &whole, 7, 2, false, a, b - a);
        send_msg(&fd, &m, INI, RESP);
        /* a second message: piece 2 of 3 never comes */
        v1_piece(&m, &whole, 8, 1, false, 0, a);
        send_msg(&fd, &m, RESP, INI);
        v1_piece(&m, &whole, 8, 3, true, b, whole.n - b);
        send_msg(&fd, &m, RESP, INI);
        cap_name_steps(&fd.cs);
        const struct cap_sa *sa = &fd.cs.sa[0];
        assert_int_equal(fd.cs.nsa, 1);
        assert_int_equal(sa->nmsgs, 6);
        assert_string_equal(sa->msgs[0].step, "FRAG");
        assert_string_equal(sa->msgs[2].step, "FRAG");
        const struct cap_msg *w = &sa->msgs[3];
        assert_string_equal(w->step, "INFO");
        assert_int_equal(w->frame, 3); /* the piece that completed it */
        assert_int_equal(w->ike_frags, 3);
        assert_int_equal(w->length, whole.n);
        assert_int_equal(w->msgid, 0x01020304);
        assert_int_equal(w->nnotify, 1);
        const struct cap_facts *fx = sa->facts;
        assert_int_equal(fx->nfrags, 2);
        assert_true(cap_frag_complete(&fx->frags[0]));
        assert_true(fx->frags[0].has_whole);
        assert_int_equal(fx->frags[0].whole_msg, 3);
        assert_int_equal(fx->frags[0].total, 3);
        const struct cap_frag_set *lost = &fx->frags[1];
        assert_false(lost->from_initiator);
        assert_false(cap_frag_complete(lost));
        assert_false(lost->has_whole);
        assert_int_equal(cap_frag_first_missing(lost), 2);
        assert_int_equal(lost->frame[0], 4);
        assert_int_equal(lost->frame[2], 5);
        char buf[512];
        assert_non_null(strstr(cap_facts_step_text(sa, 5, buf, sizeof(buf)),
                               "IKE fragment 2 of 3 never seen (the others in frames 4-5)"));
        assert_non_null(strstr(cap_facts_step_text(sa, 3, buf, sizeof(buf)),
                               "put together from 3 IKE fragments (frames 1-3)"));
        cap_set_free(&fd.cs);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(mm1_unanswered),
            cmocka_unit_test(tail_log_wraps),
            cmocka_unit_test(v1_fragments),
            cmocka_unit_test(resend_with_other_bytes_is_no_retransmission),
            cmocka_unit_test(mm1_refused),
            cmocka_unit_test(mm5_psk),
            cmocka_unit_test(mm5_certificates),
            cmocka_unit_test(v2_init_refused_and_auth),
            cmocka_unit_test(fragments_reassembled_or_lost),
            cmocka_unit_test(bounded),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
