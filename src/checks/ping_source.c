/*
 * ping-source-not-interesting (advice): the crypto interface's own address
 * is in no crypto ACL source, so a ping from the device itself is not
 * encrypted. To stay quiet where the advice is pointless, it is given once
 * per bound map, and only when every crypto ACL source of the map is an
 * inside network (routed out another interface than the crypto one).
 */
#include <stdio.h>

#include "aclnat_util.h"
#include "checks_list.h"

static bool src_inside(const struct device *d, const struct cbox *b, const struct iface **in)
{
        bool specific;
        const struct iface *f = route_range(d, b->box.src, &specific);
        if (!f || iface_is(f, b->ifname))
                return false;
        if (!*in)
                *in = f;
        return true;
}

static int report(struct check_ctx *c, const struct cbox *b, const struct iface *out,
                  const struct iface *in)
{
        char addr[16], host[16];
        ip_text(out->addr, addr, sizeof(addr));
        /* a host in the remote network, for the test ping */
        uint32_t h = b->box.dst.hi > b->box.dst.lo ? b->box.dst.lo + 1 : b->box.dst.lo;
        ip_text(h, host, sizeof(host));
        struct finding *f = check_report(c, &b->entry->loc);
        if (!f ||
            finding_title(c->fs, f,
                          "a ping from '%s' (%s) matches no crypto ACL of map '%s': test from "
                          "'%s' instead",
                          b->ifname, addr, b->entry->map, iface_id(in)) ||
            finding_evidence(c->fs, f, &out->loc))
                return -1;
        const char *vars[] = {"nat_if", iface_id(in), "remote_net", host, "if", b->ifname, NULL};
        return check_fix(c, f, vars);
}

static int check_map(struct check_ctx *c, const struct cbox *v, size_t n)
{
        const struct device *d = c->dev;
        const struct iface *out = model_get_nameif(d, v[0].ifname);
        if (!out)
                out = model_get_iface(d, v[0].ifname);
        if (!out || !out->has_addr)
                return 0;
        const struct iface *in = NULL;
        for (size_t i = 0; i < n; i++) {
                if (v[i].box.src.lo <= out->addr && out->addr <= v[i].box.src.hi)
                        return 0; /* the device's own address is interesting */
                if (!src_inside(d, &v[i], &in))
                        return 0;
        }
        return in ? report(c, &v[0], out, in) : 0;
}

int check_ping_source_not_interesting(struct check_ctx *c)
{
        struct cboxes s;
        int rc = cboxes_collect(c->dev, &s);
        for (size_t i = 0; rc == 0 && i < s.n;) {
                size_t j = cboxes_binding_end(&s, i);
                rc = check_map(c, s.v + i, j - i);
                i = j;
        }
        cboxes_free(&s);
        return rc;
}
