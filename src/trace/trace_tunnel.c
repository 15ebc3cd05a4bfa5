/*
 * Phase 4 when routing sends the packet into a tunnel interface: the
 * tunnel, not a crypto map on it, decides whether it is encrypted.
 * - a static VTI ("tunnel mode ipsec ipv4") encrypts everything routed into
 *   it with its ipsec profile (Cisco IPsec VTI guide);
 * - GRE / mGRE wraps the packet in GRE from the tunnel source to the
 *   destination (mGRE: the NBMA address NHRP resolves, the hub's until a
 *   shortcut forms), and that GRE packet is encrypted by the tunnel's
 *   profile, or by a crypto map on the interface the GRE packet leaves by
 *   (GRE over IPsec with a crypto map), or leaves in clear.
 */
#include <string.h>

#include "../util/ipv4.h"
#include "../model/query.h"
#include "../model/tunnel.h"
#include "trace_int.h"

/* Where an mGRE tunnel sends a packet for dst: a static NHRP mapping of the
 * next hop, else its first NHS (resolution goes through it). */
static bool mgre_peer(const struct iface *t, uint32_t dst, uint32_t *nbma)
{
        for (size_t i = 0; i < t->nhrp.maps.n; i++) {
                const struct nhrp_map *m = t->nhrp.maps.v[i];
                if (m->tunnel == dst) {
                        *nbma = m->nbma;
                        return true;
                }
        }
        for (size_t i = 0; i < t->nhrp.nhs.n; i++)
                if (nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], nbma))
                        return true;
        return false;
}

/* A GRE packet of tunnel t (no profile): a crypto map on its way out. */
static void gre_by_map(struct trace *t, struct trace_phase *p, const struct iface *tun,
                       uint32_t src, uint32_t dst)
{
        char a[16], b[16];
        struct flowbox gre = fb_any();
        gre.src = (struct range32){src, src};
        gre.dst = (struct range32){dst, dst};
        gre.proto = (struct range16){47, 47};
        const struct iface *out = model_route_lookup_vrf(t->dev, tun->tunnel_vrf, dst, NULL);
        struct cmap_hit h;
        if (out && cmap_lookup(t->dev, trace_if_key(out), &gre, &h) && h.entry && h.ace) {
                t->encrypted = true;
                t->crypto = h;
                tp_line(p, &h.entry->loc);
                tp_line(p, &h.ace->loc);
                tp_say(p,
                       " The GRE packet %s -> %s leaves %s, where crypto map %s seq %d "
                       "(access-list %s line %u) encrypts it.",
                       ipv4_str(src, a), ipv4_str(dst, b), trace_if_key(out), h.entry->map,
                       h.entry->seq, h.entry->match_acl ? h.entry->match_acl : "-",
                       (unsigned)h.ace->loc.line);
                return;
        }
        t->expected_crypto = false;
        tp_say(p,
               " %s has no tunnel protection and no crypto map takes the GRE packet %s -> %s: "
               "it leaves in clear.",
               tun->name, ipv4_str(src, a), ipv4_str(dst, b));
}

int trace_tunnel_crypto(struct trace *t, struct trace_phase *p)
{
        const struct iface *tun = t->out;
        char a[16], b[16];
        uint32_t src = 0, dst = 0;
        bool has_src = tunnel_source_addr(t->dev, tun, &src, NULL);
        bool has_dst = tun->tunnel_kind == TUNK_MGRE
                           ? mgre_peer(tun, t->pkt.dst, &dst)
                           : (dst = tun->tunnel_dest, tun->has_tunnel_dest);
        tp_line(p, &tun->loc);
        if (tun->tunnel_kind == TUNK_IPSEC) {
                if (!tun->tunnel_protection) {
                        p->verdict = TV_DROP;
                        tp_say(p,
                               "%s is a static VTI without tunnel protection: it cannot "
                               "carry the packet.",
                               tun->name);
                        return TP_NEXT;
                }
                t->encrypted = true;
                tp_line(p, &tun->tunnel_protection_loc);
                tp_say(p,
                       "Encrypted by %s, a static VTI: ipsec profile %s protects everything "
                       "routed into it (selectors any/any)",
                       tun->name, tun->tunnel_protection);
                if (has_dst)
                        tp_say(p, "; peer %s", ipv4_str(dst, b));
                tp_say(p, ".");
                return TP_NEXT;
        }
        tp_say(p, "Routed into %s (%s): GRE-encapsulated", tun->name,
               tun->tunnel_kind == TUNK_MGRE ? "mGRE, DMVPN" : "GRE");
        if (has_src)
                tp_say(p, " from %s", ipv4_str(src, a));
        if (has_dst)
                tp_say(p, " to %s%s", ipv4_str(dst, b),
                       tun->tunnel_kind == TUNK_MGRE ? " (its NHRP next hop)" : "");
        else if (tun->tunnel_kind == TUNK_MGRE)
                tp_say(p, " to the NBMA address NHRP resolves");
        if (tun->tunnel_vrf)
                tp_say(p, " in front-door VRF %s", tun->tunnel_vrf);
        tp_say(p, ".");
        if (tun->tunnel_protection) {
                t->encrypted = true;
                tp_line(p, &tun->tunnel_protection_loc);
                tp_say(p,
                       " The GRE packet is encrypted by tunnel protection ipsec profile %s "
                       "(selectors: GRE between the tunnel endpoints).",
                       tun->tunnel_protection);
                return TP_NEXT;
        }
        if (has_src && has_dst)
                gre_by_map(t, p, tun, src, dst);
        else
                tp_say(p,
                       " %s has no tunnel protection: the GRE packet leaves in clear unless a "
                       "crypto map on the outgoing interface takes it.",
                       tun->name);
        return TP_NEXT;
}
