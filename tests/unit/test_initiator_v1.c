/*
 * The IKEv1 initiator's pieces (src/initiator/v1_*, src/crypto/dh.c)
 * against a real charon session: its keys (crypto_kat_charon.h) and its
 * messages (v1_kat_charon.h, the same session's capture). HASH_I, HASH_R
 * and HASH(1)/(2)/(3) computed here must equal the ones the two charons
 * sent; our reader must decrypt their messages along the IV chain; our
 * builder must write charon's own MM5 byte for byte. Then the reader on
 * our own messages, a wrong key, and Diffie-Hellman agreement.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "crypto/dh.h"
#include "crypto/kdf_v1.h"
#include "initiator/v1_int.h"
#include "initiator/v1_keys.h"
#include "initiator/v1_msg.h"
#include "initiator/v1_reply.h"

#include "crypto_kat_charon.h"
#include "v1_kat_charon.h"

#define S(p, n) ((struct cspan){(p), (n)})

static struct v1_keys keys(const char *psk)
{
        struct v1_keys k;
        struct cipher_spec cs;
        assert_true(cipher_from_ikev1(7, 128, &cs));
        assert_int_equal(v1_keys_derive(&k, CH_SHA256, &cs, (const uint8_t *)psk, strlen(psk),
                                        S(v1_ni, sizeof(v1_ni)), S(v1_nr, sizeof(v1_nr)),
                                        S(v1_gxy, sizeof(v1_gxy)), v1_ckyi, v1_ckyr,
                                        S(v1_gxi, sizeof(v1_gxi)), S(v1_gxr, sizeof(v1_gxr))),
                         0);
        return k;
}

static void derive_charon(void **state)
{
        (void)state;
        struct v1_keys k = keys("shared-secret-1");
        assert_memory_equal(k.skeyid, v1_skeyid, 32);
        assert_memory_equal(k.d, v1_skeyid_d, 32);
        assert_memory_equal(k.a, v1_skeyid_a, 32);
        assert_memory_equal(k.e, v1_skeyid_e, 32);
        assert_memory_equal(k.ka, v1_ka, 16);
        assert_memory_equal(k.iv, v1_iv, 16);
        v1_keys_wipe(&k);
        assert_int_equal(k.hl, 0);
}

/* MM1's SA payload body: the first payload after the header. */
static struct cspan sai_b(void)
{
        assert_int_equal(kat_mm1[16], 1);
        size_t len = (size_t)kat_mm1[30] << 8 | kat_mm1[31];
        return S(kat_mm1 + 32, len - 4);
}

static uint8_t plain[2048];

