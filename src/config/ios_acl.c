/*
 * IOS ACLs: numbered ("access-list N ...") and named ("ip access-list
 * standard|extended NAME" + entries with optional sequence numbers), read
 * into struct ace flow boxes. IPv6 ACLs are kept by name only.
 *
 * A box over-approximates what the entry matches when the entry filters on
 * something boxes cannot hold (ICMP type, TCP flags, DSCP, a non-contiguous
 * wildcard, a template placeholder): the ace is then marked inexact.
 */
#include "ios_int.h"

#include <string.h>

#define MAX_PORTS 16 /* "eq" lists; IOS accepts up to 10 */

struct side { /* one side (source or destination) of an entry */
        struct range32 one;
        const struct range32 *r;
        size_t n;
        struct range16 ports[MAX_PORTS];
        size_t nports; /* 0 = any */
        const char *text;
};

struct ace_work {
        struct range16 protos_one;
        const struct range16 *protos;
        size_t nprotos;
        const struct object *svc; /* object-group service in the protocol slot */
        struct side src, dst;
        bool inexact;
};

static const struct range32 any32 = {0, 0xffffffffu};
static const struct range16 any16 = {0, 65535};

static char *join(struct ios_ctx *c, size_t from, size_t to)
{
        size_t len = 0;
        for (size_t k = from; k < to; k++)
                len += strlen(c->w->w[k]) + 1;
        char *s = arena_alloc(&c->dev->arena, len + 1);
        if (!s)
                return NULL;
        for (size_t k = from; k < to; k++) {
                if (k > from)
                        strcat(s, " ");
                strcat(s, c->w->w[k]);
        }
        return s;
}

/* host A | any | A [W] | object-group G; *i advances past it. */
static int addr_spec(struct ios_ctx *c, size_t *i, bool wild_optional, struct side *sd,
                     bool *inexact)
{
        const char *a = ios_word(c, *i), *b = ios_word(c, *i + 1);
        uint32_t addr, wc;
        size_t from = *i;
        sd->r = &sd->one;
        sd->n = 1;
        if (kw(a, "any")) {
                sd->one = any32;
                *i += 1;
        } else if (kw(a, "host") && b) {
                if (lex_ipv4(b, &addr))
                        sd->one = (struct range32){addr, addr};
                else if (ios_is_placeholder(b))
                        sd->one = any32, *inexact = true;
                else
                        return IOS_UNKNOWN;
                *i += 2;
        } else if ((kw(a, "object-group") || kw(a, "addrgroup")) && b) {
                const struct object *o = model_get_object(c->dev, b);
                if (o && o->kind == OBJ_NETWORK && o->addrs.n) {
                        sd->r = o->addrs.r;
                        sd->n = o->addrs.n;
                        *inexact |= o->addrs.inexact;
                } else {
                        sd->one = any32; /* unknown group: the widest reading */
                        *inexact = true;
                }
                *i += 2;
        } else if (lex_ipv4(a, &addr) || ios_is_placeholder(a)) {
                bool ph = ios_is_placeholder(a);
                *i += 1;
                if (b && (lex_ipv4(b, &wc) || ios_is_placeholder(b))) {
                        ph |= ios_is_placeholder(b);
                        *i += 1;
                } else if (wild_optional) {
                        wc = 0;
                } else {
                        return IOS_UNKNOWN;
                }
                if (ph) {
                        sd->one = any32;
                        *inexact = true;
                } else if (!wildcard_range(addr, wc, &sd->one.lo, &sd->one.hi)) {
                        *inexact = true; /* non-contiguous: lo..hi bounds it */
                }
        } else {
                return IOS_UNKNOWN;
        }
        sd->text = join(c, from, *i);
        return sd->text ? IOS_OK : IOS_OOM;
}

static int port_word(const char *s, uint16_t *p)
{
        int v = lex_port(s);
        if (v < 0)
                return -1;
        *p = (uint16_t)v;
        return 0;
}

