/// One field of a BibTeX entry, its value already expanded (macros substituted,
/// `#` concatenations joined, the outer delimiters removed, inner braces kept).
struct BibTeXField {
    var name: String
    var value: String
    var offset: Int
}

/// One `@type{key, …}` entry as written, before any interpretation.
struct BibTeXEntry {
    var type: String
    var key: String
    var fields: [BibTeXField]
    var offset: Int

    /// The first field with this (lower-case) name.
    func field(_ name: String) -> BibTeXField? { fields.first { $0.name == name } }
}

/// The syntax layer of the BibTeX reader: a byte-level scanner that turns a
/// buffer into entries, `@string` macros expanded.
///
/// It never recurses on input structure (brace depth is a counter), so hostile
/// nesting cannot overflow the stack. A malformed entry is reported once and
/// skipped: scanning resumes at the next `@` that starts a line.
struct BibTeXParser {
    private let bytes: [UInt8]
    private var position = 0
    private var macros: [String: String]
    private(set) var entries: [BibTeXEntry] = []
    /// (offset, message) pairs for malformed records; each one is a skipped record.
    private(set) var errors: [(offset: Int, message: String)] = []
    /// (offset, message) pairs for recoverable oddities.
    private(set) var warnings: [(offset: Int, message: String)] = []

    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    static let monthMacros: [String: String] = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April",
        "may": "May", "jun": "June", "jul": "July", "aug": "August",
        "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.macros = Self.monthMacros
    }

    /// Scans the whole buffer.
    /// - Complexity: O(n) in the number of bytes (plus the size of macro expansions).
    mutating func parse() {
        while let at = nextAt(from: position) {
            position = at + 1
            let start = at
            do {
                try parseItem(start: start)
            } catch let error as SyntaxError {
                errors.append((error.offset, error.message))
                position = resynchronize(after: start)
            } catch {
                preconditionFailure("unexpected error \(error)")
            }
        }
    }

    // MARK: - Items

    private mutating func parseItem(start: Int) throws {
        skipWhitespace()
        let typeStart = position
        let type = readIdentifier().lowercased()
        if type.isEmpty {
            // A lone `@` in free text is a comment, as in BibTeX.
            position = typeStart
            return
        }
        skipWhitespace()
        if type == "comment" {
            if position < bytes.count, bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "(") {
                _ = try readDelimited(openedAt: position)
            }
            return
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "(") else {
            throw SyntaxError(offset: position, message: "expected '{' or '(' after '@\(type)'; write entries as @\(type){key, field = {value}}")
        }
        let closing: UInt8 = bytes[position] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        let openOffset = position
        position += 1
        switch type {
        case "preamble":
            skipWhitespace()
            _ = try readValue()
            skipWhitespace()
            try expect(closing, openedAt: openOffset, what: "@preamble")
        case "string":
            skipWhitespace()
            let nameOffset = position
            let name = readIdentifier().lowercased()
            if name.isEmpty {
                throw SyntaxError(offset: nameOffset, message: "expected a macro name in @string")
            }
            skipWhitespace()
            try expect(UInt8(ascii: "="), openedAt: nil, what: "after the @string name '\(name)'")
            skipWhitespace()
            macros[name] = try readValue()
            skipWhitespace()
            try expect(closing, openedAt: openOffset, what: "@string")
        default:
            try parseEntry(type: type, start: start, closing: closing, openOffset: openOffset)
        }
    }

    private mutating func parseEntry(type: String, start: Int, closing: UInt8, openOffset: Int) throws {
        skipWhitespace()
        let keyStart = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") || byte == closing || isWhitespace(byte) { break }
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "@") {
                throw SyntaxError(offset: keyStart, message: "entry has no citation key; write @\(type){key, …}")
            }
            position += 1
        }
        let key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
        skipWhitespace()
        var fields: [BibTeXField] = []
        guard position < bytes.count else {
            throw SyntaxError(offset: openOffset, message: "entry '\(key)' is not closed: add '\(Character(UnicodeScalar(closing)))'")
        }
        if bytes[position] == closing {
            position += 1
            entries.append(BibTeXEntry(type: type, key: key, fields: fields, offset: start))
            return
        }
        guard bytes[position] == UInt8(ascii: ",") else {
            throw SyntaxError(offset: position, message: "expected ',' after the citation key '\(key)'")
        }
        position += 1
        while true {
            skipWhitespace()
            guard position < bytes.count else {
                throw SyntaxError(offset: openOffset, message: "entry '\(key)' is not closed: add '\(Character(UnicodeScalar(closing)))'")
            }
            if bytes[position] == closing {
                position += 1
                break
            }
            let nameOffset = position
            let name = readIdentifier().lowercased()
            if name.isEmpty {
                throw SyntaxError(offset: nameOffset, message: "expected a field name in entry '\(key)', found \(describeByte(at: nameOffset))")
            }
            skipWhitespace()
            try expect(UInt8(ascii: "="), openedAt: nil, what: "after the field name '\(name)' in entry '\(key)'")
            skipWhitespace()
            let valueOffset = position
            let value = try readValue()
            fields.append(BibTeXField(name: name, value: value, offset: valueOffset))
            skipWhitespace()
            guard position < bytes.count else {
                throw SyntaxError(offset: openOffset, message: "entry '\(key)' is not closed: add '\(Character(UnicodeScalar(closing)))'")
            }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] != closing {
                throw SyntaxError(offset: position, message: "expected ',' or '\(Character(UnicodeScalar(closing)))' after the field '\(name)' in entry '\(key)' (a missing comma?)")
            }
        }
        entries.append(BibTeXEntry(type: type, key: key, fields: fields, offset: start))
    }

    // MARK: - Values

    /// Reads `part # part # …` where a part is `{…}`, `"…"`, a number or a macro name.
    private mutating func readValue() throws -> String {
        var result: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw SyntaxError(offset: position, message: "unexpected end of file: expected a value")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") {
                result.append(contentsOf: try readDelimited(openedAt: position))
            } else if byte == UInt8(ascii: "\"") {
                result.append(contentsOf: try readQuoted())
            } else if isDigit(byte) {
                let start = position
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
                result.append(contentsOf: bytes[start..<position])
            } else {
                let start = position
                let name = readIdentifier()
                if name.isEmpty {
                    throw SyntaxError(offset: start, message: "expected a value ({…}, \"…\", a number or a macro), found \(describeByte(at: start))")
                }
                if let expansion = macros[name.lowercased()] {
                    result.append(contentsOf: expansion.utf8)
                } else {
                    warnings.append((start, "undefined macro '\(name)' (define it with @string{\(name) = {…}}); its value is taken as empty"))
                }
            }
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "#") {
                position += 1
                skipWhitespace()
                continue
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Reads a `{…}` or `(…)` group starting at `position`, returning the inside.
    /// Brace depth is a counter, so any nesting depth is fine.
    private mutating func readDelimited(openedAt open: Int) throws -> ArraySlice<UInt8> {
        let opener = bytes[position]
        let closer: UInt8 = opener == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
        position += 1
        let start = position
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 {
                    if closer == byte {
                        position += 1
                        return bytes[start..<(position - 1)]
                    }
                    throw SyntaxError(offset: position, message: "unbalanced '}'")
                }
                depth -= 1
            } else if byte == closer, depth == 0 {
                position += 1
                return bytes[start..<(position - 1)]
            } else if byte == UInt8(ascii: "\\"), position + 1 < bytes.count,
                      bytes[position + 1] == UInt8(ascii: "{") || bytes[position + 1] == UInt8(ascii: "}") {
                // `\{` and `\}` are literal braces in LaTeX; BibTeX still counts them, but
                // skipping the escape keeps `\}` from closing a group the author meant to keep open.
                position += 1
            }
            position += 1
        }
        throw SyntaxError(offset: open, message: "unbalanced braces: the '\(Character(UnicodeScalar(opener)))' opened here is never closed")
    }

    /// Reads a `"…"` value; quotes inside braces do not end it.
    private mutating func readQuoted() throws -> ArraySlice<UInt8> {
        let open = position
        position += 1
        let start = position
        var depth = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 { throw SyntaxError(offset: position, message: "unbalanced '}' inside a quoted value") }
                depth -= 1
            } else if byte == UInt8(ascii: "\""), depth == 0 {
                position += 1
                return bytes[start..<(position - 1)]
            }
            position += 1
        }
        throw SyntaxError(offset: open, message: "unterminated quoted value: the '\"' opened here is never closed")
    }

    // MARK: - Scanning helpers

    private mutating func expect(_ byte: UInt8, openedAt open: Int?, what: String) throws {
        guard position < bytes.count else {
            throw SyntaxError(offset: open ?? position, message: "unexpected end of file: expected '\(Character(UnicodeScalar(byte)))' \(what)")
        }
        guard bytes[position] == byte else {
            throw SyntaxError(offset: position, message: "expected '\(Character(UnicodeScalar(byte)))' \(what), found \(describeByte(at: position))")
        }
        position += 1
    }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
        if byte == UInt8(ascii: "\n") { return "a line break" }
        let digits = Array("0123456789ABCDEF")
        return "byte 0x" + String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    private mutating func readIdentifier() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if isWhitespace(byte) { break }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "#"), UInt8(ascii: "\""),
                 UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "@"):
                return String(decoding: bytes[start..<position], as: UTF8.self)
            default:
                if byte < 0x20 { return String(decoding: bytes[start..<position], as: UTF8.self) }
                position += 1
            }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                // biblatex and most tools accept line comments between fields.
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    private func nextAt(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "@") { return index }
            index += 1
        }
        return nil
    }

    /// After a malformed entry, the next `@` that starts a line (after blanks),
    /// so that one missing brace does not swallow the entries after it.
    private func resynchronize(after start: Int) -> Int {
        var index = start + 1
        var atLineStart = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if byte == UInt8(ascii: "@"), atLineStart {
                return index
            } else if !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")) {
                atLineStart = false
            }
            index += 1
        }
        return bytes.count
    }
}

@inline(__always) func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C || byte == 0x0B
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
}
