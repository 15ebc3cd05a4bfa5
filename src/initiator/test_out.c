/*
 * test's output (test_out.h). The algorithm names of the key file are
 * Wireshark's UAT choices (packet-isakmp.c's ikev2 tables, packet-esp.c's
 * esp_sa; as in ../shared/captures/keys), which src/keys/algnames.c reads.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ike/vocab.h"
#include "../util/ipv4.h"
#include "../wire/ike.h"
#include "test_out.h"

static const char *phase_name(enum ini_phase ph)
{
        static const char *const n[] = {"none", "reach", "ike", "auth", "child", "rekey", "delete"};
        return (unsigned)ph < sizeof(n) / sizeof(n[0]) ? n[ph] : "?";
}

static void box_text(const struct flowbox *b, char *out, size_t n)
{
        char a[16], c[16], d[16], e[16];
        snprintf(out, n, "%s-%s -> %s-%s", ipv4_str(b->src.lo, a), ipv4_str(b->src.hi, c),
                 ipv4_str(b->dst.lo, d), ipv4_str(b->dst.hi, e));
}

static void ike_text(const struct ini_result *r, char *out, size_t n)
{
        if (r->version == 2) {
                const struct v2_choice *c = &r->ike2_chosen;
                snprintf(out, n, "%s, PRF %s, integrity %s, DH group %d",
                         ini_encr_text(c->encr, c->key_bits), ini_hash_text(c->prf),
                         ini_hash_text(c->integ), c->group);
        } else {
                const struct p1_prop *c = &r->ike1_chosen;
                snprintf(out, n, "%s, %s, DH group %d, lifetime %u s",
                         ini_encr_text(c->encr, c->key_bits), ini_hash_text(c->hash), c->group,
                         (unsigned)(r->ike_life ? r->ike_life : c->lifetime));
        }
}

void ini_text(FILE *f, const struct ini_params *p, const struct ini_result *r,
              const char *keys_file)
{
        char b[200], t[120];
        box_text(&p->traffic, t, sizeof(t));
        fprintf(f, "test %s: IKEv%d, PSK, traffic %s\n", r->host, r->version, t);
        if (r->ike_up || r->ike2_chosen.ok) {
                ike_text(r, b, sizeof(b));
                fprintf(f, "  IKE SA:   %s%s\n", b,
                        r->ike_up ? "" : " (chosen; not authenticated)");
        }
        if (r->peer_id[0])
                fprintf(f, "  peer ID:  %s\n", r->peer_id);
        if (r->child_up) {
                box_text(&r->ts_local, t, sizeof(t));
                fprintf(f, "  %s: ESP %s/%s, SPIs %08x (in) %08x (out), selectors %s%s\n",
                        r->version == 2 ? "Child SA" : "IPsec SA",
                        ini_encr_text(r->esp_chosen.encr, r->esp_chosen.key_bits),
                        ini_hash_text(r->esp_chosen.hash), r->spi_in, r->spi_out, t,
                        r->ts_narrowed ? " (narrowed by the responder)" : "");
        }
        if (r->rekey_tried)
                fprintf(f, "  rekey:    %s (PFS %s)\n", r->rekey_ok ? "accepted" : "refused",
                        p->pfs ? "on" : "off");
        /* NAT-D (RFC 7296 2.23): a responder may also fake its own hash to force
         * UDP encapsulation (strongSwan with kernel-libipsec or encap=yes) */
        if (r->nat_local || r->nat_remote)
                fprintf(f, "  NAT-D:    %s%s%s\n",
                        r->nat_local ? "a NAT changes this host's address or port" : "",
                        r->nat_local && r->nat_remote ? "; " : "",
                        r->nat_remote ? "the responder's hash does not match its address (a NAT "
                                        "in front of it, or it forces UDP encapsulation)"
                                      : "");
        if (r->floated)
                fprintf(f, "  moved to UDP 4500 (NAT traversal)\n");
        if (r->cookies || r->ke_hint)
                fprintf(f, "  responder asked: %u cookie(s)%s%d\n", r->cookies,
                        r->ke_hint ? ", DH group " : "", r->ke_hint);
        fprintf(f, "  %u packets sent, %u round trips, %.2f s%s\n", r->sent, r->round_trips,
                r->seconds, r->budget_hit ? " (stopped by a limit)" : "");
        if (keys_file && r->nkeys)
                fprintf(f, "  keys written to %s (%zu SAs)\n", keys_file, r->nkeys);
        fputc('\n', f);
}

