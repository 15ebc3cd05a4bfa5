#include "secret.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>

#define SALT_LEN 32

static unsigned char salt[SALT_LEN];
static size_t salt_len;
static bool salt_ready;

static void salt_init(void)
{
        if (salt_ready)
                return;
        const char *fixed = getenv("IPSEC_DOCTOR_FINGERPRINT_SALT");
        if (fixed && *fixed) {
                salt_len = strlen(fixed) < SALT_LEN ? strlen(fixed) : SALT_LEN;
                memcpy(salt, fixed, salt_len);
        } else {
                if (RAND_bytes(salt, SALT_LEN) != 1)
                        abort(); /* no randomness: refuse rather than use a guessable salt */
                salt_len = SALT_LEN;
        }
        salt_ready = true;
}

void secret_set(struct secret *s, const char *key, size_t len)
{
        unsigned int out_len = 0;
        salt_init();
        memset(s, 0, sizeof(*s));
        if (!HMAC(EVP_sha256(), salt, (int)salt_len, (const unsigned char *)key, len, s->digest,
                  &out_len) ||
            out_len != SECRET_DIGEST_LEN)
                abort();
        s->state = SECRET_KNOWN;
}

void secret_set_unknown(struct secret *s, enum secret_state why)
{
        memset(s, 0, sizeof(*s));
        s->state = why;
}

enum secret_cmp secret_compare(const struct secret *a, const struct secret *b)
{
        if (a->state != SECRET_KNOWN || b->state != SECRET_KNOWN)
                return SECRET_CMP_UNKNOWN;
        return CRYPTO_memcmp(a->digest, b->digest, SECRET_DIGEST_LEN) == 0 ? SECRET_CMP_EQUAL
                                                                           : SECRET_CMP_DIFFERENT;
}

void secret_fingerprint(const struct secret *s, char out[SECRET_FP_HEXLEN + 1])
{
        static const char hex[] = "0123456789abcdef";
        if (s->state != SECRET_KNOWN) {
                out[0] = '\0';
                return;
        }
        for (size_t i = 0; i < SECRET_FP_HEXLEN / 2; i++) {
                out[2 * i] = hex[s->digest[i] >> 4];
                out[2 * i + 1] = hex[s->digest[i] & 0xf];
        }
        out[SECRET_FP_HEXLEN] = '\0';
}

const char *secret_state_name(enum secret_state st)
{
        switch (st) {
        case SECRET_ABSENT:
                return "absent";
        case SECRET_KNOWN:
                return "known";
        case SECRET_MASKED:
                return "masked";
        case SECRET_ENCRYPTED:
                return "encrypted";
        }
        return "unknown";
}

bool secret_text_is_masked(const char *s, size_t len)
{
        if (len == 0)
                return false;
        for (size_t i = 0; i < len; i++)
                if (s[i] != '*')
                        return false;
        return true;
}
