/*
 * The one output seam: a table with one row per format and one hook per
 * kind of output (findings with their tunnels, a trace, the catalog, the
 * lines explain recognises as it reads). A command looks its format up
 * here and calls the hook; a NULL hook is a format that kind of output
 * does not have. A new format is one report_<fmt>.c and one row.
 */
#include "report.h"

#include <string.h>

#include "../catalog/print.h"
#include "../findings/tunnel.h"
#include "../trace/trace.h"
#include "../version.h"
#include "report_explain.h"

static int list_json(FILE *f)
{
        return catalog_list_json(f, IPSD_VERSION);
}

static int describe_json(FILE *f, const struct diagnosis *d)
{
        return catalog_describe_json(f, d, IPSD_VERSION);
}

static int trace_text(FILE *f, const struct trace *t, const struct findings *fs,
                      const struct report_opts *o)
{
        (void)o;
        return trace_print_text(f, t, fs);
}

static int trace_json(FILE *f, const struct trace *t, const struct findings *fs,
                      const struct report_opts *o)
{
        (void)o;
        return trace_print_json(f, t, fs);
}

static const struct emitter emitters[REPORT_FORMATS] = {
    [REPORT_TEXT] = {"text", report_text, trace_text, catalog_list_text, catalog_describe_text,
                     report_explain_line_text, report_explain_unknown_text},
    [REPORT_JSON] = {"json", report_json, trace_json, list_json, describe_json, NULL},
    [REPORT_SARIF] = {"sarif", report_sarif, NULL, NULL, NULL, NULL},
    [REPORT_GCC] = {"gcc", report_gcc, NULL, NULL, NULL, NULL},
    [REPORT_HTML] = {"html", report_html, report_html_trace, NULL, NULL, NULL},
    [REPORT_JSONL] = {"jsonl", report_explain_jsonl, NULL, NULL, NULL, report_explain_line_jsonl,
                      report_explain_unknown_jsonl},
    [REPORT_MD] = {"md", NULL, NULL, catalog_list_md, catalog_describe_md, NULL},
};

const struct emitter *report_emitter(enum report_format f)
{
        return f < REPORT_FORMATS ? &emitters[f] : NULL;
}

int report_format_parse(const char *name, enum report_format *f)
{
        for (size_t i = 0; name && i < REPORT_FORMATS; i++)
                if (!strcmp(name, emitters[i].name)) {
                        *f = (enum report_format)i;
                        return 0;
                }
        return -1;
}

int report_findings(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        const struct emitter *e = report_emitter(o->format);
        return e && e->findings ? e->findings(out, fs, o) : -1;
}

int report_exit_status(const struct findings *fs, enum severity fail_on, bool tunnels_fail)
{
        for (size_t i = 0; tunnels_fail && i < fs->tunnels.n; i++)
                if (((const struct tunnel_result *)fs->tunnels.v[i])->status != TUN_ESTABLISHED)
                        return 1;
        for (size_t i = 0; i < fs->list.n; i++)
                if (((const struct finding *)fs->list.v[i])->severity >= fail_on)
                        return 1;
        return 0;
}
