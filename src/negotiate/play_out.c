/* Building the tunnel result: steps, reason, states; text of proposals. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../checks/check.h"
#include "../util/ipv4.h"
#include "play_int.h"

__attribute__((format(printf, 2, 0))) static const char *vfmt(struct arena *a, const char *fmt,
                                                              va_list ap)
{
        char buf[1024];
        vsnprintf(buf, sizeof(buf), fmt, ap);
        return arena_strdup(a, buf);
}

int tr_step(struct play *pl, const char *step, bool from_a, bool ok, const char *fmt, ...)
{
        struct tunnel_result *t = pl->t;
        if (t->nsteps == t->stepcap) {
                size_t cap = t->stepcap ? t->stepcap * 2 : 8;
                struct tunnel_step *v = arena_calloc(pl->ar, cap, sizeof(*v));
                if (!v)
                        return -1;
                if (t->nsteps)
                        memcpy(v, t->steps, t->nsteps * sizeof(*v));
                t->steps = v, t->stepcap = cap;
        }
        va_list ap;
        va_start(ap, fmt);
        const char *d = vfmt(pl->ar, fmt, ap);
        va_end(ap);
        if (!d)
                return -1;
        t->steps[t->nsteps++] = (struct tunnel_step){step, from_a ? pl->a->label : pl->b->label,
                                                     from_a ? pl->b->label : pl->a->label, d, ok};
        return 0;
}

int tr_reason(struct play *pl, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        pl->t->reason = vfmt(pl->ar, fmt, ap);
        va_end(ap);
        return pl->t->reason ? 0 : -1;
}

int tr_log(struct play *pl, bool on_a, const char *text)
{
        struct tunnel_result *t = pl->t;
        if (!text)
                return -1;
        if (t->nlogs == t->logcap) {
                size_t cap = t->logcap ? t->logcap * 2 : 8;
                struct tunnel_log *v = arena_calloc(pl->ar, cap, sizeof(*v));
                if (!v)
                        return -1;
                if (t->nlogs)
                        memcpy(v, t->logs, t->nlogs * sizeof(*v));
                t->logs = v, t->logcap = cap;
        }
        t->logs[t->nlogs++] = (struct tunnel_log){on_a ? pl->a->label : pl->b->label, text};
        return 0;
}

/* State and status are reported per device label: the initiator is a. */
void tr_end(struct play *pl, enum tunnel_status st, const char *state_a, const char *state_b)
{
        pl->t->status = st;
        pl->t->state_a = state_a;
        pl->t->state_b = state_b;
}

/* IOS "show crypto isakmp sa" shows an established IKEv1 SA as QM_IDLE,
 * the ASA's "show crypto isakmp sa" as MM_ACTIVE (Cisco IPsec
 * troubleshooting guide, IKE SA states). */
const char *p1_up_state(const struct side *s)
{
        return s->plat == PLAT_IOS || s->plat == PLAT_UNKNOWN ? "QM_IDLE" : "MM_ACTIVE";
}

const char *encr_text(enum ike_encr e, int bits)
{
        static const char *const names[] = {
            [ENCR_NONE] = "none", [ENCR_DES] = "des",         [ENCR_3DES] = "3des",
            [ENCR_AES] = "aes",   [ENCR_AES_GCM] = "aes-gcm", [ENCR_AES_GMAC] = "aes-gmac",
            [ENCR_NULL] = "null", [ENCR_SEAL] = "seal",       [ENCR_OTHER] = "other",
        };
        static const char *const aes[] = {"aes-128", "aes-192", "aes-256"};
        if (e == ENCR_AES && (bits == 128 || bits == 192 || bits == 256))
                return aes[(bits - 128) / 64];
        if (e == ENCR_AES)
                return "aes-128"; /* "encryption aes" is 128-bit (Cisco command reference) */
        return (unsigned)e < sizeof(names) / sizeof(names[0]) ? names[e] : "other";
}

const char *hash_text(enum ike_hash h)
{
        static const char *const names[] = {
            [HASH_NONE] = "none",     [HASH_MD5] = "md5",       [HASH_SHA1] = "sha",
            [HASH_SHA256] = "sha256", [HASH_SHA384] = "sha384", [HASH_SHA512] = "sha512",
            [HASH_OTHER] = "other",
        };
        return (unsigned)h < sizeof(names) / sizeof(names[0]) ? names[h] : "other";
}

static const char *auth_text(enum ike_auth a)
{
        static const char *const names[] = {
            [AUTH_UNSET] = "?",
            [AUTH_PSK] = "pre-share",
            [AUTH_RSA_SIG] = "rsa-sig",
            [AUTH_RSA_ENCR] = "rsa-encr",
            [AUTH_ECDSA_SIG] = "ecdsa-sig",
            [AUTH_CRACK] = "crack",
            [AUTH_OTHER] = "other",
        };
        return (unsigned)a < sizeof(names) / sizeof(names[0]) ? names[a] : "other";
}

#define FMT_MAX_ITEMS 4 /* proposals listed in one step; the rest are counted */

