/*
 * IKEv1 encrypted messages (RFC 2408 3.1 E flag): everything after the
 * header is CBC ciphertext under Ka. The IV (RFC 2409 App. B): phase 1
 * starts with hash(g^xi | g^xr) and each message's last ciphertext block is
 * the next one's IV; each phase-2 exchange (Quick Mode, Informational,
 * Transaction, by message ID) starts with hash(last phase-1 block | M-ID)
 * and chains the same way. IKEv1 has no ICV over the ciphertext: a message
 * counts as decrypted only when its plaintext is a well-formed payload
 * chain (known payload types, reserved bytes zero, lengths that end inside
 * it, under 256 bytes of padding); otherwise the key is wrong. A
 * retransmission is the same bytes and is never decrypted again (its IV
 * would be wrong: captures README).
 * Then Quick Mode's ESP keys from SKEYID_d (RFC 2409 5.5).
 */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "../crypto/kdf_v1.h"
#include "decrypt_int.h"

#define MAX_IDS CAP_MAX_MSGS

struct v1 {
        struct cap_sa *sa;
        struct sa_choice p1;
        bool have_p1, have_ke;
        struct wire_view gxi, gxr;
        struct cipher_spec cs;
        enum crypto_hash hash;
};

static void p1_params(struct v1 *x)
{
        struct cap_sa *sa = x->sa;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *cm = &sa->msgs[i];
                struct ike_msg m;
                struct wire_err e;
                struct wire_view v;
                if ((cm->exchange != 2 && cm->exchange != 4) || cm->encrypted || !cm->raw ||
                    cm->retransmit_of || ike_msg_decode(cm->raw, cm->length, &m, &e) < 0)
                        continue;
                if (!cm->from_initiator && !x->have_p1 && pl_body(&m, PL_V1_SA, &v)) {
                        x->p1 = v1_sa_choice(v, true);
                        x->have_p1 = x->p1.ok;
                }
                if (pl_ke(&m, &v)) {
                        if (cm->from_initiator && !x->gxi.len)
                                x->gxi = v;
                        else if (!cm->from_initiator && !x->gxr.len)
                                x->gxr = v;
                }
        }
        x->have_ke = x->gxi.len && x->gxr.len;
        if (x->have_p1) {
                x->hash = hash_from_ikev1(x->p1.hash);
                if (!cipher_from_ikev1(x->p1.encr, x->p1.encr_bits, &x->cs))
                        x->cs.alg = CC_NONE;
        }
}

/* Ka for this SA from an entry: Wireshark's / charon's Ka, or SKEYID_e
 * expanded (App. B). false: this entry cannot give one. */
static bool ka_of(const struct v1 *x, const struct key_entry *k, uint8_t *ka)
{
        size_t kl = x->cs.key_len;
        if (k->ka.len >= kl && k->ka.len) {
                memcpy(ka, k->ka.b, kl);
                return true;
        }
        if (k->skeyid_e.len && x->hash != CH_NONE)
                return ikev1_key_expand(x->hash, k->skeyid_e.b, k->skeyid_e.len, ka, kl) == 0;
        return false;
}

/* Decrypts cm with iv into p; the IV chain moves on whatever the result. */
static enum cap_dec open_v1(const struct v1 *x, const struct cap_msg *cm, const uint8_t *ka,
                            uint8_t *iv, struct plain *p, const char **why)
{
        size_t bl = x->cs.block;
        size_t clen = cm->length - IKE_HDR_LEN;
        const uint8_t *ct = cm->raw + IKE_HDR_LEN;
        if (!clen || clen % bl) {
                *why = "its ciphertext is not whole cipher blocks";
                return CAP_DEC_WRONG_KEY;
        }
        p->buf = malloc(clen);
        if (!p->buf) {
                *why = "out of memory";
                return CAP_DEC_NO_KEY;
        }
        p->len = clen;
        int r = cipher_cbc(&x->cs, ka, iv, ct, clen, p->buf, false);
        memcpy(iv, ct + clen - bl, bl);
        if (r) {
                *why = "the cipher failed";
                return CAP_DEC_WRONG_KEY;
        }
        struct wire_err e;
        struct ike_msg hm;
        (void)ike_msg_decode(cm->raw, IKE_HDR_LEN, &hm, &e); /* the header alone */
        p->m.hdr = hm.hdr;
        if (ike_chain_decode(p->buf, clen, 1, cm->raw[16], IKE_CHAIN_STRICT, &p->m, &e) < 0 ||
            p->m.trailing > 255) {
                *why = "the plaintext is not a payload chain";
                return CAP_DEC_WRONG_KEY;
        }
        return CAP_DEC_OK;
}

