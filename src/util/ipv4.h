/*
 * IPv4 addresses as the whole program uses them: host byte order uint32_t,
 * dotted-quad text, netmasks, prefixes and IOS wildcards. No layer owns
 * these: the config readers parse with them, the model, checks, negotiation
 * and trace compute and print with them, and the packet code formats the
 * addresses it reads. Nothing here knows a command or a device.
 */
#ifndef IPSD_IPV4_H
#define IPSD_IPV4_H

#include <stdbool.h>
#include <stdint.h>

/* Dotted-quad IPv4 address, host byte order. At most three digits a part,
 * each 0..255, nothing after the fourth part. */
bool lex_ipv4(const char *s, uint32_t *out);
/* A netmask (contiguous ones) and its prefix length. */
bool lex_netmask(const char *s, uint32_t *mask, int *prefix);
/* "10.0.0.0/24" */
bool lex_prefix(const char *s, uint32_t *net, uint32_t *mask);
/* True when mask is contiguous ones from the top. */
bool mask_is_contiguous(uint32_t mask);
int mask_prefix_len(uint32_t mask); /* -1 when not contiguous */
uint32_t prefix_to_mask(int len);   /* 0..32 */

/*
 * A wildcard (IOS ACL) of addr: when contiguous, [lo, hi] is exact and the
 * function returns true; otherwise lo/hi bound the set and it returns false
 * (the caller marks the entry inexact).
 */
bool wildcard_range(uint32_t addr, uint32_t wildcard, uint32_t *lo, uint32_t *hi);
/* The range of addr/mask (netmask form). */
void netmask_range(uint32_t addr, uint32_t mask, uint32_t *lo, uint32_t *hi);

/* Formats an IPv4 address into buf (size >= 16); returns buf. */
char *ipv4_str(uint32_t a, char buf[16]);

#endif
