/* A capture's patterns -> the shared evidence path -> findings (diagnose.h). */
#include "diagnose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../correlate/correlate.h"
#include "../explain/diagnose.h"
#include "../negotiate/pair.h"
#include "../util/ipv4.h"
#include "esp_diag.h"
#include "ladder.h"

static void on_record(void *ctx, const struct ev_record *r, const char *resp)
{
        struct cap_evs *e = ctx;
        if (e->n == e->cap) {
                size_t cap = e->cap ? e->cap * 2 : 16;
                struct cap_ev *v = realloc(e->v, cap * sizeof(*v));
                if (!v) {
                        e->oom = true;
                        return;
                }
                e->v = v, e->cap = cap;
        }
        struct cap_ev *c = &e->v[e->n++];
        memset(c, 0, sizeof(*c));
        c->msg = r->msg;
        c->file = r->file;
        c->frame = r->line;
        c->sec = r->time;
        c->usec = r->usec;
        c->text = r->text;
        snprintf(c->ini, sizeof(c->ini), "%s", r->peer);
        snprintf(c->resp, sizeof(c->resp), "%s", resp);
}

int cap_collect(const struct cap_set *cs, const char *file, struct findings *fs,
                struct cap_evs *evs)
{
        if (cap_tunnels_ev(cs, file, fs, on_record, evs) < 0 || evs->oom)
                return -1;
        cap_esp_evidence(cs, file, &fs->arena, on_record, evs);
        if (evs->oom)
                return -1;
        return 0;
}

void cap_evs_free(struct cap_evs *evs)
{
        free(evs->v);
        memset(evs, 0, sizeof(*evs));
}

/* One responder's records through the correlator and the verdicts. */
static int one_responder(const struct cap_evs *evs, const char *resp, struct device **devs,
                         size_t ndevs, struct findings *fs)
{
        struct correlator *c = corr_new();
        if (!c)
                return -1;
        const char *file = NULL, *peer = NULL;
        for (size_t i = 0; i < evs->n; i++) {
                const struct cap_ev *e = &evs->v[i];
                if (strcmp(e->resp, resp))
                        continue;
                peer = e->ini;
                struct ev_record r = {.msg = e->msg,
                                      .line = e->frame,
                                      .text = e->text,
                                      .len = strlen(e->text),
                                      .peer = e->ini,
                                      .group = "",
                                      .user = "",
                                      .time = e->sec,
                                      .source = EV_SRC_CAPTURE,
                                      .file = e->file,
                                      .usec = e->usec};
                corr_event(c, e->file, &r);
                file = e->file;
        }
        corr_finish(c);
        /* Only the configs of this tunnel's ends judge it: the responder's
         * first (a check of another device says nothing of it), then its
         * peer's for the pair checks. No config of the responder: no
         * verdict (a config of the initiator alone cannot rule out what the
         * responder does). */
        struct device *ends[2] = {NULL, NULL};
        size_t nends = 0;
        uint32_t ra = 0, ia = 0;
        bool rv4 = lex_ipv4(resp, &ra), iv4 = peer && lex_ipv4(peer, &ia);
        for (size_t i = 0; rv4 && i < ndevs && !nends; i++)
                if (dev_owns_addr(devs[i], ra))
                        ends[nends++] = devs[i];
        for (size_t i = 0; nends && iv4 && i < ndevs; i++)
                if (devs[i] != ends[0] && dev_owns_addr(devs[i], ia)) {
                        ends[nends++] = devs[i];
                        break;
                }
        struct diagnose_in in = {.corr = c,
                                 .devs = ends,
                                 .ndevs = nends,
                                 .file = file,
                                 .label = resp,
                                 .unit = "capture pattern(s)",
                                 .capture = true};
        int rc = diagnose_findings(&in, fs);
        corr_free(c);
        return rc;
}

int cap_diagnose(const struct cap_evs *evs, struct device **devs, size_t ndevs, struct findings *fs)
{
        for (size_t i = 0; i < evs->n; i++) {
                bool seen = false; /* each responder once, in the order first met */
                for (size_t j = 0; j < i && !seen; j++)
                        seen = !strcmp(evs->v[j].resp, evs->v[i].resp);
                if (!seen && one_responder(evs, evs->v[i].resp, devs, ndevs, fs))
                        return -1;
        }
        return 0;
}
