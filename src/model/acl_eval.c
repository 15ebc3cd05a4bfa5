/* First-match and coverage evaluation of ACLs (see acl_eval.h). */
#include "acl_eval.h"

static bool ace_live(const struct ace *a)
{
        return !a->remark && !a->inactive && a->nboxes > 0;
}

struct acl_match acl_first_match(const struct acl *acl, const struct flowbox *flow)
{
        struct acl_match m = {ACL_NOMATCH, NULL, false};
        if (!acl)
                return m;
        for (size_t i = 0; i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (!ace_live(a))
                        continue;
                bool touch = false, whole = false;
                for (size_t b = 0; b < a->nboxes && !whole; b++) {
                        if (fb_intersect(&a->boxes[b], flow, NULL)) {
                                touch = true;
                                whole = fb_contains(&a->boxes[b], flow);
                        }
                }
                if (!touch)
                        continue;
                m.res = a->action == ACL_PERMIT ? ACL_RES_PERMIT : ACL_RES_DENY;
                m.ace = a;
                /* Several boxes of one ACE may cover the flow only together. */
                m.whole =
                    whole || fb_cover(a->boxes, a->nboxes, flow, FBSET_DEFAULT_MAX) == COVER_FULL;
                return m;
        }
        return m;
}

/* Moves the part of rest inside box b into sink (if any) and out of rest. */
static int take(struct fbset *rest, const struct flowbox *b, struct fbset *sink, bool *touched)
{
        for (size_t j = 0; j < rest->n; j++) {
                struct flowbox in;
                if (!fb_intersect(&rest->v[j], b, &in))
                        continue;
                *touched = true;
                if (sink && fbset_push(sink, &in))
                        return -1;
        }
        return *touched ? fbset_subtract_box(rest, b) : 0;
}

static int split_walk(const struct acl *acl, struct fbset *rest, struct fbset *permitted,
                      struct fbset *denied, struct acl_cover *c)
{
        for (size_t i = 0; acl && i < acl->aces.n && rest->n > 0; i++) {
                const struct ace *a = acl->aces.v[i];
                if (!ace_live(a))
                        continue;
                bool permit = a->action == ACL_PERMIT, touched = false;
                for (size_t b = 0; b < a->nboxes && rest->n > 0; b++)
                        if (take(rest, &a->boxes[b], permit ? permitted : denied, &touched))
                                return -1;
                if (!touched)
                        continue;
                c->inexact |= a->inexact;
                if (permit && !c->first_permit)
                        c->first_permit = a;
                if (!permit && !c->first_deny)
                        c->first_deny = a;
        }
        return 0;
}

int acl_split(const struct acl *acl, const struct flowbox *x, struct fbset *permitted,
              struct fbset *denied)
{
        struct fbset rest;
        struct acl_cover c = {0};
        fbset_init(&rest, permitted ? permitted->max : 0);
        int rc = fbset_push(&rest, x);
        if (rc == 0)
                rc = split_walk(acl, &rest, permitted, denied, &c);
        fbset_free(&rest);
        return rc;
}

struct acl_cover acl_cover_box(const struct acl *acl, const struct flowbox *x, size_t max)
{
        struct acl_cover c = {COVER_NONE, NULL, NULL, false};
        if (fb_is_empty(x)) {
                c.cover = COVER_FULL;
                return c;
        }
        struct fbset rest;
        fbset_init(&rest, max);
        if (fbset_push(&rest, x) || split_walk(acl, &rest, NULL, NULL, &c)) {
                fbset_free(&rest);
                c.cover = COVER_UNKNOWN;
                return c;
        }
        /* Denied or unmatched pieces left over mean "partly"; the walk stops
         * early only when nothing is left. */
        bool all = !c.first_deny && rest.n == 0;
        c.cover = !c.first_permit ? COVER_NONE : all ? COVER_FULL : COVER_PARTIAL;
        fbset_free(&rest);
        return c;
}
