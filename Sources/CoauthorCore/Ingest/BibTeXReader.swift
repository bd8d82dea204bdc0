import Foundation

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
                "invalid UTF-8 at byte offset \(location.byteOffset); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) or read it with --encoding latin1"
            }
        }
    }

    /// Parses `bytes` (the contents of `path`) into a corpus of publications.
    ///
    /// Malformed entries are skipped and reported as error diagnostics; the
    /// caller decides whether that is fatal (`--strict`).
    /// - Parameter encoding: how bytes are decoded; with `.latin1` every byte is a character.
    /// - Throws: `ReadError.invalidUTF8` when the bytes are not UTF-8 (and `encoding` is `.utf8`).
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String, encoding: TextEncoding = .utf8) throws(ReadError) -> Corpus {
        var bytes = bytes
        switch encoding {
        case .utf8:
            if let bad = firstInvalidUTF8Offset(bytes) {
                throw .invalidUTF8(LineIndex(bytes: bytes, path: path).location(of: bad))
            }
        case .latin1:
            bytes = latin1ToUTF8(bytes)
        }
        let lines = LineIndex(bytes: bytes, path: path)
        let parser = BibTeXParser.parse(bytes: bytes)

        var corpus = Corpus(files: 1)
        for error in parser.errors {
            corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: error.offset), error.message + "; the entry is skipped"))
        }
        for warning in parser.warnings {
            corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: warning.offset), warning.message))
        }
        corpus.skipped = parser.errors.count
        corpus.records = parser.entries.count + parser.errors.count

        // Citation keys are compared exactly, as biber and DBLP do (`conf/chi/YuN11` and
        // `conf/chi/Yun11` are two papers); `crossref` falls back to a case-insensitive match.
        var kept: [Int] = []
        kept.reserveCapacity(parser.entries.count)
        var byKey: [String: Int] = [:]
        byKey.reserveCapacity(parser.entries.count)
        for (index, entry) in parser.entries.enumerated() {
            if byKey[entry.key] != nil {
                corpus.duplicates += 1
                corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: entry.offset),
                                                     "duplicate citation key '\(entry.key)'; the first entry is kept"))
                continue
            }
            byKey[entry.key] = index
            kept.append(index)
        }
        // Entries are interpreted independently (names, LaTeX, crossref), so a large file is
        // split into one run of entries per core; results are joined in input order.
        let parsed = parser
        let entries = kept
        let index = byKey
        let chunkCount = kept.count >= 20_000 ? min(2, max(1, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let fallback = caseInsensitiveParents(parsed, kept: entries, byKey: index, runs: chunkCount)
        var parts = parallelRuns(chunkCount) { chunk in
            let lower = entries.count * chunk / chunkCount
            let upper = entries.count * (chunk + 1) / chunkCount
            // The first run's array has room for all, so the others are appended in place.
            return interpret(entries[lower..<upper], parser: parsed, byKey: index, caseInsensitive: fallback, lines: lines,
                             capacity: chunk == 0 ? entries.count : upper - lower)
        }
        var repeated = RepeatedFields()
        var unresolvedCrossrefs = 0
        var firstUnresolved: (offset: Int, key: String, target: String)? = nil
        // Moved out part by part, so no run's publications are held twice.
        corpus.publications = parts[0].publications
        parts[0].publications = []
        var interned = InternedAuthors(names: [], ids: [], starts: [0])
        interned.ids.reserveCapacity(parts.reduce(0) { $0 + $1.nameIDs.count })
        interned.starts.reserveCapacity(corpus.publications.count + 1)
        for k in parts.indices {
            // Each run's table follows the previous ones; its indices move by the same offset.
            let offset = Int32(interned.names.count)
            let base = interned.ids.count
            interned.names += parts[k].names
            interned.ids += parts[k].nameIDs.lazy.map { $0 + offset }
            interned.starts += parts[k].nameStarts.dropFirst().lazy.map { $0 + base }
            parts[k].names = []
            parts[k].nameIDs = []
            let part = parts[k]
            if k > 0 {
                corpus.publications += part.publications
                parts[k].publications = []
            }
            corpus.diagnostics += part.diagnostics
            repeated.absorb(part.repeated)
            unresolvedCrossrefs += part.unresolvedCrossrefs
            if firstUnresolved == nil { firstUnresolved = part.firstUnresolved }
        }
        if let first = firstUnresolved {
            let more = unresolvedCrossrefs > 1 ? " (and \(unresolvedCrossrefs - 1) more entries whose crossref is not in this file)" : ""
            corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: first.offset),
                                                 "entry '\(first.key)' has crossref '\(first.target)', which is not in this file; its own fields are used\(more)"))
        }
        for field in repeated.order {
            let (count, offset, key) = repeated.byName[field]!
            let more = count > 1 ? " (\(count) entries in this file repeat '\(field)')" : ""
            corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: offset),
                                                 "entry '\(key)' repeats the field '\(field)'; the first value is kept\(more)"))
        }
        corpus.internedAuthors = interned
        return corpus
    }

    /// For `crossref` targets that match no citation key exactly, the first entry whose key
    /// matches ignoring case, by lower-cased target. The targets are found on all cores; the
    /// keys are then scanned once against those few.
    /// - Complexity: O(entries + total key length).
    private static func caseInsensitiveParents(_ parser: BibTeXParser, kept: [Int], byKey: [String: Int], runs: Int) -> [String: Int] {
        let misses = parallelRuns(runs) { run in
            var found: [String] = []
            for position in (kept.count * run / runs)..<(kept.count * (run + 1) / runs) {
                let entry = parser.entries[kept[position]]
                guard let field = parser.fields[entry.fields].first(where: { $0.name == .crossref }) else { continue }
                let target = LaTeX.collapseASCIIWhitespace(parser.valueBytes(field.value))
                if byKey[target] == nil { found.append(lowercasedKey(target)) }
            }
            return found
        }.joined()
        guard !misses.isEmpty else { return [:] }
        let wanted = Set(misses)
        var parents: [String: Int] = [:]
        for index in kept {
            let key = lowercasedKey(parser.entries[index].key)
            if wanted.contains(key), parents[key] == nil { parents[key] = index }
        }
        return parents
    }

    /// `key.lowercased()`, without Unicode tables for the usual ASCII key.
    static func lowercasedKey(_ key: String) -> String {
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return key.lowercased() }
        return String(decoding: key.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// What interpreting one run of entries produced.
    private struct Interpreted {
        var publications: [Publication] = []
        /// The run's name table and each publication's indices into it.
        var names: [PersonName] = []
        var nameIDs: [Int32] = []
        var nameStarts: [Int] = [0]
        var diagnostics: [Diagnostic] = []
        var repeated = RepeatedFields()
        var unresolvedCrossrefs = 0
        var firstUnresolved: (offset: Int, key: String, target: String)? = nil
    }

    /// Turns the parsed entries `entries` (indices into `parser.entries`) into publications.
    /// - Complexity: O(size of those entries), plus O(kept) once if a crossref needs a case-insensitive match.
    private static func interpret(_ entries: ArraySlice<Int>, parser: BibTeXParser, byKey: [String: Int],
                                  caseInsensitive: [String: Int], lines: LineIndex, capacity: Int) -> Interpreted {
        func parentIndex(_ key: String) -> Int? {
            byKey[key] ?? caseInsensitive[lowercasedKey(key)]
        }

        var result = Interpreted()
        var seen: [UInt64] = []
        var names = NameInterner(expected: max(1024, entries.count))
        var cursor = LineIndex.Cursor(lines)
        result.publications.reserveCapacity(capacity)
        for index in entries {
            let entry = parser.entries[index]
            let fields = EntryFields(parser: parser, entry: entry, repeated: &result.repeated, seen: &seen)
            guard let authorValue = fields.authors else { continue }
            var parent: EntryFields? = nil
            if let crossref = fields.value(.crossref) {
                let target = LaTeX.collapseASCIIWhitespace(parser.valueBytes(crossref))
                if let parentIndex = parentIndex(target) {
                    var ignored = RepeatedFields()
                    var scratch: [UInt64] = []
                    parent = EntryFields(parser: parser, entry: parser.entries[parentIndex], repeated: &ignored, seen: &scratch)
                } else {
                    result.unresolvedCrossrefs += 1
                    if result.firstUnresolved == nil { result.firstUnresolved = (entry.offset, entry.key, target) }
                }
            }
            let list = NameParser.parseList(utf8: authorValue.bytes, interner: &names)
            for bad in list.rejected {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: authorValue.offset),
                                                     "entry '\(entry.key)': empty author name '\(bad)' between two 'and's is ignored"))
            }
            for name in list.commaBeforeAnd {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: authorValue.offset),
                                                     "entry '\(entry.key)': the author '\(name)' ends in a comma right before 'and'; read as two names, as BibTeX does (if 'and …' belongs to a given name, brace it: {and …})"))
            }
            guard !list.names.isEmpty else { continue }
            func text(_ name: BibTeXFieldName) -> ArraySlice<UInt8>? {
                if let value = fields.value(name) { return parser.valueBytes(value) }
                guard let parent else { return nil }
                // biblatex maps the parent's title to the child's booktitle.
                if name == .booktitle, let title = parent.value(.title) { return parser.valueBytes(title) }
                return parent.value(name).map { parser.valueBytes($0) }
            }
            func ownYear(_ fields: EntryFields?) -> Int? {
                guard let fields else { return nil }
                return fields.value(.year).flatMap { firstYear(parser.valueBytes($0)) }
                    ?? fields.value(.date).flatMap { firstYear(parser.valueBytes($0)) }
            }
            let year = ownYear(fields) ?? ownYear(parent)
            let venue = text(.journal) ?? text(.booktitle) ?? text(.journaltitle) ?? text(.howpublished)
                ?? text(.publisher) ?? text(.school) ?? text(.institution)
            result.nameIDs.append(contentsOf: list.ids)
            result.nameStarts.append(result.nameIDs.count)
            result.publications.append(Publication(
                key: entry.key,
                type: entry.type,
                title: text(.title).map { LaTeX.decode(utf8: $0) } ?? "",
                venue: venue.map { LaTeX.decode(utf8: $0) } ?? "",
                year: year,
                authors: list.names,
                hasTruncatedAuthors: list.truncated,
                equalContributors: fields.value(.authorAnnotation).map { equalContributors(parser.valueString($0)) } ?? [],
                doi: text(.doi).map { LaTeX.collapseASCIIWhitespace($0) } ?? "",
                location: cursor.location(of: entry.offset)))
        }
        result.names = names.names
        return result
    }

    /// How a file's bytes become text.
    public enum TextEncoding: String, Sendable, CaseIterable {
        case utf8
        /// ISO 8859-1: every byte is the character with that code.
        case latin1
    }

    private static func latin1ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(0xC0 | byte >> 6)
                out.append(0x80 | byte & 0x3F)
            }
        }
        return out
    }

    /// Non-name fields that entries repeat, reported once per field name per file.
    private struct RepeatedFields {
        var byName: [String: (count: Int, offset: Int, key: String)] = [:]
        var order: [String] = []

        /// Adds the notes of a later run of entries (the first place of each field stays first).
        mutating func absorb(_ later: RepeatedFields) {
            for name in later.order {
                let (count, offset, key) = later.byName[name]!
                if let seen = byName[name] {
                    byName[name] = (seen.count + count, seen.offset, seen.key)
                } else {
                    byName[name] = (count, offset, key)
                    order.append(name)
                }
            }
        }

        mutating func note(_ name: String, offset: Int, key: String) {
            if let seen = byName[name] {
                byName[name] = (seen.count + 1, seen.offset, seen.key)
            } else {
                byName[name] = (1, offset, key)
                order.append(name)
            }
        }
    }

    /// The first occurrence of each interpreted field of one entry; repeated `author`
    /// fields joined with ` and ` (`editor` is never used, so its repeats are simply allowed).
    private struct EntryFields {
        struct Authors {
            var bytes: ArraySlice<UInt8>
            var offset: Int
        }

        /// The entry's fields (a slice, not a copy of the parser: copying it per entry would
        /// retain and release every one of its buffers).
        private let fields: ArraySlice<BibTeXField>
        private(set) var authors: Authors? = nil

        /// - Parameter seen: scratch space reused across entries (hashes of field names seen).
        init(parser: BibTeXParser, entry: BibTeXEntry, repeated: inout RepeatedFields, seen: inout [UInt64]) {
            self.fields = parser.fields[entry.fields]
            seen.removeAll(keepingCapacity: true)
            var reported: [UInt64] = []
            for index in entry.fields {
                let field = parser.fields[index]
                if field.name == .author {
                    let value = parser.valueBytes(field.value)
                    if var existing = authors {
                        existing.bytes = (Array(existing.bytes) + Array(" and ".utf8) + Array(value))[...]
                        authors = existing
                    } else {
                        authors = Authors(bytes: value, offset: field.offset)
                    }
                    continue
                }
                if field.name == .editor { continue }
                if seen.contains(field.nameHash) {
                    if !reported.contains(field.nameHash) {
                        reported.append(field.nameHash)
                        repeated.note(parser.fieldNames[field.nameHash] ?? makeString(parser.bytes[field.nameBytes]).lowercased(), offset: field.offset, key: entry.key)
                    }
                } else {
                    seen.append(field.nameHash)
                }
            }
        }

        /// The first value of the field `name`.
        func value(_ name: BibTeXFieldName) -> BibTeXValue? {
            for field in fields where field.name == name { return field.value }
            return nil
        }
    }

    /// The first run of exactly four digits in `text` (`{2019}`, `2019-05-01`, `Spring 2019`).
    static func firstYear(_ text: String) -> Int? { firstYear(text.utf8[...]) }

    static func firstYear(_ text: some Collection<UInt8>) -> Int? {
        var run = 0
        var value = 0
        for byte in text {
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