#define P1_HIST 4

struct ivs {
        uint8_t p1[CIPHER_MAX_BLOCK];
        /* the phase-1 chain's earlier states, newest last: an end that
         * could not verify a phase-1 message does not move its IV past it
         * (strongSwan's keymat_v1 confirms an IV only once the message
         * verified), so its Informational's IV may derive from one */
        uint8_t hist[P1_HIST][CIPHER_MAX_BLOCK];
        size_t nhist;
        uint32_t id[MAX_IDS];
        uint8_t iv[MAX_IDS][CIPHER_MAX_BLOCK];
        size_t n;
};

static void p1_moved(struct ivs *s, const uint8_t *before, size_t bl)
{
        if (s->nhist == P1_HIST) {
                memmove(s->hist[0], s->hist[1], (P1_HIST - 1) * sizeof(s->hist[0]));
                s->nhist--;
        }
        memcpy(s->hist[s->nhist++], before, bl);
}

/* Decrypts cm: phase 1 on its chain; an exchange's later message on its
 * own chain; an exchange's first message with the IV from the phase-1
 * chain's last block (RFC 2409 App. B), else from an earlier phase-1
 * state (see struct ivs): the plaintext's chain check decides, as it does
 * for any key. */
static enum cap_dec open_any(const struct v1 *x, struct ivs *s, const struct cap_msg *cm,
                             const uint8_t *ka, struct plain *p, const char **why)
{
        size_t bl = x->cs.block;
        if (cm->msgid == 0) {
                uint8_t before[CIPHER_MAX_BLOCK];
                memcpy(before, s->p1, bl);
                enum cap_dec d = open_v1(x, cm, ka, s->p1, p, why);
                p1_moved(s, before, bl);
                return d;
        }
        for (size_t i = 0; i < s->n; i++)
                if (s->id[i] == cm->msgid)
                        return open_v1(x, cm, ka, s->iv[i], p, why);
        if (s->n == MAX_IDS) {
                *why = "too many exchanges in one IKE SA";
                return CAP_DEC_NO_KEY;
        }
        uint8_t *chain = s->iv[s->n];
        s->id[s->n++] = cm->msgid;
        enum cap_dec d = CAP_DEC_WRONG_KEY;
        for (size_t c = 0; c <= s->nhist; c++) {
                const uint8_t *base = c == 0 ? s->p1 : s->hist[s->nhist - c];
                if (ikev1_iv_phase2(x->hash, base, bl, cm->msgid, chain))
                        break;
                plain_free(p);
                d = open_v1(x, cm, ka, chain, p, why);
                if (d == CAP_DEC_OK)
                        break;
        }
        return d;
}

/* Runs the whole SA with Ka; pl (nmsgs entries) gets the plaintexts when
 * keep. Returns how many distinct encrypted messages decrypted. */