const char *fmt_p1(struct play *pl, const struct p1_prop *v, size_t n)
{
        char buf[1024];
        size_t o = 0;
        for (size_t i = 0; i < n && i < FMT_MAX_ITEMS && o < sizeof(buf); i++) {
                char life[16] = "infinite";
                if (v[i].lifetime)
                        snprintf(life, sizeof(life), "%us", (unsigned)v[i].lifetime);
                o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s/%s/%s/group%d/%s",
                                      i ? ", " : "", encr_text(v[i].encr, v[i].key_bits),
                                      hash_text(v[i].hash), auth_text(v[i].auth), v[i].group, life);
        }
        if (n > FMT_MAX_ITEMS && o < sizeof(buf))
                snprintf(buf + o, sizeof(buf) - o, " and %zu more", n - FMT_MAX_ITEMS);
        if (!n)
                snprintf(buf, sizeof(buf), "no policy");
        return arena_strdup(pl->ar, buf);
}

const char *fmt_xf(struct play *pl, const struct p2_xform *v, size_t n)
{
        char buf[1024];
        size_t o = 0;
        for (size_t i = 0; i < n && i < FMT_MAX_ITEMS && o < sizeof(buf); i++)
                o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s%s%sesp-%s/%s%s",
                                      i ? ", " : "", v[i].ah ? "ah-" : "",
                                      v[i].ah ? hash_text(v[i].ah) : "", v[i].ah ? "+" : "",
                                      encr_text(v[i].encr, v[i].key_bits), hash_text(v[i].hash),
                                      v[i].mode == MODE_TRANSPORT ? "/transport" : "");
        if (n > FMT_MAX_ITEMS && o < sizeof(buf))
                snprintf(buf + o, sizeof(buf) - o, " and %zu more", n - FMT_MAX_ITEMS);
        if (!n)
                snprintf(buf, sizeof(buf), "no transform set");
        return arena_strdup(pl->ar, buf);
}

/* "10.1.0.0/16" for a prefix, "a-b" otherwise. */
static void range_text(const struct range32 *r, char *out, size_t size)
{
        char lo[16], hi[16];
        uint32_t span = r->hi - r->lo;
        if (r->lo == 0 && r->hi == UINT32_MAX) {
                snprintf(out, size, "any");
                return;
        }
        if ((span & (span + 1)) == 0 && (r->lo & span) == 0) {
                int len = 32;
                for (uint32_t s = span; s; s >>= 1)
                        len--;
                snprintf(out, size, "%s/%d", ipv4_str(r->lo, lo), len);
                return;
        }
        snprintf(out, size, "%s-%s", ipv4_str(r->lo, lo), ipv4_str(r->hi, hi));
}

const char *fmt_box(struct play *pl, const struct flowbox *b)
{
        char s[40], d[40], buf[128];
        range_text(&b->src, s, sizeof(s));
        range_text(&b->dst, d, sizeof(d));
        if (b->proto.lo == 0 && b->proto.hi == 255)
                snprintf(buf, sizeof(buf), "%s -> %s", s, d);
        else
                snprintf(buf, sizeof(buf), "%s -> %s proto %u", s, d, (unsigned)b->proto.lo);
        return arena_strdup(pl->ar, buf);
}

struct finding *pf_report(struct play *pl, const char *id, const struct side *s,
                          const struct loc *loc, const char *const *vars)
{
        return pf_report_after(pl, id, s, loc, vars, NULL);
}

struct finding *pf_report_after(struct play *pl, const char *id, const struct side *s,
                                const struct loc *loc, const char *const *vars, const char *last)
{
        struct check_ctx c = {s->dev, pl->fs, id};
        struct finding *f = check_report(&c, loc);
        if (!f)
                return NULL;
        const char *peer = s == pl->a ? pl->b_ip : pl->a_ip;
        const struct side *o = s == pl->a ? pl->b : pl->a;
        if (finding_set_peer(pl->fs, f, peer) || finding_set_other(pl->fs, f, o->label))
                return NULL;
        /* an IOS key held in a keyring (an isakmp profile's) is fixed in that
         * keyring: a global "crypto isakmp key" would not be the one the profile
         * uses (Cisco TAC 117259, keyring selection) */
        const struct psk *k = s->psk;
        if (!strcmp(id, "psk-mismatch") && k && k->source == PSK_IOS_KEYRING && k->keyring &&
            k->has_addr) {
                char l0[200], l1[200], ip[16], mask[16];
                ipv4_str(k->addr, ip);
                ipv4_str(k->mask, mask);
                snprintf(l0, sizeof(l0), "crypto keyring %s", k->keyring);
                snprintf(l1, sizeof(l1), " pre-shared-key address %s %s key <pre-shared-key>", ip,
                         mask);
                const char *lines[] = {l0, l1};
                if (finding_fix_lines(pl->fs, f, s->dev, lines, 2, NULL))
                        return NULL;
        } else if (check_fix_before(&c, f, last, vars)) {
                return NULL;
        }
        /* keys are never printed: say which key the placeholder stands for */
        if ((!strcmp(id, "psk-mismatch") ||
             (last && strstr(last, "<pre-shared-key>") && !strstr(f->diag->id, "psk"))) &&
            f->nfixes) {
                char note[256];
                snprintf(note, sizeof(note),
                         "<pre-shared-key> is the key %s holds for %s (the same characters)",
                         o->label, s == pl->a ? pl->a_ip : pl->b_ip);
                if (!(f->fixes[f->nfixes - 1].note = arena_strdup(&pl->fs->arena, note)))
                        return NULL;
        }
        return f;
}

const struct loc *key_loc(struct play *pl, const struct psk *k)
{
        if (!k)
                return NULL;
        struct loc *l = arena_alloc(pl->ar, sizeof(*l));
        if (!l)
                return NULL;
        l->file = k->loc.file;
        l->line = k->loc.line;
        l->text = "(the pre-shared key line; keys are never shown)";
        return l;
}
