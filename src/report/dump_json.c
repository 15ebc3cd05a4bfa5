/*
 * ipsec-doctor dump --format json: the whole device model, one object per
 * device. Key order is fixed by construction order (golden tests diff the
 * bytes); secrets appear only as state + salted fingerprint.
 */
#include "dump.h"

#include "../version.h"
#include "dump_json_int.h"

static json_t *js_version(struct jctx *c, const struct version *v)
{
        if (!v->text && v->major < 0)
                return jnull(c);
        json_t *o = jobj(c);
        jput_str(c, o, "text", v->text);
        jput_int_or_null(c, o, "major", v->major, -1);
        jput_int_or_null(c, o, "minor", v->minor, -1);
        jput_int_or_null(c, o, "maint", v->maint, -1);
        return o;
}

/* The one place loc.text reaches the JSON: the reader scrubbed it. */
static json_t *js_unknown(struct jctx *c, const void *e)
{
        const struct loc *l = e;
        json_t *o = jelem(c, l);
        jput_str(c, o, "text", l->text);
        return o;
}

static void js_header(struct jctx *c, json_t *d)
{
        const struct device *dev = c->dev;
        jput_str(c, d, "file", dev->file);
        jput_str(c, d, "hostname", dev->hostname);
        jput_line(c, d, "hostname_line", &dev->hostname_loc);
        jput_str(c, d, "domain", dev->domain);
        jput_str(c, d, "platform", platform_name(dev->platform));
        jput_bool(c, d, "platform_forced", dev->platform_forced);
        jput(c, d, "version", js_version(c, &dev->version));
        jput_int(c, d, "lines", (long long)dev->nlines);
        jput_int(c, d, "skipped", (long long)dev->nskipped);
        jput_int(c, d, "unknown_count", (long long)dev->unknown.n);
        jput_list(c, d, "unknown_lines", &dev->unknown, js_unknown);
        jput_int(c, d, "unknown_vpn_count", (long long)dev->unknown_vpn.n);
        jput_list(c, d, "unknown_vpn_lines", &dev->unknown_vpn, js_unknown);
}

static json_t *js_device(struct jctx *c)
{
        json_t *d = jobj(c);
        js_header(c, d);
        js_network(c, d);
        js_ike(c, d);
        js_ipsec(c, d);
        js_remote_access(c, d);
        js_settings(c, d);
        return d;
}

int dump_json(FILE *out, struct device *const *devs, size_t n, bool verbose)
{
        (void)verbose; /* the JSON always carries everything, unknown lines included */
        struct jctx c = {.dev = NULL, .err = false};
        json_t *root = jobj(&c);
        jput_str(&c, root, "tool", "ipsec-doctor");
        jput_str(&c, root, "version", IPSD_VERSION);
        jput_str(&c, root, "command", "dump");
        json_t *arr = jarr(&c);
        for (size_t i = 0; i < n && !c.err; i++) {
                c.dev = devs[i];
                jappend(&c, arr, js_device(&c));
        }
        jput(&c, root, "devices", arr);
        int rc = -1;
        if (!c.err && json_dumpf(root, out, JSON_PRESERVE_ORDER | JSON_INDENT(2)) == 0 &&
            fputc('\n', out) != EOF)
                rc = 0;
        json_decref(root);
        return rc;
}
