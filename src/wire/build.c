/*
 * The IKE message builder (build.h): bounded writes, chain and lengths
 * patched as payloads begin and end. Layouts: RFC 2408 3.1-3.16 (ISAKMP),
 * RFC 2407 4.6 (IPsec DOI), RFC 7296 3.1-3.10 (IKEv2).
 */
#include <string.h>

#include "build.h"

void ike_wb_init(struct ike_wb *w, uint8_t *buf, size_t cap)
{
        w->p = buf;
        w->cap = cap;
        w->len = 0;
        w->failed = false;
        w->next_at = 0;
}

static bool room(struct ike_wb *w, size_t n)
{
        if (w->failed || w->cap - w->len < n) {
                w->failed = true;
                return false;
        }
        return true;
}

void ike_wb_u8(struct ike_wb *w, uint8_t v)
{
        if (room(w, 1))
                w->p[w->len++] = v;
}

void ike_wb_u16(struct ike_wb *w, uint16_t v)
{
        if (!room(w, 2))
                return;
        w->p[w->len++] = (uint8_t)(v >> 8);
        w->p[w->len++] = (uint8_t)v;
}

void ike_wb_u32(struct ike_wb *w, uint32_t v)
{
        if (!room(w, 4))
                return;
        for (int s = 24; s >= 0; s -= 8)
                w->p[w->len++] = (uint8_t)(v >> s);
}

void ike_wb_bytes(struct ike_wb *w, const void *p, size_t n)
{
        if (!n || !room(w, n))
                return;
        memcpy(w->p + w->len, p, n);
        w->len += n;
}

static void put16_at(struct ike_wb *w, size_t at, size_t v)
{
        if (v > 0xffff) {
                w->failed = true; /* a length the field cannot hold */
                return;
        }
        w->p[at] = (uint8_t)(v >> 8);
        w->p[at + 1] = (uint8_t)v;
}

void ike_wb_header(struct ike_wb *w, int version, const uint8_t ispi[8], const uint8_t rspi[8],
                   uint8_t exchange, uint8_t flags, uint32_t msgid)
{
        if (w->len != 0 || (version != 1 && version != 2)) {
                w->failed = true;
                return;
        }
        ike_wb_bytes(w, ispi, 8);
        ike_wb_bytes(w, rspi, 8);
        w->next_at = w->len;
        ike_wb_u8(w, 0); /* first payload: filled by ike_wb_begin */
        ike_wb_u8(w, version == 1 ? 0x10 : 0x20);
        ike_wb_u8(w, exchange);
        ike_wb_u8(w, flags);
        ike_wb_u32(w, msgid);
        ike_wb_u32(w, 0); /* length: filled by ike_wb_finish */
}

size_t ike_wb_begin(struct ike_wb *w, uint8_t type, bool critical)
{
        size_t at = w->len;
        if (!room(w, 4) || w->len < 28)
                return w->failed = true, at;
        w->p[w->next_at] = type;
        w->next_at = at;
        ike_wb_u8(w, 0); /* next: the following payload's begin fills it */
        ike_wb_u8(w, critical ? 0x80 : 0);
        ike_wb_u16(w, 0);
        return at;
}

void ike_wb_end(struct ike_wb *w, size_t at)
{
        if (!w->failed)
                put16_at(w, at + 2, w->len - at);
}

int ike_wb_finish(struct ike_wb *w, size_t *len)
{
        if (w->failed || w->len < 28)
                return -1;
        size_t n = w->len;
        w->p[24] = (uint8_t)(n >> 24);
        w->p[25] = (uint8_t)(n >> 16);
        w->p[26] = (uint8_t)(n >> 8);
        w->p[27] = (uint8_t)n;
        *len = n;
        return 0;
}

void ike_wb_attr_tv(struct ike_wb *w, uint16_t type, uint16_t value)
{
        ike_wb_u16(w, (uint16_t)(0x8000 | type));
        ike_wb_u16(w, value);
}

void ike_wb_attr_tlv(struct ike_wb *w, uint16_t type, const void *p, uint16_t n)
{
        ike_wb_u16(w, (uint16_t)(type & 0x7fff));
        ike_wb_u16(w, n);
        ike_wb_bytes(w, p, n);
}

/* A proposal or transform substructure: "next" is 2 or 3 while more
 * follow, 0 for the last (RFC 2408 3.5-3.6, RFC 7296 3.3.1-3.3.2). */
static size_t sub_begin(struct ike_wb *w, uint8_t more, bool last)
{
        size_t at = w->len;
        ike_wb_u8(w, last ? 0 : more);
        ike_wb_u8(w, 0);
        ike_wb_u16(w, 0);
        return at;
}

