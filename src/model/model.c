/* Device lifecycle, name indexes and get-or-create helpers for the readers. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

struct device *model_new(const char *file)
{
        struct device *dev = calloc(1, sizeof(*dev));
        if (!dev)
                return NULL;
        arena_init(&dev->arena, 0);
        dev->file = arena_strdup(&dev->arena, file ? file : "-");
        if (!dev->file) {
                free(dev);
                return NULL;
        }
        dev->version.major = dev->version.minor = dev->version.maint = -1;
        dev->logging_queue = -1;
        /* IOS interface names are case-insensitive in the CLI; nameifs and
         * crypto map names are not (crypto-map-name-case depends on that). */
        dev->by_iface.nocase = true;
        return dev;
}

void model_free(struct device *dev)
{
        if (!dev)
                return;
        arena_free(&dev->arena);
        free(dev);
}

void *model_alloc(struct device *dev, size_t size)
{
        return arena_alloc(&dev->arena, size);
}

char *model_strdup(struct device *dev, const char *s)
{
        return s ? arena_strdup(&dev->arena, s) : NULL;
}

int model_add_unknown(struct device *dev, const struct loc *loc)
{
        struct loc *l = model_alloc(dev, sizeof(*l));
        if (!l)
                return -1;
        *l = *loc;
        return ptrvec_push(&dev->arena, &dev->unknown, l);
}

/* Creates an element of `size` bytes whose first member is a struct loc and
 * second a const char *name, appends it to list and indexes it. */
static void *obtain(struct device *dev, struct strmap *idx, struct ptrvec *list, size_t size,
                    const char *name, const struct loc *loc)
{
        void *e = strmap_get(idx, name);
        if (e)
                return e;
        e = model_alloc(dev, size);
        char *nm = model_strdup(dev, name);
        if (!e || !nm)
                return NULL;
        struct {
                struct loc loc;
                const char *name;
        } *head = e;
        if (loc)
                head->loc = *loc;
        head->name = nm;
        if (ptrvec_push(&dev->arena, list, e) || strmap_put(&dev->arena, idx, nm, e))
                return NULL;
        return e;
}

#define HEAD_OK(T)                                                                                 \
        _Static_assert(offsetof(struct T, loc) == 0 &&                                             \
                           offsetof(struct T, name) == sizeof(struct loc),                         \
                       #T " must start with loc, name")
HEAD_OK(acl);
HEAD_OK(object);
HEAD_OK(crypto_map);
HEAD_OK(tunnel_group);
HEAD_OK(group_policy);
HEAD_OK(transform_set);
HEAD_OK(iface);
HEAD_OK(local_pool);
HEAD_OK(name_alias);
HEAD_OK(isakmp_profile);
HEAD_OK(ipsec_profile);
HEAD_OK(keyring);
HEAD_OK(client_group);
HEAD_OK(username);

struct acl *model_get_acl(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_acl, name);
}

struct acl *model_obtain_acl(struct device *dev, const char *name, const struct loc *loc)
{
        return obtain(dev, &dev->by_acl, &dev->acls, sizeof(struct acl), name, loc);
}

struct object *model_get_object(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_object, name);
}

struct object *model_obtain_object(struct device *dev, const char *name, enum object_kind kind,
                                   bool is_group, const struct loc *loc)
{
        struct object *o = model_get_object(dev, name);
        if (o)
                return o;
        o = obtain(dev, &dev->by_object, &dev->objects, sizeof(*o), name, loc);
        if (o) {
                o->kind = kind;
                o->is_group = is_group;
        }
        return o;
}

struct crypto_map *model_get_cmap(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_cmap, name);
}

struct crypto_map *model_find_cmap(const struct device *dev, const char *name, bool dynamic)
{
        if (!dynamic)
                return strmap_get(&dev->by_cmap, name);
        char key[300]; /* the key model_obtain_cmap gives a dynamic map */
        size_t n = strlen(name);
        if (n > sizeof(key) - 3)
                n = sizeof(key) - 3;
        key[0] = 'D';
        key[1] = ':';
        memcpy(key + 2, name, n);
        key[n + 2] = '\0';
        return strmap_get(&dev->by_cmap, key);
}

struct crypto_map *model_obtain_cmap(struct device *dev, const char *name, bool dynamic,
                                     const struct loc *loc)
{
        /* Static and dynamic maps live in one namespace in the index only when
         * they do not collide; a dynamic map is keyed with a prefix. */
        char key[300];
        const char *k = name;
        if (dynamic) {
                size_t n = strlen(name);
                if (n > sizeof(key) - 3)
                        n = sizeof(key) - 3;
                key[0] = 'D';
                key[1] = ':';
                memcpy(key + 2, name, n);
                key[n + 2] = '\0';
                k = key;
        }
        struct crypto_map *m = strmap_get(&dev->by_cmap, k);
        if (m)
                return m;
        m = model_alloc(dev, sizeof(*m));
        char *nm = model_strdup(dev, name);
        char *kk = model_strdup(dev, k);
        if (!m || !nm || !kk)
                return NULL;
        if (loc)
                m->loc = *loc;
        m->name = nm;
        m->dynamic = dynamic;
        if (ptrvec_push(&dev->arena, &dev->crypto_maps, m) ||
            strmap_put(&dev->arena, &dev->by_cmap, kk, m))
                return NULL;
        return m;
}

