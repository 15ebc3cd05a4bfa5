/* backup-peers: an entry's 'set peer A B ...' order, reported for review. */
#include <string.h>

#include "checks_list.h"
#include "cmap_util.h"

/* "A, then B, then C" into buf (truncated with "..." when long). */
static void peer_order(const struct crypto_map_entry *e, char *buf, size_t size)
{
        size_t used = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < e->peers.n; i++) {
                char a[16];
                const char *t = cmap_peer_text(e->peers.v[i], a);
                size_t need = strlen(t) + (i ? 7 : 0);
                if (used + need + 4 >= size) {
                        strcpy(buf + used, "...");
                        return;
                }
                if (i)
                        strcpy(buf + used, ", then "), used += 7;
                strcpy(buf + used, t), used += strlen(t);
        }
}

int check_backup_peers(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->crypto_maps.n; i++) {
                const struct crypto_map *m = d->crypto_maps.v[i];
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (e->peers.n < 2)
                                continue;
                        const struct cm_peer *p = e->peers.v[0];
                        char order[256], a[16];
                        peer_order(e, order, sizeof(order));
                        struct finding *f = check_report(c, &p->loc);
                        if (!f ||
                            finding_title(c->fs, f,
                                          "crypto map '%s' %d tries its peers in order: %s", e->map,
                                          e->seq, order) ||
                            finding_set_peer(c->fs, f, cmap_peer_text(p, a)))
                                return -1;
                }
        }
        return 0;
}
