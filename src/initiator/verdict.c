/*
 * The verdict of a `test` run (verdict.h). Every status is read from the
 * step where the negotiation stopped and what the responder said there
 * (RFC 7296 3.10.1 / RFC 2408 3.14.1 notify numbers); nothing is guessed
 * from silence that a responder may keep for several reasons.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../util/arena.h"
#include "verdict.h"

/* Notify numbers (IKEv1 RFC 2408 3.14.1, IKEv2 RFC 7296 3.10.1: the error
 * numbers below 16384 that both name) */
enum {
        N_INVALID_PAYLOAD_TYPE = 1,
        N_INVALID_ID_INFORMATION = 18, /* IKEv1: Quick Mode IDs refused */
        N_NO_PROPOSAL_CHOSEN = 14,
        N_INVALID_KE_PAYLOAD = 17,
        N_AUTHENTICATION_FAILED = 24,
        N_INVALID_HASH_INFORMATION = 23, /* IKEv1 */
        N_SINGLE_PAIR_REQUIRED = 34,
        N_TS_UNACCEPTABLE = 38,
};

static bool port_unreachable(const struct ini_result *r)
{
        /* RFC 792 type 3 code 3; RFC 4443 type 1 code 4 (origin 3: ICMPv6) */
        return (r->icmp_origin == 2 && r->icmp_type == 3 && r->icmp_code == 3) ||
               (r->icmp_origin == 3 && r->icmp_type == 1 && r->icmp_code == 4);
}

enum tunnel_status ini_status(const struct ini_result *r)
{
        uint16_t n = r->stop == INI_STOP_NOTIFY ? r->stop_notify : 0;
        switch (r->phase) {
        case INI_PH_NONE:
        case INI_PH_DELETE:
        case INI_PH_REKEY:
                return r->child_up ? TUN_ESTABLISHED : TUN_UNDETERMINED;
        case INI_PH_REACH:
                return r->stop == INI_STOP_SILENT || r->stop == INI_STOP_ICMP ? TUN_NO_RESPONSE
                                                                              : TUN_UNDETERMINED;
        case INI_PH_IKE:
                if (n == N_NO_PROPOSAL_CHOSEN || n == N_INVALID_KE_PAYLOAD)
                        return TUN_P1_NO_PROPOSAL;
                if (n == N_AUTHENTICATION_FAILED)
                        return TUN_P1_AUTH_FAILED;
                return TUN_UNDETERMINED;
        case INI_PH_AUTH:
                if (n == N_AUTHENTICATION_FAILED || n == N_INVALID_HASH_INFORMATION ||
                    r->stop == INI_STOP_PEER_AUTH)
                        return TUN_P1_AUTH_FAILED;
                /* IKEv1: a responder that cannot decrypt MM5 (another key) drops
                 * it: MM5 unanswered is the PSK (diagnoses.md psk-mismatch) */
                if (r->version == 1 && r->stop == INI_STOP_SILENT && !r->floated)
                        return TUN_P1_AUTH_FAILED;
                if (r->stop == INI_STOP_SILENT && r->floated)
                        return TUN_NO_RESPONSE; /* UDP 4500 unanswered after the float */
                return TUN_UNDETERMINED;
        case INI_PH_CHILD:
                if (r->xauth_asked)
                        return TUN_XAUTH_BLOCKED;
                /* IKEv1: Quick Mode accepted once PFS alone was toggled (h16b's
                 * re-ask): the PFS setting is what differs, proven */
                if (n == N_NO_PROPOSAL_CHOSEN && r->pfs_probe == 1)
                        return TUN_P2_PFS_MISMATCH;
                if (n == N_NO_PROPOSAL_CHOSEN)
                        return TUN_P2_NO_PROPOSAL;
                if (n == N_TS_UNACCEPTABLE || n == N_INVALID_ID_INFORMATION ||
                    n == N_SINGLE_PAIR_REQUIRED || r->stop == INI_STOP_REFUSED_TS)
                        return TUN_P2_PROXY_MISMATCH;
                return TUN_UNDETERMINED;
        }
        return TUN_UNDETERMINED;
}

