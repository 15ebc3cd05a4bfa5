/*
 * Writes a deterministic pcap (Ethernet) for bench/capture.sh:
 *   gen-capture mixed   MB TUNNELS OUT   IKE and ESP: each tunnel negotiates
 *                                        (IKEv1 Main + Quick Mode, or IKEv2
 *                                        IKE_SA_INIT + IKE_AUTH), then carries
 *                                        ESP both ways (60 to 1400 bytes), with
 *                                        a rekey every 20,000 packets of a tunnel
 *   gen-capture ike     MB TUNNELS OUT   IKE only: the same negotiations, then
 *                                        DPD (an encrypted Informational and its
 *                                        answer) round after round, a Quick
 *                                        Mode / CREATE_CHILD_SA every 100 rounds,
 *                                        a new phase 1 every 1,000 rounds, 1 %
 *                                        of first messages retransmitted
 * until the file holds MB megabytes. The same arguments give the same bytes
 * (a fixed LCG; no clock, no randomness from the system). The IKE messages
 * are well formed ISAKMP / IKEv2 (header, payload chain, proposals with
 * transforms and attributes); their encrypted parts are filler.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t lcg = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(void)
{
        lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
        return (uint32_t)(lcg >> 33);
}

static FILE *out;
static uint64_t written, limit;
static uint32_t t_sec = 1700000000, t_usec;

struct buf {
        uint8_t b[4096];
        size_t n;
};
static void u8(struct buf *w, unsigned v)
{
        w->b[w->n++] = (uint8_t)v;
}
static void u16(struct buf *w, unsigned v)
{
        u8(w, v >> 8);
        u8(w, v);
}
static void u32(struct buf *w, uint32_t v)
{
        u16(w, v >> 16);
        u16(w, v & 0xffff);
}
static void fill(struct buf *w, size_t n)
{
        for (size_t i = 0; i < n; i++)
                w->b[w->n++] = (uint8_t)rnd();
}
static void put_le32(uint8_t *p, uint32_t v)
{
        p[0] = (uint8_t)v, p[1] = (uint8_t)(v >> 8), p[2] = (uint8_t)(v >> 16),
        p[3] = (uint8_t)(v >> 24);
}

/* One Ethernet/IPv4 frame around an IP payload of protocol proto. */
static void frame(uint32_t src, uint32_t dst, unsigned proto, const uint8_t *pl, size_t n)
{
        static uint8_t f[8192];
        static uint16_t ipid;
        size_t len = 14 + 20 + n;
        memset(f, 0, 12);
        f[5] = 1, f[11] = 2;
        f[12] = 0x08, f[13] = 0x00;
        uint8_t *ip = f + 14;
        ip[0] = 0x45, ip[1] = 0;
        ip[2] = (uint8_t)((20 + n) >> 8), ip[3] = (uint8_t)(20 + n);
        ipid++;
        ip[4] = (uint8_t)(ipid >> 8), ip[5] = (uint8_t)ipid;
        ip[6] = 0x40, ip[7] = 0; /* DF */
        ip[8] = 64, ip[9] = (uint8_t)proto, ip[10] = ip[11] = 0;
        for (int i = 0; i < 4; i++) {
                ip[12 + i] = (uint8_t)(src >> (24 - 8 * i));
                ip[16 + i] = (uint8_t)(dst >> (24 - 8 * i));
        }
        memcpy(ip + 20, pl, n);
        uint8_t rec[16];
        t_usec += 100 + rnd() % 900;
        if (t_usec >= 1000000)
                t_sec++, t_usec -= 1000000;
        put_le32(rec, t_sec);
        put_le32(rec + 4, t_usec);
        put_le32(rec + 8, (uint32_t)len);
        put_le32(rec + 12, (uint32_t)len);
        fwrite(rec, 1, 16, out);
        fwrite(f, 1, len, out);
        written += 16 + len;
}

static void udp(uint32_t src, uint32_t dst, unsigned port, const struct buf *m)
{
        struct buf u;
        u.n = 0;
        u16(&u, port);
        u16(&u, port);
        int marker = port == 4500;
        u16(&u, (unsigned)(8 + (marker ? 4 : 0) + m->n));
        u16(&u, 0);
        if (marker)
                u32(&u, 0);
        memcpy(u.b + u.n, m->b, m->n);
        u.n += m->n;
        frame(src, dst, 17, u.b, u.n);
}

struct tunnel {
        uint32_t a, b; /* addresses */
        int v2;
        uint8_t ispi[8], rspi[8];
        uint32_t msgid;
        uint32_t spi_ab, spi_ba, seq_ab, seq_ba;
        uint64_t packets, rounds;
};

