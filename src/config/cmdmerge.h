/*
 * Config-mode merge: a config read as the sequence of commands it is.
 *
 * While a reader reads a text it records, per line, which row of its command
 * table read it (with that row's struct cmd_sem), which line opened the mode
 * it belongs to, and whether it opened a mode. cmd_merge() then replays the
 * lines as the device would: "no" forms remove, single-valued settings are
 * replaced, re-entered modes join the earlier block, IOS sequence numbers
 * and ASA "line N" place entries, "clear configure X" removes X (cmdsem.h
 * has the rules). The result is the config the device would show; the
 * reader reads it again when it differs from the input.
 *
 * Lines at and after `first_change` are changes pasted into the config
 * (`apply`, `--fix`): a new top-level line goes after the last line of its
 * kind ("access-list A" after A's last entry), as the device's running
 * config shows it, not at the end of the file.
 */
#ifndef IPSD_CMDMERGE_H
#define IPSD_CMDMERGE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../input/text.h"
#include "cmdsem.h"

#define CMD_TOP UINT32_MAX /* parent of a top-level line */
#define CMD_NEW UINT32_MAX /* origin of a line that is not an input line as it was */

enum cmd_kind {
        CK_NONE = 0, /* not a command: comment, output, exit / end, exec line */
        CK_LINE,     /* a command (known or not) */
        CK_OPEN,     /* a command that opened a mode */
        CK_BODY,     /* a line of a block read as a whole (banner, skipped block) */
};

struct cmd_rec {
        uint32_t parent;    /* index of the line that opened its mode, or CMD_TOP */
        uint8_t kind;       /* enum cmd_kind */
        uint8_t off;        /* word (after "no") where the row's keywords start */
        uint8_t nkw;        /* the row's keyword count */
        bool hit;           /* a row read the line */
        struct cmd_sem sem; /* that row's semantics */
};

/* One record per line of the text being read (readers fill it when set). */
struct cmd_log {
        struct cmd_rec *v;
        size_t n;
};

/* The row that read a line, as the readers' dispatch reports it: the
 * innermost row wins (an ASA one-line crypto map entry's "set peer"). */
static inline void cmd_log_hit(struct cmd_rec *r, const struct cmd_sem *sem, size_t off, size_t nkw)
{
        if (!r || (r->hit && r->off > off) || off > 255 || nkw > 255)
                return;
        r->hit = true;
        r->sem = *sem;
        r->off = (uint8_t)off;
        r->nkw = (uint8_t)nkw;
}

struct cmd_merged {
        struct text text; /* the merged config; lines and strings in the arena */
        uint32_t *origin; /* per merged line: the input line it is unchanged, or CMD_NEW */
        bool changed;     /* differs from the input (other than dropped non-commands) */
};

/*
 * Merges t (read with log) into out, in arena a. 0, or -1 on memory
 * (the arena's limit or malloc).
 */
int cmd_merge(const struct text *t, const struct cmd_log *log, size_t first_change, struct arena *a,
              struct cmd_merged *out) IPSD_MUST_CHECK;

/* Writes the merged lines as config text (indentation + line). */
/* secrets: the config's own keys as they are (a config file written with
 * -o); false: each line's scrubbed copy, <secret> in place of a key (what
 * goes to stdout or a diff, which end up in terminals, tickets and logs). */
int cmd_merged_write(FILE *f, const struct cmd_merged *m, bool secrets);

#endif
