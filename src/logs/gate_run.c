/*
 * The gate over whole runs of lines (logs_gate_run): where gate.c asks
 * one line at a time whether it holds a literal some reader needs, this
 * scans a buffer of many lines once, 64 bytes at a time, and tells how
 * many of the lines at its start cannot be taken by any reader: no
 * literal, no syslog tag ('%'), no ASDM '|' framing, no prompt, no
 * config's first line, not blank and no elision, no CSV export's start.
 * The parsing threads hand such a run over as one record, and the
 * line-order thread counts it as that many unknown lines while no block,
 * client entry or recognised line above could claim them
 * (logs_skip_unknown); otherwise it reads them one by one as before. So it
 * changes the cost, never the answer: each condition is a necessary one of
 * the line-level readers (logs.c, syslog.c, gate.c), and the fuzz targets
 * compare the result with IPSEC_DOCTOR_GATE=0.
 *
 * The scan. Each literal (gate.c's, plus the dispatcher's config heads) is
 * represented by a few of its bytes, its fingerprint: eight where it is
 * that long, else four, or all of a shorter one; chosen where its first
 * byte is rare in log text and its bytes rare together (static cost
 * tables below: spaces, digits and lowercase words are everywhere,
 * capitals together, punctuation and digits after letters are not).
 * Vector code (AVX2 where the CPU has it, else a byte loop) marks in each
 * 64-byte block the newlines, the bytes that matter alone ('%', prompts'
 * '#' and '>', one-byte literals) and, with Teddy's buckets (Hyperscan's
 * multi-literal matcher: nibble lookups of three bytes at once), the
 * positions where a fingerprint's first three bytes may start. A mark
 * costs a look (its three bytes hashed into a bitmap, then the whole
 * fingerprint), a line start a table lookup; a block where none is
 * anything ends its lines as unknown with one popcount, any other is
 * walked mark by mark. A fingerprint seen makes its line a candidate,
 * which the caller reads the old way (gate.c then decides exactly).
 */
#include "logs.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define GATE_RUN_AVX2 1
#endif

#define FP_BITS   16
#define LITS_MAX  4096
#define PROMPT_AT 72 /* prompt_cmd: up to 8 blanks and 63 host bytes before the '#' or '>' */

/* What a marked byte asks. */
enum {
        ACT_QUAD = 1,    /* may start a four-byte fingerprint */
        ACT_OCT = 2,     /* may start an eight-byte fingerprint */
        ACT_PAIR = 4,    /* may start a two-byte literal */
        ACT_LIVE = 8,    /* the line is a candidate: '%' (a syslog tag), a one-byte literal */
        ACT_PROMPT = 16, /* '#', '>': a prompt when only host bytes and blanks come before */
        ACT_TRI = 32,    /* may start a three-byte literal */
                         /* '|' is ACT_LIVE only as a line's second byte: first_class */
};

/* What a line's first byte asks. */
enum {
        FIRST_PLAIN = 0,
        FIRST_LIVE,   /* blank, elision, empty, CR: the dispatcher looks at the line */
        FIRST_EXPORT, /* a digit or '"': a CSV export when ',' or a tab follows soon,
                         ASDM's "4|Mar ..." when '|' follows */
};

static uint64_t tri[(1u << FP_BITS) / 64], quad[(1u << FP_BITS) / 64], oct[(1u << FP_BITS) / 64];
static uint64_t pairs[65536 / 64]; /* the two-byte literals, exactly */
/* The first three bytes of every fingerprint (of a two-byte literal: its
 * two and any third), hashed. */
static uint64_t starts3[(1u << FP_BITS) / 64];
static uint8_t act[256];
static uint8_t first_class[256];
static uint8_t nib_lo[16], nib_hi[16]; /* the bytes marked alone (ASCII) as nibble lookups */
/* Teddy's buckets (Hyperscan's literal matcher, in its simplest form):
 * bucket j (bit j) holds a group of the fingerprints' first three bytes,
 * as nibble sets of each; a position is marked when its byte and the next
 * two are in the sets of one bucket. */
static uint8_t td_lo[3][16], td_hi[3][16];
/* The first three bytes of every fingerprint (two of a two-byte literal),
 * for the buckets. */
