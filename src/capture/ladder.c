/* Capture exchanges as tunnel results (ladder.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../catalog/messages.h"
#include "../findings/tunnel.h"
#include "../packet/frame.h"
#include "../wire/ike.h"
#include "decrypt.h"
#include "judge_dec.h"
#include "facts_json.h"
#include "ladder.h"

struct ladder {
        struct arena *ar;
        struct tunnel_result *t;
        const struct cap_sa *sa;
        char ini[46], resp[46];
        /* the capture pattern the judge proved (messages_capture.c), the
         * message it is seen at (index into sa->msgs) */
        const char *pattern;
        size_t pat_at;
};

__attribute__((format(printf, 2, 3))) static const char *fmt(struct arena *a, const char *f, ...)
{
        char buf[1024];
        va_list ap;
        va_start(ap, f);
        vsnprintf(buf, sizeof(buf), f, ap);
        va_end(ap);
        return arena_strdup(a, buf);
}

static int add_step(struct ladder *l, const char *step, bool from_ini, bool ok, const char *d)
{
        struct tunnel_result *t = l->t;
        if (!d)
                return -1;
        if (t->nsteps == t->stepcap) {
                size_t cap = t->stepcap ? t->stepcap * 2 : 8;
                struct tunnel_step *v = arena_calloc(l->ar, cap, sizeof(*v));
                if (!v)
                        return -1;
                if (t->nsteps)
                        memcpy(v, t->steps, t->nsteps * sizeof(*v));
                t->steps = v, t->stepcap = cap;
        }
        t->steps[t->nsteps++] =
            (struct tunnel_step){step, from_ini ? t->a : t->b, from_ini ? t->b : t->a, d, ok};
        return 0;
}

/* How many times message i was sent, and the frames of its copies. */
static unsigned sends(const struct cap_sa *sa, size_t i, char *frames, size_t fsz)
{
        unsigned n = 1;
        size_t used = (size_t)snprintf(frames, fsz, "%llu", (unsigned long long)sa->msgs[i].frame);
        for (size_t j = i + 1; j < sa->nmsgs; j++)
                if (sa->msgs[j].retransmit_of == sa->msgs[i].frame) {
                        n++;
                        if (used < fsz)
                                used += (size_t)snprintf(frames + used, fsz - used, ", %llu",
                                                         (unsigned long long)sa->msgs[j].frame);
                }
        return n;
}

static const char *short_pl(int version, uint8_t t)
{
        static const struct {
                uint8_t t;
                const char *n;
        } v1[] = {{1, "SA"},       {4, "KE"},    {5, "ID"},     {6, "CERT"},    {7, "CR"},
                  {8, "HASH"},     {9, "SIG"},   {10, "NONCE"}, {11, "N"},      {12, "D"},
                  {13, "VID"},     {14, "ATTR"}, {20, "NAT-D"}, {21, "NAT-OA"}, {130, "NAT-D"},
                  {131, "NAT-OA"}, {132, "FRAG"}},
          v2[] = {{33, "SA"},      {34, "KE"},   {35, "IDi"},   {36, "IDr"}, {37, "CERT"},
                  {38, "CERTREQ"}, {39, "AUTH"}, {40, "Nonce"}, {41, "N"},   {42, "D"},
                  {43, "V"},       {44, "TSi"},  {45, "TSr"},   {46, "SK"},  {47, "CP"},
                  {48, "EAP"},     {53, "SKF"}};
        if (version == 1) {
                for (size_t i = 0; i < sizeof(v1) / sizeof(v1[0]); i++)
                        if (v1[i].t == t)
                                return v1[i].n;
        } else {
                for (size_t i = 0; i < sizeof(v2) / sizeof(v2[0]); i++)
                        if (v2[i].t == t)
                                return v2[i].n;
        }
        return NULL;
}

static const char *notify_list(const struct cap_sa *sa, const struct cap_msg *m, char *buf,
                               size_t n)
{
        size_t used = 0;
        buf[0] = '\0';
        for (size_t i = 0; i < m->nnotify && used < n; i++) {
                const char *name = ike_notify_name(sa->version, m->notify[i]);
                if (name)
                        used += (size_t)snprintf(buf + used, n - used, "%s%s", i ? ", " : "", name);
                else
                        used += (size_t)snprintf(buf + used, n - used, "%stype %u", i ? ", " : "",
                                                 m->notify[i]);
        }
        return buf;
}

static bool has_notify(const struct cap_msg *m, uint16_t type)
{
        for (size_t i = 0; i < m->nnotify; i++)
                if (m->notify[i] == type)
                        return true;
        return false;
}

