/*
 * IKEv2 messages of the initiator (v2_msg.h). Layouts: RFC 7296 3.1-3.14;
 * the SK payload's AEAD form: RFC 5282 5 (IV 8 bytes, AAD = the message up
 * to the IV, a 16-byte tag in place of the ICV).
 */
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>

#include "../ike/vocab.h"
#include "../wire/build.h"
#include "v2_msg.h"

bool v2_sa_algs(struct v2_sa *sa, char *why, size_t n)
{
        if (!cipher_from_ikev2(sa->encr, sa->encr_bits, &sa->cs)) {
                snprintf(why, n, "encryption %u is not supported here", sa->encr);
                return false;
        }
        sa->prf = prf_from_ikev2(sa->prf_id);
        if (sa->prf == CH_NONE) {
                snprintf(why, n, "PRF %u is not supported here", sa->prf_id);
                return false;
        }
        if (cipher_is_aead(&sa->cs)) {
                sa->is = (struct integ_spec){CH_NONE, 0, 0};
                return true;
        }
        if (!integ_from_ikev2(sa->integ, &sa->is) || sa->is.hash == CH_NONE) {
                snprintf(why, n, "integrity %u is not supported here", sa->integ);
                return false;
        }
        return true;
}

int v2_sa_derive(struct v2_sa *sa, const uint8_t *gir, size_t glen, const uint8_t *ni, size_t nilen,
                 const uint8_t *nr, size_t nrlen)
{
        uint8_t seed[CRYPTO_MAX_MD];
        struct cspan sni = {ni, nilen}, snr = {nr, nrlen};
        int rc = -1;
        if (!ikev2_skeyseed(sa->prf, sni, snr, (struct cspan){gir, glen}, seed) &&
            !ikev2_sa_keys(sa->prf, seed, sni, snr, sa->spi_i, sa->spi_r, &sa->cs, &sa->is, &sa->k))
                rc = 0;
        OPENSSL_cleanse(seed, sizeof(seed));
        return rc;
}

void v2_sa_wipe(struct v2_sa *sa)
{
        OPENSSL_cleanse(&sa->k, sizeof(sa->k));
}

static size_t icv_len(const struct v2_sa *sa)
{
        return cipher_is_aead(&sa->cs) ? sa->cs.icv_len : sa->is.icv_len;
}

static void put32(uint8_t *p, size_t v)
{
        p[0] = (uint8_t)(v >> 24);
        p[1] = (uint8_t)(v >> 16);
        p[2] = (uint8_t)(v >> 8);
        p[3] = (uint8_t)v;
}

size_t v2_seal(const struct v2_sa *sa, const uint8_t *plain, size_t plen, const uint8_t *iv,
               uint8_t *out, size_t cap)
{
        if (plen < IKE_HDR_LEN)
                return 0;
        size_t inner = plen - IKE_HDR_LEN, block = sa->cs.block ? sa->cs.block : 1;
        /* RFC 7296 3.14: padding then the pad length byte fill the last block */
        size_t padded = (inner + 1 + block - 1) / block * block, padn = padded - inner - 1;
        size_t ivl = sa->cs.iv_len, icv = icv_len(sa);
        size_t sk_len = 4 + ivl + padded + icv, total = IKE_HDR_LEN + sk_len;
        if (total > cap || sk_len > 0xffff || padn > 255)
                return 0;
        memcpy(out, plain, IKE_HDR_LEN);
        uint8_t first = plain[16];
        out[16] = PL_V2_SK;
        put32(out + 24, total);
        uint8_t *sk = out + IKE_HDR_LEN;
        sk[0] = first;
        sk[1] = 0;
        sk[2] = (uint8_t)(sk_len >> 8);
        sk[3] = (uint8_t)sk_len;
        memcpy(sk + 4, iv, ivl);
        uint8_t *ct = sk + 4 + ivl;
        memcpy(ct, plain + IKE_HDR_LEN, inner);
        memset(ct + inner, 0, padn);
        ct[padded - 1] = (uint8_t)padn;
        const uint8_t *ek = sa->k.ei;
        if (cipher_is_aead(&sa->cs)) {
                /* RFC 5282 5.1: the AAD is the message up to the IV */
                if (cipher_aead(&sa->cs, ek, iv, out, IKE_HDR_LEN + 4, ct, padded, ct + padded, ct,
                                true))
                        return 0;
                return total;
        }
        if (cipher_cbc(&sa->cs, ek, iv, ct, padded, ct, true))
                return 0;
        struct cspan in = {out, total - icv};
        if (integ_compute(&sa->is, sa->k.ai, &in, 1, out + total - icv))
                return 0;
        return total;
}

