/*
 * The shared end of every evidence path: the correlator's ranked
 * candidates (evidence records of any source: logs, show output, a
 * capture's patterns) -> verdicts against the configs -> findings with
 * their fixes. explain and capture both end here.
 */
#ifndef IPSD_EXPLAIN_DIAGNOSE_H
#define IPSD_EXPLAIN_DIAGNOSE_H

#include <stddef.h>

#include "../correlate/correlate.h"
#include "../correlate/peer_facts.h"
#include "../findings/finding.h"
#include "../model/model.h"

struct diagnose_in {
        const struct correlator *corr; /* finished (corr_finish) */
        const struct peer_facts *pf;   /* what a peer daemon logged of its side, or NULL */
        struct device **devs;          /* configs to confirm or rule out against */
        size_t ndevs;
        const char *file;  /* the evidence's file: the subject's file when no config names it */
        const char *label; /* what to call the device the evidence is about; NULL: by platform */
        const char *unit;  /* what the evidence is counted in ("log line(s)" when NULL) */
        /* A capture's evidence: with two configs the pair checks (the
         * negotiation played between them) confirm or rule out too; a
         * confirmed finding carries the fix the config check prints, and
         * no fix is printed for a device whose platform no config shows
         * (the capture does not say which syntax it speaks). */
        bool capture;
};

/* Adds one finding per ranked candidate to fs; -1 on OOM. */
int diagnose_findings(const struct diagnose_in *in, struct findings *fs);

#endif
