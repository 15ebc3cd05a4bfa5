/* JSON for remote access and the remaining settings: tunnel-groups,
 * group-policies, usernames, pools, AAA, sysopt and friends. */
#include "dump_json_int.h"

static json_t *js_keepalive(struct jctx *c, const struct tunnel_group *t)
{
        json_t *o = jobj(c);
        jput_bool(c, o, "set", t->keepalive_set);
        jput_bool(c, o, "disabled", t->keepalive_disabled);
        jput_int_or_null(c, o, "threshold", t->keepalive_threshold, 0);
        jput_int_or_null(c, o, "retry", t->keepalive_retry, 0);
        jput_line(c, o, "line", &t->keepalive_loc);
        return o;
}

static json_t *js_tunnel_group(struct jctx *c, const void *e)
{
        const struct tunnel_group *t = e;
        json_t *o = jelem(c, &t->loc);
        jput_str(c, o, "name", t->name);
        jput_enum(c, o, "type", &names_tg_type, (int)t->type);
        jput_line(c, o, "type_line", &t->type_loc);
        jput_ip_if(c, o, "address", t->name_is_addr, t->addr);
        jput_str(c, o, "default_group_policy", t->default_group_policy);
        jput_line(c, o, "default_group_policy_line", &t->dgp_loc);
        jput_strvec(c, o, "address_pools", &t->address_pools);
        jput_line(c, o, "address_pools_line", &t->pools_loc);
        jput_str(c, o, "authentication_server_group", t->auth_server_group);
        jput_strvec(c, o, "dhcp_servers", &t->dhcp_servers);
        jput_bool(c, o, "has_psk", t->has_psk);
        jput_line(c, o, "psk_line", &t->psk_loc);
        jput(c, o, "keepalive", js_keepalive(c, t));
        jput_tri(c, o, "ikev1_user_authentication", t->ikev1_user_auth);
        jput_line(c, o, "ikev1_user_authentication_line", &t->user_auth_loc);
        jput_str(c, o, "trustpoint", t->trustpoint);
        jput_str(c, o, "peer_id_validate", t->peer_id_validate);
        /* IKEv2 methods, only when configured (keeps IKEv1-only dumps unchanged) */
        static const char *const v2n[] = {"pre-shared-key", "certificate", "certificate", "eap"};
        for (int side = 0; side < 2; side++) {
                unsigned bits = side ? t->v2_remote_auth : t->v2_local_auth;
                if (!bits)
                        continue;
                json_t *a = jarr(c);
                for (unsigned b = 0; b < 4; b++)
                        if ((bits & (1u << b)) && !(b == 2 && (bits & V2AUTH_RSA)))
                                jappend(c, a, jstr(c, v2n[b]));
                jput(c, o, side ? "ikev2_remote_authentication" : "ikev2_local_authentication", a);
        }
        if (t->v2_local_trustpoint)
                jput_str(c, o, "ikev2_local_trustpoint", t->v2_local_trustpoint);
        return o;
}

static json_t *js_proto_bits(struct jctx *c, unsigned bits)
{
        json_t *a = jarr(c);
        unsigned known = 0;
        for (size_t i = 0; i < n_vpn_proto_bits; i++) {
                known |= vpn_proto_bits[i].bit;
                if (bits & vpn_proto_bits[i].bit)
                        jappend(c, a, jstr(c, vpn_proto_bits[i].name));
        }
        if (bits & ~known) /* bits this build has no name for */
                jappend(c, a, jint(c, bits & ~known));
        return a;
}

static json_t *js_gp_value(struct jctx *c, const struct gp_attrs *a, const struct gp_attr_desc *d)
{
        size_t off = d->value_off;
        switch (d->kind) {
        case GPV_PROTOS:
                return js_proto_bits(c, *GP_FIELD(a, off, unsigned));
        case GPV_SPLIT:
                return jenum(c, &names_split, (int)*GP_FIELD(a, off, enum split_policy));
        case GPV_STR:
                return jstr(c, *GP_FIELD(a, off, cstr));
        case GPV_STRVEC: {
                const struct ptrvec *pv = GP_FIELD(a, off, struct ptrvec);
                json_t *arr = jarr(c);
                for (size_t i = 0; i < pv->n; i++)
                        jappend(c, arr, jstr(c, pv->v[i]));
                return arr;
        }
        case GPV_BOOL:
                return jbool(c, *GP_FIELD(a, off, bool));
        case GPV_MINUTES: { /* -1 = "none": no timeout */
                int v = *GP_FIELD(a, off, int);
                return v < 0 ? jstr(c, "none") : jint(c, v);
        }
        case GPV_INT:
                return jint(c, *GP_FIELD(a, off, int));
        }
        return jnull(c);
}

