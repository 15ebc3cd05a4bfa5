/*
 * Commands glued on one line without prompts, as web pages that lost their
 * newlines show them ("ip route 0.0.0.0 0.0.0.0 172.22.1.1 ip route
 * 192.168.200.0 ..."). Cutting is conservative: only a line that begins
 * with one of the starters below is cut, and only before a later starter.
 * Each starter carries the words that must follow it, so that a keyword
 * used as an argument ("nat (inside) 0 access-list NONAT", "ip nat inside
 * source route-map nonat interface X", the IOS interface's "crypto map M")
 * does not match. Remarks, descriptions, banners and quoted strings end the
 * search: their text is free.
 */
#include "input_int.h"

static const char *const starters[] = {
    "access-list * permit|deny|extended|standard|remark|webtype|ethertype|line",
    "ip route @|vrf",
    "route * @",
    "crypto map * #|interface",
    "crypto dynamic-map * #",
    "threat-detection *",
    "route-map * permit|deny",
    "tunnel-group * type|general-attributes|ipsec-attributes|webvpn-attributes|ppp-attributes",
    "group-policy * internal|external|attributes",
    "sysopt *",
    "ip nat inside|outside source",
};

static const char *const free_text[] = {"remark", "description", "banner"};

#define NELEM(a) (sizeof(a) / sizeof(*(a)))

/* Words in the starter that matches at w, or 0. */
static size_t starter_at(const struct span *w, size_t n)
{
	for (size_t k = 0; k < NELEM(starters); k++) {
		if (!tw_match(w, n, starters[k]))
			continue;
		size_t words = 1;
		for (const char *p = starters[k]; *p; p++)
			words += *p == ' ';
		return words;
	}
	return 0;
}

static bool ends_search(struct span w)
{
	if (w.s[0] == '"')
		return true;
	for (size_t k = 0; k < NELEM(free_text); k++)
		if (tw_eq(w, free_text[k]))
			return true;
	return false;
}

size_t glue_split(const char *s, size_t len, struct span *w, size_t nw, size_t *cuts)
{
	size_t n = tw_split(s, len, w, nw), ncuts = 0;
	uint32_t letters = 0;
	for (size_t k = 0; k < NELEM(starters); k++)
		letters |= tw_letters(starters[k]);
	size_t first = n > 0 && tw_eq(w[0], "no") ? 1 : 0;
	size_t sw = first < n ? starter_at(w + first, n - first) : 0;
	if (!sw)
		return 0;
	size_t next = first + sw; /* words before this belong to a starter */
	for (size_t i = first + 1; i < n; i++) {
		if (ends_search(w[i]))
			break;
		if (i < next)
			continue;
		size_t at = i + (tw_eq(w[i], "no") ? 1 : 0);
		sw = at < n && tw_letter_in(letters, w[at]) ? starter_at(w + at, n - at) : 0;
		if (sw) {
			cuts[ncuts++] = (size_t)(w[i].s - s);
			next = at + sw;
		}
	}
	return ncuts;
}
