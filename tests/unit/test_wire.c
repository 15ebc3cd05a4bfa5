/*
 * The IKE decoder (src/wire/): messages built byte by byte (wire_build.h),
 * decoded and checked field by field, then broken one field at a time.
 */
#include "test_util.h"

#include "ike/vocab.h"
#include "wire/ike.h"
#include "wire/wire_int.h"
#include "wire_build.h"

static const uint8_t rfc3947_vid[16] = {0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45,
                                        0x5c, 0x57, 0x28, 0xf2, 0x0e, 0x95, 0x45, 0x2f};
static const uint8_t dpd_vid[16] = {0xaf, 0xca, 0xd7, 0x13, 0x68, 0xa1, 0xf1, 0xc9,
                                    0x6b, 0x86, 0x96, 0xfc, 0x77, 0x57, 0x01, 0x00};

/* MM1 as Cisco IOS sends it, plus the 24-byte type-15 payload IOS puts
 * after its VIDs in MM3/MM4 (here in an MM1 to test the walk). */
static void build_mm1(struct wb *w)
{
        wb_hdr(w, 1, PL_V1_SA, 0x10, 2, 0, 0);
        wb_open(w, PL_V1_VID, 0); /* SA */
        wb_u32(w, 1);             /* DOI IPsec */
        wb_u32(w, 1);             /* SIT_IDENTITY_ONLY */
        wb_open(w, 0, 0);         /* proposal, last */
        wb_u8(w, 1);              /* #1 */
        wb_u8(w, 1);              /* PROTO_ISAKMP */
        wb_u8(w, 0);              /* SPI size */
        wb_u8(w, 2);              /* 2 transforms */
        wb_open(w, 3, 0);         /* transform 1, more */
        wb_u8(w, 1);
        wb_u8(w, 1); /* KEY_IKE */
        wb_u16(w, 0);
        wb_tv(w, 1, 7);     /* AES-CBC */
        wb_tv(w, 14, 256);  /* key length */
        wb_tv(w, 2, 2);     /* SHA */
        wb_tv(w, 3, 65001); /* XAUTHInitPreShared */
        wb_tv(w, 4, 14);    /* group 14 */
        wb_tv(w, 11, 1);    /* seconds */
        wb_tlv32(w, 12, 86400);
        wb_close(w);
        wb_open(w, 0, 0); /* transform 2, last */
        wb_u8(w, 2);
        wb_u8(w, 1);
        wb_u16(w, 0);
        wb_tv(w, 1, 5); /* 3DES */
        wb_tv(w, 2, 1); /* MD5 */
        wb_tv(w, 3, 1); /* PSK */
        wb_tv(w, 4, 2);
        wb_close(w);
        wb_close(w); /* proposal */
        wb_close(w); /* SA */
        wb_open(w, PL_V1_VID, 0);
        wb_bytes(w, rfc3947_vid, 16);
        wb_close(w);
        wb_open(w, 15, 0);
        wb_bytes(w, dpd_vid, 16);
        wb_close(w);
        wb_open(w, PL_V1_NATD, 0); /* the Cisco type-15 payload */
        wb_fill(w, 0x5a, 20);
        wb_close(w);
        wb_open(w, 0, 0); /* NAT-D */
        wb_fill(w, 0xd0, 20);
        wb_close(w);
        wb_done(w);
}

