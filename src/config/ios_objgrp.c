/*
 * IOS object-groups: "object-group network NAME" (host A, A MASK, A/len,
 * range A B, any, group-object G) and "object-group service NAME" (PROTO,
 * tcp|udp|tcp-udp [source OP P] [OP P], icmp [TYPE], group-object G), read
 * into struct object so that ACL entries can expand them.
 */
#include "ios_int.h"

#include <string.h>

/* Duplicates are looked for among the first members only, so that a hostile
 * group of many members stays linear to read. */
#define DEDUP_SCAN 256

/* Appends one element to an arena array whose capacity is implied by n
 * (powers of two from 4): no input-driven realloc outside the arena. */
static int arr_push(struct ios_ctx *c, void **arr, size_t *n, const void *elem, size_t size)
{
        /* members are sets: a repeated protocol or port adds nothing (and would
         * multiply the boxes of every entry that uses the group) */
        for (size_t i = 0; i < *n && i < DEDUP_SCAN; i++)
                if (!memcmp((char *)*arr + i * size, elem, size))
                        return IOS_OK;
        if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0)) {
                size_t cap = *n ? *n * 2 : 4;
                void *nv = arena_calloc(&c->dev->arena, cap, size);
                if (!nv)
                        return IOS_OOM;
                if (*n)
                        memcpy(nv, *arr, *n * size);
                *arr = nv;
        }
        memcpy((char *)*arr + *n * size, elem, size);
        (*n)++;
        return IOS_OK;
}

static int add_range(struct ios_ctx *c, struct object *o, uint32_t lo, uint32_t hi)
{
        struct range32 r = {lo, hi};
        return arr_push(c, (void **)&o->addrs.r, &o->addrs.n, &r, sizeof(r));
}

static int objgrp(struct ios_ctx *c)
{
        const char *t = ios_arg(c, 0), *name = ios_arg(c, 1);
        enum object_kind kind;
        enum ios_mode mode;
        if (kw(t, "network")) {
                kind = OBJ_NETWORK;
                mode = IM_OBJ_NET;
        } else if (kw(t, "service")) {
                kind = OBJ_SERVICE;
                mode = IM_OBJ_SVC;
        } else if (kw(t, "ipv6") || kw(t, "security") || kw(t, "user") || kw(t, "fqdn") ||
                   kw(t, "geo")) {
                return ios_open(c, IM_SKIP, NULL);
        } else {
                return IOS_UNKNOWN;
        }
        if (!name)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK;
        struct object *o = model_obtain_object(c->dev, name, kind, true, &c->loc);
        if (!o)
                return IOS_OOM;
        if (o->kind != kind)
                return IOS_UNKNOWN;
        return ios_open(c, mode, o);
}

/* Copies the members of group g into o (nesting is resolved at read time:
 * IOS requires the inner group to exist first). */
static int merge_group(struct ios_ctx *c, struct object *o, const char *gname)
{
        const struct object *g = model_get_object(c->dev, gname);
        if (!g || g == o || g->kind != o->kind) {
                char *s = ios_str(c, gname);
                if (!s || ptrvec_push(&c->dev->arena, &o->pending, s))
                        return IOS_OOM;
                o->addrs.inexact = true;
                return IOS_OK;
        }
        for (size_t i = 0; i < g->addrs.n; i++)
                if (add_range(c, o, g->addrs.r[i].lo, g->addrs.r[i].hi))
                        return IOS_OOM;
        for (size_t i = 0; i < g->nprotos; i++)
                if (arr_push(c, (void **)&o->protos, &o->nprotos, &g->protos[i],
                             sizeof(g->protos[i])))
                        return IOS_OOM;
        for (size_t i = 0; i < g->nsports; i++)
                if (arr_push(c, (void **)&o->sports, &o->nsports, &g->sports[i],
                             sizeof(g->sports[i])))
                        return IOS_OOM;
        for (size_t i = 0; i < g->ndports; i++)
                if (arr_push(c, (void **)&o->dports, &o->ndports, &g->dports[i],
                             sizeof(g->dports[i])))
                        return IOS_OOM;
        o->addrs.inexact |= g->addrs.inexact;
        return IOS_OK;
}

