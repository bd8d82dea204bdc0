/// Splits BibTeX name lists and names by BibTeX's own rules.
///
/// A list is split on `and` at brace depth 0; `and others` marks a truncated
/// list. Each name takes one of BibTeX's three forms — `First von Last`,
/// `von Last, First`, `von Last, Jr, First` — where the `von` part is the run of
/// words that start with a lower-case letter and braces protect their contents.
/// A trailing four-digit word (`Wei Wang 0001`) is DBLP's homonym number.
public enum NameParser {
    /// The result of splitting one author (or editor) field.
    public struct NameList: Sendable, Equatable {
        public var names: [PersonName]
        /// The list ended in `and others`.
        public var truncated: Bool
        /// Names that could not be used (empty between two `and`s), as written.
        public var rejected: [String]
        /// Names that end in a comma right before `and` (`Su, and Keh-Yih`): BibTeX reads two
        /// names there, and so do we, but the source probably meant one.
        public var commaBeforeAnd: [String] = []
        /// Names that use a command the input does not define, without an argument (`\Thanh`,
        /// `\Thanh Nguyen`), as written and as read: the command kept by its letters.
        public var undefinedCommands: [Overflow] = []
        /// Names with more than two commas (`Jones, Bob, Jr, Extra`), as written, and as read:
        /// BibTeX's `von Last, Jr, First` takes the parts after the second as given names.
        public var tooManyCommas: [Overflow] = []
        /// A name written with more commas than BibTeX's forms have, and the name read.
        public struct Overflow: Sendable, Equatable {
            public var written: String
            public var read: String
        }
        /// With an interner: each name's index in the interner's table.
        var ids: [Int32] = []
    }

    /// Parses a raw (LaTeX-encoded) name list given as UTF-8 bytes, without building a string
    /// for anything but the final name parts; names are looked up in (and added to) `interner`
    /// by their raw bytes, so a spelling seen before is not parsed again.
    /// - Complexity: O(n) in the number of bytes.
    /// The bytes are read through a pointer: lists are parsed on all cores from one shared
    /// buffer, and slicing it would count its references up and down from each of them.
    static func parseList(utf8 field: UnsafeBufferPointer<UInt8>, interner: inout NameInterner) -> NameList {
        var names: [PersonName] = []
        var truncated = false
        var rejected: [String] = []
        var commaBeforeAnd: [String] = []
        var undefinedCommands: [NameList.Overflow] = []
        var tooManyCommas: [NameList.Overflow] = []
        var ids: [Int32] = []
        let pieces = splitOnAnd(utf8: field)
        // Sized once: each publication keeps its list, and growing by doubling left a list of
        // three names in room for four (and three allocations instead of one).
        names.reserveCapacity(pieces.count)
        ids.reserveCapacity(pieces.count)
        for (index, piece) in pieces.enumerated() {
            let trimmed = trim(field, piece)
            if trimmed.isEmpty {
                rejected.append(String(decoding: field[piece], as: UTF8.self))
                continue
            }
            // (`others` alone, as BibTeX reads it: DBLP writes `et al.` as an author of some
            // records, and the datasets' verified counts count it so.)
            if trimmed.count == 6, field[trimmed].elementsEqual("others".utf8, by: { $0 | 0x20 == $1 }) {
                truncated = true
                continue
            }
            if index + 1 < pieces.count, field[trimmed.upperBound - 1] == UInt8(ascii: ",") {
                commaBeforeAnd.append(String(decoding: field[trimmed], as: UTF8.self))
            }
            if let (name, id) = interner.name(UnsafeBufferPointer(rebasing: field[trimmed]), parse: { raw in
                // A command without an argument that no LaTeX here defines is kept by its
                // letters: dropped, `\Thanh Nguyen` and `\Minh Nguyen` were one `Nguyen` (a
                // hostile-input trial of session 57).
                let bytes = spellingOutUndefinedCommands(raw) ?? Array(raw)
                return parseName(utf8: bytes[...]) ?? loneCommandName(bytes[...])
            }) {
                // (Checked before the name is appended, so that the append is its last use and
                // takes no copy; the scan allocates nothing for a name without such a command.)
                if field[trimmed].contains(UInt8(ascii: "\\")), spellingOutUndefinedCommands(UnsafeBufferPointer(rebasing: field[trimmed])) != nil {
                    undefinedCommands.append(.init(written: String(decoding: field[trimmed], as: UTF8.self), read: name.displayName))
                }
                var commas = 0
                var depth = 0
                for byte in field[trimmed] {
                    if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth = max(0, depth - 1) }
                    if depth == 0, byte == UInt8(ascii: ",") { commas += 1 }
                }
                if commas > 2 { tooManyCommas.append(.init(written: String(decoding: field[trimmed], as: UTF8.self), read: name.displayName)) }
                names.append(name)
                ids.append(id)
            } else {
                rejected.append(String(decoding: field[piece], as: UTF8.self))
            }
        }
        var list = NameList(names: names, truncated: truncated, rejected: rejected)
        list.commaBeforeAnd = commaBeforeAnd
        list.undefinedCommands = undefinedCommands
        list.tooManyCommas = tooManyCommas
        list.ids = ids
        return list
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The size switches written like a name (`{\Large Smith}`): they write nothing.
    private static let commandsWritingNothing: Set<String> = ["Large", "Huge", "Tiny"]

