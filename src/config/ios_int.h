/*
 * Internals of the IOS / IOS-XE config reader, shared by its files:
 *   ios.c         line loop, mode stack, table dispatch, banners
 *   ios_skip.c    commands recognised but not modelled (and their blocks)
 *   ios_iface.c   hostname, domain, interfaces, static routes, usernames
 *   ios_tunnel.c  tunnel interface sub-commands and NHRP
 *   ios_nat.c     NAT rules and pools, route-maps, ip local pool
 *   ios_acl.c     numbered / named ACLs and their entries
 *   ios_objgrp.c  IOS object-group network / service
 *   ios_isakmp.c  IKEv1: policies, keys, keyrings, global settings
 *   ios_profile.c isakmp profiles, Easy VPN client configuration groups
 *   ios_ipsec.c   transform sets, crypto maps, dynamic maps, ipsec profiles, SA globals
 *   ios_ikev2.c   IKEv2 proposals, policies, keyrings, profiles
 *
 * Every command is a row of a static const table: a keyword sequence and
 * a handler. Handlers read their arguments from the split words of the
 * line and fill the device model; a handler that does not understand its
 * arguments returns IOS_UNKNOWN and the line is recorded as unknown.
 */
#ifndef IPSD_IOS_INT_H
#define IPSD_IOS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../input/text.h"
#include "../model/model.h"
#include "cmdmerge.h"
#include "lex.h"

enum ios_mode {
        IM_TOP = 0,
        IM_SKIP, /* a known block whose sub-lines are not modelled */
        IM_IFACE,
        IM_ACL, /* ip access-list standard|extended NAME */
        IM_OBJ_NET,
        IM_OBJ_SVC,
        IM_ISAKMP_POLICY,
        IM_KEYRING,
        IM_ISAKMP_PROFILE,
        IM_CLIENT_GROUP,
        IM_TSET,
        IM_CMAP,
        IM_IPSEC_PROFILE,
        IM_IKEV2_PROPOSAL, /* proposal and policy share their sub-commands */
        IM_IKEV2_KEYRING,
        IM_IKEV2_PEER,
        IM_IKEV2_PROFILE,
        IM_ROUTE_MAP,
        IM_IKEV2_AUTHZ, /* crypto ikev2 authorization policy NAME */
        IM_COUNT
};

enum { IOS_OK = 0, IOS_UNKNOWN = 1, IOS_OOM = -1 };

#define IOS_MAX_DEPTH 8
#define IOS_MAX_KW    5

struct ios_frame {
        enum ios_mode mode;
        unsigned indent;
        void *obj;     /* the element the mode edits */
        uint32_t line; /* index of the line that opened it (cmdmerge.h) */
};

struct ios_ctx {
        struct device *dev;
        const struct text_line *l;
        struct loc loc;  /* of the current line; text = the scrubbed `shown` */
        struct words *w; /* the current line's words */
        size_t k0;       /* index of the first keyword (after "no") */
        size_t a;        /* index of the first argument after the keywords */
        bool neg;        /* the line started with "no" */
        struct ios_frame st[IOS_MAX_DEPTH];
        size_t depth;
        char banner_delim[3];      /* inside a multi-line banner when non-empty */
        uint32_t idx, banner_line; /* the current line's index; the banner's opener */
        struct cmd_rec *rec;       /* the current line's record, NULL when not logged */
};

typedef int (*ios_fn)(struct ios_ctx *c);

struct ios_cmd {
        const char *kw[IOS_MAX_KW]; /* "*" matches any one word */
        ios_fn fn;                  /* NULL: known, not modelled */
        bool block;                 /* fn == NULL: its sub-lines are skipped too */
        struct cmd_sem sem;         /* how a later line changes this one (cmdsem.h) */
};

struct ios_cmdtab {
        const struct ios_cmd *v;
        size_t n;
};

#define IOS_TAB(name, arr) const struct ios_cmdtab name = {arr, sizeof(arr) / sizeof(arr[0])}

