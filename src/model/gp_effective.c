/*
 * group_policy_effective(): ASA group-policy inheritance. An attribute not
 * set in the group-policy comes from DfltGrpPolicy, and one not set there
 * from the platform default (defaults.c). Each value keeps the loc it came
 * from; a platform default has loc.line 0.
 */
#include "defaults.h"

/* Copies every attribute set in src and not yet set in out. */
static void inherit(struct gp_attrs *out, const struct gp_attrs *src)
{
#define TAKE(flag, ...)                                                                            \
        do {                                                                                       \
                if (!out->flag && src->flag) {                                                     \
                        out->flag = true;                                                          \
                        __VA_ARGS__;                                                               \
                }                                                                                  \
        } while (0)
        TAKE(tunnel_protocols_set, out->tunnel_protocols = src->tunnel_protocols,
             out->tunnel_protocols_loc = src->tunnel_protocols_loc);
        TAKE(split_policy_set, out->split_policy = src->split_policy,
             out->split_policy_loc = src->split_policy_loc);
        TAKE(split_acl_set, out->split_acl = src->split_acl,
             out->split_acl_loc = src->split_acl_loc);
        TAKE(dns_set, out->dns_servers = src->dns_servers, out->dns_loc = src->dns_loc);
        TAKE(domain_set, out->default_domain = src->default_domain);
        TAKE(pools_set, out->address_pools = src->address_pools, out->pools_loc = src->pools_loc);
        TAKE(pfs_set, out->pfs = src->pfs, out->pfs_loc = src->pfs_loc);
        TAKE(idle_timeout_set, out->idle_timeout_min = src->idle_timeout_min,
             out->idle_timeout_loc = src->idle_timeout_loc);
        TAKE(session_timeout_set, out->session_timeout_min = src->session_timeout_min,
             out->session_timeout_loc = src->session_timeout_loc);
        TAKE(logins_set, out->simultaneous_logins = src->simultaneous_logins,
             out->logins_loc = src->logins_loc);
        TAKE(re_xauth_set, out->re_xauth = src->re_xauth);
        TAKE(group_lock_set, out->group_lock = src->group_lock);
#undef TAKE
}

/* The platform defaults as a gp_attrs whose locs say "default". The
 * *_set flags are true so that callers always find a value. */
static void platform_defaults(const struct device *dev, struct gp_attrs *d)
{
        struct loc l = {dev->file, 0, NULL};
        *d = (struct gp_attrs){0};
        d->tunnel_protocols_set = d->split_policy_set = d->pfs_set = true;
        d->idle_timeout_set = d->session_timeout_set = d->logins_set = true;
        d->tunnel_protocols = (unsigned)model_default(dev, DF_GP_PROTOCOLS, VPN_PROTO_IPSEC);
        d->split_policy = (enum split_policy)model_default(dev, DF_GP_SPLIT, SPLIT_TUNNELALL);
        d->pfs = model_default(dev, DF_GP_PFS, 0) != 0;
        d->idle_timeout_min = (int)model_default(dev, DF_GP_IDLE, 30);
        d->session_timeout_min = (int)model_default(dev, DF_GP_SESSION, -1);
        d->simultaneous_logins = (int)model_default(dev, DF_GP_LOGINS, 3);
        d->tunnel_protocols_loc = d->split_policy_loc = d->pfs_loc = l;
        d->idle_timeout_loc = d->session_timeout_loc = d->logins_loc = l;
}

void group_policy_effective(const struct device *dev, const struct group_policy *gp,
                            struct gp_attrs *out)
{
        struct gp_attrs d;
        *out = (struct gp_attrs){0};
        if (gp)
                inherit(out, &gp->a);
        const struct group_policy *dflt = model_get_gp(dev, "DfltGrpPolicy");
        if (dflt && dflt != gp)
                inherit(out, &dflt->a);
        platform_defaults(dev, &d);
        inherit(out, &d);
}
