/*
 * Frames (src/packet/frame.c) built byte by byte for every link type read,
 * IPv4 and IPv6, UDP 500 and 4500 (marker, keepalive, ESP in UDP), ESP,
 * fragments and cut-short headers; and capture files (pcap written with
 * libpcap, pcapng written here block by block) read back by pcap_file.c.
 */
#include "test_util.h"

#include <pcap/pcap.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "packet/frame.h"
#include "packet/pcap_file.h"
#include "wire_build.h"

/* An IPv4 + UDP packet into w (after whatever link header w holds). */
static void ip4_udp(struct wb *w, unsigned sport, unsigned dport, const uint8_t *pl, size_t n,
                    unsigned frag)
{
        size_t ip = w->n;
        wb_u8(w, 0x45);
        wb_u8(w, 0);
        wb_u16(w, (unsigned)(20 + 8 + n));
        wb_u16(w, 0x1234);
        wb_u16(w, frag);
        wb_u8(w, 64);
        wb_u8(w, 17);
        wb_u16(w, 0);
        wb_u32(w, 0xc0a80101); /* 192.168.1.1 */
        wb_u32(w, 0x0a000002); /* 10.0.0.2 */
        wb_u16(w, sport);
        wb_u16(w, dport);
        wb_u16(w, (unsigned)(8 + n));
        wb_u16(w, 0);
        wb_bytes(w, pl, n);
        (void)ip;
}

static void ip6_udp(struct wb *w, unsigned sport, unsigned dport, const uint8_t *pl, size_t n,
                    int frag_hdr)
{
        wb_u32(w, 0x60000000);
        wb_u16(w, (unsigned)(8 + n + (frag_hdr ? 8 : 0)));
        wb_u8(w, frag_hdr ? 44 : 17);
        wb_u8(w, 64);
        wb_fill(w, 0x20, 16);
        wb_fill(w, 0x30, 16);
        if (frag_hdr) {
                wb_u8(w, 17);
                wb_u8(w, 0);
                wb_u16(w, 1); /* offset 0, more fragments */
                wb_u32(w, 77);
        }
        wb_u16(w, sport);
        wb_u16(w, dport);
        wb_u16(w, (unsigned)(8 + n));
        wb_u16(w, 0);
        wb_bytes(w, pl, n);
}

static void eth(struct wb *w, int vlans, unsigned etype)
{
        w->n = 0;
        wb_fill(w, 0xaa, 6);
        wb_fill(w, 0xbb, 6);
        for (int i = 0; i < vlans; i++) {
                wb_u16(w, i ? 0x8100 : 0x88a8);
                wb_u16(w, 100 + (unsigned)i);
        }
        wb_u16(w, etype);
}

static uint8_t ike[40]; /* a 28-byte header and a bit more: content is not read here */

