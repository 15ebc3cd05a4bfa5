/*
 * Questions about tunnel interfaces (static VTI, GRE, mGRE / DMVPN) that
 * discovery, negotiation, trace and the checks ask: where a tunnel sends
 * from, in which VRF its transport lives, which peers NHRP names, and the
 * route lookup within one VRF.
 */
#ifndef IPSD_MODEL_TUNNEL_H
#define IPSD_MODEL_TUNNEL_H

#include "model.h"

/* A tunnel that IPsec can protect over IPv4: up, GRE / mGRE / VTI. */
bool tunnel_is_ipv4(const struct iface *t);

/* The address the tunnel sends from (its NBMA address): the source
 * interface's address, or the address written as "tunnel source A".
 * *src gets the source interface when there is one (may be NULL). */
bool tunnel_source_addr(const struct device *dev, const struct iface *t, uint32_t *addr,
                        const struct iface **src);

/* The VRF of the tunnel source interface (NULL: global). */
const char *tunnel_source_vrf(const struct device *dev, const struct iface *t);

/* The source of tunnel t takes its address at run time: an interface with
 * "ip address dhcp" or "ip address negotiated" (PPP), as a DMVPN spoke's or
 * a branch's uplink often does. */
bool tunnel_source_dynamic(const struct device *dev, const struct iface *t);

/* "tunnel source IF" names an interface the config does not contain at all:
 * an excerpt (a how-to's or a forum post's tunnel section). Unlike an
 * interface that is there without an address (a real fault), its address is
 * simply not given. */
bool tunnel_source_absent(const struct device *dev, const struct iface *t);

/* The NBMA address of an NHS entry: "nbma A", else the "ip nhrp map T A"
 * for its tunnel address. */
bool nhrp_nhs_nbma(const struct iface *t, const struct nhrp_nhs *s, uint32_t *nbma);

/* True when dev holds addr on an interface or as a literal tunnel source. */
bool dev_holds_addr(const struct device *dev, uint32_t addr);

/* The protected tunnel interface of dev that answers IKE from peer on
 * local: a point-to-point tunnel to peer sourced from local, else an
 * mGRE tunnel sourced from local. unprotected: the same search among
 * tunnels without protection. NULL when none. */
const struct iface *tunnel_for_peer(const struct device *dev, uint32_t local, uint32_t peer,
                                    bool unprotected);

/* Route lookup in one VRF (NULL: the global table), as model_route_lookup.
 * An interface with "ip address dhcp" in that VRF counts as a default route
 * (the DHCP server's router option installs one). */
const struct iface *model_route_lookup_vrf(const struct device *dev, const char *vrf, uint32_t dst,
                                           const struct route **via);

/* Does the VRF (NULL: global) have any static route or DHCP interface? When
 * not, routes may all be learnt dynamically and a lookup miss proves nothing. */
bool vrf_has_static_routes(const struct device *dev, const char *vrf);

#endif
