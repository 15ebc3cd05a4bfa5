/*
 * The ISAKMP (IKEv1, RFC 2408/2409) and IKEv2 (RFC 7296) message decoder.
 *
 * Discipline (as OpenIKED's ikev2_pld.c): validate, then handle. Every
 * length is checked against the bytes that hold it before anything is read
 * (rd.h); nothing is cast onto the bytes; nothing is allocated: a decoded
 * message is a fixed-size struct of views into the caller's buffer, so the
 * buffer must outlive it. Payload bodies are decoded on demand by the
 * functions below, each an entry point of its own with a fuzz target.
 *
 * Unknown payload types are walked by their generic header's length and
 * kept (type, body): Cisco IOS sends a 24-byte payload of type 15 after its
 * vendor IDs in MM3/MM4, which is not the GDOI SAK that number names.
 *
 * Errors: functions return 0 (or 1 for "got one" in iterators) and -1 with
 * a struct wire_err saying at which offset what is wrong.
 */
#ifndef IPSD_WIRE_IKE_H
#define IPSD_WIRE_IKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rd.h"

#define IKE_HDR_LEN    28
#define IKE_PL_HDR_LEN 4
/* Payloads kept per message. A real one carries fewer than 30 (an MM1
 * with a dozen vendor IDs); the rest are still walked and counted. */
#define IKE_MAX_PAYLOADS 64

struct wire_err {
        size_t off;    /* offset in the view that was being decoded */
        char what[96]; /* "payload length 3 is under 4" */
};

/* ---- header ---------------------------------------------------------- */

enum ike_hdr_flags {
        IKE_F_V1_ENCRYPTION = 0x01, /* RFC 2408 3.1 */
        IKE_F_V1_COMMIT = 0x02,
        IKE_F_V1_AUTH_ONLY = 0x04,
        IKE_F_V2_INITIATOR = 0x08, /* RFC 7296 3.1 */
        IKE_F_V2_VERSION = 0x10,
        IKE_F_V2_RESPONSE = 0x20,
};

struct ike_hdr {
        uint8_t ispi[8], rspi[8]; /* initiator / responder cookie or SPI */
        uint8_t next;             /* first payload */
        uint8_t major, minor;
        uint8_t exchange;
        uint8_t flags;
        uint32_t msgid;
        uint32_t length;
};

/* ---- payload chain ---------------------------------------------------- */

/* IKEv1 payload types (RFC 2408 3.1, RFC 3947, RFC 6407, draft
 * dukes-ike-mode-cfg) and IKEv2 ones (RFC 7296 3.2, RFC 7383). */
enum ike_pl_type {
        PL_NONE = 0,
        /* IKEv1 */
        PL_V1_SA = 1,
        PL_V1_PROPOSAL = 2,
        PL_V1_TRANSFORM = 3,
        PL_V1_KE = 4,
        PL_V1_ID = 5,
        PL_V1_CERT = 6,
        PL_V1_CR = 7,
        PL_V1_HASH = 8,
        PL_V1_SIG = 9,
        PL_V1_NONCE = 10,
        PL_V1_NOTIFY = 11,
        PL_V1_DELETE = 12,
        PL_V1_VID = 13,
        PL_V1_ATTR = 14, /* Mode-Config / XAUTH attributes */
        PL_V1_SAK = 15,  /* GDOI (RFC 6407); also Cisco IOS's private MM3/MM4 payload */
        PL_V1_NATD = 20, /* RFC 3947 */
        PL_V1_NATOA = 21,
        PL_V1_NATD_DRAFT = 130, /* draft-ietf-ipsec-nat-t-ike-02/03 */
        PL_V1_NATOA_DRAFT = 131,
        PL_V1_FRAG = 132, /* Cisco IKE fragmentation (also racoon's ISAKMP_NPTYPE_FRAG) */
        /* IKEv2 */
        PL_V2_SA = 33,
        PL_V2_KE = 34,
        PL_V2_IDI = 35,
        PL_V2_IDR = 36,
        PL_V2_CERT = 37,
        PL_V2_CERTREQ = 38,
        PL_V2_AUTH = 39,
        PL_V2_NONCE = 40,
        PL_V2_NOTIFY = 41,
        PL_V2_DELETE = 42,
        PL_V2_VID = 43,
        PL_V2_TSI = 44,
        PL_V2_TSR = 45,
        PL_V2_SK = 46,
        PL_V2_CP = 47,
        PL_V2_EAP = 48,
        PL_V2_GSPM = 49, /* RFC 6467 */
        PL_V2_SKF = 53,  /* RFC 7383 */
        PL_V2_PS = 54,   /* RFC 8019 */
};

struct ike_payload {
        uint8_t type;
        uint8_t next;          /* as written in its generic header */
        bool critical;         /* IKEv2 critical bit */
        uint32_t offset;       /* of its generic header in the message */
        struct wire_view body; /* after the 4-byte generic header */
};

