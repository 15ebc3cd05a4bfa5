/* Protocol names for printing a traced packet. */
#include <stdio.h>

#include "trace_print.h"

static const struct {
        uint8_t num;
        const char *name;
} protos[] = {
    {PROTO_ICMP, "icmp"}, {PROTO_TCP, "tcp"}, {PROTO_UDP, "udp"},
    {47, "gre"},          {PROTO_ESP, "esp"}, {PROTO_AH, "ah"},
};

const char *trace_proto_name(uint8_t proto, char buf[4])
{
        for (size_t i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
                if (protos[i].num == proto)
                        return protos[i].name;
        snprintf(buf, 4, "%u", (unsigned)proto);
        return buf;
}

bool trace_has_ports(uint8_t proto)
{
        return proto == PROTO_TCP || proto == PROTO_UDP;
}
