/// The one JSON string escaper (RFC 8259), at the byte level: every JSON string coauthor writes,
/// in exports, tables and pages, goes through it.
public enum JSONEscaping {
    /// Appends `text` to `bytes` as a quoted JSON string: `"` and `\` escaped, control characters
    /// as `\n`, `\r`, `\t` or `\u00XX`, everything else as its UTF-8 bytes.
    /// - Parameter scriptSafe: also escape `<`, `>`, `&`, U+2028 and U+2029, so that the string
    ///   can stand inside an HTML `<script>` element (no `</script>`, no line terminator for
    ///   older JavaScript engines).
    /// - Complexity: O(UTF-8 length of `text`).
    public static func append(_ text: String, to bytes: inout [UInt8], scriptSafe: Bool = false) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                i += 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20: appendUnicodeEscape(UInt32(byte), to: &bytes)
                case UInt8(ascii: "<") where scriptSafe, UInt8(ascii: ">") where scriptSafe, UInt8(ascii: "&") where scriptSafe:
                    appendUnicodeEscape(UInt32(byte), to: &bytes)
                case 0xE2 where scriptSafe && i + 1 < utf8.count && utf8[i] == 0x80 && (utf8[i + 1] == 0xA8 || utf8[i + 1] == 0xA9):
                    // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR.
                    appendUnicodeEscape(0x2000 + UInt32(utf8[i + 1]) - 0xA8 + 0x28, to: &bytes)
                    i += 2
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `text` as a quoted JSON string.
    public static func quoted(_ text: String, scriptSafe: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        append(text, to: &bytes, scriptSafe: scriptSafe)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hexDigits[Int((value >> UInt32(shift)) & 15)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
