#include "record.h"

const char *ev_source_name(enum ev_source s)
{
        static const char *const names[] = {"log", "show", "capture", "live"};
        return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : "log";
}
