/* The ra area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_ra[] = {
    {NULL, NULL},
};
