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
}
