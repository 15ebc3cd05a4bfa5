/*
 * name, object network|service, object-group network|service|protocol|
 * icmp-type: objects with their members resolved to address sets and
 * protocol/port ranges. Members naming an object defined later are kept in
 * object.pending and resolved by asa_resolve_pending() at the end of the
 * read (the ASA itself refuses forward references, but pasted fragments
 * may be out of order).
 */
#include "asa.h"

#include <string.h>

#define RESOLVE_DEPTH 8                 /* nesting of group-object chains we follow */
#define ADDRSET_MAX   ((size_t)1 << 20) /* ranges kept per set; more is marked inexact */

/* Grows by doubling: capacity is the next power of two at or above n. */
static void *grow(struct asa_ctx *c, void *v, size_t n, size_t elem)
{
        if (n && (n & (n - 1)))
                return v; /* not a power of two: room left */
        size_t cap = n ? n * 2 : 4;
        void *nv = arena_calloc(&c->dev->arena, cap, elem);
        if (nv && n)
                memcpy(nv, v, n * elem);
        return nv;
}

int asa_addrset_add(struct asa_ctx *c, struct addrset *s, uint32_t lo, uint32_t hi)
{
        if (s->n >= ADDRSET_MAX) {
                s->inexact = true; /* bound the size of one set */
                return ASA_OK;
        }
        struct range32 *r = grow(c, s->r, s->n, sizeof(*r));
        if (!r)
                return ASA_OOM;
        s->r = r;
        s->r[s->n++] = (struct range32){lo, hi};
        return ASA_OK;
}

int asa_addrset_append(struct asa_ctx *c, struct addrset *dst, const struct addrset *src)
{
        if (src->inexact)
                dst->inexact = true;
        size_t n = src->n; /* src may be dst: copy only what was there */
        for (size_t i = 0; i < n; i++)
                if (asa_addrset_add(c, dst, src->r[i].lo, src->r[i].hi))
                        return ASA_OOM;
        return ASA_OK;
}

int asa_range16_add(struct asa_ctx *c, struct range16 **v, size_t *n, uint16_t lo, uint16_t hi)
{
        if (*n >= 65536)
                return ASA_OK;
        struct range16 *r = grow(c, *v, *n, sizeof(**v));
        if (!r)
                return ASA_OOM;
        *v = r;
        r[(*n)++] = (struct range16){lo, hi};
        return ASA_OK;
}

char *asa_join(struct asa_ctx *c, size_t from, size_t to)
{
        size_t len = 0;
        for (size_t i = from; i < to && i < c->n; i++)
                len += strlen(c->a[i]) + 1;
        char *s = model_alloc(c->dev, len + 1);
        if (!s)
                return NULL;
        for (size_t i = from; i < to && i < c->n; i++) {
                if (i > from)
                        strcat(s, " ");
                strcat(s, c->a[i]);
        }
        return s;
}

/* Adds everything of src (addresses, protocols, ports) to dst. */
static int merge(struct asa_ctx *c, struct object *dst, const struct object *src)
{
        if (dst == src)
                return ASA_OK;
        if (asa_addrset_append(c, &dst->addrs, &src->addrs))
                return ASA_OOM;
        for (size_t i = 0; i < src->nprotos; i++)
                if (asa_range16_add(c, &dst->protos, &dst->nprotos, src->protos[i].lo,
                                    src->protos[i].hi))
                        return ASA_OOM;
        for (size_t i = 0; i < src->nsports; i++)
                if (asa_range16_add(c, &dst->sports, &dst->nsports, src->sports[i].lo,
                                    src->sports[i].hi))
                        return ASA_OOM;
        for (size_t i = 0; i < src->ndports; i++)
                if (asa_range16_add(c, &dst->dports, &dst->ndports, src->dports[i].lo,
                                    src->dports[i].hi))
                        return ASA_OOM;
        return ASA_OK;
}

/* A member naming another object: merged now, or pending until the end. */
static int member_ref(struct asa_ctx *c, struct object *o, const char *name)
{
        if (!name)
                return ASA_UNKNOWN;
        const struct object *t = model_get_object(c->dev, name);
        if (t && !t->pending.n)
                return merge(c, o, t);
        char *n = asa_dup(c, name);
        return !n || ptrvec_push(&c->dev->arena, &o->pending, n) ? ASA_OOM : ASA_OK;
}

static int resolve_one(struct asa_ctx *c, struct object *o, int depth)
{
        if (!o->pending.n)
                return ASA_OK;
        struct ptrvec p = o->pending;
        o->pending = (struct ptrvec){0};
        for (size_t i = 0; i < p.n; i++) {
                struct object *t = model_get_object(c->dev, p.v[i]);
                if (!t || depth >= RESOLVE_DEPTH) {
                        o->addrs.inexact = true; /* unresolved member */
                        continue;
                }
                if (resolve_one(c, t, depth + 1) || merge(c, o, t))
                        return ASA_OOM;
        }
        return ASA_OK;
}

