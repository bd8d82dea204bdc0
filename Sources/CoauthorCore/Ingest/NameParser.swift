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
    }

    /// Parses a raw (LaTeX-encoded) BibTeX name list.
    /// - Complexity: O(n) in the length of the field.
    public static func parseList(_ field: String) -> NameList {
        var names: [PersonName] = []
        var truncated = false
        var rejected: [String] = []
        for raw in splitOnAnd(field) {
            let trimmed = LaTeX.collapseWhitespace(raw)
            if trimmed.isEmpty {
                rejected.append(raw)
                continue
            }
            if trimmed.lowercased() == "others" {
                truncated = true
                continue
            }
            if let name = parseName(trimmed) {
                names.append(name)
            } else {
                rejected.append(raw)
            }
        }
        return NameList(names: names, truncated: truncated, rejected: rejected)
    }

    /// Splits on the word `and` (any case) surrounded by white space at brace depth 0.
    static func splitOnAnd(_ field: String) -> [String] {
        let chars = Array(field)
        var parts: [String] = []
        var current = ""
        var depth = 0
        var index = 0
        let count = chars.count
        while index < count {
            let char = chars[index]
            if char == "{" { depth += 1 }
            if char == "}" { depth = max(0, depth - 1) }
            if depth == 0, char.isWhitespace, index + 4 < count,
               chars[index + 1].lowercased() == "a", chars[index + 2].lowercased() == "n",
               chars[index + 3].lowercased() == "d", chars[index + 4].isWhitespace {
                parts.append(current)
                current = ""
                index += 5
                continue
            }
            current.append(char)
            index += 1
        }
        parts.append(current)
        if parts.count == 1, parts[0].allSatisfy(\.isWhitespace) { return [] }
        return parts
    }

    /// Parses one name (already trimmed) into its parts, decoded to Unicode.
    public static func parseName(_ raw: String) -> PersonName? {
        let sections = splitTopLevelCommas(raw).map { tokens($0) }
        var first: [String] = []
        var von: [String] = []
        var last: [String] = []
        var jr: [String] = []
        switch sections.count {
        case 0:
            return nil
        case 1:
            let words = sections[0]
            guard !words.isEmpty else { return nil }
            // von starts at the first lower-case word that is not the last word;
            // it ends at the last lower-case word before the last word.
            if let vonStart = words.dropLast().firstIndex(where: isLowerCaseWord) {
                let vonEnd = words[..<(words.count - 1)].lastIndex(where: isLowerCaseWord)!
                first = Array(words[..<vonStart])
                von = Array(words[vonStart...vonEnd])
                last = Array(words[(vonEnd + 1)...])
            } else {
                first = Array(words.dropLast())
                last = [words[words.count - 1]]
            }
        default:
            let head = sections[0]
            if sections.count == 2 {
                first = sections[1]
            } else {
                jr = sections[1]
                first = Array(sections[2...].joined())
            }
            guard !head.isEmpty else {
                if first.isEmpty { return nil }
                last = [first.removeLast()]
                break
            }
            if let vonEnd = head.dropLast().lastIndex(where: isLowerCaseWord) {
                von = Array(head[...vonEnd])
                last = Array(head[(vonEnd + 1)...])
            } else {
                last = head
            }
        }
        var homonym = ""
        if let tail = last.last, isHomonymNumber(tail), last.count + first.count + von.count > 1 {
            homonym = tail
            last.removeLast()
            if last.isEmpty {
                if !first.isEmpty { last = [first.removeLast()] } else if !von.isEmpty { last = [von.removeLast()] }
            }
        }
        let name = PersonName(first: decodeWords(first), von: decodeWords(von), last: decodeWords(last),
                              jr: decodeWords(jr), homonym: homonym)
        return name.last.isEmpty && name.first.isEmpty ? nil : name
    }

    private static func decodeWords(_ words: [String]) -> String {
        LaTeX.decode(words.joined(separator: " "))
    }

    private static func isHomonymNumber(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Splits at commas outside braces.
    private static func splitTopLevelCommas(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for char in text {
            if char == "{" { depth += 1 }
            if char == "}" { depth = max(0, depth - 1) }
            if char == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(char)
            }
        }
        parts.append(current)
        return parts
    }

    /// Splits on white space and `~` outside braces.
    private static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        for char in text {
            if char == "{" { depth += 1 }
            if char == "}" { depth = max(0, depth - 1) }
            if depth == 0, char.isWhitespace || char == "~" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(char)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// BibTeX's test for a `von` word: its first letter at brace depth 0 is lower
    /// case; a `{\…}` special character counts by the letter it carries; other
    /// braced groups are skipped.
    static func isLowerCaseWord(_ word: String) -> Bool {
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
