/*
 * ESP facts (esp.h) as JSON (capture --format json's capture.esp[]) and as
 * one text line per SA for the text output.
 */
#ifndef IPSD_CAPTURE_ESP_OUT_H
#define IPSD_CAPTURE_ESP_OUT_H

#include <jansson.h>

#include "sessions.h"

/* Adds "esp" (and the counts past the bounds) to o. 0, -1 out of memory. */
int cap_esp_json(const struct cap_set *cs, json_t *o);
/* "ESP SPI c254fe64 10.0.0.1 -> 10.0.0.2: 120 packets, ..." */
const char *cap_esp_line(const struct cap_set *cs, const struct cap_esp_sa *sa, char *buf,
                         size_t n);

#endif
