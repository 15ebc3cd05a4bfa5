/* Text outline of the network side: interfaces, routes, names, objects,
 * ACLs, access-groups, NAT and route-maps. */
#include "dump_text_int.h"

static void tx_tunnel(struct tctx *c, const struct iface *i)
{
        tf(c, "  tunnel");
        topt(c, "source", i->tunnel_source);
        if (i->has_tunnel_dest) {
                tf(c, " destination ");
                tip(c, i->tunnel_dest);
        }
        topt(c, "mode", i->tunnel_mode);
        topt(c, "protection", i->tunnel_protection);
        tsubloc(c, &i->tunnel_protection_loc);
}

static void tx_iface(struct tctx *c, const void *e)
{
        const struct iface *i = e;
        tpad(c, i->name, 22);
        tpad(c, i->nameif ? i->nameif : "", 10);
        if (i->security_level >= 0)
                tf(c, " sec %d", i->security_level);
        tf(c, " ");
        if (i->has_addr)
                tnet(c, i->addr, i->mask);
        else
                tf(c, "%s", i->dhcp ? "dhcp" : "no-address");
        if (i->shutdown)
                tf(c, " shutdown");
        topt(c, "vrf", i->vrf);
        topt(c, "crypto-map", i->crypto_map);
        tf(c, "%s%s", i->nat_inside ? " nat-inside" : "", i->nat_outside ? " nat-outside" : "");
        if (i->tcp_adjust_mss)
                tf(c, " adjust-mss %d", i->tcp_adjust_mss);
        topt(c, "acl-in", i->acl_in);
        topt(c, "acl-out", i->acl_out);
        if (i->is_tunnel)
                tx_tunnel(c, i);
}

static void tx_route(struct tctx *c, const void *e)
{
        const struct route *r = e;
        tnet(c, r->net, r->mask);
        if (r->has_nexthop) {
                tf(c, " via ");
                tip(c, r->nexthop);
        }
        topt(c, "dev", r->ifname);
        tf(c, " [%d]", r->distance);
        topt(c, "vrf", r->vrf);
        if (r->reverse_route)
                tf(c, " (reverse-route)");
}

static void tx_name(struct tctx *c, const void *e)
{
        const struct name_alias *n = e;
        tput(c, n->name);
        tf(c, " = ");
        tip(c, n->addr);
}

static void tx_object(struct tctx *c, const void *e)
{
        const struct object *o = e;
        tput(c, o->name);
        tf(c, " %s%s ", tname(&names_object_kind, (int)o->kind), o->is_group ? "-group" : "");
        if (o->kind == OBJ_NETWORK)
                taddrset(c, &o->addrs, 4);
        else
                tf(c, "%zu protocols, %zu sports, %zu dports", o->nprotos, o->nsports, o->ndports);
        if (o->pending.n) {
                tf(c, " unresolved: ");
                tstrvec(c, &o->pending, ",");
        }
}

static void tx_ace(struct tctx *c, const struct ace *a)
{
        tloc(c, &a->loc);
        tf(c, "  %s ", a->remark ? "remark" : tname(&names_acl_action, (int)a->action));
        if (!a->remark) {
                tput(c, a->src_text);
                tf(c, " -> ");
                tput(c, a->dst_text);
                tf(c, " (%zu boxes%s)%s", a->nboxes, a->inexact ? ", inexact" : "",
                   a->inactive ? " inactive" : "");
        }
}

static void tx_acl(struct tctx *c, const void *e)
{
        const struct acl *a = e;
        tpad(c, a->name, 24);
        tf(c, " %s%s, %zu entries", tname(&names_acl_kind, (int)a->kind),
           a->numbered ? " numbered" : "", a->aces.n);
        if (!c->verbose)
                return;
        for (size_t i = 0; i < a->aces.n; i++) {
                tf(c, "\n");
                const struct ace *ace = a->aces.v[i];
                tx_ace(c, ace);
        }
}

static void tx_access_group(struct tctx *c, const void *e)
{
        const struct access_group *g = e;
        tput(c, g->acl);
        if (g->global)
                tf(c, " global");
        else {
                tf(c, " %s interface ", g->in ? "in" : "out");
                tput(c, g->ifname);
        }
}

static void tx_nat_match(struct tctx *c, const struct nat_rule *r)
{
        if (r->match_acl)
                topt(c, "acl", r->match_acl);
        else if (r->match_route_map)
                topt(c, "route-map", r->match_route_map);
        else {
                tf(c, " src ");
                taddrset(c, &r->real_src, 3);
        }
        if (r->has_dst) {
                tf(c, " dst ");
                taddrset(c, &r->real_dst, 3);
        }
}

static void tx_nat(struct tctx *c, const struct nat_rule *r)
{
        tloc(c, &r->loc);
        if (r->section)
                tf(c, "s%d ", r->section);
        tf(c, "%s (", tname(&names_nat_kind, (int)r->kind));
        tput(c, r->real_if);
        tf(c, ",");
        tput(c, r->mapped_if);
        tf(c, ")");
        if (r->nat_id >= 0)
                tf(c, " id %d", r->nat_id);
        topt(c, "object", r->object);
        tx_nat_match(c, r);
        tf(c, " %s", tname(&names_nat_xlate, (int)r->src_xlate));
        topt(c, "to", r->mapped_src_text);
        topt(c, "dst-to", r->mapped_dst_text);
        tf(c, "%s%s%s%s%s\n", r->dst_identity ? " dst-identity" : "",
           r->overload ? " overload" : "", r->no_proxy_arp ? " no-proxy-arp" : "",
           r->route_lookup ? " route-lookup" : "", r->inactive ? " inactive" : "");
}

/* finalize fills nat_order (evaluation order); a model that was not
 * finalized only has config order, and the title says which one it is. */
static void tx_nat_rules(struct tctx *c)
{
        const struct device *dev = c->dev;
        bool eval = dev->nat_order.n == dev->nat_rules.n;
        const struct ptrvec *pv = eval ? &dev->nat_order : &dev->nat_rules;
        if (pv->n == 0)
                return;
        tsection(c, eval ? "NAT, in evaluation order" : "NAT, in config order", pv->n);
        for (size_t i = 0; i < pv->n; i++)
                tx_nat(c, pv->v[i]);
}

static void tx_route_map(struct tctx *c, const void *e)
{
        const struct route_map_entry *m = e;
        tput(c, m->name);
        tf(c, " %d %s match ", m->seq, m->permit ? "permit" : "deny");
        tstrvec(c, &m->match_acls, " ");
}

void tx_network(struct tctx *c)
{
        const struct device *dev = c->dev;
        tlist(c, "Interfaces", &dev->ifaces, tx_iface);
        tlist(c, "Routes", &dev->routes, tx_route);
        tlist(c, "Names", &dev->names, tx_name);
        tlist(c, "Objects", &dev->objects, tx_object);
        tlist(c, "ACLs", &dev->acls, tx_acl);
        tlist(c, "Access groups", &dev->access_groups, tx_access_group);
        tx_nat_rules(c);
        tlist(c, "Route maps", &dev->route_maps, tx_route_map);
}
