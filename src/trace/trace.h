/*
 * "trace": one packet through one device, phase by phase, like the ASA's
 * packet-tracer: input interface, route lookup, NAT, crypto map, interface
 * ACL, result. The walk reads the device model only (route, NAT, ACL and
 * crypto map lookups of model/) and never prints; trace_text.c and
 * trace_json.c print a struct trace.
 *
 * Ownership: a struct trace points into the device (locs, interfaces,
 * crypto map entries), so the device must outlive it. Findings go into the
 * caller's struct findings, which copies what it keeps.
 */
#ifndef IPSD_TRACE_H
#define IPSD_TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../findings/finding.h"
#include "../model/model.h"
#include "../model/query.h"
#include "../util/diag.h"

struct trace_packet {
        uint32_t src, dst;
        uint8_t proto;
        uint16_t sport, dport; /* 0 unless proto is TCP or UDP */
        const char *in;        /* --in: nameif or interface name; NULL = derive it */
};

enum trace_verdict { TV_ALLOW, TV_DROP, TV_INFO };
enum trace_type { TT_INPUT, TT_ROUTE, TT_NAT, TT_CRYPTO, TT_ACL, TT_RESULT, TT_COUNT };

#define TRACE_MAX_LINES 6
#define TRACE_DETAIL    768 /* one phase's sentence(s); longer text is cut */

struct trace_phase {
        enum trace_type type;
        enum trace_verdict verdict;
        const struct loc *lines[TRACE_MAX_LINES]; /* the config lines that decided it */
        size_t nlines;
        char detail[TRACE_DETAIL];
};

struct trace {
        const struct device *dev;
        struct trace_packet pkt;
        struct trace_phase phases[TT_COUNT];
        size_t nphases;
        const struct iface *in, *out; /* ingress / egress, NULL when unknown */
        bool from_box;                /* the source is one of the device's own addresses */
        bool decrypted;               /* arrived through a tunnel on the crypto interface */
        struct cmap_hit inbound;      /* decrypted: the entry whose ACL mirrors the packet */
        bool translated;              /* NAT changes the source */
        bool xlate_known;
        uint32_t xlate_src;
        const struct nat_rule *nat; /* the translating or exempting rule */
        struct cmap_hit crypto;     /* outbound: the entry that encrypts it */
        bool encrypted;
        bool expected_crypto; /* an entry was meant for it, yet it leaves in clear */
        /* a static route decided, but a routing protocol runs over this
         * protected tunnel interface: a route it learns may send the packet
         * there instead, and the config cannot show it */
        const struct iface *learnt_tun;
        bool dropped;
};

/*
 * Walks pkt through dev into t; findings of the catalog that the walk
 * reveals go to fs. Returns 0, or -1 when memory ran out (fs's arena).
 */
int trace_run(const struct device *dev, const struct trace_packet *pkt, struct trace *t,
              struct findings *fs) IPSD_MUST_CHECK;

/* The interface --in names: nameif first, then the hardware name (exact,
 * then ignoring case). NULL when there is none. */
const struct iface *trace_find_iface(const struct device *dev, const char *name);

/* The name the model's lookups use for an interface: nameif, else its name. */
const char *trace_if_key(const struct iface *f);

/* Names of a phase type: JSON ("route-lookup") and text ("ROUTE-LOOKUP"). */
const char *trace_type_json(enum trace_type t);
const char *trace_type_text(enum trace_type t);
const char *trace_verdict_name(enum trace_verdict v); /* "allow", "drop", "info" */

int trace_print_text(FILE *out, const struct trace *t, const struct findings *fs);
int trace_print_json(FILE *out, const struct trace *t, const struct findings *fs);

#endif
