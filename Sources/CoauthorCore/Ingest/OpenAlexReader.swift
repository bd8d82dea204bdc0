import Foundation

/// Reads OpenAlex works (SPEC §2): an API list response (`{"meta": …, "results": [work…]}`), a
/// single work, a JSON array of works, the snapshot's JSON Lines (one work per line), and the
/// web interface's CSV export (`|`-separated `authorships.*` columns).
///
/// Authors come from `authorships[].author` (`id`, `display_name`, `orcid`; `raw_author_name`
/// when the display name is missing); institutions give the affiliation's name, ROR id and
/// `country_code`, `raw_affiliation_strings` its raw text. Compressed snapshot files (`.gz`) are
/// decompressed on the way in (`InputReader`).
public enum OpenAlexReader {
    /// JSON: the whole document, or one work per line. The bytes are read in place by
    /// `JSONScanner`: only the fields a record keeps become strings; abstracts, reference lists
    /// and every other value are checked and skipped.
    /// - Complexity: O(n) in the size of the file.
    public static func readJSON(bytes: [UInt8], path: String) -> Corpus {
        var result = ExportCorpus()
        let lines = LineIndex(bytes: bytes, path: path)
        if bytes.starts(with: [0x1F, 0x8B]) {
            result.error(.file(path), "these bytes are gzip-compressed; read the file by its path (coauthor decompresses .gz files) or decompress it first (gunzip \(path))")
            return result.corpus
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            result.error(lines.location(of: bad), "invalid UTF-8 at byte offset \(bad); OpenAlex JSON is UTF-8")
            return result.corpus
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return bytes.withUnsafeBufferPointer { buffer in
            var works = OpenAlexWorkReader(path: path)
            if works.readDocument(buffer, from: start, lines: lines, into: &result) { return result.corpus }
            var lineCursor = LineIndex.Cursor(lines)
            var parsedAny = false
            var failures = 0
            var firstFailure: JSONScanner.Failure? = nil
            JSONLines.forEach(buffer, from: start) { lineStart, lineEnd in
                switch works.readLine(buffer, from: lineStart, to: lineEnd) {
                case .success(let fields):
                    parsedAny = true
                    works.add(fields, at: lineCursor.location(of: lineStart), to: &result)
                case .failure(let failure):
                    failures += 1
                    if firstFailure == nil { firstFailure = failure }
                    result.corpus.records += 1
                    result.error(lineCursor.location(of: failure.offset),
                                 "this line is not a JSON work object (\(failure.message)); the line is skipped (JSON Lines hold one work per line)")
                case nil:
                    break
                }
            }
            if !parsedAny, failures > 0 {
                // Not JSON Lines either: one error for the file, not one per line, where the
                // document itself first went wrong.
                let failure = works.documentFailure ?? firstFailure!
                var corpus = ExportCorpus()
                corpus.error(lines.location(of: failure.offset),
                             "not valid JSON here (\(failure.message)); the file is not read (an OpenAlex file is a work, a list response or JSON Lines)")
                return corpus.corpus
            }
            return result.corpus
        }
    }

    /// Reads an OpenAlex file by its path. JSON Lines (the snapshot's form, plain or `.gz`) are
    /// read a block of lines at a time, so memory holds one block and the records, not the file;
    /// any other file (an API response, a single work) is read whole by `readJSON(bytes:path:)`.
    /// The records and messages are those `readJSON(bytes:path:)` gives for the same bytes.
    /// - Parameter keepingText: false leaves out the works' titles, sources and DOIs in JSON
    ///   Lines (they are skipped, their syntax still checked), which no output but the report's
    ///   list of papers reads, and which match a paper across files only (`InputReader.read`'s
    ///   `keepingText`).
    /// - Complexity: O(n) time in the size of the file; memory O(block + records).
    public static func readJSON(path: String, blockSize: Int = 8 << 20, keepingText: Bool = true) -> Corpus {
        var lines = LinesRun(works: OpenAlexWorkReader(path: path, keepingText: keepingText), path: path, line: 1)
        // The readers lent to a block's later runs (their name caches), lanes 1, 2, ….
        var lanes: [OpenAlexWorkReader] = []
        // nil until the first block decides: JSON Lines (streamed), or a document (read whole).
        var streaming: Bool? = nil
        var whole: [UInt8] = []
        var invalid: Corpus? = nil
        let failure = LineBlocks.read(path: path, blockSize: blockSize) { block, offset in
            if streaming == nil {
                streaming = startsJSONLines(block)
            }
            guard streaming == true else {
                whole.append(contentsOf: block)
                return true
            }
            let start = offset == 0 && block.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if let bad = lines.read(block, from: start, offset: offset, lanes: &lanes) {
                var badLine = lines.line
                var lineStart = 0
                for k in 0..<bad where block[k] == 0x0A {
                    badLine += 1
                    lineStart = k + 1
                }
                invalid = Corpus(skipped: 1, files: 1, diagnostics: [Diagnostic(.error, at: locate(block, bad, lineStart: lineStart, offset: offset, line: badLine, path: path),
                                                                                "invalid UTF-8 at byte offset \(offset + bad); OpenAlex JSON is UTF-8")])
                return false
            }
            return true
        }
        if let invalid { return invalid }
        var result = lines.result
        switch failure {
        case .open(let reason)?:
            return LineBlocks.Failure.unopened(path: path, reason: reason)
        case .read(let reason)?:
            if streaming != true { return LineBlocks.Failure.unopened(path: path, reason: reason) }
            result.error(SourceLocation(path: path, line: lines.line, column: 1),
                         "cannot read the rest of the file (\(reason)); the works before this line were read")
        case .afterStream(let reason)?:
            // The whole stream was read (a document too: a review of session 52 found it unread).
            if streaming != true {
                var corpus = readJSON(bytes: whole, path: path)
                corpus.diagnostics.append(Diagnostic(.error, at: .file(path), "cannot read the rest of the file (\(reason)); everything before it was read"))
                corpus.skipped += 1
                return corpus
            }
            result.error(SourceLocation(path: path, line: lines.line, column: 1),
                         "cannot read the rest of the file (\(reason)); everything before it was read")
        case nil:
            break
        }
        guard streaming == true else { return readJSON(bytes: whole, path: path) }
        if !lines.parsedAny, lines.failures > 0, let firstFailure = lines.firstFailure {
            var corpus = ExportCorpus()
            corpus.error(SourceLocation(path: path, line: 1, column: 1, byteOffset: firstFailure.offset),
                         "not valid JSON here (\(firstFailure.message)); the file is not read (an OpenAlex file is a work, a list response or JSON Lines)")
            return corpus.corpus
        }
        return result.corpus
    }

    /// JSON Lines read a block at a time: what the lines so far gave, and the number of the next.
    /// Lines are independent, so a block is cut into one run of lines per core, each read by a
    /// `LinesRun` of its own and appended in order.
    private struct LinesRun: Sendable {
        var works: OpenAlexWorkReader
        let path: String
        var line: Int
        var result = ExportCorpus()
        var parsedAny = false
        var failures = 0
        var firstFailure: JSONScanner.Failure? = nil

        init(works: OpenAlexWorkReader, path: String, line: Int) {
            self.works = works
            self.path = path
            self.line = line
        }

        /// Reads the lines of `block` from `start` (the block starts at file offset `offset`),
        /// on all cores when it is large, lending the later runs the readers in `lanes`; or,
        /// where the block is not UTF-8, reads nothing and returns the offset of its first
        /// invalid byte.
        mutating func read(_ block: UnsafeBufferPointer<UInt8>, from start: Int, offset: Int, lanes: inout [OpenAlexWorkReader]) -> Int? {
            let cuts = LineBlocks.cuts(block, from: start) { LineBlocks.lineStart(in: block, from: $0, prefix: []) }
            let runs = cuts.count - 1
            guard runs > 1 else {
                if let bad = firstInvalidUTF8Offset(block) { return bad }
                readLines(block, from: start, to: block.count, offset: offset)
                return nil
            }
            let shared = LineBlocks.SharedBlock(bytes: block)
            let feeds: [Int]
            switch LineBlocks.checkRuns(shared, cuts: cuts, validating: true) {
            case .invalid(let bad): return bad
            case .lineFeeds(let counted): feeds = counted
            }
            var later: [LinesRun] = []
            var next = line
            for k in 1..<runs {
                next += feeds[k - 1]
                while lanes.count < k { lanes.append(OpenAlexWorkReader(path: path, keepingText: works.keepingText)) }
                var run = LinesRun(works: OpenAlexWorkReader(path: path, keepingText: works.keepingText), path: path, line: next)
                swap(&run.works, &lanes[k - 1])
                later.append(run)
            }
            // In place, through pointers: a copy of a run would copy its name cache when it writes.
            withUnsafeMutablePointer(to: &self) { first in
                later.withUnsafeMutableBufferPointer { rest in
                    let runners = LineBlocks.SharedParsers(first: first, rest: rest)
                    _ = parallelRuns(runs) { k in
                        if k == 0 {
                            runners.first.pointee.readLines(shared.bytes, from: cuts[0], to: cuts[1], offset: offset)
                        } else {
                            runners.rest[k - 1].readLines(shared.bytes, from: cuts[k], to: cuts[k + 1], offset: offset)
                        }
                        return true
                    }
                }
            }
            for k in 1..<runs {
                result.append(later[k - 1].result)
                parsedAny = parsedAny || later[k - 1].parsedAny
                failures += later[k - 1].failures
                if firstFailure == nil { firstFailure = later[k - 1].firstFailure }
                line = later[k - 1].line
                swap(&later[k - 1].works, &lanes[k - 1])
            }
            return nil
        }

        /// Reads the lines of `block[from..<to]`, one after the other.
        private mutating func readLines(_ block: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, offset: Int) {
            JSONLines.forEach(UnsafeBufferPointer(rebasing: block[..<end]), from: start) { lineStart, lineEnd in
                defer { line += 1 }
                switch works.readLine(block, from: lineStart, to: lineEnd) {
                case .success(let fields):
                    parsedAny = true
                    works.add(fields, at: locate(block, lineStart, lineStart: lineStart, offset: offset, line: line, path: path), to: &result)
                case .failure(let failure):
                    failures += 1
                    if firstFailure == nil { firstFailure = failure }
                    result.corpus.records += 1
                    result.error(locate(block, failure.offset, lineStart: lineStart, offset: offset, line: line, path: path),
                                 "this line is not a JSON work object (\(failure.message)); the line is skipped (JSON Lines hold one work per line)")
                case nil:
                    break
                }
            }
        }
    }

    /// Whether a file whose first block is `block` is JSON Lines: its first non-blank line is a
    /// whole JSON object and another non-blank line follows in the block (then the file cannot be
    /// one JSON document). Anything else is read whole, as a document or as JSON Lines.
    static func startsJSONLines(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = block.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var first: (Int, Int)? = nil
        var second = false
        JSONLines.forEach(block, from: start) { lineStart, lineEnd in
            guard !second, (lineStart..<lineEnd).contains(where: { !isWhitespace(block[$0]) }) else { return }
            if first == nil { first = (lineStart, lineEnd) } else { second = true }
        }
        guard let (lineStart, lineEnd) = first, second, firstInvalidUTF8Offset(Array(block[lineStart..<lineEnd])) == nil else { return false }
        start = lineStart
        var scanner = JSONScanner(block, from: start, to: lineEnd)
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{"), (try? scanner.skipValue()) != nil else { return false }
        scanner.skipWhitespace()
        return scanner.atEnd
    }

    /// The location of `index` in `block`, on the line `line` that starts at `lineStart`.
    private static func locate(_ block: UnsafeBufferPointer<UInt8>, _ index: Int, lineStart: Int, offset: Int, line: Int, path: String) -> SourceLocation {
        var column = 1
        for position in lineStart..<index where block[position] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(path: path, line: line, column: column, byteOffset: offset + index)
    }

    /// The web CSV export: `id`, `display_name`, `publication_year`, `doi`, `cited_by_count`, and the
    /// `authorships.*` columns, each a `|`-separated list aligned by author.
    /// - Complexity: O(n) in the size of the file.
    public static func readCSV(bytes: [UInt8], path: String) -> Corpus {
        CSVExport.read(bytes: bytes, path: path, format: "OpenAlex CSV", required: ["id", "authorships.author.display_name"],
                       expected: [("publication_year", "year"), ("doi", "DOI")]) { header, row, location in
            var record = ExportRecord(location: location)
            record.extras.openAlex = ExportValues.lastComponent(header.value(row, "id"))
            record.key = record.extras.openAlex.isEmpty ? "row at line \(location.line)" : record.extras.openAlex
            record.title = LaTeX.collapseWhitespace(header.value(row, "display_name", "title"))
            record.year = BibTeXReader.firstYear(header.value(row, "publication_year"))
            record.doi = ExportValues.doi(header.value(row, "doi"))
            record.venue = LaTeX.collapseWhitespace(header.value(row, "primary_location.source.display_name"))
            record.extras.citedBy = ExportValues.int(header.value(row, "cited_by_count"))
            record.extras.pmid = ExportValues.pmid(ExportValues.lastComponent(header.value(row, "ids.pmid")))
            record.type = workType(header.value(row, "type"))
            func column(_ name: String) -> [String] {
                let value = header.value(row, name)
                return value.isEmpty ? [] : value.split(separator: "|", omittingEmptySubsequences: false).map { ExportValues.trimmed($0) }
            }
            let names = column("authorships.author.display_name")
            // A list of IDs that does not align with the names gives them to no one: by place, a
            // list short of one gave each author after the gap the next one's ID (a user trial of
            // session 57).
            func aligned(_ list: [String], _ what: String) -> [String] {
                guard !list.isEmpty, list.count != names.count else { return list }
                record.warnings.append("the row lists \(list.count) \(what) for \(names.count) \(names.count == 1 ? "author" : "authors"); they cannot be matched to the authors and are left out")
                return []
            }
            let ids = aligned(column("authorships.author.id"), "author IDs")
            let orcids = aligned(column("authorships.author.orcid"), "ORCIDs")
            let countries = column("authorships.countries")
            let institutions = column("authorships.institutions.display_name")
            // Institutions that do not align with the authors (an author at two gives the list an
            // entry more) are the paper's: its institution-level ties need them, not whose they are.
            if institutions.count != names.count {
                // Each author's countries are those of their institutions: where all are one
                // country, so are the institutions' (a user trial of session 61 was told that
                // `Government Medical College` of a row whose countries are `IN|IN` named none).
                let distinct = Set(countries)
                let country = distinct.count == 1 && countries.count == names.count && !countries[0].isEmpty ? countries[0] : ""
                record.extras.addresses = institutions.filter { !$0.isEmpty }.map { Affiliation(institution: $0, country: country) }
            }
            for (index, name) in names.enumerated() {
                guard let parsed = ExportValues.name(name) else { continue }
                let (orcid, warning) = ExportValues.checkedORCID(index < orcids.count ? orcids[index] : "", author: name)
                if let warning { record.warnings.append(warning) }
                let authorIDs = AuthorIDs(orcid: orcid,
                                          openAlex: index < ids.count ? ExportValues.lastComponent(ids[index]) : "")
                var affiliations: [Affiliation] = []
                // The institution and country columns align by author only when they have one entry each.
                if institutions.count == names.count, !institutions[index].isEmpty {
                    affiliations.append(Affiliation(institution: institutions[index],
                                                    country: countries.count == names.count ? countries[index] : ""))
                } else if countries.count == names.count, !countries[index].isEmpty {
                    // Authors with several institutions unalign those, not the countries (one entry per author).
                    affiliations.append(Affiliation(country: countries[index]))
                }
                record.addAuthor(parsed, ids: authorIDs, affiliations: affiliations)
            }
            return record
        }
    }

    /// OpenAlex work types as the BibTeX entry types people know.
    static func workType(_ type: String) -> String {
        switch type.lowercased() {
        case "", "article", "journal-article", "review", "letter", "editorial", "erratum": "article"
        case "proceedings-article": "inproceedings"
        case "book": "book"
        case "book-chapter": "incollection"
        case "dissertation": "phdthesis"
        default: type.lowercased()
        }
    }
}
