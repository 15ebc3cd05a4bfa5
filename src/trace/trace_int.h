/* Internals shared by the trace phases (trace_*.c). */
#ifndef IPSD_TRACE_INT_H
#define IPSD_TRACE_INT_H

#include "../model/flowset.h"
#include "trace.h"

/* What a phase function returns. */
enum { TP_NEXT = 0, TP_STOP = 1, TP_OOM = -1 };

/* Opens phase type with verdict v (its detail empty). */
struct trace_phase *tp_begin(struct trace *t, enum trace_type type, enum trace_verdict v);
/* Cites a config line; defaults (line 0), NULL and repeats are skipped. */
void tp_line(struct trace_phase *p, const struct loc *l);
/* Appends to the phase's sentence (cut at TRACE_DETAIL). */
void tp_say(struct trace_phase *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The packet as it arrives, and as it leaves after NAT. */
struct flowbox tp_flow(const struct trace *t);
struct flowbox tp_flow_post_nat(const struct trace *t);
/* "outside (GigabitEthernet0/1, security-level 0)" / "GigabitEthernet0/1". */
void tp_if_desc(const struct trace *t, const struct iface *f, char *buf, size_t len);
/* The interface whose address is a, or NULL. */
const struct iface *tp_own_address(const struct device *dev, uint32_t a);

int trace_input(struct trace *t);
int trace_route(struct trace *t, struct findings *fs);
int trace_nat(struct trace *t);
int trace_crypto(struct trace *t, struct findings *fs);
/* Phase 4 for a packet routed into a tunnel interface (trace_tunnel.c). */
int trace_tunnel_crypto(struct trace *t, struct trace_phase *p);
int trace_acl(struct trace *t, struct findings *fs);
/* Sets t->decrypted when --in is a crypto interface whose map mirrors the packet. */
void trace_detect_decrypted(struct trace *t);

/* The translated source of t (nat_xlate.c-style rules in trace_nat.c). */
bool trace_nat_mapped(const struct trace *t, const struct nat_rule *r, uint32_t *out);

/* Findings (trace_find.c). Each returns 0 or -1 on OOM. */
int tf_nat_exemption_missing(struct trace *t, struct findings *fs, const struct cmap_hit *pre);
int tf_route_to_remote_missing(struct trace *t, struct findings *fs, const struct iface *cif,
                               const struct cmap_hit *hit);
int tf_sysopt_permit_vpn_off(struct trace *t, struct findings *fs, const struct loc *acl_line,
                             const char *why);
int tf_crypto_acl_missing(struct trace *t, struct findings *fs, const struct crypto_map_entry *e);
int tf_ping_source(struct trace *t, struct findings *fs, const struct crypto_map_entry *e,
                   const struct ace *a);

/* Another interface whose crypto map takes flow (for "routed the wrong
 * way"); NULL when none. */
const struct iface *tp_other_crypto_iface(const struct trace *t, const struct flowbox *flow,
                                          const struct iface *skip, struct cmap_hit *hit);

#endif
