/* Hashes and HMAC over libcrypto's EVP interfaces (hash.h). */
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "hash.h"

static const EVP_MD *md_of(enum crypto_hash h)
{
        switch (h) {
        case CH_MD5:
                return EVP_md5();
        case CH_SHA1:
                return EVP_sha1();
        case CH_SHA256:
                return EVP_sha256();
        case CH_SHA384:
                return EVP_sha384();
        case CH_SHA512:
                return EVP_sha512();
        case CH_NONE:
                break;
        }
        return NULL;
}

size_t crypto_hash_len(enum crypto_hash h)
{
        static const size_t len[] = {0, 16, 20, 32, 48, 64};
        return (unsigned)h < sizeof(len) / sizeof(len[0]) ? len[h] : 0;
}

const char *crypto_hash_name(enum crypto_hash h)
{
        static const char *const name[] = {"none",     "MD5",      "SHA1",
                                           "SHA2-256", "SHA2-384", "SHA2-512"};
        return (unsigned)h < sizeof(name) / sizeof(name[0]) ? name[h] : "none";
}

int crypto_hash(enum crypto_hash h, const struct cspan *in, size_t n, uint8_t *out)
{
        const EVP_MD *md = md_of(h);
        if (!md)
                return -1;
        EVP_MD_CTX *c = EVP_MD_CTX_new();
        int ok = c && EVP_DigestInit_ex(c, md, NULL);
        for (size_t i = 0; ok && i < n; i++)
                ok = EVP_DigestUpdate(c, in[i].p, in[i].len);
        unsigned int olen = 0;
        ok = ok && EVP_DigestFinal_ex(c, out, &olen);
        EVP_MD_CTX_free(c);
        return ok ? 0 : -1;
}

int crypto_hmac(enum crypto_hash h, const uint8_t *key, size_t klen, const struct cspan *in,
                size_t n, uint8_t *out)
{
        const EVP_MD *md = md_of(h);
        if (!md)
                return -1;
        EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
        EVP_MAC_CTX *c = mac ? EVP_MAC_CTX_new(mac) : NULL;
        OSSL_PARAM params[2] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                                                 (char *)EVP_MD_get0_name(md), 0),
                                OSSL_PARAM_construct_end()};
        static const uint8_t nokey[1];
        /* HMAC with an empty key is defined (RFC 2104 pads it with zeros);
         * OpenSSL wants a non-NULL pointer for it */
        int ok = c && EVP_MAC_init(c, klen ? key : nokey, klen, params);
        for (size_t i = 0; ok && i < n; i++)
                ok = EVP_MAC_update(c, in[i].p, in[i].len);
        size_t olen = 0;
        ok = ok && EVP_MAC_final(c, out, &olen, CRYPTO_MAX_MD);
        EVP_MAC_CTX_free(c);
        EVP_MAC_free(mac);
        return ok ? 0 : -1;
}
