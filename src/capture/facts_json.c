/* The facts of a capture as JSON (facts_json.h). */
#include <stdio.h>
#include <string.h>

#include "../ike/vocab.h"
#include "../packet/frame.h"
#include "esp_out.h"
#include "facts_json.h"
#include "ladder.h"

static const char *name_or(const char *name, unsigned num, char *buf, size_t n)
{
        if (name)
                return name;
        snprintf(buf, n, "%u", num);
        return buf;
}

static json_t *num_name(enum ike_registry reg, unsigned num)
{
        const char *n = ike_name_of(reg, num);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_integer(num));
        if (n)
                json_object_set_new(o, "name", json_string(n));
        return o;
}

static enum ike_registry v2_reg(uint8_t type)
{
        switch (type) {
        case 1:
                return IKE_REG_V2_ENCR;
        case 2:
                return IKE_REG_V2_PRF;
        case 3:
                return IKE_REG_V2_INTEG;
        case 4:
                return IKE_REG_DH_GROUP;
        default:
                return IKE_REG_COUNT; /* ESN and others: a number */
        }
}

const char *cap_transform_str(int version, const struct cap_transform *x, char *buf, size_t n)
{
        char a[16], b[16], c[16], d[16];
        size_t used = 0;
        buf[0] = '\0';
        if (version == 2) {
                const char *t = ike_name_of(IKE_REG_V2_TRANSFORM, x->type);
                used += (size_t)snprintf(
                    buf, n, "%s %s", name_or(t, x->type, a, sizeof(a)),
                    name_or(ike_name_of(v2_reg(x->type), x->id), x->id, b, sizeof(b)));
        } else if (x->proto == 1) {
                used += (size_t)snprintf(
                    buf, n, "%s %s %s group %s",
                    name_or(ike_name_of(IKE_REG_V1_ENCR, x->encr), x->encr, a, sizeof(a)),
                    name_or(ike_name_of(IKE_REG_V1_HASH, x->hash), x->hash, b, sizeof(b)),
                    name_or(ike_name_of(IKE_REG_V1_AUTH, x->auth), x->auth, c, sizeof(c)),
                    name_or(NULL, x->group, d, sizeof(d)));
        } else {
                used += (size_t)snprintf(
                    buf, n, "%s",
                    name_or(x->proto == 3 ? ike_name_of(IKE_REG_ESP_ID, x->id) : NULL, x->id, a,
                            sizeof(a)));
                if (x->auth && used < n)
                        used += (size_t)snprintf(buf + used, n - used, " %s",
                                                 name_or(ike_name_of(IKE_REG_IPSEC_AUTH, x->auth),
                                                         x->auth, b, sizeof(b)));
                if (x->group && used < n)
                        used += (size_t)snprintf(buf + used, n - used, " PFS group %u", x->group);
        }
        if (x->keylen && used < n)
                used += (size_t)snprintf(buf + used, n - used, " %u-bit", x->keylen);
        if (x->life_sec && used < n)
                used += (size_t)snprintf(buf + used, n - used, " %u s", x->life_sec);
        if (x->life_kb && used < n)
                snprintf(buf + used, n - used, " %u KB", x->life_kb);
        return buf;
}

static void set_opt_int(json_t *o, const char *k, unsigned long long v)
{
        if (v)
                json_object_set_new(o, k, json_integer((json_int_t)v));
}

static json_t *hex(const uint8_t *p, size_t n)
{
        char buf[2 * 64 + 1];
        if (n > 64)
                n = 64;
        for (size_t i = 0; i < n; i++)
                snprintf(buf + 2 * i, 3, "%02x", p[i]);
        buf[2 * n] = '\0';
        return json_string(buf);
}

