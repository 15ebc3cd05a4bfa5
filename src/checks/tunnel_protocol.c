/*
 * tunnel-protocol-conflict: the group-policy (or username attributes) that
 * a tunnel's sessions get does not allow the protocol the tunnel uses, so
 * the ASA rejects it after authentication (%ASA-3-713206).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strmap.h"
#include "checks_list.h"
#include "ra_common.h"

/* vpn-tunnel-protocol keywords, before and from 8.4 (ASA command reference,
 * vpn-tunnel-protocol: 8.4 renamed IPSec to ikev1, svc to ssl-client and
 * webvpn to ssl-clientless). */
static const struct {
        unsigned bit;
        const char *old_kw, *new_kw;
} proto_kw[] = {
    {VPN_PROTO_IPSEC, "IPSec", "ikev1"},
    {VPN_PROTO_IKEV2, NULL, "ikev2"},
    {VPN_PROTO_L2TP, "l2tp-ipsec", "l2tp-ipsec"},
    {VPN_PROTO_SSL_CLIENT, "svc", "ssl-client"},
    {VPN_PROTO_WEBVPN | VPN_PROTO_CLIENTLESS, "webvpn", "ssl-clientless"},
};

static bool new_keywords(const struct device *d)
{
        /* an unknown version is taken as current software, like the defaults */
        return d->version.major < 0 || version_at_least(&d->version, 8, 4, 0);
}

/* The keywords of bits, space-separated, into buf. */
static const char *keywords(const struct device *d, unsigned bits, char *buf, size_t size)
{
        size_t n = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < sizeof(proto_kw) / sizeof(proto_kw[0]); i++) {
                const char *k = new_keywords(d) ? proto_kw[i].new_kw : proto_kw[i].old_kw;
                if (!(bits & proto_kw[i].bit) || !k || n + strlen(k) + 2 > size)
                        continue;
                n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "", k);
        }
        return buf[0] ? buf : "none";
}

/*
 * The protocol bits that would let a tunnel-group's sessions in; 0 when the
 * config does not say how it negotiates. L2TP/IPsec clients can use a
 * pre-shared key only through DefaultRAGroup (ASA configuration guide,
 * L2TP over IPsec), so l2tp-ipsec counts there only.
 */
static unsigned accepted(const struct ra_tg *r, unsigned *needed)
{
        unsigned ok = 0;
        *needed = 0;
        if (r->ike & RA_IKEV1) {
                ok |= VPN_PROTO_IPSEC;
                *needed = VPN_PROTO_IPSEC;
                if (ra_tg_is_ra(r->tg) && !strcmp(r->tg->name, "DefaultRAGroup"))
                        ok |= VPN_PROTO_L2TP;
        }
        if (r->ike & RA_IKEV2) {
                ok |= VPN_PROTO_IKEV2;
                *needed |= VPN_PROTO_IKEV2;
        }
        return ok;
}

static int report_tg(struct check_ctx *c, const struct ra_tg *r, unsigned needed)
{
        char have[96], want[96], add[32];
        const struct device *d = c->dev;
        const char *owner = RA_OWNER(d, r->gp, tunnel_protocols_set);
        /* one missing protocol is enough to add: the first the tunnel uses */
        unsigned one = needed & VPN_PROTO_IPSEC ? VPN_PROTO_IPSEC : VPN_PROTO_IKEV2;
        struct finding *f = check_report(c, ra_loc_or(&r->eff.tunnel_protocols_loc, &r->tg->loc));
        if (!f ||
            finding_title(c->fs, f,
                          "%s tunnel-group '%s' uses group-policy '%s', whose vpn-tunnel-protocol "
                          "(%s) lacks '%s'",
                          r->tg->type == TG_L2L ? "LAN-to-LAN" : "remote-access", r->tg->name,
                          owner ? owner : r->gp_name,
                          keywords(d, r->eff.tunnel_protocols, have, sizeof(have)),
                          keywords(d, one, add, sizeof(add))) ||
            finding_evidence(c->fs, f, &r->tg->loc) ||
            (r->tg->dgp_loc.line && finding_evidence(c->fs, f, &r->tg->dgp_loc)))
                return -1;
        const char *vars[] = {
            "gp",        owner ? owner : r->gp_name,
            "tg",        r->tg->name,
            "protocols", keywords(d, r->eff.tunnel_protocols | one, want, sizeof(want)),
            NULL};
        return check_fix(c, f, vars);
}