const char *ini_diagnosis(const struct ini_result *r)
{
        switch (ini_status(r)) {
        case TUN_NO_RESPONSE:
                if (r->phase == INI_PH_REACH && r->stop == INI_STOP_ICMP && port_unreachable(r))
                        return "isakmp-not-enabled";
                return "ike-esp-blocked";
        case TUN_P1_NO_PROPOSAL:
                return "isakmp-policy-mismatch";
        case TUN_P1_AUTH_FAILED:
                /* IKEv1: a refusal we decrypted and verified (HASH(1) of the
                 * Informational, RFC 2409 5.7) was made with the keys our PSK
                 * gives: the keys are equal, and what was refused (the identity,
                 * XAUTH only, ...) is not proven (h16b, charon 5.9.8) */
                if (r->version == 1 && r->stop == INI_STOP_NOTIFY && r->notify_encrypted)
                        return NULL;
                /* the responder signs with another method: not the keys (as
                 * tunnel's play_v2.c auth_fail tells them apart) */
                if (r->stop == INI_STOP_PEER_AUTH && r->peer_auth_method &&
                    r->peer_auth_method != 2 /* PSK */)
                        return "ikev2-auth-failed";
                return "psk-mismatch";
        case TUN_P2_NO_PROPOSAL:
                return "transform-set-mismatch";
        case TUN_P2_PFS_MISMATCH:
                return "pfs-mismatch";
        case TUN_XAUTH_BLOCKED:
                return "l2l-prompted-for-xauth";
        case TUN_P2_PROXY_MISMATCH:
                return "crypto-acl-not-mirrored";
        case TUN_ESTABLISHED:
                if (r->version == 2 && r->rekey_tried && !r->rekey_ok &&
                    r->stop == INI_STOP_NOTIFY &&
                    (r->stop_notify == N_NO_PROPOSAL_CHOSEN ||
                     r->stop_notify == N_INVALID_KE_PAYLOAD))
                        return "pfs-mismatch";
                return NULL;
        default:
                return NULL;
        }
}

