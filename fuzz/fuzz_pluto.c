/* libFuzzer target: Libreswan pluto logs, the peer's side. The first line
 * is a pluto line, so the reader's per-connection peer table is in use;
 * every event also goes through the peer facts (the quick-mode proposal
 * and PFS group explain --config compares with a Cisco config), and the
 * input is read with and without the readers' gate (fuzz_logs_common.h). */
#include <stddef.h>
#include <stdint.h>

#include "correlate/peer_facts.h"
#include "fuzz_logs_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_facts(void *arg, const struct ev_record *ev)
{
        peer_facts_event(arg, "fuzz", ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_feed("Dec  7 17:22:44.046007: \"t\" #1: initiating IKEv1 Main Mode connection", data,
                  size);
        /* the facts alone, on exact-size copies of the lines */
        struct peer_facts pf = {0};
        struct log_reader r;
        logs_init(&r, on_facts, NULL, &pf);
        uint32_t line = 0;
        fuzz_lines(&r, data, size, &line);
        logs_finish(&r);
        logs_free(&r);
        return 0;
}