static void v1_main_mode(void **state)
{
        (void)state;
        struct wb w;
        build_mm1(&w);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(m.version, 1);
        assert_int_equal(m.hdr.exchange, 2);
        assert_int_equal(m.hdr.length, w.n);
        assert_int_equal(m.hdr.ispi[0], 0x11);
        assert_int_equal(m.hdr.rspi[7], 0);
        assert_string_equal(ike_exchange_name(m.hdr.exchange), "Identity Protection (Main Mode)");
        assert_int_equal(m.npl, 5);
        assert_int_equal(m.pl[0].type, PL_V1_SA);
        assert_int_equal(m.pl[1].type, PL_V1_VID);
        assert_int_equal(m.pl[2].type, PL_V1_VID);
        assert_int_equal(m.pl[3].type, 15); /* unknown here, walked by length */
        assert_int_equal(m.pl[3].body.len, 20);
        assert_int_equal(m.pl[4].type, PL_V1_NATD);
        assert_int_equal(m.pl[4].offset, w.n - 24);
        assert_int_equal(m.trailing, 0);
        assert_int_equal(m.extra, 0);
        assert_false(m.encrypted);

        struct ike_sa_iter sa;
        assert_int_equal(ike_sa_open(m.pl[0].body, 1, &sa, &e), 0);
        assert_int_equal(sa.doi, 1);
        assert_int_equal(sa.situation, 1);
        struct ike_proposal p;
        assert_int_equal(ike_proposal_next(&sa, &p, &e), 1);
        assert_true(p.last);
        assert_int_equal(p.proto, 1);
        assert_int_equal(p.ntransforms, 2);
        struct ike_transform t;
        assert_int_equal(ike_transform_next(&p.xf, &t, &e), 1);
        assert_int_equal(t.num, 1);
        assert_int_equal(t.id, 1);
        struct ike_attr_iter ai = ike_attrs(t.attrs);
        struct ike_attr a;
        unsigned seen = 0;
        int rc;
        while ((rc = ike_attr_next(&ai, &a, &e)) == 1) {
                seen++;
                if (a.type == 1)
                        assert_int_equal(ike_encr_from_v1(a.value), ENCR_AES);
                if (a.type == 3) {
                        bool x;
                        assert_int_equal(ike_auth_from_v1(a.value, &x), AUTH_PSK);
                        assert_true(x);
                }
                if (a.type == 12) {
                        assert_false(a.tv);
                        assert_true(a.value_ok);
                        assert_int_equal(a.value, 86400);
                }
        }
        assert_int_equal(rc, 0);
        assert_int_equal(seen, 7);
        assert_int_equal(ike_transform_next(&p.xf, &t, &e), 1);
        assert_int_equal(t.num, 2);
        assert_true(t.last);
        assert_int_equal(ike_transform_next(&p.xf, &t, &e), 0);
        assert_int_equal(ike_proposal_next(&sa, &p, &e), 0);

        struct ike_vid_info vi;
        assert_true(ike_vid_lookup(m.pl[1].body, &vi));
        assert_string_equal(vi.name, "RFC 3947 NAT-T");
        assert_true(ike_vid_lookup(m.pl[2].body, &vi));
        assert_string_equal(vi.name, "Dead Peer Detection");
        assert_int_equal(vi.tail.len, 2); /* version 1.0 */
        assert_int_equal(vi.tail.p[0], 1);
        assert_false(ike_vid_lookup(m.pl[3].body, &vi));
}

static void vids(void **state)
{
        (void)state;
        static const uint8_t unity[16] = {0x12, 0xf5, 0xf2, 0x8c, 0x45, 0x71, 0x68, 0xa9,
                                          0x70, 0x2d, 0x9f, 0xe2, 0x74, 0xcc, 0x01, 0x00};
        static const uint8_t frag[20] = {0x40, 0x48, 0xb7, 0xd5, 0x6e, 0xbc, 0xe8,
                                         0x85, 0x25, 0xe7, 0xde, 0x7f, 0x00, 0xd6,
                                         0xc2, 0xd3, 0x80, 0x00, 0x00, 0x00};
        static const uint8_t xauth[8] = {0x09, 0x00, 0x26, 0x89, 0xdf, 0xd6, 0xb7, 0x12};
        static const uint8_t sswan[16] = {0x88, 0x2f, 0xe5, 0x6d, 0x6f, 0xd2, 0x0d, 0xbc,
                                          0x22, 0x51, 0x61, 0x3b, 0x2e, 0xbe, 0x5b, 0xeb};
        struct ike_vid_info vi;
        struct wire_view v = {unity, 16};
        assert_true(ike_vid_lookup(v, &vi));
        assert_string_equal(vi.name, "Cisco Unity");
        v = (struct wire_view){frag, 20};
        assert_true(ike_vid_lookup(v, &vi));
        assert_string_equal(vi.name, "IKE fragmentation (Cisco, Microsoft)");
        assert_int_equal(vi.tail.len, 4);
        v = (struct wire_view){xauth, 8};
        assert_true(ike_vid_lookup(v, &vi));
        assert_string_equal(vi.name, "XAUTH");
        v = (struct wire_view){sswan, 16};
        assert_true(ike_vid_lookup(v, &vi));
        assert_string_equal(vi.name, "strongSwan");
        v = (struct wire_view){sswan, 15}; /* an exact row does not match a prefix of it */
        assert_false(ike_vid_lookup(v, &vi));
        v = (struct wire_view){(const uint8_t *)"FLEXVPN-SUPPORTED", 17};
        assert_true(ike_vid_lookup(v, &vi));
        assert_string_equal(vi.name, "Cisco FlexVPN Supported");
        v = (struct wire_view){(const uint8_t *)"OE-Libreswan-4.10", 17};
        assert_true(ike_vid_lookup(v, &vi));
        assert_string_equal(vi.name, "Libreswan");
        assert_int_equal(vi.tail.len, 4);
        v = (struct wire_view){(const uint8_t *)"", 0};
        assert_false(ike_vid_lookup(v, &vi));
}

