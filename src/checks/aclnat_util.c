/* Crypto ACL boxes and address text for the acl_nat checks (aclnat_util.h). */
#include "aclnat_util.h"

#include "check.h"
#include "../model/in_use.h"
#include "../model/tunnel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int push(struct cboxes *s, const struct cbox *b)
{
        if (s->n == s->cap) {
                size_t cap = s->cap ? s->cap * 2 : 64;
                struct cbox *v = realloc(s->v, cap * sizeof(*v));
                if (!v)
                        return -1;
                s->v = v, s->cap = cap;
        }
        s->v[s->n++] = *b;
        return 0;
}

static int add_entry(const struct device *dev, struct cboxes *out, struct cbox *proto)
{
        const struct acl *acl = model_get_acl(dev, proto->entry->match_acl);
        for (size_t a = 0; acl && a < acl->aces.n; a++) {
                const struct ace *ace = acl->aces.v[a];
                if (ace->remark || ace->inactive || ace->action != ACL_PERMIT)
                        continue;
                if (ace->inexact) {
                        out->inexact = true;
                        continue;
                }
                proto->ace = ace;
                for (size_t b = 0; b < ace->nboxes; b++) {
                        proto->box = ace->boxes[b];
                        if (push(out, proto))
                                return -1;
                }
        }
        return 0;
}

int cboxes_collect(const struct device *dev, struct cboxes *out)
{
        memset(out, 0, sizeof(*out));
        size_t eidx = 0;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = bd->map ? model_get_cmap(dev, bd->map) : NULL;
                if (!m || m->dynamic || !bd->ifname)
                        continue;
                for (size_t e = 0; e < m->entries.n; e++) {
                        const struct crypto_map_entry *en = m->entries.v[e];
                        if (en->is_dynamic_ref || en->ipsec_manual || !en->match_acl)
                                continue;
                        struct cbox proto = {
                            .entry = en, .ifname = bd->ifname, .map_idx = i, .entry_idx = eidx++};
                        if (add_entry(dev, out, &proto))
                                return -1;
                }
        }
        return 0;
}

void cboxes_free(struct cboxes *s)
{
        free(s->v);
        memset(s, 0, sizeof(*s));
}

const char *iface_id(const struct iface *f)
{
        return f->nameif ? f->nameif : f->name;
}

bool iface_is(const struct iface *f, const char *ifname)
{
        return f && ifname &&
               ((f->nameif && !strcmp(f->nameif, ifname)) || (f->name && !strcmp(f->name, ifname)));
}

const struct iface *route_range(const struct device *dev, struct range32 r, bool *specific)
{
        /* The lookup counts the default route of an IOS "ip address dhcp"
         * interface (model/query.c): found with no route and on an interface
         * that has no address, so it cannot be a connected network. */
        const struct route *v1 = NULL, *v2 = NULL;
        const struct iface *a = model_route_lookup_vrf(dev, NULL, r.lo, &v1);
        const struct iface *b = r.hi == r.lo ? a : model_route_lookup_vrf(dev, NULL, r.hi, &v2);
        if (r.hi == r.lo)
                v2 = v1;
        bool dhcp_default = (a && !v1 && a->dhcp) || (b && !v2 && b->dhcp);
        *specific = !(v1 && v1->mask == 0) && !(v2 && v2->mask == 0) && !dhcp_default;
        return a == b ? a : NULL;
}

