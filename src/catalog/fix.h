/*
 * Filling a catalog fix template with a finding's values.
 *
 * "{name}" is replaced by the value of the var called name. A name with no
 * var, or a var whose value is NULL or empty, is written as "<name>" so that
 * a pasted fix shows the engineer what to type instead of silently losing
 * a word. Anything else in braces (not a lower-case name) is copied as is.
 * Control characters in values (a hostile config could carry them) are
 * written as '?', so a value can never add a line to the fix.
 */
#ifndef IPSD_FIX_H
#define IPSD_FIX_H

#include <stddef.h>

#include "../util/arena.h"

#define FIX_MAX_BYTES 16384 /* one rendered fix, all lines */
#define FIX_MAX_LINES 256
#define FIX_MAX_NAME  32 /* longest placeholder name */

struct fix_var {
        const char *name;  /* without braces: "peer" */
        const char *value; /* NULL or "" means unknown */
};

enum fix_status {
        FIX_OK = 0,
        FIX_TOO_LARGE, /* more than FIX_MAX_BYTES or FIX_MAX_LINES */
        FIX_NO_MEMORY, /* the arena's limit was reached */
};

/*
 * Renders tmpl into lines (no '\n' in them; empty lines kept except a
 * trailing one). *out_lines and every line live in a; nothing is allocated
 * on failure paths that callers must free. tmpl NULL gives zero lines.
 */
enum fix_status fix_render(const char *tmpl, const struct fix_var *vars, size_t nvars,
                           char ***out_lines, size_t *nlines, struct arena *a);

#endif
