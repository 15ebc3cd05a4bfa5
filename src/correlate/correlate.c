#include "correlate.h"
#include "rules.h"

#include "../util/key_hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* calloc, not aligned_alloc and memset: the zeroed pages of a large
 * calloc are touched only where peers are used. */
struct correlator *corr_new(void)
{
        void *raw = calloc(1, sizeof(struct correlator) + 64);
        if (!raw)
                return NULL;
        struct correlator *c = (struct correlator *)(((uintptr_t)raw + 63) & ~(uintptr_t)63);
        c->alloc = raw;
        for (size_t i = 0; i < CORR_BUCKETS; i++)
                c->bucket[i] = c->rbucket[i] = -1;
        c->head = c->tail = -1;
        return c;
}

void corr_free(struct correlator *c)
{
        if (!c)
                return;
        for (size_t i = 0; i < c->nout; i++)
                free(c->out[i]);
        free(c->alloc);
}

/* What corr_event needs of a message, resolved once per message: its
 * diagnoses (catalog_find is a string search) and the inference rules
 * (rules.c) it takes part in. Open addressing on the entry's address; the
 * catalog has fewer entries than slots, so a probe always ends. */
struct msg_info {
        const struct message *m;
        const struct diagnosis *diag[MSG_MAX_DIAGS];
        uint16_t didx[MSG_MAX_DIAGS]; /* diag[i]'s index in catalog[] */
        uint32_t first, then;         /* bit r: the message is a side of corr_rules[r] */
};

#define MSG_INFO_SLOTS 4096   /* power of two, above the catalog's size */
#define MSG_INFO_SPARE 0xFFFF /* the slot of a message that found the table full */

static struct msg_info info_slots[MSG_INFO_SLOTS];
static struct msg_info info_spare; /* only if the catalog outgrew the table */

/* A message's slot in the table (what a candidate keeps of it). */
static uint16_t info_index(const struct msg_info *in)
{
        return in == &info_spare ? MSG_INFO_SPARE : (uint16_t)(in - info_slots);
}

static void info_fill(struct msg_info *in, const struct message *m)
{
        in->m = m;
        for (int i = 0; i < MSG_MAX_DIAGS; i++) {
                in->diag[i] = m->diags[i].id ? catalog_find(m->diags[i].id) : NULL;
                in->didx[i] = in->diag[i] ? (uint16_t)(in->diag[i] - catalog) : 0;
        }
        in->first = in->then = 0;
        for (size_t r = 0; r < corr_rule_count && r < 32; r++) {
                if (rule_side_has(corr_rules[r].first, m))
                        in->first |= 1u << r;
                if (rule_side_has(corr_rules[r].then, m))
                        in->then |= 1u << r;
        }
}

static const struct msg_info *info_of(const struct message *m)
{
        size_t h = (size_t)(((uintptr_t)m >> 3) * 0x9E3779B1u) & (MSG_INFO_SLOTS - 1);
        for (size_t n = 0; n < MSG_INFO_SLOTS; n++, h = (h + 1) & (MSG_INFO_SLOTS - 1)) {
                if (info_slots[h].m == m)
                        return &info_slots[h];
                if (!info_slots[h].m) {
                        info_fill(&info_slots[h], m);
                        return &info_slots[h];
                }
        }
        info_fill(&info_spare, m);
        return &info_spare;
}

/* A diagnosis as its index in catalog[] (a peer's candidate list). */
static uint16_t diag_index(const struct diagnosis *d)
{
        return (uint16_t)(d - catalog);
}

/* Copies a NUL-terminated field (at most LOG_FIELD_MAX - 1 bytes kept). */
static void copy_field(char dst[LOG_FIELD_MAX], const char *src)
{
        size_t n = strnlen(src, LOG_FIELD_MAX - 1);
        memcpy(dst, src, n);
        dst[n] = '\0';
}

static size_t result_bucket(const struct diagnosis *d, uint32_t peer_hash)
{
        return (((uintptr_t)d >> 4) ^ peer_hash) & (CORR_BUCKETS - 1);
}

/* The result keeps its evidence texts inline: the pool's entries are
 * reused as soon as the peer closes. */
