/* Fix values the config decides (fix_values.c). */
#ifndef IPSD_FIX_VALUES_H
#define IPSD_FIX_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"

/* A /24 address pool that overlaps no interface network, route, pool or
 * ACL address of d: .1-.254. false when none of the candidates is free. */
bool fix_free_pool(const struct device *d, uint32_t *first, uint32_t *last, uint32_t *mask);
/* The network behind the device (its "inside" interface, "ip nat inside",
 * else the most trusted ASA interface that is not the outside). */
bool fix_inside_net(const struct device *d, uint32_t *net, uint32_t *mask);
/* A pool name for owner (a tunnel-group or client group) that d does not use. */
void fix_pool_name(const struct device *d, const char *owner, char *buf, size_t n);

#endif
