/* Error-sticky jansson helpers for the dump (see json_build.h). */
#include "json_build.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"

static json_t *track(struct jctx *c, json_t *v)
{
        if (!v)
                c->err = true;
        return v;
}

json_t *jobj(struct jctx *c)
{
        return track(c, json_object());
}

json_t *jarr(struct jctx *c)
{
        return track(c, json_array());
}

void jput(struct jctx *c, json_t *o, const char *key, json_t *v)
{
        /* json_object_set_new releases v when it fails, and fails on NULL o. */
        if (json_object_set_new(o, key, v))
                c->err = true;
}

void jappend(struct jctx *c, json_t *a, json_t *v)
{
        if (json_array_append_new(a, v))
                c->err = true;
}

/* jansson refuses invalid UTF-8; config and log text is untrusted, so
 * fall back to a copy with each invalid byte escaped as \xNN (the same
 * escape the text reports print) rather than dropping the field. */
json_t *json_str_safe(const char *s)
{
        if (!s)
                return json_null();
        json_t *v = json_string(s);
        if (v)
                return v;
        char *t = utf8_escape(s);
        v = t ? json_string(t) : NULL;
        free(t);
        return v;
}

json_t *jstr(struct jctx *c, const char *s)
{
        if (!s)
                return track(c, json_null());
        return track(c, json_str_safe(s));
}

json_t *jint(struct jctx *c, long long v)
{
        return track(c, json_integer(v));
}

json_t *jbool(struct jctx *c, bool v)
{
        return track(c, json_boolean(v));
}

json_t *jnull(struct jctx *c)
{
        return track(c, json_null());
}

void jput_str(struct jctx *c, json_t *o, const char *key, const char *s)
{
        jput(c, o, key, jstr(c, s));
}

void jput_int(struct jctx *c, json_t *o, const char *key, long long v)
{
        jput(c, o, key, jint(c, v));
}

void jput_int_or_null(struct jctx *c, json_t *o, const char *key, long long v, long long unset)
{
        jput(c, o, key, v == unset ? jnull(c) : jint(c, v));
}

void jput_bool(struct jctx *c, json_t *o, const char *key, bool v)
{
        jput(c, o, key, jbool(c, v));
}

void jput_tri(struct jctx *c, json_t *o, const char *key, enum tristate t)
{
        jput(c, o, key, t == TRI_UNSET ? jnull(c) : jbool(c, t == TRI_ON));
}

void jput_ip(struct jctx *c, json_t *o, const char *key, uint32_t a)
{
        char buf[ADDR_BUF];
        fmt_ip4(a, buf);
        jput_str(c, o, key, buf);
}

void jput_ip_if(struct jctx *c, json_t *o, const char *key, bool has, uint32_t a)
{
        if (has)
                jput_ip(c, o, key, a);
        else
                jput(c, o, key, jnull(c));
}

void jput_line(struct jctx *c, json_t *o, const char *key, const struct loc *l)
{
        jput_int(c, o, key, l->line);
}

json_t *jenum(struct jctx *c, const struct enum_names *t, int v)
{
        if (!enum_known(t, v))
                return jint(c, v); /* a code this build has no name for */
        return jstr(c, enum_name(t, v));
}

void jput_enum(struct jctx *c, json_t *o, const char *key, const struct enum_names *t, int v)
{
        jput(c, o, key, jenum(c, t, v));
}

void jput_secret(struct jctx *c, json_t *o, const char *key, const struct secret *s)
{
        json_t *j = jobj(c);
        jput_str(c, j, "state", secret_state_name(s->state));
        if (s->state != SECRET_ABSENT)
                jput_str(c, j, "value", "<secret>");
        if (s->state == SECRET_KNOWN) {
                char fp[SECRET_FP_HEXLEN + 1];
                secret_fingerprint(s, fp);
                jput_str(c, j, "fingerprint", fp);
        }
        jput(c, o, key, j);
}

void jput_strvec(struct jctx *c, json_t *o, const char *key, const struct ptrvec *pv)
{
        json_t *a = jarr(c);
        for (size_t i = 0; i < pv->n; i++)
                jappend(c, a, jstr(c, pv->v[i]));
        jput(c, o, key, a);
}

void jput_addrset(struct jctx *c, json_t *o, const char *key, const struct addrset *s)
{
        json_t *a = jarr(c);
        char buf[ADDR_BUF];
        for (size_t i = 0; i < s->n; i++) {
                fmt_range32(&s->r[i], buf);
                jappend(c, a, jstr(c, buf));
        }
        jput(c, o, key, a);
}

void jput_r16s(struct jctx *c, json_t *o, const char *key, const struct range16 *r, size_t n)
{
        json_t *a = jarr(c);
        char buf[ADDR_BUF];
        for (size_t i = 0; i < n; i++) {
                fmt_range16(&r[i], buf);
                jappend(c, a, jstr(c, buf));
        }
        jput(c, o, key, a);
}

json_t *jelem(struct jctx *c, const struct loc *l)
{
        json_t *o = jobj(c);
        jput_line(c, o, "line", l);
        return o;
}

void jput_list(struct jctx *c, json_t *o, const char *key, const struct ptrvec *pv, jelem_fn fn)
{
        json_t *a = jarr(c);
        for (size_t i = 0; i < pv->n && !c->err; i++)
                jappend(c, a, fn(c, pv->v[i]));
        jput(c, o, key, a);
}
