/*
 * VPN-relevant global settings: ip local pool, sysopt, same-security-
 * traffic, management-access, threat-detection, ip audit, logging queue,
 * aaa-server groups and hosts, vpn-sessiondb limits.
 */
#include "asa.h"

#include <string.h>

/* ip local pool NAME A-B [mask M] (IPv6 pools: ipv6 local pool) */
static int on_pool(struct asa_ctx *c, size_t i)
{
        const char *name = asa_w(c, i), *r = asa_w(c, i + 1);
        char lo_s[16];
        uint32_t lo, hi, m = 0;
        if (!name || !r)
                return ASA_UNKNOWN;
        const char *dash = strchr(r, '-');
        size_t n = dash ? (size_t)(dash - r) : strlen(r);
        if (n >= sizeof(lo_s))
                return ASA_UNKNOWN;
        memcpy(lo_s, r, n);
        lo_s[n] = '\0';
        if (!lex_ipv4(lo_s, &lo) || (dash ? !lex_ipv4(dash + 1, &hi) : !(hi = lo, true)) || hi < lo)
                return ASA_UNKNOWN;
        bool has_mask = kw(asa_w(c, i + 2), "mask");
        if ((has_mask && !lex_ipv4(asa_w(c, i + 3) ? asa_w(c, i + 3) : "", &m)) ||
            (!has_mask && asa_w(c, i + 2)))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        struct local_pool *p = asa_new(c, sizeof(*p));
        if (!p || !(p->name = asa_dup(c, name)))
                return ASA_OOM;
        p->lo = lo;
        p->hi = hi;
        p->has_mask = has_mask;
        p->mask = m;
        return model_add_pool(c->dev, p) ? ASA_OOM : ASA_OK;
}

static int tri(struct asa_ctx *c, enum tristate *t, struct loc *l)
{
        *t = c->no ? TRI_OFF : TRI_ON;
        if (l)
                *l = c->loc;
        return ASA_OK;
}

static int so_permit_vpn(struct asa_ctx *c, size_t i)
{
        (void)i;
        return tri(c, &c->dev->sysopt.permit_vpn, &c->dev->sysopt.permit_vpn_loc);
}

static int so_permit_ipsec(struct asa_ctx *c, size_t i)
{
        (void)i;
        return tri(c, &c->dev->sysopt.permit_ipsec, &c->dev->sysopt.permit_ipsec_loc);
}

static int so_preserve(struct asa_ctx *c, size_t i)
{
        (void)i;
        return tri(c, &c->dev->sysopt.preserve_vpn_flows, &c->dev->sysopt.preserve_loc);
}

/* sysopt connection tcpmss [minimum] N */
static int so_tcpmss(struct asa_ctx *c, size_t i)
{
        int v;
        bool min = kw(asa_w(c, i), "minimum");
        if (!lex_int(asa_w(c, i + min), 0, 65535, &v) && !c->no)
                return ASA_UNKNOWN;
        if (!min) {
                c->dev->sysopt.tcpmss = c->no ? 0 : v;
                c->dev->sysopt.tcpmss_loc = c->loc;
        }
        return ASA_OK;
}

static int on_same_security(struct asa_ctx *c, size_t i)
{
        if (!kw(asa_w(c, i), "permit"))
                return ASA_UNKNOWN;
        if (kw(asa_w(c, i + 1), "inter-interface"))
                return tri(c, &c->dev->same_sec_inter, NULL);
        if (kw(asa_w(c, i + 1), "intra-interface"))
                return tri(c, &c->dev->same_sec_intra, &c->dev->same_sec_intra_loc);
        return ASA_UNKNOWN;
}

static int on_management_access(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i))
                return ASA_UNKNOWN;
        c->dev->management_access = c->no ? NULL : asa_dup(c, asa_w(c, i));
        c->dev->management_access_loc = c->loc;
        return ASA_OK;
}

/* threat-detection basic-threat | scanning-threat [shun ...] | statistics ... | rate ... */
static int on_threat(struct asa_ctx *c, size_t i)
{
        struct threat_detection *t = &c->dev->threat;
        const char *w = asa_w(c, i);
        enum tristate v = c->no ? TRI_OFF : TRI_ON;
        if (!t->loc.line)
                t->loc = c->loc;
        if (kw(w, "basic-threat"))
                t->basic_threat = v;
        else if (kw(w, "scanning-threat") && kw(asa_w(c, i + 1), "shun"))
                t->scanning_shun = v;
        else if (kw(w, "scanning-threat"))
                t->scanning_threat = v;
        else if (kw(w, "statistics"))
                t->statistics = v;
        else if (kw(w, "rate"))
                t->rate = v;
        else
                return ASA_UNKNOWN;
        return ASA_OK;
}

