/*
 * sa-idle-timeout: timers that end quiet tunnels.
 *
 * ASA: per remote-access tunnel-group, the effective group-policy (its own
 * value, then DfltGrpPolicy's, then the platform default of 30 minutes).
 * The idle timer is reported only with split tunnelling: with tunnelall
 * every packet of the client uses the tunnel and the timer is moot (the
 * catalog's rule). A session timeout ends the session whatever the split
 * policy. One finding per group-policy, however many tunnel-groups use it.
 * IOS: 'crypto ipsec security-association idle-time S' (off by default)
 * while static LAN-to-LAN entries exist. An out-of-range S (outside
 * 60-86400) never reaches the model: the reader lists it as an unknown line.
 *
 * Severity (docs/severity.md): a timer the config sets on purpose is the
 * operator's choice, so the finding is advice (info); the platform default
 * that ends quiet sessions unnoticed stays a warning that names its
 * condition (the session is idle that long).
 */
#include <stdio.h>

#include "checks_list.h"
#include "cmap_util.h"

static const struct loc *first_set(const struct loc *a, const struct loc *b, const struct loc *c)
{
        return a->line ? a : b->line ? b : c;
}

static void minutes_text(char *buf, size_t size, int min, const struct loc *l)
{
        snprintf(buf, size, "%d minutes%s", min, l->line ? "" : " (default)");
}

static int report_gp(struct check_ctx *c, const struct tunnel_group *tg,
                     const struct group_policy *gp, const struct gp_attrs *a)
{
        bool idle = a->idle_timeout_min > 0 && a->split_policy != SPLIT_TUNNELALL;
        bool sess = a->session_timeout_min > 0;
        if (!idle && !sess)
                return 0;
        const char *gpname = gp ? gp->name : "DfltGrpPolicy";
        const struct loc *at = first_set(idle ? &a->idle_timeout_loc : &a->session_timeout_loc,
                                         gp ? &gp->loc : &tg->loc, &tg->loc);
        char it[48], st[48];
        minutes_text(it, sizeof(it), a->idle_timeout_min, &a->idle_timeout_loc);
        minutes_text(st, sizeof(st), a->session_timeout_min, &a->session_timeout_loc);
        struct finding *f = check_report(c, at);
        bool chosen = (!idle || a->idle_timeout_loc.line) && (!sess || a->session_timeout_loc.line);
        if (f && chosen)
                f->severity = SEV_INFO;
        if (!f ||
            finding_title(c->fs, f, "group-policy '%s' (tunnel-group '%s') ends %s%s%s%s", gpname,
                          tg->name, idle ? "idle sessions after " : "", idle ? it : "",
                          idle && sess ? " and every session after "
                          : sess       ? "every session after "
                                       : "",
                          sess ? st : ""))
                return -1;
        const struct loc *ev[] = {&tg->loc, idle ? &a->split_policy_loc : NULL,
                                  sess && idle ? &a->session_timeout_loc : NULL};
        for (size_t i = 0; i < 3; i++)
                if (ev[i] && ev[i]->line && ev[i] != at && finding_evidence(c->fs, f, ev[i]))
                        return -1;
        const char *vars[] = {"gp", gpname, "tg", tg->name, NULL};
        return check_fix(c, f, vars);
}

static int check_asa(struct check_ctx *c)
{
        const struct device *d = c->dev;
        struct arena ar;
        struct strmap done = {0};
        int rc = 0;
        arena_init(&ar, 0);
        for (size_t i = 0; i < d->tunnel_groups.n && !rc; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (tg->type != TG_RA)
                        continue;
                const char *name =
                    tg->default_group_policy ? tg->default_group_policy : "DfltGrpPolicy";
                if (strmap_get(&done, name))
                        continue;
                struct gp_attrs a;
                const struct group_policy *gp = model_get_gp(d, name);
                group_policy_effective(d, gp, &a);
                rc = strmap_put(&ar, &done, name, (void *)tg);
                if (!rc)
                        rc = report_gp(c, tg, gp, &a);
        }
        arena_free(&ar);
        return rc;
}

static int check_ios(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->ipsec.idle_time <= 0 || !cmap_has_static_peer(d))
                return 0;
        struct finding *f = check_report(c, &d->ipsec.idle_time_loc);
        if (f)
                f->severity = SEV_INFO; /* always set on purpose: off by default */
        if (!f || finding_title(c->fs, f,
                                "IPsec SAs are deleted after %d seconds without traffic "
                                "(crypto ipsec security-association idle-time)",
                                d->ipsec.idle_time))
                return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}

int check_sa_idle_timeout(struct check_ctx *c)
{
        return c->dev->platform == PLAT_IOS ? check_ios(c) : check_asa(c);
}
