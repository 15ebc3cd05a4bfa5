/*
 * Small questions about crypto maps that several checks of the ike area
 * ask: which map is a dynamic map, is a map applied, what kind of entry is
 * this. Read-only over the device model.
 */
#ifndef IPSD_CMAP_UTIL_H
#define IPSD_CMAP_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "../findings/finding.h"
#include "../model/model.h"

/* The crypto dynamic-map named name, or NULL. */
const struct crypto_map *cmap_dynamic(const struct device *dev, const char *name);

/* The first binding of the map (exact, case-sensitive name), or NULL. */
const struct crypto_map_binding *cmap_binding(const struct device *dev, const char *map);

/* A negotiated static entry: not a dynamic-map template, not a reference to
 * one, not ipsec-manual, not GDOI. */
bool cmap_entry_static(const struct crypto_map_entry *e);

/* The entry names an IKEv1 transform set or an IKEv2 proposal. */
bool cmap_entry_has_tsets(const struct device *dev, const struct crypto_map_entry *e);

/* An applied static map has an entry with a peer: LAN-to-LAN is in use. */
bool cmap_has_static_peer(const struct device *dev);

/* Entry e is not in use (model/in_use.c: its map is applied to no
 * interface that is up, or no applied map refers to its dynamic map): the
 * condition under which its gap would break a tunnel, as a title suffix
 * (": it breaks once ..."). "" when e is in use. A finding that carries it
 * is advice (info): an object not in use breaks nothing by itself, and its
 * map's own crypto-map-not-applied says what does (docs/severity.md). */
const char *cmap_unused_condition(const struct device *dev, const struct crypto_map_entry *e,
                                  char *buf, size_t len);

/* Lowers f to info when cond is a condition (not ""), never raises it. */
void cmap_severity_for(struct finding *f, const char *cond);

/* "10.0.0.1 (203.0.113.2)"-free text of a peer: its address or its name. */
const char *cmap_peer_text(const struct cm_peer *p, char buf[16]);

/* The names a finding fills into a fix: map, seq (as text in seqbuf),
 * acl, tset, peer, if. Absent values stay NULL (printed <name>). */
struct cmap_vars {
        char seq[12];
        char peer[16];
        const char *v[16];
};
void cmap_vars_fill(struct cmap_vars *cv, const struct device *dev,
                    const struct crypto_map_entry *e);

/* The loc of a key line with its text replaced: a key line is never shown
 * as evidence, whether or not the reader masked it. */
struct loc key_line_loc(const struct loc *l);

/* Appends one sentence of specifics to f's (catalog) explanation. */
int explain_more(struct findings *fs, struct finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
