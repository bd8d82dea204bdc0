import CPrefetch
import Foundation

/// Maps byte offsets of a UTF-8 buffer to 1-based line and column numbers.
///
/// Built once per file in one pass; the readers carry plain byte offsets and pay for line
/// numbers only when a diagnostic or a record location needs one. The index keeps the number
/// of lines before each 4 KiB block, not where every line starts (a DBLP-size BibTeX file has
/// four million lines, whose starts took 16 MB beside the file's own bytes while it was read):
/// a lookup counts the line feeds from its block's start, eight bytes at a time.
struct LineIndex {
    /// `linesBefore[b]` line feeds lie before byte `b << blockShift`, for every block start
    /// in the buffer and one past it.
    private let linesBefore: [Int]
    private let bytes: [UInt8]
    let path: String
    private static let blockShift = 12

    /// - Complexity: O(n) in the number of bytes; memory O(n / 4096).
    init(bytes: [UInt8], path: String) {
        let blocks = bytes.count >> Self.blockShift
        var linesBefore = [Int](repeating: 0, count: blocks + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var total = 0
            for block in 0..<blocks {
                let start = block << Self.blockShift
                total += LineBlocks.newlineCount(UnsafeBufferPointer(rebasing: buffer[start..<(start + (1 << Self.blockShift))]))
                linesBefore[block + 1] = total
            }
        }
        self.linesBefore = linesBefore
        self.bytes = bytes
        self.path = path
    }

    /// The location of `offset`; the column counts Unicode scalars, not bytes.
    /// - Complexity: O(4096 + length of the line).
    func location(of offset: Int) -> SourceLocation {
        bytes.withUnsafeBufferPointer { buffer in
            let end = max(0, min(offset, buffer.count))
            let (line, lineStart) = lineAndStart(before: end, in: buffer)
            return Self.location(of: offset, end: end, line: line, lineStart: lineStart, in: buffer, path: path)
        }
    }

    /// The line feeds before byte `end` (counted from its block's start) and where its line starts.
    private func lineAndStart(before end: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, lineStart: Int) {
        let block = end >> Self.blockShift
        let blockStart = block << Self.blockShift
        return (linesBefore[block] + LineBlocks.newlineCount(UnsafeBufferPointer(rebasing: buffer[blockStart..<end])),
                Self.lineStart(before: end, in: buffer))
    }

    /// Where the line holding byte `end` starts: just after the last line feed before it.
    /// - Complexity: O(length of the line up to `end`), as the column count that follows.
    private static func lineStart(before end: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var start = end
        while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// The location of `offset` (clamped to `end`), on the 0-based `line` that starts at `lineStart`.
    private static func location(of offset: Int, end: Int, line: Int, lineStart: Int, in buffer: UnsafeBufferPointer<UInt8>,
                                 path: String) -> SourceLocation {
        SourceLocation(path: path, line: line + 1, column: 1 + characters(in: UnsafeBufferPointer(rebasing: buffer[lineStart..<end])),
                       byteOffset: offset)
    }

    /// Locations of increasing offsets (records in file order): each lookup reads only the bytes
    /// since the previous offset, for its line feeds and for the column, so a file of one long
    /// line (minified JSON) costs O(n) in all, not O(n) per record.
    struct Cursor {
        let index: LineIndex
        /// The previous offset (clamped to the buffer), the line feeds before it, where its line
        /// starts, and its column.
        private var end = 0
        private var line = 0
        private var lineStart = 0
        private var column = 1

        init(_ index: LineIndex) { self.index = index }

        /// The location of `offset`.
        /// - Complexity: O(bytes since the previous offset); a lookup in the index (O(4096 +
        ///   length of the line)) when `offset` is before the previous one.
        mutating func location(of offset: Int) -> SourceLocation {
            index.bytes.withUnsafeBufferPointer { buffer in
                let end = max(0, min(offset, buffer.count))
                if end < self.end {
                    (line, lineStart) = index.lineAndStart(before: end, in: buffer)
                    column = 1 + LineIndex.characters(in: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]))
                } else {
                    let passed = UnsafeBufferPointer(rebasing: buffer[self.end..<end])
                    let feeds = LineBlocks.newlineCount(passed)
                    if feeds == 0 {
                        column += LineIndex.characters(in: passed)
                    } else {
                        line += feeds
                        lineStart = LineIndex.lineStart(before: end, in: buffer)
                        column = 1 + LineIndex.characters(in: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]))
                    }
                }
                self.end = end
                return SourceLocation(path: index.path, line: line + 1, column: column, byteOffset: offset)
            }
        }
    }

    /// The Unicode scalars in `bytes` (UTF-8): its bytes that are not continuation bytes.
    private static func characters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
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
    guard let base = bytes.baseAddress else { return nil }
    var index = 0
    let count = bytes.count
    while index < count {
        // ASCII in vector registers, from any position: most of a bibliography is ASCII, and
        // most of the rest is a letter here and there between ASCII runs.
        index += coauthor_ascii_prefix(base + index, count - index)
        guard index < count else { break }
        let lead = bytes[index]
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
