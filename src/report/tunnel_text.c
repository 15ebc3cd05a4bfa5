/*
 *   hq-asa                                branch-ios
 *     |--- MM1 ------------------------------>|  SA: 1 proposal(s) ...
 *     |<-- MM2 -------------------------------|  SA: accepts ...
 *     |--- MM5 ---------------------------X   |  refused: ...
 */
#include <stdbool.h>
#include <string.h>

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
        memcpy(line + 4, s->step, n);
        line[3] = line[4 + n] = ' ';
        if (right) {
                line[LADDER_W - 1] = '>';
                if (!s->ok)
                        memcpy(line + LADDER_W - 4, "X   ", 4);
                fprintf(out, "    |%s|  %s\n", line, s->detail ? s->detail : "");
        } else {
                line[0] = '<';
                if (!s->ok)
                        memcpy(line, "   X", 4);
                fprintf(out, "    |%s|  %s\n", line, s->detail ? s->detail : "");
        }
}

void report_tunnel_text(FILE *out, const struct tunnel_result *t)
{
        fprintf(out, "tunnel %s (%s) -> %s (%s), initiator %s\n\n", t->a,
                t->peer_b ? t->peer_b : "?", t->b, t->peer_a ? t->peer_a : "?",
                t->initiator ? t->initiator : t->a);
        fprintf(out, "  %-*s %s\n", LADDER_W + 2, t->a, t->b);
        for (size_t i = 0; i < t->nsteps; i++)
                arrow(out, &t->steps[i], !strcmp(t->steps[i].from, t->a));
        if (!t->nsteps)
                fprintf(out, "    (nothing is sent)\n");
        fprintf(out, "\n  state:  %s %s, %s %s\n", t->a,
                t->state_a && *t->state_a ? t->state_a : "(no SA)", t->b,
                t->state_b && *t->state_b ? t->state_b : "(no SA)");
        fprintf(out, "  status: %s\n", tunnel_status_name(t->status));
        if (t->reason)
                fprintf(out, "  reason: %s\n", t->reason);
        if (t->nlogs)
                fprintf(out, "  logs each side would print:\n");
        for (size_t i = 0; i < t->nlogs; i++)
                fprintf(out, "    %s: %s\n", t->logs[i].device, t->logs[i].text);
}

void report_tunnel_line(FILE *out, const struct tunnel_result *t)
{
        fprintf(out, "tunnel %s -> %s", t->a, t->b);
        if (t->via)
                fprintf(out, " (%s)", t->via);
        fprintf(out, ": %s", tunnel_status_name(t->status));
        if (t->reason)
                fprintf(out, ": %s", t->reason);
        fputc('\n', out);
}
