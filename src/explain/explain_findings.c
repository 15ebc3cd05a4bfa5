/*
 * Ranked candidates -> findings, for every source of evidence (explain's
 * logs, capture's patterns: diagnose.h). Each carries its evidence
 * (file:line, file:frame), the catalog fix rendered for the platform: the
 * config's device when one confirms it, else the subject the evidence
 * shows (its platform), with {peer}/{tg}/{group} filled from the evidence.
 * With configs, the verdict leads the explanation and orders the list:
 * confirmed, then unverified by score, ruled out last.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/ipv4.h"

#include "../catalog/fix.h"
#include "diagnose.h"
#include "explain_int.h"

struct ranked {
        const struct corr_result *p;
        enum verdict v;
        char why[256];
        const struct finding *where;
        const struct device *peerdev; /* compared with the peer's logged facts */
        struct peer_fixvars fv;       /* that comparison's fix values */
};

static int by_verdict(const void *a, const void *b)
{
        const struct ranked *x = a, *y = b;
        static const int order[] = {0, 0, 1, 2}; /* none/confirmed, unverified, ruled out */
        if (order[x->v] != order[y->v])
                return order[x->v] - order[y->v];
        if (x->p->cand[0].score != y->p->cand[0].score)
                return x->p->cand[0].score > y->p->cand[0].score ? -1 : 1;
        return strcmp(x->p->cand[0].diag->id, y->p->cand[0].diag->id);
}

static bool is_ipv4(const char *s)
{
        char tmp[LOG_FIELD_MAX];
        size_t n = logs_ipv4(s, s + strlen(s), tmp);
        return n && n == strlen(s);
}

static int add_fix(struct findings *fs, struct finding *f, const struct subject *dev,
                   const struct corr_result *p, const struct peer_fixvars *fv)
{
        const char *peer = is_ipv4(p->key) ? p->key : NULL;
        /* The ASA prints the tunnel-group it matched as "Group = X": an RA
         * group name, or the peer's address for L2L. The Default*Group
         * fallbacks are what a fix must NOT edit: the peer needs its own. */
        bool named = p->group[0] && strcmp(p->group, "DefaultL2LGroup") &&
                     strcmp(p->group, "DefaultRAGroup");
        const char *tg = named ? p->group : peer;
        /* the values a comparison with the peer's logged side filled */
        struct fix_var vars[] = {{"peer", peer},
                                 {"tg", tg},
                                 {"group", p->group[0] ? p->group : NULL},
                                 {"tset", fv ? fv->tset : NULL},
                                 {"tset_xf", fv ? fv->xf : NULL},
                                 {"tset_mode", fv ? fv->mode : NULL},
                                 {"tset_list", fv ? fv->list : NULL},
                                 {"map", fv ? fv->map : NULL},
                                 {"seq", fv ? fv->seq : NULL},
                                 {"pfs_group", fv ? fv->pfs : NULL}};
        static const struct version unknown = {-1, -1, -1, NULL};
        const char *tmpl =
            f->diag->fix[dialect_for(dev->platform, dev->version ? dev->version : &unknown)];
        if (!tmpl)
                return 0;
        /* a transform the device cannot hold (the ASA's IKEv1 sets have no
         * SHA-2): no fix is better than one that does not paste */
        if (fv && fv->tset[0] && !fv->xf[0])
                return 0;
        char **lines;
        size_t n;
        if (fix_render(tmpl, vars, sizeof(vars) / sizeof(vars[0]), &lines, &n, &fs->arena) !=
            FIX_OK)
                return -1;
        const char *warn = f->diag->drops_tunnels ? change_control_warning : NULL;
        return finding_fix_lines_about(fs, f, dev, (const char *const *)lines, n, warn);
}

/* The one given config whose crypto maps name peer as a peer: the device
 * that logged about it, whose syntax the fix must use. NULL when none or
 * several do, or peer is not an address. */
