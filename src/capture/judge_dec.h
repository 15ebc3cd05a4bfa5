/*
 * What decrypted messages prove (capture --keys), for ladder.c's judges:
 * only messages that decrypted (an ICV that verifies, or IKEv1's
 * well-formed chain) are read; a wrong-key answer is itself evidence only
 * where it is said below.
 */
#ifndef IPSD_CAPTURE_JUDGE_DEC_H
#define IPSD_CAPTURE_JUDGE_DEC_H

#include <stdbool.h>
#include <stddef.h>

#include "../findings/tunnel.h"
#include "sessions.h"

struct dec_verdict {
        enum tunnel_status status;
        size_t stop; /* index of the message where it stopped, or nmsgs */
        char reason[512];
        /* the capture pattern it proves (catalog/messages_capture.c), NULL
         * when it proves none, and the message it is seen at */
        const char *pattern;
        size_t pat_at;
        /* the request whose proxy identities / traffic selectors were
         * refused (its IDs are shown), or nmsgs */
        size_t ids_of;
};

/* IKEv2: the IKE_AUTH exchange (and an initiator's INFORMATIONAL after
 * it) read decrypted. false when nothing decrypted decides. */
bool judge_dec_v2(const struct cap_sa *sa, struct dec_verdict *v);
/* IKEv1: phase 1 stopped after MM5 (i5: its index): what the responder's
 * encrypted answers say once decrypted, or that they do not decrypt under
 * the initiator's key. */
bool judge_dec_v1_mm5(const struct cap_sa *sa, size_t i5, struct dec_verdict *v);
/* IKEv1: Quick Mode (QM1 at iq) refused by an Informational, read. */
bool judge_dec_v1_qm(const struct cap_sa *sa, size_t iq, struct dec_verdict *v);

#endif