    /// The bytes a name's word starts after: a blank, a brace, a comma, a tie, a hyphen and an
    /// apostrophe (`Jean-\Pierre`, `O'\Brien`).
    private static let wordStarts: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "~"),
                                                 UInt8(ascii: "-"), UInt8(ascii: "'")]

    /// `raw` with each control word that stands where a name's word starts, is written like one
    /// (`\Thanh`: a capital, then small letters), takes no argument (no `{` after it, but `{}`)
    /// and that no LaTeX here decodes (`\Dbar`, `\TeX`) written as its letters: `\Thanh Nguyen`
    /// → `Thanh Nguyen`, a macro the file uses but never defines. Nil when the name has none.
    /// Other commands are LaTeX's (`{\sc Knuth}`, `\em`, `\cprime`, a preamble's `\raise`,
    /// `\hbox`): decoding reads them as before (a review of session 57 found `\sc` spelled out).
    /// - Complexity: O(length of `raw`); allocates only for a name that has one.
    static func spellingOutUndefinedCommands(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8]? = nil
        var copied = 0
        var index = 0
        while index + 2 < raw.count {
            defer { index += 1 }
            guard raw[index] == UInt8(ascii: "\\") else { continue }
            // `\\`, `\"`: the character after the backslash is the command's.
            guard isCapital(raw[index + 1]), isSmall(raw[index + 2]) else {
                index += 1
                continue
            }
            guard index == 0 || Self.wordStarts.contains(raw[index - 1]) else { continue }
            var end = index + 3
            while end < raw.count, isSmall(raw[end]) { end += 1 }
            // A capital after the small letters is another command's word (`\LaTeX`, `\TeXbook`).
            if end < raw.count, isCapital(raw[end]) { continue }
            var next = end
            while next < raw.count, raw[next] == UInt8(ascii: " ") { next += 1 }
            let argument = next < raw.count && raw[next] == UInt8(ascii: "{") && !(next + 1 < raw.count && raw[next + 1] == UInt8(ascii: "}"))
            let word = String(decoding: UnsafeBufferPointer(rebasing: raw[(index + 1)..<end]), as: UTF8.self)
            guard !argument, LaTeX.letters[word] == nil, !commandsWritingNothing.contains(word) else { continue }
            if out == nil { out = []; out!.reserveCapacity(raw.count) }
            out!.append(contentsOf: raw[copied..<index])
            copied = index + 1
        }
        guard var spelled = out else { return nil }
        spelled.append(contentsOf: raw[copied...])
        return spelled
    }

    private static func isCapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isSmall(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    /// A name that is one control word and nothing else (`\Thanh`, `{\Thanh}`), which decoding
    /// would leave empty: BibTeX keeps it as a last name, and so it is kept by its letters.
    static func loneCommandName(_ raw: ArraySlice<UInt8>) -> PersonName? {
        var bytes = raw
        while bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") { bytes = bytes.dropFirst().dropLast() }
        guard bytes.first == UInt8(ascii: "\\"), bytes.count > 1,
              bytes.dropFirst().allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) else { return nil }
        return PersonName(last: String(decoding: bytes.dropFirst(), as: UTF8.self))
    }

    /// `splitOnAnd` on bytes: ranges of the pieces between ` and ` at brace depth 0.
    static func splitOnAnd(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var start = bytes.startIndex
        var index = bytes.startIndex
        let end = bytes.endIndex
        var blank = true
        /// Whether `and` (any case) is at `at`, followed by a blank or the end.
        func isAnd(at: Int) -> Bool {
            at + 3 <= end && bytes[at] | 0x20 == UInt8(ascii: "a") && bytes[at + 1] | 0x20 == UInt8(ascii: "n")
                && bytes[at + 2] | 0x20 == UInt8(ascii: "d") && (at + 3 == end || isWhitespace(bytes[at + 3]))
        }
        // A list that starts with `and` (`and B Two`) has an empty name before it, and one that
        // ends with it (`B Two and`) one after it: reported and dropped, not read as the people
        // `and B Two` and `B Two and` (a user trial of session 53).
        if isAnd(at: index), end - index > 3 {
            parts.append(index..<index)
            index += 3
            start = index
            blank = false
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            } else if depth == 0, isWhitespace(byte), index + 4 <= end, isAnd(at: index + 1) {
                // The blank after `and` may start the next ` and ` (`Smith and and Bob`: an empty
                // name between, as BibTeX reads it, not an author `and Bob`).
                parts.append(min(start, index)..<index)
                index += 4
                start = min(index + 1, end)
                blank = false
                continue
            }
            if !isWhitespace(byte) { blank = false }
            index += 1
        }
        if blank { return [] }
        parts.append(start..<end)
        return parts
    }

    /// The length in bytes of the Unicode white-space scalar (U+0085, U+00A0, U+1680, U+2000…U+205F,
    /// U+3000) that starts at `index`, or 0 when none does.
    @inline(__always) static func unicodeBlankWidth(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead == 0xC2 {
            guard index + 1 < bytes.endIndex else { return 0 }
            let value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            return Unicode.Scalar(value)?.properties.isWhitespace == true ? 2 : 0
        }
        guard lead >= 0xE1 && lead <= 0xE3, index + 2 < bytes.endIndex else { return 0 }
        let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        return Unicode.Scalar(value)?.properties.isWhitespace == true ? 3 : 0
    }

    /// `parseName` on UTF-8 bytes (already trimmed).
    static func parseName(utf8 raw: ArraySlice<UInt8>) -> PersonName? {
        // Sections at depth-0 commas, words at depth-0 blanks and `~`. A non-ASCII blank (U+00A0,
        // LaTeX's `~` typed as a character, or another Unicode space) separates words too, as the
        // other readers' names split at every Unicode blank.
        var sections: [[Range<Int>]] = [[]]
        var depth = 0
        var wordStart = -1
        var index = raw.startIndex
        let end = raw.endIndex
        while index < end {
            let byte = raw[index]
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") { depth = max(0, depth - 1) }
            var width = 1
            // `\~` is the tilde accent (`Pe\~na`), not a tie: a user trial of session 59 got `Pe na`.
            let isTie = byte == UInt8(ascii: "~") && (index == raw.startIndex || raw[index - 1] != UInt8(ascii: "\\"))
            var separator = depth == 0 && (isWhitespace(byte) || isTie || byte == UInt8(ascii: ","))
            if !separator && depth == 0 && (byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3)) {
                width = max(1, unicodeBlankWidth(raw, at: index))
                separator = width > 1
            }
            if separator {
                if wordStart >= 0 { sections[sections.count - 1].append(wordStart..<index) }
                wordStart = -1
                if byte == UInt8(ascii: ",") { sections.append([]) }
            } else if wordStart < 0 {
                wordStart = index
            }
            index += width
        }
        if wordStart >= 0 { sections[sections.count - 1].append(wordStart..<end) }

        var first: ArraySlice<Range<Int>> = []
        var von: ArraySlice<Range<Int>> = []
        var last: ArraySlice<Range<Int>> = []
        var jr: ArraySlice<Range<Int>> = []
        func isLower(_ word: Range<Int>) -> Bool { isLowerCaseWord(utf8: raw[word]) }
        if sections.count == 1 {
            let words = sections[0][...]
            guard !words.isEmpty else { return nil }
            let body = words.dropLast()
            if let vonStart = body.firstIndex(where: isLower) {
                let vonEnd = body.lastIndex(where: isLower)!
                first = words[..<vonStart]
                von = words[vonStart...vonEnd]
                last = words[(vonEnd + 1)...]
            } else {
                first = body
                last = words.suffix(1)
            }
        } else {
            let head = sections[0][...]
            var given: [Range<Int>]
            if sections.count == 2 {
                given = sections[1]
            } else {
                jr = sections[1][...]
                given = Array(sections[2...].joined())
            }
            if head.isEmpty {
                if given.isEmpty { return nil }
                last = [given.removeLast()]
            } else if let vonEnd = head.dropLast().lastIndex(where: isLower) {
                von = head[...vonEnd]
                last = head[(vonEnd + 1)...]
            } else {
                last = head
            }
            first = given[...]
        }
        var homonym = ""
        if let tail = last.last, raw[tail].count == 4, raw[tail].allSatisfy(isDigit), last.count + first.count + von.count > 1 {
            homonym = makeString(raw[tail])
            last.removeLast()
            if last.isEmpty {
                if !first.isEmpty { last = [first.removeLast()] } else if !von.isEmpty { last = [von.removeLast()] }
            }
        }
        let name = PersonName(first: decodeWords(raw, first), von: decodeWords(raw, von), last: decodeWords(raw, last),
                              jr: decodeWords(raw, jr), homonym: homonym)
        return name.last.isEmpty && name.first.isEmpty ? nil : name
    }

    private static func decodeWords(_ raw: ArraySlice<UInt8>, _ words: ArraySlice<Range<Int>>) -> String {
        guard let firstWord = words.first else { return "" }
        if words.count == 1 { return LaTeX.decode(utf8: raw[firstWord]) }
        var joined: [UInt8] = []
        for word in words {
            if !joined.isEmpty { joined.append(0x20) }
            joined.append(contentsOf: raw[word])
        }
        return LaTeX.decode(utf8: joined[...])
    }

    /// `isLowerCaseWord` on bytes: plain words are judged by their first letter without
    /// building a string; words with braces or commands take the general path.
    static func isLowerCaseWord(utf8 word: ArraySlice<UInt8>) -> Bool {
        var index = word.startIndex
        while index < word.endIndex {
            let byte = word[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "\\") {
                return isLowerCaseWord(String(decoding: word, as: UTF8.self))
            }
            if byte < 0x80 {
                if isASCIILetter(byte) { return byte >= UInt8(ascii: "a") }
                index += 1
                continue
            }
            var iterator = word[index...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
            if scalar.properties.isAlphabetic { return scalar.properties.isLowercase }
            index += UTF8.width(scalar)
        }
        return false
    }

    /// Parses a name from a format whose text is already Unicode (DBLP XML, RIS, CSL `literal`):
    /// BibTeX's forms and `von` rule, but `\`, braces, `$` and `~` are literal characters there,
    /// so they are never decoded as LaTeX.
    /// - Complexity: O(n) in the length of the name.
    public static func parsePlainName(_ text: String) -> PersonName? {
        var bytes = text
        if let plain = bytes.withUTF8({ PlainNameWords($0)?.plainName() }) { return plain }
        return parsePlainNameByCharacters(text)
    }

    /// A name as the exports' lists write it (RIS `AU`, the lists of IDs): `parsePlainName`, with
    /// a generational suffix (`Jr.`, `III`, `3rd`) read as the name's `jr` where the text ends in
    /// one (`Ware, John E., Jr.`, `MacKerell Jr., A.D.`), as the RIS reader reads it.
    public static func parseExportedName(_ text: String) -> PersonName? { ExportValues.plainName(text) }

    /// Takes the homonym number, the last word of `last`, out of a name's parts (word ranges);
    /// where that leaves no last name, the last word of `first`, else of `von`, becomes it.
    static func dropHomonym(first: inout Range<Int>, von: inout Range<Int>, last: inout Range<Int>) {
        last = last.lowerBound..<(last.upperBound - 1)
        guard last.isEmpty else { return }
        if !first.isEmpty {
            last = (first.upperBound - 1)..<first.upperBound
            first = first.lowerBound..<(first.upperBound - 1)
        } else if !von.isEmpty {
            last = (von.upperBound - 1)..<von.upperBound
            von = von.lowerBound..<(von.upperBound - 1)
        }
    }

    /// `parsePlainName` through strings, whatever the shape of the text (`PlainNameWords` reads
    /// the plain shape on its bytes).
    static func parsePlainNameByCharacters(_ text: String) -> PersonName? {
        let collapsed = LaTeX.collapseWhitespace(text)
        guard !collapsed.isEmpty else { return nil }
        // The bytes first: without one of these bytes no character can be one of them.
        let mayHaveSpecials = collapsed.utf8.contains { byte in
            byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "~")
        }
        guard mayHaveSpecials, collapsed.contains(where: { "\\{}$~".contains($0) }) else { return parseName(collapsed)?.precomposed }
        let parts = collapsed.split(separator: ",", maxSplits: 1).map { LaTeX.collapseWhitespace(String($0)) }
        if parts.count == 2, !parts[0].isEmpty {
            return PersonName(first: parts[1], last: parts[0]).precomposed
        }
        var words = collapsed.split(separator: " ").map(String.init)
        let last = words.removeLast()
        return PersonName(first: words.joined(separator: " "), last: last).precomposed
    }

    /// Parses one name (already trimmed) into its parts, decoded to Unicode: the byte-level
    /// parser that reads BibTeX, on the name's UTF-8.
    /// - Complexity: O(n) in the length of the name.
    public static func parseName(_ raw: String) -> PersonName? {
        parseName(utf8: Array(raw.utf8)[...])
    }

    /// BibTeX's test for a `von` word: its first letter at brace depth 0 is lower
    /// case; a `{\…}` special character counts by the letter it carries; other
    /// braced groups are skipped.
    private static func isLowerCaseWord(_ word: String) -> Bool {
        let chars = Array(word)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "{" {
                if index + 1 < chars.count, chars[index + 1] == "\\" {
                    // Special character: skip the command name, judge by the next letter.
                    var k = index + 2
                    if k < chars.count, chars[k].isLetter {
                        var name = ""
                        while k < chars.count, chars[k].isLetter, chars[k].isASCII { name.append(chars[k]); k += 1 }
                        if LaTeX.letters[name] != nil { return name.first!.isLowercase }
                    } else {
                        k += 1
                    }
                    while k < chars.count {
                        if chars[k].isLetter { return chars[k].isLowercase }
                        k += 1
                    }
                    return false
                }
                var depth = 0
                while index < chars.count {
                    if chars[index] == "{" { depth += 1 }
                    if chars[index] == "}" { depth -= 1; if depth == 0 { break } }
                    index += 1
                }
                index += 1
                continue
            }
            if char == "\\" {
                var k = index + 1
                if k < chars.count, !chars[k].isLetter { k += 1 } else {
                    while k < chars.count, chars[k].isLetter { k += 1 }
                }
                index = k
                continue
            }
            if char.isLetter { return char.isLowercase }
            index += 1
        }
        return false
    }
}

