/* JSON catalog output (jansson), in the tool's common document envelope. */
#include <jansson.h>
#include <string.h>

#include "print.h"

static json_t *from_array(unsigned bits)
{
        json_t *a = json_array();
        for (unsigned b = 1; a && b <= FROM_LIVE; b <<= 1)
                if ((bits & b) && found_from_name(b))
                        json_array_append_new(a, json_string(found_from_name(b)));
        return a;
}

/* The fix template as an array of lines, or JSON null. */
static json_t *lines_array(const char *t)
{
        if (!t)
                return json_null();
        json_t *a = json_array();
        while (a && *t) {
                size_t n = strcspn(t, "\n");
                json_array_append_new(a, json_stringn(t, n));
                t += n + (t[n] == '\n');
        }
        return a;
}

static json_t *str_or_null(const char *s)
{
        return s ? json_string(s) : json_null();
}

static json_t *envelope(const char *version, const char *command)
{
        json_t *o = json_object();
        json_object_set_new(o, "tool", json_string("ipsec-doctor"));
        json_object_set_new(o, "version", json_string(version));
        json_object_set_new(o, "command", json_string(command));
        return o;
}

static int emit(FILE *f, json_t *root)
{
        int rc = root ? json_dumpf(root, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;
        json_decref(root);
        if (rc == 0)
                fputc('\n', f);
        return rc == 0 && !ferror(f) ? 0 : -1;
}

int catalog_list_json(FILE *f, const char *version)
{
        json_t *root = envelope(version, "list");
        json_t *arr = json_array();
        for (size_t i = 0; arr && i < catalog_count; i++) {
                const struct diagnosis *d = &catalog[i];
                json_t *o = json_object();
                json_object_set_new(o, "id", json_string(d->id));
                json_object_set_new(o, "severity", json_string(severity_name(d->severity)));
                json_object_set_new(o, "found_from", from_array(d->found_from));
                json_object_set_new(o, "category", json_string(d->category));
                json_object_set_new(o, "title", json_string(d->title));
                json_array_append_new(arr, o);
        }
        json_object_set_new(root, "diagnoses", arr);
        return emit(f, root);
}

int catalog_describe_json(FILE *f, const struct diagnosis *d, const char *version)
{
        json_t *root = envelope(version, "describe");
        json_t *o = json_object();
        json_t *fix = json_object();
        json_object_set_new(o, "id", json_string(d->id));
        json_object_set_new(o, "severity", json_string(severity_name(d->severity)));
        json_object_set_new(o, "found_from", from_array(d->found_from));
        json_object_set_new(o, "category", json_string(d->category));
        json_object_set_new(o, "title", json_string(d->title));
        json_object_set_new(o, "explanation", json_string(d->explanation));
        json_object_set_new(o, "fix_summary", json_string(d->fix_summary));
        for (int k = 0; k < DIALECT_COUNT; k++)
                json_object_set_new(fix, dialect_key((enum dialect)k), lines_array(d->fix[k]));
        json_object_set_new(o, "fix", fix);
        json_object_set_new(o, "drops_tunnels", json_boolean(d->drops_tunnels));
        json_object_set_new(o, "warning",
                            str_or_null(d->drops_tunnels ? change_control_warning : NULL));
        json_object_set_new(o, "note", str_or_null(d->note));
        json_object_set_new(o, "seed_section", json_string(d->seed_section));
        json_object_set_new(root, "diagnosis", o);
        return emit(f, root);
}
