/* The catalog findings a trace reveals, with fixes in the device's syntax. */
#include <string.h>

#include "../checks/check.h"
#include "../util/ipv4.h"
#include "trace_int.h"

struct netstr {
        char net[16], mask[16], wild[16];
};

/* A range as network/mask when it is one prefix, else the host h. */
static void net_of(const struct range32 *r, uint32_t h, struct netstr *o)
{
        uint32_t span = r ? r->hi - r->lo : 0;
        bool prefix = r && (span & (span + 1)) == 0 && (r->lo & span) == 0;
        uint32_t net = prefix ? r->lo : h, mask = prefix ? ~span : 0xffffffffu;
        ipv4_str(net, o->net);
        ipv4_str(mask, o->mask);
        ipv4_str(~mask, o->wild);
}

/* The ACE's box that holds the packet (for the local/remote networks). */
static const struct flowbox *box_of(const struct ace *a, const struct flowbox *pkt)
{
        for (size_t i = 0; a && i < a->nboxes; i++)
                if (fb_contains(&a->boxes[i], pkt))
                        return &a->boxes[i];
        return NULL;
}

static int fix(struct trace *t, struct findings *fs, struct finding *f, const char *const *vars)
{
        struct check_ctx c = {t->dev, fs, f->diag->id};
        return check_fix(&c, f, vars);
}

static const char *first_peer(const struct cmap_hit *h)
{
        const struct crypto_map_entry *e = h->dyn ? h->dyn : h->entry;
        const struct cm_peer *p = e && e->peers.n ? e->peers.v[0] : NULL;
        return p ? p->text : NULL;
}

/* ASA < 8.3 / PIX: the ACL of an existing "nat (if) 0 access-list", so the
 * fix extends it instead of adding a second exemption. */
static const char *nat0_acl(const struct trace *t)
{
        for (size_t i = 0; i < t->dev->nat_rules.n; i++) {
                const struct nat_rule *r = t->dev->nat_rules.v[i];
                if (r->kind == NAT_LEGACY_EXEMPT && r->real_if &&
                    !strcmp(r->real_if, trace_if_key(t->in)))
                        return r->match_acl;
        }
        return "inside_nat0_outbound"; /* the name ASDM gives it */
}

int tf_nat_exemption_missing(struct trace *t, struct findings *fs, const struct cmap_hit *pre)
{
        char a[16], b[16], x[16];
        struct flowbox pkt = tp_flow(t);
        struct finding *f = finding_add(fs, "nat-exemption-missing", t->dev, &t->nat->loc);
        if (!f || finding_evidence(fs, f, &pre->ace->loc) ||
            finding_evidence(fs, f, &pre->entry->loc))
                return -1;
        const char *peer = first_peer(pre);
        if (peer && finding_set_peer(fs, f, peer))
                return -1;
        if (finding_explain(
                fs, f,
                "NAT runs before the crypto map. The packet %s -> %s is translated by "
                "the NAT rule at line %u (source %s) before crypto map %s seq %d looks "
                "at it; that entry's access-list %s permits the real source only (line "
                "%u), so the packet leaves %s unencrypted. Exempt this traffic from NAT.",
                ipv4_str(t->pkt.src, a), ipv4_str(t->pkt.dst, b), (unsigned)t->nat->loc.line,
                t->xlate_known ? ipv4_str(t->xlate_src, x) : "from a pool", pre->entry->map,
                pre->entry->seq, (pre->dyn ? pre->dyn : pre->entry)->match_acl,
                (unsigned)pre->ace->loc.line, trace_if_key(t->out)))
                return -1;
        const struct flowbox *box = box_of(pre->ace, &pkt);
        struct netstr l, r;
        net_of(box ? &box->src : NULL, t->pkt.src, &l);
        net_of(box ? &box->dst : NULL, t->pkt.dst, &r);
        const char *acl = t->dev->platform == PLAT_IOS ? t->nat->match_acl : nat0_acl(t);
        const char *vars[] = {"acl",         acl,
                              "local_net",   l.net,
                              "local_mask",  l.mask,
                              "local_wild",  l.wild,
                              "remote_net",  r.net,
                              "remote_mask", r.mask,
                              "remote_wild", r.wild,
                              "nat_if",      trace_if_key(t->in),
                              "if",          trace_if_key(t->out),
                              NULL};
        return fix(t, fs, f, vars);
}

/* A next hop that an existing route through cif uses (the default route). */
static const char *nexthop_via(const struct trace *t, const struct iface *cif, char buf[16])
{
        const char *key = trace_if_key(cif);
        for (size_t i = 0; i < t->dev->routes.n; i++) {
                const struct route *r = t->dev->routes.v[i];
                if (!r->has_nexthop)
                        continue;
                /* IOS routes name no interface: a next hop on cif's network will do */
                if ((r->ifname && !strcmp(r->ifname, key)) ||
                    (!r->ifname && cif->has_addr &&
                     (r->nexthop & cif->mask) == (cif->addr & cif->mask)))
                        return ipv4_str(r->nexthop, buf);
        }
        return NULL;
}

