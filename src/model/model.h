/*
 * The device model: read this header first.
 *
 * One vendor-neutral picture of a Cisco IOS / IOS-XE router or ASA / PIX
 * security appliance, as far as IPsec VPNs care. The config readers
 * (src/config/ios_*.c, src/config/asa_*.c) fill it; every analysis
 * (checks, negotiation, trace, explain --config) reads it and never
 * re-parses text.
 *
 * Rules every element follows:
 * - It lives in the device's arena (dev->arena) and dies with model_free().
 *   Nothing in here is freed on its own.
 * - It remembers where it came from: a struct loc (file + line). Elements
 *   built from several lines keep the line that opened them plus, where a
 *   check points at a sub-command, that sub-command's own loc.
 * - Values that the config may leave out carry an "explicit" flag, so that
 *   the JSON shows configured versus defaulted, and model_finalize() can
 *   fill platform/version defaults (see model/defaults.c for sources).
 * - Secrets are struct secret (util/secret.h): never a string.
 * - Addresses are IPv4 in host byte order. IPv6 elements are kept with
 *   af = 6 and their text, and are skipped by the set operations.
 *
 * Lookups by name go through the strmap indexes below (model.c keeps them
 * in step); lists keep config order, which matters for NAT and ACLs.
 */
#ifndef IPSD_MODEL_H
#define IPSD_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../ike/vocab.h" /* the IKE vocabulary: algorithms, methods, identities */
#include "../util/arena.h"
#include "../util/secret.h"
#include "../util/strmap.h"

/* ---- where things come from ------------------------------------------ */

/* The file name of lines pasted from a printed fix (`--fix`): a key they
 * set is the fix's "<pre-shared-key>", which the replay holds equal to the
 * key the fix names (negotiate/from_model.c). */
#define LOC_PRINTED_FIX "(printed fix)"

struct loc {
        const char *file; /* arena string; shared by every loc of one file */
        uint32_t line;    /* 1-based line in the original input; 0 = default */
        const char *text; /* the normalised source line (secrets scrubbed), or NULL */
};

/* ---- platform and version -------------------------------------------- */

enum platform { PLAT_UNKNOWN = 0, PLAT_IOS, PLAT_ASA, PLAT_PIX };

struct version {
        int major, minor, maint; /* "9.8(4)" -> 9,8,4; "15.4" -> 15,4,0; -1 unknown */
        const char *text;        /* as printed in the config, or NULL */
};

/* True when v is known and >= major.minor(maint). */
bool version_at_least(const struct version *v, int major, int minor, int maint);
const char *platform_name(enum platform p); /* "ios", "asa", "pix", "unknown" */

/* ---- addresses and 5-tuple sets -------------------------------------- */

struct range32 {
        uint32_t lo, hi; /* inclusive */
};
struct range16 {
        uint16_t lo, hi; /* inclusive */
};

/*
 * One box of flow space: every packet with src in src, dst in dst, IP
 * protocol in proto, source port in sport and destination port in dport.
 * "any" is the full range. Ports are the full range unless the protocol is
 * TCP/UDP (6/17) with a port clause. ICMP type/code are not modelled.
 */
struct flowbox {
        struct range32 src, dst;
        struct range16 proto; /* 0..255; "ip" = 0..255 */
        struct range16 sport, dport;
};

#define PROTO_ICMP 1
#define PROTO_TCP  6
#define PROTO_UDP  17
#define PROTO_ESP  50
#define PROTO_AH   51

/* A set of addresses: a list of ranges (a network object, a group, a pool). */
struct addrset {
        struct range32 *r;
        size_t n;
        bool inexact; /* something could not be expressed (IPv6, fqdn,
                         non-contiguous wildcard, unresolved name) */
};

/* ---- names, objects and object-groups (ASA, and IOS object-groups) --- */

struct name_alias { /* ASA/PIX "name 10.1.1.0 inside-net" */
        struct loc loc;
        const char *name;
        uint32_t addr;
};

enum object_kind {
        OBJ_NETWORK,  /* object network / object-group network */
        OBJ_SERVICE,  /* object service / object-group service */
        OBJ_PROTOCOL, /* object-group protocol */
        OBJ_ICMP,     /* object-group icmp-type */
        OBJ_USER,     /* anything else: kept by name only */
};

struct object {
        struct loc loc;
        const char *name;
        enum object_kind kind;
        bool is_group;
        const char *description;
        /* network: resolved member addresses (groups flattened, nesting bounded) */
        struct addrset addrs;
        /* service / protocol: resolved members */
        struct range16 *protos;
        size_t nprotos;
        struct range16 *sports, *dports; /* empty = any */
        size_t nsports, ndports;
        /* unresolved member names (group-object / network-object object X
         * whose target did not exist when read), for a later resolve pass */
        struct ptrvec pending; /* const char * */
        /* Set by model_finalize when a pending member could not be resolved
         * (missing, a cycle, nesting deeper than MODEL_MAX_GROUP_DEPTH). */
        bool unresolved;
        int resolve_mark; /* finalize internal: 0 new, 1 in progress, 2 done */
};

#define MODEL_MAX_GROUP_DEPTH 16

/* ---- ACLs ------------------------------------------------------------ */

enum acl_kind { ACL_STANDARD, ACL_EXTENDED, ACL_IPV6, ACL_WEBTYPE, ACL_ETHERTYPE, ACL_OTHER };
enum acl_action { ACL_PERMIT, ACL_DENY };