static size_t run(const struct v1 *x, const uint8_t *ka, struct plain *pl, bool keep,
                  size_t stop_after, const struct dec_hook *h)
{
        struct ivs *s = calloc(1, sizeof(*s));
        if (!s)
                return 0;
        size_t ok = 0, tried = 0;
        if (ikev1_iv_phase1(x->hash, (struct cspan){x->gxi.p, x->gxi.len},
                            (struct cspan){x->gxr.p, x->gxr.len}, x->cs.block, s->p1)) {
                free(s);
                return 0;
        }
        struct cap_sa *sa = x->sa;
        for (size_t i = 0; i < sa->nmsgs && tried < stop_after; i++) {
                struct cap_msg *cm = &sa->msgs[i];
                if (!cm->encrypted || cm->retransmit_of || !cm->raw)
                        continue;
                struct plain p = {.buf = NULL};
                const char *why = NULL;
                enum cap_dec d = open_any(x, s, cm, ka, &p, &why);
                tried++;
                if (d == CAP_DEC_OK)
                        ok++;
                if (keep) {
                        cm->dec = (uint8_t)d;
                        cm->dec_why = why;
                        if (d == CAP_DEC_OK) {
                                dec_fill(sa, i, &p.m, h);
                                pl[i] = p;
                                continue;
                        }
                }
                plain_free(&p);
        }
        OPENSSL_cleanse(s, sizeof(*s));
        free(s);
        return ok;
}

static void mark_all(struct cap_sa *sa, enum cap_dec d, const char *why)
{
        for (size_t i = 0; i < sa->nmsgs; i++) {
                struct cap_msg *cm = &sa->msgs[i];
                if (cm->encrypted && !cm->retransmit_of) {
                        cm->dec = (uint8_t)d;
                        cm->dec_why = why;
                        sa->keys->failed++;
                }
        }
}

/* ---- Quick Mode ESP keys (RFC 2409 5.5) ------------------------------- */

static void qm_children(const struct v1 *x, const struct key_store *ks, const struct key_entry *k,
                        const struct plain *pl)
{
        struct cap_sa *sa = x->sa;
        struct cap_sa_keys *sk = sa->keys;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *q1 = &sa->msgs[i];
                if (q1->exchange != 32 || q1->retransmit_of || q1->dec != CAP_DEC_OK || !q1->step ||
                    strcmp(q1->step, "QM1"))
                        continue;
                size_t j = i + 1;
                for (; j < sa->nmsgs; j++) {
                        const struct cap_msg *c = &sa->msgs[j];
                        if (c->exchange == 32 && c->msgid == q1->msgid && !c->retransmit_of &&
                            c->step && !strcmp(c->step, "QM2"))
                                break;
                }
                if (j == sa->nmsgs || sa->msgs[j].dec != CAP_DEC_OK)
                        continue;
                const struct ike_msg *a = &pl[i].m, *b = &pl[j].m;
                struct wire_view sa1, sa2, ni, nr, ke;
                if (!pl_body(a, PL_V1_SA, &sa1) || !pl_body(b, PL_V1_SA, &sa2) ||
                    !pl_body(a, PL_V1_NONCE, &ni) || !pl_body(b, PL_V1_NONCE, &nr))
                        continue;
                if (pl_ke(a, &ke) || pl_ke(b, &ke)) {
                        sk->child_note = "Quick Mode used PFS: its ESP keys need the DH secret "
                                         "of that exchange";
                        continue;
                }
                if (!k->skeyid_d.len) {
                        sk->child_note = "the key file has no SKEYID_d (Wireshark's IKEv1 table "
                                         "has only the cipher key): ESP keys not derived";
                        return;
                }
                struct sa_choice c1 = v1_sa_choice(sa1, false), c2 = v1_sa_choice(sa2, false);
                struct cipher_spec cs;
                struct integ_spec is = {CH_NONE, 0, 0};
                if (!c1.has_spi || !c2.has_spi || c2.proto != 3 ||
                    !cipher_from_esp(c2.encr, c2.encr_bits, &cs) ||
                    (!cipher_is_aead(&cs) && !integ_from_ipsec(c2.integ, &is))) {
                        sk->child_note = "a Quick Mode's ESP algorithms are not supported here";
                        continue;
                }
                size_t el = cipher_keymat_len(&cs), al = is.key_len;
                for (int d = 0; d < 2; d++) {
                        /* d 0: the QM responder's SPI, receiving the QM
                         * initiator's traffic; d 1: the other way */
                        uint32_t spi = d == 0 ? c2.spi : c1.spi;
                        uint8_t sb[4] = {(uint8_t)(spi >> 24), (uint8_t)(spi >> 16),
                                         (uint8_t)(spi >> 8), (uint8_t)spi};
                        uint8_t km[2 * KEY_MAX_LEN];
                        struct cspan none = {NULL, 0}, n1 = {ni.p, ni.len}, n2 = {nr.p, nr.len};
                        if (el + al > sizeof(km) ||
                            ikev1_qm_keymat(x->hash, k->skeyid_d.b, k->skeyid_d.len, none, 3, sb,
                                            n1, n2, km, el + al))
                                continue;
                        struct cap_child c;
                        memset(&c, 0, sizeof(c));
                        c.spi = spi;
                        c.to_responder = d == 0 ? q1->from_initiator : !q1->from_initiator;
                        c.frame = sa->msgs[j].frame;
                        c.encr = cs;
                        c.integ = is;
                        c.ek.len = (uint8_t)el;
                        c.ak.len = (uint8_t)al;
                        memcpy(c.ek.b, km, el);
                        memcpy(c.ak.b, km + el, al);
                        child_add(sk, ks, sa, &c);
                        OPENSSL_cleanse(km, sizeof(km));
                        OPENSSL_cleanse(&c, sizeof(c));
                }
        }
}

