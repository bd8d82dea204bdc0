// Most of the target's functions are inline, in its header; the thread priority's, the byte
// count's and the line break's are here (SwiftPM wants a source file per C target).
#define _GNU_SOURCE
#include "CPrefetch.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__linux__)
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int coauthor_lower_thread_priority(int steps) {
    id_t thread = (id_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0) return -1;
    return setpriority(PRIO_PROCESS, thread, current + steps);
}

int coauthor_thread_priority(void) {
    return getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
}
#else
int coauthor_lower_thread_priority(int steps) {
    (void)steps;
    return -1;
}

int coauthor_thread_priority(void) {
    return 0;
}
#endif

size_t coauthor_count_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
    size_t total = 0;
    // Per-lane counters of one byte each, emptied before they can wrap (255 rounds of 64 bytes):
    // the compiler keeps them in vector registers.
    enum { lanes = 64, rounds = 255 };
    while (count >= lanes) {
        size_t chunk = count < (size_t)lanes * rounds ? count - count % lanes : (size_t)lanes * rounds;
        uint8_t counters[lanes] = {0};
        for (size_t start = 0; start < chunk; start += lanes) {
            for (int lane = 0; lane < lanes; lane++) counters[lane] += bytes[start + lane] == byte;
        }
        for (int lane = 0; lane < lanes; lane++) total += counters[lane];
        bytes += chunk;
        count -= chunk;
    }
    for (size_t k = 0; k < count; k++) total += bytes[k] == byte;
    return total;
}

size_t coauthor_line_break(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i feed = _mm_set1_epi8('\n'), carriageReturn = _mm_set1_epi8('\r');
    while (index + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        int found = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, feed), _mm_cmpeq_epi8(block, carriageReturn)));
        if (found) return index + (size_t)__builtin_ctz((unsigned)found);
        index += 16;
    }
#endif
    while (index < count && bytes[index] != '\n' && bytes[index] != '\r') index++;
    return index;
}

size_t coauthor_ascii_prefix(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    // Sixty-four bytes a step: a byte beyond ASCII has its high bit, which movemask gathers.
    while (index + 64 <= count) {
        __m128i a = _mm_loadu_si128((const __m128i *)(bytes + index)), b = _mm_loadu_si128((const __m128i *)(bytes + index + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(bytes + index + 32)), d = _mm_loadu_si128((const __m128i *)(bytes + index + 48));
        if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) break;
        index += 64;
    }
    while (index + 16 <= count) {
        int found = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(bytes + index)));
        if (found) return index + (size_t)__builtin_ctz((unsigned)found);
        index += 16;
    }
#endif
    while (index < count && bytes[index] < 0x80) index++;
    return index;
}
