/* The one argument parser (cli/args.c) and the output escapes
 * (util/utf8.c, report/text_safe.c, report_html.c's html_put). */
#include "test_util.h"

#include <stdlib.h>

#include "cli/args.h"
#include "report/report_html.h"
#include "util/utf8.h"

struct seen {
        const char *format, *output;
        int flags, words;
};

enum { T_FORMAT, T_OUTPUT, T_FLAG, T_WORDS };

static int on_opt(void *ctx, int id, const char *v, char **rest, int nrest)
{
        struct seen *s = ctx;
        switch (id) {
        case T_FORMAT:
                s->format = v;
                return 0;
        case T_OUTPUT:
                s->output = v;
                return 0;
        case T_FLAG:
                s->flags++;
                return 0;
        case T_WORDS: /* takes two words */
                if (nrest < 2)
                        return -1;
                (void)rest;
                s->words++;
                return 2;
        }
        return -1;
}

static const struct cli_opt opts[] = {
    CLI_OPT_FORMAT(T_FORMAT, "text or json"),
    CLI_OPT_OUTPUT(T_OUTPUT),
    {"flag", 'v', NULL, "a flag", T_FLAG},
    {"pair", 0, "*A B", "two words", T_WORDS},
};

static const struct cli_spec spec = {"demo", "FILE...", "A demo.", opts, 4, 1, 3, on_opt};

static enum cli_parsed parse(struct seen *s, struct cli_operands *in, int argc, char **argv)
{
        memset(s, 0, sizeof(*s));
        return cli_parse(&spec, argc, argv, s, in);
}

static void options_anywhere(void **state)
{
        (void)state;
        struct seen s;
        struct cli_operands in;
        char *argv[] = {"demo", "a.cfg", "--format", "json", "b.cfg", "-v", "-oout.txt", NULL};
        assert_int_equal(parse(&s, &in, 7, argv), CLI_RUN);
        assert_string_equal(s.format, "json");
        assert_string_equal(s.output, "out.txt");
        assert_int_equal(s.flags, 1);
        assert_int_equal(in.n, 2);
        assert_string_equal(in.v[0], "a.cfg");
        assert_string_equal(in.v[1], "b.cfg");
        cli_operands_free(&in);
}

static void double_dash_and_stdin(void **state)
{
        (void)state;
        struct seen s;
        struct cli_operands in;
        char *argv[] = {"demo", "--format=text", "-", "--", "-v", "--format", NULL};
        assert_int_equal(parse(&s, &in, 6, argv), CLI_RUN);
        assert_string_equal(s.format, "text");
        assert_int_equal(s.flags, 0);
        assert_int_equal(in.n, 3);
        assert_string_equal(in.v[0], "-");
        assert_string_equal(in.v[1], "-v");
        assert_string_equal(in.v[2], "--format");
        cli_operands_free(&in);
}

static void several_words(void **state)
{
        (void)state;
        struct seen s;
        struct cli_operands in;
        char *argv[] = {"demo", "--pair", "x", "y", "f", NULL};
        assert_int_equal(parse(&s, &in, 5, argv), CLI_RUN);
        assert_int_equal(s.words, 1);
        assert_int_equal(in.n, 1);
        assert_string_equal(in.v[0], "f");
        cli_operands_free(&in);
}

static void errors(void **state)
{
        (void)state;
        struct seen s;
        struct cli_operands in;
        char *unknown[] = {"demo", "--frob", "a", NULL};
        assert_int_equal(parse(&s, &in, 3, unknown), CLI_ERROR);
        char *novalue[] = {"demo", "a", "--format", NULL};
        assert_int_equal(parse(&s, &in, 3, novalue), CLI_ERROR);
        char *flagvalue[] = {"demo", "a", "--flag=1", NULL};
        assert_int_equal(parse(&s, &in, 3, flagvalue), CLI_ERROR);
        char *none[] = {"demo", NULL};
        assert_int_equal(parse(&s, &in, 1, none), CLI_ERROR); /* min 1 operand */
        char *many[] = {"demo", "a", "b", "c", "d", NULL};
        assert_int_equal(parse(&s, &in, 5, many), CLI_ERROR); /* max 3 */
}

static void help_and_version(void **state)
{
        (void)state;
        struct seen s;
        struct cli_operands in;
        char *help[] = {"demo", "a", "-h", NULL};
        assert_int_equal(parse(&s, &in, 3, help), CLI_DONE);
        char *version[] = {"demo", "--version", NULL}; /* no operand needed */
        assert_int_equal(parse(&s, &in, 2, version), CLI_DONE);
}

static char *escaped(const char *s)
{
        char *e = utf8_escape(s);
        assert_non_null(e);
        return e;
}

static void utf8_escapes(void **state)
{
        (void)state;
        char *e = escaped("br\xff\xfe"
                          "anch");
        assert_string_equal(e, "br\\xff\\xfeanch");
        free(e);
        e = escaped("caf\xc3\xa9 \xe2\x82\xac ok"); /* valid UTF-8 stays */
        assert_string_equal(e, "caf\xc3\xa9 \xe2\x82\xac ok");
        free(e);
        e = escaped("\x1b[31mred\ttab"); /* control bytes, not tab */
        assert_string_equal(e, "\\x1b[31mred\ttab");
        free(e);
        e = escaped("\xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80"); /* overlong, surrogate, > U+10FFFF */
        assert_string_equal(e, "\\xc0\\xaf \\xed\\xa0\\x80 \\xf4\\x90\\x80\\x80");
        free(e);
        e = escaped("cut \xe2\x82");
        assert_string_equal(e, "cut \\xe2\\x82");
        free(e);
        assert_true(utf8_clean("plain"));
        assert_false(utf8_clean("bad\xff"));
}

static void html_escapes(void **state)
{
        (void)state;
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        assert_non_null(f);
        html_put(f, "<script>alert('x')</script> & \"q\" \xff");
        assert_int_equal(fclose(f), 0);
        assert_string_equal(buf, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                                 "&quot;q&quot; \\xff");
        free(buf);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(options_anywhere), cmocka_unit_test(double_dash_and_stdin),
            cmocka_unit_test(several_words),    cmocka_unit_test(errors),
            cmocka_unit_test(help_and_version), cmocka_unit_test(utf8_escapes),
            cmocka_unit_test(html_escapes),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
