/* Phase 3: which NAT rule translates or exempts the packet (model/nat_eval). */
#include <string.h>

#include "../config/lex.h"
#include "../model/acl_eval.h"
#include "../model/nat_eval.h"
#include "trace_int.h"

static const char *const kind_names[] = {
    [NAT_IOS_INSIDE_SOURCE] = "dynamic NAT 'ip nat inside source'",
    [NAT_IOS_STATIC] = "static NAT 'ip nat inside source static'",
    [NAT_IOS_OUTSIDE_SOURCE] = "'ip nat outside source'",
    [NAT_LEGACY_EXEMPT] = "NAT exemption 'nat 0 access-list'",
    [NAT_LEGACY_IDENTITY] = "identity NAT 'nat 0'",
    [NAT_LEGACY_DYNAMIC] = "dynamic NAT 'nat N' with its 'global N' pool",
    [NAT_LEGACY_POLICY] = "policy NAT 'nat N access-list'",
    [NAT_LEGACY_STATIC] = "static NAT 'static'",
    [NAT_OBJECT] = "object NAT",
    [NAT_TWICE] = "twice NAT",
};

/* The first word of s into buf (cut to fit). */
static void first_word(const char *s, char *buf, size_t len)
{
        size_t n = strcspn(s, " ");
        if (n >= len)
                n = len - 1;
        memcpy(buf, s, n);
        buf[n] = '\0';
}

static bool mapped_base(const struct trace *t, const struct nat_rule *r, const char *w,
                        uint32_t *base)
{
        if (kw(w, "interface")) {
                const struct iface *f = t->out;
                if (r->mapped_if && strcmp(r->mapped_if, "any") != 0)
                        f = trace_find_iface(t->dev, r->mapped_if);
                if (!f || !f->has_addr)
                        return false;
                *base = f->addr;
                return true;
        }
        if (lex_ipv4(w, base))
                return true;
        const struct object *o = model_get_object(t->dev, w);
        if (o && o->kind == OBJ_NETWORK && o->addrs.n) {
                *base = o->addrs.r[0].lo;
                return true;
        }
        const struct name_alias *na = model_get_name_alias(t->dev, w);
        if (na)
                *base = na->addr;
        return na != NULL;
}

bool trace_nat_mapped(const struct trace *t, const struct nat_rule *r, uint32_t *out)
{
        char w[128];
        uint32_t base;
        if (!r->mapped_src_text)
                return false; /* legacy "nat (if) N": the pool is a 'global' line */
        first_word(r->mapped_src_text, w, sizeof(w));
        if (!mapped_base(t, r, w, &base))
                return false; /* a pool, a pat-pool, an unknown name */
        *out = base;
        if (r->src_xlate != NAT_XLATE_STATIC)
                return true;
        /* Static NAT maps a network onto a network: keep the host offset. */
        for (size_t i = 0; i < r->real_src.n; i++) {
                const struct range32 *g = &r->real_src.r[i];
                uint32_t off = t->pkt.src - g->lo;
                if (t->pkt.src >= g->lo && t->pkt.src <= g->hi && base <= UINT32_MAX - off) {
                        *out = base + off;
                        break;
                }
        }
        return true;
}

/* Names the rule and cites its lines (and the ACE of its match ACL). */
static void say_rule(struct trace_phase *p, const struct trace *t, const struct nat_rule *r,
                     const struct flowbox *flow)
{
        tp_say(p, "%s", kind_names[r->kind]);
        if (r->section)
                tp_say(p, " (section %d, line %u)", r->section, (unsigned)r->loc.line);
        else
                tp_say(p, " (line %u)", (unsigned)r->loc.line);
        const struct object *o = r->object ? model_get_object(t->dev, r->object) : NULL;
        if (o)
                tp_line(p, &o->loc);
        tp_line(p, &r->loc);
        if (r->match_acl) {
                struct acl_match m = acl_first_match(model_get_acl(t->dev, r->match_acl), flow);
                if (m.ace) {
                        tp_line(p, &m.ace->loc);
                        tp_say(p, ", access-list %s line %u", r->match_acl,
                               (unsigned)m.ace->loc.line);
                }
        }
}

