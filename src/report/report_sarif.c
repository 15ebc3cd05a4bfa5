/*
 * SARIF 2.1.0 (OASIS): one run, one rule per catalog ID (so ruleIndex is
 * stable whatever was found), one result per finding with its location and
 * the evidence lines as relatedLocations. The fix commands go in the
 * result's properties: SARIF "fixes" describe byte replacements in the
 * analysed file, which a CLI command to paste on a device is not.
 */
#include <jansson.h>

#include "../version.h"
#include "json_build.h"
#include "report.h"

#define S(x) json_str_safe(x)

static const char *sarif_level(enum severity s)
{
        static const char *const lv[] = {"note", "warning", "error"};
        return lv[s];
}

static json_t *rule_json(const struct diagnosis *d)
{
        char from[96];
        json_t *help = json_pack("{s:s}", "text", d->fix_summary ? d->fix_summary : d->title);
        return json_pack("{s:s, s:s, s:{s:s}, s:{s:s}, s:o, s:{s:s}, s:{s:s, s:s}}", "id", d->id,
                         "name", d->id, "shortDescription", "text", d->title, "fullDescription",
                         "text", d->explanation, "help", help, "defaultConfiguration", "level",
                         sarif_level(d->severity), "properties", "category", d->category,
                         "foundFrom", found_from_str(d->found_from, from, sizeof(from)));
}

/* A finding about the device as a whole (line 0) has no region: SARIF
 * 3.28.2 lets a physicalLocation name only its artifact, and no format
 * prints a line the finding does not have. */
static json_t *location_json(const char *file, uint32_t line, const char *msg)
{
        json_t *loc =
            json_pack("{s:{s:{s:o}}}", "physicalLocation", "artifactLocation", "uri", S(file));
        if (loc && line)
                json_object_set_new(json_object_get(loc, "physicalLocation"), "region",
                                    json_pack("{s:i}", "startLine", (json_int_t)line));
        if (loc && msg)
                json_object_set_new(loc, "message", json_pack("{s:o}", "text", S(msg)));
        return loc;
}

static json_t *result_json(const struct finding *f)
{
        size_t idx = (size_t)(f->diag - catalog);
        json_t *related = json_array();
        for (size_t i = 0; related && i < f->nev; i++)
                json_array_append_new(related,
                                      location_json(f->ev[i].file, f->ev[i].line, f->ev[i].text));
        json_t *fixes = json_array();
        for (size_t i = 0; fixes && i < f->nfixes; i++) {
                json_t *cmds = json_array();
                for (size_t j = 0; cmds && j < f->fixes[i].ncommands; j++)
                        json_array_append_new(cmds, S(f->fixes[i].commands[j]));
                json_array_append_new(
                    fixes, json_pack("{s:o, s:s, s:o}", "device", S(f->fixes[i].device), "platform",
                                     platform_name(f->fixes[i].platform), "commands", cmds));
        }
        json_t *r = json_pack("{s:s, s:i, s:s, s:{s:o}, s:[o], s:o, s:{s:o, s:o}}", "ruleId",
                              f->diag->id, "ruleIndex", (json_int_t)idx, "level",
                              sarif_level(f->severity), "message", "text", S(f->title), "locations",
                              location_json(f->file, f->line, NULL), "relatedLocations", related,
                              "properties", "device", S(f->device), "fix", fixes);
        if (r && f->peer)
                json_object_set_new(json_object_get(r, "properties"), "peer", S(f->peer));
        return r;
}

int report_sarif(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        (void)o;
        json_t *rules = json_array();
        json_t *results = json_array();
        for (size_t i = 0; rules && i < catalog_count; i++)
                json_array_append_new(rules, rule_json(&catalog[i]));
        for (size_t i = 0; results && i < fs->list.n; i++)
                json_array_append_new(results, result_json(fs->list.v[i]));
        json_t *doc =
            json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:o}}, s:o}]}", "$schema",
                      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                      "sarif-schema-2.1.0.json",
                      "version", "2.1.0", "runs", "tool", "driver", "name", "ipsec-doctor",
                      "version", IPSD_VERSION, "informationUri",
                      "https://example.invalid/ipsec-doctor", "rules", rules, "results", results);
        if (!doc)
                return -1;
        int rc = json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', out);
        json_decref(doc);
        return rc;
}
