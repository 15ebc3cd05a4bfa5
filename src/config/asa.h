/*
 * Internals of the ASA / PIX config reader (asa*.c, pix.c): the per-line
 * context, the command tables and the helpers the area files share.
 *
 * A command table maps up to four leading keywords to a handler. asa.c
 * splits each line into words, strips a leading "no", and finds the first
 * table entry whose keywords all match; the handler gets the index of the
 * first word after them. Mode-opening commands (interface, object,
 * tunnel-group X ipsec-attributes, ...) install a sub-command table that
 * the following indented lines are dispatched through.
 */
#ifndef IPSD_ASA_H
#define IPSD_ASA_H

#include "cmdmerge.h"
#include "config.h"
#include "lex.h"

enum { ASA_OOM = -1, ASA_OK = 0, ASA_UNKNOWN = 1 };

struct asa_ctx;
typedef int (*asa_fn)(struct asa_ctx *c, size_t i);

struct asa_cmd {
        const char *kw[4]; /* leading keywords; unused slots NULL */
        asa_fn fn;
        struct cmd_sem sem; /* how a later line changes this one (cmdsem.h) */
};

/* Objects a mode can edit; which one is live depends on the mode. */
struct asa_ctx {
        struct device *dev;
        const struct text_line *line;
        const char *const *a; /* words after a leading "no" */
        size_t n;
        bool no; /* the line started with "no" */
        struct loc loc;
        /* the open mode: NULL sub = none */
        const struct asa_cmd *sub;
        void *obj;
        const char *obj_name;
        /* lines indented at least this much are swallowed as known; 0 = off */
        unsigned skip_indent;
        size_t nat_count[4]; /* NAT rules per section, for order */
        /* the entry the last line created or changed: a transcript's
         * "WARNING: crypto map entry incomplete" after it marks it */
        struct crypto_map_entry *last_cmap_entry;
        /* lookups that would be linear per line on hostile input */
        struct isakmp_policy **p1_by_prio; /* [65536], allocated on first use */
        struct strmap psk_by_tg[3];        /* tunnel-group name -> struct psk *, per source */
        /* config-mode record (cmdmerge.h): NULL when not logged */
        struct cmd_rec *rec;
        const char *const *base;           /* the line's words after "no" */
        uint32_t idx, sub_line, skip_line; /* this line; the openers of the mode / block */
};

/* Records that row e read the words from c->a (cmdmerge.h). */
static inline void asa_log_hit(const struct asa_ctx *c, const struct asa_cmd *e, size_t nkw)
{
        if (c->rec)
                cmd_log_hit(c->rec, &e->sem, (size_t)(c->a - c->base), nkw);
}

/* Word i of the line (after "no"), or NULL past the end. */
static inline const char *asa_w(const struct asa_ctx *c, size_t i)
{
        return i < c->n ? c->a[i] : NULL;
}

/* Handler tables of the area files, each ended by an entry with fn NULL. */
extern const struct asa_cmd asa_object_cmds[];
extern const struct asa_cmd asa_acl_cmds[];
extern const struct asa_cmd asa_nat_cmds[];
extern const struct asa_cmd asa_crypto_cmds[];
extern const struct asa_cmd asa_tg_cmds[];
extern const struct asa_cmd asa_gp_cmds[];
extern const struct asa_cmd asa_misc_cmds[];
extern const struct asa_cmd asa_iface_cmds[];
extern const struct asa_cmd asa_known_cmds[];
extern const struct asa_cmd pix_cmds[];

/* Sub-command tables shared between areas. */
extern const struct asa_cmd asa_gp_attr_cmds[]; /* group-policy / username attributes */
extern const struct asa_cmd asa_object_net_cmds[];

/* Reads t into dev, recording each line's row in log (NULL: no record). */
int asa_read_logged(struct device *dev, const struct text *t, struct cmd_log *log,
                    struct diag *err) IPSD_MUST_CHECK;

/* Dispatch a line through table t: ASA_UNKNOWN when no entry matches.
 * Through a first-word index (asa_index.c); the result is the scan's. */
int asa_dispatch(struct asa_ctx *c, const struct asa_cmd *t);
/* The same for tables in order: the next table is tried when the first
 * one's matching entry (or none) says ASA_UNKNOWN. */
int asa_dispatch_list(struct asa_ctx *c, const struct asa_cmd *const *tables, size_t ntables);
/* The plain linear scan of t (asa.c), the reference the index follows. */
int asa_dispatch_scan(struct asa_ctx *c, const struct asa_cmd *t);

