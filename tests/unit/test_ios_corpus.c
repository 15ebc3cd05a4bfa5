/*
 * The IOS reader over the public corpus (MANIFEST.tsv rows whose platform
 * column mentions IOS): every line of the VPN families (crypto, isakmp,
 * access-list, ip nat, ip route, ip local pool, route) must be understood.
 * Prints the per-file unknown figures (scripts/ios-corpus-unknown.sh).
 * Skipped when the corpus is not present (IPSD_CORPUS or /work/shared/corpus).
 */
#include "test_util.h"

#include <stdlib.h>

#include "config/config.h"

static const char *const families[] = {"crypto",   "isakmp",        "access-list", "ip nat",
                                       "ip route", "ip local pool", "route ",      "no crypto"};

static bool in_family(const char *s)
{
        while (*s == ' ')
                s++;
        for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
                if (!strncmp(s, families[i], strlen(families[i])))
                        return true;
        return false;
}

static char *slurp(const char *path, size_t *len)
{
        FILE *f = fopen(path, "rb");
        if (!f)
                return NULL;
        char *buf = malloc(1 << 22);
        *len = buf ? fread(buf, 1, (1 << 22) - 1, f) : 0;
        fclose(f);
        return buf;
}

static void corpus_vpn_lines_all_known(void **state)
{
        (void)state;
        const char *dir = getenv("IPSD_CORPUS") ? getenv("IPSD_CORPUS") : "/work/shared/corpus";
        char path[4096], line[8192];
        snprintf(path, sizeof(path), "%s/MANIFEST.tsv", dir);
        FILE *m = fopen(path, "r");
        if (!m)
                skip();
        size_t files = 0, lines = 0, unknown = 0, vpn_unknown = 0;
        while (fgets(line, sizeof(line), m)) {
                char *cols[6] = {0};
                char *p = line;
                for (int i = 0; i < 6 && p; i++) {
                        cols[i] = p;
                        p = strchr(p, '\t');
                        if (p)
                                *p++ = '\0';
                }
                if (!cols[5] || strcmp(cols[4], "config") || !strstr(cols[5], "IOS"))
                        continue;
                /* the length checked: gcc 12 -O3 -Wformat-truncation otherwise */
                int w = snprintf(path, sizeof(path), "%s/%s", dir, cols[0]);
                assert_true(w > 0 && (size_t)w < sizeof(path));
                size_t len = 0;
                char *buf = slurp(path, &len);
                assert_non_null(buf);
                struct device *dev;
                struct diag err;
                assert_int_equal(config_read_buffer(path, buf, len, PLAT_IOS, &dev, &err), 0);
                size_t vpn = 0;
                for (size_t i = 0; i < dev->unknown.n; i++) {
                        const struct loc *l = dev->unknown.v[i];
                        if (in_family(l->text)) {
                                vpn++;
                                printf("  VPN-UNKNOWN %s:%u: %s\n", cols[0], l->line, l->text);
                        } else if (getenv("IPSD_SHOW_ALL")) {
                                printf("  unknown %s:%u: %s\n", cols[0], l->line, l->text);
                        }
                }
                printf("%-100.100s lines %5zu unknown %4zu vpn-unknown %zu\n", cols[0], dev->nlines,
                       dev->unknown.n, vpn);
                files++;
                lines += dev->nlines;
                unknown += dev->unknown.n;
                vpn_unknown += vpn;
                model_free(dev);
                free(buf);
        }
        fclose(m);
        printf("IOS corpus: %zu files, %zu lines, %zu unknown, %zu unknown in VPN families\n",
               files, lines, unknown, vpn_unknown);
        assert_int_equal(vpn_unknown, 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(corpus_vpn_lines_all_known),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
