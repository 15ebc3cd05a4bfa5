#include "verdict.h"

#include <stdio.h>
#include <string.h>

#include "../checks/check.h"
#include "../negotiate/discover.h"
#include "peer_facts.h"

int verdict_init(struct verdict_ctx *v, struct device **devs, size_t ndevs)
{
        v->devs = devs;
        v->ndevs = ndevs;
        v->pairs = false; /* verdict_init_pairs sets it after the pair checks */
        v->prefer_file = NULL;
        findings_init(&v->checks);
        for (size_t d = 0; d < ndevs; d++)
                for (size_t i = 0; i < check_count(); i++) {
                        const struct check *k = check_at(i);
                        struct check_ctx c = {devs[d], &v->checks, k->id};
                        if (k->fn(&c))
                                return -1;
                }
        return 0;
}

int verdict_init_pairs(struct verdict_ctx *v, struct device **devs, size_t ndevs)
{
        if (verdict_init(v, devs, ndevs))
                return -1;
        v->pairs = ndevs >= 2;
        return v->pairs ? pairs_check(devs, ndevs, &v->checks) : 0;
}

void verdict_free(struct verdict_ctx *v)
{
        findings_free(&v->checks);
}

const char *verdict_name(enum verdict v)
{
        static const char *const names[] = {"", "confirmed", "unverified", "ruled out"};
        return names[v];
}

/* The diagnoses the negotiation between two configs reports when it
 * fails (negotiate/play.c, play_p2.c, play_v2.c): with the pair checks
 * run, one of them not reported is ruled out. */
static const char *const pair_ids[] = {"isakmp-policy-mismatch", "transform-set-mismatch",
                                       "pfs-mismatch", "crypto-acl-not-mirrored",
                                       "ikev2-auth-failed"};

static bool has_pair_check(const struct verdict_ctx *v, const char *id)
{
        for (size_t i = 0; v->pairs && i < sizeof(pair_ids) / sizeof(pair_ids[0]); i++)
                if (!strcmp(pair_ids[i], id))
                        return true;
        return false;
}

static bool has_check(const char *id)
{
        for (size_t i = 0; i < check_count(); i++)
                if (!strcmp(check_at(i)->id, id))
                        return true;
        return false;
}

static bool dev_has_addr(const struct device *d, uint32_t a)
{
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                if (f->has_addr && f->addr == a)
                        return true;
        }
        return false;
}