/* Top-level tables (tried in the order ios.c lists them). */
extern const struct ios_cmdtab ios_top_iface, ios_top_nat, ios_top_profile, ios_top_acl,
    ios_top_objgrp, ios_top_isakmp, ios_top_ipsec, ios_top_ikev2, ios_top_skip;
/* Sub-mode tables. */
extern const struct ios_cmdtab ios_sub_iface, ios_sub_acl, ios_sub_objnet, ios_sub_objsvc,
    ios_sub_isakmp_policy, ios_sub_keyring, ios_sub_isakmp_profile, ios_sub_client_group,
    ios_sub_tset, ios_sub_cmap, ios_sub_ipsec_profile, ios_sub_ikev2_proposal,
    ios_sub_ikev2_keyring, ios_sub_ikev2_peer, ios_sub_ikev2_profile, ios_sub_route_map,
    ios_sub_ikev2_authz;

/* Reads t into dev, recording each line's row in log (NULL: no record). */
int ios_read_logged(struct device *dev, const struct text *t, struct cmd_log *log,
                    struct diag *err) IPSD_MUST_CHECK;

/* ---- helpers for handlers (ios.c) ------------------------------------ */

/* Argument i after the keywords, or NULL past the end. */
const char *ios_arg(const struct ios_ctx *c, size_t i);
size_t ios_nargs(const struct ios_ctx *c);
/* Word at absolute index i, or NULL. */
const char *ios_word(const struct ios_ctx *c, size_t i);
/* Arena copy (NULL on OOM, callers return IOS_OOM). */
char *ios_str(struct ios_ctx *c, const char *s);
/* Arguments from i to the end joined by single spaces, in the arena. */
char *ios_rest(struct ios_ctx *c, size_t i);
/* Opens a sub-mode editing obj at the current line's indent. */
int ios_open(struct ios_ctx *c, enum ios_mode mode, void *obj);
/* The profile / keyring a "crypto isakmp|ikev2 profile|keyring NAME" line
 * names, created on first use; NULL with *rc set when there is none to
 * open (IOS_UNKNOWN: no name; IOS_OK: a "no" line; IOS_OOM). */
struct isakmp_profile *ios_named_profile(struct ios_ctx *c, int *rc);
struct keyring *ios_named_keyring(struct ios_ctx *c, int *rc);
/* The element of the innermost open mode. */
void *ios_obj(const struct ios_ctx *c);
/* Runs the words from absolute index start as a sub-command of mode on obj
 * (ASA-style one-line "crypto map M 10 set peer A"). */
int ios_sub_dispatch(struct ios_ctx *c, enum ios_mode mode, void *obj, size_t start);

/* Interface names written "dialer 0": a type name without a unit number
 * takes the following word when it starts with a digit. */

/* Placeholder text of templates ("<peer ip>", "40.76.X.X"): not a value. */
bool ios_is_placeholder(const char *s);

/* Secrets: fills s from the key argument(s) at w[i] (optionally preceded by
 * an encryption type 0/6/7); returns the number of words used (0 if none). */
size_t ios_secret(struct ios_ctx *c, size_t i, struct secret *s);

/* Shared by the crypto map, dynamic map and ipsec profile readers. */
int ios_pfs_group(const char *s, int *group);

/* Tunnel interface sub-commands (ios_tunnel.c), rows of the interface table. */
int ios_if_tunnel_source(struct ios_ctx *c);
int ios_if_tunnel_dest(struct ios_ctx *c);
int ios_if_tunnel_mode(struct ios_ctx *c);
int ios_if_tunnel_protection(struct ios_ctx *c);
int ios_if_tunnel_vrf(struct ios_ctx *c);
int ios_if_tunnel_key(struct ios_ctx *c);
int ios_if_nhrp(struct ios_ctx *c);

/* ACL entries (ios_acl.c), also used for "access-list" lines. */
int ios_acl_entry(struct ios_ctx *c, struct acl *acl, size_t i);

#endif
