/* explain's streamed output: one line per recognised log line (text) or
 * one JSON object per event (jsonl), then the findings. */
#include "report_explain.h"

#include <jansson.h>
#include <stdlib.h>

#include "json_build.h"
#include "text_safe.h"

void report_explain_line_text(FILE *out, const char *file, const struct ev_record *ev,
                              const char *text)
{
        (void)text;
        text_put(out, file);
        fprintf(out, ":%u: %s", (unsigned)ev->line, ev->msg->key);
        if (ev->peer[0]) {
                fputs(" [peer ", out);
                text_put(out, ev->peer);
                fputc(']', out);
        }
        fprintf(out, ": %s\n", ev->msg->meaning);
}

static void put_json_line(FILE *out, json_t *o)
{
        char *s = o ? json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
        if (s)
                fprintf(out, "%s\n", s);
        free(s);
        json_decref(o);
}

void report_explain_line_jsonl(FILE *out, const char *file, const struct ev_record *ev,
                               const char *text)
{
        const struct message *m = ev->msg;
        json_t *o = json_pack("{s:s, s:o, s:i, s:s, s:s, s:s}", "event", "line", "file",
                              json_str_safe(file), "line", (json_int_t)ev->line, "family",
                              msg_family_name(m->family), "key", m->key, "meaning", m->meaning);
        if (!o)
                return;
        if (ev->peer[0])
                json_object_set_new(o, "peer", json_str_safe(ev->peer));
        if (ev->group[0])
                json_object_set_new(o, "group", json_str_safe(ev->group));
        if (m->family == MSG_COUNTER)
                json_object_set_new(o, "value", json_integer(ev->value));
        json_t *d = json_array();
        for (int i = 0; i < MSG_MAX_DIAGS && m->diags[i].id; i++)
                json_array_append_new(
                    d, json_pack("{s:s, s:i}", "id", m->diags[i].id, "weight", m->diags[i].weight));
        json_object_set_new(o, "diagnoses", d);
        if (text)
                json_object_set_new(o, "text", json_str_safe(text));
        put_json_line(out, o);
}

void report_explain_unknown_text(FILE *out, const char *file, uint32_t line, const char *text)
{
        text_put(out, file);
        fprintf(out, ":%u: ", (unsigned)line);
        text_put(out, text);
        fputc('\n', out);
}

void report_explain_unknown_jsonl(FILE *out, const char *file, uint32_t line, const char *text)
{
        put_json_line(out, json_pack("{s:s, s:o, s:i, s:o}", "event", "unknown", "file",
                                     json_str_safe(file), "line", (json_int_t)line, "text",
                                     json_str_safe(text)));
}

int report_explain_jsonl(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        for (size_t i = 0; i < fs->list.n; i++) {
                json_t *f = report_finding_json(fs->list.v[i]);
                if (f)
                        json_object_set_new(f, "event", json_string("finding"));
                put_json_line(out, f);
        }
        fprintf(out,
                "{\"event\":\"summary\",\"lines\":%llu,\"recognised\":%llu,\"unknown\":%llu}\n",
                (unsigned long long)o->lines, (unsigned long long)o->recognised,
                (unsigned long long)(o->lines - o->recognised));
        return ferror(out) ? -1 : 0;
}