struct ace {
        struct loc loc;
        enum acl_action action;
        bool remark;    /* a remark line: no boxes, kept for position only */
        bool inactive;  /* "inactive" keyword (ASA) */
        bool has_ports; /* a port clause on either side */
        bool inexact;   /* boxes are an approximation (see addrset.inexact) */
        /* An ACE with object-groups expands to the cross product of its members;
         * the expansion is capped (MODEL_MAX_ACE_BOXES) and marked inexact past it. */
        struct flowbox *boxes;
        size_t nboxes;
        const char *src_text, *dst_text; /* how the source and destination were written */
        /* Readers that met an object-group with pending members set these:
         * model_finalize then rebuilds boxes as the cross product of the
         * resolved groups' addresses (NULL side: kept from boxes[0]) and the
         * distinct protocol/port parts of the current boxes (any when none). */
        bool expand_pending;
        const struct object *src_obj, *dst_obj;
};

#define MODEL_MAX_ACE_BOXES 4096

struct acl {
        struct loc loc; /* first line that mentioned it */
        const char *name;
        enum acl_kind kind;
        bool numbered;      /* IOS "access-list 101 ..." */
        struct ptrvec aces; /* struct ace *, in order */
};

/* ---- interfaces and routes ------------------------------------------- */

/* What a tunnel interface carries ("tunnel mode ..."). GRE is IOS's default. */
enum tunnel_kind {
        TUNK_GRE = 0,  /* gre ip (point to point) */
        TUNK_MGRE,     /* gre multipoint: DMVPN, peers from NHRP */
        TUNK_IPSEC,    /* ipsec ipv4: static VTI, selectors any/any */
        TUNK_IPSEC_V6, /* ipsec ipv6 */
        TUNK_GRE_V6,   /* gre ipv6 / gre multipoint ipv6 (IPv6 underlay: not played) */
        TUNK_OTHER,    /* ipip, l2tpv3, dvmrp, ...: not an IPsec tunnel */
};

/* ip nhrp nhs T [nbma A] | ip nhrp map T A | ip nhrp map multicast A|dynamic */
struct nhrp_nhs {
        struct loc loc;
        bool has_tunnel, has_nbma;
        uint32_t tunnel, nbma; /* the NHS's tunnel address and, with nbma, its NBMA */
        bool dynamic;          /* "ip nhrp nhs dynamic nbma A" */
};

struct nhrp_map {
        struct loc loc;
        uint32_t tunnel, nbma;
};

struct nhrp {
        bool on; /* any ip nhrp line */
        bool has_network_id;
        uint32_t network_id;
        struct loc network_id_loc;
        struct secret auth; /* ip nhrp authentication S: a shared string, never printed */
        struct loc auth_loc;
        struct ptrvec nhs;   /* struct nhrp_nhs * */
        struct ptrvec maps;  /* struct nhrp_map *: static tunnel -> NBMA mappings */
        struct ptrvec mcast; /* struct nhrp_map * with tunnel 0: "map multicast A" */
        bool mcast_dynamic;  /* "ip nhrp map multicast dynamic" */
        bool redirect, shortcut;
};

struct iface {
        struct loc loc;
        const char *name;   /* hardware name: "GigabitEthernet0/1", "ethernet0", "Tunnel0" */
        const char *nameif; /* ASA/PIX nameif ("outside"); NULL on IOS */
        int security_level; /* -1 when not set */
        bool has_addr;
        uint32_t addr, mask;
        bool dhcp;       /* "ip address dhcp" */
        bool negotiated; /* "ip address negotiated": PPP IPCP gives it (dialer, PPPoE) */
        bool shutdown;
        struct loc shutdown_loc;
        const char *crypto_map; /* IOS: "crypto map NAME" under the interface */
        struct loc crypto_map_loc;
        bool nat_inside, nat_outside; /* IOS "ip nat inside|outside" */
        int tcp_adjust_mss;           /* IOS "ip tcp adjust-mss N"; 0 = not set */
        struct loc mss_loc;
        const char *vrf;
        const char *acl_in, *acl_out; /* IOS "ip access-group X in|out" */
        /* tunnel interfaces (static VTI, GRE, mGRE; model/tunnel.h asks the questions) */
        bool is_tunnel;
        const char *tunnel_source; /* interface name or address text */
        struct loc tunnel_source_loc;
        bool has_tunnel_dest;
        uint32_t tunnel_dest;
        struct loc tunnel_dest_loc;
        const char *tunnel_mode; /* "ipsec ipv4", "gre ip", ... */
        struct loc tunnel_mode_loc;
        enum tunnel_kind tunnel_kind;  /* from tunnel_mode; TUNK_GRE when not written */
        const char *tunnel_protection; /* ipsec profile name */
        struct loc tunnel_protection_loc;
        bool tunnel_protection_shared;     /* "... profile P shared" */
        const char *tunnel_protection_ike; /* "... isakmp-profile|ikev2-profile X" */
        const char *tunnel_vrf;            /* "tunnel vrf X": the front-door VRF */
        struct loc tunnel_vrf_loc;
        bool has_tunnel_key; /* "tunnel key N" */
        uint32_t tunnel_key;
        struct nhrp nhrp;
        /* Queueing that can reorder ESP after encryption (anti-replay-drops):
         * IOS "service-policy output P" under the interface; ASA/PIX
         * "priority-queue IF". Not yet filled by the readers. */
        const char *service_policy_out;
        bool priority_queue;
        struct loc qos_loc;
};

struct route {
        struct loc loc;
        const char *ifname; /* ASA "route outside ..." nameif; IOS exit interface or NULL */
        uint32_t net, mask;
        bool has_nexthop;
        uint32_t nexthop;
        int distance; /* 1 when not given */
        const char *vrf;
        bool reverse_route; /* synthesised from reverse-route injection */
        bool placeholder;   /* a template placeholder stood for the network or
                               gateway: kept, but never matched by route lookup */
};