static int net_member(struct ios_ctx *c)
{
        struct object *o = ios_obj(c);
        const char *a = ios_word(c, c->k0), *b = ios_word(c, c->k0 + 1);
        uint32_t x, y;
        if (c->neg)
                return IOS_OK;
        if (kw(a, "description")) {
                o->description = ios_rest(c, 0);
                return o->description ? IOS_OK : IOS_OOM;
        }
        if (kw(a, "group-object") && b)
                return merge_group(c, o, b);
        if (kw(a, "any"))
                return add_range(c, o, 0, 0xffffffffu);
        if (kw(a, "host") && lex_ipv4(b, &x))
                return add_range(c, o, x, x);
        if (kw(a, "range") && lex_ipv4(b, &x) && lex_ipv4(ios_word(c, c->k0 + 2), &y) && x <= y)
                return add_range(c, o, x, y);
        if (lex_ipv4(a, &x) && lex_netmask(b, &y, NULL))
                return add_range(c, o, x & y, x | ~y);
        if (a && lex_prefix(a, &x, &y))
                return add_range(c, o, x & y, x | ~y);
        return IOS_UNKNOWN;
}

static int push_ports(struct ios_ctx *c, struct object *o, bool src, size_t *i)
{
        const char *op = ios_word(c, *i);
        int p = lex_port(ios_word(c, *i + 1)), q;
        struct range16 r;
        if (p < 0)
                return IOS_UNKNOWN;
        if (kw(op, "eq"))
                r = (struct range16){(uint16_t)p, (uint16_t)p};
        else if (kw(op, "lt") && p > 0)
                r = (struct range16){0, (uint16_t)(p - 1)};
        else if (kw(op, "gt") && p < 65535)
                r = (struct range16){(uint16_t)(p + 1), 65535};
        else if (kw(op, "range") && (q = lex_port(ios_word(c, *i + 2))) >= p) {
                r = (struct range16){(uint16_t)p, (uint16_t)q};
                *i += 1;
        } else
                return IOS_UNKNOWN;
        *i += 2;
        if (src)
                return arr_push(c, (void **)&o->sports, &o->nsports, &r, sizeof(r));
        return arr_push(c, (void **)&o->dports, &o->ndports, &r, sizeof(r));
}

static int svc_member(struct ios_ctx *c)
{
        struct object *o = ios_obj(c);
        size_t i = c->k0;
        const char *p = ios_word(c, i);
        if (c->neg)
                return IOS_OK;
        if (kw(p, "description")) {
                o->description = ios_rest(c, 0);
                return o->description ? IOS_OK : IOS_OOM;
        }
        if (kw(p, "group-object") && ios_word(c, i + 1))
                return merge_group(c, o, ios_word(c, i + 1));
        int proto = kw(p, "tcp-udp") ? PROTO_TCP : lex_protocol(p);
        if (proto == -1)
                return IOS_UNKNOWN;
        struct range16 r = proto == -2 ? (struct range16){0, 255}
                                       : (struct range16){(uint16_t)proto, (uint16_t)proto};
        if (arr_push(c, (void **)&o->protos, &o->nprotos, &r, sizeof(r)))
                return IOS_OOM;
        if (kw(p, "tcp-udp")) {
                r = (struct range16){PROTO_UDP, PROTO_UDP};
                if (arr_push(c, (void **)&o->protos, &o->nprotos, &r, sizeof(r)))
                        return IOS_OOM;
        }
        i++;
        if (proto == PROTO_ICMP)
                return IOS_OK; /* ICMP types are not modelled */
        while (ios_word(c, i)) {
                bool src = kw(ios_word(c, i), "source");
                i += src;
                int rc = push_ports(c, o, src, &i);
                if (rc)
                        return rc;
        }
        return IOS_OK;
}

static const struct ios_cmd net_cmds[] = {
    {{"*"}, net_member, false},
};

static const struct ios_cmd svc_cmds[] = {
    {{"*"}, svc_member, false},
};

static const struct ios_cmd top_cmds[] = {
    {{"object-group"}, objgrp, false},
};

IOS_TAB(ios_top_objgrp, top_cmds);
IOS_TAB(ios_sub_objnet, net_cmds);
IOS_TAB(ios_sub_objsvc, svc_cmds);