int asa_resolve_pending(struct asa_ctx *c)
{
        for (size_t i = 0; i < c->dev->objects.n; i++)
                if (resolve_one(c, c->dev->objects.v[i], 0))
                        return ASA_OOM;
        return ASA_OK;
}

/* ---- object network ---------------------------------------------------- */

static int net_set(struct asa_ctx *c, uint32_t lo, uint32_t hi)
{
        struct object *o = c->obj;
        if (!o->is_group)
                o->addrs.n = 0; /* an object holds one definition; a new one replaces it */
        return asa_addrset_add(c, &o->addrs, lo, hi);
}

static int inexact(struct asa_ctx *c)
{
        ((struct object *)c->obj)->addrs.inexact = true;
        return ASA_OK;
}

static int on_host(struct asa_ctx *c, size_t i)
{
        uint32_t a;
        if (asa_addr(c, asa_w(c, i), &a))
                return net_set(c, a, a);
        return asa_w(c, i) && strchr(asa_w(c, i), ':') ? inexact(c) : ASA_UNKNOWN;
}

/* "A M" (netmask), or an IPv6 prefix (kept inexact). */
static int on_subnet(struct asa_ctx *c, size_t i)
{
        uint32_t a, m, lo, hi;
        if (asa_addr(c, asa_w(c, i), &a) && asa_mask(asa_w(c, i + 1), &m)) {
                netmask_range(a, m, &lo, &hi);
                if (!mask_is_contiguous(m))
                        inexact(c);
                return net_set(c, lo, hi);
        }
        return asa_w(c, i) && strchr(asa_w(c, i), ':') ? inexact(c) : ASA_UNKNOWN;
}

static int on_range(struct asa_ctx *c, size_t i)
{
        uint32_t lo, hi;
        if (!asa_addr(c, asa_w(c, i), &lo) || !asa_addr(c, asa_w(c, i + 1), &hi))
                return asa_w(c, i) && strchr(asa_w(c, i), ':') ? inexact(c) : ASA_UNKNOWN;
        return lo <= hi ? net_set(c, lo, hi) : ASA_UNKNOWN;
}

static int on_fqdn(struct asa_ctx *c, size_t i)
{
        return asa_w(c, i) ? inexact(c) : ASA_UNKNOWN;
}

static int on_description(struct asa_ctx *c, size_t i)
{
        struct object *o = c->obj;
        o->description = asa_join(c, i, c->n);
        return o->description ? ASA_OK : ASA_OOM;
}

/* network-object host A | A M | object X */
static int on_network_object(struct asa_ctx *c, size_t i)
{
        if (kw(asa_w(c, i), "host"))
                return on_host(c, i + 1);
        if (kw(asa_w(c, i), "object"))
                return member_ref(c, c->obj, asa_w(c, i + 1));
        return on_subnet(c, i);
}

static int on_group_object(struct asa_ctx *c, size_t i)
{
        return member_ref(c, c->obj, asa_w(c, i));
}

const struct asa_cmd asa_object_net_cmds[] = {
    {{"host"}, on_host}, {{"subnet"}, on_subnet},           {{"range"}, on_range},
    {{"fqdn"}, on_fqdn}, {{"description"}, on_description}, {{"nat"}, asa_object_nat},
    {{0}, NULL},
};

static const struct asa_cmd group_net_cmds[] = {
    {{"network-object"}, on_network_object},
    {{"group-object"}, on_group_object},
    {{"description"}, on_description},
    {{0}, NULL},
};

/* ---- service, protocol, icmp-type ------------------------------------- */

static int add_proto(struct asa_ctx *c, struct object *o, const char *s)
{
        if (kw(s, "tcp-udp")) {
                if (asa_range16_add(c, &o->protos, &o->nprotos, PROTO_TCP, PROTO_TCP))
                        return ASA_OOM;
                return asa_range16_add(c, &o->protos, &o->nprotos, PROTO_UDP, PROTO_UDP);
        }
        int p = lex_protocol(s);
        if (p == -1)
                return ASA_UNKNOWN;
        uint16_t lo = p == -2 ? 0 : (uint16_t)p, hi = p == -2 ? 255 : (uint16_t)p;
        return asa_range16_add(c, &o->protos, &o->nprotos, lo, hi);
}

/* service PROTO [source OP P] [destination OP P] (object service), also
 * service-object in groups; icmp types after the protocol are ignored. */
