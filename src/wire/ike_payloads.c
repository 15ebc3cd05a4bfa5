/*
 * The payload bodies other than SA: each decoder checks the fixed part's
 * size before reading it and every length field against the bytes left.
 */

#include "../ike/vocab.h"
#include "ike.h"
#include "wire_int.h"

int ike_ke_decode(struct wire_view body, int version, struct ike_ke *ke, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *ke = (struct ike_ke){0};
        if (version == 2) { /* group, 2 reserved (RFC 7296 3.4) */
                uint16_t reserved;
                if (!rd_u16(&r, &ke->group) || !rd_u16(&r, &reserved)) {
                        wire_fail(e, 0, "KE: %zu bytes, under group and reserved", body.len);
                        return -1;
                }
        }
        ke->data = rd_rest(&r);
        return 0;
}

/* Address of the ID types that carry one (RFC 2407 4.6.2.2-4.6.2.9). */
static int id_addresses(struct ike_id *id, int version, struct wire_err *e)
{
        struct rd r = rd_view(id->data);
        unsigned t = id->type;
        size_t alen = 0;
        bool two = false;
        if (t == IKEV1_ID_IPV4_ADDR) /* the same number in both versions */
                alen = 4;
        else if (t == IKEV1_ID_IPV6_ADDR)
                alen = 16;
        else if (version == 1 && (t == IKEV1_ID_IPV4_ADDR_SUBNET || t == IKEV1_ID_IPV4_ADDR_RANGE))
                alen = 4, two = true;
        else if (version == 1 && (t == IKEV1_ID_IPV6_ADDR_SUBNET || t == IKEV1_ID_IPV6_ADDR_RANGE))
                alen = 16, two = true;
        else
                return 0;
        if (id->data.len != alen * (two ? 2 : 1)) {
                wire_fail(e, 0, "ID type %u: %zu bytes of data, %zu expected", t, id->data.len,
                          alen * (two ? 2 : 1));
                return -1;
        }
        id->af = alen == 4 ? 4 : 6;
        (void)rd_copy(&r, id->a, alen);
        if (two) {
                (void)rd_copy(&r, id->b, alen);
                id->has_b = true;
        }
        return 0;
}

int ike_id_decode(struct wire_view body, int version, struct ike_id *id, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *id = (struct ike_id){0};
        uint8_t b1;
        uint16_t w;
        if (!rd_u8(&r, &id->type) || !rd_u8(&r, &b1) || !rd_u16(&r, &w)) {
                wire_fail(e, 0, "ID: %zu bytes, under its 4-byte header", body.len);
                return -1;
        }
        if (version == 1) { /* type, protocol, port (RFC 2407 4.6.2) */
                id->proto = b1;
                id->port = w;
        }
        id->data = rd_rest(&r);
        return id_addresses(id, version, e);
}

int ike_auth_decode(struct wire_view body, struct ike_auth_pl *a, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *a = (struct ike_auth_pl){0};
        if (!rd_u8(&r, &a->method) || !rd_skip(&r, 3)) {
                wire_fail(e, 0, "AUTH: %zu bytes, under method and reserved", body.len);
                return -1;
        }
        a->data = rd_rest(&r);
        return 0;
}

int ike_cert_decode(struct wire_view body, struct ike_cert *c, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *c = (struct ike_cert){0};
        if (!rd_u8(&r, &c->encoding)) {
                wire_fail(e, 0, "CERT/CR: empty, no encoding");
                return -1;
        }
        c->data = rd_rest(&r);
        return 0;
}

int ike_notify_decode(struct wire_view body, int version, struct ike_notify *n, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *n = (struct ike_notify){0};
        if (version == 1 && !rd_u32(&r, &n->doi)) {
                wire_fail(e, 0, "notify: %zu bytes, under the DOI", body.len);
                return -1;
        }
        if (!rd_u8(&r, &n->proto) || !rd_u8(&r, &n->spi_size) || !rd_u16(&r, &n->type)) {
                wire_fail(e, r.off, "notify: %zu bytes, under its fixed part", body.len);
                return -1;
        }
        if (!rd_bytes(&r, n->spi_size, &n->spi)) {
                wire_fail(e, r.off, "notify %u: SPI size %u, but %zu bytes are left", n->type,
                          n->spi_size, rd_left(&r));
                return -1;
        }
        n->data = rd_rest(&r);
        return 0;
}