int dec_v1(struct cap_sa *sa, const struct key_store *ks, const struct dec_hook *h)
{
        struct v1 x;
        memset(&x, 0, sizeof(x));
        x.sa = sa;
        p1_params(&x);
        if (!x.have_p1 || !x.have_ke) {
                mark_all(sa, CAP_DEC_NO_KEY,
                         "the capture lacks the clear SA or KE payloads the IV derives from");
                return 0;
        }
        if (x.cs.alg == CC_NONE || x.hash == CH_NONE) {
                mark_all(sa, CAP_DEC_UNSUPPORTED, "its cipher or hash is not supported here");
                return 0;
        }
        uint8_t ka[CIPHER_MAX_KEY];
        const struct key_entry *k = NULL, *trial_key = NULL;
        bool trial = false;
        for (size_t i = 0; i < ks->n && !k; i++) {
                const struct key_entry *e = &ks->v[i];
                if (e->kind == KEY_IKEV1 && e->bound && !memcmp(e->ispi, sa->ispi, 8))
                        k = e;
        }
        if (k && !ka_of(&x, k, ka)) {
                sa->keys->key = k;
                mark_all(sa, CAP_DEC_WRONG_KEY,
                         "the key file's key is shorter than the SA's cipher key");
                return 0;
        }
        /* an unbound key (a log's): the one under which the most messages
         * decrypt to payload chains (a responder's log decrypts its own
         * answers even when the initiator's MM5 does not) */
        size_t best = 0;
        for (size_t i = 0; i < ks->n && !k; i++) {
                const struct key_entry *e = &ks->v[i];
                if (e->kind != KEY_IKEV1 || e->bound || !ka_of(&x, e, ka))
                        continue;
                size_t got = run(&x, ka, NULL, false, (size_t)-1, NULL);
                if (got > best)
                        best = got, trial_key = e;
        }
        if (trial_key && ka_of(&x, trial_key, ka))
                k = trial_key, trial = true;
        if (!k) {
                mark_all(sa, CAP_DEC_NO_KEY, "the key file has no key for this initiator cookie");
                OPENSSL_cleanse(ka, sizeof(ka));
                return 0;
        }
        sa->keys->key = k;
        sa->keys->by_trial = trial;
        struct plain *pl = calloc(sa->nmsgs ? sa->nmsgs : 1, sizeof(*pl));
        if (!pl)
                return -1;
        run(&x, ka, pl, true, (size_t)-1, h);
        OPENSSL_cleanse(ka, sizeof(ka));
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *cm = &sa->msgs[i];
                if (cm->encrypted && !cm->retransmit_of) {
                        if (cm->dec == CAP_DEC_OK)
                                sa->keys->decrypted++;
                        else
                                sa->keys->failed++;
                }
        }
        qm_children(&x, ks, k, pl);
        for (size_t i = 0; i < sa->nmsgs; i++)
                if (pl[i].buf)
                        plain_free(&pl[i]);
        free(pl);
        return 0;
}
