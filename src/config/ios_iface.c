/*
 * IOS device identity and forwarding: hostname, domain, interfaces (incl.
 * tunnel interfaces), static routes and usernames.
 */
#include "ios_int.h"

#include <string.h>
#include <strings.h>

static int hostname(struct ios_ctx *c)
{
        const char *h = ios_arg(c, 0);
        if (c->neg)
                return IOS_OK;
        if (!h || ios_nargs(c) != 1)
                return IOS_UNKNOWN;
        c->dev->hostname = ios_str(c, h);
        c->dev->hostname_loc = c->loc;
        return c->dev->hostname ? IOS_OK : IOS_OOM;
}

static int domain_name(struct ios_ctx *c)
{
        const char *d = ios_arg(c, 0);
        if (c->neg)
                return IOS_OK;
        if (!d)
                return IOS_UNKNOWN;
        if (kw(d, "vrf")) /* ip domain name vrf V NAME: not the device's own */
                return IOS_OK;
        c->dev->domain = ios_str(c, d);
        return c->dev->domain ? IOS_OK : IOS_OOM;
}

static int interface(struct ios_ctx *c)
{
        const char *n = ios_arg(c, 0);
        if (!n || c->neg)
                return n ? IOS_OK : IOS_UNKNOWN;
        /* "interface GigabitEthernet 0/1" and "interface Gi0/1 point-to-point" */
        char name[256];
        size_t len = strlen(n);
        const char *more = ios_arg(c, 1);
        if (more && lex_needs_unit(n) && lex_unit_word(more) && len + strlen(more) < sizeof(name)) {
                memcpy(name, n, len);
                strcpy(name + len, more);
                n = name;
        }
        struct iface *ifc = model_obtain_iface(c->dev, n, &c->loc);
        if (!ifc)
                return IOS_OOM;
        ifc->is_tunnel = strncasecmp(n, "tunnel", 6) == 0 || strncasecmp(n, "tu", 2) == 0;
        return ios_open(c, IM_IFACE, ifc);
}

/* ---- interface sub-commands ---------------------------------------- */

static int if_ip_address(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        const char *a = ios_arg(c, 0);
        uint32_t addr, mask;
        if (c->neg) {
                if (!a) {
                        ifc->has_addr = ifc->dhcp = ifc->negotiated = false;
                }
                return IOS_OK;
        }
        if (kw(a, "dhcp")) {
                ifc->dhcp = true;
                return IOS_OK;
        }
        if (kw(a, "negotiated")) {
                ifc->negotiated = true;
                return IOS_OK;
        }
        if (kw(a, "pool"))
                return IOS_OK;
        if (!lex_ipv4(a, &addr) || !lex_netmask(ios_arg(c, 1), &mask, NULL)) {
                if (!lex_prefix(a ? a : "", &addr, &mask))
                        return IOS_UNKNOWN;
        }
        if (kw(ios_arg(c, 2), "secondary") && ifc->has_addr)
                return IOS_OK; /* the primary address is what IKE sources from */
        ifc->has_addr = true;
        ifc->addr = addr;
        ifc->mask = mask;
        return IOS_OK;
}

static int if_shutdown(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        ifc->shutdown = !c->neg;
        ifc->shutdown_loc = c->loc;
        return IOS_OK;
}

static int if_crypto_map(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        const char *m = ios_arg(c, 0);
        if (c->neg) {
                ifc->crypto_map = NULL;
                return IOS_OK;
        }
        if (!m)
                return IOS_UNKNOWN;
        struct crypto_map_binding *b = model_alloc(c->dev, sizeof(*b));
        if (!b || !(b->map = ios_str(c, m)))
                return IOS_OOM;
        b->loc = c->loc;
        b->ifname = ifc->name;
        ifc->crypto_map = b->map;
        ifc->crypto_map_loc = c->loc;
        /* "crypto map M redundancy ..." trailing options do not change the map */
        return ptrvec_push(&c->dev->arena, &c->dev->cmap_bindings, b) ? IOS_OOM : IOS_OK;
}

static int if_nat(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        const char *r = ios_arg(c, 0);
        if (kw(r, "inside"))
                ifc->nat_inside = !c->neg;
        else if (kw(r, "outside"))
                ifc->nat_outside = !c->neg;
        else if (!kw(r, "enable"))
                return IOS_UNKNOWN;
        return IOS_OK;
}

