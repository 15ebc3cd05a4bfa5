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

/* A contiguous mask's prefix length, -1 if not contiguous. */
static int prefix_len(const uint8_t *m, size_t n)
{
        int bits = 0;
        size_t i = 0;
        for (; i < n && m[i] == 0xff; i++)
                bits += 8;
        if (i < n) {
                uint8_t b = m[i];
                while (b & 0x80) {
                        bits++;
                        b = (uint8_t)(b << 1);
                }
                if (b)
                        return -1;
                for (i++; i < n; i++)
                        if (m[i])
                                return -1;
        }
        return bits;
}

/* A range that is exactly one prefix (start's host bits 0, end's 1): its
 * length, else -1. */
static int range_prefix(const struct cap_sel *x, int *pfx)
{
        size_t n = x->af == 6 ? 16 : 4;
        uint8_t m[16];
        for (size_t i = 0; i < n; i++) {
                if (x->start[i] & ~x->end[i])
                        return *pfx = -1;
                m[i] = (uint8_t) ~(x->start[i] ^ x->end[i]);
                if ((x->start[i] & ~m[i]) || ((x->end[i] | m[i]) != 0xff))
                        return *pfx = -1;
        }
        return *pfx = prefix_len(m, n);
}

const char *cap_sel_str(const struct cap_sel *x, char *buf, size_t n)
{
        char a[46], b[46];
        int pfx;
        size_t used;
        if (!x->af) {
                used = (size_t)snprintf(buf, n, "type %u", x->type);
        } else if (x->mask) {
                int pl = prefix_len(x->end, x->af == 6 ? 16 : 4);
                if (pl >= 0)
                        used = (size_t)snprintf(buf, n, "%s/%d", frame_addr_str(x->af, x->start, a),
                                                pl);
                else
                        used = (size_t)snprintf(buf, n, "%s/%s", frame_addr_str(x->af, x->start, a),
                                                frame_addr_str(x->af, x->end, b));
        } else if (range_prefix(x, &pfx) >= 0 && memcmp(x->start, x->end, x->af == 6 ? 16 : 4)) {
                used = (size_t)snprintf(buf, n, "%s/%d", frame_addr_str(x->af, x->start, a), pfx);
        } else if (!memcmp(x->start, x->end, x->af == 6 ? 16 : 4)) {
                used = (size_t)snprintf(buf, n, "%s", frame_addr_str(x->af, x->start, a));
        } else {
                used = (size_t)snprintf(buf, n, "%s-%s", frame_addr_str(x->af, x->start, a),
                                        frame_addr_str(x->af, x->end, b));
        }
        if (x->proto && used < n)
                used += (size_t)snprintf(buf + used, n - used, " proto %u", x->proto);
        /* IKEv2's full port range (0-65535) and IKEv1's port 0 mean any port */
        bool any = (x->sport == 0 && x->eport == 0) || (x->sport == 0 && x->eport == 65535);
        if (!any && used < n) {
                if (x->sport == x->eport)
                        snprintf(buf + used, n - used, " port %u", x->sport);
                else
                        snprintf(buf + used, n - used, " ports %u-%u", x->sport, x->eport);
        }
        return buf;
}

static json_t *sels_json(const struct cap_sels *ss)
{
        json_t *a = json_array();
        char t[128];
        for (size_t i = 0; i < ss->n; i++)
                json_array_append_new(a, json_string(cap_sel_str(&ss->s[i], t, sizeof(t))));
        return a;
}

static json_t *child_side_json(const struct cap_sa *sa, size_t msg, bool from_ini,
                               const struct cap_sels *si, const struct cap_sels *sr, bool ke,
                               uint16_t group)
{
        json_t *o = json_object();
        json_object_set_new(o, "frame", json_integer((json_int_t)sa->msgs[msg].frame));
        if (sa->msgs[msg].step)
                json_object_set_new(o, "step", json_string(sa->msgs[msg].step));
        json_object_set_new(o, "sender", json_string(from_ini ? "initiator" : "responder"));
        json_object_set_new(o, "selectors_i", sels_json(si));
        json_object_set_new(o, "selectors_r", sels_json(sr));
        if (si->dropped || sr->dropped)
                json_object_set_new(o, "selectors_not_kept",
                                    json_integer(si->dropped + sr->dropped));
        json_object_set_new(o, "ke", json_boolean(ke));
        if (ke && group)
                json_object_set_new(o, "ke_group", num_name(IKE_REG_DH_GROUP, group));
        return o;
}

