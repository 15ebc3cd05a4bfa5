/*
 * nat-exemption-has-ports: an exemption ACL entry with ports. Exemption
 *   ACLs are the ASA/PIX "nat (if) 0 access-list X" ACLs (their permits)
 *   and, on IOS, the deny lines of the ACLs that "ip nat inside source
 *   list|route-map" rules match (a deny there is the exemption). ASA 8.3+
 *   twice NAT "service" clauses are not in the model and are not checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aclnat_util.h"
#include "checks_list.h"

/* ---- nat-exemption-has-ports ------------------------------------------ */

static int ports_visit(struct check_ctx *c, const struct nat_rule *r, const struct acl *acl,
                       enum acl_action act, void *ctx)
{
        (void)ctx;
        for (size_t i = 0; i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (a->remark || a->inactive || a->action != act || !a->has_ports || !a->nboxes)
                        continue;
                struct finding *f = check_report(c, &a->loc);
                if (!f ||
                    finding_title(c->fs, f, "NAT exemption ACL '%s' entry at line %u names ports",
                                  acl->name, a->loc.line) ||
                    finding_evidence(c->fs, f, &r->loc))
                        return -1;
                struct netvars l, rv;
                net_vars(a->boxes[0].src, &l);
                net_vars(a->boxes[0].dst, &rv);
                /* IOS numbers entries 10, 20, ... in order; remarks take none */
                size_t nth = 1;
                for (size_t k = 0; k < i; k++)
                        nth += !((const struct ace *)acl->aces.v[k])->remark;
                char seq[24];
                snprintf(seq, sizeof(seq), "%zu", nth * 10);
                const char *vars[] = {
                    "acl",         acl->name, "local_net",  l.net,  "local_mask",  l.mask,
                    "local_wild",  l.wild,    "remote_net", rv.net, "remote_mask", rv.mask,
                    "remote_wild", rv.wild,   "seq",        seq,    NULL};
                /* the entry with ports goes, the whole-network entry comes in:
                 * ASA "no access-list ..." removes that line; IOS removes an
                 * entry by its number (the i-th entry is 10 * i on a config
                 * as the router shows it) */
                bool asa = c->dev->platform != PLAT_IOS && a->loc.text &&
                           !strncmp(a->loc.text, "access-list ", 12);
                if (asa ? check_fix_replacing(c, f, &a->loc, vars) : check_fix(c, f, vars))
                        return -1;
        }
        return 0;
}

static int ptr_cmp(const void *a, const void *b)
{
        const struct nat_rule *x = *(const struct nat_rule *const *)a;
        const struct nat_rule *y = *(const struct nat_rule *const *)b;
        int c = strcmp(x->match_acl ? x->match_acl : "", y->match_acl ? y->match_acl : "");
        return c ? c : x->loc.line < y->loc.line ? -1 : x->loc.line > y->loc.line;
}

int check_nat_exemption_has_ports(struct check_ctx *c)
{
        const struct device *d = c->dev;
        size_t n = d->nat_rules.n;
        if (n == 0)
                return 0;
        const struct nat_rule **v = malloc((n ? n : 1) * sizeof(*v));
        if (!v)
                return -1;
        memcpy(v, d->nat_rules.v, n * sizeof(*v));
        /* Sorted by ACL name so that an ACL shared by several rules is
         * reported once (route-map rules have no list name: each visited). */
        qsort(v, n, sizeof(*v), ptr_cmp);
        int rc = 0;
        for (size_t i = 0; rc == 0 && i < n; i++) {
                if (i && v[i]->match_acl && v[i - 1]->match_acl &&
                    !strcmp(v[i]->match_acl, v[i - 1]->match_acl))
                        continue;
                rc = nat_exempt_acls(c, v[i], ports_visit, NULL);
        }
        free(v);
        return rc;
}
