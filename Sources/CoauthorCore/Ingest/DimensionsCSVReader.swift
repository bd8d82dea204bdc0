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
            record.extras.pmid = ExportValues.trimmed(header.value(row, "PMID"))
            record.extras.citedBy = ExportValues.int(header.value(row, "Times cited", "Times Cited"))
            let researcherIDs = ExportValues.list(header.value(row, "Dimensions Researcher IDs", "Researcher IDs"))
            let names = ExportValues.list(header.value(row, "Authors"))
            for (index, name) in names.enumerated() {
                guard let parsed = ExportValues.name(name) else { continue }
                let dimensions = researcherIDs.count == names.count && researcherIDs[index].hasPrefix("ur.") ? researcherIDs[index] : ""
                record.addAuthor(parsed, ids: AuthorIDs(dimensions: dimensions))
            }
            return record
        }
    }
}
