/*
 * Inline suppressions, as shellcheck has them: a comment
 *   ! ipsec-doctor: ignore=crypto-acl-duplicate,backup-peers
 * silences those IDs on the next config line; "ignore-file=" silences them
 * in the whole file. The comment survives in a config kept in git, which a
 * command-line flag would not.
 */
#include "suppress.h"

#include <string.h>

#define DIRECTIVE "ipsec-doctor:"

static const char *find_directive(const struct text_line *l, bool *file_wide)
{
        const char *p = strstr(l->s, DIRECTIVE);
        if (!p)
                return NULL;
        p += strlen(DIRECTIVE);
        while (*p == ' ')
                p++;
        if (!strncmp(p, "ignore-file=", 12)) {
                *file_wide = true;
                return p + 12;
        }
        if (!strncmp(p, "ignore=", 7)) {
                *file_wide = false;
                return p + 7;
        }
        return NULL;
}

int suppressions_collect(struct device *dev, const struct text *t)
{
        for (size_t i = 0; i < t->n; i++) {
                const struct text_line *l = &t->lines[i];
                bool file_wide = false;
                const char *ids = l->comment ? find_directive(l, &file_wide) : NULL;
                if (!ids)
                        continue;
                size_t n = strcspn(ids, " \t");
                struct suppression *s = model_alloc(dev, sizeof(*s));
                if (!s)
                        return -1;
                s->loc = (struct loc){dev->file, l->lineno, l->shown};
                s->ids = arena_strndup(&dev->arena, ids, n);
                s->file_wide = file_wide;
                for (size_t j = i + 1; !file_wide && j < t->n; j++) {
                        if (!t->lines[j].comment && !t->lines[j].output) {
                                s->target = t->lines[j].lineno;
                                break;
                        }
                }
                if (!s->ids || ptrvec_push(&dev->arena, &dev->suppressions, s))
                        return -1;
        }
        return 0;
}

static bool id_in_list(const char *list, const char *id)
{
        size_t idlen = strlen(id);
        const char *p = list;
        while (*p) {
                size_t n = strcspn(p, ",");
                if ((n == idlen && !strncmp(p, id, n)) || (n == 3 && !strncmp(p, "all", 3)))
                        return true;
                p += n;
                if (*p == ',')
                        p++;
        }
        return false;
}

bool suppressed(const struct device *dev, const char *id, uint32_t line)
{
        for (size_t i = 0; i < dev->suppressions.n; i++) {
                const struct suppression *s = dev->suppressions.v[i];
                if ((s->file_wide || (line && s->target == line)) && id_in_list(s->ids, id))
                        return true;
        }
        return false;
}
