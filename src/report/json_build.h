/*
 * A thin layer over jansson for building large documents without checking
 * every call: the first failure (allocation) sets ctx->err, later calls
 * become no-ops on NULL, and the caller checks err once at the end.
 * Every jput* steals nothing from the caller except the json_t it is given.
 */
#ifndef IPSD_REPORT_JSON_BUILD_H
#define IPSD_REPORT_JSON_BUILD_H

#include <jansson.h>
#include <stdbool.h>

#include "../model/model.h"
#include "dump_names.h"

struct jctx {
        const struct device *dev;
        bool err;
};

/* A JSON string of untrusted s: invalid UTF-8 bytes escaped as \\xNN, never
 * NULL for bad bytes (only on OOM); NULL s -> null. */
json_t *json_str_safe(const char *s);

json_t *jobj(struct jctx *c);
json_t *jarr(struct jctx *c);
/* Adds v under key (v is consumed even on failure). */
void jput(struct jctx *c, json_t *o, const char *key, json_t *v);
void jappend(struct jctx *c, json_t *a, json_t *v);

/* A JSON string; NULL -> null. Bytes that are not ASCII-safe UTF-8 are
 * replaced, so hostile input cannot make the document invalid. */
json_t *jstr(struct jctx *c, const char *s);
json_t *jint(struct jctx *c, long long v);
json_t *jbool(struct jctx *c, bool v);
json_t *jnull(struct jctx *c);

void jput_str(struct jctx *c, json_t *o, const char *key, const char *s);
void jput_int(struct jctx *c, json_t *o, const char *key, long long v);
/* v, or null when v == unset. */
void jput_int_or_null(struct jctx *c, json_t *o, const char *key, long long v, long long unset);
void jput_bool(struct jctx *c, json_t *o, const char *key, bool v);
void jput_tri(struct jctx *c, json_t *o, const char *key, enum tristate t);
void jput_ip(struct jctx *c, json_t *o, const char *key, uint32_t a);
/* An address only when has is true; null otherwise. */
void jput_ip_if(struct jctx *c, json_t *o, const char *key, bool has, uint32_t a);
void jput_line(struct jctx *c, json_t *o, const char *key, const struct loc *l);
/* The name of code v; null for an unset code, the number for an unknown one. */
json_t *jenum(struct jctx *c, const struct enum_names *t, int v);
void jput_enum(struct jctx *c, json_t *o, const char *key, const struct enum_names *t, int v);
/* {"state","value":"<secret>"[,"fingerprint"]}; never the value itself. */
void jput_secret(struct jctx *c, json_t *o, const char *key, const struct secret *s);
/* A ptrvec of const char * as an array of strings. */
void jput_strvec(struct jctx *c, json_t *o, const char *key, const struct ptrvec *pv);
void jput_addrset(struct jctx *c, json_t *o, const char *key, const struct addrset *s);
void jput_r16s(struct jctx *c, json_t *o, const char *key, const struct range16 *r, size_t n);

/* A new element object that starts with its "line". */
json_t *jelem(struct jctx *c, const struct loc *l);

/* The generic list: key -> [fn(elem) for elem in pv]. */
typedef json_t *(*jelem_fn)(struct jctx *c, const void *elem);
void jput_list(struct jctx *c, json_t *o, const char *key, const struct ptrvec *pv, jelem_fn fn);

#endif