static void build_sa_init(struct wb *w)
{
        wb_hdr(w, 1, PL_V2_SA, 0x20, 34, IKE_F_V2_INITIATOR, 0);
        wb_open(w, PL_V2_KE, 0); /* SA */
        wb_open(w, 0, 0);        /* proposal, last */
        wb_u8(w, 1);
        wb_u8(w, 1); /* IKE */
        wb_u8(w, 0);
        wb_u8(w, 4);
        wb_open(w, 3, 0);
        wb_u8(w, IKEV2_TRANS_ENCR);
        wb_u8(w, 0);
        wb_u16(w, IKEV2_ENCR_AES_CBC);
        wb_tv(w, 14, 256);
        wb_close(w);
        wb_open(w, 3, 0);
        wb_u8(w, IKEV2_TRANS_PRF);
        wb_u8(w, 0);
        wb_u16(w, IKEV2_PRF_HMAC_SHA2_256);
        wb_close(w);
        wb_open(w, 3, 0);
        wb_u8(w, IKEV2_TRANS_INTEG);
        wb_u8(w, 0);
        wb_u16(w, IKEV2_INTEG_HMAC_SHA2_256_128);
        wb_close(w);
        wb_open(w, 0, 0);
        wb_u8(w, IKEV2_TRANS_KE);
        wb_u8(w, 0);
        wb_u16(w, 19);
        wb_close(w);
        wb_close(w);
        wb_close(w);
        wb_open(w, PL_V2_NONCE, 0); /* KE */
        wb_u16(w, 19);
        wb_u16(w, 0);
        wb_fill(w, 0x4b, 64);
        wb_close(w);
        wb_open(w, PL_V2_NOTIFY, 0); /* nonce */
        wb_fill(w, 0x4e, 32);
        wb_close(w);
        wb_open(w, PL_V2_NOTIFY, 0); /* NAT_DETECTION_SOURCE_IP */
        wb_u8(w, 0);
        wb_u8(w, 0);
        wb_u16(w, 16388);
        wb_fill(w, 0x5d, 20);
        wb_close(w);
        wb_open(w, 0, 0x80); /* critical bit on a notify */
        wb_u8(w, 0);
        wb_u8(w, 0);
        wb_u16(w, 16430);
        wb_close(w);
        wb_done(w);
}

static void v2_sa_init(void **state)
{
        (void)state;
        struct wb w;
        build_sa_init(&w);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(m.version, 2);
        assert_int_equal(m.hdr.flags, IKE_F_V2_INITIATOR);
        assert_int_equal(m.npl, 5);
        assert_true(m.pl[4].critical);
        assert_false(m.pl[3].critical);
        struct ike_sa_iter sa;
        assert_int_equal(ike_sa_open(m.pl[0].body, 2, &sa, &e), 0);
        struct ike_proposal p;
        assert_int_equal(ike_proposal_next(&sa, &p, &e), 1);
        assert_int_equal(p.ntransforms, 4);
        struct ike_transform t;
        unsigned types = 0;
        while (ike_transform_next(&p.xf, &t, &e) == 1) {
                types |= 1u << t.type;
                if (t.type == IKEV2_TRANS_ENCR) {
                        assert_int_equal(ike_encr_from_v2(t.id), ENCR_AES);
                        struct ike_attr_iter ai = ike_attrs(t.attrs);
                        struct ike_attr a;
                        assert_int_equal(ike_attr_next(&ai, &a, &e), 1);
                        assert_int_equal(a.type, 14);
                        assert_int_equal(a.value, 256);
                }
                if (t.type == IKEV2_TRANS_KE)
                        assert_string_equal(ike_name_of(IKE_REG_DH_GROUP, t.id), "ECP_256");
        }
        assert_int_equal(types, 0x1e);
        struct ike_ke ke;
        assert_int_equal(ike_ke_decode(m.pl[1].body, 2, &ke, &e), 0);
        assert_int_equal(ke.group, 19);
        assert_int_equal(ke.data.len, 64);
        struct ike_notify n;
        assert_int_equal(ike_notify_decode(m.pl[3].body, 2, &n, &e), 0);
        assert_int_equal(n.type, 16388);
        assert_string_equal(ike_notify_name(2, n.type), "NAT_DETECTION_SOURCE_IP");
        assert_int_equal(n.data.len, 20);
        assert_false(ike_notify_is_error(n.type));
        assert_int_equal(ike_notify_decode(m.pl[4].body, 2, &n, &e), 0);
        assert_string_equal(ike_notify_name(2, n.type), "IKEV2_FRAGMENTATION_SUPPORTED");
}

