/*
 * Predicted log lines: what each device would most likely print for the
 * played outcome, rendered from the shared message catalog (messages.h) so
 * that `explain` reads them back as the very entries they came from.
 *
 * One table maps (status, IKE version, the step where the exchange stopped,
 * who prints it: initiator or responder, ASA or IOS) to catalog entries, in
 * the order the exchange produces them. A device that prints nothing for an
 * outcome has no row; an outcome whose lines are not known (some IKEv2
 * failures) has none either, rather than a guess. Facts: Cisco's ASA syslog
 * guide and IOS debug output as cited in messages-research.md; IOS syslog
 * rows (SESSION_STATUS) assume `crypto logging session`, IOS "ISAKMP:"
 * rows assume `debug crypto isakmp|ipsec`.
 */
#include <stdio.h>
#include <string.h>

#include "../catalog/messages.h"
#include "../util/ipv4.h"
#include "play_int.h"

/* Who prints a row. PIX prints the ASA's IDs (7.x+; %PIX- prefix);
 * an unknown platform is played as IOS, as p1_up_state does. */
enum who { I_ASA, I_IOS, R_ASA, R_IOS };

/* Pair facts that choose between the lines of one outcome. */
enum lcond { LC_ANY, LC_TG_DEFAULT, LC_PFS_BOTH, LC_V2_NO_LOCAL, LC_V2_NO_REMOTE, LC_COUNT };

struct log_row {
        enum tunnel_status st;
        unsigned char ike; /* 1 or 2 */
        const char *steps; /* stop steps, space-separated; NULL: any */
        enum who who;
        enum lcond cond;
        enum msg_family fam;
        const char *key;
        const char *sel;  /* text that picks the entry among those sharing key */
        const char *vals; /* fixed placeholder values: "n=1;group=$ip" ($ names a variable) */
        bool proxies;     /* {local}/{remote} are the proxy networks, not addresses */
};

#define SYS MSG_ASA_SYSLOG
#define IOS MSG_IOS_SYSLOG
#define DBG MSG_DEBUG
#define EST TUN_ESTABLISHED
#define NRS TUN_NO_RESPONSE
#define P1N TUN_P1_NO_PROPOSAL
#define P1U TUN_P1_PEER_UNKNOWN
#define P1A TUN_P1_AUTH_FAILED
#define XAU TUN_XAUTH_BLOCKED
#define P2N TUN_P2_NO_PROPOSAL
#define P2F TUN_P2_PFS_MISMATCH
#define P2P TUN_P2_PROXY_MISMATCH

/* clang-format off */
/* The ASA's teardown of a phase 1 that never got past message 2. */
#define P1_GONE(st, steps)                                                                  \
        {st, 1, steps, I_ASA, LC_ANY, SYS, "713902", "Removing peer from peer table failed", \
         NULL, false},                                                                      \
        {st, 1, steps, I_ASA, LC_ANY, SYS, "713903", "Unable to remove PeerTblEntry", NULL,  \
         false}
/* Both ends complete phase 1 (the responder first, on message 5). */
#define P1_DONE(st)                                                                         \
        {st, 1, NULL, I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},             \
        {st, 1, NULL, R_ASA, LC_ANY, SYS, "713119", NULL, NULL, false},                     \
        {st, 1, NULL, I_ASA, LC_ANY, SYS, "713119", NULL, NULL, false}
/* clang-format on */

