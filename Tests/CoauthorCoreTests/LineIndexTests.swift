import CPrefetch
import Testing
@testable import CoauthorCore

/// `LineIndex` keeps line counts per 4 KiB block, not every line's start: its locations must be
/// exactly those of counting from the start of the buffer, for lookups in any order and for the
/// cursor's increasing ones, across block boundaries, long lines and multi-byte characters.
@Suite struct LineIndexTests {
    /// Line and column (in scalars) of `offset`, counted from the start.
    private func naive(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for index in 0..<min(offset, bytes.count) {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Text of short and long lines (one longer than a block), with CR, accented letters and CJK.
    private func text(seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let pieces = ["a", "bc ", "é", "漢", "\r", "\n", "\n\n", "{x}"]
        var result = ""
        while result.utf8.count < 30_000 {
            if random.next() % 50 == 0 {
                result += String(repeating: "long é ", count: Int(random.next() % 1500))
            }
            result += pieces[Int(random.next() % UInt64(pieces.count))]
        }
        return Array(result.utf8)
    }

    @Test func lookupsAndTheCursorCountLikeAScanFromTheStart() {
        for seed: UInt64 in [1, 2, 3] {
            let bytes = text(seed: seed)
            let index = LineIndex(bytes: bytes, path: "t.bib")
            var random = SplitMix64(seed: seed + 100)
            var offsets = (0..<400).map { _ in Int(random.next() % UInt64(bytes.count + 1)) }
            offsets += [0, 4095, 4096, 4097, 8192, bytes.count - 1, bytes.count, bytes.count + 7]
            #expect(offsets.count == 408)
            for offset in offsets {
                let location = index.location(of: offset)
                let expected = naive(bytes, offset)
                #expect(location.line == expected.line && location.column == expected.column && location.byteOffset == offset,
                        "seed \(seed), offset \(offset): \(location.line):\(location.column), expected \(expected.line):\(expected.column)")
            }
            // The cursor, on increasing offsets (close and far apart) and on one that goes back.
            var cursor = LineIndex.Cursor(index)
            for offset in offsets.sorted() + [17, 40_000, 3] {
                let location = cursor.location(of: offset)
                let expected = naive(bytes, offset)
                #expect(location.line == expected.line && location.column == expected.column,
                        "cursor, seed \(seed), offset \(offset): \(location.line):\(location.column), expected \(expected.line):\(expected.column)")
            }
        }
    }

    @Test func anEmptyBufferAndOneWithoutLineFeeds() {
        #expect(LineIndex(bytes: [], path: "e").location(of: 0).line == 1)
        let flat = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        let location = LineIndex(bytes: flat, path: "f").location(of: 9_000)
        #expect(location.line == 1 && location.column == 9_001)
    }

    /// Minified JSON is one line: the cursor counts columns from its previous offset, not from the
    /// line's start. The same offset twice, a step back and on again give what a scan gives.
    @Test func theCursorOnOneLongLine() {
        var random = SplitMix64(seed: 9)
        let pieces = ["{\"a\":", "\"é\",", "漢", "1,", "[]", "}"]
        var text = ""
        while text.utf8.count < 200_000 { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        let bytes = Array((text + "\nlast line é").utf8)
        let index = LineIndex(bytes: bytes, path: "one.json")
        var offsets = (0..<300).map { _ in Int(random.next() % UInt64(bytes.count)) }.sorted()
        offsets.insert(offsets[150], at: 150)
        offsets += [bytes.count - 3, 12, 90_000, bytes.count - 1]
        // Expected locations, by one scan per offset from the start.
        var cursor = LineIndex.Cursor(index)
        var checked = 0
        for offset in offsets {
            let location = cursor.location(of: offset)
            let expected = naive(bytes, offset)
            #expect(location.line == expected.line && location.column == expected.column && location.byteOffset == offset,
                    "offset \(offset): \(location.line):\(location.column), expected \(expected.line):\(expected.column)")
            checked += 1
        }
        #expect(checked == 305)
        #expect(cursor.location(of: bytes.count).line == 2)
    }

    /// `firstInvalidUTF8Offset` finds the first byte where the standard library's UTF-8 parser
    /// finds an error: on seeded text of ASCII runs (long enough for its sixteen- and eight-byte
    /// steps, at any alignment), valid two-, three- and four-byte letters, and invalid bytes (stray
    /// continuations, overlong forms, surrogates, lead bytes past U+10FFFF, cut sequences).
    /// The line-feed count (vector code in C, in chunks of 64 × 255 bytes) is a byte-by-byte
    /// count, on every length up to three chunks and beyond, from every alignment, however dense
    /// the line feeds (a chunk of line feeds only would wrap a one-byte counter if it were longer).
    @Test func newlineCountIsAByteByByteCount() {
        var random = SplitMix64(seed: 17)
        let chunk = 64 * 255
        var lengths = Array(0...200) + [chunk - 1, chunk, chunk + 1, 2 * chunk + 63, 3 * chunk + 5, 100_000]
        for _ in 0..<50 { lengths.append(Int(random.next() % 70_000)) }
        #expect(lengths.count == 257)
        for (index, length) in lengths.enumerated() {
            // Every fourth buffer is all line feeds; the others have 1 in 2, 1 in 16 or 1 in 200.
            let density: UInt64 = [1, 2, 16, 200][index % 4]
            let bytes: [UInt8] = (0..<(length + 3)).map { _ in random.next() % density == 0 ? 0x0A : UInt8(truncatingIfNeeded: random.next() | 1) }
            for shift in 0..<3 where shift <= length {
                let slice = bytes[shift..<(shift + length)]
                let expected = slice.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                let counted = bytes.withUnsafeBufferPointer { LineBlocks.newlineCount(UnsafeBufferPointer(rebasing: $0[shift..<(shift + length)])) }
                #expect(counted == expected, "length \(length), shift \(shift)")
            }
        }
        #expect(LineBlocks.newlineCount(UnsafeBufferPointer(start: nil, count: 0)) == 0)
    }

