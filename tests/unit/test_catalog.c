/* The diagnosis catalog (against diagnoses.md) and the fix renderer. */
#include "test_util.h"

#include <ctype.h>
#include <stdlib.h>

#include "catalog/catalog.h"
#include "catalog/fix.h"

/* Every ID of ../shared/spec/diagnoses.md, in the document's order, taken
 * with: grep -o '^| `[a-z0-9-]*`' diagnoses.md | tr -d '|` ' */
static const char *const spec_ids[] = {
    "isakmp-not-enabled",
    "isakmp-port-in-use",
    "isakmp-policy-mismatch",
    "isakmp-lifetime-mismatch",
    "vpnclient-max-lifetime",
    "psk-mismatch",
    "isakmp-identity-mismatch",
    "tunnel-group-name-not-peer-ip",
    "ike-peer-not-configured",
    "l2l-prompted-for-xauth",
    "ezvpn-xauth",
    "transaction-mode-v2",
    "isakmp-keepalive",
    "sa-no-sa",
    "stale-peer-table",
    "key-acquire-queued",
    "ag-init-exch",
    "rekey-at-75-percent",
    "transform-set-mismatch",
    "pfs-mismatch",
    "vpnclient-des-sha",
    "esp-no-hash",
    "crypto-acl-not-mirrored",
    "sa-idle-timeout",
    "anti-replay-drops",
    "esp-hmac-error",
    "one-way-traffic",
    "expired-vpn-context",
    "crypto-map-incomplete",
    "crypto-map-not-applied",
    "crypto-map-name-case",
    "one-crypto-map-per-interface",
    "dynamic-map-seq-order",
    "crypto-acl-overlap",
    "crypto-acl-duplicate",
    "crypto-acl-reversed",
    "crypto-acl-missing",
    "key-acquire-failed",
    "backup-peers",
    "ipsec-sa-lifetime",
    "nat-exemption-missing",
    "nat-exemption-has-ports",
    "nat-exemption-differs",
    "asymmetric-nat",
    "sysopt-permit-vpn-off",
    "ike-esp-blocked",
    "split-tunnel-acl-any",
    "split-tunnel-exclude-ezvpn",
    "route-to-remote-missing",
    "reverse-route-suggested",
    "pool-overlaps-inside",
    "pool-network-broadcast",
    "pool-too-small",
    "pool-overridden",
    "hairpin-not-permitted",
    "dmz-not-reachable",
    "multicast-over-tunnel",
    "tunnel-protocol-conflict",
    "simultaneous-logins",
    "session-limit",
    "xauth-radius-timeout",
    "xauth-threat-detection",
    "ra-dns-missing",
    "ra-no-internet",
    "mode-config-pool-missing",
    "nat-t-disabled",
    "mss-too-large",
    "large-packet-svc",
    "ids-large-icmp",
    "license-host-limit",
    "cerm-bandwidth-limit",
    "low-memory-crypto",
    "preserve-vpn-flows",
    "management-access-missing",
    "ping-source-not-interesting",
    "failover-ipsec-sync",
    "trunk-crypto-connect",
    "fw-window-scale",
    "anyconnect-va-install",
    "vpnclient-win7-datacard",
    /* section 10: tunnel interfaces and DMVPN */
    "tunnel-protection-missing",
    "tunnel-mode-mismatch",
    "ipsec-mode-mismatch",
    "tunnel-vrf-missing",
    "tunnel-recursive-routing",
    "nhrp-network-id-missing",
    "nhrp-nhs-wrong",
    "nhrp-auth-mismatch",
    "dmvpn-spoke-key-missing",
};
#define SPEC_COUNT (sizeof(spec_ids) / sizeof(spec_ids[0]))

/* The section names of diagnoses.md (1-7, and 10), in order. */
static const char *const sections[] = {
    "IKE phase 1",
    "IKE phase 2",
    "Crypto maps",
    "NAT exemption and ACLs",
    "Routing and addressing",
    "Remote-access policy",
    "Transport, MTU, platform",
    "Tunnel interfaces and DMVPN",
};

/* IDs added after the spec for causes it lacks, each with its source in
 * its catalog row (seed_section "Not in the seed (...)"); issue 13. */
