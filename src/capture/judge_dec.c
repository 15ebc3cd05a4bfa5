/*
 * Statuses from decrypted IKE messages (judge_dec.h). Notify numbers:
 * RFC 7296 3.10.1 (IKEv2), RFC 2408 3.14.1 (IKEv1).
 */
#include <stdio.h>
#include <string.h>

#include "../wire/ike.h"
#include "judge_dec.h"

enum {
        N_NO_PROPOSAL = 14,
        N_BAD_PROPOSAL_SYNTAX = 15, /* IKEv1 */
        N_PAYLOAD_MALFORMED = 16,   /* IKEv1 */
        N_INVALID_ID = 18,          /* IKEv1 INVALID-ID-INFORMATION */
        N_INVALID_HASH = 23,        /* IKEv1 INVALID-HASH-INFORMATION */
        N_AUTH_FAILED = 24,
        N_SINGLE_PAIR = 34, /* IKEv2 SINGLE_PAIR_REQUIRED */
        N_INTERNAL_ADDR = 36,
        N_FAILED_CP = 37,
        N_TS_UNACCEPTABLE = 38,
        N_INVALID_SELECTORS = 39,
};

static bool has(const struct cap_msg *m, uint16_t t)
{
        for (size_t i = 0; i < m->nnotify; i++)
                if (m->notify[i] == t)
                        return true;
        return false;
}

static bool has_pl(const struct cap_msg *m, uint8_t t)
{
        for (size_t i = 0; i < m->npl; i++)
                if (m->pl[i] == t)
                        return true;
        return false;
}

static const char *nname(int version, uint16_t t)
{
        const char *n = ike_notify_name(version, t);
        return n ? n : "an error notify";
}

static size_t index_of(const struct cap_sa *sa, const struct cap_msg *m)
{
        return (size_t)(m - sa->msgs);
}

/* The first error notify of a message, 0 if none. */
static uint16_t first_error(const struct cap_msg *m)
{
        for (size_t i = 0; i < m->nnotify; i++)
                if (ike_notify_is_error(m->notify[i]) && m->notify[i])
                        return m->notify[i];
        return 0;
}

static void verdict_init(const struct cap_sa *sa, struct dec_verdict *v)
{
        v->pattern = NULL;
        v->pat_at = v->ids_of = sa->nmsgs;
}

static void prove(struct dec_verdict *v, const char *pattern, size_t at)
{
        v->pattern = pattern;
        v->pat_at = at;
}

