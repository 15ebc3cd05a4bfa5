/*
 * The candidate lists and the request builders of probe (offer.h).
 *
 * IKEv1 phase 1 (RFC 2409 Appendix A, IANA "IKE Attributes"): AES-CBC
 * 256/192/128 (RFC 3602), 3DES, DES; SHA2-512/384/256 (RFC 4868), SHA-1,
 * MD5; groups ECP 521/384/256 (RFC 5903), MODP 4096/3072/2048/1536 (RFC
 * 3526) and the legacy MODP 1024/768 (RFC 2409). The IKEv1 registry has no
 * AES-GCM for the IKE SA itself (only the ESP transform IDs of RFC 4106),
 * so GCM is offered in IKEv2 only.
 *
 * IKEv2 (RFC 7296 3.3.2, IANA "IKEv2 Parameters"): two proposals, as
 * RFC 7296 3.3 requires for combined-mode ciphers: AES-GCM-16 (RFC 5282)
 * and ChaCha20-Poly1305 (RFC 7634) without INTEG; AES-CBC, 3DES, DES with
 * HMAC-SHA2 (RFC 4868), SHA1-96, MD5-96. Both carry every PRF and group.
 */
#include <string.h>

#include "../ike/vocab.h"
#include "offer.h"

static const struct {
        uint16_t encr, keylen;
} v1_ciphers[] = {
    {IKEV1_ENCR_AES_CBC, 256}, {IKEV1_ENCR_AES_CBC, 192}, {IKEV1_ENCR_AES_CBC, 128},
    {IKEV1_ENCR_3DES_CBC, 0},  {IKEV1_ENCR_DES_CBC, 0},
};
static const uint16_t v1_hashes[] = {IKEV1_HASH_SHA2_512, IKEV1_HASH_SHA2_384, IKEV1_HASH_SHA2_256,
                                     IKEV1_HASH_SHA, IKEV1_HASH_MD5};
static const uint16_t v1_groups[] = {DH_ECP_521,   DH_ECP_384,   DH_ECP_256,
                                     DH_MODP_4096, DH_MODP_3072, DH_MODP_2048,
                                     DH_MODP_1536, DH_MODP_1024, DH_MODP_768};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A lifetime every Cisco default accepts: IOS and ASA default to 86400 s
 * and an IOS responder refuses a proposal longer than its own policy's
 * (diagnoses.md, isakmp-policy-mismatch); ike-scan's 28800 is shorter. */
#define V1_LIFE 28800

size_t v1_candidates(const uint16_t *auth, size_t nauth, struct v1_cand *c, size_t cap)
{
        size_t n = 0;
        for (size_t a = 0; a < nauth; a++)
                for (size_t g = 0; g < N(v1_groups); g++)
                        for (size_t e = 0; e < N(v1_ciphers); e++)
                                for (size_t h = 0; h < N(v1_hashes); h++) {
                                        if (n == cap)
                                                return n;
                                        c[n].x = (struct ike_v1_xform){
                                            v1_ciphers[e].encr, v1_ciphers[e].keylen,
                                            v1_hashes[h],       auth[a],
                                            v1_groups[g],       V1_LIFE};
                                        c[n++].state = V1_OPEN;
                                }
        return n;
}

#define VID(...) (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__})
const struct probe_vid probe_vids[] = {
    {"RFC 3947 NAT-T", VID(0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45, 0x5c, 0x57, 0x28, 0xf2,
                           0x0e, 0x95, 0x45, 0x2f)},
    {"draft-ietf-ipsec-nat-t-ike-02\\n", VID(0x90, 0xcb, 0x80, 0x91, 0x3e, 0xbb, 0x69, 0x6e, 0x08,
                                             0x63, 0x81, 0xb5, 0xec, 0x42, 0x7b, 0x1f)},
    {"Dead Peer Detection", VID(0xaf, 0xca, 0xd7, 0x13, 0x68, 0xa1, 0xf1, 0xc9, 0x6b, 0x86, 0x96,
                                0xfc, 0x77, 0x57, 0x01, 0x00)},
    {"IKE fragmentation (Cisco, Microsoft)", VID(0x40, 0x48, 0xb7, 0xd5, 0x6e, 0xbc, 0xe8, 0x85,
                                                 0x25, 0xe7, 0xde, 0x7f, 0x00, 0xd6, 0xc2, 0xd3)},
};
const size_t probe_nvids = N(probe_vids);

