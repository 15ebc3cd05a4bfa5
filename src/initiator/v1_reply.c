/* An IKEv1 responder's answer, read (v1_reply.h). */
#include <stdio.h>
#include <string.h>

#include "v1_reply.h"

/* An answer carries one proposal (RFC 2409 5: the responder "MUST" pick
 * one); reading more than a few is only work for a hostile peer. */
#define MAX_PROPOSALS  8
#define MAX_TRANSFORMS 64

static void fail(struct wire_err *e, size_t off, const char *what)
{
        e->off = off;
        snprintf(e->what, sizeof(e->what), "%s", what);
}

static int p1_xform(const struct ike_transform *t, struct ike_v1_xform *x, struct wire_err *e)
{
        struct ike_attr_iter ai = ike_attrs(t->attrs);
        struct ike_attr a;
        int rc;
        *x = (struct ike_v1_xform){0};
        while ((rc = ike_attr_next(&ai, &a, e)) == 1) {
                if (!a.value_ok)
                        continue;
                switch (a.type) {
                case 1:
                        x->encr = (uint16_t)a.value;
                        break;
                case 2:
                        x->hash = (uint16_t)a.value;
                        break;
                case 3:
                        x->auth = (uint16_t)a.value;
                        break;
                case 4:
                        x->group = (uint16_t)a.value;
                        break;
                case 12:
                        x->life = a.value;
                        break;
                case 14:
                        x->keylen = (uint16_t)a.value;
                        break;
                default:
                        break;
                }
        }
        return rc < 0 ? -1 : 0;
}

/* IPsec DOI SA attributes (RFC 2407 4.5): a life type applies to the
 * duration that follows it. */
static int p2_xform(const struct ike_transform *t, struct v1_reply *r, struct wire_err *e)
{
        struct ike_attr_iter ai = ike_attrs(t->attrs);
        struct ike_attr a;
        int rc;
        unsigned life_type = 1;
        r->esp_id = t->id;
        while ((rc = ike_attr_next(&ai, &a, e)) == 1) {
                if (!a.value_ok)
                        continue;
                switch (a.type) {
                case 1:
                        life_type = a.value;
                        break;
                case 2:
                        if (life_type == 1)
                                r->esp_life_s = a.value;
                        else if (life_type == 2)
                                r->esp_life_kb = a.value;
                        break;
                case 3:
                        r->esp_group = (uint16_t)a.value;
                        break;
                case 4:
                        r->esp_encap = (uint16_t)a.value;
                        break;
                case 5:
                        r->esp_auth = (uint16_t)a.value;
                        break;
                case 6:
                        r->esp_keylen = (uint16_t)a.value;
                        break;
                default:
                        break;
                }
        }
        return rc < 0 ? -1 : 0;
}

static int read_sa(struct wire_view body, struct v1_reply *r, struct wire_err *e)
{
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct ike_transform t;
        int rc = 0;
        if (ike_sa_open(body, 1, &it, e))
                return -1;
        while (r->sa_proposals < MAX_PROPOSALS && (rc = ike_proposal_next(&it, &p, e)) == 1) {
                r->sa_proposals++;
                if (r->sa_proposals == 1) {
                        r->sa_proto = p.proto;
                        if (p.proto == 3 && p.spi.len == 4)
                                memcpy(r->spi, p.spi.p, 4);
                }
                unsigned n = 0;
                while (n < MAX_TRANSFORMS && (rc = ike_transform_next(&p.xf, &t, e)) == 1) {
                        n++;
                        r->sa_transforms++;
                        if (r->sa_proposals != 1 || n != 1)
                                continue; /* only the first is the choice */
                        if (p.proto == 1 ? p1_xform(&t, &r->p1, e) : p2_xform(&t, r, e))
                                return -1;
                }
                if (rc < 0)
                        return -1;
        }
        if (rc < 0)
                return -1;
        r->has_sa = r->sa_proposals > 0 && r->sa_transforms > 0;
        return 0;
}

