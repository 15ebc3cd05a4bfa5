#include "peer_facts.h"

#include <stdio.h>
#include <string.h>

#include "../negotiate/negotiate.h"

/* Libreswan's algorithm names (pluto logs them as ipsec.conf's esp= parses
 * them: "AES_CBC_128-HMAC_SHA2_256_128", Libreswan 4.x; tests/peer runs),
 * with the enums of the model. */
static const struct {
        const char *name;
        enum ike_encr encr;
        int bits;
} encrs[] = {
    {"AES_CBC_128", ENCR_AES, 128}, {"AES_CBC_192", ENCR_AES, 192}, {"AES_CBC_256", ENCR_AES, 256},
    {"AES_CBC", ENCR_AES, 128},     {"3DES_CBC", ENCR_3DES, 0},
};
static const struct {
        const char *name;
        enum ike_hash hash;
} integs[] = {
    {"HMAC_SHA1_96", HASH_SHA1},        {"HMAC_SHA2_256_128", HASH_SHA256},
    {"HMAC_SHA2_384_192", HASH_SHA384}, {"HMAC_SHA2_512_256", HASH_SHA512},
    {"HMAC_MD5_96", HASH_MD5},
};
/* DH groups by name (RFC 3526, RFC 5903 numbers) */
static const struct {
        const char *name;
        int group;
} groups[] = {
    {"MODP768", 1},   {"MODP1024", 2},  {"MODP1536", 5}, {"MODP2048", 14}, {"MODP3072", 15},
    {"MODP4096", 16}, {"MODP8192", 18}, {"ECP_256", 19}, {"ECP_384", 20},  {"ECP_521", 21},
};

/* strongSwan's DH names (its proposal strings, "MODP_2048"; the same RFC
 * 3526 / 5903 / 8031 numbers) */
static const struct {
        const char *name;
        int group;
} charon_groups[] = {
    {"MODP_768", 1},   {"MODP_1024", 2},  {"MODP_1536", 5},    {"MODP_2048", 14},
    {"MODP_3072", 15}, {"MODP_4096", 16}, {"MODP_8192", 18},   {"ECP_256", 19},
    {"ECP_384", 20},   {"ECP_521", 21},   {"CURVE_25519", 31},
};

/* The token after key in s[0..len) (up to a blank or '}'), or NULL. */
static const char *token(const char *s, size_t len, const char *key, size_t *n)
{
        const char *p = logs_find(s, len, key);
        if (!p)
                return NULL;
        p += strlen(key);
        const char *q = p, *end = s + len;
        while (q < end && *q != ' ' && *q != '}')
                q++;
        *n = (size_t)(q - p);
        return p;
}

static bool tok_is(const char *t, size_t n, const char *name)
{
        return strlen(name) == n && !memcmp(t, name, n);
}

/* pluto, Quick Mode as initiator: "initiating Quick Mode IKEv1+PSK+...
 * {using isakmp#1 msgid:2d986049 proposal=AES_CBC_128-HMAC_SHA2_256_128
 * pfsgroup=MODP2048}" (Libreswan 4.10). Only a proposal of one encryption
 * and one integrity is read (a list is not one transform). */
static bool pluto_quick_mode(const char *s, size_t len, struct peer_esp *e)
{
        size_t n, pn;
        const char *p = token(s, len, "proposal=", &n);
        if (!p || !logs_find(s, len, "Quick Mode"))
                return false;
        const char *dash = memchr(p, '-', n);
        if (!dash)
                return false;
        size_t en = (size_t)(dash - p), in = n - en - 1;
        if (n >= sizeof(e->proposal))
                return false;
        memcpy(e->proposal, p, n);
        e->proposal[n] = '\0';
        bool fe = false, fi = false;
        for (size_t i = 0; i < sizeof(encrs) / sizeof(encrs[0]) && !fe; i++)
                if (tok_is(p, en, encrs[i].name)) {
                        e->encr = encrs[i].encr;
                        e->key_bits = encrs[i].bits;
                        fe = true;
                }
        for (size_t i = 0; i < sizeof(integs) / sizeof(integs[0]) && !fi; i++)
                if (tok_is(dash + 1, in, integs[i].name)) {
                        e->hash = integs[i].hash;
                        fi = true;
                }
        if (!fe || !fi)
                return false;
        e->pfs_known = false;
        const char *g = token(s, len, "pfsgroup=", &pn);
        for (size_t i = 0; g && i < sizeof(groups) / sizeof(groups[0]); i++)
                if (tok_is(g, pn, groups[i].name)) {
                        e->pfs_group = groups[i].group;
                        e->pfs_known = true;
                }
        if (!g) { /* no pfsgroup: pluto offers no PFS */
                e->pfs_group = 0;
                e->pfs_known = true;
        }
        return true;
}