static int check_groups(struct check_ctx *c, const unsigned *ike)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                struct ra_tg r;
                unsigned needed;
                if (tg->type != TG_L2L && !ra_tg_is_ra(tg))
                        continue;
                ra_tg_load(d, tg, ike[i], &r);
                unsigned ok = accepted(&r, &needed);
                if (ok && r.gp && r.gp->external)
                        continue; /* attributes come from the AAA server */
                if (ok && !(r.eff.tunnel_protocols & ok) && report_tg(c, &r, needed))
                        return -1;
        }
        return 0;
}

/* ---- username attributes ------------------------------------------------- */

static bool local_auth(const struct tunnel_group *tg)
{
        return !tg->auth_server_group || !strcmp(tg->auth_server_group, "LOCAL");
}

/* The first IKEv1 remote-access group (not DefaultRAGroup, where L2TP is
 * fine) whose users are looked up in the local database. */
static const struct tunnel_group *local_ikev1_group(const struct device *d, const unsigned *ike)
{
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (ra_tg_is_ra(tg) && (ike[i] & RA_IKEV1) && local_auth(tg) &&
                    strcmp(tg->name, "DefaultRAGroup"))
                        return tg;
        }
        return NULL;
}

/*
 * The group a user's IPsec session is refused in, or NULL. A user locked
 * to a group (group-lock) can only use that one; otherwise only the seed's
 * case is certain enough to report: a user limited to l2tp-ipsec while an
 * IKEv1 client group authenticates against the local users.
 */
static const struct tunnel_group *user_conflict(const struct device *d, const struct strmap *idx,
                                                const struct username *u,
                                                const struct tunnel_group *local_v1)
{
        unsigned bits = u->a.tunnel_protocols;
        if (!u->a.tunnel_protocols_set)
                return NULL;
        if (u->a.group_lock_set && u->a.group_lock) {
                const struct tunnel_group *tg = model_get_tg(d, u->a.group_lock);
                const unsigned *ike = strmap_get(idx, u->a.group_lock);
                struct ra_tg r;
                unsigned needed;
                if (!tg || !ike || !ra_tg_is_ra(tg))
                        return NULL;
                ra_tg_load(d, tg, *ike, &r);
                unsigned ok = accepted(&r, &needed);
                return ok && !(bits & ok) ? tg : NULL;
        }
        return bits && !(bits & ~(unsigned)VPN_PROTO_L2TP) ? local_v1 : NULL;
}

static int report_user(struct check_ctx *c, const struct username *u, const struct tunnel_group *tg)
{
        char have[96], want[96], add[32], line[128];
        const struct device *d = c->dev;
        struct finding *f = check_report(c, ra_loc_or(&u->a.tunnel_protocols_loc, &u->loc));
        if (!f ||
            finding_title(c->fs, f,
                          "username '%s' vpn-tunnel-protocol (%s) lacks '%s' for remote-access "
                          "tunnel-group '%s'",
                          u->name, keywords(d, u->a.tunnel_protocols, have, sizeof(have)),
                          keywords(d, VPN_PROTO_IPSEC, add, sizeof(add)), tg->name) ||
            finding_evidence(c->fs, f, &tg->loc))
                return -1;
        snprintf(line, sizeof(line), " vpn-tunnel-protocol %s",
                 keywords(d, u->a.tunnel_protocols | VPN_PROTO_IPSEC, want, sizeof(want)));
        char head[96];
        snprintf(head, sizeof(head), "username %s attributes", u->name);
        const char *lines[] = {head, line};
        return finding_fix_lines(c->fs, f, d, lines, 2, NULL);
}

/* Users locked to a group find its IKE versions through a name index. */
static int check_users(struct check_ctx *c, unsigned *ike)
{
        const struct device *d = c->dev;
        struct arena a;
        struct strmap idx = {0};
        int rc = 0;
        arena_init(&a, 0);
        for (size_t i = 0; !rc && i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                rc = strmap_put(&a, &idx, tg->name, &ike[i]);
        }
        const struct tunnel_group *local_v1 = local_ikev1_group(d, ike);
        for (size_t i = 0; !rc && i < d->usernames.n; i++) {
                const struct username *u = d->usernames.v[i];
                const struct tunnel_group *tg = user_conflict(d, &idx, u, local_v1);
                if (tg)
                        rc = report_user(c, u, tg);
        }
        arena_free(&a);
        return rc;
}

int check_tunnel_protocol_conflict(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform == PLAT_IOS || !d->tunnel_groups.n)
                return 0;
        unsigned *ike = ra_ike_bits(d);
        if (!ike)
                return -1;
        int rc = check_groups(c, ike);
        if (!rc)
                rc = check_users(c, ike);
        free(ike);
        return rc;
}