static void link_types(void **state)
{
        (void)state;
        struct wb w;
        struct frame f;
        struct wire_err e;
        memset(ike, 0x42, sizeof(ike));

        eth(&w, 0, 0x0800);
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        wb_fill(&w, 0, 6); /* Ethernet padding after the IP packet */
        assert_int_equal(frame_decode(LINK_ETHERNET, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_int_equal(f.af, 4);
        assert_int_equal(f.payload.len, sizeof(ike)); /* the padding left out */
        char buf[46];
        assert_string_equal(frame_addr_str(f.af, f.src, buf), "192.168.1.1");
        assert_string_equal(frame_addr_str(f.af, f.dst, buf), "10.0.0.2");
        assert_int_equal(f.nvlan, 0);

        eth(&w, 2, 0x0800); /* 802.1ad outer, 802.1Q inner */
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        assert_int_equal(frame_decode(LINK_ETHERNET, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_int_equal(f.nvlan, 2);
        assert_int_equal(f.vlan[0], 100);
        assert_int_equal(f.vlan[1], 101);

        eth(&w, 0, 0x0806); /* ARP */
        wb_fill(&w, 0, 28);
        assert_int_equal(frame_decode(LINK_ETHERNET, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_NOT_IP);

        w.n = 0; /* Linux cooked v1 */
        wb_u16(&w, 0);
        wb_u16(&w, 1);
        wb_u16(&w, 6);
        wb_fill(&w, 0xcc, 8);
        wb_u16(&w, 0x86dd);
        ip6_udp(&w, 4500, 4500, (const uint8_t *)"\xff", 1, 0);
        assert_int_equal(frame_decode(LINK_LINUX_SLL, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_NATT_KEEPALIVE);
        assert_int_equal(f.af, 6);
        assert_int_equal(f.src[0], 0x20);

        w.n = 0; /* Linux cooked v2 */
        wb_u16(&w, 0x0800);
        wb_u16(&w, 0);
        wb_u32(&w, 3);
        wb_u16(&w, 1);
        wb_u8(&w, 0);
        wb_u8(&w, 6);
        wb_fill(&w, 0xcc, 8);
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        assert_int_equal(frame_decode(LINK_LINUX_SLL2, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);

        w.n = 0; /* raw IP */
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_int_equal(frame_decode(LINK_RAW_101, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(frame_decode(LINK_IPV4, w.b, w.n, w.n, &f, &e), 0);

        w.n = 0; /* null: AF_INET in little-endian host order */
        wb_bytes(&w, "\x02\x00\x00\x00", 4);
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        assert_int_equal(frame_decode(LINK_NULL, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        w.n = 0; /* loop: AF_INET6 (OpenBSD 24), network order */
        wb_u32(&w, 24);
        ip6_udp(&w, 500, 500, ike, sizeof(ike), 0);
        assert_int_equal(frame_decode(LINK_LOOP, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_int_equal(f.af, 6);

        assert_int_equal(frame_decode(147, w.b, w.n, w.n, &f, &e), -1); /* DLT_USER0 */
        assert_non_null(strstr(e.what, "link type 147"));
}

static void udp_4500_and_esp(void **state)
{
        (void)state;
        struct wb w;
        struct frame f;
        struct wire_err e;
        uint8_t marked[4 + 40] = {0};
        memset(marked + 4, 0x42, 40);
        w.n = 0;
        ip4_udp(&w, 4500, 4500, marked, sizeof(marked), 0);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_true(f.marker);
        assert_int_equal(f.payload.len, 40);
        assert_int_equal(f.payload.p[0], 0x42);

        uint8_t esp[32] = {0xc2, 0x54, 0xfe, 0x64, 0, 0, 0, 7};
        w.n = 0;
        ip4_udp(&w, 4500, 4500, esp, sizeof(esp), 0);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_ESP_UDP);
        assert_int_equal(f.esp_spi, 0xc254fe64);
        assert_int_equal(f.esp_seq, 7);

        w.n = 0; /* IP protocol 50 */
        wb_u8(&w, 0x45);
        wb_u8(&w, 0);
        wb_u16(&w, 20 + 32);
        wb_u16(&w, 1);
        wb_u16(&w, 0x4000); /* DF */
        wb_u8(&w, 64);
        wb_u8(&w, 50);
        wb_u16(&w, 0);
        wb_u32(&w, 1);
        wb_u32(&w, 2);
        wb_bytes(&w, esp, sizeof(esp));
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_ESP);
        assert_true(f.dont_fragment);
        assert_int_equal(f.esp_seq, 7);
        assert_string_equal(frame_kind_name(f.kind), "ESP");

        w.n = 0; /* UDP elsewhere: not IPsec */
        ip4_udp(&w, 53, 5353, esp, 8, 0);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_OTHER);
        w.n = 0; /* 4500, 3 bytes: neither keepalive, marker nor ESP */
        ip4_udp(&w, 4500, 4500, esp, 3, 0);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_OTHER);
}

static void fragments_and_cuts(void **state)
{
        (void)state;
        struct wb w;
        struct frame f;
        struct wire_err e;
        uint8_t big[1600];
        memset(big, 0x42, sizeof(big));

        /* first IPv4 fragment: UDP says 1608, 1000 bytes are in this one */
        w.n = 0;
        ip4_udp(&w, 500, 500, big, sizeof(big), 0x2000);
        w.b[2] = (uint8_t)((20 + 8 + 992) >> 8); /* total length of the fragment */
        w.b[3] = (uint8_t)(20 + 8 + 992);
        w.n = 20 + 8 + 992;
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_true(f.fragment);
        assert_true(f.more_fragments);
        assert_int_equal(f.payload.len, 992);
        /* a later fragment: no UDP header in it */
        w.b[6] = 0x00;
        w.b[7] = 125; /* offset 1000 */
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IP_FRAGMENT);
        assert_int_equal(f.frag_offset, 1000);

        /* IPv6 first fragment (fragment header) */
        w.n = 0;
        ip6_udp(&w, 500, 500, ike, sizeof(ike), 1);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_IKE);
        assert_true(f.fragment);
        assert_int_equal(f.ip_id, 77);

        /* cut by a snap length: what is there, marked truncated, no error */
        w.n = 0;
        ip4_udp(&w, 500, 500, big, 400, 0);
        assert_int_equal(frame_decode(LINK_RAW, w.b, 100, w.n, &f, &e), 0);
        assert_true(f.truncated);
        assert_int_equal(f.kind, FK_IKE);
        assert_int_equal(f.payload.len, 72);
        /* the same bytes with no snap length said: a length that lies */
        assert_int_equal(frame_decode(LINK_RAW, w.b, 100, 100, &f, &e), -1);
        assert_non_null(strstr(e.what, "total length"));
        /* UDP length over the IP packet */
        w.n = 0;
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        w.b[24] = 0x7f;
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), -1);
        w.b[24] = 0;
        w.b[25] = 7; /* UDP length 7 */
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), -1);
        /* short headers, every layer */
        assert_int_equal(frame_decode(LINK_ETHERNET, w.b, 13, 13, &f, &e), -1);
        assert_int_equal(frame_decode(LINK_LINUX_SLL, w.b, 15, 15, &f, &e), -1);
        assert_int_equal(frame_decode(LINK_LINUX_SLL2, w.b, 19, 19, &f, &e), -1);
        assert_int_equal(frame_decode(LINK_NULL, w.b, 3, 3, &f, &e), -1);
        assert_int_equal(frame_decode(LINK_RAW, w.b, 0, 0, &f, &e), -1);
        assert_int_equal(frame_decode(LINK_RAW, w.b, 19, 19, &f, &e), -1);
        w.n = 0;
        wb_u8(&w, 0x43); /* IHL 3 */
        wb_fill(&w, 0, 19);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), -1);
        w.b[0] = 0x55;
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), -1);
        /* too many VLAN tags */
        w.n = 0;
        wb_fill(&w, 0xaa, 12);
        for (int i = 0; i < 9; i++) {
                wb_u16(&w, 0x8100);
                wb_u16(&w, 1);
        }
        wb_u16(&w, 0x0800);
        assert_int_equal(frame_decode(LINK_ETHERNET, w.b, w.n, w.n, &f, &e), -1);
        assert_non_null(strstr(e.what, "VLAN"));
}

