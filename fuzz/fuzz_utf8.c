/* libFuzzer target: util/utf8.c's escape of untrusted bytes. Whatever the
 * input, the escaped text is valid UTF-8 without control bytes (so
 * utf8_clean holds and jansson accepts it) and no longer than 4 bytes per
 * input byte; any violation aborts. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        char *s = malloc(size + 1);
        if (!s)
                return 0;
        memcpy(s, data, size);
        s[size] = '\0'; /* the strings escaped are C strings: up to the first NUL */
        char *e = utf8_escape(s);
        if (e) {
                if (!utf8_clean(e) || strlen(e) > 4 * strlen(s))
                        abort();
                json_t *j = json_string(e);
                if (!j)
                        abort();
                json_decref(j);
        }
        free(e);
        free(s);
        return 0;
}
