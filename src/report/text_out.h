/*
 * Small printing helpers for the text dump. Strings from the model are
 * untrusted: tput() escapes control bytes and invalid UTF-8 as \xNN
 * (text_safe.h) so a hostile config cannot drive the engineer's terminal and
 * the dump stays valid UTF-8. Write errors are caught once, by ferror().
 */
#ifndef IPSD_REPORT_TEXT_OUT_H
#define IPSD_REPORT_TEXT_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "../model/model.h"
#include "dump_names.h"

struct tctx {
        FILE *out;
        const struct device *dev;
        bool verbose;
};

/* Literal formats only: model strings go through tput. */
void tf(struct tctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* s with control bytes and invalid UTF-8 escaped; NULL prints "-". */
void tput(struct tctx *c, const char *s);
/* " word s" when s is set, nothing otherwise. */
void topt(struct tctx *c, const char *word, const char *s);
/* tput, then spaces up to width columns. */
void tpad(struct tctx *c, const char *s, int width);
/* The element prefix: "    L42    " or "    -      " for a default. */
void tloc(struct tctx *c, const struct loc *l);
/* " (L42)" for a sub-command line; nothing for line 0. */
void tsubloc(struct tctx *c, const struct loc *l);
void tip(struct tctx *c, uint32_t a);
void tnet(struct tctx *c, uint32_t addr, uint32_t mask);
void taddrset(struct tctx *c, const struct addrset *s, size_t max);
/* Items of a ptrvec of const char *, joined by sep; "-" when empty. */
void tstrvec(struct tctx *c, const struct ptrvec *pv, const char *sep);
/* "<secret> fp a1b2c3d4", "<secret> (masked)", "(none)". */
void tsecret(struct tctx *c, const struct secret *s);
const char *ttri(enum tristate t); /* "on", "off", "unset" */
/* A name or, for an unknown code, "?". */
const char *tname(const struct enum_names *t, int v);

/* "  Title (n)" and then, per element, tloc + fn + newline; nothing when empty. */
typedef void (*telem_fn)(struct tctx *c, const void *elem);
void tsection(struct tctx *c, const char *title, size_t n);
void tlist(struct tctx *c, const char *title, const struct ptrvec *pv, telem_fn fn);

#endif
