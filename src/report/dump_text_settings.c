/* Text outline of device-wide settings, as tables over struct device:
 * only what the config (or a default) set is printed. */
#include "dump_text_int.h"

#include <stddef.h>

#define DEV_OFF(f) offsetof(struct device, f)
#define NO_LOC     ((size_t)-1)

#define FIELD(dev, off, T) ((const T *)(const void *)((const char *)(dev) + (off)))

struct tri_setting {
        const char *label;
        size_t tri_off, loc_off;
};

static const struct tri_setting tri_settings[] = {
    {"sysopt connection permit-vpn", DEV_OFF(sysopt.permit_vpn), DEV_OFF(sysopt.permit_vpn_loc)},
    {"sysopt connection permit-ipsec", DEV_OFF(sysopt.permit_ipsec),
     DEV_OFF(sysopt.permit_ipsec_loc)},
    {"sysopt connection preserve-vpn-flows", DEV_OFF(sysopt.preserve_vpn_flows),
     DEV_OFF(sysopt.preserve_loc)},
    {"same-security-traffic inter-interface", DEV_OFF(same_sec_inter), NO_LOC},
    {"same-security-traffic intra-interface", DEV_OFF(same_sec_intra), DEV_OFF(same_sec_intra_loc)},
    {"threat-detection basic-threat", DEV_OFF(threat.basic_threat), DEV_OFF(threat.loc)},
    {"threat-detection scanning-threat", DEV_OFF(threat.scanning_threat), DEV_OFF(threat.loc)},
    {"threat-detection scanning-threat shun", DEV_OFF(threat.scanning_shun), DEV_OFF(threat.loc)},
    {"threat-detection statistics", DEV_OFF(threat.statistics), DEV_OFF(threat.loc)},
    {"threat-detection rate", DEV_OFF(threat.rate), DEV_OFF(threat.loc)},
};

struct int_setting {
        const char *label;
        size_t int_off, loc_off;
        int unset;
};

static const struct int_setting int_settings[] = {
    {"sysopt connection tcpmss", DEV_OFF(sysopt.tcpmss), DEV_OFF(sysopt.tcpmss_loc), 0},
    {"logging queue", DEV_OFF(logging_queue), DEV_OFF(logging_queue_loc), -1},
    {"vpn-sessiondb max-session-limit", DEV_OFF(max_sessions), DEV_OFF(max_sessions_loc), 0},
};

struct str_setting {
        const char *label;
        size_t str_off, loc_off;
};

static const struct str_setting str_settings[] = {
    {"domain-name", DEV_OFF(domain), NO_LOC},
    {"management-access", DEV_OFF(management_access), DEV_OFF(management_access_loc)},
    {"ssl trust-point", DEV_OFF(ssl_trustpoint), NO_LOC},
    {"dynamic routing", DEV_OFF(dyn_routing), DEV_OFF(dyn_routing_loc)},
};

/* Prints the section title before the first setting only. */
static void thead(struct tctx *c, bool *shown)
{
        if (!*shown)
                tf(c, "  Other settings\n");
        *shown = true;
}

static void tx_setting_end(struct tctx *c, size_t loc_off)
{
        if (loc_off != NO_LOC)
                tsubloc(c, FIELD(c->dev, loc_off, struct loc));
        tf(c, "\n");
}

static void tx_scalars(struct tctx *c, bool *shown)
{
        for (size_t i = 0; i < ARRAY_LEN(tri_settings); i++) {
                enum tristate t = *FIELD(c->dev, tri_settings[i].tri_off, enum tristate);
                if (t == TRI_UNSET)
                        continue;
                thead(c, shown);
                tf(c, "    %s %s", tri_settings[i].label, ttri(t));
                tx_setting_end(c, tri_settings[i].loc_off);
        }
        for (size_t i = 0; i < ARRAY_LEN(int_settings); i++) {
                int v = *FIELD(c->dev, int_settings[i].int_off, int);
                if (v == int_settings[i].unset)
                        continue;
                thead(c, shown);
                tf(c, "    %s %d", int_settings[i].label, v);
                tx_setting_end(c, int_settings[i].loc_off);
        }
        for (size_t i = 0; i < ARRAY_LEN(str_settings); i++) {
                const char *s = *FIELD(c->dev, str_settings[i].str_off, cstr);
                if (!s)
                        continue;
                thead(c, shown);
                tf(c, "    %s ", str_settings[i].label);
                tput(c, s);
                tx_setting_end(c, str_settings[i].loc_off);
        }
}

void tx_settings(struct tctx *c)
{
        bool shown = false;
        tx_scalars(c, &shown);
        const struct ptrvec *a = &c->dev->audit_sig_disabled;
        if (a->n) {
                thead(c, &shown);
                tf(c, "    ip audit signature disabled:");
                for (size_t i = 0; i < a->n; i++) {
                        const struct iface_ref *r = a->v[i];
                        tf(c, " ");
                        tput(c, r->ifname);
                        tsubloc(c, &r->loc);
                }
                tf(c, "\n");
        }
        const struct ptrvec *s = &c->dev->ssl_vpn;
        if (s->n) {
                thead(c, &shown);
                tf(c, "    SSL VPN (not IPsec):");
                for (size_t i = 0; i < s->n; i++)
                        tsubloc(c, s->v[i]);
                tf(c, "\n");
        }
}
