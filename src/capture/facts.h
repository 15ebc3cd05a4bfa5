/*
 * The facts one IKE SA's messages yield, as plain data for whoever maps
 * them to diagnoses (no diagnosis here): what was offered and what was
 * chosen (SA payloads), every notify with the side that sent it, the NAT-D
 * comparison (hashes recomputed from the SPIs, addresses and ports of the
 * capture) and the float to UDP 4500.
 *
 * Sources: RFC 2408 3.4-3.6 and RFC 2409 App. A (IKEv1 SA payloads and
 * phase 1 attributes), RFC 2407 4.5 (IPsec DOI attributes), RFC 7296 3.3
 * (IKEv2 proposals and transforms), RFC 3947 3.2 and 4 (IKEv1 NAT-D:
 * HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash; first payload
 * the remote end, then the local ones; float to 4500 from MM5/AM3),
 * draft-ietf-ipsec-nat-t-ike-02/03 (the same with payload 130), RFC 7296
 * 2.23 (IKEv2 NAT_DETECTION_SOURCE_IP / DESTINATION_IP: SHA-1(SPIi | SPIr
 * | IP | Port), the SPIs as in that message's header, zero SPIr in the
 * IKE_SA_INIT request; IKE_AUTH moves to 4500 when a NAT is detected).
 *
 * Only what is in clear is read here. Quick Mode, CREATE_CHILD_SA and
 * encrypted notifies come through the same entry point,
 * cap_facts_payload(), from the decryption (src/crypto, with --keys), with
 * decrypted = true; their SA payloads fill child_offered / child_chosen.
 *
 * Bounded: CAP_FACT_MAX_XF transforms per offer, CAP_FACT_MAX_NOTIFY
 * notifies per SA, each with a count of what was past the bound.
 */
#ifndef IPSD_CAPTURE_FACTS_H
#define IPSD_CAPTURE_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../wire/ike.h"

#define CAP_FACT_MAX_XF                                                                            \
        48 /* transforms kept per offer (an MM1 of 13, a strongSwan default ~30)                   \
            */
#define CAP_FACT_MAX_NOTIFY    16
#define CAP_FACT_MAX_NATD      3 /* hashes kept per message: the destination one and two sources */
#define CAP_FACT_HASH_MAX      64
#define CAP_FACT_MAX_CHILD_SPI 32

/* One transform. IKEv1 phase 1: one transform is a whole suite (its
 * attributes below). IKEv1 phase 2: the transform ID (ESP_AES, ...) and its
 * attributes. IKEv2: one transform of one type (ENCR, PRF, INTEG, DH, ESN)
 * of a proposal; a proposal is the transforms with the same prop number. */
struct cap_transform {
        uint8_t prop;     /* proposal number */
        uint8_t proto;    /* IKEv1 protocol ID (1 ISAKMP, 2 AH, 3 ESP, 4 IPCOMP);
                             IKEv2 (1 IKE, 2 AH, 3 ESP) */
        uint8_t num;      /* IKEv1 transform number */
        uint8_t type;     /* IKEv2 transform type (enum ikev2_transform_type); 0 in IKEv1 */
        uint16_t id;      /* IKEv1 transform ID; IKEv2 transform ID */
        uint16_t keylen;  /* Key Length attribute (bits), 0 if absent */
        uint8_t spi_size; /* of its proposal */
        uint8_t spi[8];   /* its proposal's SPI (ESP/AH: 4 bytes), first spi_size bytes */
        /* IKEv1 attributes, 0 when absent. Phase 1 (RFC 2409 App. A):
         * encryption (class 1), hash (2), auth method (3), group (4).
         * Phase 2 (RFC 2407 4.5): group = Group Description (3), auth =
         * Authentication Algorithm (5), encap = Encapsulation Mode (4). */
        uint16_t encr, hash, auth, group, encap;
        uint32_t life_sec, life_kb; /* life type 1 seconds / 2 kilobytes (4-byte values) */
};

