/*
 * Transport checks: NAT traversal off on a head end, and a TCP MSS too
 * large for the ESP overhead.
 */
#include <stdio.h>
#include <string.h>

#include "../model/defaults.h"
#include "checks_list.h"
#include "plat_common.h"

/* The crypto map binding (or IOS VTI) that makes the device an IPsec head end. */
static const struct loc *vpn_loc(const struct device *d, const char **what)
{
        const struct crypto_map_binding *b = plat_any_binding(d);
        if (b) {
                *what = b->map;
                return &b->loc;
        }
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                if (f->tunnel_protection && !f->shutdown) {
                        *what = f->name;
                        return &f->tunnel_protection_loc;
                }
        }
        return NULL;
}

/* Why a defaulted "off" is believed: the defaults row, hedged when it is
 * not verified or is carried over from an older release's document. */
static int explain_default(struct check_ctx *c, struct finding *f)
{
        const struct model_default *row = model_default_row(c->dev, DF_NAT_T);
        const struct version *v = &c->dev->version;
        bool carried =
            c->dev->platform == PLAT_ASA && v->major >= 0 && version_at_least(v, 7, 1, 0);
        return finding_explain(
            c->fs, f, "%s No nat-traversal line: the default for %s %s is off (%s%s).%s",
            f->explanation, platform_name(c->dev->platform),
            v->text ? v->text : "(version unknown)", row ? row->source : "",
            row && !row->verified ? "; not verified" : "",
            carried ? " The 7.0 guide is the newest source we have for the default "
                      "before 8.0; 7.1/7.2 are assumed to behave the same."
                    : "");
}

/* IOS is judged only on an explicit "no crypto ipsec nat-transparency
 * udp-encapsulation": its version line ("version 12.2") omits the release
 * that introduced NAT-T (12.2(13)T), so a default cannot be told apart.
 * A default "off" (PIX 6, ASA 7.0) is reported only where clients connect
 * (a dynamic-map entry in an applied map): the harm the catalog names is
 * VPN clients behind a home router's PAT, and a LAN-to-LAN head end with
 * fixed peers gives no sign of a NAT between them. An explicit "no" line
 * is reported on any head end: someone turned NAT-T off on purpose. */
