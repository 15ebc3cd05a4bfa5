/*
 * What the peer's own daemon logs about its side (explain --config with a
 * strongSwan or Libreswan log): the phase-2 proposal and PFS group it
 * offers. With a Cisco config, these are compared with the crypto map entry
 * that faces that peer, so a phase-2 mismatch the peer logged is confirmed
 * or ruled out on the Cisco side, and its fix carries the peer's values in
 * the Cisco's syntax.
 */
#ifndef IPSD_PEER_FACTS_H
#define IPSD_PEER_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "../logs/logs.h"
#include "correlate.h"
#include "../model/model.h"

struct peer_esp {
        bool set;
        enum ike_encr encr;
        int key_bits; /* AES: 128/192/256 */
        enum ike_hash hash;
        bool pfs_known;
        int pfs_group; /* 0: none */
        const char *file;
        uint32_t line;
        char proposal[64];       /* as the daemon wrote it: "AES_CBC_128-HMAC_SHA2_256_128" */
        char text[CORR_EV_TEXT]; /* the line, as evidence */
};

struct peer_facts {
        struct peer_esp esp; /* the last phase-2 proposal the peer logged */
};

/* Reads the facts an event's line holds (only the peer daemons' entries). */
void peer_facts_event(struct peer_facts *pf, const char *file, const struct ev_record *ev);

/* The comparison of one candidate with a device: confirmed (true) or ruled
 * out (false) with why filled, and the fix's values; not decided (-1). */
struct peer_fixvars {
        char tset[64], xf[64], mode[16], list[256], map[64], seq[12], pfs[16];
};
int peer_facts_verdict(const struct peer_facts *pf, const char *id, const struct device *dev,
                       char *why, size_t size, struct peer_fixvars *fv);

#endif