/* One '/'-separated part of a proposal string at *p (before end); false
 * at the proposal's end. */
static bool part(const char **p, const char *end, const char **t, size_t *n)
{
        if (*p >= end)
                return false;
        *t = *p;
        const char *q = *p;
        while (q < end && *q != '/')
                q++;
        *n = (size_t)(q - *t);
        *p = q < end ? q + 1 : q;
        return true;
}

/* charon, the responder that found no child proposal acceptable, logs the
 * initiator's proposals and then its own: "[CFG] configured proposals:
 * ESP:AES_CBC_256/HMAC_SHA2_512_256/NO_EXT_SEQ" (strongSwan 5.9,
 * libcharon/config/proposal.c, proposal_select; the tests/peer runs log it
 * for the p2-proposal class, IKEv1 and IKEv2). Its own side is read only
 * when the list is one ESP proposal of one encryption and one integrity;
 * its DH group, when the proposal names one, is the PFS it requires (with
 * none named, PFS is not known: an IKEv2 child of IKE_AUTH has no KE). */
static bool charon_configured(const char *s, size_t len, struct peer_esp *e)
{
        static const char key[] = "configured proposals: ESP:";
        const char *p = logs_find(s, len, key), *end = s + len;
        if (!p)
                return false;
        const char *start = p + strlen(key) - 4; /* "ESP:" kept in the text */
        p += strlen(key);
        const char *q = p;
        while (q < end && *q != ',' && *q != ' ')
                q++;
        if (q < end && *q == ',')
                return false; /* several proposals: which one the peer would take is not known */
        end = q;
        size_t tn = (size_t)(end - start);
        if (tn >= sizeof(e->proposal))
                return false;
        memcpy(e->proposal, start, tn);
        e->proposal[tn] = '\0';
        const char *t;
        size_t n;
        bool fe = false, fi = false;
        if (part(&p, end, &t, &n))
                for (size_t i = 0; i < sizeof(encrs) / sizeof(encrs[0]) && !fe; i++)
                        if (tok_is(t, n, encrs[i].name) && strcmp(encrs[i].name, "AES_CBC")) {
                                e->encr = encrs[i].encr;
                                e->key_bits = encrs[i].bits;
                                fe = true;
                        }
        if (fe && part(&p, end, &t, &n))
                for (size_t i = 0; i < sizeof(integs) / sizeof(integs[0]) && !fi; i++)
                        if (tok_is(t, n, integs[i].name)) {
                                e->hash = integs[i].hash;
                                fi = true;
                        }
        if (!fe || !fi)
                return false;
        e->pfs_known = false;
        while (part(&p, end, &t, &n)) {
                bool known = tok_is(t, n, "NO_EXT_SEQ") || tok_is(t, n, "EXT_SEQ");
                for (size_t i = 0; i < sizeof(charon_groups) / sizeof(charon_groups[0]); i++)
                        if (tok_is(t, n, charon_groups[i].name)) {
                                e->pfs_group = charon_groups[i].group;
                                e->pfs_known = known = true;
                        }
                if (!known)
                        return false; /* a second encryption or integrity: not one transform */
        }
        return true;
}

void peer_facts_event(struct peer_facts *pf, const char *file, const struct ev_record *ev)
{
        if (!ev->msg || strncmp(ev->msg->key, "peer-", 5))
                return;
        struct peer_esp e = {0};
        if (!pluto_quick_mode(ev->text, ev->len, &e) && !charon_configured(ev->text, ev->len, &e))
                return;
        e.set = true;
        e.file = file;
        e.line = ev->line;
        size_t n = ev->len < CORR_EV_TEXT - 1 ? ev->len : CORR_EV_TEXT - 1;
        memcpy(e.text, ev->text, n);
        e.text[n] = '\0';
        pf->esp = e;
}

