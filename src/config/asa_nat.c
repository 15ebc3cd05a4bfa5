/*
 * NAT: pre-8.3 / PIX "nat (if) N ...", "global", "static (real,mapped)";
 * 8.3+ object NAT (inside "object network X") and twice NAT
 * "nat (real,mapped) [after-auto] [LINE] source ... [destination ...]".
 * Rules keep config order; section and order say where the ASA evaluates
 * them (section 1 twice NAT, 2 object NAT, 3 twice NAT after-auto).
 */
#include "asa.h"

#include <string.h>

int asa_nat_operand(struct asa_ctx *c, const char *s, struct addrset *out, bool *ok)
{
        uint32_t a;
        *ok = true;
        if (kw(s, "any") || kw(s, "any4"))
                return asa_addrset_add(c, out, 0, 0xffffffffu);
        const struct object *o = s ? model_get_object(c->dev, s) : NULL;
        if (o && o->kind == OBJ_NETWORK) {
                if (o->pending.n)
                        out->inexact = true;
                return asa_addrset_append(c, out, &o->addrs);
        }
        if (asa_addr(c, s, &a))
                return asa_addrset_add(c, out, a, a);
        if (lex_is_placeholder(s)) { /* a vendor template's "<...>": value unknown */
                out->inexact = true;
                return ASA_OK;
        }
        /* An object name that names nothing (the seed's "objremote" typo for
         * obj-remote): the rule stays, its addresses are unknown. */
        if (s && !kw(s, "interface") && !kw(s, "pat-pool") && !kw(s, "source") &&
            !kw(s, "destination") && !kw(s, "service") && !kw(s, "static") && !kw(s, "dynamic")) {
                out->inexact = true;
                return ASA_OK;
        }
        *ok = false;
        return ASA_OK;
}

/* A new rule in section sec at 1-based position line (0 = at the end). */
static struct nat_rule *new_rule(struct asa_ctx *c, enum nat_kind kind, int sec, uint32_t line)
{
        struct nat_rule *r = asa_new(c, sizeof(*r));
        if (!r || ptrvec_push(&c->dev->arena, &c->dev->nat_rules, r))
                return NULL;
        r->kind = kind;
        r->section = sec;
        r->nat_id = -1;
        size_t *cnt = &c->nat_count[sec];
        r->order = *cnt;
        if (line && line - 1 < *cnt) { /* "nat ... LINE": insert, shift the rest */
                for (size_t k = 0; k + 1 < c->dev->nat_rules.n; k++) {
                        struct nat_rule *o = c->dev->nat_rules.v[k];
                        if (o->section == sec && o->order >= line - 1)
                                o->order++;
                }
                r->order = line - 1;
        }
        (*cnt)++;
        return r;
}

/* Flags that may trail an 8.3+ rule. */
static int nat_flags(struct asa_ctx *c, size_t i, struct nat_rule *r)
{
        for (; i < c->n; i++) {
                const char *w = asa_w(c, i);
                if (kw(w, "no-proxy-arp"))
                        r->no_proxy_arp = true;
                else if (kw(w, "route-lookup"))
                        r->route_lookup = true;
                else if (kw(w, "inactive"))
                        r->inactive = true;
                else if (kw(w, "description"))
                        return ASA_OK;
                else if (kw(w, "service"))
                        i += 3; /* service [proto] REAL MAPPED: ports not modelled */
                else if (!kw(w, "dns") && !kw(w, "unidirectional") && !kw(w, "net-to-net") &&
                         !kw(w, "extended") && !kw(w, "flat") && !kw(w, "include-reserve") &&
                         !kw(w, "round-robin") && !kw(w, "block-allocation") && !kw(w, "ipv6") &&
                         !kw(w, "tcp") && !kw(w, "udp") && !kw(w, "sctp") &&
                         lex_port(w) < 0 /* port numbers of a "service" clause */)
                        return ASA_UNKNOWN;
        }
        return ASA_OK;
}

/* Mapped side of "static|dynamic MAPPED": an operand, interface, pat-pool X. */
static size_t mapped_words(struct asa_ctx *c, size_t i)
{
        const char *w = asa_w(c, i);
        if (kw(w, "pat-pool"))
                return 2;
        if (w && kw(asa_w(c, i + 1), "interface") && !kw(w, "interface"))
                return 2; /* "MAPPED interface": fall back to the interface */
        return w ? 1 : 0;
}

