/*
 * The reply path of probe (reply.h): decode with src/wire/, then keep what
 * a probe reports. Bounded: at most PR_MAX_NOTIFY notifies and PR_MAX_VID
 * vendor IDs are kept (more are walked and dropped), at most 8 proposals
 * and 64 transforms are read from an SA.
 */
#include <stdio.h>
#include <string.h>

#include "reply.h"

static void fail(struct wire_err *e, size_t off, const char *what)
{
        if (!e)
                return;
        e->off = off;
        snprintf(e->what, sizeof(e->what), "%s", what);
}

/* An answer carries one proposal (RFC 2409 5: "exactly one"; RFC 7296
 * 3.3.6); reading more than a few is only work for a hostile peer. */
#define PR_MAX_PROPOSALS  8
#define PR_MAX_TRANSFORMS 64

static int read_v1_xform(const struct ike_transform *t, struct ike_v1_xform *x, struct wire_err *e)
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

static int read_sa(struct wire_view body, int version, struct probe_reply *r, struct wire_err *e)
{
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct ike_transform t;
        int rc = 0;
        if (ike_sa_open(body, version, &it, e))
                return -1;
        while (r->sa_proposals < PR_MAX_PROPOSALS && (rc = ike_proposal_next(&it, &p, e)) == 1) {
                r->sa_proposals++;
                unsigned n = 0;
                while (n < PR_MAX_TRANSFORMS && (rc = ike_transform_next(&p.xf, &t, e)) == 1) {
                        n++;
                        r->sa_transforms++;
                        if (r->sa_proposals != 1)
                                continue; /* only the first proposal is the choice */
                        if (version == 1) {
                                if (n == 1 && read_v1_xform(&t, &r->v1, e))
                                        return -1;
                                continue;
                        }
                        if (t.type >= 1 && t.type <= 5 && !r->v2_has[t.type]) {
                                r->v2_has[t.type] = true;
                                r->v2[t.type] = t.id;
                                if (t.type == 1) {
                                        struct ike_attr_iter ai = ike_attrs(t.attrs);
                                        struct ike_attr a;
                                        while (ike_attr_next(&ai, &a, e) == 1)
                                                if (a.type == 14 && a.value_ok)
                                                        r->v2_keylen = (uint16_t)a.value;
                                }
                        }
                }
                if (rc < 0)
                        return -1;
        }
        if (rc < 0)
                return -1;
        r->has_sa = r->sa_proposals > 0 && r->sa_transforms > 0;
        return 0;
}

int probe_reply_read(const uint8_t *p, size_t len, int version, const uint8_t ispi[8],
                     struct probe_reply *r, struct wire_err *e)
{
        struct ike_msg m;
        *r = (struct probe_reply){0};
        if (len < IKE_HDR_LEN || memcmp(p, ispi, 8) != 0)
                return 1;
        if (ike_msg_decode(p, len, &m, e))
                return -1;
        if (m.version != version)
                return 1;
        if (version == 2 && !(m.hdr.flags & IKE_F_V2_RESPONSE))
                return 1; /* a request (our own, reflected, or the peer's) */
        r->version = version;
        r->exchange = m.hdr.exchange;
        r->flags = m.hdr.flags;
        memcpy(r->rspi, m.hdr.rspi, 8);
        r->encrypted = m.encrypted;
        for (size_t i = 0; i < m.npl; i++) {
                const struct ike_payload *pl = &m.pl[i];
                switch (pl->type) {
                case PL_V1_SA:
                case PL_V2_SA:
                        if (r->sa_proposals) {
                                fail(e, pl->offset, "a second SA payload in one answer");
                                return -1;
                        }
                        if (read_sa(pl->body, version, r, e))
                                return -1;
                        break;
                case PL_V1_NOTIFY:
                case PL_V2_NOTIFY: {
                        struct ike_notify n;
                        if (ike_notify_decode(pl->body, version, &n, e))
                                return -1;
                        if (r->nnotify < PR_MAX_NOTIFY) {
                                r->notify[r->nnotify] = n.type;
                                r->notify_data[r->nnotify++] = n.data;
                        }
                        break;
                }
                case PL_V1_VID:
                case PL_V2_VID:
                        if (r->nvid < PR_MAX_VID)
                                r->vid[r->nvid++] = pl->body;
                        break;
                case PL_V1_KE:
                case PL_V2_KE: {
                        struct ike_ke ke;
                        if (ike_ke_decode(pl->body, version, &ke, e))
                                return -1;
                        r->has_ke = true;
                        r->ke_group = ke.group;
                        r->ke = ke.data;
                        break;
                }
                case PL_V1_NONCE:
                case PL_V2_NONCE:
                        r->has_nonce = true;
                        r->nonce = pl->body;
                        break;
                case PL_V1_ID:
                        if (ike_id_decode(pl->body, version, &r->id, e))
                                return -1;
                        r->has_id = true;
                        r->id_body = pl->body;
                        break;
                case PL_V1_HASH:
                        r->has_hash = true;
                        r->hash = pl->body;
                        break;
                case PL_V1_NATD:
                case PL_V1_NATD_DRAFT:
                        r->has_natd = true;
                        break;
                case PL_V2_CERTREQ:
                        r->has_certreq = true;
                        break;
                case PL_V2_SK:
                case PL_V2_SKF:
                        r->encrypted = true;
                        break;
                default:
                        break;
                }
        }
        return 0;
}

int probe_reply_notify(const struct probe_reply *r, uint16_t t)
{
        for (size_t i = 0; i < r->nnotify; i++)
                if (r->notify[i] == t)
                        return (int)i;
        return -1;
}

uint16_t probe_reply_error(const struct probe_reply *r)
{
        for (size_t i = 0; i < r->nnotify; i++)
                if (r->notify[i] && r->notify[i] < 16384)
                        return r->notify[i];
        return 0;
}

const char *probe_notify_name(int version, uint16_t type, char buf[32])
{
        const char *n = ike_notify_name(version, type);
        if (n)
                return n;
        snprintf(buf, 32, "notify %u", type);
        return buf;
}

static bool put_hex(char **w, char *end, struct wire_view v)
{
        static const char d[] = "0123456789abcdef";
        if ((size_t)(end - *w) < 2 * v.len + 2)
                return false;
        for (size_t i = 0; i < v.len; i++) {
                *(*w)++ = d[v.p[i] >> 4];
                *(*w)++ = d[v.p[i] & 15];
        }
        return true;
}

int probe_psk_crack(const uint8_t *am1, size_t am1_len, const struct probe_reply *am2, char *out,
                    size_t cap)
{
        struct ike_msg m;
        struct wire_err e;
        if (!cap || ike_msg_decode(am1, am1_len, &m, &e) || m.version != 1)
                return -1;
        const struct ike_payload *sa = ike_msg_find(&m, PL_V1_SA);
        const struct ike_payload *ke = ike_msg_find(&m, PL_V1_KE);
        const struct ike_payload *ni = ike_msg_find(&m, PL_V1_NONCE);
        if (!sa || !ke || !ni || !am2->has_ke || !am2->has_id || !am2->has_nonce || !am2->has_hash)
                return -1;
        struct wire_view f[9] = {am2->ke,      ke->body, {am2->rspi, 8}, {am1, 8}, sa->body,
                                 am2->id_body, ni->body, am2->nonce,     am2->hash};
        char *w = out, *end = out + cap;
        for (int i = 0; i < 9; i++) {
                if (i)
                        *w++ = ':';
                if (!put_hex(&w, end, f[i]))
                        return -1;
        }
        *w = '\0';
        return 0;
}
