/*
 * test --config (from_config.h): the initiator's parameters as `tunnel`
 * builds them (negotiate/from_model.c's pair_build, with a stand-in for the
 * peer), and the device's side of the verdict.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "../checks/check.h"
#include "../config/config.h"
#include "../model/model.h"
#include "../util/ipv4.h"
#include "from_config.h"
#include "verdict.h"

int ini_from_config(const char *cfg, const char *peer, bool v1, bool v2, struct ini_params *p,
                    struct ini_config *c, struct diag *d)
{
        *c = (struct ini_config){0};
        if (!lex_ipv4(peer, &c->peer_addr)) {
                diag_set(d, cfg, 0, "--peer %s: the device model is IPv4: expected A.B.C.D", peer);
                return -1;
        }
        ipv4_str(c->peer_addr, c->peer_text);
        if (config_read(cfg, PLAT_UNKNOWN, &c->dev, d))
                return -1;
        /* the peer, of which there is no config: a device that holds its
         * address and nothing else, so that the responder side is empty and
         * only the initiator's side (ours) is read */
        char stand[128];
        int n = snprintf(stand, sizeof(stand),
                         "hostname peer\ninterface Peer0\n ip address %s 255.255.255.255\n",
                         c->peer_text);
        if (config_read_buffer("(peer)", stand, (size_t)n, PLAT_IOS, &c->peer, d))
                return -1;
        if (pair_build(&c->pair, c->dev, device_label(c->dev), c->peer, c->peer_text, NULL, NULL)) {
                diag_set(d, cfg, 0, "out of memory");
                return -1;
        }
        c->built = true;
        const struct side *a = &c->pair.s[0];
        if (!a->ini) {
                diag_set(d, cfg, 0, "%s would not initiate towards %s: %s", device_label(c->dev),
                         c->peer_text, a->no_traffic ? a->no_traffic : "no crypto map entry");
                return -1;
        }
        c->what = a->ini->what;
        bool ikev2 = v2 || (!v1 && a->ikev2);
        /* IKE proposals: the device's own, PSK ones only (this test signs with a
         * PSK) */
        p->nike1 = p->nike2 = 0;
        for (size_t i = 0; i < a->np1 && p->nike1 < INI_MAX_PROPS; i++)
                if (a->p1[i].auth == AUTH_PSK)
                        p->ike1[p->nike1++] = a->p1[i];
        for (size_t i = 0; i < a->nv2 && p->nike2 < INI_MAX_PROPS; i++)
                p->ike2[p->nike2++] = a->v2[i];
        if (ikev2 ? !p->nike2 : !p->nike1) {
                diag_set(d, cfg, 0, "%s has no %s proposal this test can offer towards %s",
                         device_label(c->dev), ikev2 ? "IKEv2" : "IKEv1 pre-shared-key",
                         c->peer_text);
                return -1;
        }
        p->nesp = 0;
        for (size_t i = 0; i < a->ini->nxf && p->nesp < INI_MAX_XF; i++)
                p->esp[p->nesp++] = a->ini->xf[i];
        if (!p->nesp) {
                diag_set(d, cfg, 0, "%s (%s) has no transform set", device_label(c->dev), c->what);
                return -1;
        }
        p->pfs = a->ini->pfs;
        p->esp_life = a->ini->life_sec;
        p->traffic = a->proposal;
        /* the key: compared by digest only (util/secret.h) */
        struct secret given;
        secret_set(&given, (const char *)p->psk, p->psk_len);
        const struct secret *mine = ikev2 ? &a->v2auth.local_key : &a->key;
        c->key_in_config = mine->state != SECRET_ABSENT;
        c->key = secret_compare(&given, mine);
        c->key_loc = ikev2 ? (a->v2_local_psk ? &a->v2_local_psk->loc : NULL)
                           : (a->psk ? &a->psk->loc : NULL);
        return ikev2 ? 2 : 1;
}

void ini_config_free(struct ini_config *c)
{
        if (c->built)
                pair_free(&c->pair);
        model_free(c->peer);
        model_free(c->dev);
        *c = (struct ini_config){0};
}

/* The line of the device that the diagnosis is about. */
static const struct loc *loc_for(const struct ini_config *c, const struct ini_result *r,
                                 const char *id)
{
        const struct side *a = &c->pair.s[0];
        if (!strcmp(id, "psk-mismatch"))
                return c->key_loc;
        if (!strcmp(id, "isakmp-policy-mismatch"))
                return r->version == 2                     ? a->v2_policy_loc
                       : a->np1 && a->p1src && a->p1src[0] ? &a->p1src[0]->loc
                                                           : NULL;
        if (!strcmp(id, "transform-set-mismatch") || !strcmp(id, "pfs-mismatch"))
                return a->ini ? a->ini->loc : NULL;
        if (!strcmp(id, "crypto-acl-not-mirrored"))
                return a->proposal_ace ? &a->proposal_ace->loc : NULL;
        return NULL;
}

