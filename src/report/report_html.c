/*
 * --format html: one self-contained page (no network, no external asset:
 * the stylesheet, the script and the ladder diagrams are inline; a
 * Content-Security-Policy forbids loading anything) that opens from a
 * ticket attachment. It holds
 *   - a summary: the devices, each tunnel with its status, findings by
 *     severity;
 *   - each tunnel's negotiation as an SVG ladder: the messages, what each
 *     carried, where it stopped, and both sides' final states (plus the
 *     same steps as an ordered list: the text alternative);
 *   - the findings grouped by device, each with its evidence lines, its
 *     explanation and each fix in a <pre> with a copy button (the
 *     Clipboard API, else a selection and execCommand: both work offline);
 *   - light and dark themes (prefers-color-scheme), a print stylesheet,
 *     relative units that reflow at 200% zoom, native buttons and a skip
 *     link for the keyboard, colours with a contrast of at least 4.5:1.
 * Every string is escaped (html_put): config and log text is untrusted,
 * and secrets never reach here (findings hold only scrubbed text).
 */
#include <stdlib.h>
#include <string.h>

#include "../findings/tunnel.h"
#include "../trace/trace.h"
#include "../util/utf8.h"
#include "../version.h"
#include "report.h"
#include "report_html.h"

static void esc(void *arg, const char *s, size_t n)
{
        FILE *out = arg;
        for (size_t i = 0; i < n; i++) {
                switch (s[i]) {
                case '&':
                        fputs("&amp;", out);
                        break;
                case '<':
                        fputs("&lt;", out);
                        break;
                case '>':
                        fputs("&gt;", out);
                        break;
                case '"':
                        fputs("&quot;", out);
                        break;
                case '\'':
                        fputs("&#39;", out);
                        break;
                default:
                        fputc(s[i], out);
                }
        }
}

void html_put(FILE *out, const char *s)
{
        if (s)
                utf8_escape_each(s, strlen(s), esc, out);
}

static void html_put_n(FILE *out, const char *s, size_t n)
{
        utf8_escape_each(s, n, esc, out);
}

static const char css[] =
    ":root{--bg:#ffffff;--fg:#1a1a1a;--muted:#4a4a4a;--card:#f5f6f8;--line:#c8ccd2;"
    "--err:#b00020;--warn:#8a4b00;--info:#005a9c;--ok:#1b6e20;--code:#eef0f3;--focus:#1a5fb4}"
    "@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e8e8e8;--muted:#b8bcc4;"
    "--card:#22252b;--line:#4a4f58;--err:#ff8a8a;--warn:#f0b35a;--info:#8cc4ff;--ok:#7fd48a;"
    "--code:#2b2f36;--focus:#8cc4ff}}"
    "*{box-sizing:border-box}a{color:var(--focus)}"
    "body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.5 system-ui,sans-serif}"
    "main,header{max-width:72rem;margin:0 auto;padding:0 1rem}"
    "h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid var(--line)}"
    "h3{font-size:1.1rem}h4{font-size:1rem;margin:.2rem 0}"
    ".skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:var(--bg);"
    "padding:.5rem;z-index:1}"
    ":focus-visible{outline:3px solid var(--focus);outline-offset:2px}"
    ".wide{max-width:100%;overflow-x:auto}"
    "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);"
    "padding:.25rem .6rem;text-align:left;vertical-align:top}"
    ".sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}"
    ".st-ok{color:var(--ok)}.st-bad{color:var(--err)}"
    ".finding,.tunnel{background:var(--card);border:1px solid var(--line);border-radius:.4rem;"
    "padding:.6rem 1rem;margin:.8rem 0}"
    ".finding{border-left:.4rem solid var(--line)}.finding.sev-error{border-left-color:var(--err)}"
    ".finding.sev-warning{border-left-color:var(--warn)}"
    ".finding.sev-info{border-left-color:var(--info)}"
    ".finding>*{color:var(--fg)}.badge{font-weight:700;text-transform:uppercase;"
    "font-size:.85rem}"
    ".id,.loc{font-family:ui-monospace,monospace;color:var(--muted);overflow-wrap:anywhere}"
    "pre{background:var(--code);padding:.5rem .7rem;overflow-x:auto;white-space:pre-wrap;"
    "word-break:break-word;margin:.3rem 0;font:.9rem/1.4 ui-monospace,monospace}"
    ".fix-head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.5rem}"
    "button.copy{font:inherit;font-size:.9rem;padding:.2rem .8rem;border:1px solid var(--fg);"
    "border-radius:.3rem;background:var(--bg);color:var(--fg);cursor:pointer}"
    ".warning{color:var(--warn)}"
    "svg.ladder{width:100%;max-width:56rem;height:auto;display:block}"
    "svg.ladder text{fill:var(--fg);font:13px system-ui,sans-serif}"
    "svg.ladder .rail{stroke:var(--muted);stroke-width:2}"
    "svg.ladder .msg{stroke:var(--ok);stroke-width:2;fill:none}"
    "svg.ladder .msg.stop{stroke:var(--err);stroke-dasharray:6 4}"
    "svg.ladder .head{fill:var(--ok)}svg.ladder .stop-mark{stroke:var(--err);stroke-width:3}"
    "svg.ladder rect.state-box{fill:var(--card);stroke:var(--muted)}"
    "svg.ladder .detail{fill:var(--muted);font-size:11px}"
    "details{margin:.4rem 0}"
    "@media print{button.copy,.skip{display:none}body{background:#fff;color:#000}"
    ".finding,.tunnel{break-inside:avoid;background:#fff}pre{background:#f3f3f3}"
    "a{color:#000}}";