static const char *const added_ids[] = {
    "ikev2-auth-failed",        "tunnel-protection-one-side", "tunnel-protection-shutdown",
    "nhrp-registration-failed", "tunnel-vrf-no-route",        "ikev2-no-matching-profile",
    "peer-address-not-owned",   "ikev2-proposal-incomplete",  "aggressive-mode-refused",
};
#define ADDED_COUNT (sizeof(added_ids) / sizeof(added_ids[0]))

static bool is_added(const char *id)
{
        for (size_t i = 0; i < ADDED_COUNT; i++)
                if (!strcmp(id, added_ids[i]))
                        return true;
        return false;
}

static void every_spec_id_is_present_once_in_order(void **state)
{
        (void)state;
        assert_int_equal(SPEC_COUNT, 89); /* 80 + section 10 */
        assert_int_equal(catalog_count, SPEC_COUNT + ADDED_COUNT);
        size_t k = 0; /* the spec's IDs keep their order; the added ones sit in their section */
        for (size_t i = 0; i < catalog_count; i++) {
                if (is_added(catalog[i].id)) {
                        assert_non_null(strstr(catalog[i].seed_section, "Not in the seed ("));
                        continue;
                }
                assert_true(k < SPEC_COUNT);
                assert_string_equal(catalog[i].id, spec_ids[k]);
                assert_ptr_equal(catalog_find(spec_ids[k]), &catalog[i]);
                k++;
                for (size_t j = i + 1; j < catalog_count; j++)
                        assert_string_not_equal(catalog[i].id, catalog[j].id);
        }
        assert_int_equal(k, SPEC_COUNT);
        assert_null(catalog_find("no-such-diagnosis"));
        assert_null(catalog_find(""));
        assert_null(catalog_find(NULL));
}

static bool is_kebab(const char *s)
{
        if (!*s || *s == '-')
                return false;
        for (const char *p = s; *p; p++) {
                bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
                if (!ok || (*p == '-' && (p[1] == '-' || p[1] == '\0')))
                        return false;
        }
        return true;
}

static void ids_are_kebab_case(void **state)
{
        (void)state;
        for (size_t i = 0; i < catalog_count; i++)
                assert_true(is_kebab(catalog[i].id));
        assert_false(is_kebab("Psk-mismatch"));
        assert_false(is_kebab("psk--mismatch"));
        assert_false(is_kebab("psk-mismatch-"));
        assert_false(is_kebab("psk_mismatch"));
}

static size_t count_sentences(const char *s)
{
        size_t n = 0;
        for (const char *p = s; *p; p++)
                if ((*p == '.' || *p == '!') && (p[1] == ' ' || p[1] == '\0') && p > s &&
                    p[-1] != '.')
                        n++;
        return n;
}

static void every_entry_has_its_texts(void **state)
{
        (void)state;
        size_t section = 0;
        for (size_t i = 0; i < catalog_count; i++) {
                const struct diagnosis *d = &catalog[i];
                assert_non_null(d->title);
                assert_non_null(d->explanation);
                assert_non_null(d->fix_summary);
                assert_non_null(d->seed_section);
                assert_true(strlen(d->title) > 10 && strlen(d->title) <= 100);
                assert_null(strchr(d->title, '\n'));
                assert_true(d->title[strlen(d->title) - 1] != '.');
                assert_true(strlen(d->explanation) > 100);
                assert_true(strlen(d->fix_summary) > 10);
                assert_true(strlen(d->seed_section) > 3);
                assert_true(d->severity <= SEV_ERROR);
                assert_true(d->found_from != 0 && d->found_from < (FROM_LIVE << 1));
                /* Categories follow the document's sections, in order. */
                while (section < 8 && strcmp(d->category, sections[section]))
                        section++;
                assert_true(section < 8);
                /* The explanation is a short paragraph, not a line or an essay. */
                size_t s = count_sentences(d->explanation);
                if (s < 2 || s > 7)
                        fail_msg("%s: %zu sentences", d->id, s);
        }
}

static void config_errors_have_a_fix(void **state)
{
        (void)state;
        size_t checked = 0;
        for (size_t i = 0; i < catalog_count; i++) {
                const struct diagnosis *d = &catalog[i];
                if (d->severity != SEV_ERROR || !(d->found_from & FROM_CONFIG))
                        continue;
                bool any = false;
                for (int k = 0; k < DIALECT_COUNT; k++)
                        any |= d->fix[k] != NULL;
                if (!any)
                        fail_msg("%s has no fix", d->id);
                checked++;
        }
        assert_true(checked >= 25);
}

