/*
 * The one output seam (report/report.c, issue 14): one table, a row per
 * format, that every command's --format goes through, and one exit-status
 * rule.
 */
#include "test_util.h"

#include <stdlib.h>

#include "cli/cli.h"
#include "config/config.h"
#include "findings/tunnel.h"
#include "report/report.h"
#include "report/report_explain.h"

/* Every row has a name that --format parses back to it, no two rows share a
 * name, and every row prints at least one kind of output. */
static void table_rows_round_trip(void **state)
{
        (void)state;
        for (int i = 0; i < REPORT_FORMATS; i++) {
                const struct emitter *e = report_emitter((enum report_format)i);
                assert_non_null(e);
                assert_non_null(e->name);
                enum report_format f = REPORT_FORMATS;
                assert_int_equal(report_format_parse(e->name, &f), 0);
                assert_int_equal(f, i);
                for (int j = 0; j < i; j++)
                        assert_string_not_equal(report_emitter((enum report_format)j)->name,
                                                e->name);
                assert_true(e->findings || e->trace || e->list || e->describe || e->explain_line ||
                            e->explain_unknown);
        }
        assert_null(report_emitter(REPORT_FORMATS));
        enum report_format f = REPORT_TEXT;
        assert_int_equal(report_format_parse("xml", &f), -1);
        assert_int_equal(report_format_parse(NULL, &f), -1);
        assert_int_equal(report_format_parse("", &f), -1);
        assert_int_equal(f, REPORT_TEXT);
}

/* A command's --format takes exactly the table's names that it lists: the
 * names come from the table, not from a second mapping in cli/. */
static void command_formats_come_from_the_table(void **state)
{
        (void)state;
        const char *allowed = "text, json, sarif, gcc, html";
        for (int i = 0; i < REPORT_FORMATS; i++) {
                const char *name = report_emitter((enum report_format)i)->name;
                enum report_format f = REPORT_FORMATS;
                /* a whole word of the list: "json" is listed, "jsonl" is not */
                char words[64];
                snprintf(words, sizeof(words), "%s", allowed);
                bool listed = false;
                for (char *sp, *w = strtok_r(words, ", ", &sp); w; w = strtok_r(NULL, ", ", &sp))
                        listed = listed || !strcmp(w, name);
                int rc = parse_format(name, &f, "check", allowed); /* a refusal says so on stderr */
                if (listed) {
                        assert_int_equal(rc, 0);
                        assert_int_equal(f, i);
                } else {
                        assert_int_equal(rc, -1);
                        assert_int_equal(f, REPORT_FORMATS);
                }
        }
}

static struct device *device_of(const char *cfg)
{
        struct device *dev = NULL;
        struct diag err;
        assert_int_equal(config_read_buffer("r.cfg", cfg, strlen(cfg), PLAT_UNKNOWN, &dev, &err),
                         0);
        return dev;
}

static const char *const CFG = "ASA Version 9.8(4)\nhostname edge\ncrypto ikev1 enable outside\n";

/* Exit 1 when a finding is at or above --fail-on, or, where tunnels count,
 * a played tunnel did not establish; else 0. */
static void exit_status_rule(void **state)
{
        (void)state;
        struct device *dev = device_of(CFG);
        struct findings fs;
        findings_init(&fs);
        assert_int_equal(report_exit_status(&fs, SEV_INFO, true), 0);
        struct finding *f = finding_add(&fs, "mss-too-large", dev, NULL);
        assert_non_null(f);
        f->severity = SEV_WARNING;
        assert_int_equal(report_exit_status(&fs, SEV_ERROR, false), 0);
        assert_int_equal(report_exit_status(&fs, SEV_WARNING, false), 1);
        assert_int_equal(report_exit_status(&fs, SEV_INFO, false), 1);
        f->severity = SEV_ERROR;
        assert_int_equal(report_exit_status(&fs, SEV_ERROR, false), 1);

        struct findings t;
        findings_init(&t);
        struct tunnel_result tr = {.a = "a", .b = "b", .status = TUN_ESTABLISHED};
        assert_int_equal(ptrvec_push(&t.arena, &t.tunnels, &tr), 0);
        assert_int_equal(report_exit_status(&t, SEV_ERROR, true), 0);
        tr.status = TUN_P1_AUTH_FAILED;
        assert_int_equal(report_exit_status(&t, SEV_ERROR, true), 1);
        assert_int_equal(report_exit_status(&t, SEV_ERROR, false), 0); /* check: findings rule */
        findings_free(&t);
        findings_free(&fs);
        model_free(dev);
}

/* Every row with a findings hook prints the same finding (its ID) through
 * report_findings; a row without one is refused, never silently empty. */
static void every_findings_format_prints_the_finding(void **state)
{
        (void)state;
        struct device *dev = device_of(CFG);
        struct findings fs;
        findings_init(&fs);
        struct finding *f = finding_add(&fs, "mss-too-large", dev, NULL);
        assert_non_null(f);
        const char *dev_label = "edge";
        for (int i = 0; i < REPORT_FORMATS; i++) {
                const struct emitter *e = report_emitter((enum report_format)i);
                struct report_opts o = {.format = (enum report_format)i,
                                        .command = "check",
                                        .nfiles = 1,
                                        .devices = &dev_label,
                                        .ndevices = 1};
                char *buf = NULL;
                size_t len = 0;
                FILE *out = open_memstream(&buf, &len);
                assert_non_null(out);
                int rc = report_findings(out, &fs, &o);
                fclose(out);
                if (e->findings) {
                        assert_int_equal(rc, 0);
                        assert_non_null(strstr(buf, "mss-too-large"));
                } else {
                        assert_int_equal(rc, -1);
                        assert_int_equal(len, 0);
                }
                free(buf);
        }
        findings_free(&fs);
        model_free(dev);
}

/* explain --verbose's unknown lines: bad bytes escaped, the line never
 * dropped (jsonl used to lose a line jansson refused as invalid UTF-8). */
static void unknown_line_hooks_escape(void **state)
{
        (void)state;
        const char *bad = "x \xff\x1b[2J y";
        for (int i = 0; i < REPORT_FORMATS; i++) {
                const struct emitter *e = report_emitter((enum report_format)i);
                if (!e->explain_unknown)
                        continue;
                char *buf = NULL;
                size_t len = 0;
                FILE *out = open_memstream(&buf, &len);
                assert_non_null(out);
                e->explain_unknown(out, "f\xfe.log", 7, bad);
                fclose(out);
                assert_non_null(strstr(buf, "7"));
                assert_non_null(strstr(buf, "xff"));
                assert_non_null(strstr(buf, "xfe"));
                assert_null(strchr(buf, 0x1b));
                assert_null(strchr(buf, (char)0xff));
                free(buf);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(table_rows_round_trip),
            cmocka_unit_test(command_formats_come_from_the_table),
            cmocka_unit_test(exit_status_rule),
            cmocka_unit_test(every_findings_format_prints_the_finding),
            cmocka_unit_test(unknown_line_hooks_escape),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
