/*
 * The facts of a capture as JSON, for `capture --format json`'s "capture"
 * key (an extension of the output contract: the contract's findings and
 * tunnels[] are unchanged). exchanges[i] is the IKE SA of tunnels[i].
 */
#ifndef IPSD_CAPTURE_FACTS_JSON_H
#define IPSD_CAPTURE_FACTS_JSON_H

#include <jansson.h>

#include "sessions.h"

/* {"exchanges": [...], ...}; NULL when out of memory. */
json_t *cap_facts_json(const struct cap_set *cs);

/* One transform as text ("AES_CBC-256 SHA PRE_SHARED_KEY MODP_1024 86400 s"). */
const char *cap_transform_str(int version, const struct cap_transform *x, char *buf, size_t n);

/* What the facts add to message msg's step of the text ladder ("offers 12
 * transforms: ...", "chose ...", "NAT-D: the initiator is behind a NAT",
 * "floated to UDP 4500"), "" when nothing; buf of n bytes. */
const char *cap_facts_step_text(const struct cap_sa *sa, size_t msg, char *buf, size_t n);

#endif