/* MM5 -> MM6 -> QM1 -> QM2 -> QM3 along the IV chain, every hash checked. */
static void charon_exchange(void **state)
{
        (void)state;
        struct v1_keys k = keys("shared-secret-1");
        struct v1_reply r;
        struct wire_err e;
        uint8_t h[32], iv[16];
        struct cspan gxi = S(v1_gxi, sizeof(v1_gxi)), gxr = S(v1_gxr, sizeof(v1_gxr));
        /* MM5: IDii, HASH_I */
        assert_int_equal(v1_reply_read(kat_mm5, sizeof(kat_mm5), v1_ckyi, &k, k.iv, plain,
                                       sizeof(plain), &r, &e),
                         0);
        assert_true(r.encrypted && r.decrypted && r.has_hash && r.nid == 1);
        assert_int_equal(
            v1_hash_p1(&k, true, gxi, gxr, v1_ckyi, v1_ckyr, sai_b(), S(r.id[0].p, r.id[0].len), h),
            0);
        assert_memory_equal(h, r.hash.p, 32);
        assert_memory_equal(r.next_iv, kat_mm5 + sizeof(kat_mm5) - 16, 16);
        /* our builder writes the same ID and HASH_I (charon adds an
         * INITIAL-CONTACT notify, which a test tool must not send: it would
         * make the responder delete the SAs of a real peer with our ID) */
        uint8_t mm5_plain[48];
        memcpy(mm5_plain, plain, sizeof(mm5_plain));
        struct v1_id id = {0};
        id.type = r.id[0].p[0];
        id.proto = r.id[0].p[1];
        id.port = (uint16_t)(r.id[0].p[2] << 8 | r.id[0].p[3]);
        id.len = r.id[0].len - 4;
        memcpy(id.data, r.id[0].p + 4, id.len);
        uint8_t out[512], hi[32];
        memcpy(hi, h, 32);
        struct v1_keys k2 = keys("shared-secret-1");
        size_t n = v1m_mm5(&k2, v1_ckyi, v1_ckyr, &id, hi, out, sizeof(out));
        assert_int_equal(n, 28 + 48); /* ID 12 + HASH 36: three whole blocks */
        struct v1_keys k3 = keys("shared-secret-1");
        assert_int_equal(v1_reply_read(out, n, v1_ckyi, &k3, k3.iv, plain, sizeof(plain), &r, &e),
                         0);
        assert_true(r.decrypted);
        mm5_plain[12] = 0; /* charon's HASH is followed by its notify */
        assert_memory_equal(plain, mm5_plain, 48);
        assert_memory_equal(k2.iv, out + n - 16, 16);
        memcpy(k.iv, kat_mm5 + sizeof(kat_mm5) - 16, 16);
        /* MM6: IDir, HASH_R */
        assert_int_equal(v1_reply_read(kat_mm6, sizeof(kat_mm6), v1_ckyi, &k, k.iv, plain,
                                       sizeof(plain), &r, &e),
                         0);
        assert_true(r.decrypted && r.has_hash && r.nid == 1);
        assert_int_equal(v1_hash_p1(&k, false, gxi, gxr, v1_ckyi, v1_ckyr, sai_b(),
                                    S(r.id[0].p, r.id[0].len), h),
                         0);
        assert_memory_equal(h, r.hash.p, 32);
        memcpy(k.iv, r.next_iv, 16);
        /* QM1: HASH(1) over SA, Ni, IDci, IDcr */
        uint32_t mid = (uint32_t)kat_qm1[20] << 24 | (uint32_t)kat_qm1[21] << 16 |
                       (uint32_t)kat_qm1[22] << 8 | kat_qm1[23];
        assert_int_equal(v1_iv_p2(&k, mid, iv), 0);
        assert_int_equal(
            v1_reply_read(kat_qm1, sizeof(kat_qm1), v1_ckyi, &k, iv, plain, sizeof(plain), &r, &e),
            0);
        assert_true(r.decrypted && r.hash_first && r.has_sa && r.has_nonce && r.nid == 2);
        assert_int_equal(r.sa_proto, 3);
        assert_int_equal(r.esp_id, 12);
        assert_int_equal(r.esp_keylen, 128);
        assert_int_equal(r.esp_auth, 5);
        assert_int_equal(r.esp_encap, 3); /* charon forced UDP encapsulation */
        assert_int_equal(v1_hash_12(&k, mid, S(NULL, 0), v1_reply_after_hash(&r), h), 0);
        assert_memory_equal(h, r.hash.p, 32);
        uint8_t ni[32];
        assert_int_equal(r.nonce.len, 32);
        memcpy(ni, r.nonce.p, 32);
        memcpy(iv, r.next_iv, 16);
        /* QM2: HASH(2) = prf(SKEYID_a, M-ID | Ni_b | ...) */
        assert_int_equal(
            v1_reply_read(kat_qm2, sizeof(kat_qm2), v1_ckyi, &k, iv, plain, sizeof(plain), &r, &e),
            0);
        assert_true(r.decrypted && r.has_sa && r.sa_transforms == 1);
        assert_int_equal(v1_hash_12(&k, mid, S(ni, 32), v1_reply_after_hash(&r), h), 0);
        assert_memory_equal(h, r.hash.p, 32);
        uint8_t nr[32];
        memcpy(nr, r.nonce.p, 32);
        memcpy(iv, r.next_iv, 16);
        /* QM3: HASH(3), and our QM3 is charon's */
        uint8_t iv3[16];
        memcpy(iv3, iv, 16);
        assert_int_equal(
            v1_reply_read(kat_qm3, sizeof(kat_qm3), v1_ckyi, &k, iv, plain, sizeof(plain), &r, &e),
            0);
        assert_true(r.decrypted && r.has_hash);
        assert_int_equal(v1_hash_3(&k, mid, S(ni, 32), S(nr, 32), h), 0);
        assert_memory_equal(h, r.hash.p, 32);
        n = v1m_qm3(&k, iv3, v1_ckyi, v1_ckyr, mid, ni, 32, nr, 32, out, sizeof(out));
        assert_int_equal(n, sizeof(kat_qm3));
        assert_memory_equal(out, kat_qm3, n);
}

