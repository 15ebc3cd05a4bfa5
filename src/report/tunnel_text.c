/*
 *   hq-asa                                branch-ios
 *     |--- MM1 ------------------------------>|  SA: 1 proposal(s) ...
 *     |<-- MM2 -------------------------------|  SA: accepts ...
 *     |--- MM5 ---------------------------X   |  refused: ...
 */
#include <stdbool.h>
#include <string.h>

#include "text_safe.h"
#include "tunnel_text.h"

#define LADDER_W 40 /* columns between the two rails */

static void arrow(FILE *out, const struct tunnel_step *s, bool right)
{
        char line[LADDER_W + 1];
        memset(line, '-', LADDER_W);
        line[LADDER_W] = '\0';
        size_t n = strlen(s->step);
        if (n > LADDER_W - 8)
                n = LADDER_W - 8;
        memcpy(line + 4, s->step, n); /* a step name of the negotiation's own table */
        line[3] = line[4 + n] = ' ';
        if (right) {
                line[LADDER_W - 1] = '>';
                if (!s->ok)
                        memcpy(line + LADDER_W - 4, "X   ", 4);
                fprintf(out, "    |%s|  ", line);
        } else {
                line[0] = '<';
                if (!s->ok)
                        memcpy(line, "   X", 4);
                fprintf(out, "    |%s|  ", line);
        }
        text_put(out, s->detail);
        fputc('\n', out);
}

/* Device labels and reasons come from configs: escaped (text_safe.h). */
static void put(FILE *out, const char *s)
{
        text_put(out, s);
}

/* s padded to width columns (bytes, as the ladder's rails are ASCII). */
static void put_pad(FILE *out, const char *s, int width)
{
        text_put(out, s);
        for (int n = (int)strlen(s); n < width; n++)
                fputc(' ', out);
}

void report_tunnel_text(FILE *out, const struct tunnel_result *t)
{
        fputs("tunnel ", out);
        put(out, t->a);
        fputs(" (", out);
        put(out, t->peer_b ? t->peer_b : "?");
        fputs(") -> ", out);
        put(out, t->b);
        fputs(" (", out);
        put(out, t->peer_a ? t->peer_a : "?");
        fputs("), initiator ", out);
        put(out, t->initiator ? t->initiator : t->a);
        fputs("\n\n  ", out);
        put_pad(out, t->a, LADDER_W + 3);
        put(out, t->b);
        fputc('\n', out);
        for (size_t i = 0; i < t->nsteps; i++)
                arrow(out, &t->steps[i], !strcmp(t->steps[i].from, t->a));
        if (!t->nsteps)
                fprintf(out, "    (nothing is sent)\n");
        if (!t->no_states) {
                fputs("\n  state:  ", out);
                put(out, t->a);
                fputc(' ', out);
                put(out, t->state_a && *t->state_a ? t->state_a : "(no SA)");
                fputs(", ", out);
                put(out, t->b);
                fputc(' ', out);
                put(out, t->state_b && *t->state_b ? t->state_b : "(no SA)");
                fputc('\n', out);
        } else {
                fputc('\n', out);
        }
        fprintf(out, "  status: %s\n", tunnel_status_name(t->status));
        if (t->reason) {
                fputs("  reason: ", out);
                put(out, t->reason);
                fputc('\n', out);
        }
        if (t->nlogs)
                fprintf(out, "  logs each side would print:\n");
        for (size_t i = 0; i < t->nlogs; i++) {
                fputs("    ", out);
                put(out, t->logs[i].device);
                fputs(": ", out);
                put(out, t->logs[i].text);
                fputc('\n', out);
        }
}

void report_tunnel_line(FILE *out, const struct tunnel_result *t)
{
        fputs("tunnel ", out);
        put(out, t->a);
        fputs(" -> ", out);
        put(out, t->b);
        if (t->via) {
                fputs(" (", out);
                put(out, t->via);
                fputc(')', out);
        }
        fprintf(out, ": %s", tunnel_status_name(t->status));
        if (t->reason) {
                fputs(": ", out);
                put(out, t->reason);
        }
        fputc('\n', out);
}
