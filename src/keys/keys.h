/*
 * Key files for `capture --keys` (and, later, what `test --keys` writes):
 * the keys of IKE and ESP SAs, read from
 *   - Wireshark's three decryption tables, unchanged (ikev1_decryption_table:
 *     "icookie,Ka"; ikev2_decryption_table: "ispi,rspi,SK_ei,SK_er,"encr",
 *     SK_ai,SK_ar,"integ""; esp_sa: "proto","src","dst","spi","encr",key,
 *     "auth",key) (wireshark.c);
 *   - `ip xfrm state` output (xfrm.c);
 *   - strongSwan charon logs at `ike = 4` (the SKEYID_x / Sk_x hex dumps,
 *     charon.c).
 * A Libreswan pluto log is recognised and refused with the reason: pluto 4
 * logs no key bytes, even with plutodebug=private (pluto.c).
 * A key from a log names no SA (charon logs no SPI next to its keys): it is
 * "unbound", and the capture tries it against its SAs (an IKEv2 ICV, or
 * IKEv1's padding and payload chain, says which one it belongs to).
 *
 * Keys never leave this module except as bytes handed to the crypto: no
 * function prints one, errors name the file, the line and the field, never
 * its text, and keys_free() wipes them.
 */
#ifndef IPSD_KEYS_H
#define IPSD_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/diag.h"

#define KEY_MAX_LEN   80           /* SK_x with salt: 36; SHA2-512 SK_a: 64 */
#define KEYS_MAX      65536        /* entries kept from one file */
#define KEYS_MAX_FILE (256u << 20) /* a charon log of a long session */

struct key_bytes {
        uint8_t len;
        uint8_t b[KEY_MAX_LEN];
};

enum key_kind { KEY_IKEV1, KEY_IKEV2, KEY_ESP };

/* An algorithm named by the key file: unknown (take the capture's),
 * supported (the IANA number), or named but not supported here. */
enum key_alg_state { KALG_UNKNOWN, KALG_KNOWN, KALG_UNSUPPORTED };

struct key_entry {
        enum key_kind kind;
        bool bound;               /* ispi/rspi (IKE) or spi/addresses (ESP) known */
        uint8_t ispi[8], rspi[8]; /* IKEv1: the initiator cookie in ispi */
        /* IKEv1 */
        struct key_bytes ka, skeyid_e, skeyid_d, skeyid_a;
        /* IKEv2 */
        struct key_bytes sk_ei, sk_er, sk_ai, sk_ar, sk_d;
        /* IKEv2 and ESP algorithms: IKEv2 ENCR / INTEG numbers (ESP IDs are
         * the same for these ciphers); key length in bits */
        enum key_alg_state encr_state, integ_state;
        unsigned encr, encr_bits, integ;
        bool integ_unchecked;   /* Wireshark's "ANY n-bits ... [No Checking]" */
        unsigned unchecked_icv; /* its n / 8 */
        /* ESP */
        int af; /* 4, 6, or 0 for any */
        bool any_src, any_dst, any_spi;
        uint8_t src[16], dst[16];
        uint32_t spi;
        struct key_bytes ek, ak;
        /* where it was read: the name given to keys_load (not owned) */
        const char *file;
        uint32_t line;
};

struct key_store {
        struct key_entry *v;
        size_t n, cap;
        const char *file;   /* the file being read (not owned) */
        const char *format; /* of the last file read: "Wireshark decryption table", ... */
};

void keys_init(struct key_store *ks);
/* Reads PATH whatever its format, adding its keys to the store (several
 * files may be loaded); 0 or -1 with "PATH:LINE: what". */
int keys_load(struct key_store *ks, const char *path, struct diag *d);
/* The same over bytes in memory (the fuzz targets' entry). */
int keys_parse(struct key_store *ks, const char *name, const char *text, size_t len,
               struct diag *d);
/* Wipes and frees every key. */
void keys_free(struct key_store *ks);

#endif
