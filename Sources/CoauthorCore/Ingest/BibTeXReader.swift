/// Reads BibTeX and biblatex files into publications (SPEC §2).
///
/// The syntax layer (`BibTeXParser`) is byte-level and never recurses on the
/// input; this layer interprets entries: duplicate fields, `crossref`
/// inheritance, years, names, LaTeX, joint first authorship.
public enum BibTeXReader {
    /// Errors that stop a whole file from being read.
    public enum ReadError: Error, Sendable, CustomStringConvertible {
        case invalidUTF8(SourceLocation)

        public var location: SourceLocation {
            switch self {
            case .invalidUTF8(let location): location
            }
        }

        public var description: String {
            switch self {
            case .invalidUTF8(let location):
                "invalid UTF-8 at byte offset \(location.byteOffset); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"
            }
        }
    }

    /// Fields whose repeated occurrences are joined with ` and ` rather than dropped.
    private static let nameFields: Set<String> = ["author", "editor"]

    /// Parses `bytes` (the contents of `path`) into a corpus of publications.
    ///
    /// Malformed entries are skipped and reported as error diagnostics; the
    /// caller decides whether that is fatal (`--strict`).
    /// - Throws: `ReadError.invalidUTF8` when the bytes are not UTF-8.
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) throws(ReadError) -> Corpus {
        let lines = LineIndex(bytes: bytes, path: path)
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw .invalidUTF8(lines.location(of: bad))
        }
        var parser = BibTeXParser(bytes: bytes)
        parser.parse()

        var corpus = Corpus(files: 1)
        for error in parser.errors {
            corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: error.offset), error.message + "; the entry is skipped"))
        }
        for warning in parser.warnings {
            corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: warning.offset), warning.message))
        }
        corpus.skipped = parser.errors.count
        corpus.records = parser.entries.count + parser.errors.count

        // Merge duplicate fields, then index entries by key for crossref.
        var entries: [BibTeXEntry] = []
        entries.reserveCapacity(parser.entries.count)
        var byKey: [String: Int] = [:]
        for var entry in parser.entries {
            entry.fields = mergeDuplicateFields(entry, lines: lines, diagnostics: &corpus.diagnostics)
            let folded = entry.key.lowercased()
            if byKey[folded] != nil {
                corpus.duplicates += 1
                corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: entry.offset),
                                                     "duplicate citation key '\(entry.key)'; the first entry is kept"))
                continue
            }
            byKey[folded] = entries.count
            entries.append(entry)
        }

        for entry in entries {
            let location = lines.location(of: entry.offset)
            let parent = entry.field("crossref").flatMap { byKey[$0.value.trimmingBlanks().lowercased()] }.map { entries[$0] }
            func value(_ name: String) -> String? {
                if let field = entry.field(name) { return field.value }
                // biblatex maps the parent's title to the child's booktitle.
                if name == "booktitle", let title = parent?.field("title") { return title.value }
                if name == "author" { return nil }  // authors are never inherited from a volume
                return parent?.field(name)?.value
            }
            guard let authorField = entry.field("author") else { continue }
            let list = NameParser.parseList(authorField.value)
            for bad in list.rejected {
                corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: authorField.offset),
                                                     "entry '\(entry.key)': empty author name '\(bad)' between two 'and's is ignored"))
            }
            guard !list.names.isEmpty else { continue }
            let year = value("year").flatMap(firstYear) ?? value("date").flatMap(firstYear) ?? parent.flatMap { p in
                p.field("year").flatMap { firstYear($0.value) } ?? p.field("date").flatMap { firstYear($0.value) }
            }
            let venue = value("journal") ?? value("booktitle") ?? value("journaltitle") ?? value("howpublished")
                ?? value("publisher") ?? value("school") ?? value("institution") ?? ""
            corpus.publications.append(Publication(
                key: entry.key,
                type: entry.type,
                title: LaTeX.decode(value("title") ?? ""),
                venue: LaTeX.decode(venue),
                year: year,
                authors: list.names,
                hasTruncatedAuthors: list.truncated,
                equalContributors: equalContributors(entry.field("author+an")?.value ?? ""),
                doi: LaTeX.collapseWhitespace(value("doi") ?? ""),
                location: location))
        }
        return corpus
    }

    /// Joins repeated `author`/`editor` fields with ` and `; for any other field the first wins.
    private static func mergeDuplicateFields(_ entry: BibTeXEntry, lines: LineIndex, diagnostics: inout [Diagnostic]) -> [BibTeXField] {
        var merged: [BibTeXField] = []
        var indexByName: [String: Int] = [:]
        for field in entry.fields {
            guard let existing = indexByName[field.name] else {
                indexByName[field.name] = merged.count
                merged.append(field)
                continue
            }
            if nameFields.contains(field.name) {
                merged[existing].value += " and " + field.value
            } else {
                diagnostics.append(Diagnostic(.warning, at: lines.location(of: field.offset),
                                              "entry '\(entry.key)' repeats the field '\(field.name)'; the first value is kept"))
            }
        }
        return merged
    }

    /// The first run of exactly four digits in `text` (`{2019}`, `2019-05-01`, `Spring 2019`).
    static func firstYear(_ text: String) -> Int? {
        var run = 0
        var value = 0
        for byte in text.utf8 {
            if isDigit(byte) {
                run += 1
                value = value * 10 + Int(byte - 0x30)
            } else {
                if run == 4 { return value }
                run = 0
                value = 0
            }
        }
        return run == 4 ? value : nil
    }

    /// Positions marked `equal` in a biblatex `author+an` annotation (`1=equal;2=equal`).
    static func equalContributors(_ annotation: String) -> [Int] {
        annotation.split(separator: ";").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[1].trimmingBlanks().split(separator: ",").contains(where: { $0.trimmingBlanks() == "equal" }) else { return nil }
            return Int(parts[0].trimmingBlanks())
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space.
    func trimmingBlanks() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
