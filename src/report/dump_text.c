/*
 * ipsec-doctor dump --format text: a compact outline of each device for an
 * engineer at a console. Every element starts with its source line ("L42");
 * "-" marks a platform default that no line created. Secrets print as
 * "<secret>" with a salted fingerprint at most.
 */
#include "dump.h"

#include "dump_text_int.h"

static void tx_header(struct tctx *c)
{
        const struct device *dev = c->dev;
        tput(c, dev->file);
        tf(c, ": ");
        tput(c, dev->hostname ? dev->hostname : "(no hostname)");
        tf(c, " (%s ", platform_name(dev->platform));
        if (dev->version.text)
                tput(c, dev->version.text);
        else if (dev->version.major >= 0)
                tf(c, "%d.%d(%d)", dev->version.major, dev->version.minor, dev->version.maint);
        else
                tf(c, "version unknown");
        tf(c, "%s)\n", dev->platform_forced ? ", forced" : "");
}

static void tx_footer(struct tctx *c)
{
        const struct device *dev = c->dev;
        size_t nu = dev->unknown.n;
        double pct = dev->nlines ? 100.0 * (double)nu / (double)dev->nlines : 0.0;
        tf(c, "  %zu lines, %zu unknown (%.1f%%), %zu of them in a VPN context", dev->nlines, nu,
           pct, dev->unknown_vpn.n);
        if (dev->nskipped)
                tf(c, ", %zu not config", dev->nskipped);
        tf(c, "\n");
        if (!c->verbose)
                return;
        for (size_t i = 0, j = 0; i < nu; i++) {
                const struct loc *l = dev->unknown.v[i];
                /* unknown_vpn is a subset of unknown, in the same order */
                bool vpn = j < dev->unknown_vpn.n && dev->unknown_vpn.v[j] == l;
                j += vpn;
                tf(c, "  L%u%s: ", (unsigned)l->line, vpn ? " (VPN context)" : "");
                tput(c, l->text);
                tf(c, "\n");
        }
}

static void tx_device(struct tctx *c)
{
        tx_header(c);
        tx_network(c);
        tx_ike(c);
        tx_ipsec(c);
        tx_remote_access(c);
        tx_settings(c);
        tx_footer(c);
}

int dump_text(FILE *out, struct device *const *devs, size_t n, bool verbose)
{
        struct tctx c = {.out = out, .dev = NULL, .verbose = verbose};
        for (size_t i = 0; i < n; i++) {
                if (i)
                        tf(&c, "\n");
                c.dev = devs[i];
                tx_device(&c);
        }
        return ferror(out) ? -1 : 0;
}
