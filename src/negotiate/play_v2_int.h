/* IKEv2 findings and their fixes in IKEv2 syntax (play_v2_fix.c). */
#ifndef IPSD_PLAY_V2_INT_H
#define IPSD_PLAY_V2_INT_H

#include "play_int.h"

/* A pair-level finding of id on side s at loc for an IKEv2 tunnel, with a
 * fix in IKEv2 syntax for s's platform (never crypto isakmp / ikev1 lines;
 * none when no IKEv2 command fixes it). NULL on OOM. */
/* ikev2-proposal-incomplete on s (its v2_incomplete), with the fix; 0 or -1. */
int v2_incomplete_report(struct play *pl, const struct side *s);
struct finding *v2_report(struct play *pl, const char *id, const struct side *s,
                          const struct loc *loc);
/* Where s's IKEv2 authentication is configured (its local method, or the
 * methods it accepts), for evidence. */
const struct loc *v2_auth_loc(const struct side *s, bool local);
/* The warning that the first Child SA comes up and its rekey fails. */
int v2_pfs_warning(struct play *pl, const struct p2_cfg *ic, const struct p2_cfg *rc,
                   uint32_t life);

#endif
