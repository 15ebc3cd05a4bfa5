/*
 * The IKEv1 initiator's run state, shared by its phases: v1.c (the run,
 * the exchange helper, the keys for --keys), v1_main.c (Main Mode with a
 * pre-shared key and the NAT-T float), v1_quick.c (Quick Mode and the
 * deletes). Internal to src/initiator/.
 */
#ifndef IPSD_INITIATOR_V1_INT_H
#define IPSD_INITIATOR_V1_INT_H

#include "../crypto/dh.h"
#include "initiator.h"
#include "v1_keys.h"
#include "v1_msg.h"
#include "v1_reply.h"

struct v1_run {
        const struct ini_params *p;
        struct ini_result *r;
        struct live_budget b;
        struct live_sock s500, s4500, *s; /* s: the socket in use */
        uint8_t ckyi[8], ckyr[8];
        /* our offer, in wire numbers, and the SA body for HASH_I */
        struct ike_v1_xform xf[INI_MAX_PROPS];
        size_t nxf;
        uint8_t sai_b[2048];
        size_t sai_len;
        bool peer_natt; /* the responder sent RFC 3947's VID */
        /* phase 1 */
        struct ike_v1_xform chosen;
        struct dh_key *dh;
        uint8_t gxi[DH_MAX_LEN], gxr[DH_MAX_LEN], ni[32], nr[256];
        size_t gxi_len, gxr_len, nr_len;
        struct v1_keys k;
        bool have_keys;
        uint8_t iv_before_mm5[CIPHER_MAX_BLOCK]; /* the chain before MM5 (see v1_main.c) */
        /* what the exchange helper waits for */
        uint8_t want_x;
        uint32_t want_mid;
        const uint8_t *want_iv; /* the IV of an encrypted answer, or NULL */
        bool in_mm5;            /* an Informational may use either phase-1 IV */
        struct live_result lr;  /* of the last v1_ask */
        uint16_t answer_port;   /* where its answer came (500 after a float: udp.h) */
        struct v1_reply rep;
        bool info_verified; /* rep is an Informational whose HASH(1) verified */
        int pfs_override;   /* Quick Mode's PFS group for the PFS probe, -1: the caller's */
        int pfs_probe;      /* v1_quick.c: 1 PFS alone differs, -1 not that, 0 not asked */
        bool xauth_asked;   /* a Transaction exchange asked for XAUTH after Main Mode */
        uint8_t dgram[LIVE_MAX_DGRAM];
        uint8_t plain[LIVE_MAX_DGRAM];
        uint8_t req[8192];
        size_t req_len; /* of the request in flight (a reflection of it is no answer) */
};

/* Sends req on x->s and waits for the answer: an exchange x->want_x
 * message with message ID x->want_mid, or an Informational with an error
 * (or one that does not decrypt under our keys). Records the request's
 * step (name, detail) and returns the live outcome; the answer is x->rep. */
enum live_outcome v1_ask(struct v1_run *x, const char *name, const char *detail, size_t len);
/* live's match function: an answer in our IKE SA (see v1_ask). */
bool match_v1(void *ctx, const uint8_t *p, size_t len);
/* A step for the answer in x->rep, with its notifies. */
struct ini_step *v1_answer_step(struct v1_run *x, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The notify's name ("INVALID-ID-INFORMATION", "notify 40000"). */
const char *v1_notify_name(uint16_t type, char buf[32]);
/* A 32-bit random message ID, never 0. */
uint32_t v1_msgid(void);

/* The Informational in x->rep as where phase ph stopped, after request req. */
void v1_stop_on_info(struct v1_run *x, enum ini_phase ph, const char *req);
/* The keys kept for --keys: the ISAKMP SA's, and one ESP SA's (km: the
 * encryption key, ek bytes, then the integrity key, ak bytes). */
void v1_keep_ike_keys(struct v1_run *x);
void v1_keep_esp_key(struct v1_run *x, bool inbound, const uint8_t spi[4], uint16_t esp_id,
                     uint16_t keylen, uint16_t auth, const uint8_t *km, size_t ek, size_t ak);

int v1_main_mode(struct v1_run *x);  /* 0: the IKE SA is up */
int v1_quick_mode(struct v1_run *x); /* 0: the IPsec SAs are up */
void v1_delete_all(struct v1_run *x);

#endif
