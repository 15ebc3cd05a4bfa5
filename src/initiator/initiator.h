/*
 * `test HOST` (issue 16): one full IKE negotiation as initiator against one
 * live responder, IKEv2 (v2.c: IKE_SA_INIT, IKE_AUTH with the first Child
 * SA, optional CREATE_CHILD_SA rekey, INFORMATIONAL delete) or IKEv1
 * (v1*.c: Main Mode PSK, NAT-T float, Quick Mode, delete).
 *
 * This header is the contract between the CLI (src/cli/test.c), the
 * engines and the verdict (verdict.c): the parameters in, the result out.
 * The engines only talk (through src/live/, paced and bounded) and record
 * what happened; they decide nothing about causes. The verdict maps the
 * result to a contract status and catalog IDs with src/negotiate/'s pure
 * functions.
 *
 * Algorithms are the neutral enums of src/ike/vocab.h, in the structs the
 * negotiation compares (struct p1_prop, v2_prop, p2_xform of
 * src/negotiate/negotiate.h), so that --config fills them from the device
 * model and the verdict compares them with no translation.
 *
 * Secrets: the PSK is bytes held by the caller (the CLI reads and wipes
 * it); no engine copies it anywhere that is printed. Derived keys are kept
 * only in r->keys, written only by --keys.
 */
#ifndef IPSD_INITIATOR_H
#define IPSD_INITIATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../keys/keys.h"
#include "../live/udp.h"
#include "../model/model.h" /* struct flowbox */
#include "../negotiate/negotiate.h"

#define INI_MAX_PROPS  16 /* IKE proposals (IKEv1 policies / IKEv2 proposals) */
#define INI_MAX_XF     16 /* ESP transforms */
#define INI_MAX_STEPS  48
#define INI_MAX_NOTIFY 8
#define INI_MAX_KEYS   6 /* IKE SA, its rekey's child SAs (both directions) */
#define INI_MAX_PSK    128
#define INI_ID_LEN     128

enum ini_natt {
        INI_NATT_AUTO,  /* float to 4500 when NAT-D shows a NAT (RFC 3947 / RFC 7296 2.23) */
        INI_NATT_FORCE, /* float to 4500 after the first exchange in all cases */
        INI_NATT_OFF,   /* no NAT-T payloads or VIDs; stay on the port given */
};

struct ini_params {
        const char *host; /* one numeric IPv4/IPv6 address: the only one sent to */
        uint16_t port;    /* 500 */
        enum ini_natt natt;
        /* the pre-shared key: bytes owned (and wiped) by the caller, never printed */
        const uint8_t *psk;
        size_t psk_len;
        /* our identity: IKE ID type number (IKEv1 RFC 2407 4.6.2.1 and IKEv2
         * RFC 7296 3.5 agree for 1 IPv4, 2 FQDN, 3 USER_FQDN, 11 KEY_ID) and
         * its text; id[0] == 0: ID_IPV4_ADDR of the local address */
        uint8_t id_type;
        char id[INI_ID_LEN];
        /* the identity expected of the peer (IKEv2 IDr sent); "" none */
        uint8_t peer_id_type;
        char peer_id[INI_ID_LEN];
        /* IKE proposals, in preference order. IKEv1: one transform each
         * (p1_prop.auth AUTH_PSK; lifetime seconds, 0 none sent). IKEv2: each
         * v2_prop is one proposal (prf empty: the integrity's hash; with
         * AES-GCM, integ empty) */
        struct p1_prop ike1[INI_MAX_PROPS];
        size_t nike1;
        struct v2_prop ike2[INI_MAX_PROPS];
        size_t nike2;
        uint32_t ike_life; /* IKEv2: only for the report; IKEv1: in ike1[] */
        /* ESP transforms (mode ignored: tunnel mode is asked for) */
        struct p2_xform esp[INI_MAX_XF];
        size_t nesp;
        int pfs;           /* DH group of QM / CREATE_CHILD_SA; 0 none */
        uint32_t esp_life; /* seconds; 0 none sent (IKEv1 QM attribute) */
        uint32_t esp_kb;   /* kilobytes; 0 none sent */
        /* the traffic: local net -> remote net (src = ours, dst = theirs;
         * proto / ports as in a crypto ACL line), IPv4 */
        struct flowbox traffic;
        /* IKEv2: rekey the first Child SA with CREATE_CHILD_SA (the step where
         * a PFS difference shows, RFC 7296 1.3.1 / 2.8) */
        bool rekey;
        /* at the end, delete what was set up (IKEv1 INFORMATIONAL delete
         * payloads, IKEv2 INFORMATIONAL with D) */
        bool delete_at_end;
        /* safety (as probe) */
        unsigned rate, max_packets;
        double max_time;
        struct live_retx retx;
};
/* Defaults: port 500, NAT-T auto, rekey and delete on, rate 10, 60
 * packets, 60 s, retx {1.0 s, x2, 4 tries}; lists empty (the CLI fills
 * them). */