static json_t *transform_json(int version, const struct cap_transform *x)
{
        json_t *o = json_object();
        char txt[160];
        json_object_set_new(o, "proposal", json_integer(x->prop));
        const char *pn = ike_proto_name(version, x->proto);
        json_object_set_new(o, "protocol", pn ? json_string(pn) : json_integer(x->proto));
        if (x->spi_size)
                json_object_set_new(o, "spi", hex(x->spi, x->spi_size < 8 ? x->spi_size : 8));
        if (version == 2) {
                const char *tn = ike_name_of(IKE_REG_V2_TRANSFORM, x->type);
                json_object_set_new(o, "type", tn ? json_string(tn) : json_integer(x->type));
                enum ike_registry r = v2_reg(x->type);
                if (r != IKE_REG_COUNT)
                        json_object_set_new(o, "transform", num_name(r, x->id));
                else
                        json_object_set_new(o, "transform", json_integer(x->id));
        } else {
                json_object_set_new(o, "number", json_integer(x->num));
                if (x->proto == 1) {
                        json_object_set_new(o, "encryption", num_name(IKE_REG_V1_ENCR, x->encr));
                        json_object_set_new(o, "hash", num_name(IKE_REG_V1_HASH, x->hash));
                        json_object_set_new(o, "auth", num_name(IKE_REG_V1_AUTH, x->auth));
                        json_object_set_new(o, "group", num_name(IKE_REG_DH_GROUP, x->group));
                } else {
                        json_object_set_new(o, "transform",
                                            x->proto == 3 ? num_name(IKE_REG_ESP_ID, x->id)
                                                          : json_integer(x->id));
                        if (x->auth)
                                json_object_set_new(o, "auth",
                                                    num_name(IKE_REG_IPSEC_AUTH, x->auth));
                        if (x->group)
                                json_object_set_new(o, "pfs_group",
                                                    num_name(IKE_REG_DH_GROUP, x->group));
                        if (x->encap) {
                                const char *en = ike_encap_mode_name(x->encap);
                                json_object_set_new(o, "encapsulation",
                                                    en ? json_string(en) : json_integer(x->encap));
                        }
                }
        }
        set_opt_int(o, "key_length", x->keylen);
        set_opt_int(o, "life_seconds", x->life_sec);
        set_opt_int(o, "life_kilobytes", x->life_kb);
        json_object_set_new(o, "text",
                            json_string(cap_transform_str(version, x, txt, sizeof(txt))));
        return o;
}

static json_t *offer_json(int version, const struct cap_offer *of)
{
        if (!of)
                return json_null();
        json_t *o = json_object();
        json_object_set_new(o, "frame", json_integer((json_int_t)of->frame));
        json_object_set_new(o, "decrypted", json_boolean(of->decrypted));
        json_object_set_new(o, "proposals", json_integer(of->nprop));
        json_t *xs = json_array();
        for (size_t i = 0; i < of->nxf; i++)
                json_array_append_new(xs, transform_json(version, &of->xf[i]));
        json_object_set_new(o, "transforms", xs);
        if (of->xf_dropped)
                json_object_set_new(o, "transforms_not_kept", json_integer(of->xf_dropped));
        if (of->malformed)
                json_object_set_new(o, "malformed", json_true());
        return o;
}

static json_t *tri(cap_tri v)
{
        return v < 0 ? json_null() : json_boolean(v);
}

static json_t *notify_json(const struct cap_sa *sa, const struct cap_notify_fact *n)
{
        json_t *o = json_object();
        char addr[46];
        json_object_set_new(o, "frame", json_integer((json_int_t)n->frame));
        const char *step = n->msg < sa->nmsgs ? sa->msgs[n->msg].step : NULL;
        if (step)
                json_object_set_new(o, "step", json_string(step));
        json_object_set_new(o, "type", json_integer(n->type));
        const char *nn = ike_notify_name(sa->version, n->type);
        if (nn)
                json_object_set_new(o, "name", json_string(nn));
        json_object_set_new(o, "sender",
                            json_string(n->from_initiator ? "initiator" : "responder"));
        json_object_set_new(
            o, "from",
            json_string(frame_addr_str(sa->af, n->from_initiator ? sa->ini : sa->resp, addr)));
        json_object_set_new(o, "error", json_boolean(ike_notify_is_error(n->type)));
        json_object_set_new(o, "decrypted", json_boolean(n->decrypted));
        const char *pn = ike_proto_name(sa->version, n->proto);
        if (n->proto)
                json_object_set_new(o, "protocol", pn ? json_string(pn) : json_integer(n->proto));
        if (n->spi_size)
                json_object_set_new(o, "spi", hex(n->spi, n->spi_size));
        if (n->named_spi) {
                char s[16];
                snprintf(s, sizeof(s), "%08x", n->named_spi);
                json_object_set_new(o, "names_spi", json_string(s));
        }
        return o;
}

