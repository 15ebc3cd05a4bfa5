/*
 * src/crypto: known-answer tests against published vectors (each cited) and
 * against the keys a real charon logged for a session whose capture we
 * have (crypto_kat_charon.h). Wireshark's decrypt captures check the
 * ciphers end to end in tests/golden/capture/keys-*.
 */
#include "test_util.h"

#include "crypto/cipher.h"
#include "crypto/hash.h"
#include "crypto/integ.h"
#include "crypto/kdf_v1.h"
#include "crypto/kdf_v2.h"
#include "crypto_kat_charon.h"

static size_t unhex(const char *h, uint8_t *out)
{
        size_t n = 0;
        for (; h[0] && h[1]; h += 2) {
                unsigned v;
                sscanf(h, "%2x", &v);
                out[n++] = (uint8_t)v;
        }
        return n;
}

#define S(p, n) ((struct cspan){(p), (n)})

/* RFC 2202 test case 2 (MD5, SHA-1) and RFC 4231 test case 2 (SHA-2):
 * key "Jefe", data "what do ya want for nothing?" */
static void hmac_rfc2202_4231(void **state)
{
        (void)state;
        static const struct {
                enum crypto_hash h;
                const char *mac;
        } v[] = {
            {CH_MD5, "750c783e6ab0b503eaa86e310a5db738"},
            {CH_SHA1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
            {CH_SHA256, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
            {CH_SHA384, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                        "8e2240ca5e69e2c78b3239ecfab21649"},
            {CH_SHA512, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                        "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
        };
        const char *data = "what do ya want for nothing?";
        struct cspan in = S((const uint8_t *)data, strlen(data));
        for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
                uint8_t want[64], got[64];
                size_t n = unhex(v[i].mac, want);
                assert_int_equal(n, crypto_hash_len(v[i].h));
                assert_int_equal(crypto_hmac(v[i].h, (const uint8_t *)"Jefe", 4, &in, 1, got), 0);
                assert_memory_equal(got, want, n);
        }
        /* truncation: HMAC-SHA2-256-128 is the first 16 bytes (RFC 4868 2.3) */
        struct integ_spec is;
        assert_true(integ_from_ikev2(12, &is));
        uint8_t icv[16], want[32];
        unhex(v[2].mac, want);
        uint8_t key[32] = "Jefe";
        is.key_len = 4;
        assert_int_equal(integ_compute(&is, key, &in, 1, icv), 0);
        assert_memory_equal(icv, want, 16);
        assert_true(integ_verify(&is, key, &in, 1, want));
        want[15] ^= 1;
        assert_false(integ_verify(&is, key, &in, 1, want));
}

/* NIST SP 800-38A F.2.1 / F.2.2: CBC-AES128, first block. */
static void aes_cbc_sp800_38a(void **state)
{
        (void)state;
        uint8_t key[16], iv[16], pt[16], ct[16], out[16];
        unhex("2b7e151628aed2a6abf7158809cf4f3c", key);
        unhex("000102030405060708090a0b0c0d0e0f", iv);
        unhex("6bc1bee22e409f96e93d7e117393172a", pt);
        unhex("7649abac8119b246cee98e9b12e9197d", ct);
        struct cipher_spec s;
        assert_true(cipher_from_ikev1(7, 128, &s));
        assert_int_equal(cipher_cbc(&s, key, iv, pt, 16, out, true), 0);
        assert_memory_equal(out, ct, 16);
        assert_int_equal(cipher_cbc(&s, key, iv, ct, 16, out, false), 0);
        assert_memory_equal(out, pt, 16);
        /* not a whole block: refused, never padded */
        assert_int_equal(cipher_cbc(&s, key, iv, ct, 15, out, false), -1);
        /* no key length: AES needs one (RFC 3602 5) */
        assert_false(cipher_from_ikev1(7, 0, &s));
        assert_true(cipher_from_ikev1(5, 0, &s));
        assert_int_equal(s.key_len, 24);
}

/* RFC 3686 6, test vector #1: AES-CTR-128 with nonce 00000030, IV 0. */
static void aes_ctr_rfc3686(void **state)
{
        (void)state;
        uint8_t km[20], iv[8], pt[16], ct[16], out[16];
        unhex("ae6852f8121067cc4bf7a5765577f39e00000030", km);
        unhex("0000000000000000", iv);
        memcpy(pt, "Single block msg", 16);
        unhex("e4095d4fb7a7b3792d6175a3261311b8", ct);
        struct cipher_spec s;
        assert_true(cipher_from_ikev2(13, 128, &s));
        assert_int_equal(cipher_keymat_len(&s), 20);
        assert_int_equal(cipher_ctr(&s, km, iv, pt, 16, out), 0);
        assert_memory_equal(out, ct, 16);
}

/* The GCM specification's test case 3 (McGrew and Viega, "The Galois/Counter
 * Mode of Operation", AES-128, 96-bit IV), as RFC 4106 splits its IV: salt
 * cafebabe, explicit IV facedbaddecaf888. */
static void aes_gcm_mcgrew_viega(void **state)
{
        (void)state;
        uint8_t km[20], iv[8], pt[64], ct[64], tag[16], out[64];
        unhex("feffe9928665731c6d6a8f9467308308cafebabe", km);
        unhex("facedbaddecaf888", iv);
        unhex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
              "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
              pt);
        unhex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
              "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
              ct);
        unhex("4d5c2af327cd64a62cf35abd2ba6fab4", tag);
        struct cipher_spec s;
        assert_true(cipher_from_ikev2(20, 128, &s));
        uint8_t t[16];
        assert_int_equal(cipher_aead(&s, km, iv, NULL, 0, pt, 64, t, out, true), 0);
        assert_memory_equal(out, ct, 64);
        assert_memory_equal(t, tag, 16);
        assert_int_equal(cipher_aead(&s, km, iv, NULL, 0, ct, 64, tag, out, false), 0);
        assert_memory_equal(out, pt, 64);
        tag[0] ^= 1; /* a wrong tag is said, not decrypted */
        assert_int_equal(cipher_aead(&s, km, iv, NULL, 0, ct, 64, tag, out, false), 1);
}

