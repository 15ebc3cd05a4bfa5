/* What decrypt.c, decrypt_v1.c, decrypt_v2.c, params.c and child.c share. */
#ifndef IPSD_CAPTURE_DECRYPT_INT_H
#define IPSD_CAPTURE_DECRYPT_INT_H

#include "../crypto/hash.h"
#include "../wire/ike.h"
#include "decrypt.h"
#include "sessions.h"

/* ---- parameters read from decoded payloads (params.c) ---------------- */

/* The first proposal of an SA payload, as numbers: IKEv2 transform IDs, or
 * IKEv1 attributes (phase 1: encr, key length, hash; phase 2: the ESP
 * transform ID, key length, auth algorithm). */
struct sa_choice {
        bool ok;
        uint8_t proto;
        uint32_t spi; /* a 4-byte SPI (ESP/AH), else 0 */
        bool has_spi;
        unsigned encr, encr_bits, prf, integ, hash;
};
/* IKEv2: the first proposal (of a response: the chosen one). */
struct sa_choice v2_sa_choice(struct wire_view body);
/* IKEv1 phase 1 (main/aggressive mode SA) and phase 2 (Quick Mode SA). */
struct sa_choice v1_sa_choice(struct wire_view body, bool phase1);

/* The body of the first payload of a type in a decoded chain. */
bool pl_body(const struct ike_msg *m, uint8_t type, struct wire_view *v);
/* The KE payload's data (version 1 or 2). */
bool pl_ke(const struct ike_msg *m, struct wire_view *v);

/* ---- decryption (decrypt_v1.c, decrypt_v2.c) --------------------------- */

/* The plaintext chain of a message, decoded: m's payloads point into buf,
 * which the caller owns (at least the message's length). */
struct plain {
        struct ike_msg m;
        uint8_t *buf;
        size_t len; /* of buf, wiped when freed */
};
void plain_free(struct plain *p);

/* Who hears of each decrypted message (decrypt.h's cap_plain_fn). */
struct dec_hook {
        cap_plain_fn fn;
        void *ctx;
};

/* A decrypted message's payloads into sa->msgs[i] (its outer list
 * replaced), then the hook. */
void dec_fill(struct cap_sa *sa, size_t i, const struct ike_msg *inner, const struct dec_hook *h);

/* Decrypts one IKE SA (its cap_sa_keys already allocated); returns -1
 * only when memory runs out. */
int dec_v1(struct cap_sa *sa, const struct key_store *ks, const struct dec_hook *h);
int dec_v2(struct cap_sa *sa, const struct key_store *ks, const struct dec_hook *h);

/* ---- ESP keys (child.c) ------------------------------------------------ */

/* Adds a child SA (its keys derived by the caller) and compares it with
 * the key file's ESP entries. */
void child_add(struct cap_sa_keys *k, const struct key_store *ks, const struct cap_sa *sa,
               const struct cap_child *c);

#endif
