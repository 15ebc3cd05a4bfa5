/*
 * Shared lexing for the config readers: words of one logical line, numbers
 * with range checks, protocol and port names (IPv4 addresses and masks are
 * util/ipv4.h, which this header includes for the readers).
 * Both the IOS and the ASA/PIX readers use these; nothing here knows a
 * command.
 */
#ifndef IPSD_LEX_H
#define IPSD_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/ipv4.h" /* the readers parse addresses with these */

#define LEX_MAX_WORDS 256 /* words kept per line; the rest are ignored (and flagged) */

struct words {
        const char *w[LEX_MAX_WORDS]; /* NUL-terminated copies in buf */
        size_t n;
        bool truncated; /* the line had more than LEX_MAX_WORDS words */
        char buf[];     /* flexible: allocated by words_split */
};

/* Splits s[0..len) on spaces. Quoted strings ("a b") stay one word without
 * the quotes. Returns a malloc'd struct (free with free()), NULL on OOM. */
struct words *words_split(const char *s, size_t len);

/* Case-insensitive keyword equality (IOS/ASA keywords are). */
bool kw(const char *word, const char *keyword);
/* Keyword match allowing an unambiguous abbreviation of at least minlen
 * characters, as the CLI does in transcripts ("sh", "conf t"). */
bool kw_abbrev(const char *word, const char *keyword, size_t minlen);

/* Decimal number in [min, max]; false on junk or out of range. */
bool lex_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out);
bool lex_int(const char *s, int min, int max, int *out);

/* Protocol by name or number ("ip" -> -2 meaning any, "tcp" -> 6, "50" ->
 * 50); -1 when unknown. */
int lex_protocol(const char *s);
/* TCP/UDP port by name or number ("www" -> 80, "isakmp" -> 500); -1 unknown. */
int lex_port(const char *s);

/*
 * Vendor templates write placeholders where a value goes: "<AZ-PIP-1>",
 * "<xsl:value-of select=.../>", "40.76.X.X". Readers accept them where a
 * value is expected and mark what they fill as inexact, so a template is
 * read as a config with unknown values rather than as unknown lines.
 */
bool lex_is_placeholder(const char *s);

/* "interface GigabitEthernet 0/1", "interface tunnel 10", "dialer 0": both
 * IOS and ASA take an interface type followed by its unit as one name. A
 * name that does not end in a digit needs a unit; a word that starts with a
 * digit is one. */
bool lex_needs_unit(const char *name);
bool lex_unit_word(const char *s);
/* Joins the words of one "<...>" placeholder that contains spaces. */
void words_merge_placeholders(struct words *w);

#endif