static void icmp_errors(void **state)
{
        (void)state;
        struct wb w;
        struct frame f;
        struct wire_err e;
        /* port unreachable from 10.0.0.2, quoting our UDP 500 to it */
        w.n = 0;
        wb_u8(&w, 0x45);
        wb_u8(&w, 0);
        wb_u16(&w, 20 + 8 + 20 + 8);
        wb_u16(&w, 9);
        wb_u16(&w, 0);
        wb_u8(&w, 64);
        wb_u8(&w, 1);
        wb_u16(&w, 0);
        wb_u32(&w, 0x0a000002);
        wb_u32(&w, 0xc0a80101);
        wb_u8(&w, 3);
        wb_u8(&w, 3);
        wb_u16(&w, 0);
        wb_u32(&w, 0);
        size_t q = w.n;
        ip4_udp(&w, 500, 500, ike, 0, 0); /* the quoted header and UDP header */
        assert_int_equal(w.n - q, 28);
        assert_int_equal(frame_decode(LINK_RAW, w.b, w.n, w.n, &f, &e), 0);
        assert_int_equal(f.kind, FK_ICMP_ERROR);
        assert_int_equal(f.icmp_type, 3);
        assert_int_equal(f.icmp_code, 3);
        assert_int_equal(f.quoted.af, 4);
        assert_int_equal(f.quoted.proto, 17);
        assert_true(f.quoted.has_ports);
        assert_int_equal(f.quoted.dport, 500);
        assert_int_equal(f.quoted.dst[3], 2);
        /* fragmentation needed, MTU 1400 (RFC 1191), quote cut after the IP header */
        w.b[20 + 1] = 4;
        w.b[20 + 6] = 1400 >> 8;
        w.b[20 + 7] = 1400 & 0xff;
        w.b[3] = 20 + 8 + 20;
        assert_int_equal(frame_decode(LINK_RAW, w.b, 48, 48, &f, &e), 0);
        assert_int_equal(f.kind, FK_ICMP_ERROR);
        assert_int_equal(f.icmp_mtu, 1400);
        assert_false(f.quoted.has_ports);
        /* an echo request is not an error */
        w.b[20] = 8;
        w.b[21] = 0;
        assert_int_equal(frame_decode(LINK_RAW, w.b, 48, 48, &f, &e), 0);
        assert_int_equal(f.kind, FK_OTHER);
}