static int if_mss(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        int mss;
        if (c->neg) {
                ifc->tcp_adjust_mss = 0;
                return IOS_OK;
        }
        if (!lex_int(ios_arg(c, 0), 500, 1460, &mss))
                return IOS_UNKNOWN;
        ifc->tcp_adjust_mss = mss;
        ifc->mss_loc = c->loc;
        return IOS_OK;
}

/* service-policy output P: queueing after encryption reorders ESP
 * (anti-replay-drops); input policies do not reorder what is sent. */
static int if_service_policy(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        const char *dir = ios_arg(c, 0), *pol = ios_arg(c, 1);
        if (!kw(dir, "output"))
                return IOS_OK; /* input / type-specific policies: known, not modelled */
        if (c->neg) {
                ifc->service_policy_out = NULL;
                return IOS_OK;
        }
        if (!pol || !(ifc->service_policy_out = model_strdup(c->dev, pol)))
                return pol ? IOS_OOM : IOS_UNKNOWN;
        ifc->qos_loc = c->loc;
        return IOS_OK;
}

static int if_access_group(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        const char *acl = ios_arg(c, 0), *dir = ios_arg(c, 1);
        const char **slot = kw(dir, "in") ? &ifc->acl_in : kw(dir, "out") ? &ifc->acl_out : NULL;
        if (!acl || !slot)
                return IOS_UNKNOWN;
        if (c->neg) {
                *slot = NULL;
                return IOS_OK;
        }
        *slot = ios_str(c, acl);
        return *slot ? IOS_OK : IOS_OOM;
}

static int if_vrf(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        const char *v = ios_arg(c, 0);
        if (c->neg) {
                ifc->vrf = NULL;
                return IOS_OK;
        }
        if (!v)
                return IOS_UNKNOWN;
        ifc->vrf = ios_str(c, v);
        return ifc->vrf ? IOS_OK : IOS_OOM;
}

#define ONE(...)                                                                                   \
        {                                                                                          \
                {__VA_ARGS__}, NULL, false                                                         \
        }
#define BLOCK(...)                                                                                 \
        {                                                                                          \
                {__VA_ARGS__}, NULL, true                                                          \
        }

