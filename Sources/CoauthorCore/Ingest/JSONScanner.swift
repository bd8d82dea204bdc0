import CPrefetch
import Foundation

/// A validating JSON reader over UTF-8 bytes that builds no values it is not asked for: the
/// caller walks objects by key and takes the strings and numbers it needs; every other value is
/// checked and skipped in place (OpenAlex works are mostly abstracts and reference lists that no
/// co-authorship reader needs).
///
/// It accepts what `JSONSerialization` accepts (RFC 8259: no control characters in strings, no
/// lone surrogates, no leading zeros; and, as Foundation does, a trailing comma in an object or
/// array), so a line one rejects the other rejects too (`OpenAlexScannerTests` checks both on
/// the same lines). A skipped value may nest at most 512 deep. The bytes must already be valid UTF-8 (the readers check the whole input first).
struct JSONScanner {
    /// A syntax error at a byte offset of the scanned buffer.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// The bytes being read; the caller keeps them alive while the scanner is used.
    let base: UnsafePointer<UInt8>
    /// One past the last byte that may be read.
    let end: Int
    /// The next byte to read.
    var index: Int
    /// Container kinds of the value being skipped (true: object); kept to reuse its storage.
    private var kinds: [Bool] = []

    static let maximumDepth = 512

    init(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        self.end = end ?? buffer.count
        index = start
        kinds.reserveCapacity(16)
    }

    // MARK: Bytes

    @inline(__always) var atEnd: Bool { index >= end }

    @inline(__always) var peek: UInt8 { index < end ? base[index] : 0 }

    @inline(__always) mutating func skipWhitespace() {
        while index < end {
            let byte = base[index]
            // Every whitespace byte is at most a space: one comparison passes the rest.
            guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    @inline(__always) func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? min(index, end), message: message)
    }

