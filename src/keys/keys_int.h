/* What the key-file readers share (keys.c, wireshark.c, xfrm.c, charon.c,
 * pluto.c). */
#ifndef IPSD_KEYS_INT_H
#define IPSD_KEYS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keys.h"

/* One line of the input, without its end of line. */
struct kline {
        const char *p;
        size_t len;
        uint32_t no;
};
struct klines {
        const char *p, *end;
        uint32_t no;
};
bool klines_next(struct klines *it, struct kline *l);

/* hex digits (an optional 0x first) into k; false if not hex, odd or too
 * long. */
bool key_hex(const char *p, size_t n, struct key_bytes *k);
/* hex, exactly 8 bytes (an IKE SPI / cookie) */
bool spi8_hex(const char *p, size_t n, uint8_t out[8]);

/* A new entry at the end of ks (zeroed), or NULL when KEYS_MAX is reached
 * (the caller says so) or memory ran out. */
struct key_entry *keys_add(struct key_store *ks, enum key_kind kind, uint32_t line);

/* The readers: 0, or -1 with d set. Each recognises its format by
 * *_detect() on one line. */
bool ws_detect(const struct kline *l);
int ws_parse(struct key_store *ks, const char *text, size_t len, struct diag *d);
bool xfrm_detect(const struct kline *l);
int xfrm_parse(struct key_store *ks, const char *text, size_t len, struct diag *d);
bool charon_detect(const struct kline *l);
int charon_parse(struct key_store *ks, const char *text, size_t len, struct diag *d);
bool pluto_detect(const struct kline *l);
int pluto_parse(struct key_store *ks, const char *text, size_t len, struct diag *d);

/* Wireshark / xfrm algorithm names (algnames.c). */
bool ws_ikev2_encr(const char *n, size_t len, struct key_entry *e);
bool ws_ikev2_integ(const char *n, size_t len, struct key_entry *e);
bool ws_esp_encr(const char *n, size_t len, struct key_entry *e);
bool ws_esp_auth(const char *n, size_t len, struct key_entry *e);

#endif
