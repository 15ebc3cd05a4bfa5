/*
 * Platform and version of a loaded text. A version line decides: the
 * config's own ("ASA Version 9.8(4)", "PIX Version 6.3(5)", "version
 * 15.4"), a RANCID header ("!Image: Software: C2900-UNIVERSALK9-M, Version
 * 15.1(4)M4") or pasted "show version" output. Without one, syntax clues
 * are scored; PLAT_UNKNOWN when they do not tell.
 */
#include "input_int.h"

#include <string.h>

static const struct {
        const char *prefix; /* at the start of the line */
        const char *find;   /* then the version follows this, or NULL: right after */
        enum platform p;
        bool config_only; /* not in command output ("version 2" of show commands) */
} version_lines[] = {
    {"ASA Version ", NULL, PLAT_ASA, false},
    {"PIX Version ", NULL, PLAT_PIX, false},
    {"FWSM Version ", NULL, PLAT_ASA, false}, /* FWSM 3.x/4.x is the ASA dialect */
    {"version ", NULL, PLAT_IOS, true},
    {"Cisco Adaptive Security Appliance Software Version ", NULL, PLAT_ASA, false},
    {"Cisco PIX Security Appliance Software Version ", NULL, PLAT_PIX, false},
    {"Cisco PIX Firewall Version ", NULL, PLAT_PIX, false},
    {"Cisco IOS Software", "Version ", PLAT_IOS, false},
    {"Cisco IOS XE Software", "Version ", PLAT_IOS, false},
    {"IOS (tm)", "Version ", PLAT_IOS, false},
    {"!Image: Software:", "Version ", PLAT_IOS, false}, /* RANCID; image name refines */
};

/* RANCID names the image; an ASA or PIX image is not IOS. */
static const struct {
        const char *word;
        enum platform p;
} image_names[] = {{"asa", PLAT_ASA}, {"pix", PLAT_PIX}, {"fwsm", PLAT_ASA}};

/*
 * Syntax clues, scored when no version line is found. parent, when set,
 * is matched against the last top-level command of a sub-command line.
 */
static const struct {
        const char *parent;
        const char *pat;
        enum platform p;
        int weight;
} clues[] = {
    {"interface", "nameif", PLAT_ASA, 3},
    {"interface", "security-level", PLAT_ASA, 2},
    {NULL, "tunnel-group * type|general-attributes|ipsec-attributes", PLAT_ASA, 3},
    {NULL, "crypto map * interface", PLAT_ASA, 3},
    {NULL, "object network|service", PLAT_ASA, 2},
    {NULL, "access-list * extended", PLAT_ASA, 2},
    {NULL, "same-security-traffic", PLAT_ASA, 3},
    {NULL, "crypto ikev1", PLAT_ASA, 2},
    {NULL, "crypto ipsec ikev1|ikev2", PLAT_ASA, 3},
    {NULL, "crypto isakmp|ikev1|ikev2 enable *", PLAT_ASA, 2},
    {NULL, "group-policy * internal|external|attributes", PLAT_ASA, 2},
    {NULL, "nameif * * security*", PLAT_PIX, 4},
    {NULL, "isakmp policy|key|enable|identity", PLAT_PIX, 2},
    {NULL, "sysopt connection permit-ipsec", PLAT_PIX, 3},
    {NULL, "fixup protocol", PLAT_PIX, 3},
    {"interface", "ip address @ @", PLAT_IOS, 1},
    {"interface", "crypto map *", PLAT_IOS, 2},
    {"interface", "ip nat inside|outside", PLAT_IOS, 2},
    {"crypto isakmp policy", "encr", PLAT_IOS, 2},
    /* IOS prints "encr", ASA 8.x "encryption"; the other sub-commands are alike */
    {"crypto isakmp policy", "encryption", PLAT_ASA, 2},
    {NULL, "ip route", PLAT_IOS, 2},
    {NULL, "ip nat inside|outside source", PLAT_IOS, 3},
    {NULL, "ip access-list extended|standard", PLAT_IOS, 2},
    {NULL, "crypto keyring", PLAT_IOS, 3},
    {NULL, "crypto isakmp profile|key", PLAT_IOS, 2},
    {NULL, "crypto ipsec profile", PLAT_IOS, 2},
    {NULL, "crypto gdoi", PLAT_IOS, 3},
    {"crypto map|dynamic-map", "set|match", PLAT_IOS, 2}, /* ASA never indents these */
    {"crypto ipsec transform-set", "mode", PLAT_IOS, 2},
};

#define NELEM(a) (sizeof(a) / sizeof(*(a)))

