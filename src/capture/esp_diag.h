/* A capture's ESP and NAT-D facts as capture patterns (esp_diag.c). */
#ifndef IPSD_CAPTURE_ESP_DIAG_H
#define IPSD_CAPTURE_ESP_DIAG_H

#include "../util/arena.h"
#include "ladder.h"
#include "sessions.h"

/* Each pattern the ESP SAs and NAT-D facts of cs prove goes to fn as an
 * evidence record of source capture located at file and a frame; its text
 * lives in ar. The device is the one that must change (see esp_diag.c). */
void cap_esp_evidence(const struct cap_set *cs, const char *file, struct arena *ar,
                      cap_evidence_fn fn, void *ctx);

#endif