/* CCM: RFC 4309 has no vectors; a round trip with AAD, a tampered tag and
 * tampered AAD. Wireshark's CCM captures check it against real peers. */
static void aes_ccm_roundtrip(void **state)
{
        (void)state;
        uint8_t km[19] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0xa, 0xb, 0xc};
        uint8_t iv[8] = {9, 9, 9, 9, 9, 9, 9, 9}, aad[28] = {7}, pt[40] = {1, 2, 3};
        uint8_t ct[40], back[40], tag[12];
        struct cipher_spec s;
        assert_true(cipher_from_ikev2(15, 128, &s));
        assert_int_equal(s.icv_len, 12);
        assert_int_equal(cipher_aead(&s, km, iv, aad, 28, pt, 40, tag, ct, true), 0);
        assert_memory_not_equal(ct, pt, 40);
        assert_int_equal(cipher_aead(&s, km, iv, aad, 28, ct, 40, tag, back, false), 0);
        assert_memory_equal(back, pt, 40);
        aad[3] ^= 1;
        assert_int_equal(cipher_aead(&s, km, iv, aad, 28, ct, 40, tag, back, false), 1);
        aad[3] ^= 1;
        tag[11] ^= 1;
        assert_int_equal(cipher_aead(&s, km, iv, aad, 28, ct, 40, tag, back, false), 1);
}

/* IKEv1 Main Mode with a PSK, against charon's own SKEYID, SKEYID_d/a/e,
 * Ka and initial IV, then Quick Mode KEYMAT against its ESP keys. */
static void ikev1_charon(void **state)
{
        (void)state;
        uint8_t skeyid[32], d[32], a[32], e[32], ka[16], iv[16];
        const char *psk = "shared-secret-1";
        assert_int_equal(ikev1_skeyid_psk(CH_SHA256, (const uint8_t *)psk, strlen(psk),
                                          S(v1_ni, sizeof(v1_ni)), S(v1_nr, sizeof(v1_nr)), skeyid),
                         0);
        assert_memory_equal(skeyid, v1_skeyid, 32);
        assert_int_equal(ikev1_skeyid_dae(CH_SHA256, skeyid, S(v1_gxy, sizeof(v1_gxy)), v1_ckyi,
                                          v1_ckyr, d, a, e),
                         0);
        assert_memory_equal(d, v1_skeyid_d, 32);
        assert_memory_equal(a, v1_skeyid_a, 32);
        assert_memory_equal(e, v1_skeyid_e, 32);
        assert_int_equal(ikev1_key_expand(CH_SHA256, e, 32, ka, 16), 0);
        assert_memory_equal(ka, v1_ka, 16);
        assert_int_equal(ikev1_iv_phase1(CH_SHA256, S(v1_gxi, sizeof(v1_gxi)),
                                         S(v1_gxr, sizeof(v1_gxr)), 16, iv),
                         0);
        assert_memory_equal(iv, v1_iv, 16);
        /* QM: seed = protocol(1) | SPI(4) | Ni_b(32) | Nr_b(32); KEYMAT is
         * the AES-128 key, then the HMAC-SHA2-256 key */
        for (int dir = 0; dir < 2; dir++) {
                const uint8_t *seed = dir ? v1_qm_seed_r : v1_qm_seed;
                uint8_t km[48];
                assert_int_equal(ikev1_qm_keymat(CH_SHA256, d, 32, S(NULL, 0), seed[0], seed + 1,
                                                 S(seed + 5, 32), S(seed + 37, 32), km, 48),
                                 0);
                assert_memory_equal(km, dir ? v1_qm_enc_r : v1_qm_enc, 16);
                assert_memory_equal(km + 16, dir ? v1_qm_integ_r : v1_qm_integ, 32);
        }
}

