/*
 * The facts of an IKE SA (src/capture/facts.c) on messages built byte by
 * byte in raw IPv4/UDP frames: what was offered and chosen, which side sent
 * each notify, the NAT-D comparison (the test computes the hashes itself,
 * from RFC 3947 3.2 and RFC 7296 2.23, with libcrypto), the float to 4500,
 * and the hook that decryption feeds.
 */
#include "test_util.h"

#include <openssl/evp.h>

#include "capture/facts.h"
#include "capture/facts_json.h"
#include "capture/ladder.h"
#include "capture/sessions.h"
#include "findings/tunnel.h"
#include "wire/ike.h"
#include "wire_build.h"

#define INI     0xc6336401u /* 198.51.100.1, as the capture sees the initiator */
#define RESP    0xc6336402u /* 198.51.100.2 */
#define PRIVATE 0x0a000001u /* 10.0.0.1: the initiator's own address behind a NAT */

struct feed {
        struct cap_set cs;
        uint64_t n;
};

/* IPv4/UDP from src:sport to dst:dport; on 4500 with the non-ESP marker. */
static void send_udp(struct feed *fd, const struct wb *m, uint32_t src, unsigned sport,
                     uint32_t dst, unsigned dport)
{
        static struct wb w;
        bool marker = sport == 4500 || dport == 4500;
        size_t ulen = 8 + (marker ? 4 : 0) + m->n;
        w.n = 0;
        wb_u8(&w, 0x45);
        wb_u8(&w, 0);
        wb_u16(&w, (unsigned)(20 + ulen));
        wb_u16(&w, 1);
        wb_u16(&w, 0);
        wb_u8(&w, 64);
        wb_u8(&w, 17);
        wb_u16(&w, 0);
        wb_u32(&w, src);
        wb_u32(&w, dst);
        wb_u16(&w, sport);
        wb_u16(&w, dport);
        wb_u16(&w, (unsigned)ulen);
        wb_u16(&w, 0);
        if (marker)
                wb_u32(&w, 0);
        wb_bytes(&w, m->b, m->n);
        struct frame f;
        struct wire_err e;
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        fd->n++;
        struct pcap_frame pf = {fd->n, 1700000000 + (int64_t)fd->n, 0, LINK_RAW, &f, NULL};
        assert_int_equal(cap_add_frame(&fd->cs, &pf), 0);
}

/* A NAT-T keepalive (RFC 3948 2.3): one byte 0xFF on UDP 4500. */
static void send_keepalive(struct feed *fd, uint32_t src, uint32_t dst)
{
        struct wb w;
        w.n = 0;
        wb_u8(&w, 0x45);
        wb_u8(&w, 0);
        wb_u16(&w, 29);
        wb_u16(&w, 1);
        wb_u16(&w, 0);
        wb_u8(&w, 64);
        wb_u8(&w, 17);
        wb_u16(&w, 0);
        wb_u32(&w, src);
        wb_u32(&w, dst);
        wb_u16(&w, 4500);
        wb_u16(&w, 4500);
        wb_u16(&w, 9);
        wb_u16(&w, 0);
        wb_u8(&w, 0xff);
        struct frame f;
        struct wire_err e;
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_NATT_KEEPALIVE);
        fd->n++;
        struct pcap_frame pf = {fd->n, 1700000000 + (int64_t)fd->n, 0, LINK_RAW, &f, NULL};
        assert_int_equal(cap_add_frame(&fd->cs, &pf), 0);
}

/* An IKEv1 phase 1 SA payload (RFC 2408 3.4-3.6): one proposal, ISAKMP,
 * with n transforms of AES-CBC (key length keylen[i]), hash[i], PSK, group
 * 14, 86400 s. next is the payload after it. */
static void v1_sa(struct wb *w, unsigned next, size_t n, const unsigned *keylen,
                  const unsigned *hash)
{
        wb_open(w, next, 0);
        wb_u32(w, 1);     /* DOI IPsec */
        wb_u32(w, 1);     /* SIT_IDENTITY_ONLY */
        wb_open(w, 0, 0); /* proposal */
        wb_u8(w, 1);      /* number */
        wb_u8(w, 1);      /* PROTO_ISAKMP */
        wb_u8(w, 0);      /* SPI size */
        wb_u8(w, (unsigned)n);
        for (size_t i = 0; i < n; i++) {
                wb_open(w, i + 1 < n ? 3 : 0, 0);
                wb_u8(w, (unsigned)i + 1); /* transform number */
                wb_u8(w, 1);               /* KEY_IKE */
                wb_u16(w, 0);
                wb_tv(w, 1, 7); /* AES-CBC */
                wb_tv(w, 14, keylen[i]);
                wb_tv(w, 2, hash[i]);
                wb_tv(w, 3, 1);  /* pre-shared key */
                wb_tv(w, 4, 14); /* group 14 */
                wb_tv(w, 11, 1); /* life type seconds */
                wb_tlv32(w, 12, 86400);
                wb_close(w);
        }
        wb_close(w);
        wb_close(w);
}

