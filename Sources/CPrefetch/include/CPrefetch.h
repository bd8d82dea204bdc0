#ifndef COAUTHOR_PREFETCH_H
#define COAUTHOR_PREFETCH_H

/// Asks the processor to bring the cache line holding `address` closer, without waiting for it
/// (a hint: it never faults, whatever the address). Swift has no such call of its own; hash
/// tables probed once per authorship use it to start several cache misses at once.
static inline void coauthor_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