/* Copy: the Clipboard API where the page is a secure context (file:// is),
 * else select the block and execCommand("copy"). Nothing is fetched. */
static const char js[] =
    "document.querySelectorAll('button.copy').forEach(function(b){"
    "b.addEventListener('click',function(){"
    "var pre=document.getElementById(b.getAttribute('data-target'));"
    "var t=pre.textContent;var done=function(){b.textContent='Copied';"
    "setTimeout(function(){b.textContent='Copy';},1500);};"
    "var fallback=function(){var r=document.createRange();r.selectNodeContents(pre);"
    "var s=window.getSelection();s.removeAllRanges();s.addRange(r);"
    "try{document.execCommand('copy');done();}catch(e){b.textContent='Press Ctrl+C';}};"
    "if(navigator.clipboard&&window.isSecureContext){"
    "navigator.clipboard.writeText(t).then(done,fallback);}else{fallback();}});});";

static const char *const sev_name[] = {"info", "warning", "error"};

static void head(FILE *out, const struct report_opts *o)
{
        fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
              out);
        fprintf(out, "<title>ipsec-doctor %s report</title>\n<style>%s</style>\n</head>\n",
                o->command, css);
        fprintf(out,
                "<body>\n<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n"
                "<header><h1>ipsec-doctor %s</h1><p class=\"id\">ipsec-doctor %s</p></header>\n"
                "<main>\n",
                o->command, IPSD_VERSION);
}

static void foot(FILE *out)
{
        fprintf(out, "</main>\n<script>%s</script>\n</body>\n</html>\n", js);
}

/* Devices: the caller's list, else every label findings and tunnels name. */
static size_t device_list(const struct findings *fs, const struct report_opts *o, const char **v,
                          size_t cap)
{
        size_t n = 0;
        for (size_t i = 0; i < o->ndevices && n < cap; i++)
                v[n++] = o->devices[i];
        const char *more[2];
        for (size_t i = 0; i < fs->list.n + fs->tunnels.n; i++) {
                size_t k = 0;
                if (i < fs->list.n) {
                        more[k++] = ((const struct finding *)fs->list.v[i])->device;
                } else {
                        const struct tunnel_result *t = fs->tunnels.v[i - fs->list.n];
                        more[k++] = t->a;
                        more[k++] = t->b;
                }
                for (size_t m = 0; m < k; m++) {
                        bool seen = false;
                        for (size_t j = 0; j < n && !seen; j++)
                                seen = !strcmp(v[j], more[m]);
                        if (!seen && n < cap)
                                v[n++] = more[m];
                }
        }
        return n;
}

