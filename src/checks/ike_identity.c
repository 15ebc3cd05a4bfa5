/*
 * isakmp-identity-mismatch (config level): the device sends an identity
 * that its own pre-shared keys cannot work with. Keys looked up by the
 * peer's address (IOS/PIX 'crypto isakmp key K address A', keyring
 * 'pre-shared-key address A'; ASA L2L tunnel-groups named by address) go
 * with 'identity address' (or 'auto', which sends the address with
 * pre-shared keys). 'hostname', 'key-id' and 'dn' sent with such keys make
 * the peer look its key up under a name it does not have. Only an explicit
 * 'crypto isakmp identity' line can do this: every platform's default is
 * address-based (model/defaults.c). A device whose every key is a hostname
 * key ('crypto isakmp key K hostname H') is consistent and not reported.
 */
#include "checks_list.h"
#include "cmap_util.h"

#define MAX_EVIDENCE 3

static const char *identity_name(enum ike_identity id)
{
        static const char *const names[] = {
            [IDENT_UNSET] = "unset", [IDENT_ADDRESS] = "address", [IDENT_HOSTNAME] = "hostname",
            [IDENT_AUTO] = "auto",   [IDENT_KEY_ID] = "key-id",   [IDENT_DN] = "dn",
        };
        return (unsigned)id < sizeof(names) / sizeof(names[0]) ? names[id] : "?";
}

static bool address_key(const struct psk *k)
{
        switch (k->source) {
        case PSK_IOS_GLOBAL:
        case PSK_IOS_KEYRING:
        case PSK_PIX:
                return k->has_addr;
        default:
                return false;
        }
}

/* The (key-free) locs of up to MAX_EVIDENCE address-looked-up keys; their count. */
static size_t address_keys(const struct device *d, struct loc out[MAX_EVIDENCE])
{
        size_t n = 0, total = 0;
        for (size_t i = 0; i < d->psks.n; i++) {
                const struct psk *k = d->psks.v[i];
                if (!address_key(k))
                        continue;
                if (n < MAX_EVIDENCE)
                        out[n++] = key_line_loc(&k->loc);
                total++;
        }
        for (size_t i = 0; i < d->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = d->tunnel_groups.v[i];
                if (tg->type != TG_L2L || !tg->name_is_addr || !tg->has_psk)
                        continue;
                if (n < MAX_EVIDENCE)
                        out[n++] = tg->loc;
                total++;
        }
        return total;
}

int check_isakmp_identity_mismatch(struct check_ctx *c)
{
        const struct device *d = c->dev;
        enum ike_identity id = d->ike.identity;
        if (!d->ike.identity_loc.line ||
            (id != IDENT_HOSTNAME && id != IDENT_KEY_ID && id != IDENT_DN))
                return 0;
        struct loc ev[MAX_EVIDENCE];
        size_t total = address_keys(d, ev);
        if (!total)
                return 0;
        struct finding *f = check_report(c, &d->ike.identity_loc);
        if (!f || finding_title(
                      c->fs, f,
                      "ISAKMP identity '%s' is sent while %zu pre-shared key%s %s looked up "
                      "by the peer's address",
                      identity_name(id), total, total == 1 ? "" : "s", total == 1 ? "is" : "are"))
                return -1;
        for (size_t i = 0; i < total && i < MAX_EVIDENCE; i++)
                if (finding_evidence(c->fs, f, &ev[i]))
                        return -1;
        const char *vars[] = {NULL};
        return check_fix(c, f, vars);
}
