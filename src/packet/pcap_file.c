/* libpcap offline reading (pcap_file.h), gzip'd or not. */
#define _GNU_SOURCE /* fopencookie (glibc) */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "pcap_file.h"

/* A gzip'd capture is read through zlib behind a stdio stream
 * (fopencookie), which libpcap reads as it reads a plain file
 * (pcap_fopen_offline): nothing is decompressed to disk or into memory
 * beyond zlib's own fixed buffers (its 32 KB window and gzbuffer's 8 KB),
 * whatever the size of the file. */
struct gz_cookie {
        gzFile gz;
        char err[96]; /* zlib's message of the first error */
};

static ssize_t gz_read(void *c, char *buf, size_t n)
{
        struct gz_cookie *g = c;
        if (n > (size_t)1 << 30)
                n = (size_t)1 << 30;
        int r = gzread(g->gz, buf, (unsigned)n);
        if (r < 0) {
                int zerr = 0;
                const char *m = gzerror(g->gz, &zerr);
                if (m && !strncmp(m, "<fd:", 4) &&
                    strstr(m, ": ")) /* zlib's name of the descriptor */
                        m = strstr(m, ": ") + 2;
                if (!g->err[0])
                        snprintf(g->err, sizeof(g->err), "gzip data: %s", m ? m : "corrupt");
                errno = EIO;
                return -1;
        }
        return r;
}

static int gz_close(void *c)
{
        struct gz_cookie *g = c;
        int r = gzclose_r(g->gz) == Z_OK ? 0 : EOF;
        free(g);
        return r;
}

/* Opens path for libpcap: the file itself, or its gzip stream when it
 * starts with gzip's magic bytes (RFC 1952 2.3.1), whatever its name. */
static FILE *open_capture(const char *path, struct gz_cookie **gzc, bool *gz, struct diag *d)
{
        FILE *fp = fopen(path, "rb");
        unsigned char magic[2];
        *gzc = NULL;
        *gz = false;
        if (!fp) {
                diag_set(d, path, 0, "cannot open: %s", strerror(errno));
                return NULL;
        }
        size_t got = fread(magic, 1, 2, fp);
        if (got < 2 || magic[0] != 0x1f || magic[1] != 0x8b) {
                rewind(fp);
                /* libpcap reads each record with fread: a large buffer makes
                 * that one read(2) per MB, not per 4 KB */
                setvbuf(fp, NULL, _IOFBF, (size_t)1 << 20);
                return fp;
        }
        *gz = true;
        /* zlib reads a descriptor of its own, from the start of the file */
        int fd = dup(fileno(fp));
        fclose(fp);
        struct gz_cookie *g = fd < 0 ? NULL : calloc(1, sizeof(*g));
        gzFile z = g && lseek(fd, 0, SEEK_SET) == 0 ? gzdopen(fd, "rb") : NULL;
        if (!z) {
                diag_set(d, path, 0, "cannot read the gzip stream: %s", strerror(errno));
                free(g);
                if (fd >= 0)
                        close(fd);
                return NULL;
        }
        g->gz = z;
        cookie_io_functions_t io = {gz_read, NULL, NULL, gz_close};
        FILE *cf = fopencookie(g, "rb", io);
        if (cf)
                setvbuf(cf, NULL, _IOFBF, (size_t)1 << 16);
        if (!cf) {
                diag_set(d, path, 0, "cannot read the gzip stream: %s", strerror(errno));
                gzclose_r(z);
                free(g);
                return NULL;
        }
        *gzc = g;
        return cf;
}

int pcap_read_file(const char *path, pcap_frame_fn fn, void *ctx, struct diag *d)
{
        char errbuf[PCAP_ERRBUF_SIZE] = "";
        struct gz_cookie *gzc;
        bool gz;
        FILE *fp = open_capture(path, &gzc, &gz, d);
        if (!fp)
                return -1;
        pcap_t *pc = pcap_fopen_offline(fp, errbuf); /* owns fp from here on */
        if (!pc) {
                if (gzc && gzc->err[0])
                        diag_set(d, path, 0, "%s", gzc->err);
                else
                        diag_set(d, path, 0,
                                 "not a capture libpcap can read (pcap or pcapng%s): %s",
                                 gz ? ", here gzip'd" : "", errbuf);
                fclose(fp);
                return -1;
        }
        int link = pcap_datalink(pc);
        struct pcap_pkthdr *h;
        const u_char *data;
        uint64_t n = 0;
        int rc, ret = 0;
        while ((rc = pcap_next_ex(pc, &h, &data)) == 1) {
                struct frame f;
                struct wire_err e = {0};
                struct pcap_frame pf = {++n, h->ts.tv_sec, (int32_t)h->ts.tv_usec, link, NULL, &e};
                if (frame_decode(link, data, h->caplen, h->len, &f, &e) == 0) {
                        pf.f = &f;
                        pf.err = NULL;
                }
                if ((ret = fn(ctx, &pf)) != 0)
                        break;
        }
        if (rc == PCAP_ERROR) {
                diag_set(d, path, 0, "frame %llu: %s", (unsigned long long)n + 1,
                         gzc && gzc->err[0] ? gzc->err : pcap_geterr(pc));
                pcap_close(pc);
                return -1;
        }
        pcap_close(pc);
        return ret;
}
