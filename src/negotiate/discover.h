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

/* No tunnel can be played because the tunnel interfaces of both configs
 * name each other (an NHS, a destination, one hub) only through addresses
 * that neither config gives on its tunnel source (excerpts): the sentence
 * that says so in buf; false otherwise (side_tun.c). */
bool tun_unaddressed_why(const struct device *dev, const struct device *peer, char *buf, size_t n);

/* One tunnel that a config initiates towards a peer (tunnels_to.c): a
 * static crypto map entry (and the interface its map is bound to), or a
 * tunnel interface and the peer address it sends to. */
struct tun_choice {
        const struct crypto_map_entry *entry;
        const char *ifname;
        const struct iface *tun;
        uint32_t peer;
};

#define TUN_CHOICES_MAX 16 /* more towards one peer are not played one by one */

/* Every tunnel ini initiates towards resp, in config order (crypto map
 * entries, then tunnel interfaces); at most max. Returns how many. */
size_t tunnels_to(const struct device *ini, const struct device *resp, const struct path_opts *path,
                  struct tun_choice *out, size_t max);
/* Makes f play c (f's other fields are kept). */
void tun_choice_flow(const struct tun_choice *c, struct flow_opt *f);
/* c in copy, another model of the same config (--fix); false when gone. */
bool tun_choice_rebind(const struct tun_choice *c, const struct device *copy,
                       struct tun_choice *out);

#endif
