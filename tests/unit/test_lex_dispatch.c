/* Lookups made fast for large configs: port names (binary search) and the
 * ASA reader's first-word index, which must pick what the table scan picks. */
#include "test_util.h"

#include "config/asa.h"
#include "config/lex.h"

static void port_names_resolve_case_insensitively(void **state)
{
        (void)state;
        assert_int_equal(lex_port("aol"), 5190);  /* first of the table */
        assert_int_equal(lex_port("xdmcp"), 177); /* last */
        assert_int_equal(lex_port("netbios-ss"), 139);
        assert_int_equal(lex_port("netbios-ssn"), 139);
        assert_int_equal(lex_port("ftp"), 21);
        assert_int_equal(lex_port("ftp-data"), 20);
        assert_int_equal(lex_port("HTTPS"), 443);
        assert_int_equal(lex_port("non500-isakmp"), 4500);
        assert_int_equal(lex_port("443"), 443);
        assert_int_equal(lex_port("65536"), -1);
        assert_int_equal(lex_port("ftp-dat"), -1);
        assert_int_equal(lex_port("zzz"), -1);
        assert_int_equal(lex_port("a"), -1);
        assert_int_equal(lex_port(""), -1);
        assert_int_equal(lex_port(NULL), -1);
}

static char ran[64]; /* which handlers ran, in order */
static int answer;   /* what the handlers return */

static int note(const char *who, size_t next)
{
        size_t l = strlen(ran);
        snprintf(ran + l, sizeof(ran) - l, "%s%zu ", who, next);
        return answer;
}
static int a1(struct asa_ctx *c, size_t i)
{
        (void)c;
        return note("a1:", i);
}
static int a2(struct asa_ctx *c, size_t i)
{
        (void)c;
        return note("a2:", i);
}
static int a3(struct asa_ctx *c, size_t i)
{
        (void)c;
        return note("a3:", i);
}
static int b1(struct asa_ctx *c, size_t i)
{
        (void)c;
        return note("b1:", i);
}

static const struct asa_cmd tab_a[] = {
    {{"crypto", "map"}, a1},
    {{"crypto"}, a2},
    {{"access-list"}, a3},
    {{0}, NULL},
};
static const struct asa_cmd tab_b[] = {
    {{"CRYPTO"}, b1},
    {{0}, NULL},
};
static const struct asa_cmd *const both[] = {tab_a, tab_b};

static const char *run(const char *const *words, size_t n, int rc_of_handlers, bool list)
{
        struct asa_ctx c = {.a = words, .n = n};
        ran[0] = '\0';
        answer = rc_of_handlers;
        int rc = list ? asa_dispatch_list(&c, both, 2) : asa_dispatch(&c, tab_a);
        size_t l = strlen(ran);
        snprintf(ran + l, sizeof(ran) - l, "=%d", rc);
        return ran;
}

static void index_keeps_first_match_order(void **state)
{
        (void)state;
        const char *cm[] = {"Crypto", "MAP", "x"};
        const char *cx[] = {"crypto", "ipsec"};
        const char *al[] = {"access-list"};
        const char *zz[] = {"zzz"};
        assert_string_equal(run(cm, 3, ASA_OK, false), "a1:2 =0");
        assert_string_equal(run(cx, 2, ASA_OK, false), "a2:1 =0");
        assert_string_equal(run(al, 1, ASA_OK, false), "a3:1 =0");
        assert_string_equal(run(zz, 1, ASA_OK, false), "=1");
        assert_string_equal(run(cm, 0, ASA_OK, false), "=1");
        /* within a table only the first match runs; the next table gets the
         * line when that match says unknown, as the scan does */
        assert_string_equal(run(cm, 3, ASA_UNKNOWN, false), "a1:2 =1");
        assert_string_equal(run(cm, 3, ASA_UNKNOWN, true), "a1:2 b1:1 =1");
        assert_string_equal(run(cm, 3, ASA_OK, true), "a1:2 =0");
        assert_string_equal(run(cx, 2, ASA_UNKNOWN, true), "a2:1 b1:1 =1");
        assert_string_equal(run(al, 1, ASA_UNKNOWN, true), "a3:1 =1");
}

static void index_agrees_with_the_scan(void **state)
{
        (void)state;
        const char *words[][3] = {{"crypto", "map", "m"},
                                  {"CRYPTO", "x", "y"},
                                  {"access-list", "a", "b"},
                                  {"access", "list", "x"},
                                  {"cryptos", "map", "m"}};
        for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
                for (size_t n = 0; n <= 3; n++) {
                        char idx[64];
                        snprintf(idx, sizeof(idx), "%s", run(words[k], n, ASA_OK, false));
                        struct asa_ctx c = {.a = words[k], .n = n};
                        ran[0] = '\0';
                        int rc = asa_dispatch_scan(&c, tab_a);
                        size_t l = strlen(ran);
                        snprintf(ran + l, sizeof(ran) - l, "=%d", rc);
                        assert_string_equal(idx, ran);
                }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(port_names_resolve_case_insensitively),
            cmocka_unit_test(index_keeps_first_match_order),
            cmocka_unit_test(index_agrees_with_the_scan),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
