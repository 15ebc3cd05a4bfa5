/*
 * IKEv2 SK payloads (RFC 7296 3.14): IV | ciphertext | ICV, the ICV an HMAC
 * over the whole message but itself (checked before anything is
 * decrypted), or, for AES-GCM / AES-CCM (RFC 5282 5), IV | ciphertext |
 * tag with the IKE header through the SK payload's header as AAD. Keys by
 * direction: the original initiator's messages (I flag) with SK_ei / SK_ai.
 * Then the child SAs' ESP keys from SK_d (RFC 7296 2.17).
 */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "../crypto/kdf_v2.h"
#include "../ike/vocab.h"
#include "decrypt_int.h"

struct v2 {
        struct cap_sa *sa;
        bool have_init; /* an IKE_SA_INIT response with SA and nonces */
        struct sa_choice ike;
        struct wire_view ni, nr;
};

struct suite {
        struct cipher_spec cs;
        struct integ_spec is;
        size_t icv;   /* bytes at the end of the SK body */
        bool checked; /* an ICV or tag is verified */
};

static void init_params(struct v2 *x)
{
        struct cap_sa *sa = x->sa;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *r = &sa->msgs[i];
                struct ike_msg m;
                struct wire_err e;
                struct wire_view sab, nr;
                if (r->exchange != 34 || !(r->flags & IKE_F_V2_RESPONSE) || !r->raw ||
                    ike_msg_decode(r->raw, r->length, &m, &e) < 0 || !pl_body(&m, PL_V2_SA, &sab) ||
                    !pl_body(&m, PL_V2_NONCE, &nr))
                        continue;
                /* its request: the last initiator's IKE_SA_INIT before it */
                for (size_t j = i; j-- > 0;) {
                        const struct cap_msg *q = &sa->msgs[j];
                        struct ike_msg qm;
                        struct wire_view ni;
                        if (q->exchange != 34 || (q->flags & IKE_F_V2_RESPONSE) || !q->raw)
                                continue;
                        if (ike_msg_decode(q->raw, q->length, &qm, &e) < 0 ||
                            !pl_body(&qm, PL_V2_NONCE, &ni))
                                break;
                        x->ike = v2_sa_choice(sab);
                        x->ni = ni, x->nr = nr;
                        x->have_init = x->ike.ok;
                        break;
                }
        }
}

/* The algorithms: the key file's when it names them, else the capture's. */
static enum cap_dec suite_of(const struct v2 *x, const struct key_entry *k, struct suite *s,
                             const char **why)
{
        memset(s, 0, sizeof(*s));
        unsigned encr = x->ike.encr, bits = x->ike.encr_bits, integ = x->ike.integ;
        if (k->encr_state == KALG_UNSUPPORTED || k->integ_state == KALG_UNSUPPORTED) {
                *why = "the key file names an algorithm not supported here";
                return CAP_DEC_UNSUPPORTED;
        }
        if (k->encr_state == KALG_KNOWN)
                encr = k->encr, bits = k->encr_bits;
        if (k->integ_state == KALG_KNOWN)
                integ = k->integ;
        if ((k->encr_state != KALG_KNOWN || k->integ_state != KALG_KNOWN) && !x->have_init) {
                *why = "no IKE_SA_INIT in the capture to say the algorithms";
                return CAP_DEC_NO_KEY;
        }
        if (!cipher_from_ikev2(encr, bits, &s->cs)) {
                *why = "its cipher is not supported here";
                return CAP_DEC_UNSUPPORTED;
        }
        if (cipher_is_aead(&s->cs)) {
                s->icv = s->cs.icv_len;
                s->checked = true;
        } else if (k->integ_unchecked) {
                s->icv = k->unchecked_icv;
        } else if (!integ_from_ikev2(integ, &s->is) || s->is.hash == CH_NONE) {
                *why = "its integrity algorithm is not supported here";
                return CAP_DEC_UNSUPPORTED;
        } else {
                s->icv = s->is.icv_len;
                s->checked = true;
        }
        if (k->sk_ei.len != cipher_keymat_len(&s->cs) || k->sk_er.len != k->sk_ei.len ||
            (s->checked && !cipher_is_aead(&s->cs) &&
             (k->sk_ai.len != s->is.key_len || k->sk_ar.len != s->is.key_len))) {
                *why = "the key file's SK_e / SK_a lengths do not fit the SA's algorithms";
                return CAP_DEC_WRONG_KEY;
        }
        return CAP_DEC_OK;
}

