/* The key store, the file loader and the choice of reader (keys.h). */
#include <errno.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "keys_int.h"

void keys_init(struct key_store *ks)
{
        memset(ks, 0, sizeof(*ks));
}

void keys_free(struct key_store *ks)
{
        if (ks->v) {
                OPENSSL_cleanse(ks->v, ks->cap * sizeof(*ks->v));
                free(ks->v);
        }
        memset(ks, 0, sizeof(*ks));
}

struct key_entry *keys_add(struct key_store *ks, enum key_kind kind, uint32_t line)
{
        if (ks->n == KEYS_MAX)
                return NULL;
        if (ks->n == ks->cap) {
                size_t cap = ks->cap ? ks->cap * 2 : 8;
                struct key_entry *v = calloc(cap, sizeof(*v));
                if (!v)
                        return NULL;
                if (ks->n) {
                        memcpy(v, ks->v, ks->n * sizeof(*v));
                        OPENSSL_cleanse(ks->v, ks->cap * sizeof(*ks->v));
                }
                free(ks->v);
                ks->v = v, ks->cap = cap;
        }
        struct key_entry *e = &ks->v[ks->n++];
        memset(e, 0, sizeof(*e));
        e->kind = kind;
        e->file = ks->file;
        e->line = line;
        return e;
}

bool klines_next(struct klines *it, struct kline *l)
{
        if (it->p >= it->end)
                return false;
        const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
        const char *stop = nl ? nl : it->end;
        l->p = it->p;
        l->len = (size_t)(stop - it->p);
        if (l->len && l->p[l->len - 1] == '\r')
                l->len--;
        l->no = ++it->no;
        it->p = nl ? nl + 1 : it->end;
        return true;
}

static int hexval(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

bool key_hex(const char *p, size_t n, struct key_bytes *k)
{
        if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
                p += 2, n -= 2;
        if (n % 2 || n / 2 > KEY_MAX_LEN)
                return false;
        for (size_t i = 0; i < n; i += 2) {
                int hi = hexval(p[i]), lo = hexval(p[i + 1]);
                if (hi < 0 || lo < 0)
                        return false;
                k->b[i / 2] = (uint8_t)(hi << 4 | lo);
        }
        k->len = (uint8_t)(n / 2);
        return true;
}

bool spi8_hex(const char *p, size_t n, uint8_t out[8])
{
        struct key_bytes k;
        if (!key_hex(p, n, &k) || k.len != 8)
                return false;
        memcpy(out, k.b, 8);
        return true;
}

/* The format, from the first line any reader recognises. */
int keys_parse(struct key_store *ks, const char *name, const char *text, size_t len, struct diag *d)
{
        static const struct {
                bool (*detect)(const struct kline *);
                int (*parse)(struct key_store *, const char *, size_t, struct diag *);
        } readers[] = {
            {ws_detect, ws_parse},
            {xfrm_detect, xfrm_parse},
            {charon_detect, charon_parse},
            {pluto_detect, pluto_parse},
        };
        ks->file = name;
        size_t before = ks->n;
        struct klines it = {text, text + len, 0};
        struct kline l;
        while (klines_next(&it, &l))
                for (size_t r = 0; r < sizeof(readers) / sizeof(readers[0]); r++)
                        if (readers[r].detect(&l)) {
                                if (readers[r].parse(ks, text, len, d))
                                        return -1;
                                if (ks->n == before) {
                                        diag_set(d, name, 0, "no key in this %s", ks->format);
                                        return -1;
                                }
                                return 0;
                        }
        diag_set(d, name, 0,
                 "not a key file: expected a Wireshark decryption table (ikev1, ikev2, esp_sa), "
                 "`ip xfrm state` output or a charon log at ike = 4");
        return -1;
}

int keys_load(struct key_store *ks, const char *path, struct diag *d)
{
        FILE *f = fopen(path, "rb");
        if (!f) {
                diag_set(d, path, 0, "cannot open: %s", strerror(errno));
                return -1;
        }
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
                fclose(f);
                diag_set(d, path, 0, "is a directory, not a key file");
                return -1;
        }
        size_t cap = 1 << 16, n = 0;
        char *buf = malloc(cap);
        int rc = -1;
        while (buf) {
                if (n == cap) {
                        if (cap >= KEYS_MAX_FILE) {
                                diag_set(d, path, 0, "larger than %u MB, not read",
                                         KEYS_MAX_FILE >> 20);
                                goto out;
                        }
                        char *nb = realloc(buf, cap * 2);
                        if (!nb)
                                break;
                        buf = nb, cap *= 2;
                }
                size_t got = fread(buf + n, 1, cap - n, f);
                n += got;
                if (got == 0) {
                        if (ferror(f)) {
                                diag_set(d, path, 0, "read error");
                                goto out;
                        }
                        rc = keys_parse(ks, path, buf, n, d);
                        goto out;
                }
        }
        diag_set(d, path, 0, "out of memory");
out:
        if (buf) {
                OPENSSL_cleanse(buf, cap);
                free(buf);
        }
        fclose(f);
        return rc;
}
