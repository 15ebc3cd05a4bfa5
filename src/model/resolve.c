/*
 * Object-group resolution for model_finalize().
 *
 * Contract with the readers (through model fields only):
 * - A group member whose target did not exist when read goes, by name, into
 *   the group's `pending` list; so does a member group that itself still
 *   had pending members (its flattened copy was incomplete).
 * - Here every pending name is looked up, resolved first (recursively,
 *   at most MODEL_MAX_GROUP_DEPTH deep, cycles detected), and its members
 *   appended. A name that is missing, part of a cycle or too deep sets
 *   object.unresolved and marks the address set inexact.
 * - An ACE or NAT rule built from a group with pending members sets
 *   ace.expand_pending (with src_obj / dst_obj) or nat_rule.addrs_pending
 *   (with real_src_obj / real_dst_obj); their sets are rebuilt afterwards.
 */
#include "finalize_int.h"

#include <string.h>

static int append_ranges(struct device *dev, struct addrset *to, const struct addrset *from)
{
        if (from->n == 0)
                return 0;
        struct range32 *r = arena_calloc(&dev->arena, to->n + from->n, sizeof(*r));
        if (!r)
                return -1;
        if (to->n)
                memcpy(r, to->r, to->n * sizeof(*r));
        memcpy(r + to->n, from->r, from->n * sizeof(*r));
        to->r = r;
        to->n += from->n;
        to->inexact |= from->inexact;
        return 0;
}

static int append16(struct device *dev, struct range16 **to, size_t *nto,
                    const struct range16 *from, size_t nfrom)
{
        if (nfrom == 0)
                return 0;
        struct range16 *r = arena_calloc(&dev->arena, *nto + nfrom, sizeof(*r));
        if (!r)
                return -1;
        if (*nto)
                memcpy(r, *to, *nto * sizeof(*r));
        memcpy(r + *nto, from, nfrom * sizeof(*r));
        *to = r;
        *nto += nfrom;
        return 0;
}

/* Service members are merged per field, so "tcp/80 + udp/53" becomes
 * {tcp,udp} x {80,53}: an over-approximation that checks treat as such. */
static int merge(struct device *dev, struct object *o, const struct object *t)
{
        if (append_ranges(dev, &o->addrs, &t->addrs) ||
            append16(dev, &o->protos, &o->nprotos, t->protos, t->nprotos) ||
            append16(dev, &o->sports, &o->nsports, t->sports, t->nsports) ||
            append16(dev, &o->dports, &o->ndports, t->dports, t->ndports))
                return -1;
        if (t->unresolved)
                o->unresolved = o->addrs.inexact = true;
        return 0;
}

enum { R_OK = 0, R_OOM = -1, R_BROKEN = 1 };

static int resolve(struct device *dev, struct object *o, int depth)
{
        if (o->resolve_mark == 2)
                return R_OK;
        if (o->resolve_mark == 1 || depth > MODEL_MAX_GROUP_DEPTH)
                return R_BROKEN; /* a cycle, or nesting too deep */
        o->resolve_mark = 1;
        for (size_t i = 0; i < o->pending.n; i++) {
                struct object *t = model_get_object(dev, o->pending.v[i]);
                int rc = t ? resolve(dev, t, depth + 1) : R_BROKEN;
                if (rc == R_OOM)
                        return R_OOM;
                if (rc == R_BROKEN) {
                        o->unresolved = o->addrs.inexact = true;
                        continue;
                }
                if (merge(dev, o, t))
                        return R_OOM;
        }
        o->resolve_mark = 2;
        return R_OK;
}

int finalize_resolve_objects(struct device *dev)
{
        for (size_t i = 0; i < dev->objects.n; i++)
                if (resolve(dev, dev->objects.v[i], 0) == R_OOM)
                        return -1;
        return 0;
}

/* ---- ACEs and NAT rules that were waiting for groups ---------------- */

struct svc {
        struct range16 proto, sport, dport;
};

static bool same_svc(const struct svc *a, const struct flowbox *b)
{
        return a->proto.lo == b->proto.lo && a->proto.hi == b->proto.hi &&
               a->sport.lo == b->sport.lo && a->sport.hi == b->sport.hi &&
               a->dport.lo == b->dport.lo && a->dport.hi == b->dport.hi;
}

/* Distinct protocol/port parts of the ACE's current boxes (any if none). */
static size_t ace_services(const struct ace *a, struct svc *out, size_t max)
{
        size_t n = 0;
        for (size_t i = 0; i < a->nboxes && n < max; i++) {
                bool seen = false;
                for (size_t j = 0; j < n && !seen; j++)
                        seen = same_svc(&out[j], &a->boxes[i]);
                if (!seen)
                        out[n++] =
                            (struct svc){a->boxes[i].proto, a->boxes[i].sport, a->boxes[i].dport};
        }
        if (n == 0) {
                struct flowbox any = {.proto = {0, 255}, .sport = {0, 65535}, .dport = {0, 65535}};
                out[n++] = (struct svc){any.proto, any.sport, any.dport};
        }
        return n;
}

static struct addrset side(const struct object *o, const struct ace *a, bool src)
{
        static const struct range32 any = {0, UINT32_MAX};
        if (o)
                return o->addrs;
        struct addrset s = {
            (struct range32 *)(a->nboxes ? (src ? &a->boxes[0].src : &a->boxes[0].dst) : &any), 1,
            false};
        return s;
}

#define MAX_SVC 64

static int reexpand(struct device *dev, struct ace *a)
{
        struct svc svc[MAX_SVC];
        size_t nsvc = ace_services(a, svc, MAX_SVC);
        struct addrset s = side(a->src_obj, a, true), d = side(a->dst_obj, a, false);
        size_t cap = MODEL_MAX_ACE_BOXES, n = 0;
        struct flowbox *boxes = arena_calloc(&dev->arena, cap, sizeof(*boxes));
        if (!boxes)
                return -1;
        bool capped = nsvc == MAX_SVC;
        for (size_t i = 0; i < s.n; i++)
                for (size_t j = 0; j < d.n; j++)
                        for (size_t k = 0; k < nsvc; k++) {
                                if (n == cap) {
                                        capped = true;
                                        continue;
                                }
                                boxes[n++] = (struct flowbox){s.r[i], d.r[j], svc[k].proto,
                                                              svc[k].sport, svc[k].dport};
                        }
        a->boxes = boxes;
        a->nboxes = n;
        a->inexact |= capped || s.inexact || d.inexact;
        a->expand_pending = false;
        return 0;
}

int finalize_reexpand(struct device *dev)
{
        for (size_t i = 0; i < dev->acls.n; i++) {
                const struct acl *acl = dev->acls.v[i];
                for (size_t j = 0; j < acl->aces.n; j++) {
                        struct ace *a = acl->aces.v[j];
                        if (a->expand_pending && reexpand(dev, a))
                                return -1;
                }
        }
        for (size_t i = 0; i < dev->nat_rules.n; i++) {
                struct nat_rule *r = dev->nat_rules.v[i];
                if (!r->addrs_pending)
                        continue;
                if (r->real_src_obj)
                        r->real_src = r->real_src_obj->addrs;
                if (r->real_dst_obj)
                        r->real_dst = r->real_dst_obj->addrs;
                r->addrs_pending = false;
        }
        return 0;
}
