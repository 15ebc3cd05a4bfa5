/* IKEv1 keys, hashes and CBC chains of an initiator (v1_keys.h). */
#include <string.h>

#include <openssl/crypto.h>

#include "../crypto/kdf_v1.h"
#include "v1_keys.h"

int v1_keys_derive(struct v1_keys *k, enum crypto_hash prf, const struct cipher_spec *cs,
                   const uint8_t *psk, size_t psklen, struct cspan ni, struct cspan nr,
                   struct cspan gxy, const uint8_t ckyi[8], const uint8_t ckyr[8], struct cspan gxi,
                   struct cspan gxr)
{
        memset(k, 0, sizeof(*k));
        k->prf = prf;
        k->cs = *cs;
        k->hl = crypto_hash_len(prf);
        if (!k->hl || (cs->alg != CC_3DES_CBC && cs->alg != CC_AES_CBC) ||
            cs->key_len > sizeof(k->ka) || cs->block > sizeof(k->iv))
                return -1;
        if (ikev1_skeyid_psk(prf, psk, psklen, ni, nr, k->skeyid) ||
            ikev1_skeyid_dae(prf, k->skeyid, gxy, ckyi, ckyr, k->d, k->a, k->e) ||
            ikev1_key_expand(prf, k->e, k->hl, k->ka, cs->key_len) ||
            ikev1_iv_phase1(prf, gxi, gxr, cs->block, k->iv)) {
                v1_keys_wipe(k);
                return -1;
        }
        return 0;
}

void v1_keys_wipe(struct v1_keys *k)
{
        OPENSSL_cleanse(k, sizeof(*k));
}

int v1_hash_p1(const struct v1_keys *k, bool initiator, struct cspan gxi, struct cspan gxr,
               const uint8_t ckyi[8], const uint8_t ckyr[8], struct cspan sai_b, struct cspan id_b,
               uint8_t *out)
{
        struct cspan i = {ckyi, 8}, r = {ckyr, 8};
        struct cspan in[6] = {initiator ? gxi : gxr,
                              initiator ? gxr : gxi,
                              initiator ? i : r,
                              initiator ? r : i,
                              sai_b,
                              id_b};
        return crypto_hmac(k->prf, k->skeyid, k->hl, in, 6, out);
}

static void be32(uint32_t v, uint8_t b[4])
{
        b[0] = (uint8_t)(v >> 24);
        b[1] = (uint8_t)(v >> 16);
        b[2] = (uint8_t)(v >> 8);
        b[3] = (uint8_t)v;
}

int v1_hash_12(const struct v1_keys *k, uint32_t msgid, struct cspan ni_b, struct cspan rest,
               uint8_t *out)
{
        uint8_t mid[4];
        be32(msgid, mid);
        struct cspan in[3] = {{mid, 4}, ni_b, rest};
        return crypto_hmac(k->prf, k->a, k->hl, in, 3, out);
}

int v1_hash_3(const struct v1_keys *k, uint32_t msgid, struct cspan ni_b, struct cspan nr_b,
              uint8_t *out)
{
        static const uint8_t zero = 0;
        uint8_t mid[4];
        be32(msgid, mid);
        struct cspan in[4] = {{&zero, 1}, {mid, 4}, ni_b, nr_b};
        return crypto_hmac(k->prf, k->a, k->hl, in, 4, out);
}

int v1_iv_p2(const struct v1_keys *k, uint32_t msgid, uint8_t *iv)
{
        return ikev1_iv_phase2(k->prf, k->iv, k->cs.block, msgid, iv);
}

int v1_encrypt(const struct v1_keys *k, uint8_t *iv, const uint8_t *in, size_t len, uint8_t *out,
               size_t cap, size_t *olen)
{
        size_t bl = k->cs.block;
        size_t n = (len / bl + (len % bl ? 1 : 0)) * bl;
        if (!n)
                n = bl;
        if (n > cap)
                return -1;
        memmove(out, in, len);
        memset(out + len, 0, n - len);
        if (cipher_cbc(&k->cs, k->ka, iv, out, n, out, true))
                return -1;
        memcpy(iv, out + n - bl, bl);
        *olen = n;
        return 0;
}

int v1_decrypt(const struct v1_keys *k, const uint8_t *iv, const uint8_t *in, size_t len,
               uint8_t *out, uint8_t *next_iv)
{
        size_t bl = k->cs.block;
        if (!len || len % bl)
                return -1;
        memcpy(next_iv, in + len - bl, bl);
        return cipher_cbc(&k->cs, k->ka, iv, in, len, out, false);
}