int check_nat_t_disabled(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const char *what = NULL;
        const struct loc *vl = vpn_loc(d, &what);
        if (!vl || d->ike.nat_t != TRI_OFF)
                return 0;
        bool expl = d->ike.nat_t_explicit && d->ike.nat_t_loc.line;
        const struct crypto_map_binding *dyn = plat_dynamic_binding(d);
        if (!expl && (d->platform == PLAT_IOS || d->platform == PLAT_UNKNOWN || !dyn))
                return 0;
        if (!expl) {
                vl = &dyn->loc;
                what = dyn->map;
        }
        struct finding *f = check_report(c, expl ? &d->ike.nat_t_loc : vl);
        if (!f)
                return -1;
        if (finding_title(c->fs, f, "NAT traversal is %s on this head end (%s '%s')",
                          expl ? "disabled" : "off by default",
                          plat_any_binding(d) ? "crypto map" : "interface", what) ||
            (expl && finding_evidence(c->fs, f, vl)) || (!expl && explain_default(c, f)))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

/*
 * Why 1380: a 1500-byte path loses to ESP tunnel mode a 20-byte outer IP
 * header, 8 bytes of ESP header, an 8-16-byte IV, up to 17 bytes of padding
 * and trailer and a 12-16-byte ICV (plus 8 for NAT-T's UDP): about 60-80
 * bytes. Inner packets of about 1420 bytes fit, and 1420 minus 40 bytes of
 * IP and TCP headers is 1380, the ASA's default clamp.
 */
#define MSS_MAX        1380
#define MSS_FIX_IFACES 16

static const char *const mss_why =
    " ESP tunnel mode adds about 60-80 bytes (outer IP header 20, ESP header 8, IV 8-16, "
    "padding and trailer up to 17, ICV 12-16, NAT-T UDP 8), so on a 1500-byte path an "
    "inner packet must stay near 1420 bytes: an MSS of at most 1380 (1420 minus 40 bytes of "
    "IP and TCP headers).";

static int mss_appliance(struct check_ctx *c)
{
        const struct device *d = c->dev;
        const char *what;
        const struct loc *vl = vpn_loc(d, &what);
        if (!vl || d->sysopt.tcpmss <= MSS_MAX || !d->sysopt.tcpmss_loc.line)
                return 0;
        struct finding *f = check_report(c, &d->sysopt.tcpmss_loc);
        if (!f ||
            finding_title(c->fs, f, "'sysopt connection tcpmss %d' is above %d on a VPN head end",
                          d->sysopt.tcpmss, MSS_MAX) ||
            finding_evidence(c->fs, f, vl) ||
            finding_explain(c->fs, f, "%s%s", f->explanation, mss_why))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

static bool clamps(const struct iface *f)
{
        return f->tcp_adjust_mss > 0 && f->tcp_adjust_mss <= MSS_MAX;
}

/* IOS clamps SYNs on whichever interface has "ip tcp adjust-mss", in both
 * directions, so a clamp on a LAN interface also protects the tunnel. */
static const struct iface *lan_clamp(const struct device *d)
{
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                if (!f->shutdown && !f->crypto_map && !f->tunnel_protection && clamps(f))
                        return f;
        }
        return NULL;
}

/* Where an interface encrypts: its crypto map line or its tunnel protection
 * line; NULL when it does not. */
static const struct loc *encrypts_at(const struct device *d, const struct iface *x)
{
        if (x->crypto_map && model_get_cmap(d, x->crypto_map))
                return &x->crypto_map_loc;
        return x->tunnel_protection ? &x->tunnel_protection_loc : NULL;
}

/* The interface as its header line names it ("Virtual-Template1 type
 * tunnel"): a fix re-enters the interface with the same words. */
static const char *iface_header(const struct iface *f)
{
        const char *t = f->loc.text;
        if (t && !strncmp(t, "interface ", 10) && t[10])
                return t + 10;
        return f->name;
}

static int mss_ios_too_large(struct check_ctx *c, const struct iface *x, const struct loc *where)
{
        struct finding *f = check_report(c, &x->mss_loc);
        if (!f ||
            finding_title(c->fs, f,
                          "'ip tcp adjust-mss %d' on '%s' is above %d for traffic it encrypts",
                          x->tcp_adjust_mss, x->name, MSS_MAX) ||
            finding_evidence(c->fs, f, where) ||
            finding_explain(c->fs, f, "%s%s", f->explanation, mss_why))
                return -1;
        const char *vars[] = {"if", iface_header(x), NULL};
        return check_fix(c, f, vars);
}

/* No clamp anywhere is one fact about the device: one finding at the first
 * encrypting interface, the others as evidence (a router with four crypto
 * interfaces would otherwise say the same thing four times). */
static int mss_ios_missing(struct check_ctx *c, const struct iface *first, size_t others)
{
        const struct device *d = c->dev;
        struct finding *f = check_report(c, encrypts_at(d, first));
        if (!f)
                return -1;
        /* Advice (docs/severity.md): IOS fragments before encryption and
         * answers DF packets with "fragmentation needed", so TCP stalls only
         * where that ICMP message does not reach the host (Cisco "Resolve IPv4
         * Fragmentation, MTU, MSS, and PMTUD Issues with GRE and IPsec", which
         * recommends the clamp as best practice). A clamp set too high stays a
         * warning: the config chose a value that does not fit. */
        f->severity = SEV_INFO;
        static const char cond[] = ": TCP stalls where path MTU discovery is blocked";
        int rc = others ? finding_title(c->fs, f,
                                        "No 'ip tcp adjust-mss' on '%s' nor on %zu other "
                                        "interface%s that encrypt%s, nor on any LAN interface%s",
                                        first->name, others, others == 1 ? "" : "s",
                                        others == 1 ? "s" : "", cond)
                        : finding_title(c->fs, f,
                                        "No 'ip tcp adjust-mss' on '%s' (which encrypts) nor on "
                                        "any LAN interface%s",
                                        first->name, cond);
        /* The fix clamps every interface that encrypts (the catalog's IOS
         * template, once per interface, up to MSS_FIX_IFACES of them). */
        char buf[MSS_FIX_IFACES][96];
        const char *lines[2 * MSS_FIX_IFACES];
        size_t n = 0;
        for (size_t i = 0; !rc && i < d->ifaces.n; i++) {
                const struct iface *x = d->ifaces.v[i];
                if (x->shutdown || x->tcp_adjust_mss > 0 || !encrypts_at(d, x))
                        continue;
                if (x != first)
                        rc = finding_evidence(c->fs, f, &x->loc);
                if (n < MSS_FIX_IFACES) {
                        snprintf(buf[n], sizeof(buf[n]), "interface %.80s", x->name);
                        lines[2 * n] = buf[n];
                        lines[2 * n + 1] = " ip tcp adjust-mss 1300";
                        n++;
                }
        }
        if (rc || finding_explain(c->fs, f, "%s%s", f->explanation, mss_why))
                return -1;
        if (!others) {
                const char *vars[] = {"if", iface_header(first), NULL};
                return check_fix(c, f, vars);
        }
        return finding_fix_lines(c->fs, f, d, lines, 2 * n, NULL);
}

static int mss_ios(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (lan_clamp(d))
                return 0;
        const struct iface *first = NULL;
        size_t others = 0;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *x = d->ifaces.v[i];
                const struct loc *where = encrypts_at(d, x);
                if (x->shutdown || clamps(x) || !where)
                        continue;
                if (x->tcp_adjust_mss > 0) {
                        if (mss_ios_too_large(c, x, where))
                                return -1;
                } else if (!first) {
                        first = x;
                } else {
                        others++;
                }
        }
        return first ? mss_ios_missing(c, first, others) : 0;
}

int check_mss_too_large(struct check_ctx *c)
{
        switch (c->dev->platform) {
        case PLAT_IOS:
                return mss_ios(c);
        case PLAT_ASA:
        case PLAT_PIX:
                return mss_appliance(c);
        default:
                return 0;
        }
}