/* Dispatches words [i, n) through t with c->obj = obj, as if they were a
 * line of their own (crypto map entry settings, one-line PIX policies).
 * The handlers must not open modes. */
int asa_dispatch_at(struct asa_ctx *c, size_t i, const struct asa_cmd *t, void *obj);

/* Opens a mode whose following indented lines go through sub. */
void asa_open(struct asa_ctx *c, const struct asa_cmd *sub, void *obj, const char *name);
/* Swallows the following lines indented deeper than the current one. */
void asa_skip_block(struct asa_ctx *c);
/* A handler for commands that are known but not modelled. */
int asa_known(struct asa_ctx *c, size_t i);
/* The same, and the command's indented sub-block is skipped too. */
int asa_known_block(struct asa_ctx *c, size_t i);

char *asa_dup(struct asa_ctx *c, const char *s);
void *asa_new(struct asa_ctx *c, size_t size); /* zeroed, loc set to the line */
/* Pushes an iface_ref for ifname at this line. */
int asa_push_ifref(struct asa_ctx *c, struct ptrvec *v, const char *ifname);
/* "ip address ... dhcp setroute": a default route out nameif (asa_iface.c). */
int asa_dhcp_default_route(struct asa_ctx *c, const char *nameif);
/* Pushes copies of words [i, n) onto v (const char *). */
int asa_push_words(struct asa_ctx *c, struct ptrvec *v, size_t i);

/* An IPv4 address or a "name" alias. */
bool asa_addr(const struct asa_ctx *c, const char *s, uint32_t *out);
/* A netmask; PIX shorthand "0" is 0.0.0.0. */
bool asa_mask(const char *s, uint32_t *out);
/* "(inside)" -> "inside"; "(inside,outside)" -> both. false on bad form. */
bool asa_paren_ifs(struct asa_ctx *c, const char *s, const char **real, const char **mapped);

/* addrset helpers (asa_object.c) */
int asa_addrset_add(struct asa_ctx *c, struct addrset *s, uint32_t lo, uint32_t hi);
int asa_addrset_append(struct asa_ctx *c, struct addrset *dst, const struct addrset *src);
int asa_range16_add(struct asa_ctx *c, struct range16 **v, size_t *n, uint16_t lo, uint16_t hi);
/* Resolves pending group members once every object is read. */
int asa_resolve_pending(struct asa_ctx *c);

/* An operator and port(s) at word i: eq P | lt P | gt P | neq P | range A B
 * (asa_acl.c). Appends to v; returns the words used, 0 when there is no
 * operator or a port is bad (*rc = ASA_OOM on memory). */
size_t asa_port_op(struct asa_ctx *c, size_t i, struct range16 **v, size_t *n, int *rc);

/* Object NAT inside "object network X" (asa_nat.c). */
int asa_object_nat(struct asa_ctx *c, size_t i);
/* "a b c" from words [from, to), in the arena. */
char *asa_join(struct asa_ctx *c, size_t from, size_t to);
/* The address set of a network object/group, "any", a name or an address
 * (NAT operands); NULL object means not found. */
int asa_nat_operand(struct asa_ctx *c, const char *s, struct addrset *out, bool *ok);

/* Algorithm names of the IKE policies and IKEv2 proposals (asa_crypto.c). */
struct asa_alg {
        const char *name;
        int v;    /* enum ike_encr or enum ike_hash */
        int bits; /* key bits for AES */
};
const struct asa_alg *asa_encr_alg(const char *s);
const struct asa_alg *asa_hash_alg(const char *s);
extern const struct asa_cmd asa_cmap_cmds[]; /* crypto map / ipsec (asa_cmap.c) */

/* Handlers shared with PIX 6 "isakmp ..." lines (asa_crypto.c). */
int asa_on_p1_policy(struct asa_ctx *c, size_t i);
int asa_on_ikev1_enable(struct asa_ctx *c, size_t i);
int asa_on_identity(struct asa_ctx *c, size_t i);
int asa_on_nat_t(struct asa_ctx *c, size_t i);
int asa_on_keepalive(struct asa_ctx *c, size_t i);
/* Records ASA 8.4+ "ikev1" syntax when one of the first words says so. */
void asa_note_ikev1(struct asa_ctx *c);

/* Applies one gp_attrs line (shared by group-policy and username attributes). */
int asa_gp_attr(struct asa_ctx *c, size_t i, struct gp_attrs *a);

/* Secret from word s: masked / encrypted forms become unknown states. */
void asa_secret(struct secret *sec, const char *s, bool encrypted);

#endif
