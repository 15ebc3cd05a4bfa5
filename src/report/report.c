#include "report.h"

#include "../findings/tunnel.h"

int report_findings(FILE *out, const struct findings *fs, const struct report_opts *o)
{
        static int (*const emit[])(FILE *, const struct findings *, const struct report_opts *) = {
            [REPORT_TEXT] = report_text,
            [REPORT_JSON] = report_json,
            [REPORT_SARIF] = report_sarif,
            [REPORT_GCC] = report_gcc,
        };
        return emit[o->format](out, fs, o);
}

int report_exit_status(const struct findings *fs, enum severity fail_on, bool tunnels_fail)
{
        for (size_t i = 0; tunnels_fail && i < fs->tunnels.n; i++)
                if (((const struct tunnel_result *)fs->tunnels.v[i])->status != TUN_ESTABLISHED)
                        return 1;
        for (size_t i = 0; i < fs->list.n; i++)
                if (((const struct finding *)fs->list.v[i])->severity >= fail_on)
                        return 1;
        return 0;
}
