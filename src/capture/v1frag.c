/* IKEv1 fragments put back together (v1frag.h). */
#include <stdlib.h>
#include <string.h>

#include "v1frag.h"

static void drop_msg(struct cap_set *cs, struct v1frag_msg *vm)
{
        for (size_t i = 0; i < CAP_V1FRAG_MAX; i++) {
                free(vm->part[i]);
                vm->part[i] = NULL;
        }
        cs->v1f_bytes -= vm->bytes;
        memset(vm, 0, sizeof(*vm));
}

void cap_v1frag_free(struct cap_set *cs, struct cap_sa *sa)
{
        if (!sa->v1f)
                return;
        drop_msg(cs, &sa->v1f->side[0]);
        drop_msg(cs, &sa->v1f->side[1]);
        free(sa->v1f);
        sa->v1f = NULL;
}

int cap_v1frag_add(struct cap_set *cs, struct cap_sa *sa, size_t msg, const struct ike_payload *fp,
                   const struct pcap_frame *pf, cap_file_fn file)
{
        struct ike_v1frag fr;
        struct wire_err e;
        if (ike_v1frag_decode(fp->body, &fr, &e) < 0 || fr.number > CAP_V1FRAG_MAX || !fr.data.len)
                return 0; /* the facts say what was seen; nothing to put together */
        if (!sa->v1f && !(sa->v1f = calloc(1, sizeof(*sa->v1f))))
                return -1;
        struct v1frag_msg *vm = &sa->v1f->side[sa->msgs[msg].from_initiator ? 0 : 1];
        if (vm->used && vm->id != fr.id)
                drop_msg(cs, vm); /* a new message: the unfinished one is given up */
        vm->used = true;
        vm->id = fr.id;
        unsigned n = fr.number - 1u;
        if (vm->seen & (1u << n))
                return 0; /* a retransmitted piece: the same bytes */
        if (vm->bytes + fr.data.len > 0xffff || cs->v1f_bytes + fr.data.len > CAP_V1FRAG_BYTES)
                return 0; /* past the bounds: not put together (the facts keep the pieces) */
        if (!(vm->part[n] = malloc(fr.data.len)))
                return -1;
        memcpy(vm->part[n], fr.data.p, fr.data.len);
        vm->len[n] = (uint16_t)fr.data.len;
        vm->bytes += fr.data.len;
        cs->v1f_bytes += fr.data.len;
        vm->seen |= 1u << n;
        if (fr.last)
                vm->last = fr.number;
        if (!vm->last || vm->seen != (vm->last == 32 ? ~0u : (1u << vm->last) - 1))
                return 0;
        /* whole: pieces 1..last in order */
        uint8_t *buf = malloc(vm->bytes);
        if (!buf)
                return -1;
        size_t off = 0;
        for (unsigned i = 0; i < vm->last; i++) {
                memcpy(buf + off, vm->part[i], vm->len[i]);
                off += vm->len[i];
        }
        unsigned count = vm->last;
        /* sa->msgs may not move: file() adds to it, and msg is read first */
        uint16_t id = vm->id;
        drop_msg(cs, vm);
        struct frame whole = *pf->f;
        whole.payload = (struct wire_view){buf, off};
        struct pcap_frame wpf = *pf;
        wpf.f = &whole;
        cs->v1f_last_count = count;
        cs->v1f_last_id = id;
        int rc = file(cs, &wpf, sa->msgs[msg].ip_frags, true);
        free(buf);
        return rc;
}