struct ike_msg {
        struct ike_hdr hdr;
        int version; /* 1 or 2, from the major version */
        struct ike_payload pl[IKE_MAX_PAYLOADS];
        size_t npl;      /* kept in pl[] */
        size_t npl_seen; /* walked (more than npl past IKE_MAX_PAYLOADS) */
        /* IKEv1 with the E flag: everything after the header is ciphertext,
         * whose first payload is hdr.next */
        bool encrypted;
        struct wire_view ciphertext;
        size_t trailing; /* bytes inside hdr.length after a payload whose next is 0 */
        size_t extra;    /* bytes of the datagram past hdr.length */
};

/* Decodes the header and walks the payload chain. IKEv2's SK (or SKF)
 * payload ends the walk: its body is IV, ciphertext and ICV, and its next
 * field names the first payload inside. */
int ike_msg_decode(const uint8_t *p, size_t len, struct ike_msg *m, struct wire_err *e);
/* A payload chain on its own: the plaintext of an IKEv1 message or of an
 * IKEv2 SK payload (its padding removed by the caller, or left as
 * m->trailing), the first payload's type given (the header's or the SK
 * payload's next field). Fills m's payloads and trailing, sets m->version,
 * leaves m->hdr alone; offsets are into p. With IKE_CHAIN_STRICT every
 * payload must be of a known type with its reserved bits clear: what a
 * wrong key's output fails (it never decides alone: see capture/). */
#define IKE_CHAIN_STRICT 1u
int ike_chain_decode(const uint8_t *p, size_t len, int version, uint8_t first, unsigned flags,
                     struct ike_msg *m, struct wire_err *e);
/* The first payload of a type, or NULL. */
const struct ike_payload *ike_msg_find(const struct ike_msg *m, uint8_t type);

/* ---- SA, proposals, transforms, attributes ---------------------------- */

struct ike_sa_iter {
        struct rd rd;
        int version;
        uint32_t doi, situation; /* IKEv1 only */
};
/* Opens an SA payload body: IKEv1 reads DOI and situation first (RFC 2407
 * 4.6.1; an IPsec situation of SIT_IDENTITY_ONLY, the only one used). */
int ike_sa_open(struct wire_view body, int version, struct ike_sa_iter *it, struct wire_err *e);

struct ike_proposal {
        bool last; /* its "next payload"/"last substruc" field was 0 */
        uint8_t num, proto, spi_size, ntransforms;
        struct wire_view spi;
        struct ike_sa_iter xf; /* iterator over its transforms */
};
/* 1: *p is the next proposal; 0: no more; -1: malformed. */
int ike_proposal_next(struct ike_sa_iter *it, struct ike_proposal *p, struct wire_err *e);

struct ike_transform {
        bool last;
        uint8_t num;  /* IKEv1 transform number */
        uint8_t type; /* IKEv2 transform type (enum ikev2_transform_type) */
        uint16_t id;  /* IKEv1 transform ID (8 bits) or IKEv2 transform ID */
        struct wire_view attrs;
};
int ike_transform_next(struct ike_sa_iter *it, struct ike_transform *t, struct wire_err *e);

/* A data attribute (RFC 2408 3.3, RFC 7296 3.3.5): TV when the AF bit is
 * set (a 16-bit value), TLV otherwise. value holds a TV value or a TLV
 * value of at most 4 bytes (value_ok); data is the TLV's bytes. */
struct ike_attr {
        uint16_t type; /* without the AF bit */
        bool tv;
        bool value_ok;
        uint32_t value;
        struct wire_view data;
};
struct ike_attr_iter {
        struct rd rd;
};
static inline struct ike_attr_iter ike_attrs(struct wire_view v)
{
        struct ike_attr_iter it = {rd_view(v)};
        return it;
}
int ike_attr_next(struct ike_attr_iter *it, struct ike_attr *a, struct wire_err *e);

/* ---- the other payloads ----------------------------------------------- */

struct ike_ke {         /* KE: IKEv2 adds the group (RFC 7296 3.4) */
        uint16_t group; /* 0 in IKEv1 (the group is the SA's) */
        struct wire_view data;
};
int ike_ke_decode(struct wire_view body, int version, struct ike_ke *ke, struct wire_err *e);

struct ike_id { /* ID (RFC 2407 4.6.2, RFC 7296 3.5) */
        uint8_t type;
        uint8_t proto; /* IKEv1 only */
        uint16_t port; /* IKEv1 only */
        struct wire_view data;
        /* addresses, for the address types: af 4 or 6, a = start or address,
         * b = mask (subnet) or end (range) */
        int af;
        uint8_t a[16], b[16];
        bool has_b;
};
int ike_id_decode(struct wire_view body, int version, struct ike_id *id, struct wire_err *e);

struct ike_auth_pl { /* IKEv2 AUTH (RFC 7296 3.8) */
        uint8_t method;
        struct wire_view data;
};
int ike_auth_decode(struct wire_view body, struct ike_auth_pl *a, struct wire_err *e);

