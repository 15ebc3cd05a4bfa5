/*
 * IOS NAT and what it references: ip nat inside|outside source (list,
 * route-map, static), ip nat pool, route-map entries (match ip address),
 * and ip local pool (the Easy VPN address pools).
 */
#include "ios_int.h"

#include <string.h>

#define ONE(...)                                                                                   \
        {                                                                                          \
                {__VA_ARGS__}, NULL, false                                                         \
        }

/* ---- NAT -------------------------------------------------------------- */

static int nat_push(struct ios_ctx *c, struct nat_rule *r)
{
        struct nat_rule *p = model_alloc(c->dev, sizeof(*p));
        if (!p)
                return IOS_OOM;
        *p = *r;
        p->order = c->dev->nat_rules.n;
        return ptrvec_push(&c->dev->arena, &c->dev->nat_rules, p) ? IOS_OOM : IOS_OK;
}

static const char *if_name(struct ios_ctx *c, size_t i, size_t *next);
static int nat_options(struct ios_ctx *c, struct nat_rule *r, size_t i);

/* ... list ACL | route-map RM  (pool P | interface IF) [overload] [vrf V] ... */
static int nat_dynamic(struct ios_ctx *c, struct nat_rule *r, size_t i)
{
        const char *what = ios_arg(c, i), *name = ios_arg(c, i + 1);
        if (!name)
                return IOS_UNKNOWN;
        const char **slot = kw(what, "list") ? &r->match_acl : &r->match_route_map;
        size_t digits = strspn(name, "0123456789");
        if (digits && (kw(name + digits, "interface") || kw(name + digits, "pool"))) {
                /* "list 1interface dialer 0": a lost space, as in hand-edited configs */
                *slot = arena_strndup(&c->dev->arena, name, digits);
                if (!*slot || !(r->mapped_src_text = ios_rest(c, i + 1)))
                        return IOS_OOM;
                if (kw(name + digits, "interface") && !(r->mapped_if = if_name(c, i + 2, &i)))
                        return IOS_OOM;
                else if (kw(name + digits, "pool"))
                        i += 3;
                r->src_xlate = NAT_XLATE_DYNAMIC;
                return nat_options(c, r, i);
        }
        if (!(*slot = ios_str(c, name)))
                return IOS_OOM;
        r->src_xlate = NAT_XLATE_DYNAMIC;
        return nat_options(c, r, i + 2);
}

/* Interface name at argument i, joining "dialer 0"; *next = the argument after. */
static const char *if_name(struct ios_ctx *c, size_t i, size_t *next)
{
        const char *n = ios_arg(c, i), *unit = ios_arg(c, i + 1);
        char buf[128];
        *next = i + 1;
        if (n && unit && lex_needs_unit(n) && lex_unit_word(unit) &&
            strlen(n) + strlen(unit) < sizeof(buf)) {
                size_t nl = strlen(n);
                memcpy(buf, n, nl);
                memcpy(buf + nl, unit, strlen(unit) + 1);
                *next = i + 2;
                return ios_str(c, buf);
        }
        return ios_str(c, n ? n : "");
}

static int nat_options(struct ios_ctx *c, struct nat_rule *r, size_t i)
{
        for (; ios_arg(c, i); i++) {
                const char *s = ios_arg(c, i);
                if ((kw(s, "pool") || kw(s, "interface")) && ios_arg(c, i + 1)) {
                        if (!(r->mapped_src_text = ios_rest(c, i)))
                                return IOS_OOM;
                        if (kw(s, "interface")) {
                                if (!(r->mapped_if = if_name(c, i + 1, &i)))
                                        return IOS_OOM;
                                i--;
                        } else {
                                i++;
                        }
                } else if (kw(s, "overload")) {
                        r->overload = true;
                } else if (kw(s, "vrf") && ios_arg(c, i + 1)) {
                        if (!(r->vrf = ios_str(c, ios_arg(c, i + 1))))
                                return IOS_OOM;
                        i++;
                } else if (!kw(s, "reversible") && !kw(s, "no-payload") && !kw(s, "oer") &&
                           !kw(s, "egress-interface") && !kw(s, "extended")) {
                        /* "extended" (IOS XE, with vrf): translations keyed by VRF too,
                         * for overlapping inside addresses (IOS XE NAT guide) */
                        return IOS_UNKNOWN;
                }
        }
        return nat_push(c, r);
}