static struct {
        unsigned char b[3];
        bool two;
} fp_starts[LITS_MAX];
static size_t nfp_starts;
static bool usable; /* built, and every literal had a fingerprint */
static bool have_avx2;

struct lit {
        const char *s;
        size_t len;
};
static struct lit lits[LITS_MAX];
static size_t nlits;
static bool too_many;

/* How often a byte occurs in ordinary log text, roughly: the cost of
 * marking it (English letters by frequency; syslog's digits, blanks and
 * separators; the capitals of months and weekdays that start most
 * lines). It only steers the choice of fingerprints: a wrong guess costs
 * time, never an answer. */
static unsigned byte_cost_of(unsigned char c)
{
        static const char letters[] = "etaoinshrdlcumwfgypbvkjxqz"; /* most frequent first */
        if (c == 0 || c >= 0x80)
                return 5000; /* never marked (the SIMD tables hold ASCII) */
        if (c == ' ' || c == '\t')
                return 1000;
        if (c >= '0' && c <= '9')
                return 300;
        if (c >= 'a' && c <= 'z')
                return 400 - 14 * (unsigned)(strchr(letters, c) - letters);
        if (strchr("JFMASONDTW", c))
                return 60;
        if (c >= 'A' && c <= 'Z')
                return 10;
        if (strchr(".:", c))
                return 500;
        if (strchr("-/", c))
                return 400;
        if (strchr(",[]", c))
                return 250;
        if (strchr("=()", c))
                return 100;
        return 20;
}

enum { CL_BLANK, CL_DIGIT, CL_LOWER, CL_UPPER, CL_SEP, CL_RARE };

static int byte_class_of(unsigned char c)
{
        if (c == ' ' || c == '\t')
                return CL_BLANK;
        if (c >= '0' && c <= '9')
                return CL_DIGIT;
        if (c >= 'a' && c <= 'z')
                return CL_LOWER;
        if (c >= 'A' && c <= 'Z')
                return CL_UPPER;
        if (c && strchr(".:-/,=[]()", c))
                return CL_SEP;
        return CL_RARE;
}

/* byte_cost_of and byte_class_of of every byte, worked out once. */
static unsigned short cost_tab[256];
static unsigned char class_tab[256];

static unsigned byte_cost(unsigned char c)
{
        return cost_tab[c];
}

static int byte_class(unsigned char c)
{
        return class_tab[c];
}

/* How common two bytes are one after the other, by class: inside words
 * and numbers, and a capital starting a word, common; a digit after a
 * letter, capitals together, rare punctuation, uncommon. */
static unsigned pair_cost(unsigned char a, unsigned char b)
{
        static const unsigned char cost[6][6] = {
            /*            blank digit lower upper sep rare */
            /* blank */ {100, 80, 100, 80, 60, 20},
            /* digit */ {80, 100, 20, 20, 80, 20},
            /* lower */ {100, 20, 100, 30, 70, 20},
            /* upper */ {60, 20, 95, 15, 40, 20},
            /* sep   */ {80, 80, 50, 50, 60, 20},
            /* rare  */ {20, 20, 20, 20, 20, 10},
        };
        return cost[byte_class(a)][byte_class(b)];
}

/* Only letters, and a blank after them: a word, which ordinary text is
 * full of (capitals after the first excepted: an acronym). */
static bool wordy(const unsigned char *g, size_t n)
{
        while (n && g[n - 1] == ' ')
                n--;
        bool lower_after = false;
        for (size_t i = 0; i < n; i++) {
                int c = byte_class(g[i]);
                if (c != CL_LOWER && c != CL_UPPER)
                        return false;
                lower_after |= i && c == CL_LOWER;
        }
        return lower_after || n == 1;
}

static void collect(void *ctx, const char *s, size_t len)
{
        (void)ctx;
        if (nlits >= LITS_MAX) {
                too_many = true;
                return;
        }
        lits[nlits++] = (struct lit){s, len};
}

static inline uint32_t fp_hash32(uint32_t w)
{
        return (w * 0x9E3779B1u) >> (32 - FP_BITS);
}

static inline uint32_t fp_hash64(uint64_t w)
{
        return (uint32_t)((w * 0x9E3779B97F4A7C15ull) >> (64 - FP_BITS));
}

static void bit_set(uint64_t *map, uint32_t h)
{
        map[h / 64] |= 1ull << (h % 64);
}

