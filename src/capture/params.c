/* SA choices, KE and nonce payloads as numbers (decrypt_int.h), for key
 * derivation; the wire decoder does the bounds checks. */
#include <string.h>

#include "../ike/vocab.h"
#include "decrypt_int.h"

bool pl_body(const struct ike_msg *m, uint8_t type, struct wire_view *v)
{
        const struct ike_payload *p = ike_msg_find(m, type);
        if (!p)
                return false;
        *v = p->body;
        return true;
}

bool pl_ke(const struct ike_msg *m, struct wire_view *v)
{
        const struct ike_payload *p = ike_msg_find(m, m->version == 1 ? PL_V1_KE : PL_V2_KE);
        struct ike_ke ke;
        struct wire_err e;
        if (!p || ike_ke_decode(p->body, m->version, &ke, &e) < 0 || !ke.data.len)
                return false;
        *v = ke.data;
        return true;
}

static void take_spi(const struct ike_proposal *p, struct sa_choice *c)
{
        c->proto = p->proto;
        if (p->spi_size == 4) {
                c->has_spi = true;
                c->spi = (uint32_t)p->spi.p[0] << 24 | (uint32_t)p->spi.p[1] << 16 |
                         (uint32_t)p->spi.p[2] << 8 | p->spi.p[3];
        }
}

struct sa_choice v2_sa_choice(struct wire_view body)
{
        struct sa_choice c;
        memset(&c, 0, sizeof(c));
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct ike_transform t;
        struct wire_err e;
        if (ike_sa_open(body, 2, &it, &e) < 0 || ike_proposal_next(&it, &p, &e) != 1)
                return c;
        take_spi(&p, &c);
        c.integ = IKEV2_INTEG_NONE;
        while (ike_transform_next(&p.xf, &t, &e) == 1) {
                switch (t.type) {
                case IKEV2_TRANS_ENCR: {
                        c.encr = t.id;
                        struct ike_attr_iter ai = ike_attrs(t.attrs);
                        struct ike_attr a;
                        while (ike_attr_next(&ai, &a, &e) == 1)
                                if (a.type == 14 && a.value_ok) /* Key Length (RFC 7296 3.3.5) */
                                        c.encr_bits = a.value;
                        break;
                }
                case IKEV2_TRANS_PRF:
                        c.prf = t.id;
                        break;
                case IKEV2_TRANS_INTEG:
                        c.integ = t.id;
                        break;
                }
        }
        c.ok = c.encr != 0;
        return c;
}

struct sa_choice v1_sa_choice(struct wire_view body, bool phase1)
{
        struct sa_choice c;
        memset(&c, 0, sizeof(c));
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct ike_transform t;
        struct wire_err e;
        if (ike_sa_open(body, 1, &it, &e) < 0 || ike_proposal_next(&it, &p, &e) != 1 ||
            ike_transform_next(&p.xf, &t, &e) != 1)
                return c;
        take_spi(&p, &c);
        if (!phase1)
                c.encr = t.id; /* the ESP transform ID (RFC 2407 4.4.4) */
        struct ike_attr_iter ai = ike_attrs(t.attrs);
        struct ike_attr a;
        while (ike_attr_next(&ai, &a, &e) == 1) {
                if (!a.value_ok)
                        continue;
                if (phase1) { /* RFC 2409 App. A */
                        if (a.type == 1)
                                c.encr = a.value;
                        else if (a.type == 2)
                                c.hash = a.value;
                        else if (a.type == 14)
                                c.encr_bits = a.value;
                } else { /* RFC 2407 4.5 */
                        if (a.type == 5)
                                c.integ = a.value;
                        else if (a.type == 6)
                                c.encr_bits = a.value;
                }
        }
        c.ok = c.encr != 0;
        return c;
}
