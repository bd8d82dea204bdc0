import Foundation

/// Reads CSL-JSON (the citeproc format Zotero, Mendeley and DOI content negotiation export) into
/// publications (SPEC §2).
///
/// The document is an array of items (a single item object is accepted too). Each item gives
/// `author` as `{family, given, non-dropping-particle, dropping-particle, suffix}` or
/// `{literal}`, `issued` as `date-parts` (or `raw`/`literal`), `title`, `container-title`,
/// `type`, `DOI` and `id`. Values are parsed by Foundation's JSON parser; a light byte scan
/// finds where each item starts, so every message names the item's index, line and column.
public enum CSLJSONReader {
    /// Parses `bytes` (the contents of `path`).
    ///
    /// Items that cannot be used (not an object, an author that is not a name) are skipped and
    /// reported; a document that is not JSON at all is one located error.
    /// - Complexity: O(n) in the size of the document.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var corpus = Corpus(files: 1)
        let lines = LineIndex(bytes: bytes, path: path)
        if let bad = firstInvalidUTF8Offset(bytes) {
            corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: bad),
                                                 "invalid UTF-8 at byte offset \(bad); CSL-JSON must be UTF-8"))
            corpus.skipped = 1
            return corpus
        }
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            // Where the text breaks; a file cut short is named at the value it cuts (the bracket
            // never closed), whose item is the one to look at.
            var failure = JSONScanner.firstFailure(in: bytes)
            if let cut = failure, cut.offset >= bytes.count, let open = JSONOutline.firstSyntaxError(bytes) {
                failure = .init(offset: open, message: "the file ends before this value is closed")
            }
            let offset = failure?.offset ?? JSONOutline.firstSyntaxError(bytes) ?? 0
            let why = failure.map { " (\($0.message))" } ?? ""
            corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: offset),
                                                 "not valid JSON here\(why); the file is not read (a CSL-JSON export is an array of items)"))
            corpus.skipped = 1
            return corpus
        }
        let items: [Any]
        let starts: [Int]
        if let array = document as? [Any] {
            items = array
            starts = JSONOutline.elementStarts(bytes)
        } else if let object = document as? [String: Any] {
            items = [object]
            starts = [bytes.firstIndex(of: UInt8(ascii: "{")) ?? 0]
        } else {
            corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: 0),
                                                 "CSL-JSON is an array of items, but this file holds a single \(type(of: document)) value"))
            corpus.skipped = 1
            return corpus
        }
        var keys: Set<String> = []
        // Items in file order: their locations read the file once, also when it is one line.
        var cursor = LineIndex.Cursor(lines)
        for (index, item) in items.enumerated() {
            let location = cursor.location(of: index < starts.count ? starts[index] : 0)
            corpus.records += 1
            guard let fields = item as? [String: Any] else {
                corpus.diagnostics.append(Diagnostic(.error, at: location, "item \(index) is not an object; the item is skipped"))
                corpus.skipped += 1
                continue
            }
            let key = text(fields["id"]) ?? "item\(index)"
            guard keys.insert(key).inserted else {
                corpus.duplicates += 1
                corpus.diagnostics.append(Diagnostic(.warning, at: location, "item \(index) repeats the id '\(key)'; the first item is kept"))
                continue
            }
            var authors: [PersonName] = []
            // ORCIDs as DOI content negotiation gives them (`"ORCID": "https://orcid.org/…"`).
            var orcids: [AuthorIDs] = []
            var unusable: String? = nil
            if let list = fields["author"] {
                guard let entries = list as? [Any] else {
                    corpus.diagnostics.append(Diagnostic(.error, at: location, "item \(index) ('\(key)'): 'author' is not an array of names; the item is skipped"))
                    corpus.skipped += 1
                    continue
                }
                for (position, entry) in entries.enumerated() {
                    if let object = entry as? [String: Any], let name = personName(object) {
                        authors.append(name)
                        let (orcid, warning) = ExportValues.checkedORCID(text(object["ORCID"]) ?? text(object["orcid"]) ?? "", author: name.displayName)
                        if let warning { corpus.diagnostics.append(Diagnostic(.warning, at: location, "item \(index) ('\(key)'): \(warning)")) }
                        orcids.append(AuthorIDs(orcid: orcid))
                    } else if unusable == nil {
                        unusable = "author \(position + 1)"
                    }
                }
            }
            if let unusable {
                corpus.diagnostics.append(Diagnostic(.error, at: location,
                                                     "item \(index) ('\(key)'): \(unusable) has neither 'family'/'given' nor 'literal'; the item is skipped"))
                corpus.skipped += 1
                continue
            }
            guard !authors.isEmpty else { continue }
            var publication = Publication(
                key: key, type: text(fields["type"]) ?? "",
                title: text(fields["title"]) ?? "",
                venue: text(fields["container-title"]) ?? text(fields["collection-title"]) ?? text(fields["publisher"]) ?? "",
                year: year(fields["issued"]),
                authors: authors,
                doi: text(fields["DOI"]) ?? text(fields["doi"]) ?? "",
                location: location)
            if orcids.contains(where: { !$0.isEmpty }) { publication.extras.authorIDs = orcids }
            corpus.publications.append(publication)
        }
        return corpus
    }

    /// A CSL name object as a name; nil when it has no usable part.
    static func personName(_ object: [String: Any]) -> PersonName? {
        if let literal = text(object["literal"]) {
            return PersonName(last: literal)
        }
        let family = text(object["family"]) ?? ""
        let given = text(object["given"]) ?? ""
        guard !family.isEmpty || !given.isEmpty else { return nil }
        let particles = [text(object["dropping-particle"]), text(object["non-dropping-particle"])].compactMap { $0 }
        // Given names only (a mononym): BibTeX puts a single word in the last part.
        if family.isEmpty { return NameParser.parsePlainName(given) }
        return PersonName(first: given, von: particles.joined(separator: " "), last: family,
                          jr: text(object["suffix"]) ?? "").precomposed
    }

    /// `issued`: `{"date-parts": [[2019, 5]]}`, else a four-digit year in `raw` or `literal`.
    static func year(_ value: Any?) -> Int? {
        guard let issued = value as? [String: Any] else { return text(value).flatMap(BibTeXReader.firstYear) }
        if let parts = issued["date-parts"] as? [Any], let first = parts.first as? [Any], let head = first.first {
            // A year as the other readers take it (four digits at most): any JSON number may stand
            // here, and 1e300 or -5e18 would trap when made an Int or stretch every timeline.
            if let number = head as? NSNumber, !(head is Bool) {
                let value = number.doubleValue
                return value.isFinite && value >= 0 && value <= 9999 ? Int(value) : nil
            }
            if let string = head as? String, let year = Int(string.trimmingBlanks()) { return (0...9999).contains(year) ? year : nil }
        }
        for field in ["raw", "literal", "season"] {
            if let year = text(issued[field]).flatMap(BibTeXReader.firstYear) { return year }
        }
        return nil
    }

    /// A string or number value, white space collapsed, NFC; nil when absent or empty.
    private static func text(_ value: Any?) -> String? {
        let raw: String
        if let string = value as? String {
            raw = string
        } else if let number = value as? NSNumber, !(value is Bool) {
            raw = number.stringValue
        } else {
            return nil
        }
        let collapsed = LaTeX.collapseWhitespace(raw).precomposedStringWithCanonicalMapping
        return collapsed.isEmpty ? nil : collapsed
    }
}