/* "frame 3, +0.002 s: KE, NONCE, NAT-D, NAT-D; notify ...; sent 3 times (frames ...)" */
static const char *detail(struct ladder *l, size_t i)
{
        const struct cap_sa *sa = l->sa;
        const struct cap_msg *m = &sa->msgs[i], *first = &sa->msgs[0];
        char pls[256] = "", nots[256], frames[256];
        size_t used = 0;
        if (m->dec == CAP_DEC_OK)
                used +=
                    (size_t)snprintf(pls, sizeof(pls), "decrypted%s%s%s", m->dec_why ? " (" : "",
                                     m->dec_why ? m->dec_why : "", m->dec_why ? ")" : "");
        else if (m->dec != CAP_DEC_CLEAR)
                used += (size_t)snprintf(pls, sizeof(pls), "encrypted, %s (%s)",
                                         cap_dec_name(m->dec), m->dec_why ? m->dec_why : "");
        else if (m->encrypted && sa->version == 1)
                used += (size_t)snprintf(pls, sizeof(pls), "encrypted");
        for (size_t k = 0; k < m->npl && used < sizeof(pls); k++) {
                const char *n = short_pl(sa->version, m->pl[k]);
                char tmp[16];
                if (!n) {
                        snprintf(tmp, sizeof(tmp), "type %u", m->pl[k]);
                        n = tmp;
                }
                used +=
                    (size_t)snprintf(pls + used, sizeof(pls) - used, "%s%s", used ? ", " : "", n);
        }
        long long us = (long long)(m->sec - first->sec) * 1000000 + (m->usec - first->usec);
        unsigned n = sends(sa, i, frames, sizeof(frames));
        const char *dir = "";
        if (sa->version == 2)
                dir = (m->flags & IKE_F_V2_RESPONSE) ? "response, " : "request, ";
        notify_list(sa, m, nots, sizeof(nots));
        char sent[300] = "", facts[640];
        if (n > 1)
                snprintf(sent, sizeof(sent), "; sent %u times (frames %s)", n, frames);
        cap_facts_step_text(sa, i, facts, sizeof(facts));
        return fmt(l->ar, "frame %llu, +%lld.%03lld s: %smsgid %u%s%s%s%s%s%s%s",
                   (unsigned long long)m->frame, us / 1000000, (us % 1000000) / 1000, dir, m->msgid,
                   *pls ? ": " : "", pls, *nots ? "; notify " : "", nots,
                   m->natt_port ? "; UDP 4500" : "", facts, sent);
}

/* The ICMP errors quoting this SA's packets, as one step from the responder. */
static int icmp_step(struct ladder *l)
{
        const struct cap_sa *sa = l->sa;
        if (!sa->nicmp)
                return 0;
        char frames[128];
        size_t used = 0;
        for (size_t i = 0; i < sa->nicmp && used < sizeof(frames); i++)
                used += (size_t)snprintf(frames + used, sizeof(frames) - used, "%s%llu",
                                         i ? ", " : "", (unsigned long long)sa->icmp[i].frame);
        const struct cap_icmp *c = &sa->icmp[0];
        bool unreach = (sa->af == 4 && c->type == 3 && c->code == 3) ||
                       (sa->af == 6 && c->type == 1 && c->code == 4);
        const char *what = unreach ? "port unreachable" : "ICMP error";
        return add_step(l, "ICMP", false, false,
                        fmt(l->ar, "%s%s (type %u code %u), frames %s%s", what,
                            c->from_responder ? " from the responder" : "", c->type, c->code,
                            frames, sa->nicmp == 4 ? " and more" : ""));
}

/* The pattern of a first message never answered: the ICMP errors quoting
 * it say whether nothing listens (port unreachable from the responder's
 * own address) or a filter refuses it (administratively prohibited);
 * without any, silence (messages_capture.c). NULL: an ICMP error that
 * proves neither. */
static const char *unanswered_pattern(const struct cap_sa *sa)
{
        if (!sa->nicmp)
                return "cap-first-unanswered";
        const struct cap_icmp *c = &sa->icmp[0];
        bool v4 = sa->af == 4;
        if (c->from_responder && c->type == (v4 ? 3 : 1) && c->code == (v4 ? 3 : 4))
                return "cap-port-unreachable";
        if (v4 ? c->type == 3 && (c->code == 9 || c->code == 10 || c->code == 13)
               : c->type == 1 && c->code == 1)
                return "cap-icmp-filtered";
        return NULL;
}

static const char *esp_inner_name(uint8_t nh)
{
        switch (nh) {
        case 4:
                return "IPv4";
        case 41:
                return "IPv6";
        case 1:
                return "ICMP";
        case 6:
                return "TCP";
        case 17:
                return "UDP";
        case 59:
                return "dummy packets";
        }
        return "another protocol";
}

