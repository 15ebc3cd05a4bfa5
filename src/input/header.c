/*
 * Comments, headers and trailers. "!" (IOS, ASA) and ":" (ASA) lines are
 * comments, and so are the "!"/"#" headers RANCID and Oxidized write
 * ("!RANCID-CONTENT-TYPE: cisco", "!Chassis type:", "!Image: ...",
 * "# ..."): they are kept, marked, because suppressions ("! ipsec-doctor:
 * ignore=ID") and version detection ("!Image: Software: ..., Version
 * 15.1(4)M4") read them. What the CLI prints around a config and is neither
 * config nor comment is dropped.
 */
#include "input_int.h"

#include <string.h>

static const struct {
        const char *prefix;
        enum line_kind kind;
} line_kinds[] = {
    {"Building configuration...", LK_DROP},
    {"Current configuration :", LK_DROP},
    {"Cryptochecksum:", LK_DROP},
    {"Enter configuration commands, one per line.", LK_DROP},
    {"[OK]", LK_DROP},
    {"!", LK_COMMENT},  /* also RANCID "!Chassis type:", "!Image:", "!Memory:" */
    {":", LK_COMMENT},  /* ASA ": Saved", ": end", ": Written by", ": Hardware:" */
    {"# ", LK_COMMENT}, /* RANCID/Oxidized headers of other formats */
};

enum line_kind header_kind(const char *s, size_t len)
{
        if (len == 1 && s[0] == '#')
                return LK_COMMENT;
        for (size_t i = 0; i < sizeof(line_kinds) / sizeof(*line_kinds); i++)
                if (tw_prefix(s, len, line_kinds[i].prefix))
                        return line_kinds[i].kind;
        return LK_CONTENT;
}

/* Words that start what the device printed, not what was typed. Case
 * matters: the CLI prints them in capitals. */
static const char *const message_words[] = {"WARNING:", "WARNING,", "ERROR:", "INFO:"};

static bool message_word(const char *w, size_t n)
{
        for (size_t k = 0; k < sizeof(message_words) / sizeof(*message_words); k++)
                if (strlen(message_words[k]) == n && !memcmp(w, message_words[k], n))
                        return true;
        return false;
}

/* "UDP:", "ERROR:": a first word in capitals that ends in ':' is a message. */
static bool caps_label(const char *w, size_t n)
{
        if (n < 2 || w[n - 1] != ':')
                return false;
        for (size_t i = 0; i + 1 < n; i++)
                if (w[i] < 'A' || w[i] > 'Z')
                        return false;
        return true;
}

size_t header_cut_message(const char *s, size_t len)
{
        struct span w[64];
        size_t n = tw_split(s, len, w, 64);
        if (n && caps_label(w[0].s, w[0].len))
                return 0;
        for (size_t i = 0; i < n; i++) {
                /* banners, descriptions and remarks are free text */
                if (tw_eq(w[i], "banner") || tw_eq(w[i], "description") || tw_eq(w[i], "remark") ||
                    w[i].s[0] == '"')
                        return len;
                if (message_word(w[i].s, w[i].len))
                        return (size_t)(w[i].s - s);
        }
        return len;
}

/* Cisco's own examples annotate commands with "!--- text" after them. */
size_t header_cut_inline(const char *s, size_t len)
{
        for (size_t i = 1; i + 3 <= len; i++) {
                if (s[i] != '!' || s[i - 1] != ' ' || s[i + 1] != '-' || s[i + 2] != '-')
                        continue;
                while (i > 0 && s[i - 1] == ' ')
                        i--;
                return i;
        }
        return len;
}
