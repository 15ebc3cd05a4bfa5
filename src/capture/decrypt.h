/*
 * `capture --keys`: the encrypted IKE messages of a capture decrypted with
 * the keys of a key file (keys/keys.h), and their payloads decoded by the
 * same wire/ decoder and filed in the same cap_msg fields as clear ones, so
 * that the ladder and the diagnosis read decrypted notifies, IDs and SAs as
 * they read clear ones.
 *
 * Nothing is guessed: a message is decrypted (CAP_DEC_OK) only when the
 * IKEv2 ICV or AEAD tag verifies, or, for IKEv1 (which has no ICV), when the
 * plaintext is a well-formed payload chain (known types, reserved bits
 * clear, lengths that end inside the message, less than 256 bytes of
 * padding). Otherwise it is "no key" or "wrong key", and nothing inside it
 * is used.
 *
 * The IKEv1 cipher key comes from the key file (Wireshark's Ka, or charon's
 * Ka / SKEYID_e, expanded as RFC 2409 App. B says), the IV from the clear
 * KE payloads (App. B) and the message chain. With SKEYID_d (IKEv1) or SK_d
 * (IKEv2), each child SA's ESP keys are derived (RFC 2409 5.5, RFC 7296
 * 2.17) from the nonces and SPIs of the decrypted Quick Mode / IKE_AUTH /
 * CREATE_CHILD_SA, when the child used no PFS (a PFS exchange needs its DH
 * secret, which no key file gives: it is said). Derived ESP keys are
 * compared with the ESP keys of the key file (esp_sa, ip xfrm state) when
 * it has them.
 */
#ifndef IPSD_CAPTURE_DECRYPT_H
#define IPSD_CAPTURE_DECRYPT_H

#include <stdbool.h>
#include <stdint.h>

#include "../crypto/cipher.h"
#include "../crypto/integ.h"
#include "../keys/keys.h"

#define CAP_MAX_CHILD 8

/* An ESP SA whose keys were derived from SKEYID_d / SK_d. */
struct cap_child {
        uint32_t spi;      /* the receiver's SPI, as in the ESP header */
        bool to_responder; /* its traffic flows initiator -> responder */
        uint64_t frame;    /* the message that completed it */
        struct cipher_spec encr;
        struct integ_spec integ;
        struct key_bytes ek, ak;
        int file_match; /* -1: the key file has no key for this SPI; 0: differs; 1: equal */
        /* ESP packets of this SPI in the capture, and those its keys
         * decrypted (esp_dec.c; only the first few are tried) */
        uint64_t esp_seen;
        uint32_t esp_ok, esp_bad;
        uint8_t esp_inner; /* next header of the first decrypted packet */
};

/* What --keys did for one IKE SA (cap_sa.keys). */
struct cap_sa_keys {
        const struct key_entry *key; /* the key file's entry used; NULL when none */
        bool by_trial;               /* a log's unbound key, found by trying it */
        uint32_t decrypted, failed;  /* distinct encrypted messages */
        const char *child_note;      /* why no ESP keys were derived, or NULL */
        struct cap_child child[CAP_MAX_CHILD];
        size_t nchild;
};

struct cap_set;
struct cap_sa;
struct key_store;
/* Decrypts every SA of cs it can. Call after cap_name_steps(). 0, or -1
 * when memory runs out. */
int cap_decrypt(struct cap_set *cs, const struct key_store *ks);
/* The same, calling fn with each message that decrypted and its inner
 * payload chain (valid during the call only; the keys never: the
 * plaintext of the payloads only), for those who read the payloads
 * themselves (tests/tools/keys_dump.c). */
struct cap_msg;
struct ike_msg;
typedef void (*cap_plain_fn)(void *ctx, const struct cap_sa *sa, size_t msg,
                             const struct ike_msg *inner);
int cap_decrypt_each(struct cap_set *cs, const struct key_store *ks, cap_plain_fn fn, void *ctx);
/* "decrypted", "no key", "wrong key", "not decrypted" (enum cap_dec). */
const char *cap_dec_name(unsigned d);
/* Wipes and frees one SA's key state. */
void cap_sa_keys_free(struct cap_sa_keys *k);

#endif