static inline bool bit_get(const uint64_t *map, uint32_t h)
{
        return map[h / 64] >> (h % 64) & 1;
}

/* b[0..n) as a little-endian word (n <= 8). */
static uint64_t word_of(const unsigned char *b, size_t n)
{
        uint64_t w = 0;
        for (size_t i = 0; i < n; i++)
                w |= (uint64_t)b[i] << (8 * i);
        return w;
}

#define PICK_SPAN 256 /* bytes of a literal a fingerprint is looked for in */

/* The cost of the fingerprint g[0..n): marking its first byte (less when
 * other literals mark it already, but never nothing: every marked byte of
 * a line costs a look) and how common its bytes are together (together: the
 * sum of pair_cost over them). */
static unsigned fp_cost(const unsigned char *g, size_t n, unsigned together, const bool *marked)
{
        unsigned cost = byte_cost(g[0]);
        cost = 3 * (marked[g[0]] ? cost / 4 : cost);
        cost += n > 1 ? together * 3 / (unsigned)(n - 1) : 0;
        /* the first two bytes again: each occurrence in text costs a look */
        cost += n > 1 ? 3 * pair_cost(g[0], g[1]) : 0;
        cost += n == 4 ? 40 : 0; /* less specific than eight */
        return cost;
}

/* lit's fingerprint (of three or more bytes): its offset, *n its length. */
static size_t pick(const struct lit *l, const bool *marked, size_t *n)
{
        const unsigned char *s = (const unsigned char *)l->s;
        size_t len = l->len < PICK_SPAN ? l->len : PICK_SPAN;
        unsigned sum[PICK_SPAN]; /* sum[i]: pair_cost of s[0..i] pairwise */
        sum[0] = 0;
        for (size_t i = 1; i < len; i++)
                sum[i] = sum[i - 1] + pair_cost(s[i - 1], s[i]);
        size_t best = 0;
        *n = len < 4 ? len : 4;
        unsigned best_cost = ~0u;
        for (size_t fl = *n; fl <= 8 && fl <= len; fl += 4)
                for (size_t k = 0; k + fl <= len; k++) {
                        unsigned cost = fp_cost(s + k, fl, sum[k + fl - 1] - sum[k], marked);
                        if (cost >= best_cost)
                                continue;
                        cost += wordy(s + k, fl) ? 150 : 0;
                        if (cost < best_cost) {
                                best_cost = cost;
                                best = k;
                                *n = fl;
                        }
                }
        return best;
}

/* Whether lit holds a byte that makes any line a candidate (so it needs
 * no fingerprint). */
static bool has_live_byte(const struct lit *l)
{
        for (size_t i = 0; i < l->len; i++)
                if (act[(unsigned char)l->s[i]] & ACT_LIVE)
                        return true;
        return false;
}

/* The nibble tables of a set of ASCII bytes: c is in it when
 * lo[c & 15] & hi[c >> 4] is not zero. */
static void nibbles(const bool *in, uint8_t *lo, uint8_t *hi)
{
        for (unsigned c = 0; c < 128; c++)
                if (in[c]) {
                        lo[c & 15] |= (uint8_t)(1u << (c >> 4));
                        hi[c >> 4] = (uint8_t)(1u << (c >> 4));
                }
}

/* The fingerprints: false when a literal has none (the gate then runs
 * line by line). */