static void v2_sk_and_skf(void **state)
{
        (void)state;
        struct wb w;
        wb_hdr(&w, 0, PL_V2_SK, 0x20, 35, IKE_F_V2_INITIATOR, 1);
        wb_open(&w, PL_V2_IDI, 0); /* SK: next names the first inner payload */
        wb_fill(&w, 0xee, 80);
        wb_close(&w);
        wb_done(&w);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(m.npl, 1);
        assert_int_equal(m.pl[0].type, PL_V2_SK);
        assert_int_equal(m.pl[0].next, PL_V2_IDI);
        assert_int_equal(m.pl[0].body.len, 80);

        wb_hdr(&w, 0, PL_V2_SKF, 0x20, 35, IKE_F_V2_INITIATOR, 1);
        wb_open(&w, PL_V2_IDI, 0);
        wb_u16(&w, 1);
        wb_u16(&w, 3);
        wb_fill(&w, 0xee, 40);
        wb_close(&w);
        wb_done(&w);
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        struct ike_skf f;
        assert_int_equal(ike_skf_decode(m.pl[0].body, &f, &e), 0);
        assert_int_equal(f.number, 1);
        assert_int_equal(f.total, 3);
        assert_int_equal(f.encrypted.len, 40);
        uint8_t bad[4] = {0, 4, 0, 3}; /* fragment 4 of 3 */
        assert_int_equal(ike_skf_decode((struct wire_view){bad, 4}, &f, &e), -1);
        bad[1] = 0; /* fragment 0 */
        assert_int_equal(ike_skf_decode((struct wire_view){bad, 4}, &f, &e), -1);

        /* IKEv1 fragmentation: payload 132, ID, number, flags (last: 1) */
        wb_hdr(&w, 0, PL_V1_FRAG, 0x10, 2, 0, 0);
        wb_open(&w, 0, 0);
        wb_u16(&w, 7);
        wb_u8(&w, 2);
        wb_u8(&w, 1);
        wb_fill(&w, 0xab, 30);
        wb_close(&w);
        wb_done(&w);
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(m.pl[0].type, PL_V1_FRAG);
        struct ike_v1frag vf;
        assert_int_equal(ike_v1frag_decode(m.pl[0].body, &vf, &e), 0);
        assert_int_equal(vf.id, 7);
        assert_int_equal(vf.number, 2);
        assert_true(vf.last);
        assert_int_equal(vf.data.len, 30);
        uint8_t zero[4] = {0, 7, 0, 1}; /* number 0 */
        assert_int_equal(ike_v1frag_decode((struct wire_view){zero, 4}, &vf, &e), -1);
        assert_int_equal(ike_v1frag_decode((struct wire_view){zero, 3}, &vf, &e), -1);
}

static void v1_encrypted(void **state)
{
        (void)state;
        struct wb w;
        wb_hdr(&w, 0, PL_V1_ID, 0x10, 2, IKE_F_V1_ENCRYPTION, 0);
        wb_fill(&w, 0xc3, 64);
        wb_done(&w);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_true(m.encrypted);
        assert_int_equal(m.ciphertext.len, 64);
        assert_int_equal(m.npl, 0);
        assert_int_equal(m.hdr.next, PL_V1_ID);
}

