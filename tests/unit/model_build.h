/* Hand-built device elements for model tests (no config reader involved). */
#ifndef IPSD_TEST_MODEL_BUILD_H
#define IPSD_TEST_MODEL_BUILD_H

#include "model/flowset.h"
#include "model/model.h"

#define IP(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | (d))

static inline uint32_t plen_mask(int len)
{
        return len ? ~0u << (32 - len) : 0;
}

static inline struct flowbox mk_box(uint32_t s, int slen, uint32_t d, int dlen)
{
        struct flowbox b = fb_any();
        b.src = range_from_mask(s, plen_mask(slen));
        b.dst = range_from_mask(d, plen_mask(dlen));
        return b;
}

static inline struct loc mk_loc(uint32_t line)
{
        struct loc l = {"test.cfg", line, NULL};
        return l;
}

/* Appends "permit|deny ip S/slen D/dlen" to ACL name. */
static inline struct ace *add_ace(struct device *dev, const char *name, bool permit, uint32_t s,
                                  int slen, uint32_t d, int dlen)
{
        struct loc l = mk_loc(1);
        struct acl *acl = model_obtain_acl(dev, name, &l);
        struct ace *a = model_alloc(dev, sizeof(*a));
        struct flowbox *b = model_alloc(dev, sizeof(*b));
        if (!acl || !a || !b)
                return NULL;
        *b = mk_box(s, slen, d, dlen);
        a->loc = mk_loc((uint32_t)acl->aces.n + 1);
        a->action = permit ? ACL_PERMIT : ACL_DENY;
        a->boxes = b;
        a->nboxes = 1;
        ptrvec_push(&dev->arena, &acl->aces, a);
        return a;
}

static inline struct nat_rule *add_nat(struct device *dev, enum nat_kind kind)
{
        struct nat_rule *r = model_alloc(dev, sizeof(*r));
        if (!r)
                return NULL;
        r->kind = kind;
        r->nat_id = -1;
        r->loc = mk_loc((uint32_t)dev->nat_rules.n + 100);
        r->order = dev->nat_rules.n;
        ptrvec_push(&dev->arena, &dev->nat_rules, r);
        return r;
}

static inline void set_range(struct device *dev, struct addrset *s, uint32_t a, int len)
{
        s->r = model_alloc(dev, sizeof(*s->r));
        s->r[0] = range_from_mask(a, plen_mask(len));
        s->n = 1;
}

#endif