/* HASH(CKY-I | CKY-R | IP | Port) with md (RFC 3947 3.2, RFC 7296 2.23) */
static void natd(const EVP_MD *md, const uint8_t ispi[8], const uint8_t rspi[8], uint32_t ip,
                 unsigned port, uint8_t *out)
{
        uint8_t in[22];
        memcpy(in, ispi, 8);
        memcpy(in + 8, rspi, 8);
        in[16] = (uint8_t)(ip >> 24), in[17] = (uint8_t)(ip >> 16);
        in[18] = (uint8_t)(ip >> 8), in[19] = (uint8_t)ip;
        in[20] = (uint8_t)(port >> 8), in[21] = (uint8_t)port;
        unsigned len;
        assert_int_equal(EVP_Digest(in, sizeof(in), out, &len, md, NULL), 1);
}

static const uint8_t C1[8] = {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11};
static const uint8_t C2[8] = {0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22};
static const uint8_t Z8[8];

/* MM3/MM4: KE, then two NAT-D payloads (20): the remote end's hash first,
 * then the sender's own. */
static void v1_mm34(struct wb *w, uint32_t remote, uint32_t own)
{
        uint8_t h[20];
        wb_hdr(w, 0, PL_V1_KE, 0x10, 2, 0, 0);
        wb_open(w, PL_V1_NATD, 0);
        wb_fill(w, 0x5a, 32);
        wb_close(w);
        wb_open(w, PL_V1_NATD, 0);
        natd(EVP_sha1(), C1, C2, remote, 500, h);
        wb_bytes(w, h, 20);
        wb_close(w);
        wb_open(w, 0, 0);
        natd(EVP_sha1(), C1, C2, own, 500, h);
        wb_bytes(w, h, 20);
        wb_close(w);
        wb_done(w);
}

/* IKEv1 Main Mode through a NAT in front of the initiator (10.0.0.1 is
 * translated to 198.51.100.1, the address the capture shows): offers,
 * choice, NAT-D, the float to 4500 at MM5. */