void ini_params_default(struct ini_params *p);

/* One message of the exchange, as it happened: our request or the
 * responder's answer (a request of ours that was never answered is one
 * step with outcome != LIVE_ANSWERED). */
struct ini_step {
        char name[20];                   /* "MM1".."MM6", "QM1".."QM3", "INFO", "IKE_SA_INIT",
                                          * "IKE_AUTH", "CREATE_CHILD_SA", "INFORMATIONAL" */
        bool from_responder;             /* false: sent by us */
        char detail[256];                /* "SA (4 transforms), KE (group 14), Ni, NAT-D x2" */
        enum live_outcome outcome;       /* of a request: answered, silent, ICMP, budget */
        unsigned sends;                  /* transmissions of a request (> 1: retransmitted) */
        uint16_t port;                   /* 500 or 4500 */
        bool encrypted;                  /* the message was encrypted (IKEv1 E flag, IKEv2 SK) */
        bool decrypted;                  /* ... and we decrypted and verified it */
        uint16_t notify[INI_MAX_NOTIFY]; /* the notifies it carries (IANA numbers) */
        size_t nnotify;
        bool ok; /* false: this is where the negotiation stopped */
};

/* Where the negotiation stopped (the verdict's first input). */
enum ini_phase {
        INI_PH_NONE = 0, /* completed */
        INI_PH_REACH,    /* the first request (MM1 / IKE_SA_INIT) got no answer */
        INI_PH_IKE,      /* IKEv1 MM1-MM4 / IKEv2 IKE_SA_INIT: proposal, KE, cookie */
        INI_PH_AUTH,     /* IKEv1 MM5-MM6 / IKEv2 IKE_AUTH's authentication */
        INI_PH_CHILD,    /* IKEv1 QM1-QM3 / IKEv2 IKE_AUTH's Child SA */
        INI_PH_REKEY,    /* IKEv2 CREATE_CHILD_SA */
        INI_PH_DELETE,   /* the delete at the end (the tunnel came up) */
};
enum ini_stop {
        INI_STOP_NONE = 0,
        INI_STOP_SILENT,     /* a request unanswered after every retransmission */
        INI_STOP_ICMP,       /* an ICMP error about the flow (icmp_* say which) */
        INI_STOP_NOTIFY,     /* the responder answered with error notify stop_notify */
        INI_STOP_PEER_AUTH,  /* the responder's AUTH / HASH_R did not verify with our key */
        INI_STOP_BAD_REPLY,  /* an answer that does not decode, decrypt or fit (why in detail) */
        INI_STOP_REFUSED_TS, /* IKEv2: the Child SA came up with selectors outside ours */
        INI_STOP_BUDGET,     /* the packet total or the time bound */
        INI_STOP_LOCAL,      /* a local failure (socket, libcrypto, nothing we can offer) */
};

