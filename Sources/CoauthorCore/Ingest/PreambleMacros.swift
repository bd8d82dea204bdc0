import Foundation

/// Simple LaTeX macros a bibliography defines for itself in its `@preamble`: `\def\Thanh{H{\`a}n
/// Th{\^e} Th{\`a}nh}` or `\newcommand{\Thanh}{…}`, expanded in author fields before names are
/// parsed, as LaTeX would expand them when BibTeX's output is typeset. Macros with parameters and
/// anything the preamble only `\input`s are out of reach; names that are such a command alone
/// are kept by their letters instead (`NameParser`).
struct PreambleMacros: Sendable {
    /// Body of each macro, by name (without the backslash).
    private(set) var bodies: [[UInt8]: [UInt8]] = [:]

    var isEmpty: Bool { bodies.isEmpty }

    /// The macros defined in the `@preamble` items of a BibTeX file.
    /// - Complexity: O(n) in the length of the file.
    init(bibtex bytes: [UInt8]) {
        // `@` is found with memchr: this runs over every byte of a large bibliography.
        let starts: [Int] = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var found: [Int] = []
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "@")), buffer.count - offset) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if Self.startsPreamble(buffer, at + 1) { found.append(at + 1) }
                offset = at + 1
            }
            return found
        }
        for start in starts {
            var k = start
            while k < bytes.count, bytes[k] != UInt8(ascii: "{"), bytes[k] != UInt8(ascii: "(") { k += 1 }
            guard let end = Self.balancedEnd(bytes, from: k) else { return }
            define(bytes[(k + 1)..<end])
        }
    }

    /// Whether `preamble` (any case, after blanks) stands at `index`.
    private static func startsPreamble(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var k = index
        while k < bytes.count, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") { k += 1 }
        let marker = "preamble".utf8
        guard k + marker.count <= bytes.count else { return false }
        return zip(bytes[k..<(k + marker.count)], marker).allSatisfy { $0 | 0x20 == $1 }
    }

    /// Reads `\def\name{body}` and `\newcommand{\name}{body}` (also `\renewcommand`, `\providecommand`).
    private mutating func define(_ text: ArraySlice<UInt8>) {
        var i = text.startIndex
        while let slash = Self.find(UInt8(ascii: "\\"), in: text, from: i) {
            i = slash + 1
            var word = i
            while word < text.endIndex, Self.isLetter(text[word]) { word += 1 }
            let command = String(decoding: text[i..<word], as: UTF8.self)
            i = word
            var nameStart: Int
            switch command {
            case "def", "gdef", "edef":
                guard i < text.endIndex, text[i] == UInt8(ascii: "\\") else { continue }
                nameStart = i + 1
            case "newcommand", "renewcommand", "providecommand":
                while i < text.endIndex, text[i] == UInt8(ascii: " ") || text[i] == UInt8(ascii: "*") { i += 1 }
                guard i + 1 < text.endIndex, text[i] == UInt8(ascii: "{"), text[i + 1] == UInt8(ascii: "\\") else {
                    guard i < text.endIndex, text[i] == UInt8(ascii: "\\") else { continue }
                    nameStart = i + 1
                    break
                }
                nameStart = i + 2
            default:
                continue
            }
            var nameEnd = nameStart
            while nameEnd < text.endIndex, Self.isLetter(text[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart else { continue }
            var k = nameEnd
            if k < text.endIndex, text[k] == UInt8(ascii: "}") { k += 1 }
            while k < text.endIndex, text[k] == UInt8(ascii: " ") { k += 1 }
            // Macros with parameters (`[1]`, `#1`) are not expanded.
            guard k < text.endIndex, text[k] == UInt8(ascii: "{"), let close = Self.balancedEnd(text, from: k) else { continue }
            let body = Array(text[(k + 1)..<close])
            if !body.contains(UInt8(ascii: "#")) { bodies[Array(text[nameStart..<nameEnd])] = body }
            i = close
        }
    }

    /// `bytes` with every defined macro replaced by its body (a few rounds, for macros that use
    /// others); nil when nothing was replaced.
    /// - Complexity: O(n) per round.
    func expand(_ bytes: some Collection<UInt8>) -> [UInt8]? {
        var current = Array(bytes)
        var changed = false
        for _ in 0..<4 {
            guard current.contains(UInt8(ascii: "\\")) else { break }
            var out: [UInt8] = []
            out.reserveCapacity(current.count)
            var i = 0
            var replaced = false
            while i < current.count {
                if current[i] == UInt8(ascii: "\\") {
                    var end = i + 1
                    while end < current.count, Self.isLetter(current[end]) { end += 1 }
                    if end > i + 1, let body = bodies[Array(current[(i + 1)..<end])] {
                        // Braces keep the expansion one word, as TeX groups it.
                        out.append(UInt8(ascii: "{"))
                        out += body
                        out.append(UInt8(ascii: "}"))
                        i = end
                        replaced = true
                        continue
                    }
                }
                out.append(current[i])
                i += 1
            }
            guard replaced else { break }
            current = out
            changed = true
        }
        return changed ? current : nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func find<C: Collection<UInt8>>(_ byte: UInt8, in bytes: C, from start: C.Index) -> C.Index? where C.Index == Int {
        var i = start
        while i < bytes.endIndex {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The index of the delimiter closing the `{` or `(` at `open`.
    private static func balancedEnd<C: Collection<UInt8>>(_ bytes: C, from open: C.Index) -> C.Index? where C.Index == Int {
        guard open < bytes.endIndex else { return nil }
        let parenthesised = bytes[open] == UInt8(ascii: "(")
        var depth = 0
        var i = open
        while i < bytes.endIndex {
            switch bytes[i] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 && !parenthesised { return i }
            case UInt8(ascii: ")") where parenthesised && depth == 0 && i > open: return i
            default: break
            }
            i += 1
        }
        return nil
    }
}
