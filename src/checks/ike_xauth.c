/*
 * XAUTH asked of peers that cannot answer it: l2l-prompted-for-xauth (IOS)
 * and ezvpn-xauth (ASA).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../util/ipv4.h"
#include "../model/in_use.h"
#include "../model/query.h"
#include "checks_list.h"
#include "cmap_util.h"

/* ---- l2l-prompted-for-xauth ------------------------------------------- */

/* IOS asks XAUTH of a peer when the ISAKMP profile that takes it has
 * 'client authentication list', or, with no profile, when the map has
 * 'crypto map M client authentication list'. The profile is the entry's
 * 'set isakmp-profile', else the one whose 'match identity address' takes
 * the peer: a matched profile without client authentication means no XAUTH
 * (Cisco "ISAKMP Profile Overview"). Returns the loc of that line, or NULL. */
static const struct loc *xauth_source(const struct device *d, const struct crypto_map *m,
                                      const struct crypto_map_entry *e, uint32_t peer)
{
        return iu_xauth_asked(d, m, e->isakmp_profile, peer);
}

static int report_l2l(struct check_ctx *c, const struct crypto_map_entry *e,
                      const struct cm_peer *p, const struct psk *k, const struct loc *src)
{
        char a[16];
        const char *peer = ipv4_str(p->addr, a);
        struct loc kl = key_line_loc(&k->loc);
        struct finding *f = check_report(c, &kl);
        const struct isakmp_profile *prof = e->isakmp_profile
                                                ? model_get_profile(c->dev, e->isakmp_profile)
                                                : iu_profile_for_peer(c->dev, p->addr);
        if (prof && (!prof->client_auth_list || src != &prof->loc))
                prof = NULL;
        if (!f ||
            (prof ? finding_title(c->fs, f,
                                  "L2L peer %s (crypto map '%s' %d) will be asked for XAUTH: "
                                  "ISAKMP profile '%s' has 'client authentication list'",
                                  peer, e->map, e->seq, prof->name)
                  : finding_title(c->fs, f,
                                  "L2L peer %s (crypto map '%s' %d) will be asked for XAUTH: "
                                  "its key lacks 'no-xauth'",
                                  peer, e->map, e->seq)) ||
            finding_evidence(c->fs, f, src) || finding_evidence(c->fs, f, &p->loc) ||
            finding_set_peer(c->fs, f, peer))
                return -1;
        if (!prof && k->source == PSK_IOS_KEYRING &&
            explain_more(
                c->fs, f,
                "The key of %s is in keyring '%s', which has no 'no-xauth' keyword: give the "
                "peer a global key with 'no-xauth', or an ISAKMP profile without client "
                "authentication.",
                peer, k->keyring ? k->keyring : "?"))
                return -1;
        /* XAUTH asked by the ISAKMP profile that takes the peer: 'no-xauth' on a
         * key does not reach it, the profile's own line does (Cisco "ISAKMP
         * Profile Overview": a profile without client authentication asks no
         * XAUTH). */
        if (prof) {
                char l0[160], l1[160];
                snprintf(l0, sizeof(l0), "crypto isakmp profile %s", prof->name);
                snprintf(l1, sizeof(l1), " no client authentication list %s",
                         prof->client_auth_list);
                const char *lines[] = {l0, l1};
                return finding_fix_lines(c->fs, f, c->dev, lines, 2, NULL);
        }
        const char *vars[] = {"peer", peer, NULL};
        return check_fix(c, f, vars);
}

static int l2l_entry(struct check_ctx *c, const struct crypto_map *m,
                     const struct crypto_map_entry *e)
{
        for (size_t j = 0; j < e->peers.n; j++) {
                const struct cm_peer *p = e->peers.v[j];
                const struct loc *src = p->is_addr ? xauth_source(c->dev, m, e, p->addr) : NULL;
                if (!src)
                        continue;
                /* no key at all is psk-mismatch's business; certificates skip XAUTH here too */
                struct peer_key pk = peer_key_lookup(c->dev, p->addr, NULL);
                if (pk.psk && !pk.psk->no_xauth && report_l2l(c, e, p, pk.psk, src))
                        return -1;
        }
        return 0;
}

