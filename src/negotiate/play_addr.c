/*
 * Why an endpoint does not answer, by address (issue 10): the initiator
 * sends to an address the responder does not own (a copied config), and
 * the static NAT between the ends that makes an address reach the other.
 */
#include <stdio.h>
#include <string.h>

#include "../util/ipv4.h"
#include "play_int.h"
#include "side_int.h"

/* RFC 1918 private space and RFC 6598 shared address space: addresses that
 * reach the internet only through a NAT. */
static bool private_addr(uint32_t a)
{
        return (a >> 24) == 10 || (a >> 20) == 0xac1u || (a >> 16) == 0xc0a8u ||
               (a >> 22) == (100u << 2 | 1u);
}

/* The peer line of e that names addr, else the entry. */
static const struct loc *peer_line(const struct crypto_map_entry *e, uint32_t addr)
{
        for (size_t i = 0; i < e->peers.n; i++) {
                const struct cm_peer *pe = e->peers.v[i];
                if (pe->is_addr && pe->addr == addr && pe->loc.line)
                        return &pe->loc;
        }
        return &e->loc;
}

int play_misaddressed(struct play *pl, bool *stop)
{
        const struct side *a = pl->a, *b = pl->b;
        const struct crypto_map_entry *e = b->misaddressed_entry;
        char own[16], seq[12];
        ipv4_str(b->addr, own);
        snprintf(seq, sizeof(seq), "%d", e->seq);
        *stop = true;
        if (tr_step(pl, a->aggressive ? "AM1" : "MM1", true, false,
                    "UDP 500 -> %s: never answered (not an address of %s)", pl->b_ip, b->label))
                return -1;
        tr_end(pl, TUN_NO_RESPONSE, a->aggressive ? "AG_INIT_EXCH" : "MM_WAIT_MSG2", "");
        /* A private address on the responder and a public one in the
         * initiator's entry is what a NAT between them looks like: then the
         * finding names that condition (docs/severity.md). */
        bool nat_likely = private_addr(b->addr) && !private_addr(side_seen(b));
        const char *v[] = {"map", e->map, "seq", seq, "peer", pl->b_ip, "addr", own, NULL};
        struct finding *f =
            pf_report(pl, "peer-address-not-owned", a, peer_line(e, side_seen(b)), v);
        const struct iface *bi = side_iface_by_addr(b->dev, b->addr);
        char note[200];
        snprintf(note, sizeof(note),
                 "<pre-shared-key> is the key %s holds for %s (the same characters)", b->label,
                 pl->a_ip);
        if (!f || (bi && finding_evidence(pl->fs, f, &bi->loc)) ||
            (f->nfixes && !(f->fixes[f->nfixes - 1].note = arena_strdup(&pl->fs->arena, note))))
                return -1;
        /* then the printed fix (send to a private address) would be wrong:
         * the finding names the condition and prints none */
        if (nat_likely)
                f->severity = SEV_WARNING, f->nfixes = 0;
        if (finding_title(pl->fs, f,
                          "crypto map '%s' %d sends to %s, which is not an address of %s (its "
                          "crypto interface %s has %s)%s%s%s%s%s",
                          e->map, e->seq, pl->b_ip, b->label, b->ifname ? b->ifname : "?", own,
                          nat_likely ? ", unless a device between them translates " : "",
                          nat_likely ? pl->b_ip : "", nat_likely ? " to " : "",
                          nat_likely ? own : "",
                          nat_likely ? " (give its config as a third file, or --nat)" : ""))
                return -1;
        return tr_reason(pl,
                         "%s sends to %s, which is not an address of %s: its crypto interface "
                         "%s has %s (a copied config, or a NAT between them that was not given)",
                         a->label, pl->b_ip, b->label, b->ifname ? b->ifname : "?", own);
}

static int note_one(struct play *pl, const struct side *s)
{
        const struct nat_map *m = s->via_nat;
        char out[16], in[16], where[400] = " (--nat)";
        if (!m)
                return 0;
        if (m->loc && m->loc->file)
                snprintf(where, sizeof(where), " on %s (%s:%u)", m->device, m->loc->file,
                         m->loc->line);
        char buf[600];
        snprintf(buf, sizeof(buf), "%s is reached as %s through the static NAT %s -> %s%s",
                 s->label, ipv4_str(m->outside, out), out, ipv4_str(m->inside, in), where);
        return pl->t->reason ? tr_reason(pl, "%s; %s", pl->t->reason, buf)
                             : tr_reason(pl, "%s", buf);
}

int play_nat_note(struct play *pl)
{
        return note_one(pl, pl->b) || note_one(pl, pl->a);
}