static bool parse_ip(const char *s, uint32_t *out)
{
        unsigned b[4];
        char tail;
        if (!s || sscanf(s, "%u.%u.%u.%u%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4)
                return false;
        if (b[0] > 255 || b[1] > 255 || b[2] > 255 || b[3] > 255)
                return false;
        *out = b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
        return true;
}

/* The key dev a holds for device b: addressed to one of b's interfaces
 * (IOS "address", ASA tunnel-group named after the address). */
static const struct psk *key_for(const struct device *a, const struct device *b)
{
        for (size_t i = 0; i < a->psks.n; i++) {
                const struct psk *k = a->psks.v[i];
                uint32_t ip;
                if (k->has_addr && k->mask == 0xffffffffu && dev_has_addr(b, k->addr))
                        return k;
                if (k->tunnel_group && parse_ip(k->tunnel_group, &ip) && dev_has_addr(b, ip))
                        return k;
        }
        return NULL;
}

static enum verdict psk_verdict(const struct verdict_ctx *v, char *why, size_t size)
{
        for (size_t i = 0; i < v->ndevs; i++)
                for (size_t j = i + 1; j < v->ndevs; j++) {
                        const struct psk *a = key_for(v->devs[i], v->devs[j]);
                        const struct psk *b = key_for(v->devs[j], v->devs[i]);
                        if (!a || !b)
                                continue;
                        enum secret_cmp c = secret_compare(&a->key, &b->key);
                        const char *ta = device_label(v->devs[i]), *tb = device_label(v->devs[j]);
                        if (c == SECRET_CMP_EQUAL) {
                                snprintf(why, size,
                                         "the keys of %s (line %u) and %s (line %u) are equal", ta,
                                         (unsigned)a->loc.line, tb, (unsigned)b->loc.line);
                                return VERDICT_RULED_OUT;
                        }
                        if (c == SECRET_CMP_DIFFERENT) {
                                snprintf(why, size,
                                         "the keys of %s (line %u) and %s (line %u) differ", ta,
                                         (unsigned)a->loc.line, tb, (unsigned)b->loc.line);
                                return VERDICT_CONFIRMED;
                        }
                        snprintf(why, size,
                                 "the keys of %s and %s are masked or encrypted: not compared", ta,
                                 tb);
                        return VERDICT_UNVERIFIED;
                }
        snprintf(why, size, "no pair of configs holds keys for each other");
        return VERDICT_UNVERIFIED;
}

enum verdict verdict_for(const struct verdict_ctx *v, const char *id, const char *peer, char *why,
                         size_t size, const struct finding **where)
{
        (void)peer;
        *where = NULL;
        if (!v->ndevs)
                return VERDICT_NONE;
        if (!strcmp(id, "psk-mismatch"))
                return psk_verdict(v, why, size);
        const struct finding *found = NULL;
        for (size_t i = 0; i < v->checks.list.n; i++) {
                const struct finding *f = v->checks.list.v[i];
                if (strcmp(f->diag->id, id))
                        continue;
                if (!found || (v->prefer_file && !strcmp(f->file, v->prefer_file) &&
                               strcmp(found->file, v->prefer_file)))
                        found = f;
        }
        if (found) {
                snprintf(why, size, "the config check finds it in %s:%u", found->file,
                         (unsigned)found->line);
                *where = found;
                return VERDICT_CONFIRMED;
        }
        if (has_check(id)) {
                snprintf(why, size, "the config check for it finds nothing in %zu config(s)",
                         v->ndevs);
                return VERDICT_RULED_OUT;
        }
        if (has_pair_check(v, id)) {
                snprintf(why, size,
                         "the negotiation played between the %zu configs does not fail this way",
                         v->ndevs);
                return VERDICT_RULED_OUT;
        }
        snprintf(why, size, "no config check covers it");
        return VERDICT_UNVERIFIED;
}

/* Every message counted for the candidate is a peer daemon's line. */
static bool from_peer_log(const struct corr_cand *k)
{
        if (!k->nmsgs)
                return false;
        for (size_t i = 0; i < k->nmsgs; i++)
                if (strncmp(k->msgs[i]->key, "peer-", 5))
                        return false;
        return true;
}

enum verdict verdict_from_peer(const struct verdict_ctx *v, const struct peer_facts *pf,
                               const struct corr_cand *k, const char *peer, char *why, size_t size,
                               struct peer_fixvars *fv, const struct device **dev)
{
        *dev = NULL;
        if (!v->ndevs || !from_peer_log(k))
                return VERDICT_NONE;
        /* the device the peer talked to: the config that holds its address */
        uint32_t a;
        const struct device *d = NULL;
        if (parse_ip(peer, &a)) {
                for (size_t i = 0; i < v->ndevs; i++)
                        if (dev_has_addr(v->devs[i], a))
                                d = v->devs[i];
        } else if (v->ndevs == 1) {
                d = v->devs[0];
        }
        const char *id = k->diag->id;
        int r = d ? peer_facts_verdict(pf, id, d, why, size, fv) : -1;
        if (r >= 0) {
                *dev = d;
                return r ? VERDICT_CONFIRMED : VERDICT_RULED_OUT;
        }
        const struct finding *where;
        enum verdict c = verdict_for(v, id, peer, why, size, &where);
        if (c == VERDICT_CONFIRMED)
                return VERDICT_NONE; /* verdict_for's own, with where it found it */
        *dev = d;                    /* the fix is this device's, in its syntax */
        if (c != VERDICT_RULED_OUT)
                return c;
        snprintf(why, size,
                 "only the peer's log shows it, and the config check of one device cannot see "
                 "the peer's side");
        return VERDICT_UNVERIFIED;
}
