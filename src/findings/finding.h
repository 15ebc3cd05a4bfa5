/*
 * Findings: what every analysis produces and every report prints.
 * {id, severity, device, file:line, evidence, explanation, fix[]}, exactly
 * the objects of the JSON contract in product.md.
 *
 * A struct findings owns an arena; every string of every finding lives in
 * it (copied in), so findings outlive the device models they point at.
 * Analyses add findings through finding_add() and the helpers below and
 * never print; report/ prints.
 */
#ifndef IPSD_FINDING_H
#define IPSD_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../catalog/catalog.h"
#include "../model/model.h"
#include "../util/arena.h"

struct evidence {
        const char *file;
        uint32_t line;
        const char *text; /* already scrubbed of secrets */
};

struct fix {
        const char *device;
        enum platform platform;
        const char *version; /* NULL when unknown */
        const char **commands;
        size_t ncommands;
        const char *warning; /* NULL or the change-control warning */
        const char *note;    /* NULL or what a placeholder must be ("<pre-shared-key>
                                is the key B holds for A") */
};

/* `check --fix`: this finding's printed fixes pasted into copies of the
 * configs (through `apply`'s path) and every check run again. */
struct fix_replay {
        bool done;
        bool clears;            /* the finding is reported fewer times after */
        const char *new_error;  /* the ID of an error the fix adds, or NULL */
        size_t tunnels_failing; /* tunnels between the configs that do not establish */
};

struct finding {
        const struct diagnosis *diag;
        enum severity severity;
        const char *title;
        const char *device; /* hostname, else file name */
        const char *file;
        uint32_t line;
        const char *peer;  /* NULL when not about one peer */
        const char *other; /* a pair fault: the other device's label, else NULL */
        struct evidence *ev;
        size_t nev, evcap;
        const char *explanation;
        struct fix *fixes;
        size_t nfixes, fixcap;
        size_t seq; /* insertion order, the last sort key */
        struct fix_replay replay;
};

struct findings {
        struct arena arena;
        struct ptrvec list;    /* struct finding * */
        struct ptrvec tunnels; /* struct tunnel_result * (findings/tunnel.h) */
};

/* What a finding is about: a device read from its config, or a device
 * known only from what its logs or a capture show of it (its platform, a
 * label such as "the ASA", the log or capture file). Analyses that have no
 * config give a subject, not a made-up device model. */
struct subject {
        const char *label; /* hostname, else file name, else what the evidence calls it */
        const char *file;  /* the config, log or capture the finding points into */
        enum platform platform;
        const struct version *version; /* NULL: unknown */
};

/* The subject a device model is: its label, file, platform and version. */
struct subject subject_of(const struct device *dev);

void findings_init(struct findings *fs);
void findings_free(struct findings *fs);

/*
 * A new finding of catalog id about dev at loc (loc may be NULL: the
 * device as a whole). Title and explanation start as the catalog's; the
 * loc's line becomes the first evidence line. NULL on OOM or unknown id.
 */
struct finding *finding_add(struct findings *fs, const char *id, const struct device *dev,
                            const struct loc *loc);
/* The same about a subject (s->file when loc or loc->file is NULL). */
struct finding *finding_add_about(struct findings *fs, const char *id, const struct subject *s,
                                  const struct loc *loc);
int finding_set_peer(struct findings *fs, struct finding *f, const char *peer);
/* Marks f as one end of a fault of the pair f->device / other: the text
 * report prints both ends once. */
int finding_set_other(struct findings *fs, struct finding *f, const char *other);
/* printf-style replacement of the title / explanation. */
int finding_title(struct findings *fs, struct finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int finding_explain(struct findings *fs, struct finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int finding_evidence(struct findings *fs, struct finding *f, const struct loc *loc);
/* Adds one fix for dev: lines are copied. Warning NULL unless the fix drops tunnels. */
int finding_fix_lines(struct findings *fs, struct finding *f, const struct device *dev,
                      const char *const *lines, size_t n, const char *warning);
/* The same for a subject's device. */
int finding_fix_lines_about(struct findings *fs, struct finding *f, const struct subject *s,
                            const char *const *lines, size_t n, const char *warning);

/* A copy of another finding's fix x (its device, commands, warning, note). */
int finding_fix_copy(struct findings *fs, struct finding *f, const struct fix *x);

/* Sorts by file, line, severity (errors first), id, insertion. */
void findings_sort(struct findings *fs);
/* Counts per severity (out[SEV_INFO..SEV_ERROR]). */
void findings_count(const struct findings *fs, size_t out[3]);
/* The name printed for a device: hostname, else its file. */
const char *device_label(const struct device *dev);

#endif