static const struct device *device_facing(const struct diagnose_in *x, const char *peer,
                                          enum platform p)
{
        uint32_t a;
        const struct device *found = NULL;
        if (!lex_ipv4(peer, &a))
                return NULL;
        for (size_t i = 0; i < x->ndevs; i++) {
                const struct device *d = x->devs[i];
                bool faces = false;
                for (size_t m = 0; !faces && m < d->crypto_maps.n; m++) {
                        const struct crypto_map *cm = d->crypto_maps.v[m];
                        for (size_t e = 0; !faces && e < cm->entries.n; e++) {
                                const struct crypto_map_entry *en = cm->entries.v[e];
                                for (size_t k = 0; !faces && k < en->peers.n; k++) {
                                        const struct cm_peer *cp = en->peers.v[k];
                                        faces = cp->is_addr && cp->addr == a;
                                }
                        }
                }
                if (!faces || (p != PLAT_UNKNOWN && d->platform != p &&
                               !(p == PLAT_ASA && d->platform == PLAT_PIX)))
                        continue;
                if (found)
                        return NULL;
                found = d;
        }
        return found;
}

static int one(const struct diagnose_in *x, struct findings *fs, const struct ranked *r,
               const struct subject *logdev)
{
        const struct corr_cand *k = &r->p->cand[0];
        struct loc first = {k->ev[0].file, k->ev[0].line, k->ev[0].text};
        struct finding *f = finding_add_about(fs, k->diag->id, logdev, &first);
        if (!f)
                return -1;
        for (size_t i = 1; i < k->nev; i++) {
                struct loc l = {k->ev[i].file, k->ev[i].line, k->ev[i].text};
                if (finding_evidence(fs, f, &l))
                        return -1;
        }
        if (r->p->key[0] && finding_set_peer(fs, f, r->p->key))
                return -1;
        const char *verdict = r->v ? verdict_name(r->v) : NULL;
        if (r->v == VERDICT_RULED_OUT)
                f->severity = SEV_INFO;
        if (finding_explain(fs, f, "%s%s%s%sScore %d from %u %s. %s", verdict ? verdict : "",
                            verdict ? ": " : "", verdict ? r->why : "", verdict ? ". " : "",
                            k->score, (unsigned)k->hits, x->unit ? x->unit : "log line(s)",
                            k->diag->explanation))
                return -1;
        if (verdict && finding_title(fs, f, "%s (%s)", k->diag->title, verdict))
                return -1;
        const struct device *fixdev = r->peerdev;
        for (size_t i = 0; r->where && i < x->ndevs; i++)
                if (!strcmp(x->devs[i]->file, r->where->file))
                        fixdev = x->devs[i];
        if (!fixdev && r->p->key[0])
                fixdev = device_facing(x, r->p->key, logdev->platform);
        if (r->where &&
            finding_evidence(fs, f,
                             &(struct loc){r->where->file, r->where->line,
                                           r->where->nev ? r->where->ev[0].text : NULL}))
                return -1;
        if (r->v == VERDICT_RULED_OUT)
                return 0;
        if (x->capture && r->where && r->where->nfixes) { /* as `check` prints it */
                for (size_t i = 0; i < r->where->nfixes; i++)
                        if (finding_fix_copy(fs, f, &r->where->fixes[i]))
                                return -1;
                return 0;
        }
        if (x->capture && !fixdev)
                return 0;
        struct subject fixsub = fixdev ? subject_of(fixdev) : *logdev;
        return add_fix(fs, f, &fixsub, r->p, r->peerdev ? &r->fv : NULL);
}

/* The phase-2 causes the peer's log cannot tell apart (its quick mode is
 * refused: transforms, PFS or proxies) but the config can: when a phase-2
 * candidate of the peer's log was compared with a config, the other
 * phase-2 causes are compared too, and one the comparison confirms is a
 * finding even if its own log lines scored too little to rank. */
static const char *const phase2_ids[] = {"transform-set-mismatch", "pfs-mismatch",
                                         "crypto-acl-not-mirrored"};

static bool is_phase2(const char *id)
{
        for (size_t i = 0; i < sizeof(phase2_ids) / sizeof(phase2_ids[0]); i++)
                if (!strcmp(id, phase2_ids[i]))
                        return true;
        return false;
}

