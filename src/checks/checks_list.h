/* Declarations of every check function (see checks_table.h). */
#ifndef IPSD_CHECKS_LIST_H
#define IPSD_CHECKS_LIST_H

#include "check.h"

int check_isakmp_not_enabled(struct check_ctx *c);

#endif