/* ... static [tcp|udp] L [Lport] G [Gport] [route-map RM] [extendable] ... */
static int nat_static(struct ios_ctx *c, struct nat_rule *r, size_t i)
{
        uint32_t real, mapped;
        r->kind = NAT_IOS_STATIC;
        if (kw(ios_arg(c, i), "tcp") || kw(ios_arg(c, i), "udp"))
                i++;
        if (kw(ios_arg(c, i), "network"))
                i++;
        if (!lex_ipv4(ios_arg(c, i), &real))
                return IOS_UNKNOWN;
        i += lex_port(ios_arg(c, i + 1)) >= 0 && !lex_ipv4(ios_arg(c, i + 1), &mapped) ? 2 : 1;
        const char *g = ios_arg(c, i);
        if (!g)
                return IOS_UNKNOWN;
        r->src_xlate = NAT_XLATE_STATIC;
        if (lex_ipv4(g, &mapped) && mapped == real)
                r->src_xlate = NAT_XLATE_IDENTITY;
        if (kw(g, "interface") && ios_arg(c, i + 1))
                r->mapped_if = ios_str(c, ios_arg(c, ++i));
        if (!(r->mapped_src_text = ios_str(c, g)))
                return IOS_OOM;
        r->real_src.r = model_alloc(c->dev, sizeof(struct range32));
        if (!r->real_src.r)
                return IOS_OOM;
        r->real_src.r[0] = (struct range32){real, real};
        r->real_src.n = 1;
        for (i++; ios_arg(c, i); i++) {
                const char *s = ios_arg(c, i);
                if (kw(s, "route-map") && ios_arg(c, i + 1)) {
                        if (!(r->match_route_map = ios_str(c, ios_arg(c, ++i))))
                                return IOS_OOM;
                } else if (kw(s, "vrf") && ios_arg(c, i + 1)) {
                        if (!(r->vrf = ios_str(c, ios_arg(c, ++i))))
                                return IOS_OOM;
                }
                /* ports, masks, extendable, no-alias, no-payload, redundancy: no effect here */
        }
        return nat_push(c, r);
}

static int ip_nat_source(struct ios_ctx *c, bool inside)
{
        struct nat_rule r = {.loc = c->loc, .nat_id = -1};
        r.kind = inside ? NAT_IOS_INSIDE_SOURCE : NAT_IOS_OUTSIDE_SOURCE;
        r.real_if = inside ? "inside" : "outside";
        if (c->neg)
                return IOS_OK;
        const char *w = ios_arg(c, 0);
        if (kw(w, "static"))
                return nat_static(c, &r, 1);
        if (kw(w, "list") || kw(w, "route-map"))
                return nat_dynamic(c, &r, 0);
        return IOS_UNKNOWN;
}

static int ip_nat_inside(struct ios_ctx *c)
{
        return ip_nat_source(c, true);
}

static int ip_nat_outside(struct ios_ctx *c)
{
        return ip_nat_source(c, false);
}

/* ip nat pool P A B (netmask M | prefix-length N) [type ...] */
static int ip_nat_pool(struct ios_ctx *c)
{
        struct local_pool *p = model_alloc(c->dev, sizeof(*p));
        uint32_t lo, hi, m;
        int len;
        if (c->neg)
                return IOS_OK;
        if (!p || !(p->name = ios_str(c, ios_arg(c, 0))))
                return ios_arg(c, 0) ? IOS_OOM : IOS_UNKNOWN;
        if (!lex_ipv4(ios_arg(c, 1), &lo) || !lex_ipv4(ios_arg(c, 2), &hi) || hi < lo)
                return IOS_UNKNOWN;
        p->loc = c->loc;
        p->lo = lo;
        p->hi = hi;
        if (kw(ios_arg(c, 3), "netmask") && lex_netmask(ios_arg(c, 4), &m, NULL)) {
                p->has_mask = true;
                p->mask = m;
        } else if (kw(ios_arg(c, 3), "prefix-length") && lex_int(ios_arg(c, 4), 0, 32, &len)) {
                p->has_mask = true;
                p->mask = prefix_to_mask(len);
        } else {
                return IOS_UNKNOWN;
        }
        return model_add_pool(c->dev, p) ? IOS_OOM : IOS_OK;
}