/* --keys: the ESP keys derived from SKEYID_d / SK_d, as one step (never
 * the keys: their SPIs, algorithms and whether the key file agrees). */
static int keys_step(struct ladder *l)
{
        const struct cap_sa_keys *k = l->sa->keys;
        if (!k || (!k->nchild && !k->child_note))
                return 0;
        char buf[900];
        size_t used = 0;
        if (k->nchild)
                used +=
                    (size_t)snprintf(buf, sizeof(buf),
                                     "derived from %s:", l->sa->version == 1 ? "SKEYID_d" : "SK_d");
        for (size_t i = 0; i < k->nchild && used < sizeof(buf); i++) {
                const struct cap_child *c = &k->child[i];
                const char *cmp = c->file_match < 0   ? ""
                                  : c->file_match > 0 ? ", equal to the key file's"
                                                      : ", DIFFERENT from the key file's";
                char esp[96] = "";
                if (c->esp_ok || c->esp_bad)
                        snprintf(esp, sizeof(esp), "; %u of the first %u ESP packets decrypt%s%s%s",
                                 c->esp_ok, c->esp_ok + c->esp_bad, c->esp_ok ? " (inside: " : "",
                                 c->esp_ok ? esp_inner_name(c->esp_inner) : "",
                                 c->esp_ok ? ")" : "");
                used += (size_t)snprintf(
                    buf + used, sizeof(buf) - used, "%s SPI %08x (%s, frame %llu) %s%s%s%s%s",
                    i ? ";" : "", c->spi, c->to_responder ? "to the responder" : "to the initiator",
                    (unsigned long long)c->frame, cipher_name(&c->encr),
                    c->integ.hash != CH_NONE ? "/" : "",
                    c->integ.hash != CH_NONE ? integ_name(&c->integ) : "", cmp, esp);
        }
        if (k->child_note && used < sizeof(buf))
                snprintf(buf + used, sizeof(buf) - used, "%s%s", used ? "; " : "", k->child_note);
        return add_step(l, "ESP keys", true, true, fmt(l->ar, "%s", buf));
}

static const struct cap_msg *last_distinct(const struct cap_sa *sa, size_t *at)
{
        for (size_t i = sa->nmsgs; i-- > 0;)
                if (!sa->msgs[i].retransmit_of) {
                        *at = i;
                        return &sa->msgs[i];
                }
        return NULL;
}

static const struct cap_msg *find_step(const struct cap_sa *sa, const char *step, size_t *at)
{
        for (size_t i = 0; i < sa->nmsgs; i++)
                if (!sa->msgs[i].retransmit_of && sa->msgs[i].step &&
                    !strcmp(sa->msgs[i].step, step)) {
                        if (at)
                                *at = i;
                        return &sa->msgs[i];
                }
        return NULL;
}

static bool psk_method(uint16_t m)
{
        return m == 1 || m == 65001 || m == 65002; /* RFC 2409 App. A; XAUTH PSK */
}

/* The status and reason from what the clear part shows; *stop is the index
 * of the message where it stopped (or nmsgs). */
