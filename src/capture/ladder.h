/*
 * The exchanges of a capture as tunnels (findings/tunnel.h): one tunnel
 * result per IKE SA, its steps the distinct messages in order (a
 * retransmission is folded into the step it repeats), its status what the
 * clear part of the capture proves and no more:
 *   no-response          the first message was never answered (ICMP errors
 *                        quoting it are named);
 *   phase1-no-proposal   the responder answered it with NO_PROPOSAL_CHOSEN;
 *   phase1-auth-failed   IKEv1 Main Mode with a pre-shared key: MM5 sent
 *                        and never answered by MM6 (the responder could not
 *                        decrypt or verify it);
 *   established          IKEv1: Quick Mode completed (QM3 seen);
 *   undetermined         what follows is encrypted (IKE_AUTH, Quick Mode
 *                        refused by an encrypted Informational, ...).
 */
#ifndef IPSD_CAPTURE_LADDER_H
#define IPSD_CAPTURE_LADDER_H

#include "../evidence/record.h"
#include "../findings/finding.h"
#include "sessions.h"

/* Adds cs's SAs to fs->tunnels; 0, or -1 when the arena is full. */
int cap_tunnels(const struct cap_set *cs, struct findings *fs);

/* The same, and each SA whose judgement proves a capture pattern
 * (catalog/messages_capture.c) hands it to fn as an evidence record of
 * source capture, located at file and the frame the pattern is seen at;
 * resp is the responder's address (the record's peer is the initiator). */
typedef void (*cap_evidence_fn)(void *ctx, const struct ev_record *r, const char *resp);
int cap_tunnels_ev(const struct cap_set *cs, const char *file, struct findings *fs,
                   cap_evidence_fn fn, void *ctx);

/* One line for a datagram whose fragments never all arrived: "IKE message
 * of 2992 bytes in IP fragments (frames 7-8): fragment 2 of 3 (bytes
 * 1480-2959) never arrived before the capture ended". */
const char *cap_lost_text(const struct cap_frag_lost *lf, char *buf, size_t n);

#endif
