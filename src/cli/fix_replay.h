/*
 * --fix: the printed fixes pasted into copies of the configs, through the
 * same path as `apply` (config_read_changed), so that a replay can only
 * show what the printed text does.
 */
#ifndef IPSD_FIX_REPLAY_H
#define IPSD_FIX_REPLAY_H

#include <stddef.h>

#include "../findings/finding.h"
#include "../model/model.h"
#include "../util/diag.h"

struct fix_text {
        char *s; /* malloc'd, NUL-terminated; NULL when empty */
        size_t len, cap;
};

/* Appends the commands of every fix for device `label` in the findings
 * [from, to) that the text does not hold yet. Returns the number of
 * fix blocks appended, -1 on memory. */
int fix_collect(const struct findings *fs, size_t from, size_t to, const char *label,
                struct fix_text *t);

/* Is finding i the second end of a pair fault printed before it (the same
 * diagnosis and title, each naming the other)? Its fix is the alternative
 * to the first's: a replay of every fix takes one of the two (pasting both
 * could swap the two ends' values). */
bool fix_is_alternative(const struct findings *fs, size_t from, size_t i);

/* dev's config read again with t pasted after it (lines named
 * LOC_PRINTED_FIX). 0, or -1 with err set. */
int fix_reread(const struct device *dev, const struct fix_text *t, struct device **out,
               struct diag *err);

void fix_text_free(struct fix_text *t);

#endif