struct crypto_map_entry *model_cmap_entry(struct device *dev, struct crypto_map *m, int seq,
                                          const struct loc *loc)
{
        for (size_t i = m->entries.n; (m->entries.n && seq <= m->max_seq) && i-- > 0;) {
                struct crypto_map_entry *e = m->entries.v[i];
                if (e->seq == seq)
                        return e;
        }
        struct crypto_map_entry *e = model_alloc(dev, sizeof(*e));
        if (!e)
                return NULL;
        if (loc)
                e->loc = *loc;
        e->map = m->name;
        e->seq = seq;
        e->dynamic_template = m->dynamic;
        if (ptrvec_push(&dev->arena, &m->entries, e))
                return NULL;
        if (m->entries.n == 1 || seq > m->max_seq)
                m->max_seq = seq;
        return e;
}

struct tunnel_group *model_get_tg(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_tg, name);
}

struct tunnel_group *model_obtain_tg(struct device *dev, const char *name, const struct loc *loc)
{
        return obtain(dev, &dev->by_tg, &dev->tunnel_groups, sizeof(struct tunnel_group), name,
                      loc);
}

struct group_policy *model_get_gp(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_gp, name);
}

struct group_policy *model_obtain_gp(struct device *dev, const char *name, const struct loc *loc)
{
        return obtain(dev, &dev->by_gp, &dev->group_policies, sizeof(struct group_policy), name,
                      loc);
}

struct transform_set *model_get_tset(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_tset, name);
}

struct transform_set *model_obtain_tset(struct device *dev, const char *name, const struct loc *loc)
{
        return obtain(dev, &dev->by_tset, &dev->tsets, sizeof(struct transform_set), name, loc);
}

struct iface *model_get_iface(const struct device *dev, const char *name)
{
        return strmap_get(&dev->by_iface, name);
}

struct iface *model_get_nameif(const struct device *dev, const char *nameif)
{
        return strmap_get(&dev->by_nameif, nameif);
}

struct iface *model_obtain_iface(struct device *dev, const char *name, const struct loc *loc)
{
        struct iface *i = model_get_iface(dev, name);
        if (i)
                return i;
        i = obtain(dev, &dev->by_iface, &dev->ifaces, sizeof(*i), name, loc);
        if (i)
                i->security_level = -1;
        return i;
}

int model_set_nameif(struct device *dev, struct iface *ifc, const char *nameif)
{
        char *n = model_strdup(dev, nameif);
        if (!n)
                return -1;
        ifc->nameif = n;
        return strmap_put(&dev->arena, &dev->by_nameif, n, ifc);
}

#define SIMPLE_INDEX(T, fn_get, fn_add, idx, list)                                                 \
        struct T *fn_get(const struct device *dev, const char *name)                               \
        {                                                                                          \
                return strmap_get(&dev->idx, name);                                                \
        }                                                                                          \
        int fn_add(struct device *dev, struct T *e)                                                \
        {                                                                                          \
                if (ptrvec_push(&dev->arena, &dev->list, e))                                       \
                        return -1;                                                                 \
                return e->name ? strmap_put(&dev->arena, &dev->idx, e->name, e) : 0;               \
        }

/* Get-or-create for the elements indexed by SIMPLE_INDEX: new ones get loc. */
#define SIMPLE_OBTAIN(T, fn_obtain, idx, list)                                                     \
        struct T *fn_obtain(struct device *dev, const char *name, const struct loc *loc)           \
        {                                                                                          \
                return obtain(dev, &dev->idx, &dev->list, sizeof(struct T), name, loc);            \
        }

SIMPLE_OBTAIN(keyring, model_obtain_keyring, by_keyring, keyrings)
SIMPLE_OBTAIN(isakmp_profile, model_obtain_profile, by_profile, isakmp_profiles)
SIMPLE_OBTAIN(ipsec_profile, model_obtain_ipsec_profile, by_ipsec_profile, ipsec_profiles)
SIMPLE_OBTAIN(client_group, model_obtain_client_group, by_client_group, client_groups)

SIMPLE_INDEX(local_pool, model_get_pool, model_add_pool, by_pool, pools)
SIMPLE_INDEX(name_alias, model_get_name_alias, model_add_name_alias, by_name_alias, names)
SIMPLE_INDEX(isakmp_profile, model_get_profile, model_add_profile, by_profile, isakmp_profiles)
SIMPLE_INDEX(ipsec_profile, model_get_ipsec_profile, model_add_ipsec_profile, by_ipsec_profile,
             ipsec_profiles)
SIMPLE_INDEX(keyring, model_get_keyring, model_add_keyring, by_keyring, keyrings)
SIMPLE_INDEX(client_group, model_get_client_group, model_add_client_group, by_client_group,
             client_groups)
SIMPLE_INDEX(username, model_get_username, model_add_username, by_username, usernames)

bool version_at_least(const struct version *v, int major, int minor, int maint)
{
        if (v->major < 0)
                return false;
        if (v->major != major)
                return v->major > major;
        if (v->minor != minor)
                return v->minor > minor;
        return v->maint >= maint;
}

const char *platform_name(enum platform p)
{
        static const char *const names[] = {"unknown", "ios", "asa", "pix"};
        return (unsigned)p < sizeof(names) / sizeof(names[0]) ? names[p] : "unknown";
}
