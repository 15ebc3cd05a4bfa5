/*
 * The proxy identities (IKEv1 Quick Mode's IDci / IDcr, RFC 2409 5.5) and
 * traffic selectors (IKEv2 TSi / TSr, RFC 7296 3.13) that decrypted
 * requests offered, as one short line per message, for the diagnoses that
 * show them (a responder's INVALID-ID-INFORMATION or TS_UNACCEPTABLE):
 * read from the plaintext capture --keys hands to cap_decrypt_each's hook,
 * kept per capture file. Bounded: one line per decrypted message, and a
 * file holds at most CAP_MAX_SAS SAs of CAP_MAX_MSGS messages.
 */
#ifndef IPSD_CAPTURE_PROXY_IDS_H
#define IPSD_CAPTURE_PROXY_IDS_H

#include <stdbool.h>
#include <stddef.h>

#include "sessions.h"

struct ike_msg;

struct cap_proxy {
        size_t sa, msg; /* indexes into cs->sa[] and its msgs[] */
        char text[200]; /* "IDci 10.1.0.0/24, IDcr 10.2.0.0/24" */
};

struct cap_proxies {
        const struct cap_set *cs; /* the capture the indexes refer to */
        struct cap_proxy *v;
        size_t n, cap;
        bool oom;
};

/* cap_plain_fn (decrypt.h) with ctx a struct cap_proxies whose cs is set:
 * keeps the IDs / TS of each decrypted message that carries them. */
void cap_proxies_add(void *ctx, const struct cap_sa *sa, size_t msg, const struct ike_msg *inner);
/* The line of message msg of SA sa, or NULL. */
const char *cap_proxies_find(const struct cap_proxies *px, size_t sa, size_t msg);
void cap_proxies_free(struct cap_proxies *px);

#endif
