/// The bytes of one exported file, built by appending.
///
/// Exports of large networks write millions of numbers and names; appending
/// UTF-8 straight into one reserved `[UInt8]` (integers digit by digit, text
/// escaped byte by byte) avoids the intermediate `String`s and Foundation
/// formatters that would otherwise dominate the time.
struct ExportBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as it is, without escaping.
    mutating func append(raw text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a whole number in decimal.
    /// - Complexity: O(digits).
    mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var magnitude = value.magnitude
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(magnitude))
            return
        }
        // 20 digits hold any UInt64.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while magnitude > 0 {
                digits[19 - count] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    /// Appends the shortest decimal that reads back as `value` (Swift's
    /// `description`, which Python's `float`, igraph's `strtod` and Java's
    /// `Double.parseDouble` all read), or `nan` / `Infinity` / `-Infinity` texts for the rest.
    mutating func append(_ value: Double, nan: StaticString = "NaN", infinity: StaticString = "INF",
                         negativeInfinity: StaticString = "-INF") {
        if value.isNaN {
            append(nan)
        } else if value.isInfinite {
            append(value > 0 ? infinity : negativeInfinity)
        } else if value == value.rounded(.towardZero), value.magnitude < 1e15, !(value == 0 && value.sign == .minus) {
            // Whole numbers are frequent (counts, years, integral weights); `description` would allocate for them too.
            append(Int(value))
            append(".0")
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends `text` escaped for XML element content or a double-quoted
    /// attribute value, dropping the characters XML 1.0 cannot carry.
    ///
    /// In attributes, tab, line feed and carriage return are written as
    /// character references because an XML parser turns the literal
    /// characters into spaces there; in element content only the carriage
    /// return needs one (parsers turn a literal one into a line feed).
    mutating func append(xml text: String, attribute: Bool = false) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\""): append("&quot;")
            case UInt8(ascii: "'"): append("&apos;")
            case 0x09: if attribute { append("&#9;") } else { bytes.append(byte) }
            case 0x0A: if attribute { append("&#10;") } else { bytes.append(byte) }
            case 0x0D: append("&#13;")
            case 0..<0x20: continue
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
                if index != utf8.endIndex, utf8[index] == 0xBF {
                    let next = utf8.index(after: index)
                    if next != utf8.endIndex, utf8[next] >= 0xBE {
                        index = utf8.index(after: next)
                        continue
                    }
                }
                bytes.append(byte)
            default: bytes.append(byte)
            }
        }
    }

    /// Appends `text` as a JSON string literal, quotes included (RFC 8259):
    /// `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`,
    /// everything else as raw UTF-8.
    mutating func append(json text: String) {
        JSONEscaping.append(text, to: &bytes)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `<edge id="eE" source="nS" target="nT"` (no closing bracket): the start of an edge
    /// element of the XML formats.
    mutating func appendEdgeStart(_ e: Int, of graph: WeightedGraph) {
        append("<edge id=\"e")
        append(e)
        append("\" source=\"n")
        append(Int(graph.source[e]))
        append("\" target=\"n")
        append(Int(graph.target[e]))
        append("\"")
    }
}