static const struct ios_cmd iface_cmds[] = {
    {{"ip", "address"}, if_ip_address, false},
    {{"shutdown"}, if_shutdown, false},
    /* "no sh": in interface mode "sh" is unique to shutdown, and lab scripts type it */
    {{"sh"}, if_shutdown, false},
    {{"crypto", "map"}, if_crypto_map, false, SEM_PREFIX(2)},
    {{"ip", "nat"}, if_nat, false},
    {{"ip", "tcp", "adjust-mss"}, if_mss, false, SEM_PREFIX(3)},
    {{"ip", "access-group"}, if_access_group, false, SEM_MASK(0xb)},
    {{"vrf", "forwarding"}, if_vrf, false},
    {{"ip", "vrf", "forwarding"}, if_vrf, false},
    {{"tunnel", "source"}, ios_if_tunnel_source, false},
    {{"tunnel", "destination"}, ios_if_tunnel_dest, false},
    {{"tunnel", "mode"}, ios_if_tunnel_mode, false},
    {{"tunnel", "protection", "ipsec", "profile"}, ios_if_tunnel_protection, false},
    {{"tunnel", "vrf"}, ios_if_tunnel_vrf, false},
    {{"tunnel", "key"}, ios_if_tunnel_key, false},
    {{"ip", "nhrp"}, ios_if_nhrp, false},
    ONE("description"),
    ONE("tunnel"),
    ONE("duplex"),
    ONE("half-duplex"),
    ONE("full-duplex"),
    ONE("speed"),
    ONE("negotiation"),
    ONE("mop"),
    ONE("bandwidth"),
    ONE("delay"),
    ONE("mtu"),
    ONE("encapsulation"),
    ONE("cdp"),
    ONE("keepalive"),
    ONE("load-interval"),
    ONE("media-type"),
    ONE("switchport"),
    ONE("spanning-tree"),
    ONE("bridge-group"),
    {{"service-policy"}, if_service_policy, false},
    ONE("standby"),
    ONE("vrrp"),
    ONE("ipv6"),
    ONE("pppoe"),
    ONE("pppoe-client"),
    ONE("ppp"),
    ONE("dialer"),
    ONE("dialer-group"),
    ONE("arp"),
    ONE("logging"),
    ONE("snmp"),
    ONE("hold-queue"),
    ONE("channel-group"),
    ONE("zone-member"),
    ONE("no"),
    ONE("platform"),
    ONE("authentication"),
    ONE("encryption"),
    ONE("ssid"),
    ONE("station-role"),
    ONE("power"),
    ONE("transport"),
    ONE("password"),
    ONE("macro"),
    ONE("storm-control"),
    ONE("carrier-delay"),
    ONE("mpls"),
    ONE("pvc"),
    ONE("atm"),
    ONE("dsl"),
    ONE("fair-queue"),
    ONE("clock"),
    ONE("peer"),
    ONE("ntp"),
    ONE("qos"),
    ONE("crypto", "ipsec", "client"),
    ONE("ip", "virtual-reassembly"),
    ONE("ip", "virtual-reassembly-out"),
    ONE("ip", "mtu"),
    ONE("ip", "ospf"),
    ONE("ip", "redirects"),
    ONE("ip", "unreachables"),
    ONE("ip", "proxy-arp"),
    ONE("ip", "route-cache"),
    ONE("ip", "helper-address"),
    ONE("ip", "directed-broadcast"),
    ONE("ip", "mroute-cache"),
    ONE("ip", "inspect"),
    ONE("ip", "ips"),
    ONE("ip", "verify"),
    ONE("ip", "flow"),
    ONE("ip", "pim"),
    ONE("ip", "igmp"),
    ONE("ip", "policy"),
    ONE("ip", "nbar"),
    ONE("ip", "accounting"),
    ONE("ip", "dhcp"),
    ONE("ip", "ddns"),
    ONE("ip", "wccp"),
    ONE("ip", "summary-address"),
    ONE("ip", "split-horizon"),
    ONE("ip", "authentication"),
    ONE("ip", "hello-interval"),
    ONE("ip", "hold-time"),
    ONE("ip", "unnumbered"),
    ONE("ip", "local-proxy-arp"),
    BLOCK("ip", "dhcp", "pool"),
    BLOCK("service-module"),
};

/* ---- ip route ---------------------------------------------------------- */

/* Trailing words after the next hop: [DISTANCE] [name X] [permanent] [tag N] ... */
static int route_tail(struct ios_ctx *c, struct route *r, size_t i)
{
        while (ios_arg(c, i)) {
                const char *s = ios_arg(c, i);
                int d;
                if (lex_int(s, 1, 255, &d)) {
                        r->distance = d;
                        i++;
                } else if ((kw(s, "name") || kw(s, "tag") || kw(s, "track")) && ios_arg(c, i + 1)) {
                        i += 2;
                } else if (kw(s, "permanent") || kw(s, "global") || kw(s, "multicast") ||
                           kw(s, "dhcp")) {
                        i++;
                } else {
                        return IOS_UNKNOWN;
                }
        }
        return IOS_OK;
}

static int ip_route(struct ios_ctx *c)
{
        struct route r = {.loc = c->loc, .distance = 1};
        size_t i = 0;
        if (c->neg)
                return IOS_OK;
        if (kw(ios_arg(c, 0), "vrf") && ios_arg(c, 1)) {
                if (!(r.vrf = ios_str(c, ios_arg(c, 1))))
                        return IOS_OOM;
                i = 2;
        }
        uint32_t m;
        if (!lex_ipv4(ios_arg(c, i), &r.net) || !lex_ipv4(ios_arg(c, i + 1), &m))
                return IOS_UNKNOWN;
        r.mask = m;
        r.net &= m;
        i += 2;
        const char *nh = ios_arg(c, i);
        if (!nh)
                return IOS_UNKNOWN;
        if (lex_ipv4(nh, &r.nexthop)) {
                r.has_nexthop = true;
                i++;
        } else if (!kw(nh, "name") && !kw(nh, "tag")) {
                /* exit interface, possibly written "dialer 0", then an optional hop */
                char name[128];
                size_t len = strlen(nh);
                const char *unit = ios_arg(c, i + 1);
                i++;
                if (unit && lex_needs_unit(nh) && lex_unit_word(unit) && !lex_ipv4(unit, &m) &&
                    len + strlen(unit) < sizeof(name)) {
                        memcpy(name, nh, len);
                        strcpy(name + len, unit);
                        nh = name;
                        i++;
                }
                if (!(r.ifname = ios_str(c, nh)))
                        return IOS_OOM;
                if (lex_ipv4(ios_arg(c, i), &r.nexthop)) {
                        r.has_nexthop = true;
                        i++;
                }
        }
        if (route_tail(c, &r, i))
                return IOS_UNKNOWN;
        struct route *p = model_alloc(c->dev, sizeof(*p));
        if (!p)
                return IOS_OOM;
        *p = r;
        return ptrvec_push(&c->dev->arena, &c->dev->routes, p) ? IOS_OOM : IOS_OK;
}