static bool fingerprints(void)
{
        for (size_t i = 0; i < nlits; i++) {
                const unsigned char *b = (const unsigned char *)lits[i].s;
                if (lits[i].len == 0 || (lits[i].len == 1 && (b[0] >= 0x80 || b[0] == '\n')))
                        return false; /* in every line, or not markable */
                if (lits[i].len == 1)
                        act[b[0]] |= ACT_LIVE;
        }
        /* Two rounds: the second knows which bytes the first marked. */
        bool marked[256] = {false}, chosen[256] = {false};
        size_t n;
        for (int round = 0; round < 2; round++)
                for (size_t i = 0; i < nlits; i++)
                        if (lits[i].len >= 3 && !has_live_byte(&lits[i]))
                                (round ? chosen : marked)[(unsigned char)lits[i]
                                                              .s[pick(&lits[i], marked, &n)]] =
                                    true;
        for (size_t i = 0; i < nlits; i++) {
                const struct lit *l = &lits[i];
                const unsigned char *b = (const unsigned char *)l->s;
                if (l->len == 1 || has_live_byte(l))
                        continue;
                if (l->len == 2) {
                        if (b[0] >= 0x80)
                                return false;
                        act[b[0]] |= ACT_PAIR;
                        bit_set(pairs, (uint32_t)b[0] | (uint32_t)b[1] << 8);
                        for (uint32_t x = 0; x < 256; x++)
                                bit_set(starts3,
                                        fp_hash32((uint32_t)b[0] | (uint32_t)b[1] << 8 | x << 16));
                        fp_starts[nfp_starts++] = (__typeof__(fp_starts[0])){{b[0], b[1], 0}, true};
                        continue;
                }
                b += pick(l, chosen, &n);
                if (b[0] >= 0x80)
                        return false;
                bit_set(starts3, fp_hash32((uint32_t)word_of(b, 3)));
                fp_starts[nfp_starts++] = (__typeof__(fp_starts[0])){{b[0], b[1], b[2]}, false};
                if (n == 8) {
                        act[b[0]] |= ACT_OCT;
                        bit_set(oct, fp_hash64(word_of(b, 8)));
                } else if (n == 4) {
                        act[b[0]] |= ACT_QUAD;
                        bit_set(quad, fp_hash32((uint32_t)word_of(b, 4)));
                } else {
                        act[b[0]] |= ACT_TRI;
                        bit_set(tri, fp_hash32((uint32_t)word_of(b, 3)));
                }
        }
        return true;
}

/* A bucket: nibble sets (bit i: nibble i) of the first three bytes. */
struct group {
        uint16_t lo[3], hi[3];
};

/* How common the bytes of a nibble set are in text (byte_cost). */
static double set_weight(uint16_t lo, uint16_t hi)
{
        double w = 0;
        for (unsigned hm = hi; hm; hm &= hm - 1)
                for (unsigned lm = lo; lm; lm &= lm - 1)
                        w += cost_tab[(unsigned)__builtin_ctz(hm) << 4 |
                                      (unsigned)__builtin_ctz(lm)];
        return w;
}

/* How often a bucket marks a position of ordinary text, roughly. */
static double group_weight(const struct group *g)
{
        return set_weight(g->lo[0], g->hi[0]) * set_weight(g->lo[1], g->hi[1]) *
               set_weight(g->lo[2], g->hi[2]);
}

static struct group merged(const struct group *a, const struct group *b)
{
        struct group m;
        for (int i = 0; i < 3; i++) {
                m.lo[i] = (uint16_t)(a->lo[i] | b->lo[i]);
                m.hi[i] = (uint16_t)(a->hi[i] | b->hi[i]);
        }
        return m;
}

/* The buckets: the fingerprints' starts grouped by their bytes' high
 * nibbles (such a group's sets are exact), then the two groups whose
 * merging marks least merged until eight are left. */
#define GROUPS_MAX 256

