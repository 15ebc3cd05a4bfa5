/*
 * nat-exemption-missing: traffic the crypto ACL should encrypt is translated
 * first. Every exact permit box of every bound static entry, and with remote
 * access every inside network towards every address pool, is run through
 * the device's NAT in its real order (nat_eval.h: IOS static before list /
 * route-map, ACL or route-map deny = not translated; ASA < 8.3 nat 0
 * first; ASA 8.3+ sections 1-3) from the interface the source lives on to
 * the crypto interface. The first translating rule is reported.
 *
 * IOS translates only between "ip nat inside" and "ip nat outside"
 * interfaces (IOS NAT configuration guide), so a flow whose ingress is not
 * inside, or whose crypto interface is not outside, is never translated.
 * One finding per crypto map entry (the first translated flow, the count
 * of the others), so a missing exemption for a large ACL stays readable.
 */
#include <stdio.h>
#include <string.h>

#include "../catalog/catalog.h"
#include "../catalog/fix.h"
#include "../model/nat_eval.h"
#include "aclnat_util.h"
#include "nat_exempt_fix.h"
#include "nat_prefilter.h"
#include "checks_list.h"

#define EVIDENCE_MAX 8 /* ACE lines listed per finding */

struct hit {
        const struct cbox *first; /* NULL for a pool flow */
        struct flowbox flow;
        struct nat_result res;
        const struct iface *in;
        const char *out;
        size_t count;
};

/* The ingress interface of a flow, or NULL when NAT cannot apply to it. */
static const struct iface *nat_ingress(const struct device *dev, const struct flowbox *b,
                                       const char *out)
{
        bool specific;
        const struct iface *in = route_range(dev, b->src, &specific);
        if (!in || iface_is(in, out))
                return NULL;
        if (dev->platform == PLAT_IOS) {
                const struct iface *o = model_get_iface(dev, out);
                if (!in->nat_inside || !o || !o->nat_outside)
                        return NULL;
        }
        return in;
}

static bool translated(const struct device *dev, const struct nat_prefilter *pf,
                       const struct cboxes *s, size_t i, struct hit *h)
{
        const struct flowbox *b = &s->v[i].box;
        const char *out = s->v[i].ifname;
        const struct iface *in = nat_ingress(dev, b, out);
        if (!in)
                return false;
        struct nat_result r = nat_prefilter_eval(dev, pf, i, b, iface_id(in), out);
        if (r.verdict != NATV_TRANSLATE)
                return false;
        h->flow = *b, h->res = r, h->in = in, h->out = out;
        return true;
}

/* The ACL a fix adds the exemption to: IOS the translating rule's list (or
 * its route-map's first permit ACL); ASA < 8.3 the nat 0 ACL of the inside
 * interface, else a new NONAT. */
static const char *fix_acl(const struct device *dev, const struct nat_rule *r, const char *nat_if)
{
        if (dev->platform == PLAT_IOS) {
                if (r->match_acl)
                        return r->match_acl;
                for (size_t i = 0; r->match_route_map && i < dev->route_maps.n; i++) {
                        const struct route_map_entry *e = dev->route_maps.v[i];
                        if (e->permit && e->match_acls.n && !strcmp(e->name, r->match_route_map))
                                return e->match_acls.v[0];
                }
                return NULL;
        }
        for (size_t i = 0; i < dev->nat_rules.n; i++) {
                const struct nat_rule *x = dev->nat_rules.v[i];
                if (x->kind == NAT_LEGACY_EXEMPT && x->match_acl && x->real_if &&
                    !strcmp(x->real_if, nat_if))
                        return x->match_acl;
        }
        return "NONAT";
}

static int add_fix(struct check_ctx *c, struct finding *f, const struct hit *h)
{
        struct netvars l, r;
        net_vars(h->flow.src, &l);
        net_vars(h->flow.dst, &r);
        const char *acl = fix_acl(c->dev, h->res.rule, iface_id(h->in));
        const char *vars[] = {"nat_if",     iface_id(h->in), "if",
                              h->out,       "acl",           acl ? acl : "<acl>",
                              "local_net",  l.net,           "local_mask",
                              l.mask,       "local_wild",    l.wild,
                              "remote_net", r.net,           "remote_mask",
                              r.mask,       "remote_wild",   r.wild,
                              NULL};
        return check_fix(c, f, vars);
}

static int explain(struct check_ctx *c, struct finding *f, const struct hit *h, const char *what)
{
        char flow[160], piece[160];
        box_text(&h->flow, flow, sizeof(flow));
        box_text(&h->res.sample, piece, sizeof(piece));
        const char *rule = h->res.rule->loc.text ? h->res.rule->loc.text : "(NAT rule)";
        return finding_explain(
            c->fs, f, "%s Here %s %s, from '%s' to '%s', is translated by line %u '%s'%s%s%s.",
            f->diag->explanation, what, flow, iface_id(h->in), h->out, h->res.rule->loc.line, rule,
            h->res.whole ? "" : " (partly: for example ", h->res.whole ? "" : piece,
            h->res.whole ? "" : ")" /* the rest of the flow is exempt or untranslated */);
}

