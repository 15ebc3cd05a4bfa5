/*
 * What a `test` run proves (initiator.h's result -> the contract): one
 * tunnels[] entry (status from product.md, the ladder of messages as they
 * happened) and the findings, with catalog IDs, that the failing step
 * proves. The mapping follows the rules `tunnel` plays (src/negotiate/
 * play_v2.c): an IKEv2 PFS difference leaves the tunnel established and
 * fails its first rekey (RFC 7296 1.3.1), reported as pfs-mismatch beside
 * the status, as `tunnel` does.
 */
#ifndef IPSD_INITIATOR_VERDICT_H
#define IPSD_INITIATOR_VERDICT_H

#include "../findings/finding.h"
#include "../findings/tunnel.h"
#include "initiator.h"

/* The contract status the result proves. */
enum tunnel_status ini_status(const struct ini_result *r);
/* The catalog ID of the failing step, or NULL (established, or nothing
 * proven). */
const char *ini_diagnosis(const struct ini_result *r);

/* Adds the tunnel (a: "ipsec-doctor", b: the host) and the findings to fs;
 * *out gets the tunnel. 0, or -1 out of memory. */
int ini_verdict(const struct ini_params *p, const struct ini_result *r, struct findings *fs,
                struct tunnel_result **out);

#endif