struct seen {
        int n, ike, keepalive;
        uint64_t last;
};

static int count(void *ctx, const struct pcap_frame *pf)
{
        struct seen *s = ctx;
        s->n++;
        s->last = pf->number;
        if (pf->f && pf->f->kind == FK_IKE)
                s->ike++;
        if (pf->f && pf->f->kind == FK_NATT_KEEPALIVE)
                s->keepalive++;
        return 0;
}

static void pcap_files(void **state)
{
        (void)state;
        char path[] = "/tmp/ipsd-test-packet-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        close(fd);
        pcap_t *dead = pcap_open_dead(DLT_EN10MB, 65535);
        pcap_dumper_t *dp = pcap_dump_open(dead, path);
        assert_non_null(dp);
        struct wb w;
        eth(&w, 1, 0x0800);
        ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
        struct pcap_pkthdr h = {{1700000000, 5}, (bpf_u_int32)w.n, (bpf_u_int32)w.n};
        pcap_dump((u_char *)dp, &h, w.b);
        eth(&w, 0, 0x0800);
        ip4_udp(&w, 4500, 4500, (const uint8_t *)"\xff", 1, 0);
        h.caplen = h.len = (bpf_u_int32)w.n;
        pcap_dump((u_char *)dp, &h, w.b);
        pcap_dump_close(dp);
        pcap_close(dead);
        struct seen s = {0};
        struct diag d;
        assert_int_equal(pcap_read_file(path, count, &s, &d), 0);
        assert_int_equal(s.n, 2);
        assert_int_equal(s.ike, 1);
        assert_int_equal(s.keepalive, 1);
        assert_int_equal(s.last, 2);

        /* a pcapng written block by block: SHB, IDB (Linux cooked v2), EPB */
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        struct wb b;
        b.n = 0;
        b.b[b.n++] = 0x0a; /* SHB, little endian */
        b.b[b.n++] = 0x0d;
        b.b[b.n++] = 0x0d;
        b.b[b.n++] = 0x0a;
#define LE32(v)                                                                                    \
        do {                                                                                       \
                uint32_t x_ = (v);                                                                 \
                for (int i_ = 0; i_ < 4; i_++)                                                     \
                        b.b[b.n++] = (uint8_t)(x_ >> (8 * i_));                                    \
        } while (0)
#define LE16(v)                                                                                    \
        do {                                                                                       \
                b.b[b.n++] = (uint8_t)(v);                                                         \
                b.b[b.n++] = (uint8_t)((v) >> 8);                                                  \
        } while (0)
        LE32(28);
        LE32(0x1a2b3c4d);
        LE16(1);
        LE16(0);
        LE32(0xffffffff);
        LE32(0xffffffff);
        LE32(28);
        LE32(1); /* IDB */
        LE32(20);
        LE16(276); /* LINKTYPE_LINUX_SLL2 */
        LE16(0);
        LE32(65535);
        LE32(20);
        struct wb pk;
        pk.n = 0;
        wb_u16(&pk, 0x0800);
        wb_u16(&pk, 0);
        wb_u32(&pk, 3);
        wb_u16(&pk, 1);
        wb_u8(&pk, 0);
        wb_u8(&pk, 6);
        wb_fill(&pk, 0xcc, 8);
        ip4_udp(&pk, 500, 500, ike, sizeof(ike), 0);
        size_t padded = (pk.n + 3) & ~(size_t)3;
        LE32(6); /* EPB */
        LE32((uint32_t)(32 + padded));
        LE32(0);
        LE32(0);
        LE32(0);
        LE32((uint32_t)pk.n);
        LE32((uint32_t)pk.n);
        memcpy(b.b + b.n, pk.b, pk.n);
        b.n += pk.n;
        while (b.n % 4)
                b.b[b.n++] = 0;
        LE32((uint32_t)(32 + padded));
        assert_int_equal(fwrite(b.b, 1, b.n, fp), b.n);
        fclose(fp);
        memset(&s, 0, sizeof(s));
        assert_int_equal(pcap_read_file(path, count, &s, &d), 0);
        assert_int_equal(s.n, 1);
        assert_int_equal(s.ike, 1);

        /* cut inside the packet block: an error that names the file */
        assert_int_equal(truncate(path, (off_t)(b.n - 10)), 0);
        memset(&s, 0, sizeof(s));
        assert_int_equal(pcap_read_file(path, count, &s, &d), -1);
        assert_non_null(strstr(d.msg, path));
        /* not a capture */
        fp = fopen(path, "wb");
        fputs("hostname r1\n", fp);
        fclose(fp);
        assert_int_equal(pcap_read_file(path, count, &s, &d), -1);
        assert_non_null(strstr(d.msg, "not a capture"));
        unlink(path);
        assert_int_equal(pcap_read_file(path, count, &s, &d), -1);
}

