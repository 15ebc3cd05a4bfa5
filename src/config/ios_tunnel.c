/*
 * IOS tunnel interface sub-commands: tunnel source / destination / mode /
 * protection / vrf / key, and NHRP (ip nhrp network-id, nhs, map,
 * authentication, redirect, shortcut). Sources: Cisco IOS "Dynamic
 * Multipoint VPN Configuration Guide" (DMVPN, NHRP commands), "IPsec
 * Virtual Tunnel Interfaces" (tunnel mode ipsec ipv4), "VRF-Aware IPsec"
 * (tunnel vrf), and the IOS Interface and Hardware Component Command
 * Reference (tunnel mode, tunnel key).
 */
#include "ios_int.h"

#include <string.h>
#include <strings.h>

/* "tunnel source Ethernet 0/0": an interface type followed by its unit. */
static char *iface_name_arg(struct ios_ctx *c, size_t i)
{
        const char *n = ios_arg(c, i), *unit = ios_arg(c, i + 1);
        char buf[256];
        if (n && unit && lex_needs_unit(n) && lex_unit_word(unit) &&
            strlen(n) + strlen(unit) < sizeof(buf)) {
                strcpy(buf, n);
                strcat(buf, unit);
                return ios_str(c, buf);
        }
        return n ? ios_str(c, n) : NULL;
}

int ios_if_tunnel_source(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        if (!ios_arg(c, 0))
                return c->neg ? IOS_OK : IOS_UNKNOWN;
        ifc->is_tunnel = true;
        if (c->neg) {
                ifc->tunnel_source = NULL;
                return IOS_OK;
        }
        ifc->tunnel_source_loc = c->loc;
        ifc->tunnel_source = iface_name_arg(c, 0);
        return ifc->tunnel_source ? IOS_OK : IOS_OOM;
}

int ios_if_tunnel_dest(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        uint32_t a;
        ifc->is_tunnel = true;
        if (c->neg) {
                ifc->has_tunnel_dest = false;
                return IOS_OK;
        }
        const char *d = ios_arg(c, 0);
        ifc->tunnel_dest_loc = c->loc;
        if (lex_ipv4(d, &a)) {
                ifc->has_tunnel_dest = true;
                ifc->tunnel_dest = a;
                return IOS_OK;
        }
        /* a DNS name, an IPv6 address or a template placeholder: no address to model */
        return d ? IOS_OK : IOS_UNKNOWN;
}

/* tunnel mode gre ip | gre multipoint [ipv6] | gre ipv6 | ipsec ipv4|ipv6 | ipip | ... */
static enum tunnel_kind kind_of(struct ios_ctx *c)
{
        const char *a = ios_arg(c, 0), *b = ios_arg(c, 1), *d = ios_arg(c, 2);
        if (kw(a, "gre")) {
                if (kw(b, "multipoint"))
                        return kw(d, "ipv6") ? TUNK_GRE_V6 : TUNK_MGRE;
                return kw(b, "ipv6") ? TUNK_GRE_V6 : TUNK_GRE;
        }
        if (kw(a, "ipsec"))
                return kw(b, "ipv6") ? TUNK_IPSEC_V6 : TUNK_IPSEC;
        return TUNK_OTHER;
}

int ios_if_tunnel_mode(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        ifc->is_tunnel = true;
        if (c->neg) {
                ifc->tunnel_mode = NULL;
                ifc->tunnel_kind = TUNK_GRE;
                return IOS_OK;
        }
        if (!ios_arg(c, 0))
                return IOS_UNKNOWN;
        ifc->tunnel_mode = ios_rest(c, 0);
        ifc->tunnel_mode_loc = c->loc;
        ifc->tunnel_kind = kind_of(c);
        return ifc->tunnel_mode ? IOS_OK : IOS_OOM;
}

/* tunnel protection ipsec profile P [shared] [isakmp-profile X | ikev2-profile X] */
int ios_if_tunnel_protection(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        ifc->is_tunnel = true;
        if (c->neg) {
                ifc->tunnel_protection = NULL;
                ifc->tunnel_protection_shared = false;
                ifc->tunnel_protection_ike = NULL;
                return IOS_OK;
        }
        const char *p = ios_arg(c, 0);
        if (!p)
                return IOS_UNKNOWN;
        ifc->tunnel_protection_shared = false;
        ifc->tunnel_protection_ike = NULL;
        for (size_t i = 1; ios_arg(c, i); i++) {
                const char *w = ios_arg(c, i);
                if (kw(w, "shared")) {
                        ifc->tunnel_protection_shared = true;
                } else if ((kw(w, "isakmp-profile") || kw(w, "ikev2-profile")) &&
                           ios_arg(c, i + 1)) {
                        if (!(ifc->tunnel_protection_ike = ios_str(c, ios_arg(c, ++i))))
                                return IOS_OOM;
                } else {
                        return IOS_UNKNOWN;
                }
        }
        ifc->tunnel_protection = ios_str(c, p);
        ifc->tunnel_protection_loc = c->loc;
        return ifc->tunnel_protection ? IOS_OK : IOS_OOM;
}

