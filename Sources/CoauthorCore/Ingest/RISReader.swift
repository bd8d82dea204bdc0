/// Reads RIS (the tagged format of reference managers and bibliographic databases) into
/// publications (SPEC §2).
///
/// Line-based: `TY  - JOUR` opens a record and `ER  -` closes it; `AU`/`A1` are authors in
/// order, `PY`/`Y1`/`DA` the date (in that order of preference), `TI`/`T1` the title,
/// `T2`/`JO`/`JF`/`BT` the venue, `DO` the DOI, `ID` the key. A line without a tag continues
/// the previous value (some exports wrap long lines).
public enum RISReader {
    /// Parses `bytes` (the contents of `path`).
    ///
    /// A record without `ER` is kept (the next `TY` or the end of the file closes it) with a
    /// warning; tagged lines outside any record are reported once per run of them.
    /// - Parameter encoding: how bytes are decoded; with `.latin1` every byte is a character.
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String, encoding: BibTeXReader.TextEncoding = .utf8) -> Corpus {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var corpus = Corpus(files: 1)
        switch encoding {
        case .utf8:
            if let bad = firstInvalidUTF8Offset(bytes) {
                corpus.diagnostics.append(Diagnostic(.error, at: LineIndex(bytes: bytes, path: path).location(of: bad),
                                                     "invalid UTF-8 at byte offset \(bad); convert the file to UTF-8 or read it as Latin-1",
                                                     remedy: .readAsLatin1))
                corpus.skipped = 1
                return corpus
            }
        case .latin1:
            bytes = bytes.flatMap { $0 < 0x80 ? [$0] : [0xC0 | $0 >> 6, 0x80 | $0 & 0x3F] }
        }
        var record: Record? = nil
        var strayReported = false
        var keys: Set<String> = []
        var lineNumber = 0
        var lastTag: String? = nil

        func close(_ done: Record) {
            corpus.records += 1
            let key = done.fields["ID"]?.first ?? "record at line \(done.location.line)"
            if done.fields["ID"] != nil {
                guard keys.insert(key).inserted else {
                    corpus.duplicates += 1
                    corpus.diagnostics.append(Diagnostic(.warning, at: done.location, "record '\(key)' repeats the ID of an earlier record; the first is kept"))
                    return
                }
            }
            let listed = done.fields["AU"] ?? done.fields["A1"] ?? []
            let authors = listed.filter { !ExportValues.saysMoreAuthors($0) }.compactMap(ExportValues.plainName)
            guard !authors.isEmpty else { return }
            func first(_ tags: String...) -> String? {
                for tag in tags { if let value = done.fields[tag]?.first { return value } }
                return nil
            }
            let year = ["PY", "Y1", "DA"].lazy.compactMap { done.fields[$0]?.first.flatMap(BibTeXReader.firstYear) }.first
            // (At the record's `TY` line: its fields keep no line of their own.)
            let record = done.fields["ID"] == nil ? "this record" : "record '\(key)'"
            if let year, !BibTeXReader.plausibleYears.contains(year) {
                corpus.diagnostics.append(Diagnostic(.warning, at: done.location, BibTeXReader.implausible(year, of: record)))
            }
            if year == nil, let date = first("PY", "Y1", "DA"), !BibTeXReader.saysUndated(date) {
                corpus.diagnostics.append(Diagnostic(.warning, at: done.location,
                                                     "\(record): '\(date)' holds no year of four digits; the paper counts in every total but in no year (timelines, --from, --to)"))
            }
            var publication = Publication(
                key: key, type: entryType(done.type), title: first("TI", "T1") ?? "",
                venue: first("T2", "JO", "JF", "BT", "JA", "J2", "PB") ?? "", year: year, authors: authors,
                doi: first("DO").map(doiOnly) ?? "", location: done.location)
            publication.hasTruncatedAuthors = listed.contains { ExportValues.saysMoreAuthors($0) }
            corpus.publications.append(publication)
        }

        var start = 0
        while start < bytes.count {
            // Lines end in LF, CRLF or a lone CR (old Mac exports, and the stray CR some
            // databases put before `TY`): each counts as one line break, as editors count them.
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") && bytes[end] != UInt8(ascii: "\r") { end += 1 }
            lineNumber += 1
            var line = makeString(bytes[start..<end])
            // Files joined into one (`cat`) put the next one's byte-order mark before its first
            // `TY`: passed over as the file's first is (a character of the line, in its columns).
            let marked = line.unicodeScalars.first == "\u{FEFF}"
            if marked { line.unicodeScalars.removeFirst() }
            let location = SourceLocation(path: path, line: lineNumber, column: marked ? 2 : 1, byteOffset: start)
            start = end + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "\r"), start < bytes.count, bytes[start] == UInt8(ascii: "\n") { start += 1 }

            guard let (tag, value) = tagged(line) else {
                let text = LaTeX.collapseWhitespace(line)
                // Appended in place (both parts are already collapsed): copying the value out and
                // back for each wrapped line was quadratic in a long field's lines.
                if !text.isEmpty, record != nil, let lastTag, let count = record!.fields[lastTag]?.count, count > 0 {
                    record!.fields[lastTag]![count - 1] += " " + text
                }
                continue
            }
            lastTag = tag
            switch tag {
            case "TY":
                if let open = record {
                    corpus.diagnostics.append(Diagnostic(.warning, at: open.location,
                                                         "this record has no 'ER  -' line; the 'TY' at line \(lineNumber) ends it"))
                    close(open)
                }
                record = Record(type: value, location: location)
                strayReported = false
            case "ER":
                if let open = record {
                    close(open)
                    record = nil
                } else if !strayReported {
                    corpus.diagnostics.append(Diagnostic(.warning, at: location, "'ER' without a record opened by 'TY'; ignored"))
                }
            default:
                guard record != nil else {
                    if !strayReported {
                        strayReported = true
                        corpus.diagnostics.append(Diagnostic(.error, at: location,
                                                             "'\(tag)' outside a record: records start with 'TY  - TYPE'; these lines are skipped"))
                        corpus.skipped += 1
                    }
                    continue
                }
                if !value.isEmpty { record!.fields[tag, default: []].append(value) }
            }
        }
        if let open = record {
            if let last = bytes.last(where: { $0 != 0x20 && $0 != 0x09 }), last != 0x0A, last != 0x0D {
                // Cut in the middle of a line as well: its last value is a part of one (`AU  -
                // Keshavan, Ra` made the author `Ra Keshavan`: a hostile-input trial of session 55).
                corpus.diagnostics.append(Diagnostic(.error, at: open.location,
                                                     "the file ends inside this record, in the middle of a line and without 'ER  -': it looks cut off, and the record is skipped; export it again"))
                corpus.records += 1
                corpus.skipped += 1
            } else {
                corpus.diagnostics.append(Diagnostic(.warning, at: open.location, "the last record has no 'ER  -' line; the end of the file ends it"))
                close(open)
            }
        }
        if corpus.records == 0 && corpus.skipped == 0 && bytes.contains(where: { !isWhitespace($0) }) {
            corpus.diagnostics.append(Diagnostic(.error, at: .file(path), "no RIS record (a 'TY  - TYPE' line) found; this is not a RIS file"))
            corpus.skipped = 1
        }
        return corpus
    }

    private struct Record {
        var type: String
        var location: SourceLocation
        var fields: [String: [String]] = [:]
    }

    /// `XY  - value`: two characters (a capital letter, then a capital or a digit), blanks, a dash.
    private static func tagged(_ line: String) -> (String, String)? {
        let scalars = Array(line.unicodeScalars.prefix(6))
        guard scalars.count >= 2, ("A"..."Z").contains(scalars[0]),
              ("A"..."Z").contains(scalars[1]) || ("0"..."9").contains(scalars[1]) else { return nil }
        var rest = line.unicodeScalars.dropFirst(2)
        while let first = rest.first, first == " " || first == "\t" { rest = rest.dropFirst() }
        guard rest.first == "-" else { return nil }
        rest = rest.dropFirst()
        let tag = String(String.UnicodeScalarView(scalars[0..<2]))
        return (tag, LaTeX.collapseWhitespace(String(String.UnicodeScalarView(rest))).precomposedStringWithCanonicalMapping)
    }

    /// RIS reference types as the BibTeX entry types people know.
    private static func entryType(_ type: String) -> String {
        switch type.uppercased() {
        case "JOUR", "JFULL", "EJOUR", "MGZN", "NEWS": "article"
        case "CONF", "CPAPER": "inproceedings"
        case "BOOK", "EBOOK": "book"
        case "CHAP", "ECHAP": "incollection"
        case "THES": "phdthesis"
        case "RPRT": "techreport"
        default: type.lowercased()
        }
    }

    /// `https://doi.org/10.1/x` → `10.1/x` (exports write both forms).
    private static func doiOnly(_ value: String) -> String {
        if let range = value.range(of: "doi.org/") { return String(value[range.upperBound...]) }
        return value
    }
}