struct ini_result {
        int version; /* 1 or 2 */
        char host[64];
        /* how it stopped */
        enum ini_phase phase;
        enum ini_stop stop;
        uint16_t stop_notify;  /* INI_STOP_NOTIFY: the IANA number */
        bool notify_encrypted; /* it came inside an encrypted message we decrypted */
        int icmp_origin, icmp_type, icmp_code;
        char why[256]; /* one line: what failed, in words (no secret) */
        /* NAT-T */
        bool nat_local, nat_remote; /* NAT-D: we / the responder are behind a NAT */
        bool floated;               /* moved to UDP 4500 */
        /* IKE SA */
        bool ike_up;
        struct p1_prop ike1_chosen;   /* IKEv1 */
        struct v2_choice ike2_chosen; /* IKEv2: ok, encr, key_bits, integ, prf, group,
                                       * ke_sent, invalid_ke */
        int ke_hint;                  /* INVALID_KE_PAYLOAD's group, 0 none */
        unsigned cookies;             /* COOKIE round trips (RFC 7296 2.6) */
        uint32_t ike_life;            /* IKEv1: the lifetime the SA got (RESPONDER-LIFETIME) */
        uint8_t peer_id_type;
        char peer_id[INI_ID_LEN]; /* the responder's identity, as text */
        /* the (first) Child SA / Quick Mode SA */
        bool child_up;
        struct p2_xform esp_chosen;
        int pfs_chosen;                     /* 0 none */
        struct flowbox ts_local, ts_remote; /* as the responder narrowed them */
        bool ts_narrowed;
        uint32_t spi_in, spi_out;
        uint32_t esp_life;
        /* IKEv2 rekey */
        bool rekey_tried, rekey_ok;
        /* IKEv1 / IKEv2 delete sent and answered */
        bool deleted;
        /* the keys, for --keys only: kind KEY_IKEV1 (ispi = CKY-I, ka), KEY_IKEV2
         * (ispi, rspi, sk_e*, sk_a*, encr/integ numbers), KEY_ESP (af 4/6, src,
         * dst, spi, encr ESP ID / integ IKEv2 number, ek, ak) */
        struct key_entry keys[INI_MAX_KEYS];
        size_t nkeys;
        /* the exchange */
        struct ini_step steps[INI_MAX_STEPS];
        size_t nsteps;
        unsigned sent, round_trips, ignored;
        bool budget_hit;
        double seconds;
        char error[160]; /* local failure, else "" */
        /* added 03:05: the responder's AUTH method when INI_STOP_PEER_AUTH
         * (IKEv2 3.8 numbers; 0 unknown): a signature where a PSK was expected
         * is a method difference (ikev2-auth-failed), not a key difference */
        uint8_t peer_auth_method;
        /* added 03:10 (h16b): IKEv1: after QM1 got NO-PROPOSAL-CHOSEN, Quick Mode
         * asked once more with PFS toggled (the same transforms): 1 that was
         * accepted, so PFS alone differs (pfs-mismatch; the SA is deleted at
         * once), -1 refused too, 0 not asked */
        int pfs_probe;
        /* IKEv1: after Main Mode the responder opened a Transaction exchange
         * asking for XAUTH (draft-beaulieu-ike-xauth: XAUTH attributes in an
         * ATTR payload): the engine stops there (phase INI_PH_CHILD,
         * INI_STOP_BAD_REPLY, why says so) */
        bool xauth_asked;
};

/*
 * Run one negotiation. r must be zeroed by the caller. Return 0 when the
 * exchange ran (whatever its outcome: see r->phase / r->stop), -1 when
 * nothing could be sent (r->error: a bad address, no socket, nothing
 * offerable). Both wipe every key they derived except r->keys.
 */
int initiator_run_v2(const struct ini_params *p, struct ini_result *r);
int initiator_run_v1(const struct ini_params *p, struct ini_result *r);

/* ---- shared helpers (common.c) ---------------------------------------- */

/* Appends a step (NULL when INI_MAX_STEPS are used); detail printf-style. */
struct ini_step *ini_step(struct ini_result *r, const char *name, bool from_responder,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Marks where it stopped: phase, stop and why (printf-style). */
void ini_stop(struct ini_result *r, enum ini_phase ph, enum ini_stop st, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Records a live_exchange outcome that is not an answer as the stop. */
void ini_stop_live(struct ini_result *r, enum ini_phase ph, const struct live_result *lr);

/* Neutral enum -> wire numbers; 0 when the version has no such value. */
uint16_t ini_v1_encr(enum ike_encr e);    /* IKEv1 class 1 */
uint16_t ini_v1_hash(enum ike_hash h);    /* IKEv1 class 2 */
uint16_t ini_v2_encr(enum ike_encr e);    /* IKEv2 type 1 (GCM: 16-octet ICV, 20) */
uint16_t ini_v2_integ(enum ike_hash h);   /* IKEv2 type 3 (HMAC, RFC 4868 truncation) */
uint16_t ini_v2_prf(enum ike_hash h);     /* IKEv2 type 2 */
uint16_t ini_esp_id(enum ike_encr e);     /* IPsec DOI ESP transform ID (GCM: 20) */
uint16_t ini_ipsec_auth(enum ike_hash h); /* IPsec DOI class 5 */
/* "AES-CBC-256", "HMAC-SHA2-256"...: static names for steps and output. */
const char *ini_encr_text(enum ike_encr e, int bits);
const char *ini_hash_text(enum ike_hash h);

#endif
