/* Ciphers over libcrypto's EVP interface (cipher.h). */
#include <openssl/evp.h>
#include <string.h>

#include "../ike/vocab.h"
#include "cipher.h"

static bool aes_bits(unsigned bits)
{
        return bits == 128 || bits == 192 || bits == 256;
}

/* IANA "Transform Type 1" numbers, shared by IKEv2 ENCR and ESP IDs. */
static bool from_type1(unsigned id, unsigned bits, struct cipher_spec *s)
{
        memset(s, 0, sizeof(*s));
        switch (id) {
        case IKEV2_ENCR_3DES:
                if (bits && bits != 192)
                        return false;
                *s = (struct cipher_spec){CC_3DES_CBC, 24, 0, 8, 8, 0};
                return true;
        case IKEV2_ENCR_NULL:
                *s = (struct cipher_spec){CC_NULL, 0, 0, 0, 1, 0};
                return true;
        case IKEV2_ENCR_AES_CBC:
                if (!aes_bits(bits))
                        return false;
                *s = (struct cipher_spec){CC_AES_CBC, bits / 8, 0, 16, 16, 0};
                return true;
        case IKEV2_ENCR_AES_CTR:
                if (!aes_bits(bits))
                        return false;
                *s = (struct cipher_spec){CC_AES_CTR, bits / 8, 4, 8, 1, 0};
                return true;
        case IKEV2_ENCR_AES_CCM_8:
        case IKEV2_ENCR_AES_CCM_12:
        case IKEV2_ENCR_AES_CCM_16:
                if (!aes_bits(bits))
                        return false;
                *s = (struct cipher_spec){
                    CC_AES_CCM,
                    bits / 8,
                    3,
                    8,
                    1,
                    id == IKEV2_ENCR_AES_CCM_8 ? 8 : id == IKEV2_ENCR_AES_CCM_12 ? 12 : 16};
                return true;
        case IKEV2_ENCR_AES_GCM_8:
        case IKEV2_ENCR_AES_GCM_12:
        case IKEV2_ENCR_AES_GCM_16:
                if (!aes_bits(bits))
                        return false;
                *s = (struct cipher_spec){
                    CC_AES_GCM,
                    bits / 8,
                    4,
                    8,
                    1,
                    id == IKEV2_ENCR_AES_GCM_8 ? 8 : id == IKEV2_ENCR_AES_GCM_12 ? 12 : 16};
                return true;
        }
        return false;
}

bool cipher_from_ikev2(unsigned encr_id, unsigned key_bits, struct cipher_spec *s)
{
        return from_type1(encr_id, key_bits, s) && s->alg != CC_NULL;
}

bool cipher_from_esp(unsigned esp_id, unsigned key_bits, struct cipher_spec *s)
{
        return from_type1(esp_id, key_bits, s);
}

bool cipher_from_ikev1(unsigned encr_id, unsigned key_bits, struct cipher_spec *s)
{
        switch (encr_id) { /* RFC 2409 App. A, RFC 3602 for AES */
        case IKEV1_ENCR_3DES_CBC:
                return from_type1(IKEV2_ENCR_3DES, key_bits, s);
        case IKEV1_ENCR_AES_CBC:
                return from_type1(IKEV2_ENCR_AES_CBC, key_bits, s);
        }
        memset(s, 0, sizeof(*s));
        return false;
}

const char *cipher_name(const struct cipher_spec *s)
{
        static const char *const aes[][3] = {
            {"AES-CBC-128", "AES-CBC-192", "AES-CBC-256"},
            {"AES-CTR-128", "AES-CTR-192", "AES-CTR-256"},
            {"AES-GCM-128", "AES-GCM-192", "AES-GCM-256"},
            {"AES-CCM-128", "AES-CCM-192", "AES-CCM-256"},
        };
        size_t k = s->key_len == 16 ? 0 : s->key_len == 24 ? 1 : 2;
        switch (s->alg) {
        case CC_NULL:
                return "NULL";
        case CC_3DES_CBC:
                return "3DES-CBC";
        case CC_AES_CBC:
                return aes[0][k];
        case CC_AES_CTR:
                return aes[1][k];
        case CC_AES_GCM:
                return aes[2][k];
        case CC_AES_CCM:
                return aes[3][k];
        case CC_NONE:
                break;
        }
        return "unsupported";
}

