/* libFuzzer target: test's IKEv2 reply path (src/initiator/v2_msg.c's
 * v2_reply_read, what the engine reads every answer with). Byte 0: bit 0
 * picks a clear answer (IKE_SA_INIT: sa NULL) or a sealed one; bit 1
 * AES-GCM or AES-CBC + HMAC; bits 2-3 the exchange expected. Clear: the
 * rest is the datagram as received. Sealed: the rest is a plain message
 * (header and payload chain) that a responder holding the SA's keys seals
 * (its SPIs, response flag and message ID set first, so that it is ours),
 * so that the decrypted payload chain is what the fuzzer chose, then read
 * back with ours; a forged ICV is never accepted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "initiator/v2_msg.h"
#include "wire/ike.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct v2_sa mine[2], theirs[2];
static bool ready;

static void setup(int i, uint16_t encr, uint16_t integ)
{
        struct v2_sa *m = &mine[i];
        memset(m->spi_i, 0x11, 8);
        memset(m->spi_r, 0x22, 8);
        m->encr = encr, m->encr_bits = 256, m->integ = integ, m->prf_id = 5;
        char why[80];
        uint8_t k[32] = {7};
        if (!v2_sa_algs(m, why, sizeof(why)) || v2_sa_derive(m, k, 32, k, 32, k, 32))
                abort();
        theirs[i] = *m;
        memcpy(theirs[i].k.ei, m->k.er, sizeof(m->k.er));
        memcpy(theirs[i].k.ai, m->k.ar, sizeof(m->k.ar));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static uint8_t plain[65536], sealed[65536 + 256];
        if (!ready) {
                setup(0, 12, 12); /* AES-CBC-256, HMAC-SHA2-256-128 */
                setup(1, 20, 0);  /* AES-GCM-16-256 */
                ready = true;
        }
        if (size < 1)
                return 0;
        static const uint8_t exch[4] = {34, 35, 36, 37};
        uint8_t ex = exch[(data[0] >> 2) & 3];
        int g = (data[0] >> 1) & 1;
        size_t n = size - 1;
        uint8_t *buf = malloc(n ? n : 1);
        if (!buf)
                return 0;
        memcpy(buf, data + 1, n);
        struct v2_reply r;
        char why[128];
        volatile size_t sink = 0;
        if (!(data[0] & 1)) {
                if (v2_reply_read(buf, n, mine[0].spi_i, ex, 0, NULL, plain, sizeof(plain), &r, why,
                                  sizeof(why)) == 0)
                        sink += r.nn + r.ntsi + r.ntsr + (size_t)v2_reply_error(&r);
        } else if (n >= IKE_HDR_LEN) {
                memcpy(buf, mine[g].spi_i, 8);
                memcpy(buf + 8, mine[g].spi_r, 8);
                buf[17] = 0x20;
                buf[18] = ex;
                buf[19] = IKE_F_V2_RESPONSE;
                memset(buf + 20, 0, 3);
                buf[23] = 1;
                uint8_t iv[16] = {9};
                size_t len = v2_seal(&theirs[g], buf, n, iv, sealed, sizeof(sealed));
                if (len && v2_reply_read(sealed, len, mine[g].spi_i, ex, 1, &mine[g], plain,
                                         sizeof(plain), &r, why, sizeof(why)) == 0) {
                        sink += r.nn + r.ntsi + r.ntsr + r.has_auth + r.sa_transforms;
                        struct range32 a;
                        struct range16 p, q;
                        for (size_t i = 0; i < r.ntsi; i++)
                                sink += v2_ts_box(&r.tsi[i], &a, &p, &q);
                }
        }
        (void)sink;
        free(buf);
        return 0;
}