/* IOS exempts by denying the VPN flow in the ACL of "ip nat inside source
 * list ACL": nat_eval says "no rule"; say which deny did it. */
static const struct nat_rule *ios_acl_deny(const struct trace *t, const struct flowbox *flow,
                                           const struct ace **ace)
{
        if (t->dev->platform != PLAT_IOS || !t->in->nat_inside || !t->out->nat_outside)
                return NULL;
        for (size_t i = 0; i < t->dev->nat_rules.n; i++) {
                const struct nat_rule *r = t->dev->nat_rules.v[i];
                if (r->kind != NAT_IOS_INSIDE_SOURCE || !r->match_acl || r->inactive)
                        continue;
                struct acl_match m = acl_first_match(model_get_acl(t->dev, r->match_acl), flow);
                if (m.res == ACL_RES_DENY) {
                        *ace = m.ace;
                        return r;
                }
        }
        return NULL;
}

static void say_none(struct trace_phase *p, struct trace *t, const struct flowbox *flow)
{
        char a[16];
        const struct ace *ace = NULL;
        const struct nat_rule *r = ios_acl_deny(t, flow, &ace);
        ipv4_str(t->pkt.src, a);
        if (!r) {
                tp_say(p, "No NAT rule matches: the source stays %s.", a);
                return;
        }
        t->nat = r;
        tp_line(p, &r->loc);
        tp_line(p, &ace->loc);
        tp_say(p,
               "Exempt: access-list %s line %u denies it, so 'ip nat inside source list %s' "
               "(line %u) does not translate it; the source stays %s.",
               r->match_acl, (unsigned)ace->loc.line, r->match_acl, (unsigned)r->loc.line, a);
}

int trace_nat(struct trace *t)
{
        char a[16], b[16];
        struct trace_phase *p = tp_begin(t, TT_NAT, TV_ALLOW);
        if (t->from_box) {
                p->verdict = TV_INFO;
                tp_say(p, "Generated by the device itself: no NAT rule translates it.");
                return TP_NEXT;
        }
        struct flowbox flow = tp_flow(t);
        struct nat_result res = nat_eval(t->dev, &flow, trace_if_key(t->in), trace_if_key(t->out));
        ipv4_str(t->pkt.src, a);
        switch (res.verdict) {
        case NATV_NONE:
                say_none(p, t, &flow);
                break;
        case NATV_EXEMPT:
                t->nat = res.rule;
                tp_say(p, "Exempt by ");
                say_rule(p, t, res.rule, &flow);
                tp_say(p, ": the source stays %s.", a);
                break;
        case NATV_TRANSLATE:
                t->nat = res.rule;
                t->translated = true;
                t->xlate_known = trace_nat_mapped(t, res.rule, &t->xlate_src);
                tp_say(p, "Translated by ");
                say_rule(p, t, res.rule, &flow);
                if (t->xlate_known)
                        tp_say(p, ": source %s becomes %s.", a, ipv4_str(t->xlate_src, b));
                else if (res.rule->mapped_src_text)
                        tp_say(p, ": source %s becomes an address of '%s'.", a,
                               res.rule->mapped_src_text);
                else /* legacy nat (if) N: the addresses are on 'global (if) N' */
                        tp_say(p, ": source %s becomes an address of the 'global (%s) %d' pool.", a,
                               trace_if_key(t->out), res.rule->nat_id);
                break;
        case NATV_UNKNOWN:
                p->verdict = TV_INFO;
                tp_say(p, "The NAT rules are too fragmented to evaluate: assuming no translation.");
                break;
        }
        if (res.inexact)
                tp_say(p,
                       " (Approximate: an object or ACL on the way could not be fully resolved.)");
        return TP_NEXT;
}
