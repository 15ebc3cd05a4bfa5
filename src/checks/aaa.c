/*
 * XAUTH of IKEv1 remote-access clients: xauth-radius-timeout (a RADIUS
 * server entry with a timeout shorter than the default the seed raises it
 * to) and xauth-threat-detection (scanning-threat shunning on an XAUTH head
 * end).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/ipv4.h"
#include "../util/strmap.h"
#include "checks_list.h"
#include "ra_common.h"

/* The ASA waits 10 s for an AAA server by default (ASA command reference,
 * timeout (aaa-server host mode)), which is also the value the seed sets;
 * only an explicitly shorter timeout can be the cause. */
#define AAA_DEFAULT_TIMEOUT 10

/* Clients of tg run XAUTH: IKEv1 with user authentication left on. */
static bool runs_xauth(const struct tunnel_group *tg, unsigned ike)
{
        return ra_tg_is_ra(tg) && (ike & RA_IKEV1) && tg->ikev1_user_auth != TRI_OFF;
}

static const struct aaa_group *aaa_group(const struct device *d, const char *name)
{
        for (size_t i = 0; name && i < d->aaa_groups.n; i++) {
                const struct aaa_group *g = d->aaa_groups.v[i];
                if (!strcmp(g->name, name))
                        return g;
        }
        return NULL;
}

/* aaa-server group name -> the first XAUTH tunnel-group authenticating
 * against it, for RADIUS groups only. */
static int xauth_radius_groups(const struct device *d, const unsigned *ike, struct arena *a,
                               struct strmap *m)
{
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                const struct aaa_group *g = aaa_group(d, tg->auth_server_group);
                if (!runs_xauth(tg, ike[i]) || !g || !g->protocol ||
                    strcmp(g->protocol, "radius") || strmap_get(m, g->name))
                        continue;
                if (strmap_put(a, m, g->name, (void *)tg))
                        return -1;
        }
        return 0;
}

static int report_timeout(struct check_ctx *c, const struct aaa_host *h,
                          const struct tunnel_group *tg)
{
        char addr[16];
        struct finding *f = check_report(c, ra_loc_or(&h->timeout_loc, &h->loc));
        if (!f ||
            finding_title(c->fs, f,
                          "RADIUS server %s of aaa-server group '%s' (XAUTH for tunnel-group '%s') "
                          "has timeout %d s, below the default %d s",
                          ipv4_str(h->addr, addr), h->group, tg->name, h->timeout,
                          AAA_DEFAULT_TIMEOUT) ||
            finding_evidence(c->fs, f, &h->loc) || finding_evidence(c->fs, f, &tg->loc))
                return -1;
        /* the host's own line opens its mode: "aaa-server G (inside) host A"
         * is another line than "aaa-server G host A" */
        if (h->loc.text && !strncmp(h->loc.text, "aaa-server ", 11)) {
                char t[32];
                snprintf(t, sizeof(t), " timeout %d", AAA_DEFAULT_TIMEOUT);
                const char *lines[] = {h->loc.text, t};
                return finding_fix_lines(c->fs, f, c->dev, lines, 2, NULL);
        }
        const char *vars[] = {"group", h->group, "peer", addr, "tg", tg->name, NULL};
        return check_fix(c, f, vars);
}

int check_xauth_radius_timeout(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA || !d->tunnel_groups.n)
                return 0;
        unsigned *ike = ra_ike_bits(d);
        struct arena a;
        struct strmap groups = {0};
        arena_init(&a, 0);
        int rc = ike ? xauth_radius_groups(d, ike, &a, &groups) : -1;
        for (size_t i = 0; !rc && i < d->aaa_hosts.n; i++) {
                const struct aaa_host *h = d->aaa_hosts.v[i];
                const struct tunnel_group *tg = h->group ? strmap_get(&groups, h->group) : NULL;
                if (tg && h->timeout > 0 && h->timeout < AAA_DEFAULT_TIMEOUT)
                        rc = report_timeout(c, h, tg);
        }
        arena_free(&a);
        free(ike);
        return rc;
}

/* ---- xauth-threat-detection ---------------------------------------------- */

/* Scanning-threat shunning is off unless configured (ASA command reference,
 * threat-detection scanning-threat), so only an explicit line counts. */
int check_xauth_threat_detection(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA || d->threat.scanning_shun != TRI_ON || !d->tunnel_groups.n)
                return 0;
        unsigned *ike = ra_ike_bits(d);
        if (!ike)
                return -1;
        const struct tunnel_group *tg = NULL;
        for (size_t i = 0; !tg && i < d->tunnel_groups.n; i++)
                if (runs_xauth(d->tunnel_groups.v[i], ike[i]))
                        tg = d->tunnel_groups.v[i];
        free(ike);
        if (!tg)
                return 0;
        struct finding *f = check_report(c, &d->threat.loc);
        if (!f ||
            finding_title(c->fs, f,
                          "threat-detection scanning-threat shun is on while remote-access "
                          "tunnel-group '%s' uses XAUTH",
                          tg->name) ||
            finding_evidence(c->fs, f, &tg->loc))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}
