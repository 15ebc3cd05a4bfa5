/*
 * access-list (extended, standard, PIX 6 without the keyword, remark,
 * ethertype, webtype) and access-group. Each ACE becomes boxes of flow
 * space: the cross product of its source, destination, protocol and port
 * sets (object-groups expanded, capped at MODEL_MAX_ACE_BOXES).
 */
#include "asa.h"

#include <string.h>

static const struct range16 ANY16 = {0, 65535};
static const struct range16 ANYPROTO = {0, 255};

/* The parts of one ACE before the cross product. */
struct ace_parts {
        struct addrset src, dst;
        struct range16 *protos, *sports, *dports;
        size_t nprotos, nsports, ndports;
        bool ports_from_object; /* the protocol was a service object/group */
};

static bool port_op_known(const char *op)
{
        static const char *const ops[] = {"eq", "range", "lt", "gt", "neq"};
        for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
                if (kw(op, ops[k]))
                        return true;
        return false;
}

size_t asa_port_op(struct asa_ctx *c, size_t i, struct range16 **v, size_t *n, int *rc)
{
        const char *op = asa_w(c, i);
        *rc = ASA_OK;
        if (!port_op_known(op)) /* most words here are addresses: no port lookup */
                return 0;
        int p = lex_port(asa_w(c, i + 1)), q = -1;
        if (p < 0)
                return 0;
        uint16_t lo = (uint16_t)p, hi = (uint16_t)p;
        size_t used = 2;
        if (kw(op, "range")) {
                q = lex_port(asa_w(c, i + 2));
                if (q < p)
                        return 0;
                hi = (uint16_t)q;
                used = 3;
        } else if (kw(op, "lt") || kw(op, "gt")) {
                if ((kw(op, "lt") && p == 0) || (kw(op, "gt") && p == 65535))
                        return 0;
                lo = kw(op, "lt") ? 0 : (uint16_t)(p + 1);
                hi = kw(op, "lt") ? (uint16_t)(p - 1) : 65535;
        } else if (kw(op, "neq")) {
                if (p > 0 && (*rc = asa_range16_add(c, v, n, 0, (uint16_t)(p - 1))))
                        return 0;
                if (p == 65535)
                        return used;
                lo = (uint16_t)(p + 1);
                hi = 65535;
        } else if (!kw(op, "eq")) {
                return 0;
        }
        *rc = asa_range16_add(c, v, n, lo, hi);
        return *rc ? 0 : used;
}

static void any_set(struct addrset *s, struct range32 *any)
{
        *any = (struct range32){0, 0xffffffffu};
        s->r = any;
        s->n = 1;
}

/* An address operand at *i; advances *i. ASA_UNKNOWN on a bad form. */
static int parse_addr(struct asa_ctx *c, size_t *i, struct addrset *s, const char **text)
{
        const char *w = asa_w(c, *i), *x = asa_w(c, *i + 1);
        uint32_t a, m, lo, hi;
        size_t from = *i;
        if (!w)
                return ASA_UNKNOWN;
        if (kw(w, "any") || kw(w, "any4")) {
                (*i)++;
                if (asa_addrset_add(c, s, 0, 0xffffffffu))
                        return ASA_OOM;
        } else if (kw(w, "any6")) {
                (*i)++;
                s->inexact = true;
        } else if (kw(w, "host") && asa_addr(c, x, &a)) {
                *i += 2;
                if (asa_addrset_add(c, s, a, a))
                        return ASA_OOM;
        } else if ((kw(w, "object") || kw(w, "object-group")) && x) {
                const struct object *o = model_get_object(c->dev, x);
                if (o && o->kind != OBJ_NETWORK)
                        return ASA_UNKNOWN;
                *i += 2;
                /* No such object: it is defined in a part of the config not
                 * given (a section, a test file). The entry is kept with its
                 * addresses unknown, so that it still counts as a permit. */
                if (o && asa_addrset_append(c, s, &o->addrs))
                        return ASA_OOM;
                if (!o || o->pending.n)
                        s->inexact = true;
        } else if (kw(w, "interface") && x) {
                const struct iface *f = model_get_nameif(c->dev, x);
                *i += 2;
                if (f && f->has_addr) {
                        if (asa_addrset_add(c, s, f->addr, f->addr))
                                return ASA_OOM;
                } else {
                        s->inexact = true;
                }
        } else if (asa_addr(c, w, &a) && x && asa_mask(x, &m)) {
                *i += 2;
                netmask_range(a, m, &lo, &hi);
                if (!mask_is_contiguous(m))
                        s->inexact = true;
                if (asa_addrset_add(c, s, lo, hi))
                        return ASA_OOM;
        } else if ((kw(w, "host") && x && strchr(x, ':')) || strchr(w, ':')) {
                *i += kw(w, "host") ? 2 : 1; /* IPv6: kept as text only */
                s->inexact = true;
        } else {
                return ASA_UNKNOWN;
        }
        *text = asa_join(c, from, *i);
        return *text ? ASA_OK : ASA_OOM;
}

