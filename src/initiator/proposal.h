/*
 * The proposal strings of `test` (--ike, --esp, --pfs), in strongSwan's
 * proposal syntax, which its users and ours already write: algorithms
 * joined by '-', proposals separated by ','. Tokens: aes128|aes192|aes256
 * (AES-CBC), aes128gcm16|aes256gcm16 (AES-GCM, 16-octet ICV; "gcm" alone
 * too), 3des, des; md5, sha1, sha256, sha384, sha512 (integrity / IKEv1
 * hash); prfsha1, prfsha256, ... (IKEv2 PRF); modp768..modp8192,
 * ecp256|ecp384|ecp521, curve25519, groupN (DH). Pure: tested in
 * tests/unit/test_initiator.c.
 */
#ifndef IPSD_INITIATOR_PROPOSAL_H
#define IPSD_INITIATOR_PROPOSAL_H

#include <stddef.h>

#include "initiator.h"

/* IKE proposals into p->ike2 (one per ',' item) and p->ike1 (each
 * combination of cipher, hash and group of each item, auth PSK). 0, or -1
 * with the reason in err. */
int ini_parse_ike(const char *s, struct ini_params *p, char *err, size_t n);
/* ESP transforms into p->esp (each cipher x integrity of each item); a DH
 * token sets p->pfs. */
int ini_parse_esp(const char *s, struct ini_params *p, char *err, size_t n);
/* A DH group by name or number ("modp2048", "14", "group14"); "none" 0.
 * -1 when unknown. */
int ini_parse_group(const char *s);
/* "10.1.0.0/16" or "10.1.0.1" as one side of p->traffic (local: src). */
int ini_parse_net(const char *s, struct ini_params *p, bool local, char *err, size_t n);

#endif
