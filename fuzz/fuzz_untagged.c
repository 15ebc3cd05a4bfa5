/* libFuzzer target: syslog without its tag: a bare "FAC-N-MNEMONIC:" tag,
 * an ASA body found by its catalogue text, ASDM's exported columns; the
 * first line is a recognised syslog message, so wrapped continuations are
 * read as its details. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_logs_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_feed("CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet", data, size);
        return 0;
}
