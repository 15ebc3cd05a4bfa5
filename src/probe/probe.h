/*
 * `probe HOST`: ask one live IKE responder what it answers, as ike-scan
 * does, and more (issue 16): UDP 500/4500 reachability, IKEv1 Main Mode
 * with a broad proposal split into packets under ~1,400 bytes, every
 * acceptable phase-1 transform in k+1 round trips (offer all, remove the
 * chosen one, repeat until NO_PROPOSAL_CHOSEN), Aggressive Mode, IKEv2
 * IKE_SA_INIT with INVALID_KE_PAYLOAD and COOKIE handling and the same
 * enumeration per transform type, vendor IDs, NAT-T and fragmentation.
 *
 * probe_run talks to exactly one address through src/live/ (paced,
 * bounded); the result is plain data that probe_out.c prints.
 */
#ifndef IPSD_PROBE_H
#define IPSD_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../live/udp.h"
#include "offer.h"

struct probe_opts {
        const char *host;
        bool v1, v2, am, natt_port, enumerate;
        uint16_t auth[4]; /* IKEv1 authentication methods offered */
        size_t nauth;
        uint8_t id_type; /* Aggressive Mode identity (IKEv1 ID type) */
        const char *id;  /* NULL: the local address */
        bool show_hash;  /* print Aggressive Mode's psk-crack line */
        unsigned rate, max_packets;
        double max_time;
        struct live_retx retx;
        size_t max_bytes; /* per datagram, IP and UDP headers included */
};
void probe_opts_default(struct probe_opts *o);

/* One exchange as it happened: what was sent, what came back. */
struct probe_step {
        char what[64];    /* "IKEv1 MM1 (30 transforms)" */
        char answer[256]; /* "SA: AES-CBC-256 SHA2-256 PSK group 14" */
        enum live_outcome outcome;
        unsigned sends;
        size_t bytes;
};

struct probe_port {
        bool tried;
        enum live_outcome outcome;
        int icmp_origin, icmp_type, icmp_code;
        const char *asked; /* "IKEv1 MM1", "IKEv2 IKE_SA_INIT" */
};

#define PROBE_MAX_STEPS 512
#define PROBE_MAX_V2    24

struct probe_vid_seen {
        uint8_t bytes[64];
        size_t len;
        const char *name; /* from the table, or NULL */
        bool v2;
};

struct probe_result {
        char host[64];
        struct probe_port p500, p4500;
        /* IKEv1 Main Mode */
        bool v1_tried, v1_answered, v1_complete;
        size_t v1_offered, v1_packets; /* candidates, and packets one full offer takes */
        struct v1_cand cand[V1_MAX_CAND];
        size_t ncand;
        unsigned v1_round_trips;
        uint16_t v1_notify;  /* the refusal (NO_PROPOSAL_CHOSEN...) */
        const char *v1_stop; /* why enumeration stopped early, or NULL */
        /* Aggressive Mode */
        bool am_tried, am_answered, am_psk, am_hash;
        uint16_t am_notify, am_group;
        struct ike_v1_xform am_choice;
        uint8_t am_id_type;
        char am_id[128];
        enum live_outcome am_outcome;
        char psk_crack[8192]; /* only with show_hash */
        /* IKEv2 IKE_SA_INIT */
        bool v2_tried, v2_answered, v2_complete;
        uint16_t v2_notify;
        uint16_t v2_choice[6], v2_choice_keylen;
        struct v2_val v2_ok[6][PROBE_MAX_V2];
        size_t v2_nok[6];
        uint16_t ke_hints[8];
        size_t nke_hints;
        unsigned cookies, v2_round_trips;
        const char *v2_stop;
        /* what it reveals */
        struct probe_vid_seen vids[24];
        size_t nvids;
        bool natt_v1, natt_v2, frag_v1, frag_v2;
        /* the whole run */
        struct probe_step steps[PROBE_MAX_STEPS];
        size_t nsteps;
        unsigned sent, round_trips, ignored;
        bool budget_hit;
        double seconds;
        char error[160]; /* a local failure (socket), or "" */
};

/* Runs the probe; 0, or -1 when nothing could be sent (r->error says why;
 * a bad address is this). r must be zeroed memory of the caller's. */
int probe_run(const struct probe_opts *o, struct probe_result *r);

#endif
