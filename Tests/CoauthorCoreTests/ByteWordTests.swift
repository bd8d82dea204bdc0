@testable import CoauthorCore
import Testing

/// The eight-byte tests against a byte-by-byte look at the same words.
struct ByteWordTests {
    @Test func eachTestIsNonzeroExactlyWhenABytePasses() {
        var random = SplitMix64(seed: 19)
        // Words whose bytes come from a small alphabet around the bytes tested, so that both
        // answers are common; every position of a word gets each byte.
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xFF]
        var hits = 0
        for _ in 0..<200_000 {
            let bytes = (0..<8).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            for byte: UInt8 in [0x0A, 0x0D, 0x22, 0x5C] {
                #expect((ByteWord.has(byte, in: word) != 0) == bytes.contains(byte))
                if bytes.contains(byte) { hits += 1 }
            }
            for limit: UInt8 in [0x01, 0x20, 0x80] {
                #expect((ByteWord.hasByteBelow(limit, in: word) != 0) == bytes.contains { $0 < limit })
            }
        }
        #expect(hits > 100_000)
    }
}
