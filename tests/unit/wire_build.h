/*
 * Builds IKE messages byte by byte for the decoder's tests: the bytes are
 * exactly what RFC 2408 / RFC 7296 lay out, written here field by field
 * (network order), never by the decoder's own code.
 */
#ifndef IPSD_TEST_WIRE_BUILD_H
#define IPSD_TEST_WIRE_BUILD_H

#include <stdint.h>
#include <string.h>

struct wb {
        uint8_t b[8192];
        size_t n;
        size_t open[8]; /* offsets of structures whose length is patched at close */
        int depth;
};

static inline void wb_u8(struct wb *w, unsigned v)
{
        w->b[w->n++] = (uint8_t)v;
}
static inline void wb_u16(struct wb *w, unsigned v)
{
        wb_u8(w, v >> 8);
        wb_u8(w, v);
}
static inline void wb_u32(struct wb *w, uint32_t v)
{
        wb_u16(w, v >> 16);
        wb_u16(w, v & 0xffff);
}
static inline void wb_bytes(struct wb *w, const void *p, size_t n)
{
        memcpy(w->b + w->n, p, n);
        w->n += n;
}
static inline void wb_fill(struct wb *w, unsigned v, size_t n)
{
        memset(w->b + w->n, (int)v, n);
        w->n += n;
}

/* Header: cookies/SPIs 0x11.. and 0x22.. (rspi zero when rz). The length is
 * patched by wb_done. */
static inline void wb_hdr(struct wb *w, int rz, unsigned next, unsigned ver, unsigned exch,
                          unsigned flags, uint32_t msgid)
{
        w->n = 0;
        w->depth = 0;
        wb_fill(w, 0x11, 8);
        wb_fill(w, rz ? 0 : 0x22, 8);
        wb_u8(w, next);
        wb_u8(w, ver);
        wb_u8(w, exch);
        wb_u8(w, flags);
        wb_u32(w, msgid);
        wb_u32(w, 0);
}
static inline void wb_done(struct wb *w)
{
        w->b[24] = (uint8_t)(w->n >> 24);
        w->b[25] = (uint8_t)(w->n >> 16);
        w->b[26] = (uint8_t)(w->n >> 8);
        w->b[27] = (uint8_t)w->n;
}

/* A generic header (next, flags byte, length patched at wb_close). */
static inline void wb_open(struct wb *w, unsigned next, unsigned flags)
{
        w->open[w->depth++] = w->n;
        wb_u8(w, next);
        wb_u8(w, flags);
        wb_u16(w, 0);
}
static inline void wb_close(struct wb *w)
{
        size_t at = w->open[--w->depth];
        size_t len = w->n - at;
        w->b[at + 2] = (uint8_t)(len >> 8);
        w->b[at + 3] = (uint8_t)len;
}

static inline void wb_tv(struct wb *w, unsigned type, unsigned value)
{
        wb_u16(w, 0x8000 | type);
        wb_u16(w, value);
}
static inline void wb_tlv32(struct wb *w, unsigned type, uint32_t value)
{
        wb_u16(w, type);
        wb_u16(w, 4);
        wb_u32(w, value);
}

#endif
