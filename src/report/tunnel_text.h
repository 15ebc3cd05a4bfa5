/* The text form of a played tunnel: a ladder between the two devices. */
#ifndef IPSD_TUNNEL_TEXT_H
#define IPSD_TUNNEL_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "../findings/tunnel.h"

/* via: name the entry or interface played in the header (several tunnels
 * between the same two devices, one initiator). */
void report_tunnel_text(FILE *out, const struct tunnel_result *t, bool via);
/* One line per tunnel: "a -> b: status (reason)", for check's summary. */
void report_tunnel_line(FILE *out, const struct tunnel_result *t);

#endif
