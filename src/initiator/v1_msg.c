/* An IKEv1 initiator's messages (v1_msg.h). */
#include <string.h>

#include "v1_msg.h"

/* MD5("RFC 3947"), RFC 3947 5 */
const uint8_t v1_vid_rfc3947[16] = {0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45,
                                    0x5c, 0x57, 0x28, 0xf2, 0x0e, 0x95, 0x45, 0x2f};

enum { X_MM = 2, X_INFO = 5, X_QM = 32 };

size_t v1m_mm1(const uint8_t ckyi[8], const struct ike_v1_xform *x, size_t n, bool natt,
               uint8_t *buf, size_t cap, size_t *sa_off, size_t *sa_len)
{
        static const uint8_t zero[8] = {0};
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, ckyi, zero, X_MM, 0, 0);
        size_t sa = w.len;
        ike_wb_v1_sa(&w, x, n);
        size_t sa_end = w.len;
        if (natt)
                ike_wb_raw(&w, 13, v1_vid_rfc3947, sizeof(v1_vid_rfc3947));
        if (ike_wb_finish(&w, &len))
                return 0;
        *sa_off = sa + 4;
        *sa_len = sa_end - sa - 4;
        return len;
}

size_t v1m_mm3(const uint8_t ckyi[8], const uint8_t ckyr[8], const uint8_t *ke, size_t kelen,
               const uint8_t *ni, size_t nilen, const uint8_t *natd_peer, const uint8_t *natd_me,
               size_t natd_len, uint8_t *buf, size_t cap)
{
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, ckyi, ckyr, X_MM, 0, 0);
        ike_wb_ke(&w, 1, 0, ke, kelen);
        ike_wb_raw(&w, 10, ni, nilen);
        if (natd_len) {
                ike_wb_raw(&w, 20, natd_peer, natd_len);
                ike_wb_raw(&w, 20, natd_me, natd_len);
        }
        return ike_wb_finish(&w, &len) ? 0 : len;
}

size_t v1m_id_body(const struct v1_id *id, uint8_t *out, size_t cap)
{
        if (cap < 4 + id->len || id->len > sizeof(id->data))
                return 0;
        out[0] = id->type;
        out[1] = id->proto;
        out[2] = (uint8_t)(id->port >> 8);
        out[3] = (uint8_t)id->port;
        memcpy(out + 4, id->data, id->len);
        return 4 + id->len;
}

static void put_id(struct ike_wb *w, const struct v1_id *id)
{
        ike_wb_v1_id(w, id->type, id->proto, id->port, id->data, id->len);
}

/* Encrypts everything after the header in place, sets the E flag and the
 * length (RFC 2408 3.1). 0 on failure. */
static size_t seal(struct v1_keys *k, uint8_t *iv, struct ike_wb *w)
{
        size_t len = 0, ct = 0;
        if (ike_wb_finish(w, &len))
                return 0;
        uint8_t *p = w->p;
        if (v1_encrypt(k, iv, p + 28, len - 28, p + 28, w->cap - 28, &ct))
                return 0;
        len = 28 + ct;
        p[19] |= 0x01;
        p[24] = (uint8_t)(len >> 24);
        p[25] = (uint8_t)(len >> 16);
        p[26] = (uint8_t)(len >> 8);
        p[27] = (uint8_t)len;
        return len;
}

size_t v1m_mm5(struct v1_keys *k, const uint8_t ckyi[8], const uint8_t ckyr[8],
               const struct v1_id *id, const uint8_t *hash_i, uint8_t *buf, size_t cap)
{
        struct ike_wb w;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, ckyi, ckyr, X_MM, 0, 0);
        put_id(&w, id);
        ike_wb_raw(&w, 8, hash_i, k->hl);
        return seal(k, k->iv, &w);
}

/* The SA of a Quick Mode offer: DOI IPsec, SIT_IDENTITY_ONLY, one ESP
 * proposal with our SPI and n transforms (RFC 2407 4.5, 4.6.1). */
