/*
 * Untrusted bytes (a hostname, a description, a log line) made safe to
 * print: every byte that is not part of valid UTF-8, and every control
 * character but tab, becomes the four characters "\xNN". The same rule in
 * every format, so text and JSON show the same escaped name and no field
 * is ever dropped for holding bad bytes.
 */
#ifndef IPSD_UTIL_UTF8_H
#define IPSD_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
size_t utf8_seq_len(const unsigned char *s, size_t n);
/* True when s needs no escaping. */
bool utf8_clean(const char *s);
/* A malloc'd escaped copy of s (NULL on OOM). */
char *utf8_escape(const char *s);
/* Calls put(arg, bytes, len) for each safe run and each escape of s[0..n). */
void utf8_escape_each(const char *s, size_t n, void (*put)(void *, const char *, size_t),
                      void *arg);

#endif