    @inline(__always) mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipWhitespace()
        guard index < end, base[index] == byte else { throw fail(atEnd ? "the text ends where \(what) was expected" : "expected \(what)") }
        index += 1
    }

    // MARK: Strings

    /// Skips a string starting at `index` (its opening quote); returns whether it held escapes.
    /// Sixteen bytes at a time while none is a quote, a backslash or a control character
    /// (`coauthor_json_string_stop`).
    @discardableResult
    @inline(__always) mutating func skipString() throws(Failure) -> Bool {
        let open = index
        index += 1
        var escaped = false
        while true {
            if index < end { index += coauthor_json_string_stop(base + index, end - index) }
            guard index < end else { throw fail("this string is not closed", at: open) }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return escaped
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                try skipEscape()
            } else if byte < 0x20 {
                throw fail("a control character (byte \(byte)) inside a string; it must be written as an escape")
            } else {
                index += 1
            }
        }
    }

    /// Skips `\x` or `\uXXXX` (with its low surrogate when it is a high one).
    private mutating func skipEscape() throws(Failure) {
        _ = try escapeScalar()
    }

    /// Reads an escape at `index` (a backslash) and returns the scalar it stands for.
    private mutating func escapeScalar() throws(Failure) -> Unicode.Scalar {
        let start = index
        guard index + 1 < end else { throw fail("the text ends inside an escape", at: start) }
        let kind = base[index + 1]
        index += 2
        switch kind {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4(at: start)
            if (0xDC00...0xDFFF).contains(high) { throw fail("a low surrogate (\\u\(String(high, radix: 16))) without a high one before it", at: start) }
            guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
            guard index + 1 < end, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                throw fail("a high surrogate (\\u\(String(high, radix: 16))) without the low one after it", at: start)
            }
            index += 2
            let low = try hex4(at: start)
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("a high surrogate (\\u\(String(high, radix: 16))) without the low one after it", at: start) }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        default:
            throw fail("'\\\(Unicode.Scalar(kind))' is not a JSON escape", at: start)
        }
    }

    private mutating func hex4(at start: Int) throws(Failure) -> UInt32 {
        guard index + 4 <= end else { throw fail("the text ends inside a \\u escape", at: start) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hexadecimal digits", at: start)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads the string at `index` (its opening quote) into a `String`.
    mutating func string() throws(Failure) -> String {
        let start = index + 1
        let escaped = try skipString()
        let body = UnsafeBufferPointer(start: base + start, count: index - 1 - start)
        guard escaped else { return String(decoding: body, as: UTF8.self) }
        var text = String()
        text.reserveCapacity(body.count)
        var scanner = JSONScanner(UnsafeBufferPointer(start: base, count: end), from: start, to: index - 1)
        var run = start
        while scanner.index < scanner.end {
            if scanner.base[scanner.index] == UInt8(ascii: "\\") {
                text += String(decoding: UnsafeBufferPointer(start: base + run, count: scanner.index - run), as: UTF8.self)
                text.unicodeScalars.append(try scanner.escapeScalar())
                run = scanner.index
            } else {
                scanner.index += 1
            }
        }
        text += String(decoding: UnsafeBufferPointer(start: base + run, count: scanner.end - run), as: UTF8.self)
        return text
    }

    /// The value at `index` if it is a string; any other value is skipped and gives nil.
    mutating func stringValue() throws(Failure) -> String? {
        skipWhitespace()
        if peek == UInt8(ascii: "\"") { return try string() }
        try skipValue()
        return nil
    }

    /// The value at `index` if it is a number with an integer value that fits an `Int` (as
    /// `JSONSerialization`'s `NSNumber` converts: `2017.0` is 2017); nil for anything else.
    mutating func intValue() throws(Failure) -> Int? {
        skipWhitespace()
        let start = index
        let byte = peek
        guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else {
            try skipValue()
            return nil
        }
        let integral = try skipNumber()
        let text = UnsafeBufferPointer(start: base + start, count: index - start)
        if integral {
            var value = 0
            var negative = false
            for digit in text {
                if digit == UInt8(ascii: "-") { negative = true; continue }
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
                if overflow || overflow2 { return nil }
                value = sum
            }
            return negative ? -value : value
        }
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite, double == double.rounded(.towardZero),
              abs(double) < 9.2e18 else { return nil }
        return Int(double)
    }

    // MARK: Any value

    /// Where and how a whole document `bytes` first breaks JSON's syntax (one value, white space
    /// around it), nil when it does not: what a reader that parsed it with Foundation, which says
    /// neither, names (a CSL-JSON file missing a comma on line 3 was said wrong at 1:1: a
    /// hostile-input trial of session 57).
    /// - Complexity: O(n).
    static func firstFailure(in bytes: [UInt8]) -> Failure? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(Failure) {
                scanner.skipWhitespace()
                if scanner.atEnd { return scanner.fail("the file holds no JSON value") }
                try scanner.skipValue()
                scanner.skipWhitespace()
                return scanner.atEnd ? nil : scanner.fail("more text after the document's one value")
            } catch {
                return error
            }
        }
    }

    /// Skips one value of any kind, checking its syntax, without recursion (a hostile file may
    /// nest deeply). The kinds of the open containers are bits of a word while they nest at most
    /// 64 deep (every real file), and go on in `kinds` past that.
    mutating func skipValue() throws(Failure) {
        if !kinds.isEmpty { kinds.removeAll(keepingCapacity: true) }
        // Open containers, and whether each is an object: bit d of `objects` for depth d < 64.
        var depth = 0
        var objects: UInt64 = 0
        var isObject = false
        var expectingValue = true
        while true {
            skipWhitespace()
            guard index < end else { throw fail("the text ends where a value was expected") }
            if expectingValue {
                let byte = base[index]
                switch byte {
                case UInt8(ascii: "\""):
                    try skipString()
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard depth < Self.maximumDepth else { throw fail("objects and arrays nest more than \(Self.maximumDepth) deep") }
                    let opensObject = byte == UInt8(ascii: "{")
                    index += 1
                    skipWhitespace()
                    if peek == (opensObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        index += 1
                    } else {
                        if depth < 64 {
                            let bit: UInt64 = 1 << UInt64(depth)
                            objects = opensObject ? objects | bit : objects & ~bit
                        } else {
                            kinds.append(opensObject)
                        }
                        depth += 1
                        isObject = opensObject
                        if isObject { try objectKey() }
                        continue
                    }
                case UInt8(ascii: "t"): try literal("true")
                case UInt8(ascii: "f"): try literal("false")
                case UInt8(ascii: "n"): try literal("null")
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try skipNumber()
                default: throw fail("expected a value (a string, number, object, array, true, false or null)")
                }
                expectingValue = false
            }
            guard depth > 0 else { return }
            skipWhitespace()
            guard index < end else { throw fail("the text ends inside an \(isObject ? "object" : "array")") }
            let byte = base[index]
            index += 1
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if byte == UInt8(ascii: ",") {
                skipWhitespace()
                if peek != close {
                    if isObject { try objectKey() }
                    expectingValue = true
                    continue
                }
                // A trailing comma, which JSONSerialization accepts.
                index += 1
            } else if byte != close {
                index -= 1
                throw fail(isObject ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
            }
            // The container closes: the one around it is the current one.
            depth -= 1
            if depth == 0 { return }
            if depth >= 64 { kinds.removeLast() }
            isObject = depth > 64 ? kinds[depth - 65] : objects & (1 << UInt64(depth - 1)) != 0
        }
    }

    /// A key and its colon, inside an object being skipped.
    private mutating func objectKey() throws(Failure) {
        skipWhitespace()
        guard peek == UInt8(ascii: "\"") else { throw fail("expected a key (a string) in an object") }
        try skipString()
        try expect(UInt8(ascii: ":"), "':' after a key")
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= end, memcmp(base + index, word.utf8Start, count) == 0 else {
            throw fail("expected a value (a string, number, object, array, true, false or null)")
        }
        index += count
    }

    /// Skips a number (RFC 8259's grammar); returns whether it is a plain integer.
    private mutating func skipNumber() throws(Failure) -> Bool {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(base[index]) else { throw fail("a number needs a digit here", at: start) }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(base[index]) { throw fail("a number does not start with 0", at: start) }
        } else {
            while index < end, isDigit(base[index]) { index += 1 }
        }
        var integral = true
        if peek == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard index < end, isDigit(base[index]) else { throw fail("a digit must follow the decimal point", at: start) }
            while index < end, isDigit(base[index]) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            integral = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(base[index]) else { throw fail("a digit must follow the exponent", at: start) }
            while index < end, isDigit(base[index]) { index += 1 }
        }
        return integral
    }

    // MARK: Containers

    /// A key of an object being read: its bytes, decoded when it held escapes.
    struct Key {
        var start: UnsafePointer<UInt8>
        var count: Int
        var decoded: [UInt8]?

        @inline(__always) static func == (key: Key, name: StaticString) -> Bool {
            if let decoded = key.decoded { return decoded.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
            return key.count == name.utf8CodeUnitCount && memcmp(key.start, name.utf8Start, key.count) == 0
        }
    }

    /// Reads the object at `index`, calling `field` with each key and the scanner at its value;
    /// `field` must read or skip the value. Returns false (and skips the value) when it is no object.
    @inline(__always)
    mutating func object(_ field: (inout JSONScanner, Key) throws(Failure) -> Void) throws(Failure) -> Bool {
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else {
            try skipValue()
            return false
        }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw fail(atEnd ? "the text ends inside an object" : "expected a key (a string) in an object") }
            let keyStart = index + 1
            let escaped = try skipString()
            var key = Key(start: base + keyStart, count: index - 1 - keyStart, decoded: nil)
            if escaped {
                var copy = JSONScanner(UnsafeBufferPointer(start: base, count: end), from: keyStart - 1, to: index)
                key.decoded = Array(try copy.string().utf8)
            }
            try expect(UInt8(ascii: ":"), "':' after a key")
            try field(&self, key)
            skipWhitespace()
            guard index < end else { throw fail("the text ends inside an object") }
            let byte = base[index]
            index += 1
            if byte == UInt8(ascii: "}") { return true }
            guard byte == UInt8(ascii: ",") else {
                index -= 1
                throw fail("expected ',' or '}' in an object")
            }
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                index += 1
                return true
            }
        }
    }

    /// Reads the array at `index`, calling `element` with each element's index and the scanner at
    /// it; `element` must read or skip the value. Returns false (and skips the value) when it is no array.
    @inline(__always)
    mutating func array(_ element: (inout JSONScanner, Int) throws(Failure) -> Void) throws(Failure) -> Bool {
        skipWhitespace()
        guard peek == UInt8(ascii: "[") else {
            try skipValue()
            return false
        }
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return true
        }
        // The separator loop of `object`'s, for arrays: alike in shape, deliberately (each is inlined
        // into the readers' hot paths with its own closure type).
        var count = 0
        while true {
            try element(&self, count)
            count += 1
            skipWhitespace()
            guard index < end else { throw fail("the text ends inside an array") }
            let byte = base[index]
            index += 1
            if byte == UInt8(ascii: "]") { return true }
            guard byte == UInt8(ascii: ",") else {
                index -= 1
                throw fail("expected ',' or ']' in an array")
            }
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                index += 1
                return true
            }
        }
    }
}