static bool placeholder_known(const char *name, size_t len)
{
        for (size_t i = 0; i < catalog_placeholder_count; i++)
                if (strlen(catalog_placeholders[i]) == len &&
                    !memcmp(catalog_placeholders[i], name, len))
                        return true;
        return false;
}

/* Braces balanced, never nested, each naming a documented placeholder. */
static void check_template(const char *id, const char *t)
{
        const char *open = NULL;
        for (const char *p = t; *p; p++) {
                if (*p == '{') {
                        if (open)
                                fail_msg("%s: nested '{' in %s", id, t);
                        open = p;
                } else if (*p == '}') {
                        if (!open)
                                fail_msg("%s: '}' without '{' in %s", id, t);
                        if (!placeholder_known(open + 1, (size_t)(p - open - 1)))
                                fail_msg("%s: unknown placeholder %.*s", id, (int)(p - open + 1),
                                         open);
                        open = NULL;
                }
                if (*p == '\t' || (*p == '\n' && (p[1] == '\n' || p[1] == '\0')))
                        fail_msg("%s: tab or empty line in %s", id, t);
        }
        if (open)
                fail_msg("%s: unclosed '{' in %s", id, t);
}

static void templates_are_well_formed(void **state)
{
        (void)state;
        for (size_t i = 0; i < catalog_count; i++)
                for (int k = 0; k < DIALECT_COUNT; k++)
                        if (catalog[i].fix[k])
                                check_template(catalog[i].id, catalog[i].fix[k]);
        /* The checker itself must be able to fail on a bad template. */
        assert_false(placeholder_known("peers", 5));
        assert_true(placeholder_known("peer", 4));
        assert_true(placeholder_known("nat_if", 6));
}

/* Fixes that clear SAs or remove a crypto map must carry the warning. */
static void tunnel_dropping_fixes_are_flagged(void **state)
{
        (void)state;
        for (size_t i = 0; i < catalog_count; i++) {
                const struct diagnosis *d = &catalog[i];
                for (int k = 0; k < DIALECT_COUNT; k++) {
                        const char *t = d->fix[k];
                        if (t && (strstr(t, "clear crypto") || strstr(t, "no crypto map")) &&
                            !d->drops_tunnels)
                                fail_msg("%s: fix drops tunnels but is not flagged", d->id);
                }
        }
        assert_true(catalog_find("sa-no-sa")->drops_tunnels);
        assert_false(catalog_find("psk-mismatch")->drops_tunnels);
        assert_non_null(change_control_warning);
        assert_non_null(strstr(change_control_warning, "change-control"));
}

static void fixes_use_each_dialects_syntax(void **state)
{
        (void)state;
        const struct diagnosis *d = catalog_find("psk-mismatch");
        assert_string_equal(
            d->fix[DIALECT_ASA84],
            "tunnel-group {peer} ipsec-attributes\n ikev1 pre-shared-key <pre-shared-key>");
        assert_string_equal(
            d->fix[DIALECT_ASA70],
            "tunnel-group {peer} ipsec-attributes\n pre-shared-key <pre-shared-key>");
        assert_string_equal(d->fix[DIALECT_PIX6], "isakmp key <pre-shared-key> address {peer} "
                                                  "netmask 255.255.255.255 no-xauth");
        assert_string_equal(d->fix[DIALECT_IOS],
                            "crypto isakmp key <pre-shared-key> address {peer}");
        d = catalog_find("l2l-prompted-for-xauth");
        assert_non_null(d->fix[DIALECT_IOS]);
        assert_null(d->fix[DIALECT_PIX6]);
        assert_null(d->fix[DIALECT_ASA70]);
        assert_null(d->fix[DIALECT_ASA84]);
        d = catalog_find("isakmp-not-enabled");
        assert_string_equal(d->fix[DIALECT_ASA84], "crypto ikev1 enable {if}");
        assert_string_equal(d->fix[DIALECT_ASA70], "crypto isakmp enable {if}");
        d = catalog_find("transform-set-mismatch");
        assert_non_null(strstr(d->fix[DIALECT_ASA84], "crypto ipsec ikev1 transform-set"));
        assert_non_null(strstr(d->fix[DIALECT_ASA84], "set ikev1 transform-set"));
        assert_null(strstr(d->fix[DIALECT_ASA70], "ikev1"));
        d = catalog_find("nat-exemption-missing");
        assert_non_null(strstr(d->fix[DIALECT_ASA70], "nat ({nat_if}) 0 access-list {acl}"));
        assert_non_null(strstr(d->fix[DIALECT_ASA84], "no-proxy-arp route-lookup"));
        assert_string_equal(catalog_find("sysopt-permit-vpn-off")->fix[DIALECT_PIX6],
                            "sysopt connection permit-ipsec");
        /* 8.4+ has no 'crypto isakmp policy' / plain 'pre-shared-key' forms. */
        for (size_t i = 0; i < catalog_count; i++) {
                const char *t = catalog[i].fix[DIALECT_ASA84];
                if (!t)
                        continue;
                assert_null(strstr(t, "crypto isakmp policy"));
                assert_null(strstr(t, "crypto isakmp enable"));
                assert_null(strstr(t, "\n pre-shared-key"));
                assert_null(strstr(t, " 0 access-list"));
        }
}

