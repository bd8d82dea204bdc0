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
                "invalid UTF-8 at byte offset \(location.byteOffset); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) or read it as Latin-1"
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
        let text = bytes
        let parser = BibTeXParser.parse(bytes: bytes)
        // Lines are indexed (for locations) while the citation keys are collected.
        // Citation keys are compared exactly, as biber and DBLP do (`conf/chi/YuN11` and
        // `conf/chi/Yun11` are two papers); `crossref` falls back to a case-insensitive match.
        let (lines, (keys, kept, duplicates)) = concurrently({ LineIndex(bytes: text, path: path) }, { () -> (CitationKeys, [Int], [Int]) in
            var keys = CitationKeys(expected: parser.entries.count)
            var kept: [Int] = []
            var duplicates: [Int] = []
            kept.reserveCapacity(parser.entries.count)
            for index in parser.entries.indices {
                if keys.insert(parser.entries[index].key, entry: index) {
                    kept.append(index)
                } else {
                    duplicates.append(index)
                }
            }
            return (keys, kept, duplicates)
        })

        var corpus = Corpus(files: 1)
        for error in parser.errors {
            corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: error.offset), error.message + "; the entry is skipped"))
        }
        for warning in parser.warnings {
            corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: warning.offset), warning.message))
        }
        corpus.skipped = parser.errors.count
        corpus.records = parser.entries.count + parser.errors.count

        // A repeated key on the same paper (its title alike) is a copy, and the first is kept; on
        // another paper it is an entry that cannot be used as it stands: an error, so that
        // `--strict` fails and the count of skipped records says so (a user trial of session 50
        // lost a paper to a warning under `--strict`).
        func title(_ entry: Int) -> String {
            for index in parser.entries[entry].fields where parser.fields[index].name == .title {
                return NameKey.fold(LaTeX.decode(utf8: parser.valueBytes(parser.fields[index].value)))
            }
            return ""
        }
        for index in duplicates {
            let entry = parser.entries[index]
            let first = keys.entry(entry.key).map(title) ?? ""
            if first == title(index) {
                corpus.duplicates += 1
                corpus.diagnostics.append(Diagnostic(.warning, at: lines.location(of: entry.offset),
                                                     "duplicate citation key '\(entry.key)'; the first entry is kept"))
            } else {
                corpus.skipped += 1
                corpus.diagnostics.append(Diagnostic(.error, at: lines.location(of: entry.offset),
                                                     "the citation key '\(entry.key)' is already another paper's; this entry is skipped (give it a key of its own)"))
            }
        }
        // Entries are interpreted independently (names, LaTeX, crossref), so a large file is
        // split into one run of entries per core; results are joined in input order.
        let entries = kept
        let chunkCount = kept.count >= 20_000 ? min(2, max(1, Parallelism.workers)) : 1
        let parents = crossrefParents(parser, kept: entries, keys: keys, runs: chunkCount)
        let macros = PreambleMacros(bibtex: parser.bytes)
        // Each run writes its publications straight into its own region of one buffer with room
        // for every entry; the regions are then closed up by moving, so no publication is copied.
        var parts: [Interpreted] = []
        corpus.publications = [Publication](unsafeUninitializedCapacity: entries.count) { buffer, initialized in
            guard let start = buffer.baseAddress else { return }
            let slots = PublicationSlots(start: start)
            parts = parallelRuns(chunkCount) { chunk in
                let lower = entries.count * chunk / chunkCount
                let upper = entries.count * (chunk + 1) / chunkCount
                return interpret(entries[lower..<upper], parents: parents[lower..<upper], parser: parser, macros: macros, lines: lines,
                                 into: slots.start + lower)
            }
            var count = 0
            for chunk in parts.indices {
                let lower = entries.count * chunk / chunkCount
                if lower != count { (start + count).moveInitialize(from: start + lower, count: parts[chunk].count) }
                count += parts[chunk].count
            }
            initialized = count
        }
        var repeated = RepeatedFields()
        var unresolvedCrossrefs = 0
        var firstUnresolved: (offset: Int, key: String, target: String)? = nil
        var interned = InternedAuthors(names: [], ids: [], starts: [0])
        interned.ids.reserveCapacity(parts.reduce(0) { $0 + $1.nameIDs.count })
        interned.starts.reserveCapacity(corpus.publications.count + 1)
        for k in parts.indices {
            // Each run's table follows the previous ones; its indices move by the same offset.
            let offset = Int32(interned.names.count)
            let base = interned.ids.count
            // The first table is taken over whole rather than copied name by name.
            if k == 0 { interned.names = parts[k].names } else { interned.names += parts[k].names }
            interned.ids += parts[k].nameIDs.lazy.map { $0 + offset }
            interned.starts += parts[k].nameStarts.dropFirst().lazy.map { $0 + base }
            parts[k].names = []
            parts[k].nameIDs = []
            let part = parts[k]
            corpus.diagnostics += part.diagnostics
            repeated.absorb(part.repeated)
            unresolvedCrossrefs += part.unresolvedCrossrefs
            corpus.droppedNames += part.droppedNames
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

    /// What `crossref` gives an entry, in `crossrefParents`: its parent's index in the parser's
    /// entries, or one of these.
    private static let noCrossref: Int32 = -1
    private static let missingParent: Int32 = -2

    /// For each kept entry, the index of the entry its `crossref` names: the citation key that
    /// matches exactly, else the first that matches ignoring case; `missingParent` when none
    /// does and `noCrossref` without the field. Computed on all cores; the keys are scanned once
    /// more only for the few targets that match no key exactly.
    /// - Complexity: O(entries + total key length).
    private static func crossrefParents(_ parser: BibTeXParser, kept: [Int], keys: CitationKeys, runs: Int) -> [Int32] {
        let parts = parallelRuns(runs) { run in
            var parents: [Int32] = []
            var misses: [(position: Int, target: String)] = []
            let range = (kept.count * run / runs)..<(kept.count * (run + 1) / runs)
            parents.reserveCapacity(range.count)
            for position in range {
                let fields = parser.entries[kept[position]].fields
                guard let field = fields.first(where: { parser.fields[$0].name == .crossref }) else {
                    parents.append(noCrossref)
                    continue
                }
                let target = LaTeX.collapseASCIIWhitespace(parser.valueBytes(parser.fields[field].value))
                if let parent = keys.entry(target) {
                    parents.append(Int32(parent))
                } else {
                    parents.append(missingParent)
                    misses.append((position, lowercasedKey(target)))
                }
            }
            return (parents, misses)
        }
        var parents = parts.flatMap(\.0)
        let misses = parts.flatMap(\.1)
        guard !misses.isEmpty else { return parents }
        let wanted = Set(misses.map(\.target))
        var byLowercasedKey: [String: Int] = [:]
        for index in kept {
            let key = lowercasedKey(parser.entries[index].key)
            if wanted.contains(key), byLowercasedKey[key] == nil { byLowercasedKey[key] = index }
        }
        for miss in misses {
            if let parent = byLowercasedKey[miss.target] { parents[miss.position] = Int32(parent) }
        }
        return parents
    }

    /// Citation keys and the first entry with each, found by their UTF-8 bytes (a byte hash
    /// table: much cheaper than a dictionary of strings for a few hundred thousand keys).
    private struct CitationKeys {
        private var table: ByteKeyTable
        private var entryOfKey: [Int] = []

        init(expected: Int) {
            table = ByteKeyTable(expected: expected)
            entryOfKey.reserveCapacity(expected)
        }

        /// Records `key` for `entry`; false when an earlier entry has the key.
        mutating func insert(_ key: String, entry: Int) -> Bool {
            var key = key
            let isNew = key.withUTF8 { table.findOrInsert($0).isNew }
            if isNew { entryOfKey.append(entry) }
            return isNew
        }

        /// The first entry with `key`.
        func entry(_ key: String) -> Int? {
            var key = key
            return key.withUTF8 { table.find($0) }.map { entryOfKey[$0] }
        }
    }

    /// `key.lowercased()`, without Unicode tables for the usual ASCII key.
    static func lowercasedKey(_ key: String) -> String {
        guard key.utf8.allSatisfy({ $0 < 0x80 }) else { return key.lowercased() }
        return String(decoding: key.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Where the runs of `interpret` write their publications: each its own region of one
    /// buffer, so sharing the pointer between cores is safe.
    private struct PublicationSlots: @unchecked Sendable {
        let start: UnsafeMutablePointer<Publication>
    }

    /// What interpreting one run of entries produced.
    private struct Interpreted {
        /// How many publications the run wrote.
        var count = 0
        /// The run's name table and each publication's indices into it.
        var names: [PersonName] = []
        var nameIDs: [Int32] = []
        var nameStarts: [Int] = [0]
        var diagnostics: [Diagnostic] = []
        var repeated = RepeatedFields()
        var unresolvedCrossrefs = 0
        var firstUnresolved: (offset: Int, key: String, target: String)? = nil
        /// Author names that were dropped (each with a warning).
        var droppedNames = 0
    }

    /// Turns the parsed entries `entries` (indices into `parser.entries`) into publications,
    /// initialised one after another from `destination` (which has room for one per entry).
    /// - Complexity: O(size of those entries), plus O(kept) once if a crossref needs a case-insensitive match.
    private static func interpret(_ entries: ArraySlice<Int>, parents: ArraySlice<Int32>, parser: BibTeXParser,
                                  macros: PreambleMacros, lines: LineIndex,
                                  into destination: UnsafeMutablePointer<Publication>) -> Interpreted {
        parser.bytes.withUnsafeBufferPointer { text in
            parser.expansions.withUnsafeBufferPointer { expansions in
                interpret(entries, parents: parents, parser: parser, macros: macros,
                          values: ValueBytes(text: text, expansions: expansions), lines: lines, into: destination)
            }
        }
    }

    /// The bytes of field values, read through pointers to the parser's buffers (valid while
    /// `interpret` runs): entries are interpreted on all cores, and array slices of the shared
    /// buffers would count their references up and down from each of them.
    private struct ValueBytes {
        let text: UnsafeBufferPointer<UInt8>
        let expansions: UnsafeBufferPointer<UInt8>

        subscript(_ value: BibTeXValue) -> UnsafeBufferPointer<UInt8> {
            switch value {
            case .slice(let range): UnsafeBufferPointer(rebasing: text[range])
            case .owned(let range): UnsafeBufferPointer(rebasing: expansions[range])
            }
        }
    }

    private static func interpret(_ entries: ArraySlice<Int>, parents: ArraySlice<Int32>, parser: BibTeXParser,
                                  macros: PreambleMacros, values: ValueBytes, lines: LineIndex,
                                  into destination: UnsafeMutablePointer<Publication>) -> Interpreted {
        var result = Interpreted()
        var seen = FieldNameHashes()
        var names = NameInterner(expected: max(1024, entries.count))
        var cursor = LineIndex.Cursor(lines)
        var scratch = FieldNameHashes()
        // Venues repeat (one proceedings title for all its papers): each spelling is decoded
        // once, and its papers share the string.
        var venueSpellings = ByteKeyTable(expected: 1024)
        var venueNames: [String] = []
        // The year fields warned about (a crossref parent's once for all its children).
        var warnedYears = Set<Int>()
        for (index, parentIndex) in zip(entries, parents) {
            let fields = EntryFields(parser: parser, text: values.text, entry: index, repeated: &result.repeated, seen: &seen)
            guard let author = fields.author else { continue }
            var parent: EntryFields? = nil
            if parentIndex >= 0 {
                var ignored = RepeatedFields()
                parent = EntryFields(parser: parser, text: values.text, entry: Int(parentIndex), repeated: &ignored, seen: &scratch)
            } else if parentIndex == missingParent {
                result.unresolvedCrossrefs += 1
                if result.firstUnresolved == nil, let crossref = fields.value(.crossref, in: parser) {
                    let target = LaTeX.collapseASCIIWhitespace(values[crossref])
                    result.firstUnresolved = (parser.entries[index].offset, parser.entries[index].key, target)
                }
            }
            var authorBytes = fields.joinedAuthors
            if !macros.isEmpty, let expanded = macros.expand(authorBytes ?? Array(values[author])) { authorBytes = expanded }
            let list = if let joined = authorBytes {
                joined.withUnsafeBufferPointer { NameParser.parseList(utf8: $0, interner: &names) }
            } else {
                NameParser.parseList(utf8: values[author], interner: &names)
            }
            result.droppedNames += list.rejected.count
            for name in list.undefinedCommands {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: fields.authorOffset),
                                                     "entry '\(parser.entries[index].key)': the author '\(name.written)' uses a command this file does not define; kept as the name '\(name.read)' (define it in @preamble with \\def to spell it out)"))
            }
            // Where the empty names are: an `and` at either end of the list, or two in a row (told
            // once per entry: the field's text was made again for each, quadratic in a field of
            // thousands, and each had a warning of its own: a hostile-input trial of session 55).
            let blanks = list.rejected.count { $0.allSatisfy(\.isWhitespace) }
            if blanks > 0 {
                let field = LaTeX.collapseWhitespace(String(decoding: authorBytes ?? Array(values[author]), as: UTF8.self)).lowercased()
                var places: [String] = []
                var between = blanks
                if field == "and" || field.hasPrefix("and ") {
                    places.append("the author list starts with 'and'; the empty name before it is dropped")
                    between -= 1
                }
                if between > 0, field.hasSuffix(" and") {
                    places.append("the author list ends with 'and'; the empty name after it is dropped")
                    between -= 1
                }
                if between == 1 { places.append("'and' twice in a row in the author list; the empty name between is dropped") }
                if between > 1 { places.append("'and' twice in a row \(between) times in the author list; the empty names between are dropped") }
                for message in places {
                    result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: fields.authorOffset),
                                                         "entry '\(parser.entries[index].key)': \(message)"))
                }
            }
            for bad in list.rejected where !bad.allSatisfy(\.isWhitespace) {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: fields.authorOffset),
                                                     "entry '\(parser.entries[index].key)': the author name '\(bad)' is empty once decoded and is dropped"))
            }
            for (written, read) in list.tooManyCommas.map({ ($0.written, $0.read) }) {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: fields.authorOffset),
                                                     "entry '\(parser.entries[index].key)': the author '\(written)' has more than two commas; read as BibTeX reads 'von Last, Jr, First', as '\(read)' (brace a comma that belongs to a name: {,})"))
            }
            for name in list.commaBeforeAnd {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: fields.authorOffset),
                                                     "entry '\(parser.entries[index].key)': the author '\(name)' ends in a comma right before 'and'; read as two names, as BibTeX does (if 'and …' belongs to a given name, brace it: {and …})"))
            }
            guard !list.names.isEmpty else { continue }
            let dated = ownYear(fields, parser, values) ?? parent.flatMap { ownYear($0, parser, values) }
            let year = dated?.year
            // A year no timeline can place, or one far from any calendar, is said at the field it
            // was read from, once for a crossref parent's (a user trial of session 53 found
            // `year = {20198}` counted only among the papers without a year).
            if let dated, !plausibleYears.contains(dated.year), warnedYears.insert(dated.offset).inserted {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: dated.offset), implausible(dated.year, of: "entry '\(parser.entries[index].key)'")))
            }
            if year == nil, let (value, offset) = unreadableYear(fields, parser, values) ?? parent.flatMap({ unreadableYear($0, parser, values) }),
               warnedYears.insert(offset).inserted {
                result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: offset),
                                                     "entry '\(parser.entries[index].key)': '\(value)' holds no year of four digits; the paper counts in every total but in no year (timelines, --from, --to)"))
            }
            let venue = text(.journal, fields, parent, parser, values) ?? text(.booktitle, fields, parent, parser, values)
                ?? text(.journaltitle, fields, parent, parser, values) ?? text(.howpublished, fields, parent, parser, values)
                ?? text(.publisher, fields, parent, parser, values) ?? text(.school, fields, parent, parser, values)
                ?? text(.institution, fields, parent, parser, values)
            var venueName = ""
            if let venue {
                let (id, isNew) = venueSpellings.findOrInsert(venue)
                if isNew { venueNames.append(LaTeX.decode(utf8: venue)) }
                venueName = venueNames[id]
            }
            result.nameIDs.append(contentsOf: list.ids)
            result.nameStarts.append(result.nameIDs.count)
            let entry = parser.entries[index]
            var publication = Publication(
                key: entry.key,
                type: entry.type,
                title: text(.title, fields, parent, parser, values).map { LaTeX.decode(utf8: $0) } ?? "",
                venue: venueName,
                year: year,
                authors: list.names,
                hasTruncatedAuthors: list.truncated,
                equalContributors: fields.value(.authorAnnotation, in: parser).map { equalContributors(parser.valueString($0)) } ?? [],
                doi: text(.doi, fields, parent, parser, values).map(LaTeX.doi) ?? "",
                location: cursor.location(of: entry.offset))
            if parser.hasDatabaseFields {
                // An author written with initials alone that an ID list names in full is spelled
                // out (as Web of Science's plain text is), and its name's place in the table moves
                // with it, which resolution reads.
                var warnings: [String] = []
                let spelledOut = addDatabaseFields(fields, parser, values, to: &publication, warnings: &warnings)
                for warning in warnings {
                    result.diagnostics.append(Diagnostic(.warning, at: lines.location(of: parser.entries[index].offset),
                                                         "entry '\(parser.entries[index].key)': \(warning)"))
                }
                for (author, name) in spelledOut {
                    // (Keyed apart from the bytes names are written with: a 0 first, which no
                    // written name has, so that no author written so shares its parse.)
                    let key = [0] + Array(name.displayName.utf8)
                    guard let id = key.withUnsafeBufferPointer({ names.id($0, parse: { _ in name }) }) else { continue }
                    publication.authors[author] = names.names[Int(id)]
                    result.nameIDs[result.nameIDs.count - publication.authorCount + author] = id
                }
            }
            (destination + result.count).initialize(to: consume publication)
            result.count += 1
        }
        result.names = names.names
        return result
    }

    /// What the BibTeX exports of the databases give beside the entry (SPEC §2): Web of Science's
    /// `ORCID-Numbers` and `ResearcherID-Numbers` (`Name/ID` entries separated by blanks, line
    /// breaks or `;`, matched to the authors by name), `Unique-ID` (the UT), `Affiliation` (its
    /// `C1` lines, read as `affiliations(ofWebOfScienceLines:)` reads them) and `Times-Cited`;
    /// Scopus's `affiliations` (older exports: `affiliation` on one line), the paper's addresses
    /// joined by `;`, whose they are unknown, as in its CSV's `Affiliations`, and `note = {Cited
    /// by: 52}`. An entry with none of them (a `note` of another kind) costs a look at its fields.
    /// - Returns: the authors written with initials alone (`Kara, A`) whose full names an ID
    ///   list gives (`Kara, Ali/0000-…`), spelled out (`WebOfScienceReader.spellOutInitials`), by
    ///   place: a user trial of session 57 found `A Kara` of Web of Science's BibTeX where its
    ///   plain text gives `Ali Kara`.
    @discardableResult
    private static func addDatabaseFields(_ fields: EntryFields, _ parser: BibTeXParser, _ values: ValueBytes,
                                          to publication: inout Publication, warnings: inout [String]) -> [(author: Int, name: PersonName)] {
        let timesCited = fields.value(.timesCited, in: parser), uniqueID = fields.value(.uniqueID, in: parser)
        let affiliation = fields.value(.affiliation, in: parser), affiliations = fields.value(.affiliations, in: parser)
        let ids = [fields.value(.orcidNumbers, in: parser), fields.value(.researcherIDNumbers, in: parser)]
        let citedBy = timesCited.flatMap { ExportValues.int(LaTeX.collapseASCIIWhitespace(values[$0])) }
            ?? fields.value(.note, in: parser).flatMap { scopusCitedBy(LaTeX.collapseASCIIWhitespace(values[$0])) }
        guard citedBy != nil || uniqueID != nil || affiliation != nil || affiliations != nil || ids.contains(where: { $0 != nil }) else { return [] }
        var spelledOut: [(author: Int, name: PersonName)] = []
        var record = ExportRecord(location: publication.location)
        record.authors = publication.authors
        let keys = ExportValues.MatchKeys(publication.authors.map(ExportValues.matchKey), names: publication.authors)
        for (kind, value) in zip([AuthorIDs.Kind.orcid, .researcherID], ids) {
            guard let value else { continue }
            for (name, written) in slashedEntries(LaTeX.decode(utf8: values[value])) {
                guard let author = ExportValues.authorIndex(of: name, in: keys) else { continue }
                let id = kind == .orcid ? ExportValues.orcid(written) : written
                if !id.isEmpty {
                    record.setIDs({ $0.set(id, of: kind) }, of: author)
                } else if kind == .orcid, let warning = ExportValues.orcidCheckWarning(written, author: name) {
                    // (The name the list writes still spells out the author's.)
                    warnings.append(warning)
                }
                let written = spelledOut.first { $0.author == author }?.name ?? publication.authors[author]
                if WebOfScienceReader.hasInitialsOnly(written), let listed = ExportValues.name(name) {
                    var full = written
                    WebOfScienceReader.spellOutInitials(of: &full, from: listed)
                    if full != written {
                        spelledOut.removeAll { $0.author == author }
                        spelledOut.append((author, full))
                    }
                }
            }
        }
        if let uniqueID { record.extras.ut = LaTeX.collapseASCIIWhitespace(values[uniqueID]) }
        record.extras.citedBy = citedBy
        // Web of Science's `Affiliation` (lines of `C1`), where the entry is Web of Science's or
        // the value has several lines; else Scopus's older one-line `affiliation`.
        let isWebOfScience = uniqueID != nil || timesCited != nil
        if let affiliation, isWebOfScience || values[affiliation].contains(0x0A) {
            // Line by line: the value's line breaks end its addresses.
            let text = values[affiliation]
            var start = 0
            var decoded: [String] = []
            for end in 0...text.count where end == text.count || text[end] == 0x0A {
                decoded.append(LaTeX.decode(utf8: UnsafeBufferPointer(rebasing: text[start..<end])))
                start = end + 1
            }
            let (byAuthor, paper) = Self.affiliations(ofWebOfScienceLines: decoded, keys: keys,
                                                      organisations: affiliations.map { LaTeX.decode(utf8: values[$0]) })
            for (author, affiliation) in byAuthor { record.addAffiliation(affiliation, to: author) }
            record.extras.addresses += paper
        } else if let addresses = isWebOfScience ? nil : affiliations ?? affiliation {
            // (A Web of Science entry's `Affiliations` are its organisations' names, not addresses.)
            record.extras.addresses = ExportValues.list(LaTeX.decode(utf8: values[addresses])).map { address in
                Affiliation(raw: address, country: address.split(separator: ",").last.map { ExportValues.trimmed($0) } ?? "")
            }
        }
        if !record.ids.isEmpty || !record.extras.ut.isEmpty || record.extras.citedBy != nil || !record.affiliations.isEmpty
            || !record.extras.addresses.isEmpty {
            publication.extras = record.takePublication().extras
        }
        return spelledOut
    }

    /// The count of a Scopus `note` that starts `Cited by: 52` (older exports: `cited By 52`; after
    /// it Scopus may add other notes: `Cited by: 52; All Open Access, Green Open Access`), else nil.
    static func scopusCitedBy(_ note: String) -> Int? {
        guard note.count > 8, note.prefix(8).lowercased() == "cited by" else { return nil }
        let digits = note.dropFirst(8).drop { $0 == " " || $0 == ":" }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// The affiliations of the lines of a Web of Science BibTeX `Affiliation` (its `C1` lines
    /// without their brackets): `Surname, Given; Surname, Given, Org, …, Country.` gives the
    /// address to each author the names designate; a line whose names are not all the paper's
    /// authors (an older record's address alone: `Chung Yuan Christian Univ, Dept Business Adm,
    /// Chungli 320, Taiwan.`) is the paper's. The reprint address (`… (Corresponding Author),
    /// …`) repeats an author's and is left out. `organisations`, the entry's `Affiliations`, names
    /// the institutions as the plain text's `C3` does (`WebOfScienceReader.standardNames`).
    static func affiliations(ofWebOfScienceLines lines: [String], keys: ExportValues.MatchKeys, organisations: String? = nil)
        -> (byAuthor: [(author: Int, affiliation: Affiliation)], paper: [Affiliation]) {
        let (byAuthor, paper, addresses) = affiliations(ofWebOfScienceLines: lines, keys: keys)
        guard let organisations, let standard = WebOfScienceReader.standardNames(ofAddresses: addresses, organisations: organisations)
        else { return (byAuthor, paper) }
        func named(_ affiliation: Affiliation) -> Affiliation {
            var affiliation = affiliation
            if let name = standard.name(of: affiliation) { affiliation.institution = name }
            return affiliation
        }
        return (byAuthor.map { ($0.author, named($0.affiliation)) }, paper.map(named))
    }

    /// `affiliations(ofWebOfScienceLines:keys:organisations:)` without the organisations, and the
    /// addresses in the order of the lines.
    private static func affiliations(ofWebOfScienceLines lines: [String], keys: ExportValues.MatchKeys)
        -> (byAuthor: [(author: Int, affiliation: Affiliation)], paper: [Affiliation], addresses: [String]) {
        var byAuthor: [(Int, Affiliation)] = []
        var paper: [Affiliation] = []
        var addresses: [String] = []
        for line in lines.map({ ExportValues.trimmed($0) }) where !line.isEmpty {
            guard !line.contains("(Corresponding Author)"), !line.contains("(Reprint Author)") else { continue }
            // The names end at the second comma after the last `; ` (each name is `Surname, Given`).
            let lastName = line.range(of: "; ", options: .backwards)?.upperBound ?? line.startIndex
            if let first = line[lastName...].firstIndex(of: ","), let second = line[line.index(after: first)...].firstIndex(of: ",") {
                let names = line[..<second].components(separatedBy: "; ")
                let authors = names.map { ExportValues.authorIndex(of: $0, in: keys) }
                let address = ExportValues.trimmed(line[line.index(after: second)...])
                if !address.isEmpty, authors.allSatisfy({ $0 != nil }) {
                    let affiliation = WebOfScienceReader.address(address)
                    for author in authors { byAuthor.append((author!, affiliation)) }
                    addresses.append(address)
                    continue
                }
            }
            paper.append(WebOfScienceReader.address(line))
            addresses.append(line)
        }
        return (byAuthor, paper, addresses)
    }

    /// `Gomez-Ruiz, Jose Antonio/K-7689-2014 Pelaez, Jose I/O-9450-2016` → the (name, ID) pairs:
    /// an ID has no blank, so each word with a `/` ends an entry.
    static func slashedEntries(_ text: String) -> [(name: String, id: String)] {
        var entries: [(String, String)] = []
        var words: [Substring] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == ";" || $0 == "\r" }) {
            guard let slash = word.lastIndex(of: "/") else {
                words.append(word)
                continue
            }
            words.append(word[..<slash])
            let id = String(word[word.index(after: slash)...])
            if !id.isEmpty { entries.append((words.joined(separator: " "), id)) }
            words.removeAll()
        }
        return entries
    }

    /// The bytes of the field `name` of an entry, else of its crossref parent (whose `title` is
    /// the child's `booktitle`, as in biblatex).
    private static func text(_ name: BibTeXFieldName, _ fields: EntryFields, _ parent: EntryFields?,
                             _ parser: BibTeXParser, _ values: ValueBytes) -> UnsafeBufferPointer<UInt8>? {
        if let value = fields.value(name, in: parser) { return values[value] }
        guard let parent else { return nil }
        if name == .booktitle, let title = parent.value(.title, in: parser) { return values[title] }
        return parent.value(name, in: parser).map { values[$0] }
    }

    /// The year of an entry's own `year` field, else of its `date`, with where that field starts.
    private static func ownYear(_ fields: EntryFields, _ parser: BibTeXParser, _ values: ValueBytes) -> (year: Int, offset: Int)? {
        for name in [BibTeXFieldName.year, .date] {
            if let (value, offset) = fields.field(name, in: parser), let year = firstYear(values[value]) { return (year, offset) }
        }
        return nil
    }

    /// The `year` (else `date`) field of an entry that gives no year, with where its value
    /// starts, unless it is empty or says the work has no date yet (`n.d.`, `forthcoming`, …).
    private static func unreadableYear(_ fields: EntryFields, _ parser: BibTeXParser, _ values: ValueBytes) -> (String, Int)? {
        guard let (value, offset) = fields.field(.year, in: parser) ?? fields.field(.date, in: parser) else { return nil }
        let text = LaTeX.collapseWhitespace(LaTeX.decode(utf8: values[value]))
        return saysUndated(text) ? nil : (text, offset)
    }

    /// How a file's bytes become text.
    public enum TextEncoding: String, Sendable, CaseIterable {
        case utf8
        /// ISO 8859-1: every byte is the character with that code.
        case latin1
    }

    /// The UTF-8 of Latin-1 `bytes` (every byte the character with that code).
    static func latin1ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
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
    ///
    /// It holds indices, not slices of the parser's buffers: entries are interpreted on all
    /// cores, and a slice would count references to the one shared buffer up and down on each.
    private struct EntryFields {
        /// The entry's fields (indices into the parser's `fields`).
        private let fields: Range<Int>
        /// The first `author` field (nil without one).
        private(set) var author: BibTeXValue? = nil
        /// Where the first `author` value starts.
        private(set) var authorOffset = 0
        /// All `author` fields joined with ` and `, when the entry repeats the field.
        private(set) var joinedAuthors: [UInt8]? = nil

        /// - Parameters:
        ///   - text: the parser's bytes.
        ///   - seen: scratch space reused across entries (hashes of field names seen).
        init(parser: borrowing BibTeXParser, text: UnsafeBufferPointer<UInt8>, entry: Int, repeated: inout RepeatedFields, seen: inout FieldNameHashes) {
            let range = parser.entries[entry].fields
            self.fields = range
            seen.removeAll()
            // Reported once per name and entry.
            var reported = FieldNameHashes()
            // Repeats noted in field order: the parser's of uncoded fields (which it does not
            // keep) merged with those found here.
            var notes: [(offset: Int, nameHash: UInt64, nameBytes: Range<Int>?)] = parser.otherRepeats[entry]?.map { ($0.offset, $0.nameHash, nil) } ?? []
            let parserNotes = notes.count
            for index in range {
                let field = parser.fields[index]
                if field.name == .author {
                    if let first = author {
                        if joinedAuthors == nil { joinedAuthors = Array(parser.valueBytes(first)) }
                        joinedAuthors!.append(contentsOf: " and ".utf8)
                        joinedAuthors!.append(contentsOf: parser.valueBytes(field.value))
                    } else {
                        author = field.value
                        authorOffset = field.offset
                    }
                    continue
                }
                if field.name == .editor { continue }
                let nameHash = field.nameHash(in: text)
                if !seen.insert(nameHash), reported.insert(nameHash) { notes.append((field.offset, nameHash, field.nameBytes)) }
            }
            guard !notes.isEmpty else { return }
            if parserNotes > 0 && notes.count > parserNotes { notes.sort { $0.offset < $1.offset } }
            for note in notes {
                let name = parser.fieldNames[note.nameHash] ?? note.nameBytes.map { parser.string($0).lowercased() } ?? ""
                repeated.note(name, offset: note.offset, key: parser.entries[entry].key)
            }
        }

        /// The first value of the field `name`.
        func value(_ name: BibTeXFieldName, in parser: BibTeXParser) -> BibTeXValue? {
            field(name, in: parser)?.value
        }

        /// The first value of the field `name`, with where the field starts.
        func field(_ name: BibTeXFieldName, in parser: BibTeXParser) -> (value: BibTeXValue, offset: Int)? {
            for index in fields where parser.fields[index].name == name { return (parser.fields[index].value, parser.fields[index].offset) }
            return nil
        }
    }

    /// Years a publication list plausibly holds; one outside is read as written (SPEC: the first four-digit year), with a
    /// warning: `0019` or `2109` is a typing error that stretches every timeline over centuries.
    static let plausibleYears = 1000...2100

    static func implausible(_ year: Int, of record: String) -> String {
        // (Four digits, as written: `0019`.)
        let digits = String(year)
        return "\(record): the year \(String(repeating: "0", count: max(0, 4 - digits.count)) + digits) is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound), likely a typing error; it is read as written, and timelines run from the first year to the last"
    }

    /// Whether `text`, a date field without a year, is empty or says the work has no date yet
    /// (`n.d.`, `forthcoming`, `in press`, `to appear`, …): nothing to warn about.
    static func saysUndated(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
        return words.isEmpty || undatedWords.contains(words)
    }

    private static let undatedWords: Set<String> = [
        "n d", "nd", "no date", "s d", "sd", "undated", "forthcoming", "in press", "inpress", "to appear", "submitted",
        "accepted", "in preparation", "in prep", "in review", "under review", "unpublished", "preprint", "in print",
    ]

    /// The first run of exactly four digits in `text` (`{2019}`, `2019-05-01`, `Spring 2019`).
    static func firstYear(_ text: String) -> Int? { firstYear(text.utf8[...]) }

    static func firstYear(_ text: some Collection<UInt8>) -> Int? {
        var run = 0
        var value = 0
        for byte in text {
            if isDigit(byte) {
                run += 1
                // Only a run of four can be the answer: longer runs are counted, not valued
                // (a run of twenty digits would overflow).
                if run <= 4 { value = value * 10 + Int(byte - 0x30) }
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
