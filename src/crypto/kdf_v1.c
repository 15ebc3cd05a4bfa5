/* IKEv1 key derivation (kdf_v1.h, RFC 2409 5, 5.5, App. B). */
#include <openssl/crypto.h>
#include <string.h>

#include "kdf_v1.h"

int ikev1_skeyid_psk(enum crypto_hash prf, const uint8_t *psk, size_t psklen, struct cspan ni,
                     struct cspan nr, uint8_t *out)
{
        struct cspan in[2] = {ni, nr};
        return crypto_hmac(prf, psk, psklen, in, 2, out);
}

int ikev1_skeyid_sig(enum crypto_hash prf, struct cspan ni, struct cspan nr, struct cspan gxy,
                     uint8_t *out)
{
        uint8_t key[512]; /* nonces are 8..256 bytes (RFC 2409 5) */
        if (ni.len + nr.len > sizeof(key))
                return -1;
        memcpy(key, ni.p, ni.len);
        memcpy(key + ni.len, nr.p, nr.len);
        int r = crypto_hmac(prf, key, ni.len + nr.len, &gxy, 1, out);
        OPENSSL_cleanse(key, sizeof(key));
        return r;
}

int ikev1_skeyid_dae(enum crypto_hash prf, const uint8_t *skeyid, struct cspan gxy,
                     const uint8_t cky_i[8], const uint8_t cky_r[8], uint8_t *d, uint8_t *a,
                     uint8_t *e)
{
        size_t hl = crypto_hash_len(prf);
        static const uint8_t n0 = 0, n1 = 1, n2 = 2;
        struct cspan in[5] = {{NULL, 0}, gxy, {cky_i, 8}, {cky_r, 8}, {&n0, 1}};
        if (crypto_hmac(prf, skeyid, hl, in + 1, 4, d))
                return -1;
        in[0] = (struct cspan){d, hl}, in[4] = (struct cspan){&n1, 1};
        if (crypto_hmac(prf, skeyid, hl, in, 5, a))
                return -1;
        in[0] = (struct cspan){a, hl}, in[4] = (struct cspan){&n2, 1};
        return crypto_hmac(prf, skeyid, hl, in, 5, e);
}

int ikev1_key_expand(enum crypto_hash prf, const uint8_t *skeyid_e, size_t elen, uint8_t *out,
                     size_t outlen)
{
        if (outlen <= elen) {
                memcpy(out, skeyid_e, outlen);
                return 0;
        }
        size_t hl = crypto_hash_len(prf);
        if (!hl)
                return -1;
        uint8_t k[CRYPTO_MAX_MD];
        static const uint8_t zero = 0;
        struct cspan in = {&zero, 1};
        for (size_t done = 0; done < outlen;) {
                if (crypto_hmac(prf, skeyid_e, elen, &in, 1, k))
                        return -1;
                size_t take = outlen - done < hl ? outlen - done : hl;
                memcpy(out + done, k, take);
                done += take;
                in = (struct cspan){k, hl};
        }
        OPENSSL_cleanse(k, sizeof(k));
        return 0;
}

int ikev1_iv_phase1(enum crypto_hash hash, struct cspan gxi, struct cspan gxr, size_t block,
                    uint8_t *out)
{
        uint8_t h[CRYPTO_MAX_MD];
        struct cspan in[2] = {gxi, gxr};
        if (block > crypto_hash_len(hash) || crypto_hash(hash, in, 2, h))
                return -1;
        memcpy(out, h, block);
        return 0;
}

int ikev1_iv_phase2(enum crypto_hash hash, const uint8_t *last_block, size_t block, uint32_t msgid,
                    uint8_t *out)
{
        uint8_t h[CRYPTO_MAX_MD];
        uint8_t mid[4] = {(uint8_t)(msgid >> 24), (uint8_t)(msgid >> 16), (uint8_t)(msgid >> 8),
                          (uint8_t)msgid};
        struct cspan in[2] = {{last_block, block}, {mid, 4}};
        if (block > crypto_hash_len(hash) || crypto_hash(hash, in, 2, h))
                return -1;
        memcpy(out, h, block);
        return 0;
}

int ikev1_qm_keymat(enum crypto_hash prf, const uint8_t *skeyid_d, size_t dlen, struct cspan gqm,
                    uint8_t protocol, const uint8_t spi[4], struct cspan ni, struct cspan nr,
                    uint8_t *out, size_t outlen)
{
        size_t hl = crypto_hash_len(prf);
        if (!hl || outlen > 1024)
                return -1;
        uint8_t k[CRYPTO_MAX_MD];
        struct cspan in[6];
        for (size_t done = 0; done < outlen;) {
                size_t n = 0;
                if (done)
                        in[n++] = (struct cspan){k, hl};
                if (gqm.len)
                        in[n++] = gqm;
                in[n++] = (struct cspan){&protocol, 1};
                in[n++] = (struct cspan){spi, 4};
                in[n++] = ni;
                in[n++] = nr;
                if (crypto_hmac(prf, skeyid_d, dlen, in, n, k))
                        return -1;
                size_t take = outlen - done < hl ? outlen - done : hl;
                memcpy(out + done, k, take);
                done += take;
        }
        OPENSSL_cleanse(k, sizeof(k));
        return 0;
}