static void v1_nat_and_offers(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        static const unsigned kl[] = {256, 128}, hs[] = {2, 4}; /* SHA, SHA2-256 */
        wb_hdr(&m, 1, PL_V1_SA, 0x10, 2, 0, 0);
        v1_sa(&m, 0, 2, kl, hs);
        wb_done(&m);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        wb_hdr(&m, 0, PL_V1_SA, 0x10, 2, 0, 0);
        v1_sa(&m, 0, 1, kl, hs);
        wb_done(&m);
        send_udp(&fd, &m, RESP, 500, INI, 500);
        v1_mm34(&m, RESP, PRIVATE); /* the initiator hashes its own address */
        send_udp(&fd, &m, INI, 500, RESP, 500);
        v1_mm34(&m, INI, RESP); /* the responder hashes the address it sees */
        send_udp(&fd, &m, RESP, 500, INI, 500);
        wb_hdr(&m, 0, PL_V1_ID, 0x10, 2, IKE_F_V1_ENCRYPTION, 0);
        wb_fill(&m, 0xee, 48);
        wb_done(&m);
        send_udp(&fd, &m, INI, 4500, RESP, 4500);
        send_keepalive(&fd, INI, RESP);
        send_keepalive(&fd, INI, RESP);
        send_keepalive(&fd, 0x01020304u, RESP); /* another host */
        cap_name_steps(&fd.cs);

        const struct cap_sa *sa = &fd.cs.sa[0];
        const struct cap_facts *fx = sa->facts;
        assert_non_null(fx);
        assert_non_null(fx->offered);
        assert_int_equal(fx->offered->frame, 1);
        assert_int_equal(fx->offered->nxf, 2);
        assert_int_equal(fx->offered->xf[0].encr, 7);
        assert_int_equal(fx->offered->xf[0].keylen, 256);
        assert_int_equal(fx->offered->xf[1].hash, 4);
        assert_int_equal(fx->offered->xf[1].group, 14);
        assert_int_equal(fx->offered->xf[1].life_sec, 86400);
        assert_int_equal(fx->offered->xf[1].auth, 1);
        assert_non_null(fx->chosen);
        assert_int_equal(fx->chosen->frame, 2);
        assert_int_equal(fx->chosen->nxf, 1);
        assert_int_equal(fx->chosen->xf[0].hash, 2);
        assert_null(fx->child_offered);

        const struct cap_nat_facts *nat = &fx->nat;
        assert_true(nat->computed);
        assert_int_equal(nat->v1_hash, 2);
        assert_int_equal(nat->ini_src, NATD_DIFFER); /* 10.0.0.1 is not what the capture shows */
        assert_int_equal(nat->ini_dst, NATD_MATCH);  /* the responder's address */
        assert_int_equal(nat->resp_src, NATD_MATCH);
        assert_int_equal(nat->resp_dst, NATD_MATCH); /* it saw 198.51.100.1 */
        assert_int_equal(nat->ini_behind_nat, 1);
        assert_int_equal(nat->resp_behind_nat, 0);
        assert_int_equal(nat->nat_between, 1);

        assert_true(fx->fl.natd_sent);
        assert_true(fx->fl.floated);
        assert_false(fx->fl.started_on_4500);
        assert_int_equal(fx->fl.first_4500, 5);
        assert_int_equal(fx->fl.last_500, 4);
        assert_int_equal(fx->fl.ini_port_4500, 4500);
        assert_int_equal(fx->fl.keepalives_ini, 2);
        assert_int_equal(fx->fl.keepalives_resp, 0);
        assert_int_equal(fx->fl.first_keepalive, 6);
        assert_int_equal(fd.cs.keepalives_no_sa, 1);

        /* the ladder says it on the steps */
        struct findings fs;
        findings_init(&fs);
        assert_int_equal(cap_tunnels(&fd.cs, &fs), 0);
        const struct tunnel_result *t = fs.tunnels.v[0];
        assert_non_null(strstr(t->steps[0].detail, "offers 2 transforms: AES-CBC SHA"));
        assert_non_null(strstr(t->steps[1].detail, "chose AES-CBC SHA Pre-Shared Key group 14"));
        assert_non_null(strstr(t->steps[3].detail, "the initiator is behind a NAT"));
        assert_non_null(strstr(t->steps[4].detail, "floated to UDP 4500"));
        json_t *j = cap_facts_json(&fd.cs);
        json_t *e0 = json_array_get(json_object_get(j, "exchanges"), 0);
        assert_true(
            json_is_true(json_object_get(json_object_get(e0, "nat"), "initiator_behind_nat")));
        assert_true(
            json_is_false(json_object_get(json_object_get(e0, "nat"), "responder_behind_nat")));
        json_decref(j);
        findings_free(&fs);
        cap_set_free(&fd.cs);
}

/* The same exchange with no NAT: every hash matches, no float. */
static void v1_no_nat(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        static const unsigned kl[] = {256}, hs[] = {2};
        wb_hdr(&m, 1, PL_V1_SA, 0x10, 2, 0, 0);
        v1_sa(&m, 0, 1, kl, hs);
        wb_done(&m);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        v1_mm34(&m, RESP, INI);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        v1_mm34(&m, INI, RESP);
        send_udp(&fd, &m, RESP, 500, INI, 500);
        cap_name_steps(&fd.cs);
        const struct cap_facts *fx = fd.cs.sa[0].facts;
        assert_true(fx->nat.computed);
        assert_int_equal(fx->nat.ini_src, NATD_MATCH);
        assert_int_equal(fx->nat.ini_behind_nat, 0);
        assert_int_equal(fx->nat.resp_behind_nat, 0);
        assert_int_equal(fx->nat.nat_between, 0);
        assert_false(fx->fl.floated);
        assert_int_equal(fx->fl.first_4500, 0);
        assert_null(fx->chosen); /* no MM2 in this capture */
        cap_set_free(&fd.cs);
}

/* An IKEv2 message: header with SPIs (rspi zero when rz), then notifies
 * (type, data of n bytes) in a chain. */
struct v2n {
        unsigned type;
        const uint8_t *data;
        size_t n;
        unsigned proto, spi_size;
        uint32_t spi;
};

static void v2_msg(struct wb *w, int rz, unsigned flags, const struct v2n *ns, size_t k)
{
        wb_hdr(w, rz, k ? PL_V2_NOTIFY : 0, 0x20, 34, flags, 0);
        for (size_t i = 0; i < k; i++) {
                wb_open(w, i + 1 < k ? PL_V2_NOTIFY : 0, 0);
                wb_u8(w, ns[i].proto);
                wb_u8(w, ns[i].spi_size);
                wb_u16(w, ns[i].type);
                if (ns[i].spi_size == 4)
                        wb_u32(w, ns[i].spi);
                wb_bytes(w, ns[i].data, ns[i].n);
                wb_close(w);
        }
        wb_done(w);
}