static const char *fmt(struct arena *a, const char *f, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(struct arena *a, const char *f, ...)
{
        char b[1024];
        va_list ap;
        va_start(ap, f);
        vsnprintf(b, sizeof(b), f, ap);
        va_end(ap);
        return arena_strdup(a, b);
}

static int add_step(struct arena *ar, struct tunnel_result *t, const struct ini_step *s)
{
        if (t->nsteps == t->stepcap) {
                size_t cap = t->stepcap ? t->stepcap * 2 : 16;
                struct tunnel_step *v = arena_calloc(ar, cap, sizeof(*v));
                if (!v)
                        return -1;
                if (t->nsteps)
                        memcpy(v, t->steps, t->nsteps * sizeof(*v));
                t->steps = v, t->stepcap = cap;
        }
        const char *d = s->detail;
        char more[160] = "";
        if (!s->from_responder && s->outcome != LIVE_ANSWERED)
                snprintf(more, sizeof(more), " -- %s after %u transmission%s",
                         live_outcome_name(s->outcome), s->sends, s->sends == 1 ? "" : "s");
        else if (!s->from_responder && s->sends > 1)
                snprintf(more, sizeof(more), " (sent %u times)", s->sends);
        const char *detail = fmt(ar, "%s%s%s%s", d, s->port == 4500 ? " [UDP 4500]" : "",
                                 s->from_responder && s->decrypted ? " [decrypted]" : "", more);
        if (!detail)
                return -1;
        bool from_a = !s->from_responder;
        t->steps[t->nsteps++] = (struct tunnel_step){s->name, from_a ? t->a : t->b,
                                                     from_a ? t->b : t->a, detail, s->ok};
        return 0;
}

static const char *explain(const struct ini_params *p, const struct ini_result *r, const char *id)
{
        (void)p;
        if (!strcmp(id, "isakmp-not-enabled"))
                return "The address answers ICMP port unreachable to UDP 500: the host is there "
                       "and nothing listens for IKE on it. Enable IKE on the interface that "
                       "holds this address.";
        if (!strcmp(id, "ike-esp-blocked"))
                return r->floated ? "IKE_SA_INIT was answered on UDP 500, then nothing came back "
                                    "on UDP 4500 after the move NAT traversal makes (RFC 7296 "
                                    "2.23 / RFC 3947): UDP 4500 is filtered on the path."
                                  : "Nothing answered on UDP 500 after every retransmission and "
                                    "no ICMP error came back: UDP 500 is filtered on the path, "
                                    "or IKE is not enabled on that interface.";
        if (!strcmp(id, "isakmp-policy-mismatch"))
                return r->stop_notify == 17
                           ? "The responder wants a Diffie-Hellman group that no proposal of "
                             "this test offers (INVALID_KE_PAYLOAD, RFC 7296 1.2): its policy "
                             "lies outside the proposals given."
                           : "The responder refused every IKE proposal offered "
                             "(NO_PROPOSAL_CHOSEN): none of its policies has the same "
                             "encryption, integrity/hash, PRF and DH group as one of them.";
        if (!strcmp(id, "psk-mismatch"))
                return r->stop == INI_STOP_PEER_AUTH
                           ? "The responder's AUTH payload does not verify with the key given "
                             "(RFC 7296 2.15): the two ends hold different pre-shared keys."
                       : r->version == 1 && r->stop == INI_STOP_SILENT
                           ? "MM5 (ID and HASH_I encrypted with a key derived from the PSK) "
                             "went unanswered: a responder that cannot decrypt it drops it "
                             "(RFC 2409 5): the pre-shared keys differ."
                           : "The responder refused our authentication (AUTHENTICATION_FAILED): "
                             "the key given is not the one it holds for this peer, or it has "
                             "no key for our identity.";
        if (!strcmp(id, "transform-set-mismatch"))
                return "Phase 1 completed; the responder refused every ESP proposal "
                       "(NO_PROPOSAL_CHOSEN for the Child SA / Quick Mode): no transform set of "
                       "its own has the same ESP encryption and integrity.";
        if (!strcmp(id, "crypto-acl-not-mirrored"))
                return "Phase 1 completed; the responder refused the traffic selectors (local "
                       "and remote networks): its crypto ACL is not the mirror of the one "
                       "tested, nor a superset of it.";
        if (!strcmp(id, "pfs-mismatch") && r->version == 1)
                return "Quick Mode was refused (NO-PROPOSAL-CHOSEN), then accepted when asked "
                       "again with the same transforms and only the PFS setting changed: the "
                       "responder's PFS setting is not this test's.";
        if (!strcmp(id, "l2l-prompted-for-xauth"))
                return "After Main Mode the responder opened a Transaction exchange asking for "
                       "XAUTH credentials: a site-to-site peer cannot answer it, and the tunnel "
                       "stops there. On an IOS responder, exempt the peer's key with no-xauth.";
        if (!strcmp(id, "pfs-mismatch"))
                return "The first Child SA came up inside IKE_AUTH, which carries no "
                       "Diffie-Hellman exchange (RFC 7296 1.3.1); the CREATE_CHILD_SA rekey, "
                       "with the PFS setting of this test, was refused: the PFS groups differ. "
                       "The tunnel will drop when the IPsec SA lifetime runs out.";
        return NULL;
}

/* What the ID means for this tunnel, in a few words (the title's head). */
static const char *headline(const char *id)
{
        static const struct {
                const char *id, *text;
        } t[] = {
            {"isakmp-not-enabled", "nothing listens for IKE on UDP 500"},
            {"ike-esp-blocked", "IKE gets no answer: filtered on the path, or IKE is off"},
            {"isakmp-policy-mismatch", "no IKE proposal of this test is acceptable to it"},
            {"psk-mismatch", "the pre-shared keys differ"},
            {"ikev2-auth-failed", "it authenticates with another method than a pre-shared key"},
            {"transform-set-mismatch", "no ESP proposal of this test is acceptable to it"},
            {"crypto-acl-not-mirrored", "its selectors do not take the networks tested"},
            {"pfs-mismatch", "PFS differs"},
            {"l2l-prompted-for-xauth", "it asks this site-to-site peer for XAUTH"},
        };
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
                if (!strcmp(t[i].id, id))
                        return t[i].text;
        return "";
}

static int findings(const struct ini_params *p, const struct ini_result *r, struct findings *fs,
                    struct tunnel_result *t)
{
        const char *id = ini_diagnosis(r);
        if (!id)
                return 0;
        struct subject dev = {r->host, "test", PLAT_UNKNOWN, NULL};
        struct finding *f = finding_add_about(fs, id, &dev, NULL);
        if (!f || finding_set_peer(fs, f, r->host))
                return -1;
        if (!strcmp(id, "pfs-mismatch") && t->status == TUN_ESTABLISHED)
                f->severity = SEV_WARNING; /* as `tunnel` reports it (play_v2_fix.c) */
        const char *e = explain(p, r, id);
        const char *head = t->status == TUN_ESTABLISHED && !strcmp(id, "pfs-mismatch")
                               ? "PFS differs: the Child SA's rekey is refused, the tunnel drops "
                                 "when the IPsec SA expires"
                               : headline(id);
        if (finding_title(fs, f, "%s: %s (%s)", r->host, head, r->why) ||
            (e && finding_explain(fs, f, "%s", e)))
                return -1;
        /* the failing step, and the one before it, as evidence */
        for (size_t i = 0; i < t->nsteps; i++) {
                if (t->steps[i].ok && (i + 1 >= t->nsteps || t->steps[i + 1].ok))
                        continue;
                char line[600];
                snprintf(line, sizeof(line), "%s %s -> %s: %s", t->steps[i].step, t->steps[i].from,
                         t->steps[i].to, t->steps[i].detail);
                struct loc l = {"test", (uint32_t)(i + 1), line};
                if (finding_evidence(fs, f, &l))
                        return -1;
        }
        return 0;
}

int ini_verdict(const struct ini_params *p, const struct ini_result *r, struct findings *fs,
                struct tunnel_result **out)
{
        struct arena *ar = &fs->arena;
        struct tunnel_result *t = arena_alloc(ar, sizeof(*t));
        if (!t)
                return -1;
        memset(t, 0, sizeof(*t));
        t->a = "ipsec-doctor";
        t->b = arena_strdup(ar, r->host);
        t->initiator = t->a;
        t->peer_a = t->b;
        t->peer_b = "this host";
        t->no_states = true;
        t->status = ini_status(r);
        t->via = fmt(ar, "IKEv%d test from this host", r->version);
        const char *rk = "";
        if (r->version == 2 && r->child_up)
                rk = !r->rekey_tried ? ""
                     : r->rekey_ok   ? "; CREATE_CHILD_SA rekey accepted"
                                     : "; the CREATE_CHILD_SA rekey failed";
        if (t->status == TUN_ESTABLISHED)
                t->reason = fmt(ar, "IKE SA and %s established%s%s%s",
                                r->version == 2 ? "Child SA" : "IPsec SA",
                                r->ts_narrowed ? " (selectors narrowed)" : "", rk,
                                r->deleted ? "; deleted at the end" : "");
        else
                t->reason = fmt(ar, "%s", r->why[0] ? r->why : "stopped");
        if (!t->b || !t->via || !t->reason)
                return -1;
        for (size_t i = 0; i < r->nsteps; i++)
                if (add_step(ar, t, &r->steps[i]))
                        return -1;
        if (findings(p, r, fs, t) || ptrvec_push(ar, &fs->tunnels, t))
                return -1;
        if (out)
                *out = t;
        return 0;
}