int tf_route_to_remote_missing(struct trace *t, struct findings *fs, const struct iface *cif,
                               const struct cmap_hit *hit)
{
        char a[16], nh[16];
        const struct route *via = NULL;
        struct flowbox pkt = tp_flow(t);
        model_route_lookup(t->dev, t->pkt.dst, &via);
        struct finding *f = finding_add(fs, "route-to-remote-missing", t->dev, &hit->entry->loc);
        if (!f || (hit->ace && finding_evidence(fs, f, &hit->ace->loc)) ||
            (via && finding_evidence(fs, f, &via->loc)))
                return -1;
        const char *peer = first_peer(hit);
        if (peer && finding_set_peer(fs, f, peer))
                return -1;
        if (finding_explain(fs, f,
                            "Crypto map %s seq %d on %s would encrypt traffic to %s, but %s. A "
                            "packet is encrypted only when routing sends it out the interface that "
                            "carries the crypto map.",
                            hit->entry->map, hit->entry->seq, trace_if_key(cif),
                            ipv4_str(t->pkt.dst, a),
                            t->out ? "routing sends it out another interface"
                                   : "no route covers that destination"))
                return -1;
        const struct flowbox *box = box_of(hit->ace, &pkt);
        struct netstr r;
        net_of(box ? &box->dst : NULL, t->pkt.dst, &r);
        const char *vars[] = {"remote_net",      r.net,     "remote_mask",           r.mask, "if",
                              trace_if_key(cif), "nexthop", nexthop_via(t, cif, nh), NULL};
        return fix(t, fs, f, vars);
}

int tf_sysopt_permit_vpn_off(struct trace *t, struct findings *fs, const struct loc *acl_line,
                             const char *why)
{
        const struct sysopt *so = &t->dev->sysopt;
        const struct loc *sys =
            so->permit_vpn != TRI_UNSET ? &so->permit_vpn_loc : &so->permit_ipsec_loc;
        const struct crypto_map_entry *e = t->inbound.dyn ? t->inbound.dyn : t->inbound.entry;
        /* With the sysopt left at its default there is no line: point at the
         * tunnel whose traffic is dropped. */
        const struct loc *at = sys->line ? sys : acl_line ? acl_line : &e->loc;
        struct finding *f = finding_add(fs, "sysopt-permit-vpn-off", t->dev, at);
        if (!f || (at != acl_line && acl_line && finding_evidence(fs, f, acl_line)))
                return -1;
        const char *peer = first_peer(&t->inbound);
        if (peer && finding_set_peer(fs, f, peer))
                return -1;
        if (finding_explain(fs, f,
                            "Traffic decrypted from the tunnel of crypto map %s seq %d arrives "
                            "on %s and is checked against that interface's rules, because the "
                            "sysopt that lets VPN traffic bypass them is off (%s). %s",
                            e->map, e->seq, trace_if_key(t->in),
                            sys->line ? "configured so" : "the default for this version", why))
                return -1;
        const char *vars[] = {NULL};
        return fix(t, fs, f, vars);
}

int tf_crypto_acl_missing(struct trace *t, struct findings *fs, const struct crypto_map_entry *e)
{
        struct netstr l, r;
        struct finding *f = finding_add(fs, "crypto-acl-missing", t->dev,
                                        e->match_loc.line ? &e->match_loc : &e->loc);
        if (!f)
                return -1;
        net_of(NULL, t->pkt.src, &l);
        net_of(NULL, t->pkt.dst, &r);
        const char *vars[] = {"acl",         e->match_acl, "local_net",   l.net,
                              "local_mask",  l.mask,       "local_wild",  l.wild,
                              "remote_net",  r.net,        "remote_mask", r.mask,
                              "remote_wild", r.wild,       NULL};
        return fix(t, fs, f, vars);
}

/* An interface inside the networks the crypto ACE protects: the source to test from. */
static const char *inside_if(const struct trace *t, const struct ace *a)
{
        for (size_t i = 0; i < t->dev->ifaces.n; i++) {
                const struct iface *f = t->dev->ifaces.v[i];
                for (size_t j = 0; f->has_addr && j < a->nboxes; j++)
                        if (f->addr >= a->boxes[j].src.lo && f->addr <= a->boxes[j].src.hi)
                                return trace_if_key(f);
        }
        return NULL;
}

int tf_ping_source(struct trace *t, struct findings *fs, const struct crypto_map_entry *e,
                   const struct ace *a)
{
        char d[16];
        struct finding *f = finding_add(fs, "ping-source-not-interesting", t->dev, &e->loc);
        if (!f || finding_evidence(fs, f, &a->loc))
                return -1;
        const char *vars[] = {"remote_net", ipv4_str(t->pkt.dst, d), "nat_if", inside_if(t, a),
                              NULL};
        return fix(t, fs, f, vars);
}
