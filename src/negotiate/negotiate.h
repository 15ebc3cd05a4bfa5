/*
 * Negotiation decisions as pure functions (design-notes.md): each takes
 * parameter structs, never a struct device, so that `tunnel` can feed them
 * from two config models and a live test can feed them from packets.
 * Every function cites the rule it implements in p1.c, p2.c and ikev2.c.
 */
#ifndef IPSD_NEGOTIATE_H
#define IPSD_NEGOTIATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../ike/vocab.h" /* algorithms, methods, groups, identities */
#include "../model/model.h"
#include "../util/secret.h"

/* ---- phase 1 (IKEv1) ------------------------------------------------- */

struct p1_prop { /* one ISAKMP policy as proposed or held */
        int priority;
        enum ike_encr encr;
        int key_bits; /* AES only; 0 otherwise */
        enum ike_hash hash;
        enum ike_auth auth;
        int group;
        uint32_t lifetime; /* seconds; 0 = infinite */
};

struct p1_choice {
        bool ok;
        size_t ini, resp;  /* indices of the chosen proposal / responder policy */
        uint32_t lifetime; /* the lifetime the SA gets (the shorter) */
        bool lifetime_differs;
        bool responder_lifetime_notify; /* ASA answered a longer proposal with RESPONDER-LIFETIME */
        /* When !ok: a pair that matched in everything but the lifetime (IOS rule). */
        bool lifetime_only;
        size_t lt_ini, lt_resp;
        enum platform assumed; /* the responder platform whose lifetime rule was applied */
};

/* True when two proposals agree on encryption (with key size), hash,
 * authentication and DH group. */
bool p1_attrs_equal(const struct p1_prop *a, const struct p1_prop *b);
struct p1_choice p1_select(const struct p1_prop *ini, size_t ni, const struct p1_prop *resp,
                           size_t nr, enum platform resp_platform);

enum psk_verdict {
        PSKV_EQUAL,
        PSKV_DIFFERENT,
        PSKV_UNKNOWN,      /* masked or encrypted on a side: cannot compare */
        PSKV_NO_INITIATOR, /* the initiator has no key for the responder */
        PSKV_NO_RESPONDER, /* the responder has no key for the initiator */
};
/* a / b NULL or SECRET_ABSENT: no key on that side. */
enum psk_verdict psk_decide(const struct secret *ini, const struct secret *resp);

enum ident_verdict { IDV_OK, IDV_MISMATCH };
/* The identity each side sends; IDENT_UNSET counts as address. */
enum ident_verdict ident_decide(enum ike_identity ini, enum ike_identity resp, bool psk);

/* Is an L2L initiator stopped by an XAUTH request? */
bool xauth_blocks(bool responder_asks, bool key_no_xauth, bool initiator_answers);

/* ---- phase 2 (IKEv1 Quick Mode) -------------------------------------- */

struct p2_xform { /* one transform: ESP encryption + ESP hash + mode */
        enum ike_encr encr;
        int key_bits;
        enum ike_hash hash;
        enum ipsec_mode mode;
        bool require;     /* transport mode without fallback to tunnel mode */
        size_t set;       /* index of the transform set it came from */
        enum ike_hash ah; /* AH integrity of the set (ah-md5-hmac ...); HASH_NONE: no AH */
};

struct p2_choice {
        bool ok;
        size_t ini, resp;
        bool mode_differs;       /* transport on one side, tunnel on the other */
        enum ipsec_mode sa_mode; /* the mode the SA gets */
};
struct p2_choice p2_select(const struct p2_xform *ini, size_t ni, const struct p2_xform *resp,
                           size_t nr);

enum pfs_verdict {
        PFSV_OK,       /* both the same group, or neither */
        PFSV_MISMATCH, /* responder requires PFS the initiator does not offer, or groups differ */
        PFSV_OFFER_ACCEPTED, /* initiator offers, responder has none: accepted (IOS) */
        PFSV_OFFER_REFUSED,  /* initiator offers, responder has none: refused (assumed, ASA/PIX) */
};
/* Groups: 0 = no PFS. resp_default: responder wrote "set pfs" without a group. */
enum pfs_verdict pfs_decide(int ini_group, int resp_group, bool resp_default,
                            enum platform resp_platform);

