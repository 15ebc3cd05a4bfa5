/*
 * IOS IKEv2 "smart defaults": the default IKEv2 proposal and policy, and the
 * default IPsec transform set, as static data with their sources
 * (ikev2_defaults.c). They are not added to the device model: the
 * negotiation asks for them where the config names nothing.
 */
#ifndef IPSD_IKEV2_DEFAULTS_H
#define IPSD_IKEV2_DEFAULTS_H

#include "model.h"

/* The built-in "default" IKEv2 proposal for dev's IOS version; a configured
 * "crypto ikev2 proposal default" overrides the lists it sets (*out gets the
 * merge). Always succeeds. */
void ios_v2_default_proposal(const struct device *dev, struct ikev2_policy *out);

/* The built-in "default" transform set, used by crypto map entries and IPsec
 * profiles that name none. */
const struct transform_set *ios_default_tset(void);

/* An IOS IKEv2 proposal is usable only when complete: an encryption other
 * than AES-GCM with an integrity algorithm and a DH group, or AES-GCM with a
 * PRF and a DH group. IOS says so when the proposal is entered ("IKEv2
 * proposal MUST either have a set of an encryption algorithm other than
 * aes-gcm, an integrity algorithm and a DH group configured or encryption
 * algorithm aes-gcm, a prf algorithm and a DH group configured"); RFC 7296
 * 3.3.3 makes ENCR, PRF, INTEG (not for AEAD) and D-H mandatory in an IKE SA
 * proposal. A policy needs one complete proposal ("IKEv2 policy MUST have
 * atleast one complete proposal attached"): the side_v2.c negotiation leaves
 * incomplete ones out, and a policy with none left offers nothing (a
 * configured policy replaces the default one, so there is no fallback). *missing names what lacks
 * ("integrity", "prf", "group", "encryption"). */
bool ios_v2_proposal_complete(const struct ikev2_policy *q, const char **missing);

/* The source of both, for messages. */
extern const char *const ios_v2_defaults_source;

#endif
