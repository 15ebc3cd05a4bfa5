/*
 * Flow-space arithmetic over struct flowbox (model.h): the one small library
 * that overlap, mirror, NAT-exemption and routing checks share.
 *
 * A box is empty when any range has lo > hi. Functions that produce several
 * boxes write them into a struct fbset, a malloc'd list owned by the caller
 * (fbset_free); its size is bounded by the `max` the caller passes, and
 * exceeding it is reported, never silently truncated.
 */
#ifndef IPSD_FLOWSET_H
#define IPSD_FLOWSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Default bound on the pieces a subtraction or coverage check may hold. */
#define FBSET_DEFAULT_MAX 65536

struct flowbox fb_any(void);
/* The box holding one packet; proto/ports as given. */
struct flowbox fb_point(uint32_t src, uint32_t dst, uint8_t proto, uint16_t sport, uint16_t dport);
/* Address/mask pair to an inclusive range (mask need not be contiguous: the
 * range spans the lowest to the highest matching address). */
struct range32 range_from_mask(uint32_t addr, uint32_t mask);

bool fb_is_empty(const struct flowbox *b);
bool fb_equal(const struct flowbox *a, const struct flowbox *b);
/* True when every packet of inner is in outer (an empty inner is contained). */
bool fb_contains(const struct flowbox *outer, const struct flowbox *inner);
/* True when a and b share a packet; *out (may be NULL) gets the common box. */
bool fb_intersect(const struct flowbox *a, const struct flowbox *b, struct flowbox *out);
/* The same traffic seen from the peer: src<->dst, sport<->dport. */
struct flowbox fb_mirror(const struct flowbox *b);
/* Number of addresses (src*dst) as a double, for "most specific" ordering. */
double fb_volume(const struct flowbox *b);

/* a minus b as at most 10 disjoint boxes (two per dimension); returns the count. */
size_t fb_subtract(const struct flowbox *a, const struct flowbox *b, struct flowbox out[10]);

struct fbset {
        struct flowbox *v;
        size_t n, cap;
        size_t max;    /* bound on n; 0 = FBSET_DEFAULT_MAX */
        bool overflow; /* a push was refused: the set is incomplete */
};

void fbset_init(struct fbset *s, size_t max);
void fbset_free(struct fbset *s);
/* 0, or -1 when the bound was hit (s->overflow set) or memory ran out. */
int fbset_push(struct fbset *s, const struct flowbox *b);
/* Replaces s by s minus b (pieces stay disjoint when s was). 0 or -1 as above. */
int fbset_subtract_box(struct fbset *s, const struct flowbox *b);
bool fbset_is_empty(const struct fbset *s);

enum cover {
        COVER_NONE,    /* no packet of x is covered */
        COVER_PARTIAL, /* some are, some are not */
        COVER_FULL,    /* every packet of x is covered */
        COVER_UNKNOWN, /* the piece bound was hit before an answer */
};

/* Does the union of set[0..n) cover x? Cost is bounded by max pieces. */
enum cover fb_cover(const struct flowbox *set, size_t n, const struct flowbox *x, size_t max);

/*
 * Overlap finder: among n labelled boxes, every pair (i < j in the callback's
 * (a, b) order is not guaranteed) with different labels whose boxes intersect.
 * Sort + sweep over the source ranges, with an interval treap on the
 * destination ranges of the boxes whose source range is open: expected
 * O(n log n + k log n) for k src/dst-overlapping pairs. Protocol and ports are
 * checked per candidate. The callback returns nonzero to stop.
 * Stops after max_pairs reports (0 = no bound) and sets *truncated.
 * Returns the number of pairs reported, or -1 when memory ran out.
 */
struct labelled_box {
        struct flowbox box;
        size_t label;
};
typedef int (*overlap_fn)(void *ctx, size_t a, size_t b);
long fb_find_overlaps(const struct labelled_box *v, size_t n, size_t max_pairs, overlap_fn cb,
                      void *ctx, bool *truncated);

#endif
