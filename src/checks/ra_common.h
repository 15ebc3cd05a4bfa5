/*
 * What the remote-access checks share: which tunnel-groups are remote
 * access, the group-policy a tunnel-group uses and where an effective
 * attribute came from, the address pools a session really draws from, and
 * which interface faces the VPN peers.
 */
#ifndef IPSD_RA_COMMON_H
#define IPSD_RA_COMMON_H

#include <stddef.h>

#include "check.h"

/* IKE versions a tunnel-group shows it negotiates (from its keys and
 * trustpoints); 0 when the config does not say (certificates, SSL). */
enum { RA_IKEV1 = 1u << 0, RA_IKEV2 = 1u << 1 };

/* One tunnel-group with everything the RA checks ask of it. */
struct ra_tg {
        const struct tunnel_group *tg;
        const struct group_policy *gp; /* its default-group-policy, NULL: DfltGrpPolicy */
        const char *gp_name;           /* the name the tunnel-group uses (DfltGrpPolicy) */
        struct gp_attrs eff;           /* group_policy_effective() of gp */
        unsigned ike;                  /* RA_IKEV1 | RA_IKEV2 */
};

/* A remote-access tunnel-group that clients use (DefaultRAGroup only when it
 * has a key, a group-policy or pools of its own). */
bool ra_tg_is_ra(const struct tunnel_group *tg);
/* Fills r for tg; ike from ra_ike_bits(). */
void ra_tg_load(const struct device *dev, const struct tunnel_group *tg, unsigned ike,
                struct ra_tg *r);

/*
 * The IKE versions of every tunnel-group, indexed like dev->tunnel_groups,
 * in one pass over the keys (a per-group scan would be quadratic). Returns
 * a malloc'd array (free()), or NULL on OOM or with no tunnel-groups.
 */
unsigned *ra_ike_bits(const struct device *dev);

/*
 * The group-policy that set an effective attribute: gp when its own flag
 * (at offset flag_off of struct gp_attrs) is set, else DfltGrpPolicy when
 * that sets it, else NULL (the platform default).
 */
const char *ra_attr_owner(const struct device *dev, const struct group_policy *gp, size_t flag_off);
#define RA_OWNER(dev, gp, flag) ra_attr_owner((dev), (gp), offsetof(struct gp_attrs, flag))

/* The pools a session of r draws from: the group-policy's address-pools
 * when the effective policy lists some (they override), else the
 * tunnel-group's address-pool list. */
const struct ptrvec *ra_pools(const struct ra_tg *r);

/* True when ifname (nameif / IOS interface name) carries a crypto map, or,
 * with no crypto map bound anywhere, is ASA "outside" / an IOS NAT-outside
 * interface. */
bool ra_is_vpn_if(const struct device *dev, const struct iface *ifc);
/* The nameif that faces the peers: the first crypto map binding, else "outside". */
const char *ra_vpn_ifname(const struct device *dev);

/* Number of addresses of a pool (IPv6 pools count 0). */
uint64_t ra_pool_size(const struct local_pool *p);

/* The smallest aligned block holding lo..hi, as a mask. */
uint32_t ra_cover_mask(uint32_t lo, uint32_t hi);
/* The network a pool's clients are in: its mask, else the smallest block. */
void ra_pool_net(const struct local_pool *p, uint32_t *net, uint32_t *mask);

/* True when line is in seen[0..*n); else appends it. seen has room for one
 * entry per tunnel-group (the callers see each at most once); a few
 * distinct policy lines make the scan short. */
bool ra_seen_line(uint32_t *seen, size_t *n, uint32_t line);

/* The first finding line for an effective value: loc when it came from a
 * line, else fallback (a platform default has line 0). */
const struct loc *ra_loc_or(const struct loc *loc, const struct loc *fallback);

#endif
