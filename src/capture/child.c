/* Derived ESP keys, compared with the key file's (decrypt_int.h). */
#include <openssl/crypto.h>
#include <string.h>

#include "decrypt_int.h"

static size_t alen(int af)
{
        return af == 6 ? 16 : 4;
}

/* -1: no ESP key for this SPI in the file; 0: one, and it differs; 1:
 * equal (the encryption key and, without AEAD, the authentication key). */
static int match(const struct key_store *ks, const struct cap_sa *sa, const struct cap_child *c)
{
        const uint8_t *dst = c->to_responder ? sa->resp : sa->ini;
        int r = -1;
        for (size_t i = 0; i < ks->n; i++) {
                const struct key_entry *e = &ks->v[i];
                if (e->kind != KEY_ESP || e->any_spi || e->spi != c->spi)
                        continue;
                if (!e->any_dst && e->af == sa->af && memcmp(e->dst, dst, alen(sa->af)))
                        continue;
                bool same =
                    e->ek.len == c->ek.len && !CRYPTO_memcmp(e->ek.b, c->ek.b, c->ek.len) &&
                    (c->integ.hash == CH_NONE ||
                     (e->ak.len == c->ak.len && !CRYPTO_memcmp(e->ak.b, c->ak.b, c->ak.len)));
                if (same)
                        return 1;
                r = 0;
        }
        return r;
}

void child_add(struct cap_sa_keys *k, const struct key_store *ks, const struct cap_sa *sa,
               const struct cap_child *c)
{
        if (k->nchild == CAP_MAX_CHILD)
                return;
        struct cap_child *n = &k->child[k->nchild++];
        *n = *c;
        n->file_match = match(ks, sa, c);
}