/// The words of a name whose UTF-8 bytes have the plain shape nearly every name of a database
/// export has, for `NameParser.parsePlainName` and `ExportValues.name` to read on the bytes: the
/// general path collapses white space, decodes, normalises and judges case through strings, some
/// ten thousand instructions a name, and an export of a million authorships has a hundred
/// thousand distinct names.
///
/// The plain shape: bytes of ASCII from blank to tilde, and of letters from U+00C0 to U+02FF
/// (lead bytes 0xC3–0xCB); none of `\ { } $ ~`, no `--`; single blanks between words and none at
/// the ends; at most one comma; at most 16 words; no byte beyond ASCII before a word's first
/// letter. On such bytes the general path collapses nothing, decodes nothing (no LaTeX, no dash
/// pair), normalises nothing (every scalar is below U+0300, NFC as it is) and judges a word's
/// case by its first ASCII letter, so the parts are slices of the bytes. `PlainNameShapeTests`
/// compares the two paths.
struct PlainNameWords {
    /// Each word's bytes, and whether its first letter is lower case.
    private var words: [(start: Int, end: Int, lower: Bool)] = []
    /// The number of words before the comma, or nil without one.
    private var comma: Int? = nil
    private let text: UnsafeBufferPointer<UInt8>

    /// The words of `text`, or nil where it is not of the plain shape.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        guard let last = text.last, text[0] != 0x20, last != 0x20 else { return nil }
        words.reserveCapacity(6)
        var wordStart = -1
        var decided = false, lower = false
        var previous: UInt8 = 0
        for (k, byte) in text.enumerated() {
            switch byte {
            case 0x20, UInt8(ascii: ","):
                if byte == 0x20, previous == 0x20 { return nil }
                if wordStart >= 0 {
                    guard words.count < 16 else { return nil }
                    words.append((wordStart, k, lower))
                    wordStart = -1
                }
                if byte == UInt8(ascii: ",") {
                    guard comma == nil else { return nil }
                    comma = words.count
                }
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "$"), UInt8(ascii: "~"):
                return nil
            default:
                guard (byte > 0x20 && byte < 0x7F) || (byte >= 0x80 && byte < 0xCC && byte != 0xC2) else { return nil }
                if byte == UInt8(ascii: "-"), previous == UInt8(ascii: "-") { return nil }
                if wordStart < 0 {
                    wordStart = k
                    decided = false
                    lower = false
                }
                if !decided {
                    // A letter beyond ASCII first would be judged by its Unicode properties.
                    if byte >= 0x80 { return nil }
                    if isASCIILetter(byte) {
                        decided = true
                        lower = byte >= UInt8(ascii: "a")
                    }
                }
            }
            previous = byte
        }
        if wordStart >= 0 {
            guard words.count < 16 else { return nil }
            words.append((wordStart, text.count, lower))
        }
    }

    /// Whether the name has a comma: `ExportValues.name` then reads it as `NameParser.parsePlainName`
    /// does (`exportName` is `plainName`).
    var hasComma: Bool { comma != nil }

    /// `NameParser.parsePlainName` of the bytes: BibTeX's forms and `von` rule, and DBLP's
    /// four-digit homonym number, as `NameParser.parseName(utf8:)` applies them.
    func plainName() -> PersonName? {
        let count = words.count
        var first = 0..<0, von = 0..<0, last = 0..<0
        if let comma {
            var given = comma..<count
            if comma == 0 {
                guard !given.isEmpty else { return nil }
                last = (count - 1)..<count
                given = comma..<(count - 1)
            } else if let vonEnd = (0..<(comma - 1)).last(where: { words[$0].lower }) {
                von = 0..<(vonEnd + 1)
                last = (vonEnd + 1)..<comma
            } else {
                last = 0..<comma
            }
            first = given
        } else {
            guard count > 0 else { return nil }
            let body = 0..<(count - 1)
            if let vonStart = body.first(where: { words[$0].lower }), let vonEnd = body.last(where: { words[$0].lower }) {
                first = 0..<vonStart
                von = vonStart..<(vonEnd + 1)
                last = (vonEnd + 1)..<count
            } else {
                first = body
                last = (count - 1)..<count
            }
        }
        var homonym = ""
        if let tail = last.last, words[tail].end - words[tail].start == 4,
           (words[tail].start..<words[tail].end).allSatisfy({ isDigit(text[$0]) }), last.count + first.count + von.count > 1 {
            homonym = string(tail..<(tail + 1))
            NameParser.dropHomonym(first: &first, von: &von, last: &last)
        }
        let name = PersonName(first: string(first), von: string(von), last: string(last), jr: "", homonym: homonym)
        return name.last.isEmpty && name.first.isEmpty ? nil : name
    }

    /// `ExportValues.name` of the bytes: the trailing initials of a name without a comma are its
    /// given name (`Liu F.`, `Mazurek J`); nil when the last word has letters beyond ASCII and
    /// none in lower case (the caller takes the general path, which judges them by Unicode),
    /// else `.some` of the name.
    func exportName() -> PersonName?? {
        if comma == nil, words.count > 1 {
            let tail = words[words.count - 1]
            let bytes = UnsafeBufferPointer(rebasing: text[tail.start..<tail.end])
            if !bytes.allSatisfy({ $0 < 0x80 }) {
                // Initials are letters in upper case only: a lower-case ASCII letter rules them out.
                guard bytes.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
                return .some(plainName())
            }
            if ExportValues.isASCIIInitials(bytes) {
                return .some(PersonName(first: string((words.count - 1)..<words.count), last: string(0..<(words.count - 1))))
            }
        }
        return .some(plainName())
    }

    /// The words `range` as the name part they make: their bytes, which are the words joined by
    /// single blanks (a part never spans the comma).
    private func string(_ range: Range<Int>) -> String {
        guard let lower = range.first, let upper = range.last else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: text[words[lower].start..<words[upper].end]), as: UTF8.self)
    }
}