static void judge_v1(struct ladder *l, size_t *stop)
{
        const struct cap_sa *sa = l->sa;
        struct tunnel_result *t = l->t;
        char frames[256], nots[256];
        size_t at = sa->nmsgs;
        bool answered = false;
        for (size_t i = 0; i < sa->nmsgs; i++)
                answered |= !sa->msgs[i].from_initiator;
        *stop = sa->nmsgs;
        const struct cap_msg *last = last_distinct(sa, &at);
        if (!last)
                return;
        if (!answered) {
                unsigned n = sends(sa, at, frames, sizeof(frames));
                t->status = TUN_NO_RESPONSE;
                *stop = at;
                bool unreach = sa->nicmp && sa->icmp[0].type == (sa->af == 4 ? 3 : 1) &&
                               sa->icmp[0].code == (sa->af == 4 ? 3 : 4);
                if (at == 0) { /* MM1 / AM1: the responder never spoke */
                        l->pattern = unanswered_pattern(sa);
                        l->pat_at = 0;
                }
                t->reason = fmt(l->ar, "%s sent %u time%s (frames %s), never answered%s",
                                last->step, n, n > 1 ? "s" : "", frames,
                                unreach ? "; the responder's address answered with ICMP port "
                                          "unreachable: nothing listens on its IKE port"
                                        : "");
                return;
        }
        /* an Informational from the responder that refuses the proposal,
         * before any MM2/AM2 */
        if (!find_step(sa, "MM2", NULL) && !find_step(sa, "AM2", NULL)) {
                for (size_t i = 0; i < sa->nmsgs; i++) {
                        const struct cap_msg *m = &sa->msgs[i];
                        if (!m->from_initiator && m->exchange == 5 && has_notify(m, 14)) {
                                t->status = TUN_P1_NO_PROPOSAL;
                                *stop = 0;
                                l->pattern = "cap-p1-no-proposal";
                                l->pat_at = i;
                                t->reason = fmt(l->ar,
                                                "the responder answered %s with "
                                                "NO-PROPOSAL-CHOSEN (frame %llu): it accepts none "
                                                "of the proposals offered",
                                                sa->msgs[0].step, (unsigned long long)m->frame);
                                return;
                        }
                        /* AUTHENTICATION-FAILED (24) in clear before AM2: no
                         * authentication has taken place yet (AM2 would
                         * carry the responder's own), so it refuses the
                         * mode itself (strongSwan: "Aggressive Mode PSK
                         * disabled for security reasons") */
                        if (!m->from_initiator && m->exchange == 5 && has_notify(m, 24) &&
                            sa->msgs[0].exchange == 4 && !m->encrypted) {
                                t->status = TUN_P1_NO_PROPOSAL;
                                *stop = 0;
                                l->pattern = "cap-am-refused";
                                l->pat_at = i;
                                t->reason = fmt(l->ar,
                                                "the responder answered AM1 with "
                                                "AUTHENTICATION-FAILED in clear (frame %llu), "
                                                "before any authentication: it refuses Aggressive "
                                                "Mode from this peer (Main Mode only)",
                                                (unsigned long long)m->frame);
                                return;
                        }
                }
        }
        size_t i5 = 0, i6 = 0, i1 = 0;
        const struct cap_msg *mm5 = find_step(sa, "MM5", &i5), *mm6 = find_step(sa, "MM6", &i6);
        const struct cap_msg *mm1 = find_step(sa, "MM1", &i1), *mm2 = find_step(sa, "MM2", NULL);
        uint16_t auth = mm2 && mm2->v1_auth ? mm2->v1_auth : mm1 ? mm1->v1_auth : 0;
        struct dec_verdict dv;
        if (mm5 && !mm6 && judge_dec_v1_mm5(sa, i5, &dv)) {
                t->status = dv.status;
                *stop = dv.stop;
                t->reason = fmt(l->ar, "%s", dv.reason);
                return;
        }
        if (mm5 && !mm6) {
                unsigned n = sends(sa, i5, frames, sizeof(frames));
                *stop = i5;
                size_t infos = 0;
                bool enc = false;
                nots[0] = '\0';
                for (size_t i = i5; i < sa->nmsgs; i++)
                        if (!sa->msgs[i].from_initiator && sa->msgs[i].exchange == 5) {
                                infos++;
                                enc |= sa->msgs[i].encrypted;
                                if (!nots[0])
                                        notify_list(sa, &sa->msgs[i], nots, sizeof(nots));
                        }
                char answer[512] = ", never answered";
                if (infos)
                        snprintf(answer, sizeof(answer), ", answered %s by an %sInformational%s%s",
                                 infos > 1 ? "each time" : "once", enc ? "encrypted " : "",
                                 nots[0] ? " with " : "", nots);
                if (psk_method(auth)) {
                        t->status = TUN_P1_AUTH_FAILED;
                        l->pattern = "cap-mm5-unanswered";
                        l->pat_at = i5;
                        t->reason = fmt(l->ar,
                                        "MM5 sent %u time%s (frames %s) and no MM6%s: the "
                                        "responder could not read MM5, the pattern of pre-shared "
                                        "keys that differ",
                                        n, n > 1 ? "s" : "", frames, answer);
                } else {
                        t->status = TUN_UNDETERMINED;
                        t->reason = fmt(l->ar, "MM5 sent %u time%s (frames %s) and no MM6%s", n,
                                        n > 1 ? "s" : "", frames, answer);
                }
                return;
        }
        if (!mm6 && !find_step(sa, "AM3", NULL)) { /* phase 1 ends with MM6 or AM3 */
                t->status = TUN_UNDETERMINED;
                if (last->from_initiator) {
                        unsigned n = sends(sa, at, frames, sizeof(frames));
                        *stop = at;
                        t->reason = fmt(l->ar, "%s sent %u time%s (frames %s), never answered",
                                        last->step, n, n > 1 ? "s" : "", frames);
                } else {
                        t->reason = fmt(l->ar, "the exchange stops after %s (frame %llu)",
                                        last->step, (unsigned long long)last->frame);
                }
                return;
        }
        /* phase 1 done: Quick Mode */
        const struct cap_msg *qm3 = find_step(sa, "QM3", NULL);
        if (qm3) {
                t->status = TUN_ESTABLISHED;
                t->reason = fmt(l->ar, "Quick Mode completed (QM3, frame %llu); ESP not looked at",
                                (unsigned long long)qm3->frame);
                return;
        }
        size_t iq;
        const struct cap_msg *qm1 = find_step(sa, "QM1", &iq);
        t->status = TUN_UNDETERMINED;
        if (!qm1) {
                t->reason =
                    fmt(l->ar, "phase 1 complete (frame %llu); no Quick Mode in the capture",
                        (unsigned long long)(mm6 ? mm6->frame : last->frame));
                return;
        }
        *stop = iq;
        if (judge_dec_v1_qm(sa, iq, &dv)) {
                t->status = dv.status;
                *stop = dv.stop;
                t->reason = fmt(l->ar, "%s", dv.reason);
                return;
        }
        unsigned n = sends(sa, iq, frames, sizeof(frames));
        for (size_t i = iq + 1; i < sa->nmsgs; i++)
                if (sa->msgs[i].exchange == 5 &&
                    sa->msgs[i].from_initiator != qm1->from_initiator) {
                        t->reason = fmt(l->ar,
                                        "QM1 (frames %s) answered by an Informational (frame "
                                        "%llu) and no QM2: phase 2 was refused; why is in the "
                                        "encrypted notify",
                                        frames, (unsigned long long)sa->msgs[i].frame);
                        return;
                }
        t->reason = fmt(l->ar, "QM1 sent %u time%s (frames %s), never answered", n,
                        n > 1 ? "s" : "", frames);
}

