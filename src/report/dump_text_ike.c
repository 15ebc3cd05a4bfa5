/* Text outline of phase 1: ISAKMP policy table, IKEv2 policies, keys,
 * keyrings, profiles, client groups and global IKE settings. */
#include "dump_text_int.h"

#include <string.h>

/* A table cell; "*" marks a value the policy did not configure. */
static void tcell(struct tctx *c, const char *v, bool dflt, int width)
{
        int n = (int)strlen(v) + (dflt ? 1 : 0);
        tf(c, "%s%s%*s", v, dflt ? "*" : "", n < width ? width - n : 0, "");
}

static bool tx_isakmp_row(struct tctx *c, const struct isakmp_policy *p)
{
        char b[32], g[16], l[16];
        bool mark = !p->implicit, any = false;
        bool d[5] = {false}; /* every column, even past the table of bits */
        for (size_t i = 0; i < 5 && i < n_p1_explicit_bits; i++) {
                d[i] = mark && !(p->explicit_mask & p1_explicit_bits[i].bit);
                any |= d[i];
        }
        tloc(c, &p->loc);
        tf(c, "%-6d", p->priority);
        fmt_encr(p->encr, p->key_bits, b, sizeof(b));
        tcell(c, b, d[0], 10);
        tcell(c, tname(&names_hash, (int)p->hash), d[1], 8);
        tcell(c, tname(&names_auth, (int)p->auth), d[2], 11);
        snprintf(g, sizeof(g), "%d", p->group);
        tcell(c, g, d[3], 7);
        snprintf(l, sizeof(l), "%u", (unsigned)p->lifetime);
        tcell(c, p->lifetime ? l : "none", d[4], 0);
        tf(c, "%s\n", p->implicit ? "  (default)" : "");
        return any;
}

static void tx_isakmp_policies(struct tctx *c)
{
        const struct ptrvec *pv = &c->dev->isakmp_policies;
        if (pv->n == 0)
                return;
        tsection(c, "ISAKMP policies", pv->n);
        tf(c, "    %-8sprio  encr      hash    auth       group  lifetime\n", "line");
        bool any = false;
        for (size_t i = 0; i < pv->n; i++)
                any |= tx_isakmp_row(c, pv->v[i]);
        if (any)
                tf(c, "    * not configured: the platform default applies\n");
}

static void tx_hashes(struct tctx *c, const char *word, const enum ike_hash *h, size_t n)
{
        if (n == 0)
                return;
        tf(c, " %s ", word);
        for (size_t i = 0; i < n; i++)
                tf(c, "%s%s", i ? "," : "", tname(&names_hash, (int)h[i]));
}

static void tx_ikev2_policy(struct tctx *c, const void *e)
{
        const struct ikev2_policy *p = e;
        char b[32];
        tf(c, "%s ", p->is_proposal ? "proposal" : "policy");
        tput(c, p->name);
        if (p->priority)
                tf(c, " prio %d", p->priority);
        if (p->nencr)
                tf(c, " encr ");
        for (size_t i = 0; i < CLAMP(p->nencr, p->encr); i++) {
                fmt_encr(p->encr[i], p->key_bits[i], b, sizeof(b));
                tf(c, "%s%s", i ? "," : "", b);
        }
        tx_hashes(c, "integ", p->integ, CLAMP(p->ninteg, p->integ));
        tx_hashes(c, "prf", p->prf, CLAMP(p->nprf, p->prf));
        for (size_t i = 0; i < CLAMP(p->ngroups, p->groups); i++)
                tf(c, "%s%d", i ? "," : " group ", p->groups[i]);
        if (p->lifetime)
                tf(c, " lifetime %u", (unsigned)p->lifetime);
        if (p->proposals.n) {
                tf(c, " proposals ");
                tstrvec(c, &p->proposals, ",");
        }
        if (p->match_addrs.n) {
                tf(c, " match-local ");
                tstrvec(c, &p->match_addrs, ",");
        }
}

static void tx_psk(struct tctx *c, const void *e)
{
        const struct psk *k = e;
        if (k->has_addr)
                tnet(c, k->addr, k->mask);
        else
                tput(c, k->hostname ? k->hostname : k->tunnel_group);
        tf(c, " -> ");
        tsecret(c, &k->key);
        tf(c, "  (%s", tname(&names_psk_source, (int)k->source));
        topt(c, "keyring", k->keyring);
        topt(c, "tunnel-group", k->tunnel_group);
        tf(c, "%s)", k->no_xauth ? " no-xauth" : "");
}