static void teddy(void)
{
        static struct group g[GROUPS_MAX];
        static double more[GROUPS_MAX][GROUPS_MAX]; /* what merging i and j (i < j) adds */
        double gw[GROUPS_MAX];                      /* group_weight(&g[i]) */
        size_t ng = 0;
        for (size_t f = 0; f < nfp_starts; f++) {
                struct group one;
                for (int i = 0; i < 3; i++) {
                        unsigned c = fp_starts[f].b[i];
                        /* a two-byte literal: any third byte */
                        bool any = i == 2 && fp_starts[f].two;
                        one.lo[i] = any ? 0xFFFF : (uint16_t)(1u << (c & 15));
                        one.hi[i] = any ? 0xFFFF : (uint16_t)(1u << (c >> 4));
                }
                /* the same high nibbles (of the first two only when the
                 * groups are all taken) */
                size_t k = 0;
                while (k < ng && !(g[k].hi[0] == one.hi[0] && g[k].hi[1] == one.hi[1] &&
                                   (g[k].hi[2] == one.hi[2] || ng == GROUPS_MAX)))
                        k++;
                if (k == GROUPS_MAX)
                        k = 0;
                if (k == ng)
                        g[ng++] = one;
                else
                        g[k] = merged(&g[k], &one);
        }
        for (size_t i = 0; i < ng; i++)
                gw[i] = group_weight(&g[i]);
        for (size_t i = 0; i < ng; i++)
                for (size_t j = i + 1; j < ng; j++) {
                        struct group m = merged(&g[i], &g[j]);
                        more[i][j] = group_weight(&m) - gw[i] - gw[j];
                }
        while (ng > 8) {
                size_t bi = 0, bj = 1;
                for (size_t i = 0; i < ng; i++)
                        for (size_t j = i + 1; j < ng; j++)
                                if (more[i][j] < more[bi][bj]) {
                                        bi = i;
                                        bj = j;
                                }
                /* bj's place goes to the last group, with its costs */
                g[bi] = merged(&g[bi], &g[bj]);
                gw[bi] = group_weight(&g[bi]);
                ng--;
                g[bj] = g[ng];
                gw[bj] = gw[ng];
                for (size_t i = 0; i < ng; i++)
                        for (size_t j = i + 1; j < ng; j++)
                                if (i == bi || j == bi || i == bj || j == bj) {
                                        struct group m = merged(&g[i], &g[j]);
                                        more[i][j] = group_weight(&m) - gw[i] - gw[j];
                                }
        }
        for (size_t j = 0; j < ng; j++)
                for (unsigned x = 0; x < 16; x++)
                        for (int i = 0; i < 3; i++) {
                                uint8_t bit = (uint8_t)(1u << j);
                                td_lo[i][x] |= g[j].lo[i] >> x & 1 ? bit : 0;
                                td_hi[i][x] |= g[j].hi[i] >> x & 1 ? bit : 0;
                        }
}

static void build(void)
{
        for (unsigned c = 0; c < 256; c++) {
                cost_tab[c] = (unsigned short)byte_cost_of((unsigned char)c);
                class_tab[c] = (unsigned char)byte_class_of((unsigned char)c);
        }
        syslog_literals(collect, NULL);
        debug_literals(collect, NULL);
        show_ipsec_literals(collect, NULL);
        show_isakmp_literals(collect, NULL);
        show_misc_literals(collect, NULL);
        vpnclient_literals(collect, NULL);
        logs_dispatch_literals(collect, NULL);
        /* A syslog tag (syslog.c) makes a line a candidate before any literal. */
        act['%'] |= ACT_LIVE;
        if (too_many || !fingerprints())
                return;
        /* The dispatcher's prompts (logs.c). */
        act['#'] |= ACT_PROMPT;
        act['>'] |= ACT_PROMPT;
        /* A line's first byte: blank, elision or empty lines are the
         * dispatcher's; a CSV export or ASDM line starts with a digit or
         * a quote. */
        static const unsigned char live_first[] = {' ', '\t', '.', '[', 0xE2, '\r', '\n'};
        for (size_t i = 0; i < sizeof(live_first); i++)
                first_class[live_first[i]] = FIRST_LIVE;
        for (int c = '0'; c <= '9'; c++)
                first_class[c] = FIRST_EXPORT;
        first_class['"'] = FIRST_EXPORT;
        bool in[256] = {false};
        for (unsigned c = 0; c < 128; c++)
                in[c] = (act[c] & (ACT_LIVE | ACT_PROMPT)) != 0;
        nibbles(in, nib_lo, nib_hi);
        teddy();
#if defined(GATE_RUN_AVX2)
        __builtin_cpu_init();
        have_avx2 = __builtin_cpu_supports("avx2");
#endif
        usable = true;
}

static bool ready(void)
{
        static atomic_bool done;
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        if (!atomic_load_explicit(&done, memory_order_acquire)) {
                pthread_once(&once, build);
                atomic_store_explicit(&done, true, memory_order_release);
        }
        return usable && logs_gate_on();
}

/* One block's bits: bit i for s[i]. */
struct block {
        uint64_t nl;   /* '\n' */
        uint64_t mark; /* a byte act[] has something for */
};

/* The bits of s[0..n), n at most 64 (bits from n on are clear). */
static void block_bytes(const char *s, size_t n, struct block *k)
{
        uint64_t nl = 0, mark = 0;
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                nl |= (uint64_t)(c == '\n') << i;
                mark |= (uint64_t)(act[c] != 0) << i;
        }
        k->nl = nl;
        k->mark = mark;
}