static const struct cap_msg *v2_response(const struct cap_sa *sa, uint8_t exch, uint32_t msgid)
{
        const struct cap_msg *r = NULL;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->exchange == exch && m->msgid == msgid && (m->flags & IKE_F_V2_RESPONSE))
                        r = m; /* the last one: after INVALID_KE or COOKIE comes the real one */
        }
        return r;
}

static void judge_v2(struct ladder *l, size_t *stop)
{
        const struct cap_sa *sa = l->sa;
        struct tunnel_result *t = l->t;
        char frames[256], nots[256];
        *stop = sa->nmsgs;
        if (!sa->nmsgs)
                return;
        /* the first request left unanswered */
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->retransmit_of || (m->flags & IKE_F_V2_RESPONSE))
                        continue;
                const struct cap_msg *r = v2_response(sa, m->exchange, m->msgid);
                if (r)
                        continue;
                bool later = false; /* a request answered after it: this one was superseded */
                for (size_t j = i + 1; j < sa->nmsgs; j++)
                        later |= (sa->msgs[j].flags & IKE_F_V2_RESPONSE) != 0;
                if (later)
                        continue;
                unsigned n = sends(sa, i, frames, sizeof(frames));
                *stop = i;
                bool unreach = sa->nicmp && sa->icmp[0].type == (sa->af == 4 ? 3 : 1) &&
                               sa->icmp[0].code == (sa->af == 4 ? 3 : 4);
                t->status = m->exchange == 34 ? TUN_NO_RESPONSE : TUN_UNDETERMINED;
                if (m->exchange == 34 && m->msgid == 0) { /* IKE_SA_INIT never answered */
                        l->pattern = unanswered_pattern(sa);
                        l->pat_at = i;
                }
                t->reason = fmt(l->ar, "%s request sent %u time%s (frames %s), never answered%s",
                                m->step, n, n > 1 ? "s" : "", frames,
                                unreach ? "; the responder's address answered with ICMP port "
                                          "unreachable: nothing listens on its IKE port"
                                        : "");
                return;
        }
        const struct cap_msg *init = v2_response(sa, 34, 0);
        if (init && has_notify(init, 14)) {
                t->status = TUN_P1_NO_PROPOSAL;
                for (size_t i = 0; i < sa->nmsgs; i++)
                        if (&sa->msgs[i] == init)
                                *stop = l->pat_at = i;
                l->pattern = "cap-p1-no-proposal";
                t->reason = fmt(l->ar,
                                "the responder answered IKE_SA_INIT with NO_PROPOSAL_CHOSEN "
                                "(frame %llu): it accepts none of the proposals offered",
                                (unsigned long long)init->frame);
                return;
        }
        struct dec_verdict dv;
        if (judge_dec_v2(sa, &dv)) {
                t->status = dv.status;
                *stop = dv.stop;
                t->reason = fmt(l->ar, "%s", dv.reason);
                return;
        }
        t->status = TUN_UNDETERMINED;
        if (init && init->nnotify && !init->npl_seen) {
                notify_list(sa, init, nots, sizeof(nots));
                t->reason = fmt(l->ar, "IKE_SA_INIT answered with %s only (frame %llu)", nots,
                                (unsigned long long)init->frame);
                return;
        }
        const struct cap_msg *auth = v2_response(sa, 35, 1);
        if (auth) {
                t->reason = fmt(l->ar,
                                "IKE_AUTH answered (frame %llu, encrypted): whether it "
                                "authenticated and made the child SA is inside",
                                (unsigned long long)auth->frame);
                return;
        }
        t->reason = fmt(l->ar, "IKE_SA_INIT completed (frame %llu); no IKE_AUTH in the capture",
                        (unsigned long long)(init ? init->frame : sa->msgs[0].frame));
}

