#ifndef MAILZONE_FUZZ_DRIVER_H
#define MAILZONE_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that have their own main (SwiftPM renames an
/// executable's main, so the one in libFuzzer cannot be used as is).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