/* ---- reading an answer --------------------------------------------------- */

static int bad(char *why, size_t n, const char *what)
{
        snprintf(why, n, "%s", what);
        return -1;
}

/* The SK payload (the last of the chain): ICV first, then the plaintext
 * into plain; *first is the first inner payload's type. */
static int open_sk(const struct v2_sa *sa, const uint8_t *msg, size_t mlen,
                   const struct ike_payload *skp, uint8_t *plain, size_t cap, size_t *ptlen,
                   char *why, size_t wn)
{
        size_t ivl = sa->cs.iv_len, icv = icv_len(sa), block = sa->cs.block ? sa->cs.block : 1;
        const uint8_t *b = skp->body.p;
        size_t blen = skp->body.len;
        if (b + blen != msg + mlen)
                return bad(why, wn, "the SK payload is not the last of the message");
        if (blen < ivl + icv + 1)
                return bad(why, wn, "the SK payload is shorter than its IV and ICV");
        size_t clen = blen - ivl - icv;
        if (clen > cap || clen % block)
                return bad(why, wn, "the ciphertext is not a whole number of blocks");
        const uint8_t *iv = b, *ct = b + ivl, *tag = b + ivl + clen;
        const uint8_t *ek = sa->k.er;
        if (cipher_is_aead(&sa->cs)) {
                uint8_t t[CIPHER_MAX_BLOCK];
                memcpy(t, tag, sa->cs.icv_len);
                int rc = cipher_aead(&sa->cs, ek, iv, msg, (size_t)(iv - msg), ct, clen, t, plain,
                                     false);
                if (rc == 1)
                        return bad(why, wn, "the AEAD tag does not verify (SK_er)");
                if (rc)
                        return bad(why, wn, "libcrypto failed to decrypt");
        } else {
                struct cspan in = {msg, mlen - icv};
                if (!integ_verify(&sa->is, sa->k.ar, &in, 1, tag))
                        return bad(why, wn, "the ICV does not verify (SK_ar)");
                if (cipher_cbc(&sa->cs, ek, iv, ct, clen, plain, false))
                        return bad(why, wn, "libcrypto failed to decrypt");
        }
        size_t padn = plain[clen - 1];
        if (padn + 1 > clen)
                return bad(why, wn, "the pad length is past the plaintext");
        *ptlen = clen - padn - 1;
        return 0;
}

static void read_sa(struct wire_view body, struct v2_reply *r)
{
        struct ike_sa_iter it;
        struct ike_proposal pr;
        struct wire_err e;
        if (ike_sa_open(body, 2, &it, &e))
                return;
        int rc;
        while ((rc = ike_proposal_next(&it, &pr, &e)) == 1) {
                r->sa_proposals++;
                if (r->sa_proposals > 1)
                        continue;
                r->sa_proto = pr.proto;
                if (pr.spi.len <= sizeof(r->sa_spi)) {
                        memcpy(r->sa_spi, pr.spi.p, pr.spi.len);
                        r->sa_spi_len = pr.spi.len;
                }
                struct ike_transform t;
                int tr;
                while ((tr = ike_transform_next(&pr.xf, &t, &e)) == 1) {
                        r->sa_transforms++;
                        if (t.type < 1 || t.type > 5)
                                continue;
                        if (r->xf_has[t.type])
                                r->xf_dup = true;
                        r->xf_has[t.type] = true;
                        r->xf[t.type] = t.id;
                        struct ike_attr_iter ai = ike_attrs(t.attrs);
                        struct ike_attr a;
                        while (ike_attr_next(&ai, &a, &e) == 1)
                                if (t.type == 1 && a.type == 14 && a.tv)
                                        r->xf_keylen = (uint16_t)a.value;
                }
                if (tr < 0)
                        r->xf_dup = true; /* a broken transform: not a usable choice */
        }
        r->has_sa = rc == 0 && r->sa_proposals == 1 && !r->xf_dup;
}