static size_t peer_extras(const struct diagnose_in *x, struct ranked *rk, size_t n,
                          struct corr_result extra[2])
{
        const struct ranked *base = NULL;
        for (size_t i = 0; i < n && !base; i++)
                if (rk[i].peerdev && is_phase2(rk[i].p->cand[0].diag->id))
                        base = &rk[i];
        if (!x->pf)
                return 0;
        const struct peer_esp *e = &x->pf->esp;
        size_t added = 0;
        for (size_t k = 0; base && e->set && k < 2; k++) {
                const char *id = phase2_ids[k];
                bool have = false;
                for (size_t i = 0; i < n; i++)
                        have |= !strcmp(rk[i].p->cand[0].diag->id, id);
                struct ranked *r = &rk[n + added];
                memset(r, 0, sizeof(*r));
                if (have || peer_facts_verdict(x->pf, id, base->peerdev, r->why, sizeof(r->why),
                                               &r->fv) != 1)
                        continue;
                struct corr_result *o = &extra[added];
                memset(o, 0, sizeof(*o));
                memcpy(o->key, base->p->key, sizeof(o->key));
                o->platform = base->p->platform;
                o->cand[0].diag = catalog_find(id);
                o->cand[0].hits = 1;
                o->cand[0].nev = 1;
                o->cand[0].ev[0].file = e->file;
                o->cand[0].ev[0].line = e->line;
                memcpy(o->cand[0].ev[0].text, e->text, sizeof(e->text));
                r->p = o;
                r->v = VERDICT_CONFIRMED;
                r->peerdev = base->peerdev;
                added++;
        }
        return added;
}

int diagnose_findings(const struct diagnose_in *x, struct findings *fs)
{
        static const struct peer_facts no_facts;
        const struct peer_facts *pf = x->pf ? x->pf : &no_facts;
        size_t n = corr_count(x->corr);
        struct corr_result extra[2];
        struct ranked *rk = calloc(n + 2, sizeof(*rk));
        struct verdict_ctx vc;
        if (!rk || (x->capture ? verdict_init_pairs(&vc, x->devs, x->ndevs)
                               : verdict_init(&vc, x->devs, x->ndevs))) {
                free(rk);
                return -1;
        }
        if (x->capture && x->ndevs)
                vc.prefer_file = x->devs[0]->file; /* the responder's config */
        for (size_t i = 0; i < n; i++) {
                rk[i].p = corr_at(x->corr, i);
                rk[i].v = verdict_from_peer(&vc, pf, &rk[i].p->cand[0], rk[i].p->key, rk[i].why,
                                            sizeof(rk[i].why), &rk[i].fv, &rk[i].peerdev);
                if (rk[i].v == VERDICT_NONE)
                        rk[i].v = verdict_for(&vc, rk[i].p->cand[0].diag->id, rk[i].p->key,
                                              rk[i].why, sizeof(rk[i].why), &rk[i].where);
        }
        n += peer_extras(x, rk, n, extra);
        qsort(rk, n, sizeof(*rk), by_verdict);
        int rc = 0;
        /* No config names the device that logged: call it by its platform,
         * not by the log file's name (a fix "on p2.log" reads as if the log
         * were a device). */
        static const char *const label[] = {"the device", "the IOS router", "the ASA", "the PIX"};
        for (size_t i = 0; i < n && !rc; i++) {
                enum platform p = rk[i].p->platform ? rk[i].p->platform : x->corr->platform;
                struct subject logdev = {x->label ? x->label : label[p], x->file, p, NULL};
                rc = one(x, fs, &rk[i], &logdev);
        }
        verdict_free(&vc);
        free(rk);
        return rc;
}

int explain_findings(struct explain *x, struct findings *fs)
{
        struct diagnose_in in = {x->corr, &x->peer_facts, x->devs, x->ndevs, x->file, NULL, NULL};
        return diagnose_findings(&in, fs);
}