/* eq P [P ...] | neq P | lt P | gt P | range A B; absent is fine. */
static int port_spec(struct ios_ctx *c, size_t *i, struct side *sd)
{
        const char *op = ios_word(c, *i);
        uint16_t p, q;
        if (!(kw(op, "eq") || kw(op, "neq") || kw(op, "lt") || kw(op, "gt") || kw(op, "range")))
                return IOS_OK;
        if (port_word(ios_word(c, *i + 1), &p))
                return IOS_UNKNOWN;
        *i += 2;
        if (kw(op, "eq")) {
                sd->ports[sd->nports++] = (struct range16){p, p};
                while (sd->nports < MAX_PORTS && !port_word(ios_word(c, *i), &p)) {
                        sd->ports[sd->nports++] = (struct range16){p, p};
                        *i += 1;
                }
        } else if (kw(op, "neq")) {
                if (p > 0)
                        sd->ports[sd->nports++] = (struct range16){0, (uint16_t)(p - 1)};
                if (p < 65535)
                        sd->ports[sd->nports++] = (struct range16){(uint16_t)(p + 1), 65535};
        } else if (kw(op, "lt")) {
                if (p == 0)
                        return IOS_UNKNOWN;
                sd->ports[sd->nports++] = (struct range16){0, (uint16_t)(p - 1)};
        } else if (kw(op, "gt")) {
                if (p == 65535)
                        return IOS_UNKNOWN;
                sd->ports[sd->nports++] = (struct range16){(uint16_t)(p + 1), 65535};
        } else {
                if (port_word(ios_word(c, *i), &q) || q < p)
                        return IOS_UNKNOWN;
                sd->ports[sd->nports++] = (struct range16){p, q};
                *i += 1;
        }
        return IOS_OK;
}

/* ICMP message names of the IOS ACL CLI (types are not modelled). */
static const char *const icmp_names[] = {
    "administratively-prohibited",
    "alternate-address",
    "conversion-error",
    "dod-host-prohibited",
    "dod-net-prohibited",
    "echo",
    "echo-reply",
    "general-parameter-problem",
    "host-isolated",
    "host-precedence-unreachable",
    "host-redirect",
    "host-tos-redirect",
    "host-tos-unreachable",
    "host-unknown",
    "host-unreachable",
    "information-reply",
    "information-request",
    "mask-reply",
    "mask-request",
    "mobile-redirect",
    "net-redirect",
    "net-tos-redirect",
    "net-tos-unreachable",
    "net-unreachable",
    "network-unknown",
    "no-room-for-option",
    "option-missing",
    "packet-too-big",
    "parameter-problem",
    "port-unreachable",
    "precedence-unreachable",
    "protocol-unreachable",
    "reassembly-timeout",
    "redirect",
    "router-advertisement",
    "router-solicitation",
    "source-quench",
    "source-route-failed",
    "time-exceeded",
    "timestamp-reply",
    "timestamp-request",
    "traceroute",
    "ttl-exceeded",
    "unreachable",
};

/* Options after the destination: keyword and how many argument words. */
static const struct {
        const char *kw;
        int nargs;
        bool narrows; /* matches less than the boxes say: the ace is inexact */
} ace_opts[] = {
    {"log", 0, false},        {"log-input", 0, false}, {"time-range", 1, false},
    {"established", 0, true}, {"fragments", 0, true},  {"dscp", 1, true},
    {"precedence", 1, true},  {"tos", 1, true},        {"option", 1, true},
    {"reflect", 1, false},    {"timeout", 1, false},   {"match-all", 0, true},
    {"match-any", 0, true},   {"ack", 0, true},        {"fin", 0, true},
    {"psh", 0, true},         {"rst", 0, true},        {"syn", 0, true},
    {"urg", 0, true},         {"sequence", 1, false},  {"packet-length", 2, true},
};

static int ace_options(struct ios_ctx *c, size_t i, int proto, struct ace_work *aw)
{
        uint32_t n;
        if (proto == PROTO_ICMP && ios_word(c, i)) {
                bool named = false;
                for (size_t k = 0; k < sizeof(icmp_names) / sizeof(icmp_names[0]); k++)
                        named |= kw(ios_word(c, i), icmp_names[k]);
                if (named || lex_u32(ios_word(c, i), 0, 255, &n)) {
                        aw->inexact = true;
                        i += 1 + (!named && lex_u32(ios_word(c, i + 1), 0, 255, &n));
                }
        }
        while (ios_word(c, i)) {
                const char *s = ios_word(c, i);
                size_t k = 0;
                if (s[0] == '+' || s[0] == '-') { /* match-all +syn -ack */
                        i++;
                        continue;
                }
                if (kw(s, "ttl") && ios_word(c, i + 1)) {
                        aw->inexact = true;
                        i += kw(ios_word(c, i + 1), "range") ? 4 : 3;
                        continue;
                }
                while (k < sizeof(ace_opts) / sizeof(ace_opts[0]) && !kw(s, ace_opts[k].kw))
                        k++;
                if (k == sizeof(ace_opts) / sizeof(ace_opts[0]))
                        return IOS_UNKNOWN;
                aw->inexact |= ace_opts[k].narrows;
                i += 1 + (size_t)ace_opts[k].nargs;
        }
        return IOS_OK;
}

