/* IKEv2 key derivation (kdf_v2.h, RFC 7296 2.13-2.17). */
#include <openssl/crypto.h>
#include <string.h>

#include "kdf_v2.h"

#define MAX_SEED 8

int ikev2_prf_plus(enum crypto_hash prf, const uint8_t *key, size_t klen, const struct cspan *seed,
                   size_t nseed, uint8_t *out, size_t outlen)
{
        size_t hl = crypto_hash_len(prf);
        if (!hl || nseed > MAX_SEED || outlen > 255 * hl)
                return -1;
        uint8_t t[CRYPTO_MAX_MD];
        size_t tlen = 0, done = 0;
        for (unsigned n = 1; done < outlen; n++) {
                uint8_t cnt = (uint8_t)n;
                struct cspan in[MAX_SEED + 2];
                size_t k = 0;
                if (tlen)
                        in[k++] = (struct cspan){t, tlen};
                for (size_t i = 0; i < nseed; i++)
                        in[k++] = seed[i];
                in[k++] = (struct cspan){&cnt, 1};
                if (crypto_hmac(prf, key, klen, in, k, t))
                        return -1;
                tlen = hl;
                size_t take = outlen - done < hl ? outlen - done : hl;
                memcpy(out + done, t, take);
                done += take;
        }
        OPENSSL_cleanse(t, sizeof(t));
        return 0;
}

int ikev2_skeyseed(enum crypto_hash prf, struct cspan ni, struct cspan nr, struct cspan gir,
                   uint8_t *out)
{
        /* the key is Ni | Nr: HMAC takes one key, so join them (nonces are
         * 16..256 bytes, RFC 7296 3.9) */
        uint8_t key[512];
        if (ni.len + nr.len > sizeof(key))
                return -1;
        memcpy(key, ni.p, ni.len);
        memcpy(key + ni.len, nr.p, nr.len);
        int r = crypto_hmac(prf, key, ni.len + nr.len, &gir, 1, out);
        OPENSSL_cleanse(key, sizeof(key));
        return r;
}

int ikev2_sa_keys(enum crypto_hash prf, const uint8_t *skeyseed, struct cspan ni, struct cspan nr,
                  const uint8_t spii[8], const uint8_t spir[8], const struct cipher_spec *encr,
                  const struct integ_spec *integ, struct ikev2_sa_keys *k)
{
        memset(k, 0, sizeof(*k));
        k->d_len = k->p_len = crypto_hash_len(prf);
        k->a_len = integ->hash == CH_NONE ? 0 : integ->key_len;
        k->e_len = cipher_keymat_len(encr);
        if (!k->d_len || k->a_len > IKEV2_MAX_SK || k->e_len > IKEV2_MAX_SK)
                return -1;
        size_t total = 3 * k->d_len + 2 * k->a_len + 2 * k->e_len;
        uint8_t buf[7 * IKEV2_MAX_SK];
        struct cspan seed[4] = {ni, nr, {spii, 8}, {spir, 8}};
        if (ikev2_prf_plus(prf, skeyseed, k->d_len, seed, 4, buf, total))
                return -1;
        const uint8_t *p = buf;
        memcpy(k->d, p, k->d_len), p += k->d_len;
        memcpy(k->ai, p, k->a_len), p += k->a_len;
        memcpy(k->ar, p, k->a_len), p += k->a_len;
        memcpy(k->ei, p, k->e_len), p += k->e_len;
        memcpy(k->er, p, k->e_len), p += k->e_len;
        memcpy(k->pi, p, k->p_len), p += k->p_len;
        memcpy(k->pr, p, k->p_len);
        OPENSSL_cleanse(buf, sizeof(buf));
        return 0;
}

int ikev2_child_keys(enum crypto_hash prf, const uint8_t *sk_d, size_t dlen, struct cspan gir,
                     struct cspan ni, struct cspan nr, const struct cipher_spec *encr,
                     const struct integ_spec *integ, struct child_keys *k)
{
        memset(k, 0, sizeof(*k));
        k->e_len = cipher_keymat_len(encr);
        k->a_len = integ->hash == CH_NONE ? 0 : integ->key_len;
        if (k->e_len > IKEV2_MAX_SK || k->a_len > IKEV2_MAX_SK)
                return -1;
        uint8_t buf[4 * IKEV2_MAX_SK];
        struct cspan seed[3];
        size_t n = 0;
        if (gir.len)
                seed[n++] = gir;
        seed[n++] = ni;
        seed[n++] = nr;
        size_t total = 2 * (k->e_len + k->a_len);
        if (ikev2_prf_plus(prf, sk_d, dlen, seed, n, buf, total))
                return -1;
        const uint8_t *p = buf;
        memcpy(k->ei, p, k->e_len), p += k->e_len;
        memcpy(k->ai, p, k->a_len), p += k->a_len;
        memcpy(k->er, p, k->e_len), p += k->e_len;
        memcpy(k->ar, p, k->a_len);
        OPENSSL_cleanse(buf, sizeof(buf));
        return 0;
}
