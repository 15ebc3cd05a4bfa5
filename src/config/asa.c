/* STUB: replaced by the ASA/PIX reader. */
#include "config.h"

int asa_read(struct device *dev, const struct text *t, struct diag *err)
{
	(void)dev;
	(void)t;
	(void)err;
	return 0;
}