static void put_vids(struct ike_wb *w)
{
        for (size_t i = 0; i < probe_nvids; i++)
                ike_wb_raw(w, 13, probe_vids[i].p, probe_vids[i].len);
}

static const uint8_t zero_spi[8];

static size_t mm1(const uint8_t cky[8], const struct ike_v1_xform *x, size_t n, uint8_t *buf,
                  size_t cap)
{
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, cky, zero_spi, 2 /* Identity Protection */, 0, 0);
        ike_wb_v1_sa(&w, x, n);
        put_vids(&w);
        return ike_wb_finish(&w, &len) ? 0 : len;
}

size_t v1_build_mm1(const uint8_t cky[8], struct v1_cand *c, size_t nc, size_t from, size_t max_len,
                    uint8_t *buf, size_t cap, size_t *idx, size_t *nidx)
{
        struct ike_v1_xform x[255];
        size_t n = 0;
        *nidx = 0;
        for (size_t i = from; i < nc && n < 255; i++) {
                if (c[i].state != V1_OPEN)
                        continue;
                x[n] = c[i].x;
                size_t l = mm1(cky, x, n + 1, buf, cap < max_len ? cap : max_len);
                if (!l)
                        break; /* the next one does not fit: this packet is full */
                idx[n++] = i;
        }
        *nidx = n;
        if (!n)
                return 0;
        return mm1(cky, x, n, buf, cap); /* rebuilt: the last try may have failed */
}

int v1_find(const struct v1_cand *c, size_t nc, const size_t *idx, size_t nidx,
            const struct ike_v1_xform *x)
{
        for (size_t k = 0; k < nidx; k++) {
                if (idx[k] >= nc)
                        continue;
                const struct ike_v1_xform *y = &c[idx[k]].x;
                if (y->encr == x->encr && y->keylen == x->keylen && y->hash == x->hash &&
                    y->auth == x->auth && y->group == x->group)
                        return (int)idx[k];
        }
        return -1;
}

size_t v1_build_am1(const uint8_t cky[8], const struct ike_v1_xform *x, size_t nx,
                    const uint8_t *ke, size_t kelen, const uint8_t *nonce, size_t nlen,
                    uint8_t id_type, const void *id, size_t idlen, uint8_t *buf, size_t cap,
                    size_t *sa_off, size_t *sa_len)
{
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 1, cky, zero_spi, 4 /* Aggressive */, 0, 0);
        size_t sa = w.len;
        ike_wb_v1_sa(&w, x, nx);
        size_t sa_end = w.len;
        ike_wb_raw(&w, 4, ke, kelen);
        ike_wb_raw(&w, 10, nonce, nlen);
        ike_wb_v1_id(&w, id_type, 17, 500, id, idlen);
        put_vids(&w);
        if (ike_wb_finish(&w, &len))
                return 0;
        *sa_off = sa + 4; /* the body, after the generic header */
        *sa_len = sa_end - sa - 4;
        return len;
}

/* ---- IKEv2 --------------------------------------------------------------- */

static const struct v2_val v2_encr[] = {
    {IKEV2_ENCR_AES_GCM_16, 256, true, false},
    {IKEV2_ENCR_AES_GCM_16, 128, true, false},
    {IKEV2_ENCR_CHACHA20_POLY1305, 0, true, false},
    {IKEV2_ENCR_AES_CBC, 256, false, false},
    {IKEV2_ENCR_AES_CBC, 192, false, false},
    {IKEV2_ENCR_AES_CBC, 128, false, false},
    {IKEV2_ENCR_3DES, 0, false, false},
    {IKEV2_ENCR_DES, 0, false, false},
};
static const uint16_t v2_prf[] = {IKEV2_PRF_HMAC_SHA2_512, IKEV2_PRF_HMAC_SHA2_384,
                                  IKEV2_PRF_HMAC_SHA2_256, IKEV2_PRF_HMAC_SHA1, IKEV2_PRF_HMAC_MD5};
static const uint16_t v2_integ[] = {IKEV2_INTEG_HMAC_SHA2_512_256, IKEV2_INTEG_HMAC_SHA2_384_192,
                                    IKEV2_INTEG_HMAC_SHA2_256_128, IKEV2_INTEG_HMAC_SHA1_96,
                                    IKEV2_INTEG_HMAC_MD5_96};
