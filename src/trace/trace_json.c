/* A trace as the JSON document: packet, phases[], result, findings[]. */
#include <jansson.h>

#include "../version.h"
#include "../util/ipv4.h"
#include "../report/report.h"
#include "trace_print.h"

static json_t *packet_json(const struct trace *t)
{
        char s[16], d[16], pb[4];
        const struct trace_packet *p = &t->pkt;
        json_t *o = json_pack("{s:s, s:s, s:s}", "src", ipv4_str(p->src, s), "dst",
                              ipv4_str(p->dst, d), "proto", trace_proto_name(p->proto, pb));
        if (o && trace_has_ports(p->proto)) {
                json_object_set_new(o, "sport", json_integer(p->sport));
                json_object_set_new(o, "dport", json_integer(p->dport));
        }
        if (o)
                json_object_set_new(o, "in", p->in ? json_string(p->in) : json_null());
        return o;
}

static json_t *phase_json(const struct trace_phase *ph, size_t n)
{
        json_t *lines = json_array();
        for (size_t i = 0; lines && i < ph->nlines; i++)
                json_array_append_new(lines,
                                      json_sprintf("%s:%u: %s", ph->lines[i]->file,
                                                   (unsigned)ph->lines[i]->line,
                                                   ph->lines[i]->text ? ph->lines[i]->text : ""));
        return json_pack("{s:I, s:s, s:s, s:o, s:s}", "phase", (json_int_t)n, "type",
                         trace_type_json(ph->type), "result", trace_verdict_name(ph->verdict),
                         "lines", lines ? lines : json_array(), "detail", ph->detail);
}

static json_t *opt_str(const char *s)
{
        return s ? json_string(s) : json_null();
}

static json_t *result_json(const struct trace *t)
{
        char x[16];
        const struct crypto_map_entry *e = t->encrypted ? t->crypto.entry : NULL;
        const struct cm_peer *p = e && e->peers.n && !t->crypto.dyn ? e->peers.v[0] : NULL;
        json_t *o = json_object();
        if (!o)
                return NULL;
        json_object_set_new(o, "action", json_string(t->dropped ? "drop" : "allow"));
        json_object_set_new(o, "input_interface", opt_str(t->in ? trace_if_key(t->in) : NULL));
        json_object_set_new(o, "output_interface", opt_str(t->out ? trace_if_key(t->out) : NULL));
        json_object_set_new(
            o, "translated_src",
            opt_str(t->translated && t->xlate_known ? ipv4_str(t->xlate_src, x) : NULL));
        json_object_set_new(o, "decrypted", json_boolean(t->decrypted));
        json_object_set_new(o, "encrypted", json_boolean(t->encrypted));
        json_object_set_new(o, "map", opt_str(e ? e->map : NULL));
        json_object_set_new(o, "seq", e ? json_integer(e->seq) : json_null());
        json_object_set_new(o, "peer", opt_str(p ? p->text : NULL));
        /* encrypted by a tunnel interface's protection (no crypto map entry) */
        bool tun = t->encrypted && !e && t->out && t->out->is_tunnel;
        json_object_set_new(o, "tunnel", opt_str(tun ? t->out->name : NULL));
        json_object_set_new(o, "ipsec_profile", opt_str(tun ? t->out->tunnel_protection : NULL));
        json_object_set_new(o, "expected_encryption", json_boolean(t->expected_crypto));
        json_object_set_new(o, "detail", json_string(t->phases[t->nphases - 1].detail));
        return o;
}

int trace_print_json(FILE *out, const struct trace *t, const struct findings *fs)
{
        json_t *doc = json_object(), *phases = json_array(), *finds = json_array();
        if (!doc || !phases || !finds) {
                json_decref(doc);
                json_decref(phases);
                json_decref(finds);
                return -1;
        }
        json_object_set_new(doc, "tool", json_string("ipsec-doctor"));
        json_object_set_new(doc, "version", json_string(IPSD_VERSION));
        json_object_set_new(doc, "command", json_string("trace"));
        json_object_set_new(doc, "device", json_string(device_label(t->dev)));
        json_object_set_new(doc, "packet", packet_json(t));
        for (size_t i = 0; i < t->nphases; i++)
                json_array_append_new(phases, phase_json(&t->phases[i], i + 1));
        json_object_set_new(doc, "phases", phases);
        json_object_set_new(doc, "result", result_json(t));
        for (size_t i = 0; i < fs->list.n; i++)
                json_array_append_new(finds, report_finding_json(fs->list.v[i]));
        json_object_set_new(doc, "findings", finds);
        int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', out);
        json_decref(doc);
        return rc || ferror(out) ? -1 : 0;
}
