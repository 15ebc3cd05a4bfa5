/* The sections of one device's text outline, split by topic across files. */
#ifndef IPSD_REPORT_DUMP_TEXT_INT_H
#define IPSD_REPORT_DUMP_TEXT_INT_H

#include "text_out.h"

/* dump_text_net.c */
void tx_network(struct tctx *c);
/* dump_text_crypto.c */
void tx_ike(struct tctx *c);
void tx_ipsec(struct tctx *c);
/* dump_text_ra.c */
void tx_remote_access(struct tctx *c);
void tx_settings(struct tctx *c);

#endif
