/*
 * The input layer: turns bytes as engineers paste them into logical lines
 * that the config readers (and later the log readers) consume.
 *
 * It removes what is not content: CLI prompts ("router(config)#",
 * "asa(config-tunnel-ipsec)#", "hostname#"), several commands glued on one
 * line behind prompts, "--More--" pager residue and backspaces, CR, tabs,
 * "Building configuration...", "Current configuration : N bytes", ": Saved",
 * ": end", RANCID/Oxidized comment headers. It detects the platform and
 * version, and refuses binary input.
 *
 * Each logical line keeps the physical line number it came from, the mode
 * its prompt showed (a hint for sub-command parsing), and a copy of its text
 * with secrets masked for display; readers put `shown` into struct loc.text
 * so that nothing printed can carry a key.
 */
#ifndef IPSD_TEXT_H
#define IPSD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"
#include "../util/arena.h"
#include "../util/diag.h"

#define TEXT_MAX_FILE  ((size_t)256 << 20) /* 256 MiB */
#define TEXT_MAX_LINE  ((size_t)64 << 10)  /* 64 KiB per physical line */
#define TEXT_MAX_LINES ((size_t)8 << 20)   /* 8 Mi logical lines */

struct text_line {
        const char *s; /* normalised text, NUL-terminated, for the readers only */
        size_t len;
        const char *shown; /* the same text with secrets replaced by <secret> */
        uint32_t lineno;   /* 1-based physical line in the input */
        uint16_t indent;   /* leading spaces of the physical line (0 after a prompt) */
        const char *mode;  /* prompt mode: NULL no prompt; "exec" for "host#"/"host>";
                              "config", "config-if", "config-crypto-map", ... */
        bool output;       /* command output after an exec command: not config */
        bool comment;      /* a comment line ("!" or ":" on ASA); kept for
                              "! ipsec-doctor: ignore=ID" suppressions, not config */
        const char *file;  /* NULL: the text's own file; else the changes pasted
                              after it (`apply`, `--fix`) the line came from */
};

struct text {
        const char *file;
        struct text_line *lines;
        size_t n;
        size_t nphysical;       /* physical lines read */
        enum platform platform; /* detected; PLAT_UNKNOWN when nothing told */
        struct version version; /* detected; major = -1 when not found */
        const char *hostname;   /* from "hostname X" or a prompt, when seen */
};

/*
 * The binary-input rule every reader shares (check, dump, explain): -1
 * with err set when buf holds a NUL, or when more than 1 in 8 of its first
 * KiB is neither printable nor valid UTF-8. A streaming reader applies it
 * to the first bytes it reads.
 */
int text_sniff_binary(const char *file, const char *buf, size_t len, struct diag *err);

/*
 * Reads path ("-" = stdin) into logical lines allocated in a. Returns 0, or
 * -1 with err set for unreadable, binary, oversized or non-config input.
 */
int text_load(const char *path, struct arena *a, struct text *out,
              struct diag *err) IPSD_MUST_CHECK;
/* The same from a buffer (tests, fuzzers). file names the input in messages. */
int text_from_buffer(const char *file, const char *buf, size_t len, struct arena *a,
                     struct text *out, struct diag *err) IPSD_MUST_CHECK;

/* Platform and version from the lines ("ASA Version 9.8(4)", "PIX Version
 * 6.3(5)", "version 15.4", syntax clues). */
void text_detect_platform(const struct text *t, enum platform *p, struct version *v);

/* Copies s with secret arguments masked ("crypto isakmp key <secret> address
 * 10.0.0.1"); used for `shown` and for unknown lines. */
char *text_scrub(struct arena *a, const char *s, size_t len);

#endif
