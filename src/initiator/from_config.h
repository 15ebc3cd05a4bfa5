/*
 * `test --config DEVICE.cfg [--peer ADDR] HOST`: test exactly as that device
 * would initiate towards that peer. The parameters come from the device
 * model through the negotiation layer that `tunnel` plays with
 * (negotiate/pair.h: side_initiator / side_load_common: the crypto map
 * entry or tunnel interface for the peer, its IKE version, ISAKMP policies
 * or IKEv2 proposals, transform sets, PFS, lifetimes, the crypto ACL's
 * proposal). The peer, of which no config is given, is a stand-in device
 * holding only its address. After the run, the device's own lines back the
 * verdict's finding as evidence, the config checks are run on the device
 * (those about this peer or these lines are kept) and the fix is printed
 * where the catalog's fix needs nothing of the peer's.
 */
#ifndef IPSD_INITIATOR_FROM_CONFIG_H
#define IPSD_INITIATOR_FROM_CONFIG_H

#include <stdio.h>

#include "../findings/finding.h"
#include "../negotiate/pair.h"
#include "../util/diag.h"
#include "../util/secret.h"
#include "initiator.h"

struct ini_config {
        struct device *dev, *peer;
        struct pair pair;
        bool built;
        uint32_t peer_addr;
        char peer_text[16];
        const char *what;    /* "crypto map outside_map 10", "tunnel interface Tunnel0" */
        enum secret_cmp key; /* the key given against the config's for this peer */
        bool key_in_config;  /* the config holds a key for the peer at all */
        const struct loc *key_loc;
};

/*
 * Reads cfg and fills p for the peer (IPv4): version (v1 / v2 force one;
 * else the device's), proposals, ESP, PFS, traffic. p->psk must be set
 * (compared with the config's key by digest). Returns the IKE version
 * (1 or 2), or -1 with the reason in d (an unreadable config, no tunnel
 * towards the peer, nothing this test can offer).
 */
int ini_from_config(const char *cfg, const char *peer, bool v1, bool v2, struct ini_params *p,
                    struct ini_config *c, struct diag *d);
void ini_config_free(struct ini_config *c);

/* The device's side of the verdict: evidence on the finding the verdict
 * made (the first finding from index first), the device's config checks
 * about this peer, the fix. 0, or -1 out of memory. */
int ini_config_findings(struct ini_config *c, const struct ini_result *r, struct findings *fs,
                        size_t first);

/* "as DEVICE would initiate to PEER: crypto map M 10" and the key line
 * (same / different / not compared: never the key). */
void ini_config_text(FILE *f, const struct ini_config *c);
struct json_t;
struct json_t *ini_config_json(const struct ini_config *c);

#endif
