/*
 * State inference across lines: what two messages of one peer's episode
 * say together that neither says alone. Each rule is a row of data with its
 * source; correlate.c weighs them with the other evidence (a boost adds to
 * a candidate once per episode, a cancel sets it back to nothing).
 */
#ifndef IPSD_CORR_RULES_H
#define IPSD_CORR_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "../catalog/messages.h"

/* One side of a rule: catalogue entries with this key; pattern NULL: any
 * of them, "": the one without a pattern, else the one with this pattern. */
struct rule_msg {
        const char *key;
        const char *pattern;
};

enum rule_action {
        RULE_BOOST,  /* the two together point at id: add weight */
        RULE_CANCEL, /* the second undoes what the first said about id */
};

#define RULE_SIDES 4

struct corr_rule {
        const char *name;
        struct rule_msg first[RULE_SIDES]; /* any of these, seen earlier in the episode */
        struct rule_msg then[RULE_SIDES];  /* any of these, later */
        const char *group;                 /* the line's group must be this; NULL: any */
        enum rule_action action;
        const char *id;
        int weight;
        const char *source;
};

extern const struct corr_rule corr_rules[];
extern const size_t corr_rule_count;

/* Whether message m is one of side[] (a NULL key ends the list). */
bool rule_side_has(const struct rule_msg *side, const struct message *m);

#endif
