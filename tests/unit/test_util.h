/* Common includes for cmocka unit tests. */
#ifndef IPSD_TEST_UTIL_H
#define IPSD_TEST_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <setjmp.h>
#include <stdio.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#endif
