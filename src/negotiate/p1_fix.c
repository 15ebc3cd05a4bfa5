/*
 * The isakmp-policy-mismatch fix with the values the configs hold: on the
 * responder, a policy equal to a proposal of the initiator that the
 * responder can hold; or (the alternative) on the initiator, a policy equal
 * to one of the responder's that the initiator can hold. Only what both
 * devices can do (model/capability.h). The priority is one the device does
 * not use, ahead of its first policy, so that nothing it has changes.
 */
#include <stdio.h>
#include <string.h>

#include "../model/capability.h"
#include "p1_fix.h"

static const char *encr_name(const struct side *s, const struct p1_prop *p, char *buf, size_t n)
{
        bool ios = s->plat == PLAT_IOS;
        switch (p->encr) {
        case ENCR_DES:
                return "des";
        case ENCR_3DES:
                return "3des";
        case ENCR_AES:
                if (p->key_bits == 192 || p->key_bits == 256) {
                        snprintf(buf, n, ios ? "aes %d" : "aes-%d", p->key_bits);
                        return buf;
                }
                return "aes";
        default:
                return NULL;
        }
}

static const char *hash_name(enum ike_hash h)
{
        static const char *const names[] = {
            [HASH_MD5] = "md5",       [HASH_SHA1] = "sha",      [HASH_SHA256] = "sha256",
            [HASH_SHA384] = "sha384", [HASH_SHA512] = "sha512",
        };
        return (unsigned)h < sizeof(names) / sizeof(names[0]) ? names[h] : NULL;
}

static const char *auth_name(enum ike_auth a)
{
        return a == AUTH_PSK ? "pre-share" : a == AUTH_RSA_SIG ? "rsa-sig" : NULL;
}

static bool holds(const struct side *s, const struct p1_prop *p)
{
        const struct ike_caps *c = caps_for(s->plat, &s->dev->version);
        return caps_p1(c, p->encr, p->key_bits, p->hash, p->group) && auth_name(p->auth);
}

const struct p1_prop *p1_first_held(const struct side *from, const struct side *to)
{
        for (size_t i = 0; i < from->np1; i++)
                if (holds(to, &from->p1[i]) && holds(from, &from->p1[i]))
                        return &from->p1[i];
        return NULL;
}

int p1_free_priority(const struct side *s)
{
        int first = 65536;
        for (size_t i = 0; i < s->np1; i++)
                if (s->p1[i].priority < first)
                        first = s->p1[i].priority;
        for (int p = first > 5 ? first - 5 : 1; p < 65536; p++) {
                bool used = false;
                for (size_t i = 0; i < s->np1 && !used; i++)
                        used = s->p1[i].priority == p;
                if (!used)
                        return p;
        }
        return 1;
}

bool p1_fix_vars(const struct side *s, const struct p1_prop *p, int prio, uint32_t lifetime,
                 struct p1_fixvars *v)
{
        const char *e = encr_name(s, p, v->encr, sizeof(v->encr));
        const char *h = hash_name(p->hash), *a = auth_name(p->auth);
        if (!e || !h || !a)
                return false;
        if (e != v->encr)
                snprintf(v->encr, sizeof(v->encr), "%s", e);
        snprintf(v->hash, sizeof(v->hash), "%s", h);
        snprintf(v->auth, sizeof(v->auth), "%s", a);
        snprintf(v->prio, sizeof(v->prio), "%d", prio);
        snprintf(v->group, sizeof(v->group), "%d", p->group);
        /* IOS takes 60-86400 s; "lifetime 0" (infinite) exists on ASA/PIX only */
        if (lifetime == 0 && s->plat == PLAT_IOS)
                lifetime = 86400;
        snprintf(v->life, sizeof(v->life), "%u", (unsigned)lifetime);
        v->v[0] = "policy", v->v[1] = v->prio, v->v[2] = "encr", v->v[3] = v->encr;
        v->v[4] = "hash", v->v[5] = v->hash, v->v[6] = "auth", v->v[7] = v->auth;
        v->v[8] = "dh_group", v->v[9] = v->group, v->v[10] = "lifetime", v->v[11] = v->life;
        v->v[12] = NULL;
        return true;
}