static void to_result(const struct correlator *c, struct corr_cand *dst, const struct corr_peer *p,
                      size_t ki)
{
        const struct corr_pcand *k = &p->cand[ki];
        memset(dst, 0, sizeof(*dst));
        dst->diag = k->diag;
        dst->score = k->score;
        dst->hits = k->hits;
        dst->nmsgs = k->nmsgs;
        for (size_t i = 0; i < k->nmsgs; i++)
                dst->msgs[i] =
                    k->msgs[i] == MSG_INFO_SPARE ? info_spare.m : info_slots[k->msgs[i]].m;
        dst->nev = k->nev;
        for (size_t i = 0; i < k->nev; i++) {
                dst->ev[i].file = p->ev_file[ki][i];
                dst->ev[i].line = k->ev_line[i];
                if (k->ev_text[i] >= 0)
                        memcpy(dst->ev[i].text, c->evtext[k->ev_text[i]], CORR_EV_TEXT);
        }
}

static void keep_result(struct correlator *c, const struct corr_peer *p, size_t ki)
{
        const struct corr_pcand *k = &p->cand[ki];
        size_t b = result_bucket(k->diag, p->hash);
        for (int16_t i = c->rbucket[b]; i >= 0; i = c->rchain[i]) {
                struct corr_result *o = c->out[i];
                if (o->cand[0].diag == k->diag && o->hash == p->hash && !strcmp(o->key, p->key)) {
                        o->cand[0].score =
                            o->cand[0].score > k->score ? o->cand[0].score : k->score;
                        o->cand[0].hits += k->hits;
                        return; /* the same diagnosis of the same peer, an earlier episode */
                }
        }
        if (c->nout >= CORR_MAX_OUT) {
                c->dropped++;
                return;
        }
        struct corr_result *o = malloc(sizeof(*o));
        if (!o) {
                c->dropped++;
                return;
        }
        memcpy(o->key, p->key, sizeof(o->key));
        memcpy(o->group, p->group, sizeof(o->group));
        o->hash = p->hash;
        o->platform = (enum platform)p->platform;
        to_result(c, &o->cand[0], p, ki);
        c->rchain[c->nout] = c->rbucket[b];
        c->rbucket[b] = (int16_t)c->nout;
        c->out[c->nout++] = o;
}

static int16_t idx(const struct correlator *c, const struct corr_peer *p)
{
        return (int16_t)(p - c->peers);
}

static void unlink_recency(struct correlator *c, struct corr_peer *p)
{
        int16_t i = idx(c, p), prev = c->pprev[i], next = c->pnext[i];
        if (prev >= 0)
                c->pnext[prev] = next;
        else
                c->head = next;
        if (next >= 0)
                c->pprev[next] = prev;
        else
                c->tail = prev;
        c->pprev[i] = c->pnext[i] = -1;
}

static void push_front(struct correlator *c, struct corr_peer *p)
{
        int16_t i = idx(c, p);
        c->pprev[i] = -1;
        c->pnext[i] = c->head;
        if (c->head >= 0)
                c->pprev[c->head] = i;
        c->head = i;
        if (c->tail < 0)
                c->tail = c->head;
}

static void unlink_bucket(struct correlator *c, struct corr_peer *p)
{
        int16_t *link = &c->bucket[p->hash & (CORR_BUCKETS - 1)];
        while (*link >= 0 && *link != idx(c, p))
                link = &c->pchain[*link];
        if (*link >= 0)
                *link = c->pchain[idx(c, p)];
}

/* Ends the peer's episode: its candidates join the results and the slot
 * is emptied (only the fields a new peer reads, not the whole slot). */
static void close_peer(struct correlator *c, struct corr_peer *p)
{
        for (size_t i = 0; i < p->ncand; i++) {
                const struct corr_pcand *k = &p->cand[i];
                if (k->score >= CORR_MIN_SCORE)
                        keep_result(c, p, i);
                for (size_t e = 0; e < k->nev; e++)
                        if (k->ev_text[e] >= 0)
                                c->evfree[c->nevfree++] = k->ev_text[e];
        }
        if (c->last == p)
                c->last = NULL;
        unlink_recency(c, p);
        unlink_bucket(c, p);
        p->used = false;
        p->ncand = 0;
        p->seen = 0;
        p->bonuses = 0;
        p->group[0] = '\0';
        p->platform = PLAT_UNKNOWN;
}

