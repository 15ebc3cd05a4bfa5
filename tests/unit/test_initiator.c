/*
 * test's pure parts (src/initiator/): the proposal strings, the SK payload
 * sealed and opened (AES-CBC + HMAC and AES-GCM; a flipped bit, another
 * SPI, a request), the PSK AUTH value against an independent computation
 * (Python's hmac over the same inputs; charon accepting and answering it is
 * the real-peer check, tests/peer/test_live.py), the --keys file read back
 * by capture's key loader, and the verdict's status and ID for each place
 * a negotiation stops.
 */
#include "test_util.h"

#include <stdlib.h>
#include <string.h>

#include "initiator/initiator.h"
#include "initiator/proposal.h"
#include "initiator/test_out.h"
#include "initiator/v2_msg.h"
#include "initiator/verdict.h"
#include "keys/keys.h"
#include "wire/build.h"

static void parse_ike(void **state)
{
        (void)state;
        struct ini_params p;
        char err[160];
        ini_params_default(&p);
        assert_int_equal(ini_parse_ike("aes256-sha256-modp2048,aes128gcm16-prfsha384-ecp256", &p,
                                       err, sizeof(err)),
                         0);
        assert_int_equal(p.nike2, 2);
        assert_int_equal(p.ike2[0].encr[0], ENCR_AES);
        assert_int_equal(p.ike2[0].key_bits[0], 256);
        assert_int_equal(p.ike2[0].ninteg, 1);
        assert_int_equal(p.ike2[0].integ[0], HASH_SHA256);
        assert_int_equal(p.ike2[0].nprf, 0); /* the integrity's hash is the PRF */
        assert_int_equal(p.ike2[0].groups[0], 14);
        assert_int_equal(p.ike2[1].encr[0], ENCR_AES_GCM);
        assert_int_equal(p.ike2[1].ninteg, 0);
        assert_int_equal(p.ike2[1].prf[0], HASH_SHA384);
        assert_int_equal(p.ike2[1].groups[0], 19);
        /* IKEv1: one transform per combination; GCM is not an IKEv1 cipher */
        assert_int_equal(p.nike1, 1);
        assert_int_equal(p.ike1[0].auth, AUTH_PSK);
        assert_int_equal(
            ini_parse_ike("aes128-aes256-sha1-sha256-modp1024-ecp384", &p, err, sizeof(err)), 0);
        assert_int_equal(p.nike1, 8);
        assert_int_equal(ini_parse_ike("aes256-modp2048", &p, err, sizeof(err)), -1);
        assert_non_null(strstr(err, "needs"));
        assert_int_equal(ini_parse_ike("aes256-sha256-blowfish", &p, err, sizeof(err)), -1);
        assert_non_null(strstr(err, "blowfish"));
        assert_int_equal(ini_parse_ike("", &p, err, sizeof(err)), -1);
}

static void parse_esp_group_net(void **state)
{
        (void)state;
        struct ini_params p;
        char err[160];
        ini_params_default(&p);
        assert_int_equal(ini_parse_esp("aes256-sha256-modp2048,aes128gcm16", &p, err, sizeof(err)),
                         0);
        assert_int_equal(p.nesp, 2);
        assert_int_equal(p.pfs, 14);
        assert_int_equal(p.esp[1].encr, ENCR_AES_GCM);
        assert_int_equal(p.esp[1].hash, HASH_NONE);
        assert_int_equal(ini_parse_esp("aes256", &p, err, sizeof(err)), -1);
        assert_int_equal(ini_parse_group("group14"), 14);
        assert_int_equal(ini_parse_group("ecp384"), 20);
        assert_int_equal(ini_parse_group("none"), 0);
        assert_int_equal(ini_parse_group("group99"), -1);
        assert_int_equal(ini_parse_net("10.1.0.0/16", &p, true, err, sizeof(err)), 0);
        assert_int_equal(p.traffic.src.lo, 0x0a010000);
        assert_int_equal(p.traffic.src.hi, 0x0a01ffff);
        assert_int_equal(ini_parse_net("10.2.3.4", &p, false, err, sizeof(err)), 0);
        assert_int_equal(p.traffic.dst.lo, p.traffic.dst.hi);
        assert_int_equal(ini_parse_net("10.2.3.4/33", &p, false, err, sizeof(err)), -1);
        /* defaults: any protocol and port, as "permit ip" */
        assert_int_equal(p.traffic.proto.hi, 255);
        assert_int_equal(p.traffic.dport.hi, 65535);
}

