/*
 * Proposal strings (proposal.h). The names are strongSwan's (swanctl.conf
 * "proposals" / "esp_proposals", strongSwan's IKEv2 cipher suites page);
 * the DH numbers are IANA's (RFC 3526, RFC 5903, RFC 8031).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/ipv4.h"
#include "proposal.h"

static const struct {
        const char *name;
        enum ike_encr encr;
        int bits;
} encrs[] = {
    {"aes128", ENCR_AES, 128},
    {"aes192", ENCR_AES, 192},
    {"aes256", ENCR_AES, 256},
    {"aes", ENCR_AES, 128},
    {"aes128gcm16", ENCR_AES_GCM, 128},
    {"aes192gcm16", ENCR_AES_GCM, 192},
    {"aes256gcm16", ENCR_AES_GCM, 256},
    {"aes128gcm", ENCR_AES_GCM, 128},
    {"aes192gcm", ENCR_AES_GCM, 192},
    {"aes256gcm", ENCR_AES_GCM, 256},
    {"3des", ENCR_3DES, 0},
    {"des", ENCR_DES, 0},
};

static const struct {
        const char *name;
        enum ike_hash h;
} hashes[] = {
    {"md5", HASH_MD5},         {"sha1", HASH_SHA1},       {"sha", HASH_SHA1},
    {"sha256", HASH_SHA256},   {"sha384", HASH_SHA384},   {"sha512", HASH_SHA512},
    {"sha2_256", HASH_SHA256}, {"sha2_384", HASH_SHA384}, {"sha2_512", HASH_SHA512},
};

static const struct {
        const char *name;
        int group;
} groups[] = {
    {"modp768", 1},   {"modp1024", 2},    {"modp1536", 5},  {"modp2048", 14}, {"modp3072", 15},
    {"modp4096", 16}, {"modp6144", 17},   {"modp8192", 18}, {"ecp256", 19},   {"ecp384", 20},
    {"ecp521", 21},   {"curve25519", 31}, {"x25519", 31},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

int ini_parse_group(const char *s)
{
        if (!strcmp(s, "none"))
                return 0;
        for (size_t i = 0; i < N(groups); i++)
                if (!strcmp(s, groups[i].name))
                        return groups[i].group;
        const char *d = !strncmp(s, "group", 5) ? s + 5 : s;
        char *end;
        long v = strtol(d, &end, 10);
        if (*d && !*end && v > 0 && v < 65536)
                for (size_t i = 0; i < N(groups); i++)
                        if (groups[i].group == v)
                                return (int)v;
        return -1;
}

struct item {
        enum ike_encr encr[8];
        int bits[8];
        size_t nencr;
        enum ike_hash hash[8], prf[8];
        size_t nhash, nprf;
        int group[8];
        size_t ngroup;
};

/* One proposal: tokens joined by '-', at most len bytes of s. */
static int item(const char *s, size_t len, struct item *it, char *err, size_t n)
{
        *it = (struct item){0};
        char tok[32];
        size_t i = 0;
        while (i < len) {
                size_t k = 0;
                while (i < len && s[i] != '-' && k + 1 < sizeof(tok))
                        tok[k++] = s[i++];
                tok[k] = '\0';
                if (i < len && s[i] != '-') {
                        snprintf(err, n, "'%.*s': an algorithm name that long is unknown",
                                 (int)(len < 60 ? len : 60), s);
                        return -1;
                }
                i++;
                bool ok = false;
                for (size_t j = 0; j < N(encrs) && !ok; j++)
                        if (!strcmp(tok, encrs[j].name) && it->nencr < 8) {
                                it->encr[it->nencr] = encrs[j].encr;
                                it->bits[it->nencr++] = encrs[j].bits;
                                ok = true;
                        }
                for (size_t j = 0; j < N(hashes) && !ok; j++) {
                        if (!strcmp(tok, hashes[j].name) && it->nhash < 8)
                                it->hash[it->nhash++] = hashes[j].h, ok = true;
                        else if (!strncmp(tok, "prf", 3) && !strcmp(tok + 3, hashes[j].name) &&
                                 it->nprf < 8)
                                it->prf[it->nprf++] = hashes[j].h, ok = true;
                }
                if (!ok) {
                        int g = ini_parse_group(tok);
                        if (g > 0 && it->ngroup < 8)
                                it->group[it->ngroup++] = g, ok = true;
                }
                if (!ok) {
                        snprintf(err, n, "'%s' is no algorithm this test knows", tok);
                        return -1;
                }
        }
        if (!it->nencr) {
                snprintf(err, n, "'%.*s' names no cipher", (int)(len < 60 ? len : 60), s);
                return -1;
        }
        return 0;
}

static bool all_gcm(const struct item *it)
{
        for (size_t i = 0; i < it->nencr; i++)
                if (it->encr[i] != ENCR_AES_GCM)
                        return false;
        return true;
}