/* ip audit signature N disable | ip audit name|attack|info|interface ... */
static int on_audit(struct asa_ctx *c, size_t i)
{
        uint32_t sig;
        if (!kw(asa_w(c, i), "signature"))
                return asa_w(c, i) ? ASA_OK : ASA_UNKNOWN;
        if (!lex_u32(asa_w(c, i + 1), 0, 99999, &sig) || !kw(asa_w(c, i + 2), "disable"))
                return ASA_UNKNOWN;
        if (c->no)
                return ASA_OK;
        return asa_push_ifref(c, &c->dev->audit_sig_disabled, asa_w(c, i + 1));
}

/* sysopt noproxyarp IF: the ASA answers no proxy ARP on IF, for NAT
 * mapped addresses nor for VPN client addresses (Cisco ASA 5500 Series
 * Configuration Guide using the CLI 8.4, "Routing Overview", "Disabling
 * Proxy ARPs"). "no sysopt noproxyarp IF" is the default. */
static int on_noproxyarp(struct asa_ctx *c, size_t i)
{
        if (!asa_w(c, i) || asa_w(c, i + 1))
                return ASA_UNKNOWN;
        struct ptrvec *v = &c->dev->noproxyarp;
        if (!c->no)
                return asa_push_ifref(c, v, asa_w(c, i));
        size_t o = 0;
        for (size_t k = 0; k < v->n; k++)
                if (strcmp(((const struct iface_ref *)v->v[k])->ifname, asa_w(c, i)))
                        v->v[o++] = v->v[k];
        v->n = o;
        return ASA_OK;
}

static int on_logging_queue(struct asa_ctx *c, size_t i)
{
        int q = -1;
        if (!c->no && !lex_int(asa_w(c, i), 0, 8192, &q))
                return ASA_UNKNOWN;
        c->dev->logging_queue = q;
        c->dev->logging_queue_loc = c->loc;
        return ASA_OK;
}

static int on_max_sessions(struct asa_ctx *c, size_t i)
{
        int n = 0;
        if (!c->no && !lex_int(asa_w(c, i), 0, 1000000, &n))
                return ASA_UNKNOWN;
        c->dev->max_sessions = n;
        c->dev->max_sessions_loc = c->loc;
        return ASA_OK;
}

/* ---- aaa-server ---------------------------------------------------------- */

static int h_timeout(struct asa_ctx *c, size_t i)
{
        struct aaa_host *h = c->obj;
        if (!lex_int(asa_w(c, i), 1, 300, &h->timeout))
                return ASA_UNKNOWN;
        h->timeout_loc = c->loc;
        return ASA_OK;
}

/* key / radius-common-pw K: secrets, not kept at all */
static const struct asa_cmd host_cmds[] = {
    {{"timeout"}, h_timeout},
    {{"key"}, asa_known},
    {{"radius-common-pw"}, asa_known},
    {{"retry-interval"}, asa_known},
    {{"authentication-port"}, asa_known},
    {{"accounting-port"}, asa_known},
    {{"server-port"}, asa_known},
    {{"ldap-base-dn"}, asa_known},
    {{"ldap-scope"}, asa_known},
    {{"ldap-naming-attribute"}, asa_known},
    {{"ldap-login-password"}, asa_known},
    {{"ldap-login-dn"}, asa_known},
    {{"ldap-over-ssl"}, asa_known},
    {{"ldap-attribute-map"}, asa_known},
    {{"server-type"}, asa_known},
    {{"sasl-mechanism"}, asa_known},
    {{"acl-netmask-convert"}, asa_known},
    {{"nt-auth-domain-controller"}, asa_known},
    {{"sdi-version"}, asa_known},
    {{0}, NULL},
};

static const struct asa_cmd group_cmds[] = {
    {{"reactivation-mode"}, asa_known},
    {{"max-failed-attempts"}, asa_known},
    {{"accounting-mode"}, asa_known},
    {{"interim-accounting-update"}, asa_known},
    {{"dynamic-authorization"}, asa_known},
    {{"merge-dacl"}, asa_known},
    {{"ad-agent-mode"}, asa_known},
    {{"deadtime"}, asa_known},
    {{0}, NULL},
};

