/*
 * What both initiator engines share (initiator.h): defaults, the step
 * record, where a run stopped, and the neutral algorithm enums of
 * src/ike/vocab.h written back as each registry's wire numbers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../ike/vocab.h"
#include "initiator.h"

void ini_params_default(struct ini_params *p)
{
        *p = (struct ini_params){0};
        p->port = 500;
        p->natt = INI_NATT_AUTO;
        p->rekey = true;
        p->delete_at_end = true;
        p->rate = 10;
        p->max_packets = 60;
        p->max_time = 60;
        /* strongSwan's retransmission: 4 s, x1.8, 5 retries; a shorter first wait
         * and fewer tries keep a silent peer's verdict within a few seconds */
        p->retx = (struct live_retx){1.0, 2.0, 4};
        /* any protocol, any port: what a crypto ACL's "permit ip" is */
        p->traffic.proto = (struct range16){0, 255};
        p->traffic.sport = p->traffic.dport = (struct range16){0, 65535};
}

struct ini_step *ini_step(struct ini_result *r, const char *name, bool from_responder,
                          const char *fmt, ...)
{
        if (r->nsteps == INI_MAX_STEPS)
                return NULL;
        struct ini_step *s = &r->steps[r->nsteps++];
        *s = (struct ini_step){.from_responder = from_responder, .ok = true};
        snprintf(s->name, sizeof(s->name), "%s", name);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->detail, sizeof(s->detail), fmt, ap);
        va_end(ap);
        return s;
}

void ini_stop(struct ini_result *r, enum ini_phase ph, enum ini_stop st, const char *fmt, ...)
{
        r->phase = ph;
        r->stop = st;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->why, sizeof(r->why), fmt, ap);
        va_end(ap);
}

void ini_stop_live(struct ini_result *r, enum ini_phase ph, const struct live_result *lr)
{
        switch (lr->outcome) {
        case LIVE_ICMP:
                r->icmp_origin = lr->icmp_origin;
                r->icmp_type = lr->icmp_type;
                r->icmp_code = lr->icmp_code;
                ini_stop(r, ph, INI_STOP_ICMP, "ICMP %s",
                         live_icmp_name(lr->icmp_origin, lr->icmp_type, lr->icmp_code));
                break;
        case LIVE_SILENT:
                ini_stop(r, ph, INI_STOP_SILENT, "no answer after %u transmissions", lr->sends);
                break;
        case LIVE_BUDGET:
                r->budget_hit = true;
                ini_stop(r, ph, INI_STOP_BUDGET, "the packet or time bound was reached");
                break;
        case LIVE_FAILED:
                ini_stop(r, ph, INI_STOP_LOCAL, "local socket error: %s", strerror(lr->err));
                break;
        case LIVE_ANSWERED:
                break;
        }
}

/* ---- neutral enums -> wire numbers -------------------------------------- */

uint16_t ini_v1_encr(enum ike_encr e)
{
        switch (e) {
        case ENCR_DES:
                return IKEV1_ENCR_DES_CBC;
        case ENCR_3DES:
                return IKEV1_ENCR_3DES_CBC;
        case ENCR_AES:
                return IKEV1_ENCR_AES_CBC;
        default:
                return 0; /* IKEv1 phase 1 has no GCM (RFC 2409 App. A, IANA) */
        }
}

uint16_t ini_v1_hash(enum ike_hash h)
{
        switch (h) {
        case HASH_MD5:
                return IKEV1_HASH_MD5;
        case HASH_SHA1:
                return IKEV1_HASH_SHA;
        case HASH_SHA256:
                return IKEV1_HASH_SHA2_256;
        case HASH_SHA384:
                return IKEV1_HASH_SHA2_384;
        case HASH_SHA512:
                return IKEV1_HASH_SHA2_512;
        default:
                return 0;
        }
}