/* Two views of one IKE SA: ours, and the responder's (its SK_e/SK_a are
 * our SK_er/SK_ar), so that a message the "responder" seals is one we open. */
static void sa_pair(struct v2_sa *mine, struct v2_sa *theirs, uint16_t encr, uint16_t bits,
                    uint16_t integ)
{
        memset(mine, 0, sizeof(*mine));
        memset(mine->spi_i, 0x11, 8);
        memset(mine->spi_r, 0x22, 8);
        mine->encr = encr, mine->encr_bits = bits, mine->integ = integ, mine->prf_id = 5;
        char why[80];
        assert_true(v2_sa_algs(mine, why, sizeof(why)));
        uint8_t gir[32], ni[32], nr[32];
        memset(gir, 0x33, sizeof(gir));
        memset(ni, 0x44, sizeof(ni));
        memset(nr, 0x55, sizeof(nr));
        assert_int_equal(v2_sa_derive(mine, gir, sizeof(gir), ni, sizeof(ni), nr, sizeof(nr)), 0);
        *theirs = *mine;
        memcpy(theirs->k.ei, mine->k.er, sizeof(mine->k.er));
        memcpy(theirs->k.ai, mine->k.ar, sizeof(mine->k.ar));
}

static size_t plain_answer(const struct v2_sa *sa, uint8_t flags, uint8_t *buf, size_t cap)
{
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, buf, cap);
        ike_wb_header(&w, 2, sa->spi_i, sa->spi_r, 35, flags, 1);
        uint8_t idr[8] = {1, 0, 0, 0, 198, 51, 100, 2};
        ike_wb_raw(&w, PL_V2_IDR, idr, sizeof(idr));
        ike_wb_notify(&w, 2, 0, 38 /* TS_UNACCEPTABLE */, NULL, 0, NULL, 0);
        assert_int_equal(ike_wb_finish(&w, &len), 0);
        return len;
}

static void seal_open(uint16_t encr, uint16_t bits, uint16_t integ)
{
        struct v2_sa mine, theirs;
        sa_pair(&mine, &theirs, encr, bits, integ);
        uint8_t plain[512], msg[1024], out[2048], iv[16];
        memset(iv, 0x66, sizeof(iv));
        size_t pl = plain_answer(&theirs, IKE_F_V2_RESPONSE, plain, sizeof(plain));
        size_t len = v2_seal(&theirs, plain, pl, iv, msg, sizeof(msg));
        assert_true(len > pl);
        struct v2_reply r;
        char why[128];
        assert_int_equal(v2_reply_read(msg, len, mine.spi_i, 35, 1, &mine, out, sizeof(out), &r,
                                       why, sizeof(why)),
                         0);
        assert_true(r.encrypted);
        assert_true(r.has_idr);
        assert_int_equal(r.idr.af, 4);
        assert_int_equal(v2_reply_error(&r), 38);
        /* another message ID or exchange: not the answer */
        assert_int_equal(v2_reply_read(msg, len, mine.spi_i, 35, 2, &mine, out, sizeof(out), &r,
                                       why, sizeof(why)),
                         1);
        assert_int_equal(v2_reply_read(msg, len, mine.spi_i, 36, 1, &mine, out, sizeof(out), &r,
                                       why, sizeof(why)),
                         1);
        /* a flipped bit anywhere: refused, before any plaintext is used */
        for (size_t i = 28; i < len; i += 7) {
                msg[i] ^= 0x01;
                int rc = v2_reply_read(msg, len, mine.spi_i, 35, 1, &mine, out, sizeof(out), &r,
                                       why, sizeof(why));
                assert_true(rc != 0);
                msg[i] ^= 0x01;
        }
        /* our own request reflected: no R flag, not the answer */
        pl = plain_answer(&theirs, IKE_F_V2_INITIATOR, plain, sizeof(plain));
        len = v2_seal(&theirs, plain, pl, iv, msg, sizeof(msg));
        assert_int_equal(v2_reply_read(msg, len, mine.spi_i, 35, 1, &mine, out, sizeof(out), &r,
                                       why, sizeof(why)),
                         1);
        /* too small an output buffer: nothing written past it */
        assert_int_equal(v2_seal(&theirs, plain, pl, iv, msg, 40), 0);
}

