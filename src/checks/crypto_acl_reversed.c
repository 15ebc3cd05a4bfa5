/*
 * crypto-acl-reversed: a crypto ACL written from the peer's view. A permit
 * box is reversed when its sources are not local (both ends of the source
 * range route out the crypto interface, or nowhere) and its destinations
 * are local by a connected network or a specific (non-default) route out
 * another interface. A default route out the crypto interface makes every
 * unknown address look "behind the peer", so the source test alone would
 * fire on every ACL: the destination must be positively local.
 *
 * A reversed box whose mirror the same ACL also permits is not reported:
 * the ACL was written for both directions, and its right-way entries give
 * the outbound traffic and the proxies. The reversed half only matches
 * packets that routing never sends out the crypto interface; it is
 * redundant, not the cause of a failure.
 */
#include <stdio.h>

#include "../model/acl_eval.h"
#include "aclnat_util.h"
#include "checks_list.h"

static int report(struct check_ctx *c, const struct cbox *b, const struct iface *inside)
{
        char src[40], dst[40];
        range_text(b->box.src, src, sizeof(src));
        range_text(b->box.dst, dst, sizeof(dst));
        struct finding *f = check_report(c, &b->ace->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "crypto ACL '%s' (crypto map '%s' %d) permits %s -> %s, but %s is "
                          "reached through '%s' (the crypto interface) and %s through '%s'",
                          b->entry->match_acl, b->entry->map, b->entry->seq, src, dst, src,
                          b->ifname, dst, iface_id(inside)) ||
            finding_evidence(c->fs, f, &b->entry->loc) ||
            finding_evidence(c->fs, f, &inside->loc) ||
            finding_set_peer(c->fs, f, entry_peer(b->entry)))
                return -1;
        /* In the fix, the local side is this device's: the ACL's destination. */
        struct netvars l, r;
        net_vars(b->box.dst, &l);
        net_vars(b->box.src, &r);
        return check_fix_acl_flow(c, f, b->entry->match_acl, &l, &r);
}

static bool mirror_permitted(const struct device *dev, const struct cbox *b)
{
        struct flowbox m = {b->box.dst, b->box.src, b->box.proto, b->box.dport, b->box.sport};
        struct acl_cover cv = acl_cover_box(model_get_acl(dev, b->entry->match_acl), &m, 1024);
        return cv.cover == COVER_FULL;
}

int check_crypto_acl_reversed(struct check_ctx *c)
{
        struct cboxes s;
        int rc = cboxes_collect(c->dev, &s);
        const struct ace *last = NULL;
        for (size_t i = 0; rc == 0 && i < s.n; i++) {
                const struct cbox *b = &s.v[i];
                const struct iface *inside;
                if (b->ace == last || !cbox_reversed(c->dev, b, &inside) ||
                    mirror_permitted(c->dev, b))
                        continue;
                last = b->ace; /* one finding per ACE, however many boxes it has */
                rc = report(c, b, inside);
        }
        cboxes_free(&s);
        return rc;
}