static void notes_correct_the_seed(void **state)
{
        (void)state;
        assert_non_null(strstr(catalog_find("isakmp-keepalive")->note, "RFC 3706"));
        assert_non_null(strstr(catalog_find("pfs-mismatch")->note, "RFC 2409"));
        const char *n = catalog_find("isakmp-policy-mismatch")->note;
        assert_non_null(strstr(n, "ASA"));
        assert_non_null(strstr(n, "IOS"));
        n = catalog_find("nat-t-disabled")->note;
        assert_non_null(strstr(n, "7.0"));
        assert_non_null(strstr(n, "12.2(13)T"));
}

static void severity_and_found_from_names(void **state)
{
        (void)state;
        assert_string_equal(severity_name(SEV_ERROR), "error");
        assert_string_equal(severity_name(SEV_WARNING), "warning");
        assert_string_equal(severity_name(SEV_INFO), "info");
        enum severity s = SEV_INFO;
        assert_true(severity_parse("error", &s));
        assert_int_equal(s, SEV_ERROR);
        assert_true(severity_parse("warning", &s));
        assert_int_equal(s, SEV_WARNING);
        assert_false(severity_parse("fatal", &s));
        assert_false(severity_parse("ERROR", &s));
        assert_false(severity_parse(NULL, &s));
        assert_int_equal(s, SEV_WARNING);

        char buf[64];
        assert_string_equal(found_from_str(FROM_CONFIG | FROM_LOGS, buf, sizeof(buf)),
                            "config,logs");
        assert_string_equal(found_from_str(0, buf, sizeof(buf)), "");
        assert_string_equal(
            found_from_str(FROM_CONFIG | FROM_PAIR | FROM_LOGS | FROM_CAPTURE | FROM_LIVE, buf,
                           sizeof(buf)),
            "config,pair,logs,capture,live");
        char small[10];
        assert_string_equal(
            found_from_str(FROM_CONFIG | FROM_PAIR | FROM_LOGS, small, sizeof(small)), "config");
        assert_string_equal(found_from_name(FROM_CAPTURE), "capture");
        assert_null(found_from_name(FROM_CONFIG | FROM_PAIR));
        assert_string_equal(dialect_key(DIALECT_ASA84), "asa84");
        assert_string_equal(dialect_key(DIALECT_PIX6), "pix6");
}

static enum dialect dialect_of(enum platform p, int major, int minor)
{
        struct version v = {major, minor, major < 0 ? -1 : 0, NULL};
        return dialect_for(p, &v);
}

