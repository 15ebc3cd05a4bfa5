/*
 * Every config check, by diagnosis ID. Each area keeps its own table
 * (checks_<area>.c) so that adding a check touches one file of its area;
 * this file only lists the areas.
 */
#include "check.h"
#include "checks_list.h"

static const struct check *const areas[] = {
    checks_ike, checks_acl_nat, checks_ra, checks_platform, checks_tunnel,
};

size_t check_count(void)
{
        size_t n = 0;
        for (size_t a = 0; a < sizeof(areas) / sizeof(areas[0]); a++)
                for (const struct check *c = areas[a]; c->id; c++)
                        n++;
        return n;
}

const struct check *check_at(size_t i)
{
        for (size_t a = 0; a < sizeof(areas) / sizeof(areas[0]); a++)
                for (const struct check *c = areas[a]; c->id; c++)
                        if (i-- == 0)
                                return c;
        return NULL;
}