static int report_entry(struct check_ctx *c, const struct hit *h, const struct ace *const *more,
                        size_t nmore)
{
        const struct crypto_map_entry *e = h->first->entry;
        char flow[160];
        box_text(&h->flow, flow, sizeof(flow));
        struct finding *f = check_report(c, &h->first->ace->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto map '%s' %d: %s is translated by the NAT rule at line %u before "
                          "encryption%s",
                          e->map, e->seq, flow, h->res.rule->loc.line,
                          h->count > 1 ? " (and other flows of this entry)" : "") ||
            finding_evidence(c->fs, f, &h->res.rule->loc) || finding_evidence(c->fs, f, &e->loc) ||
            finding_set_peer(c->fs, f, entry_peer(e)) || explain(c, f, h, "the crypto ACL flow"))
                return -1;
        for (size_t i = 0; i < nmore; i++)
                if (finding_evidence(c->fs, f, &more[i]->loc))
                        return -1;
        if (h->res.inexact &&
            finding_explain(c->fs, f,
                            "%s An ACL or object on the way could not be resolved "
                            "exactly; the verdict may be approximate.",
                            f->explanation))
                return -1;
        return add_fix(c, f, h);
}

static int check_l2l(struct check_ctx *c, const struct cboxes *s, const struct nat_prefilter *pf)
{
        for (size_t i = 0; i < s->n;) {
                size_t j = i;
                struct hit h = {0}, tmp = {0};
                const struct ace *more[EVIDENCE_MAX];
                size_t nmore = 0;
                for (; j < s->n && s->v[j].entry_idx == s->v[i].entry_idx; j++) {
                        if (!translated(c->dev, pf, s, j, &tmp))
                                continue;
                        if (!h.first)
                                h = tmp, h.first = &s->v[j];
                        else if (nmore < EVIDENCE_MAX && s->v[j].ace != h.first->ace &&
                                 (nmore == 0 || more[nmore - 1] != s->v[j].ace))
                                more[nmore++] = s->v[j].ace;
                        h.count++;
                }
                if (h.first && report_entry(c, &h, more, nmore))
                        return -1;
                i = j;
        }
        return 0;
}

int check_nat_exemption_missing(struct check_ctx *c)
{
        if (c->dev->nat_rules.n == 0)
                return 0; /* nothing translates, nothing to exempt */
        struct cboxes s;
        struct nat_prefilter pf;
        int rc = cboxes_collect(c->dev, &s);
        if (rc == 0 && (rc = nat_prefilter_build(c->dev, &s, &pf)) == 0) {
                rc = check_l2l(c, &s, &pf);
                nat_prefilter_free(&pf);
        }
        if (rc == 0)
                rc = nat_exemption_pools(c);
        cboxes_free(&s);
        return rc;
}

const char *nat_exemption_lines(const struct device *dev, const struct flowbox *flow,
                                const char *out_if, unsigned ios_seq, struct arena *a)
{
        const struct iface *in = dev->nat_rules.n && out_if ? nat_ingress(dev, flow, out_if) : NULL;
        if (!in)
                return NULL;
        struct nat_result r = nat_eval(dev, flow, iface_id(in), out_if);
        const struct diagnosis *d = catalog_find("nat-exemption-missing");
        const char *tmpl = d ? d->fix[dialect_for(dev->platform, &dev->version)] : NULL;
        if (r.verdict != NATV_TRANSLATE || !tmpl)
                return NULL;
        struct netvars l, rn;
        net_vars(flow->src, &l);
        net_vars(flow->dst, &rn);
        const char *acl = fix_acl(dev, r.rule, iface_id(in));
        const struct fix_var v[] = {
            {"nat_if", iface_id(in)}, {"if", out_if},           {"acl", acl},
            {"local_net", l.net},     {"local_mask", l.mask},   {"local_wild", l.wild},
            {"remote_net", rn.net},   {"remote_mask", rn.mask}, {"remote_wild", rn.wild},
        };
        char **lines;
        size_t n;
        if (fix_render(tmpl, v, sizeof(v) / sizeof(v[0]), &lines, &n, a) != FIX_OK)
                return NULL;
        char buf[FIX_MAX_BYTES];
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
                /* the IOS template's " 5 deny": another number for this flow */
                const char *t = lines[i];
                int k = dev->platform == PLAT_IOS && !strncmp(t, " 5 deny ", 8)
                            ? snprintf(buf + o, sizeof(buf) - o, "%s %u%s", i ? "\n" : "", ios_seq,
                                       t + 2)
                            : snprintf(buf + o, sizeof(buf) - o, "%s%s", i ? "\n" : "", t);
                if (k < 0 || (size_t)k >= sizeof(buf) - o)
                        return NULL;
                o += (size_t)k;
        }
        return o ? arena_strdup(a, buf) : NULL;
}