/* ---- username ------------------------------------------------------------ */

static int username(struct ios_ctx *c)
{
        const char *name = ios_arg(c, 0);
        if (!name)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct username *u = model_get_username(c->dev, name);
        if (!u) {
                u = model_alloc(c->dev, sizeof(*u));
                if (!u || !(u->name = ios_str(c, name)))
                        return IOS_OOM;
                u->loc = c->loc;
                if (model_add_username(c->dev, u))
                        return IOS_OOM;
        }
        for (size_t i = 1; ios_arg(c, i); i++) {
                const char *s = ios_arg(c, i);
                if (kw(s, "privilege") && lex_int(ios_arg(c, i + 1), 0, 15, &u->privilege)) {
                        i++;
                } else if (kw(s, "secret") || kw(s, "password") || kw(s, "nthash")) {
                        /* secrets 5/8/9 are one-way hashes, 7 reversible: none is a value */
                        size_t used = ios_secret(c, c->a + i + 1, &u->password);
                        if (!used)
                                return IOS_UNKNOWN;
                        i += used;
                }
        }
        return IOS_OK;
}

/* ---- routing processes and SSL VPN -------------------------------------- */

/* "router ospf|eigrp|bgp|rip|isis|odr ...": the routes a routing protocol
 * learns are not in the config, so route checks must not treat "no static
 * route" as "no route". The block's sub-lines are not modelled. */
static int router(struct ios_ctx *c)
{
        static const char *const protocols[] = {"ospf", "ospfv3", "eigrp", "bgp",
                                                "rip",  "isis",   "odr"};
        const char *p = ios_arg(c, 0);
        for (size_t i = 0;
             p && !c->neg && !c->dev->dyn_routing && i < sizeof(protocols) / sizeof(protocols[0]);
             i++) {
                if (kw(p, protocols[i])) {
                        if (!(c->dev->dyn_routing = ios_str(c, protocols[i])))
                                return IOS_OOM;
                        c->dev->dyn_routing_loc = c->loc;
                }
        }
        return ios_open(c, IM_SKIP, NULL);
}

/* "webvpn gateway|context NAME" (IOS SSL VPN, "SSL VPN Configuration Guide"):
 * AnyConnect / clientless SSL VPN, not IPsec. Recorded as such, the block's
 * sub-lines are not modelled. */
static int webvpn(struct ios_ctx *c)
{
        if (!c->neg) {
                struct loc *l = model_alloc(c->dev, sizeof(*l));
                if (!l)
                        return IOS_OOM;
                *l = c->loc;
                if (ptrvec_push(&c->dev->arena, &c->dev->ssl_vpn, l))
                        return IOS_OOM;
        }
        return ios_open(c, IM_SKIP, NULL);
}

static const struct ios_cmd top_cmds[] = {
    {{"hostname"}, hostname, false, SEM_PREFIX(1)},
    {{"router"}, router, false},
    {{"webvpn", "gateway"}, webvpn, false},
    {{"webvpn", "context"}, webvpn, false},
    {{"webvpn", "install"}, NULL, false},
    {{"webvpn", "create"}, NULL, false},
    {{"ip", "domain-name"}, domain_name, false, SEM_PREFIX(2)},
    {{"ip", "domain", "name"}, domain_name, false, SEM_PREFIX(3)},
    {{"interface"}, interface, false},
    {{"ip", "route"}, ip_route, false},
    {{"username"}, username, false},
};

IOS_TAB(ios_top_iface, top_cmds);
IOS_TAB(ios_sub_iface, iface_cmds);
