/*
 * multicast-over-tunnel: an ASA crypto ACL that lists multicast groups or a
 * routing protocol (EIGRP, OSPF, PIM) as interesting traffic expects
 * multicast to cross a crypto-map tunnel, which the ASA does not do.
 *
 * The readers skip "router ospf|eigrp" blocks and "multicast-routing", so
 * the model cannot say whether a routing protocol runs towards a tunnel;
 * what it can say is what the crypto ACLs ask to encrypt.
 */
#include "../model/in_use.h"
#include "checks_list.h"
#include "plat_common.h"

#define MCAST_LO 0xe0000000u /* 224.0.0.0/4 (RFC 5771) */
#define MCAST_HI 0xefffffffu

/* IANA protocol numbers of routing protocols that use multicast. */
static const struct {
        unsigned proto;
        const char *name;
} routing_protos[] = {{88, "EIGRP"}, {89, "OSPF"}, {103, "PIM"}};

/* What makes the box multicast-only, or NULL. */
static const char *multicast_kind(const struct flowbox *b)
{
        for (size_t i = 0; i < sizeof(routing_protos) / sizeof(routing_protos[0]); i++)
                if (b->proto.lo == routing_protos[i].proto &&
                    b->proto.hi == routing_protos[i].proto)
                        return routing_protos[i].name;
        if (b->dst.lo >= MCAST_LO && b->dst.hi <= MCAST_HI)
                return "multicast destinations";
        return NULL;
}

static int check_entry(struct check_ctx *c, const struct crypto_map_binding *b,
                       const struct crypto_map_entry *e)
{
        const struct acl *acl = e->match_acl ? model_get_acl(c->dev, e->match_acl) : NULL;
        for (size_t i = 0; acl && i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (a->remark || a->inactive || a->action != ACL_PERMIT || a->nboxes == 0)
                        continue;
                const char *kind = multicast_kind(&a->boxes[0]);
                if (!kind)
                        continue;
                struct finding *f = check_report(c, &a->loc);
                if (!f ||
                    finding_title(
                        c->fs, f,
                        "Crypto ACL '%s' of crypto map '%s' %d lists %s: the ASA does not "
                        "pass multicast through the tunnel",
                        acl->name, e->map, e->seq, kind) ||
                    finding_evidence(c->fs, f, &e->loc) || finding_evidence(c->fs, f, &b->loc))
                        return -1;
        }
        return 0;
}

int check_multicast_over_tunnel(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA && d->platform != PLAT_PIX)
                return 0;
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                const struct crypto_map *m =
                    b->map && iu_binding_reached(d, b) ? model_get_cmap(d, b->map) : NULL;
                for (size_t k = 0; m && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (!e->is_dynamic_ref && check_entry(c, b, e))
                                return -1;
                }
        }
        return 0;
}
