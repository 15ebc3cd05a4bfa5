/* Prints the unknown lines the ASA/PIX reader left in each file given:
 * "file<TAB>line<TAB>text". Used by asa-corpus-unknowns.sh. */
#include <stdio.h>
#include <string.h>

#include "config/config.h"

int main(int argc, char **argv)
{
        for (int i = 1; i < argc; i++) {
                enum platform p = strstr(argv[i], "pix6") ? PLAT_PIX : PLAT_ASA;
                struct device *dev;
                struct diag err;
                if (config_read(argv[i], p, &dev, &err)) {
                        fprintf(stderr, "%s\n", err.msg);
                        continue;
                }
                for (size_t k = 0; k < dev->unknown.n; k++) {
                        const struct loc *l = dev->unknown.v[k];
                        printf("%s\t%u\t%s\n", argv[i], l->line, l->text ? l->text : "");
                }
                model_free(dev);
        }
        return 0;
}