/* The SA payload of one message: offered (the initiator's) or chosen (the
 * responder's, one proposal with one transform in IKEv1 / one per type in
 * IKEv2). */
struct cap_offer {
        uint64_t frame;      /* 0: no such message with an SA payload was seen */
        size_t msg;          /* its index in the SA's msgs[] */
        bool decrypted;      /* read after decryption (Quick Mode, CREATE_CHILD_SA) */
        uint8_t nprop;       /* proposals in the payload */
        uint16_t nxf;        /* kept in xf[] */
        uint16_t xf_dropped; /* transforms past CAP_FACT_MAX_XF */
        bool malformed;      /* the SA payload did not decode to the end */
        struct cap_transform xf[CAP_FACT_MAX_XF];
};

/* One notify and who sent it. The sender is the initiator or the responder
 * of the IKE SA it was filed under (by cookies / SPIs and the addresses and
 * ports of the frame): an INVALID_ID_INFORMATION sent by the initiator is a
 * local failure of the initiator, not the peer's refusal. */
struct cap_notify_fact {
        uint64_t frame;
        size_t msg;    /* index in the SA's msgs[] (its step, exchange) */
        uint16_t type; /* notify message type */
        uint8_t proto; /* protocol ID of the notify */
        bool from_initiator;
        bool decrypted;   /* read from a decrypted payload */
        uint8_t spi_size; /* up to 16 bytes kept (an IKEv1 notify about the IKE SA holds both
                             cookies) */
        uint8_t spi[16];
        /* INVALID_SPI (IKEv2 RFC 7296 3.10.1: the SPI is the data), or
         * IKEv1's SPI field: the ESP/AH SPI it names, 0 if none */
        uint32_t named_spi;
};

/* Whether a NAT-D hash equals the hash of the address and port the capture
 * shows for that end. */
enum cap_natd_match {
        NATD_ABSENT = 0, /* no such hash in the message */
        NATD_MATCH,      /* equal: that end's address is the captured one */
        NATD_DIFFER,     /* differs: a NAT between that end and the capture point */
        NATD_UNKNOWN,    /* not computable (IKEv1 hash not negotiated in clear) */
};

/* What one message's NAT-D said (IKEv1 payloads 20/130, IKEv2 notifies). */
struct cap_natd_msg {
        uint64_t frame; /* 0: none seen from this side */
        size_t msg;
        uint8_t nsrc; /* source hashes carried */
        bool has_dst;
        uint8_t hlen; /* hash length */
        uint8_t dst[CAP_FACT_HASH_MAX];
        uint8_t src[CAP_FACT_MAX_NATD - 1][CAP_FACT_HASH_MAX];
        /* the frame as captured: addresses, ports, the SPIs of its header */
        int af;
        uint8_t ip_src[16], ip_dst[16];
        uint16_t sport, dport;
        uint8_t ispi[8], rspi[8];
};

/* -1 unknown, 0 no, 1 yes */
typedef signed char cap_tri;

struct cap_nat_facts {
        struct cap_natd_msg side[2]; /* [0] the initiator's message, [1] the responder's */
        /* results (cap_facts_finish) */
        bool computed;    /* hashes recomputed (both sides' NAT-D and, in IKEv1, the hash) */
        uint16_t v1_hash; /* IKEv1: the negotiated hash used (RFC 2409 class 2) */
        /* each hash against the captured address of the end it names */
        enum cap_natd_match ini_src; /* initiator's own (source) hash vs its captured address */
        enum cap_natd_match ini_dst; /* initiator's hash of the responder vs the responder's */
        enum cap_natd_match resp_src;
        enum cap_natd_match resp_dst; /* responder's hash of the initiator */
        /* the end's own address (its source hash) differs from what its peer
         * sees: what the peers conclude (RFC 3947 3.2). An end that fakes its
         * source hash to force ESP in UDP looks the same: strongSwan with
         * encap = yes, or whose kernel interface needs UDP encapsulation
         * (kernel-libipsec: "the plugin enforces UDP encapsulation",
         * docs.strongswan.org plugins/kernel-libipsec), swanctl.conf(5)
         * "encap"; Android's IKE library fakes a NAT on IPv4 too */
        cap_tri ini_behind_nat;
        cap_tri resp_behind_nat;
        /* the peers' own verdict, as RFC 3947 / 7296 2.23 make them: a NAT
         * between them (any side) */
        cap_tri nat_between;
};

