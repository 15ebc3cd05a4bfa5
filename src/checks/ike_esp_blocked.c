/*
 * ike-esp-blocked (config): the IOS router's own inbound ACL on the
 * interface that carries the crypto map drops IKE or ESP from a peer.
 *
 * IOS filters traffic to the router itself with "ip access-group X in"
 * (the ACL sees the packets before they are decrypted), so UDP 500 and
 * ESP from each peer must be permitted there. The decision, since one
 * config cannot tell whether a NAT sits between the peers: UDP 500 denied
 * is reported; ESP denied is reported (it is what carries the data unless
 * NAT-T is in use) and says whether UDP 4500 is open; UDP 4500 alone
 * denied is not reported (it matters only behind a NAT).
 *
 * ASA/PIX are not checked: "access-group ... in interface" ACLs filter
 * traffic through the appliance, not IKE/ESP that terminates on it (Cisco
 * ASA Series Firewall CLI Configuration Guide, "Access Rules": to-the-box
 * management traffic is controlled by the control-plane option and the
 * management-access commands, not by interface access rules), and whether
 * VPN clients sit behind the ASA's own NAT is not in a config.
 */
#include <stdio.h>

#include "../model/acl_eval.h"
#include "aclnat_util.h"
#include "checks_list.h"

static bool denied(const struct acl *acl, uint32_t peer, const struct iface *f, uint8_t proto,
                   uint16_t port)
{
        struct flowbox b = fb_any();
        b.src = (struct range32){peer, peer};
        if (f->has_addr)
                b.dst = (struct range32){f->addr, f->addr};
        b.proto = (struct range16){proto, proto};
        if (port)
                b.sport = b.dport = (struct range16){port, port};
        struct acl_cover cv = acl_cover_box(acl, &b, 1024);
        return !cv.inexact && cv.cover == COVER_NONE;
}

static int report(struct check_ctx *c, const struct iface *f, const struct crypto_map_entry *e,
                  const struct cm_peer *p, const struct acl *acl, const char *what)
{
        struct finding *fd = check_report(c, &f->loc);
        if (!fd ||
            finding_title(c->fs, fd,
                          "ACL '%s' in on '%s' drops %s from peer %s (crypto map '%s' %d)",
                          acl->name, f->name, what, p->text, e->map, e->seq) ||
            finding_evidence(c->fs, fd, &acl->loc) || finding_evidence(c->fs, fd, &p->loc) ||
            finding_set_peer(c->fs, fd, p->text))
                return -1;
        const char *vars[] = {"acl", acl->name, "peer", p->text, "if", f->name, NULL};
        return check_fix(c, fd, vars);
}

static int check_peer(struct check_ctx *c, const struct iface *f, const struct acl *acl,
                      const struct crypto_map_entry *e, const struct cm_peer *p)
{
        bool ike = denied(acl, p->addr, f, PROTO_UDP, 500);
        bool esp = denied(acl, p->addr, f, PROTO_ESP, 0);
        bool natt = denied(acl, p->addr, f, PROTO_UDP, 4500);
        if (!ike && !esp)
                return 0;
        const char *what = ike && esp ? (natt ? "IKE (UDP 500), NAT-T (UDP 4500) and ESP"
                                              : "IKE (UDP 500) and ESP")
                           : ike      ? "IKE (UDP 500)"
                           : natt     ? "ESP and NAT-T (UDP 4500)"
                                      : "ESP (the tunnel works only through NAT-T, UDP 4500)";
        return report(c, f, e, p, acl, what);
}

int check_ike_esp_blocked(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_IOS)
                return 0;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                const struct crypto_map *m =
                    f->crypto_map ? model_get_cmap(d, f->crypto_map) : NULL;
                /* IOS applies an undefined ACL as "permit all" */
                const struct acl *acl = f->acl_in ? model_get_acl(d, f->acl_in) : NULL;
                if (!m || !acl || f->shutdown)
                        continue;
                for (size_t e = 0; e < m->entries.n; e++) {
                        const struct crypto_map_entry *en = m->entries.v[e];
                        for (size_t p = 0; p < en->peers.n; p++) {
                                const struct cm_peer *pe = en->peers.v[p];
                                if (pe->is_addr && check_peer(c, f, acl, en, pe))
                                        return -1;
                        }
                }
        }
        return 0;
}
