/* Every config check, by diagnosis ID, in the catalog's order. */
#include "check.h"
#include "checks_list.h"

const struct check check_registry[] = {
	{"isakmp-not-enabled", check_isakmp_not_enabled},
};

const size_t check_registry_count = sizeof(check_registry) / sizeof(check_registry[0]);
