/*
 * The two ends of one tunnel as the negotiation sees them: parameter
 * structs built from two device models (from_model.c), played by play.c.
 * s[0] initiates, s[1] responds. Everything lives in the pair's arena;
 * pointers into the device models (for locations and fixes) stay valid
 * while the devices live.
 */
#ifndef IPSD_PAIR_H
#define IPSD_PAIR_H

#include "../findings/finding.h"
#include "../findings/tunnel.h"
#include "negotiate.h"

struct p2_cfg { /* one crypto map entry or VTI profile, as IKE uses it */
        const struct crypto_map_entry *entry; /* NULL for a VTI profile */
        const struct ipsec_profile *profile;
        const char *what; /* "crypto map M 10", "dynamic-map D 5", "ipsec profile P" */
        const char *acl;
        struct flowbox *boxes;   /* permit ACE boxes, the owner's view */
        const struct ace **aces; /* the ACE of each box */
        size_t nboxes;
        bool dynamic, any;
        bool exact;              /* a tunnel interface's fixed selectors (p2.c) */
        const struct iface *tun; /* the tunnel interface a profile protects */
        struct p2_xform *xf;
        const char **xf_names; /* transform set name of each xform */
        size_t nxf;
        int pfs;
        bool pfs_default; /* IOS "set pfs" without a group */
        uint32_t life_sec;
        const struct loc *loc;
};

struct side {
        const struct device *dev;
        const char *label;
        enum platform plat;
        bool has_addr;
        uint32_t addr;      /* the address this side uses for the tunnel */
        const char *ifname; /* its crypto interface (nameif on ASA) */
        bool isakmp_on;
        bool route_ok; /* a route towards the peer */
        bool nat_t;
        bool am_disabled;
        bool ikev2;
        bool aggressive;
        /* what makes it start Aggressive Mode: an IOS isakmp profile's
         * "initiate mode aggressive", or an ASA entry's "set phase1-mode
         * aggressive" (am_map/am_seq) */
        const char *am_profile, *am_map;
        int am_seq;
        const struct loc *am_loc;
        struct p1_prop *p1;
        const struct isakmp_policy **p1src;
        size_t np1;
        struct v2_prop *v2;
        size_t nv2;
        /* the key this side holds for the other (never printed) */
        struct secret key;
        const struct psk *psk;
        const struct tunnel_group *tg;
        bool tg_default;
        bool key_no_xauth;
        struct secret v2_local, v2_remote; /* IKEv2: the key sent / the key verified */
        /* IKEv2 (issue 11, side_v2.c): the IOS IKEv2 profile that applies to
         * the peer (initiator: the entry's set ikev2-profile; responder: the one
         * whose match identity remote takes the peer's IDi), what IKE_AUTH uses,
         * and where the proposals come from */
        const struct isakmp_profile *v2prof;
        bool v2_no_profile;   /* IOS: no IKEv2 profile for the peer */
        bool v2_id_uncertain; /* the peer's identity could not be compared */
        struct v2_auth_end v2auth;
        const struct psk *v2_local_psk, *v2_remote_psk; /* keyring lines, for evidence */
        const char *v2_id_text; /* the IKE identity this side sends, as text */
        const char *v2_policy;  /* IOS policy offered ("default" = smart default) */
        const struct loc *v2_policy_loc;
        /* an IOS proposal of that policy left out as incomplete, and what it lacks */
        const struct ikev2_policy *v2_incomplete;
        const char *v2_incomplete_what;
        enum ike_identity ident;
        bool xauth_asks; /* as responder: XAUTH is requested of this peer */
        const struct loc *xauth_loc;
        /* as initiator */
        struct p2_cfg *ini; /* NULL: nothing to initiate */
        struct flowbox proposal;
        const struct ace *proposal_ace;
        const char *no_traffic; /* why no interesting traffic, or NULL */
        const struct loc *no_traffic_loc;
        const char *assumed_route; /* no route for the flow: dynamic routing assumed */
        const char *assumed_addr;  /* addresses the configs do not give, taken from the peers */
        const char *assumed_hub;   /* spoke -> spoke without the hub's config (side_tun.c) */
        bool src_unaddressed;      /* its tunnel source has no address in the config */
        /* as responder: candidate entries for the peer, static first */
        struct p2_cfg *resp;
        size_t nresp;
        bool has_crypto; /* a crypto map or VTI that knows the peer */
        /* tunnel interfaces (side_tun.c) */
        const struct iface *tun;      /* the protected tunnel interface this side uses */
        const struct iface *tun_bare; /* a tunnel towards the peer without protection */
        const char *fvrf;             /* the front-door VRF IKE runs in (NULL: global) */
        const char *src_vrf;          /* the VRF of the tunnel source interface */
        bool vrf_fault;               /* the tunnel source is in a VRF the tunnel does not use */
        /* The address the other end sends to and names this side by, when it
         * is not this side's own (nat_path.c): a static NAT on a device
         * between them (via_nat), or a copied config whose peer address this
         * side does not own (misaddressed, on the responder). */
        bool seen_set;
        uint32_t seen;
        const struct nat_map *via_nat;
        bool misaddressed;
        const struct crypto_map_entry *misaddressed_entry; /* the initiator's entry */
};