static json_t *child_json(const struct cap_sa *sa, const struct cap_child_fact *c)
{
        json_t *o = json_object();
        const char *xn = ike_exchange_name(c->exchange);
        json_object_set_new(o, "exchange", xn ? json_string(xn) : json_integer(c->exchange));
        json_object_set_new(o, "message_id", json_integer(c->msgid));
        json_object_set_new(o, "request",
                            child_side_json(sa, c->req_msg, c->req_from_initiator, &c->req_i,
                                            &c->req_r, c->req_ke, c->req_ke_group));
        json_object_set_new(o, "response",
                            c->has_resp ? child_side_json(sa, c->resp_msg, !c->req_from_initiator,
                                                          &c->resp_i, &c->resp_r, c->resp_ke,
                                                          c->resp_ke_group)
                                        : json_null());
        json_object_set_new(o, "offered", offer_json(sa->version, c->offered));
        json_object_set_new(o, "chosen", offer_json(sa->version, c->chosen));
        return o;
}

/* An identity's value: an address, a name, else hex. */
const char *cap_ident_str(int version, const struct cap_ident *id, char *buf, size_t n)
{
        /* ID_IPV4_ADDR 1, ID_FQDN 2, ID_USER_FQDN / RFC822 3, ID_IPV6_ADDR 5:
         * the same numbers in both versions (RFC 2407 4.6.2.1, RFC 7296 3.5) */
        (void)version;
        if ((id->type == 1 && id->len == 4) || (id->type == 5 && id->len == 16)) {
                char a[46];
                snprintf(buf, n, "%s", frame_addr_str(id->type == 1 ? 4 : 6, id->data, a));
                return buf;
        }
        bool text = id->type == 2 || id->type == 3;
        for (size_t i = 0; i < id->len && text; i++)
                text = id->data[i] >= 0x20 && id->data[i] < 0x7f && id->data[i] != '"' &&
                       id->data[i] != '\\';
        size_t used = 0;
        for (size_t i = 0; i < id->len && used + 3 < n; i++)
                used += (size_t)snprintf(buf + used, n - used, text ? "%c" : "%02x", id->data[i]);
        if (used < n)
                buf[used] = '\0';
        if (id->cut && used + 4 < n)
                snprintf(buf + used, n - used, "...");
        return buf;
}

static json_t *ident_json(int version, const struct cap_ident *id)
{
        if (!id->frame)
                return json_null();
        json_t *o = json_object();
        char v[200];
        json_object_set_new(o, "frame", json_integer((json_int_t)id->frame));
        json_object_set_new(o, "type",
                            num_name(version == 1 ? IKE_REG_V1_ID : IKE_REG_V2_ID, id->type));
        json_object_set_new(o, "value", json_string(cap_ident_str(version, id, v, sizeof(v))));
        json_object_set_new(o, "decrypted", json_boolean(id->decrypted));
        return o;
}

static json_t *delete_json(const struct cap_sa *sa, const struct cap_delete_fact *d)
{
        json_t *o = json_object();
        json_object_set_new(o, "frame", json_integer((json_int_t)d->frame));
        json_object_set_new(o, "sender",
                            json_string(d->from_initiator ? "initiator" : "responder"));
        const char *pn = ike_proto_name(sa->version, d->proto);
        json_object_set_new(o, "protocol", pn ? json_string(pn) : json_integer(d->proto));
        json_object_set_new(o, "spis_deleted", json_integer(d->nspi));
        json_t *a = json_array();
        for (size_t k = 0; d->spi_size && (k + 1) * d->spi_size <= sizeof(d->spis) && k < d->nspi;
             k++)
                json_array_append_new(a, hex(d->spis + k * d->spi_size, d->spi_size));
        json_object_set_new(o, "spis", a);
        json_object_set_new(o, "decrypted", json_boolean(d->decrypted));
        return o;
}