/* MM3's first NAT-D is the hash of the responder's address and port
 * (RFC 3947 3.2), computed by charon. */
static void natd_charon(void **state)
{
        (void)state;
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(kat_mm3, sizeof(kat_mm3), &m, &e), 0);
        const struct ike_payload *pl = ike_msg_find(&m, 20);
        assert_non_null(pl);
        uint8_t b[4] = {198, 51, 100, 2}, h[32];
        assert_int_equal(v1_natd(CH_SHA256, v1_ckyi, v1_ckyr, b, 4, 500, h), 0);
        assert_int_equal(pl->body.len, 32);
        assert_memory_equal(h, pl->body.p, 32);
}

/* Another PSK: the reader says "not decrypted", never a wrong payload. */
static void wrong_psk(void **state)
{
        (void)state;
        struct v1_keys k = keys("another-secret");
        struct v1_reply r;
        struct wire_err e;
        assert_int_equal(v1_reply_read(kat_mm5, sizeof(kat_mm5), v1_ckyi, &k, k.iv, plain,
                                       sizeof(plain), &r, &e),
                         0);
        assert_true(r.encrypted);
        assert_false(r.decrypted);
        assert_false(r.has_hash);
        /* another cookie: not ours */
        uint8_t other[8] = {1};
        assert_int_equal(
            v1_reply_read(kat_mm5, sizeof(kat_mm5), other, &k, k.iv, plain, sizeof(plain), &r, &e),
            1);
}

