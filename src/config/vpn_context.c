/* Unknown lines in a VPN context (see vpn_context.h). */
#include "vpn_context.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* First words that open or are a VPN command, most specific first. */
static const struct {
        const char *prefix;
        const char *context;
} openers[] = {
    {"crypto ", "crypto"},
    {"isakmp ", "crypto"}, /* PIX 6 */
    {"tunnel-group ", "tunnel-group"},
    {"group-policy ", "group-policy"},
    {"webvpn", "webvpn"},
    {"vpn load-balancing", "vpn load-balancing"},
    {"vpn-", "vpn"},
    {"ip nat ", "nat"},
    {"nat ", "nat"},
    {"static ", "nat"}, /* ASA / PIX pre-8.3 static NAT */
    {"global ", "nat"}, /* ASA / PIX pre-8.3 global pool */
    {"interface ", "interface"},
    {"sysopt connection", "sysopt"},
};

static bool starts(const char *s, const char *p)
{
        return !strncasecmp(s, p, strlen(p));
}

const char *vpn_context_of(const char *line)
{
        while (*line == ' ' || *line == '\t')
                line++;
        if (starts(line, "no "))
                line += 3;
        for (size_t i = 0; i < sizeof(openers) / sizeof(openers[0]); i++)
                if (starts(line, openers[i].prefix))
                        return openers[i].context;
        /* "username NAME attributes" opens the user's VPN attributes (ASA) */
        if (starts(line, "username ")) {
                const char *a = strstr(line, " attributes");
                if (a && (a[11] == '\0' || isspace((unsigned char)a[11])))
                        return "username attributes";
        }
        return NULL;
}

/* The prompt's mode says the block when the input was a CLI session. */
static bool vpn_mode(const char *mode)
{
        static const char *const modes[] = {
            "config-if",      "config-subif",  "config-crypto",   "config-isakmp",
            "config-ikev",    "config-tunnel", "config-group",    "config-ipsec",
            "config-keyring", "config-webvpn", "config-username", "config-load-balancing"};
        for (size_t i = 0; mode && i < sizeof(modes) / sizeof(modes[0]); i++)
                if (starts(mode, modes[i]))
                        return true;
        return false;
}

/* The first logical line from physical line `line` on (lines are in order). */
static size_t find_line(const struct text *t, uint32_t line)
{
        size_t lo = 0, hi = t->n;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (t->lines[mid].lineno < line)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

/* Leading spaces (counted by the input layer) plus tabs and spaces left in the text. */
static unsigned indent_of(const struct text_line *l)
{
        unsigned n = l->indent;
        for (const char *p = l->s; *p == '\t' || *p == ' '; p++)
                n++;
        return n;
}

/* The opener of the block line i belongs to: the nearest earlier config line
 * with a smaller indent (bounded: a block is not thousands of lines deep). */
static const char *opener_of(const struct text *t, size_t i)
{
        unsigned ind = indent_of(&t->lines[i]);
        for (size_t k = i, steps = 0; k-- > 0 && steps < 4096; steps++) {
                const struct text_line *l = &t->lines[k];
                if (!l->comment && !l->output && indent_of(l) < ind)
                        return l->s;
        }
        return NULL;
}

int vpn_context_collect(struct device *dev, const struct text *t)
{
        for (size_t u = 0; u < dev->unknown.n; u++) {
                const struct loc *un = dev->unknown.v[u];
                size_t i = find_line(t, un->line);
                bool vpn = false;
                /* every logical line of that physical line (glued prompts) */
                for (; !vpn && i < t->n && t->lines[i].lineno == un->line; i++) {
                        const struct text_line *l = &t->lines[i];
                        const char *op = indent_of(l) ? opener_of(t, i) : NULL;
                        vpn =
                            vpn_context_of(l->s) || vpn_mode(l->mode) || (op && vpn_context_of(op));
                }
                if (vpn && ptrvec_push(&dev->arena, &dev->unknown_vpn, dev->unknown.v[u]))
                        return -1;
        }
        return 0;
}