void ike_wb_v1_sa(struct ike_wb *w, const struct ike_v1_xform *x, size_t n)
{
        if (n == 0 || n > 255) {
                w->failed = true;
                return;
        }
        size_t sa = ike_wb_begin(w, 1, false);
        ike_wb_u32(w, 1); /* DOI: IPsec (RFC 2407 4.2) */
        ike_wb_u32(w, 1); /* SIT_IDENTITY_ONLY */
        size_t prop = sub_begin(w, 2, true);
        ike_wb_u8(w, 1); /* proposal #1 */
        ike_wb_u8(w, 1); /* PROTO_ISAKMP */
        ike_wb_u8(w, 0); /* no SPI in phase 1 */
        ike_wb_u8(w, (uint8_t)n);
        for (size_t i = 0; i < n; i++) {
                size_t t = sub_begin(w, 3, i + 1 == n);
                ike_wb_u8(w, (uint8_t)(i + 1));
                ike_wb_u8(w, 1); /* KEY_IKE */
                ike_wb_u16(w, 0);
                ike_wb_attr_tv(w, 1, x[i].encr);
                if (x[i].keylen)
                        ike_wb_attr_tv(w, 14, x[i].keylen);
                ike_wb_attr_tv(w, 2, x[i].hash);
                ike_wb_attr_tv(w, 3, x[i].auth);
                ike_wb_attr_tv(w, 4, x[i].group);
                if (x[i].life) {
                        uint8_t d[4] = {(uint8_t)(x[i].life >> 24), (uint8_t)(x[i].life >> 16),
                                        (uint8_t)(x[i].life >> 8), (uint8_t)x[i].life};
                        ike_wb_attr_tv(w, 11, 1); /* seconds */
                        ike_wb_attr_tlv(w, 12, d, 4);
                }
                ike_wb_end(w, t);
        }
        ike_wb_end(w, prop);
        ike_wb_end(w, sa);
}

void ike_wb_v2_sa(struct ike_wb *w, const struct ike_v2_prop *p, size_t n)
{
        if (n == 0 || n > 255) {
                w->failed = true;
                return;
        }
        size_t sa = ike_wb_begin(w, 33, false);
        for (size_t i = 0; i < n; i++) {
                if (p[i].n == 0 || p[i].n > 255) {
                        w->failed = true;
                        return;
                }
                size_t prop = sub_begin(w, 2, i + 1 == n);
                ike_wb_u8(w, (uint8_t)(i + 1));
                ike_wb_u8(w, p[i].proto);
                ike_wb_u8(w, p[i].spi ? p[i].spi_size : 0);
                ike_wb_u8(w, (uint8_t)p[i].n);
                if (p[i].spi)
                        ike_wb_bytes(w, p[i].spi, p[i].spi_size);
                for (size_t j = 0; j < p[i].n; j++) {
                        const struct ike_v2_xf *x = &p[i].xf[j];
                        size_t t = sub_begin(w, 3, j + 1 == p[i].n);
                        ike_wb_u8(w, x->type);
                        ike_wb_u8(w, 0);
                        ike_wb_u16(w, x->id);
                        if (x->keylen)
                                ike_wb_attr_tv(w, 14, x->keylen);
                        ike_wb_end(w, t);
                }
                ike_wb_end(w, prop);
        }
        ike_wb_end(w, sa);
}

void ike_wb_ke(struct ike_wb *w, int version, uint16_t group, const uint8_t *pub, size_t n)
{
        size_t at = ike_wb_begin(w, version == 1 ? 4 : 34, false);
        if (version != 1) {
                ike_wb_u16(w, group);
                ike_wb_u16(w, 0);
        }
        ike_wb_bytes(w, pub, n);
        ike_wb_end(w, at);
}

void ike_wb_raw(struct ike_wb *w, uint8_t type, const void *p, size_t n)
{
        size_t at = ike_wb_begin(w, type, false);
        ike_wb_bytes(w, p, n);
        ike_wb_end(w, at);
}

void ike_wb_notify(struct ike_wb *w, int version, uint8_t proto, uint16_t type, const void *spi,
                   uint8_t spi_size, const void *data, size_t n)
{
        size_t at = ike_wb_begin(w, version == 1 ? 11 : 41, false);
        if (version == 1)
                ike_wb_u32(w, 1); /* DOI IPsec */
        ike_wb_u8(w, proto);
        ike_wb_u8(w, spi_size);
        ike_wb_u16(w, type);
        ike_wb_bytes(w, spi, spi_size);
        ike_wb_bytes(w, data, n);
        ike_wb_end(w, at);
}

void ike_wb_v1_id(struct ike_wb *w, uint8_t id_type, uint8_t proto, uint16_t port, const void *p,
                  size_t n)
{
        size_t at = ike_wb_begin(w, 5, false);
        ike_wb_u8(w, id_type);
        ike_wb_u8(w, proto);
        ike_wb_u16(w, port);
        ike_wb_bytes(w, p, n);
        ike_wb_end(w, at);
}
