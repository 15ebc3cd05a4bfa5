/*
 * Shared by the key-file fuzz targets (fuzz_keys_*.c): the input, copied to
 * an exact-size heap buffer, through one reader of src/keys; then the
 * store's invariants: lengths in bounds, an error always says what, and an
 * error never quotes a key (no run of 16 hex digits in the message: keys
 * are longer).
 */
#ifndef IPSD_FUZZ_KEYS_H
#define IPSD_FUZZ_KEYS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keys/keys_int.h"

static void keys_check(const struct key_store *ks, int r, const struct diag *d)
{
        if (r) {
                size_t run = 0;
                if (!d->msg[0])
                        abort();
                for (const char *p = d->msg; *p; p++) {
                        run = strchr("0123456789abcdefABCDEF", *p) ? run + 1 : 0;
                        if (run >= 16)
                                abort();
                }
                return;
        }
        if (ks->n > KEYS_MAX || !ks->format)
                abort();
        for (size_t i = 0; i < ks->n; i++) {
                const struct key_entry *e = &ks->v[i];
                const struct key_bytes *k[] = {&e->ka,    &e->skeyid_e, &e->skeyid_d, &e->skeyid_a,
                                               &e->sk_ei, &e->sk_er,    &e->sk_ai,    &e->sk_ar,
                                               &e->sk_d,  &e->ek,       &e->ak};
                for (size_t j = 0; j < sizeof(k) / sizeof(k[0]); j++)
                        if (k[j]->len > KEY_MAX_LEN)
                                abort();
                if (e->kind != KEY_IKEV1 && e->kind != KEY_IKEV2 && e->kind != KEY_ESP)
                        abort();
        }
}

static int keys_fuzz_one(const uint8_t *data, size_t size,
                         int (*parse)(struct key_store *, const char *, size_t, struct diag *))
{
        char *buf = malloc(size ? size : 1);
        if (!buf)
                return 0;
        memcpy(buf, data, size);
        struct key_store ks;
        struct diag d;
        d.msg[0] = '\0';
        keys_init(&ks);
        ks.file = "fuzz";
        int r = parse(&ks, buf, size, &d);
        keys_check(&ks, r, &d);
        keys_free(&ks);
        /* the dispatcher on the same bytes */
        keys_init(&ks);
        d.msg[0] = '\0';
        r = keys_parse(&ks, "fuzz", buf, size, &d);
        keys_check(&ks, r, &d);
        keys_free(&ks);
        free(buf);
        return 0;
}

#endif