static void summary(FILE *out, const struct findings *fs, const struct report_opts *o,
                    const char **devs, size_t ndevs)
{
        size_t n[3];
        findings_count(fs, n);
        fputs("<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
              "<h2 id=\"summary-h\">Summary</h2>\n",
              out);
        fprintf(out, "<p>%zu device%s: ", ndevs, ndevs == 1 ? "" : "s");
        for (size_t i = 0; i < ndevs; i++) {
                fputs(i ? ", <span class=\"device\">" : "<span class=\"device\">", out);
                html_put(out, devs[i]);
                fputs("</span>", out);
        }
        fprintf(out, ". %zu input file%s.</p>\n", o->nfiles, o->nfiles == 1 ? "" : "s");
        if (o->counts)
                fprintf(out, "<p>%llu log line(s) read: %llu recognised, %llu unknown.</p>\n",
                        (unsigned long long)o->lines, (unsigned long long)o->recognised,
                        (unsigned long long)(o->lines - o->recognised));
        fprintf(out,
                "<table class=\"counts\"><caption>Findings by severity</caption>\n"
                "<tr><th scope=\"col\">error</th><th scope=\"col\">warning</th>"
                "<th scope=\"col\">info</th></tr>\n"
                "<tr><td class=\"sev-error\" data-count=\"error\">%zu</td>"
                "<td class=\"sev-warning\" data-count=\"warning\">%zu</td>"
                "<td class=\"sev-info\" data-count=\"info\">%zu</td></tr></table>\n",
                n[SEV_ERROR], n[SEV_WARNING], n[SEV_INFO]);
        if (fs->tunnels.n) {
                /* a scroll region of its own (focusable, so the keyboard scrolls
                 * it): at 400% zoom the table is wider than the page, and the
                 * page itself must not scroll sideways (WCAG 2.1 1.4.10) */
                fputs("<div class=\"wide\" role=\"region\" aria-label=\"Tunnels\" tabindex=\"0\">"
                      "<table class=\"tunnels\"><caption>Tunnels</caption>\n<tr>"
                      "<th scope=\"col\">initiator</th><th scope=\"col\">responder</th>"
                      "<th scope=\"col\">status</th><th scope=\"col\">where and why it "
                      "stops</th></tr>\n",
                      out);
                for (size_t i = 0; i < fs->tunnels.n; i++) {
                        const struct tunnel_result *t = fs->tunnels.v[i];
                        bool ok = t->status == TUN_ESTABLISHED;
                        fputs("<tr><td>", out);
                        html_put(out, t->a);
                        fputs("</td><td>", out);
                        html_put(out, t->b);
                        fprintf(out,
                                "</td><td class=\"status %s\"><a href=\"#tunnel-%zu\">%s</a></td>"
                                "<td>",
                                ok ? "st-ok" : "st-bad", i + 1, tunnel_status_name(t->status));
                        html_put(out, t->reason ? t->reason : ok ? "established" : "");
                        fputs("</td></tr>\n", out);
                }
                fputs("</table></div>\n", out);
        }
        fputs("</section>\n", out);
}

/* The ladder: two rails, one arrow per message with its name above and
 * what it carried below (cut to fit; the full text is in the arrow's
 * <title> and in the list under the diagram), a cross where it stopped,
 * and each side's final state in a box under its rail. */
#define LX         150
#define RX         650
#define ROW        46
#define TOP        64
#define DETAIL_MAX 78

static void svg_text(FILE *out, int x, int y, const char *anchor, const char *cls, const char *s,
                     size_t max)
{
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\"%s%s%s>", x, y, anchor,
                cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
        size_t n = s ? strlen(s) : 0;
        if (n > max) {
                /* cut on a UTF-8 boundary */
                size_t cut = max;
                while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
                        cut--;
                html_put_n(out, s, cut);
                fputs("\xe2\x80\xa6", out);
        } else if (n) {
                html_put(out, s);
        }
        fputs("</text>", out);
}

