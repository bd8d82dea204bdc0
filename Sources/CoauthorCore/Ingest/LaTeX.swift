import Foundation

/// Decodes the LaTeX that bibliographies use in names and titles into Unicode.
///
/// Handles accent commands in every form (`{\"o}`, `\"{o}`, `\"o`, `\'\i`,
/// `\c{c}`, `\v s`), special letters (`\ss`, `\o`, `\aa`, `\ae`, `\l`, `\i`, …),
/// escaped specials (`\&`, `\%`, `\$`, `\#`, `\_`, `\{`, `\}`), `~` as a space,
/// `--`/`---` as dashes; removes protective braces and math `$`; keeps the
/// argument of unknown commands (`\emph{x}` → `x`); returns NFC.
///
/// Nesting is handled with an explicit depth bound rather than input-controlled
/// recursion: accent arguments deeper than a few levels are taken literally.
///
/// - Complexity: O(n) in the length of the text.
public enum LaTeX {
    static let accents: [Character: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}",
        "~": "\u{0303}", "=": "\u{0304}", ".": "\u{0307}", "u": "\u{0306}",
        "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}",
        "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}", "t": "\u{0361}",
    ]

    static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
        "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "SS": "SS",
        "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
        "textendash": "–", "textemdash": "—", "textquoteright": "’", "textquoteleft": "‘",
        "textquotesingle": "'", "textquotedbl": "\"", "textunderscore": "_", "textasciitilde": "~",
        "textless": "<", "textgreater": ">", "textbar": "|",
        "textquotedblleft": "“", "textquotedblright": "”", "textellipsis": "…", "ldots": "…",
        "dots": "…", "textregistered": "®", "texttrademark": "™", "copyright": "©",
        "textsterling": "£", "euro": "€", "S": "§", "P": "¶", "textdegree": "°",
        "guillemotleft": "«", "guillemotright": "»", "quad": " ", "qquad": " ", "LaTeX": "LaTeX", "TeX": "TeX",
        // MathSciNet's letters (its exports define them in their preamble, and often are read without it).
        "Dbar": "Đ", "dbar": "đ", "cprime": "ʹ", "cdprime": "ʺ", "ij": "ĳ", "IJ": "Ĳ",
    ]

    /// Decodes `text` to Unicode NFC with whitespace collapsed to single spaces.
    public static func decode(_ text: String) -> String {
        if !text.contains(where: { "\\{}$~-".contains($0) }) {
            return collapseWhitespace(text).precomposedStringWithCanonicalMapping
        }
        let decoded = decodeRaw(Array(text), depth: 0)
        return collapseWhitespace(decoded).precomposedStringWithCanonicalMapping
    }

    /// Decodes UTF-8 `bytes` like `decode(_:)`; text without LaTeX specials or characters that
    /// could need normalising (the common case) is only trimmed and collapsed, byte by byte.
    /// - Complexity: O(n) in the number of bytes.
    static func decode<Bytes: RandomAccessCollection<UInt8>>(utf8 bytes: Bytes) -> String where Bytes.Index == Int {
        var previousDash = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "$"), UInt8(ascii: "~"):
                return decode(String(decoding: bytes, as: UTF8.self))
            case UInt8(ascii: "-"):
                if previousDash { return decode(String(decoding: bytes, as: UTF8.self)) }
            default:
                // From U+0300 on a scalar may combine or need NFC; 0xC2 leads NBSP and NEL (white space).
                if byte >= 0xCC || byte == 0xC2 { return decode(String(decoding: bytes, as: UTF8.self)) }
            }
            previousDash = byte == UInt8(ascii: "-")
        }
        return collapseASCIIWhitespace(bytes)
    }

    /// `collapseWhitespace` for text whose only white space is ASCII.
    /// `collapseASCIIWhitespace` of bytes in a buffer: those with single blanks and no control
    /// byte (most) are trimmed of their end blanks without a look at each byte's white space
    /// (`ByteWord.isSingleSpacedText`, sixteen bytes a step).
    static func collapseASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if ByteWord.isSingleSpacedText(bytes) { return String(decoding: trimmingBlanks(bytes), as: UTF8.self) }
        return collapseASCIIWhitespace(bytes[...])
    }

    /// `bytes` without the blanks at their ends.
    static func trimmingBlanks(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A DOI as BibTeX writes it (its value's bytes), white space collapsed and its escapes
    /// undone: `\_`, `\%`, `\&`, `\#` and `\$` are the characters they escape, and braces
    /// group nothing in it (`10.1007/978-3-319-59421-7\_28`, as Web of Science's BibTeX export
    /// writes it; `{10.1000/{ABC}}`). Nothing else is decoded: a DOI's `--` is two hyphens.
    static func doi(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
            return collapseASCIIWhitespace(bytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\\"), index < bytes.count, "_%&#${}".utf8.contains(bytes[index]) {
                out.append(bytes[index])
                index += 1
            } else if byte != UInt8(ascii: "{"), byte != UInt8(ascii: "}") {
                out.append(byte)
            }
        }
        return collapseASCIIWhitespace(out)
    }

    static func collapseASCIIWhitespace<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> String where Bytes.Index == Int {
        let (range, clean) = asciiWhitespaceShape(bytes)
        if clean { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        appendCollapsingASCIIWhitespace(bytes[range], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The range of `bytes` without leading and trailing ASCII white space, and whether the white
    /// space inside it is single blanks only (nothing to collapse).
    static func asciiWhitespaceShape<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> (range: Range<Int>, clean: Bool) where Bytes.Index == Int {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        var index = start
        while index < end {
            let byte = bytes[index]
            if isWhitespace(byte) && (byte != 0x20 || isWhitespace(bytes[index + 1])) { return (start..<end, false) }
            index += 1
        }
        return (start..<end, true)
    }

    /// Appends `bytes`, which neither start nor end with white space (`asciiWhitespaceShape`'s
    /// range), with each run of ASCII white space as one blank.
    static func appendCollapsingASCIIWhitespace(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        var pendingSpace = false
        for byte in bytes {
            if isWhitespace(byte) {
                pendingSpace = true
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
    }

    /// Collapses runs of white space (including line breaks) into one space and trims the ends.
    public static func collapseWhitespace(_ text: String) -> String {
        // Text whose only white space can be ASCII (no byte that leads U+0085, U+00A0, U+1680,
        // U+2000…U+205F or U+3000) collapses byte by byte, with the same result.
        var text = text
        let asciiSpaces = text.withUTF8 { bytes -> String? in
            for byte in bytes where byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) { return nil }
            return collapseASCIIWhitespace(bytes)
        }
        if let asciiSpaces { return asciiSpaces }
        // Scalar by scalar: a combining mark after a space is a Character together with the space,
        // and dropping that Character would drop the mark, which the byte-level parsers keep.
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func decodeRaw(_ chars: [Character], depth: Int) -> String {
        var out = ""
        var index = 0
        let count = chars.count
        while index < count {
            let char = chars[index]
            switch char {
            case "{", "}", "$":
                index += 1
            case "~":
                out.append(" ")
                index += 1
            case "-":
                if index + 2 < count, chars[index + 1] == "-", chars[index + 2] == "-" {
                    out.append("—")
                    index += 3
                } else if index + 1 < count, chars[index + 1] == "-" {
                    out.append("–")
                    index += 2
                } else {
                    out.append("-")
                    index += 1
                }
            case "\\":
                index = decodeCommand(chars, at: index, depth: depth, into: &out)
            default:
                out.append(char)
                index += 1
            }
        }
        return out
    }

    /// Decodes the command starting with the backslash at `start`; returns the index after it.
    private static func decodeCommand(_ chars: [Character], at start: Int, depth: Int, into out: inout String) -> Int {
        let count = chars.count
        var index = start + 1
        guard index < count else { return index }
        let first = chars[index]
        if !first.isLetter {
            index += 1
            if let mark = accents[first] {
                return applyAccent(mark, chars, from: index, depth: depth, into: &out)
            }
            switch first {
            case "&", "%", "$", "#", "_", "{", "}": out.append(first)
            case "\\": out.append(" ")
            case " ", ",", ";", ":", "!", "/": if first != "/" && first != "!" { out.append(" ") }
            default: out.append(first)
            }
            return index
        }
        var name = ""
        while index < count, chars[index].isLetter, chars[index].isASCII {
            name.append(chars[index])
            index += 1
        }
        if name.count == 1, let mark = accents[Character(name)] {
            // Letter accents (`\c c`, `\v{s}`) allow blanks before their argument.
            while index < count, chars[index] == " " { index += 1 }
            return applyAccent(mark, chars, from: index, depth: depth, into: &out)
        }
        // A control word swallows the blanks after it (`\ss x` is "ßx"), but a
        // following `{}` is a common terminator and is simply dropped by the caller.
        while index < count, chars[index] == " " { index += 1 }
        if let letter = letters[name] {
            out.append(letter)
            return index
        }
        // Unknown command (\emph, \textbf, \url, …): keep its argument, drop the command.
        return index
    }

    /// Puts `mark` on the first letter of the accent's argument: `{o}`, `o`, `\i`, `{\i}`.
    private static func applyAccent(_ mark: Unicode.Scalar, _ chars: [Character], from start: Int, depth: Int, into out: inout String) -> Int {
        let count = chars.count
        var index = start
        var argument = ""
        if index < count, chars[index] == "{" {
            var level = 0
            let open = index
            var end = index
            while end < count {
                if chars[end] == "{" { level += 1 }
                if chars[end] == "}" {
                    level -= 1
                    if level == 0 { break }
                }
                end += 1
            }
            let inner = Array(chars[(open + 1)..<min(end, count)])
            argument = depth < 4 ? decodeRaw(inner, depth: depth + 1) : String(inner)
            index = min(end + 1, count)
        } else if index < count, chars[index] == "\\" {
            var single = ""
            index = decodeCommand(chars, at: index, depth: depth + 1, into: &single)
            argument = single
        } else if index < count {
            argument = String(chars[index])
            index += 1
        }
        guard let base = argument.first else {
            out.unicodeScalars.append(mark)
            return index
        }
        // Dotless i and j carry the accent as plain i and j do in Unicode.
        let letter: Character = base == "ı" ? "i" : (base == "ȷ" ? "j" : base)
        out.append(letter)
        out.unicodeScalars.append(mark)
        out.append(contentsOf: argument.dropFirst())
        return index
    }
}
