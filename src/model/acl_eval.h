/*
 * ACL evaluation over the model's ACE boxes: first match for a packet, and
 * how much of a box an ACL permits (for "does the NAT exemption cover the
 * whole crypto ACL entry"). Remarks and inactive ACEs are skipped. An ACL
 * ends with an implicit deny: callers see it as ACL_NOMATCH so that each
 * use can decide (NAT "list": not translated; crypto ACL: not encrypted).
 */
#ifndef IPSD_ACL_EVAL_H
#define IPSD_ACL_EVAL_H

#include "flowset.h"
#include "model.h"

enum acl_result { ACL_NOMATCH = 0, ACL_RES_PERMIT, ACL_RES_DENY };

struct acl_match {
        enum acl_result res;
        const struct ace *ace; /* the deciding ACE, NULL for no match */
        bool whole;            /* the ACE holds all of the flow (always for a packet) */
};

/* First ACE touching flow (a packet: fb_point; or a box). acl may be NULL
 * (an undefined ACL matches nothing). */
struct acl_match acl_first_match(const struct acl *acl, const struct flowbox *flow);

/*
 * Splits x by the ACL: the pieces of x that the ACL permits are pushed to
 * permitted (may be NULL), the denied ones to denied (may be NULL). Pieces
 * are disjoint. Returns 0, or -1 when a set hit its bound (result partial).
 */
int acl_split(const struct acl *acl, const struct flowbox *x, struct fbset *permitted,
              struct fbset *denied);

struct acl_cover {
        enum cover cover;               /* how much of x the ACL permits */
        const struct ace *first_permit; /* first ACE that permits part of x */
        const struct ace *first_deny;   /* first ACE that denies part of x */
        bool inexact;                   /* an ACE on the way was approximate */
};

struct acl_cover acl_cover_box(const struct acl *acl, const struct flowbox *x, size_t max);

#endif