static json_t *nat_json(const struct cap_sa *sa, const struct cap_nat_facts *nat)
{
        json_t *o = json_object();
        json_object_set_new(o, "computed", json_boolean(nat->computed));
        set_opt_int(o, "initiator_frame", nat->side[0].frame);
        set_opt_int(o, "responder_frame", nat->side[1].frame);
        if (sa->version == 1 && nat->v1_hash)
                json_object_set_new(o, "hash", num_name(IKE_REG_V1_HASH, nat->v1_hash));
        json_object_set_new(o, "initiator_source", json_string(cap_natd_match_name(nat->ini_src)));
        json_object_set_new(o, "initiator_destination",
                            json_string(cap_natd_match_name(nat->ini_dst)));
        json_object_set_new(o, "responder_source", json_string(cap_natd_match_name(nat->resp_src)));
        json_object_set_new(o, "responder_destination",
                            json_string(cap_natd_match_name(nat->resp_dst)));
        json_object_set_new(o, "initiator_behind_nat", tri(nat->ini_behind_nat));
        json_object_set_new(o, "responder_behind_nat", tri(nat->resp_behind_nat));
        json_object_set_new(o, "nat_between", tri(nat->nat_between));
        return o;
}

static json_t *float_json(const struct cap_float_facts *fl)
{
        json_t *o = json_object();
        json_object_set_new(o, "natd_sent", json_boolean(fl->natd_sent));
        json_object_set_new(o, "floated", json_boolean(fl->floated));
        json_object_set_new(o, "started_on_4500", json_boolean(fl->started_on_4500));
        set_opt_int(o, "first_4500_frame", fl->first_4500);
        set_opt_int(o, "last_500_frame", fl->last_500);
        set_opt_int(o, "initiator_port_4500", fl->ini_port_4500);
        json_object_set_new(o, "esp_ip50_packets", json_integer((json_int_t)fl->esp_ip50));
        json_object_set_new(o, "esp_udp_packets", json_integer((json_int_t)fl->esp_udp));
        json_object_set_new(o, "keepalives_from_initiator",
                            json_integer((json_int_t)fl->keepalives_ini));
        json_object_set_new(o, "keepalives_from_responder",
                            json_integer((json_int_t)fl->keepalives_resp));
        set_opt_int(o, "first_keepalive_frame", fl->first_keepalive);
        return o;
}

static json_t *sa_json(const struct cap_sa *sa, size_t index)
{
        json_t *o = json_object();
        char a[46], b[46];
        json_object_set_new(o, "tunnel", json_integer((json_int_t)index));
        json_object_set_new(o, "ike_version", json_integer(sa->version));
        json_object_set_new(o, "ispi", hex(sa->ispi, 8));
        json_object_set_new(o, "rspi", hex(sa->rspi, 8));
        json_object_set_new(o, "initiator", json_string(frame_addr_str(sa->af, sa->ini, a)));
        json_object_set_new(o, "responder", json_string(frame_addr_str(sa->af, sa->resp, b)));
        json_object_set_new(o, "initiator_known", json_boolean(sa->initiator_known));
        const struct cap_facts *fx = sa->facts;
        if (!fx)
                return o;
        json_object_set_new(o, "offered", offer_json(sa->version, fx->offered));
        json_object_set_new(o, "chosen", offer_json(sa->version, fx->chosen));
        json_object_set_new(o, "child_offered", offer_json(sa->version, fx->child_offered));
        json_object_set_new(o, "child_chosen", offer_json(sa->version, fx->child_chosen));
        json_t *ns = json_array();
        for (size_t i = 0; i < fx->nnotify; i++)
                json_array_append_new(ns, notify_json(sa, &fx->notify[i]));
        json_object_set_new(o, "notifies", ns);
        if (fx->notify_dropped)
                json_object_set_new(o, "notifies_not_kept",
                                    json_integer((json_int_t)fx->notify_dropped));
        json_object_set_new(o, "nat", nat_json(sa, &fx->nat));
        json_object_set_new(o, "float", float_json(&fx->fl));
        return o;
}