static void dialect_follows_platform_and_version(void **state)
{
        (void)state;
        assert_int_equal(dialect_of(PLAT_IOS, 15, 4), DIALECT_IOS);
        assert_int_equal(dialect_of(PLAT_IOS, -1, -1), DIALECT_IOS);
        assert_int_equal(dialect_of(PLAT_PIX, 6, 3), DIALECT_PIX6);
        assert_int_equal(dialect_of(PLAT_PIX, 7, 2), DIALECT_ASA70);
        assert_int_equal(dialect_of(PLAT_PIX, 8, 0), DIALECT_ASA70);
        assert_int_equal(dialect_of(PLAT_PIX, -1, -1), DIALECT_PIX6);
        assert_int_equal(dialect_of(PLAT_ASA, 7, 0), DIALECT_ASA70);
        assert_int_equal(dialect_of(PLAT_ASA, 8, 2), DIALECT_ASA70);
        assert_int_equal(dialect_of(PLAT_ASA, 8, 3), DIALECT_ASA70);
        assert_int_equal(dialect_of(PLAT_ASA, 8, 4), DIALECT_ASA84);
        assert_int_equal(dialect_of(PLAT_ASA, 9, 1), DIALECT_ASA84);
        assert_int_equal(dialect_of(PLAT_ASA, -1, -1), DIALECT_ASA84);
        assert_int_equal(dialect_for(PLAT_ASA, NULL), DIALECT_ASA84);
        struct version v = {8, 4, -1, "8.4"}; /* maintenance release unknown */
        assert_int_equal(dialect_for(PLAT_ASA, &v), DIALECT_ASA84);
}

/* ---- fix_render ------------------------------------------------------- */

static const struct fix_var vars[] = {
    {"peer", "10.0.0.2"}, {"map", "outside_map"}, {"seq", "10"}, {"empty", ""}, {"nothing", NULL},
};
#define NVARS (sizeof(vars) / sizeof(vars[0]))

static void render_fills_placeholders(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        char **l;
        size_t n;
        assert_int_equal(
            fix_render(catalog_find("psk-mismatch")->fix[DIALECT_ASA84], vars, NVARS, &l, &n, &a),
            FIX_OK);
        assert_int_equal(n, 2);
        assert_string_equal(l[0], "tunnel-group 10.0.0.2 ipsec-attributes");
        assert_string_equal(l[1], " ikev1 pre-shared-key <pre-shared-key>");

        assert_int_equal(
            fix_render("crypto map {map} {seq} set peer {peer}", vars, NVARS, &l, &n, &a), FIX_OK);
        assert_int_equal(n, 1);
        assert_string_equal(l[0], "crypto map outside_map 10 set peer 10.0.0.2");
        arena_free(&a);
}

static void render_marks_what_it_cannot_fill(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        char **l;
        size_t n;
        assert_int_equal(fix_render("a {tset} {empty} {nothing} {peer}", vars, NVARS, &l, &n, &a),
                         FIX_OK);
        assert_string_equal(l[0], "a <tset> <empty> <nothing> 10.0.0.2");
        /* No vars at all. */
        assert_int_equal(fix_render("set peer {peer}", NULL, 0, &l, &n, &a), FIX_OK);
        assert_string_equal(l[0], "set peer <peer>");
        /* Braces that are not placeholders are copied as they are. */
        assert_int_equal(fix_render("{Peer} { } {} {a b} { {{peer}} x}", vars, NVARS, &l, &n, &a),
                         FIX_OK);
        assert_string_equal(l[0], "{Peer} { } {} {a b} { {10.0.0.2} x}");
        assert_int_equal(fix_render("tail {peer", vars, NVARS, &l, &n, &a), FIX_OK);
        assert_string_equal(l[0], "tail {peer");
        /* A name longer than FIX_MAX_NAME is not a placeholder. */
        char longname[FIX_MAX_NAME + 4];
        longname[0] = '{';
        memset(longname + 1, 'a', FIX_MAX_NAME + 1);
        longname[FIX_MAX_NAME + 2] = '}';
        longname[FIX_MAX_NAME + 3] = '\0';
        assert_int_equal(fix_render(longname, vars, NVARS, &l, &n, &a), FIX_OK);
        assert_string_equal(l[0], longname);
        arena_free(&a);
}

static void render_splits_lines(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        char **l;
        size_t n = 99;
        assert_int_equal(fix_render(NULL, vars, NVARS, &l, &n, &a), FIX_OK);
        assert_int_equal(n, 0);
        assert_null(l);
        assert_int_equal(fix_render("", vars, NVARS, &l, &n, &a), FIX_OK);
        assert_int_equal(n, 0);
        assert_int_equal(fix_render("a\n\n b\n", vars, NVARS, &l, &n, &a), FIX_OK);
        assert_int_equal(n, 3);
        assert_string_equal(l[0], "a");
        assert_string_equal(l[1], "");
        assert_string_equal(l[2], " b");
        arena_free(&a);
}

