/*
 * Printing the catalog for `list` and `describe` and for docs/diagnoses/:
 * one emitter per format, all reading the same table. Each returns 0, or -1
 * when writing failed.
 */
#ifndef IPSD_CATALOG_PRINT_H
#define IPSD_CATALOG_PRINT_H

#include <stdio.h>

#include "catalog.h"

/* "id  severity  found-from  title", one aligned line per diagnosis. */
int catalog_list_text(FILE *f);
/* {"tool","version","command":"list","diagnoses":[...]} */
int catalog_list_json(FILE *f, const char *version);
/* The index page docs/diagnoses/README.md. */
int catalog_list_md(FILE *f);

/* The full page of one diagnosis: meaning, fix per platform, warning, note. */
int catalog_describe_text(FILE *f, const struct diagnosis *d);
int catalog_describe_json(FILE *f, const struct diagnosis *d, const char *version);
/* docs/diagnoses/ID.md */
int catalog_describe_md(FILE *f, const struct diagnosis *d);

#endif