/* The pattern's evidence in one short line (the correlator keeps about
 * 200 bytes of it): the message, how often it was sent, what answered. */
static void pattern_text(const struct ladder *l, char *buf, size_t n)
{
        const struct cap_sa *sa = l->sa;
        const struct cap_msg *m = &sa->msgs[l->pat_at], *first = &sa->msgs[0];
        size_t at = l->pat_at;
        for (size_t i = 0; i < sa->nmsgs; i++) /* the message the pattern is about */
                if (!strcmp(l->pattern, "cap-mm5-unanswered")
                        ? sa->msgs[i].step && !strcmp(sa->msgs[i].step, "MM5")
                        : i == 0) {
                        at = i;
                        break;
                }
        unsigned sent = 1;
        uint64_t last = sa->msgs[at].frame;
        for (size_t j = at + 1; j < sa->nmsgs; j++)
                if (sa->msgs[j].retransmit_of == sa->msgs[at].frame)
                        sent++, last = sa->msgs[j].frame;
        char sends_txt[80];
        if (sent > 1)
                snprintf(sends_txt, sizeof(sends_txt), "sent %u times (frames %llu to %llu)", sent,
                         (unsigned long long)sa->msgs[at].frame, (unsigned long long)last);
        else
                snprintf(sends_txt, sizeof(sends_txt), "sent once (frame %llu)",
                         (unsigned long long)sa->msgs[at].frame);
        const char *step = sa->msgs[at].step ? sa->msgs[at].step : "?";
        const char *p = l->pattern;
        if (!strcmp(p, "cap-first-unanswered")) {
                snprintf(buf, n, "%s to %s %s, never answered, no ICMP error", step, l->resp,
                         sends_txt);
        } else if (!strcmp(p, "cap-port-unreachable") || !strcmp(p, "cap-icmp-filtered")) {
                const struct cap_icmp *c = &sa->icmp[0];
                snprintf(buf, n, "%s to %s %s; ICMP type %u code %u %s (frame %llu)", step, l->resp,
                         sends_txt, c->type, c->code,
                         c->from_responder ? "from the responder" : "from the path",
                         (unsigned long long)c->frame);
        } else if (!strcmp(p, "cap-p1-no-proposal")) {
                snprintf(buf, n, "%s %s answered by NO_PROPOSAL_CHOSEN from %s (frame %llu)",
                         first->step ? first->step : "?", sends_txt, l->resp,
                         (unsigned long long)m->frame);
        } else if (!strcmp(p, "cap-am-refused")) {
                snprintf(buf, n,
                         "AM1 answered by AUTHENTICATION-FAILED in clear from %s (frame %llu), "
                         "before AM2",
                         l->resp, (unsigned long long)m->frame);
        } else if (!strcmp(p, "cap-mm5-unanswered")) {
                size_t infos = 0;
                for (size_t j = at; j < sa->nmsgs; j++)
                        infos += !sa->msgs[j].from_initiator && sa->msgs[j].exchange == 5;
                snprintf(buf, n, "MM5 (pre-shared key) %s, no MM6; %zu Informational(s) from %s",
                         sends_txt, infos, l->resp);
        } else if (!strcmp(p, "cap-mm5-wrong-key")) {
                snprintf(buf, n,
                         "MM5 %s; the responder's encrypted answers do not decrypt under the "
                         "initiator's key, or refuse its hash (decrypted)",
                         sends_txt);
        } else if (!strcmp(p, "cap-v2-auth-failed")) {
                snprintf(buf, n,
                         "AUTHENTICATION_FAILED in the decrypted IKE_AUTH exchange (frame %llu)",
                         (unsigned long long)m->frame);
        } else if (!strcmp(p, "cap-child-ts-refused") || !strcmp(p, "cap-child-no-proposal")) {
                snprintf(buf, n,
                         "IKE SA authenticated; its child SA refused with %s in the decrypted "
                         "IKE_AUTH response from %s (frame %llu)",
                         !strcmp(p, "cap-child-ts-refused") ? "TS_UNACCEPTABLE"
                                                            : "NO_PROPOSAL_CHOSEN",
                         l->resp, (unsigned long long)m->frame);
        } else if (!strcmp(p, "cap-qm-invalid-id")) {
                snprintf(buf, n,
                         "QM1 refused with INVALID-ID-INFORMATION in the responder's decrypted "
                         "Informational (frame %llu)",
                         (unsigned long long)m->frame);
        } else if (!strcmp(p, "cap-qm-refused-nopfs") || !strcmp(p, "cap-qm-refused-pfs")) {
                snprintf(buf, n,
                         "QM1 %s refused with NO-PROPOSAL-CHOSEN or BAD-PROPOSAL-SYNTAX in the "
                         "responder's decrypted Informational (frame %llu)",
                         !strcmp(p, "cap-qm-refused-nopfs") ? "without KE (no PFS asked)"
                                                            : "with KE (PFS asked)",
                         (unsigned long long)m->frame);
        } else {
                snprintf(buf, n, "%s", l->t->reason);
        }
}