/* Ports after an address: an operator, or a service object-group. */
static int parse_ports(struct asa_ctx *c, size_t *i, struct range16 **v, size_t *n)
{
        const char *w = asa_w(c, *i);
        if (kw(w, "object-group")) {
                const struct object *o = model_get_object(c->dev, asa_w(c, *i + 1));
                if (!o || o->kind != OBJ_SERVICE)
                        return ASA_OK; /* not a port group: the next operand */
                *i += 2;
                for (size_t k = 0; k < o->ndports; k++)
                        if (asa_range16_add(c, v, n, o->dports[k].lo, o->dports[k].hi))
                                return ASA_OOM;
                return ASA_OK;
        }
        int rc;
        size_t used = asa_port_op(c, *i, v, n, &rc);
        if (rc)
                return rc;
        if (!used && w &&
            (kw(w, "eq") || kw(w, "lt") || kw(w, "gt") || kw(w, "neq") || kw(w, "range")))
                return ASA_UNKNOWN; /* an operator with a bad port */
        *i += used;
        return ASA_OK;
}

static int copy16(struct asa_ctx *c, struct range16 **v, size_t *n, const struct range16 *src,
                  size_t ns)
{
        for (size_t k = 0; k < ns; k++)
                if (asa_range16_add(c, v, n, src[k].lo, src[k].hi))
                        return ASA_OOM;
        return ASA_OK;
}

/* The protocol operand: a name/number, or a protocol/service object(-group). */
static int parse_proto(struct asa_ctx *c, size_t *i, struct ace_parts *p)
{
        const char *w = asa_w(c, *i), *x = asa_w(c, *i + 1);
        if ((kw(w, "object-group") || kw(w, "object")) && x) {
                const struct object *o = model_get_object(c->dev, x);
                if (!o || (o->kind != OBJ_SERVICE && o->kind != OBJ_PROTOCOL))
                        return ASA_UNKNOWN;
                *i += 2;
                p->ports_from_object = o->nsports || o->ndports;
                /* copies: the port clauses that follow append to these */
                if (copy16(c, &p->protos, &p->nprotos, o->protos, o->nprotos) ||
                    copy16(c, &p->sports, &p->nsports, o->sports, o->nsports) ||
                    copy16(c, &p->dports, &p->ndports, o->dports, o->ndports))
                        return ASA_OOM;
                return ASA_OK;
        }
        int pr = lex_protocol(w);
        if (pr == -1)
                return ASA_UNKNOWN;
        (*i)++;
        uint16_t lo = pr == -2 ? 0 : (uint16_t)pr, hi = pr == -2 ? 255 : (uint16_t)pr;
        return asa_range16_add(c, &p->protos, &p->nprotos, lo, hi);
}

/* Trailing options: log [level] [interval N] | log disable, inactive,
 * time-range X. */
static int parse_tail(struct asa_ctx *c, size_t i, struct ace *e)
{
        for (; i < c->n; i++) {
                const char *w = asa_w(c, i);
                if (kw(w, "inactive"))
                        e->inactive = true;
                else if (kw(w, "time-range") || kw(w, "interval"))
                        i++;
                else if (!kw(w, "log") && !kw(w, "disable") && !kw(w, "default") &&
                         !lex_u32(w, 0, 7, &(uint32_t){0}) && !kw(w, "emergencies") &&
                         !kw(w, "alerts") && !kw(w, "critical") && !kw(w, "errors") &&
                         !kw(w, "warnings") && !kw(w, "notifications") && !kw(w, "informational") &&
                         !kw(w, "debugging"))
                        return ASA_UNKNOWN;
        }
        return ASA_OK;
}

