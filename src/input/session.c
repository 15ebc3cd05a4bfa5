/*
 * Configs typed as a CLI session rather than saved by the device: lab notes
 * and scripts start with "enable" and "configure terminal" (or "conf t"),
 * indent every command by a tab or a few spaces, and end with "end" and
 * "write memory". The exec commands are not config; the session's first
 * command gives the indent of the top level (normalize.c).
 */
#include "input_int.h"

/* w is a prefix of kw of at least min letters (the CLI's abbreviations). */
static bool abbrev(struct span w, const char *kw, size_t min)
{
        if (w.len < min)
                return false;
        for (size_t i = 0; i < w.len; i++) {
                char c = w.s[i];
                if (c >= 'A' && c <= 'Z')
                        c = (char)(c - 'A' + 'a');
                if (!kw[i] || c != kw[i])
                        return false;
        }
        return true;
}

bool session_opener(const char *s, size_t len)
{
        struct span w[3];
        size_t n = tw_split(s, len, w, 3);
        /* IOS and ASA "configure terminal"; PIX 6 also "configure memory|floppy|net"
         * (PIX 6.3 command reference, "configure") */
        return n == 2 && abbrev(w[0], "configure", 4) &&
               (abbrev(w[1], "terminal", 1) || abbrev(w[1], "memory", 1) ||
                abbrev(w[1], "floppy", 1) || abbrev(w[1], "network", 3));
}

bool session_exec_line(const char *s, size_t len)
{
        struct span w[4];
        size_t n = tw_split(s, len, w, 4);
        if (n == 1 && (abbrev(w[0], "enable", 2) || abbrev(w[0], "write", 2)))
                return true; /* a bare "enable" is no config command; "enable secret" is */
        if (n == 2 && abbrev(w[0], "write", 2) &&
            (abbrev(w[1], "memory", 3) || abbrev(w[1], "terminal", 1)))
                return true;
        if (n == 3 && abbrev(w[0], "copy", 2) && abbrev(w[1], "running-config", 3) &&
            abbrev(w[2], "startup-config", 5))
                return true;
        return session_opener(s, len);
}