/* {"attr": {"set": bool, "value": ..., "line": N}, ...} in table order. */
static json_t *js_gp_attrs(struct jctx *c, const struct gp_attrs *a)
{
        json_t *o = jobj(c);
        for (size_t i = 0; i < n_gp_attrs && !c->err; i++) {
                const struct gp_attr_desc *d = &gp_attr_table[i];
                json_t *x = jobj(c);
                jput_bool(c, x, "set", *GP_FIELD(a, d->set_off, bool));
                jput(c, x, "value", js_gp_value(c, a, d));
                if (d->loc_off != GP_NO_LOC)
                        jput_line(c, x, "line", GP_FIELD(a, d->loc_off, struct loc));
                jput(c, o, d->key, x);
        }
        return o;
}

static json_t *js_group_policy(struct jctx *c, const void *e)
{
        const struct group_policy *g = e;
        json_t *o = jelem(c, &g->loc);
        jput_str(c, o, "name", g->name);
        jput_bool(c, o, "internal", g->internal);
        jput_bool(c, o, "external", g->external);
        jput(c, o, "attributes", js_gp_attrs(c, &g->a));
        struct gp_attrs eff = {0};
        group_policy_effective(c->dev, g, &eff);
        jput(c, o, "effective", js_gp_attrs(c, &eff));
        return o;
}

static json_t *js_username(struct jctx *c, const void *e)
{
        const struct username *u = e;
        json_t *o = jelem(c, &u->loc);
        jput_str(c, o, "name", u->name);
        jput_secret(c, o, "password", &u->password);
        jput_int(c, o, "privilege", u->privilege);
        jput(c, o, "attributes", js_gp_attrs(c, &u->a));
        return o;
}

static json_t *js_pool(struct jctx *c, const void *e)
{
        const struct local_pool *p = e;
        json_t *o = jelem(c, &p->loc);
        jput_str(c, o, "name", p->name);
        jput_ip(c, o, "first", p->lo);
        jput_ip(c, o, "last", p->hi);
        jput_ip_if(c, o, "mask", p->has_mask, p->mask);
        jput_bool(c, o, "ipv6", p->ipv6);
        return o;
}

static json_t *js_aaa_group(struct jctx *c, const void *e)
{
        const struct aaa_group *g = e;
        json_t *o = jelem(c, &g->loc);
        jput_str(c, o, "name", g->name);
        jput_str(c, o, "protocol", g->protocol);
        return o;
}

static json_t *js_aaa_host(struct jctx *c, const void *e)
{
        const struct aaa_host *h = e;
        json_t *o = jelem(c, &h->loc);
        jput_str(c, o, "group", h->group);
        jput_str(c, o, "interface", h->ifname);
        jput_ip(c, o, "address", h->addr);
        jput_int_or_null(c, o, "timeout", h->timeout, 0);
        jput_line(c, o, "timeout_line", &h->timeout_loc);
        return o;
}

void js_remote_access(struct jctx *c, json_t *d)
{
        const struct device *dev = c->dev;
        jput_list(c, d, "tunnel_groups", &dev->tunnel_groups, js_tunnel_group);
        jput_list(c, d, "group_policies", &dev->group_policies, js_group_policy);
        jput_list(c, d, "usernames", &dev->usernames, js_username);
        jput_list(c, d, "pools", &dev->pools, js_pool);
        json_t *aaa = jobj(c);
        jput_list(c, aaa, "groups", &dev->aaa_groups, js_aaa_group);
        jput_list(c, aaa, "hosts", &dev->aaa_hosts, js_aaa_host);
        jput(c, d, "aaa_servers", aaa);
}