static void malformed_messages(void **state)
{
        (void)state;
        struct wb w;
        struct ike_msg m;
        struct wire_err e;
        build_mm1(&w);
        assert_int_equal(ike_msg_decode(w.b, 27, &m, &e), -1);      /* under a header */
        assert_int_equal(ike_msg_decode(w.b, w.n - 1, &m, &e), -1); /* length past the bytes */
        assert_non_null(strstr(e.what, "message length"));
        /* extra bytes after the declared length are the datagram's, not the message's */
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        w.b[w.n] = 0;
        assert_int_equal(ike_msg_decode(w.b, w.n + 1, &m, &e), 0);
        assert_int_equal(m.extra, 1);

        build_mm1(&w);
        w.b[17] = 0x30; /* major version 3 */
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), -1);
        assert_non_null(strstr(e.what, "major version 3"));

        build_mm1(&w);
        w.b[24 + 3] = 20; /* header length under 28 */
        w.b[24 + 2] = 0;
        w.b[24 + 1] = 0;
        w.b[24] = 0;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), -1);

        build_mm1(&w);
        w.b[28 + 2] = 0; /* the SA payload's length: 3 */
        w.b[28 + 3] = 3;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), -1);
        assert_int_equal(e.off, 28);
        build_mm1(&w);
        w.b[28 + 2] = 0xff; /* past the message */
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), -1);

        /* the last payload says another follows, and nothing is left */
        build_mm1(&w);
        w.b[w.n - 24] = PL_V1_VID;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), -1);
        assert_non_null(strstr(e.what, "under a payload header"));

        /* next = 0 before the end: the rest is trailing, kept and counted */
        build_mm1(&w);
        w.b[28] = 0;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(m.npl, 1);
        assert_true(m.trailing > 0);
}

static void too_many_payloads(void **state)
{
        (void)state;
        struct wb w;
        wb_hdr(&w, 1, PL_V1_VID, 0x10, 2, 0, 0);
        for (int i = 0; i < 100; i++) {
                wb_open(&w, i == 99 ? 0 : PL_V1_VID, 0);
                wb_u8(&w, (unsigned)i);
                wb_close(&w);
        }
        wb_done(&w);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(m.npl, IKE_MAX_PAYLOADS);
        assert_int_equal(m.npl_seen, 100);
}

static void malformed_sa(void **state)
{
        (void)state;
        struct wb w;
        struct ike_msg m;
        struct wire_err e;
        struct ike_sa_iter sa;
        struct ike_proposal p;
        /* transform count 3 where 2 are there */
        build_mm1(&w);
        w.b[28 + 4 + 8 + 7] = 3;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(ike_sa_open(m.pl[0].body, 1, &sa, &e), 0);
        assert_int_equal(ike_proposal_next(&sa, &p, &e), -1);
        assert_non_null(strstr(e.what, "3 transforms declared, 2 there"));
        /* a proposal whose last-substructure field is neither 0 nor 2 */
        build_mm1(&w);
        w.b[28 + 4 + 8] = 7;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(ike_sa_open(m.pl[0].body, 1, &sa, &e), 0);
        assert_int_equal(ike_proposal_next(&sa, &p, &e), -1);
        /* SPI size past the proposal */
        build_mm1(&w);
        w.b[28 + 4 + 8 + 6] = 200;
        assert_int_equal(ike_msg_decode(w.b, w.n, &m, &e), 0);
        assert_int_equal(ike_sa_open(m.pl[0].body, 1, &sa, &e), 0);
        assert_int_equal(ike_proposal_next(&sa, &p, &e), -1);
        /* SA body under DOI + situation */
        struct wire_view v = {w.b, 7};
        assert_int_equal(ike_sa_open(v, 1, &sa, &e), -1);
        /* a TLV attribute whose length runs past the transform */
        uint8_t attrs[] = {0x00, 0x0c, 0x00, 0x08, 1, 2, 3, 4};
        struct ike_attr_iter ai = ike_attrs((struct wire_view){attrs, sizeof(attrs)});
        struct ike_attr a;
        assert_int_equal(ike_attr_next(&ai, &a, &e), -1);
        assert_int_equal(ike_attr_next(&ai, &a, &e), 0); /* and stays stopped */
        uint8_t half[] = {0x80, 0x01, 0x00};
        ai = ike_attrs((struct wire_view){half, sizeof(half)});
        assert_int_equal(ike_attr_next(&ai, &a, &e), -1);
        /* a TLV of 8 bytes: data only, no value */
        uint8_t big[] = {0x00, 0x0c, 0x00, 0x08, 0, 0, 0, 1, 0, 0, 0, 2};
        ai = ike_attrs((struct wire_view){big, sizeof(big)});
        assert_int_equal(ike_attr_next(&ai, &a, &e), 1);
        assert_false(a.value_ok);
        assert_int_equal(a.data.len, 8);
}

