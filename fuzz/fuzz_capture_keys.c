/* libFuzzer target: capture --keys on a sequence of frames (as
 * fuzz_capture.c: raw IP frames, each a 2-byte length and its bytes),
 * with a fixed key store: unbound IKEv1 and IKEv2 keys as a charon log
 * gives them (tried against every SA), an IKEv2 table entry for SPIs
 * 0101.../0202... with AES-CTR and no ICV check (Wireshark's "ANY 96-bits
 * [No Checking]"), so that the fuzzer reaches the decrypted payload chain
 * through a keystream it can steer byte by byte, and ESP keys (NULL
 * encryption, no ICV) for SPI 1. Every SA is then decrypted, child keys
 * derived, ESP packets tried and tunnel results built. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "capture/decrypt.h"
#include "capture/ladder.h"
#include "capture/sessions.h"
#include "findings/tunnel.h"
#include "keys/keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char key_text[] =
    "0101010101010101,0202020202020202,000102030405060708090a0b0c0d0e0f10111213,"
    "000102030405060708090a0b0c0d0e0f10111213,\"AES-CTR-128 [RFC5930]\",,,"
    "\"ANY 96-bits of Authentication [No Checking]\"\n"
    "\"IPv4\",\"*\",\"*\",\"0x00000001\",\"NULL\",\"\",\"NULL\",\"\"\n";
static const char log_text[] =
    "14[IKE] SKEYID_d => 20 bytes @ 0x1\n"
    "14[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n"
    "14[IKE]   16: 11 12 13 14                                      ....\n"
    "14[IKE] encryption key Ka => 16 bytes @ 0x1\n"
    "14[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n"
    "13[IKE] Sk_d secret => 20 bytes @ 0x1\n"
    "13[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n"
    "13[IKE]   16: 11 12 13 14                                      ....\n"
    "13[IKE] Sk_ai secret => 20 bytes @ 0x1\n"
    "13[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n"
    "13[IKE]   16: 11 12 13 14                                      ....\n"
    "13[IKE] Sk_ar secret => 20 bytes @ 0x1\n"
    "13[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n"
    "13[IKE]   16: 11 12 13 14                                      ....\n"
    "13[IKE] Sk_ei secret => 16 bytes @ 0x1\n"
    "13[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n"
    "13[IKE] Sk_er secret => 16 bytes @ 0x1\n"
    "13[IKE]    0: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10  ................\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct key_store ks;
        struct diag d;
        keys_init(&ks);
        if (keys_parse(&ks, "table", key_text, sizeof(key_text) - 1, &d) ||
            keys_parse(&ks, "log", log_text, sizeof(log_text) - 1, &d))
                abort();
        struct cap_set cs;
        cap_set_init(&cs);
        cs.keep_raw = true;
        uint64_t n = 0;
        size_t off = 0;
        while (off + 2 <= size) {
                size_t len = (size_t)data[off] << 8 | data[off + 1];
                off += 2;
                if (len > size - off)
                        len = size - off;
                uint8_t *buf = malloc(len ? len : 1);
                if (!buf)
                        break;
                memcpy(buf, data + off, len);
                off += len;
                struct frame f;
                struct wire_err e;
                n++;
                struct pcap_frame pf = {n, (int64_t)n, 0, LINK_RAW, NULL, &e};
                if (frame_decode(LINK_RAW, buf, len, len, &f, &e) == 0) {
                        pf.f = &f;
                        pf.err = NULL;
                }
                if (cap_add_frame(&cs, &pf) < 0)
                        abort();
                free(buf);
        }
        cap_name_steps(&cs);
        if (cap_decrypt(&cs, &ks) < 0)
                abort();
        for (size_t i = 0; i < cs.nsa; i++)
                for (size_t j = 0; j < cs.sa[i].nmsgs; j++) {
                        const struct cap_msg *m = &cs.sa[i].msgs[j];
                        if (m->dec > CAP_DEC_UNSUPPORTED || m->npl > CAP_MAX_PL ||
                            (m->dec > CAP_DEC_OK && !m->dec_why))
                                abort(); /* a failure always says why */
                }
        struct findings fs;
        findings_init(&fs);
        if (cap_tunnels(&cs, &fs) < 0)
                abort();
        for (size_t i = 0; i < fs.tunnels.n; i++) {
                const struct tunnel_result *t = fs.tunnels.v[i];
                if (!tunnel_status_name(t->status) || t->nsteps > CAP_MAX_MSGS + 3)
                        abort();
        }
        findings_free(&fs);
        cap_set_free(&cs);
        keys_free(&ks);
        return 0;
}
