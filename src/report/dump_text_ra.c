/* Text outline of remote access and the remaining settings: tunnel-groups,
 * group-policies, usernames, pools, AAA, sysopt and friends. */
#include "dump_text_int.h"

#include <stddef.h>

static void tx_tg_keepalive(struct tctx *c, const struct tunnel_group *t)
{
        if (!t->keepalive_set)
                return;
        if (t->keepalive_disabled)
                tf(c, " keepalive disable");
        else
                tf(c, " keepalive %d retry %d", t->keepalive_threshold, t->keepalive_retry);
        tsubloc(c, &t->keepalive_loc);
}

static void tx_tunnel_group(struct tctx *c, const void *e)
{
        const struct tunnel_group *t = e;
        tpad(c, t->name, 20);
        tf(c, " %s", tname(&names_tg_type, (int)t->type));
        topt(c, "group-policy", t->default_group_policy);
        if (t->address_pools.n) {
                tf(c, " pools ");
                tstrvec(c, &t->address_pools, ",");
        }
        topt(c, "aaa", t->auth_server_group);
        if (t->dhcp_servers.n) {
                tf(c, " dhcp ");
                tstrvec(c, &t->dhcp_servers, ",");
        }
        if (t->has_psk) {
                tf(c, " psk");
                tsubloc(c, &t->psk_loc);
        }
        tx_tg_keepalive(c, t);
        if (t->ikev1_user_auth != TRI_UNSET)
                tf(c, " user-auth %s", ttri(t->ikev1_user_auth));
        topt(c, "trustpoint", t->trustpoint);
        topt(c, "peer-id-validate", t->peer_id_validate);
}

static void tx_proto_bits(struct tctx *c, unsigned bits)
{
        unsigned known = 0;
        const char *sep = "";
        for (size_t i = 0; i < n_vpn_proto_bits; i++) {
                known |= vpn_proto_bits[i].bit;
                if (bits & vpn_proto_bits[i].bit) {
                        tf(c, "%s%s", sep, vpn_proto_bits[i].name);
                        sep = ",";
                }
        }
        if (bits & ~known)
                tf(c, "%s0x%x", sep, bits & ~known);
        else if (!*sep)
                tf(c, "none");
}

static void tx_gp_value(struct tctx *c, const struct gp_attrs *a, const struct gp_attr_desc *d)
{
        size_t off = d->value_off;
        switch (d->kind) {
        case GPV_PROTOS:
                tx_proto_bits(c, *GP_FIELD(a, off, unsigned));
                return;
        case GPV_SPLIT:
                tf(c, "%s", tname(&names_split, (int)*GP_FIELD(a, off, enum split_policy)));
                return;
        case GPV_STR:
                tput(c, *GP_FIELD(a, off, cstr));
                return;
        case GPV_STRVEC:
                tstrvec(c, GP_FIELD(a, off, struct ptrvec), ",");
                return;
        case GPV_BOOL:
                tf(c, "%s", *GP_FIELD(a, off, bool) ? "enable" : "disable");
                return;
        case GPV_MINUTES:
        case GPV_INT: {
                int v = *GP_FIELD(a, off, int);
                if (v < 0 && d->kind == GPV_MINUTES)
                        tf(c, "none");
                else
                        tf(c, "%d", v);
                return;
        }
        }
}

/* The attributes this element sets itself, "; "-separated, with lines. */
static void tx_gp_attrs(struct tctx *c, const struct gp_attrs *a)
{
        const char *sep = "  ";
        for (size_t i = 0; i < n_gp_attrs; i++) {
                const struct gp_attr_desc *d = &gp_attr_table[i];
                if (!*GP_FIELD(a, d->set_off, bool))
                        continue;
                tf(c, "%s%s ", sep, d->cli);
                tx_gp_value(c, a, d);
                if (d->loc_off != GP_NO_LOC)
                        tsubloc(c, GP_FIELD(a, d->loc_off, struct loc));
                sep = "; ";
        }
}

static void tx_group_policy(struct tctx *c, const void *e)
{
        const struct group_policy *g = e;
        tput(c, g->name);
        tf(c, "%s%s", g->internal ? " internal" : "", g->external ? " external" : "");
        tx_gp_attrs(c, &g->a);
}

static void tx_username(struct tctx *c, const void *e)
{
        const struct username *u = e;
        tput(c, u->name);
        tf(c, " privilege %d password ", u->privilege);
        tsecret(c, &u->password);
        tx_gp_attrs(c, &u->a);
}

static void tx_pool(struct tctx *c, const void *e)
{
        const struct local_pool *p = e;
        tput(c, p->name);
        tf(c, " ");
        if (p->ipv6) {
                tf(c, "ipv6");
                return;
        }
        tip(c, p->lo);
        tf(c, "-");
        tip(c, p->hi);
        if (p->has_mask) {
                tf(c, " mask ");
                tip(c, p->mask);
        }
}

static void tx_aaa_group(struct tctx *c, const void *e)
{
        const struct aaa_group *g = e;
        tput(c, g->name);
        tf(c, " protocol ");
        tput(c, g->protocol);
}

static void tx_aaa_host(struct tctx *c, const void *e)
{
        const struct aaa_host *h = e;
        tput(c, h->group);
        tf(c, " (");
        tput(c, h->ifname);
        tf(c, ") ");
        tip(c, h->addr);
        if (h->timeout)
                tf(c, " timeout %d", h->timeout);
}

void tx_remote_access(struct tctx *c)
{
        const struct device *dev = c->dev;
        tlist(c, "Tunnel groups", &dev->tunnel_groups, tx_tunnel_group);
        tlist(c, "Group policies", &dev->group_policies, tx_group_policy);
        tlist(c, "Usernames", &dev->usernames, tx_username);
        tlist(c, "Pools", &dev->pools, tx_pool);
        tlist(c, "AAA server groups", &dev->aaa_groups, tx_aaa_group);
        tlist(c, "AAA servers", &dev->aaa_hosts, tx_aaa_host);
}