/* The address the other end uses for s. */
static inline uint32_t side_seen(const struct side *s)
{
        return s->seen_set ? s->seen : s->addr;
}

/* How the two ends of a DMVPN pair stand to each other (discover.c). */
enum dmvpn_role { DMVPN_NONE = 0, DMVPN_SPOKE_HUB, DMVPN_HUB_SPOKE, DMVPN_SPOKE_SPOKE };

/* A static one-to-one translation on a device between the peers (tunnel's
 * third config, or --nat OUTSIDE=INSIDE): what is sent to `outside`
 * reaches `inside`, and what `inside` sends leaves as `outside`. */
struct nat_map {
        uint32_t outside, inside;
        const struct loc *loc; /* the NAT device's line; NULL for --nat */
        const char *device;    /* its label, or "--nat" */
};

#define PATH_MAX_NAT 64

struct path_opts {
        bool block500, block4500, blockesp;
        bool nat; /* --nat alone: a PAT device between the peers (NAT-T needed) */
        struct nat_map nat_map[PATH_MAX_NAT];
        size_t nnat;
};

struct pair {
        struct arena arena;
        struct side s[2];
        struct path_opts path;
        enum dmvpn_role dmvpn;
};

struct flow_opt { /* --flow SRC DST [PROTO [PORT]] */
        bool set;
        uint32_t src, dst;
        uint8_t proto;
        uint16_t port;
        bool vti; /* play the tunnel interface towards the peer, not the crypto map */
        /* discovery: play this tunnel interface of the initiator towards the
         * NBMA address tun_peer (an mGRE peer named by NHRP) */
        const struct iface *tun;
        uint32_t tun_peer;
        enum dmvpn_role dmvpn;
        /* play this static crypto map entry of the initiator (its map bound
         * to entry_if), not the first one towards the peer (tunnels_to.c) */
        const struct crypto_map_entry *entry;
        const char *entry_if;
};

/* Builds a pair with ini initiating towards resp. Returns 0, -1 on OOM. */
int pair_build(struct pair *p, const struct device *ini, const char *ini_label,
               const struct device *resp, const char *resp_label, const struct flow_opt *flow,
               const struct path_opts *path);
void pair_free(struct pair *p);

/* True when the device has an interface holding addr. */
bool dev_owns_addr(const struct device *dev, uint32_t addr);

/*
 * Plays the negotiation; adds the tunnel result to fs->tunnels and the
 * pair-level findings to fs. *out gets the result. 0, or -1 on OOM.
 */
int pair_play(const struct pair *p, struct findings *fs, struct tunnel_result **out);

/* --fix is not an edit of these structs: the printed fixes are pasted into
 * the configs (cli/fix_replay.c) and the pair is built again; a key pasted
 * as the fix's placeholder holds the key the fix names (pair_build). */

#endif
