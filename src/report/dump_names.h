/*
 * What the JSON and text dumps share: enum -> name tables, the group-policy
 * attribute table and address formatting. Nothing here allocates or prints.
 */
#ifndef IPSD_REPORT_DUMP_NAMES_H
#define IPSD_REPORT_DUMP_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "../model/model.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
/* Counts come from the reader; never walk past a fixed array. */
#define CLAMP(n, a) ((n) < ARRAY_LEN(a) ? (n) : ARRAY_LEN(a))

/* A code -> name table. A NULL entry is a meaningful "unset" value (JSON
 * null); a code past the end is unknown and printed as its number. */
struct enum_names {
        const char *const *names;
        size_t n;
};

extern const struct enum_names names_object_kind, names_acl_kind, names_acl_action, names_nat_kind,
    names_nat_xlate, names_encr, names_hash, names_auth, names_psk_source, names_identity,
    names_mode, names_tg_type, names_split;

/* The name for code v, or NULL (unset or unknown: see enum_known). */
const char *enum_name(const struct enum_names *t, int v);
/* True when v is inside the table (its name may still be NULL = unset). */
int enum_known(const struct enum_names *t, int v);

/* vpn-tunnel-protocol bits, in output order. */
struct bit_name {
        unsigned bit;
        const char *name;
};
extern const struct bit_name vpn_proto_bits[];
extern const size_t n_vpn_proto_bits;

/* Explicit-field bits of an ISAKMP policy, in output order. */
extern const struct bit_name p1_explicit_bits[];
extern const size_t n_p1_explicit_bits;

/* Group-policy attributes as data: where each lives in struct gp_attrs. */
enum gp_value_kind { GPV_PROTOS, GPV_SPLIT, GPV_STR, GPV_STRVEC, GPV_BOOL, GPV_MINUTES, GPV_INT };
#define GP_NO_LOC ((size_t)-1)
struct gp_attr_desc {
        const char *key;  /* JSON key (snake_case) */
        const char *cli;  /* the ASA command, for the text outline */
        size_t set_off;   /* bool */
        size_t value_off; /* type by kind */
        size_t loc_off;   /* struct loc, or GP_NO_LOC */
        enum gp_value_kind kind;
};
extern const struct gp_attr_desc gp_attr_table[];
extern const size_t n_gp_attrs;

typedef const char *cstr; /* so that GP_FIELD(a, off, cstr) spells a const char * const * */
#define GP_FIELD(a, off, T) ((const T *)(const void *)((const char *)(a) + (off)))

/* Formatting into caller buffers (no static storage). */
#define IP_BUF   16 /* "255.255.255.255" */
#define ADDR_BUF 40
void fmt_ip4(uint32_t a, char out[IP_BUF]);
/* "10.0.0.0/24" when lo..hi is exactly one prefix, else "10.0.0.1-10.0.0.9". */
void fmt_range32(const struct range32 *r, char out[ADDR_BUF]);
/* "80" or "1024-65535". */
void fmt_range16(const struct range16 *r, char out[ADDR_BUF]);
/* Prefix length of a contiguous mask, or -1. */
int mask_len(uint32_t mask);
/* "10.0.0.0/24", or "10.0.0.0 mask 255.0.255.0" for a non-contiguous mask. */
void fmt_net(uint32_t addr, uint32_t mask, char out[2 * ADDR_BUF]);

/* "aes-256", "3des", or the number of an unknown code. */
void fmt_encr(enum ike_encr e, int bits, char *out, size_t size);

#endif