/* ---- access-group (ASA) --------------------------------------------- */

struct access_group {
        struct loc loc;
        const char *acl;
        const char *ifname; /* nameif; NULL for "global" */
        bool in;            /* in or out */
        bool global;
};

/* ---- NAT ------------------------------------------------------------- */

enum nat_kind {
        NAT_IOS_INSIDE_SOURCE, /* ip nat inside source list|route-map X (pool|interface) [overload]
                                */
        NAT_IOS_STATIC,        /* ip nat inside source static ... */
        NAT_IOS_OUTSIDE_SOURCE,
        NAT_LEGACY_EXEMPT,   /* ASA <8.3 / PIX: nat (if) 0 access-list ACL */
        NAT_LEGACY_IDENTITY, /* nat (if) 0 ADDR MASK */
        NAT_LEGACY_DYNAMIC,  /* nat (if) N ... (+ global (if) N ...) */
        NAT_LEGACY_POLICY,   /* nat (if) N access-list ACL */
        NAT_LEGACY_STATIC,   /* static (real,mapped) ... */
        NAT_OBJECT,          /* 8.3+ object network X / nat (real,mapped) static|dynamic ... */
        NAT_TWICE,           /* 8.3+ nat (real,mapped) [after-auto] source ... [destination ...] */
};

enum nat_xlate {
        NAT_XLATE_DYNAMIC,  /* PAT/dynamic: translates */
        NAT_XLATE_STATIC,   /* static to another address: translates */
        NAT_XLATE_IDENTITY, /* static to itself / nat 0: exempts */
};

struct nat_rule {
        struct loc loc;
        enum nat_kind kind;
        int section;  /* ASA 8.3+: 1 (twice), 2 (object), 3 (twice after-auto); 0 otherwise */
        size_t order; /* position within its section, config order (or "nat (if) N line") */
        const char *real_if, *mapped_if; /* nameif or IOS role; "any" allowed; NULL unknown */
        int nat_id;                      /* legacy "nat (if) N": N; -1 otherwise */
        /* Match: either an ACL / route-map by name, or explicit address sets. */
        const char *match_acl;       /* IOS list / legacy access-list */
        const char *match_route_map; /* IOS route-map */
        struct addrset real_src;     /* set when matching by addresses/objects */
        bool has_dst;                /* twice NAT / policy NAT with a destination */
        struct addrset real_dst;
        enum nat_xlate src_xlate;
        bool dst_identity;                             /* destination static X X */
        const char *mapped_src_text, *mapped_dst_text; /* as written */
        bool overload;
        const char *vrf; /* IOS "... vrf V": applies to that VRF's traffic only */
        bool no_proxy_arp, route_lookup, inactive;
        const char *object; /* NAT_OBJECT: the object network it lives in */
        /* As for struct ace: when set, model_finalize copies the resolved
         * objects' addresses into real_src / real_dst. */
        bool addrs_pending;
        const struct object *real_src_obj, *real_dst_obj;
};

struct route_map_entry {
        struct loc loc;
        const char *name;
        int seq;
        bool permit;
        struct ptrvec match_acls; /* const char *: "match ip address A B" */
};

/* ---- IKE phase 1 ----------------------------------------------------- */

/* Explicit-field bits of struct isakmp_policy.explicit_mask */
enum {
        P1_EXPL_ENCR = 1u << 0,
        P1_EXPL_HASH = 1u << 1,
        P1_EXPL_AUTH = 1u << 2,
        P1_EXPL_GROUP = 1u << 3,
        P1_EXPL_LIFETIME = 1u << 4,
};

struct isakmp_policy { /* IOS "crypto isakmp policy N", ASA "crypto isakmp|ikev1 policy N",
                          PIX "isakmp policy N ..." (one attribute per line) */
        struct loc loc;
        int priority;
        enum ike_encr encr;
        int key_bits; /* AES key size; 0 when not AES */
        enum ike_hash hash;
        enum ike_auth auth;
        int group;         /* DH group number */
        uint32_t lifetime; /* seconds; 0 = infinite (ASA/PIX "lifetime 0") */
        unsigned explicit_mask;
        bool implicit; /* a platform default policy that no line created */
};

/* IKEv2 (IOS "crypto ikev2 proposal" + "policy"; ASA "crypto ikev2 policy") */
struct ikev2_policy {
        struct loc loc;
        const char *name; /* IOS proposal/policy name; ASA: priority as text */
        int priority;     /* ASA priority; 0 on IOS */
        bool is_proposal; /* IOS "crypto ikev2 proposal" */
        enum ike_encr encr[8];
        int key_bits[8];
        size_t nencr;
        enum ike_hash integ[8];
        size_t ninteg;
        enum ike_hash prf[8];
        size_t nprf;
        int groups[8];
        size_t ngroups;
        uint32_t lifetime;         /* seconds, 0 = not set */
        struct ptrvec proposals;   /* IOS policy: const char * proposal names */
        struct ptrvec match_addrs; /* IOS policy "match address local": const char * */
        /* issue 11 (additive): IOS policy "match fvrf X|any" (NULL: the global table);
         * implicit: an IOS default proposal/policy that no line created (defaults.c) */
        const char *match_fvrf;
        bool implicit;
};

/* ---- keys ------------------------------------------------------------ */

