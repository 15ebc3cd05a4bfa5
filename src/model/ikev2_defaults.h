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

/* The source of both, for messages. */
extern const char *const ios_v2_defaults_source;

#endif