/* In "object network X": nat (real,mapped) static|dynamic MAPPED ... */
int asa_object_nat(struct asa_ctx *c, size_t i)
{
        const char *rif, *mif;
        const char *how = asa_w(c, i + 1);
        bool st = kw(how, "static");
        if (!asa_paren_ifs(c, asa_w(c, i), &rif, &mif) || (!st && !kw(how, "dynamic")))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct object *o = c->obj;
        struct nat_rule *r = new_rule(c, NAT_OBJECT, 2, 0);
        if (!r)
                return ASA_OOM;
        r->real_if = rif;
        r->mapped_if = mif;
        r->object = o->name;
        size_t used = mapped_words(c, i + 2);
        if (!used)
                return ASA_UNKNOWN;
        r->mapped_src_text = asa_join(c, i + 2, i + 2 + used);
        if (!r->mapped_src_text || asa_addrset_append(c, &r->real_src, &o->addrs))
                return ASA_OOM;
        r->src_xlate = !st                            ? NAT_XLATE_DYNAMIC
                       : kw(asa_w(c, i + 2), o->name) ? NAT_XLATE_IDENTITY
                                                      : NAT_XLATE_STATIC;
        r->overload = !st;
        return nat_flags(c, i + 2 + used, r);
}

/* source static|dynamic REAL MAPPED [destination static MAPPED REAL] ... */
static int twice(struct asa_ctx *c, size_t i, struct nat_rule *r)
{
        const char *how = asa_w(c, i + 1), *real = asa_w(c, i + 2);
        bool st = kw(how, "static"), ok;
        if (!kw(asa_w(c, i), "source") || (!st && !kw(how, "dynamic")) || !real)
                return ASA_UNKNOWN;
        int rc = asa_nat_operand(c, real, &r->real_src, &ok);
        size_t used = mapped_words(c, i + 3);
        if (rc || !ok || !used)
                return rc ? rc : ASA_UNKNOWN;
        if (!(r->mapped_src_text = asa_join(c, i + 3, i + 3 + used)))
                return ASA_OOM;
        r->src_xlate = !st                              ? NAT_XLATE_DYNAMIC
                       : !strcmp(real, asa_w(c, i + 3)) ? NAT_XLATE_IDENTITY
                                                        : NAT_XLATE_STATIC;
        r->overload = !st;
        i += 3 + used;
        if (kw(asa_w(c, i), "destination")) {
                const char *dm = asa_w(c, i + 2), *dr = asa_w(c, i + 3);
                if (!kw(asa_w(c, i + 1), "static") || !dm || !dr)
                        return ASA_UNKNOWN;
                r->has_dst = true;
                if ((rc = asa_nat_operand(c, dr, &r->real_dst, &ok)) || !ok)
                        return rc ? rc : ASA_UNKNOWN;
                r->dst_identity = !strcmp(dm, dr);
                if (!(r->mapped_dst_text = asa_dup(c, dm)))
                        return ASA_OOM;
                i += 4;
        }
        return nat_flags(c, i, r);
}

/* nat (IF) N access-list ACL | A M [outside] [dns] [limits...] */
static int legacy_nat(struct asa_ctx *c, size_t i, const char *rif)
{
        uint32_t id, a, m, lo, hi;
        if (!lex_u32(asa_w(c, i), 0, 65535, &id))
                return ASA_UNKNOWN;
        bool acl = kw(asa_w(c, i + 1), "access-list") && asa_w(c, i + 2);
        bool net = asa_addr(c, asa_w(c, i + 1), &a) && asa_mask(asa_w(c, i + 2), &m);
        if (!acl && !net)
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        enum nat_kind k = id == 0 ? (acl ? NAT_LEGACY_EXEMPT : NAT_LEGACY_IDENTITY)
                                  : (acl ? NAT_LEGACY_POLICY : NAT_LEGACY_DYNAMIC);
        struct nat_rule *r = new_rule(c, k, 0, 0);
        if (!r)
                return ASA_OOM;
        r->real_if = rif;
        r->nat_id = (int)id;
        r->src_xlate = id == 0 ? NAT_XLATE_IDENTITY : NAT_XLATE_DYNAMIC;
        r->overload = id != 0;
        if (acl)
                return (r->match_acl = asa_dup(c, asa_w(c, i + 2))) ? ASA_OK : ASA_OOM;
        netmask_range(a, m, &lo, &hi);
        return asa_addrset_add(c, &r->real_src, lo, hi);
}