void ip_text(uint32_t a, char *buf, size_t n)
{
        snprintf(buf, n, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

/* The prefix length when r is exactly one prefix, else -1. */
static int prefix_of(struct range32 r)
{
        for (int len = 0; len <= 32; len++) {
                uint32_t mask = len ? ~0u << (32 - len) : 0;
                if ((r.lo & ~mask) == 0 && (r.lo | ~mask) == r.hi)
                        return len;
        }
        return -1;
}

void range_text(struct range32 r, char *buf, size_t n)
{
        char a[16], b[16];
        int len = prefix_of(r);
        ip_text(r.lo, a, sizeof(a));
        if (len == 0)
                snprintf(buf, n, "any");
        else if (len == 32)
                snprintf(buf, n, "%s", a);
        else if (len > 0)
                snprintf(buf, n, "%s/%d", a, len);
        else {
                ip_text(r.hi, b, sizeof(b));
                snprintf(buf, n, "%s-%s", a, b);
        }
}

static void proto_text(const struct flowbox *x, char *buf, size_t n)
{
        if (x->proto.lo == 0 && x->proto.hi == 255)
                snprintf(buf, n, "ip");
        else if (x->proto.lo == x->proto.hi && x->proto.lo == PROTO_TCP)
                snprintf(buf, n, "tcp");
        else if (x->proto.lo == x->proto.hi && x->proto.lo == PROTO_UDP)
                snprintf(buf, n, "udp");
        else if (x->proto.lo == x->proto.hi)
                snprintf(buf, n, "protocol %u", x->proto.lo);
        else
                snprintf(buf, n, "protocols %u-%u", x->proto.lo, x->proto.hi);
}

static size_t port_text(const char *side, struct range16 p, char *buf, size_t n)
{
        if (p.lo == 0 && p.hi == 65535)
                return 0;
        int w = p.lo == p.hi ? snprintf(buf, n, " %s port %u", side, p.lo)
                             : snprintf(buf, n, " %s ports %u-%u", side, p.lo, p.hi);
        return w < 0 ? 0 : (size_t)w < n ? (size_t)w : n - 1;
}

void box_text(const struct flowbox *b, char *buf, size_t n)
{
        char s[40], d[40], p[24];
        range_text(b->src, s, sizeof(s));
        range_text(b->dst, d, sizeof(d));
        proto_text(b, p, sizeof(p));
        int w = snprintf(buf, n, "%s -> %s %s", s, d, p);
        size_t used = w < 0 ? 0 : (size_t)w < n ? (size_t)w : n - 1;
        used += port_text("source", b->sport, buf + used, n - used);
        port_text("destination", b->dport, buf + used, n - used);
}

void net_vars(struct range32 r, struct netvars *out)
{
        uint32_t mask = ~0u;
        while (mask && (r.lo & mask) != (r.hi & mask))
                mask <<= 1;
        ip_text(r.lo & mask, out->net, sizeof(out->net));
        ip_text(mask, out->mask, sizeof(out->mask));
        ip_text(~mask, out->wild, sizeof(out->wild));
}

const char *entry_peer(const struct crypto_map_entry *e)
{
        if (e->peers.n == 0)
                return NULL;
        const struct cm_peer *p = e->peers.v[0];
        return p->text;
}

bool acl_has_permit(const struct acl *acl)
{
        for (size_t i = 0; acl && i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (!a->remark && !a->inactive && a->action == ACL_PERMIT)
                        return true;
        }
        return false;
}

/* The ACLs a rule exempts with, and whether their permits (ASA) or denies
 * (IOS) are the exemption. At most one list ACL plus route-map ACLs. */
static bool rule_exempt_action(const struct nat_rule *r, enum acl_action *act)
{
        if (r->inactive)
                return false;
        if (r->kind == NAT_LEGACY_EXEMPT)
                return *act = ACL_PERMIT, true;
        if (r->kind == NAT_IOS_INSIDE_SOURCE)
                return *act = ACL_DENY, true;
        return false;
}

int nat_exempt_acls(struct check_ctx *c, const struct nat_rule *r, acl_visit fn, void *ctx)
{
        enum acl_action act;
        if (!rule_exempt_action(r, &act))
                return 0;
        const struct device *d = c->dev;
        if (r->match_acl && model_get_acl(d, r->match_acl))
                return fn(c, r, model_get_acl(d, r->match_acl), act, ctx);
        for (size_t i = 0; r->match_route_map && i < d->route_maps.n; i++) {
                const struct route_map_entry *e = d->route_maps.v[i];
                if (!e->permit || strcmp(e->name, r->match_route_map) != 0)
                        continue;
                for (size_t a = 0; a < e->match_acls.n; a++) {
                        const struct acl *acl = model_get_acl(d, e->match_acls.v[a]);
                        if (acl && fn(c, r, acl, act, ctx))
                                return -1;
                }
        }
        return 0;
}

static bool src_remote(const struct device *dev, const struct cbox *b)
{
        if (b->box.src.lo == 0 && b->box.src.hi == UINT32_MAX)
                return false; /* "any" is nobody's network */
        bool specific;
        const struct iface *f = route_range(dev, b->box.src, &specific);
        return f && iface_is(f, b->ifname);
}

static bool dst_local(const struct device *dev, const struct cbox *b, const struct iface **out)
{
        bool specific;
        const struct iface *f = route_range(dev, b->box.dst, &specific);
        *out = f;
        return f && specific && !iface_is(f, b->ifname);
}

bool cbox_reversed(const struct device *dev, const struct cbox *b, const struct iface **inside)
{
        return src_remote(dev, b) && dst_local(dev, b, inside);
}

int check_fix_acl_flow(struct check_ctx *c, struct finding *f, const char *acl,
                       const struct netvars *l, const struct netvars *r)
{
        const char *vars[] = {"acl",         acl,     "local_net",  l->net, "local_mask",  l->mask,
                              "local_wild",  l->wild, "remote_net", r->net, "remote_mask", r->mask,
                              "remote_wild", r->wild, NULL};
        return check_fix(c, f, vars);
}

size_t cboxes_binding_end(const struct cboxes *s, size_t i)
{
        size_t j = i;
        while (j < s->n && s->v[j].map_idx == s->v[i].map_idx)
                j++;
        return j;
}

int cboxes_add_dynamic(const struct device *dev, struct cboxes *out)
{
        size_t eidx = out->n ? out->v[out->n - 1].entry_idx + 1 : 0;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = bd->map ? model_get_cmap(dev, bd->map) : NULL;
                for (size_t e = 0; m && !m->dynamic && bd->ifname && e < m->entries.n; e++) {
                        const struct crypto_map_entry *ref = m->entries.v[e];
                        const struct crypto_map *dm =
                            ref->is_dynamic_ref && ref->dynamic_map
                                ? model_find_cmap(dev, ref->dynamic_map, true)
                                : NULL;
                        for (size_t k = 0; dm && dm->dynamic && k < dm->entries.n; k++) {
                                const struct crypto_map_entry *en = dm->entries.v[k];
                                if (!iu_dynamic_entry_reached(dev, en))
                                        continue;
                                struct cbox proto = {.entry = en,
                                                     .ifname = bd->ifname,
                                                     .map_idx = i,
                                                     .entry_idx = eidx++,
                                                     .box = fb_any()};
                                if (en->match_acl ? add_entry(dev, out, &proto) : push(out, &proto))
                                        return -1;
                        }
                }
        }
        return 0;
}
