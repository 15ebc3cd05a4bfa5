/* libpcap offline reading (pcap_file.h). */
#include <pcap/pcap.h>
#include <stdbool.h>
#include <string.h>

#include "pcap_file.h"

int pcap_read_file(const char *path, pcap_frame_fn fn, void *ctx, struct diag *d)
{
        char errbuf[PCAP_ERRBUF_SIZE] = "";
        pcap_t *pc = pcap_open_offline(path, errbuf);
        if (!pc) {
                size_t n = strlen(path);
                bool gz = n > 3 && !strcmp(path + n - 3, ".gz");
                diag_set(d, path, 0, "not a capture libpcap can read (pcap or pcapng): %s%s",
                         errbuf, gz ? " (gzip'd: decompress it first)" : "");
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
                diag_set(d, path, 0, "frame %llu: %s", (unsigned long long)n + 1, pcap_geterr(pc));
                pcap_close(pc);
                return -1;
        }
        pcap_close(pc);
        return ret;
}
