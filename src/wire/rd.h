/*
 * A bounded reader over untrusted bytes: every read checks the bytes left
 * first and fails, without reading, when they are not there (OpenIKED's
 * discipline: validate, then handle; no struct is ever cast onto the bytes).
 * A failed read leaves the reader where it was. Multi-byte fields are
 * network order.
 */
#ifndef IPSD_WIRE_RD_H
#define IPSD_WIRE_RD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A span of the input: never owns its bytes. */
struct wire_view {
        const uint8_t *p;
        size_t len;
};

struct rd {
        const uint8_t *p;
        size_t len, off;
};

static inline struct rd rd_of(const uint8_t *p, size_t len)
{
        struct rd r = {p, len, 0};
        return r;
}

static inline struct rd rd_view(struct wire_view v)
{
        return rd_of(v.p, v.len);
}

static inline size_t rd_left(const struct rd *r)
{
        return r->len - r->off;
}

static inline bool rd_u8(struct rd *r, uint8_t *v)
{
        if (rd_left(r) < 1) {
                *v = 0; /* a short read leaves a defined value behind */
                return false;
        }
        *v = r->p[r->off];
        r->off += 1;
        return true;
}

static inline bool rd_u16(struct rd *r, uint16_t *v)
{
        if (rd_left(r) < 2) {
                *v = 0; /* a short read leaves a defined value behind */
                return false;
        }
        *v = (uint16_t)((unsigned)r->p[r->off] << 8 | r->p[r->off + 1]);
        r->off += 2;
        return true;
}

static inline bool rd_u32(struct rd *r, uint32_t *v)
{
        if (rd_left(r) < 4) {
                *v = 0; /* a short read leaves a defined value behind */
                return false;
        }
        const uint8_t *b = r->p + r->off;
        *v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
        r->off += 4;
        return true;
}

/* n bytes as a view of the input (no copy). */
static inline bool rd_bytes(struct rd *r, size_t n, struct wire_view *v)
{
        if (rd_left(r) < n)
                return false;
        v->p = r->p + r->off;
        v->len = n;
        r->off += n;
        return true;
}

static inline bool rd_copy(struct rd *r, void *dst, size_t n)
{
        struct wire_view v;
        if (!rd_bytes(r, n, &v))
                return false;
        for (size_t i = 0; i < n; i++)
                ((uint8_t *)dst)[i] = v.p[i];
        return true;
}

static inline bool rd_skip(struct rd *r, size_t n)
{
        if (rd_left(r) < n)
                return false;
        r->off += n;
        return true;
}

/* The rest of the input as a view. */
static inline struct wire_view rd_rest(struct rd *r)
{
        struct wire_view v = {r->p + r->off, rd_left(r)};
        r->off = r->len;
        return v;
}

#endif