enum psk_source {
        PSK_IOS_GLOBAL,        /* crypto isakmp key K address A [mask] [no-xauth] */
        PSK_IOS_KEYRING,       /* crypto keyring R / pre-shared-key address A key K */
        PSK_IOS_IKEV2_KEYRING, /* crypto ikev2 keyring R / peer P / pre-shared-key K */
        PSK_PIX,               /* PIX 6.x isakmp key K address A [netmask M] [no-xauth] */
        PSK_ASA_TUNNEL_GROUP,  /* tunnel-group X ipsec-attributes / [ikev1] pre-shared-key K */
        PSK_ASA_IKEV2_LOCAL,   /* ikev2 local-authentication pre-shared-key K */
        PSK_ASA_IKEV2_REMOTE,  /* ikev2 remote-authentication pre-shared-key K */
};

enum psk_dir { PSK_BOTH = 0, PSK_LOCAL, PSK_REMOTE };

struct psk {
        struct loc loc;
        enum psk_source source;
        bool has_addr;
        uint32_t addr, mask;      /* peer address / mask (mask 255.255.255.255 when a host) */
        const char *hostname;     /* "crypto isakmp key K hostname H" */
        const char *keyring;      /* keyring name for keyring keys, NULL otherwise */
        const char *tunnel_group; /* ASA: owning tunnel-group name */
        bool no_xauth;
        struct secret key;
        /* issue 11 (additive), IOS IKEv2 keyring peers: "pre-shared-key local K" is
         * only sent, "remote K" only verified, plain K both (Cisco FlexVPN guide,
         * "Configuring the IKEv2 Keyring": asymmetric pre-shared keys); the peer
         * block's name and its "identity address|fqdn|email|key-id X" */
        enum psk_dir dir;
        const char *peer_name;
        const char *identity; /* as written after "identity", e.g. "fqdn r2.example" */
};

struct keyring {
        struct loc loc;
        const char *name;
        bool ikev2;
        const char *vrf;
        /* its keys are in dev->psks with keyring == name */
};

struct ikev2_authz { /* IOS "crypto ikev2 authorization policy NAME" */
        struct loc loc;
        const char *name;
        const char *pool; /* "pool P": the clients' addresses, or NULL */
        struct loc pool_loc;
};

struct isakmp_profile { /* IOS crypto isakmp profile | crypto ikev2 profile */
        struct loc loc;
        const char *name;
        bool ikev2;
        struct ptrvec keyrings;       /* const char * */
        struct ptrvec match_ids;      /* struct profile_match * */
        const char *vrf;              /* isakmp profile "vrf X" / ikev2 "ivrf": the INSIDE VRF */
        const char *client_auth_list; /* client authentication list X (XAUTH) */
        const char *isakmp_authorization_list;
        const char *client_config_group; /* match identity group G */
        bool client_config_respond;
        int keepalive;            /* dpd/keepalive seconds, 0 = unset */
        bool initiate_aggressive; /* isakmp "initiate mode aggressive" */
        struct loc initiate_loc;
        const char *local_auth, *remote_auth; /* ikev2: "pre-share", "rsa-sig" */
        /* ikev2 "virtual-template N": the interface (as "Virtual-TemplateN") a
         * session of this profile is cloned from (FlexVPN server) */
        const char *virtual_template;
        /* issue 11 (additive), IKEv2 profiles: */
        unsigned v2_local_auth;  /* enum v2_auth: the one method this side signs with */
        unsigned v2_remote_auth; /* enum v2_auth bits: the methods the peer may use */
        struct loc local_auth_loc, remote_auth_loc;
        /* "authentication local|remote pre-share key K": keys of the profile itself,
         * used before the keyring (Cisco FlexVPN guide, IKEv2 profile) */
        bool has_local_key, has_remote_key;
        struct secret local_key, remote_key;
        const char *match_fvrf;    /* "match fvrf X|any"; NULL: the global table */
        struct ptrvec trustpoints; /* "pki trustpoint TP [sign|verify]": const char * */
        struct loc trustpoint_loc;
        uint32_t v2_lifetime; /* "lifetime S"; 0: the default 86400 */
        int dpd_retry;        /* "dpd N R on-demand|periodic" */
        bool dpd_periodic;
        struct loc dpd_loc;
        /* "identity local address A|fqdn F|email E|dn|key-id K"; IDENT_UNSET: the
         * address for pre-share, the DN for certificates (IOS default) */
        int local_id; /* enum ike_identity (ike/vocab.h) */
        const char *local_id_text;
        struct loc match_loc; /* the first "match identity" line */
        /* ikev2 "aaa authorization group|user psk|eap|cert list L [P]" and
         * "... cached [P]": the authorization policies P it names */
        struct ptrvec authz_policies; /* const char * */
};

struct profile_match {
        struct loc loc;
        bool is_addr;
        uint32_t addr, mask;
        const char *vrf;  /* "match identity address A [M] VRF": the front-door VRF */
        const char *text; /* group name, fqdn, ... */
        /* issue 11 (additive): what the line matches ("address", "fqdn", "email",
         * "key-id", "dn", "host", "group", "user"), and "fqdn|email domain D" */
        const char *kind;
        bool domain;
};

/* IOS Easy VPN server group: crypto isakmp client configuration group G */
struct client_group {
        struct loc loc;
        const char *name;
        struct secret key;
        struct loc key_loc;
        const char *pool;
        const char *split_acl; /* "acl X" */
        struct ptrvec dns;     /* const char * */
        const char *domain;
        bool save_password;
        int max_users, max_logins;
};

/* ---- global IKE settings --------------------------------------------- */

enum tristate { TRI_UNSET = 0, TRI_ON, TRI_OFF };

