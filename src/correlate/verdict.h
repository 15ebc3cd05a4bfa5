/*
 * Checking a log-derived candidate against configs (explain --config):
 * the registered config checks run once on every device; a candidate is
 * confirmed when a check reports the same ID, ruled out when a check for
 * that ID exists and reports nothing, unverified when no check covers it.
 * psk-mismatch is decided by comparing the two ends' keys (secret_compare):
 * equal keys rule it out, different keys confirm it, masked keys leave it
 * unverified.
 */
#ifndef IPSD_VERDICT_H
#define IPSD_VERDICT_H

#include <stddef.h>

#include "../findings/finding.h"
#include "correlate.h"
#include "../model/model.h"

enum verdict { VERDICT_NONE = 0, VERDICT_CONFIRMED, VERDICT_UNVERIFIED, VERDICT_RULED_OUT };

struct verdict_ctx {
        struct device **devs;
        size_t ndevs;
        struct findings checks; /* what the config checks found on devs */
        bool pairs;             /* the pair checks ran too */
        /* a finding in this file is preferred as the confirming one (a
         * capture's: the config of the device that refused); NULL: the first */
        const char *prefer_file;
};

/* Runs every registered check on devs; -1 on OOM. */
int verdict_init(struct verdict_ctx *v, struct device **devs, size_t ndevs);
/* The same, and with two or more devices the pair checks too (every tunnel
 * between them played, negotiate/discover.h): the diagnoses a negotiation
 * reports are then confirmed by it or ruled out when it reports none. */
int verdict_init_pairs(struct verdict_ctx *v, struct device **devs, size_t ndevs);
void verdict_free(struct verdict_ctx *v);
/* The verdict for diagnosis id about peer (may be ""); why gets one line;
 * *where, when not NULL, the config finding that confirms it. */
enum verdict verdict_for(const struct verdict_ctx *v, const char *id, const char *peer, char *why,
                         size_t size, const struct finding **where);
const char *verdict_name(enum verdict v);

/* A candidate that only the peer's own daemon logged (strongSwan,
 * Libreswan): the config is the other end's, so the one-device checks
 * cannot rule it out; the facts the peer logged about its side are
 * compared with the config of the device at `peer` instead (peer_facts.c).
 * *dev: the device compared with (its syntax for the fix), or NULL.
 * VERDICT_NONE: not such a candidate, verdict_for decides. */
struct peer_facts;
struct peer_fixvars;
enum verdict verdict_from_peer(const struct verdict_ctx *v, const struct peer_facts *pf,
                               const struct corr_cand *k, const char *peer, char *why, size_t size,
                               struct peer_fixvars *fv, const struct device **dev);

#endif