/* Cross product of the parts into e->boxes, capped. */
static int expand(struct asa_ctx *c, struct ace *e, const struct ace_parts *p)
{
        size_t ns = p->src.n, nd = p->dst.n, np = p->nprotos ? p->nprotos : 1;
        size_t nsp = p->nsports ? p->nsports : 1, ndp = p->ndports ? p->ndports : 1;
        size_t total = 1, f[5] = {ns, nd, np, nsp, ndp};
        for (int k = 0; k < 5; k++) {
                if (f[k] && total > MODEL_MAX_ACE_BOXES / f[k]) {
                        total = MODEL_MAX_ACE_BOXES + 1;
                        break;
                }
                total *= f[k];
        }
        if (total > MODEL_MAX_ACE_BOXES) {
                e->inexact = true;
                total = MODEL_MAX_ACE_BOXES;
        }
        e->boxes = total ? arena_calloc(&c->dev->arena, total, sizeof(*e->boxes)) : NULL;
        if (total && !e->boxes)
                return ASA_OOM;
        size_t k = 0;
        for (size_t a = 0; a < ns; a++)
                for (size_t b = 0; b < nd; b++)
                        for (size_t q = 0; q < np; q++)
                                for (size_t s = 0; s < nsp; s++)
                                        for (size_t d = 0; d < ndp && k < total; d++)
                                                e->boxes[k++] = (struct flowbox){
                                                    p->src.r[a], p->dst.r[b],
                                                    p->nprotos ? p->protos[q] : ANYPROTO,
                                                    p->nsports ? p->sports[s] : ANY16,
                                                    p->ndports ? p->dports[d] : ANY16};
        e->nboxes = k;
        return ASA_OK;
}

static bool only_remarks(const struct acl *a)
{
        for (size_t i = 0; i < a->aces.n; i++)
                if (!((const struct ace *)a->aces.v[i])->remark)
                        return false;
        return true;
}

/* A remark says nothing of the ACL's kind (it is read as extended): the
 * first entry with an action decides, so "remark" then "standard permit"
 * is a standard ACL (one with destinations only). */
static struct acl *get_acl(struct asa_ctx *c, const char *name, enum acl_kind kind)
{
        struct acl *a = model_get_acl(c->dev, name);
        if (a) {
                if (only_remarks(a))
                        a->kind = kind;
                return a;
        }
        a = model_obtain_acl(c->dev, name, &c->loc);
        if (a)
                a->kind = kind;
        return a;
}

static struct ace *new_ace(struct asa_ctx *c, struct acl *acl, const char *action)
{
        struct ace *e = asa_new(c, sizeof(*e));
        if (!e || ptrvec_push(&c->dev->arena, &acl->aces, e))
                return NULL;
        e->action = kw(action, "deny") ? ACL_DENY : ACL_PERMIT;
        return e;
}

static bool is_action(const char *w)
{
        return kw(w, "permit") || kw(w, "deny");
}

/* Ports mean something only when every protocol of the ACE is TCP or UDP. */
static bool ports_apply(const struct ace_parts *p)
{
        for (size_t k = 0; k < p->nprotos; k++)
                if (p->protos[k].lo != p->protos[k].hi ||
                    (p->protos[k].lo != PROTO_TCP && p->protos[k].lo != PROTO_UDP))
                        return false;
        return p->nprotos > 0;
}

/* permit|deny PROTO SRC [SPORT] DST [DPORT] [tail], from word i (the action). */
static int extended(struct asa_ctx *c, struct acl *acl, size_t i)
{
        struct ace_parts p = {0};
        struct ace tmp = {0};
        size_t j = i + 1;
        int rc;
        if ((rc = parse_proto(c, &j, &p)) || (rc = parse_addr(c, &j, &p.src, &tmp.src_text)))
                return rc;
        size_t before = p.nsports;
        if ((rc = parse_ports(c, &j, &p.sports, &p.nsports)) ||
            (rc = parse_addr(c, &j, &p.dst, &tmp.dst_text)))
                return rc;
        bool sp = p.nsports != before;
        before = p.ndports;
        if ((rc = parse_ports(c, &j, &p.dports, &p.ndports)) || (rc = parse_tail(c, j, &tmp)))
                return rc;
        struct ace *e = new_ace(c, acl, asa_w(c, i));
        if (!e)
                return ASA_OOM;
        e->src_text = tmp.src_text;
        e->dst_text = tmp.dst_text;
        e->inactive = tmp.inactive;
        e->has_ports = sp || p.ndports != before || p.ports_from_object;
        e->inexact = p.src.inexact || p.dst.inexact;
        if (e->has_ports && !ports_apply(&p)) {
                /* "permit ip A B eq 25" (the seed's nat-exemption-has-ports
                 * example): the ASA refuses ports on a protocol without them;
                 * boxes keep the full port range and the ACE says inexact */
                p.nsports = p.ndports = 0;
                e->inexact = true;
        }
        return expand(c, e, &p);
}

