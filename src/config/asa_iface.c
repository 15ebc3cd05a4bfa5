/*
 * Interfaces and routes: "interface X" with nameif, security-level,
 * ip address [standby], dhcp, shutdown, vlan, description; "route IF NET
 * MASK GW [DIST] [track N]"; hostname and domain-name.
 */
#include "asa.h"

#include <string.h>

static struct iface *IF(struct asa_ctx *c)
{
        return c->obj;
}

static int i_nameif(struct asa_ctx *c, size_t i)
{
        if (c->no) {
                IF(c)->nameif = NULL;
                return ASA_OK;
        }
        /* one word: a longer line is PIX 6 "nameif HW NAME securityN" */
        if (!asa_w(c, i) || asa_w(c, i + 1))
                return ASA_UNKNOWN;
        return model_set_nameif(c->dev, IF(c), asa_w(c, i)) ? ASA_OOM : ASA_OK;
}

static int i_security(struct asa_ctx *c, size_t i)
{
        if (c->no) {
                IF(c)->security_level = -1;
                return ASA_OK;
        }
        return lex_int(asa_w(c, i), 0, 100, &IF(c)->security_level) && !asa_w(c, i + 1)
                   ? ASA_OK
                   : ASA_UNKNOWN;
}

/* "ip address [IF] dhcp setroute": the ASA (and PIX) installs the default
 * route the DHCP server supplies, out this interface ("setroute: lets the
 * ASA use the default route supplied by the DHCP server", Cisco ASA command
 * reference, ip address dhcp; PIX 6.3 command reference, ip address). The
 * gateway is not in the config. */
int asa_dhcp_default_route(struct asa_ctx *c, const char *nameif)
{
        if (!nameif || c->no)
                return ASA_OK;
        struct route *r = asa_new(c, sizeof(*r));
        if (!r || !(r->ifname = asa_dup(c, nameif)) ||
            ptrvec_push(&c->dev->arena, &c->dev->routes, r))
                return ASA_OOM;
        r->loc = c->loc;
        r->distance = 1;
        return ASA_OK;
}

static bool has_word(struct asa_ctx *c, size_t from, const char *w)
{
        for (size_t k = from; k < c->n; k++)
                if (kw(asa_w(c, k), w))
                        return true;
        return false;
}

/* ip address A M [standby S] | ip address dhcp [setroute] | pppoe */
static int i_address(struct asa_ctx *c, size_t i)
{
        struct iface *f = IF(c);
        uint32_t a, m, s;
        if (c->no) {
                f->has_addr = f->dhcp = false;
                return ASA_OK;
        }
        if (kw(asa_w(c, i), "dhcp") || kw(asa_w(c, i), "pppoe")) {
                f->dhcp = kw(asa_w(c, i), "dhcp");
                if (f->dhcp && has_word(c, i + 1, "setroute"))
                        return asa_dhcp_default_route(c, f->nameif);
                return ASA_OK;
        }
        if (!asa_addr(c, asa_w(c, i), &a) || !asa_mask(asa_w(c, i + 1), &m))
                return ASA_UNKNOWN;
        if (asa_w(c, i + 2) &&
            !(kw(asa_w(c, i + 2), "standby") && asa_addr(c, asa_w(c, i + 3), &s)))
                return ASA_UNKNOWN;
        f->has_addr = true;
        f->addr = a;
        f->mask = m;
        return ASA_OK;
}

static int i_shutdown(struct asa_ctx *c, size_t i)
{
        (void)i;
        IF(c)->shutdown = !c->no;
        IF(c)->shutdown_loc = c->loc;
        return ASA_OK;
}

/* tunnel source interface IF | destination A | mode ipsec ipv4 |
 * protection ipsec profile P (ASA 9.8+ VTI) */
static int i_tunnel(struct asa_ctx *c, size_t i)
{
        struct iface *f = IF(c);
        const char *w = asa_w(c, i), *x = asa_w(c, i + 1);
        if (!x)
                return ASA_UNKNOWN;
        f->is_tunnel = true;
        if (kw(w, "source")) {
                f->tunnel_source =
                    asa_dup(c, kw(x, "interface") && asa_w(c, i + 2) ? asa_w(c, i + 2) : x);
                f->tunnel_source_loc = c->loc;
        } else if (kw(w, "destination")) {
                f->has_tunnel_dest = asa_addr(c, x, &f->tunnel_dest);
                f->tunnel_dest_loc = c->loc;
        } else if (kw(w, "mode")) {
                /* ASA VTIs are "tunnel mode ipsec ipv4|ipv6" (ASA 9.7+ VTI guide) */
                f->tunnel_mode = asa_join(c, i + 1, c->n);
                f->tunnel_mode_loc = c->loc;
                f->tunnel_kind = kw(x, "ipsec")
                                     ? (kw(asa_w(c, i + 2), "ipv6") ? TUNK_IPSEC_V6 : TUNK_IPSEC)
                                 : kw(x, "gre") ? TUNK_GRE
                                                : TUNK_OTHER;
        } else if (kw(w, "protection") && kw(x, "ipsec") && kw(asa_w(c, i + 2), "profile") &&
                   asa_w(c, i + 3)) {
                f->tunnel_protection = asa_dup(c, asa_w(c, i + 3));
                f->tunnel_protection_loc = c->loc;
        } else
                return ASA_UNKNOWN;
        return ASA_OK;
}