/* nat (real[,mapped]) ...: legacy when one interface and a NAT id. */
static int on_nat(struct asa_ctx *c, size_t i)
{
        const char *rif, *mif;
        uint32_t line = 0;
        if (!asa_paren_ifs(c, asa_w(c, i), &rif, &mif))
                return ASA_UNKNOWN;
        if (!mif)
                return legacy_nat(c, i + 1, rif);
        i++;
        int sec = 1;
        if (kw(asa_w(c, i), "after-auto") || kw(asa_w(c, i), "after-object")) {
                sec = 3;
                i++;
        }
        if (lex_u32(asa_w(c, i), 1, 0xffff, &line))
                i++;
        if (c->no)
                return kw(asa_w(c, i), "source") ? ASA_OK : ASA_UNKNOWN;
        if (!kw(asa_w(c, i), "source"))
                return ASA_UNKNOWN;
        /* read into a scratch rule: a line that turns out unknown adds nothing */
        struct nat_rule t = {.real_if = rif, .mapped_if = mif};
        int rc = twice(c, i, &t);
        if (rc != ASA_OK)
                return rc;
        struct nat_rule *r = new_rule(c, NAT_TWICE, sec, line);
        if (!r)
                return ASA_OOM;
        t.loc = r->loc;
        t.kind = r->kind;
        t.section = r->section;
        t.order = r->order;
        t.nat_id = r->nat_id;
        *r = t;
        return ASA_OK;
}

/* static (real,mapped) [tcp|udp] MAPPED [PORT] REAL|access-list ACL [PORT] [netmask M] ... */
static int on_static(struct asa_ctx *c, size_t i)
{
        const char *rif, *mif;
        uint32_t a, m = 0xffffffffu, lo, hi;
        if (!asa_paren_ifs(c, asa_w(c, i), &rif, &mif) || !mif)
                return ASA_UNKNOWN;
        i++;
        bool port = kw(asa_w(c, i), "tcp") || kw(asa_w(c, i), "udp");
        size_t mi = i + port, ri = mi + 1 + port;
        const char *mapped = asa_w(c, mi);
        if (!mapped || (port && lex_port(asa_w(c, mi + 1)) < 0))
                return ASA_UNKNOWN;
        bool acl = kw(asa_w(c, ri), "access-list") && asa_w(c, ri + 1);
        if (!acl && !asa_addr(c, asa_w(c, ri), &a))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct nat_rule *r = new_rule(c, NAT_LEGACY_STATIC, 0, 0);
        if (!r || !(r->mapped_src_text = asa_dup(c, mapped)))
                return ASA_OOM;
        r->real_if = rif;
        r->mapped_if = mif;
        if (acl) {
                r->match_acl = asa_dup(c, asa_w(c, ri + 1));
                r->src_xlate = NAT_XLATE_STATIC;
                return r->match_acl ? ASA_OK : ASA_OOM;
        }
        for (size_t k = ri + 1; k + 1 < c->n; k++)
                if (kw(asa_w(c, k), "netmask") && !asa_mask(asa_w(c, k + 1), &m))
                        return ASA_UNKNOWN;
        r->src_xlate = kw(mapped, asa_w(c, ri)) ? NAT_XLATE_IDENTITY : NAT_XLATE_STATIC;
        netmask_range(a, m, &lo, &hi);
        return asa_addrset_add(c, &r->real_src, lo, hi);
}

/* global (IF) N A[-B] | interface | A netmask M: the pool of "nat (if) N". */
static int on_global(struct asa_ctx *c, size_t i)
{
        const char *rif, *mif;
        uint32_t id;
        if (!asa_paren_ifs(c, asa_w(c, i), &rif, &mif) ||
            !lex_u32(asa_w(c, i + 1), 1, 65535, &id) || !asa_w(c, i + 2))
                return ASA_UNKNOWN;
        return ASA_OK;
}

const struct asa_cmd asa_nat_cmds[] = {
    {{"nat"}, on_nat},       {{"static"}, on_static},
    {{"global"}, on_global}, {{"nat-control"}, asa_known},
    {{"xlate"}, asa_known},  {{0}, NULL},
};
