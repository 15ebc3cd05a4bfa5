/* isakmp-not-enabled: the interface carrying a crypto map does not answer IKE. */
#include <string.h>

#include "checks_list.h"

static bool nameif_enabled(const struct ptrvec *enabled, const char *ifname)
{
	for (size_t i = 0; i < enabled->n; i++) {
		const struct iface_ref *r = enabled->v[i];
		if (r->ifname && ifname && !strcmp(r->ifname, ifname))
			return true;
	}
	return false;
}

/* ASA/PIX: IKE listens only on interfaces named in "crypto isakmp|ikev1|ikev2
 * enable IF" (Cisco ASA VPN configuration guide, "Enable IKE on the outside
 * interface"); a crypto map bound elsewhere never answers MM1. */
static int check_asa(struct check_ctx *c)
{
	const struct device *d = c->dev;
	for (size_t i = 0; i < d->cmap_bindings.n; i++) {
		const struct crypto_map_binding *b = d->cmap_bindings.v[i];
		if (nameif_enabled(&d->ike.ikev1_enabled, b->ifname) ||
		    nameif_enabled(&d->ike.ikev2_enabled, b->ifname))
			continue;
		struct finding *f = check_report(c, &b->loc);
		if (!f || finding_title(c->fs, f, "ISAKMP is not enabled on interface '%s', which carries crypto map '%s'",
					b->ifname, b->map))
			return -1;
		const char *vars[] = {"if", b->ifname, "map", b->map, NULL};
		if (check_fix(c, f, vars))
			return -1;
	}
	return 0;
}

/* IOS: ISAKMP is on by default; only "no crypto isakmp enable" turns it off,
 * and then no crypto map on any interface can negotiate. */
static int check_ios(struct check_ctx *c)
{
	const struct device *d = c->dev;
	if (!d->ike.ios_isakmp_disabled || d->cmap_bindings.n == 0)
		return 0;
	struct finding *f = check_report(c, &d->ike.ios_isakmp_disabled_loc);
	if (!f)
		return -1;
	for (size_t i = 0; i < d->cmap_bindings.n; i++) {
		const struct crypto_map_binding *b = d->cmap_bindings.v[i];
		if (finding_evidence(c->fs, f, &b->loc))
			return -1;
	}
	const char *vars[] = {NULL};
	return check_fix(c, f, vars);
}

int check_isakmp_not_enabled(struct check_ctx *c)
{
	return c->dev->platform == PLAT_IOS ? check_ios(c) : check_asa(c);
}
