/* STUB: replaced by the IOS reader. */
#include "config.h"

int ios_read(struct device *dev, const struct text *t, struct diag *err)
{
	(void)dev;
	(void)t;
	(void)err;
	return 0;
}
