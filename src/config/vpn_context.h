/*
 * Which unknown lines sit in a VPN context: the line itself or the block it
 * belongs to is crypto / ISAKMP / IKE, a tunnel-group, a group-policy, SSL VPN
 * (webvpn), a user's VPN attributes, VPN load balancing, NAT or an interface.
 * Those are the gaps that can hide a wrong finding, so `dump` and
 * `check --verbose` count and list them apart from the rest (issue 10).
 */
#ifndef IPSD_VPN_CONTEXT_H
#define IPSD_VPN_CONTEXT_H

#include "../input/text.h"
#include "../model/model.h"

/* Fills dev->unknown_vpn from dev->unknown and the lines of t. -1 on OOM. */
int vpn_context_collect(struct device *dev, const struct text *t);

/* The context name ("crypto", "interface", ...) of a command's first words,
 * or NULL when the command opens no VPN context. */
const char *vpn_context_of(const char *line);

#endif
