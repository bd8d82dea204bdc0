import CPrefetch

/// Tests on eight bytes at once, a `UInt64` loaded from a buffer: the bit tricks of "Bit
/// Twiddling Hacks". Each result is nonzero exactly when some byte passes the test, so scanners
/// step eight bytes at a time while it is zero and find the byte one by one after.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when a byte of `word` is `byte` (a zero byte after the XOR with it).
    @inline(__always) static func has(_ byte: UInt8, in word: UInt64) -> UInt64 {
        let zeroWhereEqual = word ^ (ones &* UInt64(byte))
        return (zeroWhereEqual &- ones) & ~zeroWhereEqual & highs
    }

    /// Nonzero when a byte of `word` is less than `limit` (at most 128).
    @inline(__always) static func hasByteBelow(_ limit: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// 0x80 in each byte of `word` that is `byte`, 0 in the others (exactly: no borrow runs
    /// from byte to byte, as in `has`).
    @inline(__always) static func mask(of byte: UInt8, in word: UInt64) -> UInt64 {
        let zeroWhereEqual = word ^ (ones &* UInt64(byte))
        let lows = ~highs
        return ~(((zeroWhereEqual & lows) &+ lows) | zeroWhereEqual | lows)
    }

    /// Whether `bytes` have no control byte (below 0x20, ASCII white space among them), no two
    /// blanks in a row, and no byte that can lead a white-space scalar beyond ASCII (0xC2 for
    /// U+0085 and U+00A0, 0xE0…0xE3 for U+1680, U+2000…U+205F and U+3000): trimmed of blanks at
    /// their ends, they are their own white space collapsed (`LaTeX.collapseWhitespace`), ASCII
    /// or not. Sixteen bytes a step (`coauthor_single_spaced_text`).
    static func isSingleSpacedText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return coauthor_single_spaced_text(base, bytes.count) != 0
    }

    /// Whether `bytes` are ASCII without control bytes (below 0x20, white space among them) and
    /// without two blanks in a row: trimmed of blanks at their ends, they are their own white
    /// space collapsed (`LaTeX.collapseWhitespace`). Eight bytes a step.
    static func isSingleSpacedPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        // Whether the byte before `index` is a blank, as 0x80 in the low byte.
        var blankBefore: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & highs != 0 || hasByteBelow(0x20, in: word) != 0 { return false }
            let blanks = mask(of: 0x20, in: word)
            // A blank after a blank, in this word or across the last one's end (little-endian:
            // the byte after byte k is byte k + 1, eight bits up).
            if blanks & ((blanks << 8) | blankBefore) != 0 { return false }
            blankBefore = blanks >> 56
            index += 8
        }
        var previousBlank = blankBefore != 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || byte < 0x20 { return false }
            let blank = byte == 0x20
            if blank && previousBlank { return false }
            previousBlank = blank
            index += 1
        }
        return true
    }
}