/* IOS only (the catalog's note): the ASA selects a tunnel-group per peer.
 * PIX 6 has the same 'no-xauth' keyword, but its reader does not keep
 * 'crypto map M client authentication', so it cannot be judged here. */
int check_l2l_prompted_for_xauth(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_IOS)
                return 0;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                if (m->dynamic || !cmap_binding(d, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (cmap_entry_static(e) && l2l_entry(c, m, e))
                                return -1;
                }
        }
        return 0;
}

/* ---- ezvpn-xauth -------------------------------------------------------- */

/* A case-insensitive "ezvpn" / "easyvpn" / "easy-vpn" / "easy_vpn" in s. */
static bool says_ezvpn(const char *s)
{
        static const char *const marks[] = {"ezvpn", "easyvpn", "easy-vpn", "easy_vpn"};
        char low[128];
        size_t n = 0;
        for (; s && s[n] && n + 1 < sizeof(low); n++)
                low[n] = (char)tolower((unsigned char)s[n]);
        low[n] = '\0';
        for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
                if (strstr(low, marks[i]))
                        return true;
        return false;
}

/* 'nem enable' in the group-policy, else in DfltGrpPolicy (the platform
 * default is disabled: ASA command reference, nem). NULL when off. */
static const struct loc *nem_on(const struct device *d, const struct group_policy *gp)
{
        const struct group_policy *dflt = model_get_gp(d, "DfltGrpPolicy");
        const struct group_policy *from[] = {gp, dflt};
        for (size_t i = 0; i < 2; i++)
                if (from[i] && from[i]->a.nem_set)
                        return from[i]->a.nem ? &from[i]->a.nem_loc : NULL;
        return NULL;
}

static int report_ezvpn(struct check_ctx *c, const struct tunnel_group *tg, const struct loc *nem,
                        const char *gpname)
{
        struct finding *f = check_report(c, &tg->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "remote-access tunnel-group '%s' serves Easy VPN hardware clients but "
                          "requires XAUTH",
                          tg->name) ||
            (nem && finding_evidence(c->fs, f, nem)) ||
            (tg->user_auth_loc.line && finding_evidence(c->fs, f, &tg->user_auth_loc)))
                return -1;
        if (explain_more(
                c->fs, f,
                nem ? "Group-policy '%s' enables network extension mode (nem enable), "
                      "which only hardware clients use."
                    : "The tunnel-group or group-policy name ('%s') says it is for Easy "
                      "VPN clients; if software clients with users also use it, leave XAUTH on.",
                nem ? gpname : (says_ezvpn(tg->name) ? tg->name : gpname)))
                return -1;
        const char *vars[] = {"tg", tg->name, NULL};
        return check_fix(c, f, vars);
}

/*
 * The model cannot tell a hardware client from a person with a software
 * client, so this reports only on unambiguous evidence: an IKEv1
 * remote-access tunnel-group with user authentication not turned off whose
 * group-policy enables network extension mode ('nem enable', hardware
 * clients only), or whose tunnel-group / group-policy name says Easy VPN.
 */
int check_ezvpn_xauth(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->platform != PLAT_ASA)
                return 0;
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (tg->type != TG_RA || tg->ikev1_user_auth == TRI_OFF)
                        continue;
                const char *gpname =
                    tg->default_group_policy ? tg->default_group_policy : "DfltGrpPolicy";
                const struct group_policy *gp = model_get_gp(d, gpname);
                struct gp_attrs a;
                group_policy_effective(d, gp, &a);
                if (!(a.tunnel_protocols & VPN_PROTO_IPSEC))
                        continue;
                const struct loc *nem = nem_on(d, gp);
                if ((nem || says_ezvpn(tg->name) || (gp && says_ezvpn(gp->name))) &&
                    report_ezvpn(c, tg, nem, gpname))
                        return -1;
        }
        return 0;
}