static void tx_keyring(struct tctx *c, const void *e)
{
        const struct keyring *k = e;
        tput(c, k->name);
        tf(c, "%s", k->ikev2 ? " ikev2" : "");
        topt(c, "vrf", k->vrf);
}

static void tx_profile(struct tctx *c, const void *e)
{
        const struct isakmp_profile *p = e;
        tput(c, p->name);
        tf(c, "%s keyrings ", p->ikev2 ? " ikev2" : "");
        tstrvec(c, &p->keyrings, ",");
        tf(c, " match");
        for (size_t i = 0; i < p->match_ids.n; i++) {
                const struct profile_match *m = p->match_ids.v[i];
                tf(c, " ");
                if (m->is_addr)
                        tnet(c, m->addr, m->mask);
                else
                        tput(c, m->text);
        }
        if (p->match_ids.n == 0)
                tf(c, " -");
        topt(c, "vrf", p->vrf);
        topt(c, "client-auth", p->client_auth_list);
        topt(c, "isakmp-authorization", p->isakmp_authorization_list);
        topt(c, "group", p->client_config_group);
        tf(c, "%s", p->client_config_respond ? " respond" : "");
        if (p->keepalive)
                tf(c, " keepalive %d", p->keepalive);
        topt(c, "local-auth", p->local_auth);
        topt(c, "remote-auth", p->remote_auth);
}

static void tx_client_group(struct tctx *c, const void *e)
{
        const struct client_group *g = e;
        tput(c, g->name);
        tf(c, " key ");
        tsecret(c, &g->key);
        tsubloc(c, &g->key_loc);
        topt(c, "pool", g->pool);
        topt(c, "acl", g->split_acl);
        if (g->dns.n) {
                tf(c, " dns ");
                tstrvec(c, &g->dns, ",");
        }
        topt(c, "domain", g->domain);
        tf(c, "%s", g->save_password ? " save-password" : "");
        if (g->max_users)
                tf(c, " max-users %d", g->max_users);
        if (g->max_logins)
                tf(c, " max-logins %d", g->max_logins);
}

static void tx_enabled(struct tctx *c, const char *what, const struct ptrvec *pv)
{
        if (pv->n == 0)
                return;
        tf(c, "    %s enabled on:", what);
        for (size_t i = 0; i < pv->n; i++) {
                const struct iface_ref *r = pv->v[i];
                tf(c, " ");
                tput(c, r->ifname);
                tsubloc(c, &r->loc);
        }
        tf(c, "\n");
}

static void tx_ike_global(struct tctx *c)
{
        const struct ike_global *g = &c->dev->ike;
        tf(c, "  IKE global\n");
        if (g->identity != IDENT_UNSET) {
                tf(c, "    identity %s", tname(&names_identity, (int)g->identity));
                tsubloc(c, &g->identity_loc);
                tf(c, "\n");
        }
        tf(c, "    nat-traversal %s%s", ttri(g->nat_t), g->nat_t_explicit ? "" : " (default)");
        if (g->nat_t_keepalive)
                tf(c, " keepalive %d", g->nat_t_keepalive);
        tsubloc(c, &g->nat_t_loc);
        tf(c, "\n");
        if (g->keepalive) {
                tf(c, "    keepalive %d retry %d%s", g->keepalive, g->keepalive_retry,
                   g->keepalive_periodic ? " periodic" : "");
                tsubloc(c, &g->keepalive_loc);
                tf(c, "\n");
        }
        tx_enabled(c, "ikev1", &g->ikev1_enabled);
        tx_enabled(c, "ikev2", &g->ikev2_enabled);
        if (g->ios_isakmp_disabled) {
                tf(c, "    no crypto isakmp enable");
                tsubloc(c, &g->ios_isakmp_disabled_loc);
                tf(c, "\n");
        }
        if (g->aggressive_mode_disabled || g->ipsec_over_tcp || g->uses_ikev1_keywords)
                tf(c, "   %s%s%s\n", g->aggressive_mode_disabled ? " am-disable" : "",
                   g->ipsec_over_tcp ? " ipsec-over-tcp" : "",
                   g->uses_ikev1_keywords ? " ikev1-keywords" : "");
}

void tx_ike(struct tctx *c)
{
        const struct device *dev = c->dev;
        tx_isakmp_policies(c);
        tlist(c, "IKEv2 policies", &dev->ikev2_policies, tx_ikev2_policy);
        tlist(c, "Keys", &dev->psks, tx_psk);
        tlist(c, "Keyrings", &dev->keyrings, tx_keyring);
        tlist(c, "ISAKMP/IKEv2 profiles", &dev->isakmp_profiles, tx_profile);
        tlist(c, "Client groups", &dev->client_groups, tx_client_group);
        tx_ike_global(c);
}