static void seal_open_cbc(void **state)
{
        (void)state;
        seal_open(12 /* AES-CBC */, 256, 12 /* HMAC-SHA2-256-128 */);
        seal_open(12, 128, 2 /* HMAC-SHA1-96 */);
        seal_open(3 /* 3DES */, 0, 14 /* HMAC-SHA2-512-256 */);
}

static void seal_open_gcm(void **state)
{
        (void)state;
        seal_open(20 /* AES-GCM-16 */, 256, 0);
        seal_open(20, 128, 0);
}

static void psk_auth_kat(void **state)
{
        (void)state;
        /* prf = HMAC-SHA2-256; computed independently:
         * key = HMAC(psk, "Key Pad for IKEv2"); mac = HMAC(SK_p, IDbody);
         * AUTH = HMAC(key, msg | nonce | mac) (RFC 7296 2.15) */
        static const uint8_t want[32] = {0xb2, 0x0a, 0xa1, 0x51, 0x9e, 0x3d, 0x6d, 0x7b,
                                         0x0a, 0x20, 0x36, 0x3d, 0x81, 0x0a, 0xb0, 0x6c,
                                         0x00, 0xbb, 0xc5, 0x0c, 0xba, 0xbd, 0xbb, 0x54,
                                         0x30, 0x00, 0xba, 0x00, 0x4a, 0x88, 0x73, 0xb6};
        uint8_t msg[40], nonce[16], skp[32], out[64];
        const uint8_t idb[8] = {1, 0, 0, 0, 198, 51, 100, 1};
        for (int i = 0; i < 40; i++)
                msg[i] = (uint8_t)i;
        memset(nonce, 0xaa, sizeof(nonce));
        memset(skp, 0x11, sizeof(skp));
        const char *psk = "h16a-kat-secret";
        assert_int_equal(v2_psk_auth(CH_SHA256, (const uint8_t *)psk, strlen(psk), msg, 40, nonce,
                                     16, skp, 32, idb, 8, out),
                         0);
        assert_memory_equal(out, want, 32);
}

