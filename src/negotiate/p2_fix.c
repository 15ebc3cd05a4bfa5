/*
 * The transform-set-mismatch fix with the values the configs hold: one
 * side takes a transform the other proposes or holds, written in its own
 * syntax; a set that already holds that transform is reused by its name
 * (printing it again under another name would change nothing), and the
 * entry keeps its sets and gains the new one, so other peers of the entry
 * keep working. IOS: "set transform-set" replaces the list (Security
 * Command Reference: up to six sets in priority order); ASA the same.
 */
#include <stdio.h>
#include <string.h>

#include "p2_fix.h"

/* ESP transform names (IOS Security Command Reference, crypto ipsec
 * transform-set; ASA command reference, crypto ipsec ikev1 transform-set:
 * esp-aes-192/-256 and only md5/sha hashes for IKEv1). */
static bool xf_text(const struct side *s, const struct p2_xform *x, char *buf, size_t n)
{
        bool ios = s->plat == PLAT_IOS;
        char e[24];
        switch (x->encr) {
        case ENCR_DES:
                snprintf(e, sizeof(e), "esp-des");
                break;
        case ENCR_3DES:
                snprintf(e, sizeof(e), "esp-3des");
                break;
        case ENCR_AES:
                if (x->key_bits == 192 || x->key_bits == 256)
                        snprintf(e, sizeof(e), ios ? "esp-aes %d" : "esp-aes-%d", x->key_bits);
                else
                        snprintf(e, sizeof(e), "esp-aes");
                break;
        default:
                return false;
        }
        const char *h = x->hash == HASH_MD5      ? "esp-md5-hmac"
                        : x->hash == HASH_SHA1   ? "esp-sha-hmac"
                        : !ios                   ? NULL
                        : x->hash == HASH_SHA256 ? "esp-sha256-hmac"
                        : x->hash == HASH_SHA384 ? "esp-sha384-hmac"
                        : x->hash == HASH_SHA512 ? "esp-sha512-hmac"
                                                 : NULL;
        if (!h)
                return false;
        snprintf(buf, n, "%s %s", e, h);
        return true;
}

/* A set of s with exactly this one transform, or NULL. */
static const struct transform_set *same_set(const struct side *s, const struct p2_xform *x)
{
        for (size_t i = 0; i < s->dev->tsets.n; i++) {
                const struct transform_set *t = s->dev->tsets.v[i];
                if (t->ikev2 || t->nesp_encr != 1 || t->nesp_hash != 1 || t->mode != x->mode ||
                    t->esp_encr[0] != x->encr || t->esp_hash[0] != x->hash)
                        continue;
                if (x->encr == ENCR_AES && (t->esp_key_bits[0] ? t->esp_key_bits[0] : 128) !=
                                               (x->key_bits ? x->key_bits : 128))
                        continue;
                return t;
        }
        return NULL;
}

static void new_name(const struct side *s, const char *want, char *buf, size_t n)
{
        snprintf(buf, n, "%s", want);
        for (int k = 2; model_get_tset(s->dev, buf) && k < 100; k++)
                snprintf(buf, n, "%s-%d", want, k);
}

bool p2_fix_vars(const struct side *s, const struct p2_cfg *e, const struct p2_cfg *pe,
                 struct p2_fixvars *v)
{
        const struct p2_xform *x = NULL;
        for (size_t i = 0; pe && i < pe->nxf && !x; i++)
                if (xf_text(s, &pe->xf[i], v->xf, sizeof(v->xf)))
                        x = &pe->xf[i];
        if (!x)
                return false;
        const struct transform_set *have = same_set(s, x);
        if (have)
                snprintf(v->name, sizeof(v->name), "%s", have->name);
        else
                new_name(s,
                         pe->xf_names && pe->xf_names[x - pe->xf] ? pe->xf_names[x - pe->xf]
                                                                  : "TS-PEER",
                         v->name, sizeof(v->name));
        size_t o = 0;
        v->list[0] = '\0';
        bool listed = false;
        for (size_t i = 0; e && i < e->nxf && o < sizeof(v->list); i++) {
                const char *nm = e->xf_names ? e->xf_names[i] : NULL;
                bool dup = false;
                for (size_t j = 0; nm && j < i; j++)
                        dup = dup || (e->xf_names[j] && !strcmp(e->xf_names[j], nm));
                if (!nm || dup)
                        continue;
                listed = listed || !strcmp(nm, v->name);
                o += (size_t)snprintf(v->list + o, sizeof(v->list) - o, "%s ", nm);
        }
        if (!listed && o < sizeof(v->list))
                snprintf(v->list + o, sizeof(v->list) - o, "%s", v->name);
        else if (o && v->list[o - 1] == ' ')
                v->list[o - 1] = '\0';
        snprintf(v->mode, sizeof(v->mode), "%s",
                 x->mode == MODE_TRANSPORT ? "transport" : "tunnel");
        v->v[0] = "tset", v->v[1] = v->name, v->v[2] = "tset_xf", v->v[3] = v->xf;
        v->v[4] = "tset_list", v->v[5] = v->list, v->v[6] = "tset_mode", v->v[7] = v->mode;
        v->v[8] = NULL; /* an existing set is defined again with the same values: no change */
        return true;
}