bool judge_dec_v2(const struct cap_sa *sa, struct dec_verdict *v)
{
        verdict_init(sa, v);
        const struct cap_msg *rq = NULL, *rs = NULL;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->exchange != 35 || m->retransmit_of)
                        continue;
                if (m->flags & IKE_F_V2_RESPONSE)
                        rs = m;
                else if (!rq)
                        rq = m;
        }
        if (!rs || rs->dec != CAP_DEC_OK)
                return false;
        v->stop = index_of(sa, rs);
        unsigned long long f = (unsigned long long)rs->frame;
        if (has(rs, N_AUTH_FAILED)) {
                v->status = TUN_P1_AUTH_FAILED;
                prove(v, "cap-v2-auth-failed", v->stop);
                snprintf(v->reason, sizeof(v->reason),
                         "the responder refused the initiator's authentication: "
                         "AUTHENTICATION_FAILED in its decrypted IKE_AUTH response (frame %llu)",
                         f);
                return true;
        }
        if (!has_pl(rs, PL_V2_AUTH)) {
                uint16_t e = first_error(rs);
                if (!e)
                        return false;
                v->status = TUN_UNDETERMINED;
                snprintf(v->reason, sizeof(v->reason),
                         "the decrypted IKE_AUTH response (frame %llu) carries %s and no AUTH", f,
                         nname(2, e));
                return true;
        }
        /* the IKE SA is up on the responder's side; did the initiator
         * accept the responder's AUTH (RFC 7296 2.21.2)? */
        for (size_t i = v->stop + 1; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->from_initiator && m->exchange == 37 && m->dec == CAP_DEC_OK &&
                    has(m, N_AUTH_FAILED)) {
                        v->status = TUN_P1_AUTH_FAILED;
                        v->stop = i;
                        prove(v, "cap-v2-auth-failed", i);
                        snprintf(v->reason, sizeof(v->reason),
                                 "the initiator refused the responder's authentication: "
                                 "AUTHENTICATION_FAILED in its decrypted INFORMATIONAL (frame "
                                 "%llu)",
                                 (unsigned long long)m->frame);
                        return true;
                }
        }
        if (has_pl(rs, PL_V2_SA) && has_pl(rs, PL_V2_TSI) && has_pl(rs, PL_V2_TSR)) {
                v->status = TUN_ESTABLISHED;
                v->stop = sa->nmsgs;
                snprintf(v->reason, sizeof(v->reason),
                         "IKE_AUTH completed with its child SA (decrypted response, frame %llu)",
                         f);
                return true;
        }
        /* IKE SA up, its first child refused (RFC 7296 1.2, 3.10.1) */
        if (has(rs, N_TS_UNACCEPTABLE) || has(rs, N_INVALID_SELECTORS) || has(rs, N_SINGLE_PAIR)) {
                v->status = TUN_P2_PROXY_MISMATCH;
                prove(v, "cap-child-ts-refused", v->stop);
                if (rq)
                        v->ids_of = index_of(sa, rq);
                snprintf(v->reason, sizeof(v->reason),
                         "the IKE SA authenticated, but the responder refused the child SA's "
                         "traffic selectors: %s in the decrypted IKE_AUTH response (frame %llu)",
                         nname(2, has(rs, N_TS_UNACCEPTABLE)     ? N_TS_UNACCEPTABLE
                                  : has(rs, N_INVALID_SELECTORS) ? N_INVALID_SELECTORS
                                                                 : N_SINGLE_PAIR),
                         f);
                return true;
        }
        if (has(rs, N_NO_PROPOSAL)) {
                v->status = TUN_P2_NO_PROPOSAL;
                prove(v, "cap-child-no-proposal", v->stop);
                snprintf(v->reason, sizeof(v->reason),
                         "the IKE SA authenticated, but the responder accepts none of the child "
                         "SA's proposals: NO_PROPOSAL_CHOSEN in the decrypted IKE_AUTH response "
                         "(frame %llu)",
                         f);
                return true;
        }
        uint16_t e = first_error(rs);
        v->status = TUN_UNDETERMINED;
        if (e)
                snprintf(v->reason, sizeof(v->reason),
                         "the IKE SA authenticated, but no child SA: %s in the decrypted IKE_AUTH "
                         "response (frame %llu)",
                         nname(2, e), f);
        else
                snprintf(v->reason, sizeof(v->reason),
                         "the IKE SA authenticated (decrypted IKE_AUTH response, frame %llu), "
                         "without a child SA",
                         f);
        (void)N_INTERNAL_ADDR, (void)N_FAILED_CP;
        return true;
}