#if defined(GATE_RUN_AVX2)
__attribute__((target("avx2"))) static inline uint32_t in_set(__m256i v, __m256i lo, __m256i hi,
                                                              __m256i low4)
{
        /* a byte with its top bit set looks up 0 in lo: never in a set */
        __m256i l = _mm256_shuffle_epi8(lo, v);
        __m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), low4));
        __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(l, h), _mm256_setzero_si256());
        return ~(uint32_t)_mm256_movemask_epi8(none);
}

__attribute__((target("avx2"))) static inline __m256i bcast16(const uint8_t *t)
{
        return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)t));
}

/* Teddy's marks of the 32 positions of v (w, x: the bytes one and two on). */
__attribute__((target("avx2"))) static inline __m256i nib_lookup(const uint8_t *lo,
                                                                 const uint8_t *hi, __m256i v)
{
        const __m256i low4 = _mm256_set1_epi8(0x0F);
        return _mm256_and_si256(
            _mm256_shuffle_epi8(bcast16(lo), _mm256_and_si256(v, low4)),
            _mm256_shuffle_epi8(bcast16(hi), _mm256_and_si256(_mm256_srli_epi16(v, 4), low4)));
}

__attribute__((target("avx2"))) static inline uint32_t teddy32(__m256i v, __m256i w, __m256i x)
{
        __m256i m =
            _mm256_and_si256(nib_lookup(td_lo[0], td_hi[0], v), nib_lookup(td_lo[1], td_hi[1], w));
        m = _mm256_and_si256(m, nib_lookup(td_lo[2], td_hi[2], x));
        return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, _mm256_setzero_si256()));
}

/* s[0..66) readable. */
__attribute__((target("avx2"))) static void block_avx2(const char *s, struct block *k)
{
        const __m256i lo = bcast16(nib_lo), hi = bcast16(nib_hi);
        const __m256i low4 = _mm256_set1_epi8(0x0F), newline = _mm256_set1_epi8('\n');
        __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)s);
        __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + 32));
        __m256i a1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 1));
        __m256i b1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 33));
        __m256i a2 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 2));
        __m256i b2 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 34));
        k->nl = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline)) |
                (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, newline)) << 32;
        k->mark = (in_set(a, lo, hi, low4) | teddy32(a, a1, a2)) |
                  (uint64_t)(in_set(b, lo, hi, low4) | teddy32(b, b1, b2)) << 32;
}
#endif

static inline __attribute__((always_inline)) void block_at(const char *s, size_t n, struct block *k,
                                                           bool avx2)
{
#if defined(GATE_RUN_AVX2)
        if (avx2 && n >= 66) {
                block_avx2(s, k);
                return;
        }
#else
        (void)avx2;
#endif
        block_bytes(s, n < 64 ? n : 64, k);
}

static bool host_or_blank(char c)
{
        return logs_alpha(c) || logs_digit(c) || c == '.' || c == '_' || c == '-' || c == '(' ||
               c == ')' || c == '/' || c == '\0' || c == ' ' || c == '\t';
}

/* Whether a fingerprint or literal of act a starts at s[p] (bytes past n
 * read as zeros, which no literal holds). */
static inline bool fp_at(const char *s, size_t n, size_t p, uint8_t a)
{
        uint64_t w;
        if (p + 8 <= n)
                memcpy(&w, s + p, 8);
        else
                w = word_of((const unsigned char *)s + p, n - p);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        /* most marks end here: no fingerprint starts with these two bytes */
        if (!bit_get(starts3, fp_hash32((uint32_t)w & 0xFFFFFF)))
                return false;
        return ((a & ACT_OCT) && bit_get(oct, fp_hash64(w))) ||
               ((a & ACT_QUAD) && bit_get(quad, fp_hash32((uint32_t)w))) ||
               ((a & ACT_TRI) && bit_get(tri, fp_hash32((uint32_t)w & 0xFFFFFF))) ||
               ((a & ACT_PAIR) && bit_get(pairs, (uint32_t)w & 0xFFFF));
}