static void v1_notify_delete_id(void **state)
{
        (void)state;
        /* INVALID-ID-INFORMATION (18) about ISAKMP SA 1111../2222.. */
        uint8_t nb[8 + 16];
        struct wb w;
        w.n = 0;
        wb_u32(&w, 1);
        wb_u8(&w, 1);
        wb_u8(&w, 16);
        wb_u16(&w, 18);
        wb_fill(&w, 0x11, 8);
        wb_fill(&w, 0x22, 8);
        memcpy(nb, w.b, w.n);
        struct ike_notify n;
        struct wire_err e;
        assert_int_equal(ike_notify_decode((struct wire_view){nb, 24}, 1, &n, &e), 0);
        assert_int_equal(n.doi, 1);
        assert_int_equal(n.type, 18);
        assert_string_equal(ike_notify_name(1, n.type), "INVALID-ID-INFORMATION");
        assert_true(ike_notify_is_error(n.type));
        assert_int_equal(n.spi.len, 16);
        assert_int_equal(n.data.len, 0);
        assert_int_equal(ike_notify_decode((struct wire_view){nb, 23}, 1, &n, &e), -1);
        assert_int_equal(ike_notify_decode((struct wire_view){nb, 20}, 1, &n, &e), -1);
        assert_int_equal(ike_notify_decode((struct wire_view){nb, 5}, 1, &n, &e), -1);
        assert_string_equal(ike_notify_name(1, 36136), "R-U-THERE");
        assert_string_equal(ike_notify_name(1, 24578), "INITIAL-CONTACT");
        assert_string_equal(ike_notify_name(2, 38), "TS_UNACCEPTABLE");
        assert_null(ike_notify_name(2, 2));

        /* delete two ESP SPIs */
        w.n = 0;
        wb_u32(&w, 1);
        wb_u8(&w, 3);
        wb_u8(&w, 4);
        wb_u16(&w, 2);
        wb_u32(&w, 0xc254fe64);
        wb_u32(&w, 0x070883c2);
        struct ike_delete d;
        assert_int_equal(ike_delete_decode((struct wire_view){w.b, w.n}, 1, &d, &e), 0);
        assert_int_equal(d.nspi, 2);
        assert_int_equal(d.spis.len, 8);
        assert_int_equal(d.spis.p[4], 0x07);
        assert_int_equal(ike_delete_decode((struct wire_view){w.b, w.n - 1}, 1, &d, &e), -1);
        /* IKEv2: no DOI */
        assert_int_equal(ike_delete_decode((struct wire_view){w.b + 4, w.n - 4}, 2, &d, &e), 0);
        assert_int_equal(d.proto, 3);

        /* Quick Mode ID: 10.1.1.0/255.255.255.0, any protocol */
        w.n = 0;
        wb_u8(&w, IKEV1_ID_IPV4_ADDR_SUBNET);
        wb_u8(&w, 0);
        wb_u16(&w, 0);
        wb_u32(&w, 0x0a010100);
        wb_u32(&w, 0xffffff00);
        struct ike_id id;
        assert_int_equal(ike_id_decode((struct wire_view){w.b, w.n}, 1, &id, &e), 0);
        assert_int_equal(id.af, 4);
        assert_true(id.has_b);
        assert_int_equal(id.a[2], 1);
        assert_int_equal(id.b[3], 0);
        assert_int_equal(ike_identity_from_v1(id.type), IDENT_ADDRESS);
        assert_int_equal(ike_id_decode((struct wire_view){w.b, w.n - 1}, 1, &id, &e), -1);
        /* phase 1 FQDN with protocol UDP port 500 */
        w.n = 0;
        wb_u8(&w, IKEV1_ID_FQDN);
        wb_u8(&w, 17);
        wb_u16(&w, 500);
        wb_bytes(&w, "vpn.example", 11);
        assert_int_equal(ike_id_decode((struct wire_view){w.b, w.n}, 1, &id, &e), 0);
        assert_int_equal(id.proto, 17);
        assert_int_equal(id.port, 500);
        assert_int_equal(id.data.len, 11);
        assert_int_equal(id.af, 0);
        assert_int_equal(ike_id_decode((struct wire_view){w.b, 3}, 1, &id, &e), -1);
        /* NAT-OA */
        uint8_t oa[] = {1, 0, 0, 0, 192, 168, 1, 10};
        struct ike_natoa na;
        assert_int_equal(ike_natoa_decode((struct wire_view){oa, 8}, &na, &e), 0);
        assert_int_equal(na.addr[3], 10);
        assert_int_equal(ike_natoa_decode((struct wire_view){oa, 7}, &na, &e), -1);
}