json_t *ini_json(const struct ini_params *p, const struct ini_result *r, const char *keys_file)
{
        json_t *o = json_object();
        char b[200];
        json_object_set_new(o, "host", json_string(r->host));
        json_object_set_new(o, "ike_version", json_integer(r->version));
        json_object_set_new(o, "stopped_at", json_string(phase_name(r->phase)));
        if (r->stop == INI_STOP_NOTIFY) {
                const char *n = ike_notify_name(r->version, r->stop_notify);
                json_object_set_new(o, "notify", n ? json_string(n) : json_integer(r->stop_notify));
                json_object_set_new(o, "notify_encrypted", json_boolean(r->notify_encrypted));
        }
        if (r->why[0])
                json_object_set_new(o, "why", json_string(r->why));
        json_object_set_new(o, "ike_up", json_boolean(r->ike_up));
        if (r->ike_up || r->ike2_chosen.ok) {
                ike_text(r, b, sizeof(b));
                json_object_set_new(o, "ike_sa", json_string(b));
        }
        if (r->peer_id[0])
                json_object_set_new(o, "peer_id", json_string(r->peer_id));
        json_object_set_new(o, "child_up", json_boolean(r->child_up));
        if (r->child_up) {
                snprintf(b, sizeof(b), "%s/%s",
                         ini_encr_text(r->esp_chosen.encr, r->esp_chosen.key_bits),
                         ini_hash_text(r->esp_chosen.hash));
                json_object_set_new(o, "esp", json_string(b));
                box_text(&r->ts_local, b, sizeof(b));
                json_object_set_new(o, "selectors", json_string(b));
                json_object_set_new(o, "narrowed", json_boolean(r->ts_narrowed));
        }
        if (r->rekey_tried)
                json_object_set_new(o, "rekey", json_string(r->rekey_ok ? "accepted" : "refused"));
        json_object_set_new(o, "pfs_group", json_integer(p->pfs));
        json_object_set_new(o, "nat_local", json_boolean(r->nat_local));
        json_object_set_new(o, "nat_remote", json_boolean(r->nat_remote));
        json_object_set_new(o, "floated", json_boolean(r->floated));
        json_object_set_new(o, "cookies", json_integer(r->cookies));
        if (r->ke_hint)
                json_object_set_new(o, "invalid_ke_hint", json_integer(r->ke_hint));
        json_object_set_new(o, "deleted", json_boolean(r->deleted));
        json_object_set_new(o, "packets_sent", json_integer(r->sent));
        json_object_set_new(o, "round_trips", json_integer(r->round_trips));
        json_object_set_new(o, "ignored_datagrams", json_integer(r->ignored));
        json_object_set_new(o, "stopped_by_limit", json_boolean(r->budget_hit));
        if (keys_file && r->nkeys)
                json_object_set_new(o, "keys_file", json_string(keys_file));
        json_t *st = json_array();
        for (size_t i = 0; i < r->nsteps; i++) {
                const struct ini_step *s = &r->steps[i];
                json_t *j = json_object();
                json_object_set_new(j, "step", json_string(s->name));
                json_object_set_new(j, "from",
                                    json_string(s->from_responder ? "responder" : "initiator"));
                json_object_set_new(j, "detail", json_string(s->detail));
                if (!s->from_responder) {
                        json_object_set_new(j, "result",
                                            json_string(live_outcome_name(s->outcome)));
                        json_object_set_new(j, "transmissions", json_integer(s->sends));
                }
                json_object_set_new(j, "port", json_integer(s->port));
                if (s->encrypted)
                        json_object_set_new(j, "decrypted", json_boolean(s->decrypted));
                json_array_append_new(st, j);
        }
        json_object_set_new(o, "steps", st);
        return o;
}

/* ---- the key file ------------------------------------------------------- */

static void hex(FILE *f, const uint8_t *p, size_t n)
{
        for (size_t i = 0; i < n; i++)
                fprintf(f, "%02x", p[i]);
}

static const char *v2_encr_ws(unsigned id, unsigned bits, char *b, size_t n)
{
        if (id == IKEV2_ENCR_3DES)
                return "3DES [RFC2451]";
        if (id == IKEV2_ENCR_AES_CBC)
                snprintf(b, n, "AES-CBC-%u [RFC3602]", bits);
        else if (id == IKEV2_ENCR_AES_GCM_16)
                snprintf(b, n, "AES-GCM-%u with 16 octet ICV [RFC5282]", bits);
        else
                return NULL;
        return b;
}

static const char *v2_integ_ws(unsigned id)
{
        switch (id) {
        case 0:
                return "NONE [RFC4306]";
        case IKEV2_INTEG_HMAC_MD5_96:
                return "HMAC_MD5_96 [RFC2403]";
        case IKEV2_INTEG_HMAC_SHA1_96:
                return "HMAC_SHA1_96 [RFC2404]";
        case IKEV2_INTEG_HMAC_SHA2_256_128:
                return "HMAC_SHA2_256_128 [RFC4868]";
        case IKEV2_INTEG_HMAC_SHA2_384_192:
                return "HMAC_SHA2_384_192 [RFC4868]";
        case IKEV2_INTEG_HMAC_SHA2_512_256:
                return "HMAC_SHA2_512_256 [RFC4868]";
        default:
                return NULL;
        }
}

