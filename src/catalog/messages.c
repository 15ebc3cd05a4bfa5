/*
 * The message catalog's one view over its per-area tables, and lookup.
 * Lookup by (family, key) is a binary search over an index sorted once, so
 * explain's per-line cost does not grow with the catalog.
 */
#include "messages.h"

#include <stdint.h>
#include <stdlib.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

struct message_table {
        const struct message *v;
        const size_t *n;
};

static const struct message_table tables[] = {
    {messages_asa, &messages_asa_count},       {messages_ios, &messages_ios_count},
    {messages_client, &messages_client_count}, {messages_states, &messages_states_count},
    {messages_debug, &messages_debug_count},
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

size_t message_count(void)
{
        size_t n = 0;
        for (size_t t = 0; t < NTABLES; t++)
                n += *tables[t].n;
        return n;
}

const struct message *message_at(size_t i)
{
        for (size_t t = 0; t < NTABLES; t++) {
                if (i < *tables[t].n)
                        return &tables[t].v[i];
                i -= *tables[t].n;
        }
        return NULL;
}

#define INDEX_MAX 1024
static const struct message *index_v[INDEX_MAX];
static size_t index_plen[INDEX_MAX]; /* strlen of each entry's pattern: asked per line */
static int32_t index_asa[INDEX_MAX]; /* an ASA entry's ID as a number; -1 for the others */
static size_t index_n;

static bool contains_n(const char *s, size_t len, const char *pat, size_t pl);

/* The fixed text of each ASA entry, for bodies without a tag. */
static struct {
        const struct message *m;
        const char *lit; /* into the template or the pattern; not terminated */
        size_t len;
} body_lit[INDEX_MAX];
static size_t body_n;

/* The longest run of tmpl outside "{...}" placeholders, without the
 * "Group = {group}, IP = {ip}, " prefix most IKE messages share. */
static void longest_literal(const char *tmpl, const char **lit, size_t *len)
{
        *lit = NULL;
        *len = 0;
        for (const char *p = tmpl; *p;) {
                if (*p == '{') {
                        const char *q = strchr(p, '}');
                        p = q ? q + 1 : p + strlen(p);
                        continue;
                }
                const char *q = p;
                while (*q && *q != '{')
                        q++;
                /* a run that ends just before a placeholder keeps its
                 * words only: "IP = " before "{ip}" is no fixed text */
                const char *a = p, *b = q;
                while (a < b && (*a == ' ' || *a == ',' || *a == '='))
                        a++;
                if ((size_t)(b - a) > *len) {
                        *lit = a;
                        *len = (size_t)(b - a);
                }
                p = q;
        }
}

static void body_fill(void)
{
        for (size_t t = 0; t < NTABLES; t++)
                for (size_t i = 0; i < *tables[t].n && body_n < INDEX_MAX; i++) {
                        const struct message *m = &tables[t].v[i];
                        if (m->family != MSG_ASA_SYSLOG)
                                continue;
                        const char *lit;
                        size_t len;
                        if (m->pattern) {
                                /* A pattern picks among one ID's texts; alone it
                                 * may be a word other messages print too
                                 * ("NO_PROPOSAL_CHOSEN"): the template's longest
                                 * fixed run holding it is the message's text. */
                                lit = m->pattern;
                                len = strlen(lit);
                                const char *tl;
                                size_t tn;
                                longest_literal(m->template, &tl, &tn);
                                if (tn >= MESSAGE_BODY_MIN && contains_n(tl, tn, lit, len)) {
                                        lit = tl;
                                        len = tn;
                                }
                        } else {
                                longest_literal(m->template, &lit, &len);
                        }
                        if (len < MESSAGE_BODY_MIN)
                                continue;
                        body_lit[body_n].m = m;
                        body_lit[body_n].lit = lit;
                        body_lit[body_n++].len = len;
                }
}

/* ASA message IDs are six digits: a direct table from the ID to its first
 * index slot (+1, 0 = unknown), so explain's per-line lookup is one load
 * instead of a binary search of string compares. 2 MB of zero pages, of
 * which only the few around catalogued IDs are ever touched. */
static uint16_t asa_first[MESSAGE_ASA_IDS];

static long asa_id(const char *key)
{
        long id = 0;
        for (int i = 0; i < 6; i++) {
                if (key[i] < '0' || key[i] > '9')
                        return -1;
                id = id * 10 + (key[i] - '0');
        }
        return key[6] ? -1 : id;
}

/* Sorted by family, then key; entries with equal keys keep catalog order
 * (pointer order within one table is catalog order). */
static int cmp_entry(const void *a, const void *b)
{
        const struct message *x = *(const struct message *const *)a;
        const struct message *y = *(const struct message *const *)b;
        if (x->family != y->family)
                return x->family < y->family ? -1 : 1;
        int c = strcmp(x->key, y->key);
        if (c)
                return c;
        return x < y ? -1 : x > y;
}

static void index_fill(void)
{
        size_t n = message_count();
        if (n > INDEX_MAX)
                return;
        for (size_t i = 0; i < n; i++)
                index_v[i] = message_at(i);
        qsort(index_v, n, sizeof(index_v[0]), cmp_entry);
        for (size_t i = n; i-- > 0;) { /* downwards: the first of equal keys wins */
                long id = index_v[i]->family == MSG_ASA_SYSLOG ? asa_id(index_v[i]->key) : -1;
                if (id >= 0)
                        asa_first[id] = (uint16_t)(i + 1);
        }
        for (size_t i = 0; i < n; i++) {
                index_asa[i] =
                    (int32_t)(index_v[i]->family == MSG_ASA_SYSLOG ? asa_id(index_v[i]->key) : -1);
                index_plen[i] = index_v[i]->pattern ? strlen(index_v[i]->pattern) : 0;
        }
        index_n = n;
        body_fill();
}

/* Built once, on first use, from whichever thread asks first (explain
 * parses lines on several threads). */
static void index_build(void)
{
        static atomic_bool ready;
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        if (atomic_load_explicit(&ready, memory_order_acquire))
                return;
        pthread_once(&once, index_fill);
        atomic_store_explicit(&ready, true, memory_order_release);
}

/* memmem without _GNU_SOURCE: patterns are short, texts are lines.
 * pl: strlen(pat). */
static bool contains_n(const char *s, size_t len, const char *pat, size_t pl)
{
        if (pl == 0 || pl > len)
                return pl == 0;
        const char *end = s + len - pl;
        for (const char *p = s; p <= end; p++) {
                p = memchr(p, pat[0], (size_t)(end - p) + 1);
                if (!p)
                        return false;
                if (!memcmp(p, pat, pl))
                        return true;
        }
        return false;
}

static bool contains(const char *s, size_t len, const char *pat)
{
        return contains_n(s, len, pat, strlen(pat));
}

static int cmp_key(enum msg_family f, const char *key, const struct message *m)
{
        if (f != m->family)
                return f < m->family ? -1 : 1;
        return strcmp(key, m->key);
}

static bool pattern_ok(const struct message *m, const char *text)
{
        return !m->pattern || !text || strstr(text, m->pattern);
}

const struct message *message_find(enum msg_family family, const char *key, const char *text)
{
        if (!key)
                return NULL;
        index_build();
        size_t lo = 0, hi = index_n;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (cmp_key(family, key, index_v[mid]) > 0)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        for (size_t i = lo; i < index_n && !cmp_key(family, key, index_v[i]); i++)
                if (pattern_ok(index_v[i], text))
                        return index_v[i];
        return NULL;
}

bool message_asa_listed(unsigned long id)
{
        index_build();
        return id < MESSAGE_ASA_IDS && asa_first[id];
}

const struct message *message_find_asa(unsigned long id, const char *text, size_t len)
{
        index_build();
        if (id >= MESSAGE_ASA_IDS || !asa_first[id])
                return NULL;
        /* the entries of one ID follow each other in the index */
        for (size_t i = asa_first[id] - 1u; i < index_n && index_asa[i] == (int32_t)id; i++) {
                const struct message *m = index_v[i];
                if (!m->pattern || contains_n(text, len, m->pattern, index_plen[i]))
                        return m;
        }
        return NULL;
}

const struct message *message_scan_asa_body(const char *text, size_t len)
{
        index_build();
        for (size_t i = 0; i < body_n; i++)
                if (contains_n(text, len, body_lit[i].lit, body_lit[i].len))
                        return body_lit[i].m;
        return NULL;
}

const struct message *message_scan(enum msg_family family, const char *key_prefix, const char *text,
                                   size_t len)
{
        size_t plen = key_prefix ? strlen(key_prefix) : 0;
        for (size_t t = 0; t < NTABLES; t++)
                for (size_t i = 0; i < *tables[t].n; i++) {
                        const struct message *m = &tables[t].v[i];
                        if (m->family != family || !m->pattern)
                                continue;
                        if (plen && strncmp(m->key, key_prefix, plen))
                                continue;
                        if (contains(text, len, m->pattern))
                                return m;
                }
        return NULL;
}

void message_each_literal(enum msg_family family, bool keys, message_lit_fn fn, void *ctx)
{
        for (size_t t = 0; t < NTABLES; t++)
                for (size_t i = 0; i < *tables[t].n; i++) {
                        const struct message *m = &tables[t].v[i];
                        const char *lit = keys ? m->key : m->pattern;
                        if (m->family == family && lit)
                                fn(ctx, lit, strlen(lit));
                }
}

void message_each_body_literal(message_lit_fn fn, void *ctx)
{
        index_build();
        for (size_t i = 0; i < body_n; i++)
                fn(ctx, body_lit[i].lit, body_lit[i].len);
}

const char *msg_family_name(enum msg_family f)
{
        static const char *const names[] = {"asa",     "ios",   "vpn-client", "anyconnect", "state",
                                            "counter", "debug", "cli",        "capture"};
        return (size_t)f < sizeof(names) / sizeof(names[0]) ? names[f] : "unknown";
}