static int aaa_host(struct asa_ctx *c, size_t i, const char *group, const char *ifn)
{
        uint32_t a;
        if (!asa_addr(c, asa_w(c, i), &a))
                return asa_w(c, i) ? ASA_OK : ASA_UNKNOWN; /* a host by name */
        if (c->no)
                return ASA_OK;
        struct aaa_host *h = asa_new(c, sizeof(*h));
        if (!h || !(h->group = asa_dup(c, group)) ||
            ptrvec_push(&c->dev->arena, &c->dev->aaa_hosts, h))
                return ASA_OOM;
        h->ifname = ifn;
        h->addr = a;
        for (size_t k = i + 1; k + 1 < c->n; k++)
                if (kw(asa_w(c, k), "timeout") && !lex_int(asa_w(c, k + 1), 1, 300, &h->timeout))
                        return ASA_UNKNOWN;
        asa_open(c, host_cmds, h, NULL);
        return ASA_OK;
}

/* aaa-server G protocol P | aaa-server G [(IF)] host A [key K] [timeout N] */
static int on_aaa_server(struct asa_ctx *c, size_t i)
{
        const char *g = asa_w(c, i), *ifn = NULL, *dummy;
        if (!g || !asa_w(c, i + 1))
                return ASA_UNKNOWN;
        if (kw(asa_w(c, i + 1), "protocol")) {
                if (!asa_w(c, i + 2) || c->no)
                        return c->no ? ASA_OK : ASA_UNKNOWN;
                struct aaa_group *a = asa_new(c, sizeof(*a));
                if (!a || !(a->name = asa_dup(c, g)) ||
                    !(a->protocol = asa_dup(c, asa_w(c, i + 2))) ||
                    ptrvec_push(&c->dev->arena, &c->dev->aaa_groups, a))
                        return ASA_OOM;
                asa_open(c, group_cmds, a, NULL);
                return ASA_OK;
        }
        if (asa_dispatch_at(c, i + 1, group_cmds, NULL) == ASA_OK)
                return ASA_OK; /* PIX: "aaa-server G deadtime N" on one line */
        size_t k = i + 1;
        if (asa_w(c, k)[0] == '(' && asa_paren_ifs(c, asa_w(c, k), &ifn, &dummy))
                k++;
        if (!kw(asa_w(c, k), "host"))
                return ASA_UNKNOWN;
        return aaa_host(c, k + 1, g, ifn);
}

const struct asa_cmd asa_misc_cmds[] = {
    {{"ip", "local", "pool"}, on_pool, SEM_PREFIX(4)},
    {{"ip", "audit"}, on_audit},
    /* on by default (7.1+): "no sysopt connection permit-vpn" is a setting */
    {{"sysopt", "connection", "permit-vpn"}, so_permit_vpn, SEM_PREFIX_NEG(3)},
    {{"sysopt", "connection", "permit-ipsec"}, so_permit_ipsec, SEM_PREFIX_NEG(3)},
    {{"sysopt", "connection", "preserve-vpn-flows"}, so_preserve, SEM_PREFIX_NEG(3)},
    {{"sysopt", "connection", "tcpmss"}, so_tcpmss, SEM_PREFIX(3)},
    {{"sysopt", "connection", "timewait"}, asa_known},
    {{"sysopt", "connection", "reclassify-vpn"}, asa_known},
    {{"sysopt", "connection", "permit-pptp"}, asa_known},
    {{"sysopt", "connection", "permit-l2tp"}, asa_known},
    {{"sysopt", "noproxyarp"}, on_noproxyarp},
    {{"sysopt", "radius"}, asa_known},
    {{"sysopt", "nodnsalias"}, asa_known},
    {{"sysopt", "uauth"}, asa_known},
    {{"sysopt", "security"}, asa_known},
    {{"sysopt", "ipsec"}, asa_known},
    {{"sysopt", "route"}, asa_known},
    {{"sysopt", "traffic"}, asa_known},
    {{"same-security-traffic"}, on_same_security},
    {{"management-access"}, on_management_access},
    {{"threat-detection"}, on_threat},
    {{"logging", "queue"}, on_logging_queue},
    {{"aaa-server"}, on_aaa_server},
    {{"vpn-sessiondb", "max-session-limit"}, on_max_sessions, SEM_PREFIX(2)},
    {{"vpn-sessiondb"}, asa_known},
    {{0}, NULL},
};