static const uint16_t v2_dh[] = {DH_ECP_521,   DH_ECP_384,   DH_ECP_256,   DH_CURVE25519,
                                 DH_MODP_8192, DH_MODP_6144, DH_MODP_4096, DH_MODP_3072,
                                 DH_MODP_2048, DH_MODP_1536, DH_MODP_1024, DH_MODP_768};

void v2_offer_default(struct v2_offer *o)
{
        *o = (struct v2_offer){0};
        for (size_t i = 0; i < N(v2_encr); i++)
                o->v[1][o->n[1]++] = v2_encr[i];
        for (size_t i = 0; i < N(v2_prf); i++)
                o->v[2][o->n[2]++] = (struct v2_val){v2_prf[i], 0, false, false};
        for (size_t i = 0; i < N(v2_integ); i++)
                o->v[3][o->n[3]++] = (struct v2_val){v2_integ[i], 0, false, false};
        for (size_t i = 0; i < N(v2_dh); i++)
                o->v[4][o->n[4]++] = (struct v2_val){v2_dh[i], 0, false, false};
}

static struct v2_val *v2_find(struct v2_offer *o, int type, uint16_t id, uint16_t keylen)
{
        if (type < 1 || type > 4)
                return NULL;
        for (size_t i = 0; i < o->n[type]; i++)
                if (o->v[type][i].id == id && o->v[type][i].keylen == keylen)
                        return &o->v[type][i];
        return NULL;
}

bool v2_offer_has(const struct v2_offer *o, int type, uint16_t id, uint16_t keylen)
{
        const struct v2_val *v = v2_find((struct v2_offer *)o, type, id, keylen);
        return v && !v->off;
}

bool v2_offer_remove(struct v2_offer *o, int type, uint16_t id, uint16_t keylen)
{
        struct v2_val *v = v2_find(o, type, id, keylen);
        if (!v || v->off)
                return false;
        v->off = true;
        return true;
}

/* One proposal's transforms: aead picks the combined-mode ciphers and no
 * INTEG, !aead the others with INTEG. 0 when a type it needs is empty. */
static size_t v2_prop(const struct v2_offer *o, bool aead, struct ike_v2_xf *x, size_t cap)
{
        size_t n = 0;
        for (int t = 1; t <= 4; t++) {
                if (t == 3 && aead)
                        continue;
                size_t had = n;
                for (size_t i = 0; i < o->n[t] && n < cap; i++) {
                        const struct v2_val *v = &o->v[t][i];
                        if (v->off || (t == 1 && v->aead != aead))
                                continue;
                        x[n++] = (struct ike_v2_xf){(uint8_t)t, v->id, v->keylen};
                }
                if (n == had)
                        return 0;
        }
        return n;
}

size_t v2_build_init(const uint8_t spi[8], const struct v2_offer *o, uint16_t group,
                     const uint8_t *pub, size_t publen, const uint8_t *nonce, size_t nlen,
                     const struct v2_init_extra *x, uint8_t *buf, size_t cap)
{
        struct ike_v2_xf a[64], p[64];
        struct ike_v2_prop props[2];
        size_t np = 0, na = o->no_aead ? 0 : v2_prop(o, true, a, 64),
               nb = o->no_plain ? 0 : v2_prop(o, false, p, 64);
        if (na)
                props[np++] = (struct ike_v2_prop){1, a, na};
        if (nb)
                props[np++] = (struct ike_v2_prop){1, p, nb};
        if (!np)
                return 0;
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 2, spi, zero_spi, 34 /* IKE_SA_INIT */, 0x08 /* initiator */, 0);
        if (x && x->cookie) /* RFC 7296 2.6: N(COOKIE) comes first */
                ike_wb_notify(&w, 2, 0, 16390, NULL, 0, x->cookie, x->cookie_len);
        ike_wb_v2_sa(&w, props, np);
        ike_wb_ke(&w, 2, group, pub, publen);
        ike_wb_raw(&w, 40, nonce, nlen);
        if (x && x->natd_src && x->natd_dst) { /* RFC 7296 2.23 */
                ike_wb_notify(&w, 2, 0, 16388, NULL, 0, x->natd_src, 20);
                ike_wb_notify(&w, 2, 0, 16389, NULL, 0, x->natd_dst, 20);
        }
        ike_wb_notify(&w, 2, 0, 16430, NULL, 0, NULL, 0); /* RFC 7383 2.3 */
        return ike_wb_finish(&w, &len) ? 0 : len;
}