static void keys_roundtrip(void **state)
{
        (void)state;
        struct ini_result *r = calloc(1, sizeof(*r));
        assert_non_null(r);
        snprintf(r->host, sizeof(r->host), "198.51.100.2");
        struct key_entry *k = &r->keys[r->nkeys++];
        *k = (struct key_entry){
            .kind = KEY_IKEV2, .bound = true, .encr = 12, .encr_bits = 256, .integ = 12};
        memset(k->ispi, 0x11, 8);
        memset(k->rspi, 0x22, 8);
        k->sk_ei.len = k->sk_er.len = 32;
        memset(k->sk_ei.b, 0xa1, 32);
        memset(k->sk_er.b, 0xa2, 32);
        k->sk_ai.len = k->sk_ar.len = 32;
        memset(k->sk_ai.b, 0xb1, 32);
        memset(k->sk_ar.b, 0xb2, 32);
        k = &r->keys[r->nkeys++];
        *k = (struct key_entry){.kind = KEY_ESP,
                                .bound = true,
                                .af = 4,
                                .spi = 0xc0ffee01,
                                .encr = 20,
                                .encr_bits = 128,
                                .integ = 0};
        const uint8_t s[4] = {198, 51, 100, 1}, d[4] = {198, 51, 100, 2};
        memcpy(k->src, s, 4);
        memcpy(k->dst, d, 4);
        k->ek.len = 20;
        memset(k->ek.b, 0xc3, 20);
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        assert_non_null(f);
        assert_int_equal(ini_keys_records(f, r), 0);
        fclose(f);
        struct key_store ks;
        struct diag dg;
        keys_init(&ks);
        assert_int_equal(keys_parse(&ks, "keys.txt", text, len, &dg), 0);
        assert_int_equal(ks.n, 2);
        assert_int_equal(ks.v[0].kind, KEY_IKEV2);
        assert_memory_equal(ks.v[0].ispi, r->keys[0].ispi, 8);
        assert_memory_equal(ks.v[0].sk_er.b, r->keys[0].sk_er.b, 32);
        assert_int_equal(ks.v[0].encr, 12);
        assert_int_equal(ks.v[0].encr_bits, 256);
        assert_int_equal(ks.v[0].integ, 12);
        assert_int_equal(ks.v[1].kind, KEY_ESP);
        assert_int_equal(ks.v[1].spi, 0xc0ffee01);
        assert_int_equal(ks.v[1].encr, 20);
        assert_int_equal(ks.v[1].ek.len, 20);
        assert_memory_equal(ks.v[1].dst, d, 4);
        keys_free(&ks);
        free(text);
        free(r);
}