/* Our QM1 and delete read back: HASH(1) verifies, the offer is there. */
static void own_messages(void **state)
{
        (void)state;
        struct v1_keys k = keys("shared-secret-1");
        struct v1_esp_xf xf[2] = {{12, 256, 5}, {3, 0, 2}};
        struct v1_qm_offer o = {{0x11, 0x22, 0x33, 0x44}, xf, 2, 14, 3600, 0, 3};
        struct v1_id ci = {4, 0, 0, {10, 1, 0, 0, 255, 255, 0, 0}, 8};
        struct v1_id cr = {4, 0, 0, {10, 2, 0, 0, 255, 255, 0, 0}, 8};
        uint8_t ni[32] = {7}, ke[256] = {9}, out[1024], iv[16], iv0[16], h[32];
        uint32_t mid = 0x01020304;
        assert_int_equal(v1_iv_p2(&k, mid, iv), 0);
        memcpy(iv0, iv, 16);
        size_t n =
            v1m_qm1(&k, iv, v1_ckyi, v1_ckyr, mid, &o, ni, 32, ke, 256, &ci, &cr, out, sizeof(out));
        assert_true(n > 28 && (n - 28) % 16 == 0);
        assert_memory_equal(iv, out + n - 16, 16); /* the chain moved to QM1's last block */
        struct v1_reply r;
        struct wire_err e;
        assert_int_equal(v1_reply_read(out, n, v1_ckyi, &k, iv0, plain, sizeof(plain), &r, &e), 0);
        assert_true(r.decrypted && r.hash_first && r.has_ke && r.nid == 2);
        assert_int_equal(r.sa_transforms, 2);
        assert_int_equal(r.esp_id, 12);
        assert_int_equal(r.esp_keylen, 256);
        assert_int_equal(r.esp_group, 14);
        assert_int_equal(r.esp_life_s, 3600);
        assert_memory_equal(r.spi, o.spi, 4);
        assert_int_equal(v1_hash_12(&k, mid, S(NULL, 0), v1_reply_after_hash(&r), h), 0);
        assert_memory_equal(h, r.hash.p, 32);
        /* a delete of the ISAKMP SA */
        uint8_t c[16];
        memcpy(c, v1_ckyi, 8);
        memcpy(c + 8, v1_ckyr, 8);
        n = v1m_delete(&k, v1_ckyi, v1_ckyr, 77, 1, c, 16, out, sizeof(out));
        assert_int_equal(v1_iv_p2(&k, 77, iv), 0);
        assert_int_equal(v1_reply_read(out, n, v1_ckyi, &k, iv, plain, sizeof(plain), &r, &e), 0);
        assert_true(r.decrypted);
        assert_int_equal(r.ndel, 1);
        assert_int_equal(r.del[0].proto, 1);
        assert_int_equal(r.del[0].spi_size, 16);
        assert_int_equal(v1_hash_12(&k, 77, S(NULL, 0), v1_reply_after_hash(&r), h), 0);
        assert_memory_equal(h, r.hash.p, 32);
}