static const struct asa_cmd iface_cmds[] = {
    {{"tunnel"}, i_tunnel},
    {{"nameif"}, i_nameif, SEM_PREFIX(1)},
    {{"security-level"}, i_security, SEM_PREFIX(1)},
    {{"ip", "address"}, i_address, SEM_PREFIX(2)},
    {{"shutdown"}, i_shutdown},
    {{"vlan"}, asa_known},
    {{"description"}, asa_known},
    {{"speed"}, asa_known},
    {{"duplex"}, asa_known},
    {{"management-only"}, asa_known},
    {{"mac-address"}, asa_known},
    {{"mtu"}, asa_known},
    {{"ipv6"}, asa_known},
    {{"channel-group"}, asa_known},
    {{"member-interface"}, asa_known},
    {{"pppoe"}, asa_known},
    {{"ospf"}, asa_known},
    {{"ip", "verify"}, asa_known},
    {{"flowcontrol"}, asa_known},
    {{"delay"}, asa_known},
    {{"zone-member"}, asa_known},
    {{"switchport"}, asa_known},
    {{"igmp"}, asa_known},
    {{"pim"}, asa_known},
    {{"authentication"}, asa_known},
    {{0}, NULL},
};

/* interface HW [PIX 6: auto|100full|... [shutdown]] */
static int on_interface(struct asa_ctx *c, size_t i)
{
        const char *hw = asa_w(c, i);
        if (!hw || c->no)
                return hw ? ASA_OK : ASA_UNKNOWN;
        /* "interface tunnel 10", "interface GigabitEthernet 0/1": the ASA
         * takes the unit after a space as part of the name, as IOS does */
        char name[256];
        size_t len = strlen(hw);
        const char *unit = asa_w(c, i + 1);
        if (unit && lex_needs_unit(hw) && lex_unit_word(unit) &&
            len + strlen(unit) < sizeof(name)) {
                memcpy(name, hw, len);
                strcpy(name + len, unit);
                hw = name;
                i++;
        }
        struct iface *f = model_obtain_iface(c->dev, hw, &c->loc);
        if (!f)
                return ASA_OOM;
        if (!asa_w(c, i + 1)) {
                asa_open(c, iface_cmds, f, f->name);
                return ASA_OK;
        }
        /* PIX 6: "interface ethernet0 auto [shutdown]" is one line */
        f->shutdown = kw(asa_w(c, c->n - 1), "shutdown");
        if (f->shutdown)
                f->shutdown_loc = c->loc;
        return ASA_OK;
}

/* route IF NET MASK GW [DIST] [track N] [tunneled] */
static int on_route(struct asa_ctx *c, size_t i)
{
        uint32_t net = 0, mask = 0, gw = 0;
        const char *ifn = asa_w(c, i);
        /* Vendor templates put "<AZ-PIP-1>" or "206.X.X.1" where an address
         * goes. A placeholder network or mask leaves the route's reach
         * unknown; a placeholder gateway does not: the ASA route names its
         * interface, so the route still sends its network out there. */
        bool ph = lex_is_placeholder(asa_w(c, i + 1)) || lex_is_placeholder(asa_w(c, i + 2));
        bool gw_ph = lex_is_placeholder(asa_w(c, i + 3));
        if (!ifn || !(asa_addr(c, asa_w(c, i + 1), &net) || lex_is_placeholder(asa_w(c, i + 1))) ||
            !(asa_mask(asa_w(c, i + 2), &mask) || lex_is_placeholder(asa_w(c, i + 2))) ||
            !(asa_addr(c, asa_w(c, i + 3), &gw) || lex_is_placeholder(asa_w(c, i + 3))))
                return ASA_UNKNOWN;
        int dist = 1;
        size_t k = i + 4;
        if (asa_w(c, k) && lex_int(asa_w(c, k), 1, 255, &dist))
                k++;
        for (; k < c->n; k++)
                if (kw(asa_w(c, k), "track"))
                        k++;
                else if (!kw(asa_w(c, k), "tunneled"))
                        return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct route *r = asa_new(c, sizeof(*r));
        if (!r || !(r->ifname = asa_dup(c, ifn)) || ptrvec_push(&c->dev->arena, &c->dev->routes, r))
                return ASA_OOM;
        r->net = net & mask;
        r->mask = mask;
        r->has_nexthop = !ph && !gw_ph;
        r->nexthop = gw;
        r->distance = dist;
        r->placeholder = ph;
        return ASA_OK;
}

static int on_hostname(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        c->dev->hostname = asa_dup(c, asa_w(c, i));
        c->dev->hostname_loc = c->loc;
        return c->dev->hostname ? ASA_OK : ASA_OOM;
}

static int on_domain(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        c->dev->domain = asa_dup(c, asa_w(c, i));
        return c->dev->domain ? ASA_OK : ASA_OOM;
}

/* priority-queue IF (+ queue-limit / tx-ring-limit sub-commands): low-latency
 * queueing after encryption reorders ESP, which anti-replay-drops cares about. */
static int on_priority_queue(struct asa_ctx *c, size_t i)
{
        struct iface *f = asa_w(c, i) ? model_get_nameif(c->dev, asa_w(c, i)) : NULL;
        if (!f)
                return ASA_UNKNOWN;
        f->priority_queue = !c->no;
        f->qos_loc = c->loc;
        asa_skip_block(c);
        return ASA_OK;
}

const struct asa_cmd asa_iface_cmds[] = {
    {{"interface"}, on_interface},
    {{"route"}, on_route},
    {{"hostname"}, on_hostname, SEM_PREFIX(1)},
    {{"domain-name"}, on_domain, SEM_PREFIX(1)},
    {{"priority-queue"}, on_priority_queue},
    {{0}, NULL},
};
