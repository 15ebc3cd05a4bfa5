/* STUB: replaced by the input-layer implementation. */
#include "text.h"

int text_from_buffer(const char *file, const char *buf, size_t len, struct arena *a,
		     struct text *out, struct diag *err)
{
	(void)buf;
	(void)len;
	(void)a;
	(void)out;
	diag_set(err, file, 0, "input layer not implemented");
	return -1;
}

int text_load(const char *path, struct arena *a, struct text *out, struct diag *err)
{
	return text_from_buffer(path, "", 0, a, out, err);
}