static void qm_sa(struct ike_wb *w, const struct v1_qm_offer *o)
{
        if (!o->n || o->n > 255) {
                w->failed = true;
                return;
        }
        size_t sa = ike_wb_begin(w, 1, false);
        ike_wb_u32(w, 1);
        ike_wb_u32(w, 1);
        size_t prop = w->len;
        ike_wb_u8(w, 0); /* the only proposal */
        ike_wb_u8(w, 0);
        ike_wb_u16(w, 0);
        ike_wb_u8(w, 1); /* proposal #1 */
        ike_wb_u8(w, 3); /* PROTO_IPSEC_ESP */
        ike_wb_u8(w, 4);
        ike_wb_u8(w, (uint8_t)o->n);
        ike_wb_bytes(w, o->spi, 4);
        for (size_t i = 0; i < o->n; i++) {
                const struct v1_esp_xf *x = &o->xf[i];
                size_t t = w->len;
                ike_wb_u8(w, i + 1 == o->n ? 0 : 3);
                ike_wb_u8(w, 0);
                ike_wb_u16(w, 0);
                ike_wb_u8(w, (uint8_t)(i + 1));
                ike_wb_u8(w, (uint8_t)x->esp_id);
                ike_wb_u16(w, 0);
                if (o->life_s) {
                        uint8_t d[4] = {(uint8_t)(o->life_s >> 24), (uint8_t)(o->life_s >> 16),
                                        (uint8_t)(o->life_s >> 8), (uint8_t)o->life_s};
                        ike_wb_attr_tv(w, 1, 1); /* SA Life Type: seconds */
                        ike_wb_attr_tlv(w, 2, d, 4);
                }
                if (o->life_kb) {
                        uint8_t d[4] = {(uint8_t)(o->life_kb >> 24), (uint8_t)(o->life_kb >> 16),
                                        (uint8_t)(o->life_kb >> 8), (uint8_t)o->life_kb};
                        ike_wb_attr_tv(w, 1, 2); /* kilobytes */
                        ike_wb_attr_tlv(w, 2, d, 4);
                }
                if (o->group)
                        ike_wb_attr_tv(w, 3, o->group);
                ike_wb_attr_tv(w, 4, o->encap);
                if (x->auth)
                        ike_wb_attr_tv(w, 5, x->auth);
                if (x->keylen)
                        ike_wb_attr_tv(w, 6, x->keylen);
                if (!w->failed && w->len - t <= 0xffff) {
                        w->p[t + 2] = (uint8_t)((w->len - t) >> 8);
                        w->p[t + 3] = (uint8_t)(w->len - t);
                }
        }
        if (!w->failed && w->len - prop <= 0xffff) {
                w->p[prop + 2] = (uint8_t)((w->len - prop) >> 8);
                w->p[prop + 3] = (uint8_t)(w->len - prop);
        }
        ike_wb_end(w, sa);
}

/* Fills HASH(1)'s placeholder (the first payload, at 28) over the rest. */
static int fill_hash1(const struct v1_keys *k, struct ike_wb *w, uint32_t msgid)
{
        if (w->failed)
                return -1;
        size_t rest = 32 + k->hl;
        struct cspan none = {NULL, 0}, r = {w->p + rest, w->len - rest};
        return v1_hash_12(k, msgid, none, r, w->p + 32);
}

size_t v1m_qm1(struct v1_keys *k, uint8_t *iv, const uint8_t ckyi[8], const uint8_t ckyr[8],
               uint32_t msgid, const struct v1_qm_offer *o, const uint8_t *ni, size_t nilen,
               const uint8_t *ke, size_t kelen, const struct v1_id *idci, const struct v1_id *idcr,
               uint8_t *buf, size_t cap)
{
        static const uint8_t zero[CRYPTO_MAX_MD] = {0};
        struct ike_wb w;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, ckyi, ckyr, X_QM, 0, msgid);
        ike_wb_raw(&w, 8, zero, k->hl);
        qm_sa(&w, o);
        ike_wb_raw(&w, 10, ni, nilen);
        if (kelen)
                ike_wb_ke(&w, 1, 0, ke, kelen);
        put_id(&w, idci);
        put_id(&w, idcr);
        if (fill_hash1(k, &w, msgid))
                return 0;
        return seal(k, iv, &w);
}

size_t v1m_qm3(struct v1_keys *k, uint8_t *iv, const uint8_t ckyi[8], const uint8_t ckyr[8],
               uint32_t msgid, const uint8_t *ni, size_t nilen, const uint8_t *nr, size_t nrlen,
               uint8_t *buf, size_t cap)
{
        uint8_t h[CRYPTO_MAX_MD];
        struct cspan a = {ni, nilen}, b = {nr, nrlen};
        if (v1_hash_3(k, msgid, a, b, h))
                return 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, ckyi, ckyr, X_QM, 0, msgid);
        ike_wb_raw(&w, 8, h, k->hl);
        return seal(k, iv, &w);
}

size_t v1m_delete(struct v1_keys *k, const uint8_t ckyi[8], const uint8_t ckyr[8], uint32_t msgid,
                  uint8_t proto, const uint8_t *spi, uint8_t spi_size, uint8_t *buf, size_t cap)
{
        static const uint8_t zero[CRYPTO_MAX_MD] = {0};
        uint8_t iv[CIPHER_MAX_BLOCK];
        if (v1_iv_p2(k, msgid, iv))
                return 0;
        struct ike_wb w;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, ckyi, ckyr, X_INFO, 0, msgid);
        ike_wb_raw(&w, 8, zero, k->hl);
        size_t d = ike_wb_begin(&w, 12, false);
        ike_wb_u32(&w, 1); /* DOI IPsec */
        ike_wb_u8(&w, proto);
        ike_wb_u8(&w, spi_size);
        ike_wb_u16(&w, 1);
        ike_wb_bytes(&w, spi, spi_size);
        ike_wb_end(&w, d);
        if (fill_hash1(k, &w, msgid))
                return 0;
        return seal(k, iv, &w);
}

int v1_natd(enum crypto_hash h, const uint8_t ckyi[8], const uint8_t ckyr[8], const uint8_t *addr,
            size_t alen, uint16_t port, uint8_t *out)
{
        uint8_t pb[2] = {(uint8_t)(port >> 8), (uint8_t)port};
        struct cspan in[4] = {{ckyi, 8}, {ckyr, 8}, {addr, alen}, {pb, 2}};
        return crypto_hash(h, in, 4, out);
}