struct proxy_entry {                 /* one responder crypto map entry's selectors */
        const struct flowbox *boxes; /* permit boxes, the responder's view */
        size_t nboxes;
        bool dynamic; /* a dynamic-map entry */
        bool any;     /* a template without an ACL: takes whatever is proposed */
        bool exact;   /* a tunnel interface: only its own selectors, no subset */
};

enum proxy_verdict { PROXYV_OK, PROXYV_DYNAMIC_FALLTHROUGH, PROXYV_NONE };
struct proxy_choice {
        enum proxy_verdict v;
        size_t entry, box;
};
/* proposal: the initiator's ACE, in the initiator's view (src = its side). */
struct proxy_choice proxy_select(const struct flowbox *proposal, const struct proxy_entry *e,
                                 size_t n);

struct life_choice {
        uint32_t value; /* the one the SA uses; 0 when neither is set */
        bool differ;
        bool from_ini; /* the initiator's value is the shorter */
};
/* 0 = not set (the other side's value applies). */
struct life_choice life_decide(uint32_t ini, uint32_t resp);

/* ---- IKEv2 ----------------------------------------------------------- */

struct v2_prop {
        enum ike_encr encr[8];
        int key_bits[8];
        size_t nencr;
        enum ike_hash integ[8];
        size_t ninteg;
        enum ike_hash prf[8];
        size_t nprf;
        int groups[8];
        size_t ngroups;
};

struct v2_choice {
        bool ok;
        size_t ini, resp;
        enum ike_encr encr;
        int key_bits;
        enum ike_hash integ, prf;
        int group;
        int ke_sent;     /* the group of the initiator's first KEi */
        bool invalid_ke; /* the responder answered INVALID_KE_PAYLOAD(group) first */
};
struct v2_choice v2_sa_init_select(const struct v2_prop *ini, size_t ni, const struct v2_prop *resp,
                                   size_t nr);

/* IKE_AUTH, one direction: the signer's AUTH payload as the verifier checks
 * it (RFC 7296 section 2.15: each end authenticates with its own method,
 * which may differ from the other's). */
struct v2_auth_end {
        unsigned local;   /* enum v2_auth: the one method this end signs with; 0 unknown */
        unsigned remote;  /* enum v2_auth bits it accepts from the peer; 0 unknown */
        bool cert_sign;   /* a trustpoint to sign with (IOS pki trustpoint, ASA local TP) */
        bool cert_verify; /* a trustpoint to validate the peer's certificate */
        struct secret local_key, remote_key; /* PSK sent / verified (SECRET_ABSENT: none) */
};
enum v2_auth_verdict {
        V2A_OK,
        V2A_METHOD_REFUSED,  /* the verifier does not accept the signer's method */
        V2A_NO_SIGNER_KEY,   /* PSK: the signer has no key for the peer */
        V2A_NO_VERIFIER_KEY, /* PSK: the verifier has no key for the peer */
        V2A_KEYS_DIFFER,
        V2A_KEYS_UNKNOWN,         /* masked or encrypted: cannot compare (not a failure) */
        V2A_NO_SIGN_TRUSTPOINT,   /* certificate: nothing to sign with */
        V2A_NO_VERIFY_TRUSTPOINT, /* certificate: nothing to validate with */
};
enum v2_auth_verdict v2_auth_check(const struct v2_auth_end *signer,
                                   const struct v2_auth_end *verifier);

/* The first Child SA's transforms (RFC 7296 section 3.3: ESP encryption and
 * integrity; the mode is not a transform: section 1.3.1, the initiator asks
 * for transport mode with USE_TRANSPORT_MODE and a responder that does not
 * accept it creates a tunnel-mode SA). *mode gets the mode the SA uses:
 * transport only when both ends want it. */
struct p2_choice v2_child_select(const struct p2_xform *ini, size_t ni, const struct p2_xform *resp,
                                 size_t nr, enum ipsec_mode *mode);

/* IKE_AUTH traffic selectors: the responder narrows the proposal to the
 * mirror of its own selector; false when nothing is left. */
bool v2_ts_narrow(const struct flowbox *proposal, const struct flowbox *resp_own,
                  struct flowbox *narrowed);

#endif
