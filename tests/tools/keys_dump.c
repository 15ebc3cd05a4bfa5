/*
 * Prints, for every IKE message of a capture that `capture --keys` decrypts,
 * the fields tshark prints for it when it decrypts with the same key tables:
 *   tshark -o ... -T fields -E occurrence=a -e frame.number
 *     -e isakmp.typepayload -e isakmp.notify.msgtype -e isakmp.id.type
 *     -e isakmp.ts.type -e isakmp.nonce -e isakmp.hash -e isakmp.auth.data
 *     -e isakmp.delete.protoid -e isakmp.cfg.type
 * (payload types with the SA's proposals and transforms, as tshark lists
 * them; an IKEv2 message's SK payload first), so that
 * tests/scripts/capture-keys.sh compares the two. Messages that did not
 * decrypt are printed to stderr as "FRAME not decrypted: why";
 * retransmissions (never decrypted again) as "FRAME retransmission".
 * Keys are never printed: only the payloads inside.
 * Usage: keys_dump KEYFILE CAPTURE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/decrypt.h"
#include "capture/sessions.h"
#include "keys/keys.h"
#include "packet/pcap_file.h"
#include "wire/ike.h"

struct list {
        char s[4096];
        size_t n;
};

static void add(struct list *l, unsigned long v)
{
        if (l->n + 32 >= sizeof(l->s))
                return;
        if (l->n)
                l->s[l->n++] = ',';
        l->n += (size_t)snprintf(l->s + l->n, sizeof(l->s) - l->n, "%lu", v);
}

static void add_hex(struct list *l, struct wire_view v)
{
        if (l->n + 2 * v.len + 2 >= sizeof(l->s))
                return;
        if (l->n)
                l->s[l->n++] = ',';
        for (size_t i = 0; i < v.len; i++)
                l->n += (size_t)snprintf(l->s + l->n, 3, "%02x", v.p[i]);
}

struct line {
        uint64_t frame;
        char *text;
};
struct out {
        struct line *v;
        size_t n, cap;
};

static void chain(const struct ike_msg *m, struct list *f)
{
        struct wire_err e;
        for (size_t i = 0; i < m->npl; i++) {
                const struct ike_payload *pl = &m->pl[i];
                add(&f[0], pl->type);
                if (pl->type == PL_V1_SA || pl->type == PL_V2_SA) {
                        struct ike_sa_iter sa;
                        struct ike_proposal p;
                        struct ike_transform t;
                        if (ike_sa_open(pl->body, m->version, &sa, &e) < 0)
                                continue;
                        while (ike_proposal_next(&sa, &p, &e) == 1) {
                                add(&f[0], 2);
                                while (ike_transform_next(&p.xf, &t, &e) == 1)
                                        add(&f[0], 3);
                        }
                } else if (pl->type == PL_V1_NOTIFY || pl->type == PL_V2_NOTIFY) {
                        struct ike_notify n;
                        if (ike_notify_decode(pl->body, m->version, &n, &e) == 0)
                                add(&f[1], n.type);
                } else if (pl->type == PL_V1_ID || pl->type == PL_V2_IDI || pl->type == PL_V2_IDR) {
                        struct ike_id id;
                        if (ike_id_decode(pl->body, m->version, &id, &e) == 0 || id.type)
                                add(&f[2], id.type);
                } else if (pl->type == PL_V2_TSI || pl->type == PL_V2_TSR) {
                        struct ike_ts_iter it;
                        struct ike_ts ts;
                        if (ike_ts_open(pl->body, &it, &e) == 0)
                                while (ike_ts_next(&it, &ts, &e) == 1)
                                        add(&f[3], ts.type);
                } else if (pl->type == PL_V1_NONCE || pl->type == PL_V2_NONCE) {
                        add_hex(&f[4], pl->body);
                } else if (pl->type == PL_V1_HASH) {
                        add_hex(&f[5], pl->body);
                } else if (pl->type == PL_V2_AUTH) {
                        struct ike_auth_pl a;
                        if (ike_auth_decode(pl->body, &a, &e) == 0)
                                add_hex(&f[6], a.data);
                } else if (pl->type == PL_V1_DELETE || pl->type == PL_V2_DELETE) {
                        struct ike_delete d;
                        if (ike_delete_decode(pl->body, m->version, &d, &e) == 0)
                                add(&f[7], d.proto);
                } else if (pl->type == PL_V1_ATTR || pl->type == PL_V2_CP) {
                        struct ike_cfg c;
                        if (ike_cfg_decode(pl->body, m->version, &c, &e) == 0)
                                add(&f[8], c.type);
                }
        }
}

static void on_plain(void *ctx, const struct cap_sa *sa, size_t i, const struct ike_msg *inner)
{
        struct out *o = ctx;
        const struct cap_msg *cm = &sa->msgs[i];
        static struct list f[9];
        for (size_t k = 0; k < 9; k++)
                f[k].n = 0, f[k].s[0] = '\0';
        struct ike_msg outer;
        struct wire_err e;
        if (sa->version == 2 && ike_msg_decode(cm->raw, cm->length, &outer, &e) == 0)
                chain(&outer, f);
        chain(inner, f);
        char buf[40000];
        size_t n = (size_t)snprintf(buf, sizeof(buf), "%llu", (unsigned long long)cm->frame);
        for (size_t k = 0; k < 9 && n < sizeof(buf); k++)
                n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\t%s", f[k].s);
        if (o->n == o->cap) {
                o->cap = o->cap ? 2 * o->cap : 16;
                o->v = realloc(o->v, o->cap * sizeof(*o->v));
                if (!o->v)
                        exit(2);
        }
        o->v[o->n].frame = cm->frame;
        o->v[o->n++].text = strdup(buf);
}

static int on_frame(void *ctx, const struct pcap_frame *pf)
{
        return cap_add_frame(ctx, pf) < 0 ? -1 : 0;
}

static int by_frame(const void *a, const void *b)
{
        const struct line *x = a, *y = b;
        return x->frame < y->frame ? -1 : x->frame > y->frame;
}

int main(int argc, char **argv)
{
        if (argc != 3) {
                fprintf(stderr, "usage: keys_dump KEYFILE CAPTURE\n");
                return 2;
        }
        struct key_store ks;
        struct diag d;
        keys_init(&ks);
        if (keys_load(&ks, argv[1], &d)) {
                fprintf(stderr, "keys_dump: %s\n", d.msg);
                return 2;
        }
        struct cap_set cs;
        cap_set_init(&cs);
        cs.keep_raw = true;
        if (pcap_read_file(argv[2], on_frame, &cs, &d) < 0) {
                fprintf(stderr, "keys_dump: %s\n", d.msg);
                return 2;
        }
        cap_name_steps(&cs);
        struct out o = {NULL, 0, 0};
        if (cap_decrypt_each(&cs, &ks, on_plain, &o) < 0)
                return 2;
        qsort(o.v, o.n, sizeof(*o.v), by_frame);
        for (size_t i = 0; i < o.n; i++) {
                printf("%s\n", o.v[i].text);
                free(o.v[i].text);
        }
        free(o.v);
        for (size_t i = 0; i < cs.nsa; i++)
                for (size_t j = 0; j < cs.sa[i].nmsgs; j++) {
                        const struct cap_msg *m = &cs.sa[i].msgs[j];
                        if (m->retransmit_of)
                                fprintf(stderr, "%llu retransmission\n",
                                        (unsigned long long)m->frame);
                        else if (m->encrypted && m->dec != CAP_DEC_OK)
                                fprintf(stderr, "%llu not decrypted: %s: %s\n",
                                        (unsigned long long)m->frame, cap_dec_name(m->dec),
                                        m->dec_why ? m->dec_why : "");
                }
        cap_set_free(&cs);
        keys_free(&ks);
        return 0;
}
