/* crypto-acl-missing: "match address X" names no ACL, or one without a permit. */
#include "aclnat_util.h"
#include "checks_list.h"
#include "cmap_util.h"
#include "excerpt.h"

static int report(struct check_ctx *c, const struct crypto_map_entry *e, const struct acl *acl)
{
        struct finding *f = check_report(c, e->match_loc.line ? &e->match_loc : &e->loc);
        if (!f)
                return -1;
        /* an entry not in use is a condition (model/in_use.c) */
        char cbuf[160];
        const char *cond = cmap_unused_condition(c->dev, e, cbuf, sizeof(cbuf));
        cmap_severity_for(f, cond);
        int rc = acl ? finding_title(c->fs, f,
                                     "crypto map '%s' %d matches ACL '%s', which has no permit "
                                     "entry%s",
                                     e->map, e->seq, e->match_acl, cond)
                     : finding_title(c->fs, f,
                                     "crypto map '%s' %d matches ACL '%s', which does not exist%s",
                                     e->map, e->seq, e->match_acl, cond);
        if (rc || (acl && finding_evidence(c->fs, f, &acl->loc)) ||
            finding_set_peer(c->fs, f, entry_peer(e)))
                return -1;
        const char *vars[] = {"acl", e->match_acl, "map", e->map, NULL};
        return check_fix(c, f, vars);
}

int check_crypto_acl_missing(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t m = 0; m < d->crypto_maps.n; m++) {
                const struct crypto_map *map = d->crypto_maps.v[m];
                for (size_t i = 0; i < map->entries.n; i++) {
                        const struct crypto_map_entry *e = map->entries.v[i];
                        if (!e->match_acl || e->ipsec_manual)
                                continue;
                        const struct acl *acl = model_get_acl(d, e->match_acl);
                        if (acl ? acl_has_permit(acl) : excerpt_unseen(d, d->acls.n))
                                continue;
                        if (report(c, e, acl))
                                return -1;
                }
        }
        return 0;
}