static void verdicts(void **state)
{
        (void)state;
        static const struct {
                int version;
                enum ini_phase ph;
                enum ini_stop st;
                uint16_t notify;
                bool floated, child_up, rekey_tried, rekey_ok;
                int icmp_type, icmp_code;
                enum tunnel_status want;
                const char *id;
                uint8_t method; /* the responder's AUTH method, IKEv2 3.8 */
                bool notify_encrypted;
                int pfs_probe;
                bool xauth;
        } t[] = {
            {2, INI_PH_REACH, INI_STOP_SILENT, 0, false, false, false, false, 0, 0, TUN_NO_RESPONSE,
             "ike-esp-blocked"},
            {2, INI_PH_REACH, INI_STOP_ICMP, 0, false, false, false, false, 3, 3, TUN_NO_RESPONSE,
             "isakmp-not-enabled"},
            {2, INI_PH_REACH, INI_STOP_ICMP, 0, false, false, false, false, 3, 13, TUN_NO_RESPONSE,
             "ike-esp-blocked"},
            {2, INI_PH_IKE, INI_STOP_NOTIFY, 14, false, false, false, false, 0, 0,
             TUN_P1_NO_PROPOSAL, "isakmp-policy-mismatch"},
            {2, INI_PH_IKE, INI_STOP_NOTIFY, 17, false, false, false, false, 0, 0,
             TUN_P1_NO_PROPOSAL, "isakmp-policy-mismatch"},
            {2, INI_PH_AUTH, INI_STOP_NOTIFY, 24, false, false, false, false, 0, 0,
             TUN_P1_AUTH_FAILED, "psk-mismatch"},
            {2, INI_PH_AUTH, INI_STOP_PEER_AUTH, 0, false, false, false, false, 0, 0,
             TUN_P1_AUTH_FAILED, "psk-mismatch"},
            /* it signs with RSA where a PSK was expected: the method, not the key */
            {2, INI_PH_AUTH, INI_STOP_PEER_AUTH, 0, false, false, false, false, 0, 0,
             TUN_P1_AUTH_FAILED, "ikev2-auth-failed", 1},
            /* IKEv2 IKE_AUTH unanswered proves nothing about the key; after the
             * move to 4500 it is the port */
            {2, INI_PH_AUTH, INI_STOP_SILENT, 0, false, false, false, false, 0, 0, TUN_UNDETERMINED,
             NULL},
            {2, INI_PH_AUTH, INI_STOP_SILENT, 0, true, false, false, false, 0, 0, TUN_NO_RESPONSE,
             "ike-esp-blocked"},
            /* IKEv1 MM5 unanswered: the key (RFC 2409 5) */
            {1, INI_PH_AUTH, INI_STOP_SILENT, 0, false, false, false, false, 0, 0,
             TUN_P1_AUTH_FAILED, "psk-mismatch"},
            {2, INI_PH_CHILD, INI_STOP_NOTIFY, 14, false, false, false, false, 0, 0,
             TUN_P2_NO_PROPOSAL, "transform-set-mismatch"},
            {2, INI_PH_CHILD, INI_STOP_NOTIFY, 38, false, false, false, false, 0, 0,
             TUN_P2_PROXY_MISMATCH, "crypto-acl-not-mirrored"},
            {1, INI_PH_CHILD, INI_STOP_NOTIFY, 18, false, false, false, false, 0, 0,
             TUN_P2_PROXY_MISMATCH, "crypto-acl-not-mirrored"},
            {2, INI_PH_REKEY, INI_STOP_NOTIFY, 14, false, true, true, false, 0, 0, TUN_ESTABLISHED,
             "pfs-mismatch"},
            {2, INI_PH_NONE, INI_STOP_NONE, 0, false, true, true, true, 0, 0, TUN_ESTABLISHED,
             NULL},
            /* IKEv1: a refusal decrypted under our PSK's keys proves the keys equal */
            {1, INI_PH_AUTH, INI_STOP_NOTIFY, 24, false, false, false, false, 0, 0,
             TUN_P1_AUTH_FAILED, NULL, 0, true},
            /* IKEv1: accepted once PFS alone was toggled */
            {1, INI_PH_CHILD, INI_STOP_NOTIFY, 14, false, false, false, false, 0, 0,
             TUN_P2_PFS_MISMATCH, "pfs-mismatch", 0, false, 1},
            {1, INI_PH_CHILD, INI_STOP_NOTIFY, 14, false, false, false, false, 0, 0,
             TUN_P2_NO_PROPOSAL, "transform-set-mismatch", 0, false, -1},
            {1, INI_PH_CHILD, INI_STOP_BAD_REPLY, 0, false, false, false, false, 0, 0,
             TUN_XAUTH_BLOCKED, "l2l-prompted-for-xauth", 0, false, 0, true},
            {2, INI_PH_IKE, INI_STOP_BAD_REPLY, 0, false, false, false, false, 0, 0,
             TUN_UNDETERMINED, NULL},
        };
        for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
                struct ini_result *r = calloc(1, sizeof(*r));
                assert_non_null(r);
                r->version = t[i].version;
                r->phase = t[i].ph;
                r->stop = t[i].st;
                r->stop_notify = t[i].notify;
                r->floated = t[i].floated;
                r->child_up = t[i].child_up;
                r->rekey_tried = t[i].rekey_tried;
                r->peer_auth_method = t[i].method;
                r->notify_encrypted = t[i].notify_encrypted;
                r->pfs_probe = t[i].pfs_probe;
                r->xauth_asked = t[i].xauth;
                r->rekey_ok = t[i].rekey_ok;
                r->icmp_origin = t[i].icmp_type ? 2 : 0;
                r->icmp_type = t[i].icmp_type;
                r->icmp_code = t[i].icmp_code;
                if (ini_status(r) != t[i].want)
                        fail_msg("case %zu: status %s, expected %s", i,
                                 tunnel_status_name(ini_status(r)), tunnel_status_name(t[i].want));
                const char *id = ini_diagnosis(r);
                if ((id == NULL) != (t[i].id == NULL) || (id && strcmp(id, t[i].id)))
                        fail_msg("case %zu: ID %s, expected %s", i, id ? id : "none",
                                 t[i].id ? t[i].id : "none");
                free(r);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(parse_ike),     cmocka_unit_test(parse_esp_group_net),
            cmocka_unit_test(seal_open_cbc), cmocka_unit_test(seal_open_gcm),
            cmocka_unit_test(psk_auth_kat),  cmocka_unit_test(keys_roundtrip),
            cmocka_unit_test(verdicts),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
