/* ESP packets decrypted with known keys (esp_dec.h; RFC 4303, RFC 4106 for
 * GCM, RFC 4309 for CCM, RFC 3686 for CTR). */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "../ike/vocab.h"
#include "decrypt.h"
#include "esp_dec.h"
#include "sessions.h"

static size_t alen(int af)
{
        return af == 6 ? 16 : 4;
}

int cap_esp_keep(struct cap_set *cs, const struct pcap_frame *pf)
{
        const struct frame *f = pf->f;
        if (!f || (f->kind != FK_ESP && f->kind != FK_ESP_UDP) || f->payload.len < 8)
                return 0;
        if (!cs->espdec) {
                cs->espdec = calloc(1, sizeof(*cs->espdec));
                if (!cs->espdec)
                        return -1;
        }
        struct cap_esp_dec *d = cs->espdec;
        struct cap_esp_flow *fl = NULL;
        for (size_t i = 0; i < d->n && !fl; i++)
                if (d->f[i].spi == f->esp_spi && d->f[i].af == f->af &&
                    !memcmp(d->f[i].dst, f->dst, alen(f->af)))
                        fl = &d->f[i];
        if (!fl) {
                if (d->n == CAP_ESPDEC_SPIS) {
                        d->flows_dropped++;
                        return 0;
                }
                if (!d->f) {
                        d->f = calloc(CAP_ESPDEC_SPIS, sizeof(*d->f));
                        if (!d->f)
                                return -1;
                }
                fl = &d->f[d->n++];
                fl->spi = f->esp_spi;
                fl->af = f->af;
                memcpy(fl->src, f->src, alen(f->af));
                memcpy(fl->dst, f->dst, alen(f->af));
        }
        fl->seen++;
        if (fl->ns == CAP_ESPDEC_PER_SPI || f->payload.len > CAP_ESPDEC_MAXLEN || f->fragment)
                return 0;
        struct cap_esp_sample *s = &fl->s[fl->ns];
        s->p = malloc(f->payload.len);
        if (!s->p)
                return -1;
        memcpy(s->p, f->payload.p, f->payload.len);
        s->len = (uint16_t)f->payload.len;
        s->frame = pf->number;
        fl->ns++;
        return 0;
}

void cap_esp_dec_free(struct cap_esp_dec *d)
{
        if (!d)
                return;
        for (size_t i = 0; i < d->n; i++)
                for (size_t j = 0; j < d->f[i].ns; j++)
                        free(d->f[i].s[j].p);
        free(d->f);
        free(d);
}

/* The next headers a decrypted ESP payload may name (IANA protocol
 * numbers): IPv4/IPv6 in tunnel mode, the usual transport ones, 59 for
 * RFC 4303 2.6's dummy packets. */
static bool known_next(uint8_t nh)
{
        return nh == 4 || nh == 41 || nh == 1 || nh == 6 || nh == 17 || nh == 47 || nh == 58 ||
               nh == 59 || nh == 50 || nh == 132;
}

/* 1 decrypted, 0 not (why set). */
static int open_esp(const struct cipher_spec *cs, const struct integ_spec *is, const uint8_t *ek,
                    const uint8_t *ak, const struct cap_esp_sample *s, uint8_t *nh,
                    const char **why)
{
        size_t icv = cipher_is_aead(cs) ? cs->icv_len : is->hash != CH_NONE ? is->icv_len : 0;
        size_t hdr = 8 + cs->iv_len;
        if (s->len < hdr + icv + 2) {
                *why = "shorter than its header, IV and ICV";
                return 0;
        }
        size_t clen = s->len - hdr - icv;
        const uint8_t *iv = s->p + 8, *ct = s->p + hdr, *tag = s->p + hdr + clen;
        uint8_t *pt = malloc(clen);
        if (!pt) {
                *why = "out of memory";
                return 0;
        }
        int r = -1;
        if (cipher_is_aead(cs)) {
                uint8_t t[16];
                memcpy(t, tag, cs->icv_len);
                r = cipher_aead(cs, ek, iv, s->p, 8, ct, clen, t, pt, false); /* AAD: SPI, seq */
                if (r == 1)
                        *why = "the AEAD tag does not verify";
        } else {
                if (is->hash != CH_NONE) {
                        struct cspan in = {s->p, s->len - icv};
                        if (!integ_verify(is, ak, &in, 1, tag)) {
                                *why = "the ICV does not verify";
                                free(pt);
                                return 0;
                        }
                }
                if (cs->alg == CC_NULL) {
                        memcpy(pt, ct, clen);
                        r = 0;
                } else if (cs->alg == CC_AES_CTR) {
                        r = cipher_ctr(cs, ek, iv, ct, clen, pt);
                } else {
                        r = cipher_cbc(cs, ek, iv, ct, clen, pt, false);
                        if (r)
                                *why = "not whole cipher blocks";
                }
        }
        int ok = 0;
        if (r == 0) {
                size_t padlen = pt[clen - 2];
                *nh = pt[clen - 1];
                bool pad_ok = padlen + 2 <= clen;
                for (size_t i = 0; pad_ok && i < padlen; i++)
                        pad_ok = pt[clen - 2 - padlen + i] == (uint8_t)(i + 1);
                /* with an ICV or tag the key is proven; without, the
                 * default padding and a known next header must say it */
                bool checked = cipher_is_aead(cs) || is->hash != CH_NONE;
                ok = (checked || (pad_ok && known_next(*nh))) ? 1 : 0;
                if (!ok)
                        *why = "its padding and next header are not ESP's";
        }
        OPENSSL_cleanse(pt, clen);
        free(pt);
        return ok;
}