static void v2_ts_cp_eap_auth(void **state)
{
        (void)state;
        struct wb w;
        struct wire_err e;
        w.n = 0;
        wb_u8(&w, 2); /* two selectors */
        wb_fill(&w, 0, 3);
        wb_u8(&w, 7); /* IPv4 range */
        wb_u8(&w, 0);
        wb_u16(&w, 16);
        wb_u16(&w, 0);
        wb_u16(&w, 65535);
        wb_u32(&w, 0x0a000000);
        wb_u32(&w, 0x0a0000ff);
        wb_u8(&w, 8); /* IPv6 range */
        wb_u8(&w, 17);
        wb_u16(&w, 40);
        wb_u16(&w, 500);
        wb_u16(&w, 500);
        wb_fill(&w, 0x20, 16);
        wb_fill(&w, 0x21, 16);
        struct ike_ts_iter it;
        struct ike_ts ts;
        assert_int_equal(ike_ts_open((struct wire_view){w.b, w.n}, &it, &e), 0);
        assert_int_equal(ike_ts_next(&it, &ts, &e), 1);
        assert_int_equal(ts.af, 4);
        assert_int_equal(ts.eport, 65535);
        assert_int_equal(ts.end[3], 0xff);
        assert_int_equal(ike_ts_next(&it, &ts, &e), 1);
        assert_int_equal(ts.af, 6);
        assert_int_equal(ts.proto, 17);
        assert_int_equal(ike_ts_next(&it, &ts, &e), 0);
        /* count 3, two there */
        w.b[0] = 3;
        assert_int_equal(ike_ts_open((struct wire_view){w.b, w.n}, &it, &e), 0);
        assert_int_equal(ike_ts_next(&it, &ts, &e), 1);
        assert_int_equal(ike_ts_next(&it, &ts, &e), 1);
        assert_int_equal(ike_ts_next(&it, &ts, &e), -1);
        /* count 1, bytes after it */
        w.b[0] = 1;
        assert_int_equal(ike_ts_open((struct wire_view){w.b, w.n}, &it, &e), 0);
        assert_int_equal(ike_ts_next(&it, &ts, &e), 1);
        assert_int_equal(ike_ts_next(&it, &ts, &e), -1);
        /* IPv4 selector of the wrong length */
        w.b[0] = 1;
        w.b[7] = 20;
        assert_int_equal(ike_ts_open((struct wire_view){w.b, w.n}, &it, &e), 0);
        assert_int_equal(ike_ts_next(&it, &ts, &e), -1);

        /* CP reply: INTERNAL_IP4_ADDRESS 10.9.0.2, INTERNAL_IP4_DNS empty */
        w.n = 0;
        wb_u8(&w, 2);
        wb_fill(&w, 0, 3);
        wb_u16(&w, 1);
        wb_u16(&w, 4);
        wb_u32(&w, 0x0a090002);
        wb_u16(&w, 3);
        wb_u16(&w, 0);
        struct ike_cfg c;
        assert_int_equal(ike_cfg_decode((struct wire_view){w.b, w.n}, 2, &c, &e), 0);
        assert_int_equal(c.type, 2);
        struct rd r = rd_view(c.attrs);
        struct ike_cp_attr ca;
        assert_int_equal(ike_cp_attr_next(&r, &ca, &e), 1);
        assert_string_equal(ike_cfg_attr_name(2, ca.type), "INTERNAL_IP4_ADDRESS");
        assert_int_equal(ca.value.len, 4);
        assert_int_equal(ike_cp_attr_next(&r, &ca, &e), 1);
        assert_int_equal(ca.value.len, 0);
        assert_int_equal(ike_cp_attr_next(&r, &ca, &e), 0);
        w.b[w.n - 1] = 9; /* DNS attribute of 9 bytes: not there */
        r = rd_view((struct wire_view){w.b + 4, w.n - 4});
        assert_int_equal(ike_cp_attr_next(&r, &ca, &e), 1);
        assert_int_equal(ike_cp_attr_next(&r, &ca, &e), -1);

        /* IKEv1 Mode-Config: XAUTH request, identifier 0x1234, USER-NAME and
         * USER-PASSWORD asked (TLV of length 0) */
        w.n = 0;
        wb_u8(&w, 1);
        wb_u8(&w, 0);
        wb_u16(&w, 0x1234);
        wb_u16(&w, 16521);
        wb_u16(&w, 0);
        wb_u16(&w, 16522);
        wb_u16(&w, 0);
        assert_int_equal(ike_cfg_decode((struct wire_view){w.b, w.n}, 1, &c, &e), 0);
        assert_int_equal(c.identifier, 0x1234);
        struct ike_attr_iter ai = ike_attrs(c.attrs);
        struct ike_attr a;
        assert_int_equal(ike_attr_next(&ai, &a, &e), 1);
        assert_string_equal(ike_cfg_attr_name(1, a.type), "XAUTH-USER-NAME");
        assert_int_equal(ike_attr_next(&ai, &a, &e), 1);
        assert_string_equal(ike_cfg_attr_name(1, a.type), "XAUTH-USER-PASSWORD");
        assert_int_equal(ike_cfg_decode((struct wire_view){w.b, 3}, 1, &c, &e), -1);

        /* EAP Request/Identity */
        uint8_t eap[] = {1, 7, 0, 5, 1};
        struct ike_eap ep;
        assert_int_equal(ike_eap_decode((struct wire_view){eap, 5}, &ep, &e), 0);
        assert_true(ep.has_type);
        assert_int_equal(ep.type, 1);
        eap[3] = 9;
        assert_int_equal(ike_eap_decode((struct wire_view){eap, 5}, &ep, &e), -1);
        uint8_t succ[] = {3, 7, 0, 4}; /* Success: no type */
        assert_int_equal(ike_eap_decode((struct wire_view){succ, 4}, &ep, &e), 0);
        assert_false(ep.has_type);

        /* AUTH: PSK, 32 bytes */
        w.n = 0;
        wb_u8(&w, 2);
        wb_fill(&w, 0, 3);
        wb_fill(&w, 0xab, 32);
        struct ike_auth_pl au;
        assert_int_equal(ike_auth_decode((struct wire_view){w.b, w.n}, &au, &e), 0);
        assert_int_equal(ike_v2auth_from_wire(au.method), V2AUTH_PSK);
        assert_int_equal(au.data.len, 32);
        assert_int_equal(ike_auth_decode((struct wire_view){w.b, 3}, &au, &e), -1);
        /* CERT */
        struct ike_cert ce;
        assert_int_equal(ike_cert_decode((struct wire_view){w.b, 1}, &ce, &e), 0);
        assert_int_equal(ce.data.len, 0);
        assert_int_equal(ike_cert_decode((struct wire_view){w.b, 0}, &ce, &e), -1);
        assert_string_equal(ike_cert_encoding_name(4), "X.509 Certificate - Signature");
        /* KE v2 under its fixed part */
        struct ike_ke ke;
        assert_int_equal(ike_ke_decode((struct wire_view){w.b, 3}, 2, &ke, &e), -1);
        assert_int_equal(ike_ke_decode((struct wire_view){w.b, 3}, 1, &ke, &e), 0);
        assert_int_equal(ke.data.len, 3);
}