/* Decrypts one encrypted body (IV | ciphertext | ICV, RFC 7296 3.14; the
 * same inside an SKF, RFC 7383 2.5) of message cm into p->buf; *ptlen is
 * the plaintext without its padding. The ICV covers the message up to it;
 * an AEAD's AAD is the message up to the IV (RFC 5282 5.1, RFC 7383 2.5.3). */
static enum cap_dec open_body(const struct cap_msg *cm, const struct key_entry *k,
                              const struct suite *s, struct wire_view enc, struct plain *p,
                              size_t *ptlen, const char **why)
{
        bool ini = (cm->flags & IKE_F_V2_INITIATOR) != 0;
        const uint8_t *ek = ini ? k->sk_ei.b : k->sk_er.b;
        const uint8_t *ak = ini ? k->sk_ai.b : k->sk_ar.b;
        const uint8_t *b = enc.p;
        size_t blen = enc.len, ivl = s->cs.iv_len;
        if (blen < ivl + s->icv) {
                *why = "the encrypted payload is shorter than its IV and ICV";
                return CAP_DEC_WRONG_KEY;
        }
        size_t clen = blen - ivl - s->icv;
        const uint8_t *iv = b, *ct = b + ivl, *icv = b + ivl + clen;
        p->buf = malloc(clen ? clen : 1);
        if (!p->buf) {
                *why = "out of memory";
                return CAP_DEC_NO_KEY;
        }
        p->len = clen ? clen : 1;
        int r;
        if (cipher_is_aead(&s->cs)) {
                size_t aadlen = (size_t)(b - cm->raw);
                r = cipher_aead(&s->cs, ek, iv, cm->raw, aadlen, ct, clen, (uint8_t *)icv, p->buf,
                                false);
                if (r == 1) {
                        *why = "the AEAD tag does not verify";
                        return CAP_DEC_WRONG_KEY;
                }
        } else {
                if (s->checked) {
                        struct cspan in = {cm->raw, (size_t)(icv - cm->raw)};
                        if (!integ_verify(&s->is, ak, &in, 1, icv)) {
                                *why = "the ICV does not verify";
                                return CAP_DEC_WRONG_KEY;
                        }
                }
                if (s->cs.alg == CC_AES_CTR)
                        r = cipher_ctr(&s->cs, ek, iv, ct, clen, p->buf);
                else
                        r = cipher_cbc(&s->cs, ek, iv, ct, clen, p->buf, false);
        }
        if (r) {
                *why = "the ciphertext is not whole blocks";
                return s->checked ? CAP_DEC_UNSUPPORTED : CAP_DEC_WRONG_KEY;
        }
        /* RFC 7296 3.14: padding, then its length in the last byte */
        size_t pad = clen ? p->buf[clen - 1] : 0;
        if (!clen || pad + 1 > clen) {
                *why = "its padding length runs past the plaintext";
                return s->checked ? CAP_DEC_UNSUPPORTED : CAP_DEC_WRONG_KEY;
        }
        *ptlen = clen - pad - 1;
        return CAP_DEC_OK;
}

/* The payload chain of a plaintext (first payload `first`). */
static enum cap_dec chain_of(const struct suite *s, const struct ike_hdr *h, uint8_t first,
                             size_t len, struct plain *p, const char **why)
{
        struct wire_err e;
        p->m.hdr = *h;
        if (ike_chain_decode(p->buf, len, 2, first, s->checked ? 0 : IKE_CHAIN_STRICT, &p->m, &e) <
                0 ||
            p->m.trailing) {
                /* verified, yet not payloads: the peer's bug, not our key */
                *why = s->checked ? "decrypted and verified, but its payloads do not decode"
                                  : "the plaintext is not a payload chain";
                return s->checked ? CAP_DEC_UNSUPPORTED : CAP_DEC_WRONG_KEY;
        }
        return CAP_DEC_OK;
}

/* Opens the SK payload of one message into p (p->buf allocated here); an
 * SKF fragment's plaintext is left in p (frag set) for reassembly. */
struct frag {
        bool is_frag;
        uint16_t number, total;
        uint8_t first; /* the first inner payload (fragment 1's next field) */
        size_t len;    /* plaintext without padding */
};