static json_t *frag_json(const struct cap_sa *sa, const struct cap_frag_set *fs)
{
        json_t *o = json_object();
        json_object_set_new(o, "kind",
                            json_string(fs->version == 1 ? "ikev1-fragmentation" : "ikev2-skf"));
        const char *xn = ike_exchange_name(fs->exchange);
        json_object_set_new(o, "exchange", xn ? json_string(xn) : json_integer(fs->exchange));
        json_object_set_new(o, "sender",
                            json_string(fs->from_initiator ? "initiator" : "responder"));
        if (fs->version == 1)
                json_object_set_new(o, "fragment_id", json_integer(fs->id));
        else
                json_object_set_new(o, "message_id", json_integer(fs->msgid));
        if (fs->total)
                json_object_set_new(o, "total", json_integer(fs->total));
        json_t *seen = json_array(), *missing = json_array();
        unsigned upto = fs->total;
        for (unsigned n = 1; n <= CAP_FACT_FRAG_NUMS; n++)
                if (fs->seen & (1u << (n - 1))) {
                        json_t *x = json_object();
                        json_object_set_new(x, "number", json_integer(n));
                        json_object_set_new(x, "frame", json_integer((json_int_t)fs->frame[n - 1]));
                        json_array_append_new(seen, x);
                        if (!fs->total)
                                upto = n;
                }
        for (unsigned n = 1; n <= upto && n <= CAP_FACT_FRAG_NUMS; n++)
                if (!(fs->seen & (1u << (n - 1))))
                        json_array_append_new(missing, json_integer(n));
        if (!fs->total) /* IKEv1 without its last piece: at least the next one */
                json_array_append_new(missing, json_integer(upto + 1));
        json_object_set_new(o, "seen", seen);
        /* numbers under the total (IKEv2), under the highest seen and the
         * one after it (IKEv1 when the piece flagged last never came) */
        json_object_set_new(o, "missing", missing);
        json_object_set_new(o, "last_seen", json_boolean(fs->total != 0));
        json_object_set_new(o, "complete", json_boolean(cap_frag_complete(fs)));
        set_opt_int(o, "resent", fs->resent);
        set_opt_int(o, "numbers_past_32", fs->past);
        json_object_set_new(o, "first_frame", json_integer((json_int_t)fs->first_frame));
        json_object_set_new(o, "last_frame", json_integer((json_int_t)fs->last_frame));
        json_object_set_new(o, "largest_fragment", json_integer(fs->max_len));
        if (fs->has_whole && fs->whole_msg < sa->nmsgs)
                json_object_set_new(o, "whole_frame",
                                    json_integer((json_int_t)sa->msgs[fs->whole_msg].frame));
        return o;
}

static json_t *mtu_json(const struct cap_mtu_facts *mt)
{
        json_t *o = json_object();
        json_object_set_new(o, "largest_message", json_integer(mt->max_len));
        set_opt_int(o, "largest_message_frame", mt->max_len_frame);
        json_object_set_new(o, "ip_fragmented_messages", json_integer(mt->ip_fragmented));
        set_opt_int(o, "first_ip_fragmented_frame", mt->first_ip_fragmented);
        json_object_set_new(o, "lost_for_an_ip_fragment", json_integer(mt->ip_lost));
        if (mt->ip_lost) {
                json_object_set_new(o, "first_lost_frame",
                                    json_integer((json_int_t)mt->first_ip_lost));
                json_object_set_new(
                    o, "first_lost_sender",
                    json_string(mt->ip_lost_from_initiator ? "initiator" : "responder"));
                set_opt_int(o, "first_lost_ike_length", mt->ip_lost_len);
        }
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
        json_t *cs = json_array();
        for (size_t i = 0; i < fx->nchildren; i++)
                json_array_append_new(cs, child_json(sa, &fx->children[i]));
        json_object_set_new(o, "children", cs);
        if (fx->children_dropped)
                json_object_set_new(o, "children_not_kept",
                                    json_integer((json_int_t)fx->children_dropped));
        json_object_set_new(o, "initiator_id", ident_json(sa->version, &fx->id_ini));
        json_object_set_new(o, "responder_id", ident_json(sa->version, &fx->id_resp));
        if (fx->id_wanted.frame)
                json_object_set_new(o, "responder_id_requested",
                                    ident_json(sa->version, &fx->id_wanted));
        json_t *ds = json_array();
        for (size_t i = 0; i < fx->ndeletes; i++)
                json_array_append_new(ds, delete_json(sa, &fx->deletes[i]));
        json_object_set_new(o, "deletes", ds);
        if (fx->deletes_dropped)
                json_object_set_new(o, "deletes_not_kept",
                                    json_integer((json_int_t)fx->deletes_dropped));
        json_t *ns = json_array();
        for (size_t i = 0; i < fx->nnotify; i++)
                json_array_append_new(ns, notify_json(sa, &fx->notify[i]));
        json_object_set_new(o, "notifies", ns);
        if (fx->notify_dropped)
                json_object_set_new(o, "notifies_not_kept",
                                    json_integer((json_int_t)fx->notify_dropped));
        json_t *fr = json_array();
        for (size_t i = 0; i < fx->nfrags; i++)
                json_array_append_new(fr, frag_json(sa, &fx->frags[i]));
        json_object_set_new(o, "ike_fragments", fr);
        if (fx->frags_dropped)
                json_object_set_new(o, "ike_fragments_not_kept",
                                    json_integer((json_int_t)fx->frags_dropped));
        json_object_set_new(o, "mtu", mtu_json(&fx->mtu));
        if (sa->msgs_dropped) {
                json_t *d = json_object();
                json_object_set_new(d, "count", json_integer((json_int_t)sa->msgs_dropped));
                json_object_set_new(d, "kept_first", json_integer(CAP_HEAD_MSGS));
                json_object_set_new(d, "kept_last", json_integer(CAP_TAIL_MSGS));
                set_opt_int(d, "from_frame", sa->first_dropped);
                set_opt_int(d, "to_frame", sa->last_dropped);
                json_object_set_new(o, "messages_not_kept", d);
        }
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

static size_t sels_text(const struct cap_sels *ss, char *buf, size_t n)
{
        char t[128];
        size_t used = 0;
        if (!ss->n)
                return (size_t)snprintf(buf, n, "none");
        for (size_t i = 0; i < ss->n && used < n; i++)
                used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "",
                                         cap_sel_str(&ss->s[i], t, sizeof(t)));
        return used;
}