struct ike_cert { /* CERT and CR/CERTREQ: an encoding and its data */
        uint8_t encoding;
        struct wire_view data;
};
int ike_cert_decode(struct wire_view body, struct ike_cert *c, struct wire_err *e);

struct ike_notify {   /* RFC 2408 3.14, RFC 7296 3.10 */
        uint32_t doi; /* IKEv1 */
        uint8_t proto, spi_size;
        uint16_t type;
        struct wire_view spi, data;
};
int ike_notify_decode(struct wire_view body, int version, struct ike_notify *n, struct wire_err *e);

struct ike_delete { /* RFC 2408 3.15, RFC 7296 3.11 */
        uint32_t doi;
        uint8_t proto, spi_size;
        uint16_t nspi;
        struct wire_view spis; /* nspi * spi_size bytes */
};
int ike_delete_decode(struct wire_view body, int version, struct ike_delete *d, struct wire_err *e);

/* Traffic selectors (RFC 7296 3.13) */
struct ike_ts_iter {
        struct rd rd;
        uint8_t count, seen;
};
int ike_ts_open(struct wire_view body, struct ike_ts_iter *it, struct wire_err *e);
struct ike_ts {
        uint8_t type; /* 7 TS_IPV4_ADDR_RANGE, 8 TS_IPV6_ADDR_RANGE, other: kept raw */
        uint8_t proto;
        uint16_t sport, eport;
        int af; /* 4, 6, or 0 for another type */
        uint8_t start[16], end[16];
        struct wire_view raw; /* the selector after its 4-byte header */
};
int ike_ts_next(struct ike_ts_iter *it, struct ike_ts *ts, struct wire_err *e);

/* Configuration: IKEv2 CP (RFC 7296 3.15) and the IKEv1 Mode-Config
 * attribute payload (draft-dukes-ike-mode-cfg-02 3.2), whose attributes are
 * ISAKMP data attributes (walk them with ike_attrs / ike_attr_next). IKEv2
 * attributes are always TLV, with a reserved top bit. */
struct ike_cfg {
        uint8_t type;        /* REQUEST 1, REPLY 2, SET 3, ACK 4 */
        uint16_t identifier; /* IKEv1 */
        struct wire_view attrs;
};
int ike_cfg_decode(struct wire_view body, int version, struct ike_cfg *c, struct wire_err *e);
struct ike_cp_attr {
        uint16_t type;
        struct wire_view value;
};
/* IKEv2 CP attributes: 1 got one, 0 end, -1 malformed. */
int ike_cp_attr_next(struct rd *it, struct ike_cp_attr *a, struct wire_err *e);

struct ike_eap { /* RFC 3748 4: the EAP message an IKEv2 EAP payload carries */
        uint8_t code, id;
        uint16_t length;
        bool has_type;
        uint8_t type;
        struct wire_view data;
};
int ike_eap_decode(struct wire_view body, struct ike_eap *eap, struct wire_err *e);

struct ike_skf { /* RFC 7383 2.5 */
        uint16_t number, total;
        struct wire_view encrypted; /* IV, ciphertext, ICV */
};
int ike_skf_decode(struct wire_view body, struct ike_skf *f, struct wire_err *e);

struct ike_natoa {       /* RFC 3947 3.2 (IKEv1 NAT-OA) */
        uint8_t id_type; /* 1 IPv4, 5 IPv6 */
        int af;
        uint8_t addr[16];
};
int ike_natoa_decode(struct wire_view body, struct ike_natoa *oa, struct wire_err *e);

/* ---- vendor IDs -------------------------------------------------------- */

struct ike_vid_info {
        const char *name;   /* "Cisco Unity", "RFC 3947 NAT-T", ... */
        const char *source; /* where the bytes are documented */
        /* for VIDs that carry a version after their fixed part (Cisco
         * Unity, DPD, Cisco VPN 3000): the bytes after the prefix */
        struct wire_view tail;
};
/* Looks a VID payload's body up in the table (vid.c); false if unknown. */
bool ike_vid_lookup(struct wire_view body, struct ike_vid_info *info);

/* ---- names (registries as data, names.c) ------------------------------ */

const char *ike_payload_name(int version, unsigned type);
const char *ike_exchange_name(unsigned exchange); /* IKEv1 0-33, IKEv2 34+ */
const char *ike_notify_name(int version, unsigned type);
/* true: an error notify (IKEv1 1-16383, IKEv2 0-16383) */
bool ike_notify_is_error(unsigned type);
const char *ike_proto_name(int version, unsigned proto);
/* IKEv1 phase 1 attribute classes (RFC 2409 App. A) and IPsec DOI SA
 * attributes (RFC 2407 4.5) */
const char *ike_v1_attr_name(bool phase1, unsigned type);
const char *ike_cfg_attr_name(int version, unsigned type);
const char *ike_cert_encoding_name(unsigned enc);
/* IPsec DOI encapsulation mode (attribute 4): Tunnel, Transport, UDP-... */
const char *ike_encap_mode_name(unsigned mode);

#endif