struct iface_ref { /* "crypto isakmp enable outside" and similar */
        struct loc loc;
        const char *ifname;
};

struct ike_global {
        enum ike_identity identity;
        struct loc identity_loc;
        /* keepalive / DPD (IOS global "crypto isakmp keepalive S [R] [periodic|on-demand]") */
        int keepalive, keepalive_retry;
        bool keepalive_periodic;
        struct loc keepalive_loc;
        /* NAT-T */
        enum tristate nat_t; /* explicit on/off; finalize fills the default */
        bool nat_t_explicit;
        int nat_t_keepalive; /* ASA "crypto isakmp nat-traversal N"; IOS "crypto isakmp nat
                                keepalive N" */
        struct loc nat_t_loc;
        /* ISAKMP enablement */
        struct ptrvec ikev1_enabled; /* struct iface_ref *: ASA/PIX nameifs */
        struct ptrvec ikev2_enabled; /* struct iface_ref * */
        bool ios_isakmp_disabled;    /* IOS "no crypto isakmp enable" */
        struct loc ios_isakmp_disabled_loc;
        bool aggressive_mode_disabled; /* "crypto isakmp am-disable" / "crypto ikev1 am-disable" */
        bool ipsec_over_tcp;           /* ASA "crypto isakmp ipsec-over-tcp" */
        bool uses_ikev1_keywords;      /* saw ASA 8.4+ "crypto ikev1 ..." syntax */
        bool ios_default_policy_disabled; /* IOS "no crypto isakmp default policy" */
        bool nat_t_keepalive_default;     /* nat_t_keepalive was filled by finalize */
};

/* ---- phase 2 --------------------------------------------------------- */

enum ipsec_mode { MODE_TUNNEL = 0, MODE_TRANSPORT };

struct transform_set { /* IKEv1 transform set, or an ASA ikev2 ipsec-proposal */
        struct loc loc;
        const char *name;
        bool ikev2; /* ASA "crypto ipsec ikev2 ipsec-proposal" */
        /* ESP encryption choices: one for a transform set, several for an ikev2 proposal */
        enum ike_encr esp_encr[8];
        int esp_key_bits[8];
        size_t nesp_encr;
        enum ike_hash esp_hash[8]; /* HASH_NONE alone: no ESP integrity */
        size_t nesp_hash;
        enum ike_hash ah_hash; /* HASH_NONE: no AH */
        bool comp_lzs;
        enum ipsec_mode mode;
        bool mode_require; /* IOS "mode transport require": no fallback to tunnel mode */
        bool mode_explicit;
        struct loc mode_loc;
        const char *text; /* the transforms as written, for messages */
};

struct crypto_map_entry {
        struct loc loc;  /* the line that created the entry */
        const char *map; /* owning map (crypto map or dynamic map) name */
        int seq;
        bool dynamic_template;   /* an entry of a "crypto dynamic-map" */
        bool is_dynamic_ref;     /* "crypto map M N ipsec-isakmp dynamic D" */
        const char *dynamic_map; /* D, when is_dynamic_ref */
        bool ipsec_manual;       /* "ipsec-manual": not negotiated */
        bool gdoi;
        const char *match_acl;
        struct loc match_loc;
        struct ptrvec peers; /* struct cm_peer *, in order: first is primary */
        struct ptrvec tsets; /* const char *: IKEv1 transform sets, in order */
        struct loc tsets_loc;
        struct ptrvec ikev2_proposals; /* const char *: ASA set ikev2 ipsec-proposal */
        struct loc ikev2_proposals_loc;
        int pfs_group; /* 0 none; else DH group */
        bool pfs_set;  /* "set pfs" present (IOS without group means group1) */
        struct loc pfs_loc;
        uint32_t lifetime_sec, lifetime_kb; /* 0 = not set (global applies) */
        struct loc lifetime_loc;
        bool reverse_route;
        struct loc reverse_route_loc;
        const char *isakmp_profile;
        bool nat_t_disable;
        bool phase1_aggressive; /* ASA "set phase1-mode aggressive" */
        struct loc phase1_loc;
        const char *connection_type; /* answer-only, originate-only, bidirectional */
        const char *trustpoint;
        bool incomplete_warned;    /* transcript contained "WARNING: crypto map entry incomplete" */
        const char *ikev2_profile; /* IOS "set ikev2-profile P" */
        bool ipsec_isakmp;         /* IOS entry type "ipsec-isakmp" written (or implied) */
};

struct cm_peer {
        struct loc loc;
        bool is_addr;
        uint32_t addr;
        const char *text; /* as written (hostname when !is_addr) */
};

struct crypto_map {
        struct loc loc;
        const char *name;      /* case-sensitive */
        bool dynamic;          /* a crypto dynamic-map */
        struct ptrvec entries; /* struct crypto_map_entry *, sorted by seq by finalize */
        /* Highest seq ever created (never lowered on removal): a seq above it is
         * new, so configs written in ascending order never scan the entries. */
        int max_seq;
        /* IOS map-level settings ("crypto map M client ...", "crypto map M local-address IF") */
        const char *client_auth_list; /* client authentication list X (XAUTH) */
        struct loc client_auth_loc;
        const char *isakmp_authorization_list; /* isakmp authorization list X */
        bool client_config_respond;            /* client configuration address respond */
        bool client_config_initiate;           /* client configuration address initiate */
        const char *local_address;             /* interface name */
        struct loc local_address_loc;
};

struct crypto_map_binding { /* IOS interface "crypto map M"; ASA "crypto map M interface IF" */
        struct loc loc;
        const char *map;
        const char *ifname; /* ASA nameif / IOS interface name */
};