/* IKEv2 with the responder behind a NAT (it hashes 10.0.0.1, the capture
 * shows 198.51.100.2), notifies with their senders. */
static void v2_nat_and_notifies(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        uint8_t s[20], d[20];
        natd(EVP_sha1(), C1, Z8, INI, 500, s);
        natd(EVP_sha1(), C1, Z8, RESP, 500, d);
        struct v2n req[] = {{16388, s, 20, 0, 0, 0}, {16389, d, 20, 0, 0, 0}};
        v2_msg(&m, 1, IKE_F_V2_INITIATOR, req, 2);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        uint8_t s2[20], d2[20];
        natd(EVP_sha1(), C1, C2, PRIVATE, 500, s2);
        natd(EVP_sha1(), C1, C2, INI, 500, d2);
        struct v2n resp[] = {{16388, s2, 20, 0, 0, 0}, {16389, d2, 20, 0, 0, 0}};
        v2_msg(&m, 0, IKE_F_V2_RESPONSE, resp, 2);
        send_udp(&fd, &m, RESP, 500, INI, 500);
        /* an INVALID_SPI from the responder naming ESP SPI 0xc0ffee01 in its data,
         * and a notify of the initiator about a child SA (SPI field) */
        static const uint8_t spi[4] = {0xc0, 0xff, 0xee, 0x01};
        struct v2n bad[] = {{11, spi, 4, 3, 0, 0}};
        v2_msg(&m, 0, IKE_F_V2_RESPONSE, bad, 1);
        m.b[18] = 37; /* an INFORMATIONAL exchange */
        m.b[23] = 7;  /* message ID 7 */
        send_udp(&fd, &m, RESP, 500, INI, 500);
        struct v2n rekey[] = {{16393, (const uint8_t *)"", 0, 3, 4, 0xabcdef12}}; /* REKEY_SA */
        v2_msg(&m, 0, IKE_F_V2_INITIATOR, rekey, 1);
        m.b[18] = 37;
        m.b[23] = 8;
        send_udp(&fd, &m, INI, 500, RESP, 500);
        cap_name_steps(&fd.cs);

        const struct cap_facts *fx = fd.cs.sa[0].facts;
        assert_non_null(fx);
        assert_true(fx->nat.computed);
        assert_int_equal(fx->nat.ini_src, NATD_MATCH);
        assert_int_equal(fx->nat.ini_dst, NATD_MATCH);
        assert_int_equal(fx->nat.resp_src, NATD_DIFFER);
        assert_int_equal(fx->nat.resp_dst, NATD_MATCH);
        assert_int_equal(fx->nat.ini_behind_nat, 0);
        assert_int_equal(fx->nat.resp_behind_nat, 1);
        /* notifies: 2 + 2 NAT-D, INVALID_SPI, REKEY_SA */
        assert_int_equal(fx->nnotify, 6);
        assert_true(fx->notify[1].from_initiator);
        assert_false(fx->notify[2].from_initiator);
        assert_int_equal(fx->notify[4].type, 11);
        assert_false(fx->notify[4].from_initiator);
        assert_int_equal(fx->notify[4].named_spi, 0xc0ffee01u);
        assert_int_equal(fx->notify[5].type, 16393);
        assert_true(fx->notify[5].from_initiator);
        assert_int_equal(fx->notify[5].named_spi, 0xabcdef12u);
        cap_set_free(&fd.cs);
}

/* A hash that matches neither computed address: NAT-D says "differ" on
 * both sides of that end and nothing is claimed about it in IKEv2. */
static void v2_unknown_when_both_differ(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m;
        uint8_t s[20], d[20];
        natd(EVP_sha1(), C1, Z8, PRIVATE, 500, s);
        natd(EVP_sha1(), C1, Z8, RESP, 500, d);
        struct v2n req[] = {{16388, s, 20, 0, 0, 0}, {16389, d, 20, 0, 0, 0}};
        v2_msg(&m, 1, IKE_F_V2_INITIATOR, req, 2);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        uint8_t s2[20], d2[20];
        natd(EVP_sha1(), C1, C2, RESP, 500, s2);
        natd(EVP_sha1(), C1, C2, 0xcb007101u, 500, d2); /* a third address */
        struct v2n resp[] = {{16388, s2, 20, 0, 0, 0}, {16389, d2, 20, 0, 0, 0}};
        v2_msg(&m, 0, IKE_F_V2_RESPONSE, resp, 2);
        send_udp(&fd, &m, RESP, 500, INI, 500);
        cap_name_steps(&fd.cs);
        const struct cap_facts *fx = fd.cs.sa[0].facts;
        assert_int_equal(fx->nat.ini_src, NATD_DIFFER);
        assert_int_equal(fx->nat.resp_dst, NATD_DIFFER);
        assert_int_equal(fx->nat.ini_behind_nat, -1);
        assert_int_equal(fx->nat.resp_behind_nat, 0);
        assert_int_equal(fx->nat.nat_between, -1);
        cap_set_free(&fd.cs);
}

