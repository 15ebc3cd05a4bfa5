/*
 * Comments, headers and trailers. "!" (IOS, ASA) and ":" (ASA) lines are
 * comments, and so are the "!"/"#" headers RANCID and Oxidized write
 * ("!RANCID-CONTENT-TYPE: cisco", "!Chassis type:", "!Image: ...",
 * "# ..."): they are kept, marked, because suppressions ("! ipsec-doctor:
 * ignore=ID") and version detection ("!Image: Software: ..., Version
 * 15.1(4)M4") read them. What the CLI prints around a config and is neither
 * config nor comment is dropped.
 */
#include "input_int.h"

#include <string.h>

static const struct {
	const char *prefix;
	enum line_kind kind;
} line_kinds[] = {
    {"Building configuration...", LK_DROP},
    {"Current configuration :", LK_DROP},
    {"Cryptochecksum:", LK_DROP},
    {"Enter configuration commands, one per line.", LK_DROP},
    {"[OK]", LK_DROP},
    {"!", LK_COMMENT},  /* also RANCID "!Chassis type:", "!Image:", "!Memory:" */
    {":", LK_COMMENT},  /* ASA ": Saved", ": end", ": Written by", ": Hardware:" */
    {"# ", LK_COMMENT}, /* RANCID/Oxidized headers of other formats */
};

enum line_kind header_kind(const char *s, size_t len)
{
	if (len == 1 && s[0] == '#')
		return LK_COMMENT;
	for (size_t i = 0; i < sizeof(line_kinds) / sizeof(*line_kinds); i++)
		if (tw_prefix(s, len, line_kinds[i].prefix))
			return line_kinds[i].kind;
	return LK_CONTENT;
}

/* Cisco's own examples annotate commands with "!--- text" after them. */
size_t header_cut_inline(const char *s, size_t len)
{
	for (size_t i = 1; i + 3 <= len; i++) {
		if (s[i] != '!' || s[i - 1] != ' ' || s[i + 1] != '-' || s[i + 2] != '-')
			continue;
		while (i > 0 && s[i - 1] == ' ')
			i--;
		return i;
	}
	return len;
}
