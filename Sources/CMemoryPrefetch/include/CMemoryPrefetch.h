#ifndef CMEMORYPREFETCH_H
#define CMEMORYPREFETCH_H

/// Asks the processor to start loading the cache line at `address`, without waiting for it: a hint,
/// never a fault, whatever the address. Swift has no prefetch of its own, and a plain read of the
/// address would wait for memory. ZoneFile uses it to fetch the name-table slot of the next entry's
/// owner while the current entry is read, so the table's cache misses overlap other work.
static inline void mz_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

#endif