static const struct log_row rows[] = {
    /* ---- established: phase 1, then quick mode (the initiator ends first) ---- */
    P1_DONE(EST),
    {EST, 1, NULL, I_ASA, LC_ANY, SYS, "713049", "Initiator", NULL, false},
    {EST, 1, NULL, I_ASA, LC_ANY, SYS, "713120", NULL, NULL, false},
    {EST, 1, NULL, I_IOS, LC_ANY, IOS, "CRYPTO-5-SESSION_STATUS", "UP", NULL, false},
    {EST, 1, NULL, R_ASA, LC_ANY, SYS, "713049", "Responder", NULL, false},
    {EST, 1, NULL, R_ASA, LC_ANY, SYS, "713120", NULL, NULL, false},
    {EST, 1, NULL, R_IOS, LC_ANY, IOS, "CRYPTO-5-SESSION_STATUS", "UP", NULL, false},
    {EST, 2, NULL, R_ASA, LC_ANY, SYS, "750006", NULL, NULL, false},
    {EST, 2, NULL, R_IOS, LC_ANY, IOS, "CRYPTO-5-SESSION_STATUS", "UP", NULL, false},
    {EST, 2, NULL, I_ASA, LC_ANY, SYS, "750006", NULL, NULL, false},
    {EST, 2, NULL, I_IOS, LC_ANY, IOS, "CRYPTO-5-SESSION_STATUS", "UP", NULL, false},
    /* ---- no response: only the initiator knows (no step: it cannot send) ---- */
    {NRS, 1, "MM1 AM1 MM5", I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},
    {NRS, 1, "MM1", I_IOS, LC_ANY, DBG, "ios-retrans-no-state", NULL, NULL, false},
    {NRS, 1, "AM1", I_IOS, LC_ANY, DBG, "ios-retrans-ag-init", NULL, NULL, false},
    {NRS, 1, "MM5", I_IOS, LC_ANY, DBG, "ios-retrans-key-exch", NULL, NULL, false},
    P1_GONE(NRS, "MM1 AM1"),
    /* ---- phase 1 proposals refused ---- */
    {P1N, 1, NULL, I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},
    {P1N, 1, NULL, R_ASA, LC_ANY, SYS, "713906", "All SA proposals found unacceptable", NULL,
     false},
    {P1N, 1, NULL, R_ASA, LC_ANY, SYS, "713048", NULL, "n=1", false},
    {P1N, 1, NULL, R_IOS, LC_ANY, DBG, "ios-atts-not-acceptable", NULL, NULL, false},
    {P1N, 1, NULL, R_IOS, LC_ANY, DBG, "ios-p1-not-acceptable", NULL, NULL, false},
    {P1N, 1, "MM2", R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Main mode", NULL, false},
    {P1N, 1, "AM2", R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Aggressive mode", NULL,
     false},
    {P1N, 1, NULL, I_ASA, LC_ANY, SYS, "713904", "NO_PROPOSAL_CHOSEN", NULL, false},
    P1_GONE(P1N, NULL),
    {P1N, 1, "MM2", I_IOS, LC_ANY, DBG, "ios-retrans-no-state", NULL, NULL, false},
    {P1N, 1, "AM2", I_IOS, LC_ANY, DBG, "ios-retrans-ag-init", NULL, NULL, false},
    /* ---- no key for the peer: an IOS initiator never starts ---- */
    {P1U, 1, "", I_IOS, LC_ANY, DBG, "ios-no-psk", NULL, NULL, false},
    {P1U, 1, "", I_IOS, LC_ANY, DBG, "ios-no-mm", NULL, NULL, false},
    /* an IOS responder refuses message 1 */
    {P1U, 1, "MM2", I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},
    {P1U, 1, "MM2", R_IOS, LC_ANY, DBG, "ios-no-psk", NULL, NULL, false},
    {P1U, 1, "MM2", R_IOS, LC_ANY, DBG, "ios-atts-not-acceptable", NULL, NULL, false},
    {P1U, 1, "MM2", R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Main mode", NULL, false},
    {P1U, 1, "MM2", I_ASA, LC_ANY, SYS, "713904", "NO_PROPOSAL_CHOSEN", NULL, false},
    P1_GONE(P1U, "MM2"),
    {P1U, 1, "MM2", I_IOS, LC_ANY, DBG, "ios-retrans-no-state", NULL, NULL, false},
    /* an ASA responder has no key: DefaultL2LGroup without one (a named
     * tunnel-group without a key: what it prints is not known) */
    {P1U, 1, "MM4", I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},
    {P1U, 1, "MM4", R_ASA, LC_TG_DEFAULT, SYS, "713138", NULL, "group=$ip", false},
    {P1U, 1, "MM4", I_IOS, LC_ANY, DBG, "ios-retrans-sa-setup", NULL, NULL, false},
    /* IKEv2: the side without a key says so */
    {P1U, 2, NULL, I_ASA, LC_V2_NO_LOCAL, SYS, "751002", NULL, NULL, false},
    {P1U, 2, NULL, R_ASA, LC_V2_NO_REMOTE, SYS, "751004", NULL, NULL, false},
    /* ---- keys differ: the responder cannot decrypt message 5 (AM: 3) ---- */
    {P1A, 1, NULL, I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},
    {P1A, 1, NULL, R_ASA, LC_ANY, SYS, "713902", "mismatched pre-shared key", NULL, false},
    {P1A, 1, NULL, R_IOS, LC_ANY, IOS, "CRYPTO-4-IKMP_BAD_MESSAGE", NULL, NULL, false},
    {P1A, 1, "AM3", R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Aggressive mode", NULL,
     false},
    {P1A, 1, "MM5", I_IOS, LC_ANY, DBG, "ios-retrans-key-exch", NULL, NULL, false},
    /* ---- XAUTH asked of an L2L peer ---- */
    {XAU, 1, NULL, I_ASA, LC_ANY, SYS, "713041", "New Phase 1", NULL, true},
    {XAU, 1, NULL, R_IOS, LC_ANY, DBG, "ios-xauth", NULL, NULL, false},
    /* ---- quick mode: no common transform ---- */
    P1_DONE(P2N),
    {P2N, 1, NULL, R_ASA, LC_ANY, SYS, "713902", "All IPSec SA proposals found unacceptable", NULL,
     false},
    {P2N, 1, NULL, R_ASA, LC_ANY, SYS, "713902", "QM FSM error", NULL, false},
    {P2N, 1, NULL, R_IOS, LC_ANY, DBG, "ios-ipsec-invalid-256", NULL, NULL, false},
    {P2N, 1, NULL, R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Quick mode", NULL, false},
    {P2N, 1, NULL, I_ASA, LC_ANY, SYS, "713068", "No proposal chosen", NULL, false},
    /* ---- quick mode: PFS differs ---- */
    P1_DONE(P2F),
    {P2F, 1, NULL, R_ASA, LC_PFS_BOTH, SYS, "713257", "Phase 2 failure", "class=Group Description",
     false},
    {P2F, 1, NULL, R_ASA, LC_ANY, SYS, "713902", "All IPSec SA proposals found unacceptable", NULL,
     false},
    {P2F, 1, NULL, R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Quick mode", NULL, false},
    {P2F, 1, NULL, I_ASA, LC_ANY, SYS, "713068", "No proposal chosen", NULL, false},
    /* IKEv2: the first child SA comes up; only its rekey fails */
    {P2F, 2, NULL, R_ASA, LC_ANY, SYS, "750006", NULL, NULL, false},
    {P2F, 2, NULL, I_ASA, LC_ANY, SYS, "750006", NULL, NULL, false},
    /* ---- quick mode: proxies refused ---- */
    P1_DONE(P2P),
    {P2P, 1, NULL, R_ASA, LC_ANY, SYS, "713061", "no matching crypto map entry", NULL, true},
    {P2P, 1, NULL, R_ASA, LC_ANY, SYS, "713902", "QM FSM error", NULL, false},
    {P2P, 1, NULL, R_ASA, LC_ANY, SYS, "713902", "Removing peer from correlator table failed", NULL,
     false},
    {P2P, 1, NULL, R_ASA, LC_ANY, SYS, "713259", "crypto map policy not found", NULL, false},
    {P2P, 1, NULL, R_IOS, LC_ANY, DBG, "ios-proxy-unsupported", NULL, NULL, false},
    {P2P, 1, NULL, R_IOS, LC_ANY, DBG, "ios-ipsec-invalid-32", NULL, NULL, false},
    {P2P, 1, NULL, R_IOS, LC_ANY, IOS, "CRYPTO-6-IKMP_MODE_FAILURE", "Quick mode", NULL, false},
    {P2P, 1, NULL, I_ASA, LC_ANY, SYS, "713068", "Invalid ID info", NULL, false},
    {P2P, 1, NULL, I_IOS, LC_ANY, DBG, "ios-notify-invalid-id", NULL, NULL, false},
    {P2P, 2, NULL, R_ASA, LC_ANY, SYS, "751022", NULL, NULL, false},
    {P2P, 2, NULL, R_ASA, LC_ANY, SYS, "750003", "no IPSEC policy found for received TS", NULL,
     false},
};
#define NROWS (sizeof(rows) / sizeof(rows[0]))

static bool c_any(const struct play *pl)
{
        (void)pl;
        return true;
}

static bool c_tg_default(const struct play *pl)
{
        return pl->b->tg_default;
}

static bool c_pfs_both(const struct play *pl)
{
        return pl->a->ini && pl->a->ini->pfs && pl->resp_cfg && pl->resp_cfg->pfs;
}

static bool c_v2_no_local(const struct play *pl)
{
        return psk_decide(&pl->a->v2_local, &pl->b->v2_remote) == PSKV_NO_INITIATOR;
}

static bool c_v2_no_remote(const struct play *pl)
{
        return psk_decide(&pl->a->v2_local, &pl->b->v2_remote) == PSKV_NO_RESPONDER;
}

static bool (*const conds[LC_COUNT])(const struct play *) = {
    [LC_ANY] = c_any,
    [LC_TG_DEFAULT] = c_tg_default,
    [LC_PFS_BOTH] = c_pfs_both,
    [LC_V2_NO_LOCAL] = c_v2_no_local,
    [LC_V2_NO_REMOTE] = c_v2_no_remote,
};

/* The step where the exchange stopped: the first refused one, else the
 * last; "" when nothing was sent. */
static const char *stop_step(const struct tunnel_result *t)
{
        for (size_t i = 0; i < t->nsteps; i++)
                if (!t->steps[i].ok)
                        return t->steps[i].step;
        return t->nsteps ? t->steps[t->nsteps - 1].step : "";
}

static bool step_in(const char *list, const char *step)
{
        if (!list)
                return true;
        size_t n = strlen(step);
        for (const char *p = list;;) {
                size_t len = strcspn(p, " ");
                if (len == n && !strncmp(p, step, n))
                        return true;
                if (!p[len])
                        return false;
                p += len + 1;
        }
}

#define NVARS 18

/* The placeholder values one device's lines get. */
struct vars {
        const char *name[NVARS], *value[NVARS];
        size_t n;
        char lnet[16], lmask[16], rnet[16], rmask[16], rcvd[16], cfgd[16], seq[12];
};

static void put(struct vars *v, const char *name, const char *value)
{
        if (v->n < NVARS && value) {
                v->name[v->n] = name;
                v->value[v->n++] = value;
        }
}

static const char *lookup(const struct vars *v, const char *name, size_t len)
{
        for (size_t i = 0; i < v->n; i++)
                if (strlen(v->name[i]) == len && !strncmp(v->name[i], name, len))
                        return v->value[i];
        return NULL;
}

/* The tunnel-group an ASA files the peer under (an IOS has none). */
static const char *group_of(const struct side *s, const char *peer_ip)
{
        if (s->tg)
                return s->tg->name;
        return s->tg_default ? "DefaultL2LGroup" : peer_ip;
}

static void proxy_vars(struct vars *v, const struct play *pl, bool on_a)
{
        const struct flowbox *b = &pl->a->proposal;
        const struct range32 *l = on_a ? &b->src : &b->dst, *r = on_a ? &b->dst : &b->src;
        ipv4_str(l->lo, v->lnet);
        ipv4_str(~(l->hi - l->lo), v->lmask);
        ipv4_str(r->lo, v->rnet);
        ipv4_str(~(r->hi - r->lo), v->rmask);
}

static void side_vars(struct vars *v, const struct play *pl, bool on_a, bool proxies)
{
        const struct side *s = on_a ? pl->a : pl->b;
        const char *me = on_a ? pl->a_ip : pl->b_ip, *peer = on_a ? pl->b_ip : pl->a_ip;
        const struct p2_cfg *ic = pl->a->ini, *rc = pl->resp_cfg;
        const struct crypto_map_entry *e = ic ? ic->entry : NULL;
        v->n = 0;
        put(v, "ip", peer);
        put(v, "peer", peer);
        put(v, "group", group_of(s, peer));
        put(v, "user", group_of(s, peer));
        put(v, "if", s->ifname);
        if (ic) {
                proxy_vars(v, pl, on_a);
                put(v, "local_ts", v->lnet);
                put(v, "remote_ts", v->rnet);
                put(v, "local_mask", v->lmask);
                put(v, "remote_mask", v->rmask);
                if (proxies) { /* ahead of the addresses: lookup takes the first */
                        put(v, "local", v->lnet);
                        put(v, "remote", v->rnet);
                }
        }
        put(v, "local", me);
        put(v, "remote", peer);
        if (e) {
                snprintf(v->seq, sizeof(v->seq), "%d", e->seq);
                put(v, "map", e->map);
                put(v, "seq", v->seq);
        }
        snprintf(v->rcvd, sizeof(v->rcvd), "Group %d", ic ? ic->pfs : 0);
        snprintf(v->cfgd, sizeof(v->cfgd), "Group %d", rc ? rc->pfs : 0);
        put(v, "rcvd", v->rcvd);
        put(v, "cfgd", v->cfgd);
}

/* A row's fixed value for name ("n=1;group=$ip") into buf, or NULL. */
static const char *row_value(const struct vars *v, const char *vals, const char *name, size_t len,
                             char *buf, size_t size)
{
        for (const char *p = vals; p && *p;) {
                size_t item = strcspn(p, ";"), key = strcspn(p, "=");
                if (key < item && key == len && !strncmp(p, name, len)) {
                        const char *val = p + key + 1;
                        size_t vl = item - key - 1;
                        if (*val == '$')
                                return lookup(v, val + 1, vl - 1);
                        snprintf(buf, size, "%.*s", (int)vl, val);
                        return buf;
                }
                p += item + (p[item] == ';');
        }
        return NULL;
}

/* The template with every {name} filled; an unknowable value (an SPI,
 * a message ID) stays visibly a placeholder: <spi>. */
static void render(const char *t, const struct vars *v, const char *vals, char *out, size_t size)
{
        size_t o = 0;
        while (*t && o + 1 < size) {
                const char *close = *t == '{' ? strchr(t, '}') : NULL;
                if (!close) {
                        out[o++] = *t++;
                        continue;
                }
                size_t len = (size_t)(close - t - 1);
                char fixed[64];
                const char *val = row_value(v, vals, t + 1, len, fixed, sizeof(fixed));
                if (!val)
                        val = lookup(v, t + 1, len);
                int w = val ? snprintf(out + o, size - o, "%s", val)
                            : snprintf(out + o, size - o, "<%.*s>", (int)len, t + 1);
                o += w > 0 ? (size_t)w : 0;
                if (o >= size)
                        o = size - 1;
                t = close + 1;
        }
        out[o] = '\0';
}

/* The line as the device prints it: syslog with its tag, debug as is. */
static const char *framed(struct play *pl, const struct side *s, const struct message *m,
                          const char *body)
{
        char line[1200];
        if (m->family == MSG_ASA_SYSLOG)
                snprintf(line, sizeof(line), "%%%s-%d-%s: %s", s->plat == PLAT_PIX ? "PIX" : "ASA",
                         m->severity, m->key, body);
        else if (m->family == MSG_IOS_SYSLOG)
                snprintf(line, sizeof(line), "%%%s: %s", m->key, body);
        else
                snprintf(line, sizeof(line), "%s", body);
        return arena_strdup(pl->ar, line);
}

static bool is_asa(const struct side *s)
{
        return s->plat == PLAT_ASA || s->plat == PLAT_PIX;
}

static bool row_applies(const struct play *pl, const struct log_row *r, const char *step)
{
        bool resp = r->who == R_ASA || r->who == R_IOS;
        bool asa = r->who == I_ASA || r->who == R_ASA;
        const struct side *s = resp ? pl->b : pl->a;
        return r->st == pl->t->status && r->ike == (pl->a->ikev2 ? 2 : 1) &&
               step_in(r->steps, step) && is_asa(s) == asa && conds[r->cond](pl);
}

int tr_logs(struct play *pl)
{
        const char *step = stop_step(pl->t);
        for (size_t i = 0; i < NROWS; i++) {
                const struct log_row *r = &rows[i];
                if (!row_applies(pl, r, step))
                        continue;
                const struct message *m = message_find(r->fam, r->key, r->sel);
                if (!m)
                        continue; /* the unit test holds every row to an entry */
                bool on_a = r->who == I_ASA || r->who == I_IOS;
                struct vars v;
                char body[1024];
                side_vars(&v, pl, on_a, r->proxies);
                render(m->template, &v, r->vals, body, sizeof(body));
                if (tr_log(pl, on_a, framed(pl, on_a ? pl->a : pl->b, m, body)))
                        return -1;
        }
        return 0;
}

const char *tr_logs_unresolved(void)
{
        for (size_t i = 0; i < NROWS; i++)
                if (!message_find(rows[i].fam, rows[i].key, rows[i].sel))
                        return rows[i].key;
        return NULL;
}