/* ip local pool NAME A [B] */
static int ip_local_pool(struct ios_ctx *c)
{
        uint32_t lo, hi;
        const char *name = ios_arg(c, 0);
        if (c->neg)
                return IOS_OK;
        if (kw(name, "ipv6") || kw(name, "group"))
                return IOS_OK;
        if (!name || !lex_ipv4(ios_arg(c, 1), &lo))
                return IOS_UNKNOWN;
        hi = lo;
        if (ios_arg(c, 2) && (!lex_ipv4(ios_arg(c, 2), &hi) || hi < lo))
                return IOS_UNKNOWN;
        struct local_pool *p = model_alloc(c->dev, sizeof(*p));
        if (!p || !(p->name = ios_str(c, name)))
                return IOS_OOM;
        p->loc = c->loc;
        p->lo = lo;
        p->hi = hi;
        return model_add_pool(c->dev, p) ? IOS_OOM : IOS_OK;
}

/* ---- route-map ---------------------------------------------------------- */

static int route_map(struct ios_ctx *c)
{
        int seq = 10; /* IOS assigns 10 to an entry written without a sequence */
        const char *name = ios_arg(c, 0), *act = ios_arg(c, 1);
        if (!name)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        if (act && !kw(act, "permit") && !kw(act, "deny"))
                return IOS_UNKNOWN;
        if (ios_arg(c, 2) && !lex_int(ios_arg(c, 2), 0, 65535, &seq))
                return IOS_UNKNOWN;
        struct route_map_entry *e = model_alloc(c->dev, sizeof(*e));
        if (!e || !(e->name = ios_str(c, name)))
                return IOS_OOM;
        e->loc = c->loc;
        e->seq = seq;
        e->permit = !act || kw(act, "permit");
        if (ptrvec_push(&c->dev->arena, &c->dev->route_maps, e))
                return IOS_OOM;
        return ios_open(c, IM_ROUTE_MAP, e);
}

static int rm_match_ip(struct ios_ctx *c)
{
        struct route_map_entry *e = ios_obj(c);
        if (c->neg)
                return IOS_OK;
        if (kw(ios_arg(c, 0), "prefix-list"))
                return IOS_OK;
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        for (size_t i = 0; ios_arg(c, i); i++) {
                char *s = ios_str(c, ios_arg(c, i));
                if (!s || ptrvec_push(&c->dev->arena, &e->match_acls, s))
                        return IOS_OOM;
        }
        return IOS_OK;
}

static const struct ios_cmd route_map_cmds[] = {
    {{"match", "ip", "address"}, rm_match_ip, false, SEM_PREFIX(3)},
    ONE("match"),
    ONE("set"),
    ONE("continue"),
    ONE("description"),
};

static const struct ios_cmd top_cmds[] = {
    {{"ip", "nat", "inside", "source"}, ip_nat_inside, false},
    {{"ip", "nat", "outside", "source"}, ip_nat_outside, false},
    {{"ip", "nat", "pool"}, ip_nat_pool, false, SEM_PREFIX(4)},
    ONE("ip", "nat", "translation"),
    ONE("ip", "nat", "log"),
    ONE("ip", "nat", "service"),
    ONE("ip", "nat", "settings"),
    {{"ip", "local", "pool"}, ip_local_pool, false},
    {{"route-map"}, route_map, false, SEM_MASK(0xb)},
};

IOS_TAB(ios_top_nat, top_cmds);
IOS_TAB(ios_sub_route_map, route_map_cmds);
