/* Shared crypto map questions of the ike area checks (cmap_util.h). */
#include "cmap_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../model/in_use.h"
#include "../util/ipv4.h"

const struct crypto_map *cmap_dynamic(const struct device *dev, const char *name)
{
        char key[300];
        if (!name || strlen(name) >= sizeof(key) - 2)
                return NULL;
        /* model_obtain_cmap indexes dynamic maps as "D:name" */
        snprintf(key, sizeof(key), "D:%s", name);
        return model_get_cmap(dev, key);
}

const struct crypto_map_binding *cmap_binding(const struct device *dev, const char *map)
{
        for (size_t i = 0; map && i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->map && !strcmp(b->map, map))
                        return b;
        }
        return NULL;
}

bool cmap_entry_static(const struct crypto_map_entry *e)
{
        return !e->dynamic_template && !e->is_dynamic_ref && !e->ipsec_manual && !e->gdoi;
}

/* IOS: an entry with "set ikev2-profile" and no transform set uses the IKEv2
 * smart-default transform set "default" (Cisco FlexVPN and IKEv2
 * Configuration Guide, "IKEv2 Smart Defaults"; model/ikev2_defaults.c), as
 * tunnel plays it (negotiate/p2cfg.c). */
bool cmap_entry_has_tsets(const struct device *dev, const struct crypto_map_entry *e)
{
        return e->tsets.n > 0 || e->ikev2_proposals.n > 0 ||
               (dev->platform == PLAT_IOS && e->ikev2_profile != NULL);
}

bool cmap_has_static_peer(const struct device *dev)
{
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                if (m->dynamic || !cmap_binding(dev, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (cmap_entry_static(e) && e->peers.n)
                                return true;
                }
        }
        return false;
}

const char *cmap_peer_text(const struct cm_peer *p, char buf[16])
{
        if (p->is_addr)
                return ipv4_str(p->addr, buf);
        return p->text ? p->text : "?";
}

void cmap_vars_fill(struct cmap_vars *cv, const struct device *dev,
                    const struct crypto_map_entry *e)
{
        size_t n = 0;
        snprintf(cv->seq, sizeof(cv->seq), "%d", e->seq);
        cv->v[n++] = "map", cv->v[n++] = e->map;
        cv->v[n++] = "seq", cv->v[n++] = cv->seq;
        if (e->match_acl)
                cv->v[n++] = "acl", cv->v[n++] = e->match_acl;
        if (e->tsets.n)
                cv->v[n++] = "tset", cv->v[n++] = e->tsets.v[0];
        if (e->peers.n)
                cv->v[n++] = "peer", cv->v[n++] = cmap_peer_text(e->peers.v[0], cv->peer);
        const struct crypto_map_binding *b = cmap_binding(dev, e->map);
        if (b && b->ifname)
                cv->v[n++] = "if", cv->v[n++] = b->ifname;
        cv->v[n] = NULL;
}

int explain_more(struct findings *fs, struct finding *f, const char *fmt, ...)
{
        char buf[1024];
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(buf, sizeof(buf), fmt, ap);
        va_end(ap);
        if (n < 0)
                return -1;
        return finding_explain(fs, f, "%s %s", f->explanation ? f->explanation : "", buf);
}

struct loc key_line_loc(const struct loc *l)
{
        struct loc k = *l;
        k.text = "(pre-shared key line, key not shown)";
        return k;
}

const char *cmap_unused_condition(const struct device *dev, const struct crypto_map_entry *e,
                                  char *buf, size_t len)
{
        if (iu_entry_in_use(dev, e))
                return "";
        if (e->dynamic_template)
                snprintf(buf, len,
                         ": it breaks once an applied crypto map refers to dynamic map '%.64s'",
                         e->map ? e->map : "?");
        else
                snprintf(buf, len,
                         ": it breaks once crypto map '%.64s' is applied to an interface that "
                         "is up",
                         e->map ? e->map : "?");
        return buf;
}

void cmap_severity_for(struct finding *f, const char *cond)
{
        if (f && cond && *cond && f->severity > SEV_INFO)
                f->severity = SEV_INFO;
}
