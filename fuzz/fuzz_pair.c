/*
 * libFuzzer: two configs played against each other, as `check A B` and
 * `tunnel A B` take them: both read (platform detected), then every tunnel
 * between them discovered and played (crypto map entries, IKEv2 profiles
 * and keyrings, tunnel interfaces, NHRP / DMVPN, front-door VRFs), and each
 * tunnel A initiates towards B played on its own (tunnels_to.c). The input
 * is split at the first NUL byte (no NUL: in halves).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config/config.h"
#include "negotiate/discover.h"

static void play_each(struct device *a, struct device *b, struct findings *fs)
{
        struct tun_choice c[TUN_CHOICES_MAX];
        size_t n = tunnels_to(a, b, NULL, c, TUN_CHOICES_MAX);
        for (size_t k = 0; k <= n; k++) {
                struct flow_opt f = {0};
                if (k < n)
                        tun_choice_flow(&c[k], &f);
                struct pair p;
                struct tunnel_result *r;
                if (!pair_build(&p, a, "a", b, "b", &f, NULL))
                        (void)pair_play(&p, fs, &r);
                pair_free(&p);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        const char *s = (const char *)data;
        const char *nul = memchr(s, '\0', size);
        size_t na = nul ? (size_t)(nul - s) : size / 2;
        size_t off = nul ? na + 1 : na;
        struct device *d[2] = {NULL, NULL};
        struct diag err;
        if (config_read_buffer("a", s, na, PLAT_UNKNOWN, &d[0], &err) ||
            config_read_buffer("b", s + off, size - off, PLAT_UNKNOWN, &d[1], &err)) {
                model_free(d[0]);
                return 0;
        }
        struct findings fs;
        findings_init(&fs);
        (void)pairs_check(d, 2, &fs);
        if (pair_connected(d[0], d[1])) {
                play_each(d[0], d[1], &fs);
                play_each(d[1], d[0], &fs);
        }
        findings_free(&fs);
        model_free(d[0]);
        model_free(d[1]);
        return 0;
}
