/* Helpers shared by the text and JSON printers of a trace. */
#ifndef IPSD_TRACE_PRINT_H
#define IPSD_TRACE_PRINT_H

#include <stdbool.h>
#include <stdint.h>

#include "trace.h"

/* "tcp", "icmp", ... or the number written into buf. */
const char *trace_proto_name(uint8_t proto, char buf[4]);
bool trace_has_ports(uint8_t proto);

#endif
