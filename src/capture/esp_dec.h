/*
 * --keys and ESP: the first packets of each ESP SA of a capture (bounded:
 * CAP_ESPDEC_PER_SPI packets of CAP_ESPDEC_SPIS SAs, each up to
 * CAP_ESPDEC_MAXLEN bytes) are kept, then decrypted with the key file's ESP
 * keys (esp_sa, ip xfrm state) or with the keys derived from SKEYID_d /
 * SK_d, to confirm a key and count what is inside. A packet counts as
 * decrypted only when its ICV (or AEAD tag) verifies; with no integrity,
 * when RFC 4303 2.4's default padding (1, 2, 3, ...) and a known next
 * header say so.
 */
#ifndef IPSD_CAPTURE_ESP_DEC_H
#define IPSD_CAPTURE_ESP_DEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../packet/pcap_file.h"

#define CAP_ESPDEC_SPIS    256
#define CAP_ESPDEC_PER_SPI 16
#define CAP_ESPDEC_MAXLEN  4096

struct cap_esp_sample {
        uint64_t frame;
        uint16_t len;
        uint8_t *p; /* the ESP packet from its SPI on */
};

struct cap_esp_flow {
        uint32_t spi;
        int af;
        uint8_t src[16], dst[16];
        uint64_t seen; /* packets of this SA in the capture */
        struct cap_esp_sample s[CAP_ESPDEC_PER_SPI];
        size_t ns;
        /* results */
        bool tried;         /* a key was there for it */
        const char *keysrc; /* "esp_sa / xfrm", "derived", static */
        const char *file;   /* the key file, for a file's key */
        uint32_t line;      /* its line */
        uint32_t ok, bad;   /* samples decrypted / not */
        uint8_t inner;      /* the next header of the first decrypted one */
        const char *why;    /* of the first failure, static */
};

struct cap_esp_dec {
        struct cap_esp_flow *f;
        size_t n;
        uint64_t flows_dropped;
};

struct cap_set;
struct key_store;
/* Keeps an ESP frame's packet (FK_ESP, FK_ESP_UDP); -1 out of memory. */
int cap_esp_keep(struct cap_set *cs, const struct pcap_frame *pf);
/* Decrypts the kept packets (after cap_decrypt derived the child keys). */
void cap_esp_decrypt(struct cap_set *cs, const struct key_store *ks);
void cap_esp_dec_free(struct cap_esp_dec *d);

#endif
