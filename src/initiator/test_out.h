/*
 * Printing a `test` run: the text header (what was negotiated), the JSON
 * "test" object (an extension of product.md's contract, beside its
 * findings and tunnels keys), and the --keys file: Wireshark's three
 * decryption tables (ikev1_decryption_table, ikev2_decryption_table,
 * esp_sa records, one a line, as src/keys/wireshark.c reads them back),
 * written to a new file only.
 */
#ifndef IPSD_INITIATOR_TEST_OUT_H
#define IPSD_INITIATOR_TEST_OUT_H

#include <stdio.h>

#include "../util/diag.h"
#include "initiator.h"

struct json_t;

void ini_text(FILE *f, const struct ini_params *p, const struct ini_result *r,
              const char *keys_file);
struct json_t *ini_json(const struct ini_params *p, const struct ini_result *r,
                        const char *keys_file);
/* The records of r->keys, one a line, into f. 0 or -1. */
int ini_keys_records(FILE *f, const struct ini_result *r);
/* Writes them to path, a file that must not exist (created 0600 under a
 * temporary name, then linked: never an old file replaced). 0, or -1 with
 * "path: why" in d. */
int ini_keys_write(const char *path, const struct ini_result *r, struct diag *d);

#endif