/* MM1 and MM3 as built: the SA body offsets, the VID, NAT-D. */
static void clear_messages(void **state)
{
        (void)state;
        struct ike_v1_xform x[2] = {{7, 256, 4, 1, 14, 28800}, {5, 0, 2, 1, 2, 0}};
        uint8_t out[1024], cky[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        size_t off = 0, len = 0;
        size_t n = v1m_mm1(cky, x, 2, true, out, sizeof(out), &off, &len);
        struct ike_msg m;
        struct wire_err e;
        assert_int_equal(ike_msg_decode(out, n, &m, &e), 0);
        assert_int_equal(m.npl, 2);
        assert_int_equal(m.pl[0].type, 1);
        assert_int_equal(off, m.pl[0].offset + 4);
        assert_int_equal(len, m.pl[0].body.len);
        assert_int_equal(m.pl[1].type, 13);
        assert_memory_equal(m.pl[1].body.p, v1_vid_rfc3947, 16);
        assert_int_equal(v1m_mm1(cky, x, 2, false, out, 40, &off, &len), 0); /* does not fit */
        uint8_t ke[256] = {1}, nonce[32] = {2}, d1[32] = {3}, d2[32] = {4};
        n = v1m_mm3(cky, cky, ke, 256, nonce, 32, d1, d2, 32, out, sizeof(out));
        assert_int_equal(ike_msg_decode(out, n, &m, &e), 0);
        assert_int_equal(m.npl, 4);
        assert_int_equal(m.pl[2].type, 20);
        assert_memory_equal(m.pl[2].body.p, d1, 32);
        assert_memory_equal(m.pl[3].body.p, d2, 32);
}

/* A Transaction exchange (XAUTH request) after Main Mode, encrypted under
 * its own phase-2 IV: match_v1 takes it while Quick Mode waits; one under
 * another IV, or while Main Mode waits, is ignored. */
static void xauth_transaction(void **state)
{
        (void)state;
        static struct v1_run x;
        memset(&x, 0, sizeof(x));
        x.k = keys("shared-secret-1");
        x.have_keys = true;
        memcpy(x.ckyi, v1_ckyi, 8);
        memcpy(x.ckyr, v1_ckyr, 8);
        x.want_x = 32;
        x.want_mid = 1;
        uint8_t msg[256], iv[16];
        struct ike_wb w;
        ike_wb_init(&w, msg, sizeof(msg));
        ike_wb_header(&w, 1, v1_ckyi, v1_ckyr, 6, 0, 99);
        uint8_t hash[32] = {0};
        ike_wb_raw(&w, 8, hash, 32);
        size_t at = ike_wb_begin(&w, 14, false);
        ike_wb_u8(&w, 1); /* ISAKMP_CFG_REQUEST */
        ike_wb_u8(&w, 0);
        ike_wb_u16(&w, 7);
        ike_wb_attr_tlv(&w, 16521, NULL, 0); /* XAUTH-USER-NAME */
        ike_wb_attr_tlv(&w, 16522, NULL, 0); /* XAUTH-USER-PASSWORD */
        ike_wb_end(&w, at);
        size_t len = 0, ct = 0;
        assert_int_equal(ike_wb_finish(&w, &len), 0);
        assert_int_equal(v1_iv_p2(&x.k, 99, iv), 0);
        assert_int_equal(v1_encrypt(&x.k, iv, msg + 28, len - 28, msg + 28, sizeof(msg) - 28, &ct),
                         0);
        len = 28 + ct;
        msg[19] |= 1;
        msg[27] = (uint8_t)len;
        assert_true(match_v1(&x, msg, len));
        assert_true(x.rep.decrypted && x.rep.has_attr);
        x.want_x = 2; /* Main Mode waits: not an answer */
        assert_false(match_v1(&x, msg, len));
        x.want_x = 32;
        x.k.iv[0] ^= 1; /* another phase-1 IV: does not decrypt */
        assert_false(match_v1(&x, msg, len));
}

/* Both ends agree; values a responder could send to break us are refused. */
static void dh_agree(void **state)
{
        (void)state;
        static const unsigned groups[] = {1, 2, 5, 14, 19, 20, 21, 31};
        for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
                struct dh_key *a = dh_new(groups[i]), *b = dh_new(groups[i]);
                assert_non_null(a);
                assert_non_null(b);
                uint8_t pa[DH_MAX_LEN], pb[DH_MAX_LEN], sa[DH_MAX_LEN], sb[DH_MAX_LEN];
                size_t la = dh_public(a, pa, sizeof(pa)), lb = dh_public(b, pb, sizeof(pb));
                size_t na = 0, nb = 0;
                assert_int_equal(la, dh_pub_len(groups[i]));
                assert_int_equal(dh_shared(a, pb, lb, sa, sizeof(sa), &na), 0);
                assert_int_equal(dh_shared(b, pa, la, sb, sizeof(sb), &nb), 0);
                assert_int_equal(na, nb);
                assert_memory_equal(sa, sb, na);
                assert_int_equal(dh_shared(a, pb, lb - 1, sa, sizeof(sa), &na), -1);
                memset(pb, 0, lb); /* 0 for MODP, the point at infinity / all-zero X25519 */
                assert_int_equal(dh_shared(a, pb, lb, sa, sizeof(sa), &na), -1);
                if (groups[i] < 19) { /* 1 and p-1 (RFC 2631 2.1.5) */
                        pb[lb - 1] = 1;
                        assert_int_equal(dh_shared(a, pb, lb, sa, sizeof(sa), &na), -1);
                } else if (groups[i] != 31) { /* a point off the curve */
                        memset(pb, 0x42, lb);
                        assert_int_equal(dh_shared(a, pb, lb, sa, sizeof(sa), &na), -1);
                }
                dh_free(a);
                dh_free(b);
        }
        assert_null(dh_new(99));
        assert_int_equal(dh_pub_len(99), 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(derive_charon), cmocka_unit_test(charon_exchange),
            cmocka_unit_test(natd_charon),   cmocka_unit_test(wrong_psk),
            cmocka_unit_test(own_messages),  cmocka_unit_test(clear_messages),
            cmocka_unit_test(dh_agree),      cmocka_unit_test(xauth_transaction),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