struct ipsec_profile { /* IOS crypto ipsec profile P */
        struct loc loc;
        const char *name;
        struct ptrvec tsets; /* const char * */
        int pfs_group;
        bool pfs_set;
        uint32_t lifetime_sec, lifetime_kb;
        const char *ikev2_profile;
        const char *isakmp_profile;
};

struct ipsec_global {
        uint32_t lifetime_sec, lifetime_kb; /* 0 = not set; finalize fills defaults */
        bool lifetime_sec_explicit, lifetime_kb_explicit;
        struct loc lifetime_loc;
        int idle_time; /* IOS crypto ipsec security-association idle-time S; 0 = off */
        struct loc idle_time_loc;
        int replay_window; /* 0 = default (64) */
        bool replay_disabled;
        struct loc replay_loc;
        const char *df_bit;
};

/* ---- remote access (ASA) --------------------------------------------- */

enum tg_type { TG_UNSET = 0, TG_L2L, TG_RA, TG_WEBVPN, TG_OTHER };

struct tunnel_group {
        struct loc loc;
        const char *name; /* a peer address for L2L, a group name for RA */
        enum tg_type type;
        struct loc type_loc;
        bool name_is_addr;
        uint32_t addr;
        /* general-attributes */
        const char *default_group_policy;
        struct loc dgp_loc;
        struct ptrvec address_pools; /* const char * */
        struct loc pools_loc;
        const char *auth_server_group;
        struct ptrvec dhcp_servers; /* const char * */
        /* ipsec-attributes */
        bool has_psk; /* the key itself is in dev->psks (tunnel_group = name) */
        struct loc psk_loc;
        int keepalive_threshold, keepalive_retry; /* 0 = unset */
        bool keepalive_disabled;
        bool keepalive_set;
        struct loc keepalive_loc;
        enum tristate ikev1_user_auth; /* isakmp ikev1-user-authentication none -> TRI_OFF */
        struct loc user_auth_loc;
        const char *trustpoint;
        const char *peer_id_validate;
        /* issue 11 (additive): "ikev2 local-authentication pre-shared-key|certificate TP"
         * and "ikev2 remote-authentication pre-shared-key|certificate" (enum v2_auth;
         * 0: not configured) */
        unsigned v2_local_auth, v2_remote_auth;
        const char *v2_local_trustpoint;
        struct loc v2_auth_loc;
};

/* vpn-tunnel-protocol bits */
enum {
        VPN_PROTO_IPSEC = 1u << 0, /* "IPSec" (pre-8.4), "ikev1" (8.4+) */
        VPN_PROTO_IKEV2 = 1u << 1,
        VPN_PROTO_L2TP = 1u << 2,
        VPN_PROTO_WEBVPN = 1u << 3,
        VPN_PROTO_SSL_CLIENT = 1u << 4, /* svc, ssl-client, anyconnect */
        VPN_PROTO_CLIENTLESS = 1u << 5,
};

enum split_policy {
        SPLIT_UNSET = 0,
        SPLIT_TUNNELALL,
        SPLIT_TUNNELSPECIFIED,
        SPLIT_EXCLUDESPECIFIED
};

/*
 * Group-policy attributes: each has a "set" flag. An unset attribute is
 * inherited from DfltGrpPolicy, then from the platform default; use
 * group_policy_effective() rather than reading these directly.
 */
struct gp_attrs {
        bool tunnel_protocols_set;
        unsigned tunnel_protocols;
        struct loc tunnel_protocols_loc;
        bool split_policy_set;
        enum split_policy split_policy;
        struct loc split_policy_loc;
        bool split_acl_set;
        const char *split_acl; /* split-tunnel-network-list value X; NULL for "none" */
        struct loc split_acl_loc;
        bool dns_set;
        struct ptrvec dns_servers; /* const char * */
        struct loc dns_loc;
        bool domain_set;
        const char *default_domain;
        bool pools_set;
        struct ptrvec address_pools; /* const char * */
        struct loc pools_loc;
        bool pfs_set;
        bool pfs;
        struct loc pfs_loc;
        bool idle_timeout_set;
        int idle_timeout_min; /* -1 = none */
        struct loc idle_timeout_loc;
        bool session_timeout_set;
        int session_timeout_min; /* -1 = none */
        struct loc session_timeout_loc;
        bool logins_set;
        int simultaneous_logins;
        struct loc logins_loc;
        bool re_xauth_set;
        bool re_xauth;
        bool group_lock_set;
        const char *group_lock;
        /* "nem enable|disable": network extension mode, used only by hardware
         * Easy VPN clients (ezvpn-xauth). Not yet filled by the readers and not
         * inherited by group_policy_effective(): ezvpn-xauth inherits it. */
        bool nem_set;
        bool nem;
        struct loc nem_loc;
};

struct group_policy {
        struct loc loc;
        const char *name;
        bool internal; /* "internal" or "external" */
        bool external;
        struct gp_attrs a;
};

struct username {
        struct loc loc;
        const char *name;
        struct secret password; /* never printed */
        int privilege;
        struct gp_attrs a; /* "username X attributes" subset */
};

struct local_pool {
        struct loc loc;
        const char *name;
        uint32_t lo, hi;
        bool has_mask;
        uint32_t mask;
        bool ipv6;
};

struct aaa_host {
        struct loc loc;
        const char *group;
        const char *ifname;
        uint32_t addr;
        int timeout; /* seconds; 0 = default */
        struct loc timeout_loc;
};

struct aaa_group {
        struct loc loc;
        const char *name;
        const char *protocol; /* radius, tacacs+, ldap, ... */
};

