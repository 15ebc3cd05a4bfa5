/*
 * The ISAKMP / IKEv2 header and the payload chain (RFC 2408 3.1-3.2,
 * RFC 7296 3.1-3.2). Validate, then handle: the header's length must fit in
 * the datagram and every payload's length in what the header declares,
 * before any body is looked at.
 */
#include <stdarg.h>
#include <stdio.h>

#include "ike.h"
#include "wire_int.h"

void wire_fail(struct wire_err *e, size_t off, const char *fmt, ...)
{
        if (!e)
                return;
        e->off = off;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->what, sizeof(e->what), fmt, ap);
        va_end(ap);
}

static void read_header(struct rd *r, struct ike_hdr *h)
{
        uint8_t ver;
        /* the caller checked that IKE_HDR_LEN bytes are there */
        (void)rd_copy(r, h->ispi, 8);
        (void)rd_copy(r, h->rspi, 8);
        (void)rd_u8(r, &h->next);
        (void)rd_u8(r, &ver);
        (void)rd_u8(r, &h->exchange);
        (void)rd_u8(r, &h->flags);
        (void)rd_u32(r, &h->msgid);
        (void)rd_u32(r, &h->length);
        h->major = ver >> 4;
        h->minor = ver & 0x0f;
}

/* The payload chain from r's position, the first payload being `type`
 * (shared by the message and by a decrypted body, ike_chain_decode). */
static int walk_chain(struct rd *rp, uint8_t first, unsigned flags, struct ike_msg *m,
                      struct wire_err *e)
{
        struct rd r = *rp;
        uint8_t type = first;
        while (type != PL_NONE) {
                size_t at = r.off;
                uint8_t next = 0, crit = 0; /* set by the reads below; gcc -O2 cannot see it */
                uint16_t plen = 0;
                struct wire_view body;
                if (rd_left(&r) < IKE_PL_HDR_LEN) {
                        wire_fail(e, at, "payload %u: %zu bytes left, under a payload header", type,
                                  rd_left(&r));
                        return -1;
                }
                (void)rd_u8(&r, &next);
                (void)rd_u8(&r, &crit);
                (void)rd_u16(&r, &plen);
                if ((flags & IKE_CHAIN_STRICT) && ((m->version == 1 ? crit : crit & 0x7f) ||
                                                   !ike_payload_name(m->version, type))) {
                        wire_fail(e, at, "payload %u: %s", type,
                                  ike_payload_name(m->version, type) ? "reserved bits set"
                                                                     : "not a payload type");
                        return -1;
                }
                if (plen < IKE_PL_HDR_LEN) {
                        wire_fail(e, at, "payload %u: length %u is under 4", type, plen);
                        return -1;
                }
                if (!rd_bytes(&r, (size_t)plen - IKE_PL_HDR_LEN, &body)) {
                        wire_fail(e, at, "payload %u: length %u, but %zu bytes are left", type,
                                  plen, rd_left(&r) + IKE_PL_HDR_LEN);
                        return -1;
                }
                if (m->npl < IKE_MAX_PAYLOADS) {
                        struct ike_payload *pl = &m->pl[m->npl++];
                        pl->type = type;
                        pl->next = next;
                        pl->critical = m->version == 2 && (crit & 0x80);
                        pl->offset = (uint32_t)at;
                        pl->body = body;
                }
                m->npl_seen++;
                /* RFC 7296 3.14 / RFC 7383 2.5: SK / SKF is the last payload;
                 * its next field is the first payload inside */
                if (m->version == 2 && (type == PL_V2_SK || type == PL_V2_SKF))
                        break;
                type = next;
        }
        m->trailing = rd_left(&r);
        return 0;
}

int ike_chain_decode(const uint8_t *p, size_t len, int version, uint8_t first, unsigned flags,
                     struct ike_msg *m, struct wire_err *e)
{
        struct rd r = rd_of(p, len);
        m->version = version;
        m->npl = m->npl_seen = 0;
        m->trailing = 0;
        if (version != 1 && version != 2) {
                wire_fail(e, 0, "IKE version %d", version);
                return -1;
        }
        return walk_chain(&r, first, flags, m, e);
}

int ike_msg_decode(const uint8_t *p, size_t len, struct ike_msg *m, struct wire_err *e)
{
        struct rd r = rd_of(p, len);
        *m = (struct ike_msg){0};
        if (len < IKE_HDR_LEN) {
                wire_fail(e, 0, "%zu bytes, under the %d of an IKE header", len, IKE_HDR_LEN);
                return -1;
        }
        read_header(&r, &m->hdr);
        if (m->hdr.major != 1 && m->hdr.major != 2) {
                wire_fail(e, 17, "major version %u (neither IKEv1 nor IKEv2)", m->hdr.major);
                return -1;
        }
        m->version = m->hdr.major;
        if (m->hdr.length < IKE_HDR_LEN) {
                wire_fail(e, 24, "message length %u is under the header's %d", m->hdr.length,
                          IKE_HDR_LEN);
                return -1;
        }
        if (m->hdr.length > len) {
                wire_fail(e, 24, "message length %u, but %zu bytes are there", m->hdr.length, len);
                return -1;
        }
        m->extra = len - m->hdr.length;
        r.len = m->hdr.length; /* nothing past the declared length is the message's */

        if (m->version == 1 && (m->hdr.flags & IKE_F_V1_ENCRYPTION)) {
                /* RFC 2408 3.1: all payloads after the header are encrypted */
                m->encrypted = true;
                m->ciphertext = rd_rest(&r);
                return 0;
        }

        return walk_chain(&r, m->hdr.next, 0, m, e);
}

const struct ike_payload *ike_msg_find(const struct ike_msg *m, uint8_t type)
{
        for (size_t i = 0; i < m->npl; i++)
                if (m->pl[i].type == type)
                        return &m->pl[i];
        return NULL;
}