static int on_service(struct asa_ctx *c, size_t i)
{
        struct object *o = c->obj;
        if (kw(asa_w(c, i), "object"))
                return member_ref(c, o, asa_w(c, i + 1));
        int rc = add_proto(c, o, asa_w(c, i));
        if (rc)
                return rc;
        for (i++; i < c->n;) {
                struct range16 **v = &o->dports;
                size_t *n = &o->ndports;
                if (kw(asa_w(c, i), "source")) {
                        v = &o->sports;
                        n = &o->nsports;
                        i++;
                } else if (kw(asa_w(c, i), "destination")) {
                        i++;
                } else if (o->nprotos && o->protos[o->nprotos - 1].lo == PROTO_ICMP) {
                        return ASA_OK; /* icmp type / code: not modelled */
                }
                size_t used = asa_port_op(c, i, v, n, &rc);
                if (rc || used == 0)
                        return rc ? rc : ASA_UNKNOWN;
                i += used;
        }
        return ASA_OK;
}

static int on_port_object(struct asa_ctx *c, size_t i)
{
        struct object *o = c->obj;
        int rc = ASA_OK;
        size_t used = asa_port_op(c, i, &o->dports, &o->ndports, &rc);
        return rc ? rc : used ? ASA_OK : ASA_UNKNOWN;
}

static int on_protocol_object(struct asa_ctx *c, size_t i)
{
        return add_proto(c, c->obj, asa_w(c, i));
}

static const struct asa_cmd service_cmds[] = {
    {{"service"}, on_service},
    {{"description"}, on_description},
    {{0}, NULL},
};

static const struct asa_cmd group_service_cmds[] = {
    {{"port-object"}, on_port_object},
    {{"service-object"}, on_service},
    {{"group-object"}, on_group_object},
    {{"description"}, on_description},
    {{0}, NULL},
};

static const struct asa_cmd group_protocol_cmds[] = {
    {{"protocol-object"}, on_protocol_object},
    {{"group-object"}, on_group_object},
    {{"description"}, on_description},
    {{0}, NULL},
};

static const struct asa_cmd group_icmp_cmds[] = {
    {{"icmp-object"}, asa_known},
    {{"group-object"}, on_group_object},
    {{"description"}, on_description},
    {{0}, NULL},
};

struct object_type {
        const char *kw;
        enum object_kind kind;
        const struct asa_cmd *object_cmds, *group_cmds;
};

static const struct object_type object_types[] = {
    {"network", OBJ_NETWORK, asa_object_net_cmds, group_net_cmds},
    {"service", OBJ_SERVICE, service_cmds, group_service_cmds},
    {"protocol", OBJ_PROTOCOL, NULL, group_protocol_cmds},
    {"icmp-type", OBJ_ICMP, NULL, group_icmp_cmds},
};

static int open_object(struct asa_ctx *c, size_t i, bool group)
{
        const char *name = asa_w(c, i + 1);
        if (!name)
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        const struct object_type *ty = NULL;
        for (size_t k = 0; k < sizeof(object_types) / sizeof(object_types[0]); k++)
                if (kw(asa_w(c, i), object_types[k].kw))
                        ty = &object_types[k];
        const struct asa_cmd *cmds = ty ? (group ? ty->group_cmds : ty->object_cmds) : NULL;
        struct object *o =
            model_obtain_object(c->dev, name, ty ? ty->kind : OBJ_USER, group, &c->loc);
        if (!o)
                return ASA_OOM;
        if (!cmds)
                return asa_known_block(c, i); /* user, security, ... groups */
        asa_open(c, cmds, o, o->name);
        /* object-group service X tcp|udp|tcp-udp: the port-objects' protocol */
        if (group && ty->kind == OBJ_SERVICE && asa_w(c, i + 2))
                return add_proto(c, o, asa_w(c, i + 2));
        return ASA_OK;
}

static int on_object(struct asa_ctx *c, size_t i)
{
        return open_object(c, i, false);
}

static int on_object_group(struct asa_ctx *c, size_t i)
{
        return open_object(c, i, true);
}

/* name A NAME [description ...] */
static int on_name(struct asa_ctx *c, size_t i)
{
        uint32_t a;
        const char *nm = asa_w(c, i + 1);
        if (!lex_ipv4(asa_w(c, i) ? asa_w(c, i) : "", &a) || !nm)
                return asa_w(c, i) && strchr(asa_w(c, i), ':') && nm ? ASA_OK : ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct name_alias *n = asa_new(c, sizeof(*n));
        if (!n || !(n->name = asa_dup(c, nm)))
                return ASA_OOM;
        n->addr = a;
        return model_add_name_alias(c->dev, n) ? ASA_OOM : ASA_OK;
}

const struct asa_cmd asa_object_cmds[] = {
    {{"object-group"}, on_object_group},
    {{"object"}, on_object},
    {{"name"}, on_name},
    {{0}, NULL},
};
