/*
 * What explain prints per recognised line (text: "file:line: key: meaning";
 * jsonl: one event object), and the ranked candidates turned into the
 * contract's findings with their fixes and, with configs, their verdicts.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../catalog/fix.h"
#include "../config/config.h"
#include "../input/text.h"
#include "../report/json_build.h"
#include "../report/report.h"
#include "explain_int.h"

/* A line may hold a key (a debug line, a pasted command): print it only
 * through the scrubber when it mentions one. */
static char *shown_text(struct arena *a, const char *s, size_t len)
{
        static const char *const risky[] = {"key", "KEY", "password", "secret", "Key"};
        for (size_t i = 0; i < sizeof(risky) / sizeof(risky[0]); i++)
                if (logs_find(s, len, risky[i]))
                        return text_scrub(a, s, len);
        return arena_strndup(a, s, len);
}

void explain_event(void *arg, const struct ev_record *ev)
{
        struct explain *x = arg;
        x->events++;
        corr_event(x->corr, x->file, ev);
        if (x->ndevs)
                peer_facts_event(&x->peer_facts, x->file, ev);
        const struct emitter *e = report_emitter(x->fmt);
        if (!e || !e->explain_line) /* a format that prints no line as it reads */
                return;
        struct arena a;
        arena_init(&a, 1u << 20);
        const char *text = ev->len ? shown_text(&a, ev->text, ev->len) : NULL;
        e->explain_line(x->out, x->file, ev, text);
        arena_free(&a);
}

void explain_unknown(struct explain *x, const char *s, size_t len, uint32_t line)
{
        if (len && s[len - 1] == '\r')
                len--;
        size_t i = 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
                i++;
        if (i == len)
                return; /* blank lines are counted, not listed */
        if (x->unknown_list && json_array_size(x->unknown_list) >= EXPLAIN_MAX_UNKNOWN)
                return;
        struct arena a;
        arena_init(&a, 1u << 20);
        /* Always through the scrubber: an unknown line is the likeliest to be
         * a pasted config line with a key in it. */
        const char *text = text_scrub(&a, s, len);
        if (!text)
                text = "(line not shown: out of memory)";
        /* streamed by the formats that print as they read (text, jsonl),
         * collected for the JSON document; bad bytes escaped, never dropped */
        const struct emitter *e = report_emitter(x->fmt);
        if (e && e->explain_unknown)
                e->explain_unknown(x->out, x->file, line, text);
        else if (x->unknown_list)
                json_array_append_new(x->unknown_list,
                                      json_pack("{s:o, s:i, s:o}", "file", json_str_safe(x->file),
                                                "line", (json_int_t)line, "text",
                                                json_str_safe(text)));
        arena_free(&a);
}

void explain_config(void *arg, const char *buf, size_t len, uint32_t first)
{
        struct explain *x = arg;
        if (x->ndevs >= EXPLAIN_MAX_DEVS)
                return;
        char name[512];
        snprintf(name, sizeof(name), "%s@%u", x->file, (unsigned)first);
        struct device *dev;
        struct diag err;
        if (config_read_buffer(name, buf, len, PLAT_UNKNOWN, &dev, &err))
                return; /* a pasted block that is not a config: nothing to check against */
        x->devs[x->ndevs++] = dev;
}
