/*
 * probe's output (probe_out.h). Everything printed from the responder is
 * either a name from our tables, a number, hex, or (the Aggressive Mode
 * identity) bytes made printable by probe.c; nothing raw reaches the
 * terminal.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../ike/vocab.h"
#include "../report/json_build.h"
#include "../wire/ike.h"
#include "probe_out.h"
#include "reply.h"

static const char *name_or(enum ike_registry reg, unsigned n, char *buf, size_t len)
{
        const char *s = ike_name_of(reg, n);
        if (s)
                return s;
        snprintf(buf, len, "%u", n);
        return buf;
}

static void v1_line(const struct ike_v1_xform *x, char *out, size_t n)
{
        char b[4][16];
        char kl[16] = "";
        if (x->keylen)
                snprintf(kl, sizeof(kl), "-%u", x->keylen);
        snprintf(out, n, "%s%s %s %s group %u (%s)", name_or(IKE_REG_V1_ENCR, x->encr, b[0], 16),
                 kl, name_or(IKE_REG_V1_HASH, x->hash, b[1], 16),
                 name_or(IKE_REG_V1_AUTH, x->auth, b[2], 16), x->group,
                 name_or(IKE_REG_DH_GROUP, x->group, b[3], 16));
}

static const enum ike_registry v2_reg[5] = {IKE_REG_V2_TRANSFORM, IKE_REG_V2_ENCR, IKE_REG_V2_PRF,
                                            IKE_REG_V2_INTEG, IKE_REG_DH_GROUP};
static const char *const v2_key[5] = {"", "encr", "prf", "integ", "dh"};

static void v2_name(int t, const struct v2_val *v, char *out, size_t n)
{
        char b[16];
        const char *s = name_or(v2_reg[t], v->id, b, sizeof(b));
        if (v->keylen)
                snprintf(out, n, "%s-%u", s, v->keylen);
        else
                snprintf(out, n, "%s", s);
}

static void port_text(FILE *f, const char *label, const struct probe_port *p)
{
        if (!p->tried) {
                fprintf(f, "%s: not tried\n", label);
                return;
        }
        if (p->outcome == LIVE_ICMP)
                fprintf(f, "%s: ICMP %s (to %s)\n", label,
                        live_icmp_name(p->icmp_origin, p->icmp_type, p->icmp_code), p->asked);
        else
                fprintf(f, "%s: %s (%s)\n", label, live_outcome_name(p->outcome), p->asked);
}

static size_t v1_count(const struct probe_result *r, int state)
{
        size_t n = 0;
        for (size_t i = 0; i < r->ncand; i++)
                n += r->cand[i].state == (unsigned)state;
        return n;
}

void probe_text(FILE *f, const struct probe_result *r, const struct probe_opts *o, bool verbose)
{
        char nb[32];
        fprintf(f, "probe %s: %u packets sent, %u answers, %.1f s%s\n", r->host, r->sent,
                r->round_trips, r->seconds,
                r->budget_hit ? " (stopped by --max-packets / --max-time)" : "");
        port_text(f, "UDP 500", &r->p500);
        if (o->natt_port)
                port_text(f, "UDP 4500", &r->p4500);
        if (r->v1_tried) {
                size_t k = v1_count(r, V1_ACCEPTED);
                fprintf(f, "\nIKEv1 Main Mode: ");
                if (!r->v1_answered)
                        fprintf(f, "no answer\n");
                else
                        fprintf(f,
                                "%zu of %zu offered transforms accepted, in %u round trips "
                                "(%zu packets per full offer; one transform per packet "
                                "takes %zu)\n",
                                k, r->v1_offered, r->v1_round_trips, r->v1_packets, r->v1_offered);
                for (size_t i = 0; i < r->ncand; i++)
                        if (r->cand[i].state == V1_ACCEPTED) {
                                char t[128];
                                v1_line(&r->cand[i].x, t, sizeof(t));
                                fprintf(f, "  accepted: %s\n", t);
                        }
                if (r->v1_notify)
                        fprintf(f, "  the rest refused with %s\n",
                                probe_notify_name(1, r->v1_notify, nb));
                if (r->v1_stop && r->v1_answered)
                        fprintf(f, "  enumeration incomplete: %s\n", r->v1_stop);
        }
        if (r->am_tried) {
                fprintf(f, "\nIKEv1 Aggressive Mode (group %u): ", r->am_group);
                if (r->am_answered) {
                        char t[128];
                        v1_line(&r->am_choice, t, sizeof(t));
                        const char *it = ike_name_of(IKE_REG_V1_ID, r->am_id_type);
                        fprintf(f, "answered, identity %s (%s), %s\n", r->am_id, it ? it : "?", t);
                        if (r->am_psk && r->am_hash)
                                fprintf(f,
                                        "  warning: Aggressive Mode with a pre-shared key sends "
                                        "a hash of the key in clear (HASH_R): anyone who "
                                        "asks can crack it offline (psk-crack). Turn "
                                        "Aggressive Mode off, or use certificates.%s\n",
                                        o->show_hash ? "" : " (--show-hash prints it)");
                        if (r->psk_crack[0])
                                fprintf(f, "  psk-crack: %s\n", r->psk_crack);
                } else if (r->am_outcome == LIVE_ANSWERED) {
                        fprintf(f, "refused%s%s\n", r->am_notify ? " with " : "",
                                r->am_notify ? probe_notify_name(1, r->am_notify, nb) : "");
                } else {
                        fprintf(f, "%s\n", live_outcome_name(r->am_outcome));
                }
        }
        if (r->v2_tried) {
                fprintf(f, "\nIKEv2 IKE_SA_INIT: ");
                if (!r->v2_answered)
                        fprintf(f, "no answer\n");
                else if (!r->v2_nok[1] && !r->v2_nok[4])
                        fprintf(f, "refused%s%s\n", r->v2_notify ? " with " : "",
                                r->v2_notify ? probe_notify_name(2, r->v2_notify, nb) : "");
                else
                        fprintf(f, "accepted, in %u round trips\n", r->v2_round_trips);
                for (int t = 1; t <= 4; t++) {
                        if (!r->v2_nok[t])
                                continue;
                        fprintf(f, "  %-5s",
                                t == 1   ? "ENCR"
                                : t == 2 ? "PRF"
                                : t == 3 ? "INTEG"
                                         : "DH");
                        for (size_t i = 0; i < r->v2_nok[t]; i++) {
                                char b[48];
                                v2_name(t, &r->v2_ok[t][i], b, sizeof(b));
                                fprintf(f, "%s%s", i ? ", " : " ", b);
                        }
                        fprintf(f, "\n");
                }
                if (r->nke_hints) {
                        fprintf(f, "  INVALID_KE_PAYLOAD asked for group");
                        for (size_t i = 0; i < r->nke_hints; i++)
                                fprintf(f, "%s%u", i ? ", " : " ", r->ke_hints[i]);
                        fprintf(f, "\n");
                }
                if (r->cookies)
                        fprintf(f, "  COOKIE asked %u times (answered with the cookie)\n",
                                r->cookies);
                if (r->v2_stop && r->v2_answered)
                        fprintf(f, "  enumeration incomplete: %s\n", r->v2_stop);
        }
        if (r->nvids) {
                fprintf(f, "\nVendor IDs:\n");
                for (size_t i = 0; i < r->nvids; i++) {
                        fprintf(f, "  %s", r->vids[i].name ? r->vids[i].name : "unknown");
                        fprintf(f, " (");
                        for (size_t k = 0; k < r->vids[i].len; k++)
                                fprintf(f, "%02x", r->vids[i].bytes[k]);
                        fprintf(f, ")\n");
                }
        }
        if (r->v1_answered || r->v2_answered) {
                fprintf(f, "\nNAT-T: IKEv1 %s, IKEv2 %s\n",
                        !r->v1_answered ? "-"
                        : r->natt_v1    ? "yes (VID)"
                                        : "no VID",
                        !r->v2_answered ? "-"
                        : r->natt_v2    ? "yes (NAT_DETECTION notifies)"
                                        : "no notify");
                fprintf(f, "IKE fragmentation: IKEv1 %s, IKEv2 %s\n",
                        !r->v1_answered ? "-"
                        : r->frag_v1    ? "yes (VID)"
                                        : "no VID",
                        !r->v2_answered ? "-"
                        : r->frag_v2    ? "yes (RFC 7383 notify)"
                                        : "no notify");
        }
        if (verbose) {
                fprintf(f, "\nExchanges:\n");
                for (size_t i = 0; i < r->nsteps; i++)
                        fprintf(f, "  %zu. %s, %zu bytes, %u sent -> %s\n", i + 1, r->steps[i].what,
                                r->steps[i].bytes, r->steps[i].sends, r->steps[i].answer);
        }
        if (r->ignored)
                fprintf(f,
                        "\n%u datagrams from %s were not an answer (other SPIs, malformed) "
                        "and were ignored\n",
                        r->ignored, r->host);
}

static json_t *port_json(const struct probe_port *p)
{
        if (!p->tried)
                return json_null();
        json_t *o = json_pack("{s:s, s:s}", "result",
                              p->outcome == LIVE_ANSWERED ? "answered"
                              : p->outcome == LIVE_SILENT ? "no-answer"
                              : p->outcome == LIVE_ICMP   ? "icmp"
                              : p->outcome == LIVE_BUDGET ? "stopped"
                                                          : "local-error",
                              "asked", p->asked);
        if (o && p->outcome == LIVE_ICMP)
                json_object_set_new(
                    o, "icmp",
                    json_string(live_icmp_name(p->icmp_origin, p->icmp_type, p->icmp_code)));
        return o;
}

static json_t *v1_json(const struct ike_v1_xform *x)
{
        char b[4][16];
        json_t *o =
            json_pack("{s:s, s:s, s:s, s:i}", "encr", name_or(IKE_REG_V1_ENCR, x->encr, b[0], 16),
                      "hash", name_or(IKE_REG_V1_HASH, x->hash, b[1], 16), "auth",
                      name_or(IKE_REG_V1_AUTH, x->auth, b[2], 16), "group", x->group);
        if (o && x->keylen)
                json_object_set_new(o, "key_length", json_integer(x->keylen));
        return o;
}

json_t *probe_json(const struct probe_result *r, const struct probe_opts *o)
{
        char nb[32];
        json_t *j = json_object();
        if (!j)
                return NULL;
        json_object_set_new(j, "host", json_string(r->host));
        json_object_set_new(j, "packets_sent", json_integer(r->sent));
        json_object_set_new(j, "answers", json_integer(r->round_trips));
        json_object_set_new(j, "stopped_by_limit", json_boolean(r->budget_hit));
        json_object_set_new(j, "ignored_datagrams", json_integer(r->ignored));
        json_object_set_new(j, "udp500", port_json(&r->p500));
        json_object_set_new(j, "udp4500", o->natt_port ? port_json(&r->p4500) : json_null());
        if (r->v1_tried) {
                json_t *acc = json_array();
                for (size_t i = 0; i < r->ncand; i++)
                        if (r->cand[i].state == V1_ACCEPTED)
                                json_array_append_new(acc, v1_json(&r->cand[i].x));
                json_object_set_new(
                    j, "ikev1",
                    json_pack("{s:b, s:i, s:i, s:o, s:i, s:b, s:o, s:o}", "answered",
                              r->v1_answered, "offered", (int)r->v1_offered, "packets_per_offer",
                              (int)r->v1_packets, "accepted", acc, "round_trips",
                              (int)r->v1_round_trips, "complete", r->v1_complete, "refusal",
                              r->v1_notify ? json_string(probe_notify_name(1, r->v1_notify, nb))
                                           : json_null(),
                              "stopped", r->v1_stop ? json_string(r->v1_stop) : json_null()));
        }
        if (r->am_tried) {
                json_t *am =
                    json_pack("{s:b, s:i}", "answered", r->am_answered, "group", r->am_group);
                if (am && r->am_answered) {
                        const char *it = ike_name_of(IKE_REG_V1_ID, r->am_id_type);
                        json_object_set_new(
                            am, "identity",
                            json_pack("{s:s?, s:o}", "type", it, "value", json_str_safe(r->am_id)));
                        json_object_set_new(am, "chosen", v1_json(&r->am_choice));
                        json_object_set_new(am, "psk_hash_exposed",
                                            json_boolean(r->am_psk && r->am_hash));
                        if (r->psk_crack[0])
                                json_object_set_new(am, "psk_crack", json_string(r->psk_crack));
                } else if (am && r->am_notify) {
                        json_object_set_new(am, "refusal",
                                            json_string(probe_notify_name(1, r->am_notify, nb)));
                }
                json_object_set_new(j, "aggressive_mode", am);
        }
        if (r->v2_tried) {
                json_t *acc = json_object();
                for (int t = 1; t <= 4; t++) {
                        json_t *a = json_array();
                        for (size_t i = 0; i < r->v2_nok[t]; i++) {
                                char b[48];
                                v2_name(t, &r->v2_ok[t][i], b, sizeof(b));
                                json_array_append_new(a, json_string(b));
                        }
                        json_object_set_new(acc, v2_key[t], a);
                }
                json_t *hints = json_array();
                for (size_t i = 0; i < r->nke_hints; i++)
                        json_array_append_new(hints, json_integer(r->ke_hints[i]));
                json_object_set_new(
                    j, "ikev2",
                    json_pack("{s:b, s:o, s:o, s:i, s:i, s:b, s:o, s:o}", "answered",
                              r->v2_answered, "accepted", acc, "invalid_ke_hints", hints, "cookies",
                              (int)r->cookies, "round_trips", (int)r->v2_round_trips, "complete",
                              r->v2_complete, "refusal",
                              r->v2_notify ? json_string(probe_notify_name(2, r->v2_notify, nb))
                                           : json_null(),
                              "stopped", r->v2_stop ? json_string(r->v2_stop) : json_null()));
        }
        json_t *vids = json_array();
        for (size_t i = 0; i < r->nvids; i++) {
                char hex[2 * sizeof(r->vids[0].bytes) + 1];
                for (size_t k = 0; k < r->vids[i].len; k++)
                        snprintf(hex + 2 * k, 3, "%02x", r->vids[i].bytes[k]);
                hex[2 * r->vids[i].len] = '\0';
                json_array_append_new(
                    vids, json_pack("{s:s?, s:s}", "name", r->vids[i].name, "hex", hex));
        }
        json_object_set_new(j, "vendor_ids", vids);
        json_object_set_new(j, "nat_t",
                            json_pack("{s:b, s:b}", "ikev1", r->natt_v1, "ikev2", r->natt_v2));
        json_object_set_new(j, "fragmentation",
                            json_pack("{s:b, s:b}", "ikev1", r->frag_v1, "ikev2", r->frag_v2));
        json_t *ex = json_array();
        for (size_t i = 0; i < r->nsteps; i++)
                json_array_append_new(
                    ex, json_pack("{s:s, s:i, s:i, s:s}", "sent", r->steps[i].what, "bytes",
                                  (int)r->steps[i].bytes, "transmissions", (int)r->steps[i].sends,
                                  "answer", r->steps[i].answer));
        json_object_set_new(j, "exchanges", ex);
        return j;
}

/* ---- findings -------------------------------------------------------- */

