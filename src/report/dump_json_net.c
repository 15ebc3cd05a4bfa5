/* JSON for the network side: interfaces, routes, names, objects, ACLs, NAT. */
#include "dump_json_int.h"

#include <stdlib.h>

static json_t *js_tunnel(struct jctx *c, const struct iface *i)
{
        if (!i->is_tunnel)
                return jnull(c);
        json_t *o = jobj(c);
        jput_str(c, o, "source", i->tunnel_source);
        jput_ip_if(c, o, "destination", i->has_tunnel_dest, i->tunnel_dest);
        jput_str(c, o, "mode", i->tunnel_mode);
        jput_str(c, o, "protection", i->tunnel_protection);
        jput_line(c, o, "protection_line", &i->tunnel_protection_loc);
        return o;
}

static json_t *js_iface(struct jctx *c, const void *e)
{
        const struct iface *i = e;
        json_t *o = jelem(c, &i->loc);
        jput_str(c, o, "name", i->name);
        jput_str(c, o, "nameif", i->nameif);
        jput_int_or_null(c, o, "security_level", i->security_level, -1);
        jput_ip_if(c, o, "address", i->has_addr, i->addr);
        jput_ip_if(c, o, "mask", i->has_addr, i->mask);
        jput_bool(c, o, "dhcp", i->dhcp);
        jput_bool(c, o, "shutdown", i->shutdown);
        jput_line(c, o, "shutdown_line", &i->shutdown_loc);
        jput_str(c, o, "crypto_map", i->crypto_map);
        jput_line(c, o, "crypto_map_line", &i->crypto_map_loc);
        jput_bool(c, o, "nat_inside", i->nat_inside);
        jput_bool(c, o, "nat_outside", i->nat_outside);
        jput_int_or_null(c, o, "tcp_adjust_mss", i->tcp_adjust_mss, 0);
        jput_line(c, o, "tcp_adjust_mss_line", &i->mss_loc);
        jput_str(c, o, "vrf", i->vrf);
        jput_str(c, o, "acl_in", i->acl_in);
        jput_str(c, o, "acl_out", i->acl_out);
        jput(c, o, "tunnel", js_tunnel(c, i));
        return o;
}

static json_t *js_route(struct jctx *c, const void *e)
{
        const struct route *r = e;
        json_t *o = jelem(c, &r->loc);
        jput_str(c, o, "interface", r->ifname);
        jput_ip(c, o, "network", r->net);
        jput_ip(c, o, "mask", r->mask);
        jput_ip_if(c, o, "nexthop", r->has_nexthop, r->nexthop);
        jput_int(c, o, "distance", r->distance);
        jput_str(c, o, "vrf", r->vrf);
        jput_bool(c, o, "reverse_route", r->reverse_route);
        return o;
}

static json_t *js_name(struct jctx *c, const void *e)
{
        const struct name_alias *n = e;
        json_t *o = jelem(c, &n->loc);
        jput_str(c, o, "name", n->name);
        jput_ip(c, o, "address", n->addr);
        return o;
}

static json_t *js_object(struct jctx *c, const void *e)
{
        const struct object *b = e;
        json_t *o = jelem(c, &b->loc);
        jput_str(c, o, "name", b->name);
        jput_enum(c, o, "kind", &names_object_kind, (int)b->kind);
        jput_bool(c, o, "group", b->is_group);
        jput_str(c, o, "description", b->description);
        jput_addrset(c, o, "addresses", &b->addrs);
        jput_bool(c, o, "inexact", b->addrs.inexact);
        jput_r16s(c, o, "protocols", b->protos, b->nprotos);
        jput_r16s(c, o, "sports", b->sports, b->nsports);
        jput_r16s(c, o, "dports", b->dports, b->ndports);
        jput_strvec(c, o, "pending", &b->pending);
        return o;
}

static json_t *js_box(struct jctx *c, const struct flowbox *b)
{
        char buf[ADDR_BUF];
        json_t *o = jobj(c);
        fmt_range32(&b->src, buf);
        jput_str(c, o, "src", buf);
        fmt_range32(&b->dst, buf);
        jput_str(c, o, "dst", buf);
        fmt_range16(&b->proto, buf);
        jput_str(c, o, "proto", buf);
        fmt_range16(&b->sport, buf);
        jput_str(c, o, "sport", buf);
        fmt_range16(&b->dport, buf);
        jput_str(c, o, "dport", buf);
        return o;
}

static json_t *js_ace(struct jctx *c, const void *e)
{
        const struct ace *a = e;
        json_t *o = jelem(c, &a->loc);
        jput(c, o, "action",
             a->remark ? jstr(c, "remark") : jstr(c, enum_name(&names_acl_action, (int)a->action)));
        jput_bool(c, o, "remark", a->remark);
        jput_bool(c, o, "inactive", a->inactive);
        jput_bool(c, o, "has_ports", a->has_ports);
        jput_bool(c, o, "inexact", a->inexact);
        jput_str(c, o, "src_text", a->src_text);
        jput_str(c, o, "dst_text", a->dst_text);
        json_t *boxes = jarr(c);
        for (size_t i = 0; i < a->nboxes && !c->err; i++)
                jappend(c, boxes, js_box(c, &a->boxes[i]));
        jput(c, o, "boxes", boxes);
        return o;
}