/* Config checks of the device that concern what this test used: a finding
 * about the peer, or on one of the lines the test read. */
static bool concerns(const struct ini_config *c, const struct finding *f)
{
        const struct side *a = &c->pair.s[0];
        if (f->peer && !strcmp(f->peer, c->peer_text))
                return true;
        const struct loc *lines[4] = {a->ini ? a->ini->loc : NULL,
                                      a->proposal_ace ? &a->proposal_ace->loc : NULL, c->key_loc,
                                      a->np1 && a->p1src && a->p1src[0] ? &a->p1src[0]->loc : NULL};
        for (size_t i = 0; i < 4; i++)
                if (lines[i] && f->line == lines[i]->line && f->file && lines[i]->file &&
                    !strcmp(f->file, lines[i]->file))
                        return true;
        return false;
}

int ini_config_findings(struct ini_config *c, const struct ini_result *r, struct findings *fs,
                        size_t first)
{
        const char *id = ini_diagnosis(r);
        if (id && fs->list.n > first) {
                struct finding *f = fs->list.v[first];
                const struct loc *l = loc_for(c, r, id);
                /* the finding is about the device's line, with its file and line */
                if (l) {
                        struct subject s = subject_of(c->dev);
                        f->device = s.label;
                        f->file = l->file ? l->file : s.file;
                        f->line = l->line;
                        if (finding_evidence(fs, f, l))
                                return -1;
                }
                /* a fix only where it needs nothing of the peer's: the key (the
                 * same on both ends; the placeholder is typed, never printed) */
                if (!strcmp(id, "psk-mismatch")) {
                        struct check_ctx cc = {c->dev, fs, id};
                        const char *vars[] = {"peer", c->peer_text, NULL};
                        if (check_fix(&cc, f, vars))
                                return -1;
                }
        }
        /* the device's own config checks about this peer and these lines */
        struct findings tmp;
        findings_init(&tmp);
        for (size_t i = 0; i < check_count(); i++) {
                const struct check *k = check_at(i);
                struct check_ctx cc = {c->dev, &tmp, k->id};
                if (k->fn(&cc)) {
                        findings_free(&tmp);
                        return -1;
                }
        }
        int rc = 0;
        for (size_t i = 0; i < tmp.list.n && !rc; i++) {
                struct finding *f = tmp.list.v[i];
                if (!concerns(c, f) || (id && !strcmp(f->diag->id, id)))
                        continue;
                struct subject s = subject_of(c->dev);
                const struct loc l = {f->file, f->line, f->nev ? f->ev[0].text : ""};
                struct finding *g = finding_add_about(fs, f->diag->id, &s, f->line ? &l : NULL);
                if (!g || (f->peer && finding_set_peer(fs, g, f->peer)) ||
                    finding_title(fs, g, "%s", f->title)) {
                        rc = -1;
                        break;
                }
                g->severity = f->severity;
                for (size_t k = 0; k < f->nfixes && !rc; k++)
                        rc = finding_fix_lines_about(fs, g, &s, f->fixes[k].commands,
                                                     f->fixes[k].ncommands, f->fixes[k].warning);
        }
        findings_free(&tmp);
        return rc;
}

static const char *key_text(const struct ini_config *c)
{
        if (!c->key_in_config)
                return "the config holds no key for this peer";
        switch (c->key) {
        case SECRET_CMP_EQUAL:
                return "the key given is the config's key for this peer";
        case SECRET_CMP_DIFFERENT:
                return "the key given differs from the config's key for this peer (the test used "
                       "the key given)";
        default:
                return "the config's key is masked or encrypted: not compared";
        }
}

void ini_config_text(FILE *f, const struct ini_config *c)
{
        fprintf(f, "as %s would initiate to %s: %s\n  key:      %s\n", device_label(c->dev),
                c->peer_text, c->what ? c->what : "?", key_text(c));
}

json_t *ini_config_json(const struct ini_config *c)
{
        json_t *o = json_object();
        json_object_set_new(o, "device", json_string(device_label(c->dev)));
        json_object_set_new(o, "peer", json_string(c->peer_text));
        if (c->what)
                json_object_set_new(o, "initiates_with", json_string(c->what));
        json_object_set_new(o, "key",
                            json_string(!c->key_in_config                ? "none-in-config"
                                        : c->key == SECRET_CMP_EQUAL     ? "same"
                                        : c->key == SECRET_CMP_DIFFERENT ? "different"
                                                                         : "not-compared"));
        return o;
}
