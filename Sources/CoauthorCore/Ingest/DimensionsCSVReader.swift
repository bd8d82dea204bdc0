/// Reads Dimensions CSV exports (SPEC §2): a preamble line (`About the data: …`) before the
/// header, `Authors` (`Surname, Given; …`), `Title`, `Source title`, `PubYear`, `DOI`, `PMID`,
/// `Publication ID`, `Times cited`, and `Authors Affiliations` as raw text.
public enum DimensionsCSVReader {
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        CSVExport.read(bytes: bytes, path: path, format: "Dimensions CSV", required: ["Publication ID", "Authors"]) { header, row, location in
            var record = ExportRecord(location: location)
            let id = ExportValues.trimmed(header.value(row, "Publication ID"))
            record.key = id.isEmpty ? "row at line \(location.line)" : id
            record.title = LaTeX.collapseWhitespace(header.value(row, "Title"))
            record.venue = LaTeX.collapseWhitespace(header.value(row, "Source title", "Source Title"))
            record.year = BibTeXReader.firstYear(header.value(row, "PubYear", "Publication Year", "Publication Date"))
            record.doi = ExportValues.doi(header.value(row, "DOI"))
            record.extras.pmid = ExportValues.pmid(header.value(row, "PMID"))
            record.extras.citedBy = ExportValues.int(header.value(row, "Times cited", "Times Cited"))
            let researcherIDs = ExportValues.list(header.value(row, "Dimensions Researcher IDs", "Researcher IDs"))
            let names = ExportValues.list(header.value(row, "Authors"))
            let affiliations = authorAffiliations(header.value(row, "Authors Affiliations"))
            // Lists that do not align with the authors are the paper's affiliations (its
            // institution- and country-level ties need them, not whose they are).
            if affiliations.count != names.count { record.extras.addresses = affiliations.joined().map { Affiliation(raw: $0) } }
            for (index, name) in names.enumerated() {
                guard let parsed = ExportValues.name(name) else { continue }
                let dimensions = researcherIDs.count == names.count && researcherIDs[index].hasPrefix("ur.") ? researcherIDs[index] : ""
                let own = affiliations.count == names.count ? affiliations[index].map { Affiliation(raw: $0) } : []
                record.addAuthor(parsed, ids: AuthorIDs(dimensions: dimensions), affiliations: own)
            }
            return record
        }
    }

    /// `Smith, John (Univ A; Univ B); Doe, Ann (Univ C)` → [[Univ A, Univ B], [Univ C]]: one list
    /// per author, `;` separating authors only outside parentheses.
    static func authorAffiliations(_ text: String) -> [[String]] {
        var authors: [[String]] = []
        var depth = 0
        var inside = ""
        var current: [String]? = nil
        for char in text {
            switch char {
            case "(":
                if depth == 0 {
                    inside = ""
                    current = current ?? []
                } else {
                    inside.append(char)
                }
                depth += 1
            case ")":
                depth = max(0, depth - 1)
                if depth == 0 { current = (current ?? []) + ExportValues.list(inside) } else { inside.append(char) }
            case ";" where depth == 0:
                authors.append(current ?? [])
                current = nil
            default:
                if depth > 0 { inside.append(char) } else if current == nil, !char.isWhitespace { current = [] }
            }
        }
        if let current { authors.append(current) }
        return authors
    }
}