/* "9.8(4)22" -> 9,8,4; "15.4" -> 15,4,0; "16.09.04" -> 16,9,4. Returns the
 * token length, 0 when s does not start with a version. */
static size_t parse_version(const char *s, size_t len, struct version *v)
{
        int part[3] = {0, 0, 0};
        size_t i = 0;
        for (int k = 0; k < 3; k++) {
                if (k == 1 && (i >= len || s[i] != '.'))
                        return 0;
                if (k == 2 && (i >= len || (s[i] != '(' && s[i] != '.')))
                        break;
                if (k)
                        i++;
                size_t d = 0;
                while (i < len && s[i] >= '0' && s[i] <= '9' && d < 4)
                        part[k] = part[k] * 10 + (s[i++] - '0'), d++;
                if (d == 0)
                        return 0;
        }
        size_t end = i;
        while (end < len && s[end] != ' ' && s[end] != ',')
                end++;
        v->major = part[0];
        v->minor = part[1];
        v->maint = part[2];
        v->text = s;
        return end;
}

static enum platform image_platform(const char *s, size_t len, enum platform dflt)
{
        for (size_t i = 0; i < len; i++)
                for (size_t k = 0; k < NELEM(image_names); k++)
                        if (tw_prefix(s + i, len - i, image_names[k].word))
                                return image_names[k].p;
        return dflt;
}

static bool version_line(const struct text_line *l, enum platform *p, struct version *v,
                         size_t *vlen)
{
        for (size_t k = 0; k < NELEM(version_lines); k++) {
                size_t pl = strlen(version_lines[k].prefix);
                if ((version_lines[k].config_only && (l->output || l->mode)) ||
                    !tw_prefix(l->s, l->len, version_lines[k].prefix))
                        continue;
                const char *at = l->s + pl;
                if (version_lines[k].find) {
                        at = strstr(at, version_lines[k].find);
                        if (!at)
                                continue;
                        at += strlen(version_lines[k].find);
                }
                size_t n = parse_version(at, l->len - (size_t)(at - l->s), v);
                if (!n)
                        continue;
                *vlen = n;
                *p = version_lines[k].p;
                if (version_lines[k].find)
                        *p = image_platform(l->s, (size_t)(at - l->s), *p);
                return true;
        }
        return false;
}

/* A sub-command: indented, or typed at a sub-mode prompt. */
static bool is_sub(const struct text_line *l)
{
        return l->indent > 0 || (l->mode && strcmp(l->mode, "config") && strcmp(l->mode, "exec"));
}

static enum platform score_clues(const struct text *t)
{
        int score[4] = {0, 0, 0, 0};
        struct span parent[6], w[6];
        size_t np = 0;
        uint32_t letters = 0;
        for (size_t k = 0; k < NELEM(clues); k++)
                letters |= tw_letters(clues[k].pat);
        for (size_t i = 0; i < t->n; i++) {
                const struct text_line *l = &t->lines[i];
                if (l->output || l->comment || (l->mode && !strcmp(l->mode, "exec")))
                        continue;
                bool sub = is_sub(l);
                size_t n = tw_split(l->s, l->len, w, NELEM(w));
                bool may = n > 0 && tw_letter_in(letters, w[0]);
                for (size_t k = 0; k < NELEM(clues) && may; k++) {
                        if (clues[k].parent && (!sub || !tw_match(parent, np, clues[k].parent)))
                                continue;
                        if (!clues[k].parent && sub)
                                continue;
                        if (tw_match(w, n, clues[k].pat))
                                score[clues[k].p] += clues[k].weight;
                }
                if (!sub) {
                        memcpy(parent, w, sizeof(w));
                        np = n;
                }
        }
        /* one weak clue is not enough, and a tie does not tell */
        int best = PLAT_IOS;
        for (int p = PLAT_ASA; p <= PLAT_PIX; p++)
                if (score[p] > score[best])
                        best = p;
        for (int p = PLAT_IOS; p <= PLAT_PIX; p++)
                if (p != best && score[p] == score[best])
                        return PLAT_UNKNOWN;
        return score[best] >= 2 ? (enum platform)best : PLAT_UNKNOWN;
}

void detect_platform(const struct text *t, enum platform *p, struct version *v, size_t *vlen)
{
        *p = PLAT_UNKNOWN;
        v->major = v->minor = v->maint = -1;
        v->text = NULL;
        *vlen = 0;
        for (size_t i = 0; i < t->n; i++)
                if (version_line(&t->lines[i], p, v, vlen))
                        return;
        *p = score_clues(t);
}

void text_detect_platform(const struct text *t, enum platform *p, struct version *v)
{
        size_t vlen;
        detect_platform(t, p, v, &vlen);
}
