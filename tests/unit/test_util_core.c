/* Arena, string map and secret type. */
#include "test_util.h"

#include "util/arena.h"
#include "util/secret.h"
#include "util/strmap.h"

static void arena_limit_is_enforced(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 4096);
        assert_non_null(arena_alloc(&a, 1000));
        assert_null(arena_alloc(&a, 5000));
        assert_null(arena_calloc(&a, SIZE_MAX / 2, 4));
        arena_free(&a);
}

static void arena_memory_is_zeroed_and_aligned(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        for (int i = 1; i < 200; i++) {
                unsigned char *p = arena_alloc(&a, (size_t)i * 37);
                assert_non_null(p);
                assert_int_equal((uintptr_t)p % 16, 0);
                for (int j = 0; j < i * 37; j++)
                        assert_int_equal(p[j], 0);
                memset(p, 0xab, (size_t)i * 37);
        }
        arena_free(&a);
}

static void strmap_finds_many_keys(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        struct strmap m = {0};
        char buf[32];
        for (int i = 0; i < 5000; i++) {
                snprintf(buf, sizeof(buf), "acl-%d", i);
                char *k = arena_strdup(&a, buf);
                assert_int_equal(strmap_put(&a, &m, k, (void *)(intptr_t)(i + 1)), 0);
        }
        assert_int_equal(m.n, 5000);
        for (int i = 0; i < 5000; i++) {
                snprintf(buf, sizeof(buf), "acl-%d", i);
                assert_int_equal((intptr_t)strmap_get(&m, buf), i + 1);
        }
        assert_null(strmap_get(&m, "ACL-1")); /* case matters by default */
        arena_free(&a);
}

static void strmap_nocase(void **state)
{
        (void)state;
        struct arena a;
        arena_init(&a, 0);
        struct strmap m = {.nocase = true};
        assert_int_equal(strmap_put(&a, &m, "GigabitEthernet0/1", (void *)1), 0);
        assert_int_equal((intptr_t)strmap_get(&m, "gigabitethernet0/1"), 1);
        arena_free(&a);
}

static void secrets_compare_without_storing_the_key(void **state)
{
        (void)state;
        struct secret a, b, c, masked;
        secret_set(&a, "cisco123", 8);
        secret_set(&b, "cisco123", 8);
        secret_set(&c, "cisco124", 8);
        secret_set_unknown(&masked, SECRET_MASKED);
        assert_int_equal(secret_compare(&a, &b), SECRET_CMP_EQUAL);
        assert_int_equal(secret_compare(&a, &c), SECRET_CMP_DIFFERENT);
        assert_int_equal(secret_compare(&a, &masked), SECRET_CMP_UNKNOWN);
        /* The struct must not contain the clear key anywhere. */
        assert_null(memmem(&a, sizeof(a), "cisco123", 8));
        char fa[9], fb[9], fc[9], fm[9];
        secret_fingerprint(&a, fa);
        secret_fingerprint(&b, fb);
        secret_fingerprint(&c, fc);
        secret_fingerprint(&masked, fm);
        assert_int_equal(strlen(fa), 8);
        assert_string_equal(fa, fb);
        assert_string_not_equal(fa, fc);
        assert_string_equal(fm, "");
}

static void masked_text(void **state)
{
        (void)state;
        assert_true(secret_text_is_masked("*****", 5));
        assert_true(secret_text_is_masked("*", 1));
        assert_false(secret_text_is_masked("ab*", 3));
        assert_false(secret_text_is_masked("", 0));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(arena_limit_is_enforced),
            cmocka_unit_test(arena_memory_is_zeroed_and_aligned),
            cmocka_unit_test(strmap_finds_many_keys),
            cmocka_unit_test(strmap_nocase),
            cmocka_unit_test(secrets_compare_without_storing_the_key),
            cmocka_unit_test(masked_text),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