static int read_payloads(const struct ike_msg *m, struct v1_reply *r, struct wire_err *e)
{
        for (size_t i = 0; i < m->npl; i++) {
                const struct ike_payload *pl = &m->pl[i];
                size_t end = pl->offset + IKE_PL_HDR_LEN + pl->body.len;
                if (end > r->chain_end)
                        r->chain_end = end;
                switch (pl->type) {
                case PL_V1_SA:
                        if (r->sa_proposals) {
                                fail(e, pl->offset, "a second SA payload in one answer");
                                return -1;
                        }
                        if (read_sa(pl->body, r, e))
                                return -1;
                        break;
                case PL_V1_KE:
                        if (!r->has_ke)
                                r->ke = pl->body;
                        r->has_ke = true;
                        break;
                case PL_V1_NONCE:
                        if (!r->has_nonce)
                                r->nonce = pl->body;
                        r->has_nonce = true;
                        break;
                case PL_V1_HASH:
                        if (!r->has_hash) {
                                r->hash = pl->body;
                                r->hash_end = end;
                                r->hash_first = i == 0;
                        }
                        r->has_hash = true;
                        break;
                case PL_V1_ID:
                        if (r->nid < 2)
                                r->id[r->nid++] = pl->body;
                        break;
                case PL_V1_NATD:
                case PL_V1_NATD_DRAFT:
                        if (r->nnatd < 4)
                                r->natd[r->nnatd++] = pl->body;
                        break;
                case PL_V1_ATTR:
                        if (!r->has_attr)
                                r->attr = pl->body;
                        r->has_attr = true;
                        break;
                case PL_V1_VID:
                        if (r->nvid < V1R_MAX_VID)
                                r->vid[r->nvid++] = pl->body;
                        break;
                case PL_V1_NOTIFY: {
                        struct ike_notify n;
                        if (ike_notify_decode(pl->body, 1, &n, e))
                                return -1;
                        if (r->nnotify < V1R_MAX_NOTIFY)
                                r->notify[r->nnotify++] =
                                    (struct v1r_notify){n.type, n.proto, n.spi, n.data};
                        break;
                }
                case PL_V1_DELETE: {
                        struct ike_delete d;
                        if (ike_delete_decode(pl->body, 1, &d, e))
                                return -1;
                        if (r->ndel < V1R_MAX_DELETE)
                                r->del[r->ndel++] =
                                    (struct v1r_delete){d.proto, d.spi_size, d.nspi};
                        break;
                }
                default:
                        break;
                }
        }
        return 0;
}

int v1_reply_read(const uint8_t *p, size_t len, const uint8_t ckyi[8], const struct v1_keys *k,
                  const uint8_t *iv, uint8_t *plain, size_t cap, struct v1_reply *r,
                  struct wire_err *e)
{
        static struct ike_msg m; /* 2 kB: one reader per process, like probe's buffers */
        memset(r, 0, sizeof(*r));
        if (len < IKE_HDR_LEN || memcmp(p, ckyi, 8) != 0)
                return 1;
        if (ike_msg_decode(p, len, &m, e))
                return -1;
        if (m.version != 1)
                return 1;
        r->hdr = m.hdr;
        r->encrypted = m.encrypted;
        r->base = p;
        if (!m.encrypted)
                return read_payloads(&m, r, e);
        if (!k || !iv || !plain)
                return 0;
        size_t clen = m.ciphertext.len;
        if (cap < clen || !clen || clen % k->cs.block)
                return 0; /* not whole blocks: no key decrypts it */
        if (v1_decrypt(k, iv, m.ciphertext.p, clen, plain, r->next_iv))
                return 0;
        struct wire_err ce;
        if (ike_chain_decode(plain, clen, 1, m.hdr.next, IKE_CHAIN_STRICT, &m, &ce) < 0 ||
            m.trailing > 255)
                return 0;
        r->base = plain;
        r->chain_end = 0;
        if (read_payloads(&m, r, e))
                return -1;
        r->decrypted = true;
        return 0;
}

uint16_t v1_reply_error(const struct v1_reply *r)
{
        for (size_t i = 0; i < r->nnotify; i++)
                if (r->notify[i].type >= 1 && r->notify[i].type < 16384)
                        return r->notify[i].type;
        return 0;
}

const struct v1r_notify *v1_reply_notify(const struct v1_reply *r, uint16_t type)
{
        for (size_t i = 0; i < r->nnotify; i++)
                if (r->notify[i].type == type)
                        return &r->notify[i];
        return NULL;
}

struct cspan v1_reply_after_hash(const struct v1_reply *r)
{
        if (!r->has_hash || r->chain_end < r->hash_end)
                return (struct cspan){NULL, 0};
        return (struct cspan){r->base + r->hash_end, r->chain_end - r->hash_end};
}