/* standard permit|deny A M | host A | any: destinations only (split tunnels). */
static int standard(struct asa_ctx *c, struct acl *acl, size_t i)
{
        struct ace_parts p = {0};
        struct range32 any;
        const char *text;
        size_t j = i + 1;
        int rc = parse_addr(c, &j, &p.dst, &text);
        if (rc || j != c->n)
                return rc ? rc : ASA_UNKNOWN;
        any_set(&p.src, &any);
        struct ace *e = new_ace(c, acl, asa_w(c, i));
        if (!e)
                return ASA_OOM;
        e->dst_text = text;
        e->inexact = p.dst.inexact;
        return expand(c, e, &p);
}

static int remark(struct asa_ctx *c, struct acl *acl)
{
        struct ace *e = new_ace(c, acl, "permit");
        if (!e)
                return ASA_OOM;
        e->remark = true;
        return ASA_OK;
}

/* access-list NAME [line N] [extended|standard|remark|ethertype|webtype] ... */
static int on_access_list(struct asa_ctx *c, size_t i)
{
        const char *name = asa_w(c, i);
        if (!name || kw(name, "alert-interval") || kw(name, "deny-flow-max") ||
            kw(name, "compiled"))
                return name ? ASA_OK : ASA_UNKNOWN;
        if (c->no)
                return ASA_OK; /* removal in a transcript: the line is gone */
        i++;
        if (kw(asa_w(c, i), "line") && lex_u32(asa_w(c, i + 1), 1, UINT32_MAX, &(uint32_t){0}))
                i += 2; /* placed by the merge step (cmdmerge.c, SEM_ASA_LINE) */
        const char *k = asa_w(c, i);
        if (kw(k, "remark")) {
                struct acl *a = model_get_acl(c->dev, name);
                if (!a && (a = get_acl(c, name, ACL_EXTENDED)) == NULL)
                        return ASA_OOM;
                return remark(c, a);
        }
        if (kw(k, "ethertype") || kw(k, "webtype") || kw(k, "rate-limit")) {
                struct acl *a = get_acl(c, name,
                                        kw(k, "webtype")     ? ACL_WEBTYPE
                                        : kw(k, "ethertype") ? ACL_ETHERTYPE
                                                             : ACL_OTHER);
                struct ace *e =
                    a && is_action(asa_w(c, i + 1)) ? new_ace(c, a, asa_w(c, i + 1)) : NULL;
                if (e)
                        e->inexact = true; /* not IP flows */
                return a ? ASA_OK : ASA_OOM;
        }
        bool std = kw(k, "standard");
        if (std || kw(k, "extended"))
                i++;
        if (!is_action(asa_w(c, i)))
                return ASA_UNKNOWN;
        struct acl *a = get_acl(c, name, std ? ACL_STANDARD : ACL_EXTENDED);
        if (!a)
                return ASA_OOM;
        return std ? standard(c, a, i) : extended(c, a, i);
}

/* access-group ACL in|out interface IF [per-user-override] | access-group ACL global */
static int on_access_group(struct asa_ctx *c, size_t i)
{
        const char *acl = asa_w(c, i), *dir = asa_w(c, i + 1);
        bool global = kw(dir, "global");
        if (!acl || (!global && !((kw(dir, "in") || kw(dir, "out")) &&
                                  kw(asa_w(c, i + 2), "interface") && asa_w(c, i + 3))))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct access_group *g = asa_new(c, sizeof(*g));
        if (!g || !(g->acl = asa_dup(c, acl)))
                return ASA_OOM;
        g->global = global;
        g->in = global || kw(dir, "in");
        if (!global && !(g->ifname = asa_dup(c, asa_w(c, i + 3))))
                return ASA_OOM;
        return ptrvec_push(&c->dev->arena, &c->dev->access_groups, g) ? ASA_OOM : ASA_OK;
}

const struct asa_cmd asa_acl_cmds[] = {
    /* "line N" places an entry; equal entries stay (the duplicate check
     * reports them); "no access-list A <entry>" removes that entry */
    {{"access-list"}, on_access_list, SEM_FLAGS(SEM_ASA_LINE | SEM_MULTI)},
    {{"access-group"}, on_access_group, SEM_MASK(0x1d)}, /* one per interface+direction */
    {{0}, NULL},
};
