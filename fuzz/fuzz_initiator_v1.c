/* libFuzzer target: the IKEv1 initiator's reply path (src/initiator/
 * v1_reply.c and v1.c's match_v1: decrypt, parse, which answer counts,
 * the Informational's IVs and HASH(1)). Byte 0 picks the mode: bit 0
 * encrypts the rest's plaintext under the fixed keys (so the decrypted
 * chain is the fuzzer's: header = the first 28 bytes, E flag set), bit 1
 * makes the run wait for Quick Mode (exchange 32) instead of Main Mode,
 * bit 2 puts it in the MM5 wait (two phase-1 IVs tried), bit 3 gives no
 * keys. The datagram is copied to an exact-size heap buffer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "initiator/v1_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct v1_run x;
static bool ready;

static void setup(void)
{
        static const uint8_t psk[] = "fuzz-psk", ni[32] = {1}, nr[32] = {2}, gxy[256] = {3},
                             gxi[256] = {4}, gxr[256] = {5}, c[8] = {6};
        struct cipher_spec cs;
        (void)cipher_from_ikev1(7, 128, &cs);
        struct cspan s_ni = {ni, 32}, s_nr = {nr, 32}, s_gxy = {gxy, 256}, s_gxi = {gxi, 256},
                     s_gxr = {gxr, 256};
        (void)v1_keys_derive(&x.k, CH_SHA256, &cs, psk, sizeof(psk) - 1, s_ni, s_nr, s_gxy, c, c,
                             s_gxi, s_gxr);
        memcpy(x.iv_before_mm5, x.k.iv, sizeof(x.iv_before_mm5));
        ready = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        if (size < 1)
                return 0;
        if (!ready)
                setup();
        uint8_t mode = data[0];
        size_t n = size - 1;
        if (n > 4096)
                return 0;
        size_t cap = n + 32;
        uint8_t *buf = malloc(cap);
        if (!buf)
                return 0;
        memcpy(buf, data + 1, n);
        if ((mode & 1) && n >= 28) {
                uint8_t iv[16];
                size_t ct = 0;
                memcpy(iv, x.k.iv, 16);
                if (v1_encrypt(&x.k, iv, buf + 28, n - 28, buf + 28, cap - 28, &ct)) {
                        free(buf);
                        return 0;
                }
                n = 28 + ct;
                buf[19] |= 1;
                buf[24] = (uint8_t)(n >> 24);
                buf[25] = (uint8_t)(n >> 16);
                buf[26] = (uint8_t)(n >> 8);
                buf[27] = (uint8_t)n;
        }
        uint8_t *dg = malloc(n ? n : 1); /* exact size */
        if (!dg) {
                free(buf);
                return 0;
        }
        memcpy(dg, buf, n);
        free(buf);
        if (n >= 16) {
                memcpy(x.ckyi, dg, 8);
                memcpy(x.ckyr, dg + 8, 8);
        }
        x.have_keys = !(mode & 8);
        x.in_mm5 = (mode & 4) != 0;
        x.want_x = (mode & 2) ? 32 : 2;
        x.want_mid = n >= 24 ? (uint32_t)dg[20] << 24 | (uint32_t)dg[21] << 16 |
                                   (uint32_t)dg[22] << 8 | dg[23]
                             : 0;
        uint8_t iv[16];
        memcpy(iv, x.k.iv, 16);
        x.want_iv = x.have_keys ? iv : NULL;
        volatile size_t sink = 0;
        if (match_v1(&x, dg, n)) {
                const struct v1_reply *r = &x.rep;
                char nb[32];
                struct cspan rest = v1_reply_after_hash(r);
                uint8_t h[CRYPTO_MAX_MD];
                struct cspan none = {NULL, 0};
                if (r->decrypted && !v1_hash_12(&x.k, r->hdr.msgid, none, rest, h))
                        sink += h[0];
                sink += v1_reply_error(r) + rest.len;
                for (size_t i = 0; i < r->nnotify; i++)
                        sink += strlen(v1_notify_name(r->notify[i].type, nb)) +
                                r->notify[i].data.len + r->notify[i].spi.len;
                for (size_t i = 0; i < r->nid; i++) {
                        struct ike_id id;
                        struct wire_err e;
                        if (!ike_id_decode(r->id[i], 1, &id, &e))
                                sink += id.type + id.data.len;
                }
                for (size_t i = 0; i < r->nnatd; i++)
                        sink += r->natd[i].len;
                sink += r->ke.len + r->nonce.len + r->esp_id + r->esp_life_s + r->p1.life;
        }
        (void)sink;
        free(dg);
        return 0;
}