/* ---- other settings -------------------------------------------------- */

struct sysopt {
        enum tristate permit_vpn; /* ASA 7.1+ sysopt connection permit-vpn */
        struct loc permit_vpn_loc;
        enum tristate permit_ipsec; /* PIX / ASA 7.0 sysopt connection permit-ipsec */
        struct loc permit_ipsec_loc;
        int tcpmss; /* 0 = unset */
        struct loc tcpmss_loc;
        enum tristate preserve_vpn_flows;
        struct loc preserve_loc;
};

struct threat_detection {
        enum tristate basic_threat, scanning_threat, scanning_shun, statistics, rate;
        struct loc loc; /* first threat-detection line */
};

/* An inline suppression: ids silenced on line `target` (the next config
 * line after the comment), or in the whole file. */
struct suppression {
        struct loc loc;
        const char *ids; /* comma-separated IDs, or "all" */
        uint32_t target; /* 0 with file_wide */
        bool file_wide;  /* "ignore-file=" */
};

struct device {
        struct arena arena;
        const char *file;     /* input file name ("-" for stdin) */
        const char *hostname; /* NULL when none */
        struct loc hostname_loc;
        const char *domain;
        enum platform platform;
        bool platform_forced;
        struct version version;
        /* The input is a section of a config, not a whole one: no version line
         * and no hostname (a "show running-config crypto map" paste, a vendor
         * template to merge into a running config). An element it does not
         * show may still exist on the device (config.c sets it; checks ask
         * excerpt_unseen() before calling a referenced element missing). */
        bool excerpt;

        struct ptrvec ifaces;        /* struct iface * */
        struct ptrvec routes;        /* struct route * */
        struct ptrvec names;         /* struct name_alias * */
        struct ptrvec objects;       /* struct object * */
        struct ptrvec acls;          /* struct acl * */
        struct ptrvec access_groups; /* struct access_group * */
        struct ptrvec nat_rules;  /* struct nat_rule *: config order; model_nat_ordered() sorts */
        struct ptrvec nat_order;  /* the same rules in evaluation order (finalize; nat_eval.h) */
        struct ptrvec route_maps; /* struct route_map_entry * */

        struct ptrvec isakmp_policies; /* struct isakmp_policy *, sorted by priority in finalize */
        struct ptrvec ikev2_policies;  /* struct ikev2_policy * */
        struct ptrvec psks;            /* struct psk * */
        struct ptrvec keyrings;        /* struct keyring * */
        struct ptrvec isakmp_profiles; /* struct isakmp_profile * */
        struct ptrvec client_groups;   /* struct client_group * */
        struct ike_global ike;

        struct ptrvec tsets;          /* struct transform_set * */
        struct ptrvec crypto_maps;    /* struct crypto_map * (static and dynamic) */
        struct ptrvec cmap_bindings;  /* struct crypto_map_binding * */
        struct ptrvec ipsec_profiles; /* struct ipsec_profile * */
        struct ipsec_global ipsec;

        struct ptrvec tunnel_groups;  /* struct tunnel_group * */
        struct ptrvec group_policies; /* struct group_policy * */
        struct ptrvec usernames;      /* struct username * */
        struct ptrvec pools;          /* struct local_pool * */
        struct ptrvec aaa_groups;     /* struct aaa_group * */
        struct ptrvec aaa_hosts;      /* struct aaa_host * */

        struct sysopt sysopt;
        enum tristate same_sec_inter, same_sec_intra;
        struct loc same_sec_intra_loc;
        const char *management_access; /* nameif */
        struct loc management_access_loc;
        struct threat_detection threat;
        struct ptrvec audit_sig_disabled; /* struct iface_ref *: text = signature number */
        struct ptrvec noproxyarp;         /* struct iface_ref *: ASA "sysopt noproxyarp IF" */
        struct ptrvec ikev2_authz; /* struct ikev2_authz *: IOS crypto ikev2 authorization policy */
        int logging_queue;         /* -1 = not set */
        struct loc logging_queue_loc;
        int max_sessions; /* vpn-sessiondb max-session-limit; 0 = unset */
        struct loc max_sessions_loc;
        const char *ssl_trustpoint;
        /* A routing protocol process ("router ospf|eigrp|bgp|rip|isis|odr"):
         * the routes it learns are not in the config. dyn_routing NULL: none. */
        const char *dyn_routing;
        struct loc dyn_routing_loc;
        /* ASA "tunnel-group-map MAP N TG": a certificate map rule picks the
         * tunnel-group of a peer that authenticates with a certificate. */
        struct loc tg_map_rule_loc; /* line 0: none */
        /* SSL VPN, not IPsec: IOS "webvpn gateway|context NAME", ASA "webvpn". */
        struct ptrvec ssl_vpn; /* struct loc * of each opener line */
        /* Address pools that lines not modelled otherwise hand out (const char *):
         * PIX 6 "vpngroup G address-pool P", IOS "crypto isakmp client
         * configuration address-pool local P". model/in_use.c asks. */
        struct ptrvec pool_refs;

        /* "! ipsec-doctor: ignore=ID[,ID]" comments (config.c), for check's
         * inline suppressions. */
        struct ptrvec suppressions; /* struct suppression * */

        /* Lines the reader did not understand, in order (scrubbed of secrets). */
        struct ptrvec unknown; /* struct loc * */
        /* The unknown lines inside a VPN context (crypto, tunnel-group,
         * group-policy, NAT, interface, ...): config/vpn_context.c. */
        struct ptrvec unknown_vpn; /* struct loc *, a subset of unknown */
        size_t nlines;             /* logical lines read */
        size_t nskipped;           /* lines that were not config (show output, banners) */

