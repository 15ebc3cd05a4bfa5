/* Internal to play*.c: the playing context and its output helpers. */
#ifndef IPSD_PLAY_INT_H
#define IPSD_PLAY_INT_H

#include "pair.h"

struct play {
        const struct pair *p;
        struct findings *fs;
        struct tunnel_result *t;
        const struct side *a, *b; /* initiator, responder */
        char a_ip[16], b_ip[16];
        bool acl_reported;
        /* The responder entry Quick Mode chose (play_p2.c), for the logs. */
        const struct p2_cfg *resp_cfg;
        struct arena *ar; /* fs->arena */
};

int tr_step(struct play *pl, const char *step, bool from_a, bool ok, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int tr_reason(struct play *pl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tr_log(struct play *pl, bool on_a, const char *text);
void tr_end(struct play *pl, enum tunnel_status st, const char *state_a, const char *state_b);
/* Predicted log lines for the outcome (play_logs.c). */
int tr_logs(struct play *pl);
/* For tests: the key of the first log table row that names no catalog
 * entry, or NULL when every row resolves. */
const char *tr_logs_unresolved(void);

/* The state an established phase 1 shows: IOS QM_IDLE, ASA/PIX MM_ACTIVE. */
const char *p1_up_state(const struct side *s);

/* Text of proposals and selectors, into the findings arena. */
const char *fmt_p1(struct play *pl, const struct p1_prop *v, size_t n);
const char *fmt_xf(struct play *pl, const struct p2_xform *v, size_t n);
const char *fmt_box(struct play *pl, const struct flowbox *b);
const char *encr_text(enum ike_encr e, int bits);
const char *hash_text(enum ike_hash h);

/* A pair-level finding of id on side s at loc, with the catalog fix for
 * s's dialect filled from vars (name, value, ..., NULL). */
/* The same with the lines `last` ('\n'-separated, or NULL) after the fix:
 * what is wrong goes once what is right is in. */
struct finding *pf_report_after(struct play *pl, const char *id, const struct side *s,
                                const struct loc *loc, const char *const *vars, const char *last);
struct finding *pf_report(struct play *pl, const char *id, const struct side *s,
                          const struct loc *loc, const char *const *vars);

/* Where a key was configured, for evidence: file and line only. The line's
 * text is replaced so that no input layer can let the key through. NULL
 * when k is NULL or on OOM. */
const struct loc *key_loc(struct play *pl, const struct psk *k);

/* Tunnel interface faults (play_tun.c). */
int play_tun_pre(struct play *pl, bool *stop); /* before IKE: protection, VRF, route */
int play_tun_unprotected(struct play *pl, const struct side *s);
/* At a proxy failure: the tunnel reason (sets *done when it reported). */
int play_tun_proxy_fail(struct play *pl, bool *done);
int play_tun_mode_warning(struct play *pl, const struct p2_cfg *c, const struct p2_choice *x);
/* s has no key for its peer: psk-mismatch, or dmvpn-spoke-key-missing
 * between two spokes. */
int play_key_missing(struct play *pl, const struct side *s, const struct loc *loc);
/* transform-set-mismatch for an end whose cfg is an ipsec profile. */
int play_tun_tset_mismatch(struct play *pl, const struct side *s, const struct p2_cfg *sc,
                           const struct side *o, const struct p2_cfg *oc);

/* The responder does not own the address the initiator sends to (a copied
 * config): MM1 is never answered (play_addr.c). */
int play_misaddressed(struct play *pl, bool *stop);
/* A static NAT of the path between the ends: said in the tunnel's reason. */
int play_nat_note(struct play *pl);

int play_ikev1(struct play *pl);
int play_ikev2(struct play *pl);
int play_phase2_checks(struct play *pl, const struct p2_cfg *c);
int play_mirror_diff(struct play *pl);

#endif
