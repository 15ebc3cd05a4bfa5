/* The ike area's checks, in catalog order. */
#include "checks_list.h"

const struct check checks_ike[] = {
	{"isakmp-not-enabled", check_isakmp_not_enabled},
	{NULL, NULL},
};