/* App. B key expansion when SKEYID_e is shorter than the key: 3DES (24
 * bytes) under HMAC-MD5 (16), K1 = prf(SKEYID_e, 0), K2 = prf(SKEYID_e, K1). */
static void ikev1_key_expansion(void **state)
{
        (void)state;
        uint8_t e[16] = {1, 2, 3}, ka[24], k1[16], k2[16];
        static const uint8_t zero = 0;
        struct cspan in = S(&zero, 1);
        assert_int_equal(crypto_hmac(CH_MD5, e, 16, &in, 1, k1), 0);
        in = S(k1, 16);
        assert_int_equal(crypto_hmac(CH_MD5, e, 16, &in, 1, k2), 0);
        assert_int_equal(ikev1_key_expand(CH_MD5, e, 16, ka, 24), 0);
        assert_memory_equal(ka, k1, 16);
        assert_memory_equal(ka + 16, k2, 8);
}

/* IKEv2 against charon's SKEYSEED, SK_x and first child SA's keys. */
static void ikev2_charon(void **state)
{
        (void)state;
        struct cipher_spec cs;
        struct integ_spec is;
        assert_true(cipher_from_ikev2(12, 128, &cs));
        assert_true(integ_from_ikev2(12, &is));
        enum crypto_hash prf = prf_from_ikev2(5);
        uint8_t seed[32];
        struct cspan ni = S(v2_ni, sizeof(v2_ni)), nr = S(v2_nr, sizeof(v2_nr));
        assert_int_equal(ikev2_skeyseed(prf, ni, nr, S(v2_gir, sizeof(v2_gir)), seed), 0);
        assert_memory_equal(seed, v2_skeyseed, 32);
        struct ikev2_sa_keys k;
        assert_int_equal(ikev2_sa_keys(prf, seed, ni, nr, v2_spii, v2_spir, &cs, &is, &k), 0);
        assert_memory_equal(k.d, v2_sk_d, 32);
        assert_memory_equal(k.ai, v2_sk_ai, 32);
        assert_memory_equal(k.ar, v2_sk_ar, 32);
        assert_int_equal(k.e_len, 16);
        assert_memory_equal(k.ei, v2_sk_ei, 16);
        assert_memory_equal(k.er, v2_sk_er, 16);
        assert_memory_equal(k.pi, v2_sk_pi, 32);
        assert_memory_equal(k.pr, v2_sk_pr, 32);
        struct child_keys c;
        assert_int_equal(ikev2_child_keys(prf, k.d, 32, S(NULL, 0), ni, nr, &cs, &is, &c), 0);
        assert_memory_equal(c.ei, v2_child_ei, 16);
        assert_memory_equal(c.ai, v2_child_ai, 32);
        assert_memory_equal(c.er, v2_child_er, 16);
        assert_memory_equal(c.ar, v2_child_ar, 32);
        /* prf+ stops at 255 blocks (RFC 7296 2.13) */
        uint8_t big[1];
        assert_int_equal(ikev2_prf_plus(prf, seed, 32, &ni, 1, big, 255 * 32 + 1), -1);
}

static void specs(void **state)
{
        (void)state;
        struct cipher_spec s;
        assert_true(cipher_from_ikev2(18, 256, &s)); /* GCM-8 */
        assert_int_equal(s.icv_len, 8);
        assert_int_equal(cipher_keymat_len(&s), 36);
        assert_string_equal(cipher_name(&s), "AES-GCM-256");
        assert_true(cipher_from_ikev2(16, 256, &s)); /* CCM-16: 3-byte salt */
        assert_int_equal(cipher_keymat_len(&s), 35);
        assert_false(cipher_from_ikev2(12, 100, &s));
        assert_false(cipher_from_ikev2(11, 0, &s)); /* NULL is not for IKE */
        assert_true(cipher_from_esp(11, 0, &s));
        assert_false(cipher_from_ikev2(28, 256, &s)); /* ChaCha20: not here */
        struct integ_spec i;
        assert_true(integ_from_ipsec(2, &i));
        assert_int_equal(i.icv_len, 12);
        assert_false(integ_from_ikev2(5, &i)); /* AES-XCBC: not here */
        assert_int_equal(prf_from_ikev2(4), CH_NONE);
        assert_int_equal(hash_from_ikev1(2), CH_SHA1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(hmac_rfc2202_4231),
            cmocka_unit_test(aes_cbc_sp800_38a),
            cmocka_unit_test(aes_ctr_rfc3686),
            cmocka_unit_test(aes_gcm_mcgrew_viega),
            cmocka_unit_test(aes_ccm_roundtrip),
            cmocka_unit_test(ikev1_charon),
            cmocka_unit_test(ikev1_key_expansion),
            cmocka_unit_test(ikev2_charon),
            cmocka_unit_test(specs),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