/* ISAKMP header; length patched by done() */
static void hdr(struct buf *w, const struct tunnel *t, int rz, unsigned next, unsigned exch,
                unsigned flags, uint32_t msgid)
{
        w->n = 0;
        memcpy(w->b, t->ispi, 8);
        if (rz)
                memset(w->b + 8, 0, 8);
        else
                memcpy(w->b + 8, t->rspi, 8);
        w->n = 16;
        u8(w, next);
        u8(w, t->v2 ? 0x20 : 0x10);
        u8(w, exch);
        u8(w, flags);
        u32(w, msgid);
        u32(w, 0);
}
static void done(struct buf *w)
{
        w->b[24] = (uint8_t)(w->n >> 24), w->b[25] = (uint8_t)(w->n >> 16);
        w->b[26] = (uint8_t)(w->n >> 8), w->b[27] = (uint8_t)w->n;
}
/* a payload: generic header then n filler bytes */
static void pl(struct buf *w, unsigned next, size_t n)
{
        u8(w, next);
        u8(w, 0);
        u16(w, (unsigned)(4 + n));
        fill(w, n);
}
static size_t open_pl(struct buf *w, unsigned next)
{
        size_t at = w->n;
        u8(w, next);
        u8(w, 0);
        u16(w, 0);
        return at;
}
static void close_pl(struct buf *w, size_t at)
{
        size_t n = w->n - at;
        w->b[at + 2] = (uint8_t)(n >> 8), w->b[at + 3] = (uint8_t)n;
}
static void tv(struct buf *w, unsigned type, unsigned v)
{
        u16(w, 0x8000 | type);
        u16(w, v);
}

/* IKEv1 SA payload with ntx transforms (AES-256/SHA/PSK/group 14 variants) */
static void v1_sa(struct buf *w, unsigned next, int ntx)
{
        size_t sa = open_pl(w, next);
        u32(w, 1);
        u32(w, 1);
        size_t pr = open_pl(w, 0);
        u8(w, 1);
        u8(w, 1);
        u8(w, 0);
        u8(w, (unsigned)ntx);
        for (int i = 0; i < ntx; i++) {
                size_t x = open_pl(w, i + 1 < ntx ? 3 : 0);
                u8(w, (unsigned)i + 1);
                u8(w, 1);
                u16(w, 0);
                tv(w, 1, 7);
                tv(w, 14, i % 2 ? 128 : 256);
                tv(w, 2, 2 + (i % 3 == 2 ? 2 : 0));
                tv(w, 3, 1);
                tv(w, 4, 14);
                tv(w, 11, 1);
                tv(w, 12, 28800);
                close_pl(w, x);
        }
        close_pl(w, pr);
        close_pl(w, sa);
}

/* IKEv2 SA payload: one proposal, ENCR AES-CBC-256, PRF, INTEG, DH 14 */
static void v2_sa(struct buf *w, unsigned next)
{
        size_t sa = open_pl(w, next);
        size_t pr = open_pl(w, 0);
        u8(w, 1);
        u8(w, 1);
        u8(w, 0);
        u8(w, 4);
        static const unsigned tt[4][2] = {{1, 12}, {2, 5}, {3, 12}, {4, 14}};
        for (int i = 0; i < 4; i++) {
                size_t x = open_pl(w, i < 3 ? 3 : 0);
                u8(w, tt[i][0]);
                u8(w, 0);
                u16(w, tt[i][1]);
                if (i == 0)
                        tv(w, 14, 256);
                close_pl(w, x);
        }
        close_pl(w, pr);
        close_pl(w, sa);
}

static void notify(struct buf *w, unsigned next, unsigned type, size_t n)
{
        size_t at = open_pl(w, next);
        u8(w, 0);
        u8(w, 0);
        u16(w, type);
        fill(w, n);
        close_pl(w, at);
}

static void send(struct tunnel *t, int from_a, const struct buf *m, unsigned port)
{
        udp(from_a ? t->a : t->b, from_a ? t->b : t->a, port, m);
}

static void new_cookies(struct tunnel *t)
{
        for (int i = 0; i < 8; i++) {
                t->ispi[i] = (uint8_t)rnd();
                t->rspi[i] = (uint8_t)rnd();
        }
        t->msgid = 0;
}

static void enc(struct tunnel *t, int from_a, unsigned exch, uint32_t msgid, size_t n,
                unsigned flags, unsigned port)
{
        struct buf m;
        if (t->v2) {
                hdr(&m, t, 0, 46, exch, flags, msgid);
                pl(&m, 0, n);
        } else {
                hdr(&m, t, 0, 8, exch, 1, msgid);
                fill(&m, n);
        }
        done(&m);
        send(t, from_a, &m, port);
}

