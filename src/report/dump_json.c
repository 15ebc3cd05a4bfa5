/* STUB */
#include "dump.h"

int dump_json(FILE *out, struct device *const *devs, size_t n, bool verbose)
{
	(void)devs;
	(void)n;
	(void)verbose;
	fprintf(out, "{}\n");
	return 0;
}

int dump_text(FILE *out, struct device *const *devs, size_t n, bool verbose)
{
	(void)devs;
	(void)n;
	(void)verbose;
	fprintf(out, "\n");
	return 0;
}