/* The judge's pattern as an evidence record: the frame it is seen at, its
 * time, the initiator as the peer (the device to fix is mostly the
 * responder, whose peer the initiator is), the reason as its text. */
static void emit(const struct ladder *l, const char *file, cap_evidence_fn fn, void *ctx)
{
        const struct message *msg = l->pattern ? message_capture(l->pattern) : NULL;
        if (!fn || !msg || !l->t->reason || l->pat_at >= l->sa->nmsgs)
                return;
        const struct cap_msg *m = &l->sa->msgs[l->pat_at];
        /* where and when: the frame and its capture time (UTC), then why */
        char when[64] = "?";
        struct tm tm;
        time_t sec = (time_t)m->sec;
        if (!gmtime_r(&sec, &tm) || !strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm))
                snprintf(when, sizeof(when), "?");
        char what[512];
        pattern_text(l, what, sizeof(what));
        const char *text = fmt(l->ar, "frame %llu at %s.%06d UTC: %s", (unsigned long long)m->frame,
                               when, (int)m->usec, what);
        if (!text)
                return;
        struct ev_record r = {.msg = msg,
                              .line = (uint32_t)(m->frame > UINT32_MAX ? UINT32_MAX : m->frame),
                              .text = text,
                              .len = strlen(text),
                              .peer = l->ini,
                              .group = "",
                              .user = "",
                              .time = m->sec,
                              .source = EV_SRC_CAPTURE,
                              .file = file,
                              .usec = m->usec};
        fn(ctx, &r, l->resp);
}

/* "IKE message of 2992 bytes in IP fragments (frames 7-8): fragment 2 of 3
 * (bytes 1480-2959) never arrived" */
const char *cap_lost_text(const struct cap_frag_lost *lf, char *buf, size_t n)
{
        char what[96], hole[96] = "", frames[64];
        if (lf->kind == FK_IKE)
                snprintf(what, sizeof(what), "IKE message of %u bytes", lf->ike_len);
        else if (lf->kind == FK_ESP || lf->kind == FK_ESP_UDP)
                snprintf(what, sizeof(what), "ESP packet (SPI %08x%s)", lf->esp_spi,
                         lf->kind == FK_ESP_UDP ? ", in UDP" : "");
        else if (lf->kind == FK_IP_FRAGMENT)
                snprintf(what, sizeof(what), "%s datagram whose first fragment never arrived",
                         lf->proto == 50 ? "ESP" : "UDP");
        else
                snprintf(what, sizeof(what), "%s datagram", lf->proto == 50 ? "ESP" : "UDP");
        if (lf->first_frame == lf->last_frame)
                snprintf(frames, sizeof(frames), "frame %llu", (unsigned long long)lf->first_frame);
        else
                snprintf(frames, sizeof(frames), "frames %llu-%llu",
                         (unsigned long long)lf->first_frame, (unsigned long long)lf->last_frame);
        if (lf->why == REASM_CUT) {
                snprintf(buf, n,
                         "%s in IP fragments (%s), cut by the capture's snap length: not "
                         "reassembled",
                         what, frames);
                return buf;
        }
        if (lf->why == REASM_TOO_MANY) {
                snprintf(buf, n, "%s in more IP fragments (%s) than are reassembled (%d, %u bytes)",
                         what, frames, REASM_MAX_FRAGS, REASM_MAX_DATAGRAM);
                return buf;
        }
        if (lf->hole_len)
                snprintf(hole, sizeof(hole), " (bytes %u-%u)", lf->hole_off,
                         lf->hole_off + lf->hole_len - 1);
        else
                snprintf(hole, sizeof(hole), " (from byte %u on)", lf->hole_off);
        char of[32] = "";
        if (lf->nfrags_expected)
                snprintf(of, sizeof(of), " of %u", lf->nfrags_expected);
        const char *why = lf->why == REASM_EVICTED   ? " (given up: too many datagrams in "
                                                       "reassembly at once)"
                          : lf->why == REASM_TIMEOUT ? " within the reassembly timeout"
                                                     : " before the capture ended";
        if (lf->hole_index)
                snprintf(buf, n, "%s in IP fragments (%s): fragment %u%s%s never arrived%s", what,
                         frames, lf->hole_index, of, hole, why);
        else
                snprintf(buf, n, "%s in IP fragments (%s): bytes%s never arrived%s", what, frames,
                         hole, why);
        return buf;
}

