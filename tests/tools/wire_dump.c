/*
 * Prints, for every IKE frame of a capture, the fields tshark prints with
 *   tshark -r F -Y "isakmp.ispi && !icmp && !icmpv6" -T fields -E occurrence=a
 *     -e FIELD... (the fields of wire_dump.fields, in order)
 * in the same format (tab between fields, comma between occurrences), from
 * src/packet/ and src/wire/ alone, so that tests/scripts/wire-tshark.sh can
 * compare the two line by line. A message the decoder refuses prints its
 * frame number and "malformed: " with the reason.
 * Usage: wire_dump FILE...
 */
#include <stdio.h>
#include <string.h>

#include "packet/pcap_file.h"
#include "wire/ike.h"

struct list {
        char s[8192];
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

static void hex8(const uint8_t *b, char out[17])
{
        for (int i = 0; i < 8; i++)
                snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static int on_frame(void *ctx, const struct pcap_frame *pf)
{
        (void)ctx;
        if (!pf->f || pf->f->kind != FK_IKE || pf->f->payload.len < IKE_HDR_LEN)
                return 0;
        struct ike_msg m;
        struct wire_err e;
        if (ike_msg_decode(pf->f->payload.p, pf->f->payload.len, &m, &e) < 0) {
                printf("%llu\tmalformed: %s\n", (unsigned long long)pf->number, e.what);
                return 0;
        }
        static struct list types, notif, vids, ntrans, tids, spis, nproto, idt, keg, ikeat, nonce,
            nath, cenc, crt, tft, tfid[5], klen, dproto, tst, cfgt, hash;
        struct list *all[] = {&types,  &notif,   &vids,    &ntrans,  &tids,    &spis,    &nproto,
                              &idt,    &keg,     &ikeat,   &nonce,   &nath,    &cenc,    &crt,
                              &tft,    &tfid[0], &tfid[1], &tfid[2], &tfid[3], &tfid[4], &klen,
                              &dproto, &tst,     &cfgt,    &hash};
        for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
                all[i]->n = 0, all[i]->s[0] = '\0';
        for (size_t i = 0; i < m.npl; i++) {
                const struct ike_payload *pl = &m.pl[i];
                add(&types, pl->type);
                if (pl->type == PL_V1_SA || pl->type == PL_V2_SA) {
                        struct ike_sa_iter sa;
                        struct ike_proposal p;
                        struct ike_transform t;
                        if (ike_sa_open(pl->body, m.version, &sa, &e) < 0)
                                continue;
                        while (ike_proposal_next(&sa, &p, &e) == 1) {
                                add(&types, 2);
                                add(&ntrans, p.ntransforms);
                                add(&spis, p.spi_size);
                                while (ike_transform_next(&p.xf, &t, &e) == 1) {
                                        add(&types, 3);
                                        if (m.version == 1)
                                                add(&tids, t.id);
                                        else {
                                                add(&tft, t.type);
                                                if (t.type >= 1 && t.type <= 5)
                                                        add(&tfid[t.type - 1], t.id);
                                        }
                                        struct ike_attr_iter ai = ike_attrs(t.attrs);
                                        struct ike_attr a;
                                        while (ike_attr_next(&ai, &a, &e) == 1) {
                                                if (m.version == 1 && p.proto == 1)
                                                        add(&ikeat, a.type);
                                                if (m.version == 2 && a.type == 14)
                                                        add(&klen, a.value);
                                        }
                                }
                        }
                } else if (pl->type == PL_V1_NOTIFY || pl->type == PL_V2_NOTIFY) {
                        struct ike_notify n;
                        if (ike_notify_decode(pl->body, m.version, &n, &e) == 0) {
                                add(&notif, n.type);
                                add(&spis, n.spi_size);
                                add(&nproto, n.proto);
                        }
                } else if (pl->type == PL_V1_VID || pl->type == PL_V2_VID) {
                        add_hex(&vids, pl->body);
                } else if (pl->type == PL_V1_ID || pl->type == PL_V2_IDI || pl->type == PL_V2_IDR) {
                        struct ike_id id;
                        if (ike_id_decode(pl->body, m.version, &id, &e) == 0 ||
                            id.type) /* an address of the wrong size keeps its type */
                                add(&idt, id.type);
                } else if (pl->type == PL_V2_KE) {
                        struct ike_ke ke;
                        if (ike_ke_decode(pl->body, 2, &ke, &e) == 0)
                                add(&keg, ke.group);
                } else if (pl->type == PL_V1_NONCE || pl->type == PL_V2_NONCE) {
                        add_hex(&nonce, pl->body);
                } else if (pl->type == PL_V1_NATD || pl->type == PL_V1_NATD_DRAFT) {
                        add_hex(&nath, pl->body);
                } else if (pl->type == PL_V1_HASH) {
                        add_hex(&hash, pl->body);
                } else if (pl->type == PL_V1_CERT || pl->type == PL_V2_CERT ||
                           pl->type == PL_V1_CR || pl->type == PL_V2_CERTREQ) {
                        struct ike_cert c;
                        bool req = pl->type == PL_V1_CR || pl->type == PL_V2_CERTREQ;
                        if (ike_cert_decode(pl->body, &c, &e) == 0)
                                add(req ? &crt : &cenc, c.encoding);
                } else if (pl->type == PL_V1_DELETE || pl->type == PL_V2_DELETE) {
                        struct ike_delete d;
                        if (ike_delete_decode(pl->body, m.version, &d, &e) == 0)
                                add(&dproto, d.proto);
                } else if (pl->type == PL_V2_TSI || pl->type == PL_V2_TSR) {
                        struct ike_ts_iter it;
                        struct ike_ts ts;
                        if (ike_ts_open(pl->body, &it, &e) == 0)
                                while (ike_ts_next(&it, &ts, &e) == 1)
                                        add(&tst, ts.type);
                } else if (pl->type == PL_V1_ATTR || pl->type == PL_V2_CP) {
                        struct ike_cfg c;
                        if (ike_cfg_decode(pl->body, m.version, &c, &e) == 0)
                                add(&cfgt, c.type);
                }
        }
        char is[17], rs[17];
        hex8(m.hdr.ispi, is);
        hex8(m.hdr.rspi, rs);
        printf("%llu\t%s\t%s\t0x%02x\t%u\t0x%02x\t0x%08x\t%u", (unsigned long long)pf->number, is,
               rs, m.hdr.major << 4 | m.hdr.minor, m.hdr.exchange, m.hdr.flags, m.hdr.msgid,
               m.hdr.length);
        for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
                printf("\t%s", all[i]->s);
        putchar('\n');
        return 0;
}

int main(int argc, char **argv)
{
        int rc = 0;
        for (int i = 1; i < argc; i++) {
                struct diag d;
                if (pcap_read_file(argv[i], on_frame, NULL, &d) < 0) {
                        fprintf(stderr, "wire_dump: %s\n", d.msg);
                        rc = 2;
                }
        }
        return rc;
}
