#ifndef COAUTHOR_PREFETCH_H
#define COAUTHOR_PREFETCH_H

/// Asks the processor to bring the cache line holding `address` closer, without waiting for it
/// (a hint: it never faults, whatever the address). Swift has no such call of its own; hash
/// tables probed once per authorship use it to start several cache misses at once.
static inline void coauthor_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#include <stdint.h>

/// Reads a word that another thread may write at the same time (a relaxed atomic load: a plain
/// load on x86-64 and AArch64, but defined behaviour where a plain Swift read would be a data
/// race). Leiden's refinement reads, on every core, the words of nodes that other cores move.
static inline uint64_t coauthor_load_relaxed(const uint64_t *address) {
    return __atomic_load_n(address, __ATOMIC_RELAXED);
}

/// Writes a word that other threads may read at the same time (a relaxed atomic store).
static inline void coauthor_store_relaxed(uint64_t *address, uint64_t value) {
    __atomic_store_n(address, value, __ATOMIC_RELAXED);
}

/// Lowers the calling thread's scheduling priority by `steps` nice levels (on Linux, where each
/// thread has its own), so that when more threads are runnable than there are cores the others
/// run first. An unprivileged thread cannot raise it again: call it on a thread that ends after
/// the work it runs. Returns 0 on success, -1 where threads have no priority of their own.
int coauthor_lower_thread_priority(int steps);

/// The calling thread's nice value (0 where threads have no priority of their own).
int coauthor_thread_priority(void);

#include <stddef.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The number of bytes equal to `byte` among the `count` at `bytes`. Written so that the C
/// compiler turns it into vector compares and adds (a line count of a block is a pass over
/// megabytes that one core makes while the others wait).
size_t coauthor_count_byte(const uint8_t *bytes, size_t count, uint8_t byte);

/// The offset of the first byte among the `count` at `bytes` where a JSON string may end or
/// need a closer look: a quote, a backslash or a control byte (below 0x20); `count` when there is
/// none. Sixteen bytes a step where the processor has SSE2 (every x86-64); inline, as the
/// scanner calls it once per string.
static inline size_t coauthor_json_string_stop(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), highestControl = _mm_set1_epi8(0x1F);
    while (index + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        // A byte is at most 0x1F exactly where its unsigned minimum with 0x1F is itself.
        __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),
                                     _mm_cmpeq_epi8(_mm_min_epu8(block, highestControl), block));
        int found = _mm_movemask_epi8(stops);
        if (found) return index + (size_t)__builtin_ctz((unsigned)found);
        index += 16;
    }
#endif
    while (index < count) {
        uint8_t byte = bytes[index];
        if (byte == '"' || byte == '\\' || byte < 0x20) return index;
        index++;
    }
    return count;
}

/// The number of ASCII bytes (below 0x80) the `count` bytes at `bytes` start with: sixty-four
/// bytes a step where the processor has SSE2 (every x86-64).
size_t coauthor_ascii_prefix(const uint8_t *bytes, size_t count);

/// Whether the `count` bytes at `bytes` have no control byte (below 0x20), no two blanks in a
/// row, and no byte that can lead a white-space scalar beyond ASCII (0xC2, 0xE0 to 0xE3): text
/// that is its own white space collapsed, once trimmed of blanks at its ends. Sixteen bytes a
/// step where the processor has SSE2; `ByteWord.isSingleSpacedText` documents the rule.
int coauthor_single_spaced_text(const uint8_t *bytes, size_t count);

/// The offset of the first line feed or carriage return among the `count` bytes at `bytes`, or
/// `count` when there is none: sixteen bytes a step where the processor has SSE2 (every x86-64).
size_t coauthor_line_break(const uint8_t *bytes, size_t count);

#endif
