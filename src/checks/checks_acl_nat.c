/* The acl_nat area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_acl_nat[] = {
    {NULL, NULL},
};
