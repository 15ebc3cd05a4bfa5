/*
 * DMVPN discovery (dmvpn.c) over the directions discover.c plays: the
 * accessors below let it play a direction once, find the device holding
 * an address and report a missing peer.
 */
#ifndef IPSD_DMVPN_H
#define IPSD_DMVPN_H

#include "pair.h"

struct disc;

/* Plays i -> j from tunnel tun (NULL: crypto maps) towards peer, once. *out
 * (may be NULL) gets the result, NULL when the direction was played before. */
int disc_play(struct disc *d, size_t i, size_t j, const struct iface *tun, uint32_t peer,
              enum dmvpn_role role, struct tunnel_result **out);
size_t disc_owner(const struct disc *d, size_t self, uint32_t addr); /* disc_count(): none */
int disc_missing(struct disc *d, size_t i, uint32_t addr);
struct device *disc_dev(const struct disc *d, size_t i);
size_t disc_count(const struct disc *d);
struct findings *disc_findings(const struct disc *d);

/* Hub-spoke and spoke-spoke directions of every mGRE spoke, and the NHRP
 * pair findings (nhrp-nhs-wrong, nhrp-auth-mismatch). 0, or -1 on OOM. */
int dmvpn_discover(struct disc *d);

#endif