static int lost_steps(struct ladder *l, const struct cap_set *cs, size_t idx)
{
        char buf[320];
        for (size_t i = 0; i < cs->nlost; i++) {
                const struct cap_frag_lost *lf = &cs->lost[i];
                if (lf->sa != (int)idx)
                        continue;
                if (add_step(l, "IP fragment lost", lf->from_initiator, false,
                             fmt(l->ar, "%s", cap_lost_text(lf, buf, sizeof(buf)))) < 0)
                        return -1;
        }
        return 0;
}

static int one_sa(const struct cap_set *cs, size_t idx, struct findings *fs, const char *file,
                  cap_evidence_fn fn, void *ctx)
{
        const struct cap_sa *sa = &cs->sa[idx];
        struct tunnel_result *t = arena_alloc(&fs->arena, sizeof(*t));
        if (!t)
                return -1;
        struct ladder l = {&fs->arena, t, sa, "", "", NULL, 0};
        frame_addr_str(sa->af, sa->ini, l.ini);
        frame_addr_str(sa->af, sa->resp, l.resp);
        t->a = arena_strdup(&fs->arena, l.ini);
        t->b = arena_strdup(&fs->arena, l.resp);
        t->initiator = t->a;
        t->peer_a = t->a;
        t->peer_b = t->b;
        t->no_states = true;
        char is[17], rs[17];
        for (int i = 0; i < 8; i++) {
                snprintf(is + 2 * i, 3, "%02x", sa->ispi[i]);
                snprintf(rs + 2 * i, 3, "%02x", sa->rspi[i]);
        }
        char keys[400] = "";
        if (sa->keys && sa->keys->key)
                snprintf(keys, sizeof(keys), "; %u of %u encrypted messages decrypted with %s%s:%u",
                         sa->keys->decrypted, sa->keys->decrypted + sa->keys->failed,
                         sa->keys->by_trial ? "a key found by trying each, " : "",
                         sa->keys->key->file ? sa->keys->key->file : "?", sa->keys->key->line);
        else if (sa->keys)
                snprintf(keys, sizeof(keys), "; no key for this SA in the key file");
        t->via =
            fmt(&fs->arena, "IKEv%d SPIs %s/%s%s%s", sa->version, is, rs,
                sa->initiator_known ? "" : " (the capture starts after the first message)", keys);
        if (!t->a || !t->b || !t->via)
                return -1;
        size_t stop;
        if (sa->version == 1)
                judge_v1(&l, &stop);
        else
                judge_v2(&l, &stop);
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *m = &sa->msgs[i];
                if (m->retransmit_of)
                        continue;
                if (add_step(&l, m->step ? m->step : "?", m->from_initiator, i != stop,
                             detail(&l, i)) < 0)
                        return -1;
        }
        if (icmp_step(&l) < 0 || keys_step(&l) < 0 || lost_steps(&l, cs, idx) < 0)
                return -1;
        if (sa->msgs_dropped && add_step(&l, "...", true, true,
                                         fmt(l.ar, "%zu more messages not kept (%d per SA)",
                                             sa->msgs_dropped, CAP_MAX_MSGS)) < 0)
                return -1;
        emit(&l, file, fn, ctx);
        return ptrvec_push(&fs->arena, &fs->tunnels, t);
}

int cap_tunnels_ev(const struct cap_set *cs, const char *file, struct findings *fs,
                   cap_evidence_fn fn, void *ctx)
{
        for (size_t i = 0; i < cs->nsa; i++)
                if (one_sa(cs, i, fs, file, fn, ctx) < 0)
                        return -1;
        return 0;
}

int cap_tunnels(const struct cap_set *cs, struct findings *fs)
{
        return cap_tunnels_ev(cs, NULL, fs, NULL, NULL);
}
