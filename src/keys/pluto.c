/* Libreswan pluto logs with plutodebug=all,private: see pluto_parse. */
#include <string.h>

#include "keys_int.h"

bool pluto_detect(const struct kline *l)
{
        (void)l;
        return false;
}

int pluto_parse(struct key_store *ks, const char *text, size_t len, struct diag *d)
{
        (void)text, (void)len, (void)d;
        ks->format = "pluto log";
        return 0;
}