        /* name indexes, maintained by the model_add_* / model_get_* helpers */
        struct strmap by_acl, by_object, by_cmap, by_tg, by_gp, by_tset, by_iface, by_nameif,
            by_pool, by_name_alias, by_profile, by_ipsec_profile, by_keyring, by_client_group,
            by_username;
};

/* ---- lifecycle ------------------------------------------------------- */

/* A new empty device; file is copied into its arena. NULL on OOM. */
struct device *model_new(const char *file);
void model_free(struct device *dev);

/*
 * After a reader has filled the device: sort lists that have an order
 * (policies by priority, crypto map entries by seq), resolve pending
 * object-group members, and fill platform/version defaults (defaults.c).
 * Returns 0, or -1 when the arena is exhausted.
 */
int model_finalize(struct device *dev);

/* ---- get-or-create and lookups (model.c) ----------------------------- */
/* get_* return NULL when absent; obtain_* create it (at loc) when absent. */

struct acl *model_get_acl(const struct device *dev, const char *name);
struct acl *model_obtain_acl(struct device *dev, const char *name, const struct loc *loc);
struct object *model_get_object(const struct device *dev, const char *name);
struct object *model_obtain_object(struct device *dev, const char *name, enum object_kind kind,
                                   bool is_group, const struct loc *loc);
struct crypto_map *model_get_cmap(const struct device *dev, const char *name);
/* The static (dynamic = false) or dynamic map of that name, or NULL; never creates. */
struct crypto_map *model_find_cmap(const struct device *dev, const char *name, bool dynamic);
struct crypto_map *model_obtain_cmap(struct device *dev, const char *name, bool dynamic,
                                     const struct loc *loc);
struct crypto_map_entry *model_cmap_entry(struct device *dev, struct crypto_map *m, int seq,
                                          const struct loc *loc); /* get-or-create */
struct tunnel_group *model_get_tg(const struct device *dev, const char *name);
struct tunnel_group *model_obtain_tg(struct device *dev, const char *name, const struct loc *loc);
struct group_policy *model_get_gp(const struct device *dev, const char *name);
struct group_policy *model_obtain_gp(struct device *dev, const char *name, const struct loc *loc);
struct transform_set *model_get_tset(const struct device *dev, const char *name);
struct transform_set *model_obtain_tset(struct device *dev, const char *name,
                                        const struct loc *loc);
struct iface *model_get_iface(const struct device *dev, const char *name); /* hardware name */
struct iface *model_get_nameif(const struct device *dev, const char *nameif);
struct iface *model_obtain_iface(struct device *dev, const char *name, const struct loc *loc);
int model_set_nameif(struct device *dev, struct iface *ifc, const char *nameif);
struct local_pool *model_get_pool(const struct device *dev, const char *name);
struct name_alias *model_get_name_alias(const struct device *dev, const char *name);
struct isakmp_profile *model_get_profile(const struct device *dev, const char *name);
struct ipsec_profile *model_get_ipsec_profile(const struct device *dev, const char *name);
struct keyring *model_get_keyring(const struct device *dev, const char *name);
struct client_group *model_get_client_group(const struct device *dev, const char *name);
struct username *model_get_username(const struct device *dev, const char *name);
/* Get-or-create by name; a new element gets loc. NULL on OOM. */
struct keyring *model_obtain_keyring(struct device *dev, const char *name, const struct loc *loc);
struct isakmp_profile *model_obtain_profile(struct device *dev, const char *name,
                                            const struct loc *loc);
struct ipsec_profile *model_obtain_ipsec_profile(struct device *dev, const char *name,
                                                 const struct loc *loc);
struct client_group *model_obtain_client_group(struct device *dev, const char *name,
                                               const struct loc *loc);
/* Adds an element created by the reader to its list and, where named, its index. */
int model_add_pool(struct device *dev, struct local_pool *p);
int model_add_name_alias(struct device *dev, struct name_alias *n);
int model_add_profile(struct device *dev, struct isakmp_profile *p);
int model_add_ipsec_profile(struct device *dev, struct ipsec_profile *p);
int model_add_keyring(struct device *dev, struct keyring *k);
int model_add_client_group(struct device *dev, struct client_group *g);
int model_add_username(struct device *dev, struct username *u);

/* A new element in the device arena, its loc copied. NULL on OOM. */
void *model_alloc(struct device *dev, size_t size);
char *model_strdup(struct device *dev, const char *s);
/* Records an unknown line (text already scrubbed by the reader). */
int model_add_unknown(struct device *dev, const struct loc *loc);

/* ---- questions the analyses ask (model/query.c, flowset.c, nat_eval.c) */

/* The nameif (ASA) or interface name (IOS) that the route lookup sends dst to;
 * NULL when no route matches. Longest prefix, then lowest distance. Connected
 * networks of interfaces count as routes. */
const struct iface *model_route_lookup(const struct device *dev, uint32_t dst,
                                       const struct route **via);
/* The interface a static route sends by: its exit interface, else the
 * connected network (or, recursively, the route) that holds its next hop.
 * NULL when it does not resolve. */
const struct iface *model_route_exit(const struct device *dev, const struct route *r);

/* Effective group-policy attributes: gp's own, then DfltGrpPolicy's, then the
 * platform defaults (defaults.c). gp may be NULL (DfltGrpPolicy alone). */
void group_policy_effective(const struct device *dev, const struct group_policy *gp,
                            struct gp_attrs *out);

#endif
