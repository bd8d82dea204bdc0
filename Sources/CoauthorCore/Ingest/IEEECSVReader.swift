/// Reads IEEE Xplore CSV exports (SPEC §2): `Authors` and `Author Affiliations` (`;`-separated,
/// aligned by position where their counts agree, else the paper's), `Document Title`,
/// `Publication Title`, `Publication Year`, `DOI`, `Article Citation Count`.
// Each CSV export maps its own columns through `CSVExport.read`: alike in shape to the Scopus,
// Lens and Dimensions readers, deliberately.
public enum IEEECSVReader {
    /// - Complexity: O(n) in the size of the file.
    public static func read(bytes: [UInt8], path: String) -> Corpus {
        CSVExport.read(bytes: bytes, path: path, format: "IEEE Xplore CSV", required: ["Document Title", "Authors"],
                       expected: [("Publication Year", "year"), ("DOI", "DOI")]) { header, row, location in
            var record = ExportRecord(location: location)
            record.title = LaTeX.collapseWhitespace(header.value(row, "Document Title"))
            record.venue = LaTeX.collapseWhitespace(header.value(row, "Publication Title"))
            record.year = BibTeXReader.firstYear(header.value(row, "Publication Year"))
            record.doi = ExportValues.doi(header.value(row, "DOI"))
            record.key = record.doi.isEmpty ? "row at line \(location.line)" : record.doi
            record.extras.citedBy = ExportValues.int(header.value(row, "Article Citation Count"))
            let names = ExportValues.list(header.value(row, "Authors"))
            let affiliations = header.value(row, "Author Affiliations").split(separator: ";", omittingEmptySubsequences: false)
                .map { ExportValues.trimmed($0) }
            // `NA`, and IEEE's `another affiliation` (a second one not named), name no institution.
            func isGiven(_ affiliation: String) -> Bool {
                !affiliation.isEmpty && affiliation != "NA" && affiliation.lowercased() != "another affiliation"
            }
            // Affiliations that do not align with the authors (seven for six authors) are the
            // paper's: its institution- and country-level ties need them, not whose they are.
            let aligned = affiliations.count == names.count
            if !aligned { record.extras.addresses = affiliations.filter(isGiven).map { Affiliation(raw: $0) } }
            for (index, name) in names.enumerated() {
                guard let parsed = ExportValues.name(name) else { continue }
                let affiliation = aligned && isGiven(affiliations[index]) ? [Affiliation(raw: affiliations[index])] : []
                record.addAuthor(parsed, affiliations: affiliation)
            }
            return record
        }
    }
}
