/*
 * Correlation: log events -> ranked candidate diagnoses, in bounded memory.
 *
 * Events are grouped by peer (the address, else the group name) and time:
 * each peer has a fixed-size slot of candidates; a slot idle for more than
 * CORR_EPISODE seconds of log time, or the least recently used slot when
 * the table is full, is closed and its candidates join the results. The
 * catalog's weights score the candidates (each distinct message counts its
 * weight once; repetitions add a little), and the inference rules of rules.c
 * (two messages of one episode together, each rule with its source) add to
 * them or cancel them. Counters (one-way traffic, asp drops) arrive as events like the rest.
 */
#ifndef IPSD_CORRELATE_H
#define IPSD_CORRELATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../catalog/catalog.h"
#include "../logs/logs.h"

#define CORR_MAX_PEERS 4096 /* int16_t indices; a slot is ~3 KB, touched lazily */
#define CORR_MAX_CANDS 32
#define CORR_MAX_EV    3
#define CORR_MAX_MSGS  8
#define CORR_EV_TEXT   200
#define CORR_MAX_OUT   512
#define CORR_EPISODE   3600 /* seconds of silence that end a peer's episode */
#define CORR_MIN_SCORE 15
#define CORR_BUCKETS   8192 /* power of two, twice the peers */
/* Evidence texts of open peers, out of line: a pool of CORR_EV_TEXT-byte
 * entries reused last-freed-first (warm in cache). When it runs out the
 * least recently seen peer is closed to free its entries. */
#define CORR_EV_POOL (CORR_MAX_PEERS * 8)

struct corr_ev {
        const char *file; /* owned by the caller for the whole run */
        uint32_t line;
        char text[CORR_EV_TEXT];
};

struct corr_cand {
        const struct diagnosis *diag;
        int score;
        uint32_t hits;
        const struct message *msgs[CORR_MAX_MSGS]; /* distinct messages counted */
        size_t nmsgs, nev;
        struct corr_ev ev[CORR_MAX_EV];
};

/* An open peer's candidate: what corr_cand holds, in one cache line. An
 * event reads and writes only this line of it: the messages counted are
 * the correlator's message-table slots (2 bytes, not 8), the evidence
 * texts are in the correlator's text pool, and the evidence's file names,
 * compared only when a line number matches, are kept apart (corr_peer). */
struct corr_pcand {
        const struct diagnosis *diag;
        int score;
        uint32_t hits;
        uint8_t nmsgs, nev;
        uint16_t msgs[CORR_MAX_MSGS]; /* distinct messages counted (message-table slots) */
        uint32_t ev_line[CORR_MAX_EV];
        int32_t ev_text[CORR_MAX_EV]; /* index into the text pool; -1 none */
};

/* Candidates whose diagnosis index sits in a peer's first cache line. */
#define CORR_HOT_CANDS 20

/* One open peer. Laid out by what an event touches (measured: the lookups
 * of a log of a thousand peers waited on memory for a quarter of the run):
 * line 0 holds the scalars and the first candidates' diagnosis indices,
 * line 1 the key, so finding the peer and its candidate reads two
 * adjacent lines and then the candidate's own line. */
struct corr_peer {
        /* line 0 */
        uint32_t hash;
        uint8_t ncand;
        bool used;
        uint8_t platform; /* enum platform */
        uint32_t seen;    /* rules.c: first sides seen this episode (bits) */
        uint32_t bonuses; /* rules already applied this episode (bits) */
        int64_t last_time;
        /* cand[i]'s diagnosis as its index in catalog[] */
        uint16_t cdiag[CORR_HOT_CANDS];
        /* line 1 */
        char key[LOG_FIELD_MAX]; /* address, group, or "" for lines with neither */
        /* line 2 and on: read when an event names a group, or at close */
        char group[LOG_FIELD_MAX]; /* last group seen */
        uint16_t cdiag_more[CORR_MAX_CANDS - CORR_HOT_CANDS];
        const char *ev_file[CORR_MAX_CANDS][CORR_MAX_EV]; /* each evidence's file */
        _Alignas(64) struct corr_pcand cand[CORR_MAX_CANDS];
};

/* One ranked candidate: the diagnosis of one peer (or group). */
struct corr_result {
        char key[LOG_FIELD_MAX];
        char group[LOG_FIELD_MAX];
        uint32_t hash;
        enum platform platform;
        struct corr_cand cand[1];
};

struct correlator {
        _Alignas(64) struct corr_peer peers[CORR_MAX_PEERS];
        struct corr_peer *last;
        int16_t bucket[CORR_BUCKETS]; /* hash -> first peer index; -1 empty */
        /* peers[i]'s hash and next peer in its bucket (-1 ends), apart from
         * the ~5 KB slots: a chain walk reads these dense arrays only */
        uint32_t phash[CORR_MAX_PEERS];
        int16_t pchain[CORR_MAX_PEERS];
        /* the recency list (most recent first; -1 ends it), dense too:
         * moving a peer to the front touches its neighbours' entries */
        int16_t pprev[CORR_MAX_PEERS], pnext[CORR_MAX_PEERS];
        int16_t head, tail; /* recency list ends */
        int16_t nfree;      /* peers never used yet: indices nfree.. are free */
        struct corr_result *out[CORR_MAX_OUT];
        int16_t rbucket[CORR_BUCKETS]; /* (diagnosis, peer) -> first result; -1 empty */
        int16_t rchain[CORR_MAX_OUT];  /* next result in the same bucket */
        size_t nout;
        size_t dropped;                /* candidates beyond CORR_MAX_OUT */
        enum platform platform;        /* the platform the logs show most recently */
        int16_t spare[CORR_MAX_PEERS]; /* slots emptied to free pool entries */
        int16_t nspare;
        int32_t evfresh;              /* pool entries never used: evfresh.. */
        int32_t nevfree;              /* entries on the free stack */
        int32_t evfree[CORR_EV_POOL]; /* freed entries, last freed on top */
        void *alloc;                  /* what calloc gave (the table is aligned within it) */
        char evtext[CORR_EV_POOL][CORR_EV_TEXT];
};

/* Heap-allocated (the table is large); NULL on OOM. */
struct correlator *corr_new(void);
void corr_free(struct correlator *c);
void corr_event(struct correlator *c, const char *file, const struct ev_record *ev);
/* Hints, in this order a few lines apart, that an event of message m for
 * the peer whose key hashes to h (util/key_hash.h) comes soon: its bucket,
 * its slot, its candidates are fetched into the cache. Nothing changes. */
void corr_prefetch_bucket(const struct correlator *c, uint32_t h);
void corr_prefetch_peer(const struct correlator *c, uint32_t h);
void corr_prefetch_cands(const struct correlator *c, uint32_t h, const struct message *m);
/* Closes every peer and sorts the results by score, highest first. */
void corr_finish(struct correlator *c);
/* Result i after corr_finish, best first. */
size_t corr_count(const struct correlator *c);
const struct corr_result *corr_at(const struct correlator *c, size_t i);

#endif
