/*
 * Masks secret arguments in a line for display: "crypto isakmp key
 * <secret> address 10.0.0.1". The patterns are data: each names the words
 * that precede a secret. Over-masking is preferred to leaking, so any
 * "key", "password" or "secret" followed by a word masks that word, save a
 * few commands where the keyword is known not to introduce a value
 * ("crypto key generate rsa", "key chain NAME").
 *
 * A value may be preceded by its encryption type ("key 7 0822455D0A16",
 * "secret 5 $1$..."): the digit stays, the value is masked. Forms that are
 * already masked ("*", "*****") are left as they are: they tell the reader
 * that the input carried no value.
 */
#include "input_int.h"

#include <stdlib.h>
#include <string.h>

#define MASK     "<secret>"
#define MASK_LEN (sizeof(MASK) - 1)

/* Words (a pattern, see tw_match) after which the next word is a secret,
 * unless the words there match novalue. */
static const struct {
        const char *pat;
        const char *novalue;
} secret_rules[] = {
    /* crypto isakmp key K address|hostname, PIX isakmp key K address, group
     * "key K", radius-server/tacacs-server key, keyring "... key K",
     * "key 7 X" */
    {"key", NULL},
    /* username U password P, enable password X, ppp chap password X */
    {"password|passwd", NULL},
    /* enable secret 5 X, username U secret 5 X */
    {"secret", NULL},
    /* tunnel-group "pre-shared-key K", "ikev1 pre-shared-key K", "ikev2
     * local-authentication pre-shared-key K"; the IOS keyring's
     * "pre-shared-key address A key K" has its value after "key" */
    {"pre-shared-key", "address|hostname|local|remote"},
    {"pre-shared-key local|remote", NULL},
    {"key-string", NULL},
    {"community", NULL},
    {"server-key", NULL},
    /* ip ospf authentication-key X; ntp authentication-key N md5 X */
    {"authentication-key", "# md5"},
    {"authentication-key|message-digest-key # md5", NULL},
    {"wpa-psk ascii|hex", NULL},
    /* ip nhrp authentication S: a shared string, often the IKE key itself */
    {"nhrp authentication", NULL},
    {"password-encrypt", NULL}, /* key config-key password-encrypt X */
};

/* Where "key" or "password" is a keyword, not the start of a value. */
static const char *const not_secret[] = {
    "crypto key",                            /* crypto key generate|zeroize|import ... */
    "key chain",                             /* key chain NAME */
    "key config-key", "password encryption", /* password encryption aes */
};

/* Words that follow a value, so a digit before them is the value itself
 * ("crypto isakmp key 6 address A" has key "6"), not its type. */
static const char *const after_value = "address|hostname|no-xauth|encrypted|privilege|level|"
                                       "netmask|ro|rw|view|nt-encrypted|pbkdf2|mschap";

/* Quick test before splitting: none of the rules can match without one of
 * these at the start of a word or after a '-' ("pre-shared-key"). */
static const char *const triggers[] = {"key", "pass", "secret", "community", "psk", "nhrp"};

#define NELEM(a) (sizeof(a) / sizeof(*(a)))

bool scrub_needed(const char *s, size_t len)
{
        for (size_t i = 0; i < len; i++) {
                int c = s[i] | 0x20;
                if ((c != 'k' && c != 'p' && c != 's' && c != 'c' && c != 'n') ||
                    (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-'))
                        continue;
                for (size_t k = 0; k < NELEM(triggers); k++)
                        if (tw_prefix(s + i, len - i, triggers[k]))
                                return true;
        }
        return false;
}

static bool is_masked_form(struct span w)
{
        for (size_t i = 0; i < w.len; i++)
                if (w.s[i] != '*')
                        return false;
        return true;
}

static bool is_type_digit(struct span w)
{
        return w.len == 1 && strchr("0456789", w.s[0]) != NULL;
}

/* Index of the word to mask for a value starting at word v, or n. */
static size_t value_word(const struct span *w, size_t n, size_t v)
{
        if (v >= n)
                return n;
        struct span after = v + 1 < n ? w[v + 1] : (struct span){"", 0};
        if (is_type_digit(w[v]) && v + 1 < n && !tw_match(&after, 1, after_value))
                v++;
        return is_masked_form(w[v]) ? n : v;
}

static size_t words_of(const char *pat)
{
        size_t k = 1;
        for (; *pat; pat++)
                k += *pat == ' ';
        return k;
}

/* Marks in mask[] the words holding secrets. */
static void mark_secrets(const struct span *w, size_t n, bool *mask)
{
        uint32_t letters = 0;
        for (size_t k = 0; k < NELEM(not_secret); k++)
                letters |= tw_letters(not_secret[k]);
        for (size_t k = 0; k < NELEM(secret_rules); k++)
                letters |= tw_letters(secret_rules[k].pat);
        for (size_t i = 0; i < n; i++) {
                bool skip = false;
                if (!tw_letter_in(letters, w[i]))
                        continue;
                for (size_t k = 0; k < NELEM(not_secret) && !skip; k++)
                        if (tw_match(w + i, n - i, not_secret[k])) {
                                i += words_of(not_secret[k]) - 1;
                                skip = true;
                        }
                for (size_t k = 0; k < NELEM(secret_rules) && !skip; k++) {
                        if (!tw_match(w + i, n - i, secret_rules[k].pat))
                                continue;
                        size_t v = i + words_of(secret_rules[k].pat);
                        if (secret_rules[k].novalue && v < n &&
                            tw_match(w + v, n - v, secret_rules[k].novalue))
                                continue;
                        size_t m = value_word(w, n, v);
                        if (m < n) {
                                mask[m] = true;
                                i = m;
                                skip = true;
                        }
                }
        }
}

char *text_scrub(struct arena *a, const char *s, size_t len)
{
        if (!scrub_needed(s, len))
                return arena_strndup(a, s, len);
        size_t max = len / 2 + 1;
        struct span *w = malloc(max * sizeof(*w));
        bool *mask = calloc(max, sizeof(*mask));
        char *out = NULL;
        if (!w || !mask)
                goto out;
        size_t n = tw_split(s, len, w, max), outlen = len;
        mark_secrets(w, n, mask);
        for (size_t i = 0; i < n; i++)
                if (mask[i])
                        outlen = outlen - w[i].len + MASK_LEN;
        out = arena_alloc(a, outlen + 1);
        if (!out)
                goto out;
        size_t o = 0, from = 0;
        for (size_t i = 0; i < n; i++) {
                if (!mask[i])
                        continue;
                size_t at = (size_t)(w[i].s - s);
                memcpy(out + o, s + from, at - from);
                o += at - from;
                memcpy(out + o, MASK, MASK_LEN);
                o += MASK_LEN;
                from = at + w[i].len;
        }
        memcpy(out + o, s + from, len - from);
        out[o + len - from] = '\0';
out:
        free(w);
        free(mask);
        return out;
}
