/*
 * The IKEv1 initiator engine on its own, for tests/peer/test_live_v1.py:
 * the parameters from the command line, the result as one JSON object
 * (no key, no PSK: the PSK is read from the environment variable named by
 * --psk-env). Not installed; `ipsec-doctor test` is the user's command.
 *
 * initiator_v1 HOST --psk-env VAR [--ike aes256-sha256-14,...]
 *   [--esp aes128-sha256,...] [--pfs G] [--local NET/LEN] [--remote NET/LEN]
 *   [--natt auto|force|off] [--no-delete] [--wait S] [--tries N]
 *   [--esp-life S] [--ike-life S]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <jansson.h>

#include "ike/vocab.h"
#include "initiator/initiator.h"

static enum ike_hash hash_of(const char *s)
{
        return !strcmp(s, "md5")      ? HASH_MD5
               : !strcmp(s, "sha1")   ? HASH_SHA1
               : !strcmp(s, "sha256") ? HASH_SHA256
               : !strcmp(s, "sha384") ? HASH_SHA384
               : !strcmp(s, "sha512") ? HASH_SHA512
               : !strcmp(s, "none")   ? HASH_NONE
                                      : HASH_OTHER;
}

static bool encr_of(const char *s, enum ike_encr *e, int *bits)
{
        if (!strncmp(s, "aes", 3) && !strstr(s, "gcm")) {
                *e = ENCR_AES;
                *bits = atoi(s + 3);
                return *bits == 128 || *bits == 192 || *bits == 256;
        }
        if (!strncmp(s, "aesgcm", 6)) {
                *e = ENCR_AES_GCM;
                *bits = atoi(s + 6);
                return true;
        }
        *bits = 0;
        if (!strcmp(s, "3des"))
                return *e = ENCR_3DES, true;
        if (!strcmp(s, "des"))
                return *e = ENCR_DES, true;
        return false;
}

static int net_of(const char *s, struct range32 *r)
{
        char a[64];
        snprintf(a, sizeof(a), "%s", s);
        char *slash = strchr(a, '/');
        int len = 32;
        if (slash) {
                *slash = '\0';
                len = atoi(slash + 1);
        }
        struct in_addr in;
        if (inet_pton(AF_INET, a, &in) != 1 || len < 0 || len > 32)
                return -1;
        uint32_t v = ntohl(in.s_addr), m = len ? ~0u << (32 - len) : 0;
        *r = (struct range32){v & m, (v & m) | ~m};
        return 0;
}

static int usage(const char *why)
{
        fprintf(stderr, "initiator_v1: %s\n", why);
        return 2;
}

int main(int argc, char **argv)
{
        static struct ini_params p;
        static struct ini_result r;
        ini_params_default(&p);
        p.traffic.proto = (struct range16){0, 255};
        p.traffic.sport = p.traffic.dport = (struct range16){0, 65535};
        net_of("10.1.0.0/16", &p.traffic.src);
        net_of("10.2.0.0/16", &p.traffic.dst);
        const char *ike = "aes128-sha256-14", *esp = "aes128-sha256";
        uint32_t ike_life = 0;
        for (int i = 1; i < argc; i++) {
                const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
                if (a[0] != '-') {
                        p.host = a;
                        continue;
                }
                if (!strcmp(a, "--no-delete")) {
                        p.delete_at_end = false;
                        continue;
                }
                if (!v)
                        return usage("an option lacks its value");
                i++;
                if (!strcmp(a, "--psk-env")) {
                        const char *k = getenv(v);
                        if (!k)
                                return usage("the PSK variable is not set");
                        p.psk = (const uint8_t *)k;
                        p.psk_len = strlen(k);
                } else if (!strcmp(a, "--ike"))
                        ike = v;
                else if (!strcmp(a, "--esp"))
                        esp = v;
                else if (!strcmp(a, "--pfs"))
                        p.pfs = atoi(v);
                else if (!strcmp(a, "--local")) {
                        if (net_of(v, &p.traffic.src))
                                return usage("bad --local");
                } else if (!strcmp(a, "--remote")) {
                        if (net_of(v, &p.traffic.dst))
                                return usage("bad --remote");
                } else if (!strcmp(a, "--natt"))
                        p.natt = !strcmp(v, "force") ? INI_NATT_FORCE
                                 : !strcmp(v, "off") ? INI_NATT_OFF
                                                     : INI_NATT_AUTO;
                else if (!strcmp(a, "--wait"))
                        p.retx.first_wait = atof(v);
                else if (!strcmp(a, "--tries"))
                        p.retx.tries = (unsigned)atoi(v);
                else if (!strcmp(a, "--esp-life"))
                        p.esp_life = (uint32_t)atol(v);
                else if (!strcmp(a, "--ike-life"))
                        ike_life = (uint32_t)atol(v);
                else
                        return usage("unknown option");
        }
        if (!p.host)
                return usage("no host");
        char buf[512];
        snprintf(buf, sizeof(buf), "%s", ike);
        for (char *s = strtok(buf, ","); s && p.nike1 < INI_MAX_PROPS; s = strtok(NULL, ",")) {
                char e[16], h[16];
                int g = 0;
                if (sscanf(s, "%15[^-]-%15[^-]-%d", e, h, &g) != 3)
                        return usage("bad --ike");
                struct p1_prop *q = &p.ike1[p.nike1++];
                if (!encr_of(e, &q->encr, &q->key_bits))
                        return usage("bad --ike cipher");
                q->hash = hash_of(h);
                q->auth = AUTH_PSK;
                q->group = g;
                q->lifetime = ike_life;
        }
        snprintf(buf, sizeof(buf), "%s", esp);
        for (char *s = strtok(buf, ","); s && p.nesp < INI_MAX_XF; s = strtok(NULL, ",")) {
                char e[16], h[16] = "none";
                if (sscanf(s, "%15[^-]-%15s", e, h) < 1)
                        return usage("bad --esp");
                struct p2_xform *x = &p.esp[p.nesp++];
                if (!encr_of(e, &x->encr, &x->key_bits))
                        return usage("bad --esp cipher");
                x->hash = hash_of(h);
                x->mode = 0;
        }
        int rc = initiator_run_v1(&p, &r);
        json_t *o = json_object();
        json_object_set_new(o, "rc", json_integer(rc));
        json_object_set_new(o, "error", json_string(r.error));
        json_object_set_new(o, "phase", json_integer(r.phase));
        json_object_set_new(o, "stop", json_integer(r.stop));
        json_object_set_new(o, "stop_notify", json_integer(r.stop_notify));
        json_object_set_new(o, "notify_encrypted", json_boolean(r.notify_encrypted));
        json_object_set_new(o, "why", json_string(r.why));
        json_object_set_new(o, "nat_local", json_boolean(r.nat_local));
        json_object_set_new(o, "nat_remote", json_boolean(r.nat_remote));
        json_object_set_new(o, "floated", json_boolean(r.floated));
        json_object_set_new(o, "ike_up", json_boolean(r.ike_up));
        json_object_set_new(o, "child_up", json_boolean(r.child_up));
        json_object_set_new(o, "deleted", json_boolean(r.deleted));
        json_object_set_new(o, "pfs_chosen", json_integer(r.pfs_chosen));
        json_object_set_new(o, "esp_life", json_integer(r.esp_life));
        json_object_set_new(o, "ike_life", json_integer(r.ike_life));
        json_object_set_new(o, "pfs_probe", json_integer(r.pfs_probe));
        json_object_set_new(o, "xauth_asked", json_boolean(r.xauth_asked));
        json_object_set_new(o, "ts_narrowed", json_boolean(r.ts_narrowed));
        json_object_set_new(o, "peer_id", json_string(r.peer_id));
        json_object_set_new(o, "spi_in", json_integer(r.spi_in));
        json_object_set_new(o, "spi_out", json_integer(r.spi_out));
        json_object_set_new(o, "nkeys", json_integer((json_int_t)r.nkeys));
        json_object_set_new(o, "sent", json_integer(r.sent));
        json_t *steps = json_array();
        for (size_t i = 0; i < r.nsteps; i++) {
                const struct ini_step *s = &r.steps[i];
                json_t *so = json_object(), *n = json_array();
                for (size_t k = 0; k < s->nnotify; k++)
                        json_array_append_new(n, json_integer(s->notify[k]));
                json_object_set_new(so, "name", json_string(s->name));
                json_object_set_new(so, "from_responder", json_boolean(s->from_responder));
                json_object_set_new(so, "detail", json_string(s->detail));
                json_object_set_new(so, "outcome", json_string(live_outcome_name(s->outcome)));
                json_object_set_new(so, "sends", json_integer(s->sends));
                json_object_set_new(so, "port", json_integer(s->port));
                json_object_set_new(so, "encrypted", json_boolean(s->encrypted));
                json_object_set_new(so, "decrypted", json_boolean(s->decrypted));
                json_object_set_new(so, "ok", json_boolean(s->ok));
                json_object_set_new(so, "notify", n);
                json_array_append_new(steps, so);
        }
        json_object_set_new(o, "steps", steps);
        char *out = json_dumps(o, JSON_INDENT(1));
        puts(out);
        free(out);
        json_decref(o);
        return rc ? 1 : 0;
}