/* memcmp(a, b, n) == 0 inline, eight bytes a step: a key is an address
 * or a group name of a dozen bytes, where the call was most of the cost. */
static bool key_eq(const char *a, const char *b, size_t n)
{
        uint64_t x, y;
        if (n < 8) {
                for (size_t i = 0; i < n; i++)
                        if (a[i] != b[i])
                                return false;
                return true;
        }
        /* whole words, then the last eight bytes (overlapping the words) */
        for (size_t i = 0; i + 8 < n; i += 8) {
                memcpy(&x, a + i, 8);
                memcpy(&y, b + i, 8);
                if (x != y)
                        return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
}

/* key has n bytes before its NUL, or more when n is LOG_FIELD_MAX - 1;
 * comparing the NUL too, a longer key matches no (cut) stored key. */
static struct corr_peer *lookup(struct correlator *c, const char *key, size_t n, uint32_t h)
{
        struct corr_peer *p = c->last;
        if (p && p->hash == h && key_eq(p->key, key, n + 1))
                return p;
        for (int16_t i = c->bucket[h & (CORR_BUCKETS - 1)]; i >= 0; i = c->pchain[i]) {
                if (c->phash[i] != h)
                        continue; /* another peer's slot is never touched */
                p = &c->peers[i];
                if (key_eq(p->key, key, n + 1))
                        return p;
        }
        return NULL;
}

/* ---- hints: the memory of a coming event's peer, fetched ahead ----
 * A log of a thousand peers or more touches a different peer slot at
 * nearly every line, and the lookup's loads depend on each other (bucket,
 * slot, candidate): the correlator waited on memory for a quarter of a
 * run. The reader asks for each stage a few lines before the event, each
 * stage reading only what the one before fetched. Hints change nothing:
 * a peer that is not (or no longer) first in its bucket is just not
 * fetched. */

void corr_prefetch_bucket(const struct correlator *c, uint32_t h)
{
        __builtin_prefetch(&c->bucket[h & (CORR_BUCKETS - 1)]);
}

void corr_prefetch_peer(const struct correlator *c, uint32_t h)
{
        int16_t i = c->bucket[h & (CORR_BUCKETS - 1)];
        if (i < 0)
                return;
        __builtin_prefetch(&c->phash[i]);
        __builtin_prefetch(&c->peers[i]);
        __builtin_prefetch((const char *)&c->peers[i] + 64);
}

/* key: n bytes (at most LOG_FIELD_MAX - 1) and a NUL; h its key_hash. */
static struct corr_peer *peer_for(struct correlator *c, const char *key, size_t n, uint32_t h,
                                  int64_t t)
{
        struct corr_peer *p = lookup(c, key, n, h);
        if (p) {
                if (t < 0 || p->last_time < 0 || t - p->last_time <= CORR_EPISODE)
                        return p;
                close_peer(c, p); /* a new episode of the same peer reuses its slot */
        } else if (c->nspare > 0) {
                p = &c->peers[c->spare[--c->nspare]];
        } else if (c->nfree < CORR_MAX_PEERS) {
                p = &c->peers[c->nfree++];
        } else {
                p = &c->peers[c->tail]; /* the least recently seen peer makes room */
                close_peer(c, p);
        }
        p->used = true;
        p->hash = h;
        copy_field(p->key, key);
        p->last_time = -1;
        c->phash[idx(c, p)] = h;
        c->pchain[idx(c, p)] = c->bucket[h & (CORR_BUCKETS - 1)];
        c->bucket[h & (CORR_BUCKETS - 1)] = idx(c, p);
        c->pprev[idx(c, p)] = c->pnext[idx(c, p)] = -1;
        push_front(c, p);
        return p;
}

static uint16_t *cdiag_at(struct corr_peer *p, size_t i)
{
        return i < CORR_HOT_CANDS ? &p->cdiag[i] : &p->cdiag_more[i - CORR_HOT_CANDS];
}

/* The candidate index of d, or ncand when the peer has none. */
static size_t cand_index(const struct corr_peer *p, uint16_t di)
{
        size_t n = p->ncand < CORR_HOT_CANDS ? p->ncand : CORR_HOT_CANDS, i = 0;
        for (; i < n; i++)
                if (p->cdiag[i] == di)
                        return i;
        for (; i < p->ncand; i++)
                if (p->cdiag_more[i - CORR_HOT_CANDS] == di)
                        return i;
        return i;
}

static struct corr_pcand *cand_for(struct corr_peer *p, const struct diagnosis *d)
{
        if (!d)
                return NULL; /* no candidate has none */
        uint16_t di = diag_index(d);
        size_t i = cand_index(p, di);
        if (i < p->ncand)
                return &p->cand[i];
        if (p->ncand >= CORR_MAX_CANDS)
                return NULL; /* bounded: more candidates than a report needs */
        *cdiag_at(p, p->ncand) = di;
        struct corr_pcand *k = &p->cand[p->ncand++];
        /* The slot may hold an earlier peer's candidate: reset what the
         * counters do not cover. */
        k->diag = d;
        k->score = 0;
        k->hits = 0;
        k->nmsgs = k->nev = 0;
        return k;
}

/* A pool entry for an evidence text; when the pool is used up, the least
 * recently seen peers close (as when the peer table is full) until one
 * frees an entry. -1 only if p itself holds them all. */
static int32_t text_alloc(struct correlator *c, const struct corr_peer *p)
{
        for (;;) {
                if (c->nevfree > 0)
                        return c->evfree[--c->nevfree];
                if (c->evfresh < CORR_EV_POOL)
                        return c->evfresh++;
                if (c->tail < 0 || &c->peers[c->tail] == p)
                        return -1;
                int16_t t = c->tail;
                close_peer(c, &c->peers[t]);
                c->spare[c->nspare++] = t; /* the next new peer takes it */
        }
}

/* Whether the candidate's evidence holds this line of this file. */
static bool has_evidence(const struct corr_peer *p, const struct corr_pcand *k, const char *file,
                         uint32_t line)
{
        for (size_t i = 0; i < k->nev; i++)
                if (k->ev_line[i] == line && p->ev_file[k - p->cand][i] == file)
                        return true;
        return false;
}

static void evidence(struct correlator *c, struct corr_peer *p, struct corr_pcand *k,
                     const char *file, const struct ev_record *ev)
{
        if (has_evidence(p, k, file, ev->line) || k->nev >= CORR_MAX_EV)
                return;
        int32_t t = text_alloc(c, p);
        if (t < 0)
                return;
        size_t e = k->nev++;
        p->ev_file[k - p->cand][e] = file;
        k->ev_line[e] = ev->line;
        k->ev_text[e] = t;
        size_t n = ev->len < CORR_EV_TEXT - 1 ? ev->len : CORR_EV_TEXT - 1;
        memcpy(c->evtext[t], ev->text, n);
        c->evtext[t][n] = '\0';
}

/* A message's weight counts once per candidate; repetitions add a little. */
void corr_prefetch_cands(const struct correlator *c, uint32_t h, const struct message *m)
{
        int16_t i = c->bucket[h & (CORR_BUCKETS - 1)];
        if (i < 0 || c->phash[i] != h)
                return;
        struct corr_peer *p = (struct corr_peer *)&c->peers[i]; /* read only */
        const struct msg_info *in = info_of(m);
        for (int d = 0; d < MSG_MAX_DIAGS && in->diag[d]; d++) {
                size_t k = cand_index(p, in->didx[d]);
                if (k < p->ncand)
                        __builtin_prefetch(&p->cand[k]);
        }
}

static void add(struct correlator *c, struct corr_peer *p, const struct diagnosis *d, int weight,
                uint16_t msg, const char *file, const struct ev_record *ev)
{
        struct corr_pcand *k = weight > 0 ? cand_for(p, d) : NULL;
        if (!k)
                return;
        k->hits++;
        bool seen = false;
        for (size_t i = 0; i < k->nmsgs; i++)
                seen |= k->msgs[i] == msg && msg != MSG_INFO_SPARE;
        if (!seen && k->nmsgs < CORR_MAX_MSGS) {
                k->msgs[k->nmsgs++] = msg;
                k->score += weight;
        } else if (k->hits <= 10) {
                k->score += 1;
        }
        if (!seen || k->nev == 0)
                evidence(c, p, k, file, ev);
}

/* Each rule's diagnosis, found once (catalog_find is a string search,
 * and a rule fires for every episode of every peer). */
static const struct diagnosis *rule_diag(size_t r)
{
        static const struct diagnosis *diag[32];
        static bool known[32];
        if (!known[r]) {
                diag[r] = catalog_find(corr_rules[r].id);
                known[r] = true;
        }
        return diag[r];
}

/* A rule's weight, once per peer episode (bit names the rule). */
static void bonus(struct correlator *c, struct corr_peer *p, unsigned bit,
                  const struct diagnosis *d, int weight, const char *file,
                  const struct ev_record *ev)
{
        if (p->bonuses & bit)
                return;
        struct corr_pcand *k = cand_for(p, d);
        if (!k)
                return;
        p->bonuses |= bit;
        k->score += weight;
        /* The line that completes a sequence was usually counted already by
         * add(): count it only when it is new evidence for this candidate. */
        if (!has_evidence(p, k, file, ev->line))
                k->hits++;
        evidence(c, p, k, file, ev);
}

/* A rule whose second message undoes what the first said (nothing is
 * added when the candidate does not exist). */
static void cancel(struct correlator *c, struct corr_peer *p, unsigned bit,
                   const struct diagnosis *d)
{
        (void)c;
        if (!d)
                return;
        size_t i = cand_index(p, diag_index(d));
        if (i < p->ncand) {
                p->cand[i].score = 0;
                p->bonuses |= bit;
        }
}

/* The inference rules (rules.c): the message completes a rule whose first
 * side this peer's episode has seen (this very line included). */
static void rules(struct correlator *c, struct corr_peer *p, const struct msg_info *in,
                  const char *file, const struct ev_record *ev)
{
        p->seen |= in->first;
        uint32_t due = in->then & p->seen;
        /* the due rules in order, by their bits (no walk over the others) */
        for (; due; due &= due - 1) {
                size_t r = (size_t)__builtin_ctz(due);
                const struct corr_rule *x = &corr_rules[r];
                if (x->group && strcmp(ev->group, x->group))
                        continue;
                if (x->action == RULE_CANCEL)
                        cancel(c, p, 1u << r, rule_diag(r));
                else
                        bonus(c, p, 1u << r, rule_diag(r), x->weight, file, ev);
        }
}

void corr_event(struct correlator *c, const char *file, const struct ev_record *ev)
{
        const char *key = ev->peer[0] ? ev->peer : ev->group;
        size_t n;
        uint32_t h;
        if (ev->hashed) { /* the parsing thread's, with the line in its cache */
                n = ev->key_len;
                h = ev->key_hash;
        } else {
                n = strnlen(key, LOG_FIELD_MAX - 1);
                h = key_hash(key, n);
        }
        struct corr_peer *p = peer_for(c, key, n, h, ev->time);
        if (c->head != idx(c, p)) {
                unlink_recency(c, p);
                push_front(c, p);
        }
        if (ev->time >= 0)
                p->last_time = ev->time;
        if (ev->group[0])
                copy_field(p->group, ev->group);
        if (ev->platform != PLAT_UNKNOWN)
                p->platform = (uint8_t)(c->platform = ev->platform);
        c->last = p;
        const struct msg_info *in = info_of(ev->msg);
        uint16_t msg = info_index(in);
        for (int i = 0; i < MSG_MAX_DIAGS && ev->msg->diags[i].id; i++)
                add(c, p, in->diag[i], ev->msg->diags[i].weight, msg, file, ev);
        if (in->first | in->then)
                rules(c, p, in, file, ev);
}

static int by_score(const void *a, const void *b)
{
        const struct corr_result *x = *(struct corr_result *const *)a;
        const struct corr_result *y = *(struct corr_result *const *)b;
        if (x->cand[0].score != y->cand[0].score)
                return x->cand[0].score > y->cand[0].score ? -1 : 1;
        int k = strcmp(x->key, y->key);
        return k ? k : strcmp(x->cand[0].diag->id, y->cand[0].diag->id);
}

void corr_finish(struct correlator *c)
{
        for (size_t i = 0; i < CORR_MAX_PEERS; i++)
                if (c->peers[i].used)
                        close_peer(c, &c->peers[i]);
        qsort(c->out, c->nout, sizeof(c->out[0]), by_score);
}

size_t corr_count(const struct correlator *c)
{
        return c->nout;
}

const struct corr_result *corr_at(const struct correlator *c, size_t i)
{
        return i < c->nout ? c->out[i] : NULL;
}
