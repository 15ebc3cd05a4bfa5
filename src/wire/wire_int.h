/* Internal to src/wire/: the error formatter shared by the decoders. */
#ifndef IPSD_WIRE_INT_H
#define IPSD_WIRE_INT_H

#include <stddef.h>

#include "ike.h"

__attribute__((format(printf, 3, 4))) void wire_fail(struct wire_err *e, size_t off,
                                                     const char *fmt, ...);

/* For test_wire: every name table is sorted (binary search needs it). */
bool ike_names_sorted(void);

#endif