static const EVP_CIPHER *evp_of(const struct cipher_spec *s)
{
        size_t k = s->key_len;
        switch (s->alg) {
        case CC_3DES_CBC:
                return EVP_des_ede3_cbc();
        case CC_AES_CBC:
                return k == 16   ? EVP_aes_128_cbc()
                       : k == 24 ? EVP_aes_192_cbc()
                                 : EVP_aes_256_cbc();
        case CC_AES_CTR:
                return k == 16   ? EVP_aes_128_ctr()
                       : k == 24 ? EVP_aes_192_ctr()
                                 : EVP_aes_256_ctr();
        case CC_AES_GCM:
                return k == 16   ? EVP_aes_128_gcm()
                       : k == 24 ? EVP_aes_192_gcm()
                                 : EVP_aes_256_gcm();
        case CC_AES_CCM:
                return k == 16   ? EVP_aes_128_ccm()
                       : k == 24 ? EVP_aes_192_ccm()
                                 : EVP_aes_256_ccm();
        case CC_NULL:
        case CC_NONE:
                break;
        }
        return NULL;
}

/* One pass of a non-AEAD cipher over len bytes (no padding). */
static int run_plain(const EVP_CIPHER *c, const uint8_t *key, const uint8_t *iv, const uint8_t *in,
                     size_t len, uint8_t *out, bool encrypt)
{
        if (len > (size_t)INT32_MAX)
                return -1;
        EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
        int n = 0, fin = 0;
        int ok = x && EVP_CipherInit_ex(x, c, NULL, key, iv, encrypt ? 1 : 0) &&
                 EVP_CIPHER_CTX_set_padding(x, 0) && EVP_CipherUpdate(x, out, &n, in, (int)len) &&
                 EVP_CipherFinal_ex(x, out + n, &fin);
        EVP_CIPHER_CTX_free(x);
        return ok && (size_t)(n + fin) == len ? 0 : -1;
}

int cipher_cbc(const struct cipher_spec *s, const uint8_t *key, const uint8_t *iv,
               const uint8_t *in, size_t len, uint8_t *out, bool encrypt)
{
        const EVP_CIPHER *c = evp_of(s);
        if (!c || (s->alg != CC_3DES_CBC && s->alg != CC_AES_CBC) || len % s->block)
                return -1;
        return run_plain(c, key, iv, in, len, out, encrypt);
}

int cipher_ctr(const struct cipher_spec *s, const uint8_t *keymat, const uint8_t *iv,
               const uint8_t *in, size_t len, uint8_t *out)
{
        const EVP_CIPHER *c = evp_of(s);
        if (!c || s->alg != CC_AES_CTR || s->salt_len != 4 || s->iv_len != 8)
                return -1;
        uint8_t block[16];
        memcpy(block, keymat + s->key_len, 4);
        memcpy(block + 4, iv, 8);
        block[12] = block[13] = block[14] = 0;
        block[15] = 1; /* RFC 3686 4: the block counter starts at one */
        return run_plain(c, keymat, block, in, len, out, true);
}

int cipher_aead(const struct cipher_spec *s, const uint8_t *keymat, const uint8_t *iv,
                const uint8_t *aad, size_t aadlen, const uint8_t *in, size_t len, uint8_t *tag,
                uint8_t *out, bool encrypt)
{
        const EVP_CIPHER *c = evp_of(s);
        if (!c || !cipher_is_aead(s) || s->iv_len != 8 || len > (size_t)INT32_MAX ||
            aadlen > (size_t)INT32_MAX)
                return -1;
        bool ccm = s->alg == CC_AES_CCM;
        uint8_t nonce[12];
        size_t nlen = s->salt_len + s->iv_len; /* 12 for GCM, 11 for CCM */
        memcpy(nonce, keymat + s->key_len, s->salt_len);
        memcpy(nonce + s->salt_len, iv, s->iv_len);
        EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
        int n = 0, fin = 0, r = -1;
        int ok = x && EVP_CipherInit_ex(x, c, NULL, NULL, NULL, encrypt ? 1 : 0) &&
                 EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_IVLEN, (int)nlen, NULL);
        /* CCM takes the tag length (and, decrypting, the tag) before the key */
        if (ok && ccm)
                ok = EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, (int)s->icv_len,
                                         encrypt ? NULL : tag);
        ok = ok && EVP_CipherInit_ex(x, NULL, NULL, keymat, nonce, -1);
        /* CCM needs the total plaintext length before any AAD */
        if (ok && ccm)
                ok = EVP_CipherUpdate(x, NULL, &n, NULL, (int)len);
        if (ok && aadlen)
                ok = EVP_CipherUpdate(x, NULL, &n, aad, (int)aadlen);
        if (ok && !ccm && !encrypt)
                ok = EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, (int)s->icv_len, tag);
        if (!ok)
                goto out;
        n = 0;
        if (!EVP_CipherUpdate(x, out, &n, in, (int)len)) {
                r = ccm && !encrypt ? 1 : -1; /* CCM checks its tag in the update */
                goto out;
        }
        if (!EVP_CipherFinal_ex(x, out + n, &fin)) {
                r = encrypt ? -1 : 1;
                goto out;
        }
        if (encrypt && !EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_GET_TAG, (int)s->icv_len, tag))
                goto out;
        r = 0;
out:
        EVP_CIPHER_CTX_free(x);
        return r;
}
