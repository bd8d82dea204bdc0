import Foundation

/// Maps byte offsets of a UTF-8 buffer to 1-based line and column numbers.
///
/// Built once per file in one pass; each lookup is a binary search, so the
/// readers can carry plain byte offsets and pay for line numbers only when a
/// diagnostic or a record location needs one.
struct LineIndex {
    /// Where each line starts: in 32 bits below 4 GiB (half the memory of a large file's index),
    /// else in `wideStarts`.
    private let narrowStarts: [UInt32]
    private let wideStarts: [Int]
    private let bytes: [UInt8]
    let path: String

    /// - Complexity: O(n) in the number of bytes.
    init(bytes: [UInt8], path: String) {
        let narrow = bytes.count <= UInt32.max
        var narrowStarts: [UInt32] = [0], wideStarts: [Int] = [0]
        if narrow { narrowStarts.reserveCapacity(bytes.count / 40 + 1) } else { wideStarts.reserveCapacity(bytes.count / 40 + 1) }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                if narrow { narrowStarts.append(UInt32(offset)) } else { wideStarts.append(offset) }
            }
        }
        self.narrowStarts = narrow ? narrowStarts : []
        self.wideStarts = narrow ? [] : wideStarts
        self.bytes = bytes
        self.path = path
    }

    private var lineCount: Int { narrowStarts.isEmpty ? wideStarts.count : narrowStarts.count }

    @inline(__always) private func lineStart(_ line: Int) -> Int {
        narrowStarts.isEmpty ? wideStarts[line] : Int(narrowStarts[line])
    }

    /// The location of `offset`; the column counts Unicode scalars, not bytes.
    /// - Complexity: O(log lines + length of the line).
    func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lineCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStart(mid) <= offset { low = mid } else { high = mid - 1 }
        }
        return location(of: offset, line: low)
    }

    /// Locations of increasing offsets (records in file order): each lookup walks on from the
    /// previous line instead of searching all lines.
    struct Cursor {
        let index: LineIndex
        private var line = 0

        init(_ index: LineIndex) { self.index = index }

        /// The location of `offset`.
        /// - Complexity: O(lines since the previous offset + length of the line); a binary
        ///   search when `offset` is before the previous one.
        mutating func location(of offset: Int) -> SourceLocation {
            if offset < index.lineStart(line) { return index.location(of: offset) }
            let count = index.lineCount
            while line + 1 < count, index.lineStart(line + 1) <= offset { line += 1 }
            return index.location(of: offset, line: line)
        }
    }

    /// The location of `offset`, which is on the 0-based `line`.
    private func location(of offset: Int, line low: Int) -> SourceLocation {
        var column = 1
        var index = lineStart(low)
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(path: path, line: low + 1, column: column, byteOffset: offset)
    }
}

/// Checks that `bytes` are well-formed UTF-8.
/// - Returns: the byte offset of the first invalid sequence, or nil.
/// - Complexity: O(n).
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset($0) }
}

/// `firstInvalidUTF8Offset` of bytes in memory that the caller owns.
func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
        // Eight ASCII bytes at a time: most of a bibliography is ASCII.
        if index & 7 == 0 {
            let raw = UnsafeRawBufferPointer(bytes)
            var ascii = index
            while ascii + 8 <= count, raw.loadUnaligned(fromByteOffset: ascii, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { ascii += 8 }
            if ascii != index {
                index = ascii
                continue
            }
        }
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: return index
        }
        if index + length > count { return index }
        for k in 1..<length {
            let byte = bytes[index + k]
            if byte & 0xC0 != 0x80 { return index }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
        index += length
    }
    return nil
}

/// A string from UTF-8 bytes through the contiguous fast path (the generic
/// `String(decoding:as:)` on a slice can fall back to decoding scalar by scalar).
@inline(__always) func makeString(_ bytes: ArraySlice<UInt8>) -> String {
    bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
}