int ike_delete_decode(struct wire_view body, int version, struct ike_delete *d, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *d = (struct ike_delete){0};
        if (version == 1 && !rd_u32(&r, &d->doi)) {
                wire_fail(e, 0, "delete: %zu bytes, under the DOI", body.len);
                return -1;
        }
        if (!rd_u8(&r, &d->proto) || !rd_u8(&r, &d->spi_size) || !rd_u16(&r, &d->nspi)) {
                wire_fail(e, r.off, "delete: %zu bytes, under its fixed part", body.len);
                return -1;
        }
        size_t want = (size_t)d->nspi * d->spi_size;
        if (rd_left(&r) != want) {
                wire_fail(e, r.off, "delete: %u SPIs of %u bytes, but %zu bytes are there", d->nspi,
                          d->spi_size, rd_left(&r));
                return -1;
        }
        d->spis = rd_rest(&r);
        return 0;
}

int ike_ts_open(struct wire_view body, struct ike_ts_iter *it, struct wire_err *e)
{
        *it = (struct ike_ts_iter){rd_view(body), 0, 0};
        if (!rd_u8(&it->rd, &it->count) || !rd_skip(&it->rd, 3)) {
                wire_fail(e, 0, "TS: %zu bytes, under count and reserved", body.len);
                return -1;
        }
        return 0;
}

int ike_ts_next(struct ike_ts_iter *it, struct ike_ts *ts, struct wire_err *e)
{
        struct rd *r = &it->rd;
        if (it->seen == it->count) {
                if (rd_left(r) != 0) {
                        wire_fail(e, r->off, "TS: %zu bytes after the %u selectors", rd_left(r),
                                  it->count);
                        return -1;
                }
                return 0;
        }
        size_t at = r->off;
        uint16_t len;
        *ts = (struct ike_ts){0};
        if (!rd_u8(r, &ts->type) || !rd_u8(r, &ts->proto) || !rd_u16(r, &len)) {
                wire_fail(e, at, "TS %u of %u: under its header", it->seen + 1, it->count);
                return -1;
        }
        struct wire_view v;
        if (len < 4 || !rd_bytes(r, (size_t)len - 4, &v)) {
                wire_fail(e, at, "TS %u of %u: length %u, %zu bytes left", it->seen + 1, it->count,
                          len, rd_left(r) + 4);
                return -1;
        }
        ts->raw = v;
        size_t alen = ts->type == 7 ? 4 : ts->type == 8 ? 16 : 0; /* RFC 7296 3.13.1 */
        if (alen) {
                struct rd in = rd_view(v);
                if (v.len != 4 + 2 * alen) {
                        wire_fail(e, at, "TS type %u: length %u, %zu expected", ts->type, len,
                                  8 + 2 * alen);
                        return -1;
                }
                (void)rd_u16(&in, &ts->sport);
                (void)rd_u16(&in, &ts->eport);
                (void)rd_copy(&in, ts->start, alen);
                (void)rd_copy(&in, ts->end, alen);
                ts->af = alen == 4 ? 4 : 6;
        }
        it->seen++;
        return 1;
}

int ike_cfg_decode(struct wire_view body, int version, struct ike_cfg *c, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *c = (struct ike_cfg){0};
        uint8_t reserved;
        if (version == 1) { /* type, reserved, identifier */
                if (!rd_u8(&r, &c->type) || !rd_u8(&r, &reserved) || !rd_u16(&r, &c->identifier)) {
                        wire_fail(e, 0, "attributes: %zu bytes, under its 4-byte header", body.len);
                        return -1;
                }
        } else if (!rd_u8(&r, &c->type) || !rd_skip(&r, 3)) {
                wire_fail(e, 0, "CP: %zu bytes, under its 4-byte header", body.len);
                return -1;
        }
        c->attrs = rd_rest(&r);
        return 0;
}