uint16_t ini_v2_encr(enum ike_encr e)
{
        switch (e) {
        case ENCR_DES:
                return IKEV2_ENCR_DES;
        case ENCR_3DES:
                return IKEV2_ENCR_3DES;
        case ENCR_AES:
                return IKEV2_ENCR_AES_CBC;
        case ENCR_AES_GCM:
                return IKEV2_ENCR_AES_GCM_16; /* Cisco's "aes-gcm-N" is the 16-octet ICV */
        case ENCR_NULL:
                return IKEV2_ENCR_NULL;
        default:
                return 0;
        }
}

uint16_t ini_v2_integ(enum ike_hash h)
{
        switch (h) {
        case HASH_MD5:
                return IKEV2_INTEG_HMAC_MD5_96;
        case HASH_SHA1:
                return IKEV2_INTEG_HMAC_SHA1_96;
        case HASH_SHA256:
                return IKEV2_INTEG_HMAC_SHA2_256_128;
        case HASH_SHA384:
                return IKEV2_INTEG_HMAC_SHA2_384_192;
        case HASH_SHA512:
                return IKEV2_INTEG_HMAC_SHA2_512_256;
        default:
                return 0;
        }
}

uint16_t ini_v2_prf(enum ike_hash h)
{
        switch (h) {
        case HASH_MD5:
                return IKEV2_PRF_HMAC_MD5;
        case HASH_SHA1:
                return IKEV2_PRF_HMAC_SHA1;
        case HASH_SHA256:
                return IKEV2_PRF_HMAC_SHA2_256;
        case HASH_SHA384:
                return IKEV2_PRF_HMAC_SHA2_384;
        case HASH_SHA512:
                return IKEV2_PRF_HMAC_SHA2_512;
        default:
                return 0;
        }
}

uint16_t ini_esp_id(enum ike_encr e)
{
        switch (e) {
        case ENCR_DES:
                return ESP_ID_DES;
        case ENCR_3DES:
                return ESP_ID_3DES;
        case ENCR_AES:
                return ESP_ID_AES_CBC;
        case ENCR_AES_GCM:
                return ESP_ID_AES_GCM_16;
        case ENCR_AES_GMAC:
                return ESP_ID_NULL_AUTH_AES_GMAC;
        case ENCR_NULL:
                return ESP_ID_NULL;
        default:
                return 0;
        }
}

uint16_t ini_ipsec_auth(enum ike_hash h)
{
        switch (h) {
        case HASH_MD5:
                return IPSEC_AUTH_HMAC_MD5;
        case HASH_SHA1:
                return IPSEC_AUTH_HMAC_SHA;
        case HASH_SHA256:
                return IPSEC_AUTH_HMAC_SHA2_256;
        case HASH_SHA384:
                return IPSEC_AUTH_HMAC_SHA2_384;
        case HASH_SHA512:
                return IPSEC_AUTH_HMAC_SHA2_512;
        default:
                return 0;
        }
}

const char *ini_encr_text(enum ike_encr e, int bits)
{
        switch (e) {
        case ENCR_DES:
                return "DES";
        case ENCR_3DES:
                return "3DES";
        case ENCR_AES:
                return bits == 128 ? "AES-CBC-128" : bits == 192 ? "AES-CBC-192" : "AES-CBC-256";
        case ENCR_AES_GCM:
                return bits == 128 ? "AES-GCM-128" : bits == 192 ? "AES-GCM-192" : "AES-GCM-256";
        case ENCR_AES_GMAC:
                return "AES-GMAC";
        case ENCR_NULL:
                return "NULL";
        default:
                return "?";
        }
}

const char *ini_hash_text(enum ike_hash h)
{
        switch (h) {
        case HASH_NONE:
                return "none";
        case HASH_MD5:
                return "MD5";
        case HASH_SHA1:
                return "SHA1";
        case HASH_SHA256:
                return "SHA2-256";
        case HASH_SHA384:
                return "SHA2-384";
        case HASH_SHA512:
                return "SHA2-512";
        default:
                return "?";
        }
}
