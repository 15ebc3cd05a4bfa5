/*
 * The correlator's hash of a peer key (an address or a group name), here
 * so that the parsing threads can compute it with the line in cache and
 * hand it over with their parse (logs/syslog.c), and the correlator's
 * thread need not read the key's bytes again to find the peer.
 */
#ifndef IPSD_UTIL_KEY_HASH_H
#define IPSD_UTIL_KEY_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Eight bytes per step (a byte-wise FNV was a third of corr_event): keys
 * are addresses and group names of a dozen bytes or more. */
static inline uint32_t key_hash(const char *s, size_t n)
{
        uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
        for (; n >= 8; n -= 8, s += 8) {
                uint64_t w;
                memcpy(&w, s, 8);
                h = (h ^ w) * 0xFF51AFD7ED558CCDull;
                h ^= h >> 32;
        }
        /* The tail byte by byte: a memcpy of a variable length went through
         * the stack, and the 8-byte load after the byte stores stalled
         * (perf: a tenth of the parsing thread's time in the hash). */
        uint64_t w = 0;
        for (size_t i = 0; i < n; i++)
                w |= (uint64_t)(unsigned char)s[i] << (8 * i);
        /* A full 64-bit finalizer (MurmurHash3's fmix64): the buckets take
         * the low bits, and a product's low bits depend only on the low
         * bytes of the key, so "10.0.3.17" and "10.0.3.18" shared a bucket
         * chain with every address that starts alike. */
        h ^= w;
        h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;
        h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
        return (uint32_t)(h ^ (h >> 33));
}

#endif
