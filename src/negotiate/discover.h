/* Pair checks over several configs (check with two or more files). */
#ifndef IPSD_DISCOVER_H
#define IPSD_DISCOVER_H

#include "pair.h"

/* Plays every tunnel found among devs into fs (tunnels[] and findings).
 * 0, or -1 on OOM. */
int pairs_check(struct device *const *devs, size_t n, struct findings *fs);

/* True when either device names an address of the other as an IPsec peer
 * (a crypto map entry, bound or not, or a tunnel interface's destination),
 * or when one gives no address on its crypto interfaces and their entries
 * mirror (IPsec commands only): otherwise there is no tunnel to play. */
bool pair_connected(const struct device *a, const struct device *b);

#endif