static int evidence(struct findings *fs, struct finding *f, const struct probe_result *r,
                    bool (*pick)(const struct probe_step *))
{
        for (size_t i = 0; i < r->nsteps; i++) {
                if (!pick(&r->steps[i]))
                        continue;
                char t[400];
                snprintf(t, sizeof(t), "%s: %s", r->steps[i].what, r->steps[i].answer);
                struct loc l = {"probe", (uint32_t)(i + 1), t};
                if (finding_evidence(fs, f, &l))
                        return -1;
        }
        return 0;
}

static bool unanswered(const struct probe_step *s)
{
        return s->outcome == LIVE_SILENT || s->outcome == LIVE_ICMP;
}

static bool v1_refusal(const struct probe_step *s)
{
        return !strncmp(s->what, "IKEv1 MM1 (", 11) && !strncmp(s->answer, "notify ", 7);
}

int probe_findings(const struct probe_result *r, struct findings *fs)
{
        char nb[32];
        /* the responder, known only from what it answered: a subject, not a model */
        struct subject dev = {r->host, "probe", PLAT_UNKNOWN, NULL};
        bool any = r->v1_answered || r->v2_answered;
        const struct probe_port *p = &r->p500;
        if (!any && p->tried && p->outcome == LIVE_ICMP && p->icmp_type == 3 && p->icmp_code == 3) {
                /* RFC 1122 3.2.2.1 / RFC 4443 3.1: port unreachable comes from the
                 * host itself: it is there, and nothing listens on UDP 500 */
                struct finding *f = finding_add_about(fs, "isakmp-not-enabled", &dev, NULL);
                if (!f || finding_set_peer(fs, f, r->host) ||
                    finding_title(fs, f,
                                  "nothing listens on UDP 500 of %s: it answers ICMP port "
                                  "unreachable, so IKE is not enabled on that address",
                                  r->host) ||
                    evidence(fs, f, r, unanswered))
                        return -1;
        } else if (!any && p->tried && (p->outcome == LIVE_SILENT || p->outcome == LIVE_ICMP)) {
                struct finding *f = finding_add_about(fs, "ike-esp-blocked", &dev, NULL);
                if (!f || finding_set_peer(fs, f, r->host) ||
                    finding_title(fs, f,
                                  "UDP 500 of %s does not answer IKE (%s): filtered on the "
                                  "path, or IKE is not enabled on that interface",
                                  r->host,
                                  p->outcome == LIVE_ICMP
                                      ? live_icmp_name(p->icmp_origin, p->icmp_type, p->icmp_code)
                                      : "no answer, no ICMP error") ||
                    evidence(fs, f, r, unanswered))
                        return -1;
        }
        size_t k = 0;
        for (size_t i = 0; i < r->ncand; i++)
                k += r->cand[i].state == V1_ACCEPTED;
        if (r->v1_answered && r->v1_complete && !k) {
                struct finding *f = finding_add_about(fs, "isakmp-policy-mismatch", &dev, NULL);
                if (!f)
                        return -1;
                f->severity = SEV_WARNING; /* one side known: a candidate, not a verdict */
                if (finding_set_peer(fs, f, r->host) ||
                    finding_title(fs, f,
                                  "%s refuses every one of the %zu IKEv1 phase-1 proposals "
                                  "offered (%s): an IKEv1 peer must match one of its "
                                  "policies, which lie outside this set, or it takes no "
                                  "IKEv1 from this address",
                                  r->host, r->v1_offered, probe_notify_name(1, r->v1_notify, nb)) ||
                    evidence(fs, f, r, v1_refusal))
                        return -1;
        }
        return 0;
}
