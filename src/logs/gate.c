/*
 * The gate in front of the free-text readers: a line that holds none of
 * the literals any reader needs before it can take a line (outside a show
 * block, with no recognised line above it) is unknown after one scan for
 * those literals, instead of a pass of its own per catalogue entry and per
 * reader (message_scan_asa_body alone tries some two hundred texts).
 *
 * The literals are data, gathered once from the readers' own tables and
 * the message catalogue (each reader's *_literals function says what it
 * needs: the debug families' literals, the catalogued IOS tags, the ASA
 * bodies' fixed texts, the CLI responses' patterns, the show blocks'
 * openers, the VPN Client's markers). Each is a necessary condition of its
 * reader, so a line that passes the gate goes through every reader as
 * before, and one that does not would have been unknown anyway: the gate
 * changes the cost, never the answer (the fuzz targets compare both).
 *
 * The scan: a 4-byte window at each position, hashed into a bitmap of the
 * literals' first four bytes (8 KB; a few hundred literals set about one
 * bit in a hundred); a set bit is checked against the literals of that
 * hash, their first four bytes as one word first. Literals shorter than four bytes are few and
 * found with memchr.
 */
#include "logs.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#define GATE_HBITS 16
#define GATE_SLOTS (1u << GATE_HBITS)
#define GATE_MAX   4096 /* literals; more are dropped and the gate opens for every line */
#define GATE_SHORT 16

struct gate_lit {
        const char *s;
        uint32_t len;
        uint32_t first; /* s's first four bytes as a word (len >= 4) */
        int32_t next;   /* the next literal of the same hash; -1 ends */
};

static struct gate_lit lits[GATE_MAX];
static size_t nlits;
static int32_t head[GATE_SLOTS];
static uint64_t bits[GATE_SLOTS / 64];
static struct gate_lit shorts[GATE_SHORT];
static size_t nshort;
static bool overflow; /* a table was full: the gate lets everything through */
static atomic_bool disabled;

static inline uint32_t word_at(const char *p)
{
        uint32_t w;
        memcpy(&w, p, 4);
        return w;
}

static inline uint32_t gate_hash(uint32_t w)
{
        return (w * 0x9E3779B1u) >> (32 - GATE_HBITS);
}

static void add(void *ctx, const char *s, size_t len)
{
        (void)ctx;
        if (len == 0) {
                overflow = true; /* an empty literal is in every line */
                return;
        }
        if (len < 4) {
                if (nshort >= GATE_SHORT) {
                        overflow = true;
                        return;
                }
                shorts[nshort++] = (struct gate_lit){s, (uint32_t)len, 0, -1};
                return;
        }
        if (nlits >= GATE_MAX) {
                overflow = true;
                return;
        }
        uint32_t w = word_at(s), h = gate_hash(w);
        lits[nlits] = (struct gate_lit){s, (uint32_t)len, w, head[h]};
        head[h] = (int32_t)nlits++;
        bits[h / 64] |= 1ull << (h % 64);
}

static void build(void)
{
        for (size_t i = 0; i < GATE_SLOTS; i++)
                head[i] = -1;
        syslog_literals(add, NULL);
        debug_literals(add, NULL);
        show_ipsec_literals(add, NULL);
        show_isakmp_literals(add, NULL);
        show_misc_literals(add, NULL);
        vpnclient_literals(add, NULL);
}

/* Built once, from whichever parsing thread asks first. */
static void gate_build(void)
{
        static atomic_bool ready;
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        if (atomic_load_explicit(&ready, memory_order_acquire))
                return;
        pthread_once(&once, build);
        atomic_store_explicit(&ready, true, memory_order_release);
}

bool logs_gate_on(void)
{
        gate_build();
        return !overflow && !atomic_load_explicit(&disabled, memory_order_relaxed);
}

void logs_gate_disable(bool off)
{
        atomic_store(&disabled, off);
}

bool logs_gate(const char *s, size_t len)
{
        gate_build();
        if (overflow || atomic_load_explicit(&disabled, memory_order_relaxed))
                return true;
        for (size_t i = 0; i < nshort; i++)
                if (logs_find_n(s, len, shorts[i].s, shorts[i].len))
                        return true;
        for (size_t i = 0; i + 4 <= len; i++) {
                uint32_t w = word_at(s + i), h = gate_hash(w);
                if (!(bits[h / 64] >> (h % 64) & 1))
                        continue;
                for (int32_t k = head[h]; k >= 0; k = lits[k].next)
                        if (lits[k].first == w && lits[k].len <= len - i &&
                            !memcmp(s + i + 4, lits[k].s + 4, lits[k].len - 4))
                                return true;
        }
        return false;
}
