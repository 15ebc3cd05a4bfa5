/* Proxy identities and traffic selectors of decrypted requests (proxy_ids.h). */
#include "proxy_ids.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ike/vocab.h"
#include "../packet/frame.h"
#include "../wire/ike.h"

/* The prefix length of a contiguous mask, -1 when it is not one. */
static int mask_prefix(const uint8_t *m, size_t n)
{
        int bits = 0;
        size_t i = 0;
        for (; i < n && m[i] == 0xff; i++)
                bits += 8;
        if (i < n) {
                uint8_t b = m[i];
                while (b & 0x80) {
                        bits++;
                        b = (uint8_t)(b << 1);
                }
                if (b)
                        return -1;
                for (i++; i < n; i++)
                        if (m[i])
                                return -1;
        }
        return bits;
}

/* The prefix length start..end covers exactly, -1 when it is no prefix. */
static int range_prefix(const uint8_t *s, const uint8_t *e, size_t n)
{
        uint8_t mask[16];
        for (size_t i = 0; i < n; i++)
                mask[i] = (uint8_t) ~(s[i] ^ e[i]);
        int p = mask_prefix(mask, n);
        if (p < 0)
                return -1;
        for (size_t i = 0; i < n; i++) /* start is the network, end the last address */
                if ((s[i] & ~mask[i]) != 0 || (e[i] | mask[i]) != 0xff)
                        return -1;
        return p;
}

__attribute__((format(printf, 4, 5))) static size_t put(char *buf, size_t n, size_t used,
                                                        const char *f, ...)
{
        if (used >= n)
                return used;
        va_list ap;
        va_start(ap, f);
        int w = vsnprintf(buf + used, n - used, f, ap);
        va_end(ap);
        return w < 0 ? used : used + (size_t)w;
}

/* "10.1.0.0/24", "10.1.0.1", "10.1.0.1-10.1.0.9", with " proto P port N". */
static void id_text(const struct ike_id *id, char *out, size_t n)
{
        char a[46], b[46];
        if (!id->af) {
                snprintf(out, n, "ID type %u", id->type);
                return;
        }
        size_t len = id->af == 4 ? 4 : 16;
        frame_addr_str(id->af, id->a, a);
        int pfx = -1;
        if (id->has_b &&
            (id->type == IKEV1_ID_IPV4_ADDR_SUBNET || id->type == IKEV1_ID_IPV6_ADDR_SUBNET))
                pfx = mask_prefix(id->b, len);
        size_t used = 0;
        if (!id->has_b) {
                used = put(out, n, 0, "%s%s", a, "");
        } else if (pfx >= 0) {
                snprintf(b, sizeof(b), "%d", pfx);
                used = put(out, n, 0, "%s/%s", a, b);
        } else {
                frame_addr_str(id->af, id->b, b);
                bool subnet =
                    id->type == IKEV1_ID_IPV4_ADDR_SUBNET || id->type == IKEV1_ID_IPV6_ADDR_SUBNET;
                used = put(out, n, 0, "%s%s%s", a, subnet ? " mask " : "-", b);
        }
        if (id->proto || id->port) {
                snprintf(a, sizeof(a), "%u", id->proto);
                snprintf(b, sizeof(b), "%u", id->port);
                put(out, n, used, " proto %s port %s", a, b);
        }
}

static void ts_text(const struct ike_ts *ts, char *out, size_t n)
{
        char a[46], b[46];
        if (!ts->af) {
                snprintf(out, n, "TS type %u", ts->type);
                return;
        }
        size_t len = ts->af == 4 ? 4 : 16;
        frame_addr_str(ts->af, ts->start, a);
        int pfx = range_prefix(ts->start, ts->end, len);
        size_t used;
        if (pfx == (int)len * 8) {
                used = put(out, n, 0, "%s%s", a, "");
        } else if (pfx >= 0) {
                snprintf(b, sizeof(b), "%d", pfx);
                used = put(out, n, 0, "%s/%s", a, b);
        } else {
                frame_addr_str(ts->af, ts->end, b);
                used = put(out, n, 0, "%s-%s", a, b);
        }
        if (ts->proto) {
                snprintf(a, sizeof(a), "%u", ts->proto);
                used = put(out, n, used, " proto %s%s", a, "");
        }
        if (ts->sport != 0 || ts->eport != 65535) {
                snprintf(a, sizeof(a), "%u", ts->sport);
                snprintf(b, sizeof(b), "%u", ts->eport);
                if (ts->sport == ts->eport)
                        put(out, n, used, " port %s", a);
                else
                        put(out, n, used, " ports %s-%s", a, b);
        }
}

/* IKEv1: the two ID payloads of a Quick Mode message are IDci then IDcr
 * (RFC 2409 5.5); IKEv2: TSi and TSr, each with its selectors. */
static void msg_text(const struct ike_msg *m, char *out, size_t n)
{
        size_t used = 0;
        unsigned nid = 0;
        out[0] = '\0';
        for (size_t i = 0; i < m->npl && used < n; i++) {
                const struct ike_payload *p = &m->pl[i];
                char one[120];
                struct wire_err e;
                if (m->version == 1 && p->type == PL_V1_ID) {
                        struct ike_id id;
                        if (ike_id_decode(p->body, 1, &id, &e))
                                continue;
                        id_text(&id, one, sizeof(one));
                        used = put(out, n, used, "%s%s", used ? ", " : "",
                                   nid == 0   ? "IDci "
                                   : nid == 1 ? "IDcr "
                                              : "ID ");
                        used = put(out, n, used, "%s%s", one, "");
                        nid++;
                } else if (m->version == 2 && (p->type == PL_V2_TSI || p->type == PL_V2_TSR)) {
                        struct ike_ts_iter it;
                        if (ike_ts_open(p->body, &it, &e))
                                continue;
                        used = put(out, n, used, "%s%s", used ? ", " : "",
                                   p->type == PL_V2_TSI ? "TSi " : "TSr ");
                        struct ike_ts ts;
                        for (unsigned k = 0; ike_ts_next(&it, &ts, &e) == 1 && k < 4; k++) {
                                ts_text(&ts, one, sizeof(one));
                                used = put(out, n, used, "%s%s", k ? " + " : "", one);
                        }
                }
        }
}

void cap_proxies_add(void *ctx, const struct cap_sa *sa, size_t msg, const struct ike_msg *inner)
{
        struct cap_proxies *px = ctx;
        if (!px->cs || px->oom || sa < px->cs->sa || sa >= px->cs->sa + px->cs->nsa)
                return;
        char text[sizeof(px->v[0].text)];
        msg_text(inner, text, sizeof(text));
        if (!text[0])
                return;
        if (px->n == px->cap) {
                size_t cap = px->cap ? px->cap * 2 : 16;
                struct cap_proxy *v = realloc(px->v, cap * sizeof(*v));
                if (!v) {
                        px->oom = true;
                        return;
                }
                px->v = v, px->cap = cap;
        }
        struct cap_proxy *p = &px->v[px->n++];
        p->sa = (size_t)(sa - px->cs->sa);
        p->msg = msg;
        memcpy(p->text, text, sizeof(p->text));
}

const char *cap_proxies_find(const struct cap_proxies *px, size_t sa, size_t msg)
{
        for (size_t i = 0; px && i < px->n; i++)
                if (px->v[i].sa == sa && px->v[i].msg == msg)
                        return px->v[i].text;
        return NULL;
}

void cap_proxies_free(struct cap_proxies *px)
{
        free(px->v);
        px->v = NULL;
        px->n = px->cap = 0;
        px->oom = false;
}
