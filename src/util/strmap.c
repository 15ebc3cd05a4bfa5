#include "strmap.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

static uint64_t hash_key(const char *s, bool nocase)
{
        uint64_t h = 1469598103934665603ULL; /* FNV-1a */
        for (; *s; s++) {
                unsigned char c = (unsigned char)*s;
                if (nocase && c >= 'A' && c <= 'Z')
                        c = (unsigned char)(c - 'A' + 'a');
                h ^= c;
                h *= 1099511628211ULL;
        }
        return h;
}

static bool key_eq(const char *a, const char *b, bool nocase)
{
        return nocase ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

void *strmap_get(const struct strmap *m, const char *key)
{
        if (!m->cap || !key)
                return NULL;
        size_t i = (size_t)hash_key(key, m->nocase) & (m->cap - 1);
        while (m->slots[i].key) {
                if (key_eq(m->slots[i].key, key, m->nocase))
                        return m->slots[i].val;
                i = (i + 1) & (m->cap - 1);
        }
        return NULL;
}

static void put_slot(struct strmap_slot *slots, size_t cap, const char *key, void *val, bool nocase)
{
        size_t i = (size_t)hash_key(key, nocase) & (cap - 1);
        while (slots[i].key && !key_eq(slots[i].key, key, nocase))
                i = (i + 1) & (cap - 1);
        slots[i].key = key;
        slots[i].val = val;
}

int strmap_put(struct arena *a, struct strmap *m, const char *key, void *val)
{
        if ((m->n + 1) * 2 > m->cap) {
                size_t cap = m->cap ? m->cap * 2 : 16;
                struct strmap_slot *ns = arena_calloc(a, cap, sizeof(*ns));
                if (!ns)
                        return -1;
                for (size_t i = 0; i < m->cap; i++)
                        if (m->slots[i].key)
                                put_slot(ns, cap, m->slots[i].key, m->slots[i].val, m->nocase);
                m->slots = ns;
                m->cap = cap;
        }
        if (!strmap_get(m, key))
                m->n++;
        put_slot(m->slots, m->cap, key, val, m->nocase);
        return 0;
}