/* The mark at s[p] makes the line starting at s[start] a candidate. */
static inline bool marked_live(const char *s, size_t n, size_t start, size_t p)
{
        uint8_t a = act[(unsigned char)s[p]];
        if (a & ACT_LIVE)
                return true;
        if ((a & ACT_PROMPT) && p - start <= PROMPT_AT) {
                size_t i = start;
                while (i < p && host_or_blank(s[i]))
                        i++;
                if (i == p)
                        return true;
        }
        return fp_at(s, n, p, a);
}

/* The line starting at s[start] is a candidate by its first bytes. */
static bool first_live(const char *s, size_t n, size_t start)
{
        switch (first_class[(unsigned char)s[start]]) {
        case FIRST_LIVE:
                return true;
        case FIRST_EXPORT:
                /* syslog.c: export_sep, a separator among the first four
                 * bytes; asdm_form, a '|' second */
                for (size_t i = start + 1; i < start + 4 && i < n && s[i] != '\n'; i++)
                        if (s[i] == ',' || s[i] == '\t' || (s[i] == '|' && i == start + 1))
                                return true;
                return false;
        default:
                return false;
        }
}

/* Whether a block whose lines all end plainly can be passed whole: none
 * of its marks can start anything (the usual case: the look is a load, a
 * hash and a bit) and no line starts specially. */
static inline bool block_quiet(const char *s, size_t n, size_t b, const struct block *k,
                               uint64_t starts)
{
        /* each line's first byte: a table says whether to look further */
        for (uint64_t m = starts; m; m &= m - 1) {
                size_t p = b + (size_t)__builtin_ctzll(m);
                if (p < n && first_class[(unsigned char)s[p]] && first_live(s, n, p))
                        return false;
        }
        for (uint64_t m = k->mark; m; m &= m - 1) {
                size_t p = b + (size_t)__builtin_ctzll(m);
                uint8_t a = act[(unsigned char)s[p]];
                if ((a & (ACT_LIVE | ACT_PROMPT)) || fp_at(s, n, p, a))
                        return false;
        }
        return true;
}

/* The scan, compiled for each kind of CPU (scan_avx2, scan_plain): avx2
 * says which block_at to use. */
static inline __attribute__((always_inline)) size_t scan(const char *s, size_t n, size_t *lines,
                                                         bool avx2)
{
        size_t start = 0, count = 0;
        uint64_t carry = 1; /* s[0] starts a line */
        for (size_t b = 0; b < n; b += 64) {
                struct block k;
                block_at(s + b, n - b, &k, avx2);
                uint64_t starts = k.nl << 1 | carry;
                carry = k.nl >> 63;
                if (block_quiet(s, n, b, &k, starts)) {
                        if (k.nl) {
                                count += (size_t)__builtin_popcountll(k.nl);
                                start = b + 64 - (size_t)__builtin_clzll(k.nl);
                        }
                        continue;
                }
                /* Walked: each mark and line end in order, up to the
                 * first line that is a candidate. */
                if (starts & 1 && first_live(s, n, b))
                        break;
                bool live = false;
                for (uint64_t ev = k.nl | k.mark; ev && !live; ev &= ev - 1) {
                        size_t p = b + (size_t)__builtin_ctzll(ev);
                        if (s[p] != '\n') {
                                live = marked_live(s, n, start, p);
                                continue;
                        }
                        count++;
                        start = p + 1;
                        live = start < n && first_live(s, n, start);
                }
                if (live)
                        break;
        }
        *lines = count;
        return start;
}

#if defined(GATE_RUN_AVX2)
__attribute__((target("avx2,popcnt,bmi,lzcnt"))) static size_t scan_avx2(const char *s, size_t n,
                                                                         size_t *lines)
{
        return scan(s, n, lines, true);
}
#endif

static size_t scan_plain(const char *s, size_t n, size_t *lines)
{
        return scan(s, n, lines, false);
}

static atomic_bool no_simd;

void logs_gate_run_simd(bool on)
{
        atomic_store(&no_simd, !on);
}

size_t logs_gate_run(const char *s, size_t n, size_t *lines)
{
        *lines = 0;
        if (n == 0 || !ready())
                return 0;
#if defined(GATE_RUN_AVX2)
        if (have_avx2 && !atomic_load_explicit(&no_simd, memory_order_relaxed))
                return scan_avx2(s, n, lines);
#endif
        return scan_plain(s, n, lines);
}
