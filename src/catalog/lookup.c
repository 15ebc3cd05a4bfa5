/* Lookups over the catalog table and its small enums. */
#include <stdio.h>
#include <string.h>

#include "catalog.h"

/* 80 entries: a linear scan costs less than keeping a sorted index in step. */
const struct diagnosis *catalog_find(const char *id)
{
        if (!id)
                return NULL;
        for (size_t i = 0; i < catalog_count; i++)
                if (!strcmp(catalog[i].id, id))
                        return &catalog[i];
        return NULL;
}

static const char *const severity_names[] = {
    [SEV_INFO] = "info",
    [SEV_WARNING] = "warning",
    [SEV_ERROR] = "error",
};

const char *severity_name(enum severity s)
{
        if ((size_t)s >= sizeof(severity_names) / sizeof(severity_names[0]))
                return "unknown";
        return severity_names[s];
}

bool severity_parse(const char *s, enum severity *out)
{
        for (size_t i = 0; s && i < sizeof(severity_names) / sizeof(severity_names[0]); i++) {
                if (!strcmp(s, severity_names[i])) {
                        *out = (enum severity)i;
                        return true;
                }
        }
        return false;
}

static const struct {
        unsigned bit;
        const char *name;
} from_names[] = {
    {FROM_CONFIG, "config"},   {FROM_PAIR, "pair"}, {FROM_LOGS, "logs"},
    {FROM_CAPTURE, "capture"}, {FROM_LIVE, "live"},
};

const char *found_from_name(unsigned bit)
{
        for (size_t i = 0; i < sizeof(from_names) / sizeof(from_names[0]); i++)
                if (from_names[i].bit == bit)
                        return from_names[i].name;
        return NULL;
}

const char *found_from_str(unsigned bits, char *buf, size_t size)
{
        size_t used = 0;
        if (size == 0)
                return buf;
        buf[0] = '\0';
        for (size_t i = 0; i < sizeof(from_names) / sizeof(from_names[0]); i++) {
                if (!(bits & from_names[i].bit))
                        continue;
                int n =
                    snprintf(buf + used, size - used, "%s%s", used ? "," : "", from_names[i].name);
                if (n < 0 || (size_t)n >= size - used) {
                        buf[used] = '\0'; /* whole names only, never "config,pa" */
                        break;
                }
                used += (size_t)n;
        }
        return buf;
}

static const struct {
        const char *key, *label;
} dialects[DIALECT_COUNT] = {
    [DIALECT_IOS] = {"ios", "Cisco IOS / IOS-XE"},
    [DIALECT_PIX6] = {"pix6", "PIX 6.x"},
    [DIALECT_ASA70] = {"asa70", "ASA 7.0-8.3 (and PIX 7.x)"},
    [DIALECT_ASA84] = {"asa84", "ASA 8.4 and later"},
};

const char *dialect_key(enum dialect d)
{
        return (size_t)d < DIALECT_COUNT ? dialects[d].key : "unknown";
}

const char *dialect_label(enum dialect d)
{
        return (size_t)d < DIALECT_COUNT ? dialects[d].label : "unknown";
}

enum dialect dialect_for(enum platform p, const struct version *v)
{
        bool known = v && v->major >= 0;
        switch (p) {
        case PLAT_IOS:
                return DIALECT_IOS;
        case PLAT_PIX:
                /* PIX 7.x/8.0 runs the ASA code base; a PIX without a version
                 * line is almost always the 6.x generation that had no ASA twin. */
                return known && v->major >= 7 ? DIALECT_ASA70 : DIALECT_PIX6;
        case PLAT_ASA:
        case PLAT_UNKNOWN:
        default:
                /* Unknown version: assume a current release. ASAs in service
                 * today run 8.4 or later (9.x), where the IKEv1 commands carry
                 * the ikev1 keyword, so that syntax is the likelier to paste
                 * cleanly; the describe page shows the 7.x form beside it. */
                /* major.minor only: the maintenance release may be unknown. */
                if (known && (v->major < 8 || (v->major == 8 && v->minor < 4)))
                        return DIALECT_ASA70;
                return DIALECT_ASA84;
        }
}