static void render_values_cannot_add_lines(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        char **l;
        size_t n;
        const struct fix_var hostile[] = {{"peer", "1.2.3.4\nclear configure all\r\t\x7f"}};
        assert_int_equal(fix_render("set peer {peer}", hostile, 1, &l, &n, &a), FIX_OK);
        assert_int_equal(n, 1);
        assert_string_equal(l[0], "set peer 1.2.3.4?clear configure all???");
        arena_free(&a);
}

static void render_is_bounded(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        char **l;
        size_t n;
        char *big = malloc(FIX_MAX_BYTES + 10);
        assert_non_null(big);
        memset(big, 'x', FIX_MAX_BYTES + 9);
        big[FIX_MAX_BYTES + 9] = '\0';
        const struct fix_var bigvar[] = {{"peer", big}};
        assert_int_equal(fix_render("{peer}", bigvar, 1, &l, &n, &a), FIX_TOO_LARGE);
        big[FIX_MAX_BYTES] = '\0'; /* exactly the limit fits */
        assert_int_equal(fix_render("{peer}", bigvar, 1, &l, &n, &a), FIX_OK);
        assert_int_equal(strlen(l[0]), FIX_MAX_BYTES);
        /* Too many lines. */
        memset(big, '\n', FIX_MAX_LINES + 1);
        big[0] = 'x';
        big[FIX_MAX_LINES + 1] = 'x';
        big[FIX_MAX_LINES + 2] = '\0';
        assert_int_equal(fix_render(big, NULL, 0, &l, &n, &a), FIX_TOO_LARGE);
        free(big);
        arena_free(&a);

        /* The arena's limit is respected. */
        arena_init(&a, 16);
        assert_int_equal(
            fix_render("crypto map {map} {seq} set peer {peer}", vars, NVARS, &l, &n, &a),
            FIX_NO_MEMORY);
        arena_free(&a);
}

/* With every documented placeholder filled, no template leaves a brace. */
static void every_template_renders_completely(void **state)
{
        (void)state;
        struct fix_var all[64];
        assert_true(catalog_placeholder_count <= 64);
        for (size_t i = 0; i < catalog_placeholder_count; i++)
                all[i] = (struct fix_var){catalog_placeholders[i], "X"};
        struct arena a;
        arena_init(&a, 0);
        for (size_t i = 0; i < catalog_count; i++) {
                for (int k = 0; k < DIALECT_COUNT; k++) {
                        char **l;
                        size_t n;
                        if (!catalog[i].fix[k])
                                continue;
                        assert_int_equal(fix_render(catalog[i].fix[k], all,
                                                    catalog_placeholder_count, &l, &n, &a),
                                         FIX_OK);
                        assert_true(n >= 1);
                        for (size_t j = 0; j < n; j++) {
                                assert_null(strchr(l[j], '{'));
                                assert_true(strlen(l[j]) > 0 &&
                                            !isspace((unsigned char)l[j][strlen(l[j]) - 1]));
                        }
                }
        }
        arena_free(&a);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(every_spec_id_is_present_once_in_order),
            cmocka_unit_test(ids_are_kebab_case),
            cmocka_unit_test(every_entry_has_its_texts),
            cmocka_unit_test(config_errors_have_a_fix),
            cmocka_unit_test(templates_are_well_formed),
            cmocka_unit_test(tunnel_dropping_fixes_are_flagged),
            cmocka_unit_test(fixes_use_each_dialects_syntax),
            cmocka_unit_test(notes_correct_the_seed),
            cmocka_unit_test(severity_and_found_from_names),
            cmocka_unit_test(dialect_follows_platform_and_version),
            cmocka_unit_test(render_fills_placeholders),
            cmocka_unit_test(render_marks_what_it_cannot_fill),
            cmocka_unit_test(render_splits_lines),
            cmocka_unit_test(render_values_cannot_add_lines),
            cmocka_unit_test(render_is_bounded),
            cmocka_unit_test(every_template_renders_completely),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
