/*
 * A capture's patterns as findings, through the path every source of
 * evidence takes (explain/diagnose.h): the patterns ladder.c proves are
 * collected as evidence records, grouped by responder (each responder is
 * the device a finding is about: it refused, did not answer, or could not
 * read), ranked by the correlator, confirmed or ruled out against the
 * configs, and given their fixes.
 */
#ifndef IPSD_CAPTURE_DIAGNOSE_H
#define IPSD_CAPTURE_DIAGNOSE_H

#include <stddef.h>
#include <stdint.h>

#include "../findings/finding.h"
#include "sessions.h"

struct cap_ev {
        const struct message *msg;
        const char *file;
        uint32_t frame;
        int64_t sec;
        int32_t usec;
        const char *text; /* in the findings' arena (the tunnel's reason) */
        char ini[46], resp[46];
};

struct cap_evs {
        struct cap_ev *v;
        size_t n, cap;
        bool oom;
};

/* Rebuilds cs's exchanges into fs->tunnels and collects their patterns
 * into evs (file names the records' location). 0, or -1 on OOM. */
int cap_collect(const struct cap_set *cs, const char *file, struct findings *fs,
                struct cap_evs *evs);
/* The collected patterns as findings in fs; devs (may be none) confirm or
 * rule them out. 0, or -1 on OOM. */
int cap_diagnose(const struct cap_evs *evs, struct device **devs, size_t ndevs,
                 struct findings *fs);
void cap_evs_free(struct cap_evs *evs);

#endif
