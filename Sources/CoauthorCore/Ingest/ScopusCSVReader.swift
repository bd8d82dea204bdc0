/// Reads Scopus CSV exports (SPEC §2), all three generations seen in the wild: with
/// `Author full names` (`Liu, Fengyuan (60410297700); …`), with `Author(s) ID` only (IDs by
/// position), and with neither. `Authors` is `;`- or (older files) `,`-separated;
/// `[No author name available]` means the record names no author. `Authors with affiliations`
/// gives each author's raw affiliation; `EID`, `DOI`, `Year`, `Title`, `Source title`,
/// `Cited by`, `Document Type` the rest.
public enum ScopusCSVReader {
    /// The record's EID (`2-s2.0-85123480963`), or "": the `EID` column's value when it is one;
    /// else the one field of the row that is one. (Some exports have rows with a field more than
    /// their header, which shifts the columns after it: the `EID` column then holds the `Source`.)
    static func eid(_ header: CSVHeader, _ row: [String]) -> String {
        let column = ExportValues.trimmed(header.value(row, "EID"))
        if isEID(column) { return column }
        let found = row.map { ExportValues.trimmed($0) }.filter(isEID)
        return found.count == 1 ? found[0] : ""
    }

    /// Whether `text` has the shape of a Scopus EID: `2-s2.0-` and letters or digits.
    static func isEID(_ text: String) -> Bool {
        text.hasPrefix("2-s2.0-") && text.utf8.count > 7
            && text.utf8.dropFirst(7).allSatisfy { $0 >= 0x30 && $0 <= 0x39 || $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x61 && $0 <= 0x7A }
    }

    /// The value of column `name`, or, in a row with more fields than the header whose column
    /// holds no value of its shape (`fits`), the value as many fields later that does: litstudy's
    /// Scopus export has a field more in most rows, after the funding texts, so that `PubMed ID`
    /// held the CODEN (`JBIOB`) and the PMID, one field on, matched no PubMed copy of the paper
    /// (a user trial of session 57).
    /// - Complexity: O(1) but `fits`.
    static func shiftedValue(_ header: CSVHeader, _ row: [String], _ name: String, fits: (String) -> Bool) -> String {
        let value = header.value(row, name)
        guard row.count > header.names.count, let column = header.column(name), !fits(value) else { return value }
        let shifted = column + row.count - header.names.count
        return fits(row[shifted]) ? row[shifted] : value
    }

