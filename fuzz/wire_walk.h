/*
 * Shared by the wire fuzz targets: decodes one payload body with the
 * decoder its type names, walking every iterator to its end, and aborts
 * when a view handed back is not inside the body.
 */
#ifndef IPSD_FUZZ_WIRE_WALK_H
#define IPSD_FUZZ_WIRE_WALK_H

#include <stdlib.h>

#include "wire/ike.h"

static void inside(struct wire_view outer, struct wire_view v)
{
        if (v.len == 0)
                return;
        if (v.p < outer.p || v.p + v.len > outer.p + outer.len)
                abort();
}

static void walk_attrs(struct wire_view outer, struct wire_view attrs)
{
        struct ike_attr_iter ai = ike_attrs(attrs);
        struct ike_attr a;
        struct wire_err e;
        unsigned n = 0;
        while (ike_attr_next(&ai, &a, &e) == 1) {
                inside(outer, a.data);
                if (++n > attrs.len) /* every attribute takes 4 bytes or more */
                        abort();
        }
}

static void walk_payload(int version, unsigned type, struct wire_view body)
{
        struct wire_err e;
        if (type == PL_V1_SA || type == PL_V2_SA) {
                struct ike_sa_iter sa;
                struct ike_proposal p;
                struct ike_transform t;
                if (ike_sa_open(body, version, &sa, &e) < 0)
                        return;
                while (ike_proposal_next(&sa, &p, &e) == 1) {
                        inside(body, p.spi);
                        while (ike_transform_next(&p.xf, &t, &e) == 1) {
                                inside(body, t.attrs);
                                walk_attrs(body, t.attrs);
                        }
                }
        } else if (type == PL_V1_KE || type == PL_V2_KE) {
                struct ike_ke ke;
                if (ike_ke_decode(body, version, &ke, &e) == 0)
                        inside(body, ke.data);
        } else if (type == PL_V1_ID || type == PL_V2_IDI || type == PL_V2_IDR) {
                struct ike_id id;
                if (ike_id_decode(body, version, &id, &e) == 0)
                        inside(body, id.data);
        } else if (type == PL_V2_AUTH) {
                struct ike_auth_pl a;
                if (ike_auth_decode(body, &a, &e) == 0)
                        inside(body, a.data);
        } else if (type == PL_V1_CERT || type == PL_V1_CR || type == PL_V2_CERT ||
                   type == PL_V2_CERTREQ) {
                struct ike_cert c;
                if (ike_cert_decode(body, &c, &e) == 0)
                        inside(body, c.data);
        } else if (type == PL_V1_NOTIFY || type == PL_V2_NOTIFY) {
                struct ike_notify n;
                if (ike_notify_decode(body, version, &n, &e) == 0) {
                        inside(body, n.spi);
                        inside(body, n.data);
                        (void)ike_notify_name(version, n.type);
                }
        } else if (type == PL_V1_DELETE || type == PL_V2_DELETE) {
                struct ike_delete d;
                if (ike_delete_decode(body, version, &d, &e) == 0) {
                        inside(body, d.spis);
                        if (d.spis.len != (size_t)d.nspi * d.spi_size)
                                abort();
                }
        } else if (type == PL_V1_VID || type == PL_V2_VID) {
                struct ike_vid_info vi;
                if (ike_vid_lookup(body, &vi))
                        inside(body, vi.tail);
        } else if (type == PL_V2_TSI || type == PL_V2_TSR) {
                struct ike_ts_iter it;
                struct ike_ts ts;
                if (ike_ts_open(body, &it, &e) == 0)
                        while (ike_ts_next(&it, &ts, &e) == 1)
                                inside(body, ts.raw);
        } else if (type == PL_V1_ATTR || type == PL_V2_CP) {
                struct ike_cfg c;
                if (ike_cfg_decode(body, version, &c, &e) < 0)
                        return;
                inside(body, c.attrs);
                if (version == 1) {
                        walk_attrs(body, c.attrs);
                } else {
                        struct rd r = rd_view(c.attrs);
                        struct ike_cp_attr a;
                        while (ike_cp_attr_next(&r, &a, &e) == 1)
                                inside(body, a.value);
                }
        } else if (type == PL_V2_EAP) {
                struct ike_eap eap;
                if (ike_eap_decode(body, &eap, &e) == 0)
                        inside(body, eap.data);
        } else if (type == PL_V2_SKF) {
                struct ike_skf f;
                if (ike_skf_decode(body, &f, &e) == 0)
                        inside(body, f.encrypted);
        } else if (type == PL_V1_FRAG) {
                struct ike_v1frag f;
                if (ike_v1frag_decode(body, &f, &e) == 0)
                        inside(body, f.data);
        } else if (type == PL_V1_NATOA || type == PL_V1_NATOA_DRAFT) {
                struct ike_natoa oa;
                (void)ike_natoa_decode(body, &oa, &e);
        }
        (void)ike_payload_name(version, type);
}

#endif
