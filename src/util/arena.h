/*
 * Arena allocator: one per parsed input (a device model, a log batch).
 * Everything allocated from an arena is released together by arena_free(),
 * so parsers never free field by field and error paths cannot leak.
 *
 * Each arena has a byte limit (ARENA_DEFAULT_LIMIT unless set): input-driven
 * growth stops there and allocation returns NULL, which callers report as
 * "input too large" instead of exhausting the machine.
 */
#ifndef IPSD_ARENA_H
#define IPSD_ARENA_H

#include <stddef.h>

#define ARENA_DEFAULT_LIMIT ((size_t)1 << 30) /* 1 GiB of model per input */

struct arena_block;

struct arena {
        struct arena_block *head;
        size_t used;  /* bytes handed out, for the limit */
        size_t limit; /* 0 means ARENA_DEFAULT_LIMIT */
};

void arena_init(struct arena *a, size_t limit);
void arena_free(struct arena *a);

/* Zeroed memory, aligned for any object; NULL when the limit is reached. */
void *arena_alloc(struct arena *a, size_t size);
/* Zeroed array with overflow check. */
void *arena_calloc(struct arena *a, size_t n, size_t size);
/* NUL-terminated copy of s[0..len). */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);

/*
 * Growable array of pointers living in an arena. Elements are pointers so
 * that their targets never move; growth copies only the pointer array.
 * Returns 0 on success, -1 when the arena limit is reached.
 */
struct ptrvec {
        void **v;
        size_t n, cap;
};
int ptrvec_push(struct arena *a, struct ptrvec *pv, void *elem);

#endif
