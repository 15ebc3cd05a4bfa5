/*
 * What a terminal capture adds to a line and a config never contains:
 * backspaces (and DEL) that erased characters on screen, ANSI escape
 * sequences, tabs and other control bytes, the pager's "--More--" (IOS) or
 * "<--- More --->" (ASA) prompt, and trailing spaces.
 */
#include "input_int.h"

#include <string.h>

/* Pager prompts, as the CLI prints them. */
static const char *const pager_markers[] = {
    "--More--",
    "<--- More --->",
};

/* Applies erasures and turns control bytes into spaces. ETX (^C) stays: it
 * is the usual delimiter of IOS banners. */
static size_t apply_controls(const char *in, size_t len, char *out)
{
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)in[i];
                if (c == '\b' || c == 0x7f) {
                        o -= o > 0;
                } else if (c == 0x1b) {
                        /* CSI "ESC [ params final": skip it whole (colours, cursor) */
                        if (i + 1 < len && in[i + 1] == '[') {
                                i += 2;
                                while (i < len && !((unsigned char)in[i] >= 0x40 &&
                                                    (unsigned char)in[i] <= 0x7e))
                                        i++;
                        }
                } else if (c < 0x20 && c != 0x03) {
                        out[o++] = ' ';
                } else {
                        out[o++] = (char)c;
                }
        }
        return o;
}

/* Length of the pager prompt starting at s, or 0. */
static size_t marker_at(const char *s, size_t len)
{
        if (s[0] != '-' && s[0] != '<')
                return 0;
        for (size_t k = 0; k < sizeof(pager_markers) / sizeof(*pager_markers); k++) {
                size_t ml = strlen(pager_markers[k]);
                if (ml <= len && !memcmp(s, pager_markers[k], ml))
                        return ml;
        }
        return 0;
}

/*
 * Removes pager prompts in one pass, compacting in place. At the start of a
 * line the text after the prompt is the next output line: when the capture
 * lost the backspaces, the prompt is followed by one space, as many spaces
 * as erased it, then the line's own indent, which is what we keep.
 */
static size_t drop_markers(char *s, size_t len)
{
        size_t w = 0, r = 0;
        bool blank = true; /* s[0..w) is all spaces */
        while (r < len) {
                size_t ml = marker_at(s + r, len - r);
                if (!ml) {
                        blank = blank && s[r] == ' ';
                        s[w++] = s[r++];
                        continue;
                }
                size_t sp = 0;
                while (r + ml + sp < len && s[r + ml + sp] == ' ')
                        sp++;
                size_t keep;
                if (blank) {
                        size_t width = w + ml + 1;
                        keep = sp >= 1 + width ? sp - 1 - width : (sp ? sp - 1 : 0);
                        w = 0;
                } else {
                        while (w > 0 && s[w - 1] == ' ')
                                w--;
                        keep = r + ml + sp < len ? 1 : 0;
                }
                r += ml + sp;
                memset(s + w, ' ', keep);
                w += keep;
        }
        return w;
}

size_t clean_line(const char *in, size_t len, char *out)
{
        size_t o = apply_controls(in, len, out);
        o = drop_markers(out, o);
        while (o > 0 && out[o - 1] == ' ')
                o--;
        out[o] = '\0';
        return o;
}