/* A child exchange's request or response: its offer or choice, its
 * selectors (IKEv1 proxy IDs / IKEv2 TS) and whether it carried a KE. */
static size_t child_text(const struct cap_sa *sa, const struct cap_child_fact *c, size_t msg,
                         char *buf, size_t n)
{
        bool req = msg == c->req_msg, resp = c->has_resp && msg == c->resp_msg;
        if (!req && !resp)
                return 0;
        const struct cap_offer *o = req ? c->offered : c->chosen;
        const struct cap_sels *si = req ? &c->req_i : &c->resp_i,
                              *sr = req ? &c->req_r : &c->resp_r;
        size_t used = 0;
        if (o)
                used += offer_text(sa->version, o, resp, buf, n);
        if ((si->n || sr->n) && used < n) {
                used += (size_t)snprintf(buf + used, n - used, "; %s ",
                                         sa->version == 1 ? "IDs" : "TS");
                if (used < n)
                        used += sels_text(si, buf + used, n - used);
                if (used < n)
                        used += (size_t)snprintf(buf + used, n - used, " <-> ");
                if (used < n)
                        used += sels_text(sr, buf + used, n - used);
        }
        bool ke = req ? c->req_ke : c->resp_ke;
        uint16_t g = req ? c->req_ke_group : c->resp_ke_group;
        /* an IKE_AUTH never carries KE: say it only for QM / CREATE_CHILD_SA */
        if (c->exchange != 35 && (o || si->n || sr->n) && used < n) {
                if (ke && g)
                        used += (size_t)snprintf(buf + used, n - used, "; KE group %u", g);
                else
                        used += (size_t)snprintf(buf + used, n - used, "; %s", ke ? "KE" : "no KE");
        }
        return used;
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
        const struct cap_offer *offers[2] = {fx->offered, fx->chosen};
        for (size_t i = 0; i < 2 && used < n; i++)
                if (offers[i] && offers[i]->msg == msg)
                        used +=
                            offer_text(sa->version, offers[i], i % 2 == 1, buf + used, n - used);
        for (size_t i = 0; i < fx->nchildren && used < n; i++)
                used += child_text(sa, &fx->children[i], msg, buf + used, n - used);
        /* a message put together from IKEv1 fragments; a piece that
         * completes no message (the last one seen of an unfinished set) */
        for (size_t i = 0; i < fx->nfrags && used < n; i++) {
                const struct cap_frag_set *fs = &fx->frags[i];
                if (fs->has_whole && fs->whole_msg == msg)
                        used += (size_t)snprintf(buf + used, n - used,
                                                 "; put together from %u IKE fragments (frames "
                                                 "%llu-%llu)",
                                                 (unsigned)sa->msgs[msg].ike_frags,
                                                 (unsigned long long)fs->first_frame,
                                                 (unsigned long long)sa->msgs[msg].frame);
                unsigned miss = cap_frag_first_missing(fs);
                if (sa->msgs[msg].frame == fs->last_new && miss && used < n)
                        used += (size_t)snprintf(
                            buf + used, n - used,
                            "; IKE fragment %u of %s%u never seen (the others in frames "
                            "%llu-%llu)",
                            miss, fs->total ? "" : "at least ", fs->total ? fs->total : miss,
                            (unsigned long long)fs->first_frame,
                            (unsigned long long)fs->last_frame);
        }
        /* the NAT-D verdict on the second message that carries NAT-D */
        const struct cap_natd_msg *s0 = &fx->nat.side[0], *s1 = &fx->nat.side[1];
        size_t later = s0->frame && s1->frame ? (s0->msg > s1->msg ? s0->msg : s1->msg) : SIZE_MAX;
        if (later == msg && used < n)
                used += (size_t)snprintf(buf + used, n - used, "; %s", nat_text(&fx->nat));
        if (fx->fl.floated && fx->fl.first_4500 == sa->msgs[msg].frame && used < n)
                snprintf(buf + used, n - used, "; floated to UDP 4500");
        return buf;
}