/* The cross product of the parsed entry, capped: past the cap one hull box. */
static int ace_boxes(struct ios_ctx *c, struct ace *e, const struct ace_work *aw)
{
        const struct range16 *sp = aw->src.nports ? aw->src.ports : &any16;
        const struct range16 *dp = aw->dst.nports ? aw->dst.ports : &any16;
        size_t nsp = aw->src.nports ? aw->src.nports : 1, ndp = aw->dst.nports ? aw->dst.nports : 1;
        const struct range16 *svs = aw->svc && aw->svc->nsports ? aw->svc->sports : sp;
        const struct range16 *svd = aw->svc && aw->svc->ndports ? aw->svc->dports : dp;
        size_t nsvs = aw->svc && aw->svc->nsports ? aw->svc->nsports : nsp;
        size_t nsvd = aw->svc && aw->svc->ndports ? aw->svc->ndports : ndp;
        double total = (double)aw->nprotos * (double)aw->src.n * (double)aw->dst.n * (double)nsvs *
                       (double)nsvd;
        e->inexact = aw->inexact;
        if (total > MODEL_MAX_ACE_BOXES) {
                e->boxes = model_alloc(c->dev, sizeof(*e->boxes));
                if (!e->boxes)
                        return IOS_OOM;
                e->boxes[0] = (struct flowbox){any32, any32, {0, 255}, any16, any16};
                e->nboxes = 1;
                e->inexact = true;
                return IOS_OK;
        }
        e->boxes = arena_calloc(&c->dev->arena, (size_t)total, sizeof(*e->boxes));
        if (!e->boxes && total > 0)
                return IOS_OOM;
        for (size_t p = 0; p < aw->nprotos; p++)
                for (size_t s = 0; s < aw->src.n; s++)
                        for (size_t d = 0; d < aw->dst.n; d++)
                                for (size_t a = 0; a < nsvs; a++)
                                        for (size_t b = 0; b < nsvd; b++)
                                                e->boxes[e->nboxes++] =
                                                    (struct flowbox){aw->src.r[s], aw->dst.r[d],
                                                                     aw->protos[p], svs[a], svd[b]};
        return IOS_OK;
}

static int proto_spec(struct ios_ctx *c, size_t *i, struct ace_work *aw, int *proto)
{
        const char *p = ios_word(c, *i);
        *proto = lex_protocol(p);
        aw->protos = &aw->protos_one;
        aw->nprotos = 1;
        if (kw(p, "object-group") && ios_word(c, *i + 1)) {
                const struct object *o = model_get_object(c->dev, ios_word(c, *i + 1));
                *i += 2;
                *proto = -2;
                if (o && o->kind == OBJ_SERVICE && o->nprotos) {
                        aw->svc = o;
                        aw->protos = o->protos;
                        aw->nprotos = o->nprotos;
                        aw->inexact |= o->nprotos > 1 && (o->nsports || o->ndports);
                } else {
                        aw->protos_one = (struct range16){0, 255};
                        aw->inexact = true;
                }
                return IOS_OK;
        }
        if (*proto == -1)
                return IOS_UNKNOWN;
        aw->protos_one = *proto == -2 ? (struct range16){0, 255}
                                      : (struct range16){(uint16_t)*proto, (uint16_t)*proto};
        *i += 1;
        return IOS_OK;
}