/* The one static crypto map entry with a transform set: which entry faces
 * the peer is not in its log (the lines name the Cisco's address, not the
 * peer's own), so a config of several entries is not decided. */
static const struct crypto_map_entry *only_entry(const struct device *d)
{
        const struct crypto_map_entry *found = NULL;
        for (size_t m = 0; m < d->crypto_maps.n; m++) {
                const struct crypto_map *cm = d->crypto_maps.v[m];
                for (size_t i = 0; !cm->dynamic && i < cm->entries.n; i++) {
                        const struct crypto_map_entry *en = cm->entries.v[i];
                        if (en->is_dynamic_ref || en->dynamic_template || !en->tsets.n)
                                continue;
                        if (found)
                                return NULL;
                        found = en;
                }
        }
        return found;
}

static bool tset_has(const struct transform_set *t, const struct peer_esp *e)
{
        if (t->ikev2)
                return false;
        bool enc = false, mac = false;
        for (size_t i = 0; i < t->nesp_encr; i++) {
                int bits = t->esp_key_bits[i] ? t->esp_key_bits[i] : 128;
                enc |= t->esp_encr[i] == e->encr && (e->encr != ENCR_AES || bits == e->key_bits);
        }
        for (size_t i = 0; i < t->nesp_hash; i++)
                mac |= t->esp_hash[i] == e->hash;
        return enc && mac;
}

/* The peer's transform in the device's syntax (Cisco IOS / ASA command
 * references, "crypto ipsec transform-set": the ASA's IKEv1 sets have no
 * SHA-2 ESP integrity); false when the device cannot write it. */
static bool xf_text(const struct device *d, const struct peer_esp *e, char *buf, size_t n)
{
        bool ios = d->platform == PLAT_IOS;
        char enc[24];
        if (e->encr == ENCR_3DES)
                snprintf(enc, sizeof(enc), "esp-3des");
        else if (e->encr == ENCR_AES && e->key_bits != 128)
                snprintf(enc, sizeof(enc), ios ? "esp-aes %d" : "esp-aes-%d", e->key_bits);
        else if (e->encr == ENCR_AES)
                snprintf(enc, sizeof(enc), "esp-aes");
        else
                return false;
        const char *h = e->hash == HASH_MD5      ? "esp-md5-hmac"
                        : e->hash == HASH_SHA1   ? "esp-sha-hmac"
                        : !ios                   ? NULL
                        : e->hash == HASH_SHA256 ? "esp-sha256-hmac"
                        : e->hash == HASH_SHA384 ? "esp-sha384-hmac"
                        : e->hash == HASH_SHA512 ? "esp-sha512-hmac"
                                                 : NULL;
        if (!h)
                return false;
        snprintf(buf, n, "%s %s", enc, h);
        return true;
}

/* The entry's sets as a list, with add appended when it is not there. */
static void tset_list(const struct crypto_map_entry *en, const char *add, char *buf, size_t n)
{
        size_t o = 0;
        bool has = false;
        buf[0] = '\0';
        for (size_t i = 0; i < en->tsets.n && o < n; i++) {
                const char *t = en->tsets.v[i];
                has |= !strcmp(t, add);
                o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? " " : "", t);
        }
        if (!has && o < n)
                snprintf(buf + o, n - o, "%s%s", o ? " " : "", add);
}

