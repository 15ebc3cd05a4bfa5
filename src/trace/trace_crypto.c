/* Phase 4: which crypto map entry encrypts the packet, or why none does. */
#include <string.h>

#include "../util/ipv4.h"
#include "../model/acl_eval.h"
#include "trace_int.h"

static const char *peer_text(const struct crypto_map_entry *e, size_t i)
{
        const struct cm_peer *pr = i < e->peers.n ? e->peers.v[i] : NULL;
        return pr && pr->text ? pr->text : "?";
}

/* "crypto map M seq N (line L): access-list X line K permits it" */
static void say_hit(struct trace_phase *p, const struct cmap_hit *h)
{
        const struct crypto_map_entry *e = h->entry, *acl_of = h->dyn ? h->dyn : h->entry;
        tp_line(p, &e->loc);
        tp_say(p, "crypto map %s seq %d (line %u)", e->map, e->seq, (unsigned)e->loc.line);
        if (h->dyn) {
                tp_line(p, &h->dyn->loc);
                tp_say(p, " -> dynamic map %s seq %d (line %u), reached after every static entry",
                       h->dyn->map, h->dyn->seq, (unsigned)h->dyn->loc.line);
        }
        if (!h->ace) {
                tp_say(p, ": the dynamic entry has no 'match address', so it takes any traffic");
                return;
        }
        tp_line(p, &acl_of->match_loc);
        tp_line(p, &h->ace->loc);
        tp_say(p, ": access-list %s line %u permits it", acl_of->match_acl,
               (unsigned)h->ace->loc.line);
}

static void say_peers(struct trace_phase *p, const struct cmap_hit *h)
{
        const struct crypto_map_entry *e = h->dyn ? h->dyn : h->entry;
        if (h->dyn || e->peers.n == 0) {
                tp_say(p, "; the peer is whoever connected: a dynamic entry only answers, so the "
                          "packet is encrypted only while that peer's tunnel is up.");
                return;
        }
        tp_line(p, &((const struct cm_peer *)e->peers.v[0])->loc);
        tp_say(p, "; peer %s", peer_text(e, 0));
        for (size_t i = 1; i < e->peers.n; i++)
                tp_say(p, "%s%s", i == 1 ? " (then backup " : ", ", peer_text(e, i));
        tp_say(p, "%s.", e->peers.n > 1 ? ", in that order)" : "");
}

/* Static entries passed over on the way: a deny ACE or a missing ACL. */
static int explain_skips(struct trace *t, struct trace_phase *p, const struct crypto_map *m,
                         const struct flowbox *flow, struct findings *fs, bool *denied)
{
        for (size_t i = 0; i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                if (e == t->crypto.entry)
                        break;
                if (e->is_dynamic_ref || e->ipsec_manual || !e->match_acl)
                        continue;
                const struct acl *acl = model_get_acl(t->dev, e->match_acl);
                if (!acl) {
                        tp_line(p, &e->match_loc);
                        tp_say(p, "Seq %d names access-list %s, which does not exist. ", e->seq,
                               e->match_acl);
                        if (tf_crypto_acl_missing(t, fs, e))
                                return -1;
                        continue;
                }
                struct acl_match am = acl_first_match(acl, flow);
                if (am.res == ACL_RES_DENY) {
                        tp_line(p, &am.ace->loc);
                        tp_say(p,
                               "Seq %d: access-list %s line %u denies it, so it falls to the next "
                               "entry. ",
                               e->seq, e->match_acl, (unsigned)am.ace->loc.line);
                        *denied = true;
                }
        }
        return 0;
}

/* The first static entry that protects traffic to dst from anywhere. */
static const struct crypto_map_entry *
entry_for_dst(const struct trace *t, const struct crypto_map *m, const struct ace **ace)
{
        struct flowbox to = fb_any();
        to.dst.lo = to.dst.hi = t->pkt.dst;
        for (size_t i = 0; m && i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                if (e->is_dynamic_ref || !e->match_acl)
                        continue;
                struct acl_cover c = acl_cover_box(model_get_acl(t->dev, e->match_acl), &to, 0);
                if (c.first_permit) {
                        *ace = c.first_permit;
                        return e;
                }
        }
        return NULL;
}

