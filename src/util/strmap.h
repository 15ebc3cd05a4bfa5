/*
 * String-keyed hash map in an arena (open addressing, linear probing).
 * Used for name lookups that would otherwise be quadratic on large configs:
 * ACLs, objects, crypto maps, tunnel-groups by name.
 * Keys are not copied: they must live as long as the map (arena strings).
 */
#ifndef IPSD_STRMAP_H
#define IPSD_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct strmap_slot {
        const char *key;
        void *val;
};

struct strmap {
        struct strmap_slot *slots;
        size_t n, cap;
        bool nocase; /* compare keys ignoring ASCII case */
};

/* Returns the value, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);
/* Inserts or replaces; 0 on success, -1 when the arena is exhausted. */
int strmap_put(struct arena *a, struct strmap *m, const char *key, void *val);

#endif
