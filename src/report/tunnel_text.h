/* The text form of a played tunnel: a ladder between the two devices. */
#ifndef IPSD_TUNNEL_TEXT_H
#define IPSD_TUNNEL_TEXT_H

#include <stdio.h>

#include "../findings/tunnel.h"

void report_tunnel_text(FILE *out, const struct tunnel_result *t);
/* One line per tunnel: "a -> b: status (reason)", for check's summary. */
void report_tunnel_line(FILE *out, const struct tunnel_result *t);

#endif