/* The float to UDP 4500 (RFC 3947 4, RFC 7296 2.23). */
struct cap_float_facts {
        bool natd_sent;         /* NAT-D payloads in the exchange: both ends do NAT-T */
        bool started_on_4500;   /* the first message of the SA was already on 4500 */
        uint64_t first_4500;    /* frame of the first message on UDP 4500, 0 if none */
        uint64_t last_500;      /* frame of the last message on UDP 500 */
        bool floated;           /* moved from 500 to 4500 */
        uint16_t ini_port_4500; /* the initiator's source port on 4500 (a NAT's port) */
        /* ESP between the two ends (filled from the ESP table): packets on
         * protocol 50 and in UDP */
        uint64_t esp_ip50, esp_udp;
        /* NAT-T keepalives (RFC 3948 2.3: one 0xFF byte on UDP 4500) between
         * the two ends, by sender, and the first one's frame */
        uint64_t keepalives_ini, keepalives_resp;
        uint64_t first_keepalive;
};

/* Allocated per SA when its first fact comes; the offers only when an SA
 * payload of theirs is seen (NULL: none). */
struct cap_facts {
        struct cap_offer *offered, *chosen; /* phase 1 / IKE SA */
        /* Quick Mode / IKE_AUTH's child / CREATE_CHILD_SA, once decrypted
         * (IKEv2's IKE_AUTH is always encrypted; IKEv1 QM too) */
        struct cap_offer *child_offered, *child_chosen;
        struct cap_notify_fact notify[CAP_FACT_MAX_NOTIFY];
        size_t nnotify, notify_dropped;
        struct cap_nat_facts nat;
        struct cap_float_facts fl;
        /* every ESP/AH SPI an SA payload of this IKE SA carried (Quick Mode,
         * IKE_AUTH, CREATE_CHILD_SA: read once decrypted), for esp.c */
        struct {
                uint32_t spi;
                uint64_t frame;
        } child_spi[CAP_FACT_MAX_CHILD_SPI];
        size_t nchild_spi;
        bool child_decrypted; /* a child exchange of this SA was read decrypted */
};

struct cap_sa;
struct cap_set;

/* The facts of one message read in clear (called by sessions.c for each
 * message it files): its SA payloads, notifies and NAT-D. msg is the index
 * of the message in sa->msgs[] (already filled: its direction and ports).
 * 0, or -1 out of memory. */
int cap_facts_msg(struct cap_sa *sa, size_t msg, const struct ike_msg *m);

/* One payload of message msg of sa (type and body as src/wire/ decodes
 * them), read in clear or after decryption: the hook for src/crypto. */
int cap_facts_payload(struct cap_sa *sa, size_t msg, int version, uint8_t type,
                      struct wire_view body, bool decrypted);

/* A NAT-T keepalive between the ends of sa (from_ini: sent by its
 * initiator's address). 0, or -1 out of memory. */
int cap_facts_keepalive(struct cap_sa *sa, bool from_ini, uint64_t frame);

/* After the last frame and cap_name_steps(): NAT-D compared, float found. */
void cap_facts_finish(struct cap_set *cs);

/* Frees what an SA's facts hold, and the facts. */
void cap_facts_free(struct cap_facts *f);

/* Names for text and JSON: "behind NAT", "match", ... */
const char *cap_natd_match_name(enum cap_natd_match m);

#endif