static int parse_extended(struct ios_ctx *c, size_t i, struct ace_work *aw)
{
        int proto, rc;
        if ((rc = proto_spec(c, &i, aw, &proto)))
                return rc;
        if ((rc = addr_spec(c, &i, false, &aw->src, &aw->inexact)) ||
            (rc = port_spec(c, &i, &aw->src)))
                return rc;
        if ((rc = addr_spec(c, &i, false, &aw->dst, &aw->inexact)) ||
            (rc = port_spec(c, &i, &aw->dst)))
                return rc;
        return ace_options(c, i, proto, aw);
}

static int parse_standard(struct ios_ctx *c, size_t i, struct ace_work *aw)
{
        int rc;
        aw->protos_one = (struct range16){0, 255};
        aw->protos = &aw->protos_one;
        aw->nprotos = 1;
        if ((rc = addr_spec(c, &i, true, &aw->src, &aw->inexact)))
                return rc;
        aw->dst.one = any32; /* a standard entry matches any destination */
        aw->dst.r = &aw->dst.one;
        aw->dst.n = 1;
        while (ios_word(c, i) && (kw(ios_word(c, i), "log") || kw(ios_word(c, i), "log-input")))
                i++;
        return ios_word(c, i) ? IOS_UNKNOWN : IOS_OK;
}

/* The entry whose action word is at absolute index i. */
int ios_acl_entry(struct ios_ctx *c, struct acl *acl, size_t i)
{
        const char *act = ios_word(c, i);
        struct ace *e = model_alloc(c->dev, sizeof(*e));
        if (!e)
                return IOS_OOM;
        e->loc = c->loc;
        if (kw(act, "remark")) {
                e->remark = true;
        } else if (kw(act, "permit") || kw(act, "deny")) {
                struct ace_work aw;
                memset(&aw, 0, sizeof(aw));
                e->action = kw(act, "permit") ? ACL_PERMIT : ACL_DENY;
                if (acl->kind == ACL_IPV6 || acl->kind == ACL_OTHER)
                        return IOS_OK; /* kept by name, entries not expanded */
                int rc = acl->kind == ACL_STANDARD ? parse_standard(c, i + 1, &aw)
                                                   : parse_extended(c, i + 1, &aw);
                if (rc)
                        return rc;
                e->has_ports = aw.src.nports || aw.dst.nports ||
                               (aw.svc && (aw.svc->nsports || aw.svc->ndports));
                e->src_text = aw.src.text;
                e->dst_text = aw.dst.text;
                if ((rc = ace_boxes(c, e, &aw)))
                        return rc;
        } else {
                return IOS_UNKNOWN;
        }
        return ptrvec_push(&c->dev->arena, &acl->aces, e) ? IOS_OOM : IOS_OK;
}

/* Kind of a numbered ACL (IOS numbering ranges). */
static enum acl_kind numbered_kind(uint32_t n)
{
        if ((n >= 1 && n <= 99) || (n >= 1300 && n <= 1999))
                return ACL_STANDARD;
        if ((n >= 100 && n <= 199) || (n >= 2000 && n <= 2699))
                return ACL_EXTENDED;
        return ACL_OTHER; /* protocol-type, MAC, ... ranges */
}

static int access_list(struct ios_ctx *c)
{
        const char *id = ios_arg(c, 0);
        uint32_t n;
        if (kw(id, "compiled") || kw(id, "dynamic-extended") || kw(id, "rate-limit"))
                return IOS_OK;
        if (!id)
                return IOS_UNKNOWN;
        bool num = lex_u32(id, 1, 2699, &n);
        if (!num && !ios_is_placeholder(id))
                return IOS_UNKNOWN;
        struct acl *acl = model_obtain_acl(c->dev, id, &c->loc);
        if (!acl)
                return IOS_OOM;
        size_t i = c->a + 1;
        if (acl->aces.n == 0 && !acl->numbered) {
                acl->numbered = num;
                acl->kind = num                                      ? numbered_kind(n)
                            : lex_protocol(ios_word(c, i + 1)) != -1 ? ACL_EXTENDED
                                                                     : ACL_STANDARD;
        }
        if (c->neg) {
                if (!ios_arg(c, 1))
                        acl->aces.n = 0; /* "no access-list N" deletes the whole list */
                return IOS_OK;
        }
        if (kw(ios_word(c, i), "dynamic") && ios_word(c, i + 1)) {
                i += 2;
                if (kw(ios_word(c, i), "timeout"))
                        i += 2;
        }
        return ios_acl_entry(c, acl, i);
}

