/*
 * SA payloads: proposals, transforms and data attributes, IKEv1 (RFC 2408
 * 3.4-3.6, RFC 2407 4.6.1) and IKEv2 (RFC 7296 3.3). Iterators over the
 * caller's bytes: each substructure's length is checked against its parent
 * before it is read, and a proposal's transform count against the
 * transforms that are there.
 */
#include "ike.h"
#include "wire_int.h"

int ike_sa_open(struct wire_view body, int version, struct ike_sa_iter *it, struct wire_err *e)
{
        *it = (struct ike_sa_iter){rd_view(body), version, 0, 0};
        if (version == 1) {
                if (!rd_u32(&it->rd, &it->doi) || !rd_u32(&it->rd, &it->situation)) {
                        wire_fail(e, 0, "SA: %zu bytes, under DOI and situation", body.len);
                        return -1;
                }
                /* RFC 2407 4.6.1: SIT_SECRECY / SIT_INTEGRITY add labelled
                 * domain fields nobody sends; SIT_IDENTITY_ONLY (1) is what
                 * every implementation uses. Others are walked as if absent. */
        }
        return 0;
}

/* The shared generic header of a substructure: "last" (0) or "more"
 * (2 proposal / 3 transform), a reserved byte and the length. */
static int substruct(struct rd *r, unsigned more, const char *what, bool *last, struct rd *inner,
                     struct wire_err *e)
{
        size_t at = r->off;
        uint8_t flag, reserved;
        uint16_t len;
        if (!rd_u8(r, &flag) || !rd_u8(r, &reserved) || !rd_u16(r, &len)) {
                wire_fail(e, at, "%s: %zu bytes, under its header", what, rd_left(r));
                r->off = at;
                return -1;
        }
        if (flag != 0 && flag != more) {
                wire_fail(e, at, "%s: last-substructure field %u (0 or %u)", what, flag, more);
                return -1;
        }
        if (len < 8) {
                wire_fail(e, at, "%s: length %u is under 8", what, len);
                return -1;
        }
        struct wire_view v;
        if (!rd_bytes(r, (size_t)len - 4, &v)) {
                wire_fail(e, at, "%s: length %u, but %zu bytes are left", what, len,
                          rd_left(r) + 4);
                r->off = at;
                return -1;
        }
        *last = flag == 0;
        *inner = rd_view(v);
        return 0;
}

int ike_proposal_next(struct ike_sa_iter *it, struct ike_proposal *p, struct wire_err *e)
{
        if (rd_left(&it->rd) == 0)
                return 0;
        struct rd in;
        size_t base = it->rd.off;
        *p = (struct ike_proposal){0};
        if (substruct(&it->rd, 2, "proposal", &p->last, &in, e) < 0)
                return -1;
        (void)rd_u8(&in, &p->num); /* substruct guaranteed 4 more bytes */
        (void)rd_u8(&in, &p->proto);
        (void)rd_u8(&in, &p->spi_size);
        (void)rd_u8(&in, &p->ntransforms);
        if (!rd_bytes(&in, p->spi_size, &p->spi)) {
                wire_fail(e, base, "proposal %u: SPI size %u, but %zu bytes are left", p->num,
                          p->spi_size, rd_left(&in));
                return -1;
        }
        p->xf = (struct ike_sa_iter){rd_of(in.p + in.off, rd_left(&in)), it->version, 0, 0};
        /* the count must match the transforms that are there: walk them once */
        struct ike_sa_iter check = p->xf;
        struct ike_transform t;
        unsigned n = 0;
        int rc;
        while ((rc = ike_transform_next(&check, &t, e)) == 1)
                n++;
        if (rc < 0)
                return -1;
        if (n != p->ntransforms) {
                wire_fail(e, base, "proposal %u: %u transforms declared, %u there", p->num,
                          p->ntransforms, n);
                return -1;
        }
        if (p->last)
                it->rd.off = it->rd.len; /* RFC 7296 3.3.1: nothing after the last one */
        return 1;
}

int ike_transform_next(struct ike_sa_iter *it, struct ike_transform *t, struct wire_err *e)
{
        if (rd_left(&it->rd) == 0)
                return 0;
        struct rd in;
        *t = (struct ike_transform){0};
        if (substruct(&it->rd, 3, "transform", &t->last, &in, e) < 0)
                return -1;
        uint8_t a, b;
        uint16_t c;
        (void)rd_u8(&in, &a); /* 4 bytes guaranteed by substruct */
        (void)rd_u8(&in, &b);
        (void)rd_u16(&in, &c);
        if (it->version == 1) { /* number, ID, 2 reserved (RFC 2408 3.6) */
                t->num = a;
                t->id = b;
        } else { /* type, reserved, ID (RFC 7296 3.3.2) */
                t->type = a;
                t->id = c;
        }
        t->attrs = rd_rest(&in);
        if (t->last)
                it->rd.off = it->rd.len;
        return 1;
}

int ike_attr_next(struct ike_attr_iter *it, struct ike_attr *a, struct wire_err *e)
{
        struct rd *r = &it->rd;
        if (rd_left(r) == 0)
                return 0;
        size_t at = r->off;
        uint16_t t, v;
        if (!rd_u16(r, &t) || !rd_u16(r, &v)) {
                wire_fail(e, at, "attribute: %zu bytes, under 4", rd_left(r));
                r->off = r->len;
                return -1;
        }
        *a = (struct ike_attr){0};
        a->type = t & 0x7fff;
        a->tv = (t & 0x8000) != 0;
        if (a->tv) {
                a->value = v;
                a->value_ok = true;
                return 1;
        }
        if (!rd_bytes(r, v, &a->data)) {
                wire_fail(e, at, "attribute %u: length %u, but %zu bytes are left", a->type, v,
                          rd_left(r));
                r->off = r->len;
                return -1;
        }
        if (a->data.len <= 4) {
                for (size_t i = 0; i < a->data.len; i++)
                        a->value = a->value << 8 | a->data.p[i];
                a->value_ok = true;
        }
        return 1;
}