/* The hook for decryption: a Quick Mode SA payload handed in decrypted
 * fills child_offered, the answer from the other side child_chosen. */
static void decrypted_quick_mode(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        struct wb m, sa;
        wb_hdr(&m, 0, PL_V1_HASH, 0x10, 32, IKE_F_V1_ENCRYPTION, 0x1234);
        wb_fill(&m, 0xee, 64);
        wb_done(&m);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        m.b[40] ^= 1;
        send_udp(&fd, &m, RESP, 500, INI, 500);
        /* an ESP proposal with SPI 0x01020304, ESP_AES 256, HMAC-SHA, PFS group 14 */
        sa.n = 0;
        sa.depth = 0;
        wb_u32(&sa, 1);
        wb_u32(&sa, 1);
        wb_open(&sa, 0, 0);
        wb_u8(&sa, 1);
        wb_u8(&sa, 3);
        wb_u8(&sa, 4);
        wb_u8(&sa, 1);
        wb_u32(&sa, 0x01020304);
        wb_open(&sa, 0, 0);
        wb_u8(&sa, 1);
        wb_u8(&sa, 12);
        wb_u16(&sa, 0);
        wb_tv(&sa, 6, 256);
        wb_tv(&sa, 5, 2);
        wb_tv(&sa, 3, 14);
        wb_tv(&sa, 4, 1);
        wb_close(&sa);
        wb_close(&sa);
        struct cap_sa *s = &fd.cs.sa[0];
        struct wire_view body = {sa.b, sa.n};
        assert_int_equal(cap_facts_payload(s, 0, 1, PL_V1_SA, body, true), 0);
        assert_int_equal(cap_facts_payload(s, 1, 1, PL_V1_SA, body, true), 0);
        assert_int_equal(cap_facts_payload(s, 9, 1, PL_V1_SA, body, true), 0); /* no such message */
        const struct cap_facts *fx = s->facts;
        assert_non_null(fx->child_offered);
        assert_true(fx->child_offered->decrypted);
        assert_int_equal(fx->child_offered->xf[0].id, 12);
        assert_int_equal(fx->child_offered->xf[0].keylen, 256);
        assert_int_equal(fx->child_offered->xf[0].auth, 2);
        assert_int_equal(fx->child_offered->xf[0].group, 14);
        assert_int_equal(fx->child_offered->xf[0].encap, 1);
        assert_memory_equal(fx->child_offered->xf[0].spi, "\x01\x02\x03\x04", 4);
        assert_non_null(fx->child_chosen);
        assert_int_equal(fx->child_chosen->frame, 2);
        assert_null(fx->offered);
        cap_set_free(&fd.cs);
}

/* Transforms past the bound are counted, not kept. */
static void offers_bounded(void **state)
{
        (void)state;
        struct feed fd = {0};
        cap_set_init(&fd.cs);
        static struct wb m;
        unsigned kl[CAP_FACT_MAX_XF + 5], hs[CAP_FACT_MAX_XF + 5];
        for (size_t i = 0; i < CAP_FACT_MAX_XF + 5; i++)
                kl[i] = 128, hs[i] = 2;
        wb_hdr(&m, 1, PL_V1_SA, 0x10, 2, 0, 0);
        v1_sa(&m, 0, CAP_FACT_MAX_XF + 5, kl, hs);
        wb_done(&m);
        send_udp(&fd, &m, INI, 500, RESP, 500);
        cap_name_steps(&fd.cs);
        const struct cap_offer *o = fd.cs.sa[0].facts->offered;
        assert_int_equal(o->nxf, CAP_FACT_MAX_XF);
        assert_int_equal(o->xf_dropped, 5);
        assert_false(o->malformed);
        cap_set_free(&fd.cs);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(v1_nat_and_offers),    cmocka_unit_test(v1_no_nat),
            cmocka_unit_test(v2_nat_and_notifies),  cmocka_unit_test(v2_unknown_when_both_differ),
            cmocka_unit_test(decrypted_quick_mode), cmocka_unit_test(offers_bounded),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