static int ip_access_list(struct ios_ctx *c)
{
        const char *t = ios_arg(c, 0), *name = ios_arg(c, 1);
        enum acl_kind kind;
        if (kw(t, "standard"))
                kind = ACL_STANDARD;
        else if (kw(t, "extended"))
                kind = ACL_EXTENDED;
        else if (kw(t, "log-update") || kw(t, "logging") || kw(t, "resequence") ||
                 kw(t, "persistent") || kw(t, "helper") || kw(t, "role-based") || kw(t, "fqdn"))
                return IOS_OK;
        else
                return IOS_UNKNOWN;
        if (!name)
                return IOS_UNKNOWN;
        struct acl *acl = model_obtain_acl(c->dev, name, &c->loc);
        if (!acl)
                return IOS_OOM;
        if (c->neg) {
                acl->aces.n = 0;
                return IOS_OK;
        }
        acl->kind = kind;
        return ios_open(c, IM_ACL, acl);
}

static int ipv6_access_list(struct ios_ctx *c)
{
        const char *name = ios_arg(c, 0);
        if (!name)
                return IOS_UNKNOWN;
        if (kw(name, "log-update") || kw(name, "cache") || c->neg)
                return IOS_OK;
        struct acl *acl = model_obtain_acl(c->dev, name, &c->loc);
        if (!acl)
                return IOS_OOM;
        acl->kind = ACL_IPV6;
        return ios_open(c, IM_ACL, acl);
}

/* "[SEQ] permit|deny|remark ..." inside a named ACL */
static int acl_sub(struct ios_ctx *c)
{
        struct acl *acl = ios_obj(c);
        size_t i = c->k0;
        uint32_t seq;
        if (lex_u32(ios_word(c, i), 1, 2147483647u, &seq))
                i++;
        else if (c->a - c->k0 != 1)
                return IOS_UNKNOWN;
        if (c->neg)
                return IOS_OK; /* "no 10": removing by sequence is not modelled */
        return ios_acl_entry(c, acl, i);
}

/* "no N" inside a named ACL: removes entry N (cmdmerge.c does it). */
static int acl_no_seq(struct ios_ctx *c)
{
        uint32_t seq;
        return c->neg && ios_nargs(c) == 0 && lex_u32(ios_word(c, c->k0), 1, 2147483647u, &seq)
                   ? IOS_OK
                   : IOS_UNKNOWN;
}

static const struct ios_cmd acl_cmds[] = {
    /* entries keep their sequence numbers; equal entries stay (the
     * duplicate check reports them) */
    {{"permit"}, acl_sub, false, SEM_FLAGS(SEM_SEQ | SEM_MULTI)},
    {{"deny"}, acl_sub, false, SEM_FLAGS(SEM_SEQ | SEM_MULTI)},
    {{"remark"}, acl_sub, false, SEM_FLAGS(SEM_SEQ | SEM_MULTI)},
    {{"*", "permit"}, acl_sub, false, SEM_FLAGS(SEM_SEQ | SEM_MULTI)},
    {{"*", "deny"}, acl_sub, false, SEM_FLAGS(SEM_SEQ | SEM_MULTI)},
    {{"*", "remark"}, acl_sub, false, SEM_FLAGS(SEM_SEQ | SEM_MULTI)},
    {{"evaluate"}, NULL, false},
    {{"statistics"}, NULL, false},
    {{"sequence"}, NULL, false},
    {{"*"}, acl_no_seq, false, SEM_FLAGS(SEM_SEQ)}, /* "no 10" */
};

static const struct ios_cmd top_cmds[] = {
    /* "no access-list N <anything>" deletes all of list N (IOS Security
     * Command Reference, access-list (IP extended): "no access-list
     * access-list-number" removes the list; the arguments after the number
     * are ignored) */
    {{"access-list"}, access_list, false, {0, 2, SEM_MULTI}},
    {{"ip", "access-list"}, ip_access_list, false, SEM_FLAGS(SEM_ACL_BLOCK)},
    {{"ipv6", "access-list"}, ipv6_access_list, false},
};

IOS_TAB(ios_top_acl, top_cmds);
IOS_TAB(ios_sub_acl, acl_cmds);
