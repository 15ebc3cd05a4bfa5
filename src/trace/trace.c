/* The trace walk: phases in packet-tracer order, and their shared helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/ipv4.h"
#include "trace_int.h"

static const struct {
        const char *json, *text;
} type_names[TT_COUNT] = {
    [TT_INPUT] = {"input-interface", "INPUT-INTERFACE"},
    [TT_ROUTE] = {"route-lookup", "ROUTE-LOOKUP"},
    [TT_NAT] = {"nat", "NAT"},
    [TT_CRYPTO] = {"crypto", "CRYPTO"},
    [TT_ACL] = {"access-list", "ACCESS-LIST"},
    [TT_RESULT] = {"result", "RESULT"},
};

const char *trace_type_json(enum trace_type t)
{
        return t < TT_COUNT ? type_names[t].json : "unknown";
}

const char *trace_type_text(enum trace_type t)
{
        return t < TT_COUNT ? type_names[t].text : "UNKNOWN";
}

const char *trace_verdict_name(enum trace_verdict v)
{
        static const char *const names[] = {"allow", "drop", "info"};
        return v <= TV_INFO ? names[v] : "info";
}

const char *trace_if_key(const struct iface *f)
{
        return f->nameif ? f->nameif : f->name;
}

const struct iface *trace_find_iface(const struct device *dev, const char *name)
{
        const struct iface *f = model_get_nameif(dev, name);
        if (!f)
                f = model_get_iface(dev, name);
        for (size_t i = 0; !f && i < dev->ifaces.n; i++) {
                const struct iface *g = dev->ifaces.v[i];
                if ((g->nameif && !strcasecmp(g->nameif, name)) || !strcasecmp(g->name, name))
                        f = g;
        }
        return f;
}

const struct iface *tp_own_address(const struct device *dev, uint32_t a)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (f->has_addr && f->addr == a)
                        return f;
        }
        return NULL;
}

struct trace_phase *tp_begin(struct trace *t, enum trace_type type, enum trace_verdict v)
{
        struct trace_phase *p = &t->phases[t->nphases < TT_COUNT ? t->nphases++ : TT_COUNT - 1];
        memset(p, 0, sizeof(*p));
        p->type = type;
        p->verdict = v;
        return p;
}

void tp_line(struct trace_phase *p, const struct loc *l)
{
        if (!l || l->line == 0 || p->nlines >= TRACE_MAX_LINES)
                return;
        for (size_t i = 0; i < p->nlines; i++)
                if (p->lines[i]->line == l->line && p->lines[i]->file == l->file)
                        return;
        p->lines[p->nlines++] = l;
}

void tp_say(struct trace_phase *p, const char *fmt, ...)
{
        size_t used = strlen(p->detail);
        if (used + 1 >= sizeof(p->detail))
                return;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(p->detail + used, sizeof(p->detail) - used, fmt, ap);
        va_end(ap);
}

struct flowbox tp_flow(const struct trace *t)
{
        const struct trace_packet *p = &t->pkt;
        return fb_point(p->src, p->dst, p->proto, p->sport, p->dport);
}

struct flowbox tp_flow_post_nat(const struct trace *t)
{
        struct flowbox b = tp_flow(t);
        if (t->translated && t->xlate_known)
                b.src.lo = b.src.hi = t->xlate_src;
        return b;
}

void tp_if_desc(const struct trace *t, const struct iface *f, char *buf, size_t len)
{
        if (!f->nameif) {
                snprintf(buf, len, "%s", f->name);
                return;
        }
        if (f->security_level >= 0)
                snprintf(buf, len, "%s (%s, security-level %d)", f->nameif, f->name,
                         f->security_level);
        else
                snprintf(buf, len, "%s (%s, no security-level: 0)", f->nameif, f->name);
        (void)t;
}

/* Phase 6: what happens to the packet in the end. */
static void trace_result(struct trace *t)
{
        char a[16], b[64];
        struct trace_phase *p = tp_begin(t, TT_RESULT, t->dropped ? TV_DROP : TV_ALLOW);
        if (t->dropped) {
                tp_say(p, "The packet is dropped (phase %zu).", t->nphases - 1);
                return;
        }
        tp_if_desc(t, t->out, b, sizeof(b));
        if (t->encrypted && !t->crypto.entry) { /* a tunnel interface (trace_tunnel.c) */
                tp_say(p,
                       "The packet is allowed and leaves %s encrypted by its tunnel "
                       "protection (ipsec profile %s).",
                       b, t->out->tunnel_protection ? t->out->tunnel_protection : "?");
        } else if (t->encrypted) {
                const struct crypto_map_entry *e = t->crypto.entry;
                const struct cm_peer *pr = e->peers.n ? e->peers.v[0] : NULL;
                tp_say(p,
                       "The packet is allowed and leaves %s encrypted towards %s via crypto map %s "
                       "seq %d",
                       b, pr && pr->text ? pr->text : "the connecting peer (dynamic)", e->map,
                       e->seq);
                if (t->crypto.dyn)
                        tp_say(p, " (dynamic map %s seq %d)", t->crypto.dyn->map,
                               t->crypto.dyn->seq);
                tp_say(p, ".");
        } else {
                tp_say(p, "The packet is allowed and leaves %s in clear", b);
                if (t->translated && t->xlate_known)
                        tp_say(p, " with source %s", ipv4_str(t->xlate_src, a));
                tp_say(p, t->expected_crypto ? ", although it was meant for the tunnel (see the "
                                               "findings)."
                                             : ".");
                if (t->learnt_tun)
                        tp_say(p,
                               " Unless 'router %s' has learnt a route for %s over %s: then it "
                               "leaves encrypted by that tunnel's protection.",
                               t->dev->dyn_routing, ipv4_str(t->pkt.dst, a), t->learnt_tun->name);
        }
        if (t->decrypted)
                tp_say(p, " It arrived decrypted from the tunnel.");
}

int trace_run(const struct device *dev, const struct trace_packet *pkt, struct trace *t,
              struct findings *fs)
{
        memset(t, 0, sizeof(*t));
        t->dev = dev;
        t->pkt = *pkt;
        int rc = trace_input(t);
        if (rc == TP_NEXT) {
                trace_detect_decrypted(t);
                rc = trace_route(t, fs);
        }
        if (rc == TP_NEXT)
                rc = trace_nat(t);
        if (rc == TP_NEXT)
                rc = trace_crypto(t, fs);
        if (rc == TP_NEXT)
                rc = trace_acl(t, fs);
        if (rc == TP_OOM)
                return -1;
        t->dropped = rc == TP_STOP;
        trace_result(t);
        return 0;
}