static enum cap_dec open_sk(const struct cap_msg *cm, const struct key_entry *k,
                            const struct suite *s, struct plain *p, struct frag *fr,
                            const char **why)
{
        struct ike_msg m;
        struct wire_err e;
        *why = NULL;
        memset(fr, 0, sizeof(*fr));
        if (!cm->raw || ike_msg_decode(cm->raw, cm->length, &m, &e) < 0 || !m.npl) {
                *why = "not kept";
                return CAP_DEC_NO_KEY;
        }
        const struct ike_payload *sk = &m.pl[m.npl - 1];
        size_t len = 0;
        if (sk->type == PL_V2_SKF) {
                struct ike_skf f;
                if (ike_skf_decode(sk->body, &f, &e) < 0) {
                        *why = "a malformed fragment (SKF)";
                        return CAP_DEC_UNSUPPORTED;
                }
                enum cap_dec d = open_body(cm, k, s, f.encrypted, p, &len, why);
                if (d != CAP_DEC_OK)
                        return d;
                *fr = (struct frag){true, f.number, f.total, sk->next, len};
                p->m.hdr = m.hdr;
                return CAP_DEC_OK;
        }
        if (sk->type != PL_V2_SK)
                return CAP_DEC_CLEAR;
        enum cap_dec d = open_body(cm, k, s, sk->body, p, &len, why);
        if (d != CAP_DEC_OK)
                return d;
        return chain_of(s, &m.hdr, sk->next, len, p, why);
}

/* The key file's entry for this SA: bound by SPIs, else the first unbound
 * IKEv2 entry under which the first SK message verifies. */
static const struct key_entry *pick(struct v2 *x, const struct key_store *ks, bool *trial)
{
        *trial = false;
        for (size_t i = 0; i < ks->n; i++) {
                const struct key_entry *k = &ks->v[i];
                if (k->kind == KEY_IKEV2 && k->bound && !memcmp(k->ispi, x->sa->ispi, 8) &&
                    !memcmp(k->rspi, x->sa->rspi, 8))
                        return k;
        }
        const struct cap_msg *first = NULL;
        for (size_t i = 0; i < x->sa->nmsgs && !first; i++)
                if (x->sa->msgs[i].encrypted && !x->sa->msgs[i].retransmit_of)
                        first = &x->sa->msgs[i];
        if (!first)
                return NULL;
        for (size_t i = 0; i < ks->n; i++) {
                const struct key_entry *k = &ks->v[i];
                struct suite s;
                const char *why;
                if (k->kind != KEY_IKEV2 || k->bound || suite_of(x, k, &s, &why) != CAP_DEC_OK ||
                    !s.checked)
                        continue;
                struct plain p = {.buf = NULL};
                struct frag fr;
                enum cap_dec d = open_sk(first, k, &s, &p, &fr, &why);
                plain_free(&p);
                if (d == CAP_DEC_OK) {
                        *trial = true;
                        return k;
                }
        }
        return NULL;
}

/* ---- child SAs (RFC 7296 2.17) ---------------------------------------- */

