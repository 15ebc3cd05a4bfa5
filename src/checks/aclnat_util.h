/*
 * Shared helpers of the acl_nat checks: walking the crypto ACL boxes of the
 * crypto map entries that are bound to an interface, and printing boxes and
 * ranges the way an engineer types them.
 */
#ifndef IPSD_ACLNAT_UTIL_H
#define IPSD_ACLNAT_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/flowset.h"
#include "check.h"

/* One permit box of a crypto ACL of a static entry bound to an interface. */
struct cbox {
        struct flowbox box;
        const struct crypto_map_entry *entry;
        const struct ace *ace;
        const char *ifname; /* ASA nameif / IOS interface name carrying the map */
        size_t map_idx;     /* index of the binding, to tell maps apart */
        size_t entry_idx;   /* a unique number per (binding, entry) */
};

struct cboxes {
        struct cbox *v;
        size_t n, cap;
        bool inexact; /* some ACE was skipped because it is approximate */
};

/*
 * Collects the exact permit boxes of every static entry (not a dynamic
 * reference, not ipsec-manual) of every bound map, in binding then seq then
 * ACL order. Inexact ACEs are left out (and noted). 0, or -1 on OOM.
 */
int cboxes_collect(const struct device *dev, struct cboxes *out);
void cboxes_free(struct cboxes *s);
/* The boxes of one binding are consecutive: the index just past the last box
 * of the binding that box i belongs to. */
size_t cboxes_binding_end(const struct cboxes *s, size_t i);
/* Appends the boxes of the dynamic-map entries that the applied maps refer
 * to and traffic reaches (model/in_use.c), with the referring binding's
 * interface: what a dynamic peer may negotiate there. An entry without a
 * crypto ACL accepts any proxies: one box of everything (its ace NULL). */
int cboxes_add_dynamic(const struct device *dev, struct cboxes *out);

/* The interface's id as bindings and route lookups name it (nameif first). */
const char *iface_id(const struct iface *f);
bool iface_is(const struct iface *f, const char *ifname);

/* Route lookup of a whole range (lo and hi): the interface, or NULL when the
 * two ends leave differently. *specific: neither end used a default route. */
const struct iface *route_range(const struct device *dev, struct range32 r, bool *specific);

/* "192.168.1.0/24", "10.0.0.1", "10.0.0.5-10.0.0.9", "any" */
void range_text(struct range32 r, char *buf, size_t n);
/* "192.168.1.0/24 -> 192.168.2.0/24 ip", with proto / ports when set. */
void box_text(const struct flowbox *b, char *buf, size_t n);

/* The fix placeholders of a network: address, mask and wildcard of the
 * smallest prefix that holds r. Buffers of 16 bytes. */
struct netvars {
        char net[16], mask[16], wild[16];
};
void net_vars(struct range32 r, struct netvars *out);

struct check_ctx;
struct finding;
/* check_fix with the placeholders of a crypto ACL's flow: acl, local_* and
 * remote_* (the local side is this device's). */
int check_fix_acl_flow(struct check_ctx *c, struct finding *f, const char *acl,
                       const struct netvars *l, const struct netvars *r);
void ip_text(uint32_t a, char *buf, size_t n);

/* The primary peer address of an entry as text, or NULL. */
const char *entry_peer(const struct crypto_map_entry *e);

/*
 * crypto-acl-reversed's test: the box's sources route out its crypto
 * interface (not "any") and its destinations are local by a connected
 * network or a specific route out another interface (*inside).
 */
bool cbox_reversed(const struct device *dev, const struct cbox *b, const struct iface **inside);

/* The ACL's permit ACEs that are active, for "has a permit" questions. */
bool acl_has_permit(const struct acl *acl);

/*
 * Calls fn for every ACL through which NAT rule r exempts traffic: the ACL
 * of an ASA/PIX "nat (if) 0 access-list" (its permits exempt) or of an IOS
 * "ip nat inside source list|route-map" (its denies exempt; route-map: the
 * ACLs of its permit entries). act says which action is the exemption.
 */
typedef int (*acl_visit)(struct check_ctx *c, const struct nat_rule *r, const struct acl *acl,
                         enum acl_action act, void *ctx);
int nat_exempt_acls(struct check_ctx *c, const struct nat_rule *r, acl_visit fn, void *ctx);

/* nat-exemption-missing's remote-access half (nat_exemption_pool.c):
 * inside networks towards every address pool that remote access uses. */
int nat_exemption_pools(struct check_ctx *c);

#endif