static void names(void **state)
{
        (void)state;
        assert_true(ike_names_sorted());
        assert_string_equal(ike_payload_name(1, 20), "NAT-D");
        assert_string_equal(ike_payload_name(2, 46), "Encrypted and Authenticated");
        assert_string_equal(ike_payload_name(2, 53), "Encrypted and Authenticated Fragment");
        assert_null(ike_payload_name(2, 1));
        assert_string_equal(ike_exchange_name(32), "Quick Mode");
        assert_string_equal(ike_exchange_name(37), "INFORMATIONAL");
        assert_string_equal(ike_exchange_name(6), "Transaction (Config Mode)");
        assert_string_equal(ike_proto_name(1, 3), "IPSEC_ESP");
        assert_string_equal(ike_v1_attr_name(true, 4), "Group-Description");
        assert_string_equal(ike_v1_attr_name(false, 4), "Encapsulation-Mode");
        assert_string_equal(ike_encap_mode_name(3), "UDP-Encapsulated-Tunnel");
        assert_string_equal(ike_encap_mode_name(61443), "UDP-Encapsulated-Tunnel (draft)");
        assert_string_equal(ike_cfg_attr_name(1, 28676), "UNITY_SPLIT_INCLUDE");
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(v1_main_mode),
            cmocka_unit_test(vids),
            cmocka_unit_test(v2_sa_init),
            cmocka_unit_test(v2_sk_and_skf),
            cmocka_unit_test(v1_encrypted),
            cmocka_unit_test(malformed_messages),
            cmocka_unit_test(too_many_payloads),
            cmocka_unit_test(malformed_sa),
            cmocka_unit_test(v1_notify_delete_id),
            cmocka_unit_test(v2_ts_cp_eap_auth),
            cmocka_unit_test(names),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
