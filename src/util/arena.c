#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN ((size_t)64 * 1024)
#define ALIGN     ((size_t)16)

struct arena_block {
        struct arena_block *next;
        size_t size, off;
        _Alignas(16) unsigned char data[];
};

void arena_init(struct arena *a, size_t limit)
{
        a->head = NULL;
        a->used = 0;
        a->limit = limit ? limit : ARENA_DEFAULT_LIMIT;
}

void arena_free(struct arena *a)
{
        struct arena_block *b = a->head;
        while (b) {
                struct arena_block *next = b->next;
                free(b);
                b = next;
        }
        a->head = NULL;
        a->used = 0;
}

void *arena_alloc(struct arena *a, size_t size)
{
        if (size == 0)
                size = 1;
        if (size > SIZE_MAX - ALIGN)
                return NULL;
        size = (size + ALIGN - 1) & ~(ALIGN - 1);
        if (a->limit == 0)
                a->limit = ARENA_DEFAULT_LIMIT;
        if (size > a->limit || a->used > a->limit - size)
                return NULL;
        struct arena_block *b = a->head;
        if (!b || b->size - b->off < size) {
                size_t bsize = size > BLOCK_MIN ? size : BLOCK_MIN;
                b = malloc(sizeof(*b) + bsize);
                if (!b)
                        return NULL;
                b->size = bsize;
                b->off = 0;
                b->next = a->head;
                a->head = b;
        }
        void *p = b->data + b->off;
        b->off += size;
        a->used += size;
        memset(p, 0, size);
        return p;
}

void *arena_calloc(struct arena *a, size_t n, size_t size)
{
        if (size && n > SIZE_MAX / size)
                return NULL;
        return arena_alloc(a, n * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
        if (len == SIZE_MAX)
                return NULL;
        char *d = arena_alloc(a, len + 1);
        if (!d)
                return NULL;
        if (len)
                memcpy(d, s, len);
        d[len] = '\0';
        return d;
}

char *arena_strdup(struct arena *a, const char *s)
{
        return arena_strndup(a, s, strlen(s));
}

int ptrvec_push(struct arena *a, struct ptrvec *pv, void *elem)
{
        if (pv->n == pv->cap) {
                size_t cap = pv->cap ? pv->cap * 2 : 8;
                void **nv = arena_calloc(a, cap, sizeof(*nv));
                if (!nv)
                        return -1;
                if (pv->n)
                        memcpy(nv, pv->v, pv->n * sizeof(*nv));
                pv->v = nv;
                pv->cap = cap;
        }
        pv->v[pv->n++] = elem;
        return 0;
}
