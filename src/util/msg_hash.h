/*
 * A 128-bit fingerprint of a message's bytes, for "the same bytes again"
 * (capture/sessions.c: an IKE retransmission is byte-identical, RFC 7296
 * 2.1, RFC 2408 5.x). Two independent 64-bit lanes over 8-byte words, each
 * with MurmurHash3's fmix64 finalizer, seeded with the length. Not a
 * cryptographic hash: two different messages of one IKE SA and one side
 * with the same length collide with a chance of about 2^-128 when nobody
 * chose them, and a capture made to mislead can fake a retransmission by
 * just containing one. SHA-256 did the same job at ten times the cost
 * (callgrind: 16 % of `capture` on the IKE-only benchmark capture).
 */
#ifndef IPSD_UTIL_MSG_HASH_H
#define IPSD_UTIL_MSG_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t msg_hash_fmix(uint64_t h)
{
        h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;
        h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
        return h ^ (h >> 33);
}

static inline void msg_hash128(const uint8_t *p, size_t n, uint64_t out[2])
{
        uint64_t a = 0x9E3779B97F4A7C15ull ^ n, b = 0xD6E8FEB86659FD93ull ^ (n << 1);
        for (; n >= 8; n -= 8, p += 8) {
                uint64_t w;
                memcpy(&w, p, 8);
                a = (a ^ w) * 0xFF51AFD7ED558CCDull;
                a ^= a >> 29;
                b = (b + w) * 0xC4CEB9FE1A85EC53ull;
                b ^= b >> 31;
        }
        uint64_t w = 0;
        for (size_t i = 0; i < n; i++)
                w |= (uint64_t)p[i] << (8 * i);
        a = msg_hash_fmix(a ^ w);
        b = msg_hash_fmix(b + w + 0x632BE59BD9B4E019ull);
        out[0] = a;
        out[1] = msg_hash_fmix(b ^ a);
}

#endif
