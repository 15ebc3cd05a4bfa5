/*
 * Internals of the input layer, shared by its files (and the unit tests).
 * Nothing outside src/input/ should include this.
 *
 * The pipeline for one physical line: load.c finds it and enforces the
 * limits; clean.c applies backspaces, drops pager residue and control
 * bytes; normalize.c cuts it at prompts (prompt.c), classifies comments and
 * headers (header.c), follows exec command output, and cuts commands glued
 * without prompts (glue.c); every logical line gets its scrubbed copy
 * (scrub.c). detect.c reads the finished lines.
 */
#ifndef IPSD_INPUT_INT_H
#define IPSD_INPUT_INT_H

#include "text.h"

/* A slice of a line; never NUL-terminated on its own. */
struct span {
        const char *s;
        size_t len;
};

/* ---- words.c: words and tiny word patterns ---------------------------- */

/* Splits s[0..len) on spaces into at most max words; returns the count. */
size_t tw_split(const char *s, size_t len, struct span *w, size_t max);
/* Case-insensitive equality of a word and a keyword. */
bool tw_eq(struct span w, const char *kw);
bool tw_is_num(struct span w);
bool tw_is_ipv4(struct span w);
/*
 * True when the words w[0..n) begin with pattern pat: space-separated
 * tokens, each a keyword (case-insensitive), "a|b" alternatives, "*" any
 * word, "#" a number, "@" an IPv4 address, "pre*" a word starting "pre".
 */
bool tw_match(const struct span *w, size_t n, const char *pat);
/* A cheap pre-test for tables of patterns: the set of first letters the
 * first token of pat accepts (OR them over a table), and whether a word's
 * first letter is in such a set. Words that fail are not tried in full. */
uint32_t tw_letters(const char *pat);
bool tw_letter_in(uint32_t letters, struct span w);
/* Case-insensitive prefix test of s[0..len) against a C string. */
bool tw_prefix(const char *s, size_t len, const char *prefix);

/* ---- clean.c ---------------------------------------------------------- */

/*
 * Copies one physical line (no CR/LF inside) into out (capacity >= len + 1)
 * with backspaces applied, pager residue removed, tabs and control bytes
 * made spaces and trailing spaces trimmed. Returns the new length.
 */
size_t clean_line(const char *in, size_t len, char *out);

/* ---- prompt.c --------------------------------------------------------- */

#define PROMPT_MAX_NAME 64 /* longer "names" are not prompts */
#define PROMPT_MAX_MODE 64

struct prompt {
        size_t len;       /* bytes of the prompt itself, up to and including # or > */
        struct span name; /* hostname part, may be empty ("(config)#") */
        struct span mode; /* inside the parentheses, empty for exec prompts */
        bool exec;        /* "host#" or "host>" */
};

/* A prompt starting at s[0]: "host(config-x)#", "(config)#", "host#",
 * "host>". */
bool prompt_at(const char *s, size_t len, struct prompt *p);

/* Hostnames seen in prompts so far; mid-line "host#" only splits on these. */
#define PROMPT_MAX_HOSTS 8
struct prompt_hosts {
        char name[PROMPT_MAX_HOSTS][PROMPT_MAX_NAME + 1];
        size_t n;
};
void prompt_hosts_add(struct prompt_hosts *h, struct span name);

/* Offset (> 0) of the next prompt inside s[0..len) at which the line is cut,
 * or len when there is none. */
size_t prompt_next(const char *s, size_t len, const struct prompt_hosts *h);

/* True when the lines after an exec command are configuration (show
 * running-config, write terminal, more system:running-config, configure
 * terminal ...), not command output. */
bool exec_prints_config(const char *s, size_t len);

/* ---- header.c --------------------------------------------------------- */

enum line_kind { LK_CONTENT, LK_COMMENT, LK_DROP };
/* What a trimmed line is: content, a comment, or a header/trailer to drop. */
enum line_kind header_kind(const char *s, size_t len);
/* Length of s without an inline "!--- comment" (and the spaces before it). */
size_t header_cut_inline(const char *s, size_t len);
/* Where a device message printed after a command starts in s ("crypto map M
 * 20 ipsec-isakmp WARNING: crypto map entry incomplete"): 0 when the whole
 * line is one ("UDP: ERROR - socket ..."), len when there is none. */
size_t header_cut_message(const char *s, size_t len);

/* ---- glue.c ----------------------------------------------------------- */

/*
 * For a config line that lost its newlines ("ip route ... ip route ..."),
 * stores in cuts[] the offsets where the next commands start and returns
 * their count. w is scratch for up to nw words; cuts has room for nw.
 */
size_t glue_split(const char *s, size_t len, struct span *w, size_t nw, size_t *cuts);

/* ---- scrub.c ---------------------------------------------------------- */

/* True when s[0..len) holds something text_scrub would mask. */
bool scrub_needed(const char *s, size_t len);

/* ---- detect.c --------------------------------------------------------- */

/* As text_detect_platform, and the length of the version token at v->text. */
void detect_platform(const struct text *t, enum platform *p, struct version *v, size_t *vlen);

/* ---- load.c ----------------------------------------------------------- */

struct text_limits {
        size_t file, line, lines;
};
/* text_from_buffer with other limits (tests reach the limits cheaply). */
int text_from_buffer_limits(const char *file, const char *buf, size_t len, struct arena *a,
                            struct text *out, struct diag *err,
                            const struct text_limits *lim) IPSD_MUST_CHECK;

/* ---- normalize.c ------------------------------------------------------ */

enum exec_state { EX_NONE, EX_OUTPUT, EX_CONFIG };

/* State carried from one physical line to the next. */
struct norm {
        struct arena *a;
        struct text *out;
        size_t cap;      /* of out->lines */
        size_t maxlines; /* limit on out->n */
        struct prompt_hosts hosts;
        enum exec_state exec;
        const char *mode_cache; /* last mode string, reused while it repeats */
        char banner_delim[4];   /* inside a multi-line IOS banner until this */
        bool hostname_from_cmd;
        /* A config typed as a session ("enable", "configure terminal", then
         * the commands indented by a tab or spaces): the indent of the
         * session's first command is its top level (session.c). */
        enum { SESS_NONE, SESS_OPENED, SESS_ACTIVE } sess;
        size_t sess_base;
        struct span *words; /* scratch for glue.c: nwords of each */
        size_t *cuts;
        size_t nwords;
};

/* ---- session.c: configs typed as a CLI session ------------------------ */

/* "enable", "configure terminal" / "conf t", "write memory" / "wr", "copy
 * running-config startup-config": exec commands typed around a config,
 * never config lines themselves. */
bool session_exec_line(const char *s, size_t len);
/* The opener of a session ("configure terminal" and its abbreviations). */
bool session_opener(const char *s, size_t len);

/* Adds the logical lines of one cleaned physical line. Returns 0, or -1 on
 * the line limit (1) or memory (2) in *why. */
int norm_line(struct norm *nm, const char *s, size_t len, uint32_t lineno, int *why);

#endif
