// Most of the target's functions are inline, in its header; the thread priority's, the byte
// count's and the line break's are here (SwiftPM wants a source file per C target).
#define _GNU_SOURCE
#include "CPrefetch.h"
#include <string.h>

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

/// Eight bytes of `coauthor_single_spaced_text`'s rule, as a little-endian word: nonzero when
/// one may not appear or two blanks are neighbours in it ("Bit Twiddling Hacks": a byte below
/// 0x20, one equal to 0xC2, one equal to 0xE0…0xE3 once masked; blanks found exactly, with no
/// borrow from byte to byte).
static inline uint64_t coauthor_unspaced_word(uint64_t word) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, lows = ~highs;
    uint64_t below = (word - ones * 0x20) & ~word & highs;
    uint64_t c2 = word ^ (ones * 0xC2), e0 = (word & (ones * 0xFC)) ^ (ones * 0xE0);
    uint64_t leads = ((c2 - ones) & ~c2 & highs) | ((e0 - ones) & ~e0 & highs);
    uint64_t blank = word ^ (ones * 0x20);
    uint64_t blanks = ~(((blank & lows) + lows) | blank | lows);
    return below | leads | (blanks & (blanks << 8));
}

/// One byte of `coauthor_single_spaced_text`'s rule: 1 when it may not appear.
static inline int coauthor_unspaced_byte(uint8_t byte) {
    return byte < 0x20 || byte == 0xC2 || (byte & 0xFC) == 0xE0;
}

int coauthor_single_spaced_text(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    if (count >= 16) {
        const __m128i low = _mm_set1_epi8(0x1F), c2 = _mm_set1_epi8((char)0xC2), e0 = _mm_set1_epi8((char)0xE0);
        const __m128i top = _mm_set1_epi8((char)0xFC), blank = _mm_set1_epi8(0x20);
        // Whether the byte before the vector is a blank, as bit 0.
        unsigned carry = 0;
        for (;;) {
            // A last vector short of sixteen bytes is taken as the sixteen that end the text: it
            // overlaps the one before, whose bytes and pairs of blanks were judged (the pair
            // across its start among them), so only the pairs inside it count.
            int overlapping = index + 16 > count;
            if (overlapping) {
                if (index == count) return 1;
                index = count - 16;
                carry = 0;
            }
            __m128i v = _mm_loadu_si128((const __m128i *)(bytes + index));
            __m128i bad = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, low), v),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(_mm_and_si128(v, top), e0)));
            if (_mm_movemask_epi8(bad)) return 0;
            unsigned blanks = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, blank));
            if (blanks & ((blanks << 1) | carry)) return 0;
            if (overlapping) return 1;
            carry = blanks >> 15;
            index += 16;
        }
    }
#endif
    if (count >= 8 && count < 16) {
        // Eight to fifteen bytes (most names): the first eight and the last eight, as words.
        // Their pairs of blanks cover every pair, the two words meeting or overlapping.
        uint64_t first, last;
        memcpy(&first, bytes, 8);
        memcpy(&last, bytes + count - 8, 8);
        return !coauthor_unspaced_word(first) && !coauthor_unspaced_word(last);
    }
    int blankBefore = 0;
    for (; index < count; index++) {
        uint8_t byte = bytes[index];
        if (coauthor_unspaced_byte(byte)) return 0;
        int isBlank = byte == 0x20;
        if (isBlank && blankBefore) return 0;
        blankBefore = isBlank;
    }
    return 1;
}
