/*
 * anti-replay-drops (config): a crypto interface queues its traffic (QoS)
 * while the replay window is the default 64 packets. Priority queueing
 * after encryption sends ESP out of sequence order, and the peer drops what
 * falls behind its window (%ASA-4-402119).
 *
 * What counts as QoS: IOS "service-policy output P" on the interface the
 * crypto map is applied to; ASA/PIX "priority-queue IF" for that nameif.
 * An ASA "service-policy P interface IF" is not counted: it is usually
 * inspection only, and the model does not read policy-maps. Skipped when
 * the window is already above the default or anti-replay is disabled.
 */
#include "../model/in_use.h"
#include "checks_list.h"
#include "cmap_util.h"

#define DEFAULT_REPLAY_WINDOW 64 /* RFC 4303 3.4.3 minimum 32; Cisco default 64 */

static const struct iface *binding_iface(const struct device *d, const struct crypto_map_binding *b)
{
        if (!b->ifname)
                return NULL;
        const struct iface *f = model_get_nameif(d, b->ifname);
        return f ? f : model_get_iface(d, b->ifname);
}

int check_anti_replay_drops(struct check_ctx *c)
{
        const struct device *d = c->dev;
        if (d->ipsec.replay_disabled || d->ipsec.replay_window > DEFAULT_REPLAY_WINDOW)
                return 0;
        for (size_t i = 0; i < d->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = d->cmap_bindings.v[i];
                const struct iface *f = binding_iface(d, b);
                /* only a binding that carries traffic (model/in_use.c) */
                if (!f || (!f->priority_queue && !f->service_policy_out) ||
                    !iu_binding_reached(d, b))
                        continue;
                struct finding *fd = check_report(c, &f->qos_loc);
                const char *what =
                    f->priority_queue ? "priority queueing" : "an output service-policy";
                if (!fd ||
                    finding_title(c->fs, fd,
                                  "interface '%s' carries crypto map '%s' and %s, with the default "
                                  "anti-replay window of %d packets",
                                  b->ifname, b->map, what, DEFAULT_REPLAY_WINDOW) ||
                    finding_evidence(c->fs, fd, &b->loc))
                        return -1;
                if (d->ipsec.replay_window && finding_evidence(c->fs, fd, &d->ipsec.replay_loc))
                        return -1;
                const char *vars[] = {"if", b->ifname, "map", b->map, NULL};
                if (check_fix(c, fd, vars))
                        return -1;
        }
        return 0;
}
