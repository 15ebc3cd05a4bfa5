/*
 * Secrets as a type. A pre-shared key or password read from a config is
 * never stored in clear: secret_set() keeps only HMAC-SHA256(process salt,
 * key). Nothing here can print or return the key, so a leak cannot be
 * written by accident; only equality and a short fingerprint are offered.
 *
 * The salt is random per process, so fingerprints cannot be looked up in a
 * dictionary across runs. Tests set IPSEC_DOCTOR_FINGERPRINT_SALT to make
 * fingerprints reproducible in golden files.
 */
#ifndef IPSD_SECRET_H
#define IPSD_SECRET_H

#include <stdbool.h>
#include <stddef.h>

enum secret_state {
        SECRET_ABSENT = 0, /* nothing configured */
        SECRET_KNOWN,      /* a clear value was configured; digest holds it */
        SECRET_MASKED,     /* shown as ***** or "pre-shared-key *": value unknown */
        SECRET_ENCRYPTED,  /* type 5/6/7/8/9 form: value unknown */
};

#define SECRET_DIGEST_LEN 32
#define SECRET_FP_HEXLEN  8 /* fingerprint: 4 bytes as hex */

struct secret {
        enum secret_state state;
        unsigned char digest[SECRET_DIGEST_LEN];
};

enum secret_cmp {
        SECRET_CMP_EQUAL,
        SECRET_CMP_DIFFERENT,
        SECRET_CMP_UNKNOWN, /* one side absent, masked or encrypted */
};

/* Hashes key[0..len) into s; the caller should not keep the clear key. */
void secret_set(struct secret *s, const char *key, size_t len);
void secret_set_unknown(struct secret *s, enum secret_state why);

enum secret_cmp secret_compare(const struct secret *a, const struct secret *b);

/* Writes SECRET_FP_HEXLEN hex digits + NUL into out (size >= 9) for a
 * KNOWN secret; writes "" otherwise. */
void secret_fingerprint(const struct secret *s, char out[SECRET_FP_HEXLEN + 1]);

const char *secret_state_name(enum secret_state st);

/*
 * Returns true when the text of an argument is a masked or encrypted
 * rendering rather than a value ("*****", "*", "7 0822455D0A16" handled by
 * the caller through the type digit).
 */
bool secret_text_is_masked(const char *s, size_t len);

#endif
