/*
 * INTERIM input layer: splits lines, strips CR and trailing spaces, marks
 * comments, detects the platform from the version line. The full
 * normaliser (prompts, pager residue, headers, scrubbing) replaces it.
 */
#include "text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *text_scrub(struct arena *a, const char *s, size_t len)
{
	return arena_strndup(a, s, len);
}

static int parse_version(const char *s, struct version *v)
{
	int a = -1, b = -1, c = 0;
	if (sscanf(s, "%d.%d(%d)", &a, &b, &c) >= 2 || sscanf(s, "%d.%d", &a, &b) == 2) {
		v->major = a;
		v->minor = b;
		v->maint = c;
		return 0;
	}
	return -1;
}

void text_detect_platform(const struct text *t, enum platform *p, struct version *v)
{
	*p = PLAT_UNKNOWN;
	v->major = v->minor = v->maint = -1;
	v->text = NULL;
	for (size_t i = 0; i < t->n; i++) {
		const char *s = t->lines[i].s;
		if (!strncmp(s, "ASA Version ", 12) && !parse_version(s + 12, v)) {
			*p = PLAT_ASA;
			v->text = s + 12;
			return;
		}
		if (!strncmp(s, "PIX Version ", 12) && !parse_version(s + 12, v)) {
			*p = PLAT_PIX;
			v->text = s + 12;
			return;
		}
		if (!strncmp(s, "version ", 8) && !parse_version(s + 8, v)) {
			*p = PLAT_IOS;
			v->text = s + 8;
			return;
		}
	}
}

int text_from_buffer(const char *file, const char *buf, size_t len, struct arena *a,
		     struct text *out, struct diag *err)
{
	memset(out, 0, sizeof(*out));
	out->file = file;
	if (memchr(buf, '\0', len)) {
		diag_set(err, file, 0, "binary input (NUL byte), not a config or log");
		return -1;
	}
	size_t cap = 1;
	for (size_t i = 0; i < len; i++)
		cap += buf[i] == '\n';
	out->lines = arena_calloc(a, cap, sizeof(*out->lines));
	if (!out->lines)
		goto oom;
	size_t start = 0;
	uint32_t lineno = 0;
	while (start < len) {
		const char *nl = memchr(buf + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - buf) : len;
		size_t e = end;
		lineno++;
		while (e > start && (buf[e - 1] == '\r' || buf[e - 1] == ' ' || buf[e - 1] == '\t'))
			e--;
		size_t b = start;
		while (b < e && buf[b] == ' ')
			b++;
		if (b < e) {
			struct text_line *l = &out->lines[out->n++];
			l->s = arena_strndup(a, buf + b, e - b);
			l->shown = l->s;
			if (!l->s)
				goto oom;
			l->len = e - b;
			l->lineno = lineno;
			l->indent = (uint16_t)(b - start > 65535 ? 65535 : b - start);
			l->comment = buf[b] == '!' || buf[b] == ':';
		}
		start = end + 1;
	}
	out->nphysical = lineno;
	text_detect_platform(out, &out->platform, &out->version);
	return 0;
oom:
	diag_set(err, file, 0, "input too large: memory limit reached");
	return -1;
}

int text_load(const char *path, struct arena *a, struct text *out, struct diag *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		diag_set(err, path, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	int rc = -1;
	while (buf) {
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (len < cap)
			break;
		if (cap >= TEXT_MAX_FILE) {
			diag_set(err, path, 0, "file larger than %zu MiB", TEXT_MAX_FILE >> 20);
			goto out;
		}
		char *nb = realloc(buf, cap * 2);
		if (!nb)
			break;
		buf = nb;
		cap *= 2;
	}
	if (!buf) {
		diag_set(err, path, 0, "out of memory");
		goto out;
	}
	if (ferror(f)) {
		diag_set(err, path, 0, "read error: %s", strerror(errno));
		goto out;
	}
	rc = text_from_buffer(path, buf, len, a, out, err);
out:
	free(buf);
	if (f != stdin)
		fclose(f);
	return rc;
}
