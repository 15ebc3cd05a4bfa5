/*
 * strongSwan charon logs at `ike = 4` (filelog or syslog): charon dumps
 * each secret it derives as a label line and hex lines (keymat_v1.c /
 * keymat_v2.c, chunk_t printed with %B):
 *   14[IKE] SKEYID_e => 32 bytes @ 0x7f5d0000d4f0
 *   14[IKE]    0: 07 12 C0 74 E9 6B 0D B7 14 24 CC A0 C7 46 BC 82  ...t.k...$...F..
 * Kept: IKEv1 SKEYID_d, SKEYID_a, SKEYID_e and "encryption key Ka";
 * IKEv2 "Sk_d secret", "Sk_ai secret", "Sk_ar secret", "Sk_ei secret",
 * "Sk_er secret". The lines of one dump carry the thread number of its
 * label; an SA's secrets are logged by one thread in that order, so a new
 * SKEYID_d (or Sk_d) starts a new SA. charon logs no SPI beside them: the
 * entries are unbound (keys.h). Anything else in the log (its PSK dump
 * too) is skipped, never kept.
 */
#include <stdio.h>
#include <string.h>

#include "keys_int.h"

#define MAX_THREADS 256

/* The text after "NN[IKE] " (and a "<conn|1> " tag); thread is NN or -1. */
static bool body(const struct kline *l, int *thread, const char **p, size_t *n)
{
        const char *b = NULL;
        for (size_t i = 0; i + 6 <= l->len; i++)
                if (l->p[i] == '[' && l->p[i + 4] == ']' && l->p[i + 5] == ' ' &&
                    (!strncmp(l->p + i + 1, "IKE", 3) || !strncmp(l->p + i + 1, "CHD", 3))) {
                        b = l->p + i;
                        break;
                }
        if (!b)
                return false;
        int t = 0, digits = 0;
        for (const char *q = b; q > l->p && q[-1] >= '0' && q[-1] <= '9' && digits < 3; q--)
                digits++;
        for (int k = digits; k > 0; k--)
                t = t * 10 + (b[-k] - '0');
        *thread = digits ? t : -1;
        *p = b + 6;
        *n = l->len - (size_t)(*p - l->p);
        if (*n && **p == '<') { /* ike_name = yes: "<conn|1> " */
                const char *gt = memchr(*p, '>', *n);
                if (gt && (size_t)(gt - *p) + 1 < *n && gt[1] == ' ') {
                        *n -= (size_t)(gt + 2 - *p);
                        *p = gt + 2;
                }
        }
        return true;
}

enum label {
        L_NONE,
        L_V1_D,
        L_V1_A,
        L_V1_E,
        L_V1_KA,
        L_V2_D,
        L_V2_AI,
        L_V2_AR,
        L_V2_EI,
        L_V2_ER,
};

static const struct {
        const char *text;
        enum label label;
} labels[] = {
    {"SKEYID_d", L_V1_D},           {"SKEYID_a", L_V1_A},      {"SKEYID_e", L_V1_E},
    {"encryption key Ka", L_V1_KA}, {"Sk_d secret", L_V2_D},   {"Sk_ai secret", L_V2_AI},
    {"Sk_ar secret", L_V2_AR},      {"Sk_ei secret", L_V2_EI}, {"Sk_er secret", L_V2_ER},
};

/* "LABEL => N bytes @ 0x...": the label and N. */
static enum label label_of(const char *p, size_t n, unsigned *bytes)
{
        for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
                size_t k = strlen(labels[i].text);
                if (n > k + 4 && !strncmp(p, labels[i].text, k) && !strncmp(p + k, " => ", 4)) {
                        char buf[32];
                        size_t m = n - k - 4 < sizeof(buf) - 1 ? n - k - 4 : sizeof(buf) - 1;
                        memcpy(buf, p + k + 4, m);
                        buf[m] = '\0';
                        if (sscanf(buf, "%u bytes", bytes) != 1)
                                return L_NONE;
                        return labels[i].label;
                }
        }
        return L_NONE;
}

bool charon_detect(const struct kline *l)
{
        int t;
        const char *p;
        size_t n;
        unsigned b;
        return body(l, &t, &p, &n) && label_of(p, n, &b) != L_NONE;
}

/* A hex line "   16: 59 88 3A ...  ascii": appends its bytes to k;
 * false when the line is not one. */
