/*
 * The floor for bench/capture.sh: a bare libpcap read-and-classify loop.
 * Every frame is read with pcap_next_ex and classified as IKE (UDP 500, or
 * 4500 with the non-ESP marker), ESP in UDP, NAT-T keepalive, ESP (IP 50)
 * or other, from Ethernet / IPv4 / IPv6 headers, with no other work; the
 * counts are printed so that nothing is optimised away. What `capture`
 * does beyond this is its own cost.
 * Usage: floor FILE
 */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char **argv)
{
        char err[PCAP_ERRBUF_SIZE];
        if (argc != 2)
                return 2;
        pcap_t *p = pcap_open_offline(argv[1], err);
        if (!p) {
                fprintf(stderr, "floor: %s\n", err);
                return 2;
        }
        struct pcap_pkthdr *h;
        const u_char *d;
        unsigned long long n = 0, ike = 0, esp = 0, espudp = 0, ka = 0, other = 0;
        while (pcap_next_ex(p, &h, &d) == 1) {
                n++;
                if (h->caplen < 14 + 20) {
                        other++;
                        continue;
                }
                unsigned et = (unsigned)d[12] << 8 | d[13];
                const u_char *ip = d + 14;
                unsigned proto, hl;
                if (et == 0x0800) {
                        proto = ip[9];
                        hl = (unsigned)(ip[0] & 15) * 4;
                } else if (et == 0x86dd && h->caplen >= 14 + 40) {
                        proto = ip[6];
                        hl = 40;
                } else {
                        other++;
                        continue;
                }
                if (proto == 50) {
                        esp++;
                        continue;
                }
                if (proto != 17 || h->caplen < 14 + hl + 12) {
                        other++;
                        continue;
                }
                const u_char *u = ip + hl;
                unsigned sp = (unsigned)u[0] << 8 | u[1], dp = (unsigned)u[2] << 8 | u[3];
                unsigned ulen = (unsigned)u[4] << 8 | u[5];
                if (sp == 500 || dp == 500)
                        ike++;
                else if (sp == 4500 || dp == 4500) {
                        if (ulen == 9 && u[8] == 0xff)
                                ka++;
                        else if (!u[8] && !u[9] && !u[10] && !u[11])
                                ike++;
                        else
                                espudp++;
                } else
                        other++;
        }
        pcap_close(p);
        printf("%llu frames: %llu IKE, %llu ESP, %llu ESP-in-UDP, %llu keepalives, %llu other\n", n,
               ike, esp, espudp, ka, other);
        return 0;
}