static void ladder(FILE *out, const struct tunnel_result *t, size_t idx)
{
        int h = TOP + (int)(t->nsteps ? t->nsteps : 1) * ROW + 70;
        fprintf(out,
                "<svg class=\"ladder\" viewBox=\"0 0 800 %d\" role=\"img\" "
                "aria-labelledby=\"ladder-%zu-t\">\n<title id=\"ladder-%zu-t\">",
                h, idx, idx);
        html_put(out, t->a);
        fputs(" and ", out);
        html_put(out, t->b);
        fprintf(out, ": %s</title>\n", tunnel_status_name(t->status));
        fputs("<defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
              "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
              "<path class=\"head\" d=\"M0 0L10 5L0 10z\"/></marker></defs>\n",
              out);
        svg_text(out, LX, 24, "middle", NULL, t->a, 40);
        svg_text(out, RX, 24, "middle", NULL, t->b, 40);
        svg_text(out, LX, 42, "middle", "detail", t->peer_b ? t->peer_b : "", 40);
        svg_text(out, RX, 42, "middle", "detail", t->peer_a ? t->peer_a : "", 40);
        int bottom = h - 62;
        fprintf(out,
                "<line class=\"rail\" x1=\"%d\" y1=\"50\" x2=\"%d\" y2=\"%d\"/>"
                "<line class=\"rail\" x1=\"%d\" y1=\"50\" x2=\"%d\" y2=\"%d\"/>\n",
                LX, LX, bottom, RX, RX, bottom);
        for (size_t i = 0; i < t->nsteps; i++) {
                const struct tunnel_step *s = &t->steps[i];
                bool right = !strcmp(s->from, t->a);
                int y = TOP + (int)i * ROW + 14;
                int x1 = right ? LX : RX, x2 = right ? RX : LX;
                /* a refused message stops short of the far rail, with a cross */
                int xe = s->ok ? x2 : (right ? x2 - 60 : x2 + 60);
                fprintf(out, "<g class=\"step%s\" data-step=\"", s->ok ? "" : " stopped");
                html_put(out, s->step);
                fputs("\"><title>", out);
                html_put(out, s->step);
                fputs(": ", out);
                html_put(out, s->detail);
                fprintf(out,
                        "</title><line class=\"msg%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"%s/>",
                        s->ok ? "" : " stop", x1, y, xe, y,
                        s->ok ? " marker-end=\"url(#arrowhead)\"" : "");
                if (!s->ok)
                        fprintf(out, "<path class=\"stop-mark\" d=\"M%d %dL%d %dM%d %dL%d %d\"/>",
                                xe - 8, y - 8, xe + 8, y + 8, xe - 8, y + 8, xe + 8, y - 8);
                svg_text(out, (LX + RX) / 2, y - 6, "middle", NULL, s->step, 30);
                svg_text(out, (LX + RX) / 2, y + 16, "middle", "detail", s->detail, DETAIL_MAX);
                fputs("</g>\n", out);
        }
        if (!t->nsteps)
                svg_text(out, (LX + RX) / 2, TOP + 20, "middle", "detail", "(nothing is sent)", 40);
        const char *st[2] = {t->state_a && *t->state_a ? t->state_a : "(no SA)",
                             t->state_b && *t->state_b ? t->state_b : "(no SA)"};
        for (int k = 0; k < 2; k++) {
                int x = k ? RX : LX;
                fprintf(out,
                        "<g class=\"state\" data-side=\"%s\"><rect class=\"state-box\" x=\"%d\" "
                        "y=\"%d\" width=\"190\" height=\"30\" rx=\"4\"/>",
                        k ? "b" : "a", x - 95, bottom + 8);
                svg_text(out, x, bottom + 28, "middle", NULL, st[k], 26);
                fputs("</g>\n", out);
        }
        fputs("</svg>\n", out);
}