static int tset_verdict(const struct peer_esp *e, const struct device *d,
                        const struct crypto_map_entry *en, char *why, size_t size,
                        struct peer_fixvars *fv)
{
        for (size_t i = 0; i < en->tsets.n; i++) {
                const struct transform_set *t = model_get_tset(d, en->tsets.v[i]);
                if (t && tset_has(t, e)) {
                        snprintf(why, size,
                                 "crypto map %s %d (line %u) offers the peer's proposal in "
                                 "transform set %s",
                                 en->map, en->seq, (unsigned)en->loc.line, t->name);
                        return 0;
                }
        }
        /* an existing set with the peer's transform alone, else a new one */
        const struct transform_set *same = NULL;
        for (size_t i = 0; i < d->tsets.n && !same; i++) {
                const struct transform_set *t = d->tsets.v[i];
                if (t->nesp_encr == 1 && t->nesp_hash == 1 && tset_has(t, e))
                        same = t;
        }
        snprintf(fv->tset, sizeof(fv->tset), "%s", same ? same->name : "PEER-PROPOSAL");
        for (int k = 2; !same && model_get_tset(d, fv->tset) && k < 100; k++)
                snprintf(fv->tset, sizeof(fv->tset), "PEER-PROPOSAL-%d", k);
        if (!xf_text(d, e, fv->xf, sizeof(fv->xf)))
                fv->xf[0] = '\0'; /* the device cannot hold it: no fix */
        snprintf(fv->mode, sizeof(fv->mode), "tunnel");
        tset_list(en, fv->tset, fv->list, sizeof(fv->list));
        snprintf(fv->map, sizeof(fv->map), "%s", en->map);
        snprintf(fv->seq, sizeof(fv->seq), "%d", en->seq);
        const char *first = en->tsets.n ? en->tsets.v[0] : "";
        const struct transform_set *t0 = model_get_tset(d, first);
        snprintf(why, size,
                 "the peer proposes %s (%s:%u); crypto map %s %d (line %u) offers only %s%s%s%s",
                 e->proposal, e->file, (unsigned)e->line, en->map, en->seq, (unsigned)en->loc.line,
                 first, t0 && t0->text ? " (" : "", t0 && t0->text ? t0->text : "",
                 t0 && t0->text ? ")" : "");
        return 1;
}

static int pfs_verdict(const struct peer_esp *e, const struct device *d,
                       const struct crypto_map_entry *en, char *why, size_t size,
                       struct peer_fixvars *fv)
{
        if (!e->pfs_known)
                return -1;
        int resp = en->pfs_set ? (en->pfs_group ? en->pfs_group : 1) : 0;
        enum pfs_verdict v =
            pfs_decide(e->pfs_group, resp, en->pfs_set && !en->pfs_group, d->platform);
        if (v == PFSV_OFFER_REFUSED)
                return -1; /* assumed, not known (negotiate/p2.c) */
        if (v == PFSV_OK || v == PFSV_OFFER_ACCEPTED) {
                snprintf(why, size, "crypto map %s %d accepts the peer's PFS (%s)", en->map,
                         en->seq, e->pfs_group ? "group offered" : "none");
                return 0;
        }
        snprintf(fv->map, sizeof(fv->map), "%s", en->map);
        snprintf(fv->seq, sizeof(fv->seq), "%d", en->seq);
        if (e->pfs_group)
                snprintf(fv->pfs, sizeof(fv->pfs), "group%d", e->pfs_group);
        char offer[24] = "no PFS";
        if (e->pfs_group)
                snprintf(offer, sizeof(offer), "PFS group %d", e->pfs_group);
        snprintf(why, size,
                 "the peer offers %s (%s:%u); crypto map %s %d (line %u) requires PFS group %d",
                 offer, e->file, (unsigned)e->line, en->map, en->seq,
                 (unsigned)(en->pfs_set ? en->pfs_loc.line : en->loc.line), resp);
        return 1;
}

int peer_facts_verdict(const struct peer_facts *pf, const char *id, const struct device *dev,
                       char *why, size_t size, struct peer_fixvars *fv)
{
        const struct peer_esp *e = &pf->esp;
        if (!e->set)
                return -1;
        bool tset = !strcmp(id, "transform-set-mismatch"), pfs = !strcmp(id, "pfs-mismatch");
        if (!tset && !pfs)
                return -1;
        const struct crypto_map_entry *en = only_entry(dev);
        if (!en)
                return -1;
        memset(fv, 0, sizeof(*fv));
        return tset ? tset_verdict(e, dev, en, why, size, fv)
                    : pfs_verdict(e, dev, en, why, size, fv);
}