/// Byte offsets in a JSON document, found without building values (for locating messages).
enum JSONOutline {
    /// Where each element of the top-level array starts.
    /// - Complexity: O(n).
    static func elementStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var depth = 0
        var inString = false
        var escaped = false
        var expectValue = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if depth == 1 && expectValue && !isWhitespace(byte) && byte != UInt8(ascii: "]") {
                starts.append(offset)
                expectValue = false
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth == 1 { expectValue = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ","): if depth == 1 { expectValue = true }
            default: break
            }
        }
        return starts
    }

    /// A best guess at the first syntax error: an unbalanced bracket or an unterminated string.
    /// - Complexity: O(n).
    static func firstSyntaxError(_ bytes: [UInt8]) -> Int? {
        var stack: [(UInt8, Int)] = []
        var stringStart: Int? = nil
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if stringStart != nil {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { stringStart = nil } else if byte == UInt8(ascii: "\n") { return stringStart }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): stringStart = offset
            case UInt8(ascii: "["): stack.append((UInt8(ascii: "]"), offset))
            case UInt8(ascii: "{"): stack.append((UInt8(ascii: "}"), offset))
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let open = stack.popLast(), open.0 == byte else { return offset }
            default: break
            }
        }
        return stringStart ?? stack.last?.1
    }
}

extension JSONOutline {
    /// The records of a JSON document that holds one record, an array of them, or an object
    /// envelope from which `envelope` takes the list (nil: the object is itself one record).
    static func works(in document: Any, envelope: ([String: Any]) -> [Any]?) -> [Any] {
        if let object = document as? [String: Any], let list = envelope(object) { return list }
        if let array = document as? [Any] { return array }
        return [document]
    }
}
