/* A crypto map entry or VTI profile as phase 2 uses it. */
#include <stdio.h>
#include <string.h>

#include "../model/flowset.h"
#include "../model/ikev2_defaults.h"
#include "side_int.h"

#define P2_MAX_BOXES 4096 /* selectors kept per entry; an ACL past it is cut (hostile input) */

static int load_xforms(struct pair *p, const struct device *dev, struct p2_cfg *c,
                       const struct ptrvec *names)
{
        size_t cap = 0;
        for (size_t i = 0; i < names->n; i++) {
                const struct transform_set *t = model_get_tset(dev, names->v[i]);
                if (t)
                        cap +=
                            (t->nesp_encr ? t->nesp_encr : 1) * (t->nesp_hash ? t->nesp_hash : 1);
        }
        c->xf = arena_calloc(&p->arena, cap + 1, sizeof(*c->xf));
        c->xf_names = arena_calloc(&p->arena, cap + 1, sizeof(*c->xf_names));
        if (!c->xf || !c->xf_names)
                return -1;
        for (size_t i = 0; i < names->n; i++) {
                const struct transform_set *t = model_get_tset(dev, names->v[i]);
                for (size_t e = 0; t && e < (t->nesp_encr ? t->nesp_encr : 1); e++)
                        for (size_t h = 0; h < (t->nesp_hash ? t->nesp_hash : 1) && c->nxf < cap;
                             h++) {
                                struct p2_xform *x = &c->xf[c->nxf];
                                x->encr = t->nesp_encr ? t->esp_encr[e] : ENCR_NONE;
                                x->key_bits = t->nesp_encr ? t->esp_key_bits[e] : 0;
                                x->hash = t->nesp_hash ? t->esp_hash[h] : HASH_NONE;
                                x->mode = t->mode;
                                x->require = t->mode_require;
                                x->ah = t->ah_hash;
                                x->set = i;
                                c->xf_names[c->nxf++] = t->name;
                        }
        }
        return 0;
}

static int load_default_xform(struct pair *p, struct p2_cfg *c)
{
        const struct transform_set *t = ios_default_tset();
        c->xf = arena_calloc(&p->arena, 1, sizeof(*c->xf));
        c->xf_names = arena_calloc(&p->arena, 1, sizeof(*c->xf_names));
        if (!c->xf || !c->xf_names)
                return -1;
        c->xf[0] = (struct p2_xform){.encr = t->esp_encr[0],
                                     .key_bits = t->esp_key_bits[0],
                                     .hash = t->esp_hash[0],
                                     .mode = t->mode};
        c->xf_names[0] = t->name;
        c->nxf = 1;
        return 0;
}

static int load_boxes(struct pair *p, const struct device *dev, struct p2_cfg *c)
{
        const struct acl *acl = c->acl ? model_get_acl(dev, c->acl) : NULL;
        if (!acl) {
                c->any = c->dynamic && !c->acl; /* a template without ACL takes anything */
                return 0;
        }
        size_t n = 0;
        for (size_t i = 0; i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (!a->remark && !a->inactive && a->action == ACL_PERMIT)
                        n += a->nboxes;
        }
        n = n > P2_MAX_BOXES ? P2_MAX_BOXES : n;
        c->boxes = arena_calloc(&p->arena, n + 1, sizeof(*c->boxes));
        c->aces = arena_calloc(&p->arena, n + 1, sizeof(*c->aces));
        if (!c->boxes || !c->aces)
                return -1;
        for (size_t i = 0; i < acl->aces.n && c->nboxes < n; i++) {
                const struct ace *a = acl->aces.v[i];
                if (a->remark || a->inactive || a->action != ACL_PERMIT)
                        continue;
                for (size_t b = 0; b < a->nboxes && c->nboxes < n; b++) {
                        c->aces[c->nboxes] = a;
                        c->boxes[c->nboxes++] = a->boxes[b];
                }
        }
        return 0;
}

int p2cfg_load(struct pair *p, const struct device *dev, struct p2_cfg *c,
               const struct crypto_map_entry *e, const struct ipsec_profile *prof)
{
        char buf[320];
        memset(c, 0, sizeof(*c));
        c->entry = e;
        c->profile = prof;
        if (e) {
                snprintf(buf, sizeof(buf), "%s %s %d",
                         e->dynamic_template ? "dynamic-map" : "crypto map", e->map, e->seq);
                c->dynamic = e->dynamic_template;
                c->acl = e->match_acl;
                c->pfs = e->pfs_set ? e->pfs_group : 0;
                c->pfs_default = e->pfs_set && e->pfs_group == 1 && dev->platform == PLAT_IOS &&
                                 e->pfs_loc.text && !strstr(e->pfs_loc.text, "group");
                c->life_sec = e->lifetime_sec;
                c->loc = &e->loc;
                if (load_xforms(p, dev, c, e->tsets.n ? &e->tsets : &e->ikev2_proposals))
                        return -1;
                /* IOS IKEv2 smart default: an IKEv2 entry naming no transform set
                 * uses the transform set "default" (ikev2_defaults.c) */
                if (!e->tsets.n && !e->ikev2_proposals.n && e->ikev2_profile &&
                    dev->platform == PLAT_IOS && load_default_xform(p, c))
                        return -1;
        } else {
                snprintf(buf, sizeof(buf), "ipsec profile %s", prof->name);
                c->any = true; /* a VTI protects everything routed into it */
                c->pfs = prof->pfs_set ? prof->pfs_group : 0;
                c->life_sec = prof->lifetime_sec;
                if (load_xforms(p, dev, c, &prof->tsets))
                        return -1;
                /* the same smart default for an IKEv2 IPsec profile (FlexVPN)
                 * that names no transform set (ikev2_defaults.h) */
                if (!prof->tsets.n && prof->ikev2_profile && dev->platform == PLAT_IOS &&
                    load_default_xform(p, c))
                        return -1;
        }
        if (!c->life_sec)
                c->life_sec = dev->ipsec.lifetime_sec;
        c->what = arena_strdup(&p->arena, buf);
        if (!c->what)
                return -1;
        return e ? load_boxes(p, dev, c) : 0;
}