static const char *why_name(enum reasm_why w)
{
        switch (w) {
        case REASM_TIMEOUT:
                return "timeout";
        case REASM_END:
                return "capture-ended";
        case REASM_EVICTED:
                return "evicted";
        case REASM_TOO_MANY:
                return "too-many-fragments";
        case REASM_CUT:
                return "snap-length";
        }
        return "?";
}

static json_t *lost_json(const struct cap_frag_lost *l)
{
        json_t *o = json_object();
        char a[46], b[46], txt[320];
        json_object_set_new(
            o, "kind",
            json_string(l->kind == FK_IP_FRAGMENT ? "unknown" : frame_kind_name(l->kind)));
        json_object_set_new(o, "why", json_string(why_name(l->why)));
        json_object_set_new(o, "src", json_string(frame_addr_str(l->af, l->src, a)));
        json_object_set_new(o, "dst", json_string(frame_addr_str(l->af, l->dst, b)));
        json_object_set_new(o, "protocol", json_integer(l->proto));
        if (l->sa >= 0) {
                json_object_set_new(o, "tunnel", json_integer(l->sa));
                json_object_set_new(o, "sender",
                                    json_string(l->from_initiator ? "initiator" : "responder"));
        }
        json_object_set_new(o, "first_frame", json_integer((json_int_t)l->first_frame));
        json_object_set_new(o, "last_frame", json_integer((json_int_t)l->last_frame));
        set_opt_int(o, "ike_length", l->ike_len);
        if (l->kind == FK_ESP || l->kind == FK_ESP_UDP) {
                char spi[16];
                snprintf(spi, sizeof(spi), "%08x", l->esp_spi);
                json_object_set_new(o, "spi", json_string(spi));
        }
        json_object_set_new(o, "fragments_seen", json_integer(l->nfrags));
        set_opt_int(o, "fragments_expected", l->nfrags_expected);
        set_opt_int(o, "lost_fragment", l->hole_index);
        json_object_set_new(o, "missing_from", json_integer(l->hole_off));
        set_opt_int(o, "missing_bytes", l->hole_len);
        set_opt_int(o, "datagram_bytes", l->total);
        json_object_set_new(o, "bytes_seen", json_integer(l->got));
        json_object_set_new(o, "text", json_string(cap_lost_text(l, txt, sizeof(txt))));
        return o;
}

json_t *cap_facts_json(const struct cap_set *cs)
{
        json_t *o = json_object();
        json_t *ex = json_array();
        if (!o || !ex) {
                json_decref(o);
                json_decref(ex);
                return NULL;
        }
        for (size_t i = 0; i < cs->nsa; i++)
                json_array_append_new(ex, sa_json(&cs->sa[i], i));
        json_object_set_new(o, "exchanges", ex);
        json_object_set_new(o, "frames", json_integer((json_int_t)cs->frames));
        json_object_set_new(o, "ike_messages", json_integer((json_int_t)cs->ike));
        if (cs->sas_dropped)
                json_object_set_new(o, "ike_sas_not_kept",
                                    json_integer((json_int_t)cs->sas_dropped));
        set_opt_int(o, "keepalives_of_no_ike_sa", cs->keepalives_no_sa);
        json_object_set_new(o, "ip_datagrams_reassembled",
                            json_integer((json_int_t)cs->reassembled));
        json_t *ls = json_array();
        for (size_t i = 0; i < cs->nlost; i++)
                json_array_append_new(ls, lost_json(&cs->lost[i]));
        json_object_set_new(o, "fragments_lost", ls);
        if (cap_esp_json(cs, o) < 0) {
                json_decref(o);
                return NULL;
        }
        if (cs->lost_dropped)
                json_object_set_new(o, "fragments_lost_not_kept",
                                    json_integer((json_int_t)cs->lost_dropped));
        return o;
}

