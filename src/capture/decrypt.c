/* --keys: which key decrypts which SA, and what a retransmission inherits
 * (decrypt.h). */
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "decrypt_int.h"
#include "esp_dec.h"

void cap_sa_keys_free(struct cap_sa_keys *k)
{
        if (!k)
                return;
        OPENSSL_cleanse(k, sizeof(*k));
        free(k);
}

const char *cap_dec_name(unsigned d)
{
        switch (d) {
        case CAP_DEC_OK:
                return "decrypted";
        case CAP_DEC_NO_KEY:
                return "no key";
        case CAP_DEC_WRONG_KEY:
                return "wrong key";
        case CAP_DEC_UNSUPPORTED:
                return "not decrypted";
        }
        return "clear";
}

void plain_free(struct plain *p)
{
        if (p->buf) {
                OPENSSL_cleanse(p->buf, p->len);
                free(p->buf);
        }
        p->buf = NULL;
        p->len = 0;
}

void dec_fill(struct cap_sa *sa, size_t i, const struct ike_msg *inner, const struct dec_hook *h)
{
        struct cap_msg *cm = &sa->msgs[i];
        cm->npl = 0;
        cm->nnotify = 0;
        cm->npl_seen = (uint16_t)(inner->npl_seen > 0xffff ? 0xffff : inner->npl_seen);
        cap_msg_payloads(cm, inner->version, inner->pl, inner->npl);
        cm->encrypted = true;
        cm->dec = CAP_DEC_OK;
        cm->dec_why = NULL;
        if (h && h->fn)
                h->fn(h->ctx, sa, i, inner);
}

/* A retransmission is the same bytes: it reads as its original does. */
static void inherit(struct cap_sa *sa)
{
        for (size_t j = 0; j < sa->nmsgs; j++) {
                struct cap_msg *r = &sa->msgs[j];
                if (!r->retransmit_of)
                        continue;
                for (size_t i = 0; i < j; i++) {
                        const struct cap_msg *o = &sa->msgs[i];
                        if (o->frame != r->retransmit_of)
                                continue;
                        memcpy(r->pl, o->pl, sizeof(r->pl));
                        r->npl = o->npl;
                        r->npl_seen = o->npl_seen;
                        memcpy(r->notify, o->notify, sizeof(r->notify));
                        r->nnotify = o->nnotify;
                        r->v1_auth = o->v1_auth;
                        r->dec = o->dec;
                        r->dec_why = o->dec_why;
                        break;
                }
        }
}

int cap_decrypt(struct cap_set *cs, const struct key_store *ks)
{
        return cap_decrypt_each(cs, ks, NULL, NULL);
}

int cap_decrypt_each(struct cap_set *cs, const struct key_store *ks, cap_plain_fn fn, void *ctx)
{
        struct dec_hook h = {fn, ctx};
        for (size_t i = 0; i < cs->nsa; i++) {
                struct cap_sa *sa = &cs->sa[i];
                bool enc = false;
                for (size_t j = 0; j < sa->nmsgs; j++)
                        enc |= sa->msgs[j].encrypted;
                if (!enc)
                        continue;
                sa->keys = calloc(1, sizeof(*sa->keys));
                if (!sa->keys)
                        return -1;
                if ((sa->version == 1 ? dec_v1(sa, ks, &h) : dec_v2(sa, ks, &h)) < 0)
                        return -1;
                inherit(sa);
        }
        cap_esp_decrypt(cs, ks);
        return 0;
}