static void phase1(struct tunnel *t)
{
        struct buf m;
        new_cookies(t);
        if (!t->v2) {
                hdr(&m, t, 1, 1, 2, 0, 0);
                v1_sa(&m, 13, 6);
                pl(&m, 13, 16);
                pl(&m, 0, 16);
                done(&m);
                send(t, 1, &m, 500);
                if (rnd() % 100 == 0)
                        send(t, 1, &m, 500); /* a retransmission */
                hdr(&m, t, 0, 1, 2, 0, 0);
                v1_sa(&m, 13, 1);
                pl(&m, 0, 16);
                done(&m);
                send(t, 0, &m, 500);
                for (int side = 1; side >= 0; side--) {
                        hdr(&m, t, 0, 4, 2, 0, 0);
                        pl(&m, 10, 256);
                        pl(&m, 20, 32);
                        pl(&m, 20, 20);
                        pl(&m, 0, 20);
                        done(&m);
                        send(t, side, &m, 500);
                }
                enc(t, 1, 2, 0, 76, 0, 500);
                enc(t, 0, 2, 0, 76, 0, 500);
        } else {
                hdr(&m, t, 1, 33, 34, 0x08, 0);
                v2_sa(&m, 34);
                u8(&m, 40);
                u8(&m, 0);
                u16(&m, 8 + 256);
                u16(&m, 14);
                u16(&m, 0);
                fill(&m, 256);
                pl(&m, 41, 32);
                notify(&m, 41, 16388, 20);
                notify(&m, 0, 16389, 20);
                done(&m);
                send(t, 1, &m, 500);
                if (rnd() % 100 == 0)
                        send(t, 1, &m, 500);
                hdr(&m, t, 0, 33, 34, 0x20, 0);
                v2_sa(&m, 34);
                u8(&m, 40);
                u8(&m, 0);
                u16(&m, 8 + 256);
                u16(&m, 14);
                u16(&m, 0);
                fill(&m, 256);
                pl(&m, 41, 32);
                notify(&m, 41, 16388, 20);
                notify(&m, 0, 16389, 20);
                done(&m);
                send(t, 0, &m, 500);
                enc(t, 1, 35, 1, 400, 0x08, 500);
                enc(t, 0, 35, 1, 380, 0x20, 500);
                t->msgid = 2;
        }
        t->spi_ab = rnd() | 0x100;
        t->spi_ba = rnd() | 0x100;
        t->seq_ab = t->seq_ba = 0;
}

static void rekey(struct tunnel *t)
{
        if (!t->v2) {
                uint32_t id = rnd();
                enc(t, 1, 32, id, 300, 0, 500);
                enc(t, 0, 32, id, 300, 0, 500);
                enc(t, 1, 32, id, 60, 0, 500);
        } else {
                enc(t, 1, 36, t->msgid, 300, 0x08, 500);
                enc(t, 0, 36, t->msgid, 300, 0x20, 500);
                t->msgid++;
        }
        t->spi_ab = rnd() | 0x100;
        t->spi_ba = rnd() | 0x100;
        t->seq_ab = t->seq_ba = 0;
}

static void dpd(struct tunnel *t)
{
        if (!t->v2) {
                uint32_t id = rnd();
                enc(t, 1, 5, id, 92, 0, 500);
                enc(t, 0, 5, rnd(), 92, 0, 500);
        } else {
                enc(t, 1, 37, t->msgid, 48, 0x08, 500);
                enc(t, 0, 37, t->msgid, 48, 0x20, 500);
                t->msgid++;
        }
}

static void esp(struct tunnel *t, int from_a)
{
        struct buf m;
        m.n = 0;
        u32(&m, from_a ? t->spi_ab : t->spi_ba);
        u32(&m, from_a ? ++t->seq_ab : ++t->seq_ba);
        size_t n = 48 + (rnd() % 1340) / 16 * 16;
        fill(&m, n);
        frame(from_a ? t->a : t->b, from_a ? t->b : t->a, 50, m.b, m.n);
}

int main(int argc, char **argv)
{
        if (argc != 5 || (strcmp(argv[1], "mixed") && strcmp(argv[1], "ike"))) {
                fprintf(stderr, "usage: gen-capture mixed|ike MB TUNNELS OUT\n");
                return 2;
        }
        int mixed = !strcmp(argv[1], "mixed");
        limit = strtoull(argv[2], NULL, 10) << 20;
        size_t nt = strtoul(argv[3], NULL, 10);
        if (!nt || nt > 60000)
                return 2;
        out = fopen(argv[4], "wb");
        if (!out)
                return 2;
        static char iobuf[1 << 20];
        setvbuf(out, iobuf, _IOFBF, sizeof(iobuf));
        uint8_t gh[24] = {0};
        put_le32(gh, 0xa1b2c3d4);
        gh[4] = 2, gh[6] = 4;
        put_le32(gh + 16, 65535);
        put_le32(gh + 20, 1); /* Ethernet */
        fwrite(gh, 1, 24, out);
        struct tunnel *t = calloc(nt, sizeof(*t));
        if (!t)
                return 2;
        for (size_t i = 0; i < nt; i++) {
                t[i].a = 0x0a000001u + ((uint32_t)i << 8);
                t[i].b = 0xac100001u + ((uint32_t)i << 8);
                t[i].v2 = i % 2;
                phase1(&t[i]);
        }
        while (written < limit) {
                struct tunnel *x = &t[rnd() % nt];
                if (mixed) {
                        esp(x, (int)(rnd() & 1));
                        if (++x->packets % 20000 == 0)
                                rekey(x);
                } else {
                        dpd(x);
                        x->rounds++;
                        if (x->rounds % 1000 == 0)
                                phase1(x);
                        else if (x->rounds % 100 == 0)
                                rekey(x);
                }
        }
        free(t);
        return fclose(out) ? 2 : 0;
}