static size_t offer_text(int version, const struct cap_offer *o, bool chosen, char *buf, size_t n)
{
        char t[160];
        size_t used = 0;
        if (!o->nxf)
                return (size_t)snprintf(buf, n, "; SA payload with no transform%s",
                                        o->malformed ? " (malformed)" : "");
        if (version == 1 || chosen) {
                /* IKEv1: one suite per transform; IKEv2 chosen: one per type */
                size_t shown = o->nxf < 3 ? o->nxf : 3;
                used += (size_t)snprintf(buf, n, "; %s", chosen ? "chose" : "offers");
                if (!chosen && o->nxf + o->xf_dropped > 1)
                        used +=
                            (size_t)snprintf(buf + used, used < n ? n - used : 0,
                                             " %u transforms:", (unsigned)(o->nxf + o->xf_dropped));
                for (size_t i = 0; i < shown && used < n; i++)
                        used += (size_t)snprintf(
                            buf + used, n - used, "%s%s", i ? (version == 1 ? " | " : ", ") : " ",
                            cap_transform_str(version, &o->xf[i], t, sizeof(t)));
                if (o->nxf > shown && used < n)
                        used += (size_t)snprintf(buf + used, n - used, " ...");
                return used;
        }
        return (size_t)snprintf(buf, n, "; offers %u proposal%s, %u transforms", o->nprop,
                                o->nprop == 1 ? "" : "s", (unsigned)(o->nxf + o->xf_dropped));
}

static const char *nat_text(const struct cap_nat_facts *nat)
{
        if (!nat->computed)
                return "NAT-D not compared";
        if (nat->ini_behind_nat == 1 && nat->resp_behind_nat == 1)
                return "NAT-D: both ends are behind a NAT";
        if (nat->ini_behind_nat == 1)
                return "NAT-D: the initiator is behind a NAT";
        if (nat->resp_behind_nat == 1)
                return "NAT-D: the responder is behind a NAT";
        if (nat->nat_between == 0)
                return "NAT-D: no NAT between the ends";
        return "NAT-D: whether a NAT is between the ends cannot be told from here";
}

const char *cap_facts_step_text(const struct cap_sa *sa, size_t msg, char *buf, size_t n)
{
        const struct cap_facts *fx = sa->facts;
        size_t used = 0;
        buf[0] = '\0';
        if (!fx || msg >= sa->nmsgs)
                return buf;
        const struct cap_offer *offers[4] = {fx->offered, fx->chosen, fx->child_offered,
                                             fx->child_chosen};
        for (size_t i = 0; i < 4 && used < n; i++)
                if (offers[i] && offers[i]->msg == msg)
                        used +=
                            offer_text(sa->version, offers[i], i % 2 == 1, buf + used, n - used);
        /* the NAT-D verdict on the second message that carries NAT-D */
        const struct cap_natd_msg *s0 = &fx->nat.side[0], *s1 = &fx->nat.side[1];
        size_t later = s0->frame && s1->frame ? (s0->msg > s1->msg ? s0->msg : s1->msg) : SIZE_MAX;
        if (later == msg && used < n)
                used += (size_t)snprintf(buf + used, n - used, "; %s", nat_text(&fx->nat));
        if (fx->fl.floated && fx->fl.first_4500 == sa->msgs[msg].frame && used < n)
                snprintf(buf + used, n - used, "; floated to UDP 4500");
        return buf;
}