static bool hex_line(const char *p, size_t n, struct key_bytes *k, unsigned want, bool *overflow)
{
        size_t i = 0;
        while (i < n && p[i] == ' ')
                i++;
        size_t d = i;
        while (i < n && p[i] >= '0' && p[i] <= '9')
                i++;
        if (i == d || i + 2 > n || p[i] != ':' || p[i + 1] != ' ')
                return false;
        i += 2;
        for (int b = 0; b < 16 && i + 2 <= n; b++) {
                struct key_bytes one;
                if (!key_hex(p + i, 2, &one))
                        break;
                if (k->len >= want || k->len >= KEY_MAX_LEN) {
                        *overflow = true;
                        return true;
                }
                k->b[k->len++] = one.b[0];
                i += 2;
                if (i < n && p[i] == ' ')
                        i++;
                else
                        break;
        }
        return true;
}

struct pending {
        int entry; /* index in ks->v, -1 none */
        enum label label;
        unsigned want;
        uint32_t line;
};

static struct key_bytes *slot(struct key_entry *e, enum label l)
{
        switch (l) {
        case L_V1_D:
                return &e->skeyid_d;
        case L_V1_A:
                return &e->skeyid_a;
        case L_V1_E:
                return &e->skeyid_e;
        case L_V1_KA:
                return &e->ka;
        case L_V2_D:
                return &e->sk_d;
        case L_V2_AI:
                return &e->sk_ai;
        case L_V2_AR:
                return &e->sk_ar;
        case L_V2_EI:
                return &e->sk_ei;
        case L_V2_ER:
                return &e->sk_er;
        case L_NONE:
                break;
        }
        return NULL;
}

/* The key a pending dump fills (an index, not a pointer: keys_add moves
 * the entries). */
static struct key_bytes *pending_key(struct key_store *ks, const struct pending *pd)
{
        return pd->entry >= 0 && pd->label != L_NONE ? slot(&ks->v[pd->entry], pd->label) : NULL;
}

static int finish(struct key_store *ks, struct pending *pd, struct diag *d)
{
        const struct key_bytes *k = pending_key(ks, pd);
        if (k && k->len != pd->want) {
                diag_set(d, ks->file, pd->line, "the dump under this line has %u of its %u bytes",
                         k->len, pd->want);
                return -1;
        }
        pd->label = L_NONE;
        return 0;
}

int charon_parse(struct key_store *ks, const char *text, size_t len, struct diag *d)
{
        static const struct pending zero = {-1, L_NONE, 0, 0};
        struct pending pd[MAX_THREADS];
        for (size_t i = 0; i < MAX_THREADS; i++)
                pd[i] = zero;
        struct klines it = {text, text + len, 0};
        struct kline l;
        ks->format = "charon log";
        while (klines_next(&it, &l)) {
                int th;
                const char *p;
                size_t n;
                if (!body(&l, &th, &p, &n))
                        continue;
                struct pending *c = &pd[th < 0 ? 0 : th % MAX_THREADS];
                unsigned bytes = 0;
                enum label lb = label_of(p, n, &bytes);
                if (lb == L_NONE) {
                        bool over = false;
                        struct key_bytes *k = pending_key(ks, c);
                        if (k && hex_line(p, n, k, c->want, &over)) {
                                if (over) {
                                        diag_set(d, ks->file, l.no,
                                                 "more bytes than the %u its label says", c->want);
                                        return -1;
                                }
                                continue;
                        }
                        if (finish(ks, c, d))
                                return -1;
                        continue;
                }
                if (finish(ks, c, d))
                        return -1;
                if (bytes > KEY_MAX_LEN) {
                        diag_set(d, ks->file, l.no, "a %u-byte secret: longer than any key (%d)",
                                 bytes, KEY_MAX_LEN);
                        return -1;
                }
                bool v1 = lb <= L_V1_KA;
                struct key_entry *e = c->entry >= 0 ? &ks->v[c->entry] : NULL;
                /* SKEYID_d / Sk_d open an SA's dumps; a secret of the other
                 * version, or one already read, opens another */
                bool fresh = lb == L_V1_D || lb == L_V2_D || !e || (e->kind == KEY_IKEV1) != v1 ||
                             slot(e, lb)->len;
                if (fresh) {
                        e = keys_add(ks, v1 ? KEY_IKEV1 : KEY_IKEV2, l.no);
                        if (!e) {
                                diag_set(d, ks->file, l.no, "too many keys (or out of memory)");
                                return -1;
                        }
                        c->entry = (int)(e - ks->v);
                }
                *c = (struct pending){c->entry, lb, bytes, l.no};
                if (!bytes)
                        c->label = L_NONE; /* "Sk_ai secret => 0 bytes": AEAD */
        }
        for (size_t i = 0; i < MAX_THREADS; i++)
                if (finish(ks, &pd[i], d))
                        return -1;
        return 0;
}