int ini_parse_ike(const char *s, struct ini_params *p, char *err, size_t n)
{
        p->nike1 = p->nike2 = 0;
        while (*s) {
                size_t len = strcspn(s, ",");
                struct item it;
                if (item(s, len, &it, err, n))
                        return -1;
                if (!it.ngroup || (!it.nhash && !it.nprf) || (!all_gcm(&it) && !it.nhash)) {
                        snprintf(err, n,
                                 "'%.*s': an IKE proposal needs a cipher, an integrity (or, with "
                                 "GCM, a PRF) and a DH group",
                                 (int)(len < 60 ? len : 60), s);
                        return -1;
                }
                if (p->nike2 == INI_MAX_PROPS) {
                        snprintf(err, n, "more than %d IKE proposals", INI_MAX_PROPS);
                        return -1;
                }
                struct v2_prop *v = &p->ike2[p->nike2++];
                *v = (struct v2_prop){0};
                for (size_t i = 0; i < it.nencr; i++)
                        v->encr[i] = it.encr[i], v->key_bits[i] = it.bits[i];
                v->nencr = it.nencr;
                for (size_t i = 0; i < it.nhash; i++)
                        if (!all_gcm(&it))
                                v->integ[v->ninteg++] = it.hash[i];
                for (size_t i = 0; i < it.nprf; i++)
                        v->prf[v->nprf++] = it.prf[i];
                if (!v->nprf && all_gcm(&it)) /* "aes256gcm16-sha384": the hash is the PRF */
                        for (size_t i = 0; i < it.nhash; i++)
                                v->prf[v->nprf++] = it.hash[i];
                for (size_t i = 0; i < it.ngroup; i++)
                        v->groups[v->ngroups++] = it.group[i];
                /* IKEv1: every combination is one transform (RFC 2409 5) */
                for (size_t e = 0; e < it.nencr; e++)
                        for (size_t h = 0; h < it.nhash; h++)
                                for (size_t g = 0; g < it.ngroup; g++) {
                                        if (it.encr[e] == ENCR_AES_GCM || p->nike1 == INI_MAX_PROPS)
                                                continue;
                                        size_t k = p->nike1++;
                                        p->ike1[k] = (struct p1_prop){
                                            (int)k + 1, it.encr[e],  it.bits[e], it.hash[h],
                                            AUTH_PSK,   it.group[g], 0};
                                }
                s += len;
                if (*s == ',')
                        s++;
        }
        if (!p->nike2) {
                snprintf(err, n, "no IKE proposal");
                return -1;
        }
        return 0;
}

int ini_parse_esp(const char *s, struct ini_params *p, char *err, size_t n)
{
        p->nesp = 0;
        while (*s) {
                size_t len = strcspn(s, ",");
                struct item it;
                if (item(s, len, &it, err, n))
                        return -1;
                if (it.nprf || (!all_gcm(&it) && !it.nhash)) {
                        snprintf(err, n,
                                 "'%.*s': an ESP proposal is a cipher and an integrity (none "
                                 "with GCM), and optionally a PFS group",
                                 (int)(len < 60 ? len : 60), s);
                        return -1;
                }
                if (it.ngroup)
                        p->pfs = it.group[0];
                for (size_t e = 0; e < it.nencr; e++) {
                        size_t nh = it.encr[e] == ENCR_AES_GCM ? 1 : it.nhash;
                        for (size_t h = 0; h < nh; h++) {
                                if (p->nesp == INI_MAX_XF) {
                                        snprintf(err, n, "more than %d ESP transforms", INI_MAX_XF);
                                        return -1;
                                }
                                size_t k = p->nesp++;
                                p->esp[k] = (struct p2_xform){
                                    it.encr[e],
                                    it.bits[e],
                                    it.encr[e] == ENCR_AES_GCM ? HASH_NONE : it.hash[h],
                                    MODE_TUNNEL,
                                    false,
                                    k,
                                    HASH_NONE};
                        }
                }
                s += len;
                if (*s == ',')
                        s++;
        }
        if (!p->nesp) {
                snprintf(err, n, "no ESP proposal");
                return -1;
        }
        return 0;
}

int ini_parse_net(const char *s, struct ini_params *p, bool local, char *err, size_t n)
{
        uint32_t net, mask;
        struct range32 r;
        if (lex_prefix(s, &net, &mask))
                netmask_range(net, mask, &r.lo, &r.hi);
        else if (lex_ipv4(s, &net))
                r.lo = r.hi = net;
        else {
                snprintf(err, n, "'%s': expected an IPv4 network A.B.C.D/N or an address", s);
                return -1;
        }
        if (local)
                p->traffic.src = r;
        else
                p->traffic.dst = r;
        return 0;
}