static const char *const src_file = "the key file's ESP key";
static const char *const src_derived = "keys derived from SKEYID_d / SK_d";

void cap_esp_decrypt(struct cap_set *cs, const struct key_store *ks)
{
        struct cap_esp_dec *d = cs->espdec;
        if (!d)
                return;
        for (size_t i = 0; i < d->n; i++) {
                struct cap_esp_flow *fl = &d->f[i];
                struct cipher_spec c;
                struct integ_spec is = {CH_NONE, 0, 0};
                const uint8_t *ek = NULL, *ak = NULL;
                for (size_t k = 0; k < ks->n && !ek; k++) {
                        const struct key_entry *e = &ks->v[k];
                        if (e->kind != KEY_ESP || e->any_spi || e->spi != fl->spi ||
                            (!e->any_dst &&
                             (e->af != fl->af || memcmp(e->dst, fl->dst, alen(fl->af)))))
                                continue;
                        if (e->encr_state != KALG_KNOWN || e->integ_state != KALG_KNOWN) {
                                fl->tried = true;
                                fl->why = "the key file names an ESP algorithm not supported here";
                                break;
                        }
                        unsigned bits = e->encr_bits;
                        if (!bits) { /* esp_sa names no key length: the key's, less its salt */
                                struct cipher_spec probe;
                                for (unsigned b = 128; b <= 256 && !bits; b += 64)
                                        if (cipher_from_esp(e->encr, b, &probe) &&
                                            cipher_keymat_len(&probe) == e->ek.len)
                                                bits = b;
                                if (e->encr == IKEV2_ENCR_3DES || e->encr == IKEV2_ENCR_NULL)
                                        bits = 0;
                        }
                        if (!cipher_from_esp(e->encr, bits, &c) ||
                            cipher_keymat_len(&c) != e->ek.len ||
                            (e->integ != IKEV2_INTEG_NONE &&
                             (!integ_from_ikev2(e->integ, &is) || is.key_len != e->ak.len))) {
                                fl->tried = true;
                                fl->why = "the key file's ESP key does not fit its algorithm";
                                break;
                        }
                        ek = e->ek.b, ak = e->ak.b;
                        fl->keysrc = src_file, fl->file = e->file, fl->line = e->line;
                }
                struct cap_child *child = NULL;
                for (size_t s = 0; s < cs->nsa && !ek && !fl->tried; s++) {
                        struct cap_sa_keys *k = cs->sa[s].keys;
                        for (size_t j = 0; k && j < k->nchild && !ek; j++)
                                if (k->child[j].spi == fl->spi) {
                                        child = &k->child[j];
                                        c = child->encr, is = child->integ;
                                        ek = child->ek.b, ak = child->ak.b;
                                        fl->keysrc = src_derived;
                                }
                }
                if (!ek)
                        continue;
                fl->tried = true;
                for (size_t j = 0; j < fl->ns; j++) {
                        uint8_t nh = 0;
                        const char *why = NULL;
                        if (open_esp(&c, &is, ek, ak, &fl->s[j], &nh, &why)) {
                                if (!fl->ok++)
                                        fl->inner = nh;
                        } else {
                                fl->bad++;
                                if (!fl->why)
                                        fl->why = why;
                        }
                }
                if (child) {
                        child->esp_seen = fl->seen;
                        child->esp_ok = fl->ok, child->esp_bad = fl->bad;
                        child->esp_inner = fl->inner;
                }
        }
}
