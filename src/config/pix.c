/*
 * PIX 6.x syntax that ASA 7+ dropped: "nameif HW NAME securityN",
 * "ip address IF A M", one-line "isakmp ..." commands with PIX keys,
 * and PIX-only features that are known but not modelled (fixup, conduit,
 * vpngroup, ...). The rest of PIX 6 (access-list, nat, global, static,
 * crypto map, route) shares the ASA handlers.
 */
#include "asa.h"

#include <string.h>
#include <strings.h>

/* nameif ethernet0 outside security0 */
static int on_nameif(struct asa_ctx *c, size_t i)
{
        const char *hw = asa_w(c, i), *name = asa_w(c, i + 1), *sec = asa_w(c, i + 2);
        int lvl;
        if (!hw || !name || !sec || strncasecmp(sec, "security", 8) ||
            !lex_int(sec + 8, 0, 100, &lvl))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct iface *f = model_obtain_iface(c->dev, hw, &c->loc);
        if (!f || model_set_nameif(c->dev, f, name))
                return ASA_OOM;
        f->security_level = lvl;
        return ASA_OK;
}

/* ip address IF A M | ip address IF dhcp [setroute] */
static int on_ip_address(struct asa_ctx *c, size_t i)
{
        struct iface *f = model_get_nameif(c->dev, asa_w(c, i) ? asa_w(c, i) : "");
        uint32_t a, m;
        if (!f)
                return ASA_UNKNOWN;
        if (kw(asa_w(c, i + 1), "dhcp")) {
                f->dhcp = !c->no;
                for (size_t k = i + 2; f->dhcp && k < c->n; k++)
                        if (kw(asa_w(c, k), "setroute"))
                                return asa_dhcp_default_route(c, f->nameif);
                return ASA_OK;
        }
        if (c->no && !asa_w(c, i + 1)) { /* "no ip address intf2": none */
                f->has_addr = false;
                return ASA_OK;
        }
        if (!asa_addr(c, asa_w(c, i + 1), &a) || !asa_mask(asa_w(c, i + 2), &m))
                return ASA_UNKNOWN;
        f->has_addr = !c->no;
        f->addr = a;
        f->mask = m;
        return ASA_OK;
}

/* vpngroup G address-pool P: the pool the group's clients get (PIX 6.3
 * command reference, vpngroup); the other vpngroup lines are known and not
 * modelled. */
static int on_vpngroup(struct asa_ctx *c, size_t i)
{
        const char *p = asa_w(c, i + 2);
        if (c->no || !kw(asa_w(c, i + 1), "address-pool") || !p)
                return asa_known(c, i);
        char *name = asa_dup(c, p);
        return !name || ptrvec_push(&c->dev->arena, &c->dev->pool_refs, name) ? ASA_OOM : ASA_OK;
}

/* isakmp key K address A [netmask M] [no-xauth] [no-config-mode] */
static int on_isakmp_key(struct asa_ctx *c, size_t i)
{
        const char *k = asa_w(c, i);
        uint32_t a, m = 0xffffffffu;
        if (!k || !kw(asa_w(c, i + 1), "address") || !asa_addr(c, asa_w(c, i + 2), &a))
                return ASA_UNKNOWN;
        bool no_xauth = false;
        for (size_t j = i + 3; j < c->n; j++) {
                if (kw(asa_w(c, j), "netmask") && asa_mask(asa_w(c, j + 1), &m))
                        j++;
                else if (kw(asa_w(c, j), "no-xauth"))
                        no_xauth = true;
                else if (!kw(asa_w(c, j), "no-config-mode"))
                        return ASA_UNKNOWN;
        }
        if (c->no)
                return ASA_OK;
        struct psk *p = asa_new(c, sizeof(*p));
        if (!p || ptrvec_push(&c->dev->arena, &c->dev->psks, p))
                return ASA_OOM;
        p->source = PSK_PIX;
        p->has_addr = true;
        p->addr = a;
        p->mask = m;
        p->no_xauth = no_xauth;
        asa_secret(&p->key, k, false);
        return ASA_OK;
}

const struct asa_cmd pix_cmds[] = {
    {{"nameif"}, on_nameif},
    {{"ip", "address"}, on_ip_address},
    {{"isakmp", "policy"}, asa_on_p1_policy},
    {{"isakmp", "enable"}, asa_on_ikev1_enable},
    {{"isakmp", "key"}, on_isakmp_key, SEM_FLAGS(SEM_KEY_ADDR)},
    {{"isakmp", "identity"}, asa_on_identity, SEM_PREFIX(2)},
    {{"isakmp", "keepalive"}, asa_on_keepalive},
    {{"isakmp", "nat-traversal"}, asa_on_nat_t, SEM_PREFIX_NEG(2)},
    {{"isakmp", "client"}, asa_known},
    {{"isakmp", "peer"}, asa_known},
    {{"isakmp", "log"}, asa_known},
    {{"fixup"}, asa_known},
    {{"conduit"}, asa_known},
    {{"outbound"}, asa_known},
    {{"apply"}, asa_known},
    {{"vpngroup"}, on_vpngroup},
    {{"vpdn"}, asa_known},
    {{"floodguard"}, asa_known},
    {{"pdm"}, asa_known},
    {{"ca"}, asa_known},
    {{"rip"}, asa_known},
    {{"ip", "verify"}, asa_known},
    {{"ip", "domain-name"}, asa_known},
    {{0}, NULL},
};
