/* STUB: replaced by defaults/finalize implementation. */
#include "model.h"

int model_finalize(struct device *dev)
{
	(void)dev;
	return 0;
}
