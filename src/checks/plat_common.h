/*
 * Small questions the platform-area checks share: does the device run VPNs
 * at all (and which kinds), which interface carries crypto, which is the
 * inside. Answers come from the model only.
 */
#ifndef IPSD_PLAT_COMMON_H
#define IPSD_PLAT_COMMON_H

#include <stdbool.h>

#include "../model/model.h"

/* Only bindings on an interface that is up count, and a dynamic-map
 * reference only when its dynamic map has an entry (model/in_use.c). */
/* The first crypto map binding whose map has an entry with a peer (L2L), or NULL. */
const struct crypto_map_binding *plat_l2l_binding(const struct device *dev);
/* The first binding whose map has a dynamic-map reference (remote access / dynamic peers), or NULL.
 */
const struct crypto_map_binding *plat_dynamic_binding(const struct device *dev);
/* The first binding of a map that has any entry, or NULL. */
const struct crypto_map_binding *plat_any_binding(const struct device *dev);
/* True when a crypto map is bound to ifname (ASA nameif / IOS interface name). */
bool plat_is_crypto_if(const struct device *dev, const char *ifname);
/* ASA/PIX: the interface named "inside", else the highest security level one
 * that carries no crypto map; NULL when none. */
const struct iface *plat_inside_if(const struct device *dev);

#endif
