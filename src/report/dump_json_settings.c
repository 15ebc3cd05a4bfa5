/* JSON for the device-wide settings: sysopt, same-security-traffic,
 * management-access, threat-detection, ip audit, logging queue, session limit. */
#include "dump_json_int.h"

static json_t *js_sysopt(struct jctx *c, const struct sysopt *s)
{
        json_t *o = jobj(c);
        jput_tri(c, o, "permit_vpn", s->permit_vpn);
        jput_line(c, o, "permit_vpn_line", &s->permit_vpn_loc);
        jput_tri(c, o, "permit_ipsec", s->permit_ipsec);
        jput_line(c, o, "permit_ipsec_line", &s->permit_ipsec_loc);
        jput_int_or_null(c, o, "tcpmss", s->tcpmss, 0);
        jput_line(c, o, "tcpmss_line", &s->tcpmss_loc);
        jput_tri(c, o, "preserve_vpn_flows", s->preserve_vpn_flows);
        jput_line(c, o, "preserve_vpn_flows_line", &s->preserve_loc);
        return o;
}

static json_t *js_threat(struct jctx *c, const struct threat_detection *t)
{
        json_t *o = jobj(c);
        jput_tri(c, o, "basic_threat", t->basic_threat);
        jput_tri(c, o, "scanning_threat", t->scanning_threat);
        jput_tri(c, o, "scanning_shun", t->scanning_shun);
        jput_tri(c, o, "statistics", t->statistics);
        jput_tri(c, o, "rate", t->rate);
        jput_line(c, o, "line", &t->loc);
        return o;
}

static json_t *js_audit(struct jctx *c, const void *e)
{
        const struct iface_ref *r = e;
        json_t *o = jelem(c, &r->loc);
        jput_str(c, o, "signature", r->ifname); /* ip audit keeps the number there */
        return o;
}

/* An SSL VPN block: where it opens and its opener line (scrubbed by the reader). */
static json_t *js_ssl_vpn(struct jctx *c, const void *e)
{
        const struct loc *l = e;
        json_t *o = jelem(c, l);
        jput_str(c, o, "text", l->text);
        return o;
}

/* {"value": v or null, "line": N} for a single optional setting. */
static json_t *js_valued(struct jctx *c, json_t *value, const struct loc *l)
{
        json_t *o = jobj(c);
        jput(c, o, "value", value);
        jput_line(c, o, "line", l);
        return o;
}

void js_settings(struct jctx *c, json_t *d)
{
        const struct device *dev = c->dev;
        jput(c, d, "sysopt", js_sysopt(c, &dev->sysopt));
        json_t *sst = jobj(c);
        jput_tri(c, sst, "inter_interface", dev->same_sec_inter);
        jput_tri(c, sst, "intra_interface", dev->same_sec_intra);
        jput_line(c, sst, "intra_interface_line", &dev->same_sec_intra_loc);
        jput(c, d, "same_security_traffic", sst);
        jput(c, d, "management_access",
             js_valued(c, jstr(c, dev->management_access), &dev->management_access_loc));
        jput(c, d, "threat_detection", js_threat(c, &dev->threat));
        jput_list(c, d, "ip_audit_disabled", &dev->audit_sig_disabled, js_audit);
        jput(c, d, "logging_queue",
             js_valued(c, dev->logging_queue < 0 ? jnull(c) : jint(c, dev->logging_queue),
                       &dev->logging_queue_loc));
        jput(c, d, "max_sessions",
             js_valued(c, dev->max_sessions ? jint(c, dev->max_sessions) : jnull(c),
                       &dev->max_sessions_loc));
        jput_str(c, d, "ssl_trustpoint", dev->ssl_trustpoint);
        jput(c, d, "dynamic_routing",
             js_valued(c, jstr(c, dev->dyn_routing), &dev->dyn_routing_loc));
        jput_list(c, d, "ssl_vpn", &dev->ssl_vpn, js_ssl_vpn);
}