/* gzip'd captures are read through zlib, known by their magic bytes
 * whatever their name; corrupt or cut gzip data is an error naming the file. */
static void gzip_files(void **state)
{
        (void)state;
        char plain[] = "/tmp/ipsd-test-gz-XXXXXX", path[] = "/tmp/ipsd-test-gz-XXXXXX";
        int fd = mkstemp(plain);
        assert_true(fd >= 0);
        close(fd);
        fd = mkstemp(path);
        assert_true(fd >= 0);
        close(fd);
        pcap_t *dead = pcap_open_dead(DLT_RAW, 65535);
        pcap_dumper_t *dp = pcap_dump_open(dead, plain);
        assert_non_null(dp);
        struct wb w;
        struct pcap_pkthdr h = {{1700000000, 5}, 0, 0};
        for (int i = 0; i < 300; i++) { /* more than zlib's buffers hold at once */
                w.n = 0;
                ike[20] = (uint8_t)i;
                ip4_udp(&w, 500, 500, ike, sizeof(ike), 0);
                wb_fill(&w, (unsigned)i, 0);
                h.caplen = h.len = (bpf_u_int32)w.n;
                pcap_dump((u_char *)dp, &h, w.b);
        }
        w.n = 0;
        ip4_udp(&w, 4500, 4500, (const uint8_t *)"\xff", 1, 0);
        h.caplen = h.len = (bpf_u_int32)w.n;
        pcap_dump((u_char *)dp, &h, w.b);
        pcap_dump_close(dp);
        pcap_close(dead);
        /* gzip it with zlib (level 1: deflate blocks all through) */
        static uint8_t raw[65536];
        FILE *in = fopen(plain, "rb");
        size_t n = fread(raw, 1, sizeof(raw), in);
        fclose(in);
        assert_true(n > 1000 && n < sizeof(raw));
        gzFile gz = gzopen(path, "wb1");
        assert_non_null(gz);
        assert_int_equal(gzwrite(gz, raw, (unsigned)n), (int)n);
        assert_int_equal(gzclose(gz), Z_OK);
        struct seen s = {0};
        struct diag d;
        assert_int_equal(pcap_read_file(path, count, &s, &d), 0);
        assert_int_equal(s.n, 301);
        assert_int_equal(s.ike, 300);
        assert_int_equal(s.keepalive, 1);

        /* a damaged deflate stream or trailer */
        static uint8_t z[65536];
        FILE *zf = fopen(path, "rb");
        size_t zn = fread(z, 1, sizeof(z), zf);
        fclose(zf);
        z[zn - 6] ^= 0xff; /* the CRC-32 of the trailer */
        zf = fopen(path, "wb");
        fwrite(z, 1, zn, zf);
        fclose(zf);
        memset(&s, 0, sizeof(s));
        d.msg[0] = '\0';
        assert_int_equal(pcap_read_file(path, count, &s, &d), -1);
        assert_non_null(strstr(d.msg, path));
        assert_non_null(strstr(d.msg, "gzip"));
        /* cut in the middle */
        z[zn - 6] ^= 0xff;
        zf = fopen(path, "wb");
        fwrite(z, 1, zn / 2, zf);
        fclose(zf);
        memset(&s, 0, sizeof(s));
        assert_int_equal(pcap_read_file(path, count, &s, &d), -1);
        assert_non_null(strstr(d.msg, path));
        assert_true(s.n < 301);
        /* gzip'd text: not a capture, said so */
        gz = gzopen(path, "wb");
        gzputs(gz, "hostname r1\n");
        gzclose(gz);
        assert_int_equal(pcap_read_file(path, count, &s, &d), -1);
        assert_non_null(strstr(d.msg, "not a capture"));
        assert_non_null(strstr(d.msg, "gzip"));
        unlink(path);
        unlink(plain);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(link_types),         cmocka_unit_test(udp_4500_and_esp),
            cmocka_unit_test(fragments_and_cuts), cmocka_unit_test(icmp_errors),
            cmocka_unit_test(pcap_files),         cmocka_unit_test(gzip_files),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