static void tunnel_section(FILE *out, const struct tunnel_result *t, size_t idx, bool replay)
{
        bool ok = t->status == TUN_ESTABLISHED;
        fprintf(out, "<article class=\"tunnel\" id=\"tunnel-%zu%s\" data-status=\"%s\">\n<h3>", idx,
                replay ? "-fixed" : "", tunnel_status_name(t->status));
        if (replay)
                fputs("After the fixes: ", out);
        html_put(out, t->a);
        fputs(" &rarr; ", out);
        html_put(out, t->b);
        fputs("</h3>\n<p>Initiator ", out);
        html_put(out, t->initiator ? t->initiator : t->a);
        if (t->via) {
                fputs(" (", out);
                html_put(out, t->via);
                fputc(')', out);
        }
        fprintf(out, ". Status: <strong class=\"%s\">%s</strong>", ok ? "st-ok" : "st-bad",
                tunnel_status_name(t->status));
        if (t->reason) {
                fputs(": ", out);
                html_put(out, t->reason);
        }
        fputs(".</p>\n", out);
        ladder(out, t, idx * 2 + replay);
        fputs("<details><summary>The messages in order</summary>\n<ol class=\"steps\">\n", out);
        for (size_t i = 0; i < t->nsteps; i++) {
                const struct tunnel_step *s = &t->steps[i];
                fprintf(out, "<li%s><strong>", s->ok ? "" : " class=\"st-bad\"");
                html_put(out, s->step);
                fputs("</strong> ", out);
                html_put(out, s->from);
                fputs(" &rarr; ", out);
                html_put(out, s->to ? s->to : !strcmp(s->from, t->a) ? t->b : t->a);
                fputs(": ", out);
                html_put(out, s->detail);
                if (!s->ok)
                        fputs(" <strong>(stops here)</strong>", out);
                fputs("</li>\n", out);
        }
        fputs("</ol>\n<p>Final states: ", out);
        html_put(out, t->a);
        fputc(' ', out);
        html_put(out, t->state_a && *t->state_a ? t->state_a : "(no SA)");
        fputs(", ", out);
        html_put(out, t->b);
        fputc(' ', out);
        html_put(out, t->state_b && *t->state_b ? t->state_b : "(no SA)");
        fputs(".</p>\n", out);
        if (t->nlogs) {
                fputs("<p>Logs each side would print:</p>\n<pre class=\"logs\">", out);
                for (size_t i = 0; i < t->nlogs; i++) {
                        html_put(out, t->logs[i].device);
                        fputs(": ", out);
                        html_put(out, t->logs[i].text);
                        fputc('\n', out);
                }
                fputs("</pre>\n", out);
        }
        fputs("</details>\n</article>\n", out);
        if (t->after_fix)
                tunnel_section(out, t->after_fix, idx, true);
}

static void put_loc(FILE *out, const char *file, uint32_t line)
{
        html_put(out, file);
        if (line)
                fprintf(out, ":%u", (unsigned)line);
}

static void finding_card(FILE *out, const struct finding *f, size_t *fixno)
{
        const char *sev = sev_name[f->severity];
        fprintf(out, "<article class=\"finding sev-%s\" data-id=\"%s\" data-severity=\"%s\">\n",
                sev, f->diag->id, sev);
        fprintf(out, "<h4><span class=\"badge sev-%s\">%s</span> ", sev, sev);
        html_put(out, f->title);
        fprintf(out, "</h4>\n<p><span class=\"id\">%s</span> &middot; <span class=\"loc\">",
                f->diag->id);
        put_loc(out, f->file, f->line);
        fputs("</span>", out);
        if (f->peer) {
                fputs(" &middot; peer ", out);
                html_put(out, f->peer);
        }
        fputs("</p>\n", out);
        if (f->nev) {
                fputs("<pre class=\"evidence\" aria-label=\"evidence\">", out);
                for (size_t i = 0; i < f->nev; i++) {
                        put_loc(out, f->ev[i].file, f->ev[i].line);
                        fputs(": ", out);
                        html_put(out, f->ev[i].text);
                        fputc('\n', out);
                }
                fputs("</pre>\n", out);
        }
        fputs("<p class=\"explanation\">", out);
        html_put(out, f->explanation);
        fputs("</p>\n", out);
        for (size_t i = 0; i < f->nfixes; i++) {
                const struct fix *x = &f->fixes[i];
                size_t id = ++*fixno;
                fputs("<div class=\"fix\" data-device=\"", out);
                html_put(out, x->device);
                fputs("\"><div class=\"fix-head\"><span>Fix on ", out);
                html_put(out, x->device);
                fprintf(out, " (%s", platform_name(x->platform));
                if (x->version) {
                        fputc(' ', out);
                        html_put(out, x->version);
                }
                fprintf(out,
                        ")</span><button type=\"button\" class=\"copy\" data-target=\"fix-%zu\" "
                        "aria-label=\"Copy the fix for ",
                        id);
                html_put(out, x->device);
                fprintf(out, "\">Copy</button></div>\n<pre class=\"fix-commands\" id=\"fix-%zu\">",
                        id);
                for (size_t j = 0; j < x->ncommands; j++) {
                        html_put(out, x->commands[j]);
                        if (j + 1 < x->ncommands)
                                fputc('\n', out);
                }
                fputs("</pre>\n", out);
                if (x->warning) {
                        fputs("<p class=\"warning\">Warning: ", out);
                        html_put(out, x->warning);
                        fputs("</p>\n", out);
                }
                fputs("</div>\n", out);
        }
        fputs("</article>\n", out);
}

