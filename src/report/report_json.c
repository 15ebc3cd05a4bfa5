/* The JSON document of product.md's output contract. */
#include <jansson.h>
#include <stdlib.h>

#include "../version.h"
#include "../findings/tunnel.h"
#include "json_build.h"
#include "report.h"
#include "../util/utf8.h"

#define S(x) json_str_safe(x)

static json_t *evidence_json(const struct finding *f)
{
        json_t *a = json_array();
        for (size_t i = 0; a && i < f->nev; i++) {
                const struct evidence *e = &f->ev[i];
                /* No line (the device as a whole): "file: text", as text and gcc print it. */
                json_t *v = e->line ? json_sprintf("%s:%u: %s", e->file, (unsigned)e->line, e->text)
                                    : json_sprintf("%s: %s", e->file, e->text);
                if (!v) { /* bytes that are not UTF-8: escaped, never dropped */
                        char *fe = utf8_escape(e->file), *te = utf8_escape(e->text);
                        if (fe && te)
                                v = e->line ? json_sprintf("%s:%u: %s", fe, (unsigned)e->line, te)
                                            : json_sprintf("%s: %s", fe, te);
                        free(fe);
                        free(te);
                }
                json_array_append_new(a, v);
        }
        return a;
}

static json_t *fixes_json(const struct finding *f)
{
        json_t *a = json_array();
        for (size_t i = 0; a && i < f->nfixes; i++) {
                const struct fix *x = &f->fixes[i];
                json_t *cmds = json_array();
                for (size_t j = 0; cmds && j < x->ncommands; j++)
                        json_array_append_new(cmds, S(x->commands[j]));
                json_t *o = json_pack("{s:o, s:s, s:o}", "device", S(x->device), "platform",
                                      platform_name(x->platform), "commands", cmds);
                if (o && x->version)
                        json_object_set_new(o, "version", S(x->version));
                if (o && x->warning)
                        json_object_set_new(o, "warning", S(x->warning));
                if (o && x->note)
                        json_object_set_new(o, "note", S(x->note));
                json_array_append_new(a, o);
        }
        return a;
}

json_t *report_finding_json(const struct finding *f)
{
        json_t *o = json_object();
        if (!o)
                return NULL;
        json_object_set_new(o, "id", json_string(f->diag->id));
        json_object_set_new(o, "severity", json_string(severity_name(f->severity)));
        json_object_set_new(o, "title", S(f->title));
        json_object_set_new(o, "device", S(f->device));
        json_object_set_new(o, "file", S(f->file));
        json_object_set_new(o, "line", json_integer(f->line));
        json_object_set_new(o, "peer", S(f->peer));
        json_object_set_new(o, "evidence", evidence_json(f));
        json_object_set_new(o, "explanation", S(f->explanation));
        json_object_set_new(o, "fix", fixes_json(f));
        if (f->replay.done)
                json_object_set_new(
                    o, "fix_replay",
                    json_pack("{s:b, s:o, s:I}", "clears", f->replay.clears, "new_error",
                              f->replay.new_error ? json_string(f->replay.new_error) : json_null(),
                              "tunnels_failing", (json_int_t)f->replay.tunnels_failing));
        return o;
}

static json_t *steps_json(const struct tunnel_result *t)
{
        json_t *a = json_array();
        for (size_t i = 0; a && i < t->nsteps; i++) {
                const struct tunnel_step *s = &t->steps[i];
                json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:o, s:b}", "step", S(s->step),
                                                   "from", S(s->from), "to", S(s->to ? s->to : ""),
                                                   "detail", S(s->detail ? s->detail : ""), "ok",
                                                   s->ok));
        }
        return a;
}

static json_t *logs_json(const struct tunnel_result *t)
{
        json_t *a = json_array();
        for (size_t i = 0; a && i < t->nlogs; i++)
                json_array_append_new(a, json_pack("{s:o, s:o}", "device", S(t->logs[i].device),
                                                   "text", S(t->logs[i].text)));
        return a;
}

/* One tunnels[] object of the contract; extra keys only extend it. */
json_t *report_tunnel_json(const struct tunnel_result *t)
{
        json_t *state = json_object();
        if (!state)
                return NULL;
        /* Keys must be UTF-8 too: the device labels escaped as in the values. */
        char *ka = utf8_escape(t->a), *kb = utf8_escape(t->b);
        if (ka && kb) {
                json_object_set_new(state, ka, S(t->state_a ? t->state_a : ""));
                json_object_set_new(state, kb, S(t->state_b ? t->state_b : ""));
        }
        free(ka);
        free(kb);
        json_t *o =
            json_pack("{s:o, s:o, s:o, s:s, s:o, s:o}", "a", S(t->a), "b", S(t->b), "initiator",
                      S(t->initiator ? t->initiator : t->a), "status",
                      tunnel_status_name(t->status), "state", state, "steps", steps_json(t));
        if (!o)
                return NULL;
        if (t->reason)
                json_object_set_new(o, "reason", S(t->reason));
        if (t->via)
                json_object_set_new(o, "via", S(t->via));
        json_object_set_new(o, "logs", logs_json(t));
        if (t->after_fix)
                json_object_set_new(o, "after_fix", report_tunnel_json(t->after_fix));
        return o;
}

int report_json(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        json_t *doc = json_object();
        json_t *arr = json_array();
        if (!doc || !arr) {
                json_decref(doc);
                json_decref(arr);
                return -1;
        }
        json_object_set_new(doc, "tool", json_string("ipsec-doctor"));
        json_object_set_new(doc, "version", json_string(IPSD_VERSION));
        json_object_set_new(doc, "command", json_string(o->command));
        for (size_t i = 0; i < fs->list.n; i++)
                json_array_append_new(arr, report_finding_json(fs->list.v[i]));
        json_object_set_new(doc, "findings", arr);
        json_t *tun = json_array();
        for (size_t i = 0; tun && i < fs->tunnels.n; i++)
                json_array_append_new(tun, report_tunnel_json(fs->tunnels.v[i]));
        json_object_set_new(doc, "tunnels", tun);
        if (o->counts) { /* explain: the lines read, extending the contract */
                json_object_set_new(doc, "lines", json_integer((json_int_t)o->lines));
                json_object_set_new(doc, "recognised", json_integer((json_int_t)o->recognised));
                json_object_set_new(doc, "unknown",
                                    json_integer((json_int_t)(o->lines - o->recognised)));
        }
        if (o->extra)
                json_object_update(doc, (json_t *)o->extra);
        /* into memory, then one write: json_dumpf calls fwrite for every
         * token, which was a tenth of `capture`'s time on a large capture */
        char *text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        int rc = text && fputs(text, out) != EOF ? 0 : -1;
        fputc('\n', out);
        free(text);
        json_decref(doc);
        return rc;
}