    /// The document types Scopus writes, lower-cased.
    static let documentTypes: Set<String> = ["article", "review", "letter", "note", "editorial", "erratum", "short survey",
                                             "article in press", "conference paper", "conference review", "book", "book chapter",
                                             "data paper", "retracted", "survey", "business article", "report", "abstract report",
                                             "undefined", "chapter", "editorial note", "material related to"]

    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        CSVExport.read(bytes: bytes, path: path, format: "Scopus CSV", required: ["Authors", "Title"],
                       expected: [("Year", "year"), ("DOI", "DOI")]) { header, row, location in
            var record = ExportRecord(location: location)
            record.title = LaTeX.collapseWhitespace(header.value(row, "Title"))
            record.venue = LaTeX.collapseWhitespace(header.value(row, "Source title"))
            record.year = BibTeXReader.firstYear(header.value(row, "Year"))
            record.doi = ExportValues.doi(header.value(row, "DOI"))
            record.extras.eid = eid(header, row)
            record.extras.pmid = ExportValues.pmid(shiftedValue(header, row, "PubMed ID") { !ExportValues.pmid($0).isEmpty })
            record.extras.citedBy = ExportValues.int(header.value(row, "Cited by"))
            record.type = documentType(shiftedValue(header, row, "Document Type") { documentTypes.contains(ExportValues.trimmed($0).lowercased()) })
            record.key = record.extras.eid.isEmpty ? "row at line \(location.line)" : record.extras.eid
            let full = ExportValues.list(header.value(row, "Author full names")).filter { !$0.hasPrefix("[") }
            let ids = ExportValues.list(header.value(row, "Author(s) ID")).filter { !$0.hasPrefix("[") }
            let listed = authorList(header.value(row, "Authors"), expected: full.isEmpty ? ids.count : full.count)
            if !full.isEmpty {
                for entry in full {
                    // `Liu, Fengyuan (60410297700)`: the ID is the last parenthesised group.
                    var name = entry
                    var id = ""
                    if entry.hasSuffix(")"), let open = entry.lastIndex(of: "(") {
                        id = String(entry[entry.index(after: open)..<entry.index(before: entry.endIndex)])
                        name = ExportValues.trimmed(entry[..<open])
                    }
                    guard let parsed = ExportValues.name(name) else { continue }
                    record.addAuthor(parsed, ids: AuthorIDs(scopus: id.allSatisfy(\.isNumber) ? id : ""))
                }
            } else {
                let aligned = ids.count == listed.count
                if !aligned, !ids.isEmpty {
                    record.warnings.append("the row lists \(ids.count) Scopus author \(ids.count == 1 ? "ID" : "IDs") for \(listed.count) \(listed.count == 1 ? "author" : "authors"); they cannot be matched to the authors and are left out")
                }
                for (index, entry) in listed.enumerated() {
                    guard let parsed = ExportValues.name(entry) else { continue }
                    record.addAuthor(parsed, ids: AuthorIDs(scopus: aligned ? ids[index] : ""))
                }
            }
            addAffiliations(header.value(row, "Authors with affiliations"), short: listed,
                            known: ExportValues.list(header.value(row, "Affiliations")), to: &record)
            return record
        }
    }

    /// The names of `Authors`: `;`-separated, or in older files `,`-separated (`Phillips J.C., Braun R.`).
    static func authorList(_ text: String, expected: Int) -> [String] {
        let value = ExportValues.trimmed(text)
        if value.isEmpty || value.hasPrefix("[No author") { return [] }
        if value.contains(";") { return ExportValues.list(value) }
        let byComma = ExportValues.list(value, separator: ",")
        if byComma.count == expected || expected == 0 && !value.contains(".,") { return byComma }
        // `Smith, J., Doe, A.` (comma inside names): split after the initials' final dot.
        var names: [String] = []
        var current = ""
        for part in byComma {
            current += current.isEmpty ? part : ", " + part
            if part.hasSuffix(".") {
                names.append(current)
                current = ""
            }
        }
        if !current.isEmpty { names.append(current) }
        return names
    }

    /// `Liu F., Department …, China; Li C., …`: each author's part after its short name.
    /// `known`: the row's `Affiliations`, which split an author's part that joins several.
    private static func addAffiliations(_ text: String, short: [String], known: [String], to record: inout ExportRecord) {
        let parts = ExportValues.list(text)
        func country(_ raw: String) -> String { raw.split(separator: ",").last.map { ExportValues.trimmed($0) } ?? "" }
        // Parts that do not align with the authors (a name the reader could not read, a `;` inside
        // an affiliation): the row's `Affiliations` are the paper's, whose they are unknown.
        guard !parts.isEmpty, parts.count == record.authors.count else {
            record.extras.addresses = known.map { Affiliation(raw: $0, country: country($0)) }
            return
        }
        for (index, part) in parts.enumerated() {
            var raw = part
            let author = record.authors[index]
            // `Liu F., …` (current) or `Phillips, J.C., …` (older files): the author's name, then the affiliation.
            let prefixes = (index < short.count ? [short[index]] : []) + [author.last + ", " + author.first, author.last + " " + author.first]
            if let prefix = prefixes.first(where: { !$0.isEmpty && part.hasPrefix($0) }) {
                raw = ExportValues.trimmed(part.dropFirst(prefix.count).drop { $0 == "," || $0 == " " })
            } else if let comma = part.firstIndex(of: ",") {
                raw = ExportValues.trimmed(part[part.index(after: comma)...])
            }
            guard !raw.isEmpty else { continue }
            for raw in splitAffiliations(raw, known: known) {
                record.addAffiliation(Affiliation(raw: raw, country: country(raw)), to: index)
            }
        }
    }

    /// An author's part may join several affiliations with `, ` (`Dept A, Univ A, China, Dept B,
    /// Univ B, China`): it is split into the row's `Affiliations` entries it is exactly made of,
    /// else kept whole.
    static func splitAffiliations(_ raw: String, known: [String]) -> [String] {
        guard !known.isEmpty, !known.contains(raw) else { return [raw] }
        func split(_ rest: Substring) -> [String]? {
            for entry in known where rest.hasPrefix(entry) {
                let after = rest.dropFirst(entry.count)
                if after.isEmpty { return [entry] }
                if after.hasPrefix(", "), let tail = split(after.dropFirst(2)) { return [entry] + tail }
            }
            return nil
        }
        return split(raw[...]) ?? [raw]
    }

    static func documentType(_ text: String) -> String {
        switch ExportValues.trimmed(text).lowercased() {
        case "", "article", "review", "letter", "note", "editorial", "erratum", "short survey", "article in press": "article"
        case "conference paper", "conference review", "proceedings paper": "inproceedings"
        case "book": "book"
        case "book chapter": "incollection"
        default: ExportValues.trimmed(text).lowercased()
        }
    }
}