static void children(struct v2 *x, const struct key_store *ks, const struct key_entry *k,
                     const struct plain *pl)
{
        struct cap_sa *sa = x->sa;
        struct cap_sa_keys *sk = sa->keys;
        enum crypto_hash prf = prf_from_ikev2(x->ike.prf);
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *rq = &sa->msgs[i];
                if (rq->retransmit_of || rq->dec != CAP_DEC_OK || (rq->flags & IKE_F_V2_RESPONSE) ||
                    (rq->exchange != 35 && rq->exchange != 36))
                        continue;
                /* its response */
                size_t j = i + 1;
                if (!pl[i].buf)
                        continue; /* a fragment: the message is on its last one */
                for (; j < sa->nmsgs; j++)
                        if (sa->msgs[j].msgid == rq->msgid && !sa->msgs[j].retransmit_of &&
                            (sa->msgs[j].flags & IKE_F_V2_RESPONSE) &&
                            sa->msgs[j].exchange == rq->exchange && pl[j].buf)
                                break;
                if (j == sa->nmsgs || sa->msgs[j].dec != CAP_DEC_OK)
                        continue;
                const struct ike_msg *q = &pl[i].m, *r = &pl[j].m;
                struct wire_view qsa, rsa, ni, nr, ke;
                if (!pl_body(q, PL_V2_SA, &qsa) || !pl_body(r, PL_V2_SA, &rsa))
                        continue; /* refused, or no child */
                struct sa_choice qc = v2_sa_choice(qsa), rc = v2_sa_choice(rsa);
                if (!rc.ok || !qc.has_spi || !rc.has_spi || rc.proto != 3) {
                        if (rc.proto == 1 && !sk->child_note)
                                sk->child_note = "the IKE SA was rekeyed: the new IKE SA's keys "
                                                 "need the DH secret of the rekey";
                        continue;
                }
                if (rq->exchange == 36) {
                        if (pl_ke(q, &ke) || pl_ke(r, &ke)) {
                                sk->child_note = "a CREATE_CHILD_SA used PFS: its ESP keys "
                                                 "need the DH secret of that exchange";
                                continue;
                        }
                        if (!pl_body(q, PL_V2_NONCE, &ni) || !pl_body(r, PL_V2_NONCE, &nr))
                                continue;
                } else {
                        ni = x->ni, nr = x->nr;
                }
                if (!k->sk_d.len) {
                        sk->child_note = "the key file has no SK_d (Wireshark's table has "
                                         "none): ESP keys not derived";
                        return;
                }
                if (prf == CH_NONE || !x->have_init) {
                        sk->child_note = "the IKE SA's PRF is not known or not supported";
                        return;
                }
                struct cipher_spec cs;
                struct integ_spec is;
                if (!cipher_from_esp(rc.encr, rc.encr_bits, &cs) ||
                    (!cipher_is_aead(&cs) && !integ_from_ikev2(rc.integ, &is))) {
                        sk->child_note = "a child SA's ESP algorithms are not supported here";
                        continue;
                }
                if (cipher_is_aead(&cs))
                        is = (struct integ_spec){CH_NONE, 0, 0};
                struct child_keys ck;
                struct cspan none = {NULL, 0}, n1 = {ni.p, ni.len}, n2 = {nr.p, nr.len};
                if (ikev2_child_keys(prf, k->sk_d.b, k->sk_d.len, none, n1, n2, &cs, &is, &ck))
                        continue;
                /* the first keys protect the exchange initiator's traffic,
                 * which the responder's SPI receives */
                bool q_from_ini = rq->from_initiator;
                struct cap_child c[2];
                memset(c, 0, sizeof(c));
                for (int d = 0; d < 2; d++) {
                        c[d].frame = sa->msgs[j].frame;
                        c[d].encr = cs;
                        c[d].integ = is;
                        c[d].spi = d == 0 ? rc.spi : qc.spi;
                        c[d].to_responder = d == 0 ? q_from_ini : !q_from_ini;
                        c[d].ek.len = (uint8_t)ck.e_len;
                        c[d].ak.len = (uint8_t)ck.a_len;
                        memcpy(c[d].ek.b, d == 0 ? ck.ei : ck.er, ck.e_len);
                        memcpy(c[d].ak.b, d == 0 ? ck.ai : ck.ar, ck.a_len);
                        child_add(sk, ks, sa, &c[d]);
                }
                OPENSSL_cleanse(&ck, sizeof(ck));
                OPENSSL_cleanse(c, sizeof(c));
        }
}

/* RFC 7383 2.6: the fragments of one message (same message ID and
 * direction) put back in order by number once all are there; the chain
 * (first payload from fragment 1) is filed under the fragment that
 * completed it, the others say where their payloads are. */
