/*
 * A tunnel between two devices as the negotiation model played it: the
 * `tunnels[]` objects of product.md's JSON contract. Produced by
 * `tunnel` and by `check` with several configs; printed by report/.
 * Strings live in the owning struct findings' arena.
 */
#ifndef IPSD_TUNNEL_H
#define IPSD_TUNNEL_H

#include <stdbool.h>
#include <stddef.h>

/* The contract's status values (product.md), in this order. */
enum tunnel_status {
        TUN_ESTABLISHED = 0,
        TUN_NO_RESPONSE,
        TUN_P1_NO_PROPOSAL,
        TUN_P1_PEER_UNKNOWN,
        TUN_P1_AUTH_FAILED,
        TUN_XAUTH_BLOCKED,
        TUN_P2_NO_PROPOSAL,
        TUN_P2_PFS_MISMATCH,
        TUN_P2_PROXY_MISMATCH,
        TUN_NO_INTERESTING_TRAFFIC,
        TUN_MISSING_ENDPOINT,
        /* capture: the exchange got past everything the capture shows in
         * clear; whether it succeeded is inside encrypted messages */
        TUN_UNDETERMINED,
        TUN_STATUS_COUNT,
};

const char *tunnel_status_name(enum tunnel_status s); /* "phase1-auth-failed", ... */

struct tunnel_step {
        const char *step; /* "MM1".."MM6", "AM1".."AM3", "QM1".."QM3", "IKE_SA_INIT", ... */
        const char *from; /* device label of the sender */
        const char *to;
        const char *detail; /* what the message carries, or why it was not sent / refused */
        int ok;             /* 0 when this step is where the exchange stopped */
};

struct tunnel_log { /* a line a device would most likely print */
        const char *device;
        const char *text;
};

struct tunnel_result {
        const char *a, *b;           /* device labels */
        const char *initiator;       /* device label */
        const char *peer_a, *peer_b; /* addresses each side uses for the other */
        enum tunnel_status status;
        const char *state_a, *state_b; /* Cisco IKE SA states: MM_WAIT_MSG6, QM_IDLE, ... */
        const char *reason;            /* one line: where and why it stopped */
        struct tunnel_step *steps;
        size_t nsteps, stepcap;
        struct tunnel_log *logs;
        size_t nlogs, logcap;
        struct tunnel_result *after_fix; /* --fix replay, or NULL */
        const char *via; /* the initiator's crypto map entry or ipsec profile, or NULL */
        bool no_states;  /* capture: no device states to print (not "no SA") */
};

#endif
