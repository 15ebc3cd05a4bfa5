/*
 * Libreswan pluto logs. Libreswan 4 (4.10 in Debian bookworm, run here
 * with plutodebug=all,private) keeps its IKE keys inside NSS and logs them
 * only as references:
 *   | result: newref SK_ei-key@0x55e5447fc690 (16-bytes, AES_CBC)(calc_skeyseed_v2() ...)
 *   | result: newref keymat_e-key@0x556fb19d2690 (16-bytes, AES_CBC)(appendix_b_keymat_e() ...)
 * never their bytes (its DBG_symkey's private dump is compiled out), nor
 * the ESP keys it hands the kernel. Such a log is recognised and refused
 * with that reason, so that nobody takes "no key" for a decryption
 * failure; the ESP keys of that host come from `ip xfrm state`.
 */
#include <string.h>

#include "keys_int.h"

static bool has(const struct kline *l, const char *lit)
{
        size_t n = strlen(lit);
        for (size_t i = 0; i + n <= l->len; i++)
                if (!memcmp(l->p + i, lit, n))
                        return true;
        return false;
}

bool pluto_detect(const struct kline *l)
{
        static const char *const refs[] = {"newref SK_ei-key@", "newref SK_er_k-key@",
                                           "newref skeyid_e-key@", "newref keymat_e-key@"};
        if (!has(l, "| "))
                return false;
        for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++)
                if (has(l, refs[i]))
                        return true;
        return false;
}

int pluto_parse(struct key_store *ks, const char *text, size_t len, struct diag *d)
{
        struct klines it = {text, text + len, 0};
        struct kline l;
        ks->format = "pluto log";
        while (klines_next(&it, &l))
                if (pluto_detect(&l)) {
                        diag_set(d, ks->file, l.no,
                                 "a Libreswan pluto log: pluto keeps its keys in NSS and logs "
                                 "only references to them (SK_ei-key@...), never their bytes, "
                                 "even with plutodebug=private; for ESP give that host's `ip "
                                 "xfrm state`");
                        return -1;
                }
        return 0;
}