int ios_if_tunnel_vrf(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        ifc->is_tunnel = true;
        if (c->neg) {
                ifc->tunnel_vrf = NULL;
                return IOS_OK;
        }
        if (!ios_arg(c, 0) || ios_arg(c, 1))
                return IOS_UNKNOWN;
        ifc->tunnel_vrf_loc = c->loc;
        return (ifc->tunnel_vrf = ios_str(c, ios_arg(c, 0))) ? IOS_OK : IOS_OOM;
}

int ios_if_tunnel_key(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        ifc->is_tunnel = true;
        if (c->neg) {
                ifc->has_tunnel_key = false;
                return IOS_OK;
        }
        ifc->has_tunnel_key = lex_u32(ios_arg(c, 0), 0, 4294967295u, &ifc->tunnel_key);
        return ifc->has_tunnel_key ? IOS_OK : IOS_UNKNOWN;
}

/* ---- NHRP ---------------------------------------------------------------- */

static int push(struct ios_ctx *c, struct ptrvec *v, void *x)
{
        return ptrvec_push(&c->dev->arena, v, x) ? IOS_OOM : IOS_OK;
}

/* ip nhrp nhs T [nbma A] [multicast] [priority N] [cluster N]
 * ip nhrp nhs dynamic nbma A [multicast]
 * ip nhrp nhs cluster N max-connections M (a setting, no server) */
static int nhs(struct ios_ctx *c, struct nhrp *n, size_t i)
{
        const char *t = ios_arg(c, i);
        if (!t)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK; /* removal of one server: rare in a saved config */
        if (kw(t, "cluster") || kw(t, "fallback"))
                return IOS_OK;
        struct nhrp_nhs *s = model_alloc(c->dev, sizeof(*s));
        if (!s)
                return IOS_OOM;
        s->loc = c->loc;
        if (kw(t, "dynamic"))
                s->dynamic = true;
        else if (!(s->has_tunnel = lex_ipv4(t, &s->tunnel)) && !ios_is_placeholder(t))
                return kw(t, "ipv6") || strchr(t, ':') ? IOS_OK : IOS_UNKNOWN;
        for (size_t k = i + 1; ios_arg(c, k); k++) {
                const char *w = ios_arg(c, k);
                if (kw(w, "nbma") && ios_arg(c, k + 1)) {
                        s->has_nbma = lex_ipv4(ios_arg(c, ++k), &s->nbma);
                } else if ((kw(w, "priority") || kw(w, "cluster")) && ios_arg(c, k + 1)) {
                        k++;
                } else if (!kw(w, "multicast")) {
                        return IOS_UNKNOWN;
                }
        }
        return push(c, &n->nhs, s);
}

/* ip nhrp map T A | ip nhrp map multicast A|dynamic */
static int map(struct ios_ctx *c, struct nhrp *n, size_t i)
{
        const char *t = ios_arg(c, i), *a = ios_arg(c, i + 1);
        if (!t || !a)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct nhrp_map *m = model_alloc(c->dev, sizeof(*m));
        if (!m)
                return IOS_OOM;
        m->loc = c->loc;
        if (kw(t, "multicast")) {
                if (kw(a, "dynamic")) {
                        n->mcast_dynamic = true;
                        return IOS_OK;
                }
                if (!lex_ipv4(a, &m->nbma))
                        return ios_is_placeholder(a) ? IOS_OK : IOS_UNKNOWN;
                return push(c, &n->mcast, m);
        }
        if (!lex_ipv4(t, &m->tunnel) || !lex_ipv4(a, &m->nbma))
                return ios_is_placeholder(t) || ios_is_placeholder(a) ? IOS_OK : IOS_UNKNOWN;
        return push(c, &n->maps, m);
}

/* ip nhrp authentication S: the string is compared, never kept (util/secret.h). */
static int auth(struct ios_ctx *c, struct nhrp *n, size_t i)
{
        if (c->neg) {
                secret_set_unknown(&n->auth, SECRET_ABSENT);
                return IOS_OK;
        }
        if (!ios_secret(c, c->a + i, &n->auth))
                return IOS_UNKNOWN;
        n->auth_loc = c->loc;
        return IOS_OK;
}

int ios_if_nhrp(struct ios_ctx *c)
{
        struct iface *ifc = ios_obj(c);
        struct nhrp *n = &ifc->nhrp;
        const char *w = ios_arg(c, 0);
        if (!w)
                return IOS_UNKNOWN;
        n->on = n->on || !c->neg;
        if (kw(w, "network-id")) {
                n->has_network_id =
                    !c->neg && lex_u32(ios_arg(c, 1), 1, 4294967295u, &n->network_id);
                n->network_id_loc = c->loc;
                return c->neg || n->has_network_id ? IOS_OK : IOS_UNKNOWN;
        }
        if (kw(w, "nhs"))
                return nhs(c, n, 1);
        if (kw(w, "map"))
                return map(c, n, 1);
        if (kw(w, "authentication"))
                return auth(c, n, 1);
        if (kw(w, "redirect")) {
                n->redirect = !c->neg;
                return IOS_OK;
        }
        if (kw(w, "shortcut")) {
                n->shortcut = !c->neg;
                return IOS_OK;
        }
        /* holdtime, registration, server-only, cache, nhs-fallback, ...: known, not modelled */
        return IOS_OK;
}
