/*
 * Prints, for every IKE frame of a capture, the fields tshark prints with
 *   tshark -r F -Y "isakmp.ispi && !icmp && !icmpv6" -T fields -E occurrence=a
 *     -e frame.number
 *     -e isakmp.ispi -e isakmp.rspi -e isakmp.version -e isakmp.exchangetype
 *     -e isakmp.flags -e isakmp.messageid -e isakmp.length
 *     -e isakmp.typepayload -e isakmp.notify.msgtype -e isakmp.vid_bytes
 *     -e isakmp.prop.transforms -e isakmp.trans.id -e isakmp.spisize
 *     -e isakmp.notify.protoid
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
        struct list types = {0}, notif = {0}, vids = {0}, ntrans = {0}, tids = {0}, spis = {0},
                    nproto = {0};
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
                }
        }
        char is[17], rs[17];
        hex8(m.hdr.ispi, is);
        hex8(m.hdr.rspi, rs);
        printf("%llu\t%s\t%s\t0x%02x\t%u\t0x%02x\t0x%08x\t%u\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
               (unsigned long long)pf->number, is, rs, m.hdr.major << 4 | m.hdr.minor,
               m.hdr.exchange, m.hdr.flags, m.hdr.msgid, m.hdr.length, types.s, notif.s, vids.s,
               ntrans.s, tids.s, spis.s, nproto.s);
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