    /// The line-break search (sixteen bytes a step in C) finds the first line feed or carriage
    /// return as a byte-by-byte search does, at every position in and across its steps.
    @Test func lineBreakSearchIsAByteByByteSearch() {
        var random = SplitMix64(seed: 19)
        var checked = 0
        for length in 0..<80 {
            for _ in 0..<20 {
                // Breaks are rare (one byte in 40), so that most searches run through several steps.
                let bytes: [UInt8] = (0..<length).map { _ in
                    switch random.next() % 80 { case 0: 0x0A; case 1: 0x0D; default: UInt8(truncatingIfNeeded: random.next() % 200 + 14) }
                }
                for start in 0...length {
                    let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? length
                    let found = bytes.withUnsafeBufferPointer { start + coauthor_line_break($0.baseAddress! + start, length - start) }
                    #expect(found == expected, "length \(length), start \(start)")
                    checked += 1
                }
            }
        }
        #expect(checked == 20 * (1...80).reduce(0, +))
    }

    /// The ASCII prefix (sixty-four, then sixteen bytes a step in C) ends at the first byte of
    /// 0x80 or more, as a byte-by-byte search finds it, at every position in and across the steps.
    @Test func asciiPrefixIsAByteByByteSearch() {
        var random = SplitMix64(seed: 23)
        var checked = 0
        for length in 0..<200 {
            for _ in 0..<5 {
                // Bytes beyond ASCII are rare (one in 100), so that most searches take several steps.
                let bytes: [UInt8] = (0..<length).map { _ in
                    random.next() % 100 == 0 ? UInt8(0x80 + random.next() % 0x80) : UInt8(random.next() % 0x80)
                }
                for start in 0...length {
                    let expected = bytes[start...].firstIndex { $0 >= 0x80 } ?? length
                    let found = bytes.withUnsafeBufferPointer { start + coauthor_ascii_prefix($0.baseAddress! + start, length - start) }
                    #expect(found == expected, "length \(length), start \(start)")
                    checked += 1
                }
            }
        }
        #expect(checked == 5 * (1...200).reduce(0, +))
    }

    /// Where a JSON string may stop (sixteen bytes a step in C): the first quote, backslash or
    /// byte below 0x20, and never a byte of 0x80 or more (which a signed compare would take for
    /// one below 0x20), at every position in and across the steps.
    @Test func jsonStringStopIsAByteByByteSearch() {
        var random = SplitMix64(seed: 29)
        var checked = 0, found = 0
        for length in 0..<70 {
            for _ in 0..<20 {
                let bytes: [UInt8] = (0..<length).map { _ in
                    switch random.next() % 60 {
                    case 0: UInt8(ascii: "\"")
                    case 1: UInt8(ascii: "\\")
                    case 2: UInt8(truncatingIfNeeded: random.next() % 0x20)
                    default: UInt8(truncatingIfNeeded: random.next() % 0xE0 + 0x20)
                    }
                }
                for start in 0...length {
                    let expected = bytes[start...].firstIndex { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 } ?? length
                    let stop = bytes.withUnsafeBufferPointer { start + coauthor_json_string_stop($0.baseAddress! + start, length - start) }
                    #expect(stop == expected, "length \(length), start \(start)")
                    checked += 1
                    if expected < length { found += 1 }
                }
            }
        }
        #expect(checked == 20 * (1...70).reduce(0, +) && found > checked / 4)
    }

    @Test func firstInvalidUTF8OffsetIsWhereTheStandardLibraryFindsAnError() {
        var random = SplitMix64(seed: 11)
        let valid: [[UInt8]] = [Array("é".utf8), Array("漢".utf8), Array("𝄞".utf8), [0x7F], [0x0A]]
        let invalid: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0x81], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
                                  [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE6, 0xBC], [0xF0, 0x9D, 0x84]]
        func reference(_ bytes: [UInt8]) -> Int? {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
        var errors = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                switch random.next() % 10 {
                case 0..<5: bytes += (0..<Int(random.next() % 90)).map { _ in UInt8(0x20 + random.next() % 0x5F) }
                case 5..<9: bytes += valid[Int(random.next() % UInt64(valid.count))]
                default: bytes += invalid[Int(random.next() % UInt64(invalid.count))]
                }
            }
            let expected = reference(bytes)
            if expected != nil { errors += 1 }
            #expect(firstInvalidUTF8Offset(bytes) == expected, "\(bytes)")
        }
        // Both kinds of text were made (a test of valid text only could not fail on an error missed).
        #expect(errors > 500 && errors < 2_500, "\(errors) texts with an error")
    }
}