static const char *esp_encr_ws(unsigned id)
{
        switch (id) {
        case ESP_ID_3DES:
                return "TripleDES-CBC [RFC2451]";
        case ESP_ID_AES_CBC:
                return "AES-CBC [RFC3602]";
        case ESP_ID_AES_GCM_16:
                return "AES-GCM with 16 octet ICV [RFC4106]";
        case ESP_ID_NULL:
                return "NULL";
        default:
                return NULL;
        }
}

static const char *esp_auth_ws(unsigned id)
{
        switch (id) {
        case 0:
                return "NULL";
        case IKEV2_INTEG_HMAC_MD5_96:
                return "HMAC-MD5-96 [RFC2403]";
        case IKEV2_INTEG_HMAC_SHA1_96:
                return "HMAC-SHA-1-96 [RFC2404]";
        case IKEV2_INTEG_HMAC_SHA2_256_128:
                return "HMAC-SHA-256-128 [RFC4868]";
        case IKEV2_INTEG_HMAC_SHA2_384_192:
                return "HMAC-SHA-384-192 [RFC4868]";
        case IKEV2_INTEG_HMAC_SHA2_512_256:
                return "HMAC-SHA-512-256 [RFC4868]";
        default:
                return NULL;
        }
}

int ini_keys_records(FILE *f, const struct ini_result *r)
{
        fprintf(f,
                "# ipsec-doctor test %s: Wireshark decryption tables. Lines of 2 fields belong\n"
                "# in ikev1_decryption_table, of 8 unquoted-first in ikev2_decryption_table,\n"
                "# quoted-first in esp_sa. `ipsec-doctor capture --keys` reads this file whole.\n",
                r->host);
        for (size_t i = 0; i < r->nkeys; i++) {
                const struct key_entry *k = &r->keys[i];
                char b[64];
                if (k->kind == KEY_IKEV1) {
                        hex(f, k->ispi, 8);
                        fputc(',', f);
                        hex(f, k->ka.b, k->ka.len);
                        fputc('\n', f);
                } else if (k->kind == KEY_IKEV2) {
                        const char *e = v2_encr_ws(k->encr, k->encr_bits, b, sizeof(b));
                        const char *a = v2_integ_ws(k->integ);
                        if (!e || !a)
                                continue;
                        hex(f, k->ispi, 8);
                        fputc(',', f);
                        hex(f, k->rspi, 8);
                        fputc(',', f);
                        hex(f, k->sk_ei.b, k->sk_ei.len);
                        fputc(',', f);
                        hex(f, k->sk_er.b, k->sk_er.len);
                        fprintf(f, ",\"%s\",", e);
                        hex(f, k->sk_ai.b, k->sk_ai.len);
                        fputc(',', f);
                        hex(f, k->sk_ar.b, k->sk_ar.len);
                        fprintf(f, ",\"%s\"\n", a);
                } else {
                        const char *e = esp_encr_ws(k->encr), *a = esp_auth_ws(k->integ);
                        char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
                        int af = k->af == 6 ? AF_INET6 : AF_INET;
                        if (!e || !a || !inet_ntop(af, k->src, s, sizeof(s)) ||
                            !inet_ntop(af, k->dst, d, sizeof(d)))
                                continue;
                        fprintf(f, "\"IPv%d\",\"%s\",\"%s\",\"0x%08x\",\"%s\",\"0x", k->af, s, d,
                                k->spi, e);
                        hex(f, k->ek.b, k->ek.len);
                        fprintf(f, "\",\"%s\",\"0x", a);
                        hex(f, k->ak.b, k->ak.len);
                        fprintf(f, "\"\n");
                }
        }
        return ferror(f) ? -1 : 0;
}

int ini_keys_write(const char *path, const struct ini_result *r, struct diag *d)
{
        size_t n = strlen(path);
        char *tmp = malloc(n + 16);
        if (!tmp) {
                diag_set(d, path, 0, "out of memory");
                return -1;
        }
        snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
        int fd = mkstemp(tmp);
        if (fd < 0) {
                diag_set(d, path, 0, "%s", strerror(errno));
                free(tmp);
                return -1;
        }
        (void)fchmod(fd, 0600); /* keys: the owner only */
        FILE *f = fdopen(fd, "w");
        int rc = -1;
        if (!f) {
                close(fd);
                diag_set(d, path, 0, "%s", strerror(errno));
        } else if (ini_keys_records(f, r) || fflush(f) || fsync(fileno(f))) {
                diag_set(d, path, 0, "cannot write: %s", strerror(errno));
                fclose(f);
        } else if (fclose(f)) {
                diag_set(d, path, 0, "cannot write: %s", strerror(errno));
        } else if (link(tmp, path)) { /* atomic, and never over an existing file */
                diag_set(d, path, 0, "%s", errno == EEXIST ? "the file exists" : strerror(errno));
        } else {
                rc = 0;
        }
        unlink(tmp);
        free(tmp);
        return rc;
}