static void read_ts(struct wire_view body, struct ike_ts *out, size_t *n)
{
        struct ike_ts_iter it;
        struct wire_err e;
        if (ike_ts_open(body, &it, &e))
                return;
        struct ike_ts ts;
        while (*n < V2R_MAX_TS && ike_ts_next(&it, &ts, &e) == 1)
                out[(*n)++] = ts;
}

static void read_chain(const struct ike_msg *m, struct v2_reply *r)
{
        struct wire_err e;
        for (size_t i = 0; i < m->npl; i++) {
                const struct ike_payload *pl = &m->pl[i];
                switch (pl->type) {
                case PL_V2_NOTIFY: {
                        struct ike_notify n;
                        if (r->nn < V2R_MAX_NOTIFY && !ike_notify_decode(pl->body, 2, &n, &e))
                                r->n[r->nn++] =
                                    (struct v2_notify_seen){n.type, n.proto, n.spi, n.data};
                        break;
                }
                case PL_V2_SA:
                        if (!r->sa_proposals)
                                read_sa(pl->body, r);
                        break;
                case PL_V2_KE: {
                        struct ike_ke ke;
                        if (!r->has_ke && !ike_ke_decode(pl->body, 2, &ke, &e)) {
                                r->has_ke = true;
                                r->ke_group = ke.group;
                                r->ke = ke.data;
                        }
                        break;
                }
                case PL_V2_NONCE:
                        /* RFC 7296 3.9: 16 to 256 octets */
                        if (!r->has_nonce && pl->body.len >= 16 && pl->body.len <= 256) {
                                r->has_nonce = true;
                                r->nonce = pl->body;
                        }
                        break;
                case PL_V2_IDR:
                        if (!r->has_idr && !ike_id_decode(pl->body, 2, &r->idr, &e)) {
                                r->has_idr = true;
                                r->idr_body = pl->body;
                        }
                        break;
                case PL_V2_AUTH:
                        if (!r->has_auth && !ike_auth_decode(pl->body, &r->auth, &e))
                                r->has_auth = true;
                        break;
                case PL_V2_TSI:
                        if (!r->ntsi)
                                read_ts(pl->body, r->tsi, &r->ntsi);
                        break;
                case PL_V2_TSR:
                        if (!r->ntsr)
                                read_ts(pl->body, r->tsr, &r->ntsr);
                        break;
                case PL_V2_DELETE:
                        r->has_delete = true;
                        break;
                default:
                        break;
                }
        }
}

int v2_reply_read(const uint8_t *p, size_t len, const uint8_t ispi[8], uint8_t exchange,
                  uint32_t msgid, const struct v2_sa *sa, uint8_t *plain, size_t cap,
                  struct v2_reply *r, char *why, size_t whylen)
{
        *r = (struct v2_reply){0};
        if (whylen)
                why[0] = '\0';
        struct ike_msg m;
        struct wire_err e;
        /* cheap checks before decoding: an IKEv2 response to our SPI */
        if (len < IKE_HDR_LEN || memcmp(p, ispi, 8) || (p[17] >> 4) != 2)
                return 1;
        if (ike_msg_decode(p, len, &m, &e) < 0) {
                snprintf(why, whylen, "malformed answer: %s", e.what);
                return -1;
        }
        const struct ike_hdr *h = &m.hdr;
        if (!(h->flags & IKE_F_V2_RESPONSE) || h->exchange != exchange || h->msgid != msgid)
                return 1;
        if (sa && memcmp(h->rspi, sa->spi_r, 8))
                return 1;
        r->exchange = h->exchange;
        r->flags = h->flags;
        r->msgid = h->msgid;
        memcpy(r->rspi, h->rspi, 8);
        const struct ike_payload *skp = ike_msg_find(&m, PL_V2_SK);
        if (!skp) {
                if (sa) {
                        /* after IKE_SA_INIT everything is inside SK (RFC 7296 3.14) */
                        snprintf(why, whylen, "an answer without an SK payload");
                        return -1;
                }
                read_chain(&m, r);
                return 0;
        }
        if (!sa) {
                snprintf(why, whylen, "an encrypted IKE_SA_INIT answer");
                return -1;
        }
        r->encrypted = true;
        size_t mlen = h->length <= len ? h->length : len, ptlen = 0;
        if (open_sk(sa, p, mlen, skp, plain, cap, &ptlen, why, whylen))
                return -1;
        struct ike_msg in;
        if (ike_chain_decode(plain, ptlen, 2, skp->next, 0, &in, &e) < 0) {
                snprintf(why, whylen, "malformed decrypted payloads: %s", e.what);
                return -1;
        }
        read_chain(&in, r);
        return 0;
}