/* Not encrypted: says why, and reports the diagnosis that explains it. */
static int why_not(struct trace *t, struct trace_phase *p, struct findings *fs,
                   const struct crypto_map_entry *catchall)
{
        char a[16], b[16];
        struct flowbox pre = tp_flow(t), post = tp_flow_post_nat(t);
        struct cmap_hit h;
        const char *key = trace_if_key(t->out);
        const struct crypto_map *m = t->crypto.map;
        bool denied = false;
        if (t->translated && cmap_lookup(t->dev, key, &pre, &h) && h.ace) {
                t->expected_crypto = true;
                p->verdict = TV_DROP;
                tp_say(p, "Not encrypted, because NAT changed the source: ");
                say_hit(p, &h);
                tp_say(p,
                       " for the real source %s, but NAT (line %u) turns it into %s, which no "
                       "entry permits. This is nat-exemption-missing.",
                       ipv4_str(t->pkt.src, a), (unsigned)t->nat->loc.line,
                       t->xlate_known ? ipv4_str(t->xlate_src, b) : "a pool address");
                return tf_nat_exemption_missing(t, fs, &h);
        }
        if (m && explain_skips(t, p, m, &post, fs, &denied))
                return -1;
        const struct ace *ace = NULL;
        const struct crypto_map_entry *e = t->from_box ? entry_for_dst(t, m, &ace) : NULL;
        if (e) {
                t->expected_crypto = true;
                p->verdict = TV_DROP;
                tp_line(p, &ace->loc);
                tp_say(p,
                       "Not encrypted, because the source %s is the device's own address: crypto "
                       "map %s seq %d protects traffic to %s only from the networks of access-list "
                       "%s (line %u). See ping-source-not-interesting.",
                       ipv4_str(t->pkt.src, a), e->map, e->seq, ipv4_str(t->pkt.dst, b),
                       e->match_acl, (unsigned)ace->loc.line);
                return tf_ping_source(t, fs, e, ace);
        }
        if (!m)
                tp_say(p, "Not encrypted, because no crypto map is bound to %s.", key);
        else if (denied)
                tp_say(p,
                       "Not encrypted, because a crypto ACL denies it and no later entry of %s "
                       "permits it.",
                       m->name);
        else if (catchall && (tp_line(p, &catchall->loc), true))
                tp_say(p,
                       "Not encrypted, because no static entry of crypto map %s permits it; the "
                       "dynamic entry seq %d has no 'match address' and carries only the traffic "
                       "of tunnels that peers built (a remote-access client's own address).",
                       m->name, catchall->seq);
        else
                tp_say(p, "Not encrypted, because no entry of crypto map %s permits it.", m->name);
        const struct iface *cif = tp_other_crypto_iface(t, &post, t->out, &h);
        if (!cif)
                return 0;
        t->expected_crypto = true;
        p->verdict = TV_DROP;
        tp_say(p,
               " Crypto map %s on %s would encrypt it, but routing sends it out %s: see "
               "route-to-remote-missing.",
               h.map->name, trace_if_key(cif), key);
        return tf_route_to_remote_missing(t, fs, cif, &h);
}

int trace_crypto(struct trace *t, struct findings *fs)
{
        struct trace_phase *p = tp_begin(t, TT_CRYPTO, TV_ALLOW);
        if (t->decrypted) {
                tp_say(p, "Arrived decrypted from the tunnel: the reverse packet matches ");
                say_hit(p, &t->inbound);
                say_peers(p, &t->inbound);
                return TP_NEXT;
        }
        /* A tunnel interface without a crypto map of its own: the tunnel decides. */
        if (t->out && t->out->is_tunnel && !cmap_bound_to(t->dev, trace_if_key(t->out)))
                return trace_tunnel_crypto(t, p);
        struct flowbox post = tp_flow_post_nat(t);
        bool hit = !(t->translated && !t->xlate_known) &&
                   cmap_lookup(t->dev, trace_if_key(t->out), &post, &t->crypto);
        if (!hit && !t->crypto.map) {
                /* a map may be bound that has no entries at all */
                const char *name = cmap_bound_to(t->dev, trace_if_key(t->out));
                t->crypto.map = name ? model_get_cmap(t->dev, name) : NULL;
        }
        const struct crypto_map_entry *catchall = NULL;
        if (hit && t->crypto.dyn && !t->crypto.ace) {
                /* Outbound, such an entry only matches the SAs peers set up. */
                catchall = t->crypto.entry;
                hit = false;
        }
        if (hit) {
                bool denied = false;
                if (explain_skips(t, p, t->crypto.map, &post, fs, &denied))
                        return TP_OOM;
                t->encrypted = true;
                tp_say(p, "Encrypted by ");
                say_hit(p, &t->crypto);
                say_peers(p, &t->crypto);
                return TP_NEXT;
        }
        p->verdict = TV_INFO;
        t->crypto.entry = t->crypto.dyn = NULL;
        t->crypto.ace = NULL;
        return why_not(t, p, fs, catchall) ? TP_OOM : TP_NEXT;
}
