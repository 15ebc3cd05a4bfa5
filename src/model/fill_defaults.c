/*
 * Fills unset fields from the defaults table (defaults.c has the sources).
 * Filled values keep loc.line 0 and their "explicit" flags false, so the
 * JSON and the findings can tell configured from defaulted.
 */
#include "defaults.h"
#include "finalize_int.h"

static struct loc default_loc(const struct device *dev)
{
        struct loc l = {dev->file, 0, NULL};
        return l;
}

static void policy_defaults(const struct device *dev, struct isakmp_policy *p)
{
        if (!(p->explicit_mask & P1_EXPL_ENCR))
                p->encr = (enum ike_encr)model_default(dev, DF_P1_ENCR, p->encr);
        /* "encryption aes" without a size is AES-128 on IOS and ASA. */
        if (p->encr == ENCR_AES && p->key_bits == 0)
                p->key_bits = 128;
        if (!(p->explicit_mask & P1_EXPL_HASH))
                p->hash = (enum ike_hash)model_default(dev, DF_P1_HASH, p->hash);
        if (!(p->explicit_mask & P1_EXPL_AUTH))
                p->auth = (enum ike_auth)model_default(dev, DF_P1_AUTH, p->auth);
        if (!(p->explicit_mask & P1_EXPL_GROUP))
                p->group = (int)model_default(dev, DF_P1_GROUP, p->group);
        if (!(p->explicit_mask & P1_EXPL_LIFETIME))
                p->lifetime = (uint32_t)model_default(dev, DF_P1_LIFETIME, p->lifetime);
}

static int add_implicit(struct device *dev, int prio, const struct implicit_policy *ip)
{
        struct isakmp_policy *p = model_alloc(dev, sizeof(*p));
        if (!p)
                return -1;
        p->loc = default_loc(dev);
        p->priority = prio;
        p->implicit = true;
        if (ip) {
                p->encr = ip->encr, p->key_bits = ip->key_bits, p->hash = ip->hash;
                p->auth = ip->auth, p->group = ip->group;
                p->lifetime = 86400; /* the IOS default lifetime, as above */
        } else {
                policy_defaults(dev, p);
        }
        return ptrvec_push(&dev->arena, &dev->isakmp_policies, p);
}

static int phase1_defaults(struct device *dev)
{
        size_t configured = 0;
        for (size_t i = 0; i < dev->isakmp_policies.n; i++) {
                struct isakmp_policy *p = dev->isakmp_policies.v[i];
                if (p->implicit)
                        return 0; /* finalize ran already */
                policy_defaults(dev, p);
                configured++;
        }
        switch ((enum implicit_p1)model_default(dev, DF_IMPLICIT_P1, IMPLICIT_NONE)) {
        case IMPLICIT_SUITE_ALWAYS:
                return add_implicit(dev, 65535, NULL);
        case IMPLICIT_SUITE_IF_NONE:
                return configured ? 0 : add_implicit(dev, 65535, NULL);
        case IMPLICIT_IOS_SET_IF_NONE:
                if (configured || dev->ike.ios_default_policy_disabled)
                        return 0;
                for (size_t i = 0; i < 8; i++)
                        if (add_implicit(dev, ios_default_policies[i].priority,
                                         &ios_default_policies[i]))
                                return -1;
                return 0;
        case IMPLICIT_NONE:
                break;
        }
        return 0;
}

static enum tristate tri(long v)
{
        return v ? TRI_ON : TRI_OFF;
}

static void ike_defaults(struct device *dev)
{
        struct ike_global *g = &dev->ike;
        if (g->identity == IDENT_UNSET)
                g->identity = (enum ike_identity)model_default(dev, DF_IDENTITY, IDENT_UNSET);
        if (g->nat_t == TRI_UNSET && model_default_row(dev, DF_NAT_T))
                g->nat_t = tri(model_default(dev, DF_NAT_T, 0));
        if (g->nat_t == TRI_ON && g->nat_t_keepalive == 0) {
                g->nat_t_keepalive = (int)model_default(dev, DF_NAT_T_KEEPALIVE, 0);
                g->nat_t_keepalive_default = g->nat_t_keepalive != 0;
        }
        struct ipsec_global *s = &dev->ipsec;
        if (s->lifetime_sec == 0)
                s->lifetime_sec = (uint32_t)model_default(dev, DF_IPSEC_LIFE_SEC, 0);
        if (s->lifetime_kb == 0)
                s->lifetime_kb = (uint32_t)model_default(dev, DF_IPSEC_LIFE_KB, 0);
        if (s->replay_window == 0 && !s->replay_disabled)
                s->replay_window = (int)model_default(dev, DF_REPLAY_WINDOW, 0);
}

static void appliance_defaults(struct device *dev)
{
        struct sysopt *o = &dev->sysopt;
        if (model_default_row(dev, DF_PERMIT_VPN)) {
                /* PIX 6.x names it permit-ipsec; ASA 7.1+ permit-vpn. */
                enum tristate *t = dev->platform == PLAT_PIX ? &o->permit_ipsec : &o->permit_vpn;
                struct loc *l =
                    dev->platform == PLAT_PIX ? &o->permit_ipsec_loc : &o->permit_vpn_loc;
                if (*t == TRI_UNSET) {
                        *t = tri(model_default(dev, DF_PERMIT_VPN, 0));
                        *l = default_loc(dev);
                }
        }
        if (o->tcpmss == 0 && model_default_row(dev, DF_TCPMSS)) {
                o->tcpmss = (int)model_default(dev, DF_TCPMSS, 0);
                o->tcpmss_loc = default_loc(dev);
        }
        for (size_t i = 0; i < dev->tunnel_groups.n; i++) {
                struct tunnel_group *tg = dev->tunnel_groups.v[i];
                if (tg->keepalive_set || tg->keepalive_disabled || tg->keepalive_threshold)
                        continue;
                tg->keepalive_threshold = (int)model_default(dev, DF_TG_KEEPALIVE_THRESHOLD, 0);
                tg->keepalive_retry = (int)model_default(dev, DF_TG_KEEPALIVE_RETRY, 0);
        }
}

int finalize_defaults(struct device *dev)
{
        if (phase1_defaults(dev))
                return -1;
        ike_defaults(dev);
        appliance_defaults(dev);
        return 0;
}
