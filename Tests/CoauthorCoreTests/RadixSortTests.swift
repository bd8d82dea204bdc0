@testable import CoauthorCore
import Testing

/// The radix sort of 64-bit keys by a range of their bits, against the library's stable sort.
struct RadixSortTests {
    @Test func sortsByTheBitsAskedAndKeepsTheOrderOfEqualOnes() {
        var random = SplitMix64(seed: 41)
        for trial in 0..<60 {
            let n = Int(random.next() % 3_000)
            // Narrow keys on some trials, so that whole passes have a single digit and are skipped.
            let spread = trial % 3 == 0 ? UInt64(1) << 12 : .max
            let keys = (0..<n).map { _ in random.next() % spread }
            let low = Int(random.next() % 40), high = min(64, low + 1 + Int(random.next() % 30))
            let mask = high == 64 ? UInt64.max : (UInt64(1) << UInt64(high)) - 1
            let expected = keys.enumerated().sorted {
                ($0.element & mask) >> UInt64(low) < ($1.element & mask) >> UInt64(low)
                    || (($0.element & mask) >> UInt64(low) == ($1.element & mask) >> UInt64(low) && $0.offset < $1.offset)
            }.map(\.element)
            var sorted = keys
            var scratch = [UInt64](repeating: 0, count: n + Int(random.next() % 5))
            sorted.withUnsafeMutableBufferPointer { sorted in
                scratch.withUnsafeMutableBufferPointer { radixSort(sorted, byBits: low..<high, scratch: $0) }
            }
            #expect(sorted == expected, "trial \(trial): \(n) keys by bits \(low)..<\(high)")
        }
    }

    @Test func wholeKeysSortAsTheLibrarySorts() {
        var random = SplitMix64(seed: 43)
        var keys = (0..<10_000).map { _ in random.next() }
        let expected = keys.sorted()
        var scratch = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeMutableBufferPointer { keys in
            scratch.withUnsafeMutableBufferPointer { radixSort(keys, byBits: 0..<64, scratch: $0) }
        }
        #expect(keys == expected)
    }
}