int ike_cp_attr_next(struct rd *it, struct ike_cp_attr *a, struct wire_err *e)
{
        if (rd_left(it) == 0)
                return 0;
        size_t at = it->off;
        uint16_t t, len;
        if (!rd_u16(it, &t) || !rd_u16(it, &len)) {
                wire_fail(e, at, "CP attribute: under its 4-byte header");
                it->off = it->len;
                return -1;
        }
        a->type = t & 0x7fff; /* RFC 7296 3.15.1: the top bit is reserved */
        if (!rd_bytes(it, len, &a->value)) {
                wire_fail(e, at, "CP attribute %u: length %u, %zu bytes left", a->type, len,
                          rd_left(it));
                it->off = it->len;
                return -1;
        }
        return 1;
}

int ike_eap_decode(struct wire_view body, struct ike_eap *eap, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *eap = (struct ike_eap){0};
        if (!rd_u8(&r, &eap->code) || !rd_u8(&r, &eap->id) || !rd_u16(&r, &eap->length)) {
                wire_fail(e, 0, "EAP: %zu bytes, under its 4-byte header", body.len);
                return -1;
        }
        if (eap->length != body.len) {
                wire_fail(e, 2, "EAP: length %u, but the payload holds %zu", eap->length, body.len);
                return -1;
        }
        /* RFC 3748 4: Request (1) and Response (2) carry a type */
        if ((eap->code == 1 || eap->code == 2) && rd_u8(&r, &eap->type))
                eap->has_type = true;
        eap->data = rd_rest(&r);
        return 0;
}

int ike_skf_decode(struct wire_view body, struct ike_skf *f, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *f = (struct ike_skf){0};
        if (!rd_u16(&r, &f->number) || !rd_u16(&r, &f->total)) {
                wire_fail(e, 0, "SKF: %zu bytes, under fragment number and total", body.len);
                return -1;
        }
        /* RFC 7383 2.5: numbers start at 1 and none exceeds the total */
        if (f->number == 0 || f->number > f->total) {
                wire_fail(e, 0, "SKF: fragment %u of %u", f->number, f->total);
                return -1;
        }
        f->encrypted = rd_rest(&r);
        return 0;
}

int ike_v1frag_decode(struct wire_view body, struct ike_v1frag *f, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *f = (struct ike_v1frag){0};
        if (!rd_u16(&r, &f->id) || !rd_u8(&r, &f->number) || !rd_u8(&r, &f->flags)) {
                wire_fail(e, 0, "fragment: %zu bytes, under ID, number and flags", body.len);
                return -1;
        }
        if (f->number == 0) { /* numbered from 1 (strongSwan's verify refuses 0) */
                wire_fail(e, 2, "fragment number 0");
                return -1;
        }
        f->last = (f->flags & 0x01) != 0;
        f->data = rd_rest(&r);
        return 0;
}

int ike_natoa_decode(struct wire_view body, struct ike_natoa *oa, struct wire_err *e)
{
        struct rd r = rd_view(body);
        *oa = (struct ike_natoa){0};
        if (!rd_u8(&r, &oa->id_type) || !rd_skip(&r, 3)) {
                wire_fail(e, 0, "NAT-OA: %zu bytes, under its 4-byte header", body.len);
                return -1;
        }
        size_t alen = oa->id_type == IKEV1_ID_IPV4_ADDR   ? 4
                      : oa->id_type == IKEV1_ID_IPV6_ADDR ? 16
                                                          : 0;
        if (!alen || rd_left(&r) != alen) {
                wire_fail(e, 0, "NAT-OA: ID type %u with %zu bytes of address", oa->id_type,
                          rd_left(&r));
                return -1;
        }
        oa->af = alen == 4 ? 4 : 6;
        (void)rd_copy(&r, oa->addr, alen);
        return 0;
}