bool judge_dec_v1_mm5(const struct cap_sa *sa, size_t i5, struct dec_verdict *v)
{
        verdict_init(sa, v);
        const struct cap_msg *mm5 = &sa->msgs[i5];
        size_t wrong = 0, infos = 0;
        const struct cap_msg *read = NULL;
        for (size_t i = i5 + 1; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->from_initiator || m->exchange != 5 || !m->encrypted)
                        continue;
                infos++;
                if (m->dec == CAP_DEC_WRONG_KEY)
                        wrong++;
                else if (m->dec == CAP_DEC_OK && !read)
                        read = m;
        }
        v->stop = i5;
        if (mm5->dec == CAP_DEC_OK && infos && wrong == infos) {
                /* MM5 reads under the initiator's key, the responder's
                 * answers do not: the two ends derived different SKEYID_e,
                 * which with one DH exchange means different keys (RFC
                 * 2409 5: SKEYID = prf(pre-shared-key, Ni_b | Nr_b)) */
                v->status = TUN_P1_AUTH_FAILED;
                prove(v, "cap-mm5-wrong-key", i5);
                snprintf(v->reason, sizeof(v->reason),
                         "MM5 decrypts under the initiator's key, but none of the responder's %zu "
                         "encrypted Informational%s does: the two ends derived different keys "
                         "from one Diffie-Hellman exchange, so their authentication keys "
                         "(pre-shared keys) differ",
                         infos, infos > 1 ? "s" : "");
                return true;
        }
        if (read) {
                uint16_t e = first_error(read);
                if (!e)
                        return false;
                v->status = (e == N_INVALID_HASH || e == N_AUTH_FAILED || e == N_PAYLOAD_MALFORMED)
                                ? TUN_P1_AUTH_FAILED
                                : TUN_UNDETERMINED;
                /* MM5 that the key reading the responder's answer cannot
                 * open: the two ends' keys differ, whatever the answer
                 * says. MM5 that it opens too: one key, so whatever failed
                 * is not a key that differs (no pattern) */
                if (mm5->dec == CAP_DEC_WRONG_KEY)
                        prove(v, "cap-mm5-wrong-key", i5);
                snprintf(v->reason, sizeof(v->reason),
                         "MM5 answered by an Informational that decrypts (frame %llu): %s%s%s",
                         (unsigned long long)read->frame, nname(1, e),
                         v->status == TUN_P1_AUTH_FAILED
                             ? ": the responder could not verify MM5, the pattern of pre-shared "
                               "keys that differ"
                             : "",
                         mm5->dec == CAP_DEC_WRONG_KEY
                             ? "; MM5 itself does not decrypt under the responder's key: the two "
                               "ends derived different keys"
                             : "");
                return true;
        }
        return false;
}

bool judge_dec_v1_qm(const struct cap_sa *sa, size_t iq, struct dec_verdict *v)
{
        verdict_init(sa, v);
        const struct cap_msg *qm1 = &sa->msgs[iq];
        for (size_t i = iq + 1; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->exchange != 5 || m->dec != CAP_DEC_OK)
                        continue;
                uint16_t e = first_error(m);
                if (!e)
                        continue;
                bool by_responder = m->from_initiator != qm1->from_initiator;
                unsigned long long f = (unsigned long long)m->frame;
                v->stop = iq;
                if (!by_responder) {
                        /* the QM initiator itself: a local failure, not the
                         * peer's refusal (issue 15) */
                        v->status = TUN_UNDETERMINED;
                        snprintf(v->reason, sizeof(v->reason),
                                 "the Quick Mode initiator itself sent %s (decrypted "
                                 "Informational, frame %llu): it refused the responder's answer, "
                                 "a failure on its own side",
                                 nname(1, e), f);
                        return true;
                }
                bool pfs = has_pl(qm1, PL_V1_KE);
                if (e == N_INVALID_ID) {
                        v->status = TUN_P2_PROXY_MISMATCH;
                        prove(v, "cap-qm-invalid-id", i);
                        v->ids_of = iq;
                        snprintf(v->reason, sizeof(v->reason),
                                 "the responder refused QM1's proxy identities: "
                                 "INVALID-ID-INFORMATION in its decrypted Informational (frame "
                                 "%llu)",
                                 f);
                } else if (e == N_NO_PROPOSAL || e == N_BAD_PROPOSAL_SYNTAX) {
                        v->status = TUN_P2_NO_PROPOSAL;
                        prove(v, pfs ? "cap-qm-refused-pfs" : "cap-qm-refused-nopfs", i);
                        snprintf(v->reason, sizeof(v->reason),
                                 "the responder accepts none of QM1's proposals: %s in its "
                                 "decrypted Informational (frame %llu); QM1 %s",
                                 nname(1, e), f,
                                 pfs ? "asked for PFS (it carried KE)"
                                     : "asked for no PFS (no KE): a responder that requires PFS "
                                       "refuses it the same way");
                } else {
                        v->status = TUN_UNDETERMINED;
                        snprintf(v->reason, sizeof(v->reason),
                                 "QM1 refused with %s (decrypted Informational, frame %llu)",
                                 nname(1, e), f);
                }
                return true;
        }
        return false;
}