static json_t *js_acl(struct jctx *c, const void *e)
{
        const struct acl *a = e;
        json_t *o = jelem(c, &a->loc);
        jput_str(c, o, "name", a->name);
        jput_enum(c, o, "kind", &names_acl_kind, (int)a->kind);
        jput_bool(c, o, "numbered", a->numbered);
        jput_list(c, o, "entries", &a->aces, js_ace);
        return o;
}

static json_t *js_access_group(struct jctx *c, const void *e)
{
        const struct access_group *g = e;
        json_t *o = jelem(c, &g->loc);
        jput_str(c, o, "acl", g->acl);
        jput_str(c, o, "interface", g->ifname);
        jput_str(c, o, "direction", g->in ? "in" : "out");
        jput_bool(c, o, "global", g->global);
        return o;
}

static json_t *js_nat(struct jctx *c, const void *e)
{
        const struct nat_rule *r = e;
        json_t *o = jelem(c, &r->loc);
        jput_enum(c, o, "kind", &names_nat_kind, (int)r->kind);
        jput_int(c, o, "section", r->section);
        jput_int(c, o, "order", (long long)r->order);
        jput_str(c, o, "real_if", r->real_if);
        jput_str(c, o, "mapped_if", r->mapped_if);
        jput_int_or_null(c, o, "nat_id", r->nat_id, -1);
        jput_str(c, o, "match_acl", r->match_acl);
        jput_str(c, o, "match_route_map", r->match_route_map);
        jput_addrset(c, o, "real_src", &r->real_src);
        jput_bool(c, o, "real_src_inexact", r->real_src.inexact);
        jput_bool(c, o, "has_dst", r->has_dst);
        jput_addrset(c, o, "real_dst", &r->real_dst);
        jput_bool(c, o, "real_dst_inexact", r->real_dst.inexact);
        jput_enum(c, o, "src_xlate", &names_nat_xlate, (int)r->src_xlate);
        jput_bool(c, o, "dst_identity", r->dst_identity);
        jput_str(c, o, "mapped_src", r->mapped_src_text);
        jput_str(c, o, "mapped_dst", r->mapped_dst_text);
        jput_bool(c, o, "overload", r->overload);
        jput_bool(c, o, "no_proxy_arp", r->no_proxy_arp);
        jput_bool(c, o, "route_lookup", r->route_lookup);
        jput_bool(c, o, "inactive", r->inactive);
        jput_str(c, o, "object", r->object);
        return o;
}

struct rule_pos {
        const void *rule;
        size_t idx;
};

static int pos_cmp(const void *a, const void *b)
{
        const struct rule_pos *x = a, *y = b;
        return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* nat_order as indexes into nat_rules ([] when finalize did not fill it);
 * a sorted pointer table keeps this O(n log n) on large NAT tables. */
static json_t *js_nat_order(struct jctx *c, const struct ptrvec *rules, const struct ptrvec *ord)
{
        json_t *a = jarr(c);
        if (ord->n == 0 || rules->n == 0)
                return a;
        struct rule_pos *pos = calloc(rules->n, sizeof(*pos));
        if (!pos) {
                c->err = true;
                return a;
        }
        for (size_t i = 0; i < rules->n; i++)
                pos[i] = (struct rule_pos){rules->v[i], i};
        qsort(pos, rules->n, sizeof(*pos), pos_cmp);
        for (size_t i = 0; i < ord->n; i++) {
                struct rule_pos key = {ord->v[i], 0};
                const struct rule_pos *hit = bsearch(&key, pos, rules->n, sizeof(*pos), pos_cmp);
                jappend(c, a, hit ? jint(c, (long long)hit->idx) : jnull(c));
        }
        free(pos);
        return a;
}

static json_t *js_route_map(struct jctx *c, const void *e)
{
        const struct route_map_entry *m = e;
        json_t *o = jelem(c, &m->loc);
        jput_str(c, o, "name", m->name);
        jput_int(c, o, "seq", m->seq);
        jput_str(c, o, "action", m->permit ? "permit" : "deny");
        jput_strvec(c, o, "match_acls", &m->match_acls);
        return o;
}

void js_network(struct jctx *c, json_t *d)
{
        const struct device *dev = c->dev;
        jput_list(c, d, "interfaces", &dev->ifaces, js_iface);
        jput_list(c, d, "routes", &dev->routes, js_route);
        jput_list(c, d, "names", &dev->names, js_name);
        jput_list(c, d, "objects", &dev->objects, js_object);
        jput_list(c, d, "acls", &dev->acls, js_acl);
        jput_list(c, d, "access_groups", &dev->access_groups, js_access_group);
        jput_list(c, d, "nat_rules", &dev->nat_rules, js_nat);
        jput(c, d, "nat_evaluation_order", js_nat_order(c, &dev->nat_rules, &dev->nat_order));
        jput_list(c, d, "route_maps", &dev->route_maps, js_route_map);
}
