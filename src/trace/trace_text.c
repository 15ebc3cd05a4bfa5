/* A trace as text, in the shape of the ASA's packet-tracer output. Strings
 * from the config go through text_put: control bytes and invalid UTF-8 are
 * escaped as in every text report. */
#include <string.h>

#include "../util/ipv4.h"
#include "../report/report.h"
#include "../report/text_safe.h"
#include "trace_print.h"

/* Text wrapped at about 92 columns, each line indented by two spaces. */
static void wrap(FILE *out, const char *text)
{
        const size_t width = 92;
        size_t col = 0;
        for (const char *p = text; *p;) {
                size_t wl = strcspn(p, " ");
                if (col && col + 1 + wl > width) {
                        fputc('\n', out);
                        col = 0;
                }
                fputs(col ? " " : "  ", out);
                text_put_n(out, p, wl);
                col += wl + 1;
                p += wl;
                p += strspn(p, " ");
        }
        fputc('\n', out);
}

static void print_packet(FILE *out, const struct trace *t)
{
        char s[16], d[16], pb[4];
        const struct trace_packet *p = &t->pkt;
        const char *proto = trace_proto_name(p->proto, pb);
        if (trace_has_ports(p->proto))
                fprintf(out, "Packet: %s %s:%u -> %s:%u", proto, ipv4_str(p->src, s),
                        (unsigned)p->sport, ipv4_str(p->dst, d), (unsigned)p->dport);
        else
                fprintf(out, "Packet: %s %s -> %s", proto, ipv4_str(p->src, s),
                        ipv4_str(p->dst, d));
        if (p->in) {
                fputs(", input ", out);
                text_put(out, p->in);
        }
        fputs("\nDevice: ", out);
        text_put(out, device_label(t->dev));
        fprintf(out, " (%s", platform_name(t->dev->platform));
        if (t->dev->version.text) {
                fputc(' ', out);
                text_put(out, t->dev->version.text);
        }
        fputs(")\n\n", out);
}

static void print_phase(FILE *out, const struct trace_phase *ph, size_t n)
{
        static const char *const res[] = {"ALLOW", "DROP", "INFO"};
        fprintf(out, "Phase: %zu\nType: %s\nResult: %s\nConfig:%s\n", n, trace_type_text(ph->type),
                res[ph->verdict], ph->nlines ? "" : " none");
        for (size_t i = 0; i < ph->nlines; i++) {
                fputs("  ", out);
                text_put(out, ph->lines[i]->file);
                fprintf(out, ":%u: ", (unsigned)ph->lines[i]->line);
                text_put(out, ph->lines[i]->text);
                fputc('\n', out);
        }
        fputs("Additional Information:\n", out);
        wrap(out, ph->detail);
        fputc('\n', out);
}

static void print_summary(FILE *out, const struct trace *t)
{
        fputs("Result:\ninput-interface: ", out);
        text_put(out, t->in ? trace_if_key(t->in) : "unknown");
        fputs("\noutput-interface: ", out);
        text_put(out, t->out ? trace_if_key(t->out) : "unknown");
        fprintf(out, "\nAction: %s\n", t->dropped ? "drop" : "allow");
        if (t->encrypted && !t->crypto.entry) {
                fputs("Encrypted: yes, tunnel ", out);
                text_put(out, t->out->name);
                fputs(", ipsec profile ", out);
                text_put(out, t->out->tunnel_protection ? t->out->tunnel_protection : "?");
                fputc('\n', out);
        } else if (t->encrypted) {
                const struct crypto_map_entry *e = t->crypto.entry;
                const struct cm_peer *p = e->peers.n && !t->crypto.dyn ? e->peers.v[0] : NULL;
                fputs("Encrypted: yes, crypto map ", out);
                text_put(out, e->map);
                fprintf(out, " seq %d, peer ", e->seq);
                text_put(out, p && p->text ? p->text : "dynamic");
                fputc('\n', out);
        } else if (!t->dropped) {
                fprintf(out, "Encrypted: no%s\n",
                        t->expected_crypto ? " (a crypto map entry was meant for it)" : "");
        }
}

int trace_print_text(FILE *out, const struct trace *t, const struct findings *fs)
{
        print_packet(out, t);
        for (size_t i = 0; i < t->nphases; i++)
                print_phase(out, &t->phases[i], i + 1);
        print_summary(out, t);
        if (fs->list.n) {
                struct report_opts o = {.format = REPORT_TEXT, .command = "trace", .nfiles = 1};
                fputs("\nFindings:\n\n", out);
                if (report_text(out, fs, &o))
                        return -1;
        }
        return ferror(out) ? -1 : 0;
}