int v2_reply_notify(const struct v2_reply *r, uint16_t t)
{
        for (size_t i = 0; i < r->nn; i++)
                if (r->n[i].type == t)
                        return (int)i;
        return -1;
}

uint16_t v2_reply_error(const struct v2_reply *r)
{
        for (size_t i = 0; i < r->nn; i++)
                if (r->n[i].type >= 1 && r->n[i].type <= 16383)
                        return r->n[i].type;
        return 0;
}

int v2_psk_auth(enum crypto_hash prf, const uint8_t *psk, size_t psklen, const uint8_t *message,
                size_t mlen, const uint8_t *nonce, size_t nlen, const uint8_t *sk_p, size_t plen,
                const uint8_t *idbody, size_t idlen, uint8_t *out)
{
        static const char pad[] = "Key Pad for IKEv2"; /* RFC 7296 2.15, 17 octets */
        uint8_t key[CRYPTO_MAX_MD], maced[CRYPTO_MAX_MD];
        size_t hl = crypto_hash_len(prf);
        struct cspan sp = {(const uint8_t *)pad, sizeof(pad) - 1}, sid = {idbody, idlen};
        int rc = -1;
        if (!crypto_hmac(prf, psk, psklen, &sp, 1, key) &&
            !crypto_hmac(prf, sk_p, plen, &sid, 1, maced)) {
                struct cspan octets[3] = {{message, mlen}, {nonce, nlen}, {maced, hl}};
                rc = crypto_hmac(prf, key, hl, octets, 3, out);
        }
        OPENSSL_cleanse(key, sizeof(key));
        return rc;
}

void v2_wb_ts(struct ike_wb *w, uint8_t type, const struct flowbox *f, bool src)
{
        const struct range32 *a = src ? &f->src : &f->dst;
        const struct range16 *port = src ? &f->sport : &f->dport;
        bool anyproto = f->proto.lo == 0 && f->proto.hi == 255;
        size_t at = ike_wb_begin(w, type, false);
        ike_wb_u8(w, 1); /* one selector */
        ike_wb_u8(w, 0);
        ike_wb_u16(w, 0);
        ike_wb_u8(w, 7); /* TS_IPV4_ADDR_RANGE */
        ike_wb_u8(w, anyproto ? 0 : (uint8_t)f->proto.lo);
        ike_wb_u16(w, 16);
        ike_wb_u16(w, anyproto ? 0 : port->lo);
        ike_wb_u16(w, anyproto ? 0xffff : port->hi);
        ike_wb_u32(w, a->lo);
        ike_wb_u32(w, a->hi);
        ike_wb_end(w, at);
}

bool v2_ts_box(const struct ike_ts *ts, struct range32 *addr, struct range16 *proto,
               struct range16 *port)
{
        if (ts->type != 7 || ts->af != 4)
                return false;
        addr->lo = (uint32_t)ts->start[0] << 24 | (uint32_t)ts->start[1] << 16 |
                   (uint32_t)ts->start[2] << 8 | ts->start[3];
        addr->hi = (uint32_t)ts->end[0] << 24 | (uint32_t)ts->end[1] << 16 |
                   (uint32_t)ts->end[2] << 8 | ts->end[3];
        *proto = ts->proto ? (struct range16){ts->proto, ts->proto} : (struct range16){0, 255};
        *port = (struct range16){ts->sport, ts->eport};
        return true;
}
