/*
 * IKE exchanges rebuilt from the frames of a capture: every IKE message is
 * filed under its IKE SA (IKE version and initiator cookie / SPI), with its
 * direction, its exchange and step (MM1..MM6, AM1..AM3, QM1..QM3, INFO,
 * CFG; IKEv2 exchange names), its payload types and readable notifies, and
 * whether it is a retransmission: the same bytes as an earlier message of
 * the same SA and direction (SHA-256 of the message, before any
 * decryption). ICMP errors that quote a packet between the two peers' IKE
 * ports are kept beside the SA they answer.
 *
 * Memory is bounded by the number of SAs (CAP_MAX_SAS) and messages per SA
 * (CAP_MAX_MSGS); what is past a bound is counted, never silently lost.
 */
#ifndef IPSD_CAPTURE_SESSIONS_H
#define IPSD_CAPTURE_SESSIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../packet/pcap_file.h"
#include "../wire/ike.h"

struct cap_sa_keys;
struct cap_esp_dec;
#include "../packet/reasm.h"
#include "esp.h"
#include "facts.h"

#define CAP_MAX_SAS    4096
#define CAP_MAX_MSGS   64
#define CAP_MAX_PL     16
#define CAP_MAX_NOTIFY 4

struct cap_msg {
        uint64_t frame;
        int64_t sec;
        int32_t usec;
        bool from_initiator;
        uint8_t exchange, flags;
        uint32_t msgid, length;
        bool encrypted; /* IKEv1 E flag, or an IKEv2 SK/SKF payload */
        bool natt_port; /* carried on UDP 4500 */
        uint16_t sport, dport;
        uint8_t rspi[8];  /* the responder cookie / SPI of its header (zero in a first message) */
        uint8_t ip_frags; /* IP fragments it came in (0: not fragmented) */
        uint8_t digest[32];
        uint64_t retransmit_of; /* frame of the first message with these bytes, 0 if none */
        uint8_t pl[CAP_MAX_PL];
        uint8_t npl; /* payload types kept (of npl_seen) */
        uint16_t npl_seen;
        uint16_t notify[CAP_MAX_NOTIFY];
        uint8_t nnotify;
        uint16_t v1_auth; /* IKEv1: the auth method of the SA's first transform, 0 if none */
        const char *step; /* set by cap_name_steps(): a static string */
        /* --keys (capture/decrypt.c): the message's bytes (kept only when
         * cs->keep_raw, and not for a retransmission: its original's are
         * the same), and what decryption made of it */
        uint8_t *raw;
        uint8_t dec;         /* enum cap_dec */
        const char *dec_why; /* static text for CAP_DEC_NO_KEY .. CAP_DEC_BAD */
};

enum cap_dec {
        CAP_DEC_CLEAR = 0,   /* not encrypted, or no --keys */
        CAP_DEC_OK,          /* decrypted: pl[] and notify[] are the inner payloads */
        CAP_DEC_NO_KEY,      /* no key for this SA (or what derives one is missing) */
        CAP_DEC_WRONG_KEY,   /* IKEv2 ICV / AEAD tag fails; IKEv1 padding or chain fails */
        CAP_DEC_UNSUPPORTED, /* a cipher or integrity algorithm not supported */
};

struct cap_icmp {
        uint64_t frame;
        uint8_t type, code;
        uint32_t mtu;
        bool from_responder;
};

struct cap_sa {
        int version;
        uint8_t ispi[8], rspi[8];
        bool initiator_known; /* false: the capture starts after the first message */
        int af;
        uint8_t ini[16], resp[16];
        uint16_t ini_port, resp_port;
        struct cap_msg *msgs;
        size_t nmsgs, msgs_dropped;
        struct cap_icmp icmp[4];
        size_t nicmp;
        struct cap_sa_keys *keys; /* --keys (decrypt.h), NULL without */
        struct cap_facts *facts;  /* facts.h: offers, notifies, NAT-D, float; NULL if none */
};

/* A datagram whose IP fragments never all arrived (packet/reasm.h): an IKE
 * message or ESP packet lost for one missing fragment. */
#define CAP_MAX_LOST 256
struct cap_frag_lost {
        enum reasm_why why;
        enum frame_kind kind; /* of the first fragment; FK_IP_FRAGMENT when it is missing */
        int af;
        uint8_t src[16], dst[16];
        uint8_t proto;
        uint16_t sport, dport; /* UDP, from the first fragment */
        uint32_t esp_spi;      /* ESP, from the first fragment */
        uint32_t ike_len;      /* IKE: the message length its header declares */
        int sa;                /* the IKE SA (index in cs->sa) it belongs to, -1 if none */
        bool from_initiator;   /* its sender, when sa >= 0 */
        uint64_t first_frame, last_frame;
        int64_t sec;
        unsigned nfrags, nfrags_expected, hole_index;
        uint32_t total, got, hole_off, hole_len;
};

struct cap_set {
        struct cap_sa *sa;
        size_t nsa, cap;
        uint32_t *sa_index; /* by version and initiator SPI: open addressing, index + 1 */
        size_t sas_dropped; /* SAs past CAP_MAX_SAS */
        uint64_t frames, ike, undecodable, not_ike;
        uint64_t ike_fragmented;    /* IKE messages that came in IP fragments, reassembled */
        struct reasm reasm;         /* IP fragments of UDP and ESP datagrams */
        uint64_t reassembled;       /* datagrams put together */
        struct cap_frag_lost *lost; /* CAP_MAX_LOST, allocated on the first */
        size_t nlost, lost_dropped;
        struct cap_esp esp;        /* esp.h: ESP per SA */
        uint64_t keepalives_no_sa; /* NAT-T keepalives between hosts of no IKE SA */
        uint64_t first_bad_frame;  /* the first IKE frame the decoder refused */
        char first_bad[96];
        bool keep_raw;              /* keep each message's bytes (for --keys) */
        struct cap_esp_dec *espdec; /* --keys: ESP packets kept (esp_dec.h) */
};

void cap_set_init(struct cap_set *cs);
void cap_set_free(struct cap_set *cs);
/* Files one frame; -1 only when memory runs out. */
int cap_add_frame(struct cap_set *cs, const struct pcap_frame *pf);
/* Fills cm's payload types, notifies and IKEv1 auth method from a decoded
 * payload chain: the clear message's, or (capture/decrypt.c) the chain
 * inside an encrypted one. */
void cap_msg_payloads(struct cap_msg *cm, int version, const struct ike_payload *pl, size_t n);
/* Names every message's step and works out the facts that need the whole
 * capture (facts.h: NAT-D, float); call once, after the last frame. */
void cap_name_steps(struct cap_set *cs);

#endif