static int reassemble(struct cap_sa *sa, const struct suite *s, struct plain *pl,
                      const struct frag *fr, size_t at, const struct dec_hook *h)
{
        const struct cap_msg *cm = &sa->msgs[at];
        uint16_t total = fr[at].total;
        size_t idx[64], have = 0, len = 0;
        if (total > 64)
                return 0;
        for (uint16_t n = 1; n <= total; n++) {
                size_t found = sa->nmsgs;
                for (size_t i = 0; i <= at && found == sa->nmsgs; i++) {
                        const struct cap_msg *o = &sa->msgs[i];
                        if (fr[i].is_frag && fr[i].number == n && fr[i].total == total &&
                            o->msgid == cm->msgid && o->exchange == cm->exchange &&
                            (o->flags & (IKE_F_V2_RESPONSE | IKE_F_V2_INITIATOR)) ==
                                (cm->flags & (IKE_F_V2_RESPONSE | IKE_F_V2_INITIATOR)) &&
                            pl[i].buf)
                                found = i;
                }
                if (found == sa->nmsgs)
                        return 0; /* not complete yet */
                idx[have++] = found;
                len += fr[found].len;
        }
        struct plain whole = {.buf = malloc(len ? len : 1), .len = len ? len : 1};
        if (!whole.buf)
                return -1;
        size_t off = 0;
        for (size_t i = 0; i < have; i++) {
                memcpy(whole.buf + off, pl[idx[i]].buf, fr[idx[i]].len);
                off += fr[idx[i]].len;
        }
        const char *why = NULL;
        enum cap_dec d = chain_of(s, &pl[at].m.hdr, fr[idx[0]].first, len, &whole, &why);
        for (size_t i = 0; i < have; i++) {
                struct cap_msg *m = &sa->msgs[idx[i]];
                plain_free(&pl[idx[i]]);
                if (idx[i] == at)
                        continue;
                m->dec = (uint8_t)(d == CAP_DEC_OK ? CAP_DEC_OK : d);
                m->dec_why = d == CAP_DEC_OK ? "a fragment: its message's payloads are on the "
                                               "fragment that completed it"
                                             : why;
                m->npl = 0, m->nnotify = 0;
                if (d == CAP_DEC_OK)
                        sa->keys->decrypted++;
                else
                        sa->keys->failed++;
        }
        if (d == CAP_DEC_OK) {
                pl[at] = whole;
                dec_fill(sa, at, &pl[at].m, h);
                sa->msgs[at].dec_why = "reassembled from its fragments (SKF)";
                sa->keys->decrypted++;
        } else {
                sa->msgs[at].dec = (uint8_t)d;
                sa->msgs[at].dec_why = why;
                sa->keys->failed++;
                plain_free(&whole);
        }
        return 0;
}

int dec_v2(struct cap_sa *sa, const struct key_store *ks, const struct dec_hook *h)
{
        struct v2 x;
        memset(&x, 0, sizeof(x));
        x.sa = sa;
        init_params(&x);
        bool trial;
        const struct key_entry *k = pick(&x, ks, &trial);
        sa->keys->key = k;
        sa->keys->by_trial = trial;
        struct suite s;
        const char *why = "the key file has no key for these SPIs";
        enum cap_dec all = k ? suite_of(&x, k, &s, &why) : CAP_DEC_NO_KEY;
        struct plain *pl = calloc(sa->nmsgs ? sa->nmsgs : 1, sizeof(*pl));
        if (!pl)
                return -1;
        struct frag *fr = calloc(sa->nmsgs ? sa->nmsgs : 1, sizeof(*fr));
        if (!fr) {
                free(pl);
                return -1;
        }
        for (size_t i = 0; i < sa->nmsgs; i++) {
                struct cap_msg *cm = &sa->msgs[i];
                if (!cm->encrypted || cm->retransmit_of)
                        continue;
                enum cap_dec d = all;
                const char *w = why;
                if (d == CAP_DEC_OK)
                        d = open_sk(cm, k, &s, &pl[i], &fr[i], &w);
                if (d == CAP_DEC_CLEAR)
                        continue;
                if (d == CAP_DEC_OK && fr[i].is_frag) {
                        if (reassemble(sa, &s, pl, fr, i, h) < 0) {
                                free(fr);
                                free(pl);
                                return -1;
                        }
                        continue;
                }
                if (d == CAP_DEC_OK) {
                        dec_fill(sa, i, &pl[i].m, h);
                        sa->keys->decrypted++;
                } else {
                        cm->dec = (uint8_t)d;
                        cm->dec_why = w;
                        sa->keys->failed++;
                        plain_free(&pl[i]);
                }
        }
        /* fragments of messages that never completed */
        for (size_t i = 0; i < sa->nmsgs; i++)
                if (fr[i].is_frag && sa->msgs[i].dec == CAP_DEC_CLEAR) {
                        sa->msgs[i].dec = CAP_DEC_UNSUPPORTED;
                        sa->msgs[i].dec_why = "a fragment (SKF) whose message never completed in "
                                              "the capture";
                        sa->keys->failed++;
                }
        free(fr);
        if (k)
                children(&x, ks, k, pl);
        for (size_t i = 0; i < sa->nmsgs; i++)
                plain_free(&pl[i]);
        free(pl);
        return 0;
}