static void findings_section(FILE *out, const struct findings *fs, const char **devs, size_t ndevs)
{
        fprintf(out,
                "<section id=\"findings\" aria-labelledby=\"findings-h\" tabindex=\"-1\">\n"
                "<h2 id=\"findings-h\">Findings (%zu)</h2>\n",
                fs->list.n);
        if (!fs->list.n)
                fputs("<p>No findings.</p>\n", out);
        size_t fixno = 0;
        for (size_t d = 0; d < ndevs; d++) {
                size_t count = 0;
                for (size_t i = 0; i < fs->list.n; i++)
                        count += !strcmp(((const struct finding *)fs->list.v[i])->device, devs[d]);
                if (!count)
                        continue;
                fputs("<section class=\"device-findings\" data-device=\"", out);
                html_put(out, devs[d]);
                fputs("\">\n<h3>", out);
                html_put(out, devs[d]);
                fprintf(out, " (%zu)</h3>\n", count);
                for (size_t i = 0; i < fs->list.n; i++) {
                        const struct finding *f = fs->list.v[i];
                        if (!strcmp(f->device, devs[d]))
                                finding_card(out, f, &fixno);
                }
                fputs("</section>\n", out);
        }
        fputs("</section>\n", out);
}

#define MAX_DEVICES 4096

static int page(FILE *out, const struct findings *fs, const struct report_opts *o,
                const char *pre_title, const char *pre_text, size_t pre_len)
{
        const char **devs = calloc(MAX_DEVICES, sizeof(*devs));
        if (!devs)
                return -1;
        size_t ndevs = device_list(fs, o, devs, MAX_DEVICES);
        head(out, o);
        summary(out, fs, o, devs, ndevs);
        if (pre_title) {
                fprintf(out, "<section id=\"trace\"><h2>%s</h2>\n<pre class=\"trace\">", pre_title);
                html_put_n(out, pre_text, pre_len);
                fputs("</pre>\n</section>\n", out);
        }
        if (fs->tunnels.n) {
                fputs("<section id=\"tunnels\" aria-labelledby=\"tunnels-h\">\n"
                      "<h2 id=\"tunnels-h\">Tunnels</h2>\n",
                      out);
                for (size_t i = 0; i < fs->tunnels.n; i++)
                        tunnel_section(out, fs->tunnels.v[i], i + 1, false);
                fputs("</section>\n", out);
        }
        findings_section(out, fs, devs, ndevs);
        foot(out);
        free(devs);
        return ferror(out) ? -1 : 0;
}

int report_html(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        return page(out, fs, o, NULL, NULL, 0);
}

int report_html_with_text(FILE *out, const struct findings *fs, const struct report_opts *o,
                          const char *title, const char *text, size_t len)
{
        return page(out, fs, o, title, text, len);
}

/* trace: the phases as trace's own text prints them (packet-tracer's
 * shape), then the findings as cards. */
int report_html_trace(FILE *out, const struct trace *t, const struct findings *fs,
                      const struct report_opts *o)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        if (!m)
                return -1;
        struct findings none;
        findings_init(&none);
        int rc = trace_print_text(m, t, &none);
        findings_free(&none);
        if (fclose(m) || rc) {
                free(buf);
                return -1;
        }
        const char *dev = device_label(t->dev);
        struct report_opts po = *o;
        po.devices = &dev;
        po.ndevices = 1;
        rc = page(out, fs, &po, "Trace", buf, len);
        free(buf);
        return rc;
}
